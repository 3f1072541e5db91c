"""Figures for reports: one plotting function per figure, all saved the same way.

Each plotting function takes a tidy table and returns a matplotlib Figure; `save` writes it as a
PNG with fixed size, DPI and metadata so the same data give the same bytes on every run.
"""
from __future__ import annotations

import functools
import io
import math
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.lines
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

DPI = 110
STYLE = {"figure.figsize": (8, 4.5), "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
         "grid.alpha": 0.3, "font.size": 10, "svg.hashsalt": "analysis"}
# Fonts tried in order for each character: DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew ...),
# then whichever of these is installed for other scripts (e.g. Debian's fonts-noto-cjk).
FALLBACK_FONTS = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "Source Han Sans",
                  "WenQuanYi Zen Hei", "Droid Sans Fallback", "Noto Sans", "Noto Sans Devanagari",
                  "Noto Sans Thai", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Armenian",
                  "Noto Sans Georgian", "Noto Sans Bengali", "Noto Sans Tamil")


class ReportFigure(Figure):
    """A matplotlib Figure that shows itself as a PNG in any Jupyter kernel, whatever its backend.

    The figures are made without pyplot, so the kit never selects or changes a backend, never shows
    a figure twice (once by the inline backend, once as the cell's result) and never keeps figures
    open in pyplot's list; the kernel's own inline backend, when active, renders them the same way.
    Shown right after `save`, it shows the bytes saved (drawn once, not twice) unless it changed since.
    """

    _saved_png: bytes | None = None     # set by `save`; any change (the figure goes stale) drops it
    stale = property(Figure.stale.fget, lambda self, value: (
        value and self.__dict__.pop("_saved_png", None), Figure.stale.fset(self, value)) and None)

    def _repr_png_(self):
        return self._saved_png if self._saved_png is not None else _png_bytes(self)


def _png_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(style()):
        fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


@functools.lru_cache(maxsize=1)
def font_family() -> tuple[str, ...]:
    """DejaVu Sans, then the installed fallback fonts (matplotlib falls back glyph by glyph)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *[name for name in FALLBACK_FONTS if name in installed])


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points that some font of `font_family()` can draw."""
    from matplotlib import font_manager, ft2font

    points: set[int] = set()
    for name in font_family():
        path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        points.update(ft2font.FT2Font(path).get_charmap())
    return frozenset(points)


def drawable(text: str) -> str:
    """`text` with the characters no installed font can draw removed (their boxes and matplotlib's
    "Glyph missing" warnings never reach a figure); "" when most of its letters would be lost."""
    text = str(text)
    covered = _covered()
    kept = "".join(ch for ch in text if ord(ch) in covered or ch.isspace())
    letters = sum(ch.isalnum() for ch in text)
    if letters and sum(ch.isalnum() for ch in kept) < letters / 2:
        return ""
    return " ".join(kept.split())


def style() -> dict:
    """The rc settings every figure is drawn with (applied per figure: the user's rcParams stay as
    they are)."""
    return {**STYLE, "font.family": list(font_family())}


def _styled(make):
    """Build the figure inside the kit's style; the user's rcParams and backend are left alone."""
    @functools.wraps(make)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(style()):
            return make(*args, **kwargs)
    return wrapper


def subplots(nrows=1, ncols=1, figsize=None, **kwargs):
    """Like `plt.subplots`, without pyplot: a `ReportFigure` and its axes."""
    fig = ReportFigure(figsize=figsize or STYLE["figure.figsize"], layout="constrained")
    return fig, fig.subplots(nrows, ncols, **kwargs)


def label(text, width: int = 30, lines: int = 2, fallback: str = "") -> str:
    """A label that fits: wrapped at word boundaries into at most `lines` lines of `width`
    characters, the last shortened with '…' after a whole word (never cut mid-word unless one word
    is longer than a line); characters no font can draw are dropped (`fallback` if nothing is left)."""
    text = drawable(text) if isinstance(text, str) else ""
    if not text:
        return str(fallback)
    wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(wrapped) > lines:
        last = textwrap.shorten(" ".join(wrapped[lines - 1:]), width, placeholder=" …")
        wrapped = wrapped[:lines - 1] + [last if last != "…" else wrapped[lines - 1][:width - 1] + "…"]
    return "\n".join(w if len(w) <= width + 10 else w[:width - 1] + "…" for w in wrapped)


def save(fig, name: str, figures_dir: str | Path = "figures") -> Path:
    """Save `fig` as `figures_dir/name.png` (reproducible bytes: no timestamp metadata); return the path."""
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / (name if name.endswith(".png") else f"{name}.png")
    path.write_bytes(png := _png_bytes(fig))
    if isinstance(fig, ReportFigure):
        fig._saved_png = png       # what the notebook shows next: these bytes, not drawn again
    return path


@_styled
def empty(message: str):
    """A figure that says why there is nothing to plot (e.g. a corpus without quotes)."""
    fig, ax = subplots(figsize=(6, 1.5))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    return fig


# --- figure functions, one per figure, grouped by the module they illustrate ---


@_styled
def removed_by_reason(removed, articles=None):
    """Bar chart: removed lines per cleaning reason (count of lines), most frequent first."""
    if removed is None or len(removed) == 0:
        formats = set(articles["format"].dropna()) if articles is not None and "format" in articles else set()
        if formats and formats <= {"html", "htm"}:
            return empty("No line audit: every body came from an HTML page's structure\n"
                         "(only text dumps are cleaned line by line).")
        return empty("No lines were removed (already-clean input).")
    counts = removed["reason"].value_counts().sort_values()
    fig, ax = subplots(figsize=(7, 0.35 * len(counts) + 1.2))
    ax.barh([str(r).replace("_", " ") for r in counts.index], counts.values, color="#7a8ba6")
    n_articles = removed["article_id"].nunique()
    ax.set(xlabel="removed lines", xlim=(0, counts.max() * 1.15))
    n_loaded = len(articles) if articles is not None else 0   # the title: lines from 63 of 111 articles
    scope = f"{n_articles:,} of {n_loaded:,} articles" if n_loaded > n_articles else _n(n_articles, "article")
    ax.set_title(f"What the cleaner removed, and why (lines from {scope})")
    for y, v in enumerate(counts.values):
        ax.text(v, y, f" {v:,}", va="center", fontsize=8)
    return fig


@_styled
def words_kept(articles):
    """Body length after cleaning: words per paragraph for one article, one bar per article for up
    to 30, a histogram of words per article for more."""
    if articles is None or len(articles) == 0:
        return empty("No articles.")
    if len(articles) == 1:
        row = articles.iloc[0]
        words = [len(p.split()) for p in str(row["text"] or "").split("\n\n")]
        fig, ax = subplots()
        ax.bar(range(len(words)), words, color="#4c72b0")
        ax.set_xlabel("paragraph (0 = lead)")
        ax.set_ylabel("words")
        ax.set_title(f"Article length after cleaning: {sum(words):,} words in {_n(len(words), 'paragraph')}\n"
                     f"{label(row.get('title'), 70, 1, fallback=row['article_id'])}", fontsize=10)
        return fig
    if len(articles) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(articles))))
        ax.barh(range(len(articles)), articles["n_words"], color="#4c72b0")
        ax.set_yticks(range(len(articles)), _article_labels(articles, articles), fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("words in the clean body")
    else:
        fig, ax = subplots()
        ax.hist(articles["n_words"], bins=40, color="#4c72b0")
        ax.set_xlabel("words in the clean body")
        ax.set_ylabel("articles")
    ax.set_title(f"Article length after cleaning ({_n(len(articles), 'article')})")
    return fig


# --- readability (analysis.readability) ---
GRADE_SCORES = ["flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                "automated_readability_index"]
_SCORE_LABELS = {"flesch_reading_ease": "Flesch Reading Ease", "flesch_kincaid_grade": "Flesch-Kincaid grade",
                 "gunning_fog": "Gunning Fog", "smog_index": "SMOG", "coleman_liau_index": "Coleman-Liau",
                 "automated_readability_index": "ARI", "dale_chall": "Dale-Chall"}


def _article_labels(table, articles=None, width=32):
    """Labels for article ids: the title (wrapped on two lines, shortened at a word) when `articles`
    has one, else the id."""
    titles = {}
    if articles is not None and "title" in articles:
        titles = {a: t for a, t in zip(articles["article_id"], articles["title"]) if isinstance(t, str) and t}
    return [label(titles.get(a, ""), width, 2, fallback=a) for a in table["article_id"]]


_MEDIAN = {"color": "black", "lw": 1.5}
_BOX_NOTE = "\nbox: middle half of the articles; black bar: median; whiskers reach 1.5 box lengths (outliers not drawn)"


def _n(count: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _rows_height(n_rows: int, per_row: float = 0.36, extra: float = 1.5) -> float:
    """Figure height that leaves each labelled row (two lines of small text) room to breathe."""
    return max(2.5, per_row * n_rows + extra)


def _legend_below(ax, handles=None, ncol=4, **kwargs):
    """The legend under the plot, outside the data (the layout makes room), so it never covers a
    bar, a dot or the axis label."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    kwargs.pop("bbox_to_anchor", None)
    return ax.figure.legend(handles, labels, loc="outside lower center", ncol=ncol,
                            **{"fontsize": 8, "frameon": False, **kwargs})


@_styled
def readability_grades(scores, articles=None):
    """US school grade of each article by five formulas: a coloured dot per article (named in the
    legend) for up to 8 articles, grey dots and the median for up to 30, box plots for more.
    Grade 12 = end of high school."""
    s = scores.dropna(subset=["flesch_kincaid_grade"]) if len(scores) else scores
    if len(s) == 0:
        return empty("No article has enough text for readability scores.")
    labels = [_SCORE_LABELS[c] for c in GRADE_SCORES]
    fig, ax = subplots()
    if len(s) <= 8:
        names = _article_labels(s, articles, width=40)
        for k, (_, row) in enumerate(s.iterrows()):
            ax.plot([row[c] for c in GRADE_SCORES], range(len(GRADE_SCORES)), "o", alpha=0.85,
                    label=names[k].replace("\n", " "))
        ax.set_yticks(range(len(GRADE_SCORES)), labels)
        _legend_below(ax, ncol=1 if len(s) > 2 else 2)
    elif len(s) <= 30:
        for k, c in enumerate(GRADE_SCORES):
            ax.plot(s[c], [k] * len(s), "o", color="#8c8c8c", alpha=0.5, label="an article" if k == 0 else None)
            ax.plot([s[c].median()] * 2, [k - 0.3, k + 0.3], color="black", lw=2,
                    label="median" if k == 0 else None)
        ax.set_yticks(range(len(GRADE_SCORES)), labels)
        _legend_below(ax)
    else:
        ax.boxplot([s[c] for c in GRADE_SCORES], vert=False, showfliers=False, medianprops=_MEDIAN)
        ax.set_yticks(range(1, len(GRADE_SCORES) + 1), labels)
    ax.axvline(12, color="grey", lw=0.8, ls="--")
    ax.set_xlabel("US school grade (12 = end of high school, dashed)" + (_BOX_NOTE if len(s) > 30 else ""))
    ax.set_title(f"How hard the text is to read ({_n(len(s), 'article')})")
    return fig


@_styled
def sentence_length_histogram(lengths):
    """Histogram of sentence length (words per sentence) over all sentences, median marked."""
    if lengths is None or len(lengths) == 0:
        return empty("No sentences to plot.")
    w = lengths["words"].clip(upper=80)
    fig, ax = subplots()
    ax.hist(w, bins=range(0, 82, 2), color="#4c72b0", label="sentences")
    med = float(lengths["words"].median())
    ax.axvline(med, color="black", lw=1.2, ls="--", label=f"median: {med:g} words")
    ax.set_xlabel("words per sentence (80+ shown at 80)")
    ax.set_ylabel("sentences")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, loc="upper right")
    ax.set_title(f"Sentence length ({_n(len(lengths), 'sentence')}, {_n(lengths['article_id'].nunique(), 'article')})")
    return fig


@_styled
def readability_by_paragraph(par_scores, score="flesch_kincaid_grade", article_id=None):
    """Readability paragraph by paragraph: one article's profile (bars), or the median and middle
    half of all articles by paragraph position when there are several."""
    p = par_scores.dropna(subset=[score]) if len(par_scores) else par_scores
    if len(p) == 0:
        return empty("No paragraph has enough text for a score.")
    fig, ax = subplots()
    ids = p["article_id"].unique()
    if article_id is not None or len(ids) == 1:
        aid = article_id if article_id is not None else ids[0]
        one = p[p["article_id"] == aid]
        ax.bar(one["paragraph"], one[score], color="#4c72b0")
        for x, y, n in zip(one["paragraph"], one[score], one["sentences"]):
            ax.text(x, y, f"{n}s", ha="center", va="bottom", fontsize=7)
        ax.set_title(f"{_SCORE_LABELS.get(score, score)} by paragraph (article {aid}; labels: sentences)")
    else:
        p = p[p["paragraph"] < 30]
        g = p.groupby("paragraph")[score]
        q = g.quantile([0.25, 0.5, 0.75]).unstack()
        ax.fill_between(q.index, q[0.25], q[0.75], color="#4c72b0", alpha=0.25, label="middle half of articles")
        ax.plot(q.index, q[0.5], color="#4c72b0", label="median")
        ax.legend(fontsize=8)
        ax.set_title(f"{_SCORE_LABELS.get(score, score)} by paragraph position ({len(ids)} articles)")
    ax.set_xlabel("paragraph (0 = lead)")
    ax.set_ylabel(_SCORE_LABELS.get(score, score))
    return fig


@_styled
def readability_by_voice(voice_scores, score="flesch_kincaid_grade", articles=None):
    """Authorial versus quoted text: the score of each (paired dots per article, or box plots when
    there are more than 30 articles). Articles without quotes have no quoted dot."""
    v = voice_scores.dropna(subset=[score]) if len(voice_scores) else voice_scores
    if len(v) == 0 or "quoted" not in set(v["voice"]):
        return empty("No quoted text with enough words to compare.")
    wide = v.pivot(index="article_id", columns="voice", values=score)
    if len(wide) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(wide), extra=1.8)))
        wide = wide.reset_index()
        names = _article_labels(wide, articles)
        for k, row in wide.iterrows():
            ax.plot([row.get("authorial"), row.get("quoted")], [k, k], color="grey", lw=0.8)
        ax.plot(wide.get("authorial"), range(len(wide)), "o", color="#4c72b0", label="reporter's own words")
        ax.plot(wide.get("quoted"), range(len(wide)), "o", color="#dd8452", label="quoted speech")
        ax.set_yticks(range(len(wide)), names, fontsize=7)
        ax.set_ylim(-0.7, len(wide) - 0.3)
        ax.invert_yaxis()
        _legend_below(ax)
    else:
        fig, ax = subplots()
        cols = [c for c in ("authorial", "quoted") if c in wide]
        ax.boxplot([wide[c].dropna() for c in cols], vert=False, showfliers=False, medianprops=_MEDIAN)
        ax.set_yticks(range(1, len(cols) + 1), [{"authorial": "reporter's own words", "quoted": "quoted speech"}[c]
                                                for c in cols])
    ax.set_xlabel(_SCORE_LABELS.get(score, score) + (_BOX_NOTE if len(wide) > 30 else ""))
    ax.set_title(f"Reporter's own words versus quoted speech ({_n(len(wide), 'article')})")
    return fig


# --- framing (analysis.framing) ---
@_styled
def frame_profile(scores, articles=None, frames=None):
    """Frame strength (matches per 1,000 words): for one article a bar per frame; for up to 30 a
    heat map article x frame; for more, the share of articles in which each frame is present and
    its mean strength."""
    if scores is None or len(scores) == 0:
        return empty("No frame scores.")
    frames = frames or list(dict.fromkeys(scores["frame"]))
    s = scores[scores["frame"].isin(frames)]
    ids = list(dict.fromkeys(s["article_id"]))
    names = [f.replace("_", " ") for f in frames]
    if len(ids) == 1:
        one = s.set_index("frame").reindex(frames)
        fig, ax = subplots(figsize=(8, _rows_height(len(frames), 0.3)))
        present = one["present"].fillna(False).astype(bool)
        ax.barh(range(len(frames)), one["per_1000_words"].fillna(0),
                color=["#4c72b0" if p else "#b3c6e0" for p in present])
        for y, (v, n) in enumerate(zip(one["per_1000_words"].fillna(0), one["matches"].fillna(0))):
            if n:
                ax.text(v, y, f" {int(n)} match{'es' if n != 1 else ''}", va="center", fontsize=7)
        ax.set_yticks(range(len(frames)), names)
        ax.invert_yaxis()
        ax.set_xlim(0, max(1.0, float(one["per_1000_words"].max() or 0)) * 1.25)
        ax.set_xlabel("matches per 1,000 words")
        _legend_below(ax, [Patch(color="#4c72b0", label="present (2+ distinct terms)"),
                           Patch(color="#b3c6e0", label="not present")], ncol=2)
        title = label(_article_labels(s.head(1), articles, 70)[0].replace("\n", " "), 70, 1)
        ax.set_title(f"Frame profile of the article\n{title}", fontsize=10)
    elif len(ids) <= 30:
        m = s.pivot(index="article_id", columns="frame", values="per_1000_words").reindex(index=ids, columns=frames)
        fig, ax = subplots(figsize=(9, _rows_height(len(ids), extra=2.2)))
        im = ax.imshow(m.fillna(0).values, aspect="auto", cmap="Blues")
        ax.set_xticks(range(len(frames)), names, rotation=40, ha="right")
        ax.set_yticks(range(len(ids)), _article_labels(m.reset_index(), articles), fontsize=7)
        top = float(m.max().max()) if m.notna().any().any() else 0.0
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                val = m.values[i, j]
                if val and not math.isnan(val):
                    ax.text(j, i, f"{val:.0f}", ha="center", va="center", fontsize=7,
                            color="white" if val > top / 2 else "black")
        ax.grid(False)
        fig.colorbar(im, ax=ax, label="matches per 1,000 words")
        ax.set_title("Frame profile of each article")
    else:
        share = s.groupby("frame", sort=False)["present"].mean().reindex(frames)
        strength = s.groupby("frame", sort=False)["per_1000_words"].mean().reindex(frames)
        fig, (a1, a2) = subplots(1, 2, figsize=(10, 4.5), sharey=True)
        a1.barh(range(len(frames)), share.values * 100, color="#4c72b0")
        a1.set_yticks(range(len(frames)), names)
        a1.set_xlabel("% of articles where present")
        a2.barh(range(len(frames)), strength.values, color="#55a868")
        a2.set_xlabel("mean matches per 1,000 words")
        a1.invert_yaxis()
        fig.suptitle(f"Frames across {len(ids):,} articles")
    return fig


@_styled
def frames_across_paragraphs(par_scores, frames=None, article_id=None, bins=5):
    """How frames move through a story: matches per paragraph for one article (heat map frame x
    paragraph), or mean matches per 1,000 words by position in the article (lead .. end, in `bins`
    equal parts) over many articles."""
    if par_scores is None or len(par_scores) == 0:
        return empty("No paragraphs with frame scores.")
    frames = frames or list(dict.fromkeys(par_scores["frame"]))
    p = par_scores[par_scores["frame"].isin(frames)].copy()
    ids = p["article_id"].unique()
    if article_id is not None or len(ids) == 1:
        aid = article_id if article_id is not None else ids[0]
        one = p[p["article_id"] == aid]
        m = one.pivot(index="frame", columns="paragraph", values="matches").reindex(frames)
        title = f"Frames paragraph by paragraph (article {aid}; numbers: matches)"
        xlabel = "paragraph (0 = lead)"
        xt = list(m.columns)
        cbar = "matches"
    else:
        last = p.groupby("article_id")["paragraph"].transform("max")
        p["part"] = (p["paragraph"] * bins // (last + 1)).clip(upper=bins - 1)
        agg = p.groupby(["frame", "part"]).agg(matches=("matches", "sum"), words=("words", "sum"))
        agg["rate"] = 1000 * agg["matches"] / agg["words"].where(agg["words"] > 0)
        m = agg["rate"].unstack("part").reindex(frames)
        title = f"Where in the story each frame appears ({len(ids):,} articles)"
        xlabel = "position in the article (lead to end)"
        xt = [f"{100 * k // bins}-{100 * (k + 1) // bins}%" for k in m.columns]
        cbar = "matches per 1,000 words"
    fig, ax = subplots(figsize=(max(6, 0.45 * m.shape[1] + 3), 0.4 * len(frames) + 1.8))
    im = ax.imshow(m.fillna(0).values, aspect="auto", cmap="Oranges")
    ax.set_yticks(range(len(frames)), [f.replace("_", " ") for f in frames])
    ax.set_xticks(range(m.shape[1]), xt, fontsize=8)
    if m.shape[1] <= 40 and article_id is not None or len(ids) == 1:
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                v = m.values[i, j]
                if v and not math.isnan(v):
                    ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=7)
    ax.grid(False)
    ax.set_xlabel(xlabel)
    fig.colorbar(im, ax=ax, label=cbar)
    ax.set_title(title)
    return fig


@_styled
def frames_by_outlet(scores, articles, frames=None, min_articles=1):
    """Mean frame strength (matches per 1,000 words) by outlet, as a heat map; needs 2+ outlets.
    Articles whose outlet is not known form their own row, "(outlet unknown)"."""
    if articles is None or len(articles) == 0 or scores is None or len(scores) == 0:
        return empty("No articles with frame scores.")
    outlets = articles.get("outlet")
    if outlets is None or outlets.isna().all():
        return empty(f"No outlet is known for the {_n(len(articles), 'article')}: nothing to compare.")
    named = outlets.fillna("(outlet unknown)").astype(str)
    if named.nunique() < 2:
        return empty(f"One outlet only ({label(named.iloc[0], 50, 1)}, {_n(len(articles), 'article')}): "
                     "nothing to compare.")
    frames = frames or list(dict.fromkeys(scores["frame"]))
    s = scores[scores["frame"].isin(frames)].merge(
        articles[["article_id"]].assign(outlet=named.values), on="article_id")
    n = s.groupby("outlet")["article_id"].nunique()
    keep = n[n >= min_articles].sort_values(ascending=False, kind="stable").index[:30]
    m = s[s["outlet"].isin(keep)].groupby(["outlet", "frame"])["per_1000_words"].mean().unstack().reindex(index=keep, columns=frames)
    fig, ax = subplots(figsize=(9, _rows_height(len(keep), 0.3, 2.2)))
    im = ax.imshow(m.fillna(0).values, aspect="auto", cmap="Purples")
    ax.set_xticks(range(len(frames)), [f.replace("_", " ") for f in frames], rotation=40, ha="right")
    ax.set_yticks(range(len(keep)), [f"{label(o, 30, 1, fallback='(unreadable name)')} ({n[o]})" for o in keep],
                  fontsize=7)
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="mean matches per 1,000 words")
    ax.set_title("Frames by outlet (number of articles in brackets)")
    return fig


@_styled
def frame_agreement(table, title="Dictionary versus hand coding, per frame"):
    """Validation: precision, recall and Cohen's kappa of the dictionary against hand coding, per frame."""
    if table is None or len(table) == 0:
        return empty("No validation data.")
    t = table.set_index("frame")
    cols = [("precision", "#4c72b0"), ("recall", "#55a868"), ("kappa", "#c44e52")]
    fig, ax = subplots(figsize=(9, 4.5))
    x = range(len(t))
    for k, (c, color) in enumerate(cols):
        ax.bar([i + (k - 1) * 0.27 for i in x], t[c].fillna(0), width=0.27, color=color, label=c)
    ax.set_xticks(list(x), [f"{f.replace('_', ' ')}\n({int(g)} in gold)" for f, g in zip(t.index, t["gold_present"])],
                  rotation=35, ha="right", fontsize=8)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_ylim(min(-0.1, float(t["kappa"].min()) - 0.05), 1.05)
    _legend_below(ax, ncol=3)
    ax.set_title(title)
    return fig


# --- quotes and sourcing (analysis.quotes, analysis.sourcing) ---
SOURCE_TYPE_COLORS = {
    "government_official": "#4c72b0", "politician": "#8172b3", "military_security": "#55a868",
    "expert_academic": "#64b5cd", "civil_society_ngo": "#ccb974", "business": "#dd8452",
    "citizen_eyewitness": "#da8bc3", "media_news_agency": "#937860", "poll_survey": "#8c8c8c",
    "document_report": "#b3b3b3", "anonymous_unnamed": "#c44e52", "other": "#d9d9d9",
}
OFFICIAL_TYPES = ("government_official", "politician", "military_security")
KIND_COLORS = {"direct": "#4c72b0", "reported": "#dd8452", "stance": "#ccb974", "according_to": "#8c8c8c"}


@_styled
def sources_per_article(attributions, articles=None):
    """Distinct sources per article (direct, reported and according-to attributions together). For
    one article: each of its sources, with its attributions split by kind."""
    if attributions is None or len(attributions) == 0:
        return empty("No attributions found.")
    a = attributions.assign(speaker=attributions["speaker"].fillna("(unattributed)"))
    n = a.groupby("article_id")["speaker"].nunique()
    if articles is not None and len(articles):
        n = n.reindex(articles["article_id"], fill_value=0)
    if len(n) == 1:
        t = a.groupby(["speaker", "kind"]).size().unstack(fill_value=0)
        t = t.reindex(columns=[k for k in KIND_COLORS if k in t.columns])
        t = t.loc[t.sum(axis=1).sort_values(ascending=False, kind="stable").index]
        fig, ax = subplots(figsize=(8, _rows_height(len(t), extra=1.8)))
        left = None
        for kind in t.columns:
            ax.barh(range(len(t)), t[kind], left=left, color=KIND_COLORS[kind], label=kind.replace("_", " "))
            left = t[kind] if left is None else left + t[kind]
        ax.set_yticks(range(len(t)), [label(s, 34, 2, fallback="(name not drawable)") for s in t.index], fontsize=8)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("attributions")
        _legend_below(ax, ncol=3)
        ax.set_title(f"The {_n(len(t), 'source')} of the article and how each is cited")
        return fig
    if len(n) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(n))))
        labels = _article_labels(n.rename("n").reset_index(), articles)
        ax.barh(range(len(n)), n.values, color="#4c72b0")
        ax.set_yticks(range(len(n)), labels, fontsize=7)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("distinct sources")
    else:
        fig, ax = subplots()
        ax.hist(n.values, bins=range(int(n.max()) + 2), color="#4c72b0", align="left")
        ax.set_xlabel("distinct sources in the article")
        ax.set_ylabel("articles")
    ax.set_title(f"Sources per article ({_n(len(n), 'article')})")
    return fig


@_styled
def source_types(attributions):
    """Attributions per source type, split by kind (direct quote, reported speech, according to)."""
    if attributions is None or len(attributions) == 0:
        return empty("No attributions found.")
    t = attributions.groupby(["source_type", "kind"]).size().unstack(fill_value=0)
    t = t.reindex(columns=[k for k in KIND_COLORS if k in t.columns])
    t = t.loc[t.sum(axis=1).sort_values().index]
    fig, ax = subplots(figsize=(8, _rows_height(len(t), 0.4, 1.8)))
    left = None
    for kind in t.columns:
        ax.barh(t.index.str.replace("_", " "), t[kind], left=left, color=KIND_COLORS[kind],
                label=kind.replace("_", " "))
        left = t[kind] if left is None else left + t[kind]
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("attributions")
    _legend_below(ax, ncol=3)
    ax.set_title("Who is cited: source types")
    return fig


@_styled
def top_sources(attributions, n=15):
    """The most cited sources (attributions of every kind), coloured by source type."""
    if attributions is None or len(attributions) == 0:
        return empty("No attributions found.")
    a = attributions[attributions["speaker"].notna()]
    if a.empty:
        return empty("No named sources.")
    t = (a.groupby("speaker").agg(n=("kind", "size"), source_type=("source_type", "first"))
         .sort_values("n", ascending=False, kind="stable").head(n).iloc[::-1])
    fig, ax = subplots(figsize=(8, _rows_height(len(t), 0.34, 1.8)))
    ax.barh(range(len(t)), t["n"], color=[SOURCE_TYPE_COLORS.get(x, "#d9d9d9") for x in t["source_type"]])
    ax.set_yticks(range(len(t)), [label(s, 36, 2, fallback="(name not drawable)") for s in t.index], fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _type_legend(ax, t["source_type"])
    ax.set_xlabel("attributions")
    ax.set_title(f"Top {len(t)} sources")
    return fig


def _type_legend(ax, types):
    """Legend of the source-type colours used, below the axes."""
    used = list(dict.fromkeys(types))
    _legend_below(ax, [Patch(color=SOURCE_TYPE_COLORS.get(x, "#d9d9d9"), label=str(x).replace("_", " "))
                       for x in used], ncol=min(4, len(used)))


@_styled
def official_and_unnamed(attributions, articles=None):
    """Per article: share of attributions to official voices (government, politicians, military)
    and to anonymous or unnamed sources. For one article: every attribution in reading order, by
    source, coloured official / unnamed / other."""
    if attributions is None or len(attributions) == 0:
        return empty("No attributions found.")
    a = attributions.assign(official=attributions["source_type"].isin(OFFICIAL_TYPES),
                            unnamed=attributions["source_type"].eq("anonymous_unnamed"))
    t = a.groupby("article_id")[["official", "unnamed"]].mean()
    groups = {"official voices": "#4c72b0", "unnamed sources": "#c44e52", "other sources": "#8c8c8c"}
    if len(t) == 1:
        a = a.assign(speaker=a["speaker"].fillna("(unattributed)"),
                     group=["official voices" if o else "unnamed sources" if u else "other sources"
                            for o, u in zip(a["official"], a["unnamed"])])
        speakers = list(dict.fromkeys(a["speaker"]))
        fig, ax = subplots(figsize=(8, _rows_height(len(speakers), extra=1.8)))
        for g, color in groups.items():
            part = a[a["group"] == g]
            ax.plot(part["paragraph"], [speakers.index(s) for s in part["speaker"]], "o", ms=8, color=color,
                    label=f"{g} ({len(part)})", alpha=0.85)
        ax.set_yticks(range(len(speakers)), [label(s, 34, 2, fallback="(name not drawable)") for s in speakers],
                      fontsize=8)
        ax.set_ylim(-0.7, len(speakers) - 0.3)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("paragraph (0 = lead)")
        _legend_below(ax, ncol=3)
        ax.set_title(f"Official voices and unnamed sources: {t['official'].iloc[0]:.0%} and "
                     f"{t['unnamed'].iloc[0]:.0%} of the article's {len(a)} attributions")
        return fig
    if len(t) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(t), extra=1.8)))
        labels = _article_labels(t.reset_index(), articles)
        y = range(len(t))
        ax.barh([i - 0.2 for i in y], t["official"], height=0.4, color="#4c72b0", label="official voices")
        ax.barh([i + 0.2 for i in y], t["unnamed"], height=0.4, color="#c44e52", label="unnamed sources")
        ax.set_yticks(list(y), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("share of the article's attributions")
        ax.set_xlim(0, 1)
    else:
        fig, ax = subplots()
        bins = [i / 20 for i in range(21)]
        ax.hist(t["official"], bins=bins, alpha=0.7, color="#4c72b0", label="official voices")
        ax.hist(t["unnamed"], bins=bins, alpha=0.7, color="#c44e52", label="unnamed sources")
        ax.set_xlabel("share of the article's attributions")
        ax.set_ylabel("articles")
    _legend_below(ax, ncol=2)
    ax.set_title(f"Official voices and unnamed sources ({_n(len(t), 'article')})")
    return fig


@_styled
def quote_share_overview(share, articles=None):
    """Share of body words in direct quotes and in reported speech, per article (bars for a few
    articles, each part labelled with its share for up to 3; histograms for many)."""
    if share is None or len(share) == 0 or share["words"].sum() == 0:
        return empty("No article text.")
    s = share[share["words"] > 0]
    if len(s) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(s), 0.4 if len(s) > 3 else 0.7, 1.8)))
        labels = _article_labels(s, articles)
        q, r = s["quote_share"].to_numpy(), s["reported_share"].to_numpy()
        y = list(range(len(s)))
        parts = [(q, 0 * q, "#4c72b0", "direct quotes"), (r, q, "#dd8452", "reported speech"),
                 (1 - q - r, q + r, "#e5e5e5", "reporter's own words")]
        for width, left, color, name in parts:
            ax.barh(y, width, left=left, color=color, label=name)
            if len(s) <= 3:
                for yy, w, l in zip(y, width, left):
                    if w >= 0.06:
                        ax.text(l + w / 2, yy, f"{w:.0%}", ha="center", va="center", fontsize=9,
                                color="black" if color == "#e5e5e5" else "white")
        ax.set_yticks(y, labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of body words")
    else:
        fig, ax = subplots()
        bins = [i / 25 for i in range(26)]
        ax.hist(s["quote_share"], bins=bins, alpha=0.7, color="#4c72b0", label="direct quotes")
        ax.hist(s["reported_share"], bins=bins, alpha=0.7, color="#dd8452", label="reported speech")
        ax.set_xlabel("share of the article's words")
        ax.set_ylabel("articles")
    _legend_below(ax, ncol=3)
    ax.set_title(f"How much of the text is other people's words ({_n(len(s), 'article')})")
    return fig


@_styled
def quoted_words_by_source(source_share, n=15):
    """Quoted words per source and their share of all quoted words (source_share table), coloured
    by source type (legend below)."""
    if source_share is None or len(source_share) == 0:
        return empty("No direct quotes.")
    t = source_share.groupby("speaker").agg(quoted_words=("quoted_words", "sum"),
                                            source_type=("source_type", "first"))
    t["share"] = t["quoted_words"] / t["quoted_words"].sum()
    t = t.sort_values("quoted_words", ascending=False, kind="stable").head(n).iloc[::-1]
    fig, ax = subplots(figsize=(8, _rows_height(len(t), 0.34, 1.8)))
    ax.barh(range(len(t)), t["share"], color=[SOURCE_TYPE_COLORS.get(x, "#d9d9d9") for x in t["source_type"]])
    ax.set_yticks(range(len(t)), [label(s, 36, 2, fallback="(name not drawable)") for s in t.index], fontsize=8)
    for i, (sh, w) in enumerate(zip(t["share"], t["quoted_words"])):
        ax.text(sh, i, f" {w:,} words", va="center", fontsize=7)
    ax.set_xlabel("share of all quoted words")
    ax.set_xlim(0, min(1.0, float(t["share"].max()) * 1.35 + 0.05))
    _type_legend(ax, t["source_type"].iloc[::-1])
    ax.set_title("Whose words are quoted")
    return fig


def _speech_per_paragraph(quotes_table, attributions, articles, article_id=None) -> pd.DataFrame:
    """One row per paragraph: words, words in direct speech quotes (outer quotes, no scare quotes)
    and words of reported speech."""
    q = quotes_table[quotes_table["kind"] != "scare"]
    if "nested" in q.columns:
        q = q[~q["nested"]]
    r = attributions[attributions["kind"] == "reported"]
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if article_id is not None and aid != article_id or not isinstance(text, str):
            continue
        paras = text.split("\n\n")
        for i, p in enumerate(paras):
            rows.append((aid, i, len(paras), len(p.split())))
    par = pd.DataFrame(rows, columns=["article_id", "paragraph", "n_paragraphs", "words"])
    qw = q.groupby(["article_id", "paragraph"])["n_words"].sum().rename("quoted")
    rw = r.assign(n=r["text"].str.split().str.len()).groupby(["article_id", "paragraph"])["n"].sum()
    par = par.join(qw, on=["article_id", "paragraph"]).join(rw.rename("reported"), on=["article_id", "paragraph"])
    return par.fillna({"quoted": 0, "reported": 0})


@_styled
def speech_by_paragraph(quotes_table, attributions, articles, article_id=None, bins=10):
    """Direct-quote and reported-speech words along the text: per paragraph for the article
    `article_id`; without it, the share of words in each tenth of the text over all articles, or
    for a corpus of one article how its quoted and reported words accumulate from top to end."""
    if articles is None or len(articles) == 0:
        return empty("No articles.")
    par = _speech_per_paragraph(quotes_table, attributions, articles, article_id)
    if par.empty or par["words"].sum() == 0:
        return empty("No article text.")
    fig, ax = subplots()
    if article_id is not None:
        x = par["paragraph"]
        ax.bar(x, par["quoted"], color="#4c72b0", label="direct quotes")
        ax.bar(x, par["reported"], bottom=par["quoted"], color="#dd8452", label="reported speech")
        ax.bar(x, (par["words"] - par["quoted"] - par["reported"]).clip(lower=0),
               bottom=par["quoted"] + par["reported"], color="#e5e5e5", label="reporter's own words")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("paragraph (0 = lead)")
        ax.set_ylabel("words")
        _legend_below(ax, ncol=3)
        name = _article_labels(pd.DataFrame({"article_id": [article_id]}), articles, 60)[0].replace("\n", " ")
        ax.set_title(f"Direct and reported speech, paragraph by paragraph\n{name}", fontsize=10)
    elif par["article_id"].nunique() == 1:
        done = par["words"].cumsum() / par["words"].sum()
        x = [0.0, *done]
        for col, color, name in [("quoted", "#4c72b0", "direct quotes"), ("reported", "#dd8452", "reported speech")]:
            total = par[col].sum()
            if total:
                ax.step(x, [0.0, *(par[col].cumsum() / total)], where="post", color=color, lw=2,
                        label=f"{name} ({int(total)} words)")
        ax.plot([0, 1], [0, 1], color="grey", lw=0.8, ls=":", label="evenly spread")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("share of the article's words read, from the top")
        ax.set_ylabel("share of its quoted / reported words so far")
        _legend_below(ax, ncol=3)
    else:
        par["part"] = (par["paragraph"] * bins // par["n_paragraphs"]).clip(upper=bins - 1)
        g = par.groupby("part")[["words", "quoted", "reported"]].sum()
        x = [(i + 0.5) / bins for i in g.index]
        ax.plot(x, g["quoted"] / g["words"], marker="o", color="#4c72b0", label="direct quotes")
        ax.plot(x, g["reported"] / g["words"], marker="o", color="#dd8452", label="reported speech")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, max(0.1, float((g[["quoted", "reported"]].max(axis=1) / g["words"]).max()) * 1.15))
        ax.set_xlabel(f"position in the article (0 = top, 1 = end; {bins} equal parts)")
        ax.set_ylabel("share of the part's words")
        _legend_below(ax, ncol=2)
    if article_id is None:
        ax.set_title(f"Where in the article sources speak ({_n(par['article_id'].nunique(), 'article')})")
    return fig


@_styled
def quote_validation(result, targets=None, title="Quotes and speakers versus hand annotation"):
    """Validation of quotes and speakers against hand annotation: one bar per measure (its value
    printed inside the bar), the kit's target for it as a red tick, every colour in the legend."""
    if not result:
        return empty("No validation result.")
    targets = targets or {"precision": 0.90, "recall": 0.90, "f1": 0.95, "speaker_accuracy": 0.90}
    keys = ["precision", "recall", "f1", "speaker_accuracy", "source_type_accuracy"]
    colors = {"quote spans": "#4c72b0", "speakers": "#55a868", "source types": "#8172b3"}
    group = ["quote spans"] * 3 + ["speakers", "source types"]
    fig, ax = subplots()
    vals = [result.get(k, float("nan")) for k in keys]
    ax.bar(range(len(keys)), vals, color=[colors[g] for g in group])
    for i, (k, v) in enumerate(zip(keys, vals)):
        if not math.isnan(v):
            ax.text(i, 0.03, f"{v:.2f}", ha="center", va="bottom", fontsize=9, color="white")
        if k in targets:
            ax.hlines(targets[k], i - 0.4, i + 0.4, color="#c44e52", lw=2)
    ax.set_xticks(range(len(keys)), [k.replace("_", " ") for k in keys], fontsize=8)
    ax.set_ylim(0, 1.0)
    handles = [Patch(color=c, label=g) for g, c in colors.items()]
    handles.append(matplotlib.lines.Line2D([], [], color="#c44e52", lw=2, label="target"))
    _legend_below(ax, handles, ncol=4)
    ax.set_title(f"{title}\n({result.get('gold_quotes', 0)} hand-annotated speech quotes)")
    return fig


@_styled
def tone_profile(sentence_tone, article_tone=None, articles=None):
    """VADER tone through the text. One article: the compound score of each sentence in reading
    order (bars, red negative, green positive) with the article's mean as a line. Up to 30 articles:
    one row per article, a dot per sentence and a black bar at the mean. More: histogram of article
    means. Compound runs from -1 (most negative) to +1 (most positive)."""
    if sentence_tone is None or len(sentence_tone) == 0:
        return empty("No sentences to score for tone.")
    ids = list(dict.fromkeys(sentence_tone["article_id"]))
    if len(ids) == 1:
        fig, ax = subplots()
        c = sentence_tone["compound"].to_numpy()
        ax.bar(range(len(c)), c, color=["#c44e52" if v < 0 else "#55a868" for v in c])
        ax.axhline(c.mean(), color="black", lw=1, ls="--")
        ax.set_ylim(-1, 1)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("sentence (reading order)")
        ax.set_ylabel("VADER compound")
        _legend_below(ax, [Patch(color="#55a868", label="positive sentence"),
                           Patch(color="#c44e52", label="negative sentence"),
                           matplotlib.lines.Line2D([], [], color="black", lw=1, ls="--",
                                                   label=f"article mean {c.mean():+.2f}")], ncol=3)
        name = _article_labels(sentence_tone.head(1), articles, 60)[0].replace("\n", " ")
        ax.set_title(f"Tone sentence by sentence\n{name}", fontsize=10)
    elif len(ids) <= 30:
        fig, ax = subplots(figsize=(8, _rows_height(len(ids), extra=1.8)))
        for k, aid in enumerate(ids):
            c = sentence_tone.loc[sentence_tone["article_id"] == aid, "compound"]
            ax.plot(c, [k] * len(c), "o", ms=3, alpha=0.5, color="#8172b3", label="a sentence" if k == 0 else None)
            ax.plot([c.mean()] * 2, [k - 0.35, k + 0.35], color="black", lw=2,
                    label="article mean" if k == 0 else None)
        ax.set_yticks(range(len(ids)), _article_labels(pd.DataFrame({"article_id": ids}), articles), fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_xlim(-1, 1)
        ax.set_xlabel("VADER compound of each sentence")
        _legend_below(ax, ncol=2)
        ax.set_title("Tone of each article, sentence by sentence")
    else:
        fig, ax = subplots()
        means = (article_tone["compound"].dropna() if article_tone is not None
                 else sentence_tone.groupby("article_id")["compound"].mean())
        ax.hist(means, bins=[x / 20 for x in range(-20, 21)], color="#8172b3")
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_xlabel("article mean of sentence compound scores")
        ax.set_ylabel("articles")
        ax.set_title(f"Tone across {len(ids):,} articles")
    return fig


GENDER_COLORS = {"female": "#c44e52", "male": "#4c72b0", "unknown": "#bdbdbd"}


@_styled
def sources_by_gender(gender_share):
    """People quoted and words quoted by gender (`analysis.sourcing.gender_share(..., by="corpus")`):
    two stacked bars of shares, as the Gender Gap Tracker shows them; counts in the labels."""
    from matplotlib.ticker import PercentFormatter
    g = gender_share
    if g is None or len(g) == 0 or g["n_people"].sum() == 0:
        return empty("No people quoted directly.")
    g = g.groupby("gender")[["n_people", "quoted_words"]].sum().reindex(list(GENDER_COLORS)).fillna(0)
    fig, ax = subplots(figsize=(8, 2.6))
    for y, col in enumerate(("n_people", "quoted_words")):
        shares, left = g[col] / g[col].sum(), 0.0
        for gender, color in GENDER_COLORS.items():
            ax.barh(y, shares[gender], left=left, color=color, label=gender if y == 0 else None)
            if shares[gender] >= 0.06:
                ax.text(left + shares[gender] / 2, y, f"{shares[gender]:.0%}\n({int(g.loc[gender, col]):,})",
                        ha="center", va="center", fontsize=8, color="black" if gender == "unknown" else "white")
            left += shares[gender]
    ax.set_yticks([0, 1], ["people quoted", "words quoted"])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.grid(False)
    _legend_below(ax, ncol=3)
    ax.set_title("Who speaks, by gender (as the articles present them)")
    return fig
