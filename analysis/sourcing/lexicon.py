"""The sourcing vocabulary: word lists by kind (`analysis/data/sourcing_words.csv`), speech verbs
(`speech_verbs.csv`) and the source-type taxonomy (`source_types.csv`) with `type_of`, which types a
role, description or organisation name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.resources import read_csv, trie_pattern, word_list

NUL = "\x00"
TOKEN = re.compile(r"[^\s\x00]+")
STRIP_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{},;:!?\u2014\u2013"
# the kinds of analysis/data/sourcing_words.csv that the rules read (a row of another kind is an error)
SOURCING_WORD_KINDS = ("honorific", "function", "pronoun", "determiner", "indefinite", "adverb", "particle",
                       "synonym", "group_noun", "name_suffix", "apposition_cut", "not_apposition", "role_modifier",
                       "who_copula", "place_prep", "opening_adverbial", "not_in_description", "aged_head",
                       "verb_noun_form", "not_clause_start", "clause_opener", "hearer_verb", "object_prep",
                       "name_connector", "org_prep", "title_prep", "person_particle", "possessive",
                       "spokes_noun", "not_company_before", "court_head",
                       "date_lead", "tell_form")


@lru_cache(maxsize=64)
def kind_words(kind: str) -> frozenset:
    """The words of one kind of analysis/data/sourcing_words.csv (KeyError for a kind no file row may
    have, so a typo in a rule fails loudly too)."""
    return word_list("sourcing_words.csv", SOURCING_WORD_KINDS)[kind]


@lru_cache(maxsize=1)
def verb_rows() -> dict[str, dict]:
    return _q.speech_verbs()


@lru_cache(maxsize=1)
def verb_regex() -> re.Pattern:
    return re.compile(r"(?<![\w\-])" + trie_pattern(verb_rows()) + r"(?![\w\-])")


@lru_cache(maxsize=1)
def taxonomy() -> list[dict]:
    """The editable source-type taxonomy (analysis/data/source_types.csv) as a list of rows."""
    rows = []
    for r in read_csv("source_types.csv"):
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
def countries() -> frozenset:
    """Country and capital names (kind `country`): a speaker that is only such a name is a government."""
    return frozenset(" ".join(r["words"]) for r in taxonomy() if r["kind"] == "country")


def country_type(name: str | None) -> str | None:
    if name and name in countries():
        return "government_official"
    if name and name.startswith("the ") and name[4:] in countries():
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
def cues_at(token: str) -> tuple:
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
        for row in cues_at(w):
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
    words = [w for w in (clean_word(w) for w in phrase.split()) if w]
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


_NOT_COMPANY_BEFORE = kind_words("not_company_before")  # Vice / Former / The President: read once
_NATIONAL = re.compile(r"(?:an|ese|ish|ch|i|U\.S\.|US|UN)$")


def _company_president(words: list[str], i: int) -> bool:
    """`InfoNation President`, `president of Chapter & Verse`: the president of an organisation the
    taxonomy does not know is not a head of state; a country (`president of Russia`) or a
    nationality (`Ukrainian President`) before or after keeps the government reading."""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 2:i + 6] if i + 1 < len(words) and words[i + 1] == "of" else []
    if after and after[0].lower() == "the":
        after = after[1:]
    if before[:1].isupper() and before.lower() not in _NOT_COMPANY_BEFORE and \
            not _NATIONAL.search(before) and before not in countries():
        return True
    if after and after[0][:1].isupper():
        name = " ".join(after[:2])
        return after[0] not in countries() and name not in countries()
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
def clean_word(word: str) -> str:
    """The word without surrounding quotation marks, brackets and punctuation, and without `'s`."""
    w = word.strip(STRIP_CHARS)
    if w.endswith("\u2019s") or w.endswith("'s"):
        w = w[:-2]
    return w


def is_capitalised(w: str) -> bool:
    return bool(w) and w[0].isupper() and w.lower() not in kind_words("function")


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset]:
    """Role and group nouns that name the same thing (`premier` and `prime minister`), both ways."""
    out: dict[str, set] = {}
    for pair in kind_words("synonym"):
        a, _, b = (x.strip() for x in pair.partition("="))
        if a and b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def group_type(org: str) -> str:
    """Source type of an organisation of people: its organisation cue (`union`, `Ministry`), else a
    civil-society group."""
    hits = [row for _, _, row in cue_hits([clean_word(w) for w in org.split()])
            if row["kind"] == "org" and row["strength"] == "head"]
    return hits[0]["type"] if hits else "civil_society_ngo"
