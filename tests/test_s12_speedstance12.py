"""Session 12 / speedstance12: `gender.apposition_gender` builds its per-name pattern only when a gendered noun
precedes an occurrence of the name (an exact pre-check); the answers are those of the pattern alone."""
from analysis.sourcing.gender import apposition_gender


def test_apposition_found_past_a_first_occurrence_without_noun():
    text = "Ivana spoke first. Later his first wife,\n\tIvana, said so."
    assert apposition_gender("Ivana", text).gender == "female"


def test_apposition_without_comma_and_with_two_spaces():
    assert apposition_gender("Nick Merrill", "her spokesman  Nick Merrill said").noun == "spokesman"


def test_no_white_space_or_no_noun_before_the_name():
    assert apposition_gender("Ivana", "his wife,Ivana spoke") is None        # `\s+` needs white space
    assert apposition_gender("Ivana", "his friend, Ivana spoke") is None    # not a gendered noun
    assert apposition_gender("Ivana", "Ivana spoke") is None
