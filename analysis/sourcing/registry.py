"""The people and organisations one article names (`Registry`): a person is a full name (Bill and
Hillary Clinton are two people), a surname used alone is a mention of the most salient person with
that surname; with their mentions in reading order, genders guessed per person from titles and
pronouns, and cached look-ups of unnamed sources introduced earlier (`an official`, `a 43-year-old
man`, a poll). What a name or a noun says by itself (a place, a group, a gendered noun) is
analysis/sourcing/referents.py.
"""
from __future__ import annotations

import bisect
import re
from functools import partial

from analysis import quotes as _q
from analysis.sourcing.lexicon import clean_word, cue_hits, kind_words, type_of, verb_regex
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.literal_scans import indefinite_spans, pattern_spans, settlement_named
from analysis.sourcing.records import Person
from analysis.sourcing.referents import not_a_referent, place_names
# moved out of this module; still importable from here (names.py, resolve*.py and tests import them)
from analysis.sourcing.clause_roles import (FIRST_WORD, PARTICIPLE, before_headline_verb, fronted_words,
                                            in_prepositional_phrase, inverted_speaker, main_clause_start)
from analysis.sourcing.gender_votes import (MR_BEFORE, MS_BEFORE, PRONOUN, SUBJECT_PRONOUN,  # noqa: F401
                                            gender_by_first_name, guess_genders, mention_offset)
from analysis.sourcing.name_matching import (CALENDAR, STATE_TAIL, WEEKDAY, courtesy_gender,  # noqa: F401
                                             first_name_for_word, last_name, named_in_full, opens_with_first_name,
                                             plausible_longer, regnal_titles, same_person, taxonomy_org_word)

_LOWER_WORD = re.compile(r"(?<![\w'\u2019.-])[a-z][a-z]+(?![\w'\u2019-])")
_LOWER_ONLY = re.compile(r"[a-z][a-z]+")


_WORD_CHAR = re.compile(r"\w")
_AGED = re.compile(r"\b[Aa]n?\s+(?:[\w\u2019'-]+\s+)?\d{1,3}[- ]year[- ]old[- ](?:man|woman|boy|girl|"
                   r"person|patient)\b")
AGED_HEADS = kind_words("aged_head")


def mention_pos(mention: tuple) -> tuple[int, int]:
    """The (paragraph, offset) of a `Registry.mentions` entry: the key they are sorted by."""
    return mention[0]


# after a place's comma: the state or country it lies in, ending its phrase (`Nice, France,`)
_STATE_AFTER_COMMA = re.compile(r"\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[,.;:)])")


class Registry:
    """People and organisations named in one article. `by_surname` lists every person of a surname
    (two first names: two people); `by_last` gives the surname's default person (the first
    registered; once mentions are listed, the one named in full most often)."""

    def __init__(self):
        self.by_last: dict[str, Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.full_mentions: dict[int, list[tuple[int, int]]] = {}   # id(person) -> mentions by full name
        self.linked: dict[tuple[int, int], Person] = {}    # position of a surname alone -> its person
        self.mentions: list[tuple[tuple[int, int], Person]] = []
        self.modifier_mentions: set[tuple[int, int]] = set()   # surnames opening a longer name (`Trump University`)
        self.orgs: list[tuple[tuple[int, int], str, str | None]] = []   # (position, name, type)
        self.masked: list[str] = []
        self.first_words: dict[str, set] = {}
        self._lower_words: frozenset | None = None
        self._lower_hits: dict[str, bool] = {}
        self._joined: str | None = None
        self.group_alias: dict[str, str] = {}
        self._genders_done = False
        self._mention_index: tuple | None = None
        self.title_votes: dict[int, list[int]] = {}      # id(person) -> [Mr, Ms/Mrs/Miss] mentions
        self.pronoun_votes: dict[int, list[int]] = {}    # id(person) -> [he/him/his, she/her] referring to them
        self.cue_pronouns: dict[tuple[int, int], tuple[Person, str]] = {}   # he/she speaker phrase -> (person, he/she)
        self._pron_hits: dict = {}
        self.acronyms: dict[str, str | None] = {}
        self._scans: dict[tuple, list] = {}

    @property
    def lower_words(self) -> frozenset:
        """Lower-case words of the article (computed when first needed)."""
        if self._lower_words is None:
            self._lower_words = frozenset(_LOWER_WORD.findall("\n".join(self.masked)))
        return self._lower_words

    def joined(self) -> str:
        """The article's masked paragraphs joined by newlines (computed once)."""
        if self._joined is None:
            self._joined = "\n".join(self.masked)
        return self._joined

    def has_lower_word(self, word: str) -> bool:
        """`word in self.lower_words`, found with `str.find` instead of listing every lower-case
        word of the article (the same boundaries as `_LOWER_WORD`)."""
        hit = self._lower_hits.get(word)
        if hit is None:
            hit = False
            if _LOWER_ONLY.fullmatch(word):
                text, n = self.joined(), len(word)
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
        # every match holds `head` as written: paragraphs without it are not scanned (`needle`), and
        # an article without it needs no pattern at all
        if not any(head in t for t in self.masked):
            return None
        return self._last_match_before(pos, ("indefinite", head), partial(indefinite_spans, head), head, head)

    def aged_before(self, pos):
        """An earlier `a 43-year-old man` (an unnamed person introduced by age)."""
        return self._last_match_before(pos, ("aged",), partial(pattern_spans, _AGED), None, "year-old")

    def poll_before(self, pos) -> str | None:
        """The last poll or survey named before `pos`, in its paragraph or the one before."""
        return self._last_match_before(pos, ("poll",), partial(pattern_spans, POLL), None, back=1)

    def _last_match_before(self, pos, key, spans, head, needle=None, back=None):
        """The last match (`spans(text)`: its matches as `literal_scans.TextSpan` records) before `pos` =
        (paragraph, offset): in that paragraph's text up to the offset, else in the nearest earlier
        paragraph with one (at most `back` paragraphs back; None: any). Each paragraph is scanned once
        per pattern (cached), so many attributions in a long text cost linear, not quadratic, time; the
        result equals scanning `masked[pi][:off]` and the earlier paragraphs one by one."""
        pi, off = pos
        found = self._scans.get(key)
        if found is None:
            found = [spans(t) if needle is None or needle in t else [] for t in self.masked]
            self._scans[key] = found
        text = self.masked[pi]
        here = found[pi]
        # the cut text allows a word boundary at `off` that the whole text does not: a cut inside a
        # word, or right after the head (which may end in a full stop)
        cut_in_word = off > 0 and _WORD_CHAR.match(text, off) and _WORD_CHAR.match(text, off - 1)
        after_head = head is not None and text.endswith(head, 0, off) and _WORD_CHAR.match(text, off)
        if cut_in_word or after_head or any(s < off < e for s, e, _ in here):
            # a match across the offset, or one that only the cut text allows: scan the cut text
            cut = spans(text[:off])
            if cut:
                return cut[-1].text
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

    def add(self, name_words: list[str], role: str | None, org: bool = False, pos=None,
            courtesy: str | None = None, distinct: bool = False) -> Person:
        """The person a name phrase names (registered when new): a full name whose first name differs
        from those of the people already named with its surname is a new person; a surname alone
        is the most salient person with it at `pos` (`pick`; `courtesy`: the gender of a courtesy
        title written before the name, when it is not among `name_words`; `distinct`: the text says
        it is another person than those of its surname, as `Khizr and Ghazala Khan` does)."""
        honorifics = kind_words("honorific")
        words = [w for w in name_words if w.lower() not in honorifics]
        if words and words[-1].endswith(".") and len(words[-1]) > 3 and \
                words[-1].lower() not in _q.abbreviations():
            words = words[:-1] + [words[-1].rstrip(".")]
        if not words:
            words = name_words
        if not org:
            words = self.tidy_name(words)
            if len(words) == 1 and role and role.split()[-1].lower() in regnal_titles() \
                    and known_first_name(words[0]):
                words = [role.split()[-1], words[0]]     # `Prince Andrew`, `Pope Francis`: the title stays
        key = last_name(words).lower()
        p = self._person_for(key, words, courtesy or courtesy_gender(name_words), pos, org, distinct)
        if role and not org and not opens_with_first_name(words):     # `Senate Minority Whip Dick Durbin`: a person
            hits = cue_hits([clean_word(w) for w in role.split()])
            org = bool(hits) and min(hits, key=lambda h: h[0])[2]["kind"] == "org" and \
                not any(h[2]["kind"] == "role" for h in hits)
        if p is None:
            p = Person(" ".join(words), role, type_of(role, True) if role else None, org)
            self.by_last.setdefault(key, p)
            self.by_surname.setdefault(key, []).append(p)
        else:
            if not p.org and (len(words) > len(p.name.split()) and plausible_longer(words, p.name)
                              or first_name_for_word(words, p.name.split())):
                p.name = " ".join(words)
            if role and not p.role:
                p.role, p.type = role, type_of(role, True)
        return p

    def tidy_name(self, words: list[str]) -> list[str]:
        """A person's name without the headline or sentence words run into it: everything up to the
        last word the article also writes in lower case, or that opens an adverbial (`Outside Carrier`),
        that is no known first name and no particle (`Francois Hollande Says Donald Trump`, `Rival
        Hillary Clinton` -> the name after it), and
        without a weekday (`Broaddrick Sunday`) or a party or state letter at its end (`Wendy Nanney
        R.`, `Sander M. Levin Mich.`)."""
        if len(words) < 2 or not words[0][:1].isupper():
            return words
        suffixes = kind_words("name_suffix")
        while len(words) > 1 and WEEKDAY.match(words[-1].rstrip(".,")):
            words = words[:-1]          # `Miami Tuesday`, `Broaddrick Sunday`: a weekday is no surname
        if len(words) > 2 and STATE_TAIL.match(words[-1]) and words[-1].lower().rstrip(".") not in suffixes:
            words = words[:-1]
        cut = 0
        particles = kind_words("particle")
        speech_verb = verb_regex()
        for i, w in enumerate(words[:-1]):
            low = clean_word(w).lower()
            if low.isalpha() and low not in particles and not known_first_name(w) and \
                    (self.has_lower_word(low) or speech_verb.fullmatch(low) or low in fronted_words()):
                # a headline's speech verb ends the words before the name (`Francois Hollande Says
                # Donald Trump`) even when the article writes it only capitalised
                cut = i + 1
        return before_headline_verb(words[cut:])

    def get(self, word: str) -> Person | None:
        """The default person of a surname (see `pick` for the one a mention at a position means)."""
        return self.by_last.get(word.lower())

    def find(self, name: str) -> Person | None:
        """The person whose canonical name is `name`, else None."""
        words = name.split()
        if not words:
            return None
        for p in self.by_surname.get(last_name(words).lower(), ()):
            if p.name == name:
                return p
        return None

    def people(self) -> list[Person]:
        """Every person and organisation of the registry, in order of registration per surname."""
        return [p for people in self.by_surname.values() for p in people]

    def _person_for(self, key: str, words: list[str], title: str | None, pos, org: bool,
                    distinct: bool = False) -> Person | None:
        """The registered person a name (honorifics dropped) names, None when it is a new person."""
        people = self.by_surname.get(key)
        if not people:
            return None
        if len(words) == 1 or org:
            linked = self.linked_at(key, pos) if pos is not None else None
            return linked or self.pick(key, pos, title)
        same = same_person(people, words)
        if same is not None:
            return same
        if distinct or opens_with_first_name(words) and any(not p.org and opens_with_first_name(p.name.split()) for p in people):
            # a first name none of them has: another person of that surname (Bill and Hillary Clinton);
            # a name whose first word is no first name (`Liberal Oscar-winner Sarandon`) stays one
            return None
        return self.by_last[key]

    def pick(self, key: str, pos=None, title: str | None = None) -> Person:
        """The person a surname used alone means at `pos` = (paragraph, offset): of those of a
        compatible gender (a courtesy title or a pronoun, `m` / `f`, against the first name: an
        unknown first name is compatible; `Mr. Khan` is Khizr, not Ghazala Khan), the one last named in
        full earlier in the paragraph, else the one named in full most often in the article (the
        first registered before mentions are listed)."""
        people = self.by_surname[key]
        if len(people) == 1:
            return people[0]
        if title is not None:
            same = [p for p in people if gender_by_first_name(p.name) in (title, None)]
            if same:
                people = same
                if len(same) == 1:
                    return same[0]
        if pos is not None and self.full_mentions:
            best = best_pos = None
            for p in people:
                full = self.full_mentions.get(id(p))
                if full:
                    k = bisect.bisect_left(full, pos)
                    if k and full[k - 1][0] == pos[0] and (best_pos is None or full[k - 1] > best_pos):
                        best, best_pos = p, full[k - 1]
            if best is not None:
                return best
        default = self.by_last[key]
        return default if default in people else people[0]      # else the first registered

    def _pronoun_after(self, pos) -> str | None:
        """`m` / `f`: the first he / she after the mention at `pos` in its sentence (`Clinton said she
        would`), else None."""
        text = self.masked[pos[0]]
        end = _q.sentence_of(_q.sentence_bounds(text), pos[1])[1]
        m = SUBJECT_PRONOUN.search(text, pos[1], end)
        if m is None:
            return None
        return "m" if m.group().lower() == "he" else "f"

    def linked_at(self, key: str, pos) -> Person | None:
        """The person a listed mention of surname `key` alone at or just after `pos` (a speaker phrase's
        start: `Mrs. Clinton said`) was linked to, else None."""
        if not self.linked:
            return None
        k = bisect.bisect_left(self.mentions, pos, key=mention_pos)
        for j in range(k, min(k + 6, len(self.mentions))):
            mpos, _ = self.mentions[j]
            if mpos[0] != pos[0] or mpos[1] > pos[1] + 60:
                break
            person = self.linked.get(mpos)
            if person is not None and last_name(person.name.split()).lower() == key:
                return person
        return None

    def list_mentions(self, runs_by_para: list) -> None:
        """Every mention of a person in reading order (`mentions`): a word of a capitalised run that
        is a registered surname (`said Mr. Burman.` too). When several people share the surname, the
        first name before it decides (a mention by full name), else `pick` (a courtesy title before
        it, a he / she later in its sentence, the paragraph, the article); the surname's default becomes
        its person named in full first."""
        mentions = []
        bare = []                 # (index in mentions, surname, courtesy title)
        full = self.full_mentions = {}
        modifiers = self.modifier_mentions = set()
        by_last = self.by_last
        shared = {key for key, people in self.by_surname.items() if len(people) > 1}
        by_first = self._people_by_first_name()
        for pi, runs in enumerate(runs_by_para):
            for run in runs:
                for i, (word, start, _) in enumerate(run):
                    key = word.lower()
                    person = by_last.get(key)
                    if person is None and word[-1] in ".,;:":
                        key = key[:-1]
                        person = by_last.get(key)      # `said Mr. Burman.` ends a sentence
                    if person is None and len(run) == 1 and by_first:
                        first = key.rstrip(".,;:")
                        person = by_first.get(first)
                        if person is not None and not self.has_lower_word(first):
                            mentions.append(((pi, start), person))  # `And Donald, then in college, …`
                        continue
                    if person is None:
                        continue
                    if i + 1 < len(run) and self._opens_org_name(pi, run, i, person):
                        modifiers.add((pi, start))
                    if key in shared:
                        person = named_in_full(self.by_surname[key], run, i)
                        if person is None:
                            text = self.masked[pi]
                            title = "m" if MR_BEFORE.search(text, max(0, start - 5), start) else \
                                "f" if MS_BEFORE.search(text, max(0, start - 6), start) else None
                            bare.append((len(mentions), key, title))
                        else:
                            full.setdefault(id(person), []).append((pi, start))
                    mentions.append(((pi, start), person))
        if shared:
            for positions in full.values():
                positions.sort()
            for key in shared:
                people = self.by_surname[key]
                self.by_last[key] = min(people, key=lambda p: full.get(id(p), [(10 ** 9, 0)])[0])
            linked = self.linked = {}
            for j, key, title in bare:
                pos = mentions[j][0]
                person = self.pick(key, pos, title or self._pronoun_after(pos))
                mentions[j] = (pos, person)
                linked[pos] = person
        mentions.sort(key=mention_pos)
        self.mentions = mentions
        self._mention_index = None
        self._mark_written_places()

    def _people_by_first_name(self) -> dict[str, Person]:
        """{lower-case first name: person} for the first names that open the full name of exactly one
        registered person, that no person has as a surname and that the list knows as a first name
        (`Donald` for Donald J. Trump in a story that also names his brother Freddy): a first name used
        alone refers to that person (news features name people by their first name once introduced), so
        it is a mention a he / she can refer to. `list_mentions` also asks that the article never
        writes the word in lower case (`Will`, `Bill`)."""
        found: dict[str, Person | None] = {}
        for person in self.people():
            words = person.name.split()
            if person.org or len(words) < 2:
                continue
            first = words[0].rstrip(".,").lower()
            found[first] = None if first in found and found[first] is not person else person
        return {first: person for first, person in found.items()
                if person is not None and first not in self.by_last and known_first_name(person.name.split()[0])}

    def _mark_written_places(self) -> None:
        """Mark the one-word names the article writes as a place (`Person.place`): before a comma and
        a US state or country that ends its phrase (`in Nice, France,`, `St. Paul, Minnesota.`), or
        after `the city of` (`the city of Nice urged …`): an apposition of a place with the state or
        country it lies in, never a person (a person's state follows a role: `Sanders, Vermont's
        senator`, `Sen. Amy Klobuchar, Minnesota Democrat`)."""
        one_word = {p.name: p for p in self.by_last.values() if " " not in p.name and not p.org}
        if not one_word:
            return
        text = self.joined()
        for name, person in one_word.items():
            j = text.find(name + ",")       # a find per name: no regex over the whole article
            while j >= 0 and not person.place:
                m = _STATE_AFTER_COMMA.match(text, j + len(name) + 1)
                person.place = (j == 0 or not text[j - 1].isalnum()) and m is not None and \
                    m.group(1).lower() in place_names()
                j = text.find(name + ",", j + 1)
            if not person.place and "of " + name in text:
                person.place = settlement_named(text, name)

    def _opens_org_name(self, pi: int, run: list, i: int, person: Person) -> bool:
        """True when the surname run[i] of a name run (words with offsets) in paragraph `pi` opens the
        name of an organisation or a place: a space, then an organisation word of the taxonomy, right
        after it or after one more capitalised word the article never writes in lower case (`the
        Clinton Foundation`, `Trump University`, `Clinton Global Initiative`): the surname modifies that
        name and mentions nobody a pronoun could refer to. Not a particle (`Brown of Marion Avenue
        Baptist Church`), a party tag (`Reid (D-Nev.)`) nor a headline's verb (`Trump Makes Campaign`)."""
        word, _, end = run[i]
        if word != person.name.split()[-1] or self.masked[pi][end:run[i + 1][1]] != " ":
            return False
        after = [w for w, _, _ in run[i + 1:i + 3]]
        if not after[0][:1].isupper() or after[0] in person.name.split():
            return False
        if taxonomy_org_word(after[0]):
            return True
        return len(after) == 2 and taxonomy_org_word(after[1]) and not self.has_lower_word(after[0].lower())

    def last_before(self, pos: tuple[int, int], persons_only=True, gender=None) -> Person | None:
        """The person mentioned last before `pos` (of a compatible gender when one is asked)."""
        if gender is not None and not self._genders_done:
            self.guess_genders()
        best = exact = None
        best_pos = None
        # the mentions before `pos`, from the nearest back (mentions are in reading order): the
        # first that fits is the last one, and an exact match further back than three paragraphs
        # is never taken, so a pronoun costs the mentions of its neighbourhood, not the article's
        k = bisect.bisect_left(self.mentions, pos, key=mention_pos)
        fronted = self._fronted_participle(pos, k) if gender is not None else None
        for j in range(k - 1, -1, -1):
            mpos, p = self.mentions[j]
            if best is not None and (gender is None or exact is not None or pos[0] - mpos[0] > 3):
                break
            if fronted is not None and fronted[0] <= mpos < fronted[1]:
                continue
            if gender is not None and mpos in self.modifier_mentions:
                continue
            if not persons_only or not p.org:
                if gender is not None and (self._after_same_pronoun(mpos, gender) or not_a_referent(p)):
                    continue
                if best is None and (gender is None or p.gender is None or p.gender == gender):
                    best, best_pos = p, mpos
                if gender is not None and exact is None and p.gender == gender:
                    exact = (mpos, p)
        # a person known to match the pronoun, named within the last three paragraphs, wins
        if exact is not None and pos[0] - exact[0][0] <= 3:
            best, best_pos = exact[1], exact[0]
        if best_pos is not None:
            # within the sentence of that mention, the person named first (the subject; for a he / she,
            # never a name inside a prepositional phrase: `a testimonial to John Kerry`) wins; when
            # that mention is known to agree with the pronoun, only a subject that is known to agree
            # as well (not `Caesars Palace` before `Hillary Clinton took to Twitter … she wrote`)
            known = gender is not None and best.gender == gender
            text = self.masked[best_pos[0]]
            if gender is not None and inverted_speaker(text, best_pos[1]):
                return best         # `…, said Jake Horowitz, editor …`: the subject of an inverted report
            s0, e0 = _q.sentence_of(_q.sentence_bounds(text), best_pos[1])
            s0 = main_clause_start(text, s0, best_pos[1])     # the main clause's subject
            for j in range(bisect.bisect_left(self.mentions, (best_pos[0], s0), key=mention_pos), k):
                mpos, p = self.mentions[j]
                if mpos >= best_pos:
                    break
                if gender is not None and (mpos in self.modifier_mentions or
                                           in_prepositional_phrase(text, s0, mpos[1])):
                    continue            # a surname opening an organisation's name; a prepositional object
                if (not persons_only or not p.org) and \
                        (gender is None or p.gender == gender or (p.gender is None and not known)):
                    return p
        return best

    def _fronted_participle(self, pos, k: int) -> tuple | None:
        """(start, end) positions of a participle phrase that opens the pronoun's sentence when the
        pronoun is the first person after it (`Asked about her own vote in the event that Clinton
        faces Trump, she replied`): the phrase's understood subject is the pronoun's referent, so
        the names inside it are not (the participle's object is no antecedent of its subject)."""
        text = self.masked[pos[0]]
        s0, _ = _q.sentence_of(_q.sentence_bounds(text), pos[1])
        m = FIRST_WORD.match(text, s0)
        if m is None or not PARTICIPLE.fullmatch(m.group(1)) or known_first_name(m.group(1)):
            return None
        comma = text.find(",", m.end(), pos[1])
        if comma < 0 or (k and self.mentions[k - 1][0] >= (pos[0], comma)):
            return None
        return (pos[0], s0), (pos[0], comma)

    def first_mention_between(self, para: int, start: int, end: int) -> tuple | None:
        """The first mention (position, person) of paragraph `para` at or after offset `start` and
        before `end`, else None (a binary search: mentions are sorted by position)."""
        k = bisect.bisect_left(self.mentions, (para, start), key=mention_pos)
        if k < len(self.mentions) and mention_pos(self.mentions[k]) < (para, end):
            return self.mentions[k]
        return None

    def last_mention_before(self, person: Person, pos) -> tuple | None:
        """Position of the last mention of `person` before `pos` (a binary search in that person's
        mentions, listed once when first asked: no scan of the article per pronoun)."""
        if self._mention_index is None or self._mention_index[0] != len(self.mentions):
            index: dict[int, list] = {}
            for mpos, p in self.mentions:
                index.setdefault(id(p), []).append(mpos)
            self._mention_index = (len(self.mentions), index)
        positions = self._mention_index[1].get(id(person), [])
        k = bisect.bisect_left(positions, pos)
        return positions[k - 1] if k else None

    def _after_same_pronoun(self, mpos, gender) -> bool:
        """True when the mention at `mpos` follows a subject pronoun of `gender` in its sentence
        (`He then referred to Cooke's testimony`): that sentence is about the pronoun's referent,
        so a later pronoun of the same gender continues it rather than naming the mention."""
        key = (mpos, gender)
        hit = self._pron_hits.get(key)
        if hit is None:
            text = self.masked[mpos[0]]
            # a pronoun in a fronted clause (`As for … because she would be …, Fiorina offered`)
            # does not make the sentence about its referent: only the main clause's count
            s0 = main_clause_start(text, _q.sentence_of(_q.sentence_bounds(text), mpos[1])[0], mpos[1])
            hit = False
            for m in SUBJECT_PRONOUN.finditer(text, s0, mpos[1]):
                if (m.group().lower() == "he") == (gender == "m"):
                    hit = True
                    break
            self._pron_hits[key] = hit
        return hit

    def note_cue_pronoun(self, pos: tuple[int, int], name: str | None, pronoun: str) -> None:
        """Record that the he / she speaker phrase at `pos` (`"…," he said`, `she wrote that …`) was
        resolved to the person named `name` (once per phrase: the first resolution stands)."""
        person = self.find(name) if name and pronoun in ("he", "she") else None
        if person is not None:
            self.cue_pronouns.setdefault(pos, (person, pronoun))

    def cue_pronoun_counts(self, person: Person) -> tuple[int, int]:
        """(he, she): how many speaker phrases `he` / `she` of the article were resolved to `person`."""
        pronouns = [pron for p, pron in self.cue_pronouns.values() if p is person]
        return pronouns.count("he"), pronouns.count("she")

    def ensure_genders(self) -> None:
        """Run `guess_genders` once (it runs when a pronoun first needs a gender)."""
        if not self._genders_done:
            self.guess_genders()

    def guess_genders(self) -> None:
        """A person's gender from Mr/Ms titles and from he/his versus she/her (gender_votes.guess_genders)."""
        self._genders_done = True
        guess_genders(self)

POLL = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:[\w\u2019'.&-]+\s+){0,5}?"
                   r"(?:poll|survey)\b")
