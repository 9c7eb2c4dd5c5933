"""Generated layout pages (fictional text) for the archive readers' properties: ALTO, hOCR, PAGE-XML.

A page is a grid of columns, each holding text blocks of lines; a block may be a headline set
larger than the body. ALTO is written in one of the dialects the archives deliver (no namespace,
ALTO 1 (CCS), 2, 3 or 4; pixel, mm10 or inch1200; with or without a BOM; ``HYP`` at some line
ends); hOCR as Tesseract writes it (XHTML, or HTML); PAGE-XML in the 2013 or 2019 namespace.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st

NAMESPACES = (
    None,
    "http://schema.ccs-gmbh.com/ALTO",
    "http://www.loc.gov/standards/alto/ns-v2#",
    "http://www.loc.gov/standards/alto/ns-v3#",
    "http://www.loc.gov/standards/alto/ns-v4#",
)
PAGE_NAMESPACES = (
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéèßABCDEFGHIJKLMNOPRSTUVWZ", min_size=1, max_size=9)
_LINE = st.lists(_WORD, min_size=1, max_size=7)
_RULE = st.builds(
    lambda left, top, width, height: (left, top, left + width, top + height),
    st.integers(0, 3600),
    st.integers(0, 1200),
    st.integers(1, 900),
    st.integers(1, 60),
)

# A block: (headline?, [(words, hyphenated?, box)]); a line's box is (left, top, right, bottom).
Box = tuple[int, int, int, int]
Block = tuple[bool, list[tuple[list[str], bool, Box]]]


@st.composite
def layouts(draw: st.DrawFn) -> list[Block]:
    """Columns of blocks of lines with their boxes."""
    blocks: list[Block] = []
    for column in range(draw(st.integers(1, 4))):
        top = 100
        for _ in range(draw(st.integers(1, 3))):
            headline = draw(st.booleans())
            lines = []
            for words in draw(st.lists(_LINE, min_size=1, max_size=1 if headline else 6)):
                hyphen = not headline and draw(st.booleans())
                width = sum(len(word) * 20 + 20 for word in words)
                height = 80 if headline else 40
                lines.append((words, hyphen, (100 + column * 900, top, 100 + column * 900 + width, top + height)))
                top += 90 if headline else 50
            blocks.append((headline, lines))
            top += 60
    return blocks


def printed_words(blocks: list[Block]) -> list[str]:
    """The words as printed: a hyphenated line's last word with its hyphen."""
    return [
        word + ("-" if hyphen and position == len(words) - 1 else "")
        for _, lines in blocks
        for words, hyphen, _ in lines
        for position, word in enumerate(words)
    ]


def alto(
    blocks: list[Block],
    namespace: str | None,
    unit: str,
    bom: bool,
    picture: bool = False,
    *,
    rules: tuple[Box, ...] = (),
) -> bytes:
    """The page as ALTO; ``picture`` adds an ``Illustration`` below the text, across the first column;
    ``rules`` are ``GraphicalElement`` boxes."""
    out = []
    line_id = 0
    for number, (headline, lines) in enumerate(blocks, 1):
        xml_lines = []
        for words, hyphen, (left, top, right, bottom) in lines:
            line_id += 1
            strings, x = [], left
            for position, word in enumerate(words):
                strings.append(
                    f'<String ID="S{line_id}_{position}" CONTENT={quoteattr(word)} HPOS="{x}" VPOS="{top}"'
                    f' WIDTH="{len(word) * 20}" HEIGHT="{bottom - top}" WC="0.9"/>'
                )
                x += len(word) * 20 + 20
            if hyphen:
                strings.append('<HYP CONTENT="-"/>')
            xml_lines.append(
                f'<TextLine ID="L{line_id}" HPOS="{left}" VPOS="{top}" WIDTH="{right - left}"'
                f' HEIGHT="{bottom - top}">{"<SP/>".join(strings)}</TextLine>'
            )
        out.append(
            f'<TextBlock ID="TB{number}" STYLEREFS="{"H" if headline else "B"}">{"".join(xml_lines)}</TextBlock>'
        )
    if picture:
        out.append('<Illustration ID="IL1" HPOS="100" VPOS="5200" WIDTH="800" HEIGHT="600"/>')
    for number, (left, top, right, bottom) in enumerate(rules, 1):
        size = f'WIDTH="{right - left}" HEIGHT="{bottom - top}"'
        out.append(f'<GraphicalElement ID="GE{number}" HPOS="{left}" VPOS="{top}" {size}/>')
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<alto{xmlns}><Description><MeasurementUnit>{unit}'
        '</MeasurementUnit></Description><Styles><TextStyle ID="B" FONTSIZE="9"/>'
        '<TextStyle ID="H" FONTSIZE="20" FONTSTYLE="bold"/></Styles><Layout><Page ID="P1" PHYSICAL_IMG_NR="1"'
        ' WIDTH="4000" HEIGHT="6000"><PrintSpace>' + "".join(out) + "</PrintSpace></Page></Layout></alto>"
    )
    return (b"\xef\xbb\xbf" if bom else b"") + document.encode("utf-8")


def hocr(blocks: list[Block], xhtml: bool, picture: bool = False, *, rules: tuple[Box, ...] = ()) -> bytes:
    """The page as Tesseract's hOCR; ``picture`` adds an ``ocr_photo`` where ALTO's ``Illustration`` is;
    ``rules`` are ``ocr_separator`` boxes."""
    paragraphs = []
    for number, (headline, lines) in enumerate(blocks, 1):
        spans = []
        for index, (words, hyphen, (left, top, right, bottom)) in enumerate(lines, 1):
            text = [escape(word) for word in words]
            if hyphen:
                text[-1] += "-"
            spans.append(
                f"<span class='ocr_line' id='line_{number}_{index}' title='bbox {left} {top} {right} {bottom};"
                f" x_size {80 if headline else 40}'>"
                + " ".join(f"<span class='ocrx_word' title='x_wconf 90'>{word}</span>" for word in text)
                + "</span>"
            )
        paragraphs.append(f"<p class='ocr_par' id='par_{number}'>{''.join(spans)}</p>")
    if picture:
        paragraphs.append("<div class='ocr_photo' id='IL1' title='bbox 100 5200 900 5800'></div>")
    for number, (left, top, right, bottom) in enumerate(rules, 1):
        box = f"bbox {left} {top} {right} {bottom}"
        paragraphs.append(f"<div class='ocr_separator' id='sep_{number}' title='{box}'></div>")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">' if xhtml else "<html>"
    return (
        head + "<head><title>p</title><meta name='ocr-system' content='tesseract'/></head><body>"
        "<div class='ocr_page' id='page_1' title='bbox 0 0 4000 6000; ppageno 0'>"
        + "".join(paragraphs)
        + "</div></body></html>"
    ).encode("utf-8")


def page_xml(blocks: list[Block], namespace: str, picture: bool = False, *, rules: tuple[Box, ...] = ()) -> bytes:
    """The page as PAGE-XML; ``picture`` adds an ``ImageRegion`` where ALTO's ``Illustration`` is;
    ``rules`` are ``SeparatorRegion`` boxes."""
    regions = []
    for number, (headline, lines) in enumerate(blocks, 1):
        text_lines = []
        for index, (words, hyphen, (left, top, right, bottom)) in enumerate(lines, 1):
            text = " ".join(words) + ("-" if hyphen else "")
            points = f"{left},{top} {right},{top} {right},{bottom} {left},{bottom}"
            text_lines.append(
                f'<TextLine id="r{number}l{index}"><Coords points="{points}"/>'
                f"<TextEquiv><Unicode>{escape(text)}</Unicode></TextEquiv></TextLine>"
            )
        kind = "heading" if headline else "paragraph"
        regions.append(f'<TextRegion id="r{number}" type="{kind}">{"".join(text_lines)}</TextRegion>')
    if picture:
        regions.append('<ImageRegion id="IL1"><Coords points="100,5200 900,5200 900,5800 100,5800"/></ImageRegion>')
    for number, (left, top, right, bottom) in enumerate(rules, 1):
        points = f"{left},{top} {right},{top} {right},{bottom} {left},{bottom}"
        regions.append(f'<SeparatorRegion id="sep{number}"><Coords points="{points}"/></SeparatorRegion>')
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<PcGts xmlns="{namespace}"><Metadata><Creator>t</Creator>'
        "<Created>2025-01-01T00:00:00</Created><LastChange>2025-01-01T00:00:00</LastChange></Metadata>"
        '<Page imageFilename="p.png" imageWidth="4000" imageHeight="6000">' + "".join(regions) + "</Page></PcGts>"
    ).encode("utf-8")


@st.composite
def alto_pages(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """An ALTO page in a drawn dialect, and its words as printed."""
    blocks = draw(layouts())
    data = alto(
        blocks,
        draw(st.sampled_from(NAMESPACES)),
        draw(st.sampled_from(["pixel", "mm10", "inch1200"])),
        draw(st.booleans()),
        picture=draw(st.booleans()),
    )
    return data, printed_words(blocks)


@st.composite
def layout_pages(draw: st.DrawFn) -> tuple[str, bytes, list[str]]:
    """A page in ALTO, hOCR or PAGE-XML (the format's name, the file's bytes, the words as printed);
    some with a picture whose id is ``IL1``, some with rules anywhere (thin or not, across text or not)."""
    blocks = draw(layouts())
    kind = draw(st.sampled_from(["alto", "hocr", "page-xml"]))
    picture = draw(st.booleans())
    rules = tuple(draw(st.lists(_RULE, max_size=3)))
    if kind == "alto":
        data = alto(blocks, draw(st.sampled_from(NAMESPACES)), "pixel", draw(st.booleans()), picture, rules=rules)
    elif kind == "hocr":
        data = hocr(blocks, draw(st.booleans()), picture, rules=rules)
    else:
        data = page_xml(blocks, draw(st.sampled_from(PAGE_NAMESPACES)), picture, rules=rules)
    return kind, data, printed_words(blocks)
