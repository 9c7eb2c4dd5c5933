#!/usr/bin/env python3
"""Typeset the fictional layout examples: a two-page ALTO issue with its NDNP-style METS, and the
front page as hOCR, PAGE-XML, MinerU ``content_list.json`` and docling JSON.

    python tools/make_layout_examples.py [OUT]      (default: examples/harbour-gazette-scans)

The text is our own (fictional). Each page is set in three columns: a headline centred in its
column in a larger face, body lines of about 40 characters, a blank gap between stories.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (100, 850, 1600)
WIDTH, HEIGHT, MEASURE = 700, 3400, 40
BODY, HEAD = 40, 80  # line heights

PAGES = [
    [
        ("head", "COUNCIL APPROVES BRIDGE REPAIRS"),
        ("text", "By MARIA ALVAREZ"),
        (
            "text",
            "PORT ELLIS, March 17 - The city council voted seven to two on Monday night to spend fourteen "
            "million dollars on repairs to the Harbour Bridge, ending two years of debate.",
        ),
        (
            "text",
            "Work on the old span is set to begin in May and should take eighteen months, the city "
            "engineer said after the vote.",
        ),
        ("text", "Continued on Page 2"),
        ("gap", ""),
        ("head", "STORM CUTS POWER ALONG COAST"),
        (
            "text",
            "Gale-force winds swept across the south coast on Monday, cutting power to about forty "
            "thousand homes and closing two ferry routes until Wednesday.",
        ),
        ("text", "Crews worked through the night to clear fallen trees from the coast road."),
        ("gap", ""),
        ("head", "SCHOOL GARDEN WINS PRIZE"),
        (
            "text",
            "Pupils at Harbour Street School have won the county prize for their vegetable garden, "
            "planted two years ago on an empty lot behind the gym.",
        ),
        ("text", "The prize of five hundred dollars will buy a greenhouse, the head teacher said."),
    ],
    [
        ("head", "BRIDGE REPAIRS"),
        ("text", "Continued from Page 1"),
        (
            "text",
            "Council members who voted against the plan said a new bridge would cost less over thirty "
            "years. The mayor said the city could not wait for a new design.",
        ),
        ("gap", ""),
        ("head", "FERRY TIMETABLE CHANGES"),
        (
            "text",
            "The island ferry will leave the quay every forty minutes from April, the harbour board "
            "said, after two new boats joined the fleet last month.",
        ),
        ("gap", ""),
        ("ad", "HARBOUR HARDWARE. Paint, rope and nails for every boat. 12 Quay Street. Open daily."),
    ],
]


def _set(page: list[tuple[str, str]]) -> list[dict]:
    """The page's blocks: kind, lines with boxes, in three columns top to bottom."""
    blocks, column, top = [], 0, 200
    for kind, text in page:
        if kind == "gap":
            top += 60
            continue
        size = HEAD if kind == "head" else BODY
        lines = textwrap.wrap(text, 22 if kind == "head" else MEASURE)
        if top + size * len(lines) > HEIGHT - 200:
            column, top = column + 1, 200
        left = COLUMNS[column]
        boxed = []
        for line in lines:
            width = min(WIDTH, len(line) * (34 if kind == "head" else 17))
            x = left + (WIDTH - width) // 2 if kind == "head" else left
            boxed.append((line, (x, top, x + width, top + size - 8)))
            top += size
        blocks.append({"kind": kind, "lines": boxed})
        top += 20
    return blocks


def alto(blocks: list[dict], number: int) -> str:
    parts, line_no = [], 0
    for index, block in enumerate(blocks, 1):
        style = "HEAD" if block["kind"] == "head" else "BODY"
        lines = []
        for text, (x0, y0, x1, y1) in block["lines"]:
            line_no += 1
            words, x, strings = text.split(), x0, []
            step = (x1 - x0) // max(1, len(text))
            for word in words:
                strings.append(
                    f'<String CONTENT={quoteattr(word)} HPOS="{x}" VPOS="{y0}" WIDTH="{step * len(word)}"'
                    f' HEIGHT="{y1 - y0}" WC="0.93"/>'
                )
                x += step * (len(word) + 1)
            lines.append(
                f'<TextLine ID="P{number}_TL{line_no:05d}" HPOS="{x0}" VPOS="{y0}" WIDTH="{x1 - x0}"'
                f' HEIGHT="{y1 - y0}">{"<SP/>".join(strings)}</TextLine>'
            )
        x0 = min(box[0] for _, box in block["lines"])
        y0 = min(box[1] for _, box in block["lines"])
        x1 = max(box[2] for _, box in block["lines"])
        y1 = max(box[3] for _, box in block["lines"])
        text_block = (
            f'<TextBlock ID="P{number}_TB{index:05d}" STYLEREFS="{style}" HPOS="{x0}" VPOS="{y0}"'
            f' WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}">{"".join(lines)}</TextBlock>'
        )
        if block["kind"] == "ad":
            text_block = (
                f'<ComposedBlock ID="P{number}_CB{index:05d}" TYPE="Advertisement" HPOS="{x0}" VPOS="{y0}"'
                f' WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}">{text_block}</ComposedBlock>'
            )
        parts.append(text_block)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">\n'
        "<Description><MeasurementUnit>pixel</MeasurementUnit></Description>\n"
        '<Styles><TextStyle ID="BODY" FONTSIZE="9"/><TextStyle ID="HEAD" FONTSIZE="18" FONTSTYLE="bold"/></Styles>\n'
        f'<Layout><Page ID="P{number}" PHYSICAL_IMG_NR="{number}" WIDTH="2400" HEIGHT="{HEIGHT}"><PrintSpace>\n'
        + "\n".join(parts)
        + "\n</PrintSpace></Page></Layout>\n</alto>\n"
    )


def mets(count: int) -> str:
    files = "\n".join(
        f'<file ID="ocrFile{n}" USE="ocr">'
        f'<FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./{n:04d}.xml"/></file>'
        for n in range(1, count + 1)
    )
    pages = "\n".join(f'<div TYPE="np:page" ORDER="{n}"><fptr FILEID="ocrFile{n}"/></div>' for n in range(1, count + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:mods="http://www.loc.gov/mods/v3" LABEL="The Harbour Gazette, 2025-03-18">\n'
        '<dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>'
        "<mods:titleInfo><mods:title>The Harbour Gazette</mods:title></mods:titleInfo>"
        '<mods:part><mods:detail type="issue"><mods:number>112</mods:number></mods:detail></mods:part>'
        '<mods:originInfo><mods:dateIssued encoding="iso8601">2025-03-18</mods:dateIssued></mods:originInfo>'
        "</mods:mods></xmlData></mdWrap></dmdSec>\n"
        f"<fileSec><fileGrp>\n{files}\n</fileGrp></fileSec>\n"
        f'<structMap><div TYPE="np:issue" DMDID="issueModsBib">\n{pages}\n</div></structMap>\n</mets>\n'
    )


def hocr(blocks: list[dict]) -> str:
    body = []
    for index, block in enumerate(blocks, 1):
        lines = []
        for number, (text, (x0, y0, x1, y1)) in enumerate(block["lines"], 1):
            size = 60 if block["kind"] == "head" else 30
            words = " ".join(f"<span class='ocrx_word' title='x_wconf 92'>{escape(w)}</span>" for w in text.split())
            lines.append(
                f"<span class='ocr_line' id='line_{index}_{number}' title='bbox {x0} {y0} {x1} {y1};"
                f" x_size {size}'>{words}</span>"
            )
        body.append(f"<p class='ocr_par' id='par_{index}'>{''.join(lines)}</p>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n'
        "<head><title>The Harbour Gazette p. 1</title><meta name='ocr-system' content='tesseract 5.3.0'/></head>\n"
        f"<body><div class='ocr_page' id='page_1' title='bbox 0 0 2400 {HEIGHT}; ppageno 0'>\n"
        + "\n".join(body)
        + "\n</div></body></html>\n"
    )


def page_xml(blocks: list[dict]) -> str:
    regions = []
    for index, block in enumerate(blocks, 1):
        kind = "heading" if block["kind"] == "head" else "paragraph"
        lines = []
        for number, (text, (x0, y0, x1, y1)) in enumerate(block["lines"], 1):
            points = f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"
            lines.append(
                f'<TextLine id="r{index}l{number}"><Coords points="{points}"/>'
                f"<TextEquiv><Unicode>{escape(text)}</Unicode></TextEquiv></TextLine>"
            )
        regions.append(f'<TextRegion id="r{index}" type="{kind}">{"".join(lines)}</TextRegion>')
    refs = "".join(f'<RegionRefIndexed index="{index}" regionRef="r{index + 1}"/>' for index in range(len(blocks)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">\n'
        "<Metadata><Creator>newsissue example</Creator><Created>2025-03-18T00:00:00</Created>"
        "<LastChange>2025-03-18T00:00:00</LastChange></Metadata>\n"
        f'<Page imageFilename="page-01.png" imageWidth="2400" imageHeight="{HEIGHT}">\n'
        f'<ReadingOrder><OrderedGroup id="ro1">{refs}</OrderedGroup></ReadingOrder>\n'
        + "\n".join(regions)
        + "\n</Page>\n</PcGts>\n"
    )


def _block_box(block: dict) -> list[int]:
    boxes = [box for _, box in block["lines"]]
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]


def mineru(blocks: list[dict]) -> str:
    entries = []
    for block in blocks:
        entry = {
            "type": "text",
            "text": " ".join(text for text, _ in block["lines"]),
            "bbox": _block_box(block),
            "page_idx": 0,
        }
        if block["kind"] == "head":
            entry["text_level"] = 1
        entries.append(entry)
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def docling(blocks: list[dict]) -> str:
    texts = []
    for index, block in enumerate(blocks):
        left, top, right, bottom = _block_box(block)
        texts.append(
            {
                "self_ref": f"#/texts/{index}",
                "label": "section_header" if block["kind"] == "head" else "text",
                "level": 1,
                "text": " ".join(text for text, _ in block["lines"]),
                "prov": [
                    {
                        "page_no": 1,
                        "bbox": {
                            "l": left,
                            "t": HEIGHT - top,
                            "r": right,
                            "b": HEIGHT - bottom,
                            "coord_origin": "BOTTOMLEFT",
                        },
                    }
                ],
            }
        )
    document = {
        "schema_name": "DoclingDocument",
        "version": "1.3.0",
        "name": "harbour-gazette-p1",
        "body": {"self_ref": "#/body", "children": [{"$ref": text["self_ref"]} for text in texts]},
        "texts": texts,
        "pages": {"1": {"page_no": 1, "size": {"width": 2400, "height": HEIGHT}}},
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "examples" / "harbour-gazette-scans"
    (out / "alto").mkdir(parents=True, exist_ok=True)
    (out / "other-formats").mkdir(parents=True, exist_ok=True)
    pages = [_set(page) for page in PAGES]
    for number, blocks in enumerate(pages, 1):
        (out / "alto" / f"{number:04d}.xml").write_text(alto(blocks, number), encoding="utf-8")
    (out / "alto" / "issue-mets.xml").write_text(mets(len(pages)), encoding="utf-8")
    front = pages[0]
    (out / "other-formats" / "page-01.hocr").write_text(hocr(front), encoding="utf-8")
    (out / "other-formats" / "page-01.page.xml").write_text(page_xml(front), encoding="utf-8")
    (out / "other-formats" / "page-01.content_list.json").write_text(mineru(front), encoding="utf-8")
    (out / "other-formats" / "page-01.docling.json").write_text(docling(front), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
