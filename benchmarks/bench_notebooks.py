"""How long a researcher waits: the seed's notebooks re-run, and the first table from a fresh Python.

    .venv/bin/python benchmarks/bench_notebooks.py                        # this checkout, once
    .venv/bin/python benchmarks/bench_notebooks.py --ab /work/wt/base --rounds 3   # paired A/B

Measures, on the kit's seed (`seeds/`), in a fresh process per measurement:

1. `python -m analysis run seeds --out TMP -q` (what `bash run.sh` runs: tables, then the six
   numbered notebooks with papermill and an HTML copy of each): wall seconds and CPU seconds of the
   command and every process it starts (notebook kernels included: `RUSAGE_CHILDREN`);
2. each notebook, as that command runs them (one process, one after the other; papermill from a
   clean kernel with `corpus`, `tables_dir` and `figures_dir` injected, then the HTML export): wall
   and CPU seconds (the process's own and its kernel's) per notebook, and the process's set-up;
3. the first table: a fresh `python -c "import analysis; analysis.load_articles('seeds/')"` (the
   first line of the README's "Use it from Python"), split into the import of `analysis`, the
   load (whose import of the loader's modules is part of it) and the next table README shows,
   `analysis.removed_lines`; plus the ten slowest imports of `python -X importtime`.

Every figure written by step 1 is hashed, so an A/B run also says whether the PNGs are
byte-identical. A process nobody waits for is not counted: the pipeline's fork server (started
for corpora of more than one chunk; at 13fca31 for every run with --jobs > 1, 1.9 CPU s of warm-up
for the seed) exits on its own. Timings are CPU seconds where the machine is shared (wall time is printed too);
`--ab ROOT` alternates the other checkout (A) and this one (B), `--rounds` times each, and prints
the best of each. Each checkout's own `analysis` is imported (PYTHONPATH=checkout) by the command,
by the kernels and by the first-table process.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()

FIRST_TABLE = """\
import time
t0 = time.perf_counter(); c0 = time.process_time()
import analysis
t1 = time.perf_counter(); c1 = time.process_time()
articles = analysis.load_articles({seed!r})
t2 = time.perf_counter(); c2 = time.process_time()
removed = analysis.removed_lines(articles)
t3 = time.perf_counter(); c3 = time.process_time()
import json, sys
print(json.dumps({{"import_wall": t1 - t0, "import_cpu": c1 - c0, "load_wall": t2 - t1, "load_cpu": c2 - c1,
                  "removed_wall": t3 - t2, "removed_cpu": c3 - c2, "rows": len(articles)}}))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _env(root: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(root), PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("MPLBACKEND", None)
    return env


def _timed(cmd: list[str], root: Path) -> tuple[float, float, str]:
    """Run `cmd` in `root`; its wall seconds, CPU seconds (with all its waited-for children), stdout."""
    cpu0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, cpu, done.stdout


def measure_cli(root: Path, out: Path) -> dict:
    """`python -m analysis run seeds --out OUT -q` in checkout `root`; figure hashes included."""
    wall, cpu, _ = _timed([sys.executable, "-m", "analysis", "run", "seeds", "--out", str(out), "-q"], root)
    figures = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16]
               for p in sorted((out / "figures").glob("*.png"))}
    return {"wall": wall, "cpu": cpu, "figures": figures}


def measure_notebooks(root: Path, tables_dir: Path, out: Path) -> dict:
    """Each numbered notebook of `root`, as `python -m analysis run` executes them: one after the
    other in one fresh process that imports `root`'s analysis (`--notebooks-only`); `setup` is that
    process's start and its imports of papermill and nbconvert."""
    wall, cpu, stdout = _timed([sys.executable, str(HERE), "--notebooks-only", str(root), str(tables_dir),
                                str(out)], root)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["all"] = {"wall": wall, "cpu": cpu}
    return result


def notebooks_only(root: Path, tables_dir: Path, out: Path) -> dict:
    """Run in a fresh process: execute the notebooks the way `analysis.__main__.run_notebooks` does
    (papermill from a clean kernel, then HTML), timing each (this process's CPU and its kernel's)."""
    t0 = time.perf_counter()
    import nbconvert  # noqa: F401  (what run_notebooks imports first)
    import papermill  # noqa: F401

    from analysis.__main__ import run_notebooks

    result = {"setup": {"wall": time.perf_counter() - t0, "cpu": time.process_time()}}
    for nb in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cpu0, t1 = time.process_time() + _children_cpu(), time.perf_counter()
        failed = run_notebooks([nb], str(root / "seeds"), tables_dir, out / "figures", out / "reports",
                               progress=False)
        if failed:
            raise SystemExit(f"{nb.name} failed")
        result[nb.stem] = {"wall": time.perf_counter() - t1, "cpu": time.process_time() + _children_cpu() - cpu0}
    return result


def measure_first_table(root: Path) -> dict:
    """A fresh `python -c`: import analysis, load the seed, then `removed_lines`."""
    code = FIRST_TABLE.format(seed=str(root / "seeds"))
    wall, cpu, stdout = _timed([sys.executable, "-c", code], root)
    return {"wall": wall, "cpu": cpu, **json.loads(stdout.strip().splitlines()[-1])}


def import_offenders(root: Path, n: int = 10) -> list[tuple[str, float]]:
    """The `n` imports with the largest cumulative time (seconds) in the first-table process."""
    code = FIRST_TABLE.format(seed=str(root / "seeds"))
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=root, env=_env(root),
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            rows.append((len(m.group(3)), m.group(4), int(m.group(2)) / 1e6))
    top_level = [(name, s) for depth, name, s in rows if depth <= 1]     # top-level imports only (no double counting)
    return sorted(top_level, key=lambda r: -r[1])[:n]


def measure(root: Path) -> dict:
    """Everything for one checkout, in this process (run fresh per round by `main`)."""
    with tempfile.TemporaryDirectory(prefix="bench_nb_") as tmp:
        out = Path(tmp)
        cli = measure_cli(root, out / "cli")
        notebooks = measure_notebooks(root, out / "cli" / "tables", out / "each")
        first = measure_first_table(root)
    return {"cli": cli, "notebooks": notebooks, "first": first}


def _commit(root: Path) -> str:
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False)
    dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return done.stdout.strip() + ("+changes" if dirty else "")


def _best(runs: list[dict], *keys) -> tuple[float, float]:
    """Best (smallest) CPU and wall over rounds of the value at `keys`."""
    values = []
    for run in runs:
        for key in keys:
            run = run[key]
        values.append(run)
    return min(v["cpu"] for v in values), min(v["wall"] for v in values)


def _first_row(label: str, runs: list[dict]) -> str:
    best = min(runs, key=lambda r: r["first"]["cpu"])["first"]
    return (f"| {label} first table (`import analysis` + `load_articles` + `removed_lines`) | "
            f"{best['cpu']:.2f} | {best['wall']:.2f} | import {best['import_cpu']:.2f}, load "
            f"{best['load_cpu']:.2f}, removed_lines {best['removed_cpu']:.2f} CPU s (in-process) |")


def report(results: dict[str, list[dict]]) -> str:
    """A Markdown table: best-of-rounds CPU and wall seconds per step, per checkout."""
    lines = [f"seed notebooks and first table; {datetime.date.today()}; load average "
             f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores; best of "
             f"{len(next(iter(results.values())))} round(s)", "",
             "| checkout / step | CPU s | wall s | note |", "|---|---|---|---|"]
    for label, runs in results.items():
        cpu, wall = _best(runs, "cli")
        lines.append(f"| {label} `python -m analysis run seeds` (tables + 6 notebooks + HTML) | "
                     f"{cpu:.2f} | {wall:.2f} | |")
        for name in runs[0]["notebooks"]:
            cpu, wall = _best(runs, "notebooks", name)
            what = {"setup": "process start + import papermill, nbconvert",
                    "all": "all of the above (setup + six notebooks)"}.get(name, "papermill + HTML")
            lines.append(f"| {label} notebooks: {name} | {cpu:.2f} | {wall:.2f} | {what} |")
        lines.append(_first_row(label, runs))
    if len(results) == 2:
        (_, a), (_, b) = results.items()
        same = a[-1]["cli"]["figures"] == b[-1]["cli"]["figures"]
        differ = sorted(k for k in a[-1]["cli"]["figures"]
                        if a[-1]["cli"]["figures"][k] != b[-1]["cli"]["figures"].get(k))
        lines += ["", f"figures byte-identical A vs B: {same}" + (f" (differ: {', '.join(differ)})" if differ else "")]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ab", type=Path, default=None, help="another checkout to compare with (A)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--notebooks-only", nargs=3, type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--imports", action="store_true", help="also list the slowest imports")
    args = parser.parse_args(argv)
    if args.notebooks_only:
        print(json.dumps(notebooks_only(*args.notebooks_only)))
        return 0
    if args.measure:
        print(json.dumps(measure(args.measure.resolve())))
        return 0
    checkouts = {}
    if args.ab:
        checkouts[f"A {_commit(args.ab)}"] = args.ab.resolve()
    checkouts[f"B {_commit(ROOT)}" if args.ab else _commit(ROOT)] = ROOT
    results: dict[str, list[dict]] = {label: [] for label in checkouts}
    for _ in range(args.rounds):
        for label, root in checkouts.items():
            _, _, stdout = _timed([sys.executable, str(HERE), "--measure", str(root)], root)
            results[label].append(json.loads(stdout.strip().splitlines()[-1]))
    print(report(results))
    if args.imports:
        for label, root in checkouts.items():
            print(f"\nslowest imports ({label}; cumulative s, `python -X importtime`):")
            for name, seconds in import_offenders(root):
                print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
