"""The package version: one literal, read by the build (pyproject's dynamic version) and at run time."""

__version__ = "0.1.0"
