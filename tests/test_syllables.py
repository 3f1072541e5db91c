"""Syllables (analysis.syllables): dictionary, numbers read aloud, compounds, acronyms, and the
measured guess for words outside the dictionary."""

import pytest

from analysis import syllables as S


@pytest.mark.parametrize("token, n", [
    ("2025", 5),          # twenty twenty-five (a year)
    ("1918", 4),          # Flesch (1949): nineteen eighteen
    ("1,500", 6),         # one thousand five hundred
    ("1.5", 3),           # one point five
    ("$5", 3),            # five dollars (Flesch: "$" = two syllables)
    ("5%", 3),            # five percent
    ("5th", 1),           # fifth
    ("1990s", 4),         # nineteen nineties
    ("U.S.", 2),          # CMU "u.s.", not "us"
    ("two-on-one", 3),    # the sum of its parts
    ("NHS", 3), ("W", 3),  # acronyms by their letters
    ("don\u2019t", 1), ("Denmark\u2019s", 2), ("the", 1),
    ("every", 2),         # shortest pronunciation (EH1 V R IY0), not EH1 V ER0 IY0
    ("\u2014", 0), ("...", 0),
])
def test_hand_counts(token, n):
    assert S.count(token) == n

def test_first_pronunciation_option():
    assert S.count("every", pronunciation="first") == 3 and S.count("every") == 2

def test_number_words():
    assert S.number_words("2025") == ["twenty", "twenty", "five"]
    assert S.number_words("$1,200") == ["one", "thousand", "two", "hundred", "dollars"]
    assert S.number_words("12345678901234567890") == ["one", "two", "three", "four", "five", "six", "seven",
                                                      "eight", "nine", "zero"] * 2
    assert S.number_words("abc") is None

def test_fallback_measured_on_held_out_dictionary_words():
    # issue 15: >= 80% right and mean error within +-0.1 on dictionary words held out from training.
    # The shipped weights were fitted on every word, so this refits on 90% (the split of
    # benchmarks/train_syllables.py) and scores the other 10%.
    import re
    import sys
    from pathlib import Path

    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import train_syllables as T

    table = T.dictionary_words()
    train = sorted(w for w in table if not T.held_out(w))
    test = sorted(w for w in table if T.held_out(w))
    assert len(test) > 10_000 and not set(test) & set(train)
    model = S.Model(T.fit(train, np.array([table[w] for w in train], dtype=float)))
    errors = np.array([model.guess(w) - table[w] for w in test])
    assert (errors == 0).mean() >= 0.90        # measured 0.944; issue floor 0.80
    assert abs(errors.mean()) <= 0.05          # measured -0.021; issue bound 0.1
    assert all(re.fullmatch(r"[a-z]+", w) for w in test[:100])

def test_shipped_model_is_checked_when_loaded(tmp_path):
    bad = tmp_path / "model.csv"
    bad.write_text("# provenance\nfeature,weight\nbias,abc\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad row"):
        S.model(str(bad))
    bad.write_text("feature,score\nbias,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns"):
        S.model(str(bad))
    assert S.model().guess("palmyra") == 3 and S.guess("blorfing") == 2


def test_superscript_and_subscript_digits_are_read_as_digits():
    # `km²`, `CO₂`: digits to str.isdigit but not decimal; they used to be split into themselves
    # forever (RecursionError, and the article left out of readability)
    assert S.count("CO₂") == S.count("CO2") == S.count("CO") + S.count("2") == 2
    assert S.count("H₂O") == S.count("H2O") == 3      # aitch, two, oh
    assert S.count("km²") == S.count("km2")
