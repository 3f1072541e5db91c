"""`analyze` from every kind of caller (issue 16): a script without `if __name__ == "__main__":`,
`python -c`, `python -` (stdin) and a Jupyter kernel all get the process pool (the workers never
import the caller's script), and where worker processes cannot run at all, one warning and the
same tables computed in-process, never a crash."""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from analysis import pipeline, workers
from analysis.load import articles_from_texts

ROOT = Path(__file__).resolve().parents[1]
FALLBACK = "worker processes cannot run here"

# the caller: analyze on 6 articles in 3 chunks over 2 workers, compared with jobs=1; every time
# this code runs (the main process, or a worker importing the script again) it adds a line to RUNS
CALLER = """
import json, sys, warnings
with open({runs!r}, "a") as fh:
    fh.write("ran\\n")
import analysis
from analysis.load import articles_from_texts
texts = ["\\u201cWe will reopen the bridge next week,\\u201d the mayor said on Tuesday.",
         "The council approved the budget. Critics said the plan would cost too much.",
         "\\u201cThis is a mistake,\\u201d said Mary Jones, a professor at the university."] * 2
articles = articles_from_texts(texts, ids=[f"a{{i}}" for i in range(6)])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pooled = analysis.analyze(articles, jobs=2, chunk_size=2)
one = analysis.analyze(articles, jobs=1)
same = all(pooled[name].equals(one[name]) for name in one)
print("RESULT " + json.dumps({{"same": same, "quotes": len(pooled["quotes"]),
      "fallback": [str(w.message) for w in caught if {fallback!r} in str(w.message)]}}))
"""


def _check(proc: subprocess.CompletedProcess, runs: Path) -> None:
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line[len("RESULT "):])
    assert result == {"same": True, "quotes": 4, "fallback": []}, result
    assert "BrokenProcessPool" not in proc.stderr and "Traceback" not in proc.stderr
    assert runs.read_text().splitlines() == ["ran"]   # the workers did not run the caller again


def _python(args, tmp_path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, env=_env(), **kw)


def _env() -> dict:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.parametrize("kind", ["script", "python -c", "python -"])
def test_analyze_at_top_level_without_a_main_guard(tmp_path, kind):
    runs = tmp_path / "runs.txt"
    code = CALLER.format(runs=str(runs), fallback=FALLBACK)
    if kind == "script":
        script = tmp_path / "study.py"
        script.write_text(code, encoding="utf-8")
        proc = _python([str(script)], tmp_path)
    elif kind == "python -c":
        proc = _python(["-c", code], tmp_path)
    else:
        proc = _python(["-"], tmp_path, input=code)
    _check(proc, runs)


def test_analyze_in_a_jupyter_kernel(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    runs = tmp_path / "runs.txt"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
                                          + CALLER.format(runs=str(runs), fallback=FALLBACK))]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    proc = subprocess.CompletedProcess([], 0, stdout=text, stderr="")
    _check(proc, runs)


def test_where_workers_cannot_run_one_warning_and_the_same_tables(monkeypatch):
    def no_pool(jobs):
        raise OSError(38, "Function not implemented")   # e.g. no POSIX semaphores in a sandbox

    monkeypatch.setattr(workers, "_pool", no_pool)
    articles = articles_from_texts(["The council met. \u201cWe agree,\u201d the mayor said."] * 4,
                                   ids=["a", "b", "c", "d"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pooled = pipeline.analyze(articles, jobs=2, chunk_size=1)
    lines = [str(w.message) for w in caught if FALLBACK in str(w.message)]
    assert lines == ["analyze: worker processes cannot run here (OSError: [Errno 38] Function not "
                     "implemented); computing in this process instead"]
    assert [w.filename for w in caught if FALLBACK in str(w.message)] == [__file__]  # the caller's line
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = pipeline.analyze(articles, jobs=1)
    for name in one:
        assert pooled[name].equals(one[name]), name


def test_workers_run_the_copy_of_the_kit_the_caller_imported(tmp_path):
    """A checkout put on sys.path by the caller (not the installed kit) is what the workers run."""
    import shutil

    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "analysis", copy / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    with open(copy / "analysis" / "load.py", "a", encoding="utf-8") as fh:   # mark the copy
        fh.write("\n\n_unmarked = paragraphs\n\n\n@__import__('functools').wraps(_unmarked)\n"
                 "def paragraphs(articles):\n    return _unmarked(articles).assign(kit=__file__)\n")
    code = (f"import sys, warnings\nsys.path.insert(0, {str(copy)!r})\nimport analysis\n"
            "from analysis.load import articles_from_texts\n"
            "articles = articles_from_texts(['One. Two.', 'Three. Four.', 'Five.'], ids=['a', 'b', 'c'])\n"
            "with warnings.catch_warnings():\n    warnings.simplefilter('ignore')\n"
            "    t = analysis.analyze(articles, jobs=2, chunk_size=1)\n"
            "print('RESULT', analysis.__file__, sorted(set(t['paragraphs']['kit'])))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    assert line == f"RESULT {copy / 'analysis' / '__init__.py'} ['{copy / 'analysis' / 'load.py'}']"
