"""Metadata share right (title, author, date) from text dumps and HTML, on Mozilla Readability's
91 real pages (../shared/external/readability-pages, reference: readability-reference.jsonl).

    python benchmarks/metadata_eval.py [--per-page] [--raw] [--halves]

`--halves` also scores the two halves of the pages split by md5(page id): "even" (the last hex
digit even) is the half the rules of 2026-12-04 were written from, "odd" the half kept to check them
(docs/metadata.md, Readability pages).

The reference is Readability.js's accepted output (see ../shared/external/README.md): titles come
from og:title/<title> and keep site affixes, some bylines are noisy, dates come from meta tags only.
The kit's columns are the headline as a reader sees it, the byline names and the first-publication
date as the page shows it, so the reference is read as follows (each point checked by hand on the
pages, 2026-12-03):
- title: equal to the reference after lower-casing and dropping punctuation, as it is, with its site
  suffix stripped (`strip_site_suffix`), or with up to two trailing separator segments (" | Site",
  " - Site", " · V8", " _光明网", "（CNET Japan）", " [LWN.net]"; at most eight words each) dropped;
- author: every name the kit gives has its last word in the reference byline, and the kit gives
  one when the reference has one;
- date: the same calendar day as the reference's publishedTime, in any UTC offset from -12 to +14
  hours when the reference is an instant with an offset ("2018-06-12T23:00:00Z" is 13 June on a
  page printed in UTC+1);
- benchmarks/data/readability_meta_errata.csv: hand-checked corrections, each with its reason: a
  second accepted title where the page's visible <h1> differs from og:title/<title>, a reference
  byline that is not the article's (a date line, a button, a teaser's author), and values a path
  cannot show (a date in meta tags only is not "as the page shows it" in a text dump). Such pages
  leave that score's denominator.
`--raw` scores against the reference as given (the evaluator before these corrections: suffix-
stripped titles, same UTC day, no errata). Each key is scored on the pages whose reference has a
value. No rule of the kit is fitted to these pages.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import warnings
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "external" / "readability-pages"
REFERENCE = SHARED / "external" / "readability-reference.jsonl"
ERRATA = Path(__file__).resolve().parent / "data" / "readability_meta_errata.csv"
KEYS = {"title": "title", "author": "byline", "published": "publishedTime"}
# a trailing segment of a <title>: " | Site", " - Site", " — Site", " · V8", " :: Site ::", "_Site",
# or a bracketed tail ("[LWN.net]", "（CNET Japan）")
_TITLE_TAIL = re.compile(r"(?:\s+[|\-–—·]\s+|\s*::\s*|\s*_)[^|\-–—·_:]*:*\s*$|\s*[\[(（][^\[\](（）)]*[\])）]\s*$")


def half_of(page_id: str) -> str:
    """"even" or "odd": the half of the pages a page id falls in (md5 of the id, last hex digit)."""
    return "even" if int(hashlib.md5(page_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "odd"


def load_errata(path: Path = ERRATA) -> dict:
    """(id, key, path) -> (action, value): the hand-checked corrections, checked when loaded."""
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            if row["key"] not in KEYS or row["path"] not in ("txt", "html", "both") \
                    or row["action"] not in ("also", "replace", "none") or not row["reason"]:
                raise ValueError(f"{path}: bad row {row}")
            for p in ("txt", "html") if row["path"] == "both" else (row["path"],):
                out[(row["id"], row["key"], p)] = (row["action"], row["value"])
    return out


def title_variants(ref: str) -> set[str]:
    """The reference title as normalised strings: as given, without its site suffix, and without up
    to two trailing separator segments of at most eight words each."""
    from analysis.metadata import strip_site_suffix
    from analysis.metadata.words import norm

    out = {norm(ref), norm(strip_site_suffix(ref))}
    text = " ".join(ref.split())
    for _ in range(2):
        m = _TITLE_TAIL.search(text)
        if not m or not m.start() or len(re.findall(r"\w+", m.group())) > 8:
            break
        text = text[:m.start()].strip()
        out.add(norm(text))
    return out - {""}


def _same_day(ours, ref: str, raw: bool) -> bool:
    from analysis.metadata import parse_published
    from analysis.metadata.dates import offset_minutes

    day = parse_published(ref)
    if ours is None or day is None:
        return False
    if ours.normalize() == day.normalize():
        return True
    offset = None if raw else offset_minutes(ref)
    if offset is None:
        return False
    import pandas as pd

    utc = day - pd.Timedelta(minutes=offset)
    return any((utc + pd.Timedelta(hours=h)).normalize() == ours.normalize() for h in (-12, 14))


def right(key: str, ours, ref: str, raw: bool = False, also: str | None = None) -> bool:
    from analysis.metadata import strip_site_suffix
    from analysis.metadata.words import norm

    if key == "title":
        if not ours:
            return False
        accepted = {norm(ref), norm(strip_site_suffix(ref))} if raw else title_variants(ref)
        if also:
            accepted.add(norm(also))
        return norm(ours) in accepted
    if key == "author":
        names = [n.split()[-1].lower() for n in (ours or "").split("; ") if n.split()]
        return bool(names) and all(n in ref.lower() for n in names)
    return _same_day(ours, ref, raw)


def _score_page(rec: dict, got: dict, errata: dict, raw: bool, counts: dict, per_page: bool) -> None:
    for path, meta in got.items():
        for key, ref_key in KEYS.items():
            ref = rec["meta"].get(ref_key)
            action, value = (None, None) if raw else errata.get((rec["id"], key, path), (None, None))
            if action == "none":
                counts[(path, key)][2] += 1
                continue
            if action == "replace":
                ref = value
            if not ref:
                continue
            ok = right(key, meta[key], ref, raw, value if action == "also" else None)
            counts[(path, key)][0] += ok
            counts[(path, key)][1] += 1
            if per_page and not ok:
                print(f"{rec['id']:32} {path:4} {key:9} kit={meta[key]!r:.70}  ref={ref!r:.70}")


def evaluate(per_page: bool = False, raw: bool = False, half: str | None = None) -> dict:
    """(path, key) -> (right, scored, left out as not shown); `half` ("even"/"odd") scores only
    that half of the pages (`half_of`)."""
    from analysis.metadata import from_dump, from_html

    refs = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    errata = {} if raw else load_errata()
    counts = {(path, key): [0, 0, 0] for path in ("txt", "html") for key in KEYS}
    for rec in refs:
        txt, html = PAGES / f"{rec['id']}.txt", PAGES / f"{rec['id']}.html.gz"
        if not (txt.exists() and html.exists()) or (half and half_of(rec["id"]) != half):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = {"txt": from_dump(txt.read_text(encoding="utf-8", errors="replace")),
                   "html": from_html(gzip.open(html, "rt", encoding="utf-8", errors="replace").read())}
        _score_page(rec, got, errata, raw, counts, per_page)
    return {k: tuple(v) for k, v in counts.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-page", action="store_true", help="print every page a value is wrong on")
    parser.add_argument("--raw", action="store_true", help="score against the reference as given")
    parser.add_argument("--halves", action="store_true",
                        help="also score the md5-even half (rules written from) and the odd half (check)")
    args = parser.parse_args(argv)
    which = "the reference as given" if args.raw else "the reference read as the docstring says"
    print(f"Readability pages, share right against {which} (pages with a reference value)")
    print("| pages | path | title | author | date |\n|---|---|---|---|---|")
    for half in ("even", "odd", None) if args.halves else (None,):
        result = evaluate(args.per_page and half is None, args.raw, half)
        for path in ("txt", "html"):
            cells = [f"{r / n:.3f} ({r}/{n})" if n else "-" for r, n, _ in
                     (result[(path, key)] for key in KEYS)]
            print(f"| {half or 'all'} | {path} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
