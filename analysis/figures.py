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


def removed_by_reason(removed, articles=None):
    """Bar chart: removed lines per cleaning reason (count of lines), most frequent first."""
    if removed is None or len(removed) == 0:
        return empty("No lines were removed (already-clean input).")
    counts = removed["reason"].value_counts().sort_values()
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(counts) + 1.2))
    ax.barh(counts.index, counts.values, color="#7a8ba6")
    n_articles = removed["article_id"].nunique()
    ax.set_xlabel("removed lines")
    ax.set_title(f"What the cleaner removed, and why ({n_articles} article{'s' if n_articles != 1 else ''})")
    for y, v in enumerate(counts.values):
        ax.text(v, y, f" {v}", va="center", fontsize=8)
    return fig


def words_kept(articles):
    """Histogram of body length (words per article) after cleaning; one bar per article when few."""
    fig, ax = plt.subplots()
    if len(articles) <= 30:
        labels = [str(t)[:40] if isinstance(t, str) and t else a for t, a in zip(articles["title"], articles["article_id"])]
        ax.barh(labels, articles["n_words"], color="#4c72b0")
        ax.set_xlabel("words in the clean body")
    else:
        ax.hist(articles["n_words"], bins=40, color="#4c72b0")
        ax.set_xlabel("words in the clean body")
        ax.set_ylabel("articles")
    ax.set_title("Article length after cleaning")
    return fig
