"""Article metadata (headline, byline, date, read time, lead caption and photo credit).

Two entry points return the same keys:

- `from_dump(raw)`: a browser text dump (select-all + copy of a page). Also returns `lines`,
  {0-based line number: reason} for the lines that became metadata, so the cleaner can drop them.
- `from_html(html, url)`: a saved HTML page (structured metadata first, visible text to check it).

Helpers shared by both: `strip_site_suffix(title, site_names)` and `parse_published(text)`.
Patterns, labels and word lists live in `analysis/data/metadata.yaml` (with provenance).
`published` is a naive `pandas.Timestamp` in the page's own clock (never shifted to UTC); a page
that prints only a date gives midnight of that date. Nothing here raises on bad input: missing
values come back as None (and a warning is issued if extraction itself failed).
"""
from __future__ import annotations

import datetime as _dt
import math
import re
import warnings
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["from_dump", "from_html", "strip_site_suffix", "parse_published", "split_credit",
           "KEYS"]

KEYS = ("title", "author", "published", "read_time_min", "caption", "photo_credit", "outlet", "url")

_DATA = Path(__file__).with_name("data") / "metadata.yaml"
with open(_DATA, encoding="utf-8") as _fh:
    _CFG = yaml.load(_fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml when built

_I = re.IGNORECASE

# ------------------------------------------------------------------------------ dates
_MONTHS: dict[str, int] = {k.lower(): int(v) for k, v in _CFG["months"]["names"].items()}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# abbreviations that are English words ("ago", "set", "out"): only day-first with a year ("02 Ago 2017")
_NEED_YEAR = {m.lower() for m in _CFG["months"].get("need_year", [])}
_MONTH_NY_RE = "|".join(sorted((re.escape(m) for m in _MONTHS if m not in _NEED_YEAR), key=len, reverse=True))
# the first letters of month names: a cheap look-ahead before trying every name (a third faster)
_MONTH_FIRST = "(?=[" + re.escape("".join(sorted({m[0] for m in _MONTHS} | {m[0].upper() for m in _MONTHS}))) + "])"
_DATE_RE = re.compile(
    r"(?P<iso>(?<!\d)(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"(?:[T ](?P<ih>\d{1,2}):(?P<imin>\d{2})(?::(?P<isec>\d{2}))?(?:\.\d+)?)?"
    r"(?P<itz>Z|[+-]\d\d:?\d\d)?(?!\d))"
    rf"|(?P<mdy>(?<![\w]){_MONTH_FIRST}(?P<m1>{_MONTH_NY_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    r"(?:\s*,\s*|\s+)(?P<y1>(?:19|20)\d\d)(?!\d))"
    rf"|(?P<dmy>(?<![\w.])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH_FIRST}(?P<m2>{_MONTH_RE})\.?,?"
    r"\s+(?:de\s+)?(?P<y2>(?:19|20)\d\d)(?!\d))"
    r"|(?P<num>(?<![\w./])(?P<n1>\d{1,2})(?P<sep>[./])(?P<n2>\d{1,2})(?P=sep)"
    r"(?P<n3>(?:19|20)\d\d|\d\d)(?![\d]|\.\d))",
    _I,
)
_TIME_RE = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?::|h)(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|(?<![\d:.])(?P<h2>\d{1,2})\s*(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|(?<![\d:.])(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s*(?=GMT|UTC|ET\b|EST|EDT|BST|CET|CEST|HKT|IST)",
    _I,
)
_HAS_DIGIT = re.compile(r"\d")
# every _DATE_RE match holds a 4-digit year or a numeric d/m/y group: a cheap test before the scan
_DATE_HINT = re.compile(r"(?:19|20)\d\d|\d[./]\d\d?[./]\d")


def _mk_ts(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0):
    import pandas as pd

    try:
        _dt.datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    if not 1990 <= y <= 2100:
        return None
    return pd.Timestamp(year=y, month=mo, day=d, hour=h, minute=mi, second=s)


def _date_parts(m: re.Match):
    """(year, month, day, hour, minute, second or None) of one date match, or None if invalid."""
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        if g["ih"] is not None:
            return y, mo, d, int(g["ih"]), int(g["imin"]), int(g["isec"] or 0)
        return y, mo, d, None, None, None
    if g["mdy"]:
        return int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]), None, None, None
    if g["dmy"]:
        return int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]), None, None, None
    a, b, y = int(g["n1"]), int(g["n2"]), int(g["n3"])
    if y < 100:
        y += 2000
    if g["sep"] == "." or a > 12:  # 13.11.2019, 21/06/2014: day first
        d, mo = a, b
    else:  # 11/19/2019, 11/20/19: US order, the common one on English pages
        mo, d = a, b
    return y, mo, d, None, None, None


def _time_near(text: str, start: int, end: int):
    """(h, m, s) of the clock time printed right after (or else right before) a date."""
    after = text[end:end + 40]
    for t in _TIME_RE.finditer(after):
        if _DATE_RE.match(after, t.start()):
            continue
        return _hms(t)
    before = text[max(0, start - 40):start]
    t = _TIME_RE.search(before)  # "Updated 0339 GMT (1139 HKT) November 19, 2019": the first clock
    return _hms(t) if t else None


def _hms(t: re.Match):
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
def _dates_in(text: str) -> tuple:
    """Every valid (Timestamp, start, end) date printed in `text`, with its clock time if shown
    (cached: the header lines of a page are read by several rules)."""
    out = []
    if not text or not _DATE_HINT.search(text):
        return ()
    for m in _DATE_RE.finditer(text):
        parts = _date_parts(m)
        y, mo, d, h, mi, s = parts
        if h is None:
            hms = _time_near(text, m.start(), m.end())
            if hms:
                h, mi, s = hms
        ts = _mk_ts(y, mo, d, h or 0, mi or 0, s or 0)
        if ts is not None:
            out.append((ts, m.start(), m.end()))
    return tuple(out)


_TZ = {k.upper(): int(v) for k, v in _CFG["time_zones"]["offsets"].items()}
_TZ_RE = re.compile(r"(?<=[\d\s.mM])\(?(" + "|".join(sorted(_TZ, key=len, reverse=True)) + r")\b")
_ISO_OFFSET_RE = re.compile(r"\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)\s*$")


def _offset_minutes(text: str):
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
        found = _dates_in(text[:2000])
        return found[0][0] if found else None
    except Exception:  # never raise on a date
        return None


# ------------------------------------------------------------------------------ titles
_SEP_RE = re.compile(_CFG["site_suffix"]["separators"])
_SITE_MARK_RE = re.compile(_CFG["site_suffix"]["markers"], _I)
_MAX_SUFFIX_WORDS = int(_CFG["site_suffix"]["max_words"])
_NORM_RE = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def _norm(s: str) -> str:
    return _NORM_RE.sub(" ", s.translate(_QUOTES).lower().replace("'", "")).strip()


def _low(s: str) -> str:
    """Lower case without apostrophes (the words of `_norm`, still unsplit)."""
    s = s.lower()
    return s.replace("'", "").replace("’", "").replace("‘", "") if ("'" in s or "’" in s or "‘" in s) else s


def _collapse(s: str) -> str:
    return _NORM_RE.sub("", s.lower())


def _looks_site(segment: str, site_names) -> bool:
    seg = segment.strip()
    if not seg or not any(map(str.isalnum, seg)):   # marks, emoji or zero-width only: no name
        return False
    c = _collapse(seg)
    for name in site_names:
        cn = _collapse(name or "")
        if cn and (c == cn or (len(c) > 3 and (c in cn or cn in c))):
            return True
    words = seg.split()
    if len(words) > _MAX_SUFFIX_WORDS:
        return False
    if _SITE_MARK_RE.search(seg):
        return True
    if any(ch.isdigit() for ch in seg) and len(words) > 1:
        return False  # "Day 3", "Week 11": part of the headline, not a site or section name
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return caps == len(words)


def _split_suffix(title: str, site_names=()):
    """(title without trailing site/section segments, the outermost site segment or None)."""
    t = " ".join(title.split())
    site = None
    while True:
        parts = list(_SEP_RE.finditer(t))
        if not parts:
            break
        last = parts[-1]
        head, tail = t[:last.start()].strip(), t[last.end():].strip()
        if len(head.split()) < 2 or len(head) < len(tail):
            break
        if not _looks_site(tail, site_names):
            break
        if site is None:
            site = tail
        t = head
    return t, site


def strip_site_suffix(title, site_names=()) -> str:
    """The headline without a trailing " | Site", " - Site" or " | Section | Site" (text in, text out).

    A trailing segment is removed when it names one of `site_names` or looks like a site or section
    name (at most a few words, capitalised or with a domain/news word, no "Day 3"-like numbers); the
    headline keeps at least two words. Non-string input gives "".
    """
    if not isinstance(title, str):
        return ""
    return _split_suffix(title, tuple(site_names or ()))[0]


# ------------------------------------------------------------------------------ bylines
_BY_PREFIX_RE = re.compile(_CFG["byline"]["prefix"], _I)
_BY_INLINE_RE = re.compile(_CFG["byline"]["inline"], _I)
_STOP_RE = re.compile(
    r"(?:^|[\s,|(])(?:" + "|".join(sorted((re.escape(w) for w in _CFG["byline"]["stop_words"]),
                                         key=len, reverse=True)) + r")\b", _I)
_AGENCIES = {a.lower() for a in _CFG["byline"]["agencies"]}
_DESK_BYLINE_RE = re.compile(_CFG["byline"]["desk_byline"], _I)
_AUTHOR_BOX_RE = re.compile(_CFG["byline"]["author_box_tail"], _I)
_DESKS = {a.lower() for a in _CFG["byline"]["desks"]}
_NAME_CUT_RE = re.compile(r"\s+[|•·/–—]\s*|\s+-\s+|\s*\S*@|\s+on\s*$|\s+\d|\s*\(|\s*\[|\s*:\s|\s{3,}|\t")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b)\s*", _I)
_CRED_RE = re.compile(r"^(?:[A-Z]{1,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|MPH|RDN|CPT|LCSW)$")
_NAME_PARTICLES = {"and", "&", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la",
                   "bin", "al", "el", "y", "del", "dos", "das", "ter", "ten", "st."}
_DOMAIN_RE = re.compile(r"\.\w{2,4}\b|www\.", _I)


def _name_shaped(s: str) -> bool:
    """True for a short line made of capitalised name words ("Lisa Kaczke and Trevor J. Mitchell")."""
    words = s.replace(",", " ").split()
    if not 2 <= len(words) <= 12 or len(s) > 100:
        return False
    if s.rstrip()[-1:] in "!?:;\"'”’" or ":" in s or _HAS_DIGIT.search(s):
        return False
    for w in words:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not (w[:1].isupper() and w[:1].isalpha()):
            return False
    return words[0].lower() not in _NAME_PARTICLES


def _clean_names(text: str, outlet: str | None = None) -> str | None:
    """Byline text -> names joined with "; " (no "By", job titles, credentials or outlet names)."""
    if not text:
        return None
    t = _BY_PREFIX_RE.sub("", text.strip(), count=1)
    for m in _DATE_RE.finditer(t):
        t = t[:m.start()]
        break
    m = _STOP_RE.search(t)
    title_cut = m is not None
    if m:
        t = t[:m.start()]
    m = _NAME_CUT_RE.search(t)
    if m:
        t = t[:m.start()]
    t = t.strip(" ,;:|-–—•·/.\t")
    if not t:
        return None
    outlet_c = _collapse(outlet or "")
    names, agencies = [], []
    for part in _NAME_SPLIT_RE.split(t):
        part = part.strip(" ,;:|-–—•·/\t")
        if not part or not any(ch.isalpha() for ch in part):
            continue
        if _CRED_RE.match(part) and names:
            continue
        words = part.split()
        while title_cut and len(words) > 2 and words[-1].lower() in _DESKS:
            words = words[:-1]
        low = " ".join(words).lower()
        for ag in _AGENCIES:
            if " " in ag and low.endswith(" " + ag) and len(words) - len(ag.split()) >= 2:
                words = words[:len(words) - len(ag.split())]
                break
        # trailing outlet glued to a name: "Jonathan Garber FOXBusiness"
        while outlet_c and len(words) > 2 and _collapse(words[-1]) and \
                _collapse(words[-1]) in outlet_c and len(_collapse(words[-1])) >= 4:
            words = words[:-1]
        part = " ".join(words)
        if len(words) >= 4 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            words = words[:len(words) // 2]  # "Sean Martin Sean Martin" (name printed twice)
            part = " ".join(words)
        if len(words) >= 2 and words[0].lower() in _AGENCIES and title_cut:
            continue  # "AP National Security (Writer)": the agency's job title, not a name
        if len(words) >= 2 and words[0].lower() == "the" and names:
            agencies.append(part)  # "Ana Ruiz, The Springfield Gazette": an outlet, not a person
            continue
        pc = _collapse(part)
        if part.lower() in _AGENCIES or (outlet_c and len(pc) >= 4 and (pc in outlet_c or outlet_c in pc)) \
                or _DOMAIN_RE.search(part):
            agencies.append(part)
            continue
        if len(words) > 4:
            # "Trevor J. Mitchell Sioux Falls Argus Leader": a name is two words, three with an initial
            keep = 3 if len(words[1].rstrip(".")) == 1 or words[1].lower() in _NAME_PARTICLES else 2
            part = " ".join(words[:keep])
        names.append(part)
    if any(len(x.split()) >= 2 for x in names):
        names = [x for x in names if len(x.split()) >= 2]  # "VICTOR TANGERMANN, FUTURISM"
    elif agencies:
        names = []  # "PTI, Washington": an agency and a one-word place, no person's name
    if not names:
        names = agencies[:1]
    seen, out = set(), []
    for n in names:
        if n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return "; ".join(out) or None


@lru_cache(maxsize=8192)
def _byline_of(s: str):
    """Names from a byline line ("By A and B", "DATE | by A", "Author: A", "A Date"), else None."""
    if len(s) > 220:
        return None
    m = _BY_PREFIX_RE.match(s)
    if m:
        rest = s[m.end():]
        if rest[:1].isalpha() and (rest[:1].isupper() or not rest[:1].isascii()
                                    or m.group(0).strip().endswith(":")
                                    or _HAS_DIGIT.search(rest) and _DATE_RE.search(rest)):
            return _clean_names(rest)
        return None
    if _CREDIT_LINE_RE.match(s):
        return None
    m = _BY_INLINE_RE.search(s)
    if m:
        pre = s[:m.start() + 1]
        rest = s[m.end():]
        if rest[:1].isalpha() and (_DATE_RE.search(pre) or _LABEL_ONLY_RE.match(pre) or _TIME_RE.search(pre)):
            return _clean_names(rest)
    return None


def _desk_byline(pre: str):
    """"News Nation Bureau" from the text before a date ("New Delhi, News Nation Bureau | Updated :")."""
    for seg in re.split(r"\s*[|•·]\s*", pre):
        for part in seg.split(","):
            part = part.strip(" :-–—")
            if 2 <= len(part.split()) <= 5 and part[:1].isupper() and _DESK_BYLINE_RE.search(part):
                return part
    return None


def _name_before_categories(rest: str):
    """"Tony Carter" from "Tony Carter All, Books, Kit Reviews" (a name, then a list of category links)."""
    parts = rest.split(",")
    if len(parts) < 2:
        return None
    head = parts[0].split()
    if not 3 <= len(head) <= 4 or any(not p.strip() or len(p.split()) > 3 or not p.strip()[:1].isupper()
                                      for p in parts[1:]):
        return None
    name = " ".join(head[:-1])
    return name if _name_shaped(name) and not _COMMON_RE.search(name) else None


_LABEL_ONLY_RE = re.compile(r"^[\s|•·/,–—-]*(?:posted|written|published|story|words|reported)?[\s|•·/,–—-]*$", _I)

# ------------------------------------------------------------------------------ dates in lines
_PUB_LABEL_RE = re.compile(r"(?:^|[\s|;,(])(?:" + _CFG["date_labels"]["published"] + r")\b", _I)
_UPD_LABEL_RE = re.compile(r"(?:^|[\s|;,(])(?:" + _CFG["date_labels"]["updated"] + r")\b", _I)
_SEGMENT_RE = re.compile(r"\s+[|•·]\s+|\s*;\s+|\s+-\s+(?=(?:updated|published|posted|last|modified)\b)"
                         r"|\s+(?=(?:updated|last\s+updated|modified)\b)|\s{2,}", _I)
_HAS_BY_RE = re.compile(r"\bby\b", _I)
_JOB_WORDS = r"(?:reporter|correspondent|editor|writer|columnist|contributor|producer|analyst|journalist)s?"
_JOB_RE = re.compile(r"(?:\b(?:senior|staff|contributing|chief|political|news|national|foreign|business|"
                     r"sports?|tech(?:nology)?|science|health|opinion|deputy|associate|special)\s+)*\b"
                     + _JOB_WORDS + r"\b", _I)
_JOB_LINE_RE = re.compile(r"^(?:[\w-]+\s+){0,3}" + _JOB_WORDS + r"\b(?:\s+@\w+)?\s*$", _I)
# everyday words that a capitalised menu line ("JUST WATCHED", "Most Read") has and a name has not
_COMMON_RE = re.compile(r"\b(?:just|watched|watch|most|read|more|new|top|latest|news|video|live|share|"
                        r"follow|sign|subscribe|trending|popular|stories|related|next|previous|home)\b", _I)
_PUB_START_RE = re.compile(r"^(?:" + _CFG["date_labels"]["published"] + r")\s*:?\s*.{0,14}\d", _I)
_MD_RE = re.compile(rf"(?<!\w)(?P<m>{_MONTH_NY_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?!,?\s*(?:19|20)\d\d)", _I)
_COPYRIGHT_YEAR_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", _I)


def _page_year(text: list[str]):
    """The year of the page's copyright line ("© 2019 …"), the last one if several."""
    year = None
    for s in text[-400:]:
        if s and ("©" in s or "opyright" in s):
            m = _COPYRIGHT_YEAR_RE.search(s)
            if m:
                year = int(m.group(1))
    return year


_MACHINE_TS_RE = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d")
_RELATIVE_RE = re.compile(_CFG["date_labels"]["relative"], _I)
_HANDLE_LINE_RE = re.compile(r"^(?P<name>[^@|/•]{3,60}?)\s+@\w+")


def _line_dates(s: str):
    """[(class, Timestamp)] for the dates of a short date/byline line; class 0 published, 1 plain, 2 updated."""
    out = []
    segments = _SEGMENT_RE.split(s)
    carry = None
    for q, seg in enumerate(segments):
        found = _dates_in(seg)
        cls = 0 if _PUB_LABEL_RE.search(seg) else (2 if _UPD_LABEL_RE.search(seg) else None)
        if not found:
            if cls is not None:
                carry = cls  # "Updated on:" / date on the next segment
            continue
        if cls is None:
            cls = carry if carry is not None else 1
        carry = None
        nxt = segments[q + 1].strip() if q + 1 < len(segments) and segments[q + 1] else ""
        t = _TIME_RE.match(nxt) if nxt and len(nxt) <= 16 else None
        hms = _hms(t) if t and len(nxt) - t.end() <= 6 and not _TIME_RE.search(seg) else None
        for ts, _a, _b in found:
            if hms and ts.hour == 0 and ts.minute == 0:
                ts = ts.replace(hour=hms[0], minute=hms[1], second=hms[2])  # "19 November 2019 • 1:16pm"
            out.append((cls, ts))
    return out


# ------------------------------------------------------------------------------ read time
_READ_RES = [re.compile(p, _I) for p in _CFG["read_time"]["patterns"]]


def _read_time(s: str):
    if not _HAS_DIGIT.search(s):
        return None
    for rx in _READ_RES:
        m = rx.search(s)
        if m:
            n = int(m.group(1))
            if 0 < n < 600:
                return n, m
    return None


# ------------------------------------------------------------------------------ captions
_CREDIT_LINE_RE = re.compile(_CFG["credit"]["line"], _I)
_AGENCY_RE = re.compile(_CFG["credit"]["agencies"], _I)
_TRAIL_PAREN_RE = re.compile(r"^(?P<cap>.*?)\s*[(\[](?P<cred>[^()\[\]]{2,160})[)\]]\s*$")
_SENT_CREDIT_RE = re.compile(r"^(?P<cap>.*[.!?”\"])\s+(?P<cred>[^.!?]{2,80})$")
_NYT_CREDIT_RE = re.compile(r"\s+Credit\s*(?:\.{2,}|…|:)\s*", _I)
_LABEL_STRIP_RE = re.compile(
    r"^(?:(?:photo(?:graph)?s?|images?|pictures?|credits?|illustration|foto|bild|source)\s*(?:credit)?\s*(?::|by\b)"
    r"|image\s+copyright\b|copyright\b|credit\s*(?:\.{2,}|…)|file\s*:)\s*|^©\s*", _I)
_CAPTION_PREFIX_RE = re.compile(r"^(?:image|media|photo|video)\s+caption\s*:?\s*", _I)


def _clean_credit(c: str) -> str | None:
    c = " ".join(c.strip(" ()[]").split())
    prev = None
    while prev != c:
        prev = c
        c = _LABEL_STRIP_RE.sub("", c).strip(" ()[]:")
    return c or None


def _credit_like(c: str) -> bool:
    """True when a short text reads as a photo credit (agency, "Name/Outlet", "Photo: …")."""
    c = c.strip()
    if not c or len(c) > 160:
        return False
    if _CREDIT_LINE_RE.match(c) or _AGENCY_RE.search(c):
        return True
    words = c.split()
    return "/" in c and len(words) <= 12 and not c.endswith(".")


def _source_like(inner: str, cap: str) -> bool:
    """"(onmeth.com)", "(Clay Patrick McBride)" after a full caption sentence: a credit."""
    cap = cap.rstrip()
    if not cap.endswith((".", "!", "?", "”", '"')) or len(cap.split()) < 3:
        return False
    words = inner.split()
    if not 1 <= len(words) <= 5:
        return False
    if len(words) == 1 and re.match(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", inner, _I):
        return True  # a domain
    return len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in _NAME_PARTICLES)


def split_credit(text: str):
    """(caption, photo_credit) of one caption text: trailing "(credit)", "Credit… X", "caption. Reuters"."""
    if not isinstance(text, str) or not text.strip():
        return None, None
    return _split_credit(text)


@lru_cache(maxsize=8192)
def _split_credit(text: str):
    """split_credit of a non-blank string (cached: a page's lines are tested several times)."""
    s = _CAPTION_PREFIX_RE.sub("", " ".join(text.split()))
    m = _NYT_CREDIT_RE.search(s)
    if m:
        return (s[:m.start()].strip() or None), _clean_credit(s[m.end():])
    m = _TRAIL_PAREN_RE.match(s)
    if m and (_credit_like(m.group("cred")) or _source_like(m.group("cred"), m.group("cap"))):
        return (m.group("cap").strip() or None), _clean_credit(m.group("cred"))
    # "… in New York. Kathrin Ziegler/Getty", "… in New York. Reuters"
    m = _SENT_CREDIT_RE.match(s)
    if m and _credit_like(m.group("cred")) and len(m.group("cred").split()) <= 8 \
            and len(m.group("cap").split()) >= 3 and "://" not in s:
        return m.group("cap").strip(), _clean_credit(m.group("cred"))
    if _CREDIT_LINE_RE.match(s) and len(_LABEL_STRIP_RE.sub("", s).split()) <= 10:
        return None, _clean_credit(s)
    return s, None


@lru_cache(maxsize=8192)
def _credit_only(s: str, after_caption: bool = False) -> bool:
    """A line that is only a photo credit ("Sanjeev Verma/Hindustan Times/Getty Images", "Photo: iFixit")."""
    if len(s) > 140 or _RIGHTS_RE.search(s) or _BY_PREFIX_RE.match(s) or "://" in s or "www." in s:
        return False
    tp = _TRAIL_PAREN_RE.match(s)
    if tp and len(tp.group("cap").split()) >= 2:
        return False  # "Titan in false colour, 2004. (NASA/JPL/…)": a caption with its credit
    sc = _SENT_CREDIT_RE.match(s)
    if sc and len(sc.group("cap").split()) >= 3:
        return False  # "The road to retiring early isn't easy. Kathrin Ziegler/Getty"
    if re.match(r"^[(\[].*[)\]]$", s):
        return _credit_like(s[1:-1])
    words = s.split()
    if _CREDIT_LINE_RE.match(s):
        return len(_LABEL_STRIP_RE.sub("", s).split()) <= 10
    if len(words) > 10 or s.endswith((".", "?", "!", ":")) and not s.endswith(("Inc.", "Co.")):
        return False
    if _AGENCY_RE.search(s):
        return "/" in s or "," in s or len(words) <= 4
    return after_caption and bool(re.search(r"\S/\S", s)) and len(words) <= 8 \
        and any(ch.isupper() for ch in s) and sum(w[:1].isupper() for w in words) >= len(words) - 1


_RIGHTS_RE = re.compile(r"rights\s+reserved|^©\s*\d{4}|©.*\b(?:19|20)\d\d\b|^copyright\s+\S*\s*(?:19|20)\d\d", _I)


# ------------------------------------------------------------------------------ the dump
_MAX_LINES = 2500
_MAX_LINE = 400
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _words(s: str) -> frozenset:
    return frozenset(w for w in _WORD_RE.findall(s.lower()) if len(w) > 2 or w.isdigit())


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _same_start(a: str, b: str, n: int = 3) -> bool:
    """True when two titles open with the same n words ("How to retire early …")."""
    wa, wb = _norm(a).split()[:n], _norm(b).split()[:n]
    return len(wa) == n and wa == wb


def _dice(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def _headline_shaped(s: str) -> bool:
    n = len(s.split())
    if not 2 <= n <= 30 or len(s) > 220:
        return False
    if s.endswith((".", ":", ",")) and n > 8:
        return False
    return not (_CREDIT_LINE_RE.match(s) or _BY_PREFIX_RE.match(s))


def _banner_like(s: str) -> bool:
    return bool(re.search(r"[.!?]\s+[A-Z]", s)) or len(s.split()) > 30


@lru_cache(maxsize=8192)
def _anchor_strength(s: str) -> float:
    """How surely a stripped line marks an article's header: 2 a byline, 1 a date line (a date
    and at most 70 other characters), 0.5 a bare machine timestamp, 0 neither."""
    if len(s) > 220:
        return 0
    if (_BY_PREFIX_RE.match(s) or _HAS_BY_RE.search(s)) and _byline_of(s):
        return 2
    if len(s) <= 160 and _HAS_DIGIT.search(s):
        d = _dates_in(s)
        if d:
            rest = len(s) - (d[0][2] - d[0][1])
            if rest <= 70:
                # a bare machine timestamp ("2019-11-13T23:06:00+01:00") is leaked metadata,
                # a weaker sign of the article's header than a printed date
                return 0.5 if _MACHINE_TS_RE.match(s) else 1
    return 0


def _reworded_headline(text, nonblank, i0, title0):
    """Index of the line that rewords the <title> as the visible headline, or None: it opens with
    the title's first two words, has 4 to 20 words (a lede has more), shares at least 30% of the
    title's words, and a body paragraph (25+ words) follows within 12 lines ("Business Focus: Do You Have What It Takes…" in <title>,
    "Business Focus: It's Why Some People Triumph Online…" on the page)."""
    start = _norm(title0).split()[:2]
    if len(start) < 2 or len(title0.split()) < 4:
        return None
    first = start[0]
    best = None
    for k, i in enumerate(nonblank):
        s = text[i]
        if i == i0 or first not in _low(s[:len(first) + 8]) or not 4 <= len(s.split()) <= 20:
            continue
        if not _headline_shaped(s) or s.endswith(".") or _norm(s).split()[:2] != start:
            continue
        ov = _overlap(s, title0)
        if ov < 0.3 or not any(len(text[j].split()) >= 25 for j in nonblank[k + 1:k + 13]):
            continue
        if best is None or ov > best[0]:
            best = (ov, i)
    return best[1] if best else None


def _boilerplate_line(line: str) -> bool:
    """True when the cleaner's rules drop this line wherever it stands (menus, share buttons,
    subscription prompts, advertisements): it cannot be a headline."""
    from analysis.clean import line_rule

    return line_rule(line)[1] == "drop"


def _empty(with_lines: bool) -> dict:
    out = dict.fromkeys(KEYS)
    if with_lines:
        out["lines"] = {}
    return out


def _dump_core(lines: list[str], title_hint: str | None = None, site_names=(), first_is_title=True,
               year_hint: int | None = None):
    """Metadata from the lines of a page rendered as text; see `from_dump`."""
    out = _empty(True)
    marks: dict[int, str] = out["lines"]
    site_names = tuple(x for x in site_names if x)
    n = min(len(lines), _MAX_LINES)
    text = [ln.strip() if len(ln) <= _MAX_LINE * 4 else "" for ln in lines[:n]]
    i0 = next((i for i, s in enumerate(text) if s), None)
    if i0 is None:
        return out
    t0_full = text[i0] if first_is_title else ""
    title0, outlet = _split_suffix(t0_full, site_names) if t0_full else ("", None)
    if title_hint:
        title0 = title_hint
    elif title0 and outlet is None and len(title0.split()) <= 3 and _looks_site(title0, site_names):
        outlet, title0 = title0, ""  # the first line is only the site's name ("Quanta Magazine")
    out["outlet"] = outlet
    outlet = outlet or (site_names[0] if site_names else None)  # for cleaning bylines

    # headline candidates: lines equal to the first line's title, or to one of its segments
    segs = set()
    if title0:
        segs.add(_norm(title0))
        for part in _SEP_RE.split(title0):
            if len(part.split()) >= 3:
                segs.add(_norm(part))
        if t0_full and t0_full != title0:
            segs.add(_norm(t0_full))
    segs.discard("")
    tlen = max((len(x) for x in segs), default=0)
    tlen_min = min((len(x) for x in segs), default=0) // 2
    # one plain word of each candidate title: a cheap test before normalising a line
    probes = set()
    for seg in segs:
        words = [w for w in seg.split() if w.isalnum()]
        if not words:
            probes = set()
            break
        probes.add(max(words, key=len))

    nonblank = [i for i, s in enumerate(text) if s]
    pos = {i: k for k, i in enumerate(nonblank)}

    anchor_cache: dict[int, float] = {}

    def anchor(i):
        if i not in anchor_cache:
            anchor_cache[i] = _anchor_strength(text[i])
        return anchor_cache[i]

    def anchor_dist(i, before=4, after=14):
        """Nonblank lines from line i to the nearest byline/date line (None if none is near)."""
        k = pos[i]
        best = None
        for j in nonblank[max(0, k - before):k] + nonblank[k + 1:k + 1 + after]:
            a = anchor(j)
            if a:
                # lines above count double; a bare machine timestamp (leaked metadata, repeated in
                # hidden copies of the headline) counts as two lines further than a printed date
                d = abs(pos[j] - k) + (2 if j < i else 0) + (2 if a < 1 else 0)
                best = d if best is None else min(best, d)
        return best

    h = None
    matches = []
    if segs:
        for i in nonblank:
            if i == i0:
                continue
            s = text[i]
            if tlen_min <= len(s) <= tlen + 40 and (not probes or any(w in _low(s) for w in probes)) \
                    and _norm(s) in segs:
                matches.append(i)
    if not matches and title0 and len(title0.split()) >= 3:
        # near-identical lines ("The Doobie Brothers Unite…" for "Doobie Brothers Unite…")
        w0 = _words(title0)
        # Jaccard >= 0.85 needs at least 85% of the title's words in the line, so the line holds
        # at least one of the title's (missable + 1) longest words: a substring test first
        n0 = len(w0)
        probe = sorted(w0, key=lambda x: (-len(x), x))[:n0 - math.ceil(0.85 * n0 - 1e-6) + 1]
        for i in nonblank:
            s = text[i]
            if i == i0 or len(s) > 2 * len(title0) + 20 or len(s) * 2 < len(title0):
                continue
            if probe:
                low = s.lower()
                if not any(x in low for x in probe):
                    continue
            w = _words(s)
            if w and len(w & w0) / len(w | w0) >= 0.85 and anchor_dist(i) is not None:
                matches.append(i)
    if matches:
        scored = [(d, i, i) for i in matches if (d := anchor_dist(i)) is not None]
        h = min(scored)[2] if scored else matches[0]
        title = text[h]
    else:
        # no line repeats the first line: the headline is the title-shaped line just above a byline/date
        best = None
        for i in nonblank:
            a = anchor(i) if len(text[i]) <= 220 else 0
            if not a:
                continue
            k = pos[i]
            seen = 0
            dist = 0  # lines between the candidate and the anchor, not counting other byline lines
            for j in reversed(nonblank[max(0, k - 6):k]):
                s = text[j]
                if j == i0 and not _banner_like(s):
                    break
                if anchor(j) or _credit_only(s) or (a == 1 and dist == 0 and _name_shaped(s)):
                    continue  # a byline without "By" sits right above a date line
                dist += 1
                if not _headline_shaped(s) or s.endswith(":") or s.isupper() and len(s.split()) <= 5:
                    continue  # standfirst, caption or menu between headline and byline
                ov = _overlap(s, title0) if title0 else 0.0
                score = 4 * ov + a + (0.5 if dist == 1 else 0.0) - 0.1 * dist
                if best is None or score > best[0]:
                    best = (score, j, ov, a, dist)
                seen += 1
                if seen == 3:
                    break
        use = False
        if best is not None:
            score, j, ov, a, dist = best
            if ov >= 0.5 or not title0 or _banner_like(t0_full) or (ov >= 0.3 and _same_start(text[j], title0)):
                use = True
            elif a == 2 and dist <= 4:
                use = True
        if use:
            h = best[1]
            title = text[h]
        else:
            title = title0 or None
            if title and _boilerplate_line(title):
                title = None   # a page of menus only: "Skip to content" is no headline
            # region anchor: the first strong byline, else nothing
            h = next((i for i in nonblank if i != i0 and len(text[i]) <= 220 and anchor(i) == 2), None)
            if h is not None:
                h = nonblank[max(0, pos[h] - 1)]
            elif title0 and first_is_title:
                r = _reworded_headline(text, nonblank, i0, title0)
                if r is not None:  # the page's headline reworded from its <title>
                    h, title = r, text[r]
                    if not _banner_like(t0_full):
                        marks[i0] = "title"  # the first line is still the page's <title>
    out["title"] = title or None
    if title and h is not None and text[h] == title:
        marks[h] = "title"
    if title and i0 is not None and first_is_title and (
            title == title0 or _overlap(title, title0) >= 0.5) and not _banner_like(t0_full):
        marks[i0] = "title"
    if h is None:
        return out

    # the metadata block around the headline
    k = pos[h]
    region = nonblank[max(0, k - 8):k + 22]
    # the body starts at the first long paragraph after the headline: metadata lie above it
    seen_anchor = False
    for q, j in enumerate(region):
        if j <= h:
            continue
        nw = len(text[j].split())
        nxt = text[region[q + 1]] if q + 1 < len(region) else ""
        if (nw >= 35 or seen_anchor and nw >= 20) and not _TRAIL_PAREN_RE.match(text[j]) \
                and not (not seen_anchor and any(anchor(x) for x in region[q + 1:q + 3])) \
                and not _NYT_CREDIT_RE.search(text[j]) and not _credit_only(text[j]) \
                and not (nw < 60 and nxt and (_credit_only(nxt, after_caption=True)
                                              or outlet and _collapse(nxt).endswith("for" + _collapse(outlet)))):
            region = region[:q]
            break
        seen_anchor = seen_anchor or bool(anchor(j))
    ntitle = _norm(title) if title else None
    for j in region:
        if ntitle and j != h and abs(pos[j] - k) <= 4 and _norm(text[j]) == ntitle:
            marks[j] = "title"

    # byline
    by_idx = None
    after = [j for j in region if j > h]
    before = [j for j in reversed(region) if j < h][:4]
    for j in after[:14] + before:
        s = text[j]
        if j in marks:
            continue
        names = _byline_of(s)
        if names:
            names = _clean_names(_BY_PREFIX_RE.sub("", s, count=1) if _BY_PREFIX_RE.match(s)
                                 else s[_BY_INLINE_RE.search(s).end():], outlet)
            if names:
                out["author"] = names
                by_idx = j
                marks[j] = "byline"
                break
    if by_idx is None:
        # "Anna Menin" / "Associated Press November 19, 2019": a name line next to a date line
        for j in after[:10]:
            s = text[j]
            if j in marks or len(s) > 160:
                continue
            d = _dates_in(s) if _HAS_DIGIT.search(s) else []
            if d and d[0][1] > 0 and _name_shaped(s[:d[0][1]].strip(" ,|-")):
                out["author"] = _clean_names(s[:d[0][1]], outlet)
                by_idx = j
                marks[j] = "byline"
                break
            if d and d[0][1] > 0:
                desk = _desk_byline(s[:d[0][1]])
                if desk:  # "New Delhi, News Nation Bureau | Updated : 19 November 2019"
                    out["author"] = desk
                    by_idx = j
                    marks[j] = "byline"
                    break
            if d and d[0][1] == 0:
                rest = _TIME_RE.sub("", s[d[-1][2]:]).strip(" ,|-–•·")
                if 2 <= len(rest.split()) <= 4 and _name_shaped(rest) and not _COMMON_RE.search(rest):
                    out["author"] = _clean_names(rest, outlet)  # "November 20, 2019 Emiliano Bellini"
                    by_idx = j
                    marks[j] = "byline"
                    break
                name = _name_before_categories(rest)
                if name:  # "21/06/2014 Tony Carter All, Books, Kit Reviews" (date, author, categories)
                    out["author"] = _clean_names(name, outlet)
                    by_idx = j
                    marks[j] = "byline"
                    break
            bm = _AUTHOR_BOX_RE.search(s) if len(s) <= 100 else None
            if bm and 2 <= len(s[:bm.start()].split()) <= 4 and _name_shaped(s[:bm.start()]) \
                    and not _COMMON_RE.search(s[:bm.start()]):  # not "Top Stories View All"
                out["author"] = _clean_names(s[:bm.start()], outlet)  # "Jose Altoveros View More Articles"
                by_idx = j
                marks[j] = "byline"
                break
            kk = pos[j]
            nxt = text[nonblank[kk + 1]] if kk + 1 < len(nonblank) else ""
            jm = _JOB_RE.search(s)
            if (jm and jm.start() > 0 and _name_shaped(s[:jm.start()].strip(" ,|-–"))) or \
                    (_name_shaped(s) and not s.isupper() and _JOB_LINE_RE.match(nxt)):
                # "Bruce Y. Lee Senior Contributor"; "Tom Gillespie" / "News reporter @TomGillespie1"
                names = _clean_names(s, outlet)
                if names:
                    out["author"] = names
                    by_idx = j
                    marks[j] = "byline"
                    break
            low = s.lower()
            if len(s.split()) <= 6 and any(low == ag or low.endswith(" " + ag) for ag in _AGENCIES
                                           if " " in ag) and not _name_shaped(s):
                kk = pos[j]
                if any(anchor(q) == 1 for q in nonblank[max(0, kk - 2):kk] + nonblank[kk + 1:kk + 3]):
                    out["author"] = s  # "Detroit News wire services" above "Published …": a desk byline
                    by_idx = j
                    marks[j] = "byline"
                    break
            if s.lower() in _AGENCIES and len(s) > 3:  # "REUTERS" above the date line
                kk = pos[j]
                if any(anchor(q) == 1 for q in nonblank[kk + 1:kk + 3]):
                    out["author"] = s
                    by_idx = j
                    marks[j] = "byline"
                    break
            hm = _HANDLE_LINE_RE.match(s)
            if hm and _name_shaped(hm.group("name")):  # "Catherine Shu @catherineshu / 2 days"
                out["author"] = _clean_names(hm.group("name"), outlet)
                by_idx = j
                marks[j] = "byline"
                break
            if _name_shaped(s) and not (s.isupper() and _COMMON_RE.search(s)):
                kk = pos[j]
                near = nonblank[max(0, kk - 2):kk] + nonblank[kk + 1:kk + 3]
                if any(q != h and (anchor(q) == 1 or _RELATIVE_RE.match(text[q])) for q in near):
                    out["author"] = _clean_names(s, outlet)
                    by_idx = j
                    marks[j] = "byline"
                    break
    if by_idx is not None and out["author"]:
        for j in region:
            if j != by_idx and j not in marks and text[j] == text[by_idx]:
                marks[j] = "byline"

    # dates: the first-publication one printed near the headline
    cands = []
    for j in region:
        s = text[j]
        if len(s) > 220 or not _HAS_DIGIT.search(s):
            continue
        if j in marks and marks[j] != "byline":
            continue
        if marks.get(j) != "byline":
            d = _dates_in(s)
            if not d:
                continue
            rest = s[:d[0][1]] + s[d[-1][2]:]
            if len(rest.split()) > 12 and not _PUB_LABEL_RE.search(s[:d[0][1]] + " "):
                continue
        for cls, ts in _line_dates(s):
            if ts.hour == 0 and ts.minute == 0 and not _TIME_RE.search(s):
                # "Nov. 19, 2019" with the clock time on the next line ("5:50 PM")
                kk = pos[j]
                nxt = nonblank[kk + 1] if kk + 1 < len(nonblank) else None
                if nxt is not None and len(text[nxt]) <= 30:
                    t = _TIME_RE.match(text[nxt])
                    if t and len(text[nxt]) - t.end() <= 8:
                        hms = _hms(t)
                        if hms:
                            ts = ts.replace(hour=hms[0], minute=hms[1], second=hms[2])
                            marks.setdefault(nxt, "dateline")
            cands.append((1 if cls == 2 else 0, 0 if j >= h else 1, abs(pos[j] - k), cls, ts, j))
    if not cands:
        # "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM": no year printed; the page's year is
        # the metadata's (HTML) or the copyright line's (text dumps)
        for j in region:
            s = text[j]
            bare = (len(s) <= 24 and _MD_RE.match(s) and by_idx is not None
                    and abs(pos[j] - pos[by_idx]) <= 2)  # "By Nathan Birch" / "Nov 18"
            if len(s) > 160 or not (_PUB_LABEL_RE.search(s) or _UPD_LABEL_RE.search(s) or bare):
                continue
            year = year_hint or _page_year(text)
            if year is None:
                break
            for seg in _SEGMENT_RE.split(s):
                m = _MD_RE.search(seg)
                if not m:
                    continue
                cls = 0 if _PUB_LABEL_RE.search(seg) else (2 if _UPD_LABEL_RE.search(seg) else 1)
                hms = _time_near(seg, m.start(), m.end()) or (0, 0, 0)
                ts = _mk_ts(year, _MONTHS[m.group("m").lower()], int(m.group("d")), *hms)
                if ts is not None:
                    cands.append((1 if cls == 2 else 0, 0, abs(pos[j] - k), cls, ts, j))
    if not cands or all(c[3] == 2 for c in cands):
        # only an update near the headline: a "Published: …" line elsewhere on the page is the first date
        for j in nonblank:
            s = text[j]
            if len(s) <= 160 and _PUB_START_RE.match(s):
                for cls, ts in _line_dates(s):
                    if cls == 0:
                        cands.append((0, 0, 0, 0, ts, j))
                        break
                if cands and cands[-1][5] == j:
                    break
    if cands:
        chosen = min(cands, key=lambda c: c[:4])
        out["published"] = chosen[4]
        out["_pub_class"] = chosen[3]
        zm = _TZ_RE.search(text[chosen[5]])
        out["_tz"] = zm.group(1).upper() if zm else None
        out["_pub_above"] = chosen[5] < h
        for c in cands:
            if c[5] not in marks:
                marks[c[5]] = "dateline"
    elif not first_is_title:
        # rendered HTML with no date near the headline: a relative day with a clock time
        # ("Today 12:01 AM", "Monday 5:30PM") still tells the page's clock
        for j in region:
            s = text[j]
            if len(s) <= 40 and _RELATIVE_RE.match(s):
                t = _TIME_RE.search(s)
                hms = _hms(t) if t else None
                if hms:
                    out["_rel_clock"] = hms[0] * 60 + hms[1]
                    break

    # read time
    for j in region:
        s = text[j]
        if len(s) > 160:
            continue
        rt = _read_time(s)
        if rt:
            out["read_time_min"] = rt[0]
            if j not in marks:
                marks[j] = "read_time"
            break

    # lead photo caption and credit: the first caption-with-credit (or credit line) near the headline;
    # a few lines past the body's start too (a photo under the standfirst), there only with a credit
    extra = []
    if region:
        kend = pos[region[-1]]
        extra = nonblank[kend + 1:kend + 7]
    cap_region = set(region) | set(extra)
    for j in region + extra:
        if j in marks:
            continue
        s = text[j]
        if len(s) > 600:
            continue
        kk = pos[j]
        prev = nonblank[kk - 1] if kk > 0 else None
        p = text[prev] if prev is not None and prev not in marks and prev in cap_region else ""
        prev_is_caption = len(p.split()) >= 4 and not _credit_only(p) and not _SEP_RE.search(p)
        cap, cred = None, None
        if outlet and prev_is_caption and len(s.split()) <= 8 and \
                _collapse(s).endswith("for" + _collapse(outlet)) and not _BY_PREFIX_RE.match(s):
            # "RenderBurger for Quanta Magazine": a commissioned picture's credit
            cap, cred = split_credit(p)[0], s
            marks[prev] = marks[j] = "caption"
        elif _credit_only(s, after_caption=prev_is_caption):
            cred = _clean_credit(s)
            if prev_is_caption:
                pc, pcred = split_credit(p)
                if pc:
                    cap = pc
                    cred = cred or pcred
                    marks[prev] = "caption"
            marks[j] = "caption"
        else:
            c, cr = split_credit(s)
            if cr and c:
                cap, cred = c, cr
                marks[j] = "caption"
            elif cr is None and _CAPTION_PREFIX_RE.match(s):
                cap = c
                marks[j] = "caption"
            elif cr is None and _CREDIT_LINE_RE.match(s) and len(s.split()) > 8 and \
                    re.match(r"^(?:image|photo|picture)\s*:", s, _I):
                cap = _LABEL_STRIP_RE.sub("", s)  # Sky: "Image: Jose Mourinho has agreed a deal…"
                marks[j] = "caption"
            elif cr is None and 4 <= len(s.split()) <= 40 and s.endswith(".") and prev in marks \
                    and marks[prev] in ("dateline", "byline") and kk + 1 < len(nonblank) \
                    and marks.get(nonblank[kk + 1]) in ("dateline", "byline"):
                cap = s  # a sentence between the date and the byline: the photo's caption (no credit)
                marks[j] = "caption"
        if (cap or cred) and j in extra and not (cap and cred):
            for q in (j, prev):
                if marks.get(q) == "caption":
                    del marks[q]
            continue
        if cap or cred:
            out["caption"] = cap
            out["photo_credit"] = cred
            if cap and not cred:  # a credit line right after a caption that carried none
                nxt = nonblank[kk + 1] if kk + 1 < len(nonblank) else None
                if nxt is not None and _credit_only(text[nxt], after_caption=True):
                    out["photo_credit"] = _clean_credit(text[nxt])
                    marks[nxt] = "caption"
            break
    return out


def from_dump(raw: str) -> dict:
    """Metadata of a browser text dump: title, author, published, read_time_min, caption,
    photo_credit, outlet, url (None when the page does not show it) and `lines`,
    {0-based line number: reason} of the lines that became metadata
    (reasons: title, byline, dateline, caption, read_time)."""
    if not isinstance(raw, str) or not raw.strip():
        return _empty(True)
    try:
        lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        out = _dump_core(lines)
        for k in ("_pub_class", "_tz", "_pub_above", "_rel_clock"):
            out.pop(k, None)
        return out
    except Exception as exc:  # a page must never stop a corpus
        warnings.warn(f"metadata.from_dump failed ({type(exc).__name__}: {exc})", stacklevel=2)
        return _empty(True)


# ------------------------------------------------------------------------------ HTML
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
          "tr", "td", "th", "ul", "button", "option", "summary", "title", "caption", "label"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "object",
         "canvas", "math"}
_PUB_META = ("article:published_time", "og:article:published_time", "article.published",
             "datepublished", "date.published", "published_time", "publish-date", "publishdate",
             "publish_date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
             "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "date",
             "original-publish-date", "datecreated", "article:published", "og:pubdate")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author",
                "parsely-author", "cxenseparse:author", "twitter:creator:name", "og:article:author")
_NL_TO_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
_WS_RE = re.compile(r"[ \t\r\f\v\xa0\u200b]+")


def _render_lines(root) -> list[str]:
    """The visible text of a parsed page, one block per line (like a browser's select-all copy)."""
    from lxml import etree

    parts: list[str] = []
    body = root.find(".//body")
    start = body if body is not None else root
    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None:
                continue
            tag = tag.lower().rsplit("}", 1)[-1]
            if tag in _SKIP:
                walker.skip_subtree()
                continue
            parts.append("\n" if tag in _BLOCK else " ")  # CSS spacing between inline boxes
            if el.text:
                parts.append(el.text.translate(_NL_TO_SPACE))
        else:
            if tag is not None:
                parts.append("\n" if tag.lower().rsplit("}", 1)[-1] in _BLOCK else " ")
            if el.tail and el is not start:
                parts.append(el.tail.translate(_NL_TO_SPACE))
    text = "".join(parts)
    lines = []
    for ln in text.split("\n"):
        ln = _WS_RE.sub(" ", ln).strip()
        if ln:
            lines.append(ln)
            lines.append("")
    return lines


def _jsonld(root):
    """(headline, datePublished, [author names], publisher name) from JSON-LD article objects."""
    import json

    head = date = pub = None
    authors: list[str] = []
    for sc in root.iter("script"):
        if (sc.get("type") or "").lower().strip() != "application/ld+json" or not sc.text:
            continue
        try:
            data = json.loads(sc.text.strip().rstrip(";"))
        except Exception:
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
                continue
            if not isinstance(obj, dict):
                continue
            if "@graph" in obj:
                stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
            typ = obj.get("@type")
            typ = " ".join(typ) if isinstance(typ, list) else str(typ or "")
            if not re.search(r"Article|Posting|Report|NewsArticle|WebPage|Blog", typ):
                continue
            if date is None and isinstance(obj.get("datePublished"), str):
                date = obj["datePublished"]
            if head is None and isinstance(obj.get("headline"), str):
                head = obj["headline"]
            if not authors and obj.get("author"):
                a = obj["author"]
                for item in a if isinstance(a, list) else [a]:
                    if isinstance(item, dict) and isinstance(item.get("name"), str):
                        authors.append(item["name"])
                    elif isinstance(item, str):
                        authors.append(item)
            p = obj.get("publisher")
            if pub is None and isinstance(p, dict) and isinstance(p.get("name"), str):
                pub = p["name"]
    return head, date, authors, pub


def _meta_tags(root) -> dict:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = m.get("content")
        if key and val and key not in out:
            out[key] = " ".join(val.split())
    return out


def _text_of(el) -> str:
    return " ".join(el.text_content().split())


def _lead_figcaption(root, h1):
    """(caption, credit) from the first <figcaption> of the article (after the headline if there is one)."""
    caps = root.xpath("//article//figcaption") or root.xpath("//main//figcaption") or root.xpath("//figcaption")
    if not caps:
        return None, None
    fc = caps[0]
    if h1 is not None and len(caps) > 1:
        # the lead photo is the first figure after the headline (promos come further down)
        order = {el: i for i, el in enumerate(root.iter())}
        after = [c for c in caps if order.get(c, -1) > order.get(h1, 0)]
        if after:
            fc = min(after, key=lambda c: order[c])
    credit_el = fc.xpath(".//*[contains(translate(@class,'CREDIT','credit'),'credit') or "
                         "contains(translate(@class,'COPYRIGHT','copyright'),'copyright') or "
                         "self::cite or self::small]")
    full = _text_of(fc)
    if credit_el:
        cred = _text_of(credit_el[0])
        cap = full.replace(cred, "").strip()
        cap2, cred2 = split_credit(cap) if cap else (None, None)
        return _strip_caption_label(cap2 or cap or None), _clean_credit(cred) or cred2
    cap, cred = split_credit(full)
    return _strip_caption_label(cap), cred


_HEADLINE_CLASS_RE = re.compile(r"head(?:line)?|\bhed\b|__hed|title", _I)
_PROMO_RE = re.compile(r"\b(?:subscribe|subscription|newsletter|sign\s+up|watch\s+live|click\s+here)\b", _I)


def _strip_caption_label(cap):
    """"Image: Jose Mourinho has agreed…" -> "Jose Mourinho has agreed…" (a label, not a credit)."""
    if cap and len(cap.split()) > 8 and re.match(r"^(?:image|photo|picture)\s*:", cap, _I):
        return _LABEL_STRIP_RE.sub("", cap) or None
    return cap


def from_html(html, url: str | None = None) -> dict:
    """Metadata of a saved HTML page, same keys as `from_dump` (no `lines`).

    Title from the <h1> (else og:title / <title>) without a site suffix; author from the visible
    byline (else JSON-LD/meta author, else trafilatura); published from the page's published-time
    metadata with its clock kept (offset dropped), checked against the date the page prints near
    the headline (else htmldate's original date); caption/credit from the lead <figcaption>.
    """
    out = _empty(False)
    out["url"] = url
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return out
    try:
        _html_core(html, url, out)
    except Exception as exc:
        warnings.warn(f"metadata.from_html failed ({type(exc).__name__}: {exc})", stacklevel=2)
    return out


def _html_core(html: str, url, out: dict) -> None:
    import lxml.html

    src = re.sub(r"^\s*<\?xml[^>]*\?>", "", html[:2_000_000])
    try:
        root = lxml.html.document_fromstring(src)
    except Exception:  # lxml: "Document is empty" and the like: nothing to read, not an error
        return
    meta = _meta_tags(root)
    ld_head, ld_date, ld_authors, ld_pub = _jsonld(root)
    site = meta.get("og:site_name") or meta.get("application-name") or ld_pub
    if site and "://" in site:
        site = re.sub(r"^\w+://(?:www\.)?", "", site).strip("/")  # "https://www.newsnation.in"
    if site and _SEP_RE.search(site):
        site = _SEP_RE.split(site)[0].strip()  # "The Jerusalem Post | JPost.com"
    sites = tuple(x for x in (site, ld_pub) if x)
    tnode = root.find(".//title")
    page_title = _text_of(tnode) if tnode is not None else ""
    canon = root.xpath("//link[@rel='canonical']/@href")
    out["url"] = url or meta.get("og:url") or (canon[0] if canon else None)

    _, suffix_site = _split_suffix(page_title, sites) if page_title else ("", None)
    # title: the visible headline
    site_c = {_collapse(x) for x in sites + (_split_suffix(page_title)[1] or "",) if x}
    h1s = [h for h in root.iter("h1") if _text_of(h) and _collapse(_text_of(h)) not in site_c]
    ref = strip_site_suffix(meta.get("og:title") or ld_head or page_title or "", sites)
    h1 = None
    if h1s:
        scored = sorted(h1s, key=lambda h: -_dice(_text_of(h), ref or _text_of(h)))
        if ref:
            h1 = scored[0] if _overlap(_text_of(scored[0]), ref) >= 0.3 else None
        else:
            h1 = h1s[0]
        if h1 is None and len(h1s) == 1 and len(_text_of(h1s[0]).split()) >= 3:
            h1 = h1s[0]
        marked = [h for h in h1s if (h.get("itemprop") or "").lower() == "headline"
                  or _HEADLINE_CLASS_RE.search(h.get("class") or "")]
        refs = [r for r in (meta.get("og:title"), ld_head, page_title, meta.get("twitter:title")) if r]
        marked = [h for h in marked if not refs or max(_overlap(_text_of(h), r) for r in refs) >= 0.3]
        if marked and (h1 is None or h1 not in marked) and len(_text_of(marked[0]).split()) >= 2:
            h1 = marked[0]  # <h1 itemprop="headline" class="article__hed">: the page says it is the headline
    title = None
    if h1 is not None:
        # a visible <h1> keeps all its words; only a trailing known site name is dropped
        h1_text = " ".join(_text_of(h1).split())
        head, tail = _split_suffix(h1_text, sites)
        known = [_collapse(x) for x in sites + (suffix_site or "",) if x]
        title = head if tail and any(_collapse(tail) == k or (len(k) > 3 and k in _collapse(tail))
                                     for k in known) else h1_text
    if not title:
        for cand in (meta.get("og:title"), meta.get("twitter:title"), ld_head, page_title):
            if cand:
                title = strip_site_suffix(cand, sites)
                if title:
                    break
    # og:site_name is sometimes a slug ("detroitnews"); the <title> suffix then reads better
    out["outlet"] = suffix_site if (suffix_site and (not site or site.islower() and " " not in site)) else site

    # published: the page's metadata
    meta_date, meta_raw = None, None
    for key in _PUB_META:
        if meta.get(key):
            meta_date, meta_raw = parse_published(meta[key]), meta[key]
            if meta_date is not None:
                break
    if meta_date is None and ld_date:
        meta_date, meta_raw = parse_published(ld_date), ld_date
    if meta_date is not None and meta_date == meta_date.normalize() and not _TIME_RE.search(meta_raw or ""):
        # a date-only value (Fox's dc.date "2019-11-19"): a published time of the same day in a local
        # clock (a non-zero UTC offset, "2019-11-19T06:12:56-05:00") is more exact
        for raw in [meta[k] for k in _PUB_META if meta.get(k)] + [ld_date or ""]:
            d = parse_published(raw) if _offset_minutes(raw) else None
            if d is not None and d.normalize() == meta_date:
                meta_date, meta_raw = d, raw
                break
    if meta_date is None:
        for t in root.xpath("//time[@datetime]"):
            meta_date, meta_raw = parse_published(t.get("datetime")), t.get("datetime")
            if meta_date is not None:
                break
    # the visible text, read the way a text dump is read
    lines = _render_lines(root)
    vis = _dump_core(lines, title_hint=title, site_names=sites, first_is_title=False,
                     year_hint=meta_date.year if meta_date is not None else None) if lines else _empty(True)
    out["title"] = title or vis["title"]

    # author
    author = vis["author"]
    if not author:
        raw_names = ld_authors or [meta[k] for k in _AUTHOR_META if meta.get(k) and not meta[k].startswith("http")][:1]
        if raw_names:
            author = _clean_names("; ".join(n for n in raw_names if n and not n.startswith("http"))
                                  .replace(";", ","), out["outlet"])
            author = _person_names(_not_site(author, sites + (out["outlet"] or "",)))
    traf = None
    if not author or not out["title"]:
        traf = _trafilatura_meta(root)
        if traf is not None:
            traf_author = _person_names(_not_site(
                _clean_names((traf.author or "").replace(";", ","), out["outlet"]),
                sites + (out["outlet"] or "", traf.sitename or "")))
            if traf_author and " " not in traf_author and traf_author.lower() not in _AGENCIES:
                traf_author = None  # a guessed one-word handle or first name ("Rmb", "Josh"), not a byline
            author = author or traf_author
            out["title"] = out["title"] or (strip_site_suffix(traf.title, sites) if traf.title else None)
            if not out["outlet"] and traf.sitename and _looks_site(traf.sitename, ()):
                out["outlet"] = traf.sitename
    out["author"] = author

    # the page's own printed date wins (the column is "as the page shows it"; metadata clocks are
    # often UTC); metadata is used when the page prints none, only an update, or a far-off date
    shown, shown_cls = vis["published"], vis.get("_pub_class")
    if meta_date is not None and _offset_minutes(meta_raw) == 0 and _TZ.get(vis.get("_tz") or "", 0):
        # UTC metadata on a page that prints its times in another zone ("Updated 11:21 pm CST"):
        # the first-publication time in the page's own clock
        import pandas as pd

        meta_date = meta_date + pd.Timedelta(minutes=_TZ[vis["_tz"]])
    rel = vis.get("_rel_clock")
    if shown is None and rel is not None and meta_date is not None and _offset_minutes(meta_raw) == 0:
        # UTC metadata and a printed "Today 12:01 AM": the metadata time in the page's clock
        import pandas as pd

        delta = (rel - meta_date.hour * 60 - meta_date.minute) % 1440
        delta = delta - 1440 if delta > 840 else delta  # zones run from UTC-12 to UTC+14
        if delta and delta % 15 == 0:
            meta_date = meta_date + pd.Timedelta(minutes=delta)
    published = meta_date
    if shown is not None:
        far = meta_date is not None and abs((shown - meta_date).total_seconds()) > 1.5 * 86400
        if meta_date is None:
            published = shown
        elif shown_cls != 2 and abs((shown - meta_date).total_seconds()) < 400 * 86400 \
                and not (far and vis.get("_pub_above")):
            # (a date above the headline days away from the metadata is a teaser's, Gizmodo)
            published = shown
    if published is None or (published is shown and shown_cls == 2):
        # nothing, or only an update printed: htmldate's original (first-publication) date
        try:
            from htmldate import find_date

            d = find_date(root, original_date=True, extensive_search=True, outputformat="%Y-%m-%d %H:%M:%S")
            original = parse_published(d) if d else None
        except Exception:
            original = None
        if original is not None and (published is None or original <= published):
            published = original
    if published is not None and published is not shown:
        published = published.floor("min")  # metadata seconds are not what a reader sees
    out["published"] = published
    out["read_time_min"] = vis["read_time_min"]

    # the caption printed next to the headline (as in a dump), else the lead <figcaption>
    if vis["caption"] or vis["photo_credit"]:
        out["caption"], out["photo_credit"] = vis["caption"], vis["photo_credit"]
    else:
        cap, cred = _lead_figcaption(root, h1)
        if cap and _PROMO_RE.search(cap):
            cap, cred = None, None  # "Want more science? Get a subscription…"
        out["caption"], out["photo_credit"] = cap, cred


def _person_names(author):
    """Keep the names of a metadata author string that read like names (drops "Syrian defense ministries")."""
    if not author:
        return None
    keep = []
    for name in author.split("; "):
        words = name.split()
        if words and words[0].lower() == "the":
            continue
        if len(words) > 1 and any(w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in words):
            continue
        keep.append(name)
    return "; ".join(keep) or None


def _not_site(author, sites):
    """None when a metadata 'author' only names the site ("BBC News", "Sky")."""
    if not author:
        return None
    a = _collapse(author)
    for s in sites:
        c = _collapse(s or "")
        if c and len(a) >= 3 and (a in c or c in a):
            return None
    return author


def _trafilatura_meta(root):
    try:
        from trafilatura.metadata import extract_metadata

        return extract_metadata(root)
    except Exception:
        return None


def agreement(pages_dir) -> "pd.DataFrame":
    """Per page of a folder holding `<id>.txt` and `<id>.html.gz` of the same pages: title, author
    and published from both paths and whether they agree (the check written up in docs/metadata.md)."""
    import gzip

    import pandas as pd

    rows = []
    for txt in sorted(Path(pages_dir).glob("*.txt")):
        html = txt.with_name(txt.name[:-4] + ".html.gz")
        if not html.exists():
            continue
        d = from_dump(txt.read_text(encoding="utf-8", errors="replace"))
        with gzip.open(html, "rt", encoding="utf-8", errors="replace") as fh:
            h = from_html(fh.read())
        row = {"page": txt.name[:-4]}
        for key in ("title", "author", "published"):
            row[f"{key}_txt"], row[f"{key}_html"] = d[key], h[key]
            row[f"{key}_same"] = d[key] == h[key] if d[key] is not None and h[key] is not None \
                else d[key] is None and h[key] is None
        row["published_same_day"] = (d["published"] is not None and h["published"] is not None
                                     and d["published"].normalize() == h["published"].normalize())
        rows.append(row)
    return pd.DataFrame(rows)


if __name__ == "__main__":  # python -m analysis.metadata PAGES_DIR: txt/html agreement summary
    import sys
    import time

    table = agreement(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages"))
    n = len(table)
    print(f"{n} pages with both a .txt and a .html.gz")
    for key in ("title", "author", "published"):
        both = table[f"{key}_txt"].notna() & table[f"{key}_html"].notna()
        same_both = (table[f"{key}_same"] & both).sum()
        print(f"{key:10} same value {table[f'{key}_same'].sum():3d}/{n} ({table[f'{key}_same'].mean():.0%}); "
              f"found in txt {table[f'{key}_txt'].notna().sum()}, in html {table[f'{key}_html'].notna().sum()}, "
              f"both {both.sum()}, same when both found {same_both}/{both.sum()}")
    print(f"published same calendar day when both found: {table['published_same_day'].sum()}/"
          f"{(table['published_txt'].notna() & table['published_html'].notna()).sum()}")
    raws = [p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(Path(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages")).glob("*.txt"))]
    for r in raws:
        from_dump(r)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(5):
        for r in raws:
            from_dump(r)
    wall = (time.perf_counter() - t0) / (5 * len(raws)) * 1000
    cpu = (time.process_time() - c0) / (5 * len(raws)) * 1000
    print(f"from_dump: {cpu:.2f} ms CPU a page ({wall:.2f} ms wall clock)")
