"""analysis.dask.run on a local 2-process Dask cluster gives the pandas path's tables exactly."""
from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.load import load_articles
from analysis.pipeline import TABLE_NAMES, analyze

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa55596a56c29464.txt"
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
REFERENCE = ROOT.parent / "shared" / "corpus" / "reference.jsonl"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two folders of real page dumps (a/: seed + 3 pages, b/: 3 pages) and two JSONL files."""
    root = tmp_path_factory.mktemp("dask_corpus")
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "jsonl").mkdir()
    shutil.copy(SEED, root / "a" / SEED.name)
    for i, page in enumerate(sorted(PAGES.glob("*.txt"))[:6]):
        shutil.copy(page, root / ("a" if i < 3 else "b") / page.name)
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    (root / "jsonl" / "part-0.jsonl").write_text("\n".join(lines[10:14]) + "\n", encoding="utf-8")
    (root / "jsonl" / "part-1.jsonl").write_text("\n".join(lines[14:17]) + "\n", encoding="utf-8")
    return root


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("article_id", "paragraph", "start", "line", "frame", "quote_id") if c in frame]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if keys and len(frame) else frame


def _expected(source) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze(load_articles(source, jobs=1), jobs=1)


def assert_same(got: dict, expected: dict) -> None:
    assert list(got) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(_sorted(got[name]), _sorted(expected[name]), obj=name)


def test_bag_of_files_equals_pandas(client, corpus):
    import analysis.dask

    files = [corpus / "a", corpus / "b", corpus / "jsonl"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analysis.dask.run(files)  # 4 partitions: a/, b/, and one per JSONL file
    expected = _expected(files)
    assert_same(got, expected)
    assert len(got["articles"]) == 14  # 7 dumps + 4 + 3 JSONL records
    assert got["articles"]["article_id"].tolist()[-7:] == [json.loads(x)["id"] for x in
                                                           REFERENCE.read_text().splitlines()[10:17]]


def test_parquet_partitions_equal_pandas(client, corpus, tmp_path):
    import analysis.dask

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_articles([corpus / "a", corpus / "b"], jobs=1)
    folder = tmp_path / "articles.parquet"
    folder.mkdir()
    for i, start in enumerate(range(0, len(articles), 3)):  # 7 articles in 3 Parquet parts
        articles.iloc[start:start + 3].to_parquet(folder / f"part.{i}.parquet", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analysis.dask.run(folder)
        expected = analyze(pd.read_parquet(folder), jobs=1)
    assert_same(got, expected)
    assert len(got["articles"]) == 7


def test_lazy_dask_dataframes(client, corpus):
    import dask
    import dask.dataframe as dd

    import analysis.dask

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lazy = analysis.dask.run([corpus / "b"], compute=False)
        assert all(isinstance(t, dd.DataFrame) for t in lazy.values())
        computed = dask.compute(*lazy.values())
    got = dict(zip(lazy, computed))
    assert_same(got, _expected([corpus / "b"]))
    assert len(got["articles"]) == 3
