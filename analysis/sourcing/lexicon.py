"""The sourcing vocabulary: word lists by kind (`analysis/data/sourcing_words.csv`), speech verbs
(`speech_verbs.csv`) and the source-type taxonomy (`source_types.csv`) with `type_of`, which types a
role, description or organisation name.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.resources import DataFileError, read_csv, trie_pattern, word_list

NUL = "\x00"
TOKEN = re.compile(r"[^\s\x00]+")
STRIP_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{},;:!?\u2014\u2013"
# the calendar's words, one list for every rule that tells a date from a name (`in New Hampshire Monday`,
# `A news report published Wednesday said`): alternations to build patterns from
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# the kinds of analysis/data/sourcing_words.csv that the rules read (a row of another kind is an error)
SOURCING_WORD_KINDS = ("honorific", "function", "pronoun", "determiner", "indefinite", "adverb", "particle",
                       "synonym", "group_noun", "name_suffix", "apposition_cut", "not_apposition", "role_modifier",
                       "who_copula", "place_prep", "opening_adverbial", "not_in_description", "aged_head",
                       "verb_noun_form", "not_clause_start", "clause_opener", "hearer_verb", "object_prep",
                       "name_connector", "org_prep", "title_prep", "person_particle", "possessive",
                       "spokes_noun", "not_company_before", "court_head",
                       "date_lead", "tell_form", "company_office", "campaign_noun", "org_verb",
                       "subordinator", "male_honorific", "female_honorific", "kin_noun",
                       "organisation_head", "attributive_role", "field_noun", "org_subunit", "survey_noun", "survey_tail",
                       "standing_word")


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


# the codes of analysis/data/source_types.csv (tests/gold/QUOTES_ANNOTATION.md), checked when it loads
SOURCE_TYPES = ("government_official", "politician", "military_security", "expert_academic", "civil_society_ngo",
                "business", "citizen_eyewitness", "media_news_agency", "poll_survey", "document_report",
                "anonymous_unnamed", "other")
TAXONOMY_KINDS = ("role", "org", "document", "marker", "country", "after_name", "race_verb", "race_noun", "described")
_NOT_CUES = ("country", "after_name", "race_verb", "race_noun")    # kinds that never type a phrase


@lru_cache(maxsize=1)
def taxonomy() -> list[dict]:
    """The editable source-type taxonomy (analysis/data/source_types.csv) as a list of rows; a row whose
    type, strength or kind is not a known code fails with its line (DataFileError)."""
    rows = []
    for line_no, r in enumerate(read_csv("source_types.csv"), 2):
        cue = r["cue"].strip()
        if not cue:
            continue
        if r["source_type"].strip() not in SOURCE_TYPES or r["strength"].strip() not in ("head", "weak") \
                or r["kind"].strip() not in TAXONOMY_KINDS:
            raise DataFileError(f"analysis/data/source_types.csv: row {line_no} ({cue!r}): unknown source_type "
                                f"{r['source_type']!r}, strength {r['strength']!r} or kind {r['kind']!r}")
        wildcard = cue.endswith("*")
        suffix = cue.startswith("*")
        words = cue.strip("*").split()
        # kind `described`: a role word read only in the article's descriptions of a person no role
        # types (`article_person_types`), never in a role the registry found: it acts as kind `role`
        kind = r["kind"].strip()
        rows.append({"words": words, "wild": wildcard, "suffix": suffix, "case": cue != cue.lower(),
                     "type": r["source_type"].strip(), "strength": r["strength"].strip(),
                     "kind": "role" if kind == "described" else kind, "described": kind == "described"})
    return rows


@lru_cache(maxsize=1)
def countries() -> frozenset:
    """Country and capital names (kind `country`): a speaker that is only such a name is a government."""
    return frozenset(" ".join(r["words"]) for r in taxonomy() if r["kind"] == "country")


@lru_cache(maxsize=1)
def after_name_cues() -> dict[tuple[str, ...], str]:
    """Nouns (kind `after_name`) that, written right after a person's name or possessive (`Clinton's
    rival`, `Sanders supporters`, `Trump rally`), say what the person is: {lower-case words: type}."""
    return {tuple(w.lower() for w in r["words"]): r["type"] for r in taxonomy() if r["kind"] == "after_name"}


@lru_cache(maxsize=1)
def race_regex() -> re.Pattern:
    """After a name: a verb of an electoral race (kind `race_verb`: won, leads, trailed ...) whose object
    within six words of the clause is an electoral noun (kind `race_noun`: primary, caucuses,
    nomination, polls ...), or `running for` / `running against` (`Cruz, who is running third in the
    Iowa polls`, `Kander, who is running against Roy Blunt`, `Trump won the Nevada caucuses`), or
    campaigning in a named place (`Cruz campaigned in Rubio's Miami backyard`, `will campaign in Ohio`)."""
    verbs = sorted(" ".join(r["words"]).lower() for r in taxonomy() if r["kind"] == "race_verb")
    nouns = sorted(" ".join(r["words"]).lower() for r in taxonomy() if r["kind"] == "race_noun")
    aux = r"(?:(?:is|was|has|had|have|will|would|has been|had been)\s+)?"
    return re.compile(r",?\s+(?:who\s+)?" + aux + r"(?:(?:running|ran|run|runs)\s+(?:for|against)\b|"
                      r"campaign(?:s|ed|ing)?\s+(?:again\s+)?(?:in|across|through)\s+(?:the\s+)?[A-Z]|(?:"
                      + "|".join(map(re.escape, verbs)) + r")\b(?:\s+[^\s,;:.!?\x00]+){0,6}?\s+(?:"
                      + "|".join(map(re.escape, nouns)) + r")\b)", re.IGNORECASE)


def country_type(name: str | None) -> str | None:
    if name and name in countries():
        return "government_official"
    if name and name.startswith("the ") and name[4:] in countries():
        return "government_official"
    return None


@lru_cache(maxsize=2)
def _tax_index(described: bool = False) -> dict[str, list[dict]]:
    """Cue rows by first word (first three letters for a one-word wildcard); with `described`, also
    the rows of kind `described` (role words read only in an article's descriptions of a person)."""
    index: dict[str, list[dict]] = {}
    for row in taxonomy():
        if row["kind"] in _NOT_CUES or (row["described"] and not described):
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


# derivational suffixes that make a word no name of a person, whatever it starts with: an adverb in -ly
# (`relatively`, `firmly`, `officially`: relative*, firm*, official*) or an abstract noun in -hood
# (`Planned Parenthood`, `neighborhood`: parent*, neighbo*); a trailing-wildcard cue matches its word's
# inflections and person-noun derivations (`ministers`, `congresswoman`, `spokesperson`), never these
_NOT_A_PERSON_ENDINGS = ("ly", "hood")


def _word_eq(cue: str, token: str, wild: bool, case: bool) -> bool:
    t = token if case else token.lower()
    c = cue if case else cue.lower()
    if wild:
        return t.startswith(c) and (len(t) == len(c) or not t.lower().endswith(_NOT_A_PERSON_ENDINGS))
    return t == c or t.rstrip(".") == c.rstrip(".") and not c.endswith(".") and t.endswith(".")


@lru_cache(maxsize=20000)
def cues_at(token: str, described: bool = False) -> tuple:
    """Taxonomy rows whose first word matches `token` (cleaned word); `described`: also kind
    `described` rows."""
    low = token.lower()
    index = _tax_index(described)
    found = [row for row in index.get("*suffix", ()) if low.endswith(row["words"][0]) and
             len(low) > len(row["words"][0])]
    for key in (low,) if len(low) <= 3 else (low, low[:3]):   # a tuple: the same row order in every process
        for row in index.get(key, ()):
            if _word_eq(row["words"][0], token, row["wild"] and len(row["words"]) == 1, row["case"]):
                found.append(row)
    if described and not found and low.startswith(("co-", "ex-")) and len(low) > 4:
        # in an article's description of an untyped person, `co-host`, `ex-senator`: a prefixed one-word
        # head role is that role (`co-founder` has its own row; registry roles are never read so)
        found = [row for row in cues_at(token[3:], described) if row["kind"] == "role" and len(row["words"]) == 1
                 and row["strength"] == "head"]
    return tuple(found)


def cue_hits(words: list[str], described: bool = False) -> list[tuple[int, int, dict]]:
    """(index, n_words, taxonomy row) for every taxonomy cue found in a list of cleaned words
    (`described`: kind `described` rows too)."""
    hits = []
    for i, w in enumerate(words):
        for row in cues_at(w, described):
            n = len(row["words"])
            if n == 1:
                hits.append((i, 1, row))
            elif i + n <= len(words) and all(
                    _word_eq(c, words[i + k], row["wild"] and k == n - 1, row["case"])
                    for k, c in enumerate(row["words"]) if k > 0):
                hits.append((i, n, row))
    return hits


@lru_cache(maxsize=20000)
def type_of(phrase: str, person: bool = False, described: bool = False) -> str | None:
    """Source type of a role, description or organisation name: the earliest `head` cue decides
    (a common noun followed at once by a common-noun head cue is the modifier of a compound,
    not its head: `refugee expert`), else the
    earliest cue; for a person's role (`person=True`) a role word (`co-author`)
    outranks organisation and document words (`study`); `described=True` (an article's own
    description of an untyped person) also reads kind `described` rows (`businessman`, `daughter`).
    None when no cue matches."""
    raw = [(w, c) for w in phrase.split() if (c := clean_word(w))]
    words = [c for _, c in raw]
    hits = cue_hits(words, described)
    if any(h[2]["words"][-1].lower() in kind_words("attributive_role") for h in hits):
        hits = [h for h in hits if not _attributive(raw, h)]
    # a common noun followed at once by a common-noun head cue modifies it (an English compound's head
    # is its last noun: `refugee expert`, `migrant advocate`), so it is no head of the phrase; a weak
    # cue after it (`campaign spokeswoman`, `police chief`) leaves it the head, and so do capitalised
    # words, which name (`Danish Broadcasting Corporation`, `Republican strategist`)
    hits = _name_heads(raw, hits)
    follows = {h[0] for h in hits if h[2]["strength"] == "head" and words[h[0]].islower()}
    heads = [h for h in hits if h[2]["strength"] == "head"
             and not (words[h[0]].islower() and _compound_modifier(raw, h[0] + h[1], follows))]
    if person:
        hits, heads = _no_documents(hits, words), _no_documents(heads, words)
        # a capitalised role word inside an organisation's name ("Indiana State Teachers Association
        # President") is not the person's role: the organisation decides
        orgs = [h[0] for h in heads if h[2]["kind"] == "org"]
        heads = [h for h in heads if not (h[2]["kind"] == "role" and (_in_org_name(words, h, orgs)
                                                                     or _inside_org_cue(h, heads)))]
        heads = _units_of_organisations(words, heads)
        heads = [h for h in heads if h[2]["kind"] == "role"] or heads
        if len(heads) > 1:
            heads = _singular_roles(words, heads)
    pool = heads or hits
    if not pool or described and not heads and all(h[2]["type"] == "other" for h in pool):
        return None             # an article's `the writer`, `an adviser`: a weak `other` word alone says nothing
    pool.sort(key=lambda h: (h[0], -h[1], not h[2]["case"]))   # "Records" (a company) before "records"
    if described and pool[0][2]["described"] and pool[0][2]["type"] == "citizen_eyewitness":
        # a relation or an ordinary job gives way to an office or occupation named with it (`Santilli's
        # girlfriend and co-host`, `a retired mechanic and city councilman`): that is what they speak as
        other = [h for h in hits if h[2]["kind"] == "role" and h[2]["type"] != "citizen_eyewitness"]
        if other and all(h[2]["strength"] == "weak" for h in other):
            return None         # `a friend and adviser`: for whom is not said
        if other:
            pool = [h for h in other if h[2]["strength"] == "head"]
    if person and pool[0][2]["type"] == "citizen_eyewitness":
        pool = _office_over_kin(words, pool, heads)
    if person and not heads and pool[0][2]["words"] == ["president"] and _company_president(words, pool[0][0]):
        return "business"
    if person and pool[0][2]["type"] == "business" and pool[0][2]["kind"] == "role":
        # an executive's or manager's office is a company's unless another organisation is named:
        # `executive director of Amnesty International` speaks for an NGO, `of the House Majority
        # PAC` for a party group (rule 1: the organisation served decides)
        orgs = [h[2]["type"] for h in hits if h[2]["kind"] == "org" and h[2]["strength"] == "head"]
        if orgs and orgs[0] != "business":
            return _company_office(orgs[0], words, hits)
    return _company_office(pool[0][2]["type"], words, hits) if person else pool[0][2]["type"]


_MAX_COMPOUND_GAP = 2       # lower-case nouns between a modifying cue and the compound's head cue


def _compound_modifier(raw: list[tuple[str, str]], end: int, follows: set) -> bool:
    """True when the cue ending before word `end` modifies a common-noun head cue at `end` or after up to
    two more lower-case nouns of the same compound (`student loan debt expert`: the head is `expert`,
    not `student`): no punctuation, preposition or conjunction between (`a student from Ohio`, `worker
    and activist` keep their own head)."""
    for k in range(end, min(end + _MAX_COMPOUND_GAP, len(raw) - 1) + 1):
        if k in follows:
            return True
        word, clean = raw[k]
        if (not clean.isalpha() or not clean.islower() or word != clean
                or clean in kind_words("object_prep") or clean in _NOT_COMPOUND):
            return False
    return False


_NOT_COMPOUND = frozenset(("and", "or", "who", "whose", "which", "that", "than", "as", "but", "nor"))


def _no_documents(hits: list, words: list[str]) -> list:
    """The cue hits of a person's role without document cues: a person is no document (QUOTES_ANNOTATION.md:
    document_report only when no person is presented as speaking), so a document word in their role names
    their work (`one of the authors of that 2013 report`, `in a statement released by`), except a field of
    inquiry, which makes the person an analyst (`_field_of_inquiry`; the guide's analysts at firms, `a data
    firm's executive director of industry analysis`, are expert_academic)."""
    return [_field_of_inquiry(h, words) for h in hits if h[2]["type"] != "document_report"
            or words[h[0]].lower() in kind_words("field_noun")]


def _field_of_inquiry(hit, words: list[str]):
    """A document cue naming a field of inquiry in a person's role (kind `field_noun`: `director of industry
    analysis`, `vice president for foreign policy studies`) read as an expert organisation word."""
    i, n, row = hit
    if row["type"] != "document_report":
        return hit
    return (i, n, {**row, "type": "expert_academic", "kind": "org"})


def _attributive(raw: list[tuple[str, str]], hit) -> bool:
    """A one-word role cue of kind `attributive_role` (`fellow`) used as an adjective: followed at once, in
    the same phrase, by a word that is no preposition (`a fellow Democrat`, `fellow senators`, `fellow
    longtime television comedian`); the noun stands before a preposition, a comma or the phrase's end
    (`senior fellow at the Brookings Institution`, `a fellow with`)."""
    i, n, row = hit
    if n != 1 or row["words"][0].lower() not in kind_words("attributive_role") or i + 1 >= len(raw):
        return False
    if raw[i][0][-1:] in ",;:)\u2014":
        return False
    return raw[i + 1][1].lower() not in kind_words("object_prep")


def _name_heads(raw: list[tuple[str, str]], hits: list) -> list:
    """The organisation cues of a capitalised name read by the name's head: an English compound name's head
    is its last noun (`Media Research Center` is a centre, not a medium; `Army Times` a newspaper), so an
    organisation cue inside one run of capitalised words that a later organisation cue of the same run
    follows takes that later cue's type, as a head cue at its own place. A company's form word
    (`Corporation`, `Group`, `Inc.`: the business cues) names a legal form, not what the organisation does,
    and decides nothing here (`Danish Broadcasting Corporation` is a broadcaster)."""
    orgs = [h for h in hits if h[2]["kind"] == "org" and raw[h[0]][0][:1].isupper()]
    if len(orgs) < 2:
        return hits
    out = []
    for h in hits:
        last = h
        if h in orgs:
            for o in orgs:
                if o[0] >= last[0] + last[1] and o[2]["type"] != "business" \
                        and _one_capitalised_run(raw, h[0], o[0]):
                    last = o
        out.append(h if last is h or last[2]["type"] == h[2]["type"]
                   else (h[0], h[1], {**last[2], "strength": "head"}))
    return out


def _one_capitalised_run(raw: list[tuple[str, str]], start: int, end: int) -> bool:
    """True when words `start` .. `end` are one run of capitalised words with no punctuation between."""
    return all(raw[k][0][:1].isupper() and (k == end or raw[k][0] == raw[k][1]) for k in range(start, end + 1))


def _office_over_kin(words: list[str], pool: list, heads: list) -> list:
    """A kin noun (kind `kin_noun`) first in a person's role gives way to an office or occupation named
    after it (`the first working mother to serve as first lady`, `a father of three and state senator`
    is what they speak as; relatives are citizen_eyewitness only as ordinary people,
    QUOTES_ANNOTATION.md), unless the kin noun's own `of` phrase names it (`the mother of Senator X`:
    the office is the relative's)."""
    i = pool[0][0]
    if words[i].lower() not in kind_words("kin_noun") or i + 1 < len(words) and words[i + 1].lower() == "of":
        return pool
    later = [h for h in heads if h[0] > i and h[2]["kind"] == "role" and h[2]["type"] != "citizen_eyewitness"]
    return later or pool


def _units_of_organisations(words: list[str], heads: list) -> list:
    """A person's role without the lower-case unit cues (kind `org_subunit`: `department`) that another
    organisation cue follows: `chairman of the computer science department at Dartmouth College` works in
    the college's department (university staff: expert_academic), not a government department; a
    capitalised `Department` names one (`the State Department`)."""
    return [h for h in heads if not (h[2]["kind"] == "org" and words[h[0]] in kind_words("org_subunit")
                                     and any(o[0] > h[0] and o[2]["kind"] == "org" for o in heads))]


def _singular_roles(words: list[str], heads: list) -> list:
    """A person's role read back over a list (`the two invited witnesses, former astronaut Tom Stafford`):
    a plural role noun that a later role word follows names the group the person belongs to, not the
    person's own role, so the later one decides."""
    def plural(h) -> bool:
        token = words[h[0] + h[1] - 1].lower()
        return h[2]["kind"] == "role" and token.endswith("s") and not token.endswith("ss") \
            and token != h[2]["words"][-1].lower()
    kept = [h for h in heads if not (plural(h) and any(o[0] > h[0] and o[2]["kind"] == "role" for o in heads))]
    return kept or heads


def ends_on_compound_role(words: list[str]) -> bool:
    """The last words are a role cue of several words whose last word is no cue of its own (`Former House
    speaker Newt Gingrich`: `House speaker`, while a lone `speaker` is no title)."""
    if len(words) < 2 or words[-1][-1:] in ",;:.!?\x00\"\u201c\u201d)":
        return False
    tail = [clean_word(w) for w in words[-3:]]
    return any(n > 1 and i + n == len(tail) and row["kind"] == "role" for i, n, row in cue_hits(tail, True))


def short_given_form(names: set) -> bool:
    """Two given names of which one begins the other (`Ken` and `Kenneth Starr`, `Jim` and `Jimmy`): a
    short form of one person's name, not two people who share a surname."""
    first, *rest = sorted(names, key=len)
    return len(rest) == 1 and len(first) > 2 and rest[0].startswith(first)


def speech_tagged(text: str, pos: int) -> bool:
    """The name at `pos` is the subject of a speech tag: a speech verb right after the name (`, Ben
    Carson said`) or right before it (`said Ben Carson`)."""
    after = text[pos:pos + 40].split()[1:3]
    before = text[max(0, pos - 40):pos].split()[-3:]
    words = [clean_word(w).lower() for w in after + before]
    return any(w in verb_rows() for w in words)


def _company_office(found: str, words: list[str], hits) -> str:
    """`business` for a news company's executive (`President of CNN Worldwide`, `the NBC executive in
    charge of`, `chairman of Fox Networks Group`), `found` otherwise: the annotation guide codes
    executives speaking for a company `business` and keeps `media_news_agency` for journalists and for
    outlets as the source of their reporting (docs/sourcing.md, decision rule 7). A journalist's role
    word (`editor`, `host`) keeps the media reading."""
    if found != "media_news_agency":
        return found
    roles = [h for h in hits if h[2]["kind"] == "role"]
    if any(h[2]["type"] == "media_news_agency" for h in roles):
        return found
    offices = kind_words("company_office")
    return "business" if any(" ".join(words[h[0]:h[0] + h[1]]).lower() in offices for h in roles) else found


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


def _inside_org_cue(hit, heads: list) -> bool:
    """True when the role cue `hit` lies inside a longer organisation cue (`Doctors Without Borders`,
    `Mother Jones`, `The Economist`: a name the taxonomy lists, not the person's role; issue 13, session 12)."""
    i, n = hit[0], hit[1]
    return any(h[2]["kind"] == "org" and h[1] > n and h[0] <= i and i + n <= h[0] + h[1] for h in heads)


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


# ------------------------------------------------------------ a courtesy title names one of a family
# `Mrs. Clinton` in an article that names Bill and Hillary Clinton: a courtesy title gives its bearer's
# gender (AP Stylebook courtesy titles: kinds `male_honorific` and `female_honorific` of
# sourcing_words.csv), so it names the one person of that surname whose first name has that gender.
def honorific_gender(word: str) -> str | None:
    """`male` / `female` for a gendered courtesy title (`Mr.`, `Mrs.`, `Ms`, `Miss`), else None."""
    low = word.lower()
    if low in kind_words("female_honorific"):
        return "female"
    return "male" if low in kind_words("male_honorific") else None


def titled_family_members(people, gender_of, text: str = "") -> dict[tuple[str, str | None], str]:
    """{(surname, gender): first name} for each surname that people of different first names share
    (`Person` records of the registry), when every first name's gender (`gender_of(first name)`:
    `male` / `female` / None, as `firstnames.first_name_gender`) is known and exactly one of
    them has that gender: `Mrs. Clinton` is Hillary when the other Clinton is Bill (not when Chelsea
    is named too). With the article `text`, also {(surname, None): first name} for the bearer named in
    full first: a bare surname is theirs (news style names the other bearers in full or by first name:
    AP Stylebook, "family names" usage; `Clinton` after `Hillary Clinton ... her husband, Bill Clinton`)."""
    firsts: dict[str, set] = {}
    for p in people:
        words = (p.name or "").split()
        if not p.org and len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
    out: dict = {}
    for last, names in firsts.items():
        if len(names) < 2 or short_given_form(names):
            continue
        if text:
            named_at = {n: m.start() for n in names
                        if (m := re.search(re.escape(n) + r"\s+(?:[A-Z]\.\s+)?" + re.escape(last) + r"\b", text))}
            if named_at:
                out[(last, None)] = min(named_at, key=named_at.get)
        genders = [gender_of(n) for n in names]
        for name, gender in zip(names, genders):
            if None not in genders and genders.count(gender) == 1:
                out[(last, gender)] = name
    return out


def names_bearer(before: list[str], last: str, given: tuple, titled: dict) -> bool:
    """The word before a mention of a shared surname (`before`: [] or [word]) names the bearer of the
    given names `given`: one of them, a courtesy title of a gender only they bear, or nothing that
    names anyone (a lower-case word or punctuation) when they are named in full first (`titled`:
    `titled_family_members`)."""
    word = before[0] if before else ","
    if word in given:
        return True
    gender = honorific_gender(word)
    if gender is None and not (word[0].islower() or word[-1] in _BARE_BEFORE):
        return False            # another bearer's first name or a title (`Bill Clinton`, `President Clinton`)
    return titled.get((last, gender)) == given[0]


_BARE_BEFORE = ",;:\"\u201c\u201d\u2019\u2014\u2013("


# `she will not be voting for Mr. Trump`, `caucus for Clinton`: the person voted for stands in an election
# (a candidate: politician); between `for` and the surname only name words and courtesy titles, no title
# the taxonomy types (`vote for President Obama` is no evidence of a candidacy)
_VOTED_FOR = re.compile(r"\b(?:vote|votes|voted|voting|caucus|caucused|caucusing)\s+for\s+((?:[A-Z][\w.'\u2019\-]*\s+){0,3})$")


def voted_for(text: str, start: int) -> bool:
    """The mention at `start` is the object of `vote for` (or `caucus for`), after name words only."""
    m = _VOTED_FOR.search(text, max(0, start - 60), start)
    return bool(m) and not any(cues_at(clean_word(w), True) for w in m.group(1).split())


# the campaign nouns (kind `campaign_noun`) of `anaphora.campaign_pronoun_types`, with a cheap prefilter
@lru_cache(maxsize=1)
def campaign_noun_regex() -> re.Pattern:
    return re.compile(trie_pattern(sorted(kind_words("campaign_noun"))), re.IGNORECASE)


# the non-ASCII letters that Python's case-insensitive matching lets stand for ASCII letters
# (the `re` documentation: U+0130, U+0131, U+017F, U+212A)
_ASCII_FOLDING = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1)
def _campaign_literals() -> tuple[str, ...] | None:
    """The campaign nouns in lower case (None when one is not ASCII: then no prefilter)."""
    nouns = tuple(sorted(n.lower() for n in kind_words("campaign_noun")))
    return nouns if all(n.isascii() for n in nouns) else None


def may_name_campaign(text: str) -> bool:
    """False only when `campaign_noun_regex` cannot match `text`: no campaign noun in the lower-cased
    text (a case-insensitive match of ASCII words is one of the lower-cased text, unless the text
    holds one of the four non-ASCII letters that match ASCII ones); a few substring searches, much
    cheaper than the case-insensitive scan, which finds no literal to skip to."""
    nouns = _campaign_literals()
    if nouns is None or any(c in text for c in _ASCII_FOLDING):
        return True
    low = text.lower()
    return any(n in low for n in nouns)


# the rules that type a person from the article's own descriptions live in `sourcing.described` (issue
# 13 session 8: this module had grown past the size limit); their names are forwarded on first access,
# so `from analysis.sourcing.lexicon import typed_from_descriptions` keeps working
_MOVED = {"typed_from_descriptions": "analysis.sourcing.described",
          "article_person_types": "analysis.sourcing.described",
          "anaphora_types": "analysis.sourcing.anaphora",            # rules 13 and 19: split from `described`
          "campaign_pronoun_types": "analysis.sourcing.anaphora"}    # in session 10 (size limit)


def __getattr__(name: str):
    if name in _MOVED:
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'analysis.sourcing.lexicon' has no attribute {name!r}")
