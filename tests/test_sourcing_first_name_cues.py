"""A known first name that opens a longer organisation cue of the taxonomy is a first name unless the whole
cue follows (issue 13, 2026-12-04): `Al` opens `al jazeera` (source_types.csv), which used to make every
`Al Sharpton`, `Al Franken`, `Al Gore` an organisation name, so the person was never registered in full and
their quotes went to a bare, untyped surname."""
from analysis.sourcing import article_attributions
from analysis.sourcing.names import names_an_org


def test_first_name_opening_a_longer_cue_is_no_organisation():
    assert not names_an_org(["Al", "Sharpton"])
    assert not names_an_org(["Al", "Franken"])
    assert names_an_org(["Al", "Jazeera"])                       # the whole cue follows
    assert names_an_org(["National", "Labor", "Relations", "Board"])  # not a first name: as before


def test_people_named_al_are_registered_in_full():
    text = ("Head\n\nThe activist Al Sharpton spoke on Sunday. \"We will march,\" Sharpton said.\n\n"
            "Sen. Al Franken agreed. \"It is time,\" Franken said.\n\n"
            "\"We report the news,\" Al Jazeera said in a statement.")
    got = [(a.speaker, a.source_type, a.gender) for a in article_attributions(text)]
    assert got == [("Al Sharpton", "civil_society_ngo", "male"), ("Al Franken", "politician", "male"),
                   ("Al Jazeera", "media_news_agency", None)]
