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
