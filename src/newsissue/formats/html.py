"""An item's body as XHTML elements (paragraphs, ``h2`` crossheads, figures) and as plain text."""

from __future__ import annotations

import attrs
from lxml import etree
from lxml.builder import ElementMaker

from ..model import Article, Block, Figure, Heading, Paragraph

__all__ = ["HTML", "XHTML", "body_elements", "body_from_elements", "plain_text"]

XHTML = "http://www.w3.org/1999/xhtml"
E = ElementMaker(namespace=XHTML, nsmap={None: XHTML})
#: Plain HTML elements (no namespace), for HTML carried as a string.
HTML = ElementMaker()


def _figure(figure: Figure, E: ElementMaker) -> etree._Element:  # noqa: N803
    element = E.figure()
    if figure.image is not None:
        element.append(E.img(src=figure.image, alt=figure.caption or ""))
    if figure.caption is not None or figure.credit is not None:
        caption = E.figcaption()
        if figure.caption is not None:
            caption.append(E.span(figure.caption, {"class": "caption"}))
        if figure.credit is not None:
            if len(caption):
                caption[-1].tail = " "
            caption.append(E.span(figure.credit, {"class": "credit"}))
        element.append(caption)
    return element


def _flat_figure(figure: Figure, E: ElementMaker) -> list[etree._Element]:  # noqa: N803
    image = [E.img(src=figure.image, alt=figure.caption or "")] if figure.image is not None else []
    elements = [E.div(*image, {"class": "figure"})]  # opens the figure, picture or not
    if figure.caption is not None:
        elements.append(E.p(figure.caption, {"class": "caption"}))
    if figure.credit is not None:
        elements.append(E.p(figure.credit, {"class": "credit"}))
    return elements


def body_elements(item: Article, E: ElementMaker = E, *, flat: bool = False) -> list[etree._Element]:  # noqa: N803
    """The body's blocks as XHTML elements (or plain HTML ones with ``E=HTML``), in order.

    ``flat``: XHTML 1.0 block elements that hold only text, never other elements: a figure is
    ``div.figure`` holding its image (empty when it has none), then ``p.caption`` and ``p.credit``.
    XHTML 1.0 has no ``figure``, and readers that copy each top-level element's text (Superdesk's
    ingest) get every caption whole.
    """
    elements = []
    for block in item.body:
        if isinstance(block, Paragraph):
            elements.append(E.p(block.text))
        elif isinstance(block, Heading):
            elements.append(E.h2(block.text))
        elif flat:
            elements.extend(_flat_figure(block, E))
        else:
            elements.append(_figure(block, E))
    return elements


def body_from_elements(elements: list[etree._Element]) -> tuple[Block, ...]:
    """Blocks back from :func:`body_elements`' XHTML, flat or not (what the NewsML reader sees)."""
    blocks: list[Block] = []
    figure: Figure | None = None  # the flat figure being read: its image, caption and credit in that order
    for element in elements:
        name = etree.QName(element).localname
        css = element.get("class")
        if name == "div" and css == "figure":
            image = next((child.get("src") for child in element if etree.QName(child).localname == "img"), None)
            figure = Figure(image=image)
            blocks.append(figure)
        elif name == "p" and css in ("caption", "credit"):
            if figure is None or getattr(figure, css) is not None or (css == "caption" and figure.credit is not None):
                figure = Figure()
                blocks.append(figure)
            blocks[-1] = figure = attrs.evolve(figure, **{css: element.text or ""})
            continue
        elif name == "p":
            blocks.append(Paragraph(text=element.text or ""))
        elif name == "h2":
            blocks.append(Heading(text=element.text or ""))
        elif name == "figure":
            image = next((child.get("src") for child in element if etree.QName(child).localname == "img"), None)
            spans = {span.get("class"): span.text or "" for span in element.iter(f"{{{XHTML}}}span")}
            blocks.append(Figure(caption=spans.get("caption"), credit=spans.get("credit"), image=image))
        if name != "div":
            figure = None
    return tuple(blocks)


def plain_text(item: Article) -> str:
    """The body as plain text: one block a paragraph, blank lines between."""
    lines = []
    for block in item.body:
        if isinstance(block, Figure):
            lines.append(" ".join(part for part in (block.caption, block.credit) if part))
        else:
            lines.append(block.text)
    return "\n\n".join(line for line in lines if line)
