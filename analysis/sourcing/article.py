"""`article_attributions`: every attribution of one body, as six named passes over its paragraphs:

1. `_direct_cues`: the cue and raw speaker phrase of each speech quote (`cues.after_cue`,
   `cues.before_cue`; a quote inside a quote takes its cue from the outer quote's words);
2. `_reported_and_according`: reported speech around the other speech verbs, and `according to X`;
3. `_register_speakers`: speakers named at cues join the registry; every mention of a person is
   listed in reading order (for pronouns);
4. `_resolve_in_order`: each phrase resolved to a canonical speaker in reading order (earlier
   sources are the `history` that `they` and `the ministry` refer to);
5. `_uncued_quotes`: quotes without a cue get the speaker of the quote they continue, of their
   neighbour, of the sentence's subject, or the last source;
6. `_resolve_late`: reported speech and stances cued by the verbs of `stance_verbs.csv` (and the
   objects of speech verbs) are resolved last, so they change none of the rows above.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from analysis import quotes as _q
from analysis.quotes import Quote
from analysis.resources import paragraphs
from analysis.sourcing.clauses import relative_clause_end, reported_content
from analysis.sourcing.coordination import cue_in_next_conjunct
from analysis.sourcing.cues import (ACCORDING, according_at, adjacent_cue, after_cue, before_cue,
                                    TALK_VERBS, fronted_asked_at, prepositional_gerund_at, reported_at, reported_lemmas,
                                    talk_topic_at)
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.gender import GenderCall, speaker_gender
from analysis.sourcing.lexicon import clean_word, kind_words, type_of, typed_from_descriptions, verb_regex, verb_rows
from analysis.sourcing.names import build_registry, name_runs
from analysis.sourcing.phrases import PLACE_PREP, forget_parsed_subjects, leading_subject
from analysis.sourcing.records import Attribution, HistoryEntry, Speaker
from analysis.sourcing.referents import is_place_name, not_a_referent
from analysis.sourcing.registry import Registry
from analysis.sourcing.resolve import resolve_speaker
from analysis.sourcing.survey_sources import survey_rows, survey_subject_rows
from analysis.sourcing.stance import (attribution_verbs, reported_verb_regex, speech_object_at, speech_participle,
                                      stance_at)


class DirectCue(NamedTuple):
    """A speech quote with the speaker phrase and cue found for it (None, None: no cue)."""
    quote: Quote
    speaker: Speaker | None
    cue: str | None


class SpanCue(NamedTuple):
    """Reported speech, a stance or an `according to` source: the phrase, the cue and the claim's span."""
    paragraph: int
    speaker: Speaker
    cue: str
    start: int
    end: int
    kind: str = "reported"    # reported / stance / according_to
    attribution_verb: bool = False   # its cue is a verb of stance_verbs.csv (not a speech verb)
    headline: bool = False           # read in a title-case headline (resolved after every other row)


class Event(NamedTuple):
    """One attribution to resolve, in reading order."""
    pos: tuple                # (paragraph, offset)
    kind: str                 # direct / reported / according_to
    item: Quote | SpanCue
    speaker: Speaker | None
    cue: str | None


class Source(NamedTuple):
    """The source given to a quote (cue None: guessed for a quote without a cue)."""
    speaker: str | None
    role: str | None
    source_type: str
    cue: str | None


@dataclass(slots=True)
class Article:
    """One body being attributed: its paragraphs as written and masked, their name runs, quotes
    and registry."""
    paras: list
    masked: tuple
    runs: list
    quotes: tuple
    by_para: dict
    reg: Registry


@lru_cache(maxsize=2048)
def article_attributions(text: str) -> tuple[Attribution, ...]:
    """Attributions of one body (`Attribution` records), sorted by paragraph and start."""
    forget_parsed_subjects()
    article = _prepare(text)
    direct, used_verbs = _direct_cues(article)
    reported, according = _reported_and_according(article, used_verbs)
    # attributions cued by the verbs of stance_verbs.csv (and speech verbs' objects) are resolved
    # last (pass 6), so the attributions of speech verbs and quotes stay as they were without them
    late = [r for r in reported if r.attribution_verb and not r.headline]
    headline = [r for r in reported if r.headline]
    reported = [r for r in reported if not r.attribution_verb]
    _register_speakers(article, direct, reported)
    events = [Event((d.quote.paragraph, d.quote.start), "direct", d.quote, d.speaker, d.cue) for d in direct]
    events += [Event((r.paragraph, r.start), r.kind, r, r.speaker, r.cue) for r in reported]
    events += [Event((r.paragraph, r.start), "according_to", r, r.speaker, r.cue) for r in according]
    events.sort(key=lambda ev: (ev.pos, ev.kind != "direct"))
    rows, resolved_q, history = _resolve_in_order(article, events)
    out = _uncued_quotes(article, events, rows, resolved_q)
    out.sort(key=lambda row: (row.paragraph, row.start, row.kind != "direct"))
    people = article.reg.people()
    out = typed_from_descriptions(out, article.reg.joined(), people)  # types from the article's descriptions
    calls: dict[tuple, GenderCall] = {}
    main = _with_genders(tuple(map(_visible_names, out)), article.reg, calls)
    if not late and not headline:
        return main
    # a headline's source is resolved last, so it changes no body row (`France's Marine Le Pen Backs Trump`)
    late_rows = _resolve_late(article, late, history) + _resolve_late(article, headline, history)
    late_rows = typed_from_descriptions(late_rows, article.reg.joined(), people)
    extra = _with_genders(tuple(map(_visible_names, late_rows)), article.reg, calls)
    return tuple(sorted(main + extra, key=lambda row: (row.paragraph, row.start, row.kind != "direct")))


def _prepare(text: str) -> Article:
    quotes_ = _q.article_quotes(text)
    by_para: dict[int, list] = {}
    for quote in quotes_:
        by_para.setdefault(quote.paragraph, []).append(quote)
    # the paragraphs as article_quotes masked them; their sentences stay known to _q.sentence_bounds
    masked_paras = _q.masked_paragraphs(text)[0]
    runs_by_para = [name_runs(m) for m in masked_paras]
    return Article(paragraphs(text), masked_paras, runs_by_para, quotes_, by_para,
                   build_registry(masked_paras, runs_by_para))


# ------------------------------------------------------------------------------ 1. direct quotes
def _direct_cues(article: Article) -> tuple[list[DirectCue], set]:
    """The cue of every speech quote, and the speech verbs used as such (not reported speech)."""
    verb_re = verb_regex()
    direct: list[DirectCue] = []
    used_verbs: set[tuple[int, int]] = set()
    for pi, para in enumerate(article.paras):
        quotes_ = article.by_para.get(pi, [])
        if not quotes_:
            continue
        masked = article.masked[pi]
        bounds = _q.sentence_bounds(masked)
        # titles and scare quotes inside the sentence do not bound an attribution
        # (Developer Valve called 'Half Life: Alyx' "a flagship VR game.")
        top = [x for x in quotes_ if not x.nested and x.kind != "scare"]
        top_at = {id(x): i for i, x in enumerate(top)}
        for quote in quotes_:
            if quote.kind == "scare":
                continue
            if quote.nested:
                found = _nested_cue(para, quote, quotes_, verb_re)
            else:
                k = top_at.get(id(quote), 0)
                after = top[k + 1].open_mark if k + 1 < len(top) else len(para)
                before = (top[k - 1].close_mark + 1 if top[k - 1].close_mark is not None else len(para)) \
                    if k > 0 else 0
                found = _quote_cue(masked, bounds, quote, before, after, verb_re)
                if found is not None:
                    used_verbs.add((pi, found[2][0]))
            direct.append(DirectCue(quote, *found[:2]) if found is not None else DirectCue(quote, None, None))
    return direct, used_verbs


def _nested_cue(para: str, quote: Quote, quotes_: list, verb_re):
    """A quotation inside a quotation: its cue is in the outer quote's own words."""
    outer = max((x for x in quotes_ if x.start <= quote.start and quote.end <= x.end and not x.nested),
                key=lambda x: x.start, default=None)
    if outer is None:
        return None
    local = _q.mask_quotations(para, [(quote.start, quote.end)])
    return before_cue(local, outer.start, quote.open_mark, _q.sentence_bounds(local), verb_re)


def _quote_cue(masked: str, bounds, quote: Quote, before: int, after: int, verb_re):
    """(Speaker, cue, verb span) of a top-level quote between the neighbours' marks, else None."""
    found = None
    if adjacent_cue(masked, before, quote.open_mark, verb_re):
        # `he said, "…," the office said`: the verb right before the mark is the speaker's
        # (its subject may stand before an earlier quotation of the same sentence)
        found = before_cue(masked, 0, quote.open_mark, bounds, verb_re)
    if found is None and quote.close_mark is not None:
        start = quote.close_mark + 1
        if masked.startswith("'", start) and masked[quote.close_mark] == "'":
            start += 1          # the NYT's two apostrophes: ''…,'' said Mr. Burman
        found = after_cue(masked, start, after, bounds, verb_re)
        if found is not None and cue_in_next_conjunct(masked, start, found[2][0]):
            found = before_cue(masked, before, quote.open_mark, bounds, verb_re) or found
    if found is None:
        found = before_cue(masked, before, quote.open_mark, bounds, verb_re)
    return found


# ------------------------------------------------------------------------------ 2. reported speech
def _reported_and_according(article: Article, used_verbs: set) -> tuple[list[SpanCue], list[SpanCue]]:
    """Reported speech around the speech verbs no quote used, reported speech and stances after the
    attribution verbs (stance_verbs.csv), and `according to` sources."""
    verb_re, verbs, more = reported_verb_regex(), verb_rows(), attribution_verbs()
    reporting = reported_lemmas()
    reported, according = [], []
    for pi in range(len(article.paras)):
        masked = article.masked[pi]
        if not masked.strip():
            continue
        bounds = None
        for m in verb_re.finditer(masked):
            if (pi, m.start()) in used_verbs:
                continue
            form = m.group().lower()
            row = verbs.get(form)
            if row is not None and row.get("reported") == "1":
                bounds = bounds or _q.sentence_bounds(masked)
                s, e = _q.sentence_of(bounds, m.start())
                close = relative_clause_end(masked, s, e, m.start())     # `, which some have argued …,`
                found = reported_at(masked, s, close, m, row)
                if close < e and found is not None and found[2] <= m.start():
                    # `Mrs. Clinton's Iraq war vote, which she has repeatedly said was a mistake, was`: the relative
                    # pronoun is the reported clause's subject, its predicate follows the verb
                    found = reported_content(masked, found[0], m.end(), close) or found
                e = close
                if found is not None:
                    reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2]))
                    continue
                # `Eric Holder announced his resignation`, `Trump did not deny the report`: the
                # verb's object after its subject
                found = speech_object_at(masked, s, e, m) if row.get("object") == "1" else None
                if found is not None:
                    reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2], "reported", True))
                continue
            head = form.split()[0]      # the -ing form's row (`by announcing`, `…, asking them to`), else None
            gerund_row = (row or verbs.get(head)) if head.endswith("ing") else None
            if gerund_row is not None:
                bounds = bounds or _q.sentence_bounds(masked)
                s, e = _q.sentence_of(bounds, m.start())
                found = prepositional_gerund_at(masked, s, e, m, gerund_row)     # `… by announcing it would …`
                if found is not None:
                    reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2], "reported", True))
                    continue
            verb = more.get(" ".join(form.split()))
            if verb is None and row is not None and form.endswith("ing") and row.get("lemma") in reporting:
                verb = speech_participle     # `…, saying the poll was rigged`
            if verb is None and gerund_row is None:
                continue
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q.sentence_of(bounds, m.start())
            found = stance_at(masked, s, e, m, verb) if verb is not None else None
            if found is not None:
                reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2], verb.kind, True))
            elif gerund_row is not None:
                found = prepositional_gerund_at(masked, s, e, m, gerund_row, other_leads=True)   # `…, asking them to`
                if found is not None:
                    reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2], "reported", True))
        for m in (TALK_VERBS.finditer(masked) if " about " in masked or " of " in masked else ()):
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q.sentence_of(bounds, m.start())
            found = talk_topic_at(masked, s, e, m)     # `Obama spoke at the White House about …`
            if found is not None and not any(r.paragraph == pi and r.start == found[1] for r in reported):
                reported.append(SpanCue(pi, found[0], m.group(), found[1], found[2], "reported", True))
        for found in (fronted_asked_at(masked) if "Asked by" in masked else ()):
            reported.append(SpanCue(pi, found[0], "Asked", found[1], found[2]))     # `Asked by X whether …, Y said`
        for at in (_fronted_ing_starts(masked) if pi else ()):
            found = _fronted_participle_row(masked, at, verb_re, verbs, more, reporting)
            if found is not None:
                reported.append(SpanCue(pi, found[0], found[4], found[1], found[2], found[3], True))
        if pi == 0:
            found = _headline_reported(masked, verb_re, verbs, more) or _colon_headline(article, masked)
            if found is not None:
                reported.append(found)
        for m in (ACCORDING.finditer(masked) if "ccording to" in masked else ()):
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q.sentence_of(bounds, m.start())
            found = according_at(masked, s, e, m, article.by_para.get(pi, []))
            if found is not None:
                according.append(SpanCue(pi, found[0], "according to", found[1], found[2]))
        for row in survey_rows(masked) + survey_subject_rows(masked):     # `In a Fox poll, Cruz had 38 percent …`
            if not any(r.paragraph == pi and r.start < row.end and row.start < r.end for r in reported + according):
                reported.append(SpanCue(pi, row.speaker, row.cue, row.start, row.end, "according_to", True))
    return reported, according


# a capitalised -ing form opening a sentence (`Noting that …, Allen said`): the lower-case verb pattern misses it
# -ing forms that open a sentence as prepositions (Quirk et al. 1985, 9.5: `Considering the scale, …`)
_MARGINAL_PREPOSITIONS = frozenset(("considering", "regarding", "concerning", "including", "following", "according"))
# (a pattern that starts at a sentence-ending mark: trying every position with look-behinds cost as much as the
# whole verb scan)
_FRONTED_ING = re.compile(r"[.!?][\"'\u201d\u2019]?\s([A-Z][a-z]+ing)\b")
_OPENING_ING = re.compile(r"[A-Z][a-z]+ing\b")


def _fronted_ing_starts(masked: str) -> list[int]:
    """Where a capitalised -ing form opens a sentence in the paragraph `masked`."""
    if "ing" not in masked:          # both patterns need it (half the paragraphs lack it: 0.054 -> 0.039 ms an article)
        return []
    starts = [m.start(1) for m in _FRONTED_ING.finditer(masked)]
    return [0] + starts if _OPENING_ING.match(masked) else starts


def _fronted_participle_row(masked: str, at: int, verb_re: re.Pattern, verbs: dict, more: dict, reporting):
    """(Speaker, start, end, kind, cue as written) of a participle clause that opens its sentence with a listed -ing form (Quirk et
    al. 1985, 15.58: its subject is the main clause's, after the clause's comma: `Noting that the plant had
    closed, the mayor said …` -> (the mayor, `that the plant had closed`)); read on the sentence with that word in
    lower case, by stance.stance_at. None when the form is not listed or no subject follows."""
    end = masked.find(" ", at)
    word = masked[at:end if end > 0 else len(masked)]
    if word.lower() in _MARGINAL_PREPOSITIONS:
        return None
    lowered = masked[:at] + word.lower() + masked[at + len(word):]
    m = verb_re.match(lowered, at)
    if m is None:
        return None
    form = m.group().lower()
    row = verbs.get(form)
    verb = more.get(" ".join(form.split())) or \
        (speech_participle if row is not None and row.get("lemma") in reporting else None)
    if verb is None:
        return None
    s, e = _q.sentence_of(_q.sentence_bounds(lowered), at)
    found = stance_at(lowered, s, e, m, verb)
    return None if found is None else (found[0], found[1], found[2], verb.kind, masked[m.start():m.end()])


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w\u2019'-]*")
# the form is a noun after a possessive (`Hillary Clinton's Claim That …`), or the verb of a relative
# clause (`Hollywood Actor Who Endorsed Ted Cruz Just Called …`)
_NOT_HEADLINE_VERB = re.compile(r"(?:['\u2019]s?|\b(?:Who|That|Which|What|When|How|Why))\s+$", re.IGNORECASE)


_CAPITAL_AFTER_SPACE = re.compile(r"(?<=\s)[A-Z]")


def _is_title_case(text: str) -> bool:
    """True for a headline in title case: at least four words, every word capitalised but short
    function words (`Trump Says Mexico Will Pay for the Wall`; Chicago Manual of Style 8.159)."""
    words = _HEADLINE_WORD.findall(text)
    if len(words) < 4 or len(text) > 250:
        return False
    small = kind_words("function")
    return all(w[0].isupper() or len(w) <= 4 or w in small for w in words)


def _headline_reported(masked: str, verb_re: re.Pattern, verbs: dict, more: dict) -> SpanCue | None:
    """Reported speech in a title-case headline, the body's first paragraph (`Trump Says He Never
    Pledged to Kill …`, `Clinton Slams Trump's Tax Plan`): the headline's first capitalised speech
    verb (speech_verbs.csv) or attribution verb (stance_verbs.csv) after a subject and before a
    capitalised word, read by `reported_at` / `speech_object_at` / `stance_at` on the headline with the
    verb and the rest in lower case (the subject keeps its capitals): the span of the same sentence in
    running text."""
    if "\x00" in masked or not _is_title_case(masked):
        return None
    lower = masked.lower()
    # the first capitalised word after the first that opens a verb form (anchored matches of the
    # lower-case pattern on the lower-cased headline)
    lm = next((x for x in (verb_re.match(lower, c.start()) for c in _CAPITAL_AFTER_SPACE.finditer(masked))
               if x is not None), None)
    if lm is None or lm.group().endswith("ing") or not masked[:lm.start()].strip() \
            or not re.match(r"\s+[A-Z0-9]", masked[lm.end():]) or _NOT_HEADLINE_VERB.search(masked, 0, lm.start()):
        return None
    lowered, cue = masked[:lm.start()] + lower[lm.start():], masked[lm.start():lm.end()]
    row, verb = verbs.get(lm.group()), more.get(" ".join(lm.group().split()))
    s, e = _q.sentence_of(_q.sentence_bounds(masked), lm.start())
    kind, found = "reported", None
    if row is not None and row.get("reported") == "1":
        found = reported_at(lowered, s, e, lm, row)
        if found is None and row.get("object") == "1":
            found = speech_object_at(lowered, s, e, lm)
    elif verb is not None:
        kind, found = verb.kind, stance_at(lowered, s, e, lm, verb)
    if found is None or found[0].start != len(masked) - len(masked.lstrip()):
        return None         # the subject opens the headline (not `The 15 Things Latinos Said …`)
    return SpanCue(0, found[0], cue, found[1], found[2], kind, attribution_verb=True, headline=True)


_HEADLINE_LABEL_TYPES = frozenset(("poll_survey", "document_report", "media_news_agency"))
# `Sanders: …`, `Clinton to Planned Parenthood: …` (an addressee), `Former AG Mukasey at RNC: …` (a place)
_COLON_HEADLINE = re.compile(r"\s*((?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.\u2019'-]*)"
                             r"(?:\s+(?:to|at|on|in|To|At|On|In)\s+[^:\x00]{1,40}?)?:\s+(\S.*?)[.\s]*$")


def _colon_headline(article: Article, masked: str) -> SpanCue | None:
    """The headline convention `Source: claim` (`Sanders: Clinton Email Story Has Moved`, `Lynch: No
    outside influence on FBI probe`; PolNeAR annotates the colon as the cue): a name of one to four
    capitalised words before the colon, whose last word the article names as a person or an
    organisation in its body (not `The Latest:`, `News Guide:`, `FIX IS IN:`), and the rest of the headline
    when it is no question."""
    m = _COLON_HEADLINE.match(masked)
    if m is None or "\x00" in masked or m.group(1).isupper() or m.group(2).endswith("?"):
        return None         # a question is no claim (`Ted Cruz: Constitutional conservative or …?`)
    words = [clean_word(w) for w in m.group(1).split()]
    if len(words) == 1 and type_of(words[0].lower(), described=True) in _HEADLINE_LABEL_TYPES:
        # `Poll: Bernie Sanders Burns Hillary Clinton …`, `Newspaper: Defense secretary used …`
        sp = Speaker("desc", [words[0].lower()], start=m.start(1), text=m.group(1))
        return SpanCue(0, sp, ":", m.start(2), m.end(2), "reported", attribution_verb=True, headline=True)
    if words[0].lower() in kind_words("function") or article.reg.get(words[-1]) is None \
            or not any(words[-1] in para for para in article.masked[1:]):
        return None         # a name the body names too (not `Delegate Update: The latest count …`)
    sp = Speaker("name", words, start=m.start(1), text=m.group(1))
    return SpanCue(0, sp, ":", m.start(2), m.end(2), "reported", attribution_verb=True, headline=True)


# ------------------------------------------------------------------------------ 3. registry
def _register_speakers(article: Article, direct: list[DirectCue], reported: list[SpanCue]) -> None:
    """Speakers named at cues are people too: add them, then list every mention of a person (for
    pronouns) in reading order."""
    reg = article.reg
    for d in direct:
        if d.speaker is not None and d.speaker.kind == "name":
            resolve_speaker(d.speaker, (d.quote.paragraph, d.quote.open_mark), reg, [])
    for r in reported:
        if r.speaker.kind == "name":
            resolve_speaker(r.speaker, (r.paragraph, r.speaker.start), reg, [])
    reg.list_mentions(article.runs)            # genders are guessed when a pronoun needs one
    _candidates_are_politicians(reg)


# `Trump's campaign`, `the Sanders presidential campaign`: each ` campaign` is found first, then its owner
# right before it (one regex from every capitalised word cost more than the rest of the pass)
_CAMPAIGN_WORD = re.compile(r"\scampaign\b")
_CAMPAIGN_OWNER = re.compile(r"\b([A-Z][\w\u2019'-]+?)(?:['\u2019]s?)?\s+(?:(?:presidential|primary|re-?election|"
                             r"Senate|congressional|gubernatorial|mayoral|White\s+House)\s+)?$")


def _candidates_are_politicians(reg: Registry) -> None:
    """A person without a role whose campaign the article names (`Trump's campaign`, `the Sanders
    campaign`) runs for office: source type `politician` (the role stays empty)."""
    text = reg.joined()
    if "campaign" not in text:
        return
    names = set()
    for word in _CAMPAIGN_WORD.finditer(text):
        owner = _CAMPAIGN_OWNER.search(text, max(0, word.start() - 200), word.start() + 1)
        if owner is not None:
            names.add(owner.group(1).lower())
    for key in names:
        person = reg.by_last.get(key)
        if person is not None and not person.org and person.type is None:
            person.type = "politician"


# ------------------------------------------------------------------------------ 4. resolution
class Resolved(NamedTuple):
    """What pass 4 leaves: per event its row, the sources given to quotes, and the history of
    sources in reading order (with the position of the event that added each)."""
    rows: list
    resolved_q: dict
    history: list             # [(event position, HistoryEntry)]


def _resolve_in_order(article: Article, events: list[Event]) -> Resolved:
    """Per event its Attribution (None: a quote without a cue, resolved in pass 5; False: reported
    speech of nobody we can name, left out, except a `they` before any group spoke, kept with the
    speaker missing, the convention of docs/columns.md), and the sources given to quotes so far."""
    reg = article.reg
    history: list[HistoryEntry] = []
    positions: list[tuple] = []
    rows: list = []
    resolved_q: dict[tuple, Source] = {}
    for event in events:
        sp = event.speaker
        if sp is None:
            rows.append(None)
            continue
        spos = (event.pos[0], sp.start)
        name, role, typ = resolve_speaker(sp, spos, reg, history,
                                          event.item.text if event.kind == "direct" else "")
        if sp.kind == "pronoun":
            reg.note_cue_pronoun(spos, name, sp.words[0])
        if event.kind != "according_to" and typ != "media_news_agency":
            history.append(_history_entry(article, sp, spos, name, role, typ))
            positions.append(event.pos)
        if event.kind == "direct":
            quote = event.item
            resolved_q[(quote.paragraph, quote.start)] = Source(name, role, typ, event.cue)
            rows.append(Attribution(quote.paragraph, name, role, typ, event.cue, "direct", quote.text,
                                    quote.start, quote.end))
        elif name is None and not _unresolved_they(sp):
            rows.append(False)
        else:   # `they` before any group spoke keeps its row, speaker missing
            span = event.item
            rows.append(Attribution(span.paragraph, name, role, typ, event.cue, event.kind,
                                    article.paras[span.paragraph][span.start:span.end], span.start, span.end))
    return Resolved(rows, resolved_q, list(zip(positions, history)))


# ------------------------------------------------------------------------------ 6. stances, objects
def _resolve_late(article: Article, late: list[SpanCue], history: list) -> list[Attribution]:
    """Rows of the attributions cued by stance_verbs.csv (and of speech verbs' objects), each
    resolved in reading order against the sources before it (one that names nobody is left out, but
    an unresolved `they` keeps its row, speaker missing); they add nothing to the history, so
    pronouns and quotes keep the sources the speech verbs gave them."""
    out = []
    seen: list[HistoryEntry] = []
    k = 0
    for span in sorted(late, key=lambda r: (r.paragraph, r.start)):
        pos = (span.paragraph, span.start)
        while k < len(history) and history[k][0] < pos:
            seen.append(history[k][1])
            k += 1
        name, role, typ = resolve_speaker(span.speaker, (span.paragraph, span.speaker.start), article.reg, seen)
        if span.speaker.kind == "pronoun":
            article.reg.note_cue_pronoun((span.paragraph, span.speaker.start), name, span.speaker.words[0])
            if name is None and _unresolved_they(span.speaker):
                masked = article.masked[span.paragraph]
                s0 = _q.sentence_of(_q.sentence_bounds(masked), min(span.speaker.start, max(len(masked) - 1, 0)))[0]
                plural = _plural_source_before(out, (span.paragraph, s0))
                if plural is not None:
                    name, role, typ = plural.speaker, plural.role, plural.source_type
        if name is not None or _unresolved_they(span.speaker):    # name None: speaker missing
            out.append(Attribution(span.paragraph, name, role, typ, span.cue, span.kind,
                                   article.paras[span.paragraph][span.start:span.end], span.start, span.end))
    return out


def _unresolved_they(sp: Speaker) -> bool:
    """A source phrase that is the plural pronoun `they` itself (not `their`): when it names nobody,
    its row is kept with the speaker missing (docs/columns.md), never given a person or a gender. A
    he / she, `it` or a name that resolves to nobody still drops its row (`She found a job in Ohio`)."""
    return sp.kind == "pronoun" and sp.text.strip().lower() == "they"


_PLURAL_HEAD = re.compile(r"(?:[^s'\u2019]s|\bthem|\bpeople)$")   # `Social conservatives`, `most of them`


def _plural_source_before(rows: list[Attribution], sentence: tuple) -> Attribution | None:
    """The row whose source (speaker, role, source type) a `they` that names nobody earlier takes:
    the nearest plural source of the late rows before it in its sentence (`sentence`: paragraph, start), whose attributed text
    starts in that sentence (`most of them said they had loved working for Carrier`): a plural noun
    phrase or a coordination `A and B` (number agreement and recency within the sentence: Lappin &
    Leass 1994, Computational Linguistics 20(4); a source is a subject, the most salient role);
    None when no such row precedes it (a `they` of a later sentence stays unresolved: on PolNeAR dev
    it took a wrong group 3 times in 5)."""
    for row in reversed(rows):
        if (row.paragraph, row.start) < sentence:
            return None
        if row.speaker is not None and (_PLURAL_HEAD.search(row.speaker) or " and " in row.speaker):
            return row
    return None


def _history_entry(article: Article, sp: Speaker, spos, name, role, typ) -> HistoryEntry:
    known = article.reg.get(name.split()[-1]) if sp.kind == "name" and name else None
    masked = article.masked[spos[0]]
    s0, e0 = _q.sentence_of(_q.sentence_bounds(masked), min(max(spos[1], 0), max(len(masked) - 1, 0)))
    is_group = sp.kind == "desc" or (sp.kind == "name" and name is not None and (known is None or known.org))
    return HistoryEntry(name, role, typ, is_group, _lower_sentence(masked, s0, e0), (spos[0], s0, e0))


@lru_cache(maxsize=64)
def _lower_sentence(masked: str, start: int, end: int) -> str:
    """masked[start:end] in lower case, made once per sentence (a sentence of 10,000 cues stays linear)."""
    return masked[start:end].lower()


# ------------------------------------------------------------------------------ 5. quotes without a cue
def _uncued_quotes(article: Article, events: list[Event], rows: list, resolved_q: dict) -> list[Attribution]:
    """The rows of pass 4 with each quote without a cue given a speaker: the quote it continues, the
    neighbour in the paragraph, the subject of its sentence, or the last source before it."""
    speech_by_para: dict[int, list] = {}
    by_qid: dict[int, list] = {}        # per quote id its pieces whose source has a cue, in reading
    for quote in article.quotes:        # order (the only pieces `_neighbour` can take a source from)
        if quote.kind != "scare":
            speech_by_para.setdefault(quote.paragraph, []).append(quote)
        source = resolved_q.get((quote.paragraph, quote.start))
        if source is not None and source.cue is not None:
            by_qid.setdefault(quote.quote_id, []).append(quote)
    out = []
    last_named = last_pos = None
    for event, row in zip(events, rows):
        if row is False:
            continue
        if row is not None:
            out.append(row)
            if row.speaker is not None and event.kind != "according_to":
                last_named = Source(row.speaker, row.role, row.source_type, None)
                last_pos = event.pos
            continue
        quote = event.item
        guess = _guess_source(article, quote, speech_by_para, by_qid, resolved_q, last_named, last_pos)
        resolved_q[(quote.paragraph, quote.start)] = guess
        if guess.cue is not None:       # a 5,000-paragraph quotation stays linear
            bisect.insort(by_qid.setdefault(quote.quote_id, []), quote, key=_reading_order)
        out.append(Attribution(quote.paragraph, guess.speaker, guess.role, guess.source_type, None, "direct",
                               quote.text, quote.start, quote.end))
    return out


def _reading_order(quote: Quote) -> tuple[int, int]:
    return quote.paragraph, quote.start


def _guess_source(article: Article, quote: Quote, speech_by_para, by_qid, resolved_q, last_named,
                  last_pos) -> Source:
    reg, pi, mark = article.reg, quote.paragraph, quote.open_mark
    masked = article.masked[pi]
    bounds = _q.sentence_bounds(masked)
    s0 = _q.sentence_of(bounds, mark)[0]
    guess = _unlisted_verb_source(reg, masked, quote, pi)
    if guess is None and masked[s0:mark].rstrip().endswith(":"):
        # "Buckley, who phoned in …, had a similar experience: "…"": the sentence's subject
        # (after an earlier speech quote the sentence may be joined to)
        lo = max([s0] + [x.close_mark + 1 for x in speech_by_para.get(pi, ())
                         if x.close_mark is not None and x.close_mark < mark and not x.nested])
        guess = _subject_person(reg, masked, lo, mark, pi) or _colon_source(reg, masked, lo, mark, pi)
    head = masked[s0:mark].split("\x00", 1)[0]      # up to an earlier quotation in the sentence
    if guess is None and head.strip():
        # "He anticipated that one of the biggest challenges … would be "…"": a he / she opening
        # the quote's sentence is its speaker
        sp = leading_subject(head, s0)
        if sp is not None and sp.kind == "pronoun" and sp.words[0] in ("he", "she"):
            name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
            guess = Source(name, role, typ, None) if name else None
        elif sp is not None and sp.kind == "name" and _plain_subject(masked, s0, sp) \
                and (len(head) == mark - s0 or not verb_regex().search(head)):
            # `Mr. Cruz pledged to oppose legal status … "today, tomorrow, forever."`: a quotation
            # inside a sentence without a cue is the named subject's (not a possessive or a name after
            # a preposition or article: `For African-Americans, …`, `The Archie Bunker stereotype`; not
            # after a quotation whose speech verb comes first: `Joe Biden, Rubio said, had … "…"`)
            if len(sp.words) > 1 and verb_regex().fullmatch(sp.words[0].lower()):
                sp = Speaker("name", sp.words[1:], start=sp.start, text=" ".join(sp.words[1:]))   # `Said X, "…"`
            guess = _person_source(reg, sp, pi)
    if guess is None and pi > 0 and not masked[:mark].strip() and article.masked[pi - 1].rstrip().endswith(":"):
        guess = _colon_paragraph_source(article, pi - 1)
    if guess is None:
        guess = _neighbour(quote, speech_by_para.get(pi, []), by_qid.get(quote.quote_id, []), resolved_q)
    if guess is None and s0 > 0 and not masked[s0:mark].strip():
        # "Aderholt returned to the issue. "What …?"": the subject of the sentence before
        before = _q.sentence_of(bounds, s0 - 1)
        if "\x00" not in masked[before[0]:before[1]]:
            guess = _subject_person(reg, masked, before[0], before[1], pi)
    if guess is None and last_named is not None:
        # a person introduced with a role after the last attribution (a pull quote after
        # "one of the study authors, Owen Dempsey, a chest doctor") is likelier than that source
        person = reg.last_before((pi, mark))
        if person is not None and person.role and person.name != last_named.speaker:
            mpos = max((mp for mp, x in reg.mentions if x is person and mp < (pi, mark)), default=None)
            if mpos is not None and last_pos is not None and mpos > last_pos:
                guess = Source(person.name, person.role, person.type or "other", None)
    if guess is None:
        guess = last_named
    if guess is None:
        person = reg.last_before((pi, mark))
        guess = Source(person.name, person.role, person.type or "other", None) if person \
            else Source(None, None, "other", None)
    return guess


# right after a quotation that its own comma, `?` or `!` leaves open: a name and a verb in -ed, or the
# verb and the name (`," Kelly charged in …`, `!" beamed Donald Hartley of Madison`, `?" reacted Trump.`)
_NAME_RUN = r"((?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]*)"
_NAME_THEN_ED = re.compile(r"\s*(?:(?:an?|the)\s+[a-z]+\s+)?" + _NAME_RUN +
                           r"\s+([a-z]{3,}ed)\b(?![\s\w,]*[\u201c\"])")
_ED_THEN = re.compile(r"\s*[a-z]{3,}ed\s+([^.,;:!?\x00\u201c\"]{3,80})")
_CAPITAL_RUN = re.compile(_NAME_RUN)


def _unlisted_verb_source(reg: Registry, masked: str, quote: Quote, pi: int) -> Source | None:
    """The person a verb in -ed that the speech-verb list lacks attributes the quotation to, in the
    inverted or plain layout right after its closing mark (`"…," Kelly charged in her assault`,
    `"…!" beamed Donald Hartley`, `"…?" reacted Trump.`): a registered person's name, else None."""
    end = quote.close_mark
    if end is None or end < 1 or masked[end - 1] not in ",?!":
        return None
    tail = masked[end + 1:end + 100]
    m = _NAME_THEN_ED.match(tail)
    if m is not None:
        runs = [m.group(1)]
    else:
        m = _ED_THEN.match(tail)           # `beamed Donald Hartley of Madison`, `mused co-host Stu B.`
        runs = [r.group(1) for r in _CAPITAL_RUN.finditer(m.group(1))] if m else []
    for run in runs:
        words = run.split()
        if words[0].lower() in kind_words("function") or is_place_name(run):
            continue
        sp = Speaker("name", [clean_word(w) for w in words], start=end + 1 + tail.find(run), text=run)
        found = _person_source(reg, sp, pi)
        if found is None and len(words) >= 2 and known_first_name(words[0]):
            # a full name the article gives only here (`beamed Donald Hartley of Madison, Alabama`)
            name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
            found = Source(name, role, typ, None) if name else None
        if found is not None:
            return found
    return None


_SUBJECT_BLOCKERS = PLACE_PREP | kind_words("opening_adverbial") | frozenset(("the", "a", "an", "for", "of", "with"))


def _plain_subject(masked: str, s0: int, sp: Speaker) -> bool:
    """True when the name `sp` that opens the sentence at `s0` reads as its subject: no preposition,
    article or adverbial word before it in its clause (after an opening phrase's comma), not a possessive
    nor a part (`One of the men, …`), and no place."""
    before = masked[s0:sp.start].rsplit(",", 1)[-1].split()     # after an opening phrase's comma
    end = sp.start + len(sp.text)
    if any(clean_word(w).lower() in _SUBJECT_BLOCKERS for w in before):
        return False
    return not masked.startswith(("\u2019s", "'s", "\u2019", "'", " of "), end) and not is_place_name(" ".join(sp.words))


def _colon_paragraph_source(article: Article, pi: int) -> Source | None:
    """The source a paragraph ending with a colon introduces, for the quotation that opens the next
    paragraph (`Cruz continued:` / `17-year-old Jared Potts echoed:` / `… as Joel Pollak of Breitbart
    California observed, the biggest victor was … the stage itself:`): the speaker of a speech verb in
    its last sentence read as if the quotation stood at the colon, else that sentence's named subject."""
    masked = article.masked[pi]
    end = len(masked.rstrip()) - 1
    bounds = _q.sentence_bounds(masked)
    s0 = _q.sentence_of(bounds, max(end - 1, 0))[0]
    if "\x00" in masked[s0:end]:
        return None
    found = before_cue(masked, s0, end, bounds, verb_regex())
    reg = article.reg
    if found is not None:
        sp = found[0]
        name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
        if name is not None and (sp.kind != "desc" or typ != "other"):
            return Source(name, role, typ, None)
    return _subject_person(reg, masked, s0, end, pi)


def _with_genders(rows: tuple[Attribution, ...], reg: Registry, calls: dict | None = None) -> tuple[Attribution, ...]:
    """The rows with each speaker's gender and its evidence (`sourcing.gender`), one call per speaker
    (`calls`: the calls made so far, so pass 6 gives a speaker the gender its other rows have)."""
    calls = {} if calls is None else calls
    out = []
    for row in rows:
        key = (row.speaker, row.source_type)
        call = calls.get(key)
        if call is None:
            call = calls[key] = speaker_gender(row.speaker, row.source_type, reg)
        out.append(row._replace(gender=call.gender, gender_evidence=call.evidence))
    return tuple(out)


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _visible_names(row: Attribution) -> Attribution:
    """The row with zero-width characters and soft hyphens removed from its speaker and role (so
    `the mayor \u200bsaid` names the same speaker as `the mayor said`)."""
    speaker, role = row.speaker, row.role
    if (speaker is None or speaker.isascii()) and (role is None or role.isascii()):
        return row
    visible = [" ".join(_INVISIBLE.sub("", x).split()) or None if isinstance(x, str) else x for x in (speaker, role)]
    return row._replace(speaker=visible[0], role=visible[1])


_NAME_COMMA = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*),\s")


def _subject_person(reg: Registry, masked: str, s: int, e: int, pi: int) -> Source | None:
    """The person named as the subject opening masked[s:e], else None."""
    sp = leading_subject(masked[s:e], s)
    if sp is None:
        m = _NAME_COMMA.match(masked, s, e)        # "Buckley, who phoned in …,"
        if m:
            sp = Speaker("name", [clean_word(w) for w in m.group(1).split()], start=m.start(1), text=m.group(1))
    if sp is None or sp.kind != "name":
        return None
    return _person_source(reg, sp, pi)


def _person_source(reg: Registry, sp: Speaker, pi: int) -> Source | None:
    """The source the name `sp` resolves to when its last word is a registered person (no
    organisation), else None."""
    person = reg.get(sp.words[-1])
    if person is None or person.org:
        return None
    name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
    return Source(name, role, typ, None) if name else None


def _colon_source(reg: Registry, masked: str, s: int, e: int, pi: int) -> Source | None:
    """The source a colon introduces when the sentence's subject is no person: a registered
    organisation named as the subject (`Priorities USA, a pro-Clinton super PAC, emailed … one sentence:
    "…"`; not a heading in capitals, an acronym alone or a place), else the
    person whose name ends right at the colon (`… doesn't surprise Republican pollster Daron Shaw: "…"`;
    not a hearer after `told`, nor a name after a preposition: `celebrated the attacks on Twitter:`). None when neither is there, or it is a place."""
    sp = leading_subject(masked[s:e], s)
    if sp is None or sp.kind != "name":
        m = _NAME_COMMA.match(masked, s, e)
        sp = Speaker("name", [clean_word(w) for w in m.group(1).split()], start=m.start(1), text=m.group(1)) \
            if m else None
    known = reg.get(sp.words[-1]) if sp is not None and sp.kind == "name" and sp.words else None
    if known is not None and not not_a_referent(known) and not " ".join(sp.words).isupper():
        name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
        if name is not None:
            return Source(name, role, typ, None)
    tail = _NAME_AT_COLON.search(masked, s, e)
    if tail is None or _TOLD_BEFORE.search(masked, max(s, tail.start() - 30), tail.start()):
        return None
    person = reg.get(clean_word(tail.group(1).split()[-1]))
    return Source(person.name, person.role, person.type or "other", None) if person is not None and \
        not person.org and not not_a_referent(person) else None


_NAME_AT_COLON = re.compile(r"((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*:\s*$")
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|asked|asks|to|on|in|at|via|from|of|for|with|by)\s+$")


def _neighbour(quote: Quote, same: list, pieces: list, resolved_q: dict) -> Source | None:
    """Source of the quote that `quote` continues (same quote_id), else of its nearest neighbour with
    a cue in the paragraph (`same`: the paragraph's speech quotes)."""
    for piece in pieces:
        if (piece.paragraph, piece.start) != (quote.paragraph, quote.start):
            source = resolved_q.get((piece.paragraph, piece.start))
            if source is not None and source.cue is not None:
                return source
    idx = next((i for i, x in enumerate(same) if x.start == quote.start), 0)
    for j in list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(same))):
        source = resolved_q.get((same[j].paragraph, same[j].start))
        if source is not None and source.cue is not None:
            return source
    return None
