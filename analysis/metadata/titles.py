"""Headlines: site suffixes of a <title> ("Headline | Site"), and the dump passes that read the
page's first line (its <title>) and find the visible headline below it."""
from __future__ import annotations

import math
import re
from typing import NamedTuple

from analysis.metadata.bylines import name_shaped
from analysis.metadata.captions import credit_only
from analysis.metadata.config import BY_PREFIX_RE, CFG, CREDIT_LINE_RE, SEP_RE
from analysis.metadata.page import DumpPage
from analysis.metadata.words import collapse, fold, norm, overlap, same_start, word_set

_I = re.IGNORECASE

_SITE_MARK_RE = re.compile(CFG["site_suffix"]["markers"], _I)
_MAX_SUFFIX_WORDS = int(CFG["site_suffix"]["max_words"])


def looks_site(segment: str, site_names) -> bool:
    seg = segment.strip()
    if not seg or not any(map(str.isalnum, seg)):   # marks, emoji or zero-width only: no name
        return False
    c = collapse(seg)
    for name in site_names:
        cn = collapse(name or "")
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


def split_suffix(title: str, site_names=()):
    """(title without trailing site/section segments, the outermost site segment or None)."""
    t = " ".join(title.split())
    site = None
    while True:
        parts = list(SEP_RE.finditer(t))
        if not parts:
            break
        last = parts[-1]
        head, tail = t[:last.start()].strip(), t[last.end():].strip()
        if len(head.split()) < 2 or len(head) < len(tail):
            break
        if not looks_site(tail, site_names):
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
    return split_suffix(title, tuple(site_names or ()))[0]


def headline_shaped(s: str) -> bool:
    n = len(s.split())
    if not 2 <= n <= 30 or len(s) > 220:
        return False
    if s.endswith((".", ":", ",")) and n > 8:
        return False
    return not (CREDIT_LINE_RE.match(s) or BY_PREFIX_RE.match(s))


def banner_like(s: str) -> bool:
    return bool(re.search(r"[.!?]\s+[A-Z]", s)) or len(s.split()) > 30


def reworded_headline(text: list[str], nonblank: list[int], i0: int, title0: str):
    """Index of the line that rewords the <title> as the visible headline, or None: it opens with
    the title's first two words, has 4 to 20 words (a lede has more), shares at least 30% of the
    title's words, and a body paragraph (25+ words) follows within 12 lines ("Business Focus: Do You
    Have What It Takes…" in <title>, "Business Focus: It's Why Some People Triumph Online…" on the page)."""
    start = norm(title0).split()[:2]
    if len(start) < 2 or len(title0.split()) < 4:
        return None
    first = start[0]
    best = None
    for k, i in enumerate(nonblank):
        s = text[i]
        if i == i0 or first not in fold(s[:len(first) + 8]) or not 4 <= len(s.split()) <= 20:
            continue
        if not headline_shaped(s) or s.endswith(".") or norm(s).split()[:2] != start:
            continue
        ov = overlap(s, title0)
        if ov < 0.3 or not any(len(text[j].split()) >= 25 for j in nonblank[k + 1:k + 13]):
            continue
        if best is None or ov > best[0]:
            best = (ov, i)
    return best[1] if best else None


def _boilerplate_line(line: str) -> bool:
    """True when the cleaner's rules drop this line wherever it stands (menus, share buttons,
    subscription prompts, advertisements): it cannot be a headline."""
    from analysis.cleaning.rules import line_rule

    return line_rule(line)[1] == "drop"


# ------------------------------------------------------------------------------ the dump passes
def read_first_line(page: DumpPage, title_hint: str | None) -> None:
    """The page's <title> (the dump's first line) without its site suffix, and the site it names."""
    page.t0_full = page.text[page.i0] if page.first_is_title else ""
    title0, outlet = split_suffix(page.t0_full, page.site_names) if page.t0_full else ("", None)
    parts = list(SEP_RE.finditer(title0))
    if parts and BY_PREFIX_RE.match(title0[parts[-1].end():]):
        title0 = title0[:parts[-1].start()].strip()   # "Headline | by John C. Welch | Medium"
    if title_hint:
        title0 = title_hint
    elif title0 and outlet is None and len(title0.split()) <= 3 and looks_site(title0, page.site_names):
        outlet, title0 = title0, ""  # the first line is only the site's name ("Quanta Magazine")
    page.title0, page.outlet = title0, outlet
    # a <title> of two sentences with a site suffix ("West Ham hrozí gigantům, okouzlil i Linekera.
    # Součkovu práci je snadné přehlédnout - Aktuálně.cz") is still a <title>, not a banner
    page.t0_banner = bool(page.t0_full) and outlet is None and banner_like(page.t0_full)
    page.outlet_hint = outlet or (page.site_names[0] if page.site_names else None)


def _title_segments(title0: str, t0_full: str, site_names=()) -> dict[str, int]:
    """Normalised forms a repeated headline may take -> rank (0 the headline itself, 1 a later
    segment of the <title>, which may be a section or site name): the title, the full line, its
    leading parts up to a separator ("Minecraft 1.8 - The Bountiful Update" of "Minecraft 1.8 -
    The Bountiful Update - Minecraft 1.8 - …"), its long segments, a one-word headline before a
    site name ("Mozilla" of "Mozilla - Wikipedia")."""
    segs: dict[str, int] = {}
    normed: dict[str, str] = {}   # a <title>'s parts repeat (title0 is usually its first part)

    def nm(x: str) -> str:
        if x not in normed:
            normed[x] = norm(x)
        return normed[x]

    full = " ".join((t0_full or title0).split())
    for k, sep in enumerate(SEP_RE.finditer(full)):
        head = full[:sep.start()].strip()
        if title0 and len(head.split()) >= 3:
            segs[nm(head)] = 0
        elif k == 0 and len(head) >= 4 and len(head.split()) == 1 and looks_site(full[sep.end():], site_names) \
                and not _boilerplate_line(head):
            segs[nm(head)] = 0   # "Mozilla - Wikipedia" (read as a site's name when no line repeats it)
    if title0:
        segs[nm(title0)] = 0
        if t0_full and t0_full != title0:
            segs[nm(t0_full)] = 0
        parts = SEP_RE.split(title0)
        # after a headline-long first part, the later parts are sections or sites; after a short
        # one ("Opinion | Republicans Are Following Trump…") the headline is a later part
        later = 1 if len(parts[0].split()) >= 3 else 0
        for k, part in enumerate(parts):
            if len(part.split()) >= 3:
                segs.setdefault(nm(part.strip()), 0 if k == 0 else later)
        head, colon, rest = title0.partition(": ")
        if colon and len(head.split()) <= 3 and len(rest.split()) >= 3:
            segs[nm(rest)] = 0   # a blog's name before a colon: "Silicon Exposed: Open Verilog flow …"
    segs.pop("", None)
    return segs


def _probe_words(segs: set[str]) -> set[str]:
    """One plain word of each candidate title: a cheap test before normalising a line."""
    probes = set()
    for seg in segs:
        words = [w for w in seg.split() if w.isalnum()]
        if not words:
            return set()
        probes.add(max(words, key=len))
    return probes


def _exact_repeats(page: DumpPage) -> list[int]:
    """Lines equal to the first line's title, or to one of its segments (those equal to the
    headline's own forms when there are any, else to a later segment)."""
    segs = _title_segments(page.title0, page.t0_full, page.site_names)
    if not segs:
        return []
    tlen = max(len(x) for x in segs)
    tlen_min = min(len(x) for x in segs) // 2
    probes = _probe_words(segs)
    matches = []
    for i in page.nonblank:
        if i == page.i0:
            continue
        s = page.text[i]
        if tlen_min <= len(s) <= tlen + 40 and (not probes or any(w in fold(s) for w in probes)):
            rank = segs.get(norm(s))
            if rank is not None:
                matches.append((rank, i))
    best = min((r for r, _ in matches), default=0)
    if best == 1:
        # only a later segment repeats (a site or section name in the page's banner, "痞客邦
        # PIXNET"): a headline only when a byline or date stands near it
        return [i for r, i in matches if page.anchor_dist(i) is not None]
    return [i for r, i in matches if r == best]


def _near_repeats(page: DumpPage) -> list[int]:
    """Near-identical lines near a byline or date ("The Doobie Brothers Unite…" for "Doobie
    Brothers Unite…"): word Jaccard >= 0.85."""
    title0 = page.title0
    w0 = word_set(title0)
    # Jaccard >= 0.85 needs at least 85% of the title's words in the line, so the line holds
    # at least one of the title's (missable + 1) longest words: a substring test first
    n0 = len(w0)
    probe = sorted(w0, key=lambda x: (-len(x), x))[:n0 - math.ceil(0.85 * n0 - 1e-6) + 1]
    matches = []
    for i in page.nonblank:
        s = page.text[i]
        if i == page.i0 or len(s) > 2 * len(title0) + 20 or len(s) * 2 < len(title0):
            continue
        if probe:
            low = s.lower()
            if not any(x in low for x in probe):
                continue
        w = word_set(s)
        if w and len(w & w0) / len(w | w0) >= 0.85 and page.anchor_dist(i) is not None:
            matches.append(i)
    return matches


class AboveAnchor(NamedTuple):
    """A title-shaped line just above a byline/date line (`_best_above_anchor`)."""

    score: float
    line: int
    overlap: float      # share of the <title>'s words
    strength: float     # the anchor's strength (dump.anchor_strength)
    dist: int           # lines between it and the anchor, not counting byline lines
    named: bool         # a name line sits between it and a date/time anchor ("Sarah Archer" / "1:39 PM ET")


def _best_above_anchor(page: DumpPage):
    """The best title-shaped line just above a byline/date line (AboveAnchor), else None. Also
    sets `page.first_named`: the line over the page's first anchor when a name line sits between
    them, it shares a word with the <title>, has at most 20 words and a body paragraph follows."""
    text, title0 = page.text, page.title0
    best = None
    anchors_seen = 0
    for i in page.nonblank:
        a = page.anchor(i) if len(text[i]) <= 220 else 0
        if not a:
            continue
        k = page.pos[i]
        seen = 0
        dist = 0  # lines between the candidate and the anchor, not counting other byline lines
        named = False
        first_anchor, anchors_seen = anchors_seen == 0, anchors_seen + 1
        for j in reversed(page.nonblank[max(0, k - 6):k]):
            s = text[j]
            if j == page.i0 and not page.t0_banner:
                break
            if page.anchor(j) or credit_only(s):
                continue
            if a <= 1 and dist == 0 and name_shaped(s):
                named = True
                continue  # a byline without "By" sits right above a date line
            dist += 1
            if not headline_shaped(s) or s.endswith(":") or s.isupper() and len(s.split()) <= 5:
                continue  # standfirst, caption or menu between headline and byline
            ov = overlap(s, title0) if title0 else 0.0
            score = 4 * ov + a + (0.5 if dist == 1 else 0.0) - 0.1 * dist
            cand = AboveAnchor(score, j, ov, a, dist, named)
            if best is None or score > best.score:
                best = cand
            if named and dist == 1 and first_anchor and not banner_like(s) and len(s.split()) <= 20 \
                    and ov > 0 and _body_follows(page, k):
                page.first_named = j
            seen += 1
            if seen == 3:
                break
    return best


def _body_follows(page: DumpPage, k: int) -> bool:
    """A body paragraph (35+ words) follows within 8 lines of the k-th non-blank line (an
    article's header, not a teaser card or a comment's name and date)."""
    return any(len(page.text[j].split()) >= 35 for j in page.nonblank[k + 1:k + 9])


def _trust_above_anchor(page: DumpPage, best) -> bool:
    """The line above the anchor is the headline: it shares the title's words, or there is no
    usable title, or it sits close above a "By" line."""
    if best is None:
        return False
    j, ov, a, dist = best.line, best.overlap, best.strength, best.dist
    title0 = page.title0
    if ov >= 0.5 or not title0 or page.t0_banner or (ov >= 0.3 and same_start(page.text[j], title0)):
        return True
    return a == 2 and dist <= 4


def _title_fallback(page: DumpPage):
    """(headline line or None, title) when no line repeats or sits above an anchor: the <title>,
    anchored at the line above the first "By" line, else at the reworded visible headline."""
    title = page.title0 or None
    if title is None and page.first_is_title and page.t0_full and page.outlet == page.t0_full:
        title = page.t0_full   # the <title> read as a site's name ("Document"), and no headline below
    if title and _boilerplate_line(title):
        title = None   # a page of menus only: "Skip to content" is no headline
    # region anchor: the first strong byline, else nothing
    h = next((i for i in page.nonblank if i != page.i0 and len(page.text[i]) <= 220 and page.anchor(i) == 2), None)
    if h is not None:
        h = page.nonblank[max(0, page.pos[h] - 1)]
    elif page.title0 and page.first_is_title:
        r = reworded_headline(page.text, page.nonblank, page.i0, page.title0)
        if r is not None:  # the page's headline reworded from its <title>
            h, title = r, page.text[r]
            if not page.t0_banner:
                page.marks[page.i0] = "title"  # the first line is still the page's <title>
    return h, title


def find_headline(page: DumpPage) -> None:
    """The dump pass for `title` and the headline line `h` that anchors the metadata region:
    a line repeating the <title> nearest a byline/date, else the title-shaped line above one."""
    matches = _exact_repeats(page)
    if not matches and page.title0 and len(page.title0.split()) >= 3:
        matches = _near_repeats(page)
    if matches:
        scored = [(d, i, i) for i in matches if (d := page.anchor_dist(i)) is not None]
        h = min(scored)[2] if scored else matches[0]
        title = page.text[h]
    else:
        best = _best_above_anchor(page)
        if _trust_above_anchor(page, best):
            h = best.line
            title = page.text[h]
        elif page.first_named is not None:
            # the first headline-shaped line over a name line and a date or clock line, with the
            # body below ("Why Neon Is the Ultimate Symbol…" / "Sarah Archer" / "1:39 PM ET")
            h = page.first_named
            title = page.text[h]
        else:
            h, title = _title_fallback(page)
    page.title = title or None
    if title and h is not None and page.text[h] == title:
        page.marks[h] = "title"
    if title and page.first_is_title and (title == page.title0 or overlap(title, page.title0) >= 0.5) \
            and not page.t0_banner:
        page.marks[page.i0] = "title"
    page.h = h
