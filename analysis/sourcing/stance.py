"""Reported speech and stances after the attribution verbs of analysis/data/stance_verbs.csv (`X
endorsed Y`, `X believes ...`, `polls show ...`: `stance_at`), a speech verb's object (`Eric Holder
announced his resignation`: `speech_object_at`), speech and stance nouns after a possessive (`Trump's
proposal to ban ...`: `possessive_noun_cue`) and stance adjectives after a copula (`are concerned
that ...`: `stance_adjective_cue`); also the one pattern of speech and attribution verbs that the
reported-speech scan of analysis/sourcing/cues.py runs over a paragraph (`reported_verb_regex`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis.resources import DataFileError, read_csv, trie_pattern
from analysis.sourcing.clauses import (CONTRACTION, MAX_CLAIM, VERB_WINDOW, around_subject, clause_starts,
                                       open_class_start)
from analysis.sourcing.records import Speaker
from analysis.sourcing.lexicon import MONTHS, NUL, WEEKDAYS, clean_word, cues_at, kind_words, taxonomy, verb_rows
from analysis.sourcing.phrases import leading_subject, parse_subject
from analysis.sourcing.subjects import (AUX, AUX_BE_ADVERBS, BE, FLOATING_QUANTIFIERS, NOUN_BEFORE, POSSESSIVE_TAIL,
                                        as_complement, coordinated_names, cue_subject_before, distributive_subject,
                                        group_subject, not_a_subject, plural_head_subject, possessive_subject,
                                        main_clause_subject, possessor, quantifier_pronoun, quantity_subject, subject_end,
                                        subject_before_parenthesis,
                                        subject_end_past_aspect, with_share, without_time_tail)

_PRONOUNS = kind_words("pronoun")   # analysis/data/sourcing_words.csv, read once (a hot path)


# ------------------------------------------------------------------ attribution verbs (reported only)
ATTRIBUTION_KINDS = ("reported", "stance")
OBJECT_KINDS = ("phrase", "clause")


class AttributionVerb(NamedTuple):
    """A row of analysis/data/stance_verbs.csv: a verb form that attributes reported speech or a
    stance (never the cue of a quotation)."""
    form: str
    lemma: str
    kind: str                 # reported / stance (the attribution's kind)
    clause_only: bool         # object `clause`: a noun phrase after it is not a content (found a job)
    base: bool                # the base form (`support`, `call for`): its subject is plural or I / you / we / they
    verb_class: str


@lru_cache(maxsize=1)
def attribution_verbs() -> dict[str, AttributionVerb]:
    """form -> AttributionVerb of analysis/data/stance_verbs.csv; an unknown kind fails loudly."""
    out = {}
    for line_no, row in enumerate(read_csv("stance_verbs.csv"), 2):
        form = " ".join(row["form"].lower().split())
        kind = row["kind"].strip()
        obj = row["object"].strip()
        if kind not in ATTRIBUTION_KINDS or obj not in OBJECT_KINDS:
            raise DataFileError(f"analysis/data/stance_verbs.csv row {line_no}: kind {kind!r} / object {obj!r} "
                                f"not one of {ATTRIBUTION_KINDS} / {OBJECT_KINDS}")
        if form:
            lemma = row["lemma"].strip()
            out[form] = AttributionVerb(form, lemma, kind, obj == "clause", form.split()[0] == lemma.split()[0],
                                        row["class"].strip())
    return out


@lru_cache(maxsize=1)
def reported_verb_regex() -> re.Pattern:
    """One pattern for the speech verbs (speech_verbs.csv) and the attribution verbs
    (stance_verbs.csv), so reported speech is one scan of a paragraph; the longest form wins
    (`called for` over `called`)."""
    forms = set(verb_rows()) | set(attribution_verbs())
    return re.compile(r"(?<![\w\-])" + trie_pattern(forms) + r"(?![\w\-])")


_OBJECT_STOP = re.compile(r"[;\x00]|\s[\u2014\u2013]\s|\s--\s")
# `… clarified its stance and received broad support`: a verb phrase, not a source
_VERB_AFTER_AND = re.compile(r"\b(?:and|or|but)\s+[a-z]+ed\b")
_CLAUSE_WORDS = frozenset("that to how why what whether if who where when".split())
def stance_at(masked: str, s: int, e: int, m, verb: AttributionVerb):
    """`_stance_at`, else, for a verb right after `and` / `but` that none of its layouts reads, the main clause's
    subject (`_coordinated_predicate`), and for a base form after `to`, the purpose clause's (`_purpose_infinitive`)."""
    if verb.verb_class not in ("adjective", "noun") and (m.end() >= e or _GAP_CLOSE.match(masked, m.end(), e)):
        found = _object_gap(masked, s, m, verb)     # `something she opposed as a senator`
        if found is not None:
            return found
    if verb.verb_class == "noun_or_verb":
        return _noun_or_verb_at(masked, s, e, m, verb)
    found = _stance_at(masked, s, e, m, verb)
    if found is not None or verb.verb_class in ("adjective", "noun"):
        return found
    near = masked[max(s, m.start() - 60):m.start()]
    if near.endswith(" to ") and verb.base:
        return _purpose_infinitive(masked, s, e, m, verb)
    if not any(w in _COORDINATORS for w in near.split()[-5:]):
        return None             # no `and` / `but` among the last words: no coordinated predicate
    lo = max(s, m.start() - VERB_WINDOW)
    before = without_time_tail(masked[lo:m.start()])
    end = subject_end_past_aspect(before, False)
    if end.word.lower() not in _COORDINATORS or end.aspect:
        return None
    conj = lo + end.end - len(end.word)
    if m.group().split(None, 1)[0].lower().endswith("ing") and not _ING_BEFORE.search(masked, s, conj):
        return None             # an -ing form coordinates only with an earlier one (`calling them … and vowing …`)
    return _coordinated_predicate(masked, s, e, m, verb, conj)


# an object-gap relative (Quirk et al. 1985, 17.10-17.12, the `contact clause` without a pronoun too): a noun
# phrase, an optional `that / which / whom`, a pronoun or a name and the verb with no object of its own after it
# (the clause closes, or a time, place or role phrase follows): `something she opposed as a senator`, `the
# establishment he rails against.`, `the policy that Smith has long championed,`; the content is the antecedent
_GAP_CLOSE = re.compile(r"(?:\s+to\s+[a-z]+)?(?:\s*[.,;:!?]|\s+(?:as|in|at|during|while|when|before|after|since|until|"
                        r"later|earlier|last|then|now|today|yesterday)\b)")     # (`an office he's wanted to hold.`)
_OBJECT_GAP = re.compile(
    r"(?P<ante>(?:\b(?:the|a|an|this|these|those|his|her|their|its|one|another)\s+(?:[a-z][a-z-]*\s+){0,3}"
    r"[a-z][a-z-]*|\b(?:something|everything|anything)))\s+(?:(?:that|which|whom)\s+)?"
    r"(?P<subj>(?:he|she|they)(?=['\u2019\s])|[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,2})(?:['\u2019](?:s|d|ve))?\s+"
    r"(?:(?:has|have|had|once|long|always|often|repeatedly|also|previously|strongly|never|so)\s+){0,3}$")
_NOT_ANTECEDENT = frozenset("that which who whom what and or but is are was were be been has have had".split())
_FUNCTION_WORDS = kind_words("function") | kind_words("object_prep") | frozenset("against about for with from".split())


def _object_gap(masked: str, s: int, m, verb: AttributionVerb):
    """(Speaker, start, end) of an object-gap relative's stance: the antecedent noun phrase is the content."""
    lo = max(s, m.start() - 120)
    gap = _OBJECT_GAP.search(masked, lo, m.start())
    while gap is not None and any(w in _NOT_ANTECEDENT for w in gap.group("ante").split()[1:]):
        gap = _OBJECT_GAP.search(masked, gap.start("ante") + 1, m.start())  # `this is the only country Americans know`
    if gap is None:
        return None
    last, subj = gap.group("ante").rsplit(None, 1)[-1], gap.group("subj")
    if last.endswith("ing") and " " in gap.group("ante") or last in _FUNCTION_WORDS and " " in gap.group("ante"):
        return None             # `another leading Supreme Court advocate`, `a war against Western thought`: a noun
    if verb.base and subj != "they" and not subj.endswith("s") and gap.group().split()[-1] == subj.split()[-1]:
        return None             # `the hit CW show`: a base form after a singular name and no auxiliary is a noun
    kind = "pronoun" if subj in ("he", "she", "they") else "name"
    if kind == "name" and not all(w[:1].isupper() for w in subj.split()):
        return None
    sp = Speaker(kind, [clean_word(w) for w in subj.split()], start=gap.start("subj"), text=subj)
    return sp, gap.start("ante"), gap.end("ante")


_ING_BEFORE = re.compile(r"(?<![\w'\u2019-])[a-z]{2,}ing\b")


# verbs whose object is the subject of a following infinitive (object control, Quirk et al. 1985, 16.52): after
# them the infinitive is not the main clause subject's
_OBJECT_CONTROL = frozenset("urge urged urges urging ask asked asks asking tell told tells telling force forced forces "
                            "persuade persuaded encourage encouraged encourages allow allowed allows want wanted wants "
                            "expect expected expects require required requires invite invited invites lead led leads "
                            "prompt prompted push pushed pushes get got gets help helped helps cause caused causes "
                            "need needed needs leave left leaves".split())
# `has to tell`, `how to understand`, `able to show`: a modal, a wh-infinitive or an adjective's complement, not a
# purpose; `the first member of Congress to endorse him was …`: the infinitive is in the subject
_NOT_PURPOSE_BEFORE = frozenset("have has had how what where whether when which going able enough about used ought "
                                "supposed need needs nothing something anything way time".split())
_NOT_PURPOSE_WORDS = frozenset("to first only last who which that".split())
_NOT_IN_PURPOSE_SUBJECT = _NOT_PURPOSE_WORDS | frozenset(("goes", "go", "went"))
_PURPOSE_REACH = 16             # words from the main clause's subject to the infinitive, at most


def _preposition_to(word: str, after: list[str]) -> bool:
    """`to` before a name or a determiner is a preposition (`took to Twitter to say`), not an infinitive's."""
    return word.lower() == "to" and bool(after) and (after[0][:1].isupper() or after[0].lower() in _TO_NOUN_OPENERS)


_TO_NOUN_OPENERS = frozenset("the a an his her their its this that".split())


def _purpose_infinitive(masked: str, s: int, e: int, m, verb: AttributionVerb):
    """A stance or speech cue in an infinitive clause of purpose (`purpose_subject`) with its object."""
    sp = purpose_subject(masked, s, m.start())
    if sp is None:
        return None
    span = _verb_object_span(masked, e, m, verb)
    return (sp, span[0], span[1]) if span and not _PASSIVE_BY.match(masked, span[0]) else None


def purpose_subject(masked: str, s: int, pos: int) -> Speaker | None:
    """The subject of a cue at `pos` in an infinitive clause of purpose after its main clause's predicate: the main
    clause's (Quirk et al. 1985, 15.23-15.24: `Hillary Clinton took to Twitter to say thanks`, `Ben Carson went on
    ABC's This Week to defend his staff shake-up`), main_clause_subject read before the predicate; not after an
    object-control verb (`urged voters to support …`: the voters support), a form of `be`, a modal or wh-word
    (`has to`, `how to`) or another infinitive (`wants to go to`), nor past a comma or more than sixteen words, nor
    when the infinitive is inside the subject (`The first member … to endorse him was …`)."""
    near = masked[max(s, pos - 40):pos].split()[:-1]
    if not near or near[-1].lower() in _NOT_PURPOSE_BEFORE or near[-1].lower() in BE or \
            near[-1].lower() in _OBJECT_CONTROL or near[-1].lower() in _NOT_PURPOSE_WORDS:
        return None             # the cheap tests first: `has to`, `is to`, `asked to`, `to go to`
    sp = main_clause_subject(masked, s, pos)
    if sp is None or any(w.lower() in _NOT_IN_PURPOSE_SUBJECT or w.lower() in _OBJECT_CONTROL or
                         reported_verb_regex().fullmatch(w.lower()) for w in sp.words):
        return None
    words = masked[sp.start + len(sp.text):pos].split()[:-1]
    if not words or len(words) > _PURPOSE_REACH or any(w.endswith(",") for w in words) or NUL in masked[sp.start:pos] \
            or words[-1].lower() in _NOT_PURPOSE_BEFORE or \
            any(w.lower() in _OBJECT_CONTROL or w.lower() in BE or w.lower() in _NOT_PURPOSE_WORDS and
                not _preposition_to(w, words[k + 1:k + 2]) for k, w in enumerate(words)):
        return None
    return sp


def _stance_at(masked: str, s: int, e: int, m, verb: AttributionVerb):
    """Reported speech or a stance after an attribution verb of stance_verbs.csv whose subject
    stands right before it: `Trump endorsed Pence on Monday.` -> (Trump, `Pence on Monday`);
    `Many Republicans do not want him to run` -> (Many Republicans, `him to run`); the subject of a
    relative clause is its antecedent (`Jeb Bush, who supports the bill` -> Jeb Bush). The content
    runs from the verb to its clause's end (the sentence's end, a semicolon, a dash or a quotation);
    no subject, no attribution (`As opposed to ...`). The form is read as a noun, not a verb, after
    a determiner, a possessive, a preposition or a number (`their support for`, `Trump's support`,
    `20 pledged delegates`); a `clause` verb takes only a clause (`polls show Clinton leading`, not
    `found a job`). A participle after a comma takes its sentence's subject (`Trump hit back,
    saying the poll was rigged`)."""
    lo = max(s, m.start() - VERB_WINDOW)
    before = without_time_tail(masked[lo:m.start()])
    if verb.verb_class == "adjective":
        return stance_adjective_cue(masked, e, m, before, lo)
    if verb.verb_class == "noun" or m.group().lower() in NOUN_FORMS_OF_VERBS:
        noun = _noun_cue(masked, s, e, m, verb, before, lo)
        if noun is not None or verb.verb_class == "noun":
            return noun
    ing = m.group().split(None, 1)[0].lower().endswith("ing")
    found = subject_end_past_aspect(before, ing)       # `Sanders continues to insist`
    cut, prev, aspect = found.end, found.word, found.aspect
    between = before[cut:].lower().split()
    if between and between[-1] in BE and not ing:
        return None             # `Pence was endorsed …`: a passive
    progressive = ing and any(w in BE for w in between)
    participle = ing and not progressive and not aspect
    before = before[:cut] + " " if cut < len(before.rstrip()) else before
    if participle and (prev.lower() in _MEANS_PREPS or not masked[s:m.start()].strip()):
        return _participle_after_preposition(masked, s, e, m, verb, lo + cut - len(prev)) or \
            _fronted_participle(masked, s, e, m)
    pronoun = quantifier_pronoun(before, masked[m.end():m.end() + 40], lo)      # `Few believe …`
    if not prev or prev[-1:].isdigit() or prev.lower() in NOUN_BEFORE and not pronoun or \
            CONTRACTION.search(prev) and prev[-1:] == "s" or prev.endswith(("'", "\u2019")):
        return None
    reduced = participle and _reduced_relative(prev)     # `a super PAC backing Rubio`: the noun before
    share = participle and not reduced and with_share(before, lo)   # `with 30 percent of voters saying`
    if participle and not reduced and not share and \
            (not (prev.endswith(",") or _message_noun(prev)) or m.start() - s > MAX_CLAIM):
        return None             # a participle takes the sentence's subject, read at most MAX_CLAIM back
    head = None
    if verb.base and not _plural_or_finite(prev, between, before, aspect) and prev.lower() != "that":
        head = plural_head_subject(before, lo)      # `Polls in Iowa show`
        if head is None:
            return None             # `broad support from`: a base form needs a plural subject (`voters support`)
                                # or an auxiliary (`Trump would support`)
    span = _verb_object_span(masked, e, m, verb)
    if span is None and not participle:
        return _stance_after_content(masked, s, e, m, before, lo)
    if span is None or _PASSIVE_BY.match(masked, span[0]):
        return None             # `a challenge backed by the party`: a passive, its agent after `by`
    if share or head:
        sp = share or head
    elif participle and not reduced:
        sp = leading_subject(masked[s:m.start()], s) or cue_subject_before(masked, s, m.start()) or \
            main_clause_subject(masked, s, m.start())      # `Some Democrats spoke out, expressing dismay …`
    elif prev.lower() in _RELATIVES or prev.lower() == "that" or _DASH_RELATIVE.search(prev):
        sp, restrictive = _relative_antecedent(before, prev, lo, verb)
        if restrictive:         # `idealists who wanted a break from the Bush years, centrists who …`: to the comma
            comma = masked.find(",", span[0], span[1])
            span = (span[0], comma) if comma > span[0] else span
    elif reduced and prev.islower():
        sp = with_share(before, lo) or _that_antecedent(before, lo, False)     # `a group backing the governor`
    else:
        sp = _subject_before(before, lo, pronoun)
    if sp is None or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    if _HYPOTHETICAL_BEFORE.search(masked, max(s, sp.start - 12), sp.start):
        return None             # `… when the hospital agreed to hire more staff`: a condition, not a stance
    return sp, span[0], span[1]


def _noun_or_verb_at(masked: str, s: int, e: int, m, verb: AttributionVerb):
    """A form of class `noun_or_verb` (`claims`, mostly a noun) read as a verb: only after a name, a subject pronoun
    or a role word (`_verb_subject_word`) and with a clause after it; never with its content before it."""
    lo = max(s, m.start() - VERB_WINDOW)
    noun = _noun_cue(masked, s, e, m, verb, without_time_tail(masked[lo:m.start()]), lo)
    if noun is not None:
        return noun             # `Mr. Trump's claims that …`, `claims by intelligence agencies that …`
    words = masked[max(s, m.start() - 40):m.start()].split()
    if not words or not _verb_subject_word(words[-1]) and words[-1].lower() not in ("also", "still", "now") or \
            _object_span(masked, m.end(), e, True) is None:
        return None             # `interesting claims culled from`, `could blunt Republican claims.`: a noun
    found = _stance_at(masked, s, e, m, verb)
    return found if found is not None and found[1] >= m.end() else None


def _verb_subject_word(prev: str) -> bool:
    """For a form of class `noun_or_verb` (`claims`, mostly a noun): the word before reads it as a verb only when it
    ends a name, is a subject pronoun or a role or organisation word of source_types.csv (`Trump claims he is`, `he
    claims his boss`, `The candidate claims`), not an adjective or modifier
    (`interesting claims`) nor a capitalised modifier at a sentence's end (handled by requiring a clause after it)."""
    word = prev.strip(",")
    return word.lower() in _PRONOUNS or word.lower() == "who" or (word[:1].isupper() and word.replace(".", "").isalpha()) \
        or (word.isalpha() and word.islower() and bool(cues_at(word, True)))   # `The Turkish government claims`


def _relative_antecedent(before: str, prev: str, lo: int, verb: AttributionVerb):
    """(antecedent, restrictive) of the relative pronoun `prev` that ends `before` (= masked[lo:verb]): `Jeb Bush,
    who supports …`, `Graham—who had endorsed …`, `Murphy (who …` (parse_subject before the pronoun); a restrictive
    `that` or `who` without a comma (`progressive groups that endorsed him`, `idealists who wanted …`:
    `_that_antecedent`, for `who` when parse_subject reads nothing), restrictive True."""
    head = before.rstrip()[:-len(prev)]
    if prev.lower() == "that":
        sp = _that_antecedent(head, lo, verb.base)
        return sp, sp is not None
    rel = _DASH_RELATIVE.search(prev)
    cut = before.rstrip()[:-len(rel.group(1)) if rel else -len(prev)].rstrip().rstrip(",\u2014\u2013(")
    sp = parse_subject(cut, lo) if cut.strip() and not cut.endswith(NUL) else None
    if sp is None and not rel and prev.lower() == "who" and not head.rstrip().endswith(","):
        sp = _that_antecedent(head, lo, verb.base)
        return sp, sp is not None
    return sp, False


def _that_antecedent(cut: str, lo: int, plural: bool):
    """The antecedent of a restrictive relative `that` right before the verb (Quirk et al. 1985, 17.14: `progressive
    organizations that endorsed him`, `a new poll that shows …`): the noun phrase of up to five words that ends
    `cut` with no comma before `that` (adjectives and nouns back to a determiner, a preposition or a verb), whose
    head is a plural or a role, organisation or document word of source_types.csv (a plural before a base form,
    `plural`)."""
    if not cut.strip() or cut.rstrip()[-1:] in ",\u2014\u2013(" + NUL:
        return None
    toks = list(_WORD.finditer(cut))
    k = len(toks)               # the phrase is toks[k:]: back to a determiner (in it) or a boundary (not in it)
    while k and len(toks) - k <= 5:
        word = toks[k - 1].group()
        low = word.lower()
        gap = cut[toks[k - 1].end():toks[k].start()] if k < len(toks) else ""
        if gap.strip() or low in _CLAUSE_LINK_BOUNDARY:
            break               # a comma or dash (`voters, demographic groups`), a conjunction (`and`, `including`)
        if low in _NOUN_PHRASE_BOUNDARY:
            return None         # after a preposition the relative may belong to the noun before it (`the report on
                                # her email practices that suggested`, `voters in districts that voted for`)
        if low in _DETERMINERS:
            k -= 1
            if k and toks[k - 1].group().lower() in _NOUN_PHRASE_BOUNDARY and not cut[toks[k - 1].end():toks[k].start()].strip():
                return None     # `the report on her email practices that suggested`
            break
        if not word.replace("-", "").isalpha() or word.startswith("-") or low in AUX_BE_ADVERBS or low in _INFINITIVE_OR_VERB or \
                (k < len(toks) and low.endswith(("ed", "ing", "s"))):
            return None         # `Sanders highlighted polls that show`, `to get votes that`: a verb phrase
        k -= 1
    else:
        if k:
            return None         # longer than five words
    if k == len(toks) or len(toks) - k > 5:
        return None
    words = [t.group() for t in toks[k:]]
    head = words[-1].lower()
    plural_head = head.endswith("s") and not head.endswith("ss")
    if not (plural_head or cues_at(head, True) and not plural):
        return None
    start = toks[k].start()
    return Speaker("desc", words, start=lo + start, text=cut[start:toks[-1].end()])


_WORD = re.compile(r"[\w\-'\u2019]+")
_DETERMINERS = kind_words("determiner") | frozenset("some many most several few all both other these those".split())
_INFINITIVE_OR_VERB = frozenset(("to", "get", "make", "create", "take"))
_NOUN_PHRASE_BOUNDARY = (kind_words("place_prep") - _INFINITIVE_OR_VERB) | frozenset("of for with from by on in at into "
                                                                                   "about over against".split())
_CLAUSE_LINK_BOUNDARY = frozenset("and or but that who which including such as than".split()) | kind_words("subordinator")


def _noun_cue(masked: str, s: int, e: int, m, verb: AttributionVerb, before: str, lo: int):
    """A noun form of stance_verbs.csv: after a possessive (`possessive_noun_cue`), else, with its agent's
    preposition, after a verb of receiving (`received_noun_cue`: `Cruz won the endorsement of Gov. Pence`)."""
    noun = possessive_noun_cue(masked, e, m, before, lo) if POSSESSIVE_TAIL.search(before[-80:]) else None
    last = m.group().rsplit(None, 1)[-1].lower()
    if noun is None and verb.verb_class == "noun" and last in _AGENT_PREPOSITIONS:
        noun = received_noun_cue(masked, s, e, m, before, lo)
    if noun is None and verb.verb_class == "noun" and last in _NOUN_PREPOSITIONS:
        noun = light_verb_noun_cue(masked, s, e, m, before, lo)
    if noun is None and last not in _NOUN_PREPOSITIONS and last not in _AGENT_PREPOSITIONS:
        noun = by_agent_noun_cue(masked, e, m)
    return noun


# the agent of a deverbal noun after `by` (Quirk et al. 1985, 17.51-17.54), then its `that` clause or `to` infinitive:
# `claims by intelligence agencies that …`, `a decision by Senate campaign chairman Chuck Schumer to mute …`, `a
# demand, by House Minority Leader Nancy Pelosi, that …`


def _relative_verb(word: str) -> bool:
    """A lower-case verb form right after `that` (`that owns`, `that has`, `that wanted`): `that` is a relative pronoun."""
    low = word.lower()
    return word.islower() and (low in AUX or low in BE or low.endswith(("s", "ed")) and low not in _DETERMINERS
                               and low not in _PRONOUNS and low not in kind_words("possessive") and not low.endswith("ss"))


def by_agent_noun_cue(masked: str, e: int, m):
    """A noun of stance_verbs.csv with its agent after `by` and its clause after the agent (`_BY_AGENT`): the agent
    (a name, or a description parse_subject reads) is the source, the clause the content. Not a time or date
    (`a decision by Friday to`)."""
    agent = _BY_AGENT.match(masked, m.end(), e)
    if agent is None or _NOT_A_TOPIC.match(agent.group(1)) or agent.group(1)[:1].isdigit():
        return None
    sp = parse_subject(agent.group(1) + " ", agent.start(1))     # `Senate campaign chairman Chuck Schumer` -> the name
    if sp is None or sp.kind != "name" or sp.start + len(sp.text) < agent.end(1) - 1:
        sp = _plain_description(masked, agent.span(1))             # `intelligence agencies`; not `the fall`
    word = agent.group("word")
    if sp is None or not_a_subject(sp) or agent.group(1).split()[0].endswith("ing"):
        return None             # `his announcement by tying it to …`: a means, not an agent
    if _to_before_a_noun(agent) or agent.group("comp").startswith("that") and _relative_verb(word):
        return None             # `plans by the company that owns Nabisco to …`: a relative clause inside the agent
    return _complement_row(masked, sp, agent, e)


def _to_before_a_noun(comp) -> bool:
    """Whether a complement match (groups `comp`, `word`) is `to` before a determiner or pronoun: a preposition's
    object (`support to the party`, `a letter to him`), not a `to` clause."""
    return comp.group("comp").startswith("to") and (comp.group("word") in NOUN_BEFORE or comp.group("word") in _PRONOUNS)


def _complement_row(masked: str, sp, comp, e: int):
    """(source, content start, content end) of the clause a complement match (groups `neg`, `comp`) opens, from its
    `not` when it has one; None when no content follows."""
    span = _object_span(masked, comp.start("neg") if comp.group("neg") else comp.start("comp"), e, False)
    return (sp, span[0], span[1]) if span else None


# a light verb whose object noun carries the speech act or stance (Quirk et al. 1985, 2.28 and 10.13, eventive objects:
# `made no mention of`, `voiced support for`, `launched an attack on`), at most three modifiers between
_LIGHT_VERB = re.compile(r"(?:^|\s)(?:ma(?:de|ke|kes|king)|gave|give|gives|giving|lent|lend(?:s|ing)?|threw|throw(?:s|n|ing)?|offer(?:s|ed|ing)?|express(?:es|ed|ing)?|"
                         r"voic(?:e|es|ed|ing)|issu(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
                         r"mount(?:s|ed|ing)?|lodg(?:e|es|ed|ing)|level(?:l?ed|s|l?ing)?|renew(?:s|ed|ing)?|"
                         r"step(?:s|ped)?\s+up|ratchet(?:s|ed)?\s+up)((?:\s+[\w\-]+){0,3})\s+$")


def light_verb_noun_cue(masked: str, s: int, e: int, m, before: str, lo: int):
    """A noun of stance_verbs.csv with its preposition, object of a light verb (`Trump made no mention of God`,
    `Sanders voiced support for the bill`, `Trump launched a harsh attack on Carson`): the light verb's subject is
    the source, the noun's object the content. Not after a possessive or number modifier."""
    lv = _LIGHT_VERB.search(before[-80:])
    if lv is None or any(w.endswith(("'s", "\u2019s")) or w[:1].isdigit() for w in lv.group(1).split()):
        return None
    verb_at = len(before) - len(before[-80:]) + lv.start()
    head = before[:verb_at] + " "
    found = subject_end(head, False)
    if not found.word or found.word.lower() in BE:
        return None
    sp = _subject_before(head[:found.end] + " ", lo, None)
    span = _noun_object_span(masked, m.end(), e)
    if sp is None or span is None or not_a_subject(sp) or _NOT_A_TOPIC.match(masked, span[0]):
        return None
    return sp, span[0], span[1]


def _subject_before(before: str, lo: int, pronoun):
    """The subject that ends `before` (= masked[lo:…], auxiliaries set aside): a name, pronoun or description, a
    possessive group, a share, a plural group, a quantifier pronoun (`pronoun`) or a distributive phrase (`Each
    side`); past a parenthesis before the verb when the parse is inside it or fails (`Ted Cruz (Tex.) did not`)."""
    sp = parse_subject(before, lo) or possessive_subject(before, lo) or quantity_subject(before, lo) or \
        group_subject(before, lo) or pronoun or distributive_subject(before, lo)
    if sp is None or sp.start - lo > before.rfind("(") >= 0:
        sp = subject_before_parenthesis(before, lo) or sp      # `Sen. Rand Paul (Ky.) has released`
    return sp


# `that` before any word (`his claim that President Obama …`); `to` before a lower-case one (`his call to
# Congress` is no infinitive)
# a time phrase may stand between the noun and its clause (`Trump's assertion Monday that`, `his statement earlier this
# year that`), and `not` before the infinitive (`Obama's decision not to follow through`: the content starts at `not`)
_NOUN_COMPLEMENT = re.compile(r"(?:\s+(?:on\s+)?(?:" + WEEKDAYS + r")|\s+(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:week|month|year))?"
                              r"\s+(?P<neg>not\s+)?(?P<comp>that\s+(?=[A-Za-z\"'\u201c\u2018])|to\s+(?=[a-z]))(?P<word>[\w\-']*)")
_BY_AGENT = re.compile(r",?\s+by\s+([^,;:.!?\x00\u2014\u2013()]{2,90}?),?" + _NOUN_COMPLEMENT.pattern)
# forms of speech_verbs.csv / stance_verbs.csv that are also nouns (`his promise to`), read as nouns like the
# rows of class `noun`: right after the possessive or after modifiers that are not plurals (`his recent
# call`, not `her allies fear`, `his aides plan to`)
NOUN_FORMS_OF_VERBS = frozenset("claim claims call calls promise promises pledge pledges vow vows warning "
                                 "hope hopes fear wish".split())


_NOUN_PREPOSITIONS = frozenset(("on", "against", "of", "to", "for", "about", "behind"))


_AGENT_PREPOSITIONS = frozenset(("of", "from", "among"))
# a verb of receiving before the noun (`won the endorsement of`, `has drawn harsh criticism from`, `has the support
# of`), at most three modifiers between
_RECEIVED = re.compile(r"(?:^|\s)(?:receiv(?:e|es|ed|ing)|w[io]n|wins|winning|earn(?:s|ed)?|dr[ae]w|draws|drawn|got|gets?|"
                       r"secur(?:e|es|ed)|enjoy(?:s|ed)?|ha[sd]|have|fac(?:e|es|ed|ing)|picked\s+up|attract(?:s|ed)?|"
                       r"gain(?:s|ed)?|garner(?:s|ed)?|land(?:s|ed)?)((?:\s+[\w\-]+){0,3})\s+$")


def received_noun_cue(masked: str, s: int, e: int, m, before: str, lo: int):
    """A noun of support or criticism with its agent after `of` / `from` / `among`, object of a verb of receiving
    (Quirk et al. 1985, 17.51-17.54, the agent of a deverbal noun after `of` / `from`): `Cruz won the endorsement of
    Gov. Mike Pence` -> (Gov. Mike Pence, `Cruz`), `The proposal has drawn harsh criticism from fellow candidates`
    -> (fellow candidates, `The proposal`): the source is the phrase after the preposition, the content the verb's
    subject. Not after a modifier that is a possessive or a number (`his 40 percent support among`)."""
    rec = _RECEIVED.search(before[-80:])
    if rec is None or any(w.endswith(("'s", "\u2019s")) or w[:1].isdigit() or w.lower() in _NOT_RECEIVED_MODIFIER
                          for w in rec.group(1).split()):
        return None
    span = _noun_object_span(masked, m.end(), e)
    if span is None:
        return None
    source = parse_subject(masked[span[0]:span[1]] + " ", span[0])
    if source is None or source.start != span[0]:
        source = _plain_description(masked, span)
    if source is None or not_a_subject(source):
        return None
    verb_at = lo + len(before) - len(before[-80:]) + rec.start()
    head = masked[s:verb_at]
    found = subject_end(head + " ", False)
    target = parse_subject(head[:found.end] + " ", s) if found.word else None
    if target is None or target.kind == "pronoun" and target.words[0] not in ("he", "she", "they", "it"):
        return None
    between = masked[target.start + len(target.text):verb_at].split()
    if len(between) > 2 or any(not w.isalpha() or w.lower() in _NOT_BETWEEN_SUBJECT_AND_VERB for w in between):
        return None             # the receiving verb's own subject is not the sentence's (`the ministers said that
        #                         the government … and received broad support from …`)
    return source, target.start, target.start + len(target.text)


_NOT_BETWEEN_SUBJECT_AND_VERB = frozenset("that and said says told but or which who".split())


_NOT_RECEIVED_MODIFIER = frozenset("no not any little".split())


def _plain_description(masked: str, span: tuple):
    """The phrase masked[span] as a description (`fellow Republican candidates`, `most of the state's big unions`)
    when it is at most six words, all letters, and its last word is a plural or a role or organisation word."""
    words = masked[span[0]:span[1]].split()
    if not words or len(words) > 6 or not all(w.replace("-", "").replace("'", "").replace("\u2019", "").isalpha() for w in words):
        return None
    head = words[-1].lower()
    if not (head.endswith("s") and not head.endswith("ss") or cues_at(head, True)):
        return None
    return Speaker("desc", words, start=span[0], text=" ".join(words))
_NOUN_OBJECT_WORDS = 20
_NOUN_OBJECT_TOKEN = re.compile(r"[^\s,;:.!?\u2014\u2013()]+|[,;:.!?\u2014\u2013()]")
_NOT_A_TOPIC = re.compile(r"(?:" + WEEKDAYS + "|" + MONTHS + r"|the\s+condition\b|(?:this|last|next)\s+(?:week|month|year))")
_TITLE_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Sen Sens Gov Rep Reps St Jr Sr Gen Lt Col Sgt Prof Rev".split())
_NOUN_OBJECT_STOPS = frozenset(",;:.!?\u2014\u2013()")


def _noun_object_span(masked: str, pos: int, e: int):
    """(start, end) of the object phrase after a noun cue's preposition (`his attacks on Clinton's positions`): up
    to a punctuation mark, a quotation or the noun phrase's own verb (an auxiliary or a form of `be`: `Mr. Trump's
    attacks on him are now rippling …`), at most twenty words; None when empty."""
    start = end = None
    prev = ""
    for n, tok in enumerate(_NOUN_OBJECT_TOKEN.finditer(masked, pos, e)):
        word = tok.group()
        if word == "." and (masked[tok.end():tok.end() + 1].isalnum() or masked[tok.end():tok.end() + 1] == "-" or
                            prev in _TITLE_ABBREVIATIONS):
            end = tok.end()     # `$1.1 billion`, `U.S.`, `Mr. Cruz`: no sentence end
            continue
        if n == _NOUN_OBJECT_WORDS or word in _NOUN_OBJECT_STOPS or word.lower() in AUX or word.lower() in BE:
            break
        start = tok.start() if start is None else start
        end = tok.end()
        prev = word
        start = tok.start() if start is None else start
        end = tok.end()
    return (start, end) if start is not None else None


def possessive_noun_cue(masked: str, e: int, m, before: str, lo: int):
    """A speech or stance form read as a noun after a possessive, with a `that` clause or a `to`
    infinitive after it (`Trump's proposal to ban Muslims`, `his recent call to ban all Muslim
    immigrants`, `Sanders's claim that he still has a way`): the possessor is the source, the clause
    the content. Not `to` before a determiner or pronoun (`his call to the nation`), not a modifier
    that is itself a noun's possessive (`the campaign's`); the rows of class `noun` in
    analysis/data/stance_verbs.csv are read only this way. A noun row with its preposition (`attacks on`,
    `opposition to`) takes the phrase after it: `Murphy's opposition to the bill` -> (Murphy, `the bill`)."""
    pos = POSSESSIVE_TAIL.search(before[-80:])
    if m.group().rsplit(None, 1)[-1].lower() in _NOUN_PREPOSITIONS:     # `his attacks on Clinton`: the object
        sp = possessor(masked, before, lo, pos)
        span = _noun_object_span(masked, m.end(), e) if sp is not None else None
        if span is None or _NOT_A_TOPIC.match(masked, span[0]):
            return None         # `his remarks on Thursday`, `remarks on the condition of anonymity`: no topic
        return sp, span[0], span[1]
    comp = _NOUN_COMPLEMENT.match(masked, m.end(), e)
    if comp is None or _to_before_a_noun(comp):
        return None
    sp = possessor(masked, before, lo, pos)
    return None if sp is None else _complement_row(masked, sp, comp, e)


# a copula and adverbs right before a stance adjective (`are not convinced`, `remain reluctant`, `wasn't happy`)
_COPULA_BEFORE = re.compile(r"(?:^|\s)(?:is|are|was|were|am|be|been|(?:is|are|was|were)n['\u2019]t|remain(?:s|ed)?|"
                            r"seem(?:s|ed)?|appear(?:s|ed)?|grew|bec[oa]me|becomes|feels?|felt)"
                            r"(?:\s+(?:not|also|still|so|very|too|more|less|most|now|all|increasingly|quite|already|always|never|even|"
                            r"just|again|ever|somewhat|rather|[a-z]+ly))*\s+$")
# the adjective's complement: a preposition or `that` / `whether` / `to` clause, or a pronoun subject (`is not sure
# she can vote`)
_ADJECTIVE_COMPLEMENT = re.compile(r"\s+(?:(that|about|of|over|with|at|in|by|whether|if|how|to)\s+(?=[\w\"'\u201c])|"
                                   r"(?=(?:he|she|they|we|I|it)\s))")


def stance_adjective_cue(masked: str, e: int, m, before: str, lo: int):
    """A stance adjective of stance_verbs.csv (class `adjective`: Biber et al. 1999, Longman Grammar of
    Spoken and Written English, 9.4, adjectives that control `that` and `to` clauses) after a copula, with
    its complement: `Some Clinton backers are concerned that momentum …` -> (Some Clinton backers, `that
    momentum …`), `Her advisers are not convinced that …`, `some of his supporters remain reluctant to get
    behind Mrs. Clinton`, `WikiLeaks wasn't happy about the criticism`. Not an expletive subject (`It is
    …`), not `to` before a noun phrase or a gerund (`critical to the campaign`)."""
    tail = before[-80:]
    cop = _COPULA_BEFORE.search(tail)
    comp = _ADJECTIVE_COMPLEMENT.match(masked, m.end(), e)
    if cop is None or comp is None:
        return None
    if comp.group(1) == "to":
        nxt = masked[comp.end():comp.end() + 30].split(None, 1)
        if not nxt or nxt[0].lower() in NOUN_BEFORE or nxt[0].lower() in _PRONOUNS or not nxt[0].islower() \
                or nxt[0].endswith("ing") or m.group().lower() in ("sure", "certain"):
            return None         # `critical to placing ad buys`; `is sure to spur` (raising, no stance)
    head = before[:len(before) - len(tail) + cop.start()]
    if not head.strip() or head.rstrip().endswith(NUL):
        return None
    sp = parse_subject(head, lo) or possessive_subject(head, lo) or quantity_subject(head, lo) or \
        group_subject(head, lo)
    if sp is None or not_a_subject(sp) or (sp.kind == "pronoun" and sp.words[0].lower() in ("it", "this", "that")):
        return None
    span = _object_span(masked, comp.start(1) if comp.group(1) else comp.end(), e, False)
    if span and _REPORTED_BY_ANOTHER.search(masked, span[0], e):
        return None             # `Denmark is prepared to …, Foreign Minister X and Defense Minister Y said`: the
        #                         sentence is X and Y's claim, the adjective's subject no source of its own
    return (sp, span[0], span[1]) if span else None


_NAME_WORD = r"[A-Z][\w.'\u2019\-]*"              # a capitalised word of a name or title (`Sen.`, `O'Rourke`)
_REPORTING_VERB = r"(?:said|says|told|added)\b"
# a comma and another source's reporting clause end a stance's content (`… to support the senator, according to
# Buchanan`, `… endorse Clinton, Eskelsen Garcia said at the time`)
_ANOTHER_SOURCE = re.compile(r",\s+(?:according\s+to\b|(?:" + _NAME_WORD + r"\s+){1,4}" + _REPORTING_VERB + ")")
# what follows a content when a trailing reporting clause gives the sentence to another source: a comma, names or
# titled names joined by `and`, a speech verb (`_ANOTHER_SOURCE`'s name words and verbs, longer subjects)
_REPORTED_BY_ANOTHER = re.compile(r",\s+(?:(?:" + _NAME_WORD + r"|and)\s+){1,12}" + _REPORTING_VERB)


# prepositions whose participle is done by the subject of its sentence (`… by saying that …`)
_MEANS_PREPS = frozenset(("by", "after", "before", "while", "in", "since", "despite", "upon"))


def _participle_after_preposition(masked: str, s: int, e: int, m, verb: AttributionVerb, prep: int):
    """A participle after `by`, `after`, `before` or `while` in the middle of its sentence is done by
    the sentence's subject, which stands before the preposition: `Sanders has soared in the polls by
    saying that the system is rigged` -> (Sanders, `that the system …`), `Trump responded first by
    saying he should not have …`, `Kasich cautioned …, before optimistically predicting that …`,
    `"…," Clinton said, while arguing the U.S. should …` (the cue's source). Not after a passive
    (`is often justified by arguing`: its subject is no speaker) nor at the sentence's start
    (`After saying he was nervous, the man …`: the subject comes after)."""
    head = masked[s:prep]
    words = head.split()
    if not words or prep - s > MAX_CLAIM or any(w.lower() in BE for w in words[-3:]):
        return None
    span = _object_span(masked, m.end(), e, verb.clause_only)
    if span is None:
        return None
    sp = leading_subject(head, s) or cue_subject_before(masked, s, prep)
    if sp is None or sp.start >= prep or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    return sp, span[0], span[1]


_COORDINATORS = frozenset(("and", "but"))
# a passive first conjunct (`was endorsed by the party and backed …`): a form of `be`, adverbs, a past participle
_PASSIVE_CONJUNCT = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b[^,;]*$")
_PLURAL_PRONOUNS = frozenset(("they", "we", "i", "you"))


def _coordinated_predicate(masked: str, s: int, e: int, m, verb: AttributionVerb, conj: int):
    """A verb right after `and` / `but` that coordinates a predicate with the main clause's (Quirk et al. 1985,
    13.34: the predicates share the subject): `The mayor met the council on Monday and warned them …`, `Indiana
    politicians, who …, are furious at the company and want their money back` -> that subject
    (`main_clause_subject`), read before the conjunction. A base form only after a plural subject; not near a
    passive (`… but was ordered to`: a form of `be` after the conjunction; `was endorsed and backed …`: a past form
    after a passive first conjunct) nor a form that is also a noun (`the chants and promises to …`); an -ing form
    only after an earlier -ing form in the sentence (`… calling them rapists and vowing to …`)."""
    if conj - s > MAX_CLAIM or any(w.lower() in BE for w in masked[conj:m.start()].split()) or \
            _PASSIVE_CONJUNCT.search(masked, max(s, conj - 60), conj) and m.group().lower().endswith("ed") or \
            m.group().lower() in NOUN_FORMS_OF_VERBS:
        return None             # `… but was ordered to`, `was endorsed and backed`; `the chants and promises to …`
    sp = main_clause_subject(masked, s, conj)
    if sp is None or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    if verb.base and not (sp.kind == "pronoun" and sp.words[0].lower() in _PLURAL_PRONOUNS or
                          sp.kind == "desc" and sp.words[-1].lower().endswith("s")):
        return None
    span = _verb_object_span(masked, e, m, verb)
    if span is None or _PASSIVE_BY.match(masked, span[0]):
        return None
    return sp, span[0], span[1]


def _fronted_participle(masked: str, s: int, e: int, m):
    """A participle clause that opens its sentence, alone or after a preposition, is done by the main clause's
    subject after its comma (Quirk et al. 1985, 15.58, the subject-attachment rule): `Noting he had studied
    philosophy, Allen said …` -> (Allen, `he had studied philosophy`), `After saying he was nervous, the mayor
    left` -> the mayor. The content ends at the clause's comma; no row without that comma or a subject after it."""
    head = masked[s:m.start()].split()
    if len(head) > 1 or head and head[0].lower() not in _FRONTED_PREPS:
        return None
    comma = masked.find(",", m.end(), e)
    stop = _CLAUSE_PUNCTUATION.search(masked, m.end(), e)
    if comma < 0 or stop is None or stop.start() < comma or comma - m.end() > 300:
        return None
    sp = main_clause_subject(masked, s, e)
    if sp is None or sp.start < comma:
        return None
    start = m.end() + len(masked[m.end():comma]) - len(masked[m.end():comma].lstrip())
    return (sp, start, comma) if comma > start else None


_FRONTED_PREPS = frozenset("after before while since upon in despite by".split())
_CLAUSE_PUNCTUATION = re.compile(r"[,;:\x00\u2014\u2013]|\.\s")


@lru_cache(maxsize=1)
def _message_nouns() -> frozenset:
    """One-word document nouns of analysis/data/source_types.csv (kind `document`: statement, letter,
    report, complaint, lawsuit ...), singular and plural."""
    out = set()
    for row in taxonomy():
        if row["kind"] == "document" and len(row["words"]) == 1:
            word = row["words"][0].lower()
            out.update((word, word + "s"))
    return frozenset(out)


_CLOSES_CLAUSE = re.compile(r"\s*(?:[,.;]|$)")


def _stance_after_content(masked: str, s: int, e: int, m, before: str, lo: int):
    """A stance or speech verb that closes its content, as `said` does (`…, records show.`, `The
    aircraft was insured …, records show, and …`, `…, some Democrats now think.`): the verb ends its
    clause and the subject right before it follows a comma; the content is the stretch before."""
    if not _CLOSES_CLAUSE.match(masked, m.end()) or not before.strip():
        return None
    sp = parse_subject(before, lo)
    if sp is None:
        return None
    return around_subject(masked, s, e, m, sp, masked[m.end():min(e, m.end() + VERB_WINDOW)].split())


def _reduced_relative(prev: str) -> bool:
    """A participle right after a capitalised word qualifies it (a reduced relative clause: `a chorus
    of Democrats urging him to …`, `a super PAC backing Rubio`, `with Cruz repeatedly calling Trump
    his friend`): that name is the source. Not after a comma, a document noun, an auxiliary, a
    determiner or a relative pronoun; lower-case plurals (`placards supporting`) were measured on
    PolNeAR dev and left out (0.62 of their spans real)."""
    word = prev.lower()
    if not prev.isalpha() or word in AUX_BE_ADVERBS or word in NOUN_BEFORE or word in _RELATIVES or \
            _message_noun(prev):
        return False
    return prev[0].isupper() or (prev.islower() and not prev.endswith("s") and bool(cues_at(prev, True)))


def _message_noun(word: str) -> bool:
    """A participle right after a document noun is its author's (`McConnell issued a statement saying
    that …`, `they sent a letter urging …`): the sentence's subject."""
    return word.lower() in _message_nouns()


_RELATIVES = frozenset(("who", "which"))
_DASH_RELATIVE = re.compile(r"[\u2014\u2013(]((?:who|which))$", re.IGNORECASE)
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:[Ww]hen|[Ii]f|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]henever)\s+$")
# the end of a plural subject or of I / you / we / they / who / people / a share (`53% of Danes`)
def _plural_or_finite(prev: str, between: list[str], before: str, aspect: bool) -> bool:
    """A base form may follow: a plural subject (`voters support`, `Foner and Alba suggest`), an auxiliary
    (`Trump would support`) or an aspectual verb (`continues to insist`)."""
    return bool(_PLURAL_SUBJECT_END.search(prev)) or any(w in AUX or w in FLOATING_QUANTIFIERS for w in between) \
        or aspect or coordinated_names(before)


_PLURAL_SUBJECT_END = re.compile(r"(?:(?<![\'\u2019])s|^(?:[Ii]|[Yy]ou|[Ww]e|[Tt]hey|[Ww]ho|[Pp]eople|[Mm]en|"
                                 r"[Ww]omen|[Cc]hildren|[Pp]ublic|[Mm]ost|[Mm]any|[Ss]ome|[Bb]oth|[Ff]ew)|%)[,]?$")
_PASSIVE_BY = re.compile(r"by\b", re.IGNORECASE)


def _verb_object_span(masked: str, e: int, m, verb: AttributionVerb):
    """_object_span after verb match `m`; a characterize verb's (Levin 1993, 29.2) only with its `as`
    complement (`see him as a threat`, not `saw the incident`), or a clause when its row takes one."""
    characterize = verb.verb_class == "characterize"
    span = _object_span(masked, m.end(), e, verb.clause_only and not characterize)
    if span is not None and characterize and not as_complement(masked, *span):
        span = _object_span(masked, m.end(), e, True) if verb.clause_only else None
    return span


def _object_span(masked: str, pos: int, e: int, clause_only: bool):
    """(start, end) of the content after a verb ending at `pos`: to the clause's end (sentence end,
    semicolon, dash, quotation), at least one word; for a `clause` verb only a clause."""
    while pos < e and masked[pos].isspace():
        pos += 1
    if clause_only:
        first = masked[pos:pos + 40].split(None, 1)
        word = clean_word(first[0]) if first else ""
        if not word or not (word.lower() in _CLAUSE_WORDS or clause_starts(word)
                            or open_class_start(masked[pos:pos + 200].split(), 0)):
            return None
    limit = min(e, pos + MAX_CLAIM)
    stop = _OBJECT_STOP.search(masked, pos, limit)
    while stop is not None and masked[stop.start()] == NUL and not _INTRODUCED.search(masked, pos, stop.start()):
        # a quotation inside the clause is part of its content (`called the system "rigged"`); one
        # introduced by a comma or colon (`…, saying: "…"`) ends it
        stop = _OBJECT_STOP.search(masked, _past_quotation(masked, stop.start(), limit), limit)
    end = stop.start() if stop else limit
    tail = _ANOTHER_SOURCE.search(masked, pos, end)
    if tail is not None and masked[pos:tail.start()].strip().lower() not in _CLAUSE_WORDS:
        end = tail.start()      # `…, according to a copy of the letter`: another source's (not `reported that, according to`)
    while end > pos and (masked[end - 1] in " .,;:!?\u201c\u2018" or masked[end - 1].isspace()
                         or masked[end - 1] in "\"'" and masked[end:end + 1] == NUL):
        end -= 1                # the opening mark of a quotation that ends the clause is not its content
    if end <= pos or not any(ch.isalnum() for ch in masked[pos:end]):
        return None
    return pos, end


_INTRODUCED = re.compile(r"[,:]\s*[\"'\u201c\u2018]*\Z")


def _past_quotation(masked: str, pos: int, limit: int) -> int:
    """The position after the masked quotation starting at `pos` and its closing marks."""
    while pos < limit and masked[pos] == NUL:
        pos += 1
    while pos < limit and masked[pos] in "\"'\u201d\u2019":
        pos += 1
    return pos


_SPEECH_OBJECT = AttributionVerb("", "", "reported", False, False, "speech")
# the participle of a speech verb (`…, saying …`), read as `stance_at` reads a verb of stance_verbs.csv
speech_participle = AttributionVerb("", "", "reported", False, False, "speech")
_NOT_OBJECT_START = kind_words("not_clause_start") - {"to"}


def speech_object_at(masked: str, s: int, e: int, m):
    """Reported speech whose content is the speech verb's object, when `reported_at` finds no clause:
    `Eric Holder announced his resignation`, `Trump did not deny the report`, `46 percent of voters
    said yes` (the rules of `stance_at`); not a time, place or manner phrase (`said on Monday`,
    `told reporters in Iowa`: not_clause_start in analysis/data/sourcing_words.csv)."""
    first = masked[m.end():m.end() + 40].split(None, 1)
    if not first or clean_word(first[0]).rstrip(".").lower() in _NOT_OBJECT_START:
        return None             # also at the sentence's end: `…, the Associated Press reported Friday.`
    return stance_at(masked, s, e, m, _SPEECH_OBJECT)
