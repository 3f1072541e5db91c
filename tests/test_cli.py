"""`python -m analysis run`: one command from a corpus to tables, figures and HTML reports."""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.__main__ import main, output_dirs
from analysis.load import load_articles
from analysis.pipeline import TABLE_NAMES, analyze

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["MPLBACKEND"] = "Agg"
    return env


def _tiny_notebook(folder: Path) -> Path:
    """A notebook written like the kit's: parameters cell, tables from the run, one saved figure."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('corpus = "../seeds"\ntables_dir = None\nfigures_dir = "../figures"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        params,
        nbformat.v4.new_code_cell(
            "import pathlib, analysis\n"
            "t = analysis.tables(corpus, tables_dir)\n"
            "assert pathlib.Path(tables_dir, 'paragraphs.parquet').exists()\n"
            "paras = t['paragraphs']\n"
            "print('paragraphs from the run:', len(paras), 'words:', int(paras['n_words'].sum()))"),
        nbformat.v4.new_code_cell(
            "fig = analysis.figures.empty(f'{len(paras)} paragraphs')\n"
            "analysis.figures.save(fig, 'tiny_paragraphs', figures_dir)"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "01_tiny.ipynb"
    nbformat.write(nb, path)
    return path


def test_help_documents_the_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for option in ("--out", "--no-notebooks", "--jobs", "--chunk-size", "--restart", "DIR/tables/",
                   "DIR/reports/", "again after an interruption"):
        assert option in text


def test_default_outputs_are_the_kits_folders(tmp_path):
    assert output_dirs(None) == {"tables": ROOT / "reports" / "tables", "figures": ROOT / "figures",
                                 "reports": ROOT / "reports"}
    assert output_dirs(tmp_path) == {"tables": tmp_path / "tables", "figures": tmp_path / "figures",
                                     "reports": tmp_path / "reports"}


def test_run_on_seed_with_notebooks_in_a_terminal(tmp_path):
    nb_dir = tmp_path / "notebooks"
    _tiny_notebook(nb_dir)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", str(SEEDS), "--out", str(out),
                           "--notebooks", str(nb_dir)], cwd=ROOT, env=_env(), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "load + analyze: 100%" in proc.stderr and "article/s" in proc.stderr  # progress bar
    assert "1 article(s) from 1 file(s)" in proc.stderr
    for name in TABLE_NAMES:
        assert (out / "tables" / f"{name}.parquet").exists() and (out / "tables" / f"{name}.csv").exists()
    assert len(pd.read_parquet(out / "tables" / "paragraphs.parquet")) == 9
    html = (out / "reports" / "01_tiny.html").read_text(encoding="utf-8")
    assert "paragraphs from the run: 9 words: 307" in html
    assert (out / "figures" / "tiny_paragraphs.png").stat().st_size > 1000
    executed = nbformat.read(out / "reports" / "01_tiny.ipynb", as_version=4)
    injected = executed.cells[1].source  # papermill's injected-parameters cell
    assert f"tables_dir = \"{out / 'tables'}\"" in injected and f"corpus = \"{SEEDS}\"" in injected


def test_failing_notebook_is_reported_and_the_others_still_run(tmp_path, capsys):
    nb_dir = tmp_path / "notebooks"
    _tiny_notebook(nb_dir)
    bad = nbformat.v4.new_notebook()
    bad.cells = [nbformat.v4.new_code_cell("raise ValueError('broken on purpose')")]
    bad.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(bad, nb_dir / "00_broken.ipynb")
    code = main(["run", str(SEEDS), "--out", str(tmp_path / "out"), "--notebooks", str(nb_dir), "-q"])
    assert code == 1
    err = capsys.readouterr().err
    assert "notebook 00_broken.ipynb failed" in err and "1 of 2 notebooks executed" in err
    assert (tmp_path / "out" / "reports" / "00_broken.html").exists()  # shows the error
    assert "paragraphs from the run: 9" in (tmp_path / "out" / "reports" / "01_tiny.html").read_text()


def test_run_on_the_development_corpus_equals_loading_everything(tmp_path):
    out = tmp_path / "out"
    code = main(["run", str(CORPUS), "--out", str(out), "--no-notebooks", "--jobs", "2", "-q",
                 "--keep-duplicates"])
    assert code == 0
    articles = pd.read_parquet(out / "tables" / "articles.parquet")
    # 111 text dumps + 111 saved HTML pages + 111 records of reference.jsonl: each page three
    # times, all kept (--keep-duplicates; by default each page is loaded once, from its HTML)
    assert articles["format"].value_counts().to_dict() == {"txt": 111, "html": 111, "jsonl": 111}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = analyze(load_articles(CORPUS, jobs=2, keep_duplicates=True), jobs=2)
    for name in TABLE_NAMES:
        path = tmp_path / f"expected_{name}.parquet"
        expected[name].to_parquet(path, index=False)
        pd.testing.assert_frame_equal(pd.read_parquet(out / "tables" / f"{name}.parquet"),
                                      pd.read_parquet(path), obj=name)
    assert not list(out.glob("figures/*")) and not (out / "reports").exists()  # --no-notebooks


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nowhere"), "--out", str(tmp_path), "-q", "--no-notebooks"]) == 2
    assert "error: no such file or folder" in capsys.readouterr().err


def test_ctrl_c_stops_at_once_and_the_same_command_resumes(tmp_path):
    import shutil
    import signal
    import time

    corpus = tmp_path / "corpus"
    pages = sorted((CORPUS / "pages").glob("*.txt"))[:24]
    for i, page in enumerate(pages):  # 24 real page dumps in 4 folders
        folder = corpus / f"site{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, folder / page.name)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out), "--no-notebooks",
           "--chunk-size", "1", "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    done = out / "tables" / "_chunks" / "_done"
    deadline = time.time() + 120
    while not (done.exists() and any(done.glob("*.json"))) and time.time() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)  # what Ctrl-C in the terminal sends
    t0 = time.time()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and time.time() - t0 < 10
    assert "run the same command again to resume" in err
    time.sleep(1)  # the workers were stopped too (nothing more is written)
    finished = len(list(done.glob("*.json")))
    assert 1 <= finished < 24
    again = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    # a worker busy with a chunk when the signal came may still mark it done on a loaded machine
    m = re.search(r"resuming: (\d+) of 24 chunks already done, (\d+) to go", again.stderr)
    assert m, again.stderr
    assert finished <= int(m.group(1)) < 24 and int(m.group(1)) + int(m.group(2)) == 24
    assert len(pd.read_parquet(out / "tables" / "articles.parquet")) == 24


# ---------------------------------------------------------------- run folders that must not eat themselves
def _run(*args) -> int:
    return main(["run", *map(str, args), "--no-notebooks", "-q", "--jobs", "1"])


def _articles(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "tables" / "articles.parquet")


def _corpus_of_pages(folder: Path, n: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for page in sorted((CORPUS / "pages").glob("*.txt"))[:n]:
        (folder / page.name).write_bytes(page.read_bytes())
    return folder


def test_out_inside_the_corpus_gives_the_same_tables_on_every_run(tmp_path, capsys):
    corpus = _corpus_of_pages(tmp_path / "corpus", 3)
    out = corpus / "results"
    tables = []
    for _ in range(3):
        assert _run(corpus, "--out", out) == 0
        tables.append(_articles(out))
    assert [len(t) for t in tables] == [3, 3, 3]                 # not 3 -> 99 -> 1,829
    for later in tables[1:]:
        pd.testing.assert_frame_equal(later, tables[0])
    assert "resuming: 1 of 1 chunks already done" in capsys.readouterr().err


def test_a_mistyped_glob_never_replaces_results(tmp_path, capsys):
    corpus = _corpus_of_pages(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    before = {p.name: p.read_bytes() for p in (out / "tables").glob("*.parquet")}
    capsys.readouterr()
    assert _run(corpus / "*.tx", "--out", out) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"error: {corpus / '*.tx'}: no article files match this pattern; nothing was run "
                           f"(the tables in {out / 'tables'} are unchanged)")
    assert {p.name: p.read_bytes() for p in (out / "tables").glob("*.parquet")} == before
    (tmp_path / "nothing").mkdir()                           # an empty folder: refused as well
    assert _run(tmp_path / "nothing", "--out", out) == 2
    assert "the tables of an earlier run" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in (out / "tables").glob("*.parquet")} == before


def test_two_runs_into_one_folder_the_second_stops_with_a_clear_message(tmp_path, capsys):
    from analysis.pipeline import output_lock

    corpus = _corpus_of_pages(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    with output_lock(out / "tables"):                         # a run in progress
        assert _run(corpus, "--out", out) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"error: another run (process {os.getpid()}) is writing to {out / 'tables'}; "
                           "wait for it to finish or give another --out")
    assert _run(corpus, "--out", out) == 0                    # released: the next run goes ahead


def test_the_same_folder_given_twice_is_one_article(tmp_path, monkeypatch):
    corpus = _corpus_of_pages(tmp_path / "corpus", 1)
    monkeypatch.chdir(tmp_path)
    assert _run("corpus", corpus, "--out", tmp_path / "out") == 0
    assert len(_articles(tmp_path / "out")) == 1


@pytest.mark.parametrize("case", ["out_is_a_file", "read_only", "disk_full"])
def test_output_problems_are_one_line(tmp_path, capsys, monkeypatch, case):
    import errno

    import analysis.corpus_run as corpus_run

    corpus = _corpus_of_pages(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    if case == "out_is_a_file":
        out.write_text("not a folder", encoding="utf-8")
    else:   # root ignores chmod and the disk is not full: the writer fails as it would
        err = errno.EROFS if case == "read_only" else errno.ENOSPC

        def fail(table, path):
            raise OSError(err, os.strerror(err), str(path))

        monkeypatch.setattr(corpus_run, "_write_parquet_atomic", fail)
    assert _run(corpus, "--out", out) in (1, 2)
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in lines[0]
    assert {"out_is_a_file": "File exists", "read_only": "Read-only file system",
            "disk_full": "No space left on device"}[case] in lines[0]


def test_a_damaged_cache_is_computed_again(tmp_path, capsys):
    corpus = _corpus_of_pages(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    first = _articles(out)
    chunk = next((out / "tables" / "_chunks" / "quotes").glob("*.parquet"))
    chunk.write_bytes(chunk.read_bytes()[:40])                 # a half-written file
    capsys.readouterr()
    assert _run(corpus, "--out", out) == 0
    assert "is damaged; it is computed again" in capsys.readouterr().err
    pd.testing.assert_frame_equal(_articles(out), first)
    assert len(pd.read_parquet(out / "tables" / "quotes.parquet")) > 0


def test_one_corrupt_file_does_not_change_what_the_chunk_learns(tmp_path):
    clean = _corpus_of_pages(tmp_path / "clean", 12)
    dirty = _corpus_of_pages(tmp_path / "dirty", 12)
    # fixed bytes: random ones sometimes decompress to a few readable bytes, loaded as an article
    (dirty / "zz_corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + random.Random(3).randbytes(300))
    (dirty / "zz_deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    assert _run(clean, "--out", tmp_path / "a") == 0
    assert _run(dirty, "--out", tmp_path / "b") == 0
    a = pd.read_parquet(tmp_path / "a" / "tables" / "removed.parquet")
    b = pd.read_parquet(tmp_path / "b" / "tables" / "removed.parquet")
    # the pages' removed lines are the same (a readable scrap of the damaged file adds its own rows)
    b = b[b["article_id"].isin(set(_articles(tmp_path / "a")["article_id"]))].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert set(_articles(tmp_path / "a")["article_id"]) <= set(_articles(tmp_path / "b")["article_id"])


def test_10000_records_with_one_unreadable_line_all_reach_the_tables(tmp_path):
    import json

    lines = [json.dumps({"id": f"r{i}", "text": f"Story {i}: the port reopened on Monday."}) for i in range(2000)]
    lines.insert(4, "[" * 100_000)
    lines[9] = lines[9].replace('"r8"', "9" * 4400)                 # an integer Python cannot read
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _run(tmp_path / "c", "--out", tmp_path / "out") == 0
    assert len(_articles(tmp_path / "out")) == 2000
    assert "line 5 is not JSON, skipped (nested too deeply)" in (
        tmp_path / "out" / "tables" / "warnings.txt").read_text(encoding="utf-8")


def test_a_folder_tree_1100_levels_deep_runs(tmp_path):
    from test_load_recovery import deep_tree

    with deep_tree(1100) as (top, _):
        assert _run(top, "--out", tmp_path / "out") == 0
    assert _articles(tmp_path / "out")["n_words"].tolist() == [307]
