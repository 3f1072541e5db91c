"""Metadata of a page read as lines of text (a browser dump, or rendered HTML): the named
passes over its `DumpPage` record (analysis/metadata/page.py), in order:

1. `titles.read_first_line`: the <title> on the first line, and the site it names;
2. `titles.find_headline`: the visible headline, which anchors everything below;
   (dumps) `outlets.choose`: the outlet, from the <title>, a repeated site name or the copyright line;
3. `_find_region`: the metadata block around the headline (up to the body's first paragraph);
4. `bylines.find_byline`, 5. `dates.find_published`, 6. `_find_read_time`,
7. `captions.find_caption`.

Each pass reads and fills fields of the record; `marks` collects the lines that became metadata
(line number -> reason) so that the cleaner can drop them.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

from analysis.metadata.bylines import HAS_BY_RE, byline_of, find_author_box, find_byline, name_shaped
from analysis.metadata.captions import NYT_CREDIT_RE, credit_only, find_caption, trail_paren
from analysis.metadata.config import BY_PREFIX_RE, CFG
from analysis.metadata.dates import MACHINE_TS_RE, RELATIVE_RE, dates_in, find_published
from analysis.metadata.outlets import choose as choose_outlet
from analysis.metadata.page import KEYS, DumpPage
from analysis.metadata.titles import find_headline, read_first_line
from analysis.metadata.words import HAS_DIGIT, collapse, listed_first_name, norm

MAX_LINES = 2500        # lines of a dump read for metadata
_MAX_LINE = 400         # a line over four times this is blanked (a data blob, not a header line)
REGION_ABOVE, REGION_BELOW = 8, 22   # non-blank lines around the headline searched for metadata
_READ_RES = [re.compile(p, re.IGNORECASE) for p in CFG["read_time"]["patterns"]]


@lru_cache(maxsize=8192)
def anchor_strength(s: str) -> float:
    """How surely a stripped line marks an article's header: 2 a byline, 1 a date line (a date
    and at most 70 other characters), 0.5 a bare machine timestamp or a relative time or clock
    alone ("2 hours ago", "1:39 PM ET"), 0 neither."""
    if len(s) > 220:
        return 0
    # "by" in the lower-cased line is a cheap necessary condition of HAS_BY_RE (no other character
    # matches b or y ignoring case): most lines skip the regex scan
    if (BY_PREFIX_RE.match(s) or "by" in s.lower() and HAS_BY_RE.search(s)) and byline_of(s):
        return 2
    if len(s) <= 160 and HAS_DIGIT.search(s):
        d = dates_in(s)
        if d:
            rest = len(s) - (d[0][2] - d[0][1])
            if rest <= 70:
                # a bare machine timestamp ("2019-11-13T23:06:00+01:00") is leaked metadata,
                # a weaker sign of the article's header than a printed date
                return 0.5 if MACHINE_TS_RE.match(s) else 1
    if len(s) <= 40 and RELATIVE_RE.match(s):
        return 0.5   # "2 hours ago", "1:39 PM ET": a byline's neighbour, weaker than a printed date
    return 0


def empty_result(with_lines: bool) -> dict:
    out = dict.fromkeys(KEYS)
    if with_lines:
        out["lines"] = {}
    return out


def _new_page(lines: list[str], site_names, first_is_title: bool, year_hint, locale=None) -> DumpPage:
    n = min(len(lines), MAX_LINES)
    text = [ln.strip() if len(ln) <= _MAX_LINE * 4 else "" for ln in lines[:n]]
    nonblank = [i for i, s in enumerate(text) if s]
    return DumpPage(text, nonblank, {i: k for k, i in enumerate(nonblank)},
                    nonblank[0] if nonblank else None, tuple(x for x in site_names if x),
                    first_is_title, year_hint, locale=locale, strength=anchor_strength)


def _body_starts(page: DumpPage, q: int, j: int, seen_anchor: bool) -> bool:
    """Line j (q-th of the region) opens the body: a long paragraph that is no caption, and no
    byline/date follows it closely before any was seen."""
    text, region, outlet = page.text, page.region, page.outlet_hint
    nw = len(text[j].split())
    nxt = text[region[q + 1]] if q + 1 < len(region) else ""
    return (nw >= 35 or seen_anchor and nw >= 20) and not trail_paren(text[j]) \
        and not (not seen_anchor and any(page.anchor(x) for x in region[q + 1:q + 3])) \
        and not NYT_CREDIT_RE.search(text[j]) and not credit_only(text[j]) \
        and not (nw < 60 and nxt and (credit_only(nxt, after_caption=True)
                                      or outlet and collapse(nxt).endswith("for" + collapse(outlet))))


def _find_region(page: DumpPage) -> None:
    """The metadata block around the headline; the body starts at the first long paragraph after
    the headline, and metadata lie above it. Copies of the headline in it are marked."""
    k = page.pos[page.h]
    page.region = page.nonblank[max(0, k - REGION_ABOVE):k + REGION_BELOW]
    seen_anchor = False
    for q, j in enumerate(page.region):
        if j <= page.h:
            continue
        if _body_starts(page, q, j, seen_anchor):
            page.region = page.region[:q]
            break
        seen_anchor = seen_anchor or bool(page.anchor(j))
    ntitle = norm(page.title) if page.title else None
    for j in page.region:
        if ntitle and j != page.h and abs(page.pos[j] - k) <= 4 and norm(page.text[j]) == ntitle:
            page.marks[j] = "title"


def read_time(s: str):
    """(minutes, match) of a "5 min read" line, else None."""
    if not HAS_DIGIT.search(s):
        return None
    for rx in _READ_RES:
        m = rx.search(s)
        if m:
            n = int(m.group(1))
            if 0 < n < 600:
                return n, m
    return None


def _find_read_time(page: DumpPage) -> None:
    for j in page.region:
        s = page.text[j]
        if len(s) > 160:
            continue
        rt = read_time(s)
        if rt:
            page.read_time_min = rt[0]
            if j not in page.marks:
                page.marks[j] = "read_time"
            break


def _blog_owner(page: DumpPage) -> None:
    """A personal site with no byline: the <title> names a person as the site ("… | Haki Benita"),
    the site's header prints the name on its own line, and the copyright line names the same
    person ("© Haki Benita 2016-2020"): that person is the author. The name needs two or three
    capitalised words and a listed first name (gender-guesser's list, `words.listed_first_name`),
    so "© 2019 Business Insider" names no author."""
    site = page.outlet
    if page.author or not site or not 2 <= len(site.split()) <= 3 or not name_shaped(site):
        return
    if not any(page.text[i] == site for i in page.nonblank[1:12]):
        return   # the site's header prints the owner's name on its own line ("Haki Benita")
    from analysis.metadata.outlets import copyright_holder

    holder = copyright_holder(page.text)
    if not holder or collapse(holder) != collapse(site):
        return
    from analysis.cleaning.stoplists import english_stoplist

    first = site.split()[0]
    if first.lower() not in english_stoplist() and listed_first_name(first):   # not "The Paradigm"
        page.author = site


FAR_HEADER_LINES = 80   # non-blank lines below the headline searched for a byline block (`_far_header`)


def _far_header(page: DumpPage) -> None:
    """No byline and no date near the headline: the article's own header may stand further down,
    under teaser cards ("You may also like", then "Mama Robotnik" / "9/11/13 10:00AM" / the
    body). The first name line (two to four capitalised words) right above a short date line with
    a body paragraph (35+ words) within 8 lines below becomes the metadata region, and the byline
    and date passes run again on it."""
    k = page.pos[page.h]
    for q in range(k + 1, min(len(page.nonblank) - 1, k + FAR_HEADER_LINES)):
        j, nxt = page.nonblank[q], page.nonblank[q + 1]
        s = page.text[j]
        if len(s) > 60 or HAS_DIGIT.search(s) or not 2 <= len(s.split()) <= 4 or not name_shaped(s) \
                or len(page.text[nxt]) > 40 or page.anchor(nxt) != 1:
            continue
        if any(len(page.text[b].split()) >= 35 for b in page.nonblank[q + 2:q + 10]):
            page.region = page.nonblank[q:q + 4]
            find_byline(page)
            find_published(page)
            return


def read_dump(lines: list[str], title_hint: str | None = None, site_names=(), first_is_title=True,
              year_hint: int | None = None, locale: str | None = None) -> DumpPage:
    """Metadata from the lines of a page rendered as text (see `from_dump`), as a DumpPage;
    `locale` ("en-US") sets the order of ambiguous numeric dates."""
    page = _new_page(lines, site_names, first_is_title, year_hint, locale)
    if page.i0 is None:
        return page
    read_first_line(page, title_hint)
    find_headline(page)
    if page.first_is_title:
        page.outlet = choose_outlet(page.outlet, page.text, page.t0_full)
    if page.h is None:
        find_author_box(page)
        return page
    _find_region(page)
    find_byline(page)
    if page.first_is_title:
        _blog_owner(page)
    find_published(page)
    if page.author is None and page.published is None and page.by_idx is None:
        _far_header(page)
    if page.author is None and page.by_idx is None:
        find_author_box(page)
    _find_read_time(page)
    find_caption(page)
    return page


def from_dump(raw: str) -> dict:
    """Metadata of a browser text dump: title, author, published, read_time_min, caption,
    photo_credit, outlet, url (None when the page does not show it) and `lines`,
    {0-based line number: reason} of the lines that became metadata
    (reasons: title, byline, dateline, caption, read_time)."""
    if not isinstance(raw, str) or not raw.strip():
        return empty_result(True)
    try:
        lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return read_dump(lines).result()
    except Exception as exc:  # a page must never stop a corpus
        warnings.warn(f"metadata.from_dump failed ({type(exc).__name__}: {exc})", stacklevel=2)
        return empty_result(True)
