"""Corpus-level source gender (issue 13, session 11, `analysis.sourcing.corpus_gender`): a person whose
article gives no evidence of their gender takes the one the corpus's other articles give them from their
own evidence (pronouns, titles, gendered nouns), never from a first-name guess. Expected values
hand-checked on a made-up corpus of five articles (Casey and Avery: first names the name list leaves
undecided)."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis import sourcing
from analysis.producers import concat_tables
from analysis.sourcing.corpus_gender import with_corpus_gender

TEXTS = {
    # he: Casey Whitfield male by a pronoun; she: Avery Castell female by a pronoun
    "a1": 'Casey Whitfield spoke to voters on Tuesday.\n\n"We will win this state," Whitfield said. He added that '
          'the race was close.\n\nAvery Castell, a lawyer, disagreed. She said the count was wrong.\n\n'
          '"It is not over," Castell said.',
    # Mr. Whitfield: male by title; he: Avery Castell male here (a conflict with a1)
    "a2": 'Mr. Whitfield visited the factory on Monday with Casey Whitfield\'s staff.\n\n"Jobs come first," '
          'Casey Whitfield told workers.\n\n"I will appeal," Avery Castell said. He said the ruling was unfair.',
    # no evidence for either
    "a3": '"Taxes are too high," Casey Whitfield said at the rally.\n\n"We will see," Avery Castell said.',
    "a4": '"The plant stays open," Casey Whitfield said.\n\n"Nothing changes," Whitfield said on Friday.',
    # a surname alone: no name key, stays unknown
    "a5": '"It was a long day," Whitfield said.',
}
CORPUS_MALE = "corpus: male by article evidence in 2 of 2 articles; article: no evidence"


@pytest.fixture(scope="module")
def table():
    return sourcing.attributions(pd.DataFrame({"article_id": list(TEXTS), "text": list(TEXTS.values())}))


def _person(table, article, speaker):
    rows = table[(table["article_id"] == article) & (table["speaker"] == speaker)]
    assert len(rows) >= 1 and rows[["gender", "gender_article", "gender_evidence"]].nunique().max() == 1
    return rows.iloc[0]


def test_article_evidence_spreads_to_articles_without_it(table):
    for article in ("a3", "a4"):
        row = _person(table, article, "Casey Whitfield")
        assert (row["gender"], row["gender_article"], row["gender_evidence"]) == ("male", "unknown", CORPUS_MALE)


def test_deciding_articles_keep_their_evidence(table):
    assert _person(table, "a1", "Casey Whitfield")["gender_evidence"] == "pronouns: he/him/his 1, she/her 0"
    assert _person(table, "a2", "Casey Whitfield")["gender_evidence"] == "title: Mr. (1)"
    assert _person(table, "a2", "Casey Whitfield")["gender_article"] == "male"


def test_conflict_leaves_the_person_undecided(table):
    # Avery Castell: she in a1, he in a2: a3 stays unknown (each article keeps its own gender)
    row = _person(table, "a3", "Avery Castell")
    assert (row["gender"], row["gender_evidence"]) == ("unknown", "no evidence")
    assert _person(table, "a1", "Avery Castell")["gender"] == "female"
    assert _person(table, "a2", "Avery Castell")["gender"] == "male"


def test_surname_alone_is_never_matched(table):
    row = _person(table, "a5", "Whitfield")
    assert (row["gender"], row["gender_evidence"]) == ("unknown", "no evidence")


def test_one_deciding_article_is_not_enough(table):
    small = table[table["article_id"] != "a2"]
    row = _person(with_corpus_gender(small), "a3", "Casey Whitfield")
    assert (row["gender"], row["gender_evidence"]) == ("unknown", "no evidence")


def test_first_name_guess_never_spreads():
    # Jan Berg decided by a first name in two articles (a made-up table): no article evidence, no vote;
    # Lee Park: pronouns in two articles, a first-name guess in a third that the corpus overrides
    att = pd.DataFrame({
        "article_id": ["b1", "b2", "b3", "b1", "b2", "b3"],
        "speaker": ["Jan Berg", "Jan Berg", "Jan Berg", "Lee Park", "Lee Park", "Lee Park"],
        "gender": ["female", "female", "unknown", "male", "male", "female"],
        "gender_evidence": ["first name: Jan (gender-guesser)", "first name: Jan (gender-guesser)", "no evidence",
                            "pronouns: he/him/his 3, she/her 0", "title: Mr. (1)", "first name: Lee (gender-guesser)"],
    })
    out = with_corpus_gender(att)
    assert out["gender"].tolist() == ["female", "female", "unknown", "male", "male", "male"]
    assert out["gender_article"].tolist() == att["gender"].tolist()
    assert out["gender_evidence"].iloc[5] == ("corpus: male by article evidence in 2 of 2 articles; "
                                              "article: first name: Lee (gender-guesser)")
    pd.testing.assert_frame_equal(with_corpus_gender(out), out)                      # idempotent
    undone = with_corpus_gender(out[out["article_id"] == "b3"])   # b3 alone: back to the article's own
    assert undone["gender"].tolist() == ["unknown", "female"]
    assert undone["gender_evidence"].tolist() == ["no evidence", "first name: Lee (gender-guesser)"]


def test_chunks_give_the_whole_corpus_result(table):
    chunks = [sourcing.attributions(pd.DataFrame({"article_id": [k], "text": [TEXTS[k]]})) for k in TEXTS]
    alone = concat_tables(chunks)
    assert _person(alone, "a3", "Casey Whitfield")["gender"] == "unknown"
    from analysis.producers import with_corpus_passes
    pd.testing.assert_frame_equal(with_corpus_passes({"attributions": alone})["attributions"], table)
    halves = concat_tables([sourcing.attributions(pd.DataFrame({"article_id": keys, "text": [TEXTS[k] for k in keys]}))
                            for keys in (["a1", "a2"], ["a3", "a4", "a5"])])
    pd.testing.assert_frame_equal(with_corpus_passes({"attributions": halves})["attributions"], table)


def test_gender_share_counts_the_corpus_gender(table):
    share = sourcing.gender_share(table, by="corpus").set_index("gender")
    # people quoted directly, once per article: a1 Casey m, Avery f; a2 Casey m, Avery m; a3 Casey m
    # (corpus), Avery unknown; a4 Casey m (corpus); a5 Whitfield unknown
    assert share["n_people"].to_dict() == {"female": 1, "male": 5, "unknown": 2}


def test_streamed_run_decides_across_chunks(tmp_path):
    from analysis.load import load_articles
    from analysis.pipeline import analyze, run_corpus

    src = tmp_path / "corpus"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / f"{name}.txt").write_text(f"Story {name} of the week\n\n{text}", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_corpus(src, tmp_path / "tables", jobs=1, chunk_size=1, progress=False)
        in_memory = analyze(load_articles(src), jobs=1)
        in_memory2 = analyze(load_articles(src), jobs=2, chunk_size=2)
    streamed = pd.read_parquet(tmp_path / "tables" / "attributions.parquet")
    columns = ["article_id", "speaker", "gender", "gender_article", "gender_evidence"]
    assert streamed[columns].values.tolist() == in_memory["attributions"][columns].values.tolist()
    assert in_memory2["attributions"][columns].values.tolist() == in_memory["attributions"][columns].values.tolist()
    whitfield = streamed[(streamed["speaker"] == "Casey Whitfield") & (streamed["gender_article"] == "unknown")]
    assert set(whitfield["gender_evidence"]) == {CORPUS_MALE}
