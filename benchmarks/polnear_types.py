"""Source types of the kit's direct quotes on PolNeAR (Newell, Margolin & Ruths 2018): the share of
direct attributions per source type, above all the share typed `other` (issue 13: under 15%).

    .venv/bin/python benchmarks/polnear_types.py                 # dev part only (the default)
    .venv/bin/python benchmarks/polnear_types.py --part all      # dev and test (test: only measure it)
    .venv/bin/python benchmarks/polnear_types.py --others 40     # also the 40 commonest `other` speakers (dev)
    .venv/bin/python benchmarks/polnear_types.py --rows dev.tsv  # also every dev direct quote's type (to diff)

PolNeAR codes no source types, so this is a share, not an agreement: agreement with hand coding is
measured on the hand-coded gold files (`validate_quotes.py --confusion`). The split is
`validate_polnear.py`'s (md5 of the id); rows are the kit's `direct` attributions
(`article_attributions` on each cleaned body), whatever PolNeAR says about the quote.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import quotes as _q  # noqa: E402
from analysis.sourcing import article_attributions  # noqa: E402
from validate_polnear import DATA, part_of, read_articles  # noqa: E402


def type_counts(articles: list[dict], rows_out: list | None = None) -> tuple[Counter, Counter]:
    """(direct quotes per source type, direct quotes per speaker typed `other`); `rows_out`: a list
    that receives (article id, speaker, role, source type) for each direct quote."""
    types: Counter = Counter()
    others: Counter = Counter()
    for art in articles:
        for row in article_attributions(_q.clean_body(art["text"])):
            if row.kind == "direct":
                types[row.source_type] += 1
                if row.source_type == "other":
                    others[row.speaker] += 1
                if rows_out is not None:
                    rows_out.append((art["id"], row.speaker, row.role, row.source_type))
    return types, others


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--part", choices=["dev", "all"], default="dev",
                    help="`all` also measures the test part (only measure it; never list its speakers)")
    ap.add_argument("--others", type=int, default=0, help="list the N commonest `other` speakers (dev only)")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--rows", help="also write the dev part's direct quotes (article id, speaker, role, "
                                   "source type) to this tab-separated file, to compare two states of the rules")
    args = ap.parse_args(argv)
    arts = read_articles(args.data)
    if arts is None:
        return 2
    parts = ["dev", "test"] if args.part == "all" else ["dev"]
    results = {}
    for part in parts:
        rows_out = [] if part == "dev" and args.rows else None
        types, others = type_counts([a for a in arts if part_of(a["id"]) == part], rows_out)
        if rows_out is not None:
            Path(args.rows).write_text("".join("\t".join(str(x) for x in r) + "\n" for r in rows_out),
                                       encoding="utf-8")
        n = sum(types.values())
        results[part] = {"direct_quotes": n, "shares": {t: c / n for t, c in types.most_common()}}
        print(f"{part}: {n} direct quotes; typed other {types['other'] / n:.3f}")
        for t, c in types.most_common():
            print(f"  {t:22} {c:6} {c / n:.3f}")
        if part == "dev" and args.others:
            print("  commonest `other` speakers (dev): " +
                  "; ".join(f"{s} {c}" for s, c in others.most_common(args.others)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
