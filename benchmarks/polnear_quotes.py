"""Direct quotes found by the kit against PolNeAR's quoted speech (issue 13, "not speech").

    .venv/bin/python benchmarks/polnear_quotes.py                 # P / R / F1, all articles
    .venv/bin/python benchmarks/polnear_quotes.py --errors 40     # also list false positives by kind
    .venv/bin/python benchmarks/polnear_quotes.py --folds         # per outlet (leave-one-outlet-out view)
    .venv/bin/python benchmarks/polnear_quotes.py --classes       # dev mistakes of validate_polnear.py by class

Parts: `--part dev` (default since 2026-12-04), `test` or `all`, split as benchmarks/validate_polnear.py
splits (md5(id) % 5 == 0 is test); errors and classes are listed for the dev part only.

Gold (../shared/external/polnear-train.jsonl, conventions in ../shared/external/README.md): the
stretches between quotation marks inside the content spans of attributions (all quoted speech:
`direct` and `mixed`, whose `partial` quotes are mostly PolNeAR `mixed`, and NYT's `''…''` quotes,
which the data types `indirect` because its types were derived from other marks; an attribution's
consecutive content spans with only white space between them are read as one, since PolNeAR cuts a
quotation of several sentences into one span per sentence: validate_polnear.joined_spans, 2026-12-04).
`gold_spans` (the P / R / F1 printed here) reads the marks with its own pattern, two characters either
side of each span and any double mark at either end, so a span that begins just after its opening mark
and a backwards closing mark (`“abhorrent“`) were always read; `--classes` reads the gold with
validate_polnear.quoted_stretches, which reads them since 2026-12-04 (`content_start`, `_mark_role`).
Predicted: the kit's speech quotes (`full` and `partial`, nested ones left out; `scare` ones are not
speech). A prediction matches a gold stretch in the same place when their character spans overlap by
at least half of the longer one (one to one, in reading order). Quotation marks the annotators did
not put inside any attribution (titles, nicknames, slogans, scare quotes) count against precision
when the kit calls them speech, which is what the "not speech" rules of analysis/quotes.py are for.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import quotes as Q  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
import validate_polnear as V  # noqa: E402
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
        for c_start, c_end in V.joined_spans(text, att["content"]):
            for m in _GOLD_QUOTE.finditer(text, max(c_start - 2, 0), c_end + 2):
                s, e = m.span(1)
                if e > c_start and s < c_end:
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


def mistake_classes(articles: list[dict]) -> tuple[Counter, list]:
    """The false negatives and false positives of validate_polnear.py's quoted-speech score (same gold
    stretches, same one-to-one matching), each in one class: for a missed gold stretch, `nyt''`
    (NYT's doubled apostrophes), `scare` (the kit has it, as kind scare), `nested`, `boundary` (a kit
    quote overlaps it by less than half: mostly a content span that covers the first sentence of
    a longer quotation), `no-kit-quote`; for a kit quote no stretch matches, `headline` (first
    paragraph), `boundary`, `in-content-no-stretch` (inside an attribution's content, no double
    mark inside that span: marks left outside the span, single marks), `unclosed-outside` and
    `outside-attr-<kind>` (no attribution holds it: unattributed quotes the annotators left out)."""
    counts: Counter = Counter()
    rows = []
    for art in articles:
        text = art["text"]
        offs = V._para_offsets(text)
        every = [(offs[q.paragraph] + q.start, offs[q.paragraph] + q.end, q) for q in Q.article_quotes(text)]
        kit = [(a, b) for a, b, q in every if q.kind != "scare" and not q.nested]
        gold = [st for attr in art["attributions"] for st in V.quoted_stretches(text, attr["content"])]
        matches = V._match(kit, gold)
        used = set(matches.values())
        headline_end = text.find(PARAGRAPH_BREAK)
        contents = [(sp["start"], sp["end"]) for attr in art["attributions"] for sp in attr["content"]]
        for j, (c, d) in enumerate(gold):
            if j in used:
                continue
            near = [(min(b, d) - max(a, c), a, b, q) for a, b, q in every if min(b, d) - max(a, c) > 0]
            if "''" in text[max(0, c - 3):c]:
                kind = "nyt''"
            elif not near:
                kind = "no-kit-quote"
            else:
                ov, a, b, q = max(near, key=lambda x: x[0])
                half = ov >= 0.5 * max(b - a, d - c)
                kind = ("nested" if q.nested else "scare" if q.kind == "scare" else "duplicate") \
                    + ("" if half else "-boundary")
                kind = "boundary" if kind == "duplicate-boundary" else kind
            counts["FN " + kind] += 1
            rows.append(("FN", kind, art["id"], text[max(0, c - 60):d + 30]))
        for i, (a, b) in enumerate(kit):
            if i in matches:
                continue
            q = next(x[2] for x in every if x[0] == a and x[1] == b)
            if a < headline_end:
                kind = "headline"
            elif any(min(b, d) - max(a, c) > 0 for c, d in gold):
                kind = "boundary"
            elif any(min(b, d) - max(a, c) > 0 for c, d in contents):
                kind = "in-content-no-stretch"
            elif q.close_mark is None:
                kind = "unclosed-outside"
            else:
                kind = "outside-attr-" + q.kind
            counts["FP " + kind] += 1
            rows.append(("FP", kind, art["id"], text[max(0, a - 60):b + 30]))
    return counts, rows


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
    ap.add_argument("--part", choices=["dev", "test", "all"], default="dev",
                    help="which part of the split of validate_polnear.py (default dev)")
    ap.add_argument("--classes", type=int, nargs="?", const=0, default=None,
                    help="count the dev mistakes of validate_polnear.py by class (and list N of each)")
    args = ap.parse_args(argv)
    if args.part != "dev" and (args.errors or args.classes is not None):
        ap.error("mistakes are listed for the dev part only (the test part is only measured)")
    articles = V.read_articles(args.path)
    if articles is None:
        return 2
    if args.part != "all":
        articles = [a for a in articles if V.part_of(a["id"]) == args.part]
    if args.classes is not None:
        counts, rows = mistake_classes(articles)
        for key, n in sorted(counts.items()):
            print(f"{n:6} {key}")
        shown: Counter = Counter()
        for side, kind, aid, snippet in rows:
            if shown[(side, kind)] < args.classes:
                shown[(side, kind)] += 1
                print(f"{side} {kind:24} {aid}: {snippet}".replace("\n", " / "))
        return 0
    counts, errors = score(articles)
    print(f"PolNeAR train ({args.part}), {len(articles)} articles, quoted speech: {_prf(counts)}")
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
