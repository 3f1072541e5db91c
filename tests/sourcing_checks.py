"""Helpers shared by the sourcing tests written as short texts (tests/test_sourcing_salience.py,
tests/test_sourcing_surnames.py): the speakers the kit gives and the people its registry holds."""
from __future__ import annotations

from analysis import quotes as _q
from analysis import sourcing
from analysis.sourcing.names import build_registry


def speakers(text, kind="direct"):
    """(speaker, gender) of each attribution of `kind` in `text`, in order."""
    return [(r.speaker, r.gender) for r in sourcing.article_attributions(text) if r.kind == kind]


def people(text):
    """The sorted names of the people and organisations the registry of `text` holds."""
    return sorted(p.name for p in build_registry(_q.masked_paragraphs(text)[0]).people())
