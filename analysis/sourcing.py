"""Who is cited: attributions of direct quotes, reported speech and `according to` sources.

`attributions(articles)` gives one row per attribution with the speaker's canonical name (the fullest
form used in the article: `Rasmussen` and `he` become `Lars Lokke Rasmussen`), the role or title as
written (`Foreign Minister`), a source type from the editable taxonomy in
`analysis/data/source_types.csv`, the cue (`said`, `according to`, ...), the kind (`direct`,
`reported`, `according_to`), and the quoted or reported text with its span in the paragraph.
Rules work inside paragraphs on the text with quotations masked, so a cue is never taken from inside
a quotation. Speech verbs: `analysis/data/speech_verbs.csv`. Column docs: docs/sourcing.md.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis import quotes as _q

ATTRIBUTION_COLUMNS = ["article_id", "paragraph", "speaker", "role", "source_type", "cue", "kind",
                       "text", "start", "end"]
SHARE_COLUMNS = ["article_id", "speaker", "source_type", "role", "n_quotes", "quoted_words",
                 "share"]
UNATTRIBUTED = "(unattributed)"
NUL = "\x00"

_TOKEN = re.compile(r"[^\s\x00]+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019.-])[a-z][a-z]+(?![\w'\u2019-])")
_LOWER_ONLY = re.compile(r"[a-z][a-z]+")
_STRIP = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{},;:!?\u2014\u2013"
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+([^.;!?\x00]{2,100}?)[,:]\s*$")
_DATE_TAIL = re.compile(
    r"\s+(?:on|in|from|last|this|earlier|late|early|published on|released on|dated|at)\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|the\s+(?:day|week|month|year)))"
    r".*$")
_CLAUSE_STOP = re.compile(r"[,;:(\u2014\u2013]")
_PLACE_PREP = frozenset("in on at during after before when while last this yesterday today tonight "
                        "monday tuesday wednesday thursday friday saturday sunday to about".split())
# words that open an adverbial before a sentence's subject: "During the call, he asked …"
_OPENING_ADVERBIAL = (_PLACE_PREP - {"to", "about"}) | frozenset(
    "despite following earlier later since until once as with without amid over across throughout "
    "under from by among into within through around against".split())
_ACRONYM = re.compile(r"^[A-Z]{2,}$")          # WHO, NATO: never a function word
_APPOS_CUT = frozenset("on with during in after before when while about over".split())
_AGE = re.compile(r"^\d{1,3}$")
# = \b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b and \b(?:[Hh]e|[Ss]he)\b, with the
# word-start test after the first letter so the regex engine can scan for [HhSs] quickly
_PRONOUN = re.compile(r"(?:[Hh](?<!\w[Hh])(?:e|is|im|imself|er|ers|erself)|[Ss](?<!\w[Ss])he)\b")
_SUBJECT_PRONOUN = re.compile(r"(?:[Hh](?<!\w[Hh])e|[Ss](?<!\w[Ss])he)\b")
_RELATIVE = re.compile(r"((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,\s*(?:who|whose)\b[^\x00]*,\s*$")
_APPOS = re.compile(r"\s*,?\s*(?:\d{1,3}\s*,\s*)?([^,;:\x00]{2,120}?)(?:[,;:]|\.\s|\.?$)")
_COPULA = re.compile(r"\s+(?:is|was|has been|serves as|served as)\s+((?:a|an|the)\s+[^,;:\x00]{2,100}?)"
                     r"(?:[,;:]|\.\s|\.?$)")
_OPENING_NAME = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,(?=[^\x00]*,\s*$)")
_NOT_APPOSITION = frozenset("who which that where when while said says and but or after before as in on at "
                            "with from by to for of since because although though if than".split())
_PARTY_STATE = re.compile(r"^\(?[RDI]-[A-Z][A-Za-z.]{1,3}\)?$")      # R-TX, (D-Calif.)
_CALENDAR = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:January|February|March|April|"
                       r"May|June|July|August|September|October|November|December)$")
# precompiled once (they were compiled patterns looked up in `re`'s cache on every call)
_MR_BEFORE = re.compile(r"\bMr\.?\s+$")
_MS_BEFORE = re.compile(r"\bM(?:r?s|iss)\.?\s+$")
_AND_END = re.compile(r"\s(?:and|but|then)$")
_RELATIVE_START = re.compile(r"\s*(?:which|who|whose|that)\b")
_ARTICLE_START = re.compile(r"\s*(?:the|a|an)\s", re.IGNORECASE)
_ARTICLE_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_AND_TEAM = re.compile(r"(?:^|\s)((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s+and\s+"
                       r"(?:his|her|their|the)?\s*(?:team|colleagues|co-authors|coauthors|wife|husband)\s*$")
_SPACES = re.compile(r"\s*")
_BREAK_CANDIDATE = re.compile(r"[.;:!?\x00\"\u201c\u201d\u2018]|,\s")
_INITIALS = re.compile(r"(?:[a-z]\.)+")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")
_SHORT_TAIL = re.compile(r"\s*[^.;:!?\x00]{1,120}?[,:]?\s*")
_THAT_TO = re.compile(r"\b(?:that|to|if|whether)\b")
_NONSPACE = re.compile(r"\S+")
_CLAIM_STOP = re.compile(r"[,;:!?\x00]|\.[\s\"'\u201d\u2019]*$")
_NOT_IN_DESCRIPTION = frozenset("that which who whom if whether but would could will not has have had is "
                                "are was were did does do can may might should shall when while as "
                                "because after before since until".split())


# ------------------------------------------------------------------------------ data files
@lru_cache(maxsize=64)
def _kind_words(kind: str) -> frozenset:
    return _q._words_of_kind().get(kind, frozenset())


@lru_cache(maxsize=1)
def _verbs() -> dict[str, dict]:
    return _q.speech_verbs()


@lru_cache(maxsize=1)
def _verb_regex() -> re.Pattern:
    return re.compile(r"(?<![\w\-])" + _q.trie_pattern(_verbs()) + r"(?![\w\-])")


@lru_cache(maxsize=1)
def taxonomy() -> list[dict]:
    """The editable source-type taxonomy (analysis/data/source_types.csv) as a list of rows."""
    rows = []
    for r in _q._read_csv("source_types.csv"):
        cue = r["cue"].strip()
        if not cue:
            continue
        wildcard = cue.endswith("*")
        suffix = cue.startswith("*")
        words = cue.strip("*").split()
        rows.append({"words": words, "wild": wildcard, "suffix": suffix, "case": cue != cue.lower(),
                     "type": r["source_type"].strip(), "strength": r["strength"].strip(),
                     "kind": r["kind"].strip()})
    return rows


@lru_cache(maxsize=1)
def _countries() -> frozenset:
    """Country and capital names (kind `country`): a speaker that is only such a name is a government."""
    return frozenset(" ".join(r["words"]) for r in taxonomy() if r["kind"] == "country")


def _country_type(name: str | None) -> str | None:
    if name and name in _countries():
        return "government_official"
    if name and name.startswith("the ") and name[4:] in _countries():
        return "government_official"
    return None


@lru_cache(maxsize=1)
def _tax_index() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for row in taxonomy():
        if row["kind"] == "country":
            continue
        if row["suffix"]:
            index.setdefault("*suffix", []).append(row)
            continue
        first = row["words"][0].lower()
        key = first[:3] if row["wild"] and len(row["words"]) == 1 else first
        index.setdefault(key, []).append(row)
    return index


def _token_matches(row: dict, token: str, last: bool) -> bool:
    cue = row["words"][-1] if last else None
    return False if cue is None else _word_eq(cue, token, row["wild"], row["case"])


def _word_eq(cue: str, token: str, wild: bool, case: bool) -> bool:
    t = token if case else token.lower()
    c = cue if case else cue.lower()
    if wild:
        return t.startswith(c)
    return t == c or t.rstrip(".") == c.rstrip(".") and not c.endswith(".") and t.endswith(".")


@lru_cache(maxsize=20000)
def _cues_at(token: str) -> tuple:
    """Taxonomy rows whose first word matches `token` (cleaned word)."""
    low = token.lower()
    found = [row for row in _tax_index().get("*suffix", ()) if low.endswith(row["words"][0]) and
             len(low) > len(row["words"][0])]
    for key in {low, low[:3]}:
        for row in _tax_index().get(key, ()):
            if _word_eq(row["words"][0], token, row["wild"] and len(row["words"]) == 1, row["case"]):
                found.append(row)
    return tuple(found)


def cue_hits(words: list[str]) -> list[tuple[int, int, dict]]:
    """(index, n_words, taxonomy row) for every taxonomy cue found in a list of cleaned words."""
    hits = []
    for i, w in enumerate(words):
        for row in _cues_at(w):
            n = len(row["words"])
            if n == 1:
                hits.append((i, 1, row))
            elif i + n <= len(words) and all(
                    _word_eq(c, words[i + k], row["wild"] and k == n - 1, row["case"])
                    for k, c in enumerate(row["words"]) if k > 0):
                hits.append((i, n, row))
    return hits


def type_of(phrase: str, person: bool = False) -> str | None:
    """Source type of a role, description or organisation name: the earliest `head` cue decides,
    else the earliest `weak` cue; for a person's role (`person=True`) a role word (`co-author`)
    outranks organisation and document words (`study`). None when no cue matches."""
    words = [w for w in (_clean(w) for w in phrase.split()) if w]
    hits = cue_hits(words)
    heads = [h for h in hits if h[2]["strength"] == "head"]
    if person:
        # a capitalised role word inside an organisation's name ("Indiana State Teachers Association
        # President") is not the person's role: the organisation decides
        orgs = [h[0] for h in heads if h[2]["kind"] == "org"]
        heads = [h for h in heads if not (h[2]["kind"] == "role" and _in_org_name(words, h, orgs))]
        heads = [h for h in heads if h[2]["kind"] == "role"] or heads
    pool = heads or hits
    if not pool:
        return None
    pool.sort(key=lambda h: (h[0], -h[1], not h[2]["case"]))   # "Records" (a company) before "records"
    if person and not heads and pool[0][2]["words"] == ["president"] and _company_president(words, pool[0][0]):
        return "business"
    return pool[0][2]["type"]


_NATIONAL = re.compile(r"(?:an|ese|ish|ch|i|U\.S\.|US|UN)$")


def _company_president(words: list[str], i: int) -> bool:
    """`InfoNation President`, `president of Chapter & Verse`: the president of an organisation the
    taxonomy does not know is not a head of state; a country (`president of Russia`) or a
    nationality (`Ukrainian President`) before or after keeps the government reading."""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 2:i + 6] if i + 1 < len(words) and words[i + 1] == "of" else []
    if after and after[0].lower() == "the":
        after = after[1:]
    if before[:1].isupper() and before.lower() not in ("vice", "former", "the") and \
            not _NATIONAL.search(before) and before not in _countries():
        return True
    if after and after[0][:1].isupper():
        name = " ".join(after[:2])
        return after[0] not in _countries() and name not in _countries()
    return False


def _in_org_name(words: list[str], hit, org_starts: list[int]) -> bool:
    """True when the cue `hit` is a capitalised word followed, in one run of capitalised words, by an
    organisation cue (`Teachers Association`)."""
    i, n = hit[0], hit[1]
    if not words[i][:1].isupper():
        return False
    for j in range(i + n, len(words)):
        if not words[j][:1].isupper():
            return False
        if j in org_starts:
            return True
    return False


@lru_cache(maxsize=65536)
def _clean(word: str) -> str:
    """The word without surrounding quotation marks, brackets and punctuation, and without `'s`."""
    w = word.strip(_STRIP)
    if w.endswith("\u2019s") or w.endswith("'s"):
        w = w[:-2]
    return w


# ------------------------------------------------------------------------------ names
def _is_cap(w: str) -> bool:
    return bool(w) and w[0].isupper() and w.lower() not in _kind_words("function")


def _role_index(words: list[str]) -> int:
    """Index after the last role/title cue in a capitalised sequence (0 when none)."""
    last = 0
    for i, n, row in cue_hits(words):
        if row["kind"] == "role":
            if row["type"] == "citizen_eyewitness" and i + n < len(words):
                continue          # "Fan Mengguang": nouns for ordinary people are not titles
            if i + n == len(words) and i >= 1 and words[i - 1][:1].isupper() \
                    and not _cues_at(words[i - 1]) and row["kind"] == "role" and len(words[i]) > 4:
                continue          # "Ken Doctor": a surname, not a title
            last = max(last, i + n)
    return last


def _last_name(words: list[str]) -> str:
    """The surname of a name: its last word, generational suffixes (`Jr.`, `III`) skipped."""
    if len(words) > 1 and words[-1].rstrip(".,").lower() in _q._NAME_SUFFIXES:
        return words[-2].rstrip(",")
    return words[-1]


class Person:
    __slots__ = ("name", "role", "type", "org", "gender")

    def __init__(self, name, role=None, type_=None, org=False):
        self.name, self.role, self.type, self.org = name, role, type_, org
        self.gender = None


_WORD_CHAR = re.compile(r"\w")
_AGED = re.compile(r"\b[Aa]n?\s+(?:[\w\u2019'-]+\s+)?\d{1,3}[- ]year[- ]old[- ](?:man|woman|boy|girl|"
                   r"person|patient)\b")
_AGED_HEADS = frozenset("patient man woman person victim".split())


class Registry:
    """People and organisations named in one article, keyed by last name."""

    def __init__(self):
        self.by_last: dict[str, Person] = {}
        self.mentions: list[tuple[tuple[int, int], Person]] = []
        self.orgs: list[tuple[tuple[int, int], str, str | None]] = []   # (position, name, type)
        self.masked: list[str] = []
        self.first_words: dict[str, set] = {}
        self._lower_words: frozenset | None = None
        self._lower_hits: dict[str, bool] = {}
        self._joined: str | None = None
        self.group_alias: dict[str, str] = {}
        self._genders_done = False
        self._pron_hits: dict = {}
        self.acronyms: dict[str, str | None] = {}
        self._scans: dict[tuple, list] = {}

    @property
    def lower_words(self) -> frozenset:
        """Lower-case words of the article (computed when first needed)."""
        if self._lower_words is None:
            self._lower_words = frozenset(_LOWER_WORD.findall("\n".join(self.masked)))
        return self._lower_words

    def has_lower_word(self, word: str) -> bool:
        """`word in self.lower_words`, found with `str.find` instead of listing every lower-case
        word of the article (the same boundaries as `_LOWER_WORD`)."""
        hit = self._lower_hits.get(word)
        if hit is None:
            hit = False
            if _LOWER_ONLY.fullmatch(word):
                if self._joined is None:
                    self._joined = "\n".join(self.masked)
                text, n = self._joined, len(word)
                j = text.find(word)
                while j >= 0:
                    before = text[j - 1] if j > 0 else ""
                    after = text[j + n] if j + n < len(text) else ""
                    if not (before and (before.isalnum() or before in "_'\u2019.-")) and \
                            not (after and (after.isalnum() or after in "_'\u2019-")):
                        hit = True
                        break
                    j = text.find(word, j + 1)
            self._lower_hits[word] = hit
        return hit

    def last_org(self, pos, typ=None):
        best = None
        for opos, name, t in self.orgs:
            if opos < pos and (typ is None or t == typ):
                best = (name, t)
        return best

    def indefinite_before(self, pos, head: str):
        """An earlier `a/an ... <head>` in the text (an unnamed source introduced before)."""
        pat = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w\u2019'-]+\s+){0,3}?" + re.escape(head) + r"\b")
        return self._last_match_before(pos, ("indefinite", head), pat, head)

    def aged_before(self, pos):
        """An earlier `a 43-year-old man` (an unnamed person introduced by age)."""
        return self._last_match_before(pos, ("aged",), _AGED, None, "year-old")

    def poll_before(self, pos) -> str | None:
        """The last poll or survey named before `pos`, in its paragraph or the one before."""
        return self._last_match_before(pos, ("poll",), _POLL, None, back=1)

    def _last_match_before(self, pos, key, pat, head, needle=None, back=None):
        """The last match of `pat` before `pos` = (paragraph, offset): in that paragraph's text up to
        the offset, else in the nearest earlier paragraph with one (at most `back` paragraphs back;
        None: any). Each paragraph is scanned once per pattern (cached), so many attributions in a
        long text cost linear, not quadratic, time; the result equals scanning `masked[pi][:off]` and
        the earlier paragraphs one by one."""
        pi, off = pos
        found = self._scans.get(key)
        if found is None:
            found = [[(m.start(), m.end(), m.group()) for m in pat.finditer(t)]
                     if needle is None or needle in t else [] for t in self.masked]
            self._scans[key] = found
        text = self.masked[pi]
        here = found[pi]
        # the cut text allows a word boundary at `off` that the whole text does not: a cut inside a
        # word, or right after the head (which may end in a full stop)
        cut_in_word = off > 0 and _WORD_CHAR.match(text, off) and _WORD_CHAR.match(text, off - 1)
        after_head = head is not None and text.endswith(head, 0, off) and _WORD_CHAR.match(text, off)
        if cut_in_word or after_head or any(s < off < e for s, e, _ in here):
            # a match across the offset, or one that only the cut text allows: scan the cut text
            cut = list(pat.finditer(text[:off]))
            if cut:
                return cut[-1].group()
        else:
            best = None
            for s, e, g in here:
                if e > off:
                    break
                best = g
            if best is not None:
                return best
        for k in range(pi - 1, -1 if back is None else max(-1, pi - 1 - back), -1):
            if found[k]:
                return found[k][-1][2]
        return None

    def add(self, name_words: list[str], role: str | None, org: bool = False) -> Person:
        words = [w for w in name_words if w.lower() not in _kind_words("honorific")]
        if words and words[-1].endswith(".") and len(words[-1]) > 3 and \
                words[-1].lower() not in _q._abbreviations():
            words = words[:-1] + [words[-1].rstrip(".")]
        if not words:
            words = name_words
        key = _last_name(words).lower()
        p = self.by_last.get(key)
        if role and not org:
            hits = cue_hits([_clean(w) for w in role.split()])
            org = bool(hits) and min(hits, key=lambda h: h[0])[2]["kind"] == "org" and \
                not any(h[2]["kind"] == "role" for h in hits)
        if p is None:
            p = Person(" ".join(words), role, type_of(role, True) if role else None, org)
            self.by_last[key] = p
        else:
            if len(words) > len(p.name.split()) and not p.org:
                p.name = " ".join(words)
            if role and not p.role:
                p.role, p.type = role, type_of(role, True)
        return p

    def get(self, word: str) -> Person | None:
        return self.by_last.get(word.lower())

    def last_before(self, pos: tuple[int, int], persons_only=True, gender=None) -> Person | None:
        """The person mentioned last before `pos` (of a compatible gender when one is asked)."""
        if gender is not None and not self._genders_done:
            self.guess_genders()
        best = exact = None
        best_pos = None
        for mpos, p in self.mentions:
            if mpos < pos and (not persons_only or not p.org):
                if gender is not None and self._after_same_pronoun(mpos, gender):
                    continue
                if gender is None or p.gender is None or p.gender == gender:
                    best, best_pos = p, mpos
                if gender is not None and p.gender == gender:
                    exact = (mpos, p)
        # a person known to match the pronoun, named within the last three paragraphs, wins
        if exact is not None and pos[0] - exact[0][0] <= 3:
            best, best_pos = exact[1], exact[0]
        if best_pos is not None:
            # within the sentence of that mention, the person named first (the subject) wins
            text = self.masked[best_pos[0]]
            s0, e0 = _q._sentence_of(_q.sentence_bounds(text), best_pos[1])
            for mpos, p in self.mentions:
                if mpos[0] == best_pos[0] and s0 <= mpos[1] < best_pos[1] and mpos < pos and \
                        (not persons_only or not p.org) and \
                        (gender is None or p.gender is None or p.gender == gender):
                    return p
        return best

    def _after_same_pronoun(self, mpos, gender) -> bool:
        """True when the mention at `mpos` follows a subject pronoun of `gender` in its sentence
        (`He then referred to Cooke's testimony`): that sentence is about the pronoun's referent,
        so a later pronoun of the same gender continues it rather than naming the mention."""
        key = (mpos, gender)
        hit = self._pron_hits.get(key)
        if hit is None:
            text = self.masked[mpos[0]]
            s0 = _q._sentence_of(_q.sentence_bounds(text), mpos[1])[0]
            hit = False
            for m in _SUBJECT_PRONOUN.finditer(text, s0, mpos[1]):
                if (m.group().lower() == "he") == (gender == "m"):
                    hit = True
                    break
            self._pron_hits[key] = hit
        return hit

    def guess_genders(self) -> None:
        """A person's gender from Mr/Ms titles and from he/his versus she/her: a pronoun counts for
        the first person named earlier in its sentence, else the first one in the sentence before."""
        self._genders_done = True
        votes: dict[int, list[int]] = {}
        by_para: dict[int, list] = {}
        for (pi, off), p in self.mentions:
            by_para.setdefault(pi, []).append((off, p))
            text = self.masked[pi]
            v = votes.setdefault(id(p), [0, 0])
            v[0] += 3 * bool(_MR_BEFORE.search(text[max(0, off - 5):off]))
            v[1] += 3 * bool(_MS_BEFORE.search(text[max(0, off - 6):off]))
        prev_first = None
        for pi, text in enumerate(self.masked):
            ments = by_para.get(pi, [])
            for s0, e0 in _q.sentence_bounds(text):
                inside = [(o, p) for o, p in ments if s0 <= o < e0]
                for m in _PRONOUN.finditer(text, s0, e0):
                    before = [p for o, p in inside if o < m.start()]
                    target = before[0] if before else prev_first
                    if target is not None:
                        votes.setdefault(id(target), [0, 0])[0 if m.group().lower().startswith("h") and
                                                          m.group().lower() != "her" and
                                                          m.group().lower() != "hers" and
                                                          m.group().lower() != "herself" else 1] += 1
                if inside and not _SUBJECT_PRONOUN.search(text, s0, inside[0][0]):
                    # only a sentence naming one person lends it to the next sentence's pronouns; a
                    # sentence whose subject is a pronoun ("He was arrested … Omar") keeps the last one
                    prev_first = inside[0][1] if len({id(p) for _, p in inside}) == 1 else None
        for _, p in self.mentions:
            m, f = votes.get(id(p), (0, 0))
            p.gender = "m" if m > f else "f" if f > m else None


@lru_cache(maxsize=1)
def _capseq_regex() -> re.Pattern:
    cap = r"[\"'\u201c\u2018(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de][^\s\x00]*"
    glue = "|".join(map(re.escape, sorted(_kind_words("particle") | {"of", "for"}, key=len, reverse=True)))
    # a run never starts with a capitalised function word ("The", "But", "He"): skip them fast
    skips = sorted({w.capitalize() for w in _kind_words("function") if w.isalpha()})
    tail = r"(?![^\s\x00,;:.!?\u2019'])"
    # = (?!OPENER?(?:SKIP)TAIL)OPENER?CAPITAL[^\s\x00]*: written as one alternative per first
    # character (an opening mark, or a capital with the skip check for the words it starts), so that
    # the pattern starts with literals, which the regex engine scans for quickly. Same matches.
    first = [re.escape(o) + r"(?!(?:" + _q.trie_pattern(skips) + ")" + tail + r")[A-Z\u00c0-\u00d6\u00d8-\u00de]"
             for o in "\"'\u201c\u2018(["]
    capitals = [chr(c) for c in [*range(0x41, 0x5B), *range(0xC0, 0xD7), *range(0xD8, 0xDF)]]
    for c in capitals:
        rest = [w[1:] for w in skips if w[0] == c]
        first.append(re.escape(c) + (r"(?!(?:" + _q.trie_pattern(rest) + ")" + tail + ")" if rest else ""))
    return re.compile("(?:" + "|".join(first) + r")[^\s\x00]*"
                      + r"(?:\s+(?:(?:" + glue + r")\s+)?" + cap + r")*")


_RUN_ENDS = (",", ";", ":", ")", "?", "!", '"', "\u201d", "\u2019s", "'s")


def _name_runs(masked: str) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words (allowing name particles, `of` inside titles) with offsets: a list
    of runs, each a list of (cleaned word, start, end). A comma, a possessive or a full stop ends a
    run ("Denmark’s parliament")."""
    out = []
    function = _kind_words("function")
    abbreviations = _q._abbreviations()
    clean = _clean
    for m in _capseq_regex().finditer(masked):
        g = m.group()
        if " " not in g and "\n" not in g:          # one word: the common case
            w = clean(g)
            if w and w[:1].isupper() and w.lower() not in function:
                out.append([(w, m.start(), m.end())])
            continue
        base = m.start()
        runs = []
        run: list = []
        for t in _TOKEN.finditer(g):
            raw = t.group()
            w = clean(raw)
            if not w:
                continue
            if w[0].isupper() and w.lower() in function and run:
                runs.append(run)
                run = []
            run.append((w, base + t.start(), base + t.end()))
            if raw.endswith(_RUN_ENDS) or (                  # _ends_run, inlined
                    raw[-1] == "." and len(w.rstrip(".")) > 2 and "." not in w[:-1]
                    and w.lower() not in abbreviations):
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        for run in runs:                                # glue words never end a run
            while run and not run[-1][0][:1].isupper():
                run = run[:-1]
            if run:
                out.append(run)
    return out


def _split_role(run_words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a capitalised run: `Foreign Minister | Lars Lokke Rasmussen`,
    `Director of Public Prosecution | Eva-Marie Persson`."""
    k = _split_at(tuple(run_words))
    return run_words[:k], run_words[k:]


@lru_cache(maxsize=50000)
def _split_at(run_words: tuple) -> int:
    k = _role_index(list(run_words))
    if 0 < k < len(run_words) and run_words[k].lower() in ("of", "for", "to") and len(run_words) - k >= 4:
        k = len(run_words) - 2          # the title's `of ...` phrase; the name is the last two words
    elif 0 < k < len(run_words) and run_words[k].lower() in ("of", "for", "to"):
        k = len(run_words)              # "Doctors for Camp Closure": an organisation's name
    # a name needs at least one word after the title; titles never end with `of`/`for`
    return k


@lru_cache(maxsize=20000)
def _org_word(token: str) -> bool:
    """True when a cleaned word is an organisation or document cue of the taxonomy."""
    return any(row["kind"] in ("org", "document") for row in _cues_at(token))


_PLACE_PREPS = ("to", "of", "for", "at", "in")


def _build_registry(masked_paras: list[str], runs_by_para: list | None = None) -> Registry:
    """People named in an article: with a title (`Foreign Minister Lars Lokke Rasmussen`), a role
    in apposition (`Jane Doe, a professor at Yale`), or a full name whose last word is later used
    alone (`Kevin Mayer` ... `Mayer`), the newsroom convention for people."""
    reg = Registry()
    reg.masked = masked_paras
    reg.group_alias = _group_aliases(masked_paras)
    runs = []           # (paragraph text, run, words, title/name split, last word before the run)
    singles: set[str] = set()
    m_index = {id(m): i for i, m in enumerate(masked_paras)}
    function = _kind_words("function")
    if runs_by_para is None:
        runs_by_para = [_name_runs(m) for m in masked_paras]
    for pi, m in enumerate(masked_paras):
        for run in runs_by_para[pi]:
            words = [w for w, _, _ in run]
            if words[0].lower() in function:
                k = 0
                while k < len(words) and words[k].lower() in function:
                    k += 1
                words, run = words[k:], run[k:]
                if not words:
                    continue
            if len(words) > 1 and _PARTY_STATE.match(words[-1]):
                words = words[:-1]               # "Rep. Frank Lucas (R-OK), the ranking member"
            split = _split_at(tuple(words))
            if len(words) == 1:
                runs.append((m, run, words, split, None))
                singles.add(words[0].lower())
            else:
                prev = m[max(0, run[0][1] - 40):run[0][1]].rstrip().rsplit(None, 1)
                runs.append((m, run, words, split, prev))
                name_ = words[split:]
                if not split and len(name_) >= 3 and prev and prev[-1].lower() in _PLACE_PREPS:
                    name_ = name_[1:]            # "Ambassador to Britain Liu Xiaming"
                if 2 <= len(name_) <= 4 and not any(_cues_at(w) for w in name_):
                    reg.first_words.setdefault(name_[0].lower(), set()).add(
                        tuple(w.rstrip(".") for w in name_))
    for m, run, words, split, prev in runs:
        title, name = words[:split], words[split:]
        is_org = False
        for w in name:
            if _org_word(w):
                is_org = True
                break
        if is_org:
            org = " ".join(words).rstrip(".")
            reg.orgs.append(((m_index[id(m)], run[0][1]), org, type_of(org)))
            continue
        if title and name:
            role = " ".join(title)
            before = _role_before(m, run[0][1])
            if before:
                role = before + " " + role
            reg.add(name, role)
        elif not title and len(name) >= 2:
            place_role = None
            if len(name) >= 3 and prev and prev[-1].lower() in _PLACE_PREPS:
                # "envoy to Ukraine Kurt Volker": the role is the words before, with its place
                prep_at = m.rfind(prev[-1], 0, run[0][1])
                head = _role_before(m, prep_at) if prep_at > 0 else None
                if head:
                    place_role = f"{head} {prev[-1]} {name[0]}"
                name = name[1:]
            role = _appositive(m, run[-1][2]) or place_role or _role_before(m, run[0][1]) \
                or _as_role(m, run[0][1])
            if role or _last_name(name).lower() in singles:
                reg.add(name, role)
    for m, run, words, _, _ in runs:
        # "Tommy — who only goes by his first name online —": one name with a relative `who` is a
        # person (a first name, a mononym) even without a full name in the article
        if len(words) == 1 and "who" in m[run[0][2]:run[0][2] + 8] and _WHO_AFTER.match(m, run[0][2]) \
                and reg.get(words[0]) is None \
                and words[0][:1].isupper() and not _org_word(words[0]) and not _cues_at(words[0]) \
                and words[0].lower() not in function and not _CALENDAR.match(words[0]) \
                and not reg.has_lower_word(words[0].lower()):
            reg.add(words, _appositive(m, run[0][2]))
    for m, run, words, _, _ in runs:
        # "Hege is the CEO of DH": a surname used alone, with its role in a copula
        if len(words) == 1 and (" is " in m[run[0][2]:run[0][2] + 4]
                                or m.startswith(", who ", run[0][2])):
            p = reg.get(words[0])
            if p is not None and not p.role and not p.org:
                role = _appositive(m, run[0][2])
                if role:
                    p.role, p.type = role, type_of(role, True)
    return reg


_WHO_AFTER = re.compile(r"\s*(?:,|\u2014|\u2013|--)\s*who\s")
_AS_ROLE = re.compile(r"(?:^|[.!?]\s+)As\s+(?:a|an)\s+([^,;:.!?\x00]{2,150}?)"
                      r"(?:\s+and\s+[^,;:.!?\x00]*)?,\s*$")


def _as_role(masked: str, start: int) -> str | None:
    """`As a lung biologist at Penn, Andrew Vaughan …`: a role fronted before the name."""
    if not masked.endswith(", ", 0, start):
        return None
    m = _AS_ROLE.search(masked, max(0, start - 200), start)
    if m is None:
        return None
    role = m.group(1)
    if any(row["kind"] == "role" for _, _, row in cue_hits([_clean(w) for w in role.split()])):
        return role
    return None


_MODIFIERS = frozenset("former acting deputy senior chief assistant associate state foreign "
                       "interim vice press national top local then retired veteran longtime "
                       "u.s. us british american".split())


def _role_before(masked: str, start: int) -> str | None:
    """Lower-case role words right before a name: `former president`, `press secretary`."""
    toks = list(_TOKEN.finditer(masked, max(0, start - 90), start))
    picked = []
    last6 = toks[-6:]
    for k in range(len(last6) - 1, -1, -1):
        m = last6[k]
        raw = m.group()
        if raw == "and" and picked and k > 0 and _cues_at(_clean(last6[k - 1].group())):
            picked.append(raw)            # "chairman, CEO and president Craig Menear"
            continue
        if raw.endswith((",", ";", ":", ".")) and not _cues_at(_clean(raw)):
            break
        w = _clean(raw)
        if not w:
            break
        if _cues_at(w) or w.lower() in _MODIFIERS or (w[0].isupper() and w.lower() not in
                                                      _kind_words("function")) \
                or raw.endswith(("\u2019s", "'s")):
            picked.append(raw.strip(_STRIP))
        else:
            break
    picked.reverse()
    while picked and not cue_hits([_clean(w) for w in picked[-1:]]) and picked:
        picked.pop()
    if picked and any(row["kind"] == "role" for _, _, row in cue_hits([_clean(w) for w in picked])):
        return " ".join(picked)
    return None


_WHO_COPULA = frozenset("is was has had been serves served works worked as now also currently still "
                        "then later".split())


def _appositive(masked: str, end: int) -> str | None:
    """`, a professor at Yale,` right after a name: the role without its article."""
    rest = masked[end:end + 300]
    comma = end > 0 and masked[end - 1] == ","
    # an apposition needs a comma before it (the costly _APPOS match is skipped without one)
    m = _APPOS.match(rest) if comma or rest.lstrip().startswith(",") else None
    if not m:
        m = _COPULA.match(rest)               # "Hege is the CEO of DH"
        if not m:
            return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if len(words) > 14:
        # "a top aide to Vice President Pence on Trump's July 25 phone call with …": up to the
        # first preposition that starts what the person did
        cut = next((i for i, w in enumerate(words[2:15], 2) if w in _APPOS_CUT), None)
        words = words[:cut] if cut else words
        if len(words) > 14:
            # "the acting associate administrator … at NASA and the other witness at the hearing":
            # the first of two coordinated descriptions
            cut = next((i for i in range(2, 14) if words[i] == "and" and words[i + 1] in ("the", "a", "an")),
                       None)
            words = words[:cut] if cut else words
    if words and words[0] == "who":
        # "Howitt, who is now an immunologist at Stanford": a relative clause with a copula
        k = 1
        while k < len(words) and words[k] in _WHO_COPULA:
            k += 1
        if 1 < k < len(words) and words[k].lower() in ("a", "an", "the"):
            words = words[k:]
            # "..., who was the acting director of DHS and Alex Azar, ...": not the next person
            cut = next((i for i in range(1, len(words) - 1)
                        if words[i] == "and" and words[i + 1][:1].isupper()), None)
            words = words[:cut] if cut else words
    if not words or len(words) > 14 or words[0].lower() in _NOT_APPOSITION:
        return None
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if words and any(row["kind"] == "role" for _, _, row in cue_hits([_clean(w) for w in words])):
        return " ".join(words)
    return None


# ------------------------------------------------------------------------------ speaker phrases
class Speaker:
    __slots__ = ("kind", "words", "role", "start", "text")

    def __init__(self, kind, words, role=None, start=0, text=""):
        self.kind, self.words, self.role, self.start, self.text = kind, words, role, start, text


def _trim_adverbs(seg: str) -> str:
    adverbs = _kind_words("adverb")
    while True:
        s = seg.rstrip()
        parts = s.rsplit(None, 1)
        if len(parts) == 2 and parts[1].lower() in adverbs:
            seg = parts[0]
        else:
            return s


_SHARE_SUBJECT = re.compile(
    r"(?:^|[\s(,;\u2014])((?:[Aa]n?\s+|[Tt]he\s+)?(?:(?:overwhelming|slim|narrow|clear|bare)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|per\s?cent)|[A-Za-z]+(?:-[a-z]+)?\s+per\s?cent|majority)"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w\u2019'-]+\s+){0,2}?[\w\u2019'-]+)?)\s*$")
_POLL = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:[\w\u2019'.&-]+\s+){0,5}?"
                   r"(?:poll|survey)\b")


_NAME_THE = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,\s+(?:the|a|an)\s")


def parse_subject(seg: str, offset: int = 0) -> Speaker | None:
    """The source named at the end of `seg` (text right before a speech verb)."""
    if len(seg) > 400:                      # a subject is never further back than this
        offset += len(seg) - 400
        seg = seg[-400:]
    seg = _trim_adverbs(seg)
    if not seg or seg.endswith(NUL):
        return None
    if "ercent" in seg or "ajority" in seg or "%" in seg:
        share = _SHARE_SUBJECT.search(seg)
        if share:
            # "Fifty-one percent (of Americans) say": respondents, read as the poll (see _resolve)
            text = share.group(1)
            return Speaker("desc", text.split(), start=offset + share.start(1), text=text)
    if _AND_END.search(seg) and "," not in seg[-3:]:
        # "X accused ... and warned": the subject that starts the sentence
        return _leading(seg, offset)
    if seg.endswith(","):
        # NAME, who ... ,   (a relative clause between the source and its verb)
        rel = _RELATIVE.search(seg)
        if rel:
            words = [_clean(w) for w in rel.group(1).split()]
            while words and words[0].lower() in _kind_words("function"):
                words = words[1:]
            if words:
                return Speaker("name", words, start=offset + rel.start(1), text=" ".join(words))
        # NAME, appositive,  |  description, NAME,
        inner = seg[:-1]
        cut = inner.rfind(",")
        if cut > 0:
            left, app = inner[:cut], inner[cut + 1:]
            if _RELATIVE_START.match(app):
                # "The statement, which was obtained by Variety, claimed": the subject is before it;
                # "one user on Weibo, which is …, posted": a description that ends with a name
                start = max(left.rfind(","), _last_stop(left)) + 1
                clause = left[start:]
                words = clause.split()
                if 1 < len(words) <= 6 and words[0].lower() in _kind_words("indefinite"):
                    lead = len(clause) - len(clause.lstrip())
                    return Speaker("desc", [_clean(w) for w in words], start=offset + start + lead,
                                   text=" ".join(words))
                return _trailing(left, offset)
            left_clause = left[max(_last_stop(left), 0):]
            described = _ARTICLE_START.match(left_clause) is not None
            sp = None if described else _trailing(left, offset)
            app_words = app.split()
            if sp and sp.kind == "name" and 0 < len(app_words) <= 14:
                role_words = app_words[1:] if app_words[0].lower() in ("a", "an", "the") else app_words
                role = " ".join(role_words).strip(" ,")
                if role and type_of(role):
                    sp.role = role
                return sp
            sp2 = _trailing(app, offset + cut + 1)
            if sp2 and sp2.kind == "name":
                # "Prince Andrew, the younger brother of heir to the throne, Charles, has told": the
                # name that opens the clause, its description ending with another person's name
                ls = max(left.rfind(". "), left.rfind("; "), left.rfind(": "))
                first = _NAME_THE.match(left, ls + 2 if ls >= 0 else 0)
                if first and _split_role(first.group(1).split())[1]:
                    words = [_clean(w) for w in first.group(1).split()]
                    if words and words[0].lower() not in _kind_words("function"):
                        return Speaker("name", words, start=offset + first.start(1), text=first.group(1))
            if sp2 and sp2.kind == "name":
                desc = left[max(_last_stop(left), 0):].strip()
                if desc and type_of(desc):
                    sp2.role = _ARTICLE_PREFIX.sub("", desc)
                return sp2
            if described:
                sp = _trailing(left, offset)
                if sp is not None:
                    return sp
        # "Steve Menet, Senior Vice President of Sales for Dräger, Inc., says": the opening name
        lead = _OPENING_NAME.match(seg)
        if lead:
            words = [_clean(w) for w in lead.group(1).split()]
            if words and not _split_role(words)[0] and words[0].lower() not in _kind_words("function"):
                app = seg[lead.end():].strip(" ,")
                sp = Speaker("name", words, start=offset + lead.start(1), text=lead.group(1))
                if app and type_of(app) and len(app.split()) <= 16:
                    sp.role = _ARTICLE_PREFIX.sub("", app.split(",")[0].strip())
                return sp
        return None
    return _trailing(seg, offset)


def _leading(seg: str, offset: int) -> Speaker | None:
    """The source that opens a sentence (a name, a pronoun), for coordinated speech verbs."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(seg)]
    k = 0
    if toks and _clean(toks[0][0]).lower() in _OPENING_ADVERBIAL:
        # an opening adverbial ("During the call, he asked …"): the subject comes after its comma
        comma = next((i for i, t in enumerate(toks[:8]) if t[0].endswith(",")), None)
        if comma is not None and comma + 1 < len(toks):
            k = comma + 1
    while k < len(toks) and _clean(toks[k][0]).lower() in _kind_words("function") \
            and _clean(toks[k][0]).lower() not in _kind_words("pronoun"):
        k += 1
    if k >= len(toks):
        return None
    w = _clean(toks[k][0])
    if w.lower() in _kind_words("pronoun"):
        return Speaker("pronoun", [w.lower()], start=offset + toks[k][1], text=w)
    if k > 0 and _clean(toks[k - 1][0]).lower() in ("the", "a", "an"):
        j = k
        while j < min(len(toks), k + 4) and not toks[j][0].endswith(",") and \
                not _verb_regex().fullmatch(toks[j][0]):
            j += 1
        if j < len(toks) and _verb_regex().fullmatch(toks[j][0]):
            words = [_clean(t[0]) for t in toks[k - 1:j]]
            return Speaker("desc", words, start=offset + toks[k - 1][1],
                           text=seg[toks[k - 1][1]:toks[j - 1][2]])
    run = []
    j = k
    while j < len(toks) and _is_cap(_clean(toks[j][0])):
        run.append(_clean(toks[j][0]))
        if toks[j][0].endswith((",", "\u2019s", "'s")):
            break
        j += 1
    if run and not toks[j - 1][0].endswith(("\u2019s", "'s")) if j > k else False:
        return Speaker("name", run, start=offset + toks[k][1], text=" ".join(run))
    if run and j < len(toks) and toks[j][0].endswith(("\u2019s", "'s")):
        # "China’s ambassador to Britain accused …": a possessive description with a role word
        words = [toks[i][0].strip(_STRIP) for i in range(k, min(len(toks), j + 5))]
        tail = []
        for w in words[len(run):]:
            if _cues_at(_clean(w)) or w.lower() in _MODIFIERS or w.lower() in ("to", "of", "for") or _is_cap(_clean(w)):
                tail.append(w)
            else:
                break
        if tail and any(row["kind"] == "role" for _, _, row in cue_hits([_clean(w) for w in tail])):
            n = 0
            while n < len(tail) and _is_cap(_clean(tail[-1 - n])) and not _cues_at(_clean(tail[-1 - n])):
                n += 1
            if n >= 2 and n < len(tail) and _cues_at(_clean(tail[-1 - n])):
                # "Delhi’s Chief Minister Arvind Kejriwal": the title and name after the possessive
                return Speaker("name", [_clean(w) for w in tail], start=offset + toks[j + 1][1],
                               text=" ".join(tail))
            return Speaker("desc", words[:len(run)] + tail, start=offset + toks[k][1],
                           text=" ".join(words[:len(run)] + tail))
    return None


def _last_stop(text: str) -> int:
    last = -1
    for m in _CLAUSE_STOP.finditer(text):
        last = m.end()
    return last


def _trailing(seg: str, offset: int) -> Speaker | None:
    cut = _last_stop(seg)
    clause_start = cut if cut > 0 else 0
    clause = seg[clause_start:]
    toks = [(m.group(), m.start() + clause_start, m.end() + clause_start) for m in _TOKEN.finditer(clause)]
    if not toks or NUL in clause:
        return None
    words = [_clean(t[0]) for t in toks]
    last = words[-1]
    if last.lower() in _kind_words("pronoun") and (len(words) == 1 or not _is_cap(words[-2])):
        return Speaker("pronoun", [last.lower()], start=offset + toks[-1][1], text=last)
    # trailing run of capitalised words, possibly coordinated with `and`
    k = len(words)
    particles = _kind_words("particle")
    while k > 0:
        w = words[k - 1]
        if _is_cap(w) or (w.lower() in particles | {"of", "and", "for"} and k - 1 > 0 and k < len(words)):
            k -= 1
        elif w and w[0].isupper() and w.lower() in ("the",) and False:
            k -= 1
        else:
            break
    run = words[k:]
    while run and run[0].lower() in ("of", "and", "for"):
        run, k = run[1:], k + 1
    if len(run) >= 3 and k > 0 and words[k - 1].lower() in ("to", "of", "for", "at", "in") \
            and not _role_index(run) and "and" not in [w.lower() for w in run]:
        run, k = run[1:], k + 1
    if len(run) == 1 and k >= 2 and words[k - 1].lower() in ("to", "of", "for", "in", "at") \
            and any(r["kind"] == "role" for r in _cues_at(words[k - 2])):
        # "China’s ambassador to Britain said": the description, not the place
        lead = _leading(clause, offset + clause_start)
        if lead is not None and lead.kind == "desc":
            return lead
    if run and any(_is_cap(w) for w in run):
        det_before = k > 0 and words[k - 1].lower() in ("the",)
        start = toks[k - 1][1] if det_before else toks[k][1]
        role = _role_before(seg, toks[k][1]) if k > 0 else None
        return Speaker("name", run, role=role, start=offset + start,
                       text=seg[start:toks[-1][2]].strip(_STRIP + "."))
    # "Paganini and his team", "Smith and colleagues": the named person
    m_and = _AND_TEAM.search(clause)
    if m_and:
        run = [w for w in m_and.group(1).split() if w.lower() not in _kind_words("function")]
        if run:
            return Speaker("name", [_clean(w) for w in run], start=offset + clause_start + m_and.start(1),
                           text=m_and.group(1))
    # description starting with a determiner
    dets = _kind_words("determiner")
    for i, w in enumerate(words):
        if w.lower() in dets and len(words) - i <= 10:
            rest = [x.lower() for x in words[i:]]
            if "who" in rest and i == 0 and len(rest) <= 12:
                rest = rest[:rest.index("who")]       # "an official who spoke on condition of anonymity"
            if any(x in _NOT_IN_DESCRIPTION for x in rest):
                continue
            start = toks[i][1]
            return Speaker("desc", words[i:], start=offset + start,
                           text=seg[start:toks[-1][2]].strip(_STRIP + "."))
    # bare plural or mass noun: "officials", "U.S. officials", "police"
    hits = cue_hits(words[-2:])
    if hits:
        i = len(words) - 2 if len(words) >= 2 and (_is_cap(words[-2]) or cue_hits(words[-2:-1])) \
            and words[-2].lower() not in _kind_words("function") else len(words) - 1
        if cue_hits(words[-1:]):
            start = toks[i][1]
            return Speaker("desc", words[i:], start=offset + start,
                           text=seg[start:toks[-1][2]].strip(_STRIP + "."))
    return None


def parse_post(seg: str, offset: int = 0) -> Speaker | None:
    """The source named right after a speech verb (`said Rasmussen`, `said the ministry`)."""
    m = _SPACES.match(seg)
    pos = m.end()
    body = seg[pos:]
    stop = None
    for cand in _BREAK_CANDIDATE.finditer(body):
        if cand.group() == ".":
            j = cand.start()
            while j > 0 and not body[j - 1].isspace():
                j -= 1
            token = body[j:cand.start() + 1].lower()
            if token in _q._abbreviations() or _INITIALS.fullmatch(token):
                continue
        stop = cand
        break
    head = body[:stop.start()] if stop else body
    toks = [(t.group(), t.start(), t.end()) for t in _TOKEN.finditer(head)]
    if not toks:
        return None
    words = [_clean(t[0]) for t in toks]
    if words[0].lower() in _kind_words("pronoun"):
        return Speaker("pronoun", [words[0].lower()], start=offset + pos, text=words[0])
    if words[0].lower() in _kind_words("determiner") and words[0].lower() not in ("his", "her", "their", "its"):
        end = len(words)
        for i, w in enumerate(words[1:], 1):
            if w.lower() in _PLACE_PREP:
                end = i
                break
        if end > 3 and not cue_hits(words[:end]):
            return None                     # "an upcoming rendezvous with the": not a source
        sp = Speaker("desc", words[:end], start=offset + pos,
                     text=head[:toks[end - 1][2]])
        if words[0].lower() == "the" and end > 1 and _is_cap(words[1]):
            sp.kind, sp.words = "name", words[1:end]
        return sp
    lead = 0
    while lead < min(len(words), 4) and not _is_cap(words[lead]) and words[lead].lower() not in \
            _kind_words("function") and words[lead].lower() not in _PLACE_PREP:
        lead += 1
    if lead and (lead >= len(words) or not _is_cap(words[lead])):
        lead = 0
    if _is_cap(words[lead]) or words[0].lower() in _MODIFIERS or _cues_at(words[0]):
        end = lead
        while end < len(words) and (_is_cap(words[end]) or words[end].lower() in _MODIFIERS
                                    or _cues_at(words[end]) or words[end].lower() in
                                    _kind_words("particle") | {"of", "and"}):
            end += 1
        run = words[lead:end]
        if not run:
            return None
        title, name = _split_role(run)
        role = " ".join(title) if title and name else None
        if lead:
            role = " ".join(words[:lead] + (title if title and name else []))
        # `Rosaly Lopes of NASA's Jet Propulsion Laboratory`: the name ends before `of`
        t_len = len(title) if title and name else 0
        if "of" in [w.lower() for w in run[t_len:]]:
            cut = t_len + [w.lower() for w in run[t_len:]].index("of")
            if cut > t_len:
                affiliation = " ".join(run[cut:])
                role = (role + " " + affiliation) if role else None
                run = run[:cut]
        if stop is not None and body[stop.start()] == ",":
            app = _appositive(body, stop.start())
            if app:
                role = app
        return Speaker("name", run, role=role, start=offset + pos,
                       text=" ".join(run))
    return None


# ------------------------------------------------------------------------------ resolution
def _resolve(sp: Speaker, pos, reg: Registry, history: list) -> tuple[str | None, str | None, str]:
    """(canonical speaker, role, source type) for a parsed speaker phrase at position `pos`."""
    if sp.kind == "pronoun":
        w = sp.words[0]
        if w in ("he", "she"):
            p = reg.last_before(pos, gender="m" if w == "he" else "f")
            if p is not None:
                return p.name, p.role, p.type or "other"
            return None, None, "other"
        # they / it: the last group or organisation that spoke
        for name, role, typ, is_group, _ in reversed(history):
            if is_group:
                return name, role, typ
        # never a single person: "they" after a named person is a group in news text (tried: the
        # last person named gave two wrong reported-speech rows on the development pages, no gain)
        return None, None, "other"
    if sp.kind == "name":
        words = [w for w in sp.words if w and not _PARTY_STATE.match(w)]
        # leading words that are not names: function words, glue, and capitalised common words
        # that the article also uses in lower case ("Another", "Over", "Being President")
        initial = _sentence_initial(reg, pos[0], sp.start)
        while words and not _ACRONYM.match(words[0]) and (
                words[0].lower() in _kind_words("function") or not words[0][:1].isupper()
                or (len(words) > 2 and words[0].endswith(("\u2019s", "'s")))
                         or (initial and reg.has_lower_word(words[0].lower()) and len(words) > 1
                             and not _cues_at(words[0]))):
            words = words[1:]
            initial = False
        if not words or (len(words) == 1 and _CALENDAR.match(words[0])):
            return None, None, "other"
        groups = _split_and(words)
        out = []
        for g in groups:
            out.append(_resolve_name(g, sp.role if len(groups) == 1 else None, reg))
        if len(out) == 1:
            return out[0]
        names = " and ".join(o[0] for o in out)
        roles = [o[1] for o in out if o[1]]
        types = {o[2] for o in out}
        return names, " and ".join(roles) if roles else None, types.pop() if len(types) == 1 else "other"
    # descriptions
    words = sp.words
    text = sp.text or " ".join(words)
    if ("ercent" in text or "ajority" in text or "%" in text) and _SHARE_SUBJECT.fullmatch(" " + text):
        # a share of respondents speaks through the poll that asked them
        poll = reg.poll_before(pos)
        if poll:
            return poll[0].lower() + poll[1:], None, "poll_survey"
    if reg.group_alias and words and words[0].lower() in _kind_words("determiner"):
        # "the physicians stated": the organisation the article says these people form
        for w in words[1:]:
            w = _clean(w).lower()
            for key in (w, *_synonyms().get(w, ())):
                org = reg.group_alias.get(key)
                if org:
                    return org, None, _group_type(org)
    if words and words[0].lower() in _kind_words("determiner") and text[:1].isupper():
        text = text[0].lower() + text[1:]
    typ = type_of(text)
    first = words[0].lower() if words else ""
    if first in _kind_words("indefinite") or (first not in _kind_words("determiner") and words
                                              and words[-1].lower().endswith("s")
                                              and typ not in ("government_official", "military_security",
                                                              "media_news_agency", "document_report",
                                                              "poll_survey", "business")):
        if typ in ("poll_survey", "document_report", "media_news_agency"):
            return text, None, typ
        if _COURT_HEAD.fullmatch(words[-1].lower()) and not _UNNAMED_MARK.search(text):
            # "a judge ruled": courts act in public rulings, never as unnamed sources
            return text, None, "government_official"
        if typ == "citizen_eyewitness" and first not in ("a", "an", "one") and words[-1].lower().endswith("s") \
                and type_of(words[-1]) == typ:
            # "some Indiana protesters chanted": a crowd, not a source kept unnamed
            return text, None, typ
        if any(_is_spokes(w) for w in words) and not _UNNAMED_MARK.search(text):
            # "a company spokesperson": an unnamed voice of an organisation the article types
            # (`company`, `ministry`) speaks with that organisation's type
            org_typ = type_of(" ".join(w for w in words if not _is_spokes(w)))
            if org_typ is not None:
                return text, None, org_typ
        return text, None, "anonymous_unnamed"
    raw_words = (sp.text or "").split()
    if words and words[0].endswith(("\u2019s", "'s")) or (len(words) > 1 and words[0][:1].isupper()
                                                          and raw_words[0].endswith(("\u2019s", "'s"))) \
            or (first == "the" and any(w.endswith(("\u2019s", "'s")) for w in raw_words[1:-1])):
        # "China’s ambassador to Britain": the person registered with that role word
        heads = [w.lower() for w in words if any(r["kind"] == "role" for r in _cues_at(_clean(w)))]
        people = [p for p in reg.by_last.values() if p.role and not p.org and
                  any(_same_head(h, p.role) for h in heads)]
        if len({p.name for p in people}) == 1:
            p = people[0]
            return p.name, p.role, p.type or typ or "other"
    if first == "the" and len(words) >= 2:
        head = words[-1].lower()
        # "the ministers": the named people with that role
        people = [p for p in reg.by_last.values() if p.role and not p.org and
                  _same_head(head, p.role)]
        if head.endswith("s") and len(people) >= 2:
            people_sorted = [p for _, p in sorted(((_first_pos(reg, p), p) for p in people),
                                                  key=lambda x: x[0])]
            names = []
            for p in people_sorted:
                if p.name not in names:
                    names.append(p.name)
            types = {p.type for p in people_sorted}
            return " and ".join(names), " and ".join(p.role for p in people_sorted), \
                types.pop() if len(types) == 1 else (typ or "other")
        if not head.endswith("s") and len(people) >= 1 and len(words) <= 3:
            # "the governor": of the people with that role, the one mentioned last before
            ids = {id(x) for x in people}
            p = next((x for mpos, x in reversed(reg.mentions) if mpos < pos and id(x) in ids), people[-1])
            return p.name, p.role, p.type or typ or "other"
        if len(words) <= 4:
            # "the insider" after "an insider": the unnamed source introduced before
            kinds0 = {row["kind"] for _, _, row in cue_hits([_clean(w) for w in words[1:]])}
            earlier = None if "document" in kinds0 else reg.indefinite_before(pos, _clean(words[-1]))
            if earlier is None and head in _AGED_HEADS and not any(
                    w.endswith(("\u2019s", "'s")) for w in (sp.text or "").split()):
                # "the patient" after "a 43-year-old man": the unnamed person introduced by age
                aged = reg.aged_before(pos)
                if aged:
                    aged = aged[0].lower() + aged[1:].replace("-year-old-", "-year-old ")
                    return aged, None, type_of(head) or "citizen_eyewitness"
            if earlier:
                return earlier, None, "anonymous_unnamed" if type_of(earlier) not in (
                    "poll_survey", "document_report", "media_news_agency") else type_of(earlier)
            kinds = {row["kind"] for _, _, row in cue_hits([_clean(w) for w in words[1:]])}
            if "document" in kinds and "org" not in kinds:
                # "the statement said": whoever was said to speak "in a statement" before, else the
                # last organisation that spoke
                head_word = _clean(words[-1]).lower()
                for name, role, t, is_group, sentence in reversed(history):
                    if name and head_word in sentence and type_of(name) != "document_report":
                        return name, role, t
                issuer = _issuer(reg, head_word, pos)       # "X issued a statement"
                if issuer is not None:
                    return _resolve(issuer, pos, reg, [])
                for name, role, t, is_group, _ in reversed(history):
                    if is_group and name and type_of(name) not in ("document_report",) and \
                            name.split()[0].lower() not in _kind_words("indefinite"):
                        return name, role, t
                org = reg.last_org(pos)
                if org:
                    return org[0], None, org[1] or "other"
            elif "org" in kinds:
                for name, role, t, is_group, _ in reversed(history):
                    if is_group and name and t == typ and not name.lower().startswith(("the ", "a ", "an ")):
                        return name, role, t
                org = reg.last_org(pos, typ) or None
                if org:
                    return org[0], None, org[1] or typ or "other"
            elif not head.endswith("s") and not any(w.endswith(("\u2019s", "'s")) for w in
                                                     (sp.text or "").split()):
                p = reg.last_before(pos)
                # "the patient" is not the pulmonologist named last: a person whose role the article
                # gives is the referent only when the role has the description's head word
                if p is not None and (not p.role or _same_head(head, p.role)):
                    return p.name, p.role, p.type or "other"
    return text, None, typ or "other"


_COURT_HEAD = re.compile(r"judges?|courts?|jury|juries|tribunals?|magistrates?")


def _is_spokes(word: str) -> bool:
    w = word.lower().rstrip(".,")
    return w.startswith("spokes") or w in ("representative", "representatives", "rep", "reps")


_UNNAMED_MARK = re.compile(r"anonym|not (?:be )?(?:named|identified|authori[sz]ed)|not to be (?:named|identified)"
                           r"|not wish to be|declined to be", re.IGNORECASE)


def _issuer(reg: Registry, head: str, pos) -> Speaker | None:
    """The name that comes before `head` (statement, letter) in the last earlier sentence that
    mentions it: "On Monday, Big Machine Records issued a statement" -> Big Machine Records."""
    pi, off = pos
    pat = re.compile(r"\b" + re.escape(head) + r"\b", re.IGNORECASE)
    for k in range(pi, max(-1, pi - 8), -1):
        text = reg.masked[k]
        bounds = _q.sentence_bounds(text)
        for s0, e0 in reversed(bounds):
            if k == pi and e0 >= off:
                continue
            m = pat.search(text, s0, e0)
            if not m:
                continue
            best = None
            for run in _name_runs(text[s0:m.start()]):
                words = [w for w, _, _ in run if w.lower() not in _kind_words("function")]
                words = [w for w in words if not _CALENDAR.match(w.rstrip(".,"))]
                if words:
                    best = Speaker("name", words, start=s0 + run[0][1], text=" ".join(words))
            return best
    return None


def _sentence_initial(reg: Registry, pi: int, start: int) -> bool:
    """True when the phrase at `start` opens a sentence (its first word may be a common word)."""
    if not reg.masked or pi >= len(reg.masked):
        return False
    before = reg.masked[pi][:max(start, 0)].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\u201d\""


def _first_pos(reg: Registry, person: Person):
    for mpos, p in reg.mentions:
        if p is person:
            return mpos
    return (10 ** 9, 0)


def _same_head(head: str, role: str) -> bool:
    role_words = [w for w in _SPACE_OR_HYPHEN.split(role.lower()) if w]     # co-founder: founder
    stem = head[:-1] if head.endswith("s") else head
    if any(w.startswith(stem) and len(stem) >= 4 for w in role_words):
        return True
    low = " " + " ".join(role_words) + " "
    return any(f" {syn} " in low or f" {syn}s " in low for syn in _synonyms().get(head, ()))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset]:
    """Role and group nouns that name the same thing (`premier` and `prime minister`), both ways."""
    out: dict[str, set] = {}
    for pair in _kind_words("synonym"):
        a, _, b = (x.strip() for x in pair.partition("="))
        if a and b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


_ORG_RUN = re.compile(r"[A-Z][\w\u2019'&.-]*(?:\s+(?:(?:for|of|and|the|on|in|to|&)\s+)*[A-Z][\w\u2019'&.-]*)*")


@lru_cache(maxsize=1)
def _group_patterns() -> tuple[re.Pattern, ...]:
    gn = "|".join(sorted(map(re.escape, _kind_words("group_noun")), key=len, reverse=True)) or "group"
    hint = re.compile(r"\b(?:members|founders|organi[sz]ers|part)\s+of\b|\b(?:" + gn + r")\b")
    members = re.compile(r"\b[Tt]he\s+([a-z]+s),\s+(?:all\s+)?(?:members|founders|organi[sz]ers|part)\s+of\s+"
                         r"([^,;:.!?\x00]{2,100})")
    of_people = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" + gn +
                           r")\s+of\s+(?:[\w-]+\s+){0,2}?([a-z]+s)\b")
    called = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" + gn + r")\s+(?:called|named|known as)\s+(" +
                        _ORG_RUN.pattern + r")")
    return hint, members, of_people, called


@lru_cache(maxsize=1)
def _group_hint_literals() -> tuple[str, ...]:
    """Substrings one of which every match of the group `hint` pattern contains."""
    return ("members", "founders", "organi", "part", "group") + tuple(sorted(_kind_words("group_noun")))


def _group_aliases(masked_paras: list[str]) -> dict[str, str]:
    """Plural and collective nouns the article uses for a named organisation of people: `The doctors,
    members of a recently formed group Doctors for Camp Closure` maps `doctors` and `group` to it;
    also `D4CC, a coalition of physicians` and `a group called D4CC`. First naming wins."""
    hint, members, of_people, called = _group_patterns()
    groups = _kind_words("group_noun")
    out: dict[str, str] = {}
    joined = "\n".join(masked_paras)
    literals = [w for w in _group_hint_literals() if w in joined]     # those the article contains
    if not literals:
        return out
    for m in masked_paras:
        # every hint match contains one of these words: a cheap test before the regex
        if not any(w in m for w in literals) or not hint.search(m):
            continue
        for x in members.finditer(m):
            orgs = [r.group() for r in _ORG_RUN.finditer(x.group(2))]
            if orgs and len(orgs[-1].split()) >= 2:
                org = orgs[-1].rstrip(".")
                out.setdefault(x.group(1).lower(), org)
                for w in x.group(2).lower().split():
                    if w in groups:
                        out.setdefault(w, org)
        for x in of_people.finditer(m):
            # the organisation's name right before the comma: "D4CC, a coalition of physicians"
            before = [r for r in _ORG_RUN.finditer(m, max(0, x.start() - 120), x.start())]
            if before and before[-1].end() == x.start():
                org = before[-1].group().rstrip(".")
                if org.split()[0].lower() not in _kind_words("function"):
                    out.setdefault(x.group(2).lower(), org)
                    out.setdefault(x.group(1).lower(), org)
        for x in called.finditer(m):
            out.setdefault(x.group(1).lower(), x.group(2).rstrip("."))
    return out


def _group_type(org: str) -> str:
    """Source type of an organisation of people: its organisation cue (`union`, `Ministry`), else a
    civil-society group."""
    hits = [row for _, _, row in cue_hits([_clean(w) for w in org.split()])
            if row["kind"] == "org" and row["strength"] == "head"]
    return hits[0]["type"] if hits else "civil_society_ngo"


def _split_and(words: list[str]) -> list[list[str]]:
    groups, cur = [], []
    for w in words:
        if w.lower() == "and":
            if cur:
                groups.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        groups.append(cur)
    # "Johnson and Johnson"-style organisation names stay one
    if len(groups) > 1 and any(len(g) == 0 for g in groups):
        return [words]
    return groups


def _expand_acronym(acr: str, reg: Registry) -> str | None:
    """The name an acronym abbreviates in this article (`WHO` -> `World Health Organization`):
    a run of capitalised words, `of`/`for`/`the`/`and` aside, whose initials spell it."""
    cache = reg.acronyms
    if acr in cache:
        return cache[acr]
    found = None
    if reg._joined is None:
        reg._joined = "\n".join(reg.masked)
    for m in _ORG_RUN.finditer(reg._joined):
        if " " not in m.group():
            continue
        toks = m.group().split()
        for i, t in enumerate(toks):             # a run ends at a word with a stop after it
            if t[:1] != acr[0]:
                continue
            caps, j = 0, i
            while j < len(toks) and caps < len(acr):
                w = toks[j].rstrip(".,;:")
                if w[:1].isupper():
                    if w[0] != acr[caps]:
                        break
                    caps += 1
                j += 1
                if toks[j - 1] != w:
                    break
            if caps == len(acr) and toks[j - 1][:1].isupper():
                found = " ".join(toks[i:j]).rstrip(".,;:")
                break
        if found:
            break
    cache[acr] = found
    return found


def _resolve_name(words: list[str], role: str | None, reg: Registry):
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and _ACRONYM.match(words[0]) and reg.get(words[0]) is None:
        full = _expand_acronym(words[0], reg)
        if full:
            return full, None, type_of(full) or type_of(words[0]) or "other"
    title, name = _split_role(words)
    if len(name) == 1 and not title and reg.get(name[0]) is None:
        full = reg.first_words.get(name[0].lower())
        if full and len(full) == 1:
            name = list(next(iter(full)))
    if not name:
        # an organisation (or a bare title: "Minister")
        org = " ".join(words)
        p = reg.get(words[-1])
        if p is not None and not p.org:
            return p.name, p.role, p.type or _country_type(p.name) or "other"
        return org, None, type_of(org) or _country_type(org) or "other"
    if any(row["kind"] == "org" or row["kind"] == "document" for w in name for row in _cues_at(w)):
        org = " ".join(words)
        return org, None, type_of(org) or "other"
    if title and not role:
        role = " ".join(title)
    p = reg.add(name, role)
    return p.name, p.role, p.type or _country_type(p.name) or "other"


# ------------------------------------------------------------------------------ per article
def _speech_quotes(quotes_):
    return [q for q in quotes_ if q[5] != "scare"]


def _clause_starts(word: str) -> bool:
    w = word.lower()
    return (w in _kind_words("pronoun") or w in ("there", "this", "these", "those", "no", "any", "all",
                                                 "we", "i", "you", "his", "her", "their", "its",
                                                 "the", "a", "an", "some", "such", "both", "nothing",
                                                 "none", "every", "each", "russia", "china")
            or word[:1].isupper() or word[:1].isdigit())


@lru_cache(maxsize=2048)
def article_attributions(text: str) -> tuple[tuple, ...]:
    """Attributions of one body: tuples (paragraph, speaker, role, source_type, cue, kind, text,
    start, end), sorted by paragraph and start."""
    quotes_ = _q.article_quotes(text)
    paras = text.split("\n\n")
    by_para: dict[int, list] = {}
    for q in quotes_:
        by_para.setdefault(q[0], []).append(q)
    # the paragraphs as article_quotes masked them; their sentences stay known to _q.sentence_bounds
    masked_paras = _q.masked_paragraphs(text)[0]
    runs_by_para = [_name_runs(m) for m in masked_paras]
    reg = _build_registry(masked_paras, runs_by_para)
    verb_re = _verb_regex()
    verbs = _verbs()

    # 1. direct quotes: find cue and raw speaker phrase
    direct = []          # (q, Speaker or None, cue, verb_span)
    used_verbs: set[tuple[int, int]] = set()
    for pi, p in enumerate(paras):
        qs = by_para.get(pi, [])
        if not qs:
            continue
        masked = masked_paras[pi]
        bounds = _q.sentence_bounds(masked)
        # titles and scare quotes inside the sentence do not bound an attribution
        # (Developer Valve called 'Half Life: Alyx' "a flagship VR game.")
        top = [x for x in qs if not x[9] and x[5] != "scare"]
        top_at = {id(x): i for i, x in enumerate(top)}
        for k, q in enumerate(qs):
            if q[5] == "scare":
                continue
            a, b = q[7], q[8]
            kk = top_at.get(id(q), 0)
            nxt = top[kk + 1][7] if kk + 1 < len(top) else len(p)
            prv = (top[kk - 1][8] + 1 if top[kk - 1][8] is not None else len(p)) if kk > 0 else 0
            found = None
            if q[9]:
                # a quotation inside a quotation: its cue is in the outer quote's own words
                outer = max((x for x in qs if x[1] <= q[1] and q[2] <= x[2] and not x[9]),
                            key=lambda x: x[1], default=None)
                if outer is not None:
                    local = _q._mask(p, [(q[1], q[2])])
                    found = _before_cue(local, outer[1], a, _q.sentence_bounds(local), verb_re)
                if found is not None:
                    sp, cue, vspan = found
                    direct.append((q, sp, cue))
                else:
                    direct.append((q, None, None))
                continue
            if _adjacent_cue(masked, prv, a, verb_re):
                # `he said, "…," the office said`: the verb right before the mark is the speaker's
                # (its subject may stand before an earlier quotation of the same sentence)
                found = _before_cue(masked, 0, a, bounds, verb_re)
            if found is None and b is not None:
                found = _after_cue(masked, b + 1, nxt, bounds, verb_re)
            if found is None:
                found = _before_cue(masked, prv, a, bounds, verb_re)
            if found is not None:
                sp, cue, vspan = found
                used_verbs.add((pi, vspan[0]))
                direct.append((q, sp, cue))
            else:
                direct.append((q, None, None))

    # 2. reported speech and according-to
    reported = []        # (pi, Speaker, cue, start, end, post)
    according = []
    for pi, p in enumerate(paras):
        masked = masked_paras[pi]
        if not masked.strip():
            continue
        bounds = None
        for m in verb_re.finditer(masked):
            if (pi, m.start()) in used_verbs:
                continue
            row = verbs.get(m.group().lower())
            if row is None or row.get("reported") != "1":
                continue
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q._sentence_of(bounds, m.start())
            found = _reported(masked, s, e, m, row)
            if found is not None:
                sp, cs, ce = found
                reported.append((pi, sp, m.group(), cs, ce))
        for m in (_ACCORDING.finditer(masked) if "ccording to" in masked else ()):
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q._sentence_of(bounds, m.start())
            found = _according(masked, s, e, m, by_para.get(pi, []))
            if found is not None:
                sp, cs, ce = found
                according.append((pi, sp, cs, ce))

    # 3. speakers named at cues are people too: add them, then list every mention of a person
    # (for pronouns) in reading order
    for q, sp, cue in direct:
        if sp is not None and sp.kind == "name":
            _resolve(sp, (q[0], q[7]), reg, [])
    for pi, sp, cue, cs, ce in reported:
        if sp.kind == "name":
            _resolve(sp, (pi, sp.start), reg, [])
    reg.mentions = []
    by_last = reg.by_last                        # reg.get, inlined
    for pi, masked in enumerate(masked_paras):
        for run in runs_by_para[pi]:
            for w, s, _ in run:
                person = by_last.get(w.lower())
                if person is not None:
                    reg.mentions.append(((pi, s), person))
    reg.mentions.sort(key=lambda x: x[0])        # genders are guessed when a pronoun needs one

    # 4. resolve in reading order
    events = []
    for q, sp, cue in direct:
        events.append(((q[0], q[1]), "direct", q, sp, cue))
    for pi, sp, cue, cs, ce in reported:
        events.append(((pi, cs), "reported", (pi, cs, ce), sp, cue))
    for pi, sp, cs, ce in according:
        events.append(((pi, cs), "according_to", (pi, cs, ce), sp, "according to"))
    events.sort(key=lambda x: (x[0], x[1] != "direct"))
    history: list = []
    rows = []
    resolved_q: dict[tuple, tuple] = {}
    pending = []
    for pos, kind, item, sp, cue in events:
        spos = (pos[0], sp.start) if sp is not None else pos
        if sp is None:
            pending.append((pos, item))
            rows.append(None)
            continue
        name, role, typ = _resolve(sp, spos, reg, history)
        if kind != "according_to" and typ != "media_news_agency":
            known = reg.get(name.split()[-1]) if sp.kind == "name" and name else None
            mp = masked_paras[spos[0]]
            s0, e0 = _q._sentence_of(_q.sentence_bounds(mp), min(max(spos[1], 0), max(len(mp) - 1, 0)))
            history.append((name, role, typ, sp.kind == "desc" or (
                sp.kind == "name" and name is not None and (known is None or known.org)),
                mp[s0:e0].lower()))
        if kind == "direct":
            q = item
            resolved_q[(q[0], q[1])] = (name, role, typ, cue)
            rows.append((q[0], name, role, typ, cue, "direct", q[3], q[1], q[2]))
        else:
            pi, cs, ce = item
            if name is None:
                rows.append(False)          # reported speech of nobody we can name: left out
                continue
            rows.append((pi, name, role, typ, cue, kind, paras[pi][cs:ce], cs, ce))
    # quotes without a cue: the quote they continue, the neighbour in the paragraph, or the last
    # source before them
    speech_by_para: dict[int, list] = {}
    by_qid: dict[int, list] = {}
    for x in quotes_:
        if x[5] != "scare":
            speech_by_para.setdefault(x[0], []).append(x)
        by_qid.setdefault(x[6], []).append(x)
    out = []
    last_named = last_pos = None
    for (pos, kind, item, sp, cue), row in zip(events, rows):
        if row is False:
            continue
        if row is not None:
            out.append(row)
            if row[1] is not None and kind != "according_to":
                last_named = (row[1], row[2], row[3], None)
                last_pos = pos
            continue
        q = item
        mq = masked_paras[q[0]]
        qb = _q.sentence_bounds(mq)
        s0 = _q._sentence_of(qb, q[7])[0]
        guess = None
        if mq[s0:q[7]].rstrip().endswith(":"):
            # "Buckley, who phoned in …, had a similar experience: "…"": the sentence's subject
            # (after an earlier speech quote the sentence may be joined to)
            lo = max([s0] + [x[8] + 1 for x in speech_by_para.get(q[0], ())
                             if x[8] is not None and x[8] < q[7] and not x[9]])
            guess = _subject_person(reg, mq, lo, q[7], q[0])
        if guess is None:
            guess = _neighbour(q, speech_by_para.get(q[0], []), by_qid.get(q[6], []), resolved_q)
        if guess is None and s0 > 0 and not mq[s0:q[7]].strip():
            # "Aderholt returned to the issue. "What …?"": the subject of the sentence before
            sp_ = _q._sentence_of(qb, s0 - 1)
            if "\x00" not in mq[sp_[0]:sp_[1]]:
                guess = _subject_person(reg, mq, sp_[0], sp_[1], q[0])
        if guess is None and last_named is not None:
            # a person introduced with a role after the last attribution (a pull quote after
            # "one of the study authors, Owen Dempsey, a chest doctor") is likelier than that source
            p = reg.last_before((q[0], q[7]))
            if p is not None and p.role and p.name != last_named[0]:
                mpos = max((mp for mp, x in reg.mentions if x is p and mp < (q[0], q[7])), default=None)
                if mpos is not None and last_pos is not None and mpos > last_pos:
                    guess = (p.name, p.role, p.type or "other", None)
        if guess is None:
            guess = last_named
        if guess is None:
            p = reg.last_before((q[0], q[7]))
            guess = (p.name, p.role, p.type or "other", None) if p else (None, None, "other", None)
        resolved_q[(q[0], q[1])] = guess
        out.append((q[0], guess[0], guess[1], guess[2], None, "direct", q[3], q[1], q[2]))
    out.sort(key=lambda r: (r[0], r[7], r[5] != "direct"))
    return tuple(map(_visible_names, out))


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _visible_names(row: tuple) -> tuple:
    """The row with zero-width characters and soft hyphens removed from its speaker and role (so
    `the mayor \u200bsaid` names the same speaker as `the mayor said`)."""
    speaker, role = row[1], row[2]
    if (speaker is None or speaker.isascii()) and (role is None or role.isascii()):
        return row
    clean = [" ".join(_INVISIBLE.sub("", x).split()) or None if isinstance(x, str) else x for x in (speaker, role)]
    return (row[0], *clean, *row[3:])


_ADJ_TAIL = re.compile(r"\s*[,:]\s*$")


_NAME_COMMA = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*),\s")


def _subject_person(reg: Registry, masked: str, s: int, e: int, pi: int):
    """(name, role, type, None) of a person named as the subject opening masked[s:e], else None."""
    sp = _leading(masked[s:e], s)
    if sp is None:
        m = _NAME_COMMA.match(masked, s, e)        # "Buckley, who phoned in …,"
        if m:
            sp = Speaker("name", [_clean(w) for w in m.group(1).split()], start=m.start(1), text=m.group(1))
    if sp is None or sp.kind != "name":
        return None
    person = reg.get(sp.words[-1])
    if person is None or person.org:
        return None
    name, role, typ = _resolve(sp, (pi, sp.start), reg, [])
    return (name, role, typ, None) if name else None


def _adjacent_cue(masked: str, start: int, stop: int, verb_re) -> bool:
    """True when a speech verb stands right before the opening mark at `stop`, followed only by a
    comma or colon (`he said, "…`, `X told reporters: "…`)."""
    seg = masked[max(start, stop - 60):stop]
    hits = list(verb_re.finditer(seg))
    return bool(hits) and bool(_ADJ_TAIL.fullmatch(seg, hits[-1].end()))


def _neighbour(q, same, pieces, resolved_q):
    """Speaker of the quote that `q` continues (same quote_id), else of its nearest neighbour with a
    cue in the paragraph (`same`: the paragraph's speech quotes)."""
    for x in pieces:
        if (x[0], x[1]) != (q[0], q[1]):
            r = resolved_q.get((x[0], x[1]))
            if r is not None and r[3] is not None:
                return r
    idx = next((i for i, x in enumerate(same) if x[1] == q[1]), 0)
    for j in list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(same))):
        r = resolved_q.get((same[j][0], same[j][1]))
        if r is not None and r[3] is not None:
            return r
    return None


def _after_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution right after a closing mark: `," Rasmussen said`, `," said Rasmussen`. A quote
    that ends its sentence with a full stop takes no cue from the next sentence; after `?` or `!`
    it may (`"What now?" Trump asked.`)."""
    if start >= len(masked):
        return None
    s_end = _q._sentence_of(bounds, start - 1)[1]
    if s_end <= start:
        k = start - 2
        while k >= 0 and masked[k] in "\"'\u201d\u2019\u00bb":
            k -= 1
        if k >= 0 and masked[k] in "?!":
            s_end = _q._sentence_of(bounds, min(start + 1, len(masked) - 1))[1]
    seg_end = min(stop, max(s_end, start))
    seg = masked[start:seg_end]
    # the cue must come early: within 10 words of the closing mark
    for m in verb_re.finditer(seg):
        between = seg[:m.start()]
        if len(between.split()) > 25 or NUL in between:
            return None
        if _has_sentence_end(between):
            return None
        subj_text = between.strip(" ,\u2014\u2013-")
        if subj_text:
            sp = None
            if "," in subj_text:
                front = parse_post(between, start)
                if front is not None and front.kind == "name" and any(_is_cap(w) for w in front.words) \
                        and any(_is_cap(w) for w in _split_role(front.words)[1]) \
                        and front.words[-1].lower() not in ("of", "for", "and"):
                    sp = front
            sp = sp or parse_subject(between, start)
            if sp is None and between.rstrip().endswith(","):
                # `"…" despite being the envoy, said another witness, Fiona Hill.`: the sentence's
                # closing attribution, verb first
                sp = parse_post(seg[m.end():], start + m.end())
                rest = seg[m.end():]
                comma = rest.find(",")
                if sp is not None and sp.kind == "desc" and comma > 0:
                    # `said another witness …, former adviser Fiona Hill`: the name in apposition
                    tail = rest[comma + 1:].rstrip().rstrip(".")
                    named = _trailing(tail, start + m.end() + comma + 1) if "," not in tail else None
                    if named is not None and named.kind == "name":
                        sp = named
            if sp is not None:
                return sp, m.group(), (start + m.start(), start + m.end())
            continue
        sp = parse_post(seg[m.end():], start + m.end())
        if sp is not None:
            return sp, m.group(), (start + m.start(), start + m.end())
        return None
    return None


_END_IN = re.compile(r"(\S*)[.!?]\s")


def _has_sentence_end(text: str) -> bool:
    """A full stop, `?` or `!` followed by white space that is not an abbreviation's (`U.S. envoy`)."""
    for m in _END_IN.finditer(text):
        if text[m.end(1)] != "." :
            return True
        token = (m.group(1) + ".").lower().lstrip("(\"'\u201c\u2018")
        if token not in _q._abbreviations() and not _INITIALS.fullmatch(token):
            return True
    return False


_TO_END = re.compile(r"(?<![\w-])to\s+$")
# `told the BBC interviewer: "`: what follows `tell` is the listener, never an inverted source
_TELL = re.compile(r"(?i)(?:tell|tells|told|telling)$")


# verb forms that are also plural nouns, and a possessive (with an optional adjective) before them
_NOUN_FORMS = frozenset("claims remarks comments notes tweets reports".split())
_POSSESSOR = {"his": "he", "her": "she", "their": "they", "its": "it"}
_POSSESSIVE_END = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our)\s+"
                             r"(?:(?:repeated|many|own|earlier|latest|recent|previous|later|public|"
                             r"past|various|numerous|initial|first)\s+)?$")


def _before_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution before an opening mark in the same sentence: `Rasmussen said: "`."""
    s_start = _q._sentence_of(bounds, max(stop - 1, 0))[0]
    lo = max(start, s_start)
    seg = masked[lo:stop]
    if not seg.strip():
        return None
    hits = list(verb_re.finditer(seg))
    for m in reversed(hits):
        before = seg[:m.start()]
        if m.group().lower() in _NOUN_FORMS:
            poss = _POSSESSIVE_END.search(before)
            if poss:
                # "His repeated claims of … “unbecoming” behavior": a noun whose owner is the source
                pron = _POSSESSOR.get(poss.group(1).lower())
                if pron is None:
                    continue
                return (Speaker("pronoun", [pron], start=lo + poss.start(1), text=poss.group(1)),
                        m.group(), (lo + m.start(), lo + m.end()))
        if m.group().endswith("ing") and before.strip(" ,") and not before.rstrip().endswith(","):
            sp = parse_subject(before, lo)
            if sp is not None and sp.kind == "name":
                return sp, m.group(), (lo + m.start(), lo + m.end())
        if m.group().endswith("ing") and before.strip(" ,"):
            # "Boudreau gave a pep talk, telling them to ...": the sentence's subject
            sp = _leading(masked[s_start:lo] + before, s_start) if lo > s_start else _leading(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        if _TO_END.search(before):
            # "Kejriwal turned to Twitter to describe his city as a "…"": the sentence's subject
            sp = _leading(masked[s_start:lo] + before, s_start) if lo > s_start else _leading(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        sp = parse_subject(before, lo) if before.strip(" ,") else None
        if sp is None and _SHORT_TAIL.fullmatch(seg[m.end():]) \
                and len(seg[m.end():].split()) <= 14 and not _TELL.match(m.group()):
            sp = parse_post(seg[m.end():], lo + m.end())
        if sp is not None:
            return sp, m.group(), (lo + m.start(), lo + m.end())
    # "According to his aunt, Jane Starner, "…"": the source given right before the quotation
    acc = _ACCORDING_BEFORE.search(seg)
    if acc:
        phrase = acc.group(1).strip(" ,:")
        parts = [x.strip() for x in phrase.split(",") if x.strip()]
        pick = next((x for x in reversed(parts) if _is_cap(_clean(x.split()[0]))), parts[-1] if parts else "")
        words = [_clean(w) for w in pick.split()]
        if words:
            kind = "name" if _is_cap(words[0]) else "desc"
            start = lo + acc.start(1) + phrase.find(pick)
            return Speaker(kind, words, start=start, text=pick), "according to", (lo + acc.start(), lo + acc.end())
    return None


def _reported(masked: str, s: int, e: int, m, row):
    """Reported speech around verb match `m` in sentence masked[s:e]: (Speaker, start, end)."""
    before = masked[s:m.start()]
    tail = masked[m.end():e]
    sp = parse_subject(before, s) if before.strip() else None
    tail_words = tail[:400].split()          # the first words decide; the sentence may be long
    that = None
    for i, w in enumerate(tail_words[:7]):
        if w.lower() == "that":
            that = i
            break
        if w.endswith((".", ";", ":")) or NUL in w:
            break
    if sp is not None:
        if that is not None:
            pos = m.end() + _nth_word_end(tail, that)
            return _content(masked, sp, pos, e)
        if row.get("that_only") == "1":
            return None
        lead = tail_words[:1]
        skip = 0
        if m.group().lower() in ("told", "tells") and tail_words:
            skip = 1 if not tail_words[0].lower() in ("the", "a", "an") else 2
        if len(tail_words) > skip + 2 and _clause_starts(_clean(tail_words[skip])) \
                and not tail_words[skip].lower() in ("on", "in", "at", "during", "after", "before",
                                                    "last", "this", "to", "about", "of", "for", "with",
                                                    "by"):
            if tail_words[skip][:1].isupper() and sp.kind != "pronoun" and skip == 0 \
                    and len(tail_words) <= 4:
                return None
            pos = m.end() + (_nth_word_end(tail, skip - 1) if skip else 0)
            return _content(masked, sp, pos, e)
        # post-cue: `content, X said (on Monday).`
        if len(tail_words) <= 6 and not _THAT_TO.search(tail):
            pre = masked[s:sp.start].rstrip()
            if pre.endswith(",") and len(pre[-200:].split()) >= 4 and NUL not in pre[-3:]:
                return sp, s, s + len(pre) - 1
        return None
    # `content, said X.`
    if before.rstrip().endswith(",") and len(before[-200:].split()) >= 4:
        sp = parse_post(tail, m.end())
        if sp is not None:
            pre = before.rstrip()
            return sp, s, s + len(pre) - 1
    return None


def _nth_word_end(text: str, n: int) -> int:
    for i, m in enumerate(_NONSPACE.finditer(text)):
        if i == n:
            return m.end()
    return len(text)


def _content(masked, sp, pos, e):
    while pos < e and masked[pos].isspace():
        pos += 1
    end = e
    while end > pos and (masked[end - 1] in " .;:!?" or masked[end - 1].isspace()):
        end -= 1
    if len(masked[pos:min(end, pos + 200)].split()) < 2:
        return None
    return sp, pos, end


def _according(masked: str, s: int, e: int, m, para_quotes):
    rest = masked[m.end():e]
    stop = _CLAIM_STOP.search(rest)
    phrase = rest[:stop.start()] if stop else rest
    phrase = _DATE_TAIL.sub("", phrase).strip()
    if not phrase or len(phrase.split()) > 14:
        return None
    words = [_clean(w) for w in phrase.split()]
    start = m.end()
    if words[0].lower() in _kind_words("determiner"):
        sp = Speaker("desc", words, start=start, text=phrase)
        if words[0].lower() == "the" and len(words) > 1 and _is_cap(words[1]) and \
                all(_is_cap(w) or w.lower() in ("of", "for", "and") for w in words[1:]):
            sp = Speaker("name", words[1:], start=start, text=phrase)
    elif words[0].lower() in _kind_words("pronoun"):
        sp = Speaker("pronoun", [words[0].lower()], start=start, text=phrase)
    elif _is_cap(words[0]) or _cues_at(words[0]):
        sp = Speaker("name", words, start=start, text=phrase) if _is_cap(words[-1]) \
            else Speaker("desc", words, start=start, text=phrase)
    else:
        sp = Speaker("desc", words, start=start, text=phrase)
    # attached to a quote in this sentence: its claim is that quote
    for q in para_quotes:
        if q[5] != "scare" and q[2] <= m.start() and (q[8] or 0) >= s - 1 and q[2] > s - 400:
            if _q._sentence_of(_q.sentence_bounds(masked), q[2])[1] >= m.start() or q[2] >= s:
                return sp, q[1], q[2]
    for q in para_quotes:
        # "According to X, "…"": the quotation that follows in the same sentence
        if q[5] != "scare" and not q[9] and m.end() <= q[7] < e:
            return sp, q[1], q[2]
    # `According to X, content.` or `content, according to X.`
    phrase_end = m.end() + (stop.start() if stop else len(rest))
    if m.start() <= s + 1:
        pos = phrase_end
        while pos < e and masked[pos] in " ,":
            pos += 1
        end = e
        while end > pos and (masked[end - 1] in " .;:!?" or masked[end - 1].isspace()):
            end -= 1
        if len(masked[pos:end].split()) >= 2:
            return sp, pos, end
        return None
    end = m.start()
    while end > s and masked[end - 1] in " ,":
        end -= 1
    if len(masked[s:end].split()) >= 2:
        return sp, s, end
    return None


# ------------------------------------------------------------------------------ public API
def attributions(articles) -> pd.DataFrame:
    """One row per attribution: who is cited (canonical speaker, role as written, source type), the
    cue (speech verb or `according to`), the kind (direct / reported / according_to), and the quoted
    or reported text with its character span in the paragraph."""
    articles = _q._frame(articles)
    rows = []
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist()):
        text = _q._clean_text(text)
        if not text.strip():
            continue
        for r in article_attributions(text):
            rows.append((aid, *r))
    df = pd.DataFrame(rows, columns=["article_id", "paragraph", "speaker", "role", "source_type", "cue",
                                     "kind", "text", "start", "end"])
    return df[ATTRIBUTION_COLUMNS].astype({"paragraph": "int64", "start": "int64", "end": "int64"})


def reported_words(text) -> int:
    """Words (white-space split) of one body inside reported-speech spans (quoted words excluded,
    overlapping spans counted once)."""
    if not isinstance(text, str) or not text.strip():
        return 0
    spans: dict[int, list] = {}
    for r in article_attributions(text):
        if r[5] == "reported":
            spans.setdefault(r[0], []).append((r[7], r[8]))
    qspans: dict[int, list] = {}
    for q in _q.article_quotes(text):
        qspans.setdefault(q[0], []).append((q[1], q[2]))
    return _reported_in(text, spans, qspans)


def _reported_in(text: str, spans: dict, qspans: dict) -> int:
    """Words of `text` inside the reported spans {paragraph: [(start, end)]}, words inside the
    quotations {paragraph: [(start, end)]} left out, overlaps counted once."""
    if not spans:
        return 0
    paras = text.split("\n\n")
    total = 0
    for pi, ss in spans.items():
        if pi >= len(paras):
            continue
        masked = _q._mask(paras[pi], qspans.get(pi, []))
        merged: list[list[int]] = []
        for s, e in sorted(ss):                  # overlapping spans are counted once
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            total += sum(1 for w in masked[s:e].split() if NUL not in w and any(ch.isalnum() for ch in w))
    return total


def _contained(d: pd.DataFrame) -> pd.Series:
    """True for rows whose span lies inside another row's span in the same paragraph."""
    flags = []
    spans: dict[tuple, list] = {}
    for aid, pi, s, e in zip(d["article_id"], d["paragraph"], d["start"], d["end"]):
        spans.setdefault((aid, pi), []).append((s, e))
    for aid, pi, s, e in zip(d["article_id"], d["paragraph"], d["start"], d["end"]):
        flags.append(any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans[(aid, pi)]))
    return pd.Series(flags, index=d.index, dtype=bool)


def source_share(data, by: str = "article") -> pd.DataFrame:
    """Per source: direct quotes, words inside them (white-space split) and their share of all
    quoted words, per article (`by="article"`) or over the whole corpus (`by="corpus"`).
    `data` is the articles frame or an `attributions` table."""
    att = data if "kind" in getattr(data, "columns", []) else attributions(data)
    d = att[att["kind"] == "direct"].copy()
    d = d[~_contained(d)]                       # quotes within quotes are counted in the outer one
    d["speaker"] = d["speaker"].fillna(UNATTRIBUTED)
    d["role"] = d["role"].fillna("")
    d["quoted_words"] = d["text"].map(lambda t: len(t.split()) if isinstance(t, str) else 0)
    keys = ["article_id", "speaker"] if by == "article" else ["speaker"]
    if d.empty:
        cols = SHARE_COLUMNS if by == "article" else SHARE_COLUMNS[1:]
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n_quotes", "quoted_words") else
                                          "float64" if c == "share" else object) for c in cols})
    g = d.groupby(keys, sort=False).agg(
        source_type=("source_type", "first"), role=("role", "max"),
        n_quotes=("text", "size"), quoted_words=("quoted_words", "sum")).reset_index()
    if by == "article":
        total = g.groupby("article_id")["quoted_words"].transform("sum")
    else:
        total = g["quoted_words"].sum()
    g["share"] = g["quoted_words"] / total if by != "article" else (g["quoted_words"] / total).where(total > 0)
    g["role"] = g["role"].replace("", None)
    cols = SHARE_COLUMNS if by == "article" else SHARE_COLUMNS[1:]
    g = g[cols].sort_values(keys[:-1] + ["quoted_words"], ascending=[True] * (len(keys) - 1) + [False],
                            kind="stable").reset_index(drop=True)
    return g.astype({"n_quotes": "int64", "quoted_words": "int64", "share": "float64"})
