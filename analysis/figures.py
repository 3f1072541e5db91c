"""Figures for reports: one plotting function per figure, all saved the same way.

Each plotting function takes a tidy table and returns a matplotlib Figure; `save` writes it as a
PNG with fixed size, DPI and metadata so the same data give the same bytes on every run.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402

DPI = 110
STYLE = {
    "figure.figsize": (8, 4.5),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.size": 10,
    "svg.hashsalt": "analysis",
}
plt.rcParams.update(STYLE)


def save(fig, name: str, figures_dir: str | Path = "figures") -> Path:
    """Save `fig` as `figures_dir/name.png` (reproducible bytes: no timestamp metadata); return the path."""
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / (name if name.endswith(".png") else f"{name}.png")
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return path


def empty(message: str):
    """A figure that says why there is nothing to plot (e.g. a corpus without quotes)."""
    fig, ax = plt.subplots(figsize=(6, 1.5))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    return fig


# --- figure functions, one per figure, grouped by the module they illustrate ---
