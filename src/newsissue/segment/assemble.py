"""Assembly: units to page items: title stacks, bylines, datelines, paragraph repair, figures, jumps.

The rules, in the order they decide (see docs/parsing.md):

* A *title run* is a run of headings and short title-like lines. It starts an
  article when a byline or an agency dateline follows it, at the top of a page,
  after a jump line has closed the previous article, when a heading is of the
  rank of the current headline, or when it has two lines or more. A single line
  followed by body text inside an article is a crosshead; a run with no body
  after it is a non-article item (advertisement, notice …).
* Within a title stack the highest-ranked heading is the headline, what stands
  above it the kicker, what stands below it the subheadline. With no marks, one
  line is a headline, two are kicker + headline (headline + subheadline when the
  second opens with a dash), three are kicker, headline and subheadline.
* A paragraph that does not end a sentence continues in the next text unit, also
  across a picture or caption, which is then placed after the joined paragraph.
* On a page of database records each record is one item; a dateline inside it is
  another dispatch, its last short lines (a sign-off) stay in it.

What each unit is comes from ``tokens``; a finished item is built by ``items``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Mapping, Sequence

import attrs

from ..evidence import REMOVED_MESSAGES
from ..languages.base import BylineMatch, Conventions, JumpMatch
from ..model import Article, Diagnostic, Figure, Heading, ItemKind, Paragraph, Severity
from .items import Draft, item_of, sureness
from .tokens import Kind, Token, tokenize
from .units import Unit

__all__ = ["PageLayout", "read_layout"]

# Enum members and kinds looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_WARNING, _INFO = Severity.WARNING, Severity.INFO
_ARTICLE, _NOTICE, _OTHER, _ADVERTISEMENT = ItemKind.ARTICLE, ItemKind.NOTICE, ItemKind.OTHER, ItemKind.ADVERTISEMENT
_PARA, _HEADING, _TITLE, _BYLINE, _JUMP, _CAPTION, _IMAGE = (
    Kind.PARA,
    Kind.HEADING,
    Kind.TITLE,
    Kind.BYLINE,
    Kind.JUMP,
    Kind.CAPTION,
    Kind.IMAGE,
)


@attrs.frozen(kw_only=True)
class PageLayout:
    """The items of one page, what the parser noticed, and the papers named in bylines."""

    items: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...]
    papers: tuple[str, ...]
    #: The source line each item starts on (in reading order, ascending).
    starts: tuple[int, ...] = ()


class _Reader:
    def __init__(
        self,
        conventions: Conventions,
        issue_date: _dt.date | None,
        source: str | None,
        page: int,
        *,
        records: bool,
        columns: bool,
        page_labels: Mapping[str, int],
    ) -> None:
        self.conv = conventions
        #: An OCR page of column lines: furniture (issue lines, running heads) stands among its items.
        self.columns = columns
        #: A page of database records: each record is one item, and a dateline inside it is another dispatch.
        self.records = records
        self.issue_date = issue_date
        self.source = source
        self.page = page
        self.items: list[Article] = []
        self.starts: list[int] = []
        self.diagnostics: list[Diagnostic] = []
        self.papers: list[str] = []
        self.current: Draft | None = None
        #: The number of each page printed with a section letter (``B2``), for jumps that name one.
        self.page_labels = page_labels

    # -- diagnostics -------------------------------------------------------

    def note(self, code: str, message: str, line: int | None, text: str | None = None, *, warn: bool = False) -> None:
        self.diagnostics.append(
            Diagnostic(
                code=code,
                message=message,
                severity=_WARNING if warn else _INFO,
                source=self.source,
                line=line,
                page=self.page,
                text=text,
            )
        )

    # -- the walk -----------------------------------------------------------

    def read(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            # A token's fields at once: one unpacking is cheaper than named-tuple look-ups.
            kind, text, line, _rank, unit, _byline, jump, _dateline, anchor = tokens[index]
            if unit.record:
                self.finish()  # a database record is one item
            if kind is _PARA and jump is None and not anchor:
                draft = self.current
                # draft.started, spelled out: this is the walk's most frequent step
                if draft is not None and not draft.closed and (draft.body or draft.pending is not None):
                    self.prose(draft, text, line)  # most of a page: body text past the lead
                    index += 1
                    continue
            if kind is not _HEADING and kind is not _TITLE:
                index = self.body_token(tokens, index)
                continue
            end = index + 1
            while end < len(tokens) and tokens[end].kind in (_HEADING, _TITLE) and not tokens[end].unit.record:
                end += 1
            self.title_run(tokens[index:end], tokens[end] if end < len(tokens) else None)
            index = end
        self.finish()

    def title_run(self, run: list[Token], following: Token | None) -> None:
        current = self.current
        anchored = following is not None and (
            following.kind is _BYLINE
            or following.anchor
            or (following.jump is not None and not following.jump.outgoing)
        )
        body_follows = following is not None and following.kind in (
            _PARA,
            _BYLINE,
            _CAPTION,
            _IMAGE,
        )
        if (
            current is not None
            and current.pending is not None
            and not current.closed
            and not anchored
            and not current.pending_finished
            and run[0].kind is _TITLE
        ):
            # A short line continuing an unfinished paragraph is no title.
            self.paragraph(run[0].text, run[0].line)
            if len(run) > 1:
                self.title_run(run[1:], following)
            return
        outranks = current is not None and min([token.rank for token in run]) <= min(current.rank, 6)
        # A database record's title stack is an item of its own, even where the excerpt cuts its body.
        record = run[0].unit.record and (following is None or following.unit.record)
        starts = (
            record or anchored or (body_follows and (current is None or current.closed or outranks or len(run) >= 2))
        )
        texts = tuple([token.text for token in run])
        if not anchored and body_follows and self.conv.classify(texts) is _NOTICE:
            self.start_article(run, kind=_NOTICE)
        elif body_follows and self.conv.is_promotion(texts):
            self.start_article(run, kind=_OTHER)
        elif starts:
            if not anchored and current is not None and not current.closed and not outranks:
                self.note(
                    "article-guessed",
                    "a title run with no byline starts a new article",
                    run[0].line,
                    run[0].text,
                )
            self.start_article(run)
        elif body_follows and current is not None:
            for token in run:
                self.crosshead(token)
        elif self.records and current is not None and not current.closed and not run[0].unit.record:
            for token in run:  # the end of a record: a sign-off or a date, part of its item
                self.paragraph(token.text, token.line)
        else:
            self.finish()
            self.block_item(run)

    def start_article(self, run: list[Token], kind: ItemKind = ItemKind.ARTICLE) -> None:
        marked = [position for position, token in enumerate(run) if token.kind is _HEADING]
        start = max(0, marked[0] - 1) if marked else 0
        start = max(start, len(run) - self.conv.max_stack)
        sections = self.conv.section_heads(tuple([token.text for token in run[start:]]))
        if start or sections:
            extra = run[: start + sections]
            if self.current is not None and not self.current.closed and not sections:
                for token in extra:
                    self.crosshead(token)
            else:
                self.finish()
                self.block_item(extra, sections=bool(sections))
            start += sections
        self.finish()
        stack = run[start:]
        draft = Draft(kind=kind, first=stack[0].line, margins=[token.unit.margin for token in stack])
        ranks = [token.rank for token in stack]
        top = draft.rank = min(ranks)
        conv = self.conv
        if marked and ranks.count(top) == 1:
            at = ranks.index(top)
        elif len(stack) == 1:
            at = 0
        else:
            at = min(conv.headline_index(tuple([token.text for token in stack])), len(stack) - 1)
            if len(stack) == 2:
                role = "headline and subheadline" if at == 0 else "kicker and headline"
                self.note("title-stack-guessed", f"two unmarked title lines read as {role}", stack[0].line)
        draft.headline = stack[at].text
        if at:
            draft.kicker = " ".join([token.text for token in stack[:at]])
        if stack[at + 1 :]:
            draft.subheadline = " ".join([conv.strip_subheadline(token.text) for token in stack[at + 1 :]])
        self.current = draft

    def crosshead(self, token: Token) -> None:
        draft = self.current
        assert draft is not None
        self.flush(draft, token.line)
        draft.body.append(Heading(text=token.text))
        if token.kind is _TITLE:
            self.note("crosshead-guessed", "an unmarked short line read as a crosshead", token.line, token.text)

    def block_item(self, run: Sequence[Token], *, sections: bool = False) -> None:
        """Short lines with no body as an item of their own; ``sections`` says they are section headings."""
        lines = tuple([token.text for token in run])
        kind = self.conv.classify(lines)
        if kind in (_ADVERTISEMENT, _NOTICE):  # its lines are printed lines: kept apart
            lines = tuple(line for token in run for line in printed_lines(token.text, token.unit))
        body = tuple(Paragraph(text=line) for line in lines)
        self.items.append(Article(kind=kind, body=body, confidence=sureness([token.unit.margin for token in run])))
        self.starts.append(run[0].line)
        if sections:
            self.note("section-heading", f"{len(lines)} section heading lines above a headline", run[0].line)
            return
        self.note(
            "item-classified",
            f"{len(lines)} short lines with no body read as {kind.value}",
            run[0].line,
            warn=kind is _OTHER,
        )

    def draft_for_body(self, token: Token) -> Draft:
        current = self.current
        if current is None:
            self.note("no-headline", "text with no headline above it", token.line, token.text[:40], warn=True)
            current = self.current = Draft(first=token.line)
        elif (
            token.anchor
            and current.started
            and not self.records
            and (token.byline is not None or self.conv.dateline_starts_article)
        ):
            # A byline or dateline lead inside a body: a new article whose title was missed.
            self.finish()
            current = self.current = Draft(first=token.line)
            self.note("no-headline", "a byline or dateline lead with no title run above it", token.line, warn=True)
        elif current.closed and token.kind is _PARA:
            self.note("text-after-jump", "text after the jump line that closed the article", token.line, warn=True)
        return current

    def body_token(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        draft = self.draft_for_body(token)
        if not draft.started:
            draft.margins.append(token.unit.margin)
        line = token.line
        if token.kind is _BYLINE and token.byline is not None:
            if draft.started and (draft.bylines or not token.byline.closing):
                self.paragraph(token.text, line)
            else:
                self.add_byline(draft, token.byline)
        elif token.kind is _JUMP and token.jump is not None:
            self.flush(draft, line)
            self.jump(draft, token.jump, line)
        elif token.kind in (_IMAGE, _CAPTION):
            figure = self.figure(token)
            if token.kind is _IMAGE and index + 1 < len(tokens) and tokens[index + 1].kind is _CAPTION:
                caption = self.figure(tokens[index + 1])
                figure = attrs.evolve(figure, caption=caption.caption or figure.caption, credit=caption.credit)
                index += 1
            pending = draft.pending
            if (
                figure.caption is None
                and figure.credit is not None
                and pending is not None
                and draft.pending_first == draft.pending_last
                and line - 1 <= draft.pending_last <= line
            ):
                # A credit line right under a one-line text: that text is the caption.
                figure = attrs.evolve(figure, caption=pending)
                draft.pending = None
                self.note("caption-joined", "the line above a photo credit read as its caption", line - 1)
            if draft.pending is not None and not draft.pending_finished:
                draft.deferred.append(figure)
                self.note("figure-moved", "a picture interrupting a paragraph is placed after it", line)
            else:
                self.flush(draft, line)
                draft.body.append(figure)
        else:
            self.paragraph(token.text, line, token)
        return index + 1

    def figure(self, token: Token) -> Figure:
        if token.kind is _IMAGE:
            return Figure(caption=token.text or None, image=token.unit.image or None)
        match = self.conv.match_caption(token.text)
        assert match is not None
        return Figure(caption=match.caption, credit=match.credit)

    def add_byline(self, draft: Draft, match: BylineMatch) -> None:
        draft.byline_parts.append(match.text)
        draft.bylines.extend(match.bylines)
        if match.paper:
            self.papers.append(match.paper)

    def jump(self, draft: Draft, match: JumpMatch, line: int) -> None:
        if match.label is not None and match.label in self.page_labels:
            match = attrs.evolve(match, jump=attrs.evolve(match.jump, page=self.page_labels[match.label]))
        taken = draft.continued_on if match.outgoing else draft.continued_from
        if taken is not None:
            self.note("jump-repeated", "a second jump line for one item is not used", line, match.jump.text, warn=True)
        elif match.outgoing:
            draft.continued_on = match.jump
        else:
            draft.continued_from = match.jump
        draft.closed = draft.closed or match.outgoing

    def paragraph(self, text: str, line: int, token: Token | None = None) -> None:
        """Add body text; a lead (the first text) gives up its byline, dateline and jump."""
        draft = self.current
        assert draft is not None
        conv = self.conv
        outgoing = token.jump if token is not None else conv.match_jump(text)
        if not draft.started and not draft.closed:
            text, outgoing = self.lead(draft, text, line, token, outgoing)
        if outgoing is not None:
            text = outgoing.rest
        if text:
            self.prose(draft, text, line)
        if outgoing is not None:
            self.flush(draft, line)
            self.jump(draft, outgoing, line)

    def prose(self, draft: Draft, text: str, line: int) -> None:
        """Body text: it continues an unfinished paragraph, or starts one."""
        conv = self.conv
        pending = draft.pending
        if pending is not None and not draft.pending_finished:
            draft.pending = joined = conv.join(pending, text)
            previous, draft.pending_last = draft.pending_last, line
            if len(joined) < len(pending) + len(text):
                self.note("removed-hyphen", REMOVED_MESSAGES["hyphen"], previous, pending[-12:] + "|" + text[:12])
            draft.pending_finished = conv.ends_sentence(text)
            self.note(
                "paragraph-joined",
                f"a paragraph broken by layout is joined across lines {previous} and {line}",
                line,
            )
        else:
            if pending is not None or draft.deferred:
                self.flush(draft, line)
            draft.pending = text
            draft.pending_first = draft.pending_last = line
            draft.pending_finished = conv.ends_sentence(text)

    def lead(
        self, draft: Draft, text: str, line: int, token: Token | None, outgoing: JumpMatch | None
    ) -> tuple[str, JumpMatch | None]:
        """The first text of an item without its byline, dateline and incoming jump; and its outgoing jump."""
        conv = self.conv
        byline = token.byline if token is not None else conv.match_byline(text, whole=False)
        dateline = token.dateline if token is not None and byline is None else None
        if not draft.bylines and byline is not None:
            self.add_byline(draft, byline)
            text = byline.rest
            dateline = token.dateline if token is not None else None
        if draft.dateline is None and dateline is None and token is None:
            dateline = conv.match_dateline(text, self.issue_date)
        if draft.dateline is None and dateline is not None:
            draft.dateline = dateline.dateline
            draft.bylines.extend(dateline.bylines)
            if dateline.byline_text is not None:
                draft.byline_parts.append(dateline.byline_text)
            if not dateline.keep:
                text = dateline.rest
        if outgoing is not None and text != (token.text if token is not None else text):
            outgoing = conv.match_jump(text)
        if outgoing is not None and not outgoing.outgoing:
            self.jump(draft, outgoing, line)
            text = outgoing.rest
            outgoing = conv.match_jump(text)
        return text, outgoing

    def flush(self, draft: Draft, line: int) -> None:
        pending = draft.pending
        if pending is None and not draft.deferred:
            return
        if pending is not None:
            if not draft.pending_finished:
                self.note(
                    "paragraph-unfinished",
                    "a paragraph ends without sentence-final punctuation",
                    draft.pending_last,
                    pending[-20:],
                )
            draft.body.append(Paragraph(text=pending))
            draft.pending = None
        if draft.deferred:
            draft.body.extend(draft.deferred)
            draft.deferred.clear()

    def finish(self) -> None:
        draft = self.current
        if draft is None:
            return
        self.flush(draft, 0)
        item, note = item_of(draft, self.conv, columns=self.columns)
        if note is not None:
            self.note(*note, None)
        self.items.append(item)
        self.starts.append(draft.first)
        self.current = None


def printed_lines(text: str, unit: Unit) -> list[str]:
    """A unit's text cut back into its source lines where they were joined with a space."""
    if text != unit.text or not unit.breaks:
        return [text]
    cuts = [0, *(cut for cut in unit.breaks if text[cut - 1 : cut] == " "), len(text) + 1]
    pieces = (text[start : end - 1].strip() for start, end in itertools.pairwise(cuts))
    return [piece for piece in pieces if piece]


def read_layout(
    units: Sequence[Unit],
    conventions: Conventions,
    *,
    issue_date: _dt.date | None,
    source: str | None,
    page: int,
    records: bool = False,
    columns: bool = False,
    page_labels: Mapping[str, int] | None = None,
) -> PageLayout:
    """Read one page's body units (its header already taken off) into items.

    ``records`` says the page is made of database records, each one item; ``columns`` that it is
    OCR text in column lines; ``page_labels`` the number of each page printed with a section
    letter (``B2`` → 10), which a jump naming it is given.
    """
    reader = _Reader(
        conventions, issue_date, source, page, records=records, columns=columns, page_labels=page_labels or {}
    )
    tokens, debris = tokenize(units, conventions, issue_date)
    for unit in debris:
        reader.note("debris-removed", "layout debris (a rule, stray mark, folio) left out", unit.line, unit.text)
    reader.read(tokens)
    return PageLayout(
        items=tuple(reader.items),
        diagnostics=tuple(reader.diagnostics),
        papers=tuple(reader.papers),
        starts=tuple(reader.starts),
    )
