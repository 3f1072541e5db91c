"""The compiled frame lexicon and its matching: one regex for all terms of a lexicon (a trie, whole words,
case-insensitive, the longest term at each position), the fast paths that give the same matches, every match
with its sentence (`frame_matches`) and in context (`kwic`)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.frame_prefilter import (FEW_STRINGS, Body, paragraphs_with, prefix_strings, required_strings,
                                      split_body)
from analysis.framing.lexicon import CODING, IGNORE, LEXICON_PATH, load_lexicon
from analysis.inputs import ARTICLES, FRAME_MATCHES, takes
from analysis.resources import trie_regex, typed_frame
from analysis.text import sentence_table

_RE_WS = re.compile(r"\s+")


_WILD, _SPACE = "\\w*", "\\s+"
_WORD_END = "(?!\\w)"


def _atoms(term: str) -> list[str]:
    """Regex atoms of a plain term: letters escaped, `*` -> any word ending, space -> any white space."""
    atoms: list[str] = []
    for ch in term.lower().replace("\u2019", "'"):
        if ch == "*":
            atoms.append(_WILD)
        elif ch.isspace():
            if atoms and atoms[-1] == _SPACE:
                continue
            atoms.append(_SPACE)
        elif ch == "'":
            atoms.append("['\u2019]")
        else:
            atoms.append(re.escape(ch))
    return atoms


def _atom_order(atom: str) -> tuple:
    return (atom == _WILD, atom == _SPACE, atom)   # literals first, then space, then wildcard


def _trie_regex(terms: list[list[str]]) -> str:
    """One regex for many terms (lists of regex atoms): a trie, so the longest term wins and matching
    stays fast."""
    return trie_regex(terms, order=_atom_order)


class Lexicon:
    """A compiled frame lexicon: one regex for all terms and a resolver from matched text to frames."""

    def __init__(self, table: pd.DataFrame):
        self.table = table
        self.frames = [f for f in dict.fromkeys(table["frame"]) if f != IGNORE]
        questions = table["question"] if "question" in table else [""] * len(table)
        # (frame, lexicon term) -> the coding question it answers ("" when the lexicon names none)
        self.question_of = {(f, t): q for f, t, q in zip(table["frame"], table["term"], questions)}
        self.questions = {f: sorted({q for (g, _), q in self.question_of.items() if g == f and q})
                          for f in self.frames}
        plain, regexes = [], []
        self._patterns = []   # (frame, term, compiled full-match pattern, specificity)
        for frame, term in zip(table["frame"], table["term"]):
            if term.startswith("re:"):
                rx = term[3:]
                re.compile(rx)   # fail early with the term in the traceback
                regexes.append(rx)
                self._patterns.append((frame, term, re.compile(rx, re.IGNORECASE), 0))
            else:
                atoms = _atoms(term)
                plain.append(atoms)
                spec = len(term.replace("*", ""))
                self._patterns.append((frame, term, re.compile("".join(atoms), re.IGNORECASE), spec))
        parts = ([_trie_regex(plain)] if plain else []) + [f"(?:{r})" for r in regexes]
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        # Fast path (same matches): the plain terms as a case-sensitive regex over the lower-cased
        # paragraph, about twice as fast as IGNORECASE. Used only when the plain terms are ASCII, the
        # paragraph keeps its length when lower-cased and holds none of the few characters that
        # IGNORECASE folds onto an ASCII letter other than by lower-casing (dotless i, long s, ...),
        # and no `re:` term matches anywhere in the paragraph (else the full regex runs).
        ascii_terms = all(t.replace("\u2019", "'").isascii() for t in table["term"] if not t.startswith("re:"))
        self._fast = re.compile(r"(?<!\w)(?:" + parts[0] + r")(?!\w)") if plain and ascii_terms else None
        self._re_only = re.compile(r"(?<!\w)(?:" + "|".join(parts[1 if plain else 0:]) + r")(?!\w)",
                                   re.IGNORECASE) if regexes else None
        # Cheap necessary condition for `_re_only` (same matches): each `re:` term's required strings
        # (derived from its parsed form), searched as two literal tries, case-sensitive over the
        # paragraph and lower-case over the lower-cased paragraph; None: always search `_re_only`.
        self._need = None
        if regexes:
            reqs = [required_strings(r) for r in regexes]
            if None not in reqs:
                req = set().union(*reqs)
                cs = sorted(t for t, sens in req if sens)
                ci = sorted(t for t, sens in req if not sens)
                self._need = tuple(re.compile(_trie_regex([[re.escape(c) for c in t] for t in ts]))
                                   if ts else None for ts in (cs, ci))
                self._need_strings = (cs, ci)
        # strings holding no line break: searched once over a whole body (no hit spans two paragraphs)
        self._need_whole = self._need is not None and not any("\n" in p.pattern for p in self._need if p)
        # the plain terms' atoms for `_candidate_scan`, when none of them can match the empty string
        self._plain = plain if all(set(atoms) - {_WILD, _SPACE} for atoms in plain) else None
        # lower-cased strings one of which each `re:` term's match starts with (None: unknown for one)
        prefixes = [prefix_strings(r) for r in regexes]
        self._prefixes = tuple(sorted(set().union(*prefixes))) if None not in prefixes else None
        self._cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self._matches: dict[str, tuple] = {}
        # the patterns a match starting with a given ASCII letter or digit can fullmatch (a plain term
        # starts with its own first character; `re:` terms and other starts are always tried), in
        # lexicon order so that ties resolve as in a scan of the whole list
        def first(frame_term: tuple) -> str | None:
            term = frame_term[1]
            c = term[:1].lower()
            return c if not term.startswith("re:") and c.isascii() and c.isalnum() else None

        keys = {first(pt) for pt in self._patterns} - {None}
        self._by_first = {k: [pt for pt in self._patterns if first(pt) in (k, None)] for k in keys}
        self._always = [pt for pt in self._patterns if first(pt) is None]

    def re_terms_match(self, par: str, low: str) -> bool:
        """True when a `re:` term matches somewhere in paragraph `par` (`low`: its lower-cased text),
        tried only where one of the terms' required strings occurs."""
        if self._re_only is None:
            return False
        if self._need is not None:
            need_cs, need_ci = self._need
            if not ((need_cs is not None and need_cs.search(par))
                    or (need_ci is not None and need_ci.search(low))):
                return False
        return self._re_only.search(par) is not None

    def re_term_paragraphs(self, body: Body) -> set[int]:
        """The paragraphs of `body` that may take the fast path in which a `re:` term matches
        (`re_terms_match`); when the fast path suits every paragraph, the required strings are searched
        once over the whole body and only the paragraphs holding one are searched further."""
        if self._re_only is None:
            return set()
        if self._need is None or not self._need_whole:
            return {p for p, (par, low, ok) in enumerate(zip(body.paragraphs, body.lowered, body.fast_ok))
                    if ok and self.re_terms_match(par, low)}
        held: set[int] = set()
        for need, strings, joined, offsets in zip(self._need, self._need_strings,
                                                  (body.text, body.low_text),
                                                  (body.offsets, body.low_offsets)):
            if len(strings) <= FEW_STRINGS:   # a few strings: str.find is faster than a regex scan
                for s in strings:
                    held.update(paragraphs_with(joined, offsets, lambda pos, s=s: joined.find(s, pos)))
            else:
                held.update(paragraphs_with(joined, offsets,
                                             lambda pos, need=need: (hit.start() if (hit := need.search(joined, pos))
                                                                     else -1)))
        return {p for p in sorted(held) if body.fast_ok[p] and self._re_only.search(body.paragraphs[p])}

    def resolve(self, matched: str) -> tuple[tuple[str, str], ...]:
        """(frame, lexicon term) pairs for a matched string: each frame once, its most specific term;
        nothing when the string is an `ignore` idiom."""
        hit = self._cache.get(matched)
        if hit is None:
            best: dict[str, tuple[int, str]] = {}
            c = matched[:1]
            patterns = self._by_first.get(c.lower(), self._always) if c.isascii() and c.isalnum() \
                else self._patterns
            for frame, term, pat, spec in patterns:
                if pat.fullmatch(matched) and (frame not in best or spec > best[frame][0]):
                    best[frame] = (spec, term)
            hit = () if IGNORE in best else tuple((f, best[f][1]) for f in self.frames if f in best)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[matched] = hit
        return hit


def _for_coding(table: pd.DataFrame, coding: str | None) -> pd.DataFrame:
    """The rows of a lexicon table that coding `coding` reads (every row for None)."""
    if coding is None or "codings" not in table:
        return table
    return table[table["codings"].isin(("", coding))].reset_index(drop=True)


@lru_cache(maxsize=8)
def _compiled_from_path(path: str, mtime: float, coding: str | None = None) -> Lexicon:
    return Lexicon(_for_coding(load_lexicon(path), coding))


def compile_lexicon(lexicon=None, coding: str | None = None) -> Lexicon:
    """A compiled `Lexicon` (cached for files, per coding; pass an existing Lexicon through unchanged).
    `coding` (e.g. "nfc"): only the rows whose `codings` column is empty or names it; None: every row."""
    if isinstance(lexicon, Lexicon):
        return lexicon
    if lexicon is None or isinstance(lexicon, (str, Path)):
        path = Path(lexicon) if lexicon is not None else LEXICON_PATH
        return _compiled_from_path(str(path), path.stat().st_mtime, coding)
    return Lexicon(_for_coding(load_lexicon(lexicon), coding))


def article_matches(text: str, lex: Lexicon):
    """(paragraph, sentence, start, end, frame, term, lexicon_term) for each match in one body;
    the last few thousand results are kept per lexicon (frame_scores and frame_matches share them)."""
    return matches_of(text, (lex,))[0]


def matches_of(text: str, lexicons: tuple) -> tuple:
    """`article_matches` of each of several lexicons, found together (`_find_matches`)."""
    if not isinstance(text, str) or not text:
        return ((),) * len(lexicons)
    hits = [lex._matches.get(text) for lex in lexicons]
    if any(hit is None for hit in hits):
        hits = [tuple(rows) for rows in _find_matches(text, lexicons)]
        for lex, hit in zip(lexicons, hits):
            if len(lex._matches) >= 2048:
                lex._matches.clear()
            lex._matches[text] = hit
    return tuple(hits)


@lru_cache(maxsize=8)
def _candidate_scan(lexicons: tuple):
    """A regex whose match starts, over " " + a lower-cased body, are the positions where a plain term of
    any of `lexicons` matches (a white-space or other non-word character, then a look-ahead of the
    trie of all their plain terms); None when a lexicon has no fast path."""
    if any(lex._fast is None or lex._plain is None for lex in lexicons):
        return None
    # one trie: each plain term followed by its word end, and the prefixes where the `re:` terms of a
    # lexicon with known prefixes can start (a position is a candidate when any path matches)
    sequences = [[*atoms, _WORD_END] for lex in lexicons for atoms in lex._plain]
    sequences += [[re.escape(c) for c in s] for s in sorted({s for lex in lexicons for s in lex._prefixes or ()})]
    return re.compile(r"\W(?=" + _trie_regex(sequences) + ")")


def _find_matches(text: str, lexicons: tuple) -> list[list[tuple]]:
    """Each lexicon's matches in one body, paragraph by paragraph: where its `re:` terms cannot match, its
    case-sensitive regex of the plain terms over the lower-cased paragraph (`Lexicon._fast`), else its full
    regex; leftmost matches, the longest term at each, not overlapping (`re.finditer`). With several
    lexicons, one scan (`_candidate_scan`) finds the positions where a plain term of any of them matches;
    each lexicon's fast regex is then tried only there, in order, from the end of its previous match and
    up to its paragraph's end: what its own scan finds, for the cost of about one scan instead of one per
    lexicon."""
    body = split_body(text)
    starts = [s for _, s, _ in sentence_table(text)]
    scan = _candidate_scan(lexicons) if all(lex._fast is not None for lex in lexicons) else None
    # paragraphs where a `re:` term matches (the full regex runs there), unless the candidates cover them
    slow = [set() if scan is not None and lex._prefixes is not None else lex.re_term_paragraphs(body)
            for lex in lexicons]
    if scan is not None:
        low = body.low_text
        cands = [m.start() for m in scan.finditer(" " + low)]
        spans = [_candidate_spans(lex, body, slow_pars, low, cands) for lex, slow_pars in zip(lexicons, slow)]
    else:
        spans = [_paragraph_spans(lex, body, slow_pars) for lex, slow_pars in zip(lexicons, slow)]
    out: list[list[tuple]] = [[] for _ in lexicons]
    for lex, lex_spans, rows in zip(lexicons, spans, out):
        for p, ms, me in lex_spans:
            par, offset = body.paragraphs[p], body.offsets[p]
            matched = par[ms:me]
            i = bisect.bisect_right(starts, offset + ms) - 1
            for frame, lterm in lex.resolve(matched):
                rows.append((p, max(i, 0), ms, me, frame, matched, lterm))
    return out


def _paragraph_spans(lex: Lexicon, body: Body, slow_pars: set) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each match: each paragraph scanned by the fast or the full regex."""
    out = []
    for p, (par, low, ok) in enumerate(zip(body.paragraphs, body.lowered, body.fast_ok)):
        found = lex.regex.finditer(par) if not ok or lex._fast is None or p in slow_pars else lex._fast.finditer(low)
        out += [(p, m.start(), m.end()) for m in found]
    return out


def _candidate_spans(lex: Lexicon, body: Body, slow_pars: set, low: str, cands: list[int]):
    """`_paragraph_spans` from the candidate positions `cands` in `low` (the lower-cased paragraphs joined):
    the fast regex tried at each candidate past the previous match, up to the paragraph's end (`endpos`:
    the look-ahead at the end sees what it sees at the end of the paragraph alone); the full regex scans
    the paragraphs where a `re:` term matches or the fast path cannot run."""
    fast, offsets, lowered = lex._fast, body.low_offsets, body.lowered
    # `re:` terms with known prefixes: tried where the plain terms do not match and a prefix starts (the
    # full regex tries the plain terms first, then the `re:` terms, at each position)
    re_only, prefixes = (lex._re_only, lex._prefixes) if lex._prefixes else (None, ())
    full = slow_pars | {p for p, ok in enumerate(body.fast_ok) if not ok} if False in body.fast_ok else slow_pars
    out = []
    end = p = 0
    stop, last = len(lowered[0]), len(offsets) - 1
    for c in cands:
        if c < end:
            continue
        while c >= stop and p < last:
            p += 1
            stop = offsets[p] + len(lowered[p])
        offset = offsets[p]
        if c < offset or c >= stop or p in full:
            continue
        m = fast.match(low, c, stop)
        if m is not None:
            end = m.end()
            out.append((p, c - offset, end - offset))
        elif re_only is not None and low.startswith(prefixes, c):
            m = re_only.match(body.paragraphs[p], c - offset)   # the paragraph alone: its ^, $ and look-arounds
            if m is not None:
                end = offset + m.end()
                out.append((p, m.start(), m.end()))
    if full:   # in paragraph order, each paragraph's matches in text order
        for q in full:
            out += [(q, m.start(), m.end()) for m in lex.regex.finditer(body.paragraphs[q])]
        out.sort()
    return out


MATCH_COLUMNS = ["article_id", "paragraph", "sentence", "start", "end", "frame", "term", "lexicon_term",
                 "question"]


@takes(ARTICLES)
def frame_matches(articles: pd.DataFrame, lexicon=None, coding: str = CODING) -> pd.DataFrame:
    """Every lexicon match: article_id, paragraph, sentence (0-based in the article), start, end
    (character offsets into the paragraph), frame, term (as it stands in the text), lexicon_term,
    question (the coding question the term answers, e.g. `E2`; "" when the lexicon names none).
    A term listed under several frames gives one row per frame; `coding`: the lexicon rows it reads."""
    lex = compile_lexicon(lexicon, coding)
    question_of = lex.question_of
    rows = [(aid, *m, question_of.get((m[4], m[6]), "")) for aid, text in zip(articles["article_id"], articles["text"])
            for m in article_matches(text, lex)]
    return typed_frame(rows, MATCH_COLUMNS, dict.fromkeys(("paragraph", "sentence", "start", "end"), "int64"))


@takes(FRAME_MATCHES, articles=ARTICLES)
def kwic(matches: pd.DataFrame, articles: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """Keyword in context: each match with `width` characters of its paragraph on either side
    (columns article_id, paragraph, sentence, frame, left, term, right)."""
    paragraphs = {aid: (t.split("\n\n") if isinstance(t, str) else [])
                  for aid, t in zip(articles["article_id"], articles["text"])}
    rows = []
    for aid, p, s, start, end, frame, term in zip(matches["article_id"], matches["paragraph"],
                                                  matches["sentence"], matches["start"], matches["end"],
                                                  matches["frame"], matches["term"]):
        pars = paragraphs.get(aid, [])
        par = pars[p] if p < len(pars) else ""
        left = _RE_WS.sub(" ", par[max(0, start - width):start])
        right = _RE_WS.sub(" ", par[end:end + width])
        rows.append((aid, p, s, frame, left, term, right))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "sentence", "frame", "left", "term", "right"])
