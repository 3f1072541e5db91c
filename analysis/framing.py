"""Dictionary-based news frames, with every match kept as evidence (tone: `analysis.tone`).

Frames: the five generic news frames of Semetko & Valkenburg (2000) (conflict, human_interest,
economic, morality, responsibility), three frames for conflict reporting (military_security,
diplomacy, humanitarian) and four language indicators of war/peace journalism after Lee & Maslog
(2005). The lexicon is `analysis/data/frames.csv` (one term a row: frame, term, source; frame
descriptions in `framing_frames.csv`); pass `lexicon=` (a CSV/YAML path or a DataFrame) to use your
own. The whole lexicon is matched with one compiled regular expression (a trie of the terms, whole
words, case-insensitive, the longest term wins at each position).

- `frame_matches(articles)`: one row per match (article_id, paragraph, sentence, start, end, frame,
  term as it stands in the text, lexicon_term).
- `frame_scores(articles)`: one row per article and frame (matches, distinct terms, per 1,000 words,
  present); `by="paragraph"` or `"sentence"` for finer units.
- `tone`: re-exported from `analysis.tone` (kept importable as `framing.tone`).
- `kwic(matches, articles)`: keyword-in-context view of matches; `agreement(pred, gold)`: validation.
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.inputs import ARTICLES, FRAME_MATCHES, FRAME_SCORES, takes
from analysis.frame_prefilter import (FEW_STRINGS, Body, paragraphs_with, prefix_strings, required_strings,
                                      split_body)
from analysis.resources import DataFileError, trie_regex, typed_frame
from analysis.text import sentence_table
from analysis.tone import analyser, tone  # noqa: F401  (tone moved to analysis.tone; re-exported)

DATA = Path(__file__).with_name("data")
LEXICON_PATH = DATA / "frames.csv"
FRAMES_PATH = DATA / "framing_frames.csv"
QUESTIONS_PATH = DATA / "frame_questions.csv"
MODEL_PATH = DATA / "frame_model.csv"
NFC_CUES_PATH = DATA / "frames_nfc_cues.csv"   # cues for NFC questions (re2, re6, hi1-hi3): coding="nfc" only
SV_CUES_PATH = DATA / "frames_sv_cues.csv"   # weak cues for S&V's morality and responsibility questions: frame_ranks
GENERIC_FRAMES = ["conflict", "human_interest", "economic", "morality", "responsibility"]
VALIDATED_FRAMES = GENERIC_FRAMES + ["military_security", "diplomacy", "humanitarian"]
MIN_TERMS = 2        # a frame is `present` when at least this many different terms of it occur
IGNORE = "ignore"    # pseudo-frame of idioms: matched (hiding the frame words inside them), never counted
CODINGS = ("kit", "nfc")   # coding conventions a lexicon row may be limited to (column `codings`)
CODING = "kit"   # default coding convention of `present`: the kit's guide (S&V questions, general news)

_RE_WS = re.compile(r"\s+")




# --------------------------------------------------------------------------- lexicon
def _read_table(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):   # {frame: [term, ...]} or {frame: {terms: [...], source: ...}}
            rows = []
            for frame, spec in data.items():
                terms = spec.get("terms", []) if isinstance(spec, dict) else spec
                source = spec.get("source", str(path)) if isinstance(spec, dict) else str(path)
                rows += [{"frame": frame, "term": t, "source": source} for t in terms]
            return pd.DataFrame(rows, columns=["frame", "term", "source"])
        return pd.DataFrame(data)
    with open(path, encoding="utf-8", newline="") as fh:
        return pd.DataFrame(list(csv.DictReader(line for line in fh if not line.startswith("#"))))


def load_lexicon(lexicon=None) -> pd.DataFrame:
    """The frame lexicon as a table (frame, term, question, source); `lexicon` = path (CSV/YAML),
    DataFrame or None. `question` (optional, "" when absent) names the coding question a term answers
    (Semetko & Valkenburg's C1-C4, H1-H5, E1-E3, M1-M3, R1-R5 in the kit's lexicon). `codings` (optional,
    "" = every coding) limits a row to one coding convention of `CODINGS` (`compile_lexicon(coding=...)`);
    another value raises DataFileError naming the row."""
    if lexicon is None:
        lexicon = LEXICON_PATH
    table = lexicon.copy() if isinstance(lexicon, pd.DataFrame) else _read_table(Path(lexicon))
    missing = {"frame", "term"} - set(table.columns)
    if missing:
        raise ValueError(f"lexicon needs columns frame and term (missing {sorted(missing)})")
    for optional in ("question", "source", "codings"):
        if optional not in table:
            table[optional] = ""
    table = table.dropna(subset=["frame", "term"])
    table["frame"] = table["frame"].astype(str).str.strip()
    table["term"] = table["term"].astype(str).str.strip()
    table["question"] = table["question"].fillna("").astype(str).str.strip()
    table["codings"] = table["codings"].fillna("").astype(str).str.strip()
    alien = table[~table["codings"].isin(("",) + CODINGS)]
    if len(alien):
        row = alien.iloc[0]
        raise DataFileError(f"lexicon {lexicon if not isinstance(lexicon, pd.DataFrame) else '(table)'}: row "
                            f"{row['frame']},{row['term']} has codings {row['codings']!r}; known: {', '.join(CODINGS)}")
    table = table[(table["frame"] != "") & (table["term"] != "")]
    return table.drop_duplicates(["frame", "term"]).reset_index(drop=True)[["frame", "term", "question", "source",
                                                                              "codings"]]


def frame_info() -> pd.DataFrame:
    """The frames of the kit's lexicon: frame, label, group, question, source (framing_frames.csv)."""
    return _read_table(FRAMES_PATH)


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


# --------------------------------------------------------------------------- matching
def _article_matches(text: str, lex: Lexicon):
    """(paragraph, sentence, start, end, frame, term, lexicon_term) for each match in one body;
    the last few thousand results are kept per lexicon (frame_scores and frame_matches share them)."""
    return _matches_of(text, (lex,))[0]


def _matches_of(text: str, lexicons: tuple) -> tuple:
    """`_article_matches` of each of several lexicons, found together (`_find_matches`)."""
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
            for m in _article_matches(text, lex)]
    return typed_frame(rows, MATCH_COLUMNS, dict.fromkeys(("paragraph", "sentence", "start", "end"), "int64"))


def _units(text: str, by: str) -> list[tuple[int, int, int]]:
    """(unit index, paragraph, words) for each paragraph or sentence of a body."""
    if not isinstance(text, str) or not text:
        return []
    if by == "paragraph":
        return [(p, p, len(par.split())) for p, par in enumerate(text.split("\n\n"))]
    return [(i, p, len(text[s:e].split())) for i, (p, s, e) in enumerate(sentence_table(text))]


# --------------------------------------------------------------------------- calibrated presence
class FrameModel(NamedTuple):
    """Per frame: a logistic model over the frame's lexicon evidence and the article's shape (weights by
    feature name), per coding convention a calibration of its score (Platt scaling) and the probability
    from which the frame counts as present; from `frame_model.csv`."""
    weights: dict      # frame -> {feature: weight}
    threshold: dict    # coding -> {frame: probability cut-off for `present`}
    source: str        # the file it came from
    calibration: dict = {}   # coding -> {frame: (intercept, slope)}: probability = logistic(a + b * score)


class TextShape(NamedTuple):
    """What a frame model may read of an article besides its lexicon terms (`text_shape`)."""
    words: int           # white-space words
    quote_marks: int     # straight and curly double quotation marks
    attributions: int    # " said", " says", " told ", "according to": reported speech, a sign of sides


_ATTRIBUTION_STRINGS = (" said", " says", " told ", "according to")


def text_shape(text) -> TextShape:
    """The article's shape for the frame model: words, quotation marks and attributions (counted as
    plain substrings, case-sensitive: cheap and the same at training and scoring time)."""
    if not isinstance(text, str) or not text:
        return TextShape(0, 0, 0)
    marks = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return TextShape(len(text.split()), marks, sum(text.count(a) for a in _ATTRIBUTION_STRINGS))


SHAPE_FEATURES = ("log1p_words", "log1p_quote_marks", "log1p_attributions")   # log(1 + TextShape field)
MODEL_FEATURES = ("intercept", "log1p_distinct_terms", "log1p_distinct_with_cues") + SHAPE_FEATURES   # and C1, E2 ...


def load_model(model=None) -> FrameModel:
    """The calibrated frame model (`analysis/data/frame_model.csv`, or a path / DataFrame with
    columns frame, feature, weight). Feature `threshold_<coding>` is the presence cut-off for coding
    like `<coding>` (`kit`: the kit's guide, `nfc`: the Narrative Frames Corpus; plain `threshold`
    means `threshold_kit`); `calibration_intercept_<coding>` and `calibration_slope_<coding>` (optional,
    both or neither) map the model's score z to the probability logistic(a + b z) for that coding (Platt
    scaling; without them the probability is logistic(z)); the others are `intercept`,
    `log1p_distinct_terms`, `log1p_words`, `log1p_quote_marks`, `log1p_attributions` (`text_shape`) or
    a question id (then the feature is log(1 + distinct lexicon terms answering that question)) or
    `term:<frame>:<lexicon term>` (1 when the article holds that lexicon term of that frame; a frame's
    model may read other frames' terms) or `log1p_distinct_with_cues` (log(1 + distinct terms of the frame +
    distinct terms of its cues in `NFC_CUES_PATH`)); `<feature>|<coding>` is a feature read only when scoring for
    that coding (e.g. `log1p_words|nfc`; the coding follows the last `|`).
    Checked: every weight finite, every frame with an intercept and every coding's threshold strictly
    between 0 and 1, calibration rows in pairs for the codings that have thresholds."""
    table = model.copy() if isinstance(model, pd.DataFrame) else _read_table(Path(model or MODEL_PATH))
    where = "the model table" if isinstance(model, pd.DataFrame) else str(model or MODEL_PATH)
    missing = {"frame", "feature", "weight"} - set(table.columns)
    if missing:
        raise ValueError(f"{where}: needs columns frame, feature, weight (missing {sorted(missing)})")
    weights: dict = {}
    threshold: dict = {}
    calibration: dict = {}
    for frame, feature, weight in zip(table["frame"], table["feature"], table["weight"]):
        try:
            value = float(weight)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: weight {weight!r} of {frame}/{feature} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{where}: weight of {frame}/{feature} is not finite")
        if feature == "threshold" or str(feature).startswith("threshold_"):
            coding = CODING if feature == "threshold" else feature[len("threshold_"):]
            if not 0 < value < 1:
                raise ValueError(f"{where}: {feature} of {frame} must lie strictly between 0 and 1")
            threshold.setdefault(coding, {})[frame] = value
        elif str(feature).startswith("calibration_"):
            part, _, coding = feature[len("calibration_"):].partition("_")
            if part not in ("intercept", "slope") or not coding:
                raise ValueError(f"{where}: unknown feature {feature} of {frame}")
            calibration.setdefault(coding, {}).setdefault(frame, {})[part] = value
        else:
            weights.setdefault(frame, {})[feature] = value
    for frame in weights:
        if "intercept" not in weights[frame] or not threshold \
                or any(frame not in cuts for cuts in threshold.values()):
            raise ValueError(f"{where}: frame {frame} needs an intercept and a threshold row per coding")
        alien = [f for f in weights[frame] if _feature_coding(f)[1] and _feature_coding(f)[1] not in threshold]
        if alien:
            raise ValueError(f"{where}: {frame}/{alien[0]} names a coding without thresholds")
    return FrameModel(weights, threshold, where, _calibration_pairs(calibration, threshold, where))


def _calibration_pairs(calibration: dict, threshold: dict, where: str) -> dict:
    """{coding: {frame: (intercept, slope)}} from the parsed calibration rows, checked: both rows of a
    pair present, only for codings with thresholds."""
    out: dict = {}
    for coding, frames in calibration.items():
        if coding not in threshold:
            raise ValueError(f"{where}: calibration for coding {coding!r}, which has no thresholds")
        for frame, pair in frames.items():
            if set(pair) != {"intercept", "slope"}:
                raise ValueError(f"{where}: calibration of {frame} for {coding} needs an intercept and a slope row")
            out.setdefault(coding, {})[frame] = (pair["intercept"], pair["slope"])
    return out


_MODEL_CACHE: dict = {}


def _default_model() -> FrameModel:
    key = MODEL_PATH.stat().st_mtime
    if _MODEL_CACHE.get("key") != key:
        _MODEL_CACHE.update(key=key, model=load_model(MODEL_PATH))
    return _MODEL_CACHE["model"]


def _model_for(lexicon, model):
    """The model to score with: the kit's with the kit's lexicon (its weights were fitted to those
    terms); none with another lexicon unless one is passed; `model=False`: none."""
    if model is False:
        return None
    if model is None:
        default_lexicon = lexicon is None or (isinstance(lexicon, (str, Path))
                                              and Path(lexicon).resolve() == LEXICON_PATH.resolve())
        return _default_model() if default_lexicon else None
    return model if isinstance(model, FrameModel) else load_model(model)


def _feature_coding(feature: str) -> tuple[str, str]:
    """(feature, the coding it is read for or "" for every coding) of a model row's feature name: the
    coding follows the last `|` (so a `term:` feature whose lexicon term holds a `|` needs one)."""
    name, bar, only = feature.rpartition("|")
    return (name, only) if bar else (feature, "")


def _coding_weights(weights: dict, coding: str) -> dict:
    """A frame's weights as coding `coding` reads them: `feature|<coding>` adds to `feature`, features
    of another coding are left out."""
    out: dict = {}
    for feature, weight in weights.items():
        name, only = _feature_coding(feature)
        if not only or only == coding:
            out[name] = out.get(name, 0.0) + weight
    return out


TERM_FEATURE = "term:"   # `term:<frame>:<lexicon term>`: 1 when the article holds that term of that frame


def _term_weights(weights: dict) -> dict:
    """{frame: {lexicon term: weight}} of a frame's `term:<frame>:<lexicon term>` features."""
    out: dict = {}
    for feature, weight in weights.items():
        if feature.startswith(TERM_FEATURE):
            frame, _, term = feature[len(TERM_FEATURE):].partition(":")
            out.setdefault(frame, {})[term] = weight
    return out


class _Scorer:
    """One frame's model compiled for scoring: the logistic of a + b (intercept + weighted log(1 + evidence)
    + weighted log(1 + shape) + the weights of the lexicon terms the article holds), with (a, b) the
    coding's calibration ((0, 1) without one)."""
    __slots__ = ("intercept", "distinct", "shape", "questions", "question_of", "frame", "calibration", "memo",
                 "terms", "with_cues")

    def __init__(self, frame: str, weights: dict, question_of: dict, calibration: tuple = (0.0, 1.0)):
        self.frame, self.question_of = frame, question_of
        self.intercept = weights.get("intercept", 0.0)
        self.distinct = weights.get("log1p_distinct_terms", 0.0)
        self.shape = tuple(weights.get(f, 0.0) for f in SHAPE_FEATURES)
        self.questions = {f: w for f, w in weights.items()
                          if f not in MODEL_FEATURES and not f.startswith(TERM_FEATURE)}
        self.terms = _term_weights(weights)
        self.with_cues = weights.get("log1p_distinct_with_cues", 0.0)
        self.calibration = calibration
        # a model of the distinct terms alone: its probability remembered per number of distinct terms
        self.memo = {} if not (any(self.shape) or self.questions or self.terms or self.with_cues) else None

    @property
    def reads_shape(self) -> bool:
        """True when the model reads more of the article's shape than its words."""
        return any(self.shape[1:])

    def __call__(self, n_words: int, found, distinct: int, shape: TextShape | None = None,
                 article_terms: dict | None = None, cue_counts: dict | None = None) -> float:
        """`article_terms` ({frame: terms found}), `cue_counts` (the frame's of `nfc_cue_counts`): read if needed."""
        memo = self.memo
        if memo is not None:
            hit = memo.get(distinct)
            if hit is None:
                hit = memo[distinct] = self._probability(n_words, found, distinct, shape)
            return hit
        return self._probability(n_words, found, distinct, shape, article_terms, cue_counts)

    def _probability(self, n_words: int, found, distinct: int, shape: TextShape | None,
                     article_terms: dict | None = None, cue_counts: dict | None = None) -> float:
        z = self.intercept + self.distinct * math.log1p(distinct)
        if self.with_cues:
            z += self.with_cues * math.log1p(distinct + sum((cue_counts or {}).values()))
        if self.terms and article_terms:
            for frame, weights in self.terms.items():
                for t in article_terms.get(frame, ()):
                    z += weights.get(t, 0.0)
        if shape is None:
            shape = TextShape(n_words, 0, 0)
        for weight, value in zip(self.shape, shape):
            if weight:
                z += weight * math.log1p(value)
        if self.questions:
            per_question: dict = {}
            for t in found:
                q = self.question_of.get((self.frame, t), "")
                per_question[q] = per_question.get(q, 0) + 1
            z += sum(w * math.log1p(per_question.get(q, 0)) for q, w in self.questions.items())
        z = self.calibration[0] + self.calibration[1] * z
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def nfc_cue_counts(text, cue_lexicon=None) -> dict:
    """{frame: {question: distinct terms}} of the cue lexicon (`NFC_CUES_PATH`: Narrative Frames Corpus
    questions, Frermann et al. 2023) in one text, as the NFC coding's models read them; their evidence
    sentences: `frame_questions(articles, lexicon=NFC_CUES_PATH)`."""
    lex = cue_lexicon if isinstance(cue_lexicon, Lexicon) else compile_lexicon(cue_lexicon or NFC_CUES_PATH)
    return _cue_counts(_article_matches(text, lex), lex)


def _cue_counts(matches: tuple, lex: Lexicon) -> dict:
    """`nfc_cue_counts` from the cue lexicon's matches in one text."""
    out: dict = {}
    for key in {(m[4], m[6]) for m in matches}:
        per, q = out.setdefault(key[0], {}), lex.question_of.get(key, "")
        per[q] = per.get(q, 0) + 1
    return out


@takes(ARTICLES)
def frame_scores(articles: pd.DataFrame, lexicon=None, by: str = "article",
                 min_terms: int | None = None, model=None, coding: str = CODING) -> pd.DataFrame:
    """Frame strength per article (or per paragraph / sentence with `by=`), every frame on every row set.

    Columns: article_id, [paragraph | paragraph, sentence], frame, words (white-space words of the
    unit), matches, distinct_terms (different lexicon terms matched), per_1000_words (matches per
    1,000 words; NaN for a unit without words), questions (how many of the frame's coding questions
    have at least one term), probability, present.

    `probability` (articles only; NaN for finer units and frames the model does not cover): the
    calibrated chance that a coder codes the frame present, from a logistic model over the distinct
    terms answering each of the frame's questions, the article's shape and (for `coding="nfc"`'s
    human interest and economic) a weight per lexicon term found, (for its responsibility, the NFC coders'
    resolution, and human interest) the frame's distinct terms counted with its cues in
    `analysis/data/frames_nfc_cues.csv` (`nfc_cue_counts`) (`analysis/data/frame_model.csv`,
    fitted by `benchmarks/train_frames.py`; used with the kit's lexicon, or pass `model=`). `present`: for
    frames of the model, probability >= the model's threshold for `coding` and at least one term,
    so that every present frame has evidence in `frame_matches`; for other frames (and units finer
    than articles) distinct_terms >= 2 (`MIN_TERMS`). `coding` names whose decisions the threshold
    was chosen to match by cross-validation: "kit" (default: the kit's coding guide, Semetko &
    Valkenburg's questions on general news) or "nfc" (the Narrative Frames Corpus coders, who code a
    frame only when it is developed, e.g. economic from about five distinct terms). Pass
    `min_terms=N` to use the plain rule distinct_terms >= N for every frame, `model=False` to skip
    the model. The lexicon rows read are those of `coding` (`compile_lexicon(coding=...)`).
    """
    if by not in ("article", "paragraph", "sentence"):
        raise ValueError('by must be "article", "paragraph" or "sentence"')
    lex = compile_lexicon(lexicon, coding)
    fitted = _model_for(lexicon, model) if by == "article" else None
    if fitted is not None and coding not in fitted.threshold:
        raise ValueError(f"coding {coding!r}: the model {fitted.source} has thresholds for "
                         f"{sorted(fitted.threshold)}")
    thresholds = fitted.threshold[coding] if fitted is not None else {}
    scorers = {f: _Scorer(f, _coding_weights(w, coding), lex.question_of,
                          fitted.calibration.get(coding, {}).get(f, (0.0, 1.0)))
               for f, w in fitted.weights.items()} if fitted else {}
    reads_shape = any(sc.reads_shape for sc in scorers.values())
    reads_terms = any(sc.terms for sc in scorers.values())   # by article only: scorers need by="article"
    cue_lex = compile_lexicon(NFC_CUES_PATH) if any(sc.with_cues for sc in scorers.values()) else None
    rule_terms = MIN_TERMS if min_terms is None else min_terms
    question_of = lex.question_of
    frames = lex.frames
    nan = float("nan")
    rows: list[tuple] = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        counts: dict = {}
        terms: dict = {}
        found_cues = ()
        if cue_lex is not None:   # both lexicons found in one scan
            found_lex, found_cues = _matches_of(text, (lex, cue_lex))
        else:
            found_lex = _article_matches(text, lex)
        for p, s, _, _, frame, _, lterm in found_lex:
            key = (p if by == "paragraph" else s if by == "sentence" else 0, frame)
            counts[key] = counts.get(key, 0) + 1
            terms.setdefault(key, set()).add(lterm)
        shape = text_shape(text) if reads_shape else None
        article_terms = {f: found for (_, f), found in terms.items()} if reads_terms else None
        cues = _cue_counts(found_cues, cue_lex) if cue_lex is not None else {}
        if by == "article":
            units = [(0, None, shape.words if shape else len(text.split()) if isinstance(text, str) else 0)]
        else:
            units = _units(text, by)
        for u, p, n_words in units:
            for frame in frames:
                found = terms.get((u, frame))
                if found:
                    n, d = counts[(u, frame)], len(found)
                    answered = len({question_of.get((frame, t), "") for t in found} - {""})
                else:
                    n = d = answered = 0
                scorer = scorers.get(frame)
                prob = scorer(n_words, found or (), d, shape, article_terms, cues.get(frame)) if scorer else nan
                if scorer and min_terms is None:
                    present = d >= 1 and prob >= thresholds[frame]
                else:
                    present = d >= rule_terms
                rows.append((aid, p, u, frame, n_words, n, d,
                             1000.0 * n / n_words if n_words else nan, answered, prob, present))
    cols = ["article_id", "paragraph", "sentence", "frame", "words", "matches", "distinct_terms",
            "per_1000_words", "questions", "probability", "present"]
    dropped = {"article": ["paragraph", "sentence"], "paragraph": ["sentence"]}.get(by, [])
    dtypes = dict.fromkeys(("paragraph", "sentence", "words", "matches", "distinct_terms", "questions"), "int64")
    dtypes.update({"per_1000_words": "float64", "probability": "float64", "present": bool})
    out = typed_frame(rows, cols, {c: t for c, t in dtypes.items() if c not in dropped})
    return out.drop(columns=dropped) if dropped else out


@takes(ARTICLES)
def frame_questions(articles: pd.DataFrame, lexicon=None, coding: str = CODING) -> pd.DataFrame:
    """The coding questions, article by article, each with its own evidence: one row per article and
    question of the lexicon (Semetko & Valkenburg's C1-C4, H1-H5, E1-E3, M1-M3, R1-R5 in the kit's).

    Columns: article_id, frame, question, matches, distinct_terms, answered (at least one term: the
    dictionary's "yes"), sentences (the 0-based indices of the sentences holding its terms, as in
    `frame_matches`, `;`-separated), evidence (the first such sentence's text). `coding`: as `frame_scores`.
    """
    lex = compile_lexicon(lexicon, coding)
    question_of = lex.question_of
    pairs = [(f, q) for f in lex.frames for q in lex.questions[f]]
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        found: dict = {}
        for _, s, _, _, frame, _, lterm in _article_matches(text, lex):
            q = question_of.get((frame, lterm), "")
            if q:
                hit = found.setdefault((frame, q), [0, set(), []])
                hit[0] += 1
                hit[1].add(lterm)
                if s not in hit[2]:
                    hit[2].append(s)
        spans = sentence_table(text) if found else []
        for frame, q in pairs:
            n, distinct, sents = found.get((frame, q), (0, (), []))
            first = ""
            if sents and sents[0] < len(spans):
                _, a, b = spans[sents[0]]
                first = _RE_WS.sub(" ", text[a:b]).strip()
            rows.append((aid, frame, q, n, len(distinct), bool(distinct), ";".join(map(str, sents)), first))
    return typed_frame(rows, ["article_id", "frame", "question", "matches", "distinct_terms", "answered",
                              "sentences", "evidence"],
                       {"matches": "int64", "distinct_terms": "int64", "answered": bool})


@takes(ARTICLES)
def frame_ranks(articles: pd.DataFrame, lexicon=None, coding: str = CODING) -> pd.DataFrame:
    """`frame_scores` with `cue_questions` (how many of the frame's questions the weak cues of `SV_CUES_PATH`
    answer) and `rank_score` = distinct_terms + cue_questions / 100: ranks by distinct terms, ties (a frame told
    without its strong words) by the share of its questions answered, as Semetko & Valkenburg (2000) score a
    frame. Presence is `frame_scores`'s. Cue evidence: `frame_questions(articles, lexicon=SV_CUES_PATH)`."""
    out = frame_scores(articles, lexicon=lexicon, coding=coding)
    cue_lex, frames = compile_lexicon(SV_CUES_PATH), compile_lexicon(lexicon, coding).frames
    per_article = [nfc_cue_counts(text, cue_lex) for text in articles["text"]]   # rows: article by article, frame
    out["cue_questions"] = pd.Series([len(c.get(f, ())) for c in per_article for f in frames], index=out.index,
                                     dtype="int64")
    out["rank_score"] = out["distinct_terms"] + out["cue_questions"] / 100.0
    return out


def question_info() -> pd.DataFrame:
    """Semetko & Valkenburg's questions: frame, question, text (`analysis/data/frame_questions.csv`)."""
    return _read_table(QUESTIONS_PATH)


@takes(FRAME_SCORES)
def top_frames(scores: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The n strongest frames of each article (by matches per 1,000 words, ties by frame order)."""
    s = scores[scores["matches"] > 0].copy()
    s["_order"] = s.groupby("article_id").cumcount()
    s = s.sort_values(["article_id", "per_1000_words", "_order"], ascending=[True, False, True])
    s["rank"] = s.groupby("article_id").cumcount() + 1
    return s[s["rank"] <= n].drop(columns="_order").reset_index(drop=True)


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


# --------------------------------------------------------------------------- validation
def cohen_kappa(tp: int, fp: int, fn: int, tn: int) -> float:
    """Cohen's (1960) kappa of two yes/no codings from their 2 x 2 table (tp: both yes, fp / fn: only
    the second / the first, tn: both no): observed agreement beyond chance; NaN for no items or
    chance agreement 1. Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational
    and Psychological Measurement 20(1), 37-46."""
    n = tp + fp + fn + tn
    if not n:
        return float("nan")
    po = (tp + tn) / n
    pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return (po - pe) / (1 - pe) if pe != 1 else float("nan")


def _auc(gold: pd.Series, score: pd.Series) -> float:
    """Area under the ROC curve of `score` for boolean `gold` (Mann-Whitney U, ties counted half)."""
    n1 = int(gold.sum())
    n0 = len(gold) - n1
    if not n1 or not n0 or score.isna().any():
        return float("nan")
    ranks = score.rank()
    return float((ranks[gold].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def agreement(predicted: pd.DataFrame, gold: pd.DataFrame, score: str | None = None) -> pd.DataFrame:
    """Agreement of predicted frame presence with hand coding, per frame and overall (`all`).

    Both tables have article_id, frame, present (bool or 0/1); only the gold's articles and frames
    are compared. Columns: frame, n, gold_present, predicted_present, tp, fp, fn, tn, precision,
    recall, f1, agreement (share of equal decisions), kappa (Cohen's); with `score` (a column of
    `predicted`, e.g. "probability" or "distinct_terms") also auc, the area under the ROC curve of
    that score against the coding (NaN when a frame has no score or one class only).
    """
    g = gold[["article_id", "frame", "present"]].copy()
    g["article_id"] = g["article_id"].astype(str)
    p = predicted[["article_id", "frame", "present"] + ([score] if score else [])].copy()
    p["article_id"] = p["article_id"].astype(str)
    m = g.merge(p, on=["article_id", "frame"], how="left", suffixes=("_gold", "_pred"))
    m["present_pred"] = m["present_pred"].fillna(False).astype(bool)
    m["present_gold"] = m["present_gold"].astype(int).astype(bool)
    nan = float("nan")
    rows = []
    for frame, part in list(m.groupby("frame", sort=False)) + [("all", m)]:
        gp, pp = part["present_gold"], part["present_pred"]
        tp = int((gp & pp).sum())
        fp = int((~gp & pp).sum())
        fn = int((gp & ~pp).sum())
        tn = int((~gp & ~pp).sum())
        prec = tp / (tp + fp) if tp + fp else nan
        rec = tp / (tp + fn) if tp + fn else nan
        f1 = 2 * prec * rec / (prec + rec) if tp else (0.0 if (tp + fp) and (tp + fn) else nan)
        rows.append({"frame": frame, "n": len(part), "gold_present": tp + fn, "predicted_present": tp + fp,
                     "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec,
                     "f1": f1, "agreement": (tp + tn) / len(part) if len(part) else nan,
                     "kappa": cohen_kappa(tp, fp, fn, tn)})
        if score:
            rows[-1]["auc"] = _auc(gp, part[score].astype(float))
    return pd.DataFrame(rows)


__all__ = ["frame_matches", "frame_scores", "frame_ranks", "frame_questions", "tone", "kwic", "top_frames",
           "agreement", "load_lexicon", "compile_lexicon", "load_model", "frame_info", "question_info", "Lexicon",
           "FrameModel", "TextShape", "text_shape", "analyser"]
