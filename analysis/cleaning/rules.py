"""The cleaner's line rules: analysis/data/boilerplate.yaml (generic) and sites.yaml (outlet hints),
compiled once, and `line_rule`, the verdict of the first rule matching a line (part of `analysis.clean`)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_DATA = Path(__file__).resolve().parents[1] / "data"

WORD = re.compile(r"\w+", re.UNICODE)
# ASCII byte -> itself when `WORD` matches it (letters, digits, "_"), else a space; bytes 128-255
# (never produced by an ASCII encoding) -> a space
_WORD_BYTES = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def words_of(low: str) -> list[str]:
    """`WORD.findall(low)`, faster: when no non-ASCII character of `low` is a word character (curly
    quotes and dashes are not), every non-ASCII character is encoded as "?" and the words split
    off in C (a word character is `str.isalnum()` or "_", as `re` defines \\w)."""
    if not low.isascii() and any(map(str.isalnum, "".join(_NON_ASCII_RUN.findall(low)))):
        return WORD.findall(low)
    return low.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()
_DIGIT = re.compile(r"\d")
_DATE_SEP = re.compile(r"\d[:/.-]\d")
_TIME_TOKEN = re.compile(r"\d{1,4}|\d{1,2}(st|nd|rd|th)", re.IGNORECASE)


class SearchRule(NamedTuple):
    """One `search: true` rule of boilerplate.yaml, compiled."""

    regex: re.Pattern
    reason: str
    kind: str
    max_len: int               # tried only on lines of at most this many characters
    tail: int                  # searched only in the last `tail` characters (0: the whole line)
    require: frozenset         # lower-case substrings, one of which the line must hold (empty: none needed)
    ends_with: tuple = ()      # lower-case words, one of which must end the line (before a closing ")")


class Rules(NamedTuple):
    """boilerplate.yaml, compiled."""

    regex: re.Pattern          # every whole-line rule, one named group each
    meta: list                 # (reason, kind) of group r<i>
    search: list               # SearchRule, in file order
    date_words: frozenset      # words a date/time-only line may hold
    dated_line: re.Pattern     # a timestamp line that shows a date
    player: re.Pattern | None  # a video player's control texts (whole line) ...
    player_markers: tuple      # ... tested only on pages holding one of these substrings
    closing: tuple = ()        # (regex, reason) of the `closing_only` tail rules (closing_rule)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Compile boilerplate.yaml: whole-line regex, [(reason, kind)] by group, search rules, date words.

    Whole-line rules become one alternation (group r<i> = rule i); search rules stay separate as
    (regex, reason, kind, max_len, tail, required lower-case substrings) and are tried in file
    order after the whole-line ones.
    """
    import yaml

    with open(_DATA / "boilerplate.yaml", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml when built
    parts, meta, search, closing = [], [], [], []
    for rule in data["rules"]:
        if rule.get("closing_only"):
            if rule["kind"] != "tail" or not rule.get("search"):
                raise ValueError(f"{_DATA / 'boilerplate.yaml'}: closing_only rule {rule['name']} must be a tail search rule")
            closing.append((re.compile(rule["pattern"], re.IGNORECASE), rule["reason"], int(rule.get("max_len", 400))))
        elif rule.get("search"):
            req = rule.get("require") or ()
            search.append(SearchRule(re.compile(rule["pattern"], re.IGNORECASE), rule["reason"], rule["kind"],
                                     int(rule.get("max_len", 400)), int(rule.get("tail", 0)),
                                     frozenset(str(x).lower() for x in ([req] if isinstance(req, str) else req)),
                                     tuple(str(x).lower() for x in rule.get("ends_with") or ())))
        else:
            parts.append(f"(?P<r{len(meta)}>{rule['pattern']})")
            meta.append((rule["reason"], rule["kind"]))
    regex = re.compile("(?:" + "|".join(parts) + r")\Z", re.IGNORECASE)
    if not data.get("dated_line"):
        raise ValueError(f"{_DATA / 'boilerplate.yaml'}: missing 'dated_line'")
    player = data.get("media_player") or {}
    if player and not (player.get("pattern") and player.get("markers") and player.get("source")):
        raise ValueError(f"{_DATA / 'boilerplate.yaml'}: media_player needs pattern, markers and source")
    return Rules(regex, meta, search, frozenset(str(w).lower() for w in data.get("date_words", [])),
                 re.compile(data["dated_line"], re.IGNORECASE),
                 re.compile(f"(?:{player['pattern']})\\Z", re.IGNORECASE) if player else None,
                 tuple(str(m) for m in player.get("markers", ())), tuple(closing))


def closing_rule(text: str) -> str | None:
    """The reason of the first `closing_only` tail rule of boilerplate.yaml matching a line (tried
    only where a body ends: company boilerplate closing a press release), else None."""
    for rx, reason, max_len in load_rules().closing:
        if len(text) <= max_len and rx.search(text):
            return reason
    return None


def player_lines(texts: list[str], page: str) -> set[int]:
    """Positions of the `texts` that are a video player's control texts (boilerplate.yaml
    media_player), when the page (`page`, the whole text) holds one of its markers."""
    rules = load_rules()
    if rules.player is None or not any(marker in page for marker in rules.player_markers):
        return set()
    match = rules.player.match
    return {k for k, text in enumerate(texts) if len(text) <= 120 and match(text)}


@lru_cache(maxsize=1)
def load_sites() -> dict:
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
        out[norm_host(host)] = comp
    return out


class SearchBands(NamedTuple):
    """The search rules by line length: `rules[k]` are those (in file order) tried on a line of
    `limits[k - 1] + 1` to `limits[k]` characters, as (search, reason, kind, tail, require, ends_with)."""

    limits: list[int]          # the rules' distinct max_len, ascending
    rules: list[tuple]


@lru_cache(maxsize=1)
def search_bands() -> SearchBands:
    """`load_rules().search` grouped by the line lengths they apply to (a line longer than a rule's
    max_len skips it): a long line walks only the rules that may match it."""
    search = load_rules().search
    limits = sorted({rule.max_len for rule in search})
    return SearchBands(limits, [tuple((rule.regex.search, rule.reason, rule.kind, rule.tail, tuple(rule.require),
                                       rule.ends_with) for rule in search if rule.max_len >= limit)
                                for limit in limits])


@lru_cache(maxsize=65536)
def line_rule(s: str) -> tuple[str | None, str | None]:
    """(reason, kind) of the first boilerplate.yaml rule matching a stripped line, else (None, None).

    Cached for short lines: menus, share buttons and form labels recur across an outlet's pages.
    """
    rules = load_rules()
    regex, meta, date_words = rules.regex, rules.meta, rules.date_words
    n = len(s)
    if n <= 400:
        m = regex.match(s)
        if m:
            return meta[int(m.lastgroup[1:])]
    bands = search_bands()
    k = bisect_left(bands.limits, n)   # the rules whose max_len is at least n
    low = None
    for search, r, knd, tail, req, ends in bands.rules[k] if k < len(bands.limits) else ():
        if req:
            if low is None:
                low = s.lower()
            for x in req:          # substring tests run in C; most lines contain none
                if x in low:
                    break
            else:
                continue
        elif ends:
            if low is None:
                low = s.lower()
            end = low.rstrip()
            if not (end[:-1].rstrip() if end.endswith(")") else end).endswith(ends):
                continue
        if search(s, max(0, n - tail) if tail else 0):
            return r, knd
    if n <= 80 and _is_timestamp(s, date_words):
        return "timestamp", "drop"
    return None, None


def norm_host(host: str) -> str:
    host = str(host).strip().lower()
    host = re.sub(r"^[a-z]+://", "", host).split("/")[0]
    return host[4:] if host.startswith("www.") else host



def _is_timestamp(text: str, date_words: frozenset[str]) -> bool:
    """True when a line is only a date and/or time: digits with month/day names, am/pm, zones or
    time/date separators ("5:27 PM", "18 Nov 2019, 19:09", "11/20/2019"); a bare number is not."""
    if not _DIGIT.search(text) or len(text) > 80:
        return False
    has_word = False
    for tok in WORD.findall(text.lower()):
        if tok in date_words:
            has_word = True
        elif not _TIME_TOKEN.fullmatch(tok):
            return False
    return has_word or bool(_DATE_SEP.search(text))
