"""Validate quote finding and speaker attribution against the hand-annotated gold file.

    .venv/bin/python benchmarks/validate_quotes.py                 # tests/gold/quotes_gold.jsonl
    .venv/bin/python benchmarks/validate_quotes.py --errors        # also list every mismatch
    .venv/bin/python benchmarks/validate_quotes.py --gold GOLD.jsonl
    .venv/bin/python benchmarks/validate_quotes.py --all-gold      # dev gold and held-out gold, separately
                                                                    # (no per-quote listing for held-out)
    .venv/bin/python benchmarks/validate_quotes.py --confusion     # also the source-type confusion table
                                                                    # (gold type x kit type, Markdown)

Reports, over speech quotes (full and partial; scare quotes left out on both sides):
- precision, recall and F1 of quote spans (a predicted quote matches a gold one in the same
  paragraph when their character spans overlap by >= 50% of the longer span, one-to-one);
- speaker accuracy on the matched quotes (same last name, case-insensitive; for gold sources typed
  `anonymous_unnamed`, a prediction typed `anonymous_unnamed`);
- source-type accuracy on the matched quotes (the gold file's articles typed as one corpus, with
  `sourcing.corpus_types`), and the same with the types of each article's own words only
  (`source_type_article`, the kit before session 11's corpus pass);
- the same figures per gold kind, and the speed of quotes + attributions + quote share;
- with `--confusion`, a Markdown table of the matched quotes' source types: one row per gold type,
  one column per kit type, each cell a count (the diagonal agrees). Only this aggregate is printed
  for the held-out file: it may be shown, never used to write rules (per-quote errors: dev files).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import evaluation, quotes, sourcing  # noqa: E402

TARGETS = {"f1": 0.95, "precision": 0.90, "recall": 0.90, "speaker_accuracy": 0.90}


HELDOUT_PATH = evaluation.GOLD_PATH.with_name("quotes_heldout.jsonl")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_pos", nargs="?", metavar="GOLD", help="gold file (same as --gold)")
    ap.add_argument("--gold", help=f"gold JSONL file (default {evaluation.GOLD_PATH.relative_to(ROOT)})")
    ap.add_argument("--all-gold", action="store_true",
                    help="report the development gold file and the held-out file separately "
                         "(per-quote errors are never listed for the held-out file)")
    ap.add_argument("--heldout", default=str(HELDOUT_PATH), help="held-out gold file for --all-gold")
    ap.add_argument("--errors", action="store_true", help="list unmatched quotes and wrong speakers "
                    "(development gold only)")
    ap.add_argument("--confusion", action="store_true", help="also print the source-type confusion table "
                    "(gold type x kit type, matched quotes, Markdown)")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--speed", metavar="JSONL", help="also time the three tables on a JSONL corpus "
                    "(fields `text` or `body`), best of 3 runs, CPU time of one core")
    args = ap.parse_args(argv)

    if args.all_gold:
        files = [(str(evaluation.GOLD_PATH), args.errors), (args.heldout, False)]
    else:
        path = args.gold or args.gold_pos or str(evaluation.GOLD_PATH)
        files = [(path, args.errors and not _is_heldout(path))]
    results = {}
    for i, (path, errors) in enumerate(files):
        if i:
            print()
        if not Path(path).exists():
            print(f"gold file: {path} not found")
            continue
        results[path] = report(path, errors, args.confusion)
    result = results[files[0][0]] if len(results) == 1 else {"files": results}
    if args.speed:
        result["speed_articles_per_second"] = speed(args.speed)
        result["speed_articles_per_second_split_shared"] = speed(args.speed, presplit=True)
        print(f"{'speed on ' + Path(args.speed).name:>22}: {result['speed_articles_per_second']:.0f} "
              "articles/s (quotes + attributions + quote share, one core, best of 3)")
        print(f"{'sentences shared':>22}: {result['speed_articles_per_second_split_shared']:.0f} "
              "articles/s (the same, sentence split already done, as in the pipeline)")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=float), encoding="utf-8")
    return 0


def _is_heldout(path) -> bool:
    """The held-out file is for the final measurement only: its quotes are never listed."""
    return "heldout" in Path(path).name or Path(path).resolve() == HELDOUT_PATH.resolve()


def report(path, errors: bool = False, confusion: bool = False) -> dict:
    """Evaluate one gold file, print the figures (and, when asked, every mismatch and the source-type
    confusion table), return them."""
    articles, gold = evaluation.load_gold(path)
    t0 = time.process_time()
    pred = evaluation.quotes_with_speakers(articles)
    sourcing.quote_share(articles)
    seconds = time.process_time() - t0
    result = evaluation.evaluate(pred, gold)
    result["articles"] = len(articles)
    result["articles_per_second_cpu"] = len(articles) / seconds if seconds else float("inf")

    print(f"gold file: {path} ({len(articles)} articles, {len(gold)} quote records)")
    print(f"speech quotes: gold {result['gold_quotes']}, predicted {result['predicted_quotes']}, "
          f"matched {result['matched']}")
    result["source_type_accuracy_article_only"] = evaluation.evaluate(article_only_types(pred, articles),
                                                                      gold)["source_type_accuracy"]
    for key in ("precision", "recall", "f1", "speaker_accuracy", "source_type_accuracy",
                "source_type_accuracy_article_only"):
        target = TARGETS.get(key)
        mark = "" if target is None else ("  (target >= %.2f: %s)" % (target, "ok" if result[key] >= target
                                                                       else "BELOW"))
        label = "type acc. article only" if key == "source_type_accuracy_article_only" else key
        print(f"{label:>22}: {result[key]:.3f}{mark}")
    m = evaluation.match_quotes(pred, gold)
    gkinds = gold[gold["kind"] != "scare"].reset_index(drop=True)["kind"]
    by_kind = {}
    g_rows = m[m["gold_start"].notna()].reset_index(drop=True)
    for kind in ("full", "partial"):
        sel = g_rows[gkinds.values == kind]
        by_kind[kind] = {"gold": len(sel), "found": int(sel["matched"].sum())}
        print(f"{'recall ' + kind:>22}: {by_kind[kind]['found']}/{by_kind[kind]['gold']}")
    result["by_kind"] = by_kind
    print(f"{'speed (cpu)':>22}: {result['articles_per_second_cpu']:.0f} articles/s "
          "(quotes + attributions + quote share, one core)")

    if confusion:
        table = type_confusion(m)
        result["type_confusion"] = {f"{g} -> {k}": n for (g, k), n in sorted(table.items())}
        print()
        print(confusion_markdown(table))
    if errors and not _is_heldout(path):
        texts = dict(zip(articles["article_id"], articles["text"]))
        for r in m.itertuples():
            para = texts[r.article_id].split("\n\n")[int(r.paragraph)]
            if not r.matched:
                side = "MISSED" if r.gold_start == r.gold_start and r.gold_start is not None else "EXTRA"
                s, e = (r.gold_start, r.gold_end) if side == "MISSED" else (r.pred_start, r.pred_end)
                print(f"{side} {r.article_id} p{int(r.paragraph)}: {para[int(s):int(e)][:90]!r}")
            elif not evaluation.speaker_matches(r.pred_speaker, r.pred_type, r.gold_speaker, r.gold_type):
                print(f"SPEAKER {r.article_id} p{int(r.paragraph)}: predicted {r.pred_speaker!r} "
                      f"({r.pred_type}), gold {r.gold_speaker!r} ({r.gold_type})")
            elif r.pred_type != r.gold_type:
                print(f"TYPE {r.article_id} p{int(r.paragraph)}: {r.gold_speaker!r} predicted {r.pred_type}, "
                      f"gold {r.gold_type}")
    return result


def article_only_types(pred, articles):
    """`pred` (`evaluation.quotes_with_speakers`) with each quote's source type from its article's
    own words (`source_type_article` of the attributions table), without the corpus pass."""
    keys = ["article_id", "paragraph", "start"]
    a = sourcing.attributions(articles)
    a = a[a["kind"] == "direct"].drop_duplicates(keys)[keys + ["source_type_article"]]
    merged = pred[keys].merge(a, on=keys, how="left")
    return pred.assign(source_type=merged["source_type_article"].to_numpy())


# the taxonomy's codes in the order of tests/gold/QUOTES_ANNOTATION.md; `(none)`: a matched quote the
# kit left without a source type (a quote without attribution)
TYPE_ORDER = ("government_official", "politician", "military_security", "expert_academic", "civil_society_ngo",
              "business", "citizen_eyewitness", "media_news_agency", "poll_survey", "document_report",
              "anonymous_unnamed", "other", "(none)")


def type_confusion(matches) -> dict[tuple[str, str], int]:
    """{(gold type, kit type): number of matched speech quotes} from `evaluation.match_quotes`."""
    table: dict[tuple[str, str], int] = {}
    for r in matches[matches["matched"]].itertuples():
        key = (r.gold_type or "(none)", r.pred_type if isinstance(r.pred_type, str) else "(none)")
        table[key] = table.get(key, 0) + 1
    return table


def confusion_markdown(table: dict[tuple[str, str], int]) -> str:
    """The confusion table as Markdown: rows gold types, columns kit types (only those that occur), the
    row total and the row's agreement; a last row of column totals."""
    def order(code):
        return TYPE_ORDER.index(code) if code in TYPE_ORDER else len(TYPE_ORDER)

    golds = sorted({g for g, _ in table}, key=order)
    kits = sorted({k for _, k in table}, key=order)
    short = {c: c.split("_")[0] for c in kits}
    lines = ["| gold \\ kit | " + " | ".join(short[k] for k in kits) + " | total | agree |",
             "|---|" + "---:|" * (len(kits) + 2)]
    for g in golds:
        cells = [table.get((g, k), 0) for k in kits]
        total = sum(cells)
        cells_txt = [f"**{n}**" if k == g and n else (str(n) if n else "·") for k, n in zip(kits, cells)]
        lines.append(f"| {g} | " + " | ".join(cells_txt) + f" | {total} | {table.get((g, g), 0) / total:.2f} |")
    col = [sum(table.get((g, k), 0) for g in golds) for k in kits]
    agree = sum(table.get((g, g), 0) for g in golds)
    lines.append("| **kit total** | " + " | ".join(str(n) for n in col) + f" | {sum(col)} | {agree / sum(col):.3f} |")
    return "\n".join(lines)


def speed(path, presplit: bool = False) -> float:
    """Articles per CPU-second for find_quotes + attributions + quote_share on a JSONL corpus.
    `presplit`: the articles' sentences (analysis.text, cached) are split before the clock starts,
    as in the pipeline, where readability and framing use the same split."""
    import re

    import pandas as pd

    from analysis import sourcing
    from analysis import text as text_

    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                body = rec.get("text") or rec.get("body") or ""
                paras = [p.strip() for p in re.split(r"\n\s*\n", body)]
                texts.append("\n\n".join(p for p in paras if p))
    sourcing.attributions(pd.DataFrame({"article_id": ["warm-up"], "text": ['"Hi," she said.']}))
    best = float("inf")
    for rep in range(3):       # a new suffix each run, so no result comes from a cache
        rep = f"{rep}{'s' if presplit else ''}"
        df = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))],
                           "text": [t + f"\n\nRun {rep}." for t in texts]})
        if presplit:
            for t in df["text"]:
                text_.sentence_table(t)
        t0 = time.process_time()
        q = quotes.find_quotes(df)
        a = sourcing.attributions(df)
        sourcing.quote_share(df, quotes=q, attributions=a)
        best = min(best, time.process_time() - t0)
    return len(texts) / best if best else float("inf")


if __name__ == "__main__":
    raise SystemExit(main())
