"""Closed-class words that bound a description of a person in running text, shared by the rules that
read the article's descriptions (`sourcing.described`: titles, appositions) and those that read
definite descriptions and pronouns as anaphors (`sourcing.anaphora`: rules 13 and 19 of issue 13).
Split from `described` (session 10, size limit); the values are unchanged.
"""
from __future__ import annotations

# characters that close a description: punctuation, a masked quotation (\x00), quotation marks, `)`
BOUNDARY = ",;:.!?\x00\"\u201c\u201d)"
# function words and speech verbs a title or description never runs across (back from a name or forward
# from `the`): a description stops there
BEFORE_STOP = frozenset("said says say told tells asked added wrote writes according by with to for from "
                        "than as that when while after before at on in into is was are were has have had "
                        "who whom which where why how if but or nor so".split())
# finite auxiliaries and copulas: a phrase holding one is a clause, not a description
FINITE_VERBS = frozenset("is was are were has had have will would can could did does do".split())
# the copula and `as` before a predicate noun phrase (`he was the mayor of Burlington`, `cast ... as`):
# such a phrase describes the subject already named, so it is no title or anaphor of its own
PREDICATIVE = frozenset("is was are were be been being became become becomes as".split())
