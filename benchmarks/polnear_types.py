"""Source types of the kit's direct quotes on PolNeAR (Newell, Margolin & Ruths 2018): the share of
direct attributions per source type, above all the share typed `other` (issue 13: under 15%).

    .venv/bin/python benchmarks/polnear_types.py                 # dev part only (the default)
    .venv/bin/python benchmarks/polnear_types.py --part all      # dev and test (test: only measure it)
    .venv/bin/python benchmarks/polnear_types.py --others 40     # also the 40 commonest `other` speakers (dev)
    .venv/bin/python benchmarks/polnear_types.py --rows dev.tsv  # also every dev direct quote's type (to diff)

PolNeAR codes no source types, so this is a share, not an agreement: agreement with hand coding is
measured on the hand-coded gold files (`validate_quotes.py --confusion`). The split is
`validate_polnear.py`'s (md5 of the id); rows are the kit's `direct` attributions
(`sourcing.attributions` on the part's articles as one corpus), whatever PolNeAR says about the quote.
The share typed `other` is given twice: with the types the article's own words give
(`source_type_article`) and with the corpus pass (`sourcing.corpus_types`: people an article only names
typed from the part's other articles), for the whole part and its even / odd halves by article order
(the halves each typed as a corpus of their own too: `halves alone`).
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

from analysis.sourcing import attributions  # noqa: E402
from validate_polnear import DATA, part_of, read_articles  # noqa: E402


def part_table(articles: list[dict]):
    """The `attributions` table of the part's articles, typed as one corpus (`sourcing.attributions`)."""
    import pandas as pd

    return attributions(pd.DataFrame({"article_id": [a["id"] for a in articles],
                                      "text": [a["text"] for a in articles]}))


def type_counts(articles: list[dict], rows_out: list | None = None, column: str = "source_type",
                table=None) -> tuple[Counter, Counter]:
    """(direct quotes per source type, direct quotes per speaker typed `other`) by `column`
    (`source_type`: with the corpus pass; `source_type_article`: the article's own words only);
    `rows_out`: a list that receives (article id, speaker, role, source type) for each direct quote."""
    table = part_table(articles) if table is None else table
    direct = table[table["kind"] == "direct"]
    types: Counter = Counter(direct[column].tolist())
    others: Counter = Counter(direct.loc[direct[column] == "other", "speaker"].fillna("None").tolist())
    if rows_out is not None:
        rows_out.extend(zip(direct["article_id"], direct["speaker"], direct["role"], direct[column]))
    return types, others


def other_shares(articles: list[dict], table) -> str:
    """`other` before -> after the corpus pass on the whole part, its even / odd halves, and each half
    typed as a corpus of its own."""
    def share(tab, column):
        d = tab[tab["kind"] == "direct"]
        return (d[column] == "other").mean() if len(d) else float("nan")

    ids = [a["id"] for a in articles]
    halves = [set(ids[0::2]), set(ids[1::2])]
    parts = [table[table["article_id"].isin(h)] for h in halves]
    alone = [part_table([a for a in articles if a["id"] in h]) for h in halves]
    return ("  other, article only -> corpus pass: all {:.3f} -> {:.3f}; even {:.3f} -> {:.3f}; odd {:.3f} -> "
            "{:.3f}; halves alone even {:.3f}, odd {:.3f}").format(
        share(table, "source_type_article"), share(table, "source_type"),
        *[x for t in parts for x in (share(t, "source_type_article"), share(t, "source_type"))],
        share(alone[0], "source_type"), share(alone[1], "source_type"))


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
        part_articles = [a for a in arts if part_of(a["id"]) == part]
        table = part_table(part_articles)
        types, others = type_counts(part_articles, rows_out, table=table)
        if rows_out is not None:
            Path(args.rows).write_text("".join("\t".join("None" if x is None or x != x else str(x) for x in r)
                                               + "\n" for r in rows_out),
                                       encoding="utf-8")
        n = sum(types.values())
        results[part] = {"direct_quotes": n, "shares": {t: c / n for t, c in types.most_common()}}
        print(f"{part}: {n} direct quotes; typed other {types['other'] / n:.3f}")
        print(other_shares(part_articles, table))
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
