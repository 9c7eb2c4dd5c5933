"""Generated ALTO pages (fictional text) for the archive reader's properties.

A page is a grid of columns, each holding text blocks of lines; a block may be a headline set
larger than the body. The page is written in one of the ALTO dialects the archives deliver: no
namespace, ALTO 1 (CCS), 2, 3 or 4, measured in pixels, mm10 or inch1200, with or without a BOM,
with hyphenation (``HYP``) at some line ends.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from hypothesis import strategies as st

NAMESPACES = (
    None,
    "http://schema.ccs-gmbh.com/ALTO",
    "http://www.loc.gov/standards/alto/ns-v2#",
    "http://www.loc.gov/standards/alto/ns-v3#",
    "http://www.loc.gov/standards/alto/ns-v4#",
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéèßABCDEFGHIJKLMNOPRSTUVWZ", min_size=1, max_size=9)
_LINE = st.lists(_WORD, min_size=1, max_size=7)


@st.composite
def alto_pages(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """An ALTO page and its words as printed (a hyphenated word's halves as two words, hyphen kept)."""
    namespace = draw(st.sampled_from(NAMESPACES))
    unit = draw(st.sampled_from(["pixel", "mm10", "inch1200"]))
    columns = draw(st.integers(1, 4))
    words_printed: list[str] = []
    blocks = []
    block_id = 0
    line_id = 0
    for column in range(columns):
        top = 100
        for _ in range(draw(st.integers(1, 3))):
            block_id += 1
            headline = draw(st.booleans())
            lines = draw(st.lists(_LINE, min_size=1, max_size=1 if headline else 6))
            xml_lines = []
            block_top = top
            for words in lines:
                line_id += 1
                hyphen = not headline and draw(st.booleans())
                strings = []
                left = 100 + column * 900
                for position, word in enumerate(words):
                    strings.append(
                        f'<String ID="S{line_id}_{position}" CONTENT={quoteattr(word)} HPOS="{left}" VPOS="{top}"'
                        f' WIDTH="{len(word) * 20}" HEIGHT="40" WC="0.{draw(st.integers(10, 99))}"/>'
                    )
                    left += len(word) * 20 + 20
                    words_printed.append(word + ("-" if hyphen and position == len(words) - 1 else ""))
                if hyphen:
                    strings.append('<HYP CONTENT="-"/>')
                xml_lines.append(
                    f'<TextLine ID="L{line_id}" HPOS="100" VPOS="{top}" WIDTH="{left - 100 - column * 900}"'
                    f' HEIGHT="{80 if headline else 40}">{"<SP/>".join(strings)}</TextLine>'
                )
                top += 90 if headline else 50
            style = "H" if headline else "B"
            blocks.append(
                f'<TextBlock ID="TB{block_id}" STYLEREFS="{style}" HPOS="{100 + column * 900}" VPOS="{block_top}"'
                f' WIDTH="800" HEIGHT="{top - block_top}">{"".join(xml_lines)}</TextBlock>'
            )
            top += 60
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<alto{xmlns}><Description><MeasurementUnit>{unit}'
        '</MeasurementUnit></Description><Styles><TextStyle ID="B" FONTSIZE="9"/>'
        '<TextStyle ID="H" FONTSIZE="20" FONTSTYLE="bold"/></Styles><Layout><Page ID="P1" PHYSICAL_IMG_NR="1"'
        ' WIDTH="4000" HEIGHT="6000"><PrintSpace>' + "".join(blocks) + "</PrintSpace></Page></Layout></alto>"
    )
    data = document.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, words_printed
