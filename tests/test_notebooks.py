"""Every notebook executes top to bottom from a clean kernel, on the seed, with a parameters cell."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def test_there_are_notebooks():
    assert [nb.name[:2] for nb in NOTEBOOKS][:1] == ["01"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_parameters_cell_and_explains_figures(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged `parameters`"
    assert "corpus" in code[0].source and "figures_dir" in code[0].source
    assert all(not c.get("outputs") for c in code), "commit notebooks without outputs"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "figures.save(" in cell.source:
            before = [c for c in nb.cells[:i] if c.cell_type == "markdown"]
            assert before and len(before[-1].source) > 80, f"figure in cell {i} needs an explanation above it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_on_seed(path, tmp_path):
    import papermill

    figures_dir = tmp_path / "figures"
    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), cwd=str(path.parent), kernel_name="python3",
        parameters={"corpus": str(ROOT / "seeds"), "figures_dir": str(figures_dir)}, progress_bar=False,
    )
    nb = nbformat.read(tmp_path / path.name, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    saved = nbformat.read(path, as_version=4)
    expected = sum(c.source.count("figures.save(") for c in saved.cells if c.cell_type == "code")
    assert len(list(figures_dir.glob("*.png"))) >= expected
