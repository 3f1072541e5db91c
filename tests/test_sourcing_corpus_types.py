"""Corpus-level source types (issue 13, session 11, `analysis.sourcing.corpus_types`): a person an
article only names takes the type the corpus's other articles give them from their own words. Expected
values hand-checked on a made-up corpus of four articles."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import sourcing
from analysis.producers import concat_tables
from analysis.sourcing.corpus_types import name_keys, with_corpus_types

TEXTS = {
    # describes Jane Doerr (a senator)
    "a1": 'Republican Sen. Jane Doerr of Ohio spoke to voters on Tuesday.\n\n"We will win this state," Doerr said.',
    # describes her again; describes Sam Keller as a chief executive
    "a2": 'Sen. Jane Doerr visited the factory on Monday.\n\n"Jobs come first," Doerr told workers.\n\n'
          'Sam Keller, the chief executive of Acme Corp., agreed.\n\n"We are hiring," Keller said.',
    # only names them: Jane Doerr, a Mark Doerr (same surname, another person), Sam Keller
    "a3": '"Taxes are too high," Jane Doerr said at the rally.\n\n"I agree with her," Mark Doerr said.\n\n'
          '"We need change," Sam Keller said.',
    # another Sam Keller, a state senator: the corpus does not agree on Sam Keller
    "a4": 'State Sen. Sam Keller opened the hearing.\n\n"The bill is dead," Keller said.',
}


@pytest.fixture(scope="module")
def table():
    return sourcing.attributions(pd.DataFrame({"article_id": list(TEXTS), "text": list(TEXTS.values())}))


def _row(table, article, speaker):
    rows = table[(table["article_id"] == article) & (table["speaker"] == speaker)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_named_only_person_takes_the_corpus_type(table):
    row = _row(table, "a3", "Jane Doerr")
    assert row["source_type"] == "politician"
    assert row["source_type_article"] == "other"
    assert row["source_type_evidence"] == "corpus: politician in 2 of 2 articles"


def test_described_people_keep_their_article_type(table):
    assert _row(table, "a1", "Jane Doerr")["source_type_evidence"] == "article"
    assert _row(table, "a2", "Sam Keller")["source_type"] == "business"
    assert _row(table, "a4", "Sam Keller")["source_type"] == "politician"


def test_shared_surname_is_not_typed(table):
    row = _row(table, "a3", "Mark Doerr")
    assert (row["source_type"], row["source_type_evidence"]) == ("other", "no evidence")


def test_conflicting_types_are_not_taken(table):
    # Sam Keller: business in a2, politician in a4 (1 of 2 each): no clear majority
    row = _row(table, "a3", "Sam Keller")
    assert (row["source_type"], row["source_type_evidence"]) == ("other", "no evidence")


def test_one_describing_article_is_not_enough(table):
    # only a1 and a2 describe Jane Doerr; without a2 one article (below MIN_ARTICLES) types her
    small = table[table["article_id"] != "a2"]
    row = with_corpus_types(small).set_index(["article_id", "speaker"]).loc[("a3", "Jane Doerr")]
    assert (row["source_type"], row["source_type_evidence"]) == ("other", "no evidence")


def test_chunks_give_the_whole_corpus_result(table):
    # each chunk typed alone, then the pass over their concatenation: as one call on all articles
    chunks = [sourcing.attributions(pd.DataFrame({"article_id": [k], "text": [TEXTS[k]]})) for k in TEXTS]
    alone = concat_tables(chunks)           # as `analyze` concatenates its chunks
    assert _row(alone, "a3", "Jane Doerr")["source_type"] == "other"
    pd.testing.assert_frame_equal(with_corpus_types(alone), table)
    pd.testing.assert_frame_equal(with_corpus_types(table), table)     # idempotent


def test_source_share_carries_the_corpus_type(table):
    share = sourcing.source_share(table)
    row = share[(share["article_id"] == "a3") & (share["speaker"] == "Jane Doerr")].iloc[0]
    assert row["source_type"] == "politician"


def test_name_keys():
    names = pd.Series(["Donald J. Trump", "Donald Trump", "Clinton", "ACLU", "Martin Luther King Jr.",
                       "Beto O'Rourke", "the groups", None, "Hillary Rodham Clinton", "Felipe Calder\u00f3n",
                       "Pres. Obama", "Sen. Ted Cruz", "J. Smith", "Duncan Hunter Sr.", "Duncan Hunter",
                       "Donald Trump Jr."])
    keys = [k if isinstance(k, str) else None for k in name_keys(names)]   # missing: no key
    assert keys == ["donald trump", "donald trump", None, None, "martin king jr", "beto o'rourke", None, None,
                    "hillary clinton", "felipe calder\u00f3n", None, None, None, "duncan hunter sr", "duncan hunter",
                    "donald trump jr"]


def test_streamed_run_types_across_chunks(tmp_path):
    # one file per chunk: the chunk of a3 alone cannot type Jane Doerr; assembling the run does
    import warnings

    from analysis.load import load_articles
    from analysis.pipeline import analyze, run_corpus

    src = tmp_path / "corpus"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / f"{name}.txt").write_text(f"Story {name} of the week\n\n{text}", encoding="utf-8")   # a title
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_corpus(src, tmp_path / "tables", jobs=1, chunk_size=1, progress=False)
        in_memory = analyze(load_articles(src), jobs=1)["attributions"]
    streamed = pd.read_parquet(tmp_path / "tables" / "attributions.parquet")
    columns = ["article_id", "speaker", "source_type", "source_type_article", "source_type_evidence"]
    assert streamed[columns].values.tolist() == in_memory[columns].values.tolist()
    doerr = streamed[(streamed["speaker"] == "Jane Doerr") & (streamed["source_type_article"] == "other")]
    assert doerr["source_type_evidence"].tolist() == ["corpus: politician in 2 of 2 articles"]
