"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

import eventx
from tests.helpers import Extract


@pytest.fixture(scope="session")
def extract() -> Extract:
    return eventx.extract
