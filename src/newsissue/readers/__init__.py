"""Readers turn a page's source into :mod:`newsissue.evidence` lines for the segmenter."""

from .text import read_lines

__all__ = ["read_lines"]
