"""He/she speakers, session 8 round 2 (issue 13): a name that the pronoun's own clause goes on to use
is not what the pronoun stands for (binding theory's principle C). Short texts modelled on PolNeAR
dev articles (benchmarks/validate_polnear.py); every expected speaker was checked by reading the
text. The first two fail on main at 5473d21."""
from __future__ import annotations

from analysis.sourcing import article_attributions


def _speakers(text: str, kind: str = "direct") -> list[str | None]:
    return [r.speaker for r in article_attributions(text) if r.kind == kind]


def test_the_person_a_pronoun_speaks_to_is_not_the_pronoun():
    # `he told Hannity`: whoever told Hannity is not Hannity (5473d21: Sean Hannity, named last)
    text = ("Donald Trump spoke to Sean Hannity at a rally in Austin.\n\n"
            "Hannity asked Trump how high the wall would be.\n\n"
            "\u201cI think the height could be 35 to 45 feet,\u201d he told Hannity, to cheers from the crowd.")
    assert _speakers(text) == ["Donald Trump"]


def test_a_name_the_pronouns_clause_goes_on_to_use_is_not_its_referent():
    # `He has declared Cruz to be "anointed"`: the one declaring is Beck, the subject of the sentence
    # before (5473d21: Ted Cruz, the last man named before `He`)
    text = ("Glenn Beck spoke in Indiana for Ted Cruz.\n\n"
            "Beck, who has called Donald Trump a sociopath, clearly meant the audience to turn away from "
            "him. The radio talker has filled his rally speeches for Cruz with religious imagery. He has "
            "declared Cruz to be \u201canointed\u201d by God.")
    assert _speakers(text) == ["Glenn Beck"]


def test_a_surname_inside_a_longer_name_does_not_rule_the_person_out():
    # `he welcomed the former president to a newly built Trump National Golf Club`: the club's name
    # is no mention of Trump, so `he` stays Trump, the subject of the clause before
    text = ("Bill Clinton left the White House in 2001, and Donald Trump wrote to him.\n\n"
            "When Mr. Clinton had trouble joining a golf club, Mr. Trump boasted that he welcomed the "
            "former president to a newly built Trump National Golf Club, a short drive away.")
    assert [r.speaker for r in article_attributions(text) if r.cue == "welcomed"] == ["Donald Trump"]
