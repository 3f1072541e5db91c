"""Dates and clock times as news pages print them, and the first-publication date of a dump.

`parse_published(text)` reads one date; `line_dates(line)` classes the dates of a date/byline line
(published, plain, updated); `find_published(page)` is the dump pass that picks the
first-publication date near the headline. Month names, date labels and time zones come from
analysis/data/metadata.yaml.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple

from analysis.metadata.config import CFG
from analysis.metadata.page import DumpPage
from analysis.metadata.words import HAS_DIGIT

_I = re.IGNORECASE

MONTHS: dict[str, int] = {k.lower(): int(v) for k, v in CFG["months"]["names"].items()}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# abbreviations that are English words ("ago", "set", "out"): only day-first with a year ("02 Ago 2017")
_NEED_YEAR = {m.lower() for m in CFG["months"].get("need_year", [])}
_MONTH_NY_RE = "|".join(sorted((re.escape(m) for m in MONTHS if m not in _NEED_YEAR), key=len, reverse=True))
# the first letters of month names: a cheap look-ahead before trying every name (a third faster)
_MONTH_FIRST = "(?=[" + re.escape("".join(sorted({m[0] for m in MONTHS} | {m[0].upper() for m in MONTHS}))) + "])"
DATE_RE = re.compile(
    r"(?P<iso>(?<!\d)(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"(?:[T ](?P<ih>\d{1,2}):(?P<imin>\d{2})(?::(?P<isec>\d{2}))?(?:\.\d+)?)?"
    r"(?P<itz>Z|[+-]\d\d:?\d\d)?(?!\d))"
    rf"|(?P<mdy>(?<![\w]){_MONTH_FIRST}(?P<m1>{_MONTH_NY_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    r"(?:\s*,\s*|\s+)(?P<y1>(?:19|20)\d\d)(?!\d))"
    rf"|(?P<dmy>(?<![\w.])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\.?\s+(?:de\s+)?|\.){_MONTH_FIRST}(?P<m2>{_MONTH_RE})"
    r"(?:\.?,?\s+(?:de\s+)?|\.)(?P<y2>(?:19|20)\d\d)(?!\d))"
    r"|(?P<num>(?<![\w./])(?P<n1>\d{1,2})(?P<sep>[./])(?P<n2>\d{1,2})(?P=sep)"
    r"(?P<n3>(?:19|20)\d\d|\d\d)(?![\d]|\.\d))",
    _I,
)
TIME_RE = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?::|h)(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|(?<![\d:.])(?P<h2>\d{1,2})\s*(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|(?<![\d:.])(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s*(?=GMT|UTC|ET\b|EST|EDT|BST|CET|CEST|HKT|IST)",
    _I,
)
# every DATE_RE match holds a 4-digit year or a numeric d/m/y group: a cheap test before the scan
_DATE_HINT = re.compile(r"(?:19|20)\d\d|\d[./]\d\d?[./]\d")


def make_timestamp(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0):
    import pandas as pd

    try:
        moment = _dt.datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    if not 1990 <= y <= 2100:
        return None
    return pd.Timestamp(moment)   # the same Timestamp as from its fields, a third of the time


def _date_parts(m: re.Match, month_first: bool | None = None):
    """(year, month, day, hour, minute, second or None) of one date match, or None if invalid.

    A numeric date is day first when its first number is over 12, month first when its second is;
    otherwise in the page's order (`month_first`), else day first with dots ("13.11.2019") and
    month first with slashes ("11/19/19")."""
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        if g["ih"] is not None:
            return y, mo, d, int(g["ih"]), int(g["imin"]), int(g["isec"] or 0)
        return y, mo, d, None, None, None
    if g["mdy"]:
        return int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]), None, None, None
    if g["dmy"]:
        return int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]), None, None, None
    a, b, y = int(g["n1"]), int(g["n2"]), int(g["n3"])
    if y < 100:
        y += 2000
    if a > 12 or (b <= 12 and (not month_first if month_first is not None else g["sep"] == ".")):
        d, mo = a, b   # 21/06/2014, 13.11.2019; 11.03.17 on a day-first page
    else:              # 11/19/2019, 11/20/19, 11.03.17 on a month-first (US) page
        mo, d = a, b
    return y, mo, d, None, None, None


def time_near(text: str, start: int, end: int):
    """(h, m, s) of the clock time printed right after (or else right before) a date."""
    after = text[end:end + 40]
    for t in TIME_RE.finditer(after):
        if DATE_RE.match(after, t.start()):
            continue
        return clock_of(t)
    before = text[max(0, start - 40):start]
    t = TIME_RE.search(before)  # "Updated 0339 GMT (1139 HKT) November 19, 2019": the first clock
    return clock_of(t) if t else None


def clock_of(t: re.Match):
    if t.group("h3") is not None:
        return int(t.group("h3")), int(t.group("m3")), 0
    if t.group("h2") is not None:
        h, mi, s, ap = int(t.group("h2")), 0, 0, t.group("ap2")
    else:
        h, mi, s, ap = int(t.group("h")), int(t.group("m")), int(t.group("s") or 0), t.group("ap")
    if ap:
        if h > 12 or h == 0:
            pass  # "13:42pm" as some pages print it: the 24-hour reading is the only one
        elif ap.lower() == "p" and h != 12:
            h += 12
        elif ap.lower() == "a" and h == 12:
            h = 0
    if h > 23:
        return None
    return h, mi, s


@lru_cache(maxsize=8192)
def dates_in(text: str, month_first: bool | None = None) -> tuple:
    """Every valid (Timestamp, start, end) date printed in `text`, with its clock time if shown
    (cached: the header lines of a page are read by several rules); `month_first`: the page's order
    of an ambiguous numeric date (`_date_parts`)."""
    out = []
    if not text or not _DATE_HINT.search(text):
        return ()
    for m in DATE_RE.finditer(text):
        parts = _date_parts(m, month_first)
        y, mo, d, h, mi, s = parts
        if h is None:
            hms = time_near(text, m.start(), m.end())
            if hms:
                h, mi, s = hms
        ts = make_timestamp(y, mo, d, h or 0, mi or 0, s or 0)
        if ts is not None:
            out.append((ts, m.start(), m.end()))
    return tuple(out)


TZ = {k.upper(): int(v) for k, v in CFG["time_zones"]["offsets"].items()}
TZ_RE = re.compile(r"(?<=[\d\s.mM])\(?(" + "|".join(sorted(TZ, key=len, reverse=True)) + r")\b")
_ISO_OFFSET_RE = re.compile(r"\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)\s*$")


def offset_minutes(text: str):
    """UTC offset in minutes written at the end of an ISO timestamp (`Z` = 0), else None."""
    m = _ISO_OFFSET_RE.search(text or "")
    if not m:
        return None
    z = m.group(1)
    if z == "Z":
        return 0
    sign = -1 if z[0] == "-" else 1
    z = z[1:].replace(":", "")
    return sign * (int(z[:2]) * 60 + int(z[2:]))


def parse_published(text):
    """The first date (and clock time) printed in `text` as a naive pandas Timestamp, else None.

    Reads news-page formats: `March 11, 2025 12:49 AM`, `Nov. 19, 2019`, `19 November 2019`,
    `2019-11-19T20:51:19+01:00` (offset dropped, clock kept), `11/19/19 6:38 AM`, `13.11.2019, 23:06`.
    A date without a clock time gives midnight. Garbage, empty or non-string input gives None.
    """
    try:
        if text is None:
            return None
        if not isinstance(text, str):
            import pandas as pd

            if isinstance(text, pd.Timestamp):
                return text.tz_localize(None) if text.tzinfo else text
            if isinstance(text, _dt.datetime):
                return pd.Timestamp(text.replace(tzinfo=None))
            if isinstance(text, _dt.date):
                return pd.Timestamp(text)
            text = str(text)
        found = dates_in(text[:2000])
        return found[0][0] if found else None
    except Exception:  # never raise on a date
        return None


# ------------------------------------------------------------------------------ dates in lines
PUB_LABEL_RE = re.compile(r"(?:^|[\s|;,(])(?:" + CFG["date_labels"]["published"] + r")\b", _I)
UPD_LABEL_RE = re.compile(r"(?:^|[\s|;,(])(?:" + CFG["date_labels"]["updated"] + r")\b", _I)
SEGMENT_RE = re.compile(r"\s+[|•·]\s+|\s*;\s+|\s+-\s+(?=(?:updated|published|posted|last|modified)\b)"
                         r"|\s+(?=(?:updated|last\s+updated|modified)\b)|\s{2,}", _I)
PUB_START_RE = re.compile(r"^(?:" + CFG["date_labels"]["published"] + r")\s*:?\s*.{0,14}\d", _I)
MD_RE = re.compile(rf"(?<!\w)(?P<m>{_MONTH_NY_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
                   r"(?!,?\s*(?:19|20)\d\d)", _I)
_COPYRIGHT_YEAR_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", _I)


def page_year(text: list[str]):
    """The year of the page's copyright line ("© 2019 …"), the last one if several."""
    year = None
    for s in text[-400:]:
        if s and ("©" in s or "opyright" in s):
            m = _COPYRIGHT_YEAR_RE.search(s)
            if m:
                year = int(m.group(1))
    return year


MACHINE_TS_RE = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d")
RELATIVE_RE = re.compile(CFG["date_labels"]["relative"], _I)


def line_dates(s: str, month_first: bool | None = None):
    """[(class, Timestamp)] for the dates of a short date/byline line; class 0 published, 1 plain, 2 updated."""
    out = []
    segments = SEGMENT_RE.split(s)
    carry = None
    for q, seg in enumerate(segments):
        found = dates_in(seg) if month_first is None else dates_in(seg, month_first)   # one cache key a line
        cls = 0 if PUB_LABEL_RE.search(seg) else (2 if UPD_LABEL_RE.search(seg) else None)
        if not found:
            if cls is not None:
                carry = cls  # "Updated on:" / date on the next segment
            continue
        if cls is None:
            cls = carry if carry is not None else 1
        carry = None
        nxt = segments[q + 1].strip() if q + 1 < len(segments) and segments[q + 1] else ""
        t = TIME_RE.match(nxt) if nxt and len(nxt) <= 16 else None
        hms = clock_of(t) if t and len(nxt) - t.end() <= 6 and not TIME_RE.search(seg) else None
        for ts, _a, _b in found:
            if hms and ts.hour == 0 and ts.minute == 0:
                ts = ts.replace(hour=hms[0], minute=hms[1], second=hms[2])  # "19 November 2019 • 1:16pm"
            out.append((cls, ts))
    return out


# ------------------------------------------------------------------------------ the dump pass
PUBLISHED, PLAIN, UPDATED = 0, 1, 2   # classes of a printed date (`line_dates`)


class DateCandidate(NamedTuple):
    """A date printed near the headline; the smallest (updated, above, distance, cls) wins."""

    updated: int      # 1 for an "Updated" date
    above: int        # 1 when printed above the headline
    distance: int     # non-blank lines from the headline
    cls: int          # PUBLISHED, PLAIN or UPDATED
    ts: object        # pandas.Timestamp
    line: int         # line number


def _clock_on_next_line(page: DumpPage, j: int):
    """(line number, (h, m, s)) of a bare clock time on the line after j ("5:50 PM"), else None."""
    kk = page.pos[j]
    nxt = page.nonblank[kk + 1] if kk + 1 < len(page.nonblank) else None
    if nxt is not None and len(page.text[nxt]) <= 30:
        t = TIME_RE.match(page.text[nxt])
        if t and len(page.text[nxt]) - t.end() <= 8:
            hms = clock_of(t)
            if hms:
                return nxt, hms
    return None


# a numeric date whose order only the page's locale tells: 11.03.17, 05/06/2019
_AMBIGUOUS_NUM_RE = re.compile(r"(?<![\w./])(?:0?[1-9]|1[0-2])([./])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d\d(?![\d]|\.\d)")
_LOCALE_RE = re.compile(r"^\s*([a-z]{2,3})(?:[-_]([a-z]{2}))?\b", _I)
ENGLISH_MIN_SHARE = 0.2      # share of English function words that makes a page English
_ENGLISH_WORDS = frozenset("the of and to a in is that for on with was as it by at from he said".split())
_WORDS_RE = re.compile(r"[a-z]+")


def month_first_of_locale(code) -> bool | None:
    """The numeric date order of a locale code: "en-US"/"en_US" month first; another region's
    English ("en-GB") or another language ("de", "fr-FR") day first; bare "en" or none: unknown."""
    m = _LOCALE_RE.match(code or "")
    if not m:
        return None
    lang, region = m.group(1).lower(), (m.group(2) or "").lower()
    if lang == "en":
        return None if not region else region in ("us", "ph", "ca")
    return False


def _numeric_order(page: DumpPage) -> bool | None:
    """True when the page writes numeric dates month first: its locale (HTML), else its own
    unambiguous dates (a number over 12; "March 18, 2017" against "18 March 2017"), else English
    text (US order, as the slash dates of English pages are read); None: no evidence."""
    if page.month_first is not None or page.locale_checked:
        return page.month_first
    page.locale_checked = True
    order = month_first_of_locale(page.locale)
    if order is None:
        votes = 0
        for s in page.text:
            if s and len(s) <= 300 and _DATE_HINT.search(s):
                for m in DATE_RE.finditer(s):
                    if m.group("num"):
                        a, b = int(m.group("n1")), int(m.group("n2"))
                        votes += (b > 12 >= a) - (a > 12 >= b)
                    else:
                        votes += 1 if m.group("mdy") else (-1 if m.group("dmy") else 0)
        if votes:
            order = votes > 0
        else:
            words = _WORDS_RE.findall(" ".join(page.text[:400]).lower())[:3000]
            if words and sum(map(_ENGLISH_WORDS.__contains__, words)) >= ENGLISH_MIN_SHARE * len(words):
                order = True
    page.month_first = order
    return order


def _dated_lines(page: DumpPage) -> list[DateCandidate]:
    """The dates of the short date/byline lines of the metadata region."""
    text, marks, k = page.text, page.marks, page.pos[page.h]
    cands = []
    for j in page.region:
        s = text[j]
        if len(s) > 220 or not HAS_DIGIT.search(s):
            continue
        if j in marks and marks[j] != "byline":
            continue
        order = _numeric_order(page) if _AMBIGUOUS_NUM_RE.search(s) else None
        if marks.get(j) != "byline":
            d = dates_in(s) if order is None else dates_in(s, order)
            if not d:
                continue
            rest = s[:d[0][1]] + s[d[-1][2]:]
            if len(rest.split()) > 12 and not PUB_LABEL_RE.search(s[:d[0][1]] + " "):
                continue
        for cls, ts in line_dates(s, order):
            if ts.hour == 0 and ts.minute == 0 and not TIME_RE.search(s):
                # "Nov. 19, 2019" with the clock time on the next line ("5:50 PM")
                clock = _clock_on_next_line(page, j)
                if clock:
                    nxt, hms = clock
                    ts = ts.replace(hour=hms[0], minute=hms[1], second=hms[2])
                    marks.setdefault(nxt, "dateline")
            cands.append(DateCandidate(1 if cls == UPDATED else 0, 0 if j >= page.h else 1,
                                       abs(page.pos[j] - k), cls, ts, j))
    return cands


def _yearless_dates(page: DumpPage) -> list[DateCandidate]:
    """"Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM": no year printed; the page's year is
    the metadata's (HTML) or the copyright line's (text dumps)."""
    text, k = page.text, page.pos[page.h]
    cands = []
    for j in page.region:
        s = text[j]
        bare = (len(s) <= 24 and MD_RE.match(s) and page.by_idx is not None
                and abs(page.pos[j] - page.pos[page.by_idx]) <= 2)  # "By Nathan Birch" / "Nov 18"
        if len(s) > 160 or not (PUB_LABEL_RE.search(s) or UPD_LABEL_RE.search(s) or bare):
            continue
        year = page.year_hint or page_year(text)
        if year is None:
            break
        for seg in SEGMENT_RE.split(s):
            m = MD_RE.search(seg)
            if not m:
                continue
            cls = PUBLISHED if PUB_LABEL_RE.search(seg) else (UPDATED if UPD_LABEL_RE.search(seg) else PLAIN)
            hms = time_near(seg, m.start(), m.end()) or (0, 0, 0)
            ts = make_timestamp(year, MONTHS[m.group("m").lower()], int(m.group("d")), *hms)
            if ts is not None:
                cands.append(DateCandidate(1 if cls == UPDATED else 0, 0, abs(page.pos[j] - k), cls, ts, j))
    return cands


def _published_elsewhere(page: DumpPage, cands: list[DateCandidate]) -> list[DateCandidate]:
    """Only an update near the headline: a "Published: …" line elsewhere on the page is the first
    date (the search stops at a "Published" line that is the last candidate's own)."""
    for j in page.nonblank:
        s = page.text[j]
        if len(s) <= 160 and PUB_START_RE.match(s):
            for cls, ts in line_dates(s):
                if cls == PUBLISHED:
                    return [DateCandidate(0, 0, 0, PUBLISHED, ts, j)]
            if cands and cands[-1].line == j:
                break
    return []


def _relative_clock(page: DumpPage):
    """Rendered HTML with no date near the headline: a relative day with a clock time ("Today
    12:01 AM", "Monday 5:30PM") still tells the page's clock (minutes after midnight), else None."""
    for j in page.region:
        s = page.text[j]
        if len(s) <= 40 and RELATIVE_RE.match(s):
            t = TIME_RE.search(s)
            hms = clock_of(t) if t else None
            if hms:
                return hms[0] * 60 + hms[1]
    return None


def find_published(page: DumpPage) -> None:
    """The dump pass for `published`: the first-publication date printed near the headline."""
    cands = _dated_lines(page)
    if not cands:
        cands = _yearless_dates(page)
    if not cands or all(c.cls == UPDATED for c in cands):
        cands = cands + _published_elsewhere(page, cands)
    if cands:
        chosen = min(cands, key=lambda c: c[:4])
        page.published, page.pub_class = chosen.ts, chosen.cls
        zm = TZ_RE.search(page.text[chosen.line])
        page.tz = zm.group(1).upper() if zm else None
        page.pub_above = chosen.line < page.h
        for c in cands:
            if c.line not in page.marks:
                page.marks[c.line] = "dateline"
    elif not page.first_is_title:
        page.rel_clock = _relative_clock(page)
