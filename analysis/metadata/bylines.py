"""Bylines: the names in a byline line ("By A and B", "DATE | by A", "Author: A", "A Date") and
the dump pass that finds the byline near the headline, its rules a list of small named functions
tried in order. Prefixes, job titles, agencies and desks come from analysis/data/metadata.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, islice
from typing import NamedTuple

from analysis.cleaning.rules import line_rule
from analysis.metadata.config import BY_PREFIX_RE, CFG, CREDIT_LINE_RE
from analysis.metadata.dates import DATE_RE, MD_RE, RELATIVE_RE, TIME_RE, dates_in
from analysis.metadata.page import DumpPage
from analysis.metadata.words import HAS_DIGIT, NAME_PARTICLES, collapse, listed_first_name

_I = re.IGNORECASE

BY_INLINE_RE = re.compile(CFG["byline"]["inline"], _I)
_STOP_RE = re.compile(
    r"(?:^|[\s,|(])(?:" + "|".join(sorted((re.escape(w) for w in CFG["byline"]["stop_words"]),
                                         key=len, reverse=True)) + r")\b", _I)
AGENCIES = {a.lower() for a in CFG["byline"]["agencies"]}
_DESK_BYLINE_RE = re.compile(CFG["byline"]["desk_byline"], _I)
AUTHOR_BOX_RE = re.compile(CFG["byline"]["author_box_tail"], _I)
_AGE_TAIL_RE = re.compile(CFG["byline"]["age_tail"], _I)
_FOLLOW_LINE_RE = re.compile(CFG["byline"]["follow_line"], _I)
_LONE_BY_RE = re.compile(CFG["byline"]["lone_by"], _I)
_ABOUT_AUTHOR_RE = re.compile(CFG["byline"]["about_author"], _I)
_DESKS = {a.lower() for a in CFG["byline"]["desks"]}
_NAME_CUT_RE = re.compile(r"\s+[|•·/–—]\s*|\s+-\s+|\s*\S*@|\s+on\s*$|\s+\d|\s*\(|\s*\[|\s*:\s|\s{3,}|\t")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b)\s*", _I)
_CRED_RE = re.compile(r"^(?:[A-Z]{1,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|MPH|RDN|CPT|LCSW)$")
_DOMAIN_RE = re.compile(r"\.\w{2,4}\b|www\.", _I)


def name_shaped(s: str) -> bool:
    """True for a short line made of capitalised name words ("Lisa Kaczke and Trevor J. Mitchell")."""
    words = s.replace(",", " ").split()
    if not 2 <= len(words) <= 12 or len(s) > 100:
        return False
    if s.rstrip()[-1:] in "!?:;\"'”’" or ":" in s or HAS_DIGIT.search(s):
        return False
    for w in words:
        if w.lower() in NAME_PARTICLES:
            continue
        if not (w[:1].isupper() and w[:1].isalpha()):
            return False
    return words[0].lower() not in NAME_PARTICLES


def clean_names(text: str, outlet: str | None = None) -> str | None:
    """Byline text -> names joined with "; " (no "By", job titles, credentials or outlet names)."""
    if not text:
        return None
    t = BY_PREFIX_RE.sub("", text.strip(), count=1)
    for m in DATE_RE.finditer(t):
        t = t[:m.start()]
        break
    m = MD_RE.search(t)          # a date without its year: "By Erin Cunningham March 18 at 3:57 PM"
    if m and m.start() > 0:
        t = t[:m.start()]
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
    outlet_c = collapse(outlet or "")
    names, agencies = [], []
    for part in _NAME_SPLIT_RE.split(t):
        part = part.strip(" ,;:|-–—•·/\t")
        if not part or not any(ch.isalpha() for ch in part):
            continue
        if _CRED_RE.match(part) and names:
            continue
        if names and (part[:1].islower() and part.split()[0].lower() not in NAME_PARTICLES
                      or JOB_RE.match(part)):
            break                # an apposition: "By Alex Heath, a deputy editor …", "…, Senior Staff Technologist"
        words = part.split()
        while title_cut and len(words) > 2 and words[-1].lower() in _DESKS:
            words = words[:-1]
        low = " ".join(words).lower()
        for ag in AGENCIES:
            if " " in ag and low.endswith(" " + ag) and len(words) - len(ag.split()) >= 2:
                words = words[:len(words) - len(ag.split())]
                break
        # trailing outlet glued to a name: "Jonathan Garber FOXBusiness"
        while outlet_c and len(words) > 2 and collapse(words[-1]) and \
                collapse(words[-1]) in outlet_c and len(collapse(words[-1])) >= 4:
            words = words[:-1]
        part = " ".join(words)
        if len(words) >= 4 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            words = words[:len(words) // 2]  # "Sean Martin Sean Martin" (name printed twice)
            part = " ".join(words)
        if len(words) >= 2 and words[0].lower() in AGENCIES and title_cut:
            continue  # "AP National Security (Writer)": the agency's job title, not a name
        if len(words) >= 2 and words[0].lower() == "the" and names:
            agencies.append(part)  # "Ana Ruiz, The Springfield Gazette": an outlet, not a person
            continue
        pc = collapse(part)
        if part.lower() in AGENCIES or (outlet_c and len(pc) >= 4 and (pc in outlet_c or outlet_c in pc)) \
                or _DOMAIN_RE.search(part):
            agencies.append(part)
            continue
        if len(words) > 4:
            # "Trevor J. Mitchell Sioux Falls Argus Leader": a name is two words, three with an initial
            keep = 3 if len(words[1].rstrip(".")) == 1 or words[1].lower() in NAME_PARTICLES else 2
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
def byline_of(s: str):
    """Names from a byline line ("By A and B", "DATE | by A", "Author: A", "A Date"), else None."""
    if len(s) > 220:
        return None
    m = BY_PREFIX_RE.match(s)
    if m:
        rest = s[m.end():]
        if rest[:1].isalpha() and (rest[:1].isupper() or not rest[:1].isascii()
                                    or m.group(0).strip().endswith(":")
                                    or HAS_DIGIT.search(rest) and DATE_RE.search(rest)):
            return clean_names(rest)
        return None
    if CREDIT_LINE_RE.match(s):
        return None
    m = BY_INLINE_RE.search(s)
    if m:
        pre = s[:m.start() + 1]
        rest = s[m.end():]
        if rest[:1].isalpha() and (DATE_RE.search(pre) or _LABEL_ONLY_RE.match(pre) or TIME_RE.search(pre)):
            return clean_names(rest)
    return None


def desk_byline(pre: str):
    """"News Nation Bureau" from the text before a date ("New Delhi, News Nation Bureau | Updated :")."""
    for seg in re.split(r"\s*[|•·]\s*", pre):
        for part in seg.split(","):
            part = part.strip(" :-–—")
            if 2 <= len(part.split()) <= 5 and part[:1].isupper() and _DESK_BYLINE_RE.search(part):
                return part
    return None


def name_before_categories(rest: str):
    """"Tony Carter" from "Tony Carter All, Books, Kit Reviews" (a name, then a list of category links)."""
    parts = rest.split(",")
    if len(parts) < 2:
        return None
    head = parts[0].split()
    if not 3 <= len(head) <= 4 or any(not p.strip() or len(p.split()) > 3 or not p.strip()[:1].isupper()
                                      for p in parts[1:]):
        return None
    name = " ".join(head[:-1])
    return name if name_shaped(name) and not COMMON_RE.search(name) else None


_LABEL_ONLY_RE = re.compile(r"^[\s|•·/,–—-]*(?:posted|written|published|story|words|reported)?[\s|•·/,–—-]*$", _I)
HAS_BY_RE = re.compile(r"\bby\b", _I)
_JOB_WORDS = (r"(?:reporter|correspondent|editor|writer|columnist|contributor|producer|analyst|journalist|"
              r"technologist|attorney|counsel|fellow|professor|scientist|founder|director)s?")
JOB_RE = re.compile(r"(?:\b(?:senior|staff|contributing|chief|political|news|national|foreign|business|"
                     r"sports?|tech(?:nology)?|science|health|opinion|deputy|associate|special)\s+)*\b"
                     + _JOB_WORDS + r"\b", _I)
JOB_LINE_RE = re.compile(r"^(?:[\w-]+\s+){0,3}" + _JOB_WORDS + r"\b(?:\s+@\w+)?\s*$", _I)
# everyday words that a capitalised menu line ("JUST WATCHED", "Most Read") has and a name has not
COMMON_RE = re.compile(r"\b(?:just|watched|watch|most|read|more|new|top|latest|news|video|live|share|"
                        r"follow|sign|subscribe|trending|popular|stories|related|next|previous|home)\b", _I)
HANDLE_LINE_RE = re.compile(r"^(?P<name>[^@|/•]{3,60}?)\s+@\w+")


# ------------------------------------------------------------------------------ metadata authors (HTML)
def person_names(author):
    """Keep the names of a metadata author string that read like names (drops "Syrian defense ministries")."""
    if not author:
        return None
    keep = []
    for name in author.split("; "):
        words = name.split()
        if words and words[0].lower() == "the":
            continue
        if len(words) > 1 and any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words):
            continue
        keep.append(name)
    return "; ".join(keep) or None


def not_site(author, sites):
    """None when a metadata 'author' only names the site ("BBC News", "Sky")."""
    if not author:
        return None
    a = collapse(author)
    for s in sites:
        c = collapse(s or "")
        if c and len(a) >= 3 and (a in c or c in a):
            return None
    return author


# ------------------------------------------------------------------------------ the dump pass
class Byline(NamedTuple):
    """A byline line was found; `names` may have cleaned to nothing (the line is still the byline)."""

    names: str | None


def _prefixed_byline(page: DumpPage, j: int):
    """"By A and B", "DATE | by A", "Author: A": the names after the marker, outlet names removed."""
    s = page.text[j]
    if not byline_of(s):
        return None
    names = clean_names(BY_PREFIX_RE.sub("", s, count=1) if BY_PREFIX_RE.match(s)
                        else s[BY_INLINE_RE.search(s).end():], page.outlet_hint)
    return Byline(names) if names else None


def _lone_by(page: DumpPage, j: int):
    """(name line, Byline) when line j is "By" alone and the next line is a short name or handle
    ("by" / "Sleyca"), else None."""
    if not _LONE_BY_RE.match(page.text[j]):
        return None
    kk = page.pos[j]
    if kk + 1 >= len(page.nonblank):
        return None
    n = page.nonblank[kk + 1]
    s = page.text[n]
    if n in page.marks or n == page.h or len(s) > 60 or not 1 <= len(s.split()) <= 4 or HAS_DIGIT.search(s) \
            or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in s.split()) \
            or line_rule(s)[1] == "drop":   # "von" / "an" (an e-mail form's from / to) is no byline
        return None
    names = clean_names(s, page.outlet_hint)
    return (n, Byline(names)) if names else None


def _name_before_date(page: DumpPage, j: int, s: str, dates):
    """"Anna Menin November 19, 2019"."""
    if dates and dates[0][1] > 0 and name_shaped(s[:dates[0][1]].strip(" ,|-")):
        return Byline(clean_names(s[:dates[0][1]], page.outlet_hint))
    return None


def _desk_before_date(page: DumpPage, j: int, s: str, dates):
    """"New Delhi, News Nation Bureau | Updated : 19 November 2019"."""
    if dates and dates[0][1] > 0:
        desk = desk_byline(s[:dates[0][1]])
        if desk:
            return Byline(desk)
    return None


def _after_date(s: str, dates) -> str:
    return TIME_RE.sub("", s[dates[-1][2]:]).strip(" ,|-–•·")


def _name_after_date(page: DumpPage, j: int, s: str, dates):
    """"November 20, 2019 Emiliano Bellini"."""
    if dates and dates[0][1] == 0:
        rest = _after_date(s, dates)
        if 2 <= len(rest.split()) <= 4 and name_shaped(rest) and not COMMON_RE.search(rest):
            return Byline(clean_names(rest, page.outlet_hint))
    return None


def _date_name_categories(page: DumpPage, j: int, s: str, dates):
    """"21/06/2014 Tony Carter All, Books, Kit Reviews" (date, author, categories)."""
    if dates and dates[0][1] == 0:
        name = name_before_categories(_after_date(s, dates))
        if name:
            return Byline(clean_names(name, page.outlet_hint))
    return None


def _author_box(page: DumpPage, j: int, s: str, dates):
    """"Jose Altoveros View More Articles" (not "Top Stories View All")."""
    bm = AUTHOR_BOX_RE.search(s) if len(s) <= 100 else None
    if bm and 2 <= len(s[:bm.start()].split()) <= 4 and name_shaped(s[:bm.start()]) \
            and not COMMON_RE.search(s[:bm.start()]):
        return Byline(clean_names(s[:bm.start()], page.outlet_hint))
    return None


def _name_with_job(page: DumpPage, j: int, s: str, dates):
    """"Bruce Y. Lee Senior Contributor"; "Tom Gillespie" / "News reporter @TomGillespie1"."""
    kk = page.pos[j]
    nxt = page.text[page.nonblank[kk + 1]] if kk + 1 < len(page.nonblank) else ""
    jm = JOB_RE.search(s)
    if (jm and jm.start() > 0 and name_shaped(s[:jm.start()].strip(" ,|-–"))) or \
            (name_shaped(s) and not s.isupper() and JOB_LINE_RE.match(nxt)):
        names = clean_names(s, page.outlet_hint)
        if names:
            return Byline(names)
    return None


def _agency_desk(page: DumpPage, j: int, s: str, dates):
    """"Detroit News wire services" next to "Published …": a desk byline."""
    low = s.lower()
    if len(s.split()) <= 6 and any(low == ag or low.endswith(" " + ag) for ag in AGENCIES if " " in ag) \
            and not name_shaped(s):
        kk = page.pos[j]
        if any(page.anchor(q) == 1 for q in page.nonblank[max(0, kk - 2):kk] + page.nonblank[kk + 1:kk + 3]):
            return Byline(s)
    return None


def _agency_above_date(page: DumpPage, j: int, s: str, dates):
    """"REUTERS" above the date line."""
    if s.lower() in AGENCIES and len(s) > 3:
        kk = page.pos[j]
        if any(page.anchor(q) == 1 for q in page.nonblank[kk + 1:kk + 3]):
            return Byline(s)
    return None


def _name_with_handle(page: DumpPage, j: int, s: str, dates):
    """"Catherine Shu @catherineshu / 2 days"."""
    hm = HANDLE_LINE_RE.match(s)
    if hm and name_shaped(hm.group("name")):
        return Byline(clean_names(hm.group("name"), page.outlet_hint))
    return None


def _short_name(s: str) -> bool:
    """Two to four capitalised name words and no everyday menu word."""
    return 2 <= len(s.split()) <= 4 and name_shaped(s) and not COMMON_RE.search(s)


def _name_with_age(page: DumpPage, j: int, s: str, dates):
    """"Alex Perry 1 day ago", "James Akinaka • 8h"."""
    am = _AGE_TAIL_RE.search(s) if len(s) <= 60 else None
    if am and am.start() > 0 and _short_name(s[:am.start()].strip()):
        return Byline(clean_names(s[:am.start()], page.outlet_hint))
    return None


def _name_above_follow(page: DumpPage, j: int, s: str, dates):
    """"John C. Welch" / "Follow" (the author's follow button under the name)."""
    kk = page.pos[j]
    nxt = page.text[page.nonblank[kk + 1]] if kk + 1 < len(page.nonblank) else ""
    if _FOLLOW_LINE_RE.match(nxt) and _short_name(s):
        return Byline(clean_names(s, page.outlet_hint))
    return None


def _name_near_date(page: DumpPage, j: int, s: str, dates):
    """A name line next to a date line ("Anna Menin" / "November 19, 2019", "2 hours ago")."""
    if name_shaped(s) and not (s.isupper() and COMMON_RE.search(s)):
        kk = page.pos[j]
        near = page.nonblank[max(0, kk - 2):kk] + page.nonblank[kk + 1:kk + 3]
        if any(q != page.h and (page.anchor(q) == 1 or RELATIVE_RE.match(page.text[q])) for q in near):
            return Byline(clean_names(s, page.outlet_hint))
    return None


# tried in order on each of the ten lines below the headline when no line has a "By" marker
NAME_LINE_RULES = (_name_before_date, _desk_before_date, _name_after_date, _date_name_categories,
                   _author_box, _name_with_job, _agency_desk, _agency_above_date, _name_with_handle,
                   _name_with_age, _name_above_follow, _name_near_date)


def _name_over_date(page: DumpPage, j: int):
    """A name line right above a date line, above the headline ("Pippin Lee" / "on Mar 17 11 min")."""
    s = page.text[j]
    kk = page.pos[j]
    nxt = page.text[page.nonblank[kk + 1]] if kk + 1 < len(page.nonblank) else ""
    if len(nxt) <= 40 and (MD_RE.search(nxt) or dates_in(nxt)) and _short_name(s):
        return Byline(clean_names(s, page.outlet_hint))
    return None


_NICKNAME_RE = re.compile(r"\s*\([^()]{1,20}\)")


def _person_line(page: DumpPage, j: int):
    """A line that is only a person's name, two or three words with a known first name (gender-
    guesser's list, words.listed_first_name): "Dave Steer" between the standfirst and the
    tags, "Richard (R.J.) Eskow" (the nickname in brackets dropped). Tried last, when no other
    rule found a byline."""
    s = _NICKNAME_RE.sub("", page.text[j]).strip()
    words = s.split()
    if not 2 <= len(words) <= 3 or not _short_name(s) or s.isupper():
        return None
    from analysis.cleaning.stoplists import english_stoplist

    if words[0].lower() in english_stoplist() or not listed_first_name(words[0]):
        return None
    names = clean_names(s, page.outlet_hint)
    return Byline(names) if names else None


def _about_the_author(page: DumpPage):
    """(name line, Byline) of an author box after the article: an "About the author" label line
    (metadata.yaml's `about_author`) with a short name line among the next two lines ("About the
    author" / "Adam Clark Estes" / "Senior editor at Gizmodo."), else None. The last such box of
    the page is read (an earlier one may be a teaser's). The label is looked for in C (`compress`
    over the regex's matches): most pages have none."""
    start = page.h or 0     # the box follows the article, below the headline
    labels = list(compress(range(start, len(page.text)), map(_ABOUT_AUTHOR_RE.match, islice(page.text, start, None))))
    if not labels or labels[-1] not in page.pos:
        return None
    kk = page.pos[labels[-1]]
    for n in page.nonblank[kk + 1:kk + 3]:
        s = page.text[n]
        if n not in page.marks and len(s) <= 60 and not HAS_DIGIT.search(s) and _short_name(s):
            names = clean_names(s, page.outlet_hint)
            return (n, Byline(names)) if names else None
    return None


def _first_lines(page: DumpPage, lines: list[int], n: int) -> list[int]:
    """The first lines up to the n-th of more than four words, at most 3n lines: short lines (share
    buttons, menu items: "Share on Facebook" x 12 between the headline and "By Erin Cunningham")
    count only towards the cap."""
    out, counted = [], 0
    for j in lines[:3 * n]:
        out.append(j)
        counted += len(page.text[j].split()) > 4
        if counted >= n:
            break
    return out


def _byline_line(page: DumpPage):
    """(line, Byline) of the byline near the headline, else None: a line with a "By" marker
    (14 lines below the headline, then 4 above), else a name line (NAME_LINE_RULES)."""
    marks = page.marks
    after = [j for j in page.region if j > page.h]
    before = [j for j in reversed(page.region) if j < page.h][:4]
    for j in _first_lines(page, after, 14) + before:
        if j not in marks:
            byline = _prefixed_byline(page, j)
            if byline:
                return j, byline
            lone = _lone_by(page, j)
            if lone:
                return lone
    for j in after[:10]:
        s = page.text[j]
        if j in marks or len(s) > 160:
            continue
        if len(s) <= 40 and not HAS_DIGIT.search(s) and line_rule(s)[1] in ("end", "hard_end"):
            break   # "You may also like": the names below belong to teaser cards
        dates = dates_in(s) if HAS_DIGIT.search(s) else ()
        for rule in NAME_LINE_RULES:
            byline = rule(page, j, s, dates)
            if byline is not None:
                return j, byline
    for j in [j for j in reversed(page.region) if j < page.h][:8]:
        byline = None if j in marks else _name_over_date(page, j)
        if byline is not None:
            return j, byline
    # the region ends at the first paragraph, which may be a standfirst with the name below it
    end = page.pos[page.region[-1]] + 1 if page.region else len(page.nonblank)
    for j in after[:10] + page.nonblank[end + 1:end + 3]:
        s = page.text[j]
        if len(s) <= 40 and not HAS_DIGIT.search(s) and line_rule(s)[1] in ("end", "hard_end"):
            break
        byline = None if j in marks or len(s) > 60 else _person_line(page, j)
        if byline is not None:
            return j, byline
    return None


def find_author_box(page: DumpPage) -> None:
    """The last resort for `author`, after every pass near the headline found none (or no
    headline was found): the name of an "About the author" box (`_about_the_author`), marked."""
    found = _about_the_author(page)
    if found is not None:
        j, byline = found
        page.author, page.by_idx = byline.names, j
        page.marks[j] = "byline"


def find_byline(page: DumpPage) -> None:
    """The dump pass for `author`: the byline line is marked, and so are its copies in the region."""
    found = _byline_line(page)
    if found is None:
        return
    j, byline = found
    page.author, page.by_idx = byline.names, j
    page.marks[j] = "byline"
    if byline.names:
        for q in page.region:
            if q != j and q not in page.marks and page.text[q] == page.text[j]:
                page.marks[q] = "byline"
