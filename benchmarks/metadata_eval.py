"""Metadata share right (title, author, date) from text dumps and HTML, on Mozilla Readability's
91 real pages (../shared/external/readability-pages, reference: readability-reference.jsonl).

    python benchmarks/metadata_eval.py [--per-page]

The reference is Readability.js's accepted output (see ../shared/external/README.md): titles keep
site suffixes, some bylines are noisy, dates come from meta tags only. So a value counts as right:
- title: equal to the reference after lower-casing and dropping punctuation, either as it is or
  with its site suffix stripped (`strip_site_suffix`);
- author: every name the kit gives has its last word in the reference byline, and the kit gives
  one when the reference has one;
- date: the same calendar day as the reference's publishedTime.
Each key is scored on the pages whose reference has a value, plus "none right" (the kit gives
nothing where the reference has nothing) shown separately. No rule is fitted to these pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import warnings
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "external" / "readability-pages"
REFERENCE = SHARED / "external" / "readability-reference.jsonl"


def _right(key: str, ours, ref) -> bool:
    from analysis.metadata import parse_published, strip_site_suffix
    from analysis.metadata.words import norm

    if key == "title":
        return bool(ours) and norm(ours) in {norm(ref), norm(strip_site_suffix(ref))}
    if key == "author":
        names = [n.split()[-1].lower() for n in (ours or "").split("; ") if n.split()]
        return bool(names) and all(n in ref.lower() for n in names)
    day = parse_published(ref)
    return ours is not None and day is not None and ours.normalize() == day.normalize()


def evaluate(per_page: bool = False) -> dict:
    from analysis.metadata import from_dump, from_html

    refs = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = {"title": "title", "author": "byline", "published": "publishedTime"}
    counts = {(path, key): [0, 0] for path in ("txt", "html") for key in keys}
    for rec in refs:
        txt, html = PAGES / f"{rec['id']}.txt", PAGES / f"{rec['id']}.html.gz"
        if not (txt.exists() and html.exists()):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = {"txt": from_dump(txt.read_text(encoding="utf-8", errors="replace")),
                   "html": from_html(gzip.open(html, "rt", encoding="utf-8", errors="replace").read())}
        for path, meta in got.items():
            for key, ref_key in keys.items():
                ref = rec["meta"].get(ref_key)
                if not ref:
                    continue
                ok = _right(key, meta[key], ref)
                counts[(path, key)][0] += ok
                counts[(path, key)][1] += 1
                if per_page and not ok:
                    print(f"{rec['id']:32} {path:4} {key:9} kit={meta[key]!r:.70}  ref={ref!r:.70}")
    return {k: (right, n) for k, (right, n) in counts.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-page", action="store_true", help="print every page a value is wrong on")
    args = parser.parse_args(argv)
    result = evaluate(args.per_page)
    print("Readability pages, share right (pages with a reference value)")
    print("| path | title | author | date |\n|---|---|---|---|")
    for path in ("txt", "html"):
        cells = [f"{r / n:.3f} ({r}/{n})" if n else "-" for r, n in
                 (result[(path, key)] for key in ("title", "author", "published"))]
        print(f"| {path} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
