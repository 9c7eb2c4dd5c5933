"""The METS plugin: the issue's article segmentation as a METS logical structMap over its ALTO pages.

Light on purpose: lxml and the writer (:mod:`newsissue.formats.mets_write`) load when METS is written.
What is written, and how it maps to the model: docs/archives.md.
"""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..interfaces import Exporter, NoOptions
from ..model import Issue

__all__ = ["METS", "MetsExporter"]

#: The METS namespace.
METS = "http://www.loc.gov/METS/"


class MetsExporter(Exporter):
    """METS 1.12 with the article map of an issue read from ALTO, for archives that have none."""

    name = "mets"
    media_type = "application/xml"
    suffix = ".mets.xml"
    description = "METS 1.12: the issue's articles as a logical structMap pointing at its ALTO blocks"

    def render(self, issue: Issue, options: NoOptions) -> bytes:
        from .mets_write import mets

        return mets(issue)


@hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The METS exporter."""
    return (MetsExporter(),)
