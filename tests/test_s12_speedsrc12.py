"""Session 12 speed changes (speedsrc12): same results as the code they replace."""
from analysis import readability
from analysis.sourcing import article


def test_fronted_ing_starts_skip_paragraphs_without_ing():
    # no `ing` anywhere: no capitalised -ing form can open a sentence
    assert article._fronted_ing_starts("The mayor said. Then he left.") == []
    # hand-checked offsets: `Noting` at 0, `Saying` after the first full stop and its space (offset 34)
    text = "Noting the plant closed, he left. Saying nothing, she went."
    assert article._fronted_ing_starts(text) == [0, 34]
    assert text[34:40] == "Saying"


def test_text_total_sums_every_word_column():
    # `The cat sat. Dogs run quickly.`: 6 words, 2 sentences; every count the sum over its words
    total = readability.count("The cat sat. Dogs run quickly.")
    assert (total["sentences"], total["words"], total["tokens"]) == (2, 6, 6)
    assert total["syllables"] == 1 + 1 + 1 + 1 + 1 + 2          # `quickly` has two
    assert total["letters"] == len("Thecatsat") + len("Dogsrunquickly")
    assert total["polysyllables"] == 0
