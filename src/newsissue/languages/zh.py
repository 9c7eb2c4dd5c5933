"""Chinese newspaper conventions (simplified and traditional script).

Bylines ``株洲日报(全媒体记者/陈正明)``, ``本报记者 张三``; datelines ``新华社福州12月6日电``,
``【新华社北京十四日电】``, ``本报讯``, a lead opening with ``12月6日，``; jump lines
``▶▶下转08版②``, ``(上接第1版)``; captions ``…。通讯员供图`` / ``记者 张三 摄``; the masthead
(date, 星期, lunar date, 第N期, 今日N版, 主管/主办, CN and ISSN numbers).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

import pluggy

from ..model import Byline, Dateline, Jump, Role
from .base import (
    BylineMatch,
    CaptionMatch,
    Conventions,
    DatelineMatch,
    JumpMatch,
    Labels,
    Masthead,
    PageHeader,
    RecordMatch,
    resolve_date,
    script_counts,
)
from .patterns import lazy

hookimpl = pluggy.HookimplMarker("newsissue")

__all__ = ["Chinese", "cn_number"]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME = rf"[{_HAN}·•]{{2,6}}"
_SENTENCE_END = "。！？!?…．.；;"
_CLOSERS = "”’」』\"'）)】]"
_CONTINUES = "，,、；;：:（(“‘《〈【—-·/"
_FUNCTION_END = lazy(
    r"(?:[的地得着和与及或并而且在对把被将从向为以于之其他她它]|我市|我省|我区|我县|我国|我们|他们|她们|本市|该市|该区|该县|记者)$"
)
_COMMA = lazy(r"[，,]")
_CLOSING_CREDIT = lazy(r"[（(][^()（）]*(?:完|终|记者|编辑|摄)[^()（）]*[)）]$")

# Byline role labels, longest first so that 全媒体记者 wins over 记者.
_ROLES: dict[str, Role] = {
    "全媒体记者": Role.REPORTER,
    "融媒体记者": Role.REPORTER,
    "新华社记者": Role.REPORTER,
    "本报记者": Role.REPORTER,
    "首席记者": Role.REPORTER,
    "见习记者": Role.REPORTER,
    "实习记者": Role.REPORTER,
    "特约记者": Role.CORRESPONDENT,
    "摄影记者": Role.PHOTOGRAPHER,
    "特约通讯员": Role.CORRESPONDENT,
    "通讯员": Role.CORRESPONDENT,
    "实习生": Role.REPORTER,
    "责任编辑": Role.EDITOR,
    "记者": Role.REPORTER,
    "摄影": Role.PHOTOGRAPHER,
    "编辑": Role.EDITOR,
    "责编": Role.EDITOR,
    "作者": Role.AUTHOR,
    "撰稿": Role.AUTHOR,
    "文": Role.AUTHOR,
    "图": Role.PHOTOGRAPHER,
}
_LONG_LABELS = "|".join(label for label in _ROLES if len(label) > 1)
# One-character labels (文/图) need a separator, or 文化 would read as a byline.
_LABEL = rf"(?:{_LONG_LABELS}|[文图](?=\s*[/／:：]))"
# One role/name segment of a byline and the separators after it.
_SEGMENT = lazy(
    rf"(?P<label>{_LABEL})\s*[/／:：]?\s*(?P<names>(?:(?!{_LABEL}){_NAME}(?:[、，,\s\u3000]+|$))+)[ \u3000、，,]*"
)
_PAPER = rf"[{_HAN}·]{{2,14}}?"
_ROLE_HINT = lazy(rf"{_LONG_LABELS}|文\s*[/／:：]|图\s*[/／:：]")  # literal-first: a fast search
_ROLE_CHARS = lazy("[记讯编摄稿者习文图]")
_PAREN_BYLINE = lazy(rf"^(?P<paper>{_PAPER})?\s*[（(]\s*(?P<inner>[^()（）]{{2,80}}?)\s*[)）]\s*")
_WHOLE_BYLINE = lazy(rf"^(?P<paper>{_PAPER})?(?P<inner>{_LABEL}.{{1,70}})$")

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})"
_AGENCY = (
    r"新华社|中新社|中新网|人民日报|人民网|新华网|光明日报|经济日报|中国日报|央视网|央广网|本报"
    rf"|[{_HAN}]{{1,8}}?(?:社|网|台)"
)
_AGENCY_DATELINE = lazy(
    rf"^(?P<open>【)?(?:据)?(?P<agency>{_AGENCY})(?P<place>[{_HAN}]{{0,8}}?)"
    rf"(?:(?:(?P<month>{_NUM})月)?(?P<day>{_NUM})日)?(?:电|讯)(?(open)】)"
)
# What every agency dateline holds in its first characters: 日电, 社电, 日讯, 社讯 or 本报讯.
_DATELINE_HINT = lazy(r"[日社][电讯]|本报讯")
_OWN_DATELINE = lazy(r"^【?本报讯】?")
# A database record header (人民日报 archives): 第1版() and 专栏: with its column label (社论), on one line or two.
_RECORD = lazy(
    r"^(?:第\s*\d{1,4}\s*版\s*[(（][^()（）]{0,20}[)）]\s*)?专栏\s*[:：]\S{0,10}|^第\s*\d{1,4}\s*版\s*[(（][^()（）]{0,20}[)）]"
)
_RECORD_LABEL = lazy(r"^\d{1,3}\s*[.．、]\s*\S")
_PICTURE = lazy(r"这是|图为|[(（]图片[)）]|[(（]附图片[)）]")
# A closing agency credit: (新华社), （本报记者）.
_CLOSING_AGENCY = lazy(rf"^[（(](?P<name>新华社|中新社|本报|[{_HAN}]{{2,8}}(?:社|报))[)）]$")
_TRAILING_BYLINE = lazy(r"^\s*[（(]\s*(?P<inner>[^()（）]{2,80}?)\s*[)）]")
_LEAD_DATE = lazy(rf"^(?:(?P<month>{_NUM})月)(?P<day>{_NUM})日(?=[，,、\s])")
# How many days before the issue a lead's opening date may be to count as a dateline.
LEAD_DATE_WINDOW = 7

# The lookahead on the first character lets the search skip most positions at once.
_JUMP = lazy(
    r"(?=[▶►▷→>》（(\s下上转接])(?P<text>(?P<arrow>[▶►▷→>》]+)?\s*(?P<open>[（(])?\s*(?P<dir>下转|上接|转|接)\s*(?P<di>第)?\s*"
    r"(?P<page>\d{1,4}|[一二三四五六七八九十]{1,3})\s*版\s*(?P<marker>[①-⑳]|[（(]\s*\d{1,2}\s*[)）])?"
    r"\s*(?(open)[)）])\s*)$"
)
_CREDIT = (
    rf"(?:(?:本报|全媒体|融媒体|新华社|特约)?(?:摄影记者|记者|通讯员|摄影))\s*{_NAME}(?:[、\s]+{_NAME})*\s*/?\s*摄"
    rf"|[{_HAN}]{{0,12}}供图|资料图片?|(?:图|摄影)\s*[/／:：]\s*{_NAME}|{_NAME}\s*(?:/\s*|\s+)摄"
)
_CAPTION_END = "。！？!?）)” \u3000"
# A credit that ends the line and starts it, or starts after punctuation or a space.
_CREDIT_AT_END = lazy(rf"(?:^|(?<=[{re.escape(_CAPTION_END)}]))(?:{_CREDIT})\Z")

_MASTHEAD_FEATURES = lazy(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|第\s*\d+\s*期|[今本]日\s*\d+\s*版|本期\s*\d+\s*版"
    r"|共\s*\d+\s*版|主管|主办|CN\s*\d{2}\s*[-－]\s*\d{4}|ISSN\s*\d{4}\s*[-－]\s*\d{3}[\dXx]|邮发代号"
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|农历"
)
_DATE = lazy(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_WEEKDAY = lazy(r"星期(?P<w>[一二三四五六日天])")
_LUNAR = lazy(
    r"(?:农历\s*)?(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)?[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅一二三四五六七八九]{2}日?"
)
_ISSUE_NUMBER = lazy(r"第\s*(?P<n>\d+)\s*期")
_PAGE_COUNT = lazy(r"(?:[今本]日|本期|共)\s*(?P<n>\d+)\s*版")
_CN_SERIAL = lazy(r"CN\s*(?P<a>\d{2})\s*[-－]\s*(?P<b>\d{4})(?:/(?P<c>[A-Z]{1,2}))?")
_ISSN = lazy(r"ISSN\s*(?P<a>\d{4})\s*[-－]\s*(?P<b>\d{3}[\dXx])")
_SPONSOR = (
    lazy(r"^(?P<p>.+?)主管、?主办$"),
    lazy(r"^(?:.+?主管[，,、\s]*)?(?P<p>.+?)主办(?:单位)?$"),
    lazy(r"主办(?:单位)?\s*[:：]\s*(?P<p>\S+)"),
)
_PAGE_HEADER = lazy(
    r"^第?\s*(?P<n>\d{1,4})\s*版\s*[:：]?\s*(?P<section>[" + _HAN + r"]{2,8})?"
    r"|^(?P<n2>\d{1,3})\s+(?P<section2>[" + _HAN + r"]{2,8})(?:\s|$)"
)
# The page's staff in its header: 责任编辑/方圆 美编/梁晨 校对/李四.
_PAGE_STAFF = lazy(
    rf"(?:责任编辑|值班编辑|美术编辑|编辑|责编|美编|校对|版式设计|版式)\s*[/／:：]\s*(?P<names>{_NAME}(?:[、，,]{_NAME})*)"
)
# Every alternative opens with a literal character, so a search skips to the candidates at once.
# Telephone numbers: 0731-28888888, 400-888-8888, 13912345678.
_AD_WORDS = lazy(
    r"倒计时|博览会|展销会|热线|电话|咨询|地址|招商|招聘|优惠|特价|促销|广告|开业|热销|欢迎|订阅|征订|团购|折|"
    r"0\d{2,3}[-－]?\d{7,8}|400[-－]?\d{3}[-－]?\d{4}|800[-－]?\d{3}[-－]?\d{4}|1[3-9]\d{9}|www\.|https?://"
)
_NOTICE_WORDS = lazy(r"公告|启事|声明|通知|讣告|遗失|公示|更正")


def _ends_sentence(text: str) -> bool:
    last = text[-1:]
    if last and last in _SENTENCE_END:
        return True  # most paragraphs: their last character ends a sentence
    text = text.rstrip()
    if text[-1:] in ")）" and _CLOSING_CREDIT.search(text[-40:]):
        return True  # a closing credit in brackets: (完), (记者 张三)
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


# A line is asked whether it looks like a title by the prose test and again by the decoder.
@functools.lru_cache(maxsize=128)
def _title_like(text: str) -> bool:
    """A Chinese title line: short, no sentence end or 。, not ending in a function word or a comma's stub."""
    if not 1 <= len(text) <= 64 or _ends_sentence(text) or text[-1] in _CONTINUES or "。" in text:
        return False
    if _FUNCTION_END.search(text.rstrip(_CLOSERS)[-2:]):
        return False
    clauses = _COMMA.split(text)
    # A clause after the last comma too short to stand, or too many clauses, reads as prose.
    return len(clauses) == 1 or not (len(clauses[-1]) < 3 or len(clauses) > 3 or (len(text) > 30 and len(clauses) > 2))


def cn_number(text: str) -> int:
    """``12``, ``十二``, ``廿五`` or ``三十一`` as an int."""
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_DIGITS[char]
    return value


def _printed_date(text: str) -> _dt.date | None:
    """The first ``2023年12月7日`` in ``text`` as a date, if it is a real one."""
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return _dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _names(text: str) -> list[str]:
    # str.split() splits at the whitespace that \s matches.
    return text.replace("、", " ").replace("，", " ").replace(",", " ").split()


def _may_open_dateline(text: str) -> bool:
    """Whether ``text`` may open with a dateline: its head holds what every agency dateline holds
    (日电, 社电, 日讯, 社讯 or 本报讯), or a lead date's 月. Most lines are turned away at once."""
    head = text[:32]
    return (
        ("电" in head or "讯" in head)
        and ("日电" in head or "社电" in head or "日讯" in head or "社讯" in head or "本报讯" in head)
    ) or "月" in head[:4]


def _segments(inner: str) -> tuple[Byline, ...] | None:
    """The people in a byline's role/name segments, or None unless they cover all of it."""
    bylines: list[Byline] = []
    position = 0
    inner = inner.strip()
    for match in _SEGMENT.finditer(inner):
        start, end = match.span()
        if start != position:
            return None
        label, names = match.group("label", "names")
        role = _ROLES[label]
        for name in _names(names):
            bylines.append(Byline(name=name, role=role))
        position = end
    return (tuple(bylines) or None) if position == len(inner) else None


class Chinese(Conventions):
    """Conventions of Chinese newspapers (mainland style first)."""

    code = "zh"
    name = "Chinese"
    labels = Labels(
        page="{number:02d}版",
        issue_number="第{number}期",
        contents="目录",
        previous="上一篇",
        next="下一篇",
        cover="封面",
        pages="版面",
        advertisement="广告",
        notice="启事",
        other="其他",
        navigation="文章导航",
        front_page="头版",
        continued="续",
        picture="图片",
    )
    notice_words = _NOTICE_WORDS
    advertisement_words = _AD_WORDS
    title_wraps = False
    max_stack = 4
    page_header_start = r"第|\d"  # _PAGE_HEADER: 第2版, 02版, 2 要闻

    def score(self, text: str) -> float:
        han, latin = script_counts(text[:1000])
        return han / (han + latin / 4) if han else 0.0

    # The module's functions themselves, not methods that call them: they are asked of every line.
    ends_sentence = staticmethod(_ends_sentence)

    def join(self, left: str, right: str) -> str:
        if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
            return f"{left} {right}"
        return left + right

    is_title_like = staticmethod(_title_like)

    def is_prose(self, text: str) -> bool:
        # No jump, caption, byline or dateline marks where those stand, and no title's look.
        size = len(text)
        if "版" in text[-12:]:
            return False
        head = text[:32]
        if "(" in head or "（" in head or "月" in head[:4]:
            return False
        # Every dateline mark holds 电 or 讯: most lines skip the search.
        if ("电" in head or "讯" in head) and _DATELINE_HINT.search(head) is not None:
            return False
        if size <= 80 and _ROLE_CHARS.search(head) is not None:
            return False
        if size <= 160:
            tail = text[-40:]
            if "摄" in tail or "图" in tail:
                return False
        return size > 64 or not (self.is_title_like(text) or self.starts_title(text))

    def starts_title(self, text: str) -> bool:
        return text.startswith(("——", "—", "－－")) and len(text) <= 64

    def match_record(self, text: str) -> RecordMatch | None:
        if "版" not in text[:12] and "专栏" not in text[:20]:
            return None
        match = _RECORD.match(text)
        if match is None:
            return None
        header = match.group(0)
        if not header.endswith((":", "：")) and text[match.end() : match.end() + 1] in ":：":
            header = text[: match.end() + 1]
        pieces: list[str] = []
        for piece in text[len(header) :].split():
            # A dateline standing alone leads the paragraph after it: 新华社六日讯 华盛顿消息:……
            if pieces and (_AGENCY_DATELINE.fullmatch(pieces[-1]) or _OWN_DATELINE.fullmatch(pieces[-1])):
                pieces[-1] = f"{pieces[-1]} {piece}"
                continue
            pieces.append(piece)
        return RecordMatch(header=header.strip(), pieces=tuple(pieces))

    def is_record_label(self, text: str) -> bool:
        return _RECORD_LABEL.match(text) is not None

    def is_picture_text(self, text: str) -> bool:
        return _PICTURE.search(text, 0, 60) is not None

    def match_byline(self, text: str, *, whole: bool) -> BylineMatch | None:
        if whole and len(text) <= 14 and text[:1] in "(（" and (closing := _CLOSING_AGENCY.match(text.strip())):
            name = closing["name"]
            return BylineMatch(bylines=(Byline(name=name, role=Role.AUTHOR),), text=text.strip(), closing=True)
        head = text[:16]
        paren = "(" in head or "（" in head
        if not paren and not (whole and len(text) <= 80):
            return None
        if _ROLE_CHARS.search(text, 0, 32) is None:
            return None
        if _ROLE_HINT.search(text, 0, 32) is None:
            return None
        # A whole byline in brackets ends with its closing bracket.
        match = _PAREN_BYLINE.match(text) if paren and not (whole and text.rstrip()[-1:] not in ")）") else None
        if match is not None and not (whole and match.end() < len(text)):
            bylines = _segments(match["inner"])
            paper = match["paper"]
            if bylines is not None and paper != "本报讯":
                printed = text[: match.end()].strip()
                return BylineMatch(bylines=bylines, text=printed, rest=text[match.end() :].strip(), paper=paper)
        if whole and len(text) <= 80:
            match = _WHOLE_BYLINE.match(text.strip())
            if match is not None:
                bylines = _segments(match["inner"])
                if bylines is not None:
                    return BylineMatch(bylines=bylines, text=text.strip(), paper=match["paper"])
        return None

    def has_dateline(self, text: str) -> bool:
        if not _may_open_dateline(text):
            return False
        return _AGENCY_DATELINE.match(text) is not None or _OWN_DATELINE.match(text) is not None

    def match_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        if not _may_open_dateline(text):
            return None
        match = _AGENCY_DATELINE.match(text) or _OWN_DATELINE.match(text)
        if match is not None:
            groups = match.groupdict()
            date = None
            if groups.get("day"):
                month = cn_number(groups["month"]) if groups.get("month") else None
                date = resolve_date(issue_date, month, cn_number(groups["day"]))
            agency = groups.get("agency")
            dateline = Dateline(
                agency=None if agency in (None, "本报") else agency,
                place=groups.get("place") or None,
                date=date,
                text=match.group(0),
            )
            rest = text[match.end() :]
            trailing = _TRAILING_BYLINE.match(rest)
            if trailing is not None and (people := _segments(trailing["inner"])):
                # 本报讯（记者 葛青）: a source tag, then a byline of its own
                printed = trailing.group(0).strip()
                rest = rest[trailing.end() :]
                return DatelineMatch(dateline=dateline, rest=rest.strip(), bylines=people, byline_text=printed)
            return DatelineMatch(dateline=dateline, rest=rest.strip())
        match = _LEAD_DATE.match(text)
        if match is not None and issue_date is not None:
            date = resolve_date(issue_date, cn_number(match["month"]), cn_number(match["day"]))
            if date is not None and (issue_date - date).days <= LEAD_DATE_WINDOW:
                return DatelineMatch(dateline=Dateline(date=date, text=match.group(0)), rest=text, keep=True)
        return None

    def match_jump(self, text: str) -> JumpMatch | None:
        if "版" not in text[-12:]:
            return None
        match = _JUMP.search(text, max(0, len(text) - 40))
        if match is None:
            return None
        direction = match["dir"]
        if direction in ("转", "接") and not (match["di"] or match["arrow"] or match["open"]):
            return None
        marker = match["marker"]
        if marker and not "①" <= marker <= "⑳":
            marker = re.sub(r"\s", "", marker)
        jump = Jump(page=cn_number(match["page"]) or 1, marker=marker or None, text=match["text"].strip())
        return JumpMatch(jump=jump, outgoing=direction in ("下转", "转"), rest=text[: match.start()].rstrip())

    def match_caption(self, text: str) -> CaptionMatch | None:
        tail = text[-40:]
        if len(text) > 160 or ("摄" not in tail and "图" not in tail) or self.ends_sentence(text):
            return None
        text = text.strip()
        # The longest such credit: the leftmost start within the last 40 characters.
        match = _CREDIT_AT_END.search(text, max(0, len(text) - 40))
        if match is None:
            return None
        return CaptionMatch(caption=text[: match.start()].strip() or None, credit=match.group(0))

    def is_masthead_line(self, text: str) -> bool:
        return len(text) <= 100 and _MASTHEAD_FEATURES.search(text) is not None

    def read_masthead(self, lines: tuple[str, ...]) -> Masthead:
        text = " ".join(lines)
        fields: dict[str, object] = {}
        if (date := _printed_date(text)) is not None:
            fields["date"] = date
        if (m := _WEEKDAY.search(text)) is not None:
            fields["weekday"] = "一二三四五六日天".index(m["w"]) % 7 if m["w"] != "天" else 6
        if (m := _LUNAR.search(_DATE.sub(" ", text))) is not None:
            fields["lunar_date"] = m.group(0).strip()
        if (m := _ISSUE_NUMBER.search(text)) is not None:
            fields["number"] = int(m["n"])
        if (m := _PAGE_COUNT.search(text)) is not None:
            fields["page_count"] = int(m["n"])
        if (m := _CN_SERIAL.search(text)) is not None:
            fields["serial_number"] = f"CN {m['a']}-{m['b']}" + (f"/{m['c']}" if m["c"] else "")
            fields["country"] = "CN"
        if (m := _ISSN.search(text)) is not None:
            fields["issn"] = f"{m['a']}-{m['b'].upper()}"
        for token in text.split():
            if "主办" in token or "主管" in token:
                for pattern in _SPONSOR:
                    if (m := pattern.search(token)) is not None and m["p"]:
                        fields["publisher"] = m["p"]
                        break
                if "publisher" in fields:
                    break
        return Masthead(**fields)  # type: ignore[arg-type]

    def match_page_header(self, text: str) -> PageHeader | None:
        match = _PAGE_HEADER.match(text)
        if match is None or len(text) > 80:
            return None
        number = int(match["n"] or match["n2"])
        section = match["section"] or match["section2"]
        date = _printed_date(text)
        editors = tuple(
            Byline(name=name, role=Role.EDITOR)
            for match in _PAGE_STAFF.finditer(text)
            for name in _names(match["names"])
        )
        return PageHeader(number=number, section=section, date=date, editors=editors) if number >= 1 else None


@hookimpl
def newsissue_languages() -> tuple[Conventions, ...]:
    """Chinese is built in."""
    return (Chinese(),)
