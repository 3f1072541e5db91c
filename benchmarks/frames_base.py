"""An earlier version of `analysis.framing` loaded beside this tree's, for paired comparisons
(`frames_identical.py`, `ab_frames.py`).

Before session 11 `analysis.framing` was one file (`analysis/framing.py`); since, it is a package
(`analysis/framing/`). Either is loaded under another module name (`framing_base`), reading its data files
(lexicons, model) from a directory the caller names: the package's files are copied to a temporary directory
with their `analysis.framing` imports renamed, and in both layouts the one `DATA = ...` line is pointed at
that directory (every data path of the module derives from it). The rest of `analysis` (text, inputs,
frame_prefilter, ...) is this tree's, as before.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

NAME = "framing_base"
_DATA_LINE = re.compile(r"^DATA = .*$", re.MULTILINE)


def _with_data(source: str, data_dir: Path) -> str:
    """`source` with its `DATA = ...` line (if any) pointing at `data_dir`."""
    return _DATA_LINE.sub(f"DATA = Path({str(data_dir)!r})", source, count=1)


def load(sources: dict[str, str], data_dir: Path, workdir: Path):
    """The framing module of `sources` ({"framing.py": text} or {"framing/<module>.py": text, ...}), its data
    files read from `data_dir`; files are written under `workdir`."""
    sys.modules.pop(NAME, None)
    for key in [k for k in sys.modules if k.startswith(NAME + ".")]:
        sys.modules.pop(key)
    if "framing.py" in sources:
        path = workdir / f"{NAME}.py"
        path.write_text(_with_data(sources["framing.py"], data_dir), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(NAME, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    package = workdir / NAME
    package.mkdir(exist_ok=True)
    for name, text in sources.items():
        text = text.replace("analysis.framing.", f"{NAME}.").replace("from analysis.framing import",
                                                                      f"from {NAME} import")
        (package / Path(name).name).write_text(_with_data(text, data_dir), encoding="utf-8")
    sys.path.insert(0, str(workdir))
    try:
        return importlib.import_module(NAME)
    finally:
        sys.path.remove(str(workdir))


def from_checkout(root: Path, workdir: Path):
    """The framing module of the checkout at `root`, reading that checkout's data files."""
    single = root / "analysis" / "framing.py"
    if single.exists():
        sources = {"framing.py": single.read_text(encoding="utf-8")}
    else:
        sources = {f"framing/{p.name}": p.read_text(encoding="utf-8")
                   for p in sorted((root / "analysis" / "framing").glob("*.py"))}
    return load(sources, root / "analysis" / "data", workdir)


def git_show(root: Path, commit: str, path: str) -> str | None:
    """The text of `path` at `commit` of the repository at `root` (None when the commit has no such file)."""
    done = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{path}"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def from_commit(root: Path, commit: str, data_dir: Path, workdir: Path):
    """The framing module of `commit`, reading the data files in `data_dir`."""
    single = git_show(root, commit, "analysis/framing.py")
    if single is not None:
        return load({"framing.py": single}, data_dir, workdir)
    names = subprocess.run(["git", "-C", str(root), "ls-tree", "--name-only", f"{commit}:analysis/framing"],
                           check=True, capture_output=True, text=True).stdout.split()
    sources = {f"framing/{n}": git_show(root, commit, f"analysis/framing/{n}") for n in names if n.endswith(".py")}
    return load(sources, data_dir, workdir)
