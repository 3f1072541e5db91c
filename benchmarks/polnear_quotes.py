"""Direct quotes found by the kit against PolNeAR's quoted speech (issue 13, "not speech").

    .venv/bin/python benchmarks/polnear_quotes.py                 # P / R / F1, all articles
    .venv/bin/python benchmarks/polnear_quotes.py --errors 40     # also list false positives by kind
    .venv/bin/python benchmarks/polnear_quotes.py --folds         # per outlet (leave-one-outlet-out view)

Gold (../shared/external/polnear-train.jsonl, conventions in ../shared/external/README.md): the
stretches between quotation marks inside the content spans of attributions (all quoted speech:
`direct` and `mixed`, whose `partial` quotes are mostly PolNeAR `mixed`, and NYT's `''…''` quotes,
which the data types `indirect` because its types were derived from other marks). Predicted: the
kit's speech quotes (`full` and `partial`, nested ones left out; `scare` ones are not speech). A
prediction matches a gold stretch in the same place when their character spans overlap by at
least half of the longer one (one to one, in reading order). Quotation marks the annotators did
not put inside any attribution (titles, nicknames, slogans, scare quotes) count against precision
when the kit calls them speech, which is what the "not speech" rules of analysis/quotes.py are for.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import quotes as Q  # noqa: E402
from analysis.resources import PARAGRAPH_BREAK  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "external" / "polnear-train.jsonl"
# a quoted stretch: between double marks, or NYT's doubled apostrophes `''…''` (read as `"\x01`)
_GOLD_QUOTE = re.compile("[\"\u201c\u201d]\x01?([^\"\u201c\u201d]+)[\"\u201c\u201d]")


def gold_spans(article: dict) -> list[tuple[int, int]]:
    """(start, end) in the text of every quoted stretch inside an attribution's content span (the
    data's `type` was derived from curly and straight marks only, so NYT's `''…''` quotes are typed
    `indirect`: every type is read)."""
    spans = set()
    text = article["text"].replace("''", "\"\x01")      # same length: offsets unchanged
    for att in article["attributions"]:
        for c in att["content"]:
            for m in _GOLD_QUOTE.finditer(text, max(c["start"] - 2, 0), c["end"] + 2):
                s, e = m.span(1)
                if e > c["start"] and s < c["end"]:
                    spans.add((s, e))
    return sorted(spans)


def predicted_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) in the text of every quote the kit finds (offsets of the whole body)."""
    starts, pos = [], 0
    for p in text.split(PARAGRAPH_BREAK):
        starts.append(pos)
        pos += len(p) + len(PARAGRAPH_BREAK)
    return [(starts[q.paragraph] + q.start, starts[q.paragraph] + q.end, q.kind)
            for q in Q.article_quotes(text) if not q.nested]


def _overlap(a: tuple, b: tuple) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def score(articles: list[dict], headline: bool = False) -> tuple[Counter, list]:
    """Counts (tp, fp, fn, gold_as_scare) and the false positives / scare-typed gold quotes. The
    first paragraph of a PolNeAR text is the headline, where the annotators marked no attribution
    (none of 8,161 quoted stretches); the kit's bodies never hold the headline (it is the `title`
    column), so it is left out unless `headline`."""
    counts: Counter = Counter()
    errors = []
    for art in articles:
        gold = gold_spans(art)
        pred = predicted_spans(art["text"])
        if not headline:
            body_start = art["text"].find(PARAGRAPH_BREAK)
            pred = [p for p in pred if p[0] > body_start]
        speech = [p for p in pred if p[2] != "scare"]
        used = set()
        for p in speech:
            hit = next((i for i, g in enumerate(gold) if i not in used and _overlap(p, g)), None)
            if hit is None:
                counts["fp"] += 1
                errors.append(("fp", art, p))
            else:
                used.add(hit)
                counts["tp"] += 1
        for i, g in enumerate(gold):
            if i not in used:
                counts["fn"] += 1
                scare = next((p for p in pred if p[2] == "scare" and _overlap(p, g)), None)
                if scare is not None:
                    counts["gold_as_scare"] += 1
                    errors.append(("scare", art, scare))
    return counts, errors


def _prf(c: Counter) -> str:
    p = c["tp"] / max(c["tp"] + c["fp"], 1)
    r = c["tp"] / max(c["tp"] + c["fn"], 1)
    f = 2 * p * r / max(p + r, 1e-9)
    return (f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, "
            f"gold quotes the kit calls scare {c['gold_as_scare']})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="list this many errors of each kind")
    ap.add_argument("--folds", action="store_true", help="figures per outlet as well")
    ap.add_argument("--path", default=str(POLNEAR))
    args = ap.parse_args(argv)
    articles = [json.loads(line) for line in open(args.path, encoding="utf-8")]
    counts, errors = score(articles)
    print(f"PolNeAR train, {len(articles)} articles, quoted speech: {_prf(counts)}")
    print(f"  headlines scored too: {_prf(score(articles, headline=True)[0])}")
    if args.folds:
        by_outlet = defaultdict(list)
        for art in articles:
            by_outlet[art.get("publisher", "?")].append(art)
        for outlet, arts in sorted(by_outlet.items()):
            print(f"  {outlet:>12} ({len(arts)}): {_prf(score(arts)[0])}")
    for kind in ("fp", "scare"):
        for _, art, (s, e, k) in [x for x in errors if x[0] == kind][:args.errors]:
            text = art["text"]
            print(f"{kind:5} {k:7} {art['id']}: …{text[max(0, s - 70):s - 1]!s}[[{text[s - 1:e + 1]}]]"
                  f"{text[e + 1:e + 40]}…".replace("\n", " / "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
