"""analysis.resources: the shared readers, checked word lists and interval merging."""
from __future__ import annotations

import pytest

from analysis import quotes, resources
from analysis.sourcing import lexicon


def test_word_list_fails_loudly_on_an_unknown_kind(tmp_path, monkeypatch):
    (tmp_path / "typo_words.csv").write_text("# provenance line\nword,kind,source\nsaid,speech,x\nsad,speach,x\n",
                                             encoding="utf-8")
    monkeypatch.setattr(resources, "DATA", tmp_path)
    with pytest.raises(resources.DataFileError, match=r"typo_words.csv: row 3 \('sad'\) has kind 'speach'"):
        resources.word_list("typo_words.csv", ("speech",))


def test_shipped_word_lists_load_with_every_kind_known():
    for kind in lexicon.SOURCING_WORD_KINDS:
        assert lexicon.kind_words(kind), kind             # every kind the rules read has words
    assert set(quotes.quote_words()) == set(quotes.QUOTE_WORD_KINDS)
    assert all(quotes.quote_words().values())
    assert "former" in lexicon.kind_words("role_modifier") and "'til" in quotes.quote_words()["elision"]
    with pytest.raises(KeyError):
        lexicon.kind_words("role_modifiers")             # a typo in a rule fails too


def test_rules_read_the_moved_word_lists():
    from analysis.sourcing import clauses, gender

    assert lexicon.kind_words("person_particle") <= lexicon.kind_words("particle")
    # a word after a speech verb starts a reported clause: pronoun, clause_opener, capital or digit
    assert [clauses.clause_starts(w) for w in ("there", "nothing", "he'd", "Officials", "3", "on", "goodbye")] \
        == [True, True, True, True, True, False, False]
    assert "told" in lexicon.kind_words("hearer_verb") and "during" in lexicon.kind_words("object_prep")
    assert gender._one_person(["Ludwig", "van", "Beethoven"]) is True


def test_merge_intervals():
    assert resources.merge_intervals([(5, 7), (1, 3), (2, 4), (4, 4), (8, 9)]) == [[1, 4], [5, 7], [8, 9]]
    assert resources.merge_intervals([(1, 3), (3, 5)]) == [[1, 5]]
    assert resources.merge_intervals([]) == []


def test_paragraphs_and_articles_argument():
    assert resources.paragraphs("a\n\nb\n\n") == ["a", "b", ""]
    assert resources.as_articles("body")["text"].tolist() == ["body"]
    assert list(resources.as_articles(None).columns) == ["article_id", "text"]


def test_typed_frame_gives_what_astype_gives():
    import numpy as np
    import pandas as pd

    from analysis.resources import typed_frame

    columns = ["article_id", "n", "share", "flag", "note"]
    dtypes = {"n": "int64", "share": "float64", "flag": bool}
    cases = [[("a", 1, 0.5, True, None), ("b", 2, None, False, "x")],
             [],
             [{"article_id": 7, "n": 3, "share": 1, "flag": 0, "note": None}]]
    for rows in cases:
        built = typed_frame(rows, columns, dtypes)
        expected = pd.DataFrame(rows, columns=columns).astype(dtypes)
        pd.testing.assert_frame_equal(built, expected)
        assert built.to_csv(index=False) == expected.to_csv(index=False)
    first = typed_frame(cases[0], columns, dtypes)
    assert first["n"].tolist() == [1, 2] and np.isnan(first.loc[1, "share"])
    assert first["flag"].tolist() == [True, False] and first["note"].tolist()[1] == "x"
    assert typed_frame([], columns, dtypes)["article_id"].dtype == object


def test_fewer_collections_raises_and_restores_the_first_threshold():
    import gc

    from analysis.resources import GC_FIRST_THRESHOLD, fewer_collections

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 11, 12)
        with fewer_collections:
            assert gc.get_threshold() == (GC_FIRST_THRESHOLD, 11, 12)
            with fewer_collections:                     # nested: the outer block restores
                pass
            assert gc.get_threshold() == (GC_FIRST_THRESHOLD, 11, 12)
        assert gc.get_threshold() == (700, 11, 12)

        @fewer_collections
        def inside():
            return gc.get_threshold()[0]

        assert inside() == GC_FIRST_THRESHOLD and gc.get_threshold() == (700, 11, 12)
        gc.set_threshold(0, 11, 12)                     # automatic collection off: left off
        with fewer_collections:
            assert gc.get_threshold() == (0, 11, 12)
        gc.set_threshold(50_000, 11, 12)                # already higher: left as it is
        with fewer_collections:
            assert gc.get_threshold() == (50_000, 11, 12)
        assert gc.get_threshold() == (50_000, 11, 12)
    finally:
        gc.set_threshold(*saved)
