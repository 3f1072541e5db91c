"""run_corpus writes each table while the chunks come in (corpus_run.StreamedTables), on the bet
that every chunk has the first chunk's column types and no page repeats across chunks; the files
must be byte for byte what assembling the finished chunks afterwards (`_assemble`) writes, and a
lost bet must fall back to that assembly."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus_run
from analysis.corpus_run import PartDedupe

NAME = "quotes"


def _chunks(root: Path, frames: list[pd.DataFrame], csv_parts: bool = True) -> list[str]:
    """Chunk files as a worker writes them (Parquet, and its CSV rows); their ids."""
    ids = []
    for i, frame in enumerate(frames):
        cid = f"c{i:03d}"
        path = root / NAME / f"{cid}.parquet"
        corpus_run._write_parquet_atomic(corpus_run._arrow_table(frame), path)
        if csv_parts:
            corpus_run._write_csv_part(path)
        ids.append(cid)
    return ids


def _no_change(n: int) -> PartDedupe:
    return PartDedupe([{} for _ in range(n)], [set() for _ in range(n)], [])


def _streamed(root: Path, ids: list[str], out: Path, dedupe: PartDedupe) -> int | None:
    table = corpus_run._StreamedTable(NAME, root, out, True)
    for cid in ids:
        table.add(cid)
    return table.finish(len(ids), dedupe)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _frame(ids, words, extra=None, attrs=None) -> pd.DataFrame:
    frame = pd.DataFrame({"article_id": ids, "n_words": words, "speaker": extra or [None] * len(ids)})
    frame.attrs = attrs or {}
    return frame


CASES = {
    "same columns": [_frame(["a", "b"], [1, 2], ["x", "y"]), _frame(["c"], [3], ["z"])],
    "a later chunk all missing": [_frame(["a", "b"], [1, 2], ["x", "y"]), _frame(["c"], [3])],
    "an empty chunk": [_frame(["a"], [1], ["x"]), _frame(["b"], [2], ["y"]).iloc[:0], _frame(["c"], [3], ["z"])],
    "an empty first chunk": [_frame(["b"], [2], ["y"]).iloc[:0], _frame(["c"], [3], ["z"])],
    "other attrs per chunk": [_frame(["a"], [1], ["x"], {"page_keys": [1]}),
                              _frame(["c"], [3], ["z"], {"page_keys": [2]})],
}


@pytest.mark.parametrize("case", list(CASES))
def test_streamed_files_equal_the_assembled_ones(case, tmp_path):
    frames = CASES[case]
    ids = _chunks(tmp_path / "_chunks", frames)
    rows = _streamed(tmp_path / "_chunks", ids, tmp_path / "streamed", _no_change(len(ids)))
    assembled = corpus_run._assemble(NAME, tmp_path / "_chunks", ids, tmp_path / "assembled",
                                     _no_change(len(ids)))
    assert rows == assembled == sum(len(f) for f in frames)
    assert _files(tmp_path / "streamed") == _files(tmp_path / "assembled")
    # and what one table of all the rows gives
    csv = pd.read_csv(tmp_path / "streamed" / f"{NAME}.csv", keep_default_na=False)
    assert csv["article_id"].tolist() == [a for f in frames for a in f["article_id"]]


@pytest.mark.parametrize("case", ["first chunk all missing", "int then float", "a page repeated",
                                  "clashing types"])
def test_a_lost_bet_leaves_nothing_behind(case, tmp_path):
    frames = {"first chunk all missing": [_frame(["a"], [1]), _frame(["c"], [3], ["z"])],
              "clashing types": [_frame(["a"], [1], ["x"]), _frame([], [])],   # float64 columns
              "int then float": [_frame(["a"], [1], ["x"]), _frame(["c"], [3.5], ["z"])],
              "a page repeated": [_frame(["a"], [1], ["x"]), _frame(["c"], [3], ["z"])]}[case]
    ids = _chunks(tmp_path / "_chunks", frames)
    dedupe = _no_change(len(ids))
    if case == "a page repeated":
        dedupe = PartDedupe([{}, {}], [set(), {"c"}], [])
    assert _streamed(tmp_path / "_chunks", ids, tmp_path / "streamed", dedupe) is None
    assert not (tmp_path / "streamed").exists() or _files(tmp_path / "streamed") == {}


def test_worker_csv_rows_are_copied_only_when_the_columns_match(tmp_path):
    root = tmp_path / "_chunks"
    ids = _chunks(root, [_frame(["a"], [1], ["x"]), _frame(["c"], [3])])
    for cid in ids:   # marked parts: which ones the table copies shows in its CSV
        (root / NAME / f"{cid}.csv").write_text(f"part of {cid}\n", encoding="utf-8")
    assert _streamed(root, ids, tmp_path / "out", _no_change(2)) == 2
    text = (tmp_path / "out" / f"{NAME}.csv").read_text(encoding="utf-8")
    # chunk 0 has the table's columns; chunk 1's `speaker` is all missing (another type): formatted
    assert text == "article_id,n_words,speaker\npart of c000\nc,3,\n"


def test_without_csv_parts_the_rows_are_formatted(tmp_path):
    frames = CASES["same columns"]
    ids = _chunks(tmp_path / "_chunks", frames, csv_parts=False)
    assert _streamed(tmp_path / "_chunks", ids, tmp_path / "out", _no_change(2)) == 3
    assert (tmp_path / "out" / f"{NAME}.csv").read_text(encoding="utf-8") == \
        "article_id,n_words,speaker\na,1,x\nb,2,y\nc,3,z\n"
