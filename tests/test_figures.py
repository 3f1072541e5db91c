"""Figures are reproducible: the same tables give the same PNG bytes."""
from __future__ import annotations

from pathlib import Path

import analysis
from analysis import figures

ROOT = Path(__file__).resolve().parents[1]


def test_same_tables_same_png_bytes(tmp_path):
    t = analysis.tables(ROOT / "seeds")
    made = []
    for run in ("a", "b"):
        made.append([
            figures.save(figures.removed_by_reason(t["removed"], t["articles"]), "removed", tmp_path / run).read_bytes(),
            figures.save(figures.top_sources(t["attributions"]), "sources", tmp_path / run).read_bytes(),
            figures.save(figures.frame_profile(t["frames"], t["articles"]), "frames", tmp_path / run).read_bytes(),
        ])
    assert made[0] == made[1]
    assert all(png.startswith(b"\x89PNG") for png in made[0])


def test_empty_tables_give_a_figure_that_says_so(tmp_path):
    import pandas as pd

    fig = figures.removed_by_reason(pd.DataFrame(columns=["article_id", "line", "text", "reason"]))
    assert "No lines were removed" in fig.axes[0].texts[0].get_text()
