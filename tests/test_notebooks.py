"""The notebooks as users run them: top to bottom from a clean kernel, figures embedded as images,
a parameters cell, and a run on another corpus that leaves the repository untouched.

The same notebooks in JupyterLab in a real browser: tests/test_notebooks_browser.py.
"""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebooks.numbered_notebooks(ROOT / "notebooks")
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
PNG_IN_HTML = re.compile(r'<img[^>]+src="data:image/png;base64,[A-Za-z0-9+/=]{200,}')


def figure_cells(nb) -> list[tuple[int, int]]:
    """(cell index, number of figures it saves) for every code cell that saves a figure."""
    return [(i, c.source.count("figures.save(")) for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and "figures.save(" in c.source]


def check_executed(nb) -> None:
    """No error and nothing on stderr (no warning boxes); every figure cell shows its figures."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"cell {i} wrote to stderr: {out.text[:300]}"
    for i, n_saved in figure_cells(nb):
        images = [o for o in nb.cells[i].outputs if "image/png" in o.get("data", {})]
        assert len(images) == n_saved, f"cell {i} saves {n_saved} figure(s) but shows {len(images)}:\n{nb.cells[i].source}"


def test_there_are_numbered_notebooks_and_users_notebooks_are_not_run(tmp_path):
    assert [nb.name[:2] for nb in NOTEBOOKS] == ["01", "02", "03", "04", "05", "06"]
    (tmp_path / "01_a.ipynb").write_text("{}")
    (tmp_path / "my_analysis.ipynb").write_text("{}")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "02_b.ipynb").write_text("{}")
    assert [p.name for p in notebooks.numbered_notebooks(tmp_path)] == ["01_a.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_parameters_cell_and_explains_figures(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged `parameters`"
    params = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(code[0].source).body}
    assert params == {"corpus": None, "out_dir": None, "tables_dir": None, "figures_dir": None}
    assert all(not c.get("outputs") for c in code), "commit notebooks without outputs"
    assert "matplotlib.use" not in "".join(c.source for c in code) and "%matplotlib" not in "".join(c.source for c in code)
    assert not re.search(r"""Path\(["']\.\.["']\)|["']\.\./""", "".join(c.source for c in code)), \
        "paths are resolved from the kit's folder (notebooks.run_paths), never relative to the cwd"
    for i, n_saved in figure_cells(nb):
        before = [c for c in nb.cells[:i] if c.cell_type == "markdown"]
        assert before and len(before[-1].source) > 80, f"figure in cell {i} needs an explanation above it"
        last = nb.cells[i].source.strip().splitlines()[-1]
        assert last == "fig" or nb.cells[i].source.count("display(fig)") == n_saved, \
            f"cell {i} must show its figure (end with `fig`)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_on_seed_and_shows_every_figure(path, tmp_path):
    """As run.sh runs them (MPLBACKEND=Agg in the environment): figures are still embedded."""
    import papermill

    figures_dir = tmp_path / "figures"
    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), cwd=str(ROOT), kernel_name="python3",
        parameters={"figures_dir": str(figures_dir)}, progress_bar=False,
    )
    nb = nbformat.read(tmp_path / path.name, as_version=4)
    check_executed(nb)
    expected = sum(n for _, n in figure_cells(nbformat.read(path, as_version=4)))
    assert len(list(figures_dir.glob("*.png"))) == expected


def test_importing_the_kit_keeps_the_kernels_inline_backend(tmp_path, monkeypatch):
    """A user's own plt.show() after `from analysis import figures` still shows the figure."""
    import papermill

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import matplotlib, matplotlib.pyplot as plt\n"
        "before = matplotlib.get_backend()\n"
        "from analysis import figures\n"
        "import analysis.__main__\n"
        "assert matplotlib.get_backend() == before, (before, matplotlib.get_backend())\n"
        "fig = figures.empty('kit figure')\n"
        "plt.plot([1, 2, 3]); plt.show()\n"
        "print(before)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "user.ipynb")
    monkeypatch.delenv("MPLBACKEND", raising=False)  # as the kit starts kernels (run_notebooks)
    papermill.execute_notebook(str(tmp_path / "user.ipynb"), str(tmp_path / "out.ipynb"),
                               kernel_name="python3", progress_bar=False)
    outputs = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[0].outputs
    assert "inline" in "".join(o.get("text", "") for o in outputs)
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 1  # the user's plot, once


def test_run_paths_resolve_from_the_kit_and_keep_other_corpora_out_of_figures(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(notebooks.ENV_CORPUS, raising=False)
    monkeypatch.delenv(notebooks.ENV_OUT, raising=False)
    seed = notebooks.run_paths()
    assert seed.is_seed and seed.corpus == str(ROOT / "seeds") and seed.figures_dir == ROOT / "figures"
    monkeypatch.setenv(notebooks.ENV_CORPUS, "../shared/corpus/pages")
    other = notebooks.run_paths()
    assert other.corpus == str(ROOT / "../shared/corpus/pages") and not other.is_seed
    assert other.figures_dir == ROOT / "out" / "corpus_pages" / "figures"
    monkeypatch.setenv(notebooks.ENV_OUT, "out/mine")
    assert notebooks.run_paths().figures_dir == ROOT / "out" / "mine" / "figures"
    assert notebooks.run_paths("seeds", out_dir=tmp_path).figures_dir == tmp_path / "figures"
    assert notebooks.run_paths(figures_dir="x").figures_dir == ROOT / "x"


def test_warnings_are_one_table_by_kind():
    messages = ["/data/a.txt: empty file", "/data/b.txt: empty file",
                "/data/c.html.gz: huge article (1,400,000 characters)", "readability: 3 article(s) have under half"]
    table = notebooks.warnings_table(messages)
    summary = notebooks.warnings_summary(table)
    assert summary.to_dict("list") == {
        "kind": ["empty file", "huge article (N characters)", "readability: N article(s) have under half"],
        "count": [2, 1, 1],
        "example": ["/data/a.txt: empty file", "/data/c.html.gz: huge article (1,400,000 characters)",
                    "readability: 3 article(s) have under half"]}
    assert len(table) == 4 and list(table.columns) == ["kind", "message", "category"]


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs a git checkout")
def test_a_run_on_another_corpus_writes_its_own_folder_with_images_and_leaves_git_clean(tmp_path):
    """`bash run.sh CORPUS` (python -m analysis run) without --out, then nbconvert with
    ANALYSIS_CORPUS: everything lands in out/<corpus name>/, the HTML reports embed every figure."""
    corpus = tmp_path / "my_corpus"
    corpus.mkdir()
    pages = sorted(CORPUS.glob("*.txt"))[:2] if CORPUS.is_dir() else []
    for page in pages or [ROOT / "seeds" / p.name for p in (ROOT / "seeds").iterdir()]:
        shutil.copy(page, corpus / page.name)
    out = ROOT / "out" / "my_corpus"
    shutil.rmtree(out, ignore_errors=True)
    before = _git_status()
    env = {**os.environ, "MPLBACKEND": "Agg"}
    try:
        proc = subprocess.run([sys.executable, "-m", "analysis", "run", str(corpus), "-q"], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=900, check=False)
        assert proc.returncode == 0, proc.stderr[-3000:]
        for nb_path in NOTEBOOKS:
            html = (out / "reports" / f"{nb_path.stem}.html").read_text(encoding="utf-8")
            n_figures = sum(n for _, n in figure_cells(nbformat.read(nb_path, as_version=4)))
            assert len(PNG_IN_HTML.findall(html)) == n_figures, nb_path.name
            check_executed(nbformat.read(out / "reports" / nb_path.name, as_version=4))
        assert len(list((out / "figures").glob("*.png"))) == sum(
            n for p in NOTEBOOKS for _, n in figure_cells(nbformat.read(p, as_version=4)))
        # nbconvert, from another working directory, corpus from the environment
        shutil.rmtree(out / "figures")
        nb_out = tmp_path / "nbconvert"
        proc = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute",
                               str(NOTEBOOKS[2]), "--output-dir", str(nb_out)], cwd=tmp_path,
                              env={**env, notebooks.ENV_CORPUS: str(corpus)}, capture_output=True, text=True,
                              timeout=600, check=False)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert len(PNG_IN_HTML.findall((nb_out / f"{NOTEBOOKS[2].stem}.html").read_text(encoding="utf-8"))) == 5
        assert len(list((out / "figures").glob("03_*.png"))) == 5
        assert _git_status() == before
    finally:
        shutil.rmtree(out, ignore_errors=True)


def test_a_warning_counted_while_loading_is_not_printed_again(tmp_path):
    import warnings

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    (tmp_path / "a.txt").write_text((ROOT / "seeds").joinpath(next(p.name for p in (ROOT / "seeds").iterdir())).read_text())
    with warnings.catch_warnings():
        loaded = notebooks.load_tables(notebooks.run_paths(str(tmp_path)), ["articles"])
        assert len(loaded.warnings) >= 1 and loaded.summary["count"].sum() == len(loaded.warnings)
        message = loaded.warnings["message"].iloc[0]
        with warnings.catch_warnings(record=True) as again:
            warnings.warn(message, UserWarning)
            warnings.warn("something new", UserWarning)
        assert [str(w.message) for w in again] == ["something new"]
