"""The eventx release, in one place: pyproject.toml reads it too (hatch)."""

__version__ = "0.1.0"
