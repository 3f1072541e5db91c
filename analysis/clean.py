"""Body extraction from browser text dumps (select-all + copy of a news page).

`clean_dump(raw)` keeps the article's body paragraphs (whole lines of the dump, unchanged) and lists
every other non-blank line with the rule that removed it. `repeated_lines(raws)` learns lines that
recur across many pages of one outlet (menus, promos) so the loader can pass them in.

How a dump is cleaned (details in docs/cleaning.md):
1. every non-blank line is tested against generic rules (analysis/data/boilerplate.yaml) and optional
   outlet hints (analysis/data/sites.yaml), the `skip` lines (metadata) and the `repeated` lines;
2. each line gets a prose score from its length, sentence punctuation and stop-word density (stop
   words from jusText's lists, language chosen per page);
3. teaser cards (headline + cut-off snippet) and photo captions (caption + credit) are found from
   the grouping of lines between blank lines;
4. end markers ("MORE NEWS", "Related", ...) split the page unless the article's prose resumes
   right after them; the main body is the best-scoring contiguous run of lines (maximum-sum
   segment), which allows short gaps such as sub-headings.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from pathlib import Path

_DATA = Path(__file__).parent / "data"

# ---------------------------------------------------------------------------------------------
# Data files (loaded once, lazily)
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rules():
    """Compile boilerplate.yaml: (whole-line regex, [(reason, kind)] by group, search rules, date words).

    Whole-line rules become one alternation (group r<i> = rule i); search rules stay separate as
    (regex, reason, kind, max_len, tail, required lower-case substrings) and are tried in file
    order after the whole-line ones.
    """
    import yaml

    with open(_DATA / "boilerplate.yaml", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml when built
    parts, meta, search = [], [], []
    for rule in data["rules"]:
        if rule.get("search"):
            req = rule.get("require") or ()
            search.append((re.compile(rule["pattern"], re.IGNORECASE), rule["reason"], rule["kind"],
                           int(rule.get("max_len", 400)), int(rule.get("tail", 0)),
                           frozenset(str(x).lower() for x in ([req] if isinstance(req, str) else req))))
        else:
            parts.append(f"(?P<r{len(meta)}>{rule['pattern']})")
            meta.append((rule["reason"], rule["kind"]))
    regex = re.compile("(?:" + "|".join(parts) + r")\Z", re.IGNORECASE)
    return regex, meta, search, frozenset(str(w).lower() for w in data.get("date_words", []))


@lru_cache(maxsize=1)
def _sites() -> dict:
    """Outlet-specific hints from sites.yaml: host -> {'drop': regex|None, 'end': regex|None}."""
    import yaml

    path = _DATA / "sites.yaml"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    out = {}
    for host, hints in (data.get("sites") or {}).items():
        hints = hints or {}
        comp = {}
        for kind in ("drop", "end"):
            pats = hints.get(kind) or []
            comp[kind] = (re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + r")\Z", re.IGNORECASE)
                          if pats else None)
        out[_norm_host(host)] = comp
    return out


@lru_cache(maxsize=65536)
def _line_rule(s: str) -> tuple[str | None, str | None]:
    """(reason, kind) of the first boilerplate.yaml rule matching a stripped line, else (None, None).

    Cached for short lines: menus, share buttons and form labels recur across an outlet's pages.
    """
    regex, meta, search_rules, date_words = _rules()
    n = len(s)
    if n <= 400:
        m = regex.match(s)
        if m:
            return meta[int(m.lastgroup[1:])]
    low = None
    for rx, r, knd, max_len, tail, req in search_rules:
        if n > max_len:
            continue
        if req:
            if low is None:
                low = s.lower()
            for x in req:          # substring tests run in C; most lines contain none
                if x in low:
                    break
            else:
                continue
        if rx.search(s, max(0, n - tail) if tail else 0):
            return r, knd
    if n <= 80 and _is_timestamp(s, date_words):
        return "timestamp", "drop"
    return None, None


def _norm_host(host: str) -> str:
    host = str(host).strip().lower()
    host = re.sub(r"^[a-z]+://", "", host).split("/")[0]
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=1)
def _stoplist_folder() -> Path | None:
    """jusText's stop-word list folder (shipped with the package, no download)."""
    import importlib.util

    spec = importlib.util.find_spec("justext")   # locate the package without importing lxml
    if spec is None or not spec.origin:          # pragma: no cover - justext is a dependency
        return None
    return Path(spec.origin).parent / "stoplists"


_INNER_SPACE = re.compile(r"\S[^\S\n]+\S")


def _read_stoplist(f: Path) -> frozenset[str]:
    """One list: one entry a line (surrounding white space dropped), lower case; fewer than 30: none."""
    text = f.read_text(encoding="utf-8").lower()
    if _INNER_SPACE.search(text):   # an entry holding a space: line by line
        words = frozenset(w.strip() for w in text.split("\n") if w.strip())
    else:
        words = frozenset(text.split())
    return words if len(words) >= 30 else frozenset()


@lru_cache(maxsize=1)
def _english_stoplist() -> frozenset[str]:
    """jusText's English list alone (most pages need no other: the others load on demand)."""
    folder = _stoplist_folder()
    f = folder / "English.txt" if folder is not None else None
    return _read_stoplist(f) if f is not None and f.is_file() else frozenset()


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop-word lists (shipped with the package, no download), language -> words."""
    folder = _stoplist_folder()
    if folder is None:                           # pragma: no cover - justext is a dependency
        return {}
    out = {}
    for f in sorted(folder.glob("*.txt")):
        words = _english_stoplist() if f.stem == "English" else _read_stoplist(f)
        if words:
            out[f.stem] = words
    return out


@lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    """Union of jusText's stop-word lists."""
    return frozenset().union(*_stoplists().values())


_STOP_POS: dict[str, tuple[int, ...]] = {}   # stop word -> positions of the lists holding it (filled lazily)


# ---------------------------------------------------------------------------------------------
# Line features
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_TERM_CHARS = frozenset(".!?…:;。！？")    # a line ending in one of these (closing marks after it
_CLOSERS = "\"'”’»)]」』"                     # allowed) or in a closing quotation mark ends a sentence
_QUOTE_END = frozenset("\"”’»」』")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CUT_ENDS = ("…", "...", "[…]", "[...]")                      # ends in an ellipsis
_CUT_MID = re.compile(r"(?<=[^\s.])(…|\.\.\.)\Z")               # ... right after a word: cut mid-text
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<!\.)[.!?]\Z")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DIGIT = re.compile(r"\d")
_SYMBOLS = re.compile(r"[{}\[\]<>=;|\\^~`$#@*_+]")
_HAS_DATE = re.compile(r"\b(19|20)\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d",
                       re.IGNORECASE)
_DATE_SEP = re.compile(r"\d[:/.-]\d")
_TIME_TOKEN = re.compile(r"\d{1,4}|\d{1,2}(st|nd|rd|th)", re.IGNORECASE)

GOOD, NEAR, SHORT = "good", "near", "short"
HARD_END_MIN = 200.0     # a run scoring this much (about 200 characters of prose) is an article
# Line weights for the best-run search (prose lines weigh their length in characters)
W_RULE = -40.0           # a line removed by a rule (menu item, share button, ...)
W_ISOLATED_SHORT = -5.0  # a short line standing alone between blank lines (sub-heading?)
W_LIST_ITEM = -2.0       # an item of a list introduced by a line ending in ":"
AFTER_END_DISCOUNT = 0.4  # weight of a run that starts after an end marker closing an article
POSITION_DECAY = 0.2     # later runs are discounted by this share of their relative position


def _terminal(s: str) -> bool:
    """True when a line ends like a sentence: . ! ? … : ; (also CJK) before any closing quotation
    marks or brackets, or in a closing quotation mark."""
    if s[-1:] in _QUOTE_END:
        return True
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERM_CHARS


def _squash_spaces(line: str) -> str:
    """White space runs as one space, none at either end (`" ".join(line.split())`). A printable
    line (no white space but ASCII spaces) without double or edge spaces is returned as it is."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def _normalise(line: str) -> str:
    """Key used to compare lines across pages: NFKC, lower case, single spaces."""
    # str.split() splits on the same white space as \s+ and drops it at both ends
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
    return _squash_spaces(line).lower()


def _normalised_lines(raw: str) -> set[str]:
    """The distinct `_normalise`d lines of a page (each distinct raw line normalised once; an NFKC
    page is lower-cased at once: lower() never creates or removes a line break)."""
    if raw.isascii() or unicodedata.is_normalized("NFKC", raw):
        return {_squash_spaces(line) for line in set(raw.lower().split("\n"))}
    # normalising line by line keeps NFKC's slow path to the few lines that need it
    nfkc = unicodedata.normalize
    return {_squash_spaces(line if line.isascii() else nfkc("NFKC", line)).lower()
            for line in set(raw.split("\n"))}


def _pick_stoplist(words: list[str], english_hits: int | None = None) -> frozenset[str]:
    """The jusText stop list covering most of the page's words (English checked first).

    `english_hits`: English stop words among words[:4000] when the caller has counted them.
    """
    if not words:
        return frozenset()
    english = _english_stoplist()
    sample = words[:4000]
    n = len(sample)
    if english_hits is None and english:
        english_hits = sum(map(english.__contains__, sample))
    if english and english_hits >= 0.25 * n:
        return english
    lists = _stoplists()
    if not lists:
        return frozenset()
    # other languages: compare distinct words covered, counted for all lists at once through a
    # word -> lists index (the same counts as intersecting the page's vocabulary with each list)
    vocab = frozenset(sample) & _all_stopwords()
    for w in vocab - _STOP_POS.keys():
        _STOP_POS[w] = tuple(pos for pos, sl in enumerate(lists.values()) if w in sl)
    counts = Counter(chain.from_iterable(map(_STOP_POS.__getitem__, vocab)))
    english_pos = next((pos for pos, name in enumerate(lists) if name == "English"), None)
    best, best_hits = english, (counts[english_pos] if english_pos is not None else 0)
    for pos, sl in enumerate(lists.values()):
        hits = counts[pos]
        if hits > best_hits:
            best, best_hits = sl, hits
    if best_hits < 5:
        return frozenset()
    return best if sum(map(best.__contains__, sample)) >= 0.1 * n else frozenset()


def _is_timestamp(text: str, date_words: frozenset[str]) -> bool:
    """True when a line is only a date and/or time: digits with month/day names, am/pm, zones or
    time/date separators ("5:27 PM", "18 Nov 2019, 19:09", "11/20/2019"); a bare number is not."""
    if not _DIGIT.search(text) or len(text) > 80:
        return False
    has_word = False
    for tok in _WORD.findall(text.lower()):
        if tok in date_words:
            has_word = True
        elif not _TIME_TOKEN.fullmatch(tok):
            return False
    return has_word or bool(_DATE_SEP.search(text))


def _credit_like(text: str) -> bool:
    """A photo credit: has a '/' or '©', or most of its words are capitalised (names, agencies)."""
    if "/" in text or "©" in text:
        return True
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def repeated_lines(raws: Iterable[str], min_pages: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Lines (normalised: NFKC, lower case, single spaces) found on at least `min_pages` pages and
    on at least `min_share` (0-1) of the given pages of one outlet. Byte-identical pages count once.
    """
    seen_pages: set[int] = set()
    counts: Counter = Counter()
    n_pages = 0
    for raw in raws:
        if not isinstance(raw, str) or not raw.strip():
            continue
        h = hash(raw)
        if h in seen_pages:
            continue
        seen_pages.add(h)
        n_pages += 1
        counts.update(_normalised_lines(raw))
    if n_pages == 0:
        return frozenset()
    need = max(min_pages, min_share * n_pages)
    return frozenset(line for line, c in counts.items() if c >= need and line)


def _analyse(raw: str, skip: dict, repeated: frozenset, site: str | None) -> dict:
    """Per-line analysis used by clean_dump (kept separate so it can be inspected)."""
    skip = skip or {}
    site_rules = _sites().get(_norm_host(site)) if site else None

    lines = raw.split("\n")
    idx: list[int] = []          # line numbers of non-blank lines
    texts: list[str] = []
    block: list[int] = []        # id of the blank-line-separated group
    b = 0
    prev_blank = True
    invisible: list[int] = []    # lines holding only zero-width characters: removed, act as blank
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or not s.strip(_INVISIBLE):
            if s:
                invisible.append(i)
            if not prev_blank:
                b += 1
            prev_blank = True
            continue
        prev_blank = False
        idx.append(i)
        texts.append(s)
        block.append(b)
    n = len(texts)
    if n == 0:
        return {"n": 0, "lines": lines, "invisible": invisible}
    term_mark = [_terminal(s) for s in texts]            # ends like a sentence (or a quotation)
    cut_off = [s.endswith(_CUT_ENDS) for s in texts]      # ends in an ellipsis

    reason: list[str | None] = [None] * n   # removal reason fixed by a rule
    end: list[bool] = [False] * n            # end marker (article may resume after it)
    hard: list[bool] = [False] * n           # hard end marker (comments, page footer)
    cls: list[str] = [SHORT] * n
    nchar = [len(s) for s in texts]
    rep_flag = [False] * n
    tail_reason: list[str | None] = [None] * n   # rules that apply only where the body ends
    for k, s in enumerate(texts):
        i = idx[k]
        if i in skip:
            reason[k] = str(skip[i])
            continue
        reason[k], kind = _line_rule(s) if nchar[k] <= 160 else _line_rule.__wrapped__(s)
        if kind == "tail":
            tail_reason[k], reason[k], kind = reason[k], None, None
        if kind is not None and kind != "drop":
            if nchar[k] > 100 or (kind == "end" and _SENTENCE_END.search(s)):
                reason[k] = None      # a sentence, not a section marker
            else:
                end[k] = True
                hard[k] = kind == "hard_end"
        if site_rules and reason[k] is None:
            if site_rules["drop"] is not None and site_rules["drop"].match(s):
                reason[k] = "site_rule"
            elif site_rules["end"] is not None and site_rules["end"].match(s):
                reason[k], end[k] = "after_end_marker", True
        if repeated and reason[k] is None and _normalise(s) in repeated:
            rep_flag[k] = True

    # Prose class of the lines no rule removed (words and stop words only for those lines).
    toks: list[list[str]] = [_WORD.findall(texts[k].lower()) if reason[k] is None else [] for k in range(n)]
    # English stop words per line, counted once: they choose the page's stop list and, for an
    # English page (most pages), give each line's stop-word density too
    english = _english_stoplist()
    e_hits = [sum(map(english.__contains__, t)) if t else 0 for t in toks]
    words = [w for t in toks for w in t]
    if len(words) <= 4000:
        sample_hits = sum(e_hits)
    else:
        sample_hits = sum(map(english.__contains__, words[:4000]))
    stop = _pick_stoplist(words, sample_hits)
    same = stop is english
    for k, s in enumerate(texts):
        if reason[k] is not None:
            continue
        t = toks[k]
        nw = len(t)
        cjk = len(_CJK.findall(s)) if nw and nchar[k] > 2 * nw * 4 else 0
        if cjk:
            nw = max(nw, cjk // 2)   # CJK text has no spaces: about 2 characters a word
        sw = ((e_hits[k] if same else sum(map(stop.__contains__, t))) / len(t)) if (stop and t and not cjk) \
            else (0.3 if nw else 0.0)
        term = term_mark[k] and not cut_off[k]
        if nchar[k] >= 40 and len(_SYMBOLS.findall(s)) > 0.06 * nchar[k]:
            reason[k] = "code"        # program code, markup or binary junk, not prose
            continue
        if nchar[k] >= 70 and nw >= 10 and sw >= 0.2 and term:
            cls[k] = GOOD
        elif nchar[k] >= 30 and nw >= 5 and sw >= 0.15 and term:
            cls[k] = NEAR
        elif nchar[k] >= 100 and nw >= 15 and sw >= 0.2:
            cls[k] = NEAR

    # Duplicated text: a later exact copy of a prose line, or one line holding many paragraphs
    # of the page run together (structured-data blobs copied along with the page).
    first_seen: dict[str, int] = {}
    short_by_prefix: dict[str, int] = {}
    for k in range(n):
        if nchar[k] >= 40:
            key = texts[k][:40]
            if nchar[k] < short_by_prefix.get(key, 10**9):
                short_by_prefix[key] = nchar[k]
    for k in range(n):
        if reason[k] is not None or cls[k] == SHORT:
            continue
        # a short repeated line (an interview's recurring question) may be legitimate
        if texts[k] in first_seen and (cls[k] == GOOD or nchar[k] >= 100):
            reason[k] = "duplicate"
            continue
        first_seen[texts[k]] = k
        if nchar[k] >= 400 and short_by_prefix.get(texts[k][:40], 10**9) * 2 < nchar[k]:
            reason[k] = "duplicate"

    # Repeated lines: drop them unless they would take most of the page's prose with them.
    if any(rep_flag):
        prose = sum(nchar[k] for k in range(n) if cls[k] == GOOD and reason[k] is None)
        rep_prose = sum(nchar[k] for k in range(n) if cls[k] == GOOD and rep_flag[k])
        if rep_prose <= 0.5 * prose:
            for k in range(n):
                if rep_flag[k]:
                    reason[k] = "repeated_across_pages"

    # Groups of consecutive non-blank lines: teaser cards and captions.
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(block[k], []).append(k)
    isolated_good = sum(1 for g in groups.values() if len(g) == 1 and cls[g[0]] == GOOD)
    all_good = sum(1 for k in range(n) if cls[k] == GOOD)
    blank_separated = all_good > 0 and isolated_good >= 0.5 * all_good
    soft: list[str | None] = [None] * n   # removal decided by layout (teaser, caption)
    for g in groups.values():
        if len(g) < 2:
            continue
        if blank_separated and len(g) >= 4:
            # a block of teaser cards: headline, snippet, headline, snippet, ... without blank lines
            heads = [not term_mark[k] and len(toks[k]) <= 20 for k in g]
            if all(heads[x] != heads[x + 1] for x in range(len(g) - 1)) and \
                    all(cls[k] != SHORT for k, h in zip(g, heads) if not h):
                for k in g:
                    if reason[k] is None:
                        soft[k] = "teaser"
                continue
        for x, (a, c) in enumerate(zip(g, g[1:])):
            if reason[a] is not None or reason[c] is not None:
                continue
            head, snip = texts[a], texts[c]
            if head == snip and len(toks[a]) <= 25 and not _SENTENCE_END.search(head):
                # a card repeating its headline (image alt text + link), then its snippet
                soft[a] = soft[c] = "teaser"
                if x + 2 < len(g) and reason[g[x + 2]] is None and cls[g[x + 2]] != SHORT:
                    soft[g[x + 2]] = "teaser"
                continue
            head_like = len(toks[a]) <= 25 and not term_mark[a] or head.endswith("?")
            if head_like and len(toks[c]) >= 8 and (cut_off[c] or
                                                   (blank_separated and len(g) == 2 and not term_mark[c])):
                soft[a] = soft[c] = "teaser"
            elif (blank_separated and len(g) == 2 and len(toks[c]) <= 8 and not term_mark[c]
                  and cls[c] != GOOD and len(toks[a]) >= 4 and soft[a] is None and _credit_like(snip)):
                soft[a] = soft[c] = "caption"
    for k in range(1, n):
        # a "Read more" button under a snippet cut mid-sentence: snippet and headline are a teaser
        if reason[k] == "teaser" and nchar[k] <= 20 and reason[k - 1] is None and cls[k - 1] != GOOD \
                and len(toks[k - 1]) >= 8 and not term_mark[k - 1]:
            soft[k - 1] = "teaser"
            h = k - 2
            if h >= 0 and reason[h] is None and len(toks[h]) <= 25 and not _SENTENCE_END.search(texts[h]):
                soft[h] = "teaser"
    for k in range(n):
        # a lone snippet cut off: ellipsis glued to the last word, or a long line ending in " …"
        # (a short line ending in " …" is usually the writer's own suspense)
        if reason[k] is None and soft[k] is None and cls[k] != GOOD and cut_off[k] \
                and (_CUT_MID.search(texts[k]) or nchar[k] >= 150) \
                and len(toks[k]) >= 8:
            soft[k] = "teaser"

    # End markers: a barrier unless the article's prose resumes right after the marker.
    barrier = [False] * n
    box = [False] * n
    for k in range(n):
        if not end[k]:
            continue
        if hard[k]:
            barrier[k] = True
            continue
        # prose resumes = 3 prose lines in a row (a list of teaser cards alternates headline,
        # author and snippet lines instead)
        j, short_run, resumed = k + 1, 0, 0
        while j < n and j < k + 80 and short_run <= 15:
            if end[j] and (hard[j] or resumed):
                break
            if cls[j] == GOOD and reason[j] is None and soft[j] is None and not end[j]:
                resumed += 1
                if resumed >= 3:
                    break
            elif resumed == 0:
                short_run += 1
            else:
                resumed = 0
                short_run += 1
            j += 1
        # ... and the article was running just before the marker (prose among the previous
        # three lines that no rule removed)
        before, j = 0, k - 1
        while j >= 0 and before < 3 and j > k - 12:
            if end[j]:
                j -= 1
                continue
            if reason[j] is None and soft[j] is None:
                if cls[j] != SHORT:
                    break
                before += 1
            j -= 1
        prose_before = j >= 0 and j > k - 12 and before < 3 and not end[j] and cls[j] != SHORT
        if resumed >= 3 and prose_before:
            # in-body box: drop the marker and the non-prose lines up to the resumed prose
            j = k + 1
            while j < n and not (cls[j] == GOOD and reason[j] is None and soft[j] is None):
                box[j] = True
                j += 1
        else:
            barrier[k] = True

    # Maximum-sum contiguous segment over the line weights, segments split at barriers.
    # Short lines inside a run of short lines (menus, link lists) weigh more than a lone short
    # line between paragraphs (a sub-heading or list item).
    run_short = [False] * n
    for g in groups.values():
        if len(g) >= 3 and sum(cls[k] == SHORT for k in g) * 2 > len(g):
            for k in g:
                run_short[k] = True
    # A list introduced by a line ending in ":" (tour dates, steps): the lines of the group that
    # follows it are list items, not a menu.
    list_item = [False] * n
    for k in range(n - 1):
        if reason[k] is None and texts[k].endswith(":") and len(toks[k]) >= 3:
            g = groups[block[k]]
            items = [j for j in g if j > k] or (groups.get(block[k] + 1, []) if block[k + 1] == block[k] + 1 else [])
            for j in items[:80]:
                if reason[j] is not None or end[j]:
                    break
                list_item[j] = True
                run_short[j] = False
    weight = [0.0] * n
    for k in range(n):
        if barrier[k]:
            continue
        if list_item[k] and cls[k] == SHORT and soft[k] is None:
            weight[k] = W_LIST_ITEM
            continue
        if reason[k] is not None or box[k] or end[k]:
            weight[k] = W_RULE
        elif soft[k] is not None:
            weight[k] = -0.3 * nchar[k] if soft[k] == "teaser" else W_ISOLATED_SHORT
        elif cls[k] == GOOD:
            weight[k] = float(nchar[k])
        elif cls[k] == NEAR:
            weight[k] = 0.5 * nchar[k]
        elif run_short[k] or not blank_separated:
            weight[k] = -15.0 - 0.2 * nchar[k]
        else:
            weight[k] = W_ISOLATED_SHORT
    # Best run in each barrier-separated segment; once a hard end marker (comments, footer)
    # follows a real article run, nothing after it can be the body.
    # A run after an end marker that follows a real article run is discounted (AFTER_END_DISCOUNT).
    seg_best: list[tuple[float, int, int]] = []
    cur, start, sb = 0.0, 0, (0.0, -1, -1)
    closed = False
    factor = 1.0
    for k in range(n + 1):
        if k == n or barrier[k]:
            if sb[1] >= 0:
                seg_best.append((sb[0] * factor, sb[1], sb[2]))
            if any(x[0] >= HARD_END_MIN for x in seg_best):
                factor = AFTER_END_DISCOUNT
            if k < n and hard[k] and any(x[0] >= HARD_END_MIN for x in seg_best):
                closed = True
                break
            cur, start, sb = 0.0, k + 1, (0.0, -1, -1)
            continue
        if cur <= 0:
            cur, start = 0.0, k
        cur += weight[k]
        if cur > sb[0]:
            sb = (cur, start, k)
    best = (0.0, -1, -1)
    for sc, a_, b_ in seg_best:
        adj = sc * (1.0 - POSITION_DECAY * a_ / n)
        if adj > best[0]:
            best = (adj, a_, b_)
    _, lo, hi = best
    if hi >= 0:
        # a standfirst above the byline: when a byline or dated line (not a bare "10 p.m." of a
        # live blog) follows the run's first one or two lines, the body starts after it
        seen, k = 0, lo
        while k <= hi and seen <= 2 and k < lo + 8:
            if seen and (reason[k] == "byline" or (reason[k] == "timestamp" and _HAS_DATE.search(texts[k]))):
                lo = k + 1
                break
            if reason[k] is None and soft[k] is None and cls[k] != SHORT:
                seen += 1
            k += 1
        # author bio / "X contributed to this report" lines closing the body
        k = hi
        while k >= lo:
            if reason[k] is not None or soft[k] is not None or box[k] or cls[k] == SHORT:
                k -= 1
                continue
            if tail_reason[k] is None:
                break
            reason[k] = tail_reason[k]
            k -= 1
        # a list that closes the article: its introducing line and items follow the best run
        j = hi + 1
        if j < n and not list_item[j] and reason[j] is None and soft[j] is None and \
                texts[j].endswith(":") and j + 1 < n and list_item[j + 1]:
            j += 1
        if j > hi + 1 or (j < n and list_item[j]):
            while j < n and list_item[j] and not barrier[j]:
                j += 1
            hi = j - 1

    return {"n": n, "lines": lines, "invisible": invisible, "idx": idx, "texts": texts, "toks": toks, "reason": reason,
            "soft": soft, "box": box, "barrier": barrier, "cls": cls, "weight": weight,
            "lo": lo, "hi": hi}


def clean_dump(raw: str, *, skip: dict[int, str] | None = None,
               repeated: frozenset[str] = frozenset(), site: str | None = None) -> dict:
    """Split a page dump into body paragraphs and removed lines.

    Returns {"paragraphs": [line, ...], "removed": [(line_number, line, reason), ...]}: the body's
    lines in order (stripped of surrounding white space, otherwise unchanged) and every other
    non-blank line of `raw` (0-based line number, line as in `raw`, short rule name). Lines in
    `skip` (line number -> reason, e.g. title/byline/caption found by metadata.py) are removed with
    that reason; lines whose normalised form is in `repeated` are removed as
    `repeated_across_pages` (unless that would remove most of the body). `site` (host or outlet
    name) selects extra hints from analysis/data/sites.yaml. Never raises on bad input: empty,
    missing or non-text input gives no paragraphs; a dump without prose gives no paragraphs and
    every line in `removed` (the loader reports such pages).
    """
    if not isinstance(raw, str):
        raw = "" if raw is None or (isinstance(raw, float) and raw != raw) else str(raw)
    if skip:
        skip = {int(k): v for k, v in dict(skip).items() if str(k).lstrip("-").isdigit()}
    a = _analyse(raw, skip or {}, frozenset(repeated) if repeated else frozenset(), site)
    n = a["n"]
    extra = [(i, a["lines"][i].rstrip("\r"), "invisible") for i in a["invisible"]]
    if n == 0:
        return {"paragraphs": [], "removed": extra}
    lines, idx, texts, toks = a["lines"], a["idx"], a["texts"], a["toks"]
    reason, soft, box, barrier, cls = a["reason"], a["soft"], a["box"], a["barrier"], a["cls"]
    lo, hi = a["lo"], a["hi"]
    paragraphs: list[str] = []
    removed: list[tuple[int, str, str]] = []
    seen_barrier = False
    for k in range(n):
        i = idx[k]
        line = lines[i].rstrip("\r")
        if barrier[k] and k > hi >= 0:
            seen_barrier = True
        r = reason[k]
        if r is None and box[k]:
            r = "teaser"
        if r is None and soft[k] is not None:
            r = soft[k]
        if r is None and lo <= k <= hi and cls[k] == SHORT and len(toks[k]) < 2:
            r = "short_line"
        if r is None:
            if lo <= k <= hi:
                paragraphs.append(texts[k])
                continue
            if hi < 0 or k < lo:
                r = "before_start"
            elif seen_barrier:
                r = "after_end_marker"
            else:
                r = "outside_body"
        removed.append((i, line, r))
    if extra:
        removed = sorted(removed + extra)
    return {"paragraphs": paragraphs, "removed": removed}
