"""Two guards on session 11's stance layouts, from the seed page (hand-checked, 2026-12-05): a stance adjective
whose sentence a trailing reporting clause gives to another source is no source of its own, and a verb of
receiving takes its own subject as the content, never the subject of the sentence it is embedded in."""
from analysis.sourcing.article import article_attributions


def _rows(text):
    return [(r.speaker, r.kind, r.cue) for r in article_attributions(text)]


def test_stance_adjective_inside_another_sources_reporting_clause_is_no_source():
    text = ("Norway is prepared to send engineers if a ceasefire holds, Foreign Minister Anna Berg and "
            "Defence Minister Ole Dahl said on Tuesday.")
    speakers = [s for s, _, _ in _rows(text)]
    assert "Norway" not in speakers
    assert "Anna Berg and Ole Dahl" in speakers or any("Anna Berg" in (s or "") for s in speakers)


def test_stance_adjective_without_a_reporting_clause_is_still_read():
    rows = _rows("Several union leaders are prepared to back the plan if wages rise.")
    assert ("several union leaders", "stance", "prepared") in rows


def test_received_support_takes_the_receiving_verbs_own_subject():
    text = ("After the vote, the ministers said that the government had clarified its stance and received "
            "broad support from several parties.")
    assert not any(s == "several parties" for s, _, _ in _rows(text))
    rows = _rows("The proposal has drawn harsh criticism from fellow candidates.")
    assert any(s == "fellow candidates" for s, _, _ in rows)
