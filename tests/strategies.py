"""Hypothesis strategies: whole issues for exporters, and page text for the parser."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from newsissue import (
    Article,
    Byline,
    Dateline,
    Diagnostic,
    Figure,
    Heading,
    Issue,
    ItemKind,
    Jump,
    Page,
    Paragraph,
    Role,
    Severity,
)

# Any text the model accepts: no controls, surrogates or non-characters.
safe_text = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn")), max_size=40)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Z")), min_size=1, max_size=12)
# Readable text: Chinese and Latin words, digits and punctuation, joined by spaces.
prose = st.lists(
    st.one_of(
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=12),
        st.from_regex(r"[A-Za-z0-9]{1,10}", fullmatch=True),
        st.sampled_from(["，", "。", "“", "”", "、", "&", "<", ">", "'", '"', "—", "!"]),
    ),
    min_size=1,
    max_size=12,
).map(" ".join)
maybe = lambda strategy: st.none() | strategy  # noqa: E731
text_field = st.one_of(prose, safe_text.filter(lambda s: s.strip() != ""))

jumps = st.builds(Jump, page=st.integers(1, 60), marker=maybe(st.sampled_from(["①", "②", "③"])), text=maybe(prose))
bylines = st.builds(Byline, name=text_field, role=st.sampled_from(list(Role)))
datelines = st.builds(
    Dateline, agency=maybe(text_field), place=maybe(text_field), date=maybe(st.dates()), text=maybe(text_field)
)
blocks = st.one_of(
    st.builds(Paragraph, text=text_field),
    st.builds(Heading, text=text_field),
    st.builds(
        Figure,
        caption=maybe(text_field),
        credit=maybe(text_field),
        image=maybe(st.from_regex(r"[a-z]{1,8}/[a-z0-9]{1,8}\.(jpg|png)", fullmatch=True)),
    ),
)
articles = st.builds(
    Article,
    kind=st.sampled_from(list(ItemKind)),
    kicker=maybe(text_field),
    headline=maybe(text_field),
    subheadline=maybe(text_field),
    byline_text=maybe(text_field),
    bylines=st.lists(bylines, max_size=3).map(tuple),
    dateline=maybe(datelines),
    body=st.lists(blocks, max_size=6).map(tuple),
    continued_from=maybe(jumps),
    continued_on=maybe(jumps),
)
diagnostics = st.builds(
    Diagnostic,
    code=st.sampled_from(["paragraph-joined", "title-inferred", "item-classified"]),
    message=prose,
    severity=st.sampled_from(list(Severity)),
    source=maybe(st.sampled_from(["01.md", "p2.txt"])),
    line=maybe(st.integers(1, 500)),
    page=maybe(st.integers(1, 40)),
    text=maybe(text_field),
)


def _link(draw: st.DrawFn, pages: list[Page]) -> None:
    """Join some items to items on later pages, as the parser links jumps (both ends name each other)."""
    places = [(p, i) for p in range(len(pages)) for i in range(len(pages[p].items))]
    links = draw(st.lists(st.tuples(st.sampled_from(places), st.sampled_from(places)), max_size=3)) if places else []
    has_on: set[tuple[int, int]] = set()
    has_from: set[tuple[int, int]] = set()
    for (p, i), (q, j) in links:
        if q <= p or (p, i) in has_on or (q, j) in has_from:
            continue
        has_on.add((p, i))
        has_from.add((q, j))
        marker = draw(maybe(st.sampled_from(["①", "②"])))
        items = list(pages[p].items)
        items[i] = attrs.evolve(items[i], continued_on=Jump(page=pages[q].number, marker=marker, item=j + 1))
        pages[p] = attrs.evolve(pages[p], items=items)
        items = list(pages[q].items)
        items[j] = attrs.evolve(items[j], continued_from=Jump(page=pages[p].number, marker=marker, item=i + 1))
        pages[q] = attrs.evolve(pages[q], items=items)


@st.composite
def issues(draw: st.DrawFn, max_pages: int = 4) -> Issue:
    """A whole issue with pages in print order."""
    numbers = sorted(draw(st.sets(st.integers(1, 40), min_size=1, max_size=max_pages)))
    pages = [
        Page(
            number=number,
            label=draw(maybe(st.sampled_from(["A1", "A12", "B2", "C3"]))),
            section=draw(maybe(text_field)),
            header=tuple(draw(st.lists(text_field, max_size=2))),
            editors=tuple(draw(st.lists(st.builds(Byline, name=text_field, role=st.just(Role.EDITOR)), max_size=2))),
            items=tuple(draw(st.lists(articles, max_size=4))),
            source=draw(maybe(st.sampled_from(["01.md", "02.md", "0001.xml"]))),
            source_format=draw(maybe(st.sampled_from(["alto", "page-xml", "hocr"]))),
        )
        for number in numbers
    ]
    _link(draw, pages)
    return Issue(
        title=draw(maybe(text_field)),
        date=draw(maybe(st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date(2100, 12, 31)))),
        number=draw(maybe(st.integers(1, 10**6))),
        lunar_date=draw(maybe(text_field)),
        page_count=draw(maybe(st.integers(1, 200))),
        publisher=draw(maybe(text_field)),
        serial_number=draw(maybe(st.sampled_from(["CN 43-0005", "CN 11-0001/N"]))),
        issn=draw(maybe(st.sampled_from(["1234-5678", "0000-000X"]))),
        language=draw(st.sampled_from(["zh", "en", "zh-CN", "en-GB"])),
        country=draw(maybe(st.sampled_from(["CN", "GB", "US"]))),
        source=draw(maybe(st.sampled_from(["01.md", "issue"]))),
        pages=tuple(pages),
        diagnostics=tuple(draw(st.lists(diagnostics, max_size=3))),
    )


# Page text the way OCR and PDF-to-Markdown tools give it: title lines, bylines,
# datelines, paragraphs (some broken by layout), captions, jump lines, ads.
_han = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=14)
_names = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=3)
_sentence = st.builds(lambda a, b: f"{a}，{b}。", _han, _han)
_paragraph = st.lists(_sentence, min_size=1, max_size=4).map("".join)
_line = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 3), _han),
    _han,
    st.builds(lambda text: "——" + text, _han),
    _paragraph,
    _paragraph.map(lambda p: p[:-1]),
    st.builds(lambda r, c: f"株洲日报(全媒体记者/{r} 通讯员/{c}) ", _names, _names).flatmap(
        lambda b: _paragraph.map(lambda p: b + p)
    ),
    st.builds(lambda n: f"株洲日报全媒体记者/{n}", _names),
    st.builds(lambda m, d: f"新华社北京{m}月{d}日电 ", st.integers(1, 12), st.integers(1, 28)).flatmap(
        lambda b: _paragraph.map(lambda p: b + p)
    ),
    st.builds(lambda m, d: f"{m}月{d}日，", st.integers(1, 12), st.integers(1, 28)).flatmap(
        lambda b: _paragraph.map(lambda p: b + p)
    ),
    st.builds(lambda p: f"▶▶下转0{p}版", st.integers(2, 8)),
    _paragraph.map(lambda p: p + "▶▶下转02版①"),
    st.builds(lambda c: f"{c}。通讯员供图", _han),
    st.builds(lambda n: f"倒计时 {n} 天", st.integers(1, 30)),
    st.just("2023年12月7日 星期四"),
    st.just("癸卯年十月廿五日 第23501期 今日8版"),
)
pages_text = st.lists(st.tuples(_line, st.sampled_from(["\n\n", "\n", "  \n", "\n\n\n"])), max_size=25).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)


# English page text the same way: capitals and Title Case titles, bylines, datelines,
# wrapped and hyphenated paragraphs, captions with credits, jump lines, debris.
_word = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
_Name = st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,9}", fullmatch=True)
_en_sentence = st.lists(_word, min_size=4, max_size=14).map(lambda words: " ".join(words).capitalize() + ".")
_en_paragraph = st.lists(_en_sentence, min_size=1, max_size=3).map(" ".join)
_en_line = st.one_of(
    st.lists(_word, min_size=2, max_size=6).map(lambda w: " ".join(w).upper()),
    st.lists(_word, min_size=2, max_size=8).map(lambda w: " ".join(x.capitalize() for x in w)),
    st.builds(
        lambda level, w: "#" * level + " " + " ".join(w).title(),
        st.integers(1, 3),
        st.lists(_word, min_size=1, max_size=5),
    ),
    _en_paragraph,
    _en_paragraph.map(lambda p: p[:-1]),
    _en_paragraph.map(lambda p: p.replace(" ", "-\n", 1) if " " in p else p),
    st.builds(lambda a, b: f"By {a.upper()} and {b.upper()}", _Name, _Name),
    st.builds(lambda a: f"{a}, Staff Writer", _Name),
    st.just("(By the Associated Press)"),
    st.builds(lambda p, t: f"{p.upper()} — {t}", _word, _en_paragraph),
    st.builds(lambda p, d, t: f"{p.upper()}, June {d} (Reuters) - {t}", _word, st.integers(1, 28), _en_paragraph),
    st.builds(lambda t, n: f"{t} (Photo by {n}/Gazette)", _en_sentence, _Name),
    st.builds(lambda n: f"Continued on Page A{n}", st.integers(2, 9)),
    st.builds(lambda n: f"Contlnued from Page {n}", st.integers(1, 3)),
    st.builds(lambda w, n: f"See {w.upper()}, Page {n}", _word, st.integers(2, 9)),
    st.builds(lambda w: f"{w.upper()}, From Page 1", _word),
    st.sampled_from(["|", "- 4 -", "■■", "THE HARBOUR GAZETTE", "Tuesday, March 18, 2025 · No. 112 · 4 Pages"]),
    st.builds(lambda n: f"PAGE {n} · LOCAL · March 18, 2025", st.integers(2, 9)),
)
english_pages_text = st.lists(
    st.tuples(_en_line, st.sampled_from(["\n\n", "\n", "  \n", "\n\n\n", "\n\f"])), max_size=25
).map(lambda parts: "".join(line + sep for line, sep in parts))


# Database text as newspaper archives publish it (人民日报 style, fictional text): a page
# header, then records headed 第N版()专栏:, each one item: a title stack and paragraphs, on
# lines of their own, on one line joined by spaces, or with literal <br/>; index lines between.
# Title lines: Han words that no convention reads as something else (a dateline, a jump, a credit).
_title = _han.filter(lambda text: not any(mark in text for mark in "讯电社版摄图记者"))
_stack = st.lists(_title, min_size=1, max_size=3)
_dispatch = st.builds(
    lambda agency, day, paragraph: f"【{agency}青溪{day}日电】{paragraph}",
    st.sampled_from(["新华社", "本报"]),
    st.sampled_from(["十一", "二十", "五"]),
    _paragraph,
)
_record_body = st.tuples(st.one_of(st.none(), _dispatch), st.lists(_paragraph, min_size=1, max_size=3))


@st.composite
def database_records(draw: st.DrawFn) -> tuple[str, list[str]]:
    """One record as the database prints it, and its title stack."""
    titles = draw(_stack)
    lead, paragraphs = draw(_record_body)
    body = ([lead] if lead else []) + paragraphs
    page = draw(st.integers(1, 8))
    layout = draw(st.sampled_from(["lines", "one-line", "br"]))
    if layout == "lines":
        text = f"第{page}版()\n专栏:\n\n" + "\n".join(titles + body)
    elif layout == "one-line":
        column = draw(st.sampled_from(["", "社论"]))
        text = f"第{page}版()专栏:{column}  " + " ".join(titles + body)
    else:
        text = f"第{page}版()<br/>专栏:<br/><br/> " + "<br/> ".join(titles + body)
    return text, titles


@st.composite
def database_pages(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    """A page of database records, and each record's title stack."""
    header = draw(st.sampled_from(["1957-03-12\n\n第 1 版\n\n", "1957年3月12日人民日报 第1版\n\n", ""]))
    records = draw(st.lists(database_records(), min_size=1, max_size=4))
    parts = []
    for number, (text, titles) in enumerate(records, 1):
        if draw(st.booleans()):
            parts.append(f"{number}. {' '.join(titles)}")
        parts.append(text)
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    return header + separator.join(parts) + "\n", [titles for _, titles in records]


# OCR text of an English paper of 1850–1930 (fictional): column lines and no blank lines;
# headlines in capitals (often ending in a period), Title Case decks, datelines with the dash
# read as "?", wrapped and hyphenated paragraphs, crossheads, jump lines naming pages in words, specks.
_caps_words = st.lists(
    st.sampled_from("HARBOR FERRY MILL COUNCIL STORM BRIDGE TRAIN VOTE FIRE STRIKE".split()), min_size=2, max_size=4
)
_deck_words = st.lists(
    st.sampled_from("Board Votes Plan New Line Workers Ask Owners City Will Build".split()), min_size=3, max_size=6
)
_places = st.sampled_from(["RIVERTON", "PORT ELLIS", "NEW HAVEN, Conn.", "LONDON"])
_ocr_word = st.sampled_from(
    "the board of harbor commissioners voted last night to keep ferry boats running until morning beginning"
    " with first week merchants water front urged change company will add steamers fleet landings opened".split()
)
_ocr_sentence = st.lists(_ocr_word, min_size=6, max_size=14).map(lambda words: " ".join(words).capitalize() + ".")
_ocr_paragraph = st.lists(_ocr_sentence, min_size=2, max_size=4).map(" ".join)


def wrap_column(text: str, width: int) -> list[str]:
    """Text in column lines of about ``width`` characters, as OCR gives it: long lower-case words hyphenated."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            if len(word) > 6 and word.isalpha() and word.islower():
                lines.append(f"{line} {word[:3]}-")
                line = word[3:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


@st.composite
def ocr_story(draw: st.DrawFn, width: int) -> tuple[list[str], str]:
    """One story in column lines, and its headline as the parser should give it."""
    words = draw(_caps_words)
    period = draw(st.booleans())
    headline = " ".join(words) + ("." if period else "")
    split = draw(st.integers(0, len(words) - 1))
    title_lines = [" ".join(words[:split]), " ".join(words[split:]) + ("." if period else "")] if split else [headline]
    deck = " ".join(draw(_deck_words)) + "."
    dash = draw(st.sampled_from(["?", "—", ".—"]))
    # The dateline opens the first column line whole, as OCR gives it; the paragraph wraps after it.
    dateline = f"{draw(_places)}, May {draw(st.integers(1, 28))}.{dash}"
    first, *rest = wrap_column(draw(_ocr_paragraph), width)
    lines = [*title_lines, *wrap_column(deck, width), dateline + first, *rest]
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            lines.append(" ".join(w.capitalize() for w in draw(st.lists(_ocr_word, min_size=2, max_size=3))) + ".")
        lines.extend(wrap_column(draw(_ocr_paragraph), width))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["(Continued on Second Page.)", "(Continued on Page Three.)"])))
    if draw(st.booleans()):
        lines.insert(draw(st.integers(len(title_lines), len(lines))), draw(st.sampled_from(["a", "3?", "i"])))
    return lines, headline


@st.composite
def ocr_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page of OCR column lines with no blank line, and the headlines of its stories."""
    width = draw(st.integers(30, 40))
    stories = draw(st.lists(ocr_story(width), min_size=1, max_size=4))
    lines = ["WEATHER.", "Fair tonight.", "No. 1,204."]
    for story, _ in stories:
        lines.extend(story)
    return "\n".join(lines) + "\n", [headline for _, headline in stories]


# Fraktur OCR of a German paper and OCR of a French one (fictional): section headings,
# one-line headlines ending in a period, datelines, hyphenated lines (``-`` and ``=``), ``ſ``.
_de_words = st.lists(
    st.sampled_from("der die und iſt den Stadt Hafen wurde heute Regierung neue Bahn".split()), min_size=3, max_size=7
)
_fr_words = st.lists(
    st.sampled_from("le la des et est la ville port nouveau conseil hier travaux".split()), min_size=3, max_size=7
)


@st.composite
def latin_pages(draw: st.DrawFn, language: str) -> str:
    """A German or French OCR page in column lines."""
    if language == "de":
        words, places, months = _de_words, ["Berlin", "Wien", "Lindenau"], ["Jan.", "März", "Dez."]
        sections, headline = ["Ausland.", "Inland.", "Vermiſchtes."], "Der neue Hafen."
    else:
        words, places, months = _fr_words, ["PARIS", "RIVEBELLE"], ["juin", "juillet"]
        sections, headline = ["DÉPARTEMENTS", "ÉTRANGER"], "LE NOUVEAU PORT"
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(sections)))
        lines.append(headline)
        place, day, month = draw(st.sampled_from(places)), draw(st.integers(1, 28)), draw(st.sampled_from(months))
        dateline = f"{place}, {day}. {month}" if language == "de" else f"{place}, {day} {month}. —"
        body = " ".join(w.capitalize() if i == 0 else w for i, w in enumerate(draw(words))) + "."
        wrapped = wrap_column(f"{dateline} {body} {body}", draw(st.integers(28, 38)))
        hyphen = draw(st.sampled_from(["-", "="]))
        lines.extend(line[:-1] + hyphen if line.endswith("-") else line for line in wrapped)
        if draw(st.booleans()):
            lines.append("(Fortsetzung Seite 3)" if language == "de" else "(Suite page 2)")
    return "\n".join(lines) + "\n"
