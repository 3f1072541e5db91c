"""What the kit's notebooks share: where a run reads and writes, and one table of its warnings.

A notebook's parameters cell names the corpus and, optionally, an output folder. When they are left
at `None`, the environment decides, the same way for JupyterLab, `jupyter nbconvert --execute` and
papermill:

    ANALYSIS_CORPUS   the corpus (folder, file or glob); default: the kit's `seeds/`
    ANALYSIS_OUT      the output folder for tables, figures and reports; default: the kit's
                      `figures/` for the seed, `out/<corpus name>/` for any other corpus

Relative paths are resolved against the kit's folder (the one holding `notebooks/` and `seeds/`),
never the working directory, so a notebook gives the same result wherever its kernel was started.
Only the seed corpus writes into the committed `figures/`; every other corpus writes under its own
output folder (`out/` is ignored by git), so a run on your own files leaves the repository clean.
"""
from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ENV_CORPUS = "ANALYSIS_CORPUS"
ENV_OUT = "ANALYSIS_OUT"
NUMBERED = "[0-9][0-9]_*.ipynb"     # the kit's own notebooks; users' notebooks go in notebooks/mine/


def kit_root() -> Path:
    """The kit's folder: the checkout this package was installed from (editable install), else the
    first folder from the working directory upwards that holds `notebooks/` and `seeds/`."""
    package_parent = Path(__file__).resolve().parents[1]
    for folder in (package_parent, *[Path.cwd(), *Path.cwd().parents]):
        if (folder / "notebooks").is_dir() and (folder / "seeds").is_dir():
            return folder
    return Path.cwd()


def numbered_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The kit's numbered notebooks (`01_…` to `06_…`) in order; users' own notebooks are not run."""
    return sorted(Path(folder or kit_root() / "notebooks").glob(NUMBERED))


@dataclass(frozen=True, slots=True)
class RunPaths:
    """Where one notebook run reads and writes (all absolute)."""
    root: Path                 # the kit's folder
    corpus: str | list[str]    # what `analysis.tables` loads
    is_seed: bool              # the kit's own seed corpus (the only one that writes to figures/)
    out_dir: Path              # this run's output folder
    tables_dir: Path | None    # precomputed tables to read (None: compute in the notebook)
    figures_dir: Path          # where figures are saved

    def describe(self) -> str:
        corpus = self.corpus if isinstance(self.corpus, str) else f"{len(self.corpus)} paths"
        return (f"corpus: {corpus}\nfigures: {self.figures_dir}"
                + (f"\ntables: {self.tables_dir}" if self.tables_dir else ""))


def _resolve(path: str | Path, root: Path) -> str:
    text = os.path.expanduser(str(path))
    return text if os.path.isabs(text) else str(root / text)


def _slug(corpus: str | list[str]) -> str:
    first = corpus if isinstance(corpus, str) else (corpus[0] if corpus else "corpus")
    parts = [p for p in Path(first).parts if not any(ch in p for ch in "*?[")]
    name = "_".join(parts[-2:]) if parts and parts[-1] in ("pages", "data", "corpus") else (parts[-1] if parts else "")
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).stem if "." in name else name).strip("._")
    return name or "corpus"


def run_paths(corpus=None, out_dir=None, tables_dir=None, figures_dir=None) -> RunPaths:
    """Resolve a notebook's parameters (None: the environment, then the defaults; see the module
    docstring). Relative paths are relative to the kit's folder."""
    root = kit_root()
    seeds = (root / "seeds").resolve()
    if corpus is None:
        corpus = os.environ.get(ENV_CORPUS) or "seeds"
    if isinstance(corpus, (list, tuple)):
        corpus = [_resolve(c, root) for c in corpus]
        is_seed = False
    else:
        corpus = _resolve(corpus, root)
        is_seed = Path(corpus).resolve() == seeds
    if out_dir is None:
        out_dir = os.environ.get(ENV_OUT) or None
    if out_dir is None:
        out = root if is_seed else root / "out" / _slug(corpus)
        default_figures = root / "figures" if is_seed else out / "figures"
    else:
        out = Path(_resolve(out_dir, root))
        default_figures = out / "figures"
    if tables_dir is None and out_dir is not None and (out / "tables" / "articles.parquet").exists():
        tables_dir = out / "tables"
    return RunPaths(root=root, corpus=corpus, is_seed=is_seed, out_dir=out,
                    tables_dir=Path(_resolve(tables_dir, root)) if tables_dir else None,
                    figures_dir=Path(_resolve(figures_dir, root)) if figures_dir else default_figures)


# ---------------------------------------------------------------- warnings, once per run
_PATH_PREFIX = re.compile(r"^(?P<where>[^\s:]*[/\\.][^\s:]*(?:\[\d+\])?|<[^>]+>): ")
_NUMBER = re.compile(r"\d[\d,.]*")


def warning_kind(message: str) -> str:
    """The kind of a warning: its message without the file it names and with numbers as N."""
    text = _PATH_PREFIX.sub("", str(message).strip(), count=1)
    text = re.sub(r" \(\d+ times\)$", "", text)
    return _NUMBER.sub("N", text)[:120]


def warnings_table(messages) -> pd.DataFrame:
    """The full list: one row per warning (kind, message, and the warning's category)."""
    rows = []
    for m in messages:
        category = type(m.message).__name__ if hasattr(m, "message") else "warning"
        text = str(m.message) if hasattr(m, "message") else str(m)
        if hasattr(m, "category") and issubclass(m.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        rows.append((warning_kind(text), text, category))
    return pd.DataFrame(rows, columns=["kind", "message", "category"])


def warnings_summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per kind of warning: how many, and the first example (most frequent kind first)."""
    if table is None or len(table) == 0:
        return pd.DataFrame(columns=["kind", "count", "example"])
    g = table.groupby("kind", sort=False)
    out = pd.DataFrame({"count": g.size(), "example": g["message"].first()}).reset_index()
    return out.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(slots=True)
class Loaded:
    """What `load_tables` gives a notebook: the lazy tables and every warning met while loading."""
    tables: object               # analysis.pipeline.Tables
    warnings: pd.DataFrame       # full list (kind, message, category)
    summary: pd.DataFrame        # one row per kind (kind, count, example)

    def note(self) -> str:
        n = len(self.warnings)
        if n == 0:
            return "no warnings"
        return (f"{n} warning{'s' if n != 1 else ''} of {len(self.summary)} kind"
                f"{'s' if len(self.summary) != 1 else ''} (table below; full list: `loaded.warnings`)")


def load_tables(paths: RunPaths, names=("articles",)) -> Loaded:
    """Compute (or read) the named tables of `paths.corpus` now, collecting every warning into one
    table instead of printing each one; when `paths.tables_dir` holds a run's `warnings.txt`, its
    lines are the warnings."""
    from analysis.pipeline import tables as make_tables

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = make_tables(paths.corpus, paths.tables_dir)
        for name in names:
            t[name]
    found = list(caught)
    if paths.tables_dir is not None and (paths.tables_dir / "warnings.txt").exists():
        found += [line for line in (paths.tables_dir / "warnings.txt").read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    table = warnings_table(found)
    return Loaded(tables=t, warnings=table, summary=warnings_summary(table))
