"""Where a reported clause starts and where its content ends, shared by the reported-speech scan
(analysis/sourcing/cues.py: `X said that ...`, `..., officials said.`) and the stance cues
(analysis/sourcing/stance.py): a word that opens a clause (`clause_starts`, `open_class_start`), the
content from a position to its sentence's end, at most MAX_CLAIM characters (`reported_content`), and
the content on either side of a post-cue or parenthetical `X said` (`around_subject`).
"""
from __future__ import annotations

import re

from analysis.sourcing.lexicon import NUL, clean_word, kind_words

_THAT_TO = re.compile(r"\b(?:that|to|if|whether)\b")

CONTRACTION = re.compile(r"['\u2019](?:d|s|ll|re|ve|m)$")
# word lists of analysis/data/sourcing_words.csv, read once (attributions are a hot path)
_PRONOUNS = kind_words("pronoun")
_CLAUSE_OPENERS = kind_words("clause_opener")


def clause_starts(word: str) -> bool:
    """A word that may open a reported clause after a speech verb: a pronoun (with its contraction:
    `he'd`), a clause opener of analysis/data/sourcing_words.csv, a capitalised word or a digit."""
    w = CONTRACTION.sub("", word.lower())          # he'd, she's, they're
    return w in _PRONOUNS or w in _CLAUSE_OPENERS or word[:1].isupper() or word[:1].isdigit()


VERB_WINDOW = 400              # characters around a verb that decide reported speech
MAX_CLAIM = 2_000              # characters of a reported claim at most (real ones: under 600)


# a quantifier with `of` or `than` opening a clause's subject (Quirk et al. 1985, 6.49 and 5.25: `much of his
# discussion`, `more than 1 million donors`, `none of the other candidates`)
_QUANTIFIER_HEADS = frozenset("much more most many some all none half few several both each".split())


def open_class_start(tail_words: list[str], skip: int) -> bool:
    """A lower-case content word opening a reported clause (`said social media success depends on
    …`): alphabetic, not an adverb in -ly, not a word that starts a time, place or object phrase
    (`not_clause_start` in analysis/data/sourcing_words.csv), and a clause of four words or more."""
    if len(tail_words) < skip + 4:
        return False
    word = clean_word(tail_words[skip])
    if word.lower() in _QUANTIFIER_HEADS and clean_word(tail_words[skip + 1]).lower() in ("of", "than"):
        return True             # `said much of his discussion … was`, `said more than 1 million donors made`
    return word.replace("-", "").isalpha() and word.islower() and not word.endswith("ly") and \
        word not in kind_words("not_clause_start")      # `working-class whites could …` too


def reported_content(masked, sp, pos, e):
    """(sp, start, end) of reported content from `pos` to its clause's end `e` (trailing marks and
    spaces cut), at most MAX_CLAIM characters; None under two words."""
    while pos < e and masked[pos].isspace():
        pos += 1
    if e - pos > MAX_CLAIM:
        # a reported claim runs to its sentence's end, at most MAX_CLAIM characters (cut at a
        # space): longer "sentences" are unpunctuated scrapes, and a claim per verb running to their
        # end would make the table grow with the square of their length
        cut = masked.rfind(" ", pos, pos + MAX_CLAIM)
        e = cut if cut > pos else pos + MAX_CLAIM
    end = e
    while end > pos and (masked[end - 1] in " .;:!?" or masked[end - 1].isspace()):
        end -= 1
    if len(masked[pos:min(end, pos + 200)].split()) < 2:
        return None
    return sp, pos, end


# a non-restrictive relative clause open before a verb (`the announcement, which some have argued was
# intended …, was`, `Jeb Bush, who supports the bill, said`): its comma-bounded clause closes at the next
# comma (Quirk et al. 1985, 17.22-17.23: a non-restrictive relative is set off by commas)
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who|whom)\s[^,;:\x00]*$")
# … and the comma that closes it is followed by the main clause's predicate (`, was an "insult"`, `, said
# Thursday`, `, recently ordered`): a finite verb, an auxiliary or a past form in -ed, after an optional -ly adverb
_PREDICATE_RESUMES = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|should|may|"
                                r"might|must|does|did|do|said|says|told|tells|[a-z]{2,}ed|[a-z]{2,}[^s\W]s)\b")
_PREDICATE_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|"
                             r"do|[a-z]{2,}ed)\b")    # (no -s form: `the policing failures`)
_THAT_OPENS = re.compile(r"\w+(?:\s+[a-z]+ly)?\s+that\s")
_RELATIVE_REACH = 200           # characters back from the verb to the relative pronoun, at most


def relative_clause_end(masked: str, s: int, e: int, pos: int) -> int:
    """The end of the clause of a verb at `pos` in sentence masked[s:e]: the comma that closes a
    non-restrictive relative clause opened before the verb (`, which some have argued …,`), else `e`."""
    if masked.find(", wh", max(s, pos - _RELATIVE_REACH), pos) < 0 or \
            _RELATIVE_BEFORE.search(masked, max(s, pos - _RELATIVE_REACH), pos) is None:
        return e
    that = _THAT_OPENS.match(masked, pos, e)
    close = masked.find(",", pos, e)
    while close >= 0 and (not _PREDICATE_RESUMES.match(masked, close + 1, e) or
                          that is not None and _PREDICATE_WORD.search(masked, that.end(), close) is None):
        # `that the two men, and Mr. Cruz in particular, must`, `that Mr. Jäger, under fire …, would`: a comma
        # before the reported clause's own predicate is inside it
        close = masked.find(",", close + 1, e)
    return close if close >= 0 else e


# after `…, X said,` a participle clause (`, recalling …`) or the
# anonymity formula is the reporter's, not the rest of the content: the content is the stretch before
_NOT_CONTENT_AFTER = re.compile(r"\s*(?:[a-z]+ing\b|on\s+(?:the\s+)?condition\b)")


def around_subject(masked: str, s: int, e: int, m, sp, tail_words: list[str]):
    """Reported speech on both sides of `X said`: the parenthetical `In the end, Mr. Rosenthal said,
    union voters …` (the longer side is the content) and the post-cue `content, X said (on
    Monday).`, `…, federal officials said.`; the stretch before the subject is read at most
    MAX_CLAIM characters back, so a sentence of many verbs stays linear."""
    parenthetical = masked.startswith(",", m.end())
    semicolon = masked.find(";", m.end(), e)
    if semicolon >= 0 and not parenthetical:
        e = semicolon           # `…, political analysts say; in 2012, …`: the clause ends at the semicolon
        tail_words = masked[m.end():e].split()
    if not parenthetical and len(tail_words) > 6:
        return None                     # neither layout: no slice of the stretch before the subject
    pre_lo = max(s, sp.start - MAX_CLAIM)
    pre = masked[pre_lo:sp.start].rstrip()
    if parenthetical and pre.endswith(",") and NUL not in pre[-3:]:
        after = m.end() + 1
        if len(masked[after:min(e, after + MAX_CLAIM)].split()) >= len(pre.split()) and \
                not _NOT_CONTENT_AFTER.match(masked, after, e):
            return reported_content(masked, sp, after, e)
        return (sp, s, pre_lo + len(pre) - 1) if len(pre.split()) >= 2 else None
    if len(tail_words) <= 6 and not _THAT_TO.search(masked[m.end():e]):
        cut = pre.rfind(",")
        if cut >= 0 and len(pre[cut + 1:].split()) <= 4 and len(pre[max(0, cut - 200):cut].split()) >= 4 \
                and NUL not in pre[max(0, cut - 3):cut]:
            return sp, s, pre_lo + cut
    return None
