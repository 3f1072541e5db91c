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
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import NamedTuple

_DATA = Path(__file__).parent / "data"

# ---------------------------------------------------------------------------------------------
# Data files (loaded once, lazily)
# ---------------------------------------------------------------------------------------------


class Rules(NamedTuple):
    """boilerplate.yaml, compiled."""

    regex: re.Pattern          # every whole-line rule, one named group each
    meta: list                 # (reason, kind) of group r<i>
    search: list               # (regex, reason, kind, max_len, tail, required substrings)
    date_words: frozenset      # words a date/time-only line may hold
    dated_line: re.Pattern     # a timestamp line that shows a date


@lru_cache(maxsize=1)
def _rules() -> Rules:
    """Compile boilerplate.yaml: whole-line regex, [(reason, kind)] by group, search rules, date words.

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
    if not data.get("dated_line"):
        raise ValueError(f"{_DATA / 'boilerplate.yaml'}: missing 'dated_line'")
    return Rules(regex, meta, search, frozenset(str(w).lower() for w in data.get("date_words", [])),
                 re.compile(data["dated_line"], re.IGNORECASE))


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
def line_rule(s: str) -> tuple[str | None, str | None]:
    """(reason, kind) of the first boilerplate.yaml rule matching a stripped line, else (None, None).

    Cached for short lines: menus, share buttons and form labels recur across an outlet's pages.
    """
    rules = _rules()
    regex, meta, search_rules, date_words = rules.regex, rules.meta, rules.search, rules.date_words
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
_DATE_SEP = re.compile(r"\d[:/.-]\d")
_TIME_TOKEN = re.compile(r"\d{1,4}|\d{1,2}(st|nd|rd|th)", re.IGNORECASE)

GOOD, NEAR, SHORT = "good", "near", "short"


class ProseBar(NamedTuple):
    """The least a line needs to be in a prose class."""

    chars: int          # characters
    words: int          # words (CJK: about 2 characters a word)
    stop_share: float   # share of the words on the page's stop list
    terminal: bool      # must end like a sentence


# first bar a line clears gives its class; a line clearing none is SHORT
_PROSE_BARS = ((ProseBar(70, 10, 0.2, True), GOOD),
               (ProseBar(30, 5, 0.15, True), NEAR),
               (ProseBar(100, 15, 0.2, False), NEAR))   # a long unpunctuated paragraph
HARD_END_MIN = 200.0     # a run scoring this much (about 200 characters of prose) is an article
# Line weights for the best-run search (prose lines weigh their length in characters)
W_RULE = -40.0           # a line removed by a rule (menu item, share button, ...)
W_ISOLATED_SHORT = -5.0  # a short line standing alone between blank lines (sub-heading?)
W_LIST_ITEM = -2.0       # an item of a list introduced by a line ending in ":"
W_NEAR_PER_CHAR = 0.5    # a NEAR line weighs half its length
W_TEASER_PER_CHAR = -0.3     # a teaser card's line, per character
W_SHORT_RUN = -15.0          # a short line among short lines (menus, link lists) ...
W_SHORT_RUN_PER_CHAR = -0.2  # ... and per character
AFTER_END_DISCOUNT = 0.4  # weight of a run that starts after an end marker closing an article
POSITION_DECAY = 0.2     # later runs are discounted by this share of their relative position
# Thresholds of the line passes
RULE_CACHE_MAX_CHARS = 160   # line_rule results are cached for lines up to this length
MARKER_MAX_CHARS = 100       # a longer line matching an end-marker rule is a sentence, not a marker
STOPLIST_SAMPLE = 4000       # words of the page that choose its stop list
CODE_MIN_CHARS = 40          # a line this long ...
CODE_SYMBOL_SHARE = 0.06     # ... with more than this share of code symbols is code or markup
DUP_PREFIX = 40              # characters compared to find a blob of run-together paragraphs
DUP_MIN_CHARS = 100          # a NEAR line repeated later is a duplicate from this length on
BLOB_MIN_CHARS = 400         # a line over twice as long as another with its first 40 characters
REPEATED_MAX_PROSE_SHARE = 0.5   # repeated lines stay when they hold more of the page's prose
CARD_HEAD_MAX_WORDS = 20     # headline of a card in a block of teaser cards
HEADLINE_MAX_WORDS = 25      # a teaser's headline
SNIPPET_MIN_WORDS = 8        # a teaser's snippet
CREDIT_MAX_WORDS = 8         # a photo credit under its caption
CAPTION_MIN_WORDS = 4        # a photo caption above its credit
READ_MORE_MAX_CHARS = 20     # a "Read more" button under a snippet
CUT_SNIPPET_MIN_CHARS = 150  # a line ending in " …" this long is a cut snippet
RESUME_LOOKAHEAD = 80        # lines after an end marker searched for resumed prose
RESUME_MAX_SHORT = 15        # non-prose lines after the marker before giving up
RESUME_LINES = 3             # prose lines in a row that show the article resumed
PROSE_BEFORE_LOOKBACK = 12   # lines before an end marker searched for the running article
LIST_MAX_ITEMS = 80          # items of one list introduced by a line ending in ":"
STANDFIRST_MAX_LINES = 8     # lines at the run's start searched for a byline under a standfirst


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


# ---------------------------------------------------------------------------------------------
# Per-line records and the passes over them
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """One non-blank line of a dump and what the cleaning passes decided about it."""

    index: int                      # position among the page's non-blank lines
    number: int                     # 0-based line number in the dump
    text: str                       # the line without surrounding white space
    block: int                      # id of its group of consecutive non-blank lines
    nchar: int                      # len(text)
    terminal: bool                  # ends like a sentence (or a quotation)
    cut_off: bool                   # ends in an ellipsis
    reason: str | None = None       # removal reason fixed by a rule
    end: bool = False               # end marker (the article may resume after it)
    hard: bool = False              # hard end marker (comments, page footer)
    repeated: bool = False          # found on many pages of the outlet
    tail_reason: str | None = None  # a rule that applies only where the body ends (author bio)
    toks: list = field(default_factory=list)   # lower-case words (lines no rule removed)
    cls: str = SHORT                # prose class: GOOD, NEAR or SHORT
    soft: str | None = None         # removal decided by layout (teaser, caption)
    box: bool = False               # inside an in-body box (between an end marker and resumed prose)
    barrier: bool = False           # an end marker that splits the page
    run_short: bool = False         # a short line among short lines (menu, link list)
    list_item: bool = False         # an item of a list introduced by a line ending in ":"
    weight: float = 0.0             # weight in the best-run search


@dataclass(slots=True)
class Analysis:
    """What `_analyse` found: the dump's lines, its non-blank `records` and the body run lo..hi
    (indices into records; hi = -1 when the page has no body)."""

    lines: list[str]
    invisible: list[int]            # line numbers holding only zero-width characters
    records: list[Line]
    lo: int = -1
    hi: int = -1


def _split_lines(lines: list[str]) -> tuple[list[Line], list[int]]:
    """Non-blank lines as records grouped by blank lines; lines of zero-width characters only
    (returned by number) act as blank."""
    records: list[Line] = []
    invisible: list[int] = []
    block, prev_blank = 0, True
    for number, line in enumerate(lines):
        text = line.strip()
        if not text or not text.strip(_INVISIBLE):
            if text:
                invisible.append(number)
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        prev_blank = False
        records.append(Line(len(records), number, text, block, len(text), _terminal(text),
                            text.endswith(_CUT_ENDS)))
    return records, invisible


def _apply_line_rules(records: list[Line], skip: dict, repeated: frozenset, site_rules) -> None:
    """Metadata lines (`skip`), boilerplate.yaml rules, outlet hints and repeated lines."""
    for line in records:
        if line.number in skip:
            line.reason = str(skip[line.number])
            continue
        text = line.text
        reason, kind = line_rule(text) if line.nchar <= RULE_CACHE_MAX_CHARS else line_rule.__wrapped__(text)
        if kind == "tail":
            line.tail_reason, reason, kind = reason, None, None
        if kind is not None and kind != "drop":
            if line.nchar > MARKER_MAX_CHARS or (kind == "end" and _SENTENCE_END.search(text)):
                reason = None      # a sentence, not a section marker
            else:
                line.end = True
                line.hard = kind == "hard_end"
        line.reason = reason
        if site_rules and reason is None:
            if site_rules["drop"] is not None and site_rules["drop"].match(text):
                line.reason = "site_rule"
            elif site_rules["end"] is not None and site_rules["end"].match(text):
                line.reason, line.end = "after_end_marker", True
        if repeated and line.reason is None and _normalise(text) in repeated:
            line.repeated = True


def _prose_class(nchar: int, n_words: int, stop_share: float, terminal: bool) -> str:
    for bar, cls in _PROSE_BARS:
        if nchar >= bar.chars and n_words >= bar.words and stop_share >= bar.stop_share \
                and (terminal or not bar.terminal):
            return cls
    return SHORT


def _classify_prose(records: list[Line]) -> None:
    """Prose class of the lines no rule removed (words and stop words only for those lines);
    lines of program code or markup are removed."""
    for line in records:
        if line.reason is None:
            line.toks = _WORD.findall(line.text.lower())
    # English stop words per line, counted once: they choose the page's stop list and, for an
    # English page (most pages), give each line's stop-word density too
    english = _english_stoplist()
    e_hits = [sum(map(english.__contains__, line.toks)) if line.toks else 0 for line in records]
    words = [w for line in records for w in line.toks]
    if len(words) <= STOPLIST_SAMPLE:
        sample_hits = sum(e_hits)
    else:
        sample_hits = sum(map(english.__contains__, words[:STOPLIST_SAMPLE]))
    stop = _pick_stoplist(words, sample_hits)
    same = stop is english
    for line, hits in zip(records, e_hits):
        if line.reason is not None:
            continue
        text, toks, nchar = line.text, line.toks, line.nchar
        n_words = len(toks)
        cjk = len(_CJK.findall(text)) if n_words and nchar > 2 * n_words * 4 else 0
        if cjk:
            n_words = max(n_words, cjk // 2)   # CJK text has no spaces: about 2 characters a word
        if stop and toks and not cjk:
            stop_share = (hits if same else sum(map(stop.__contains__, toks))) / len(toks)
        else:
            stop_share = 0.3 if n_words else 0.0
        if nchar >= CODE_MIN_CHARS and len(_SYMBOLS.findall(text)) > CODE_SYMBOL_SHARE * nchar:
            line.reason = "code"        # program code, markup or binary junk, not prose
            continue
        line.cls = _prose_class(nchar, n_words, stop_share, line.terminal and not line.cut_off)


def _mark_duplicates(records: list[Line]) -> None:
    """A later exact copy of a prose line, or one line holding many paragraphs of the page run
    together (structured-data blobs copied along with the page)."""
    first_seen: dict[str, int] = {}
    short_by_prefix: dict[str, int] = {}
    for line in records:
        if line.nchar >= DUP_PREFIX:
            key = line.text[:DUP_PREFIX]
            if line.nchar < short_by_prefix.get(key, 10**9):
                short_by_prefix[key] = line.nchar
    for line in records:
        if line.reason is not None or line.cls == SHORT:
            continue
        # a short repeated line (an interview's recurring question) may be legitimate
        if line.text in first_seen and (line.cls == GOOD or line.nchar >= DUP_MIN_CHARS):
            line.reason = "duplicate"
            continue
        first_seen[line.text] = line.index
        if line.nchar >= BLOB_MIN_CHARS and short_by_prefix.get(line.text[:DUP_PREFIX], 10**9) * 2 < line.nchar:
            line.reason = "duplicate"


def _drop_repeated(records: list[Line]) -> None:
    """Lines repeated across the outlet's pages go, unless they would take most of the prose."""
    if not any(line.repeated for line in records):
        return
    prose = sum(line.nchar for line in records if line.cls == GOOD and line.reason is None)
    repeated_prose = sum(line.nchar for line in records if line.cls == GOOD and line.repeated)
    if repeated_prose <= REPEATED_MAX_PROSE_SHARE * prose:
        for line in records:
            if line.repeated:
                line.reason = "repeated_across_pages"


def _group_blocks(records: list[Line]) -> dict[int, list[Line]]:
    groups: dict[int, list[Line]] = {}
    for line in records:
        groups.setdefault(line.block, []).append(line)
    return groups


def _is_blank_separated(records: list[Line], groups: dict[int, list[Line]]) -> bool:
    """True when most prose lines stand alone between blank lines (paragraphs a blank line apart)."""
    isolated_good = sum(1 for g in groups.values() if len(g) == 1 and g[0].cls == GOOD)
    all_good = sum(1 for line in records if line.cls == GOOD)
    return all_good > 0 and isolated_good >= 0.5 * all_good


def _is_card_block(group: list[Line]) -> bool:
    """A block of teaser cards: headline, snippet, headline, snippet, ... without blank lines."""
    heads = [not line.terminal and len(line.toks) <= CARD_HEAD_MAX_WORDS for line in group]
    return all(heads[x] != heads[x + 1] for x in range(len(group) - 1)) and \
        all(line.cls != SHORT for line, head in zip(group, heads) if not head)


def _mark_pair(group: list[Line], x: int, blank_separated: bool) -> None:
    """Teaser card or photo caption from the lines group[x] (headline/caption) and group[x+1]."""
    head, snip = group[x], group[x + 1]
    if head.reason is not None or snip.reason is not None:
        return
    if head.text == snip.text and len(head.toks) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(head.text):
        # a card repeating its headline (image alt text + link), then its snippet
        head.soft = snip.soft = "teaser"
        if x + 2 < len(group) and group[x + 2].reason is None and group[x + 2].cls != SHORT:
            group[x + 2].soft = "teaser"
        return
    pair = blank_separated and len(group) == 2
    head_like = len(head.toks) <= HEADLINE_MAX_WORDS and not head.terminal or head.text.endswith("?")
    if head_like and len(snip.toks) >= SNIPPET_MIN_WORDS and (snip.cut_off or (pair and not snip.terminal)):
        head.soft = snip.soft = "teaser"
    elif (pair and len(snip.toks) <= CREDIT_MAX_WORDS and not snip.terminal and snip.cls != GOOD
          and len(head.toks) >= CAPTION_MIN_WORDS and head.soft is None and _credit_like(snip.text)):
        head.soft = snip.soft = "caption"


def _mark_cards_and_captions(groups: dict[int, list[Line]], blank_separated: bool) -> None:
    """Teaser cards (headline + cut-off snippet) and photo captions (caption + credit) found from
    the grouping of lines between blank lines."""
    for group in groups.values():
        if len(group) < 2:
            continue
        if blank_separated and len(group) >= 4 and _is_card_block(group):
            for line in group:
                if line.reason is None:
                    line.soft = "teaser"
            continue
        for x in range(len(group) - 1):
            _mark_pair(group, x, blank_separated)


def _mark_read_more(records: list[Line]) -> None:
    """A "Read more" button under a snippet cut mid-sentence: snippet and headline are a teaser."""
    for k in range(1, len(records)):
        button, snippet = records[k], records[k - 1]
        if button.reason == "teaser" and button.nchar <= READ_MORE_MAX_CHARS and snippet.reason is None \
                and snippet.cls != GOOD and len(snippet.toks) >= SNIPPET_MIN_WORDS and not snippet.terminal:
            snippet.soft = "teaser"
            if k >= 2:
                head = records[k - 2]
                if head.reason is None and len(head.toks) <= HEADLINE_MAX_WORDS \
                        and not _SENTENCE_END.search(head.text):
                    head.soft = "teaser"


def _mark_cut_snippets(records: list[Line]) -> None:
    """A lone snippet cut off: ellipsis glued to the last word, or a long line ending in " …"
    (a short line ending in " …" is usually the writer's own suspense)."""
    for line in records:
        if line.reason is None and line.soft is None and line.cls != GOOD and line.cut_off \
                and (_CUT_MID.search(line.text) or line.nchar >= CUT_SNIPPET_MIN_CHARS) \
                and len(line.toks) >= SNIPPET_MIN_WORDS:
            line.soft = "teaser"


def _clean_prose(line: Line) -> bool:
    return line.cls == GOOD and line.reason is None and line.soft is None


def _prose_resumes(records: list[Line], k: int) -> bool:
    """3 prose lines in a row soon after the end marker at k (a list of teaser cards alternates
    headline, author and snippet lines instead)."""
    n = len(records)
    j, short_run, resumed = k + 1, 0, 0
    while j < n and j < k + RESUME_LOOKAHEAD and short_run <= RESUME_MAX_SHORT:
        line = records[j]
        if line.end and (line.hard or resumed):
            break
        if _clean_prose(line) and not line.end:
            resumed += 1
            if resumed >= RESUME_LINES:
                break
        elif resumed == 0:
            short_run += 1
        else:
            resumed = 0
            short_run += 1
        j += 1
    return resumed >= RESUME_LINES


def _prose_before(records: list[Line], k: int) -> bool:
    """The article was running just before the marker at k: prose among the previous three
    lines that no rule removed."""
    before, j = 0, k - 1
    while j >= 0 and before < 3 and j > k - PROSE_BEFORE_LOOKBACK:
        line = records[j]
        if line.end:
            j -= 1
            continue
        if line.reason is None and line.soft is None:
            if line.cls != SHORT:
                break
            before += 1
        j -= 1
    return j >= 0 and j > k - PROSE_BEFORE_LOOKBACK and before < 3 and not records[j].end \
        and records[j].cls != SHORT


def _place_barriers(records: list[Line]) -> None:
    """End markers: a barrier unless the article's prose resumes right after the marker; then
    the marker and the non-prose lines up to the resumed prose are an in-body box."""
    n = len(records)
    for k, line in enumerate(records):
        if not line.end:
            continue
        if line.hard:
            line.barrier = True
            continue
        if _prose_resumes(records, k) and _prose_before(records, k):
            j = k + 1
            while j < n and not _clean_prose(records[j]):
                records[j].box = True
                j += 1
        else:
            line.barrier = True


def _mark_lists(records: list[Line], groups: dict[int, list[Line]]) -> None:
    """Short lines inside a run of short lines (menus, link lists) weigh more than a lone short
    line between paragraphs (a sub-heading or list item); a list introduced by a line ending in
    ":" (tour dates, steps): the lines of the group that follows it are list items, not a menu."""
    for group in groups.values():
        if len(group) >= 3 and sum(line.cls == SHORT for line in group) * 2 > len(group):
            for line in group:
                line.run_short = True
    for k in range(len(records) - 1):
        intro = records[k]
        if intro.reason is None and intro.text.endswith(":") and len(intro.toks) >= 3:
            items = [line for line in groups[intro.block] if line.index > k]
            if not items and records[k + 1].block == intro.block + 1:
                items = groups.get(intro.block + 1, [])
            for line in items[:LIST_MAX_ITEMS]:
                if line.reason is not None or line.end:
                    break
                line.list_item = True
                line.run_short = False


def _weigh(records: list[Line], blank_separated: bool) -> None:
    """Line weights for the best-run search (prose lines weigh their length in characters)."""
    for line in records:
        if line.barrier:
            continue
        if line.list_item and line.cls == SHORT and line.soft is None:
            line.weight = W_LIST_ITEM
        elif line.reason is not None or line.box or line.end:
            line.weight = W_RULE
        elif line.soft is not None:
            line.weight = W_TEASER_PER_CHAR * line.nchar if line.soft == "teaser" else W_ISOLATED_SHORT
        elif line.cls == GOOD:
            line.weight = float(line.nchar)
        elif line.cls == NEAR:
            line.weight = W_NEAR_PER_CHAR * line.nchar
        elif line.run_short or not blank_separated:
            line.weight = W_SHORT_RUN + W_SHORT_RUN_PER_CHAR * line.nchar
        else:
            line.weight = W_ISOLATED_SHORT


def _best_run(records: list[Line]) -> tuple[int, int]:
    """(lo, hi) of the maximum-sum contiguous run of line weights, runs split at barriers.

    Once a hard end marker (comments, footer) follows a real article run, nothing after it can be
    the body; a run after an end marker that follows a real article run is discounted
    (AFTER_END_DISCOUNT); later runs lose POSITION_DECAY of their relative position."""
    n = len(records)
    seg_best: list[tuple[float, int, int]] = []
    cur, start, best_here = 0.0, 0, (0.0, -1, -1)
    factor = 1.0
    for k in range(n + 1):
        if k == n or records[k].barrier:
            if best_here[1] >= 0:
                seg_best.append((best_here[0] * factor, best_here[1], best_here[2]))
            if any(x[0] >= HARD_END_MIN for x in seg_best):
                factor = AFTER_END_DISCOUNT
            if k < n and records[k].hard and any(x[0] >= HARD_END_MIN for x in seg_best):
                break
            cur, start, best_here = 0.0, k + 1, (0.0, -1, -1)
            continue
        if cur <= 0:
            cur, start = 0.0, k
        cur += records[k].weight
        if cur > best_here[0]:
            best_here = (cur, start, k)
    best = (0.0, -1, -1)
    for score, lo, hi in seg_best:
        adjusted = score * (1.0 - POSITION_DECAY * lo / n)
        if adjusted > best[0]:
            best = (adjusted, lo, hi)
    return best[1], best[2]


def _skip_standfirst(records: list[Line], lo: int, hi: int) -> int:
    """A standfirst above the byline: when a byline or dated line (not a bare "10 p.m." of a live
    blog) follows the run's first one or two lines, the body starts after it."""
    seen, k = 0, lo
    while k <= hi and seen <= 2 and k < lo + STANDFIRST_MAX_LINES:
        line = records[k]
        if seen and (line.reason == "byline"
                     or (line.reason == "timestamp" and _rules().dated_line.search(line.text))):
            return k + 1
        if line.reason is None and line.soft is None and line.cls != SHORT:
            seen += 1
        k += 1
    return lo


def _mark_closing_tail(records: list[Line], lo: int, hi: int) -> None:
    """Author bio / "X contributed to this report" lines closing the body."""
    k = hi
    while k >= lo:
        line = records[k]
        if line.reason is not None or line.soft is not None or line.box or line.cls == SHORT:
            k -= 1
            continue
        if line.tail_reason is None:
            break
        line.reason = line.tail_reason
        k -= 1


def _extend_closing_list(records: list[Line], hi: int) -> int:
    """A list that closes the article: its introducing line and items follow the best run."""
    n = len(records)
    j = hi + 1
    if j < n and not records[j].list_item and records[j].reason is None and records[j].soft is None and \
            records[j].text.endswith(":") and j + 1 < n and records[j + 1].list_item:
        j += 1
    if j > hi + 1 or (j < n and records[j].list_item):
        while j < n and records[j].list_item and not records[j].barrier:
            j += 1
        hi = j - 1
    return hi


def _analyse(raw: str, skip: dict, repeated: frozenset, site: str | None) -> Analysis:
    """The cleaning passes over a dump's lines, in order (kept separate so it can be inspected)."""
    site_rules = _sites().get(_norm_host(site)) if site else None
    lines = raw.split("\n")
    records, invisible = _split_lines(lines)
    result = Analysis(lines, invisible, records)
    if not records:
        return result
    _apply_line_rules(records, skip or {}, repeated, site_rules)
    _classify_prose(records)
    _mark_duplicates(records)
    _drop_repeated(records)
    groups = _group_blocks(records)
    blank_separated = _is_blank_separated(records, groups)
    _mark_cards_and_captions(groups, blank_separated)
    _mark_read_more(records)
    _mark_cut_snippets(records)
    _place_barriers(records)
    _mark_lists(records, groups)
    _weigh(records, blank_separated)
    lo, hi = _best_run(records)
    if hi >= 0:
        lo = _skip_standfirst(records, lo, hi)
        _mark_closing_tail(records, lo, hi)
        hi = _extend_closing_list(records, hi)
    result.lo, result.hi = lo, hi
    return result


def _final_reason(line: Line, in_run: bool) -> str | None:
    """The reason a line is removed, from rules and layout (None: body, or outside the run)."""
    if line.reason is not None:
        return line.reason
    if line.box:
        return "teaser"
    if line.soft is not None:
        return line.soft
    if in_run and line.cls == SHORT and len(line.toks) < 2:
        return "short_line"
    return None


def _rule_reasons(analysis: Analysis) -> list[str | None]:
    """Per record, the rules' verdict: None for a body line, else the reason it is removed."""
    lo, hi = analysis.lo, analysis.hi
    reasons: list[str | None] = []
    seen_barrier = False
    for line in analysis.records:
        k = line.index
        if line.barrier and k > hi >= 0:
            seen_barrier = True
        in_run = lo <= k <= hi
        reason = _final_reason(line, in_run)
        if reason is None and not in_run:
            if hi < 0 or k < lo:
                reason = "before_start"
            elif seen_barrier:
                reason = "after_end_marker"
            else:
                reason = "outside_body"
        reasons.append(reason)
    return reasons


def clean_dump(raw: str, *, skip: dict[int, str] | None = None,
               repeated: frozenset[str] = frozenset(), site: str | None = None,
               revise=None) -> dict:
    """Split a page dump into body paragraphs and removed lines.

    Returns {"paragraphs": [line, ...], "removed": [(line_number, line, reason), ...]}: the body's
    lines in order (stripped of surrounding white space, otherwise unchanged) and every other
    non-blank line of `raw` (0-based line number, line as in `raw`, short rule name). Lines in
    `skip` (line number -> reason, e.g. title/byline/caption found by metadata.py) are removed with
    that reason; lines whose normalised form is in `repeated` are removed as
    `repeated_across_pages` (unless that would remove most of the body). `site` (host or outlet
    name) selects extra hints from analysis/data/sites.yaml. `revise(records, reasons) -> reasons`
    may overrule the rules' verdicts (None = body), e.g. `analysis.lineclass.second_opinion`.
    Never raises on bad input: empty, missing or non-text input gives no paragraphs; a dump
    without prose gives no paragraphs and every line in `removed` (the loader reports such pages).
    """
    if not isinstance(raw, str):
        raw = "" if raw is None or (isinstance(raw, float) and raw != raw) else str(raw)
    if skip:
        skip = {int(k): v for k, v in dict(skip).items() if str(k).lstrip("-").isdigit()}
    analysis = _analyse(raw, skip or {}, frozenset(repeated) if repeated else frozenset(), site)
    lines = analysis.lines
    extra = [(i, lines[i].rstrip("\r"), "invisible") for i in analysis.invisible]
    if not analysis.records:
        return {"paragraphs": [], "removed": extra}
    reasons = _rule_reasons(analysis)
    if revise is not None:
        reasons = revise(analysis.records, reasons)
    paragraphs: list[str] = []
    removed: list[tuple[int, str, str]] = []
    for line, reason in zip(analysis.records, reasons):
        if reason is None:
            paragraphs.append(line.text)
        else:
            removed.append((line.number, lines[line.number].rstrip("\r"), reason))
    if extra:
        removed = sorted(removed + extra)
    return {"paragraphs": paragraphs, "removed": removed}
