"""Binding of a he / she by the subject of its own clause (`…, Susan said as she turned around`):
the text test `Registry.guess_genders` uses to attach such a pronoun to the speaker named right
before the speech verb, rather than to the first person named in the sentence."""
from __future__ import annotations

import re

from analysis.sourcing.lexicon import verb_regex
from analysis.sourcing.records import Person

# a speech verb, an optional subordinator, then the pronoun (`Susan said as she turned around`)
_VERB_THEN_PRONOUN = re.compile(r"([a-z]+)\s+(?:(?:as|while|when|that|because|after|before|if|since)\s+)?$")
_SURNAME_BEFORE_VERB = re.compile(r"[A-Z][\w.'\u2019-]*\s+")


def speech_subject_before(text: str, inside: list, at: int) -> Person | None:
    """The person named right before the speech verb that comes right before the pronoun at `at`
    (`…, Susan said as she turned around`, `Trump says he …`): a pronoun in the clause a speech verb
    governs, or in an adjunct of that clause, refers to the verb's subject (logophoric reference: Sells
    1987, "Aspects of logophoricity", Linguistic Inquiry 18(3)); None when no such layout. `inside`: the sentence's mentions (offset, person) in reading order."""
    if not inside or inside[0][0] >= at:
        return None
    m = _VERB_THEN_PRONOUN.search(text, max(0, at - 30), at)
    if m is None or not verb_regex().fullmatch(m.group(1)):
        return None
    for off, person in reversed(inside):
        if off < m.start():
            if not _SURNAME_BEFORE_VERB.fullmatch(text, off, m.start()):
                return None
            # the name opens its clause (sentence start, a comma or quotation mark, or titles before
            # it): not `the tech news site Pando said`, `Stacy Baker of Columbia, South Carolina says`
            return person if _CLAUSE_OPENS_BEFORE.search(text, max(0, off - 60), off) else None
    return None


_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|[,;:\u201d\"]\s*|[.!?]\s+)(?:[A-Z][\w.'\u2019-]*\s+)*$")
