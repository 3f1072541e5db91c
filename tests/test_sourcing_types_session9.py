"""Source types, issue 13 session 9 (2026-12-04, branch s9-types11). Each expected type was checked by
reading it against tests/gold/QUOTES_ANNOTATION.md; each case fails on 46ae198 (the session's start).
- A prince without an office is `other` (third development set: Prince Andrew); a reigning king or queen
  stays a head of state.
- A person's role read back over a list (`the two invited witnesses, former astronaut Tom Stafford`): the
  plural role names the group, the later role word is the person's own.
- A title of several words whose last word is no cue of its own ends a title before a name (`Former House
  speaker Newt Gingrich`)."""
from __future__ import annotations

import pytest

from analysis import sourcing
from analysis.sourcing.lexicon import type_of


def direct_types(text):
    return [(r.speaker, r.source_type) for r in sourcing.article_attributions(text) if r.kind == "direct"]


@pytest.mark.parametrize("role, expected", [
    ("Prince", "other"),
    ("King", "government_official"),
    ("witnesses former astronaut", "expert_academic"),
    ("refugees Mayor", "government_official"),
    # a singular role first still decides; `witness` alone is an ordinary person
    ("witness", "citizen_eyewitness"),
    ("former astronaut", "expert_academic"),
])
def test_person_roles_session9(role, expected):
    assert type_of(role, person=True) == expected


def test_plural_list_role():
    text = ("At the hearing, the two invited witnesses, former astronaut Tom Stafford and retired engineer "
            "Ann Lee, backed up that assessment.\n\n\"You need a big booster,\" Stafford said.")
    assert direct_types(text) == [("Tom Stafford", "expert_academic")]


def test_compound_title_before_name():
    text = ("Other defenders pointed to earlier cases. Former House speaker Newt Gingrich noted that both men "
            "had survived criticism.\n\n\"It happens to everyone,\" Gingrich said.")
    assert direct_types(text) == [("Newt Gingrich", "politician")]


@pytest.mark.parametrize("text, expected", [
    # a definite description continues the previous sentence's subject, not the person named last in it
    ("Donald Trump said Friday that it would have been nice had Hillary Clinton congratulated him.\n\n"
     "\"I was curious to see what she would do,\" the Republican nominee said at a rally.",
     [("Donald Trump", "politician")]),
    # a short form of the same given name is one person, not two sharing a surname
    ("Ken Starr praises the former president.\n\nKenneth Starr, the Whitewater independent counsel who "
     "pursued Bill Clinton, spoke highly of him.\n\n\"He has remarkable gifts,\" Starr said.",
     [("Ken Starr", "government_official")]),
    # supporters and adoptees described so are ordinary people
    ("Sandra Inman, a Cruz supporter from Jackson, attended the convention.\n\n\"He changed the "
     "conversation,\" Inman said.", [("Sandra Inman", "citizen_eyewitness")]),
    ("At games, Justin Ki Hong, an adoptee from South Korea, sang the anthem.\n\n\"I felt American,\" "
     "Ki Hong said.", [("Justin Ki Hong", "citizen_eyewitness")]),
    # an electoral race: vying for the presidency
    ("Donald Trump, who is vying to be the next president, tweeted on Friday.\n\n\"I never suggested "
     "it,\" Trump said.", [("Donald Trump", "politician")]),
    # managing a campaign is campaign staff
    ("\"The fear is high,\" said Scott Reed, who managed Bob Dole's 1996 campaign.",
     [("Scott Reed", "politician")]),
    # an occupation in the title before the name outranks an ordinary person's word after it
    ("Silicon Valley billionaire Peter Thiel, a strong supporter of gay marriage, will speak.\n\n"
     "\"Many people are uncertain,\" Thiel wrote.", [("Peter Thiel", "business")]),
])
def test_descriptions_session9(text, expected):
    assert direct_types(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a plural apposition after two coordinated names describes both
    ("The reporters are Anna Palmer and Jake Sherman, two of the best-sourced reporters in Washington.\n\n"
     "\"We like to break news,\" said Palmer.", [("Anna Palmer", "media_news_agency")]),
    # a singular one describes only the last name
    ("Ann Lee and Bob Dole, the senator from Kansas, met.\n\n\"It went well,\" Lee said.", [("Ann Lee", "other")]),
    # where a person lives introduces a resident
    ("Michael Seaman, who lives in an unincorporated area outside Sacramento, came early.\n\n"
     "\"I still support him,\" Seaman said.", [("Michael Seaman", "citizen_eyewitness")]),
    # a bare role after `who served as` opened by a lower-case modifier
    ("Robert Reich, who served as labor secretary during the first term, spoke.\n\n\"It is bold,\" Reich said.",
     [("Robert Reich", "government_official")]),
])
def test_descriptions_session9_round2(text, expected):
    assert direct_types(text) == expected
