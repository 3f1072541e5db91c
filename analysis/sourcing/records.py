"""Records passed between the sourcing steps: a person of the article's registry (`Person`), a
parsed source phrase (`Speaker`), a resolved source (`Resolved`), an earlier source of the article
(`HistoryEntry`), and one attribution row (`Attribution`). The quotes they attach to are
`analysis.quotes.Quote` records.
"""
from __future__ import annotations

from typing import NamedTuple


class Person:
    __slots__ = ("name", "role", "type", "org", "gender", "place")

    def __init__(self, name, role=None, type_=None, org=False):
        self.name, self.role, self.type, self.org = name, role, type_, org
        self.gender = None
        self.place = False    # a one-word name the article writes as a place (`Nice, France`)


class Speaker:
    __slots__ = ("kind", "words", "role", "start", "text")

    def __init__(self, kind, words, role=None, start=0, text=""):
        self.kind, self.words, self.role, self.start, self.text = kind, words, role, start, text


class Resolved(NamedTuple):
    """A source phrase resolved: canonical speaker (None: nobody we can name), role as written,
    source type."""
    speaker: str | None
    role: str | None
    source_type: str


class HistoryEntry(NamedTuple):
    """A source resolved earlier in the article, for `they`, `the statement`, `the ministry`."""
    name: str | None
    role: str | None
    type: str
    is_group: bool            # a description or an organisation, not a person
    sentence: str             # its sentence, lower case (masked)
    pos: tuple | None = None  # (paragraph, sentence start, sentence end) of the attribution


class Attribution(NamedTuple):
    """One row of `attributions` (without the article id): who said what, where in the paragraph."""
    paragraph: int
    speaker: str | None
    role: str | None
    source_type: str
    cue: str | None
    kind: str                 # direct / reported / stance / according_to
    text: str
    start: int
    end: int
    gender: str | None = None            # female / male / unknown; None: not a person (sourcing.gender)
    gender_evidence: str | None = None   # what decided it
    # `article`: the article's own words typed the source (a role, a description, an organisation's
    # name); `no evidence`: `other` because the article says nothing that types it (the corpus pass,
    # `sourcing.corpus_types`, may type such a person from other articles)
    source_type_evidence: str | None = None
