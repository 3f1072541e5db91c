"""Where an attribution's cue is: after a closing mark (`," Rasmussen said`), before an opening mark
(`Rasmussen said: "`), reported speech around a speech verb (`X said that ...`, `..., officials
said.`: `reported_at`) and `according to X` (`according_at`). The stance cues after the verbs of
analysis/data/stance_verbs.csv are analysis/sourcing/stance.py; where a reported clause starts and
ends is analysis/sourcing/clauses.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.sourcing.clauses import (CONTRACTION, VERB_WINDOW, around_subject, clause_starts, open_class_start,
                                       reported_content)
from analysis.sourcing.lexicon import NUL, WEEKDAYS, clean_word, cues_at, is_capitalised, kind_words, verb_rows
from analysis.sourcing.names import split_role
from analysis.sourcing.phrases import INITIALS, leading_subject, parse_post, parse_subject, trailing_subject
from analysis.sourcing.records import Speaker
from analysis.sourcing.stance import NOUN_FORMS_OF_VERBS, attribution_verbs, reported_verb_regex, speech_object_at
from analysis.sourcing.subjects import (POSSESSIVE_TAIL, distributive_subject, main_clause_subject, not_a_subject,
                                        participle_phrase_subject, passive_participle, possessive_subject, possessor, sentence_subject,
                                        subject_before_parenthesis, subject_before_quotation, subject_past_verb_group,
                                        without_floating_quantifier, without_time_tail)

ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+([^.;!?\x00]{2,100}?)[,:]\s*$")
_DATE_LEADS = sorted(kind_words("date_lead"))  # analysis/data/sourcing_words.csv: on, last, released on ...
_DATE_TAIL = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, _DATE_LEADS)) + r")\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|the\s+(?:day|week|month|year)))"
    r".*$")
_SHORT_TAIL = re.compile(r"\s*[^.;:!?\x00]{1,120}?[,:]?\s*")
_NONSPACE = re.compile(r"\S+")
_CLAIM_STOP = re.compile(r"[,;:!?\x00]|\.[\s\"'\u201d\u2019]*$")


# word lists of analysis/data/sourcing_words.csv, read once (attributions are a hot path)
_HEARER_VERBS = kind_words("hearer_verb")
_OBJECT_PREPS = kind_words("object_prep")
_NAME_CONNECTORS = kind_words("name_connector")


_ADJ_TAIL = re.compile(r"\s*[,:]\s*$")


def adjacent_cue(masked: str, start: int, stop: int, verb_re) -> bool:
    """True when a speech verb stands right before the opening mark at `stop`, followed only by a
    comma or colon (`he said, "…`, `X told reporters: "…`)."""
    seg = masked[max(start, stop - 60):stop]
    hits = list(verb_re.finditer(seg))
    return bool(hits) and bool(_ADJ_TAIL.fullmatch(seg, hits[-1].end()))


# a possessive and up to two modifiers before a form of _NOUN_FORMS: the form is a noun (`his
# anti-Muslim remarks were "…"`, `Trump's comments about immigrants were "…"`); not after an article
# (`The ad claims "…"` is the verb)
_NOUN_PHRASE_END = re.compile(r"(?:^|\s)(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our|[\w.\-]+['\u2019]s?)\s+"
                              r"(?:[\w\-]+\s+){0,2}$")


def _noun_use(m, before: str) -> bool:
    """A form that is also a plural noun (`remarks`, `claims`: verb_noun_form in
    analysis/data/sourcing_words.csv) right after a possessive is the noun, no cue."""
    return m.group().lower() in _NOUN_FORMS and bool(_NOUN_PHRASE_END.search(before[-80:]))


def after_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution right after a closing mark: `," Rasmussen said`, `," said Rasmussen`. A quote
    that ends its sentence with a full stop takes no cue from the next sentence; after `?` or `!`
    it may (`"What now?" Trump asked.`)."""
    if start >= len(masked):
        return None
    s_end = _q.sentence_of(bounds, start - 1)[1]
    if s_end <= start:
        k = start - 2
        while k >= 0 and masked[k] in "\"'\u201d\u2019\u00bb":
            k -= 1
        if k >= 0 and masked[k] in "?!":
            s_end = _q.sentence_of(bounds, min(start + 1, len(masked) - 1))[1]
    seg_end = min(stop, max(s_end, start))
    seg = masked[start:seg_end]
    acc = _ACCORDING_AFTER.match(seg) if "ccording to" in seg[:20] else None
    if acc and not masked[_q.sentence_of(bounds, start - 1)[0]:start].replace(NUL, "").strip(_MARKS_AND_SPACE):
        # `"…," according to Judicial Watch.`, a quotation that opens its sentence (not a partial one
        # inside another's words: `Francis said those who thought so should "look for a psychiatrist,"
        # according to Reuters`): the source after `according to`
        sp = _according_speaker(acc.group(1).strip().rstrip("."), start + acc.start(1))
        if sp is not None:
            return sp, "according to", (start + acc.start(), start + acc.start(1))
    # the cue must come early: within 10 words of the closing mark
    for m in verb_re.finditer(seg):
        between = seg[:m.start()]
        if len(between.split()) > 25 or NUL in between:
            return None
        if _has_sentence_end(between):
            return None
        if _noun_use(m, between):
            continue
        if _in_subordinate_clause(between):
            return None
        if passive_participle(between, m):
            continue            # `"…" Tuesday, hours after the staffer was charged`: no speech act
        subj_text = between.strip(" ,\u2014\u2013-")
        if subj_text:
            sp = None
            if "," in subj_text:
                front = parse_post(between, start)
                if front is not None and front.kind == "name" and any(is_capitalised(w) for w in front.words) \
                        and any(is_capitalised(w) for w in split_role(front.words)[1]) \
                        and front.words[-1].lower() not in _NAME_CONNECTORS:
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
                    named = trailing_subject(tail, start + m.end() + comma + 1) if "," not in tail else None
                    if named is not None and named.kind == "name":
                        sp = named
            if sp is not None:
                return sp, m.group(), (start + m.start(), start + m.end())
            continue
        sp = participle_phrase_subject(masked, bounds, start)
        if sp is None and m.group().endswith("ing"):
            owner = _speech_noun_owner(masked, bounds, start)
            if owner is not None:
                return owner
            sp = subject_before_quotation(masked, bounds, start)
        sp = sp or parse_post(seg[m.end():], start + m.end())
        if sp is not None:
            return sp, m.group(), (start + m.start(), start + m.end())
        return None
    return None


# `Donald Trump's claim that President Barack Obama ` (right before the quotation's opening mark): a speech
# noun's `that` clause, no comma, colon or semicolon after `that`
_NOUN_THAT_BEFORE_QUOTE = re.compile(r"(?<![\w\-])([a-z]+)\s+that\s+[^,;:\x00]*$")


def _speech_noun_owner(masked: str, bounds, start: int):
    """(owner, noun, noun span) when the quotation ending at `start` stands in the `that` clause of a
    possessive's speech noun (`… out of Donald Trump's claim that President Barack Obama "founded ISIS,"
    saying …`: Trump's words, not those of the sentence's subject who is `saying`); the nouns are
    those `possessive_noun_cue` reads. None otherwise."""
    s_start = _q.sentence_of(bounds, start - 1)[0]
    nul = masked.find(NUL, s_start, start)
    m = _NOUN_THAT_BEFORE_QUOTE.search(masked, s_start, nul) if nul > s_start else None
    if m is None:
        return None
    noun = m.group(1)
    verb = attribution_verbs().get(noun)
    if noun not in NOUN_FORMS_OF_VERBS and (verb is None or verb.verb_class != "noun"):
        return None
    lo = max(s_start, m.start(1) - 80)
    before = masked[lo:m.start(1)]
    pos = POSSESSIVE_TAIL.search(before)
    sp = possessor(masked, before, lo, pos) if pos else None
    return (sp, noun, (m.start(1), m.end(1))) if sp is not None else None


_SUBORDINATORS = kind_words("subordinator")


def _in_subordinate_clause(between: str) -> bool:
    """The words from a closing mark to a speech verb open a subordinate clause without a comma
    (`"kind of riding the fence" until Haley said she was backing …`): the verb is that clause's, not
    the quotation's cue (a comma closes the clause: `"…," after a pause, Haley said`)."""
    words = between.split(None, 1)
    return bool(words) and words[0].lower() in _SUBORDINATORS and "," not in between


_END_IN = re.compile(r"(\S*)[.!?]\s")


def _has_sentence_end(text: str) -> bool:
    """A full stop, `?` or `!` followed by white space that is not an abbreviation's (`U.S. envoy`)."""
    for m in _END_IN.finditer(text):
        if text[m.end(1)] != "." :
            return True
        token = (m.group(1) + ".").lower().lstrip("(\"'\u201c\u2018")
        if token not in _q.abbreviations() and not INITIALS.fullmatch(token):
            return True
    return False


_TO_END = re.compile(r"(?<![\w-])to\s+$")
# a non-restrictive relative clause open before a verb (`…, which some have argued`), and closed after it
# by a comma that the main clause's words follow before the quotation mark (`…, was an "`; Quirk et al.
# 1985, 17.22)
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whom)\s[^,]*$")
_MAIN_CLAUSE_RESUMES = re.compile(r"[^,]*,\s*[a-z][\w\u2019'-]*\s+\S+\s*$")
# `told the BBC interviewer: "`: what follows `tell` is the listener, never an inverted source
_TELL_FORMS = kind_words("tell_form")
# verb forms that are also plural nouns, and a possessive (with an optional adjective) before them
_NOUN_FORMS = kind_words("verb_noun_form")
_POSSESSOR = {"his": "he", "her": "she", "their": "they", "its": "it"}
_POSSESSIVE_END = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our)\s+"
                             r"(?:(?:repeated|many|own|earlier|latest|recent|previous|later|public|"
                             r"past|various|numerous|initial|first)\s+)?$")


_CLAUSE_END_AFTER = re.compile(r"[^\x00]*?[.!?][\s\"'\u201c\u2018]*$")


@lru_cache(maxsize=1)
def _reaction_forms() -> frozenset:
    """Forms of speech_verbs.csv with reaction=1 (`cheered`, `laughed`): no cue of a quotation after the end of
    their own sentence (`as the crowd cheered. "The greed …"`); within it they are (`laughed: "…`, `cheered
    the "historic" move`)."""
    return frozenset(form for form, row in verb_rows().items() if row.get("reaction") == "1")


def before_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution before an opening mark in the same sentence: `Rasmussen said: "`."""
    s_start = _q.sentence_of(bounds, max(stop - 1, 0))[0]
    lo = max(start, s_start)
    seg = masked[lo:stop]
    if not seg.strip():
        return None
    hits = list(verb_re.finditer(seg))
    for m in reversed(hits):
        before = seg[:m.start()]
        if m.group().lower() in _reaction_forms() and _CLAUSE_END_AFTER.match(seg, m.end()):
            continue            # `…, as the crowd cheered. "The greed …"`: a reaction with no message of its own
        if _RELATIVE_OPEN.search(before) and _MAIN_CLAUSE_RESUMES.search(seg, m.end()):
            continue            # `the announcement, which some have argued …, was an "insult"`: the verb of a
            # relative clause closed before the mark frames no quotation of the main clause
        if m.group().lower() in _NOUN_FORMS:
            poss = _POSSESSIVE_END.search(before)
            if poss:
                # "His repeated claims of … “unbecoming” behavior": a noun whose owner is the source
                pron = _POSSESSOR.get(poss.group(1).lower())
                if pron is None:
                    continue
                return (Speaker("pronoun", [pron], start=lo + poss.start(1), text=poss.group(1)),
                        m.group(), (lo + m.start(), lo + m.end()))
            if _noun_use(m, before):
                continue
        if m.group().endswith("ing") and before.strip(" ,") and not before.rstrip().endswith(","):
            sp = parse_subject(before, lo)
            if sp is not None and sp.kind == "name":
                return sp, m.group(), (lo + m.start(), lo + m.end())
        if m.group().endswith("ing") and before.strip(" ,"):
            # "Boudreau gave a pep talk, telling them to ...": the sentence's subject
            sp = leading_subject(masked[s_start:lo] + before, s_start) if lo > s_start else leading_subject(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        if _TO_END.search(before):
            # "Kejriwal turned to Twitter to describe his city as a "…"": the sentence's subject
            sp = leading_subject(masked[s_start:lo] + before, s_start) if lo > s_start else leading_subject(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        sp = parse_subject(before, lo) if before.strip(" ,") else None
        if sp is None and _SHORT_TAIL.fullmatch(seg[m.end():]) \
                and len(seg[m.end():].split()) <= 14 and m.group().lower() not in _TELL_FORMS:
            sp = parse_post(seg[m.end():], lo + m.end())
        if sp is not None:
            return sp, m.group(), (lo + m.start(), lo + m.end())
    # "According to his aunt, Jane Starner, "…"": the source given right before the quotation
    acc = _ACCORDING_BEFORE.search(seg) if "ccording to" in seg else None
    if acc:
        phrase = acc.group(1).strip(" ,:")
        parts = [x.strip() for x in phrase.split(",") if x.strip()]
        pick = next((x for x in reversed(parts) if is_capitalised(clean_word(x.split()[0]))), parts[-1] if parts else "")
        sp = _according_speaker(pick, lo + acc.start(1) + phrase.find(pick))
        if sp is not None:
            return sp, "according to", (lo + acc.start(), lo + acc.end())
    return None


# `"…," according to Judicial Watch.`: `according to` right after a quotation's closing mark, then its source
_ACCORDING_AFTER = re.compile(r"[\s,]*[Aa]ccording to\s+([^;:!?\x00,]{2,80}?)\s*(?:[;!?,]|\.?\s*$)")
_MARKS_AND_SPACE = " ,\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _according_speaker(pick: str, start: int) -> Speaker | None:
    """The Speaker of the phrase after `according to` (a name when it opens with a capital, else a
    description), None when it is empty."""
    words = [clean_word(w) for w in pick.split()]
    if not words:
        return None
    kind = "name" if is_capitalised(words[0]) else "desc"
    return Speaker(kind, words, start=start, text=pick)


def reported_at(masked: str, s: int, e: int, m, row):
    """Reported speech around verb match `m` in sentence masked[s:e]: (Speaker, start, end)."""
    # the 400 characters before the verb and after it decide (parse_subject looks no further
    # back): no slice of the whole sentence per verb, so one sentence of 10,000 verbs stays linear
    lo = max(s, m.start() - VERB_WINDOW)
    before = masked[lo:m.start()]
    if lo > s and not before.strip():
        lo, before = s, masked[s:m.start()]  # white space only: the whole stretch, as ever
    tail_words = masked[m.end():min(e, m.end() + VERB_WINDOW)].split()   # the first words decide
    if passive_participle(before, m):
        return _passive_agent(masked, e, m)
    if _CLAUSE_OPENING.search(masked, max(s, m.start() - 12), m.start()) and _BY.match(masked, m.end()):
        return _passive_agent(masked, e, m, True)    # `When asked by a reporter whether …`, `As reported by X, …`
    that = _that_after(tail_words, m.group().lower() in _HEARER_VERBS)
    gap = _RELATIVE_GAP_SUBJECT.search(before) if _GAP_PREDICATE.match(masked, m.end(), e) else None
    if gap is not None:
        # `a policy which critics said was discriminatory`, `a trip that investigators concluded was improperly
        # financed`: the relative pronoun is the reported clause's subject, its predicate follows the verb
        # (Quirk et al. 1985, 17.16 and 17.62)
        sp = parse_subject(gap.group(1), lo + gap.start(1)) or _bare_plural(gap.group(1), lo + gap.start(1))
        if sp is not None and not not_a_subject(sp):
            return reported_content(masked, sp, m.end(), e)
    sp = _reported_subject(masked, s, e, m, lo, before, tail_words, that) if before.strip() else None
    if sp is not None:
        if that is not None:
            pos = _nth_word_end(masked, that, m.end(), e)
            return reported_content(masked, sp, pos, e)
        k = _if_clause_after(tail_words)
        if k is not None:
            # `would not say if Sullivan has been interviewed`, `an Iowa voter asked if she might …`, `asked him
            # whether …`: an interrogative clause (Quirk et al. 1985, 15.5: yes-no reported questions)
            return reported_content(masked, sp, _nth_word_end(masked, k - 1, m.end(), e) if k else m.end(), e)
        if row.get("that_only") == "1":
            # `announced that …` only, or a reporting clause set off after its content or inside it (`…, Frank
            # writes.`, `The trouble, Frank writes, began …`, `…, Smith wrote in a memo.`; Quirk et al. 1985,
            # 15.53): not `wrote a book`
            if not _ends_reporting_clause(masked, m, tail_words) or _reduced_relative_before_time(masked, s, m, sp):
                return None
            return around_subject(masked, s, e, m, sp, tail_words)
        if tail_words and clean_word(tail_words[0]).rstrip(".").lower() in _ANSWERS and \
                (len(tail_words) == 1 or tail_words[0].endswith((",", ".")) or tail_words[1].lower() in _PLACE_LEADS):
            # `Asked if he was bullied, the candidate said no.`, `46 percent of voters said yes, compared
            # with …`, `55 percent said so in December`
            pos = masked.index(tail_words[0], m.end())
            return sp, pos, pos + len(clean_word(tail_words[0]).rstrip("."))
        skip = 0
        if m.group().lower() in _HEARER_VERBS and tail_words:
            skip = 1 if not tail_words[0].lower() in ("the", "a", "an") else 2
        if len(tail_words) > skip + 2 and (clause_starts(clean_word(tail_words[skip]))
                                           or open_class_start(tail_words, skip)) \
                and tail_words[skip].lower() not in _OBJECT_PREPS:
            if tail_words[skip][:1].isupper() and sp.kind != "pronoun" and skip == 0 \
                    and len(tail_words) <= 4:
                return None
            pos = _nth_word_end(masked, skip - 1, m.end(), e) if skip else m.end()
            return reported_content(masked, sp, pos, e)
        after = _pronoun_after_adverbial(tail_words, skip, m.group().lower() in _HEARER_VERBS)
        if after is not None:
            # `said in a statement they pulled …`, `told reporters on Monday he would …`: the reported clause's
            # pronoun subject after a place, time or medium adverbial
            return reported_content(masked, sp, _nth_word_end(masked, after - 1, m.end(), e), e)
        return around_subject(masked, s, e, m, sp, tail_words)
    # `content, said X.`
    if before.rstrip().endswith(",") and len(before[-200:].split()) >= 4:
        sp = parse_post(masked[m.end():e], m.end())
        if sp is not None and not _VERB_AFTER_POST.match(masked, masked.find(sp.text, sp.start, e) + len(sp.text)):
            pre = before.rstrip()
            return sp, s, lo + len(pre) - 1
    return None


# a finite auxiliary right after a speech verb whose subject follows a relative pronoun: a subject gap
_GAP_PREDICATE = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\s")
_RELATIVE_GAP_SUBJECT = re.compile(r"(?<![\w'\u2019-])(?:which|who|that|what)\s+((?:[^\s,;:\x00]+\s+){1,6})$")


def _bare_plural(phrase: str, offset: int) -> Speaker | None:
    """A bare plural noun phrase of at most three lower-case words (`critics`, `ethics investigators`): the
    subject of a relative clause, which parse_subject does not read without a determiner."""
    words = phrase.split()
    if not 1 <= len(words) <= 3 or not all(w.isalpha() and w.islower() for w in words) or \
            not words[-1].endswith("s") or words[-1].endswith(("ss", "us", "is")) or \
            any(w in _FUNCTION_WORDS for w in words):
        return None
    return Speaker("desc", words, start=offset, text=" ".join(words))


_FUNCTION_WORDS = kind_words("function") | kind_words("pronoun")


# a finite verb right after the name read after `…, said` (`…, including Trump, said the United States should …`): the
# name is the reported clause's subject, not an inverted reporting clause's
_VERB_AFTER_POST = re.compile(r"\s+(?:" + "|".join(sorted(("should would could will can may might must is are was were has have "
                                                          "had does did shall").split())) + r")\b")


# a time adverbial right after the verb (`…, his campaign announced Saturday.`, `…, the agency reported last week.`)
_PREPOSITION_BEFORE = [[w] for w in ("under", "with", "by", "for", "of", "in", "on", "at", "from", "after", "before")]
_TIME_WORD = re.compile(r"(?:" + WEEKDAYS + r"|today|yesterday|recently|earlier|later|last|this|late|early)$")


def _reduced_relative_before_time(masked: str, s: int, m, sp) -> bool:
    """A verb followed by a time word whose subject follows a preposition or is an indefinite description without a
    speaker's head is a reduced passive relative (`under a plan announced Tuesday`, `…, a plan announced earlier this year.`),
    not a reporting clause."""
    after = masked[m.end():m.end() + 30].split(None, 1)
    if not after or not _TIME_WORD.match(clean_word(after[0]).rstrip(".")):
        return False
    return masked[max(s, sp.start - 12):sp.start].split()[-1:] in _PREPOSITION_BEFORE or \
        sp.kind == "desc" and sp.words[0].lower() in ("a", "an") and not cues_at(sp.words[-1], True)


def _ends_reporting_clause(masked: str, m, tail_words: list[str]) -> bool:
    """The verb closes a reporting clause: a comma or the sentence's end right after it, or a short place, time or
    medium phrase (`in a memo`, `on Monday`) and then the end of the sentence."""
    if masked.startswith((",", "."), m.end()) or not tail_words:
        return True
    first = clean_word(tail_words[0]).rstrip(".")
    return (first.lower() in _PLACE_LEADS or _TIME_WORD.match(first) is not None) and len(tail_words) <= 6 and \
        tail_words[-1].endswith(".")


def _clause_follows(tail_words: list[str], that: int | None, m) -> bool:
    """A reported clause right after the verb (`said that …`, `say they …`), not after a hearer."""
    if that is not None:
        return True
    return len(tail_words) > 2 and m.group().lower() not in _HEARER_VERBS and \
        clause_starts(clean_word(tail_words[0])) and tail_words[0].lower() not in _OBJECT_PREPS and \
        (not tail_words[0][:1].isupper() or len(tail_words) > 4)


def _reported_subject(masked: str, s: int, e: int, m, lo: int, before: str, tail_words: list[str], that):
    """The source before a speech verb (`before` = masked[lo:m.start()]): parse_subject, else past the
    verb group that ends `before` (`subject_past_verb_group`); when neither reads one and a clause
    follows the verb, the sentence's subject (`sentence_subject`)."""
    subject_part = without_floating_quantifier(without_time_tail(before))
    sp = parse_subject(subject_part, lo) or possessive_subject(subject_part, lo)
    if sp is None or sp.start - lo > subject_part.rfind("(") >= 0:
        sp = subject_before_parenthesis(subject_part, lo) or sp      # `Kasich (who has 25 delegates) said`
    sp = sp or distributive_subject(subject_part, lo)                # `Each side said`
    if sp is not None and not not_a_subject(sp):
        return sp
    clause = _clause_follows(tail_words, that, m)
    if sp is None and clause:
        sp = subject_past_verb_group(subject_part, lo)
    if (sp is None or not_a_subject(sp)) and clause and \
            (sp is not None or that is not None or not before.rstrip().endswith(",") or tail_words[0].islower()):
        # `…, said Dante Scala, a professor …` is the post-cue layout: after a comma only `that` or a
        # lower-case clause; a speech verb's object (`speech_object_at`) is read as ever
        alt = sentence_subject(masked, s, m.start())
        if alt is not None and (sp is not None or speech_object_at(masked, s, e, m) is None):
            sp = alt
    return sp


_BY = re.compile(r"\s+by\s+")
_AGENT_CLAUSE = re.compile(r",?\s(?:whether|if|that|about|how|why|what|when|where|to)\s")


# a participle that opens its sentence or clause (`When asked by …`, `As reported by …`, `…; asked by …`)
_CLAUSE_OPENING = re.compile(r"(?:^|[.;:]\s+|\b(?:[Ww]hen|[Aa]s|[Ii]f)\s+)$")
_AGENT_TIME = re.compile(r"\s+(?:on|last|this|earlier|later)\s+\w+|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday)")


def _passive_agent(masked: str, e: int, m, opening: bool = False):
    """The source of a passive speech verb after `by` and the clause that follows it, a time phrase
    between (`Sanders was asked by host John Dickerson whether his aim was …` -> John Dickerson,
    `whether his aim was …`; `When asked by Ingraham on Thursday about …`); when the participle opens
    its clause (`opening`), also the rest of the sentence after a comma (`As reported by Western
    Journalism, the law …`). None without an agent or a clause right after it."""
    by = _BY.match(masked, m.end())
    if by is None:
        return None
    window = masked[by.end():min(e, by.end() + VERB_WINDOW)]
    cut = _AGENT_CLAUSE.search(window)
    sp = parse_post(window, by.end())
    if sp is not None and cut is not None and sp.start + len(sp.text) > by.end() + cut.start() > sp.start:
        sp = parse_post(window[:cut.start()], by.end())     # `asked by a reporter whether …`: not `reporter whether`
    end = masked.find(sp.text, sp.start, e) if sp is not None and sp.text else -1
    if end < 0:
        return None
    end += len(sp.text)
    time = _AGENT_TIME.match(masked, end)
    end = time.end() if time else end
    clause = _AGENT_CLAUSE.match(masked, end)
    if clause is None and opening and masked.startswith(",", end) and m.group().lower() != "asked":
        return reported_content(masked, sp, end + 1, e) if len(masked[end:min(e, end + 200)].split()) >= 4 else None
    return reported_content(masked, sp, clause.start() + 1, e) if clause else None


_PLACE_LEADS = frozenset(("in", "at", "on", "during", "from", "via", "before", "after", "\u2014", "\u2013", "--"))
_THAT_REACH = 7                 # words after the verb that may come before `that` (`told reporters that`)
_THAT_REACH_PLACE = 16          # … when a place or time phrase comes first (`said at a rally in Texas that`)


_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))
_FINITE_AFTER = re.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do|"
                           r"won't|wouldn't|can't|couldn't|didn't|doesn't|don't|isn't|wasn't|[a-z]{2,}ed|[a-z]+[^s\W']s|"
                           r"[a-z]+ly)$")
_NOT_IN_ADVERBIAL = frozenset("that who whom which whose what where when why how because if whether while and but or "
                              "as than to".split())
_ADVERBIAL_REACH = 10           # words from the verb to the pronoun subject, at most


def _pronoun_after_adverbial(tail_words: list[str], skip: int, hearer: bool) -> int | None:
    """Index of a subject pronoun (he, she, they, we, I, it; `he'd`) opening a reported clause after a
    place, time or medium adverbial right after a speech verb or its hearer (`said in a statement they
    pulled …`, `said in politics it takes time`, `told The Star-Ledger last week she would …`; Quirk et al.
    1985, 15.53: the zero `that` of a reported clause after an adverbial): the first word after the
    verb (after `told`: after its hearer) opens the adverbial with a place or time word, no
    punctuation, quotation or subordinator before the pronoun, and a finite verb (or -ly adverb) right after it."""
    start = skip if not hearer else 0
    if len(tail_words) < start + 4:
        return None
    first = clean_word(tail_words[start]).lower()
    if not hearer and first not in _PLACE_LEADS and _TIME_WORD.match(clean_word(tail_words[start])) is None:
        return None
    for i in range(start + 1, min(len(tail_words) - 1, start + _ADVERBIAL_REACH)):
        word = tail_words[i]
        low = word.lower()
        if NUL in word or low in _NOT_IN_ADVERBIAL:
            return None
        base = CONTRACTION.sub("", low)
        if base in _SUBJECT_PRONOUNS and (base != low or _FINITE_AFTER.match(tail_words[i + 1].lower())):
            return i
        if word.endswith((".", ",", ";", ":", "?", "!")):
            return None
    return None


_IF_WORDS = frozenset(("if", "whether"))


def _if_clause_after(tail_words: list[str]) -> int | None:
    """Index of `if` / `whether` opening the clause right after a speech verb, or after one object pronoun
    (`asked him whether`), with at least two words after it; else None."""
    for k in (0, 1):
        if len(tail_words) > k + 2 and clean_word(tail_words[k]).lower() in _IF_WORDS and \
                (k == 0 or tail_words[0].lower() in _OBJECT_WORDS):
            return k
    return None


_ANSWERS = frozenset(("yes", "no", "so"))
_AND_BUT = frozenset(("and", "but"))


def _that_after(tail_words: list[str], hearer: bool = False) -> int | None:
    """Index of the `that` that opens the reported clause among the first words after a speech verb:
    within _THAT_REACH words, or _THAT_REACH_PLACE when a place, time or medium phrase or (after `told`)
    the hearer comes first (`said in one of a series of Twitter messages that`, `said — on Twitter, as it
    happens — that`, `told The Post and Courier newspaper of Charleston on Saturday that`); not past a
    full stop, semicolon, colon or quotation, nor past a coordinated speech verb (`praised Paul Ryan but
    added that`: the clause is `added`'s)."""
    reach = _THAT_REACH_PLACE if tail_words and (hearer or tail_words[0].lower() in _PLACE_LEADS) else _THAT_REACH
    for i, w in enumerate(tail_words[:reach]):
        low = w.lower()
        if low == "that":
            return i
        if w.endswith((".", ";", ":")) or (NUL in w and not _title_in_place_phrase(tail_words, i)):
            return None
        if low in _AND_BUT and i + 1 < len(tail_words) and reported_verb_regex().fullmatch(tail_words[i + 1]):
            return None
    return None



def _title_in_place_phrase(tail_words: list[str], i: int) -> bool:
    """The masked quotation tail_words[i] is a title in the place or medium phrase after the verb (`said on NBC's
    "Meet the Press" on Sunday that …`): the phrase opens with a place lead and the word before the title is a
    possessive."""
    return 1 < i and tail_words[0].lower() in _PLACE_LEADS and tail_words[i - 1].endswith(("'s", "\u2019s"))


def _nth_word_end(text: str, n: int, start: int, end: int) -> int:
    """Where the n-th white-space word of text[start:end] ends (an offset into `text`), else `end`."""
    for i, m in enumerate(_NONSPACE.finditer(text, start, end)):
        if i == n:
            return m.end()
    return end




_STOP_CHAR = re.compile(r"[,;:!?\x00]")
_DATE_WORD = re.compile(r"\s(?:" + "|".join(sorted({re.escape(lead.split()[0]) for lead in _DATE_LEADS})) + r")\s")
_NOT_END = re.compile(r"[^\s\"'\u201d\u2019]")
_PHRASE_WINDOW = 400            # characters; a source phrase is at most 14 words


def _runs_on(window: str) -> bool:
    """True when the phrase after `according to` (`window`: the sentence's next 2 x _PHRASE_WINDOW
    characters) surely has more than 14 words: no stop (`,;:!?`) in its first _PHRASE_WINDOW
    characters, the sentence goes on after them (so its final full stop is further), no word there
    that starts a date tail (which would cut the phrase), and more than 15 words. Decided on the
    window alone, so `according to` repeated through one huge sentence costs linear time; on
    ordinary text the full rule decides, with the same answer."""
    head = window[:_PHRASE_WINDOW]
    return len(window) > _PHRASE_WINDOW and bool(_NOT_END.search(window, _PHRASE_WINDOW)) \
        and not _STOP_CHAR.search(head) and not _DATE_WORD.search(window, 0, _PHRASE_WINDOW + 20) \
        and len(head.split()) > 15


def according_at(masked: str, s: int, e: int, m, para_quotes):
    if e - m.end() > _PHRASE_WINDOW and _runs_on(masked[m.end():min(e, m.end() + 2 * _PHRASE_WINDOW)]):
        return None
    rest = masked[m.end():e]
    stop = _CLAIM_STOP.search(rest)
    phrase = rest[:stop.start()] if stop else rest
    phrase = _DATE_TAIL.sub("", phrase).strip()
    if not phrase or len(phrase.split()) > 14:
        return None
    words = [clean_word(w) for w in phrase.split()]
    start = m.end()
    if words[0].lower() in kind_words("determiner"):
        sp = Speaker("desc", words, start=start, text=phrase)
        if words[0].lower() == "the" and len(words) > 1 and is_capitalised(words[1]) and \
                all(is_capitalised(w) or w.lower() in _NAME_CONNECTORS for w in words[1:]):
            sp = Speaker("name", words[1:], start=start, text=phrase)
    elif words[0].lower() in kind_words("pronoun"):
        sp = Speaker("pronoun", [words[0].lower()], start=start, text=phrase)
    elif is_capitalised(words[0]) or cues_at(words[0]):
        sp = Speaker("name", words, start=start, text=phrase) if is_capitalised(words[-1]) \
            else Speaker("desc", words, start=start, text=phrase)
    else:
        sp = Speaker("desc", words, start=start, text=phrase)
    # attached to a quote in this sentence: its claim is that quote
    for q in para_quotes:
        if q.kind != "scare" and q.end <= m.start() and (q.close_mark or 0) >= s - 1 and q.end > s - 400:
            if _q.sentence_of(_q.sentence_bounds(masked), q.end)[1] >= m.start() or q.end >= s:
                return sp, q.start, q.end
    for q in para_quotes:
        # "According to X, "…"": the quotation that follows in the same sentence
        if q.kind != "scare" and not q.nested and m.end() <= q.open_mark < e:
            return sp, q.start, q.end
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


@lru_cache(maxsize=1)
def reported_lemmas() -> frozenset:
    """Lemmas of speech_verbs.csv with a form whose object is what was said (column `object`): their
    participles after a comma mark reported speech too (not `adding`, `telling`, `writing`)."""
    return frozenset(row.get("lemma") for row in verb_rows().values() if row.get("object") == "1")


# a preposition (or `while` / `when`) and an optional -ly adverb right before a speech verb's -ing form: a subjectless
# -ing clause whose understood subject is the main clause's (`… ended its meeting by announcing it would …`, `… responded
# before adding that …`; Quirk et al. 1985, 15.58 and 9.51)
_GERUND_LEAD = re.compile(r"(?<![\w'\u2019-])(?:by|before|after|from|of|while|when|upon|since|to|in)\s+(?:[a-z]+ly\s+)?$")
_TIME_UNITS = frozenset("minutes hours days weeks months years decades moments minute hour day week month year "
                        "shortly".split())
_COMMA_LEAD = re.compile(r",\s+$")
# a message noun (Levin 1993, 37.1 message-transfer objects: letter, email, tweet …), up to three words after it (a
# time phrase: `a fundraising email Wednesday`), then the -ing form
_MESSAGE_LEAD = re.compile(r"(?<![\w'\u2019-])(?:letter|e-?mail|tweet|message|memo|note|statement|text|post|op-ed|"
                           r"release)s?(?:\s+[A-Za-z][a-z]*){0,3},?\s+$")
_CLAUSE_WORDS = frozenset("that if whether why how what".split())
_OBJECT_WORDS = frozenset("him her them us me reporters voters supporters".split())
_OBJECT_CLAUSE = frozenset(("that", "if", "whether", "to"))


def _gerund_clause_start(tail_words: list[str], hearer_object: bool) -> int | None:
    """Index of the word that opens the clause after a speech verb's -ing form: a complementizer or wh-word
    (`adding that`, `asking if`), a subject pronoun before a finite verb (`announcing it would`), or, after a
    verb of telling or asking (`hearer_object`), one object word before `that / if / whether / to` (`telling
    them that`, `asking voters to`)."""
    if len(tail_words) < 3:
        return None
    first = clean_word(tail_words[0]).lower()
    if first in _CLAUSE_WORDS and not tail_words[0].endswith((",", ".")):
        return 0
    base = CONTRACTION.sub("", first)
    if base in _SUBJECT_PRONOUNS and (base != first or _FINITE_AFTER.match(tail_words[1].lower())):
        return 0
    if not hearer_object:
        return None
    if first in _OBJECT_WORDS and (clean_word(tail_words[1]).lower() in _OBJECT_CLAUSE or
                                   tail_words[1] == "not" and tail_words[2] == "to"):
        return 1
    # a capitalised hearer of up to three words (`urging Congress to`, `telling Sen. Chuck Grassley that`)
    for k in range(min(3, len(tail_words) - 2)):
        if not is_capitalised(clean_word(tail_words[k])) or tail_words[k].endswith((",", ".", ";", ":")):
            return None
        if clean_word(tail_words[k + 1]).lower() in _OBJECT_CLAUSE:
            return k + 1
    return None


_OBJECT_LEMMAS = frozenset(("tell", "ask", "urge", "warn"))


def prepositional_gerund_at(masked: str, s: int, e: int, m, row: dict, other_leads: bool = False):
    """Reported speech in a speech verb's -ing clause after a preposition, `while` or `when` (Quirk et al.
    1985, 15.58: the understood subject of a subjectless -ing clause is the main clause's subject): `Japan's
    central bank ended a policy meeting on Friday by announcing it would expand …` -> (Japan's central bank,
    `it would expand …`), `Rubio responded before adding that he will …`, `Hannity followed up by asking if
    …`. The source is the subject that opens the sentence (after a quotation that opens it: the words after
    its closing mark); the content the clause (`_gerund_clause_start`) to the sentence's end. None otherwise."""
    words = m.group().split()
    if not words[0].lower().endswith("ing"):
        return None
    object_lemma = row.get("lemma") in _OBJECT_LEMMAS
    if not other_leads:
        lead = _GERUND_LEAD.search(masked, max(s, m.start() - 30), m.start())
    else:
        # (`other_leads`, read when no other rule read the form) `…, asking them to …` (a verb of asking or telling
        # with its hearer), `sent a letter this week urging Congress to …` (the -ing clause of a message noun)
        lead = _MESSAGE_LEAD.search(masked, max(s, m.start() - 40), m.start()) or \
            (_COMMA_LEAD.search(masked, max(s, m.start() - 4), m.start()) if object_lemma else None)
    if lead is None:
        return None
    if len(words) > 1 and words[-1].lower() in _CLAUSE_WORDS:
        pos = m.start() + m.group().rfind(" ")       # `adding that`, `explaining why` matched as one form
    else:
        tail_words = masked[m.end():min(e, m.end() + VERB_WINDOW)].split()
        k = _gerund_clause_start(tail_words, object_lemma)
        if k is None:
            return None
        pos = _nth_word_end(masked, k - 1, m.end(), e) if k else m.end()
    head_start = s
    nul = masked.rfind(NUL, s, lead.start())
    if nul >= 0:
        head_start = nul + 1
        while head_start < lead.start() and masked[head_start] in _MARKS_AND_SPACE:
            head_start += 1          # `"…," Rubio responded before adding that …`
    sp = main_clause_subject(masked, head_start, lead.start()) or \
        leading_subject(masked[head_start:lead.start()], head_start)
    if sp is not None and sp.words and clean_word(sp.words[-1]).lower() in _TIME_UNITS:
        comma = masked.find(",", sp.start, lead.start())      # `But a few days later, Trump reversed …`
        sp = main_clause_subject(masked, comma + 1, lead.start()) if comma > 0 else None
    if sp is None or not_a_subject(sp):
        return None
    return reported_content(masked, sp, pos, e)


# Levin (1993) 37.5 talk verbs (speak, talk) with their topic after `about` / `of`: `Obama spoke at the White House on
# Tuesday about rights that …`, `Mr. Trump spoke favorably of Mr. Putin's leadership`, `Trump quickly pivoted to
# talking about trade`; up to six words of place, time, hearer or manner phrases between (`spoke to CNN about`)
TALK_VERBS = re.compile(r"(?<![\w'\u2019-])(?:spoke|speaks|speak|speaking|talked|talks|talk|talking)\b(?!\s+points?\b)")
_TALK_TOPIC = re.compile(r"((?:\s+[A-Za-z][\w.\u2019'-]*){0,6}?)\s+(?:about|of)\s+(?=\S)")
_COMES_TO = re.compile(r"\bit\s+(?:comes|came)\s+to\s+$")
_PLACE_PREP_END = re.compile(r"\b(?:on|in|at|from|to|by)\s+(?:the\s+)?$")
# a topic that is no noun phrase: a number (`spoke for about 30 minutes`), a preposition (`talking about on Twitter`)
_NOT_TOPIC = re.compile(r"(?:\d|(?:on|in|at|to|for|with|from|now|here|it)\b)")
_NOT_BETWEEN_TALK = frozenset("that who whom which whose what when where why how and but or nor if because as than "
                              "is are was were has have had will would not".split())
_TALK_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|these|those|peace|trade|budget|the)\s+|['\u2019]s\s+)"
                               r"(?:[a-z-]+\s+)?$", re.IGNORECASE)


def talk_topic_at(masked: str, s: int, e: int, m):
    """Reported speech after a talk verb (`TALK_VERBS`; Levin 1993, 37.5): the topic after `about` or `of`, up to its
    sentence's end, when only place, time, hearer or manner words stand between (no clause word, no punctuation);
    the source is the verb's subject (a finite form: the phrase right before it, or past its auxiliaries), or for an
    -ing form or an infinitive the subject of the main clause. Not `talks` / `talk` as nouns (after a determiner or a
    possessive: `the peace talks about`), nor `speaking of` (a discourse marker)."""
    topic = _TALK_TOPIC.match(masked, m.end(), e)
    if topic is None:
        return None
    between = topic.group(1).split()
    if any(w.lower() in _NOT_BETWEEN_TALK for w in between) or _NOT_TOPIC.match(masked, topic.end()):
        return None
    form = m.group()
    if masked[topic.end() - 3:topic.end()].strip() == "of" and (
            not all(w.endswith("ly") for w in between) or (form == "speaking" and not between)):
        return None             # `spoke to the gathering of`, `on condition of`: `of` is a noun's; `speaking of`
    lo = max(s, m.start() - VERB_WINDOW)
    before = masked[lo:m.start()]
    if form in ("talks", "talk") and _TALK_NOUN_BEFORE.search(before[-40:]) or _COMES_TO.search(before[-30:]):
        return None             # `the peace talks about`; `when it comes to speaking about` (a topic, no speech act)
    sp = None
    if form.endswith("ing") and before.strip() and not before.rstrip().endswith(","):
        sp = parse_subject(before, lo)        # `footage of Trump talking about`, `saw Mr. Trump talking about`: the
        sp = sp if sp is not None and sp.kind == "name" and not before[sp.start - lo + len(sp.text):].strip() \
            and not not_a_subject(sp) and not _PLACE_PREP_END.search(before, 0, sp.start - lo) else None
        # (a name right before the participle is its subject; not `on CNN talking about`)
    if sp is None and (form.endswith("ing") or _TO_END.search(before)):
        sp = main_clause_subject(masked, s, m.start()) or (leading_subject(masked[s:m.start()], s)
                                                             if NUL not in masked[s:m.start()] else None)
    elif sp is None:
        part = without_floating_quantifier(without_time_tail(before))
        sp = parse_subject(part, lo) or subject_past_verb_group(part, lo)
    if sp is None or not_a_subject(sp):
        return None
    return reported_content(masked, sp, topic.end(), e)


# `Asked by Matt Lauer whether she had practiced her speech, …`: a passive speech participle that opens its sentence
# with a capital, which the lower-case verb pattern misses
_FRONTED_ASKED = re.compile(r"(?:^|(?<=[.!?][\"'\u201d\u2019]\s)|(?<=[.!?]\s))Asked(?=\s+by\s)")


def fronted_asked_at(masked: str) -> list:
    """[(Speaker, start, end)] of each sentence that opens with `Asked by X whether / if / about …` (Quirk et al. 1985,
    15.58: a fronted participle clause): the agent after `by` is the source of the question (`_passive_agent`), read on
    the paragraph with `Asked` in lower case; the question ends at the comma before the main clause's subject and speech
    verb (`…, Trump said yes`)."""
    out = []
    for m in _FRONTED_ASKED.finditer(masked):
        lowered = masked[:m.start()] + "a" + masked[m.start() + 1:]
        s, e = _q.sentence_of(_q.sentence_bounds(lowered), m.start())
        found = _passive_agent(lowered, e, re.compile("asked").match(lowered, m.start()))
        if found is not None:
            sp, start, end = found
            comma = masked.find(",", start, end)
            while comma > 0 and not _MAIN_SPEECH_CLAUSE.match(masked, comma + 1, e):
                comma = masked.find(",", comma + 1, end)
            end = comma if comma > start else end
            out.append((sp, start, end))
    return out


_MAIN_SPEECH_CLAUSE = re.compile(r"\s*(?:[A-Za-z][\w.\u2019'-]*\s+){1,4}(?:said|says|told|responded|replied|answered)\b")
