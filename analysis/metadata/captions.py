"""Photo captions and credits: a caption's trailing credit ("(Reuters)", "Credit… X", "caption.
Getty"), credit-only lines, and the dump pass that finds the lead photo's caption near the headline."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.metadata.config import BY_PREFIX_RE, CFG, CREDIT_LINE_RE, SEP_RE
from analysis.metadata.page import DumpPage
from analysis.metadata.words import NAME_PARTICLES, collapse

_I = re.IGNORECASE

_AGENCY_RE = re.compile(CFG["credit"]["agencies"], _I)
TRAIL_PAREN_RE = re.compile(r"^(?P<cap>.*?)\s*[(\[](?P<cred>[^()\[\]]{2,160})[)\]]\s*$")
_SENT_CREDIT_RE = re.compile(r"^(?P<cap>.*[.!?”\"])\s+(?P<cred>[^.!?]{2,80})$")


def trail_paren(s: str):
    """`TRAIL_PAREN_RE.match(s)`, after its cheap necessary condition: `s` ends in ")" or "]" before
    any trailing white space (most lines do not, and skip the scan)."""
    return TRAIL_PAREN_RE.match(s) if s.rstrip().endswith((")", "]")) else None


def _sent_credit(s: str):
    """`_SENT_CREDIT_RE.match(s)`, after its cheap necessary condition: the credit it ends in holds
    no ".", "!" or "?", so a line ending in one (most sentences) cannot match."""
    return None if s[-1:] in (".", "!", "?") else _SENT_CREDIT_RE.match(s)


NYT_CREDIT_RE = re.compile(r"\s+Credit\s*(?:\.{2,}|…|:)\s*", _I)
LABEL_STRIP_RE = re.compile(
    r"^(?:(?:photo(?:graph)?s?|images?|pictures?|credits?|illustration|foto|bild|source)\s*(?:credit)?\s*(?::|by\b)"
    r"|image\s+copyright\b|copyright\b|credit\s*(?:\.{2,}|…)|file\s*:)\s*|^©\s*", _I)
CAPTION_PREFIX_RE = re.compile(r"^(?:image|media|photo|video)\s+caption\s*:?\s*", _I)


def clean_credit(c: str) -> str | None:
    c = " ".join(c.strip(" ()[]").split())
    prev = None
    while prev != c:
        prev = c
        c = LABEL_STRIP_RE.sub("", c).strip(" ()[]:")
    return c or None


def _credit_like(c: str) -> bool:
    """True when a short text reads as a photo credit (agency, "Name/Outlet", "Photo: …")."""
    c = c.strip()
    if not c or len(c) > 160:
        return False
    if CREDIT_LINE_RE.match(c) or _AGENCY_RE.search(c):
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
    return len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in NAME_PARTICLES)


def split_credit(text: str):
    """(caption, photo_credit) of one caption text: trailing "(credit)", "Credit… X", "caption. Reuters"."""
    if not isinstance(text, str) or not text.strip():
        return None, None
    return _split_credit(text)


@lru_cache(maxsize=8192)
def _split_credit(text: str):
    """split_credit of a non-blank string (cached: a page's lines are tested several times)."""
    s = CAPTION_PREFIX_RE.sub("", " ".join(text.split()))
    m = NYT_CREDIT_RE.search(s)
    if m:
        return (s[:m.start()].strip() or None), clean_credit(s[m.end():])
    m = trail_paren(s)
    if m and (_credit_like(m.group("cred")) or _source_like(m.group("cred"), m.group("cap"))):
        return (m.group("cap").strip() or None), clean_credit(m.group("cred"))
    # "… in New York. Kathrin Ziegler/Getty", "… in New York. Reuters"
    m = _sent_credit(s)
    if m and _credit_like(m.group("cred")) and len(m.group("cred").split()) <= 8 \
            and len(m.group("cap").split()) >= 3 and "://" not in s:
        return m.group("cap").strip(), clean_credit(m.group("cred"))
    if CREDIT_LINE_RE.match(s) and len(LABEL_STRIP_RE.sub("", s).split()) <= 10:
        return None, clean_credit(s)
    return s, None


@lru_cache(maxsize=8192)
def credit_only(s: str, after_caption: bool = False) -> bool:
    """A line that is only a photo credit ("Sanjeev Verma/Hindustan Times/Getty Images", "Photo: iFixit")."""
    if len(s) > 140 or _RIGHTS_RE.search(s) or BY_PREFIX_RE.match(s) or "://" in s or "www." in s:
        return False
    tp = trail_paren(s)
    if tp and len(tp.group("cap").split()) >= 2:
        return False  # "Titan in false colour, 2004. (NASA/JPL/…)": a caption with its credit
    sc = _sent_credit(s)
    if sc and len(sc.group("cap").split()) >= 3:
        return False  # "The road to retiring early isn't easy. Kathrin Ziegler/Getty"
    if re.match(r"^[(\[].*[)\]]$", s):
        return _credit_like(s[1:-1])
    words = s.split()
    if CREDIT_LINE_RE.match(s):
        return len(LABEL_STRIP_RE.sub("", s).split()) <= 10
    if len(words) > 10 or s.endswith((".", "?", "!", ":")) and not s.endswith(("Inc.", "Co.")):
        return False
    if _AGENCY_RE.search(s):
        return "/" in s or "," in s or len(words) <= 4
    return after_caption and bool(re.search(r"\S/\S", s)) and len(words) <= 8 \
        and any(ch.isupper() for ch in s) and sum(w[:1].isupper() for w in words) >= len(words) - 1

_RIGHTS_RE = re.compile(r"rights\s+reserved|^©\s*\d{4}|©.*\b(?:19|20)\d\d\b|^copyright\s+\S*\s*(?:19|20)\d\d", _I)


def strip_caption_label(cap):
    """"Image: Jose Mourinho has agreed…" -> "Jose Mourinho has agreed…" (a label, not a credit)."""
    if cap and len(cap.split()) > 8 and re.match(r"^(?:image|photo|picture)\s*:", cap, _I):
        return LABEL_STRIP_RE.sub("", cap) or None
    return cap


# ------------------------------------------------------------------------------ the dump pass
def _commissioned_credit(page: DumpPage, s: str, prev_is_caption: bool) -> bool:
    """"RenderBurger for Quanta Magazine" under a caption: a commissioned picture's credit."""
    outlet = page.outlet_hint
    return bool(outlet and prev_is_caption and len(s.split()) <= 8
                and collapse(s).endswith("for" + collapse(outlet)) and not BY_PREFIX_RE.match(s))


def _caption_between_bylines(page: DumpPage, kk: int, s: str, prev) -> bool:
    """A sentence between the date and the byline: the photo's caption (no credit)."""
    marks, nonblank = page.marks, page.nonblank
    # the cheap tests first (the line above a metadata line): most lines skip the word count
    return prev in marks and marks[prev] in ("dateline", "byline") and s.endswith(".") \
        and kk + 1 < len(nonblank) and marks.get(nonblank[kk + 1]) in ("dateline", "byline") \
        and 4 <= len(s.split()) <= 40


def _caption_at(page: DumpPage, j: int, prev, p: str, prev_is_caption: bool):
    """(caption, credit) that line j (with the caption text `p` above it) shows, marking the lines
    it takes; (None, None) if it shows none."""
    s, marks = page.text[j], page.marks
    cap, cred = None, None
    if _commissioned_credit(page, s, prev_is_caption):
        cap, cred = split_credit(p)[0], s
        marks[prev] = marks[j] = "caption"
    elif credit_only(s, after_caption=prev_is_caption):
        cred = clean_credit(s)
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
        elif cr is None and CAPTION_PREFIX_RE.match(s):
            cap = c
            marks[j] = "caption"
        elif cr is None and CREDIT_LINE_RE.match(s) and len(s.split()) > 8 and \
                re.match(r"^(?:image|photo|picture)\s*:", s, _I):
            cap = LABEL_STRIP_RE.sub("", s)  # Sky: "Image: Jose Mourinho has agreed a deal…"
            marks[j] = "caption"
        elif cr is None and _caption_between_bylines(page, page.pos[j], s, prev):
            cap = s
            marks[j] = "caption"
    return cap, cred


def find_caption(page: DumpPage) -> None:
    """The dump pass for `caption` and `photo_credit`: the first caption-with-credit (or credit
    line) near the headline; a few lines past the body's start too (a photo under the
    standfirst), there only with a credit."""
    text, nonblank, pos, marks, region = page.text, page.nonblank, page.pos, page.marks, page.region
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
        prev_is_caption = len(p.split()) >= 4 and not credit_only(p) and not SEP_RE.search(p)
        cap, cred = _caption_at(page, j, prev, p, prev_is_caption)
        if (cap or cred) and j in extra and not (cap and cred):
            for q in (j, prev):
                if marks.get(q) == "caption":
                    del marks[q]
            continue
        if cap or cred:
            page.caption, page.photo_credit = cap, cred
            if cap and not cred:  # a credit line right after a caption that carried none
                nxt = nonblank[kk + 1] if kk + 1 < len(nonblank) else None
                if nxt is not None and credit_only(text[nxt], after_caption=True):
                    page.photo_credit = clean_credit(text[nxt])
                    marks[nxt] = "caption"
            break
