"""analysis.sourcing.article, session 10 (issue 13, reported speech): headlines in title case, branch
s10-reported22. Every expected row is checked by hand on short written texts (not PolNeAR's)."""
from analysis.sourcing import article_attributions

BODY = "\n\nJane Roe, the mayor of Springfield, spoke on Monday."


def headline_rows(text):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text)
            if r.kind != "direct" and r.paragraph == 0]


def test_title_case_headline_verb_reports_speech():
    # the reporting-verb pattern is lower case: before 2026-12-04 `Says` / `Endorses` in a title-case
    # headline cued nothing
    assert headline_rows("Jane Roe Says She Never Pledged to Raise Taxes." + BODY) == [
        ("Jane Roe", "Says", "reported", "She Never Pledged to Raise Taxes")]
    assert headline_rows("Jane Roe Endorses John Doe for Governor." + BODY) == [
        ("Jane Roe", "Endorses", "stance", "John Doe for Governor")]


def test_title_case_headline_without_a_reporting_clause():
    # a noun after a possessive, a relative clause's verb, a subject that does not open the headline: no row
    for head in ("Jane Roe's Claim That the Budget Is Balanced Isn't True.",
                 "City Official Who Endorsed Jane Roe Just Called Her a Liar.",
                 "The 10 Things Jane Roe Said About the Budget."):
        assert headline_rows(head + BODY) == []


def test_headline_row_changes_no_body_row():
    # the headline's source is resolved after every other row
    text = "France's Jane Roe Backs John Doe and Denounces the Plan.\n\nJane Roe said the plan would fail."
    body = [(r.speaker, r.text) for r in article_attributions(text) if r.paragraph == 1]
    assert body == [("Jane Roe", "the plan would fail")]


def test_colon_headline_names_its_source():
    # `Source: claim`, a headline convention (PolNeAR annotates the colon as the cue): the name before the
    # colon is the source when the body names that person; not a label, a question or a name the body lacks
    assert headline_rows("Roe: No Outside Influence on the Budget." + BODY) == [
        ("Jane Roe", ":", "reported", "No Outside Influence on the Budget")]
    for head in ("The Latest: Roe Wins the Vote.", "Roe: Reformer or Typical Career Politician?",
                 "Budget Update: The Latest Count.", "Doe: Roe Will Lose."):
        assert headline_rows(head + BODY) == []


def test_colon_headline_after_a_poll_or_report():
    # one word naming a poll, a report or a newspaper before the colon (source types of source_types.csv)
    rows = [(r.speaker, r.source_type, r.cue, r.text) for r in
            article_attributions("Poll: Roe Leads Doe by Ten Points." + BODY) if r.paragraph == 0]
    assert rows == [("Poll", "poll_survey", ":", "Roe Leads Doe by Ten Points")]
    assert headline_rows("Update: Roe Leads Doe by Ten Points." + BODY) == []


def test_colon_headline_with_an_addressee_or_a_place():
    # `Clinton to Planned Parenthood: …`, `Former AG Mukasey at RNC: …`: the name before `to` / `at` speaks
    assert headline_rows("Roe to Teachers: The Budget Is Balanced." + BODY) == [
        ("Jane Roe", ":", "reported", "The Budget Is Balanced")]
    assert headline_rows("Mayor Roe at City Hall: No New Taxes." + BODY) == [
        ("Jane Roe", ":", "reported", "No New Taxes")]
