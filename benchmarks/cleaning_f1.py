"""Body-extraction quality on the development pages, scored like the article-extraction benchmark.

Usage (from the repo root):
    .venv/bin/python benchmarks/cleaning_f1.py                  # both sets: corpus (111), readability (91)
    .venv/bin/python benchmarks/cleaning_f1.py --classifier 10  # ... plus the line classifier, held out
                                                                # by outlet (0: leave one outlet out)
    .venv/bin/python benchmarks/cleaning_f1.py --corpus DIR     # one folder of reference.jsonl + pages/
    .venv/bin/python benchmarks/cleaning_f1.py --per-page       # ... plus each page's scores
    .venv/bin/python benchmarks/cleaning_f1.py --loo            # ... plus the HTML rules of
                                        # analysis.extract (BodyRules) switched on and off, in-sample
                                        # and chosen leave one outlet out
The sets are read from ../shared (benchmarks/devpages.py). Nothing in the rows without the
classifier is learned from these pages at run time (the loader's repeated lines are learned from
the pages it loads, as for any user's corpus); the classifier rows are held out by outlet.

Score: split texts into \\w+ tokens, take every run of 4 consecutive tokens (shingle), count true
positives, false positives and false negatives over shingles per page, normalise each page's three
counts to sum to 1, average precision and recall over pages, F1 from the two averages.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
for _p in (str(_ROOT), str(_ROOT / "benchmarks")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Counter of n-token shingles (runs of n consecutive \\w+ tokens) of `text`."""
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(predicted: str, reference: str) -> tuple[float, float, float]:
    """(tp, fp, fn) shingle counts of one page, normalised to sum to 1 (all 0 when both are empty)."""
    pred, ref = shingles(predicted), shingles(reference)
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score_pages(predicted: dict[str, str], reference: dict[str, str]) -> dict:
    """Precision, recall (averaged over the reference pages) and F1 of the two averages.

    A page missing from `predicted` counts as empty. Per page: precision = tp/(tp+fp) (1 when
    nothing was predicted and nothing was expected, else 0 for an empty prediction), recall =
    tp/(tp+fn) (1 when the reference is empty). Returns {"precision", "recall", "f1", "pages"}.
    """
    ps, rs = [], []
    for pid, ref in reference.items():
        tp, fp, fn = page_counts(predicted.get(pid, "") or "", ref or "")
        ps.append(tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0))
        rs.append(tp / (tp + fn) if tp + fn else 1.0)
    if not ps:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0}
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": len(ps)}


def load_reference(corpus: Path) -> dict[str, str]:
    """id -> human-marked body from corpus/reference.jsonl."""
    out = {}
    with open(corpus / "reference.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["id"])] = rec["body"]
    return out


def read_dumps(corpus: Path, ids) -> dict[str, str]:
    """id -> text of pages/<id>.txt."""
    return {pid: (corpus / "pages" / f"{pid}.txt").read_text(encoding="utf-8") for pid in ids}


def clean_all(dumps: dict[str, str]) -> dict[str, str]:
    """id -> body text from analysis.clean.clean_dump (paragraphs joined by a blank line)."""
    from analysis.clean import clean_dump

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {pid: "\n\n".join(clean_dump(raw)["paragraphs"]) for pid, raw in dumps.items()}


def _loader_texts(corpus: Path, ids, suffix: str) -> dict[str, str] | None:
    """id -> articles.text from analysis.load_articles on corpus/pages/<id><suffix>."""
    return loader_texts({pid: corpus / "pages" / f"{pid}{suffix}" for pid in ids})


def loader_texts(paths: dict[str, Path]) -> dict[str, str]:
    """id -> articles.text from analysis.load_articles, loading the given files together."""
    from analysis.load import load_articles

    by_path = {str(path): pid for pid, path in paths.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # every page is scored: two saves of one page (same URL) must not be merged into one
        arts = load_articles(list(by_path), keep_duplicates=True)
    out = {pid: "" for pid in paths}
    for path, text in zip(arts["path"], arts["text"]):
        out[by_path[str(path)]] = text if isinstance(text, str) else ""
    return out


HEADER_CHOICES = (None, 20, 60, 100)   # BodyRules.header_max_words tried (None: headline first only)
SECTION_CHOICES = (None, 4, 6, 8)      # BodyRules.section_marker_words tried (None: rule off)
BOX_CHOICES = (None, 8)                # BodyRules.box_label_words tried (None: as section_marker_words)


def html_rule_variants() -> list:
    """Every combination of `analysis.extract.BodyRules`: each switch off and on, the header's
    words among HEADER_CHOICES, the section label's words among SECTION_CHOICES, the in-body box
    label's among BOX_CHOICES (all off first)."""
    from itertools import product

    from analysis.extract import BodyRules

    numbers = ("header_max_words", "section_marker_words", "box_label_words")
    switches = [f for f in BodyRules._fields if f not in numbers]
    return [BodyRules(**dict(zip(switches, on)), header_max_words=header, section_marker_words=section,
                      box_label_words=box)
            for on in product((False, True), repeat=len(switches))
            for header in HEADER_CHOICES for section in SECTION_CHOICES for box in BOX_CHOICES]


def _variant_name(rules) -> str:
    on = [name for name, value in rules._asdict().items() if value is True]
    header, section, box = rules.header_max_words, rules.section_marker_words, rules.box_label_words
    on.append("headline first only" if header is None else f"header_max_words={header}")
    on.append("no section labels" if section is None else f"section_marker_words={section}")
    on.append("box labels as section labels" if box is None else f"box_label_words={box}")
    return " + ".join(on)


def html_variant_texts(pages, variants) -> dict:
    """(variant, dataset, id) -> body from `extract.html_body` with that variant's rules, the
    headline taken from the page's metadata as the loader does."""
    from analysis import extract, metadata
    from devpages import read_html

    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in pages:
            html = read_html(page)
            try:
                title = metadata.from_html(html).get("title")
            except Exception:   # noqa: BLE001 - as the loader: no title known
                title = None
            texts = {}   # trafilatura's text depends only on layout_tables: extracted once each
            for variant in variants:
                if variant.layout_tables not in texts:
                    texts[variant.layout_tables] = extract.extracted_text(html, rules=variant)
                body = extract.html_body_parts(html, title=title, rules=variant, text=texts[variant.layout_tables])
                out[variant, page.dataset, page.id] = "\n\n".join(body.paragraphs)
    return out


def _page_scores(pages, texts: dict, variant, scored: dict | None = None) -> dict:
    """(dataset, id) -> the page's score under `variant`; `scored` caches scores by (page, text):
    most variants give most pages the same text."""
    scored = {} if scored is None else scored
    out = {}
    for p in pages:
        text = texts[variant, p.dataset, p.id]
        key = (p.dataset, p.id, text)
        if key not in scored:
            scored[key] = score_pages({p.id: text}, {p.id: p.reference})
        out[p.dataset, p.id] = scored[key]
    return out


def _mean_f1(scores: list[dict]) -> dict:
    p = sum(s["precision"] for s in scores) / len(scores)
    r = sum(s["recall"] for s in scores) / len(scores)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": len(scores)}


def leave_one_outlet_out(pages, per_page: dict, variants) -> tuple[dict, Counter]:
    """Each outlet's pages get the variant with the best F1 (mean precision and recall over
    pages) on all other outlets' pages. Returns ((dataset, id) -> chosen variant's page score,
    how often each variant was chosen, by outlet); ties go to the earlier variant."""
    chosen: dict = {}
    picks: Counter = Counter()
    for outlet in sorted({p.outlet for p in pages}):
        train = [(p.dataset, p.id) for p in pages if p.outlet != outlet]
        best = max(variants, key=lambda v: (_mean_f1([per_page[v][k] for k in train])["f1"], -variants.index(v)))
        picks[best] += 1
        for p in pages:
            if p.outlet == outlet:
                chosen[p.dataset, p.id] = per_page[best][p.dataset, p.id]
    return chosen, picks


def report_html_rules(pages) -> None:
    """In-sample F1 of every variant of the HTML rules, and the leave-one-outlet-out F1."""
    variants = html_rule_variants()
    texts = html_variant_texts(pages, variants)
    scored: dict = {}
    per_page = {v: _page_scores(pages, texts, v, scored) for v in variants}
    sets = list(dict.fromkeys(p.dataset for p in pages))
    print("\nHTML rules of analysis.extract (html_body, headline from metadata), F1 in-sample:")
    print("| rules on | " + " | ".join(sets) + " | both |")
    print("|---|" + "---|" * (len(sets) + 1))
    for v in variants:
        cells = [_mean_f1([per_page[v][p.dataset, p.id] for p in pages if p.dataset == d])["f1"] for d in sets]
        both = _pool([(sum(p.dataset == d for p in pages), _mean_f1([per_page[v][p.dataset, p.id] for p in pages
                                                                      if p.dataset == d])) for d in sets])
        print(f"| {_variant_name(v)} | " + " | ".join(f"{c:.4f}" for c in cells) + f" | {both['f1']:.4f} |")
    chosen, picks = leave_one_outlet_out(pages, per_page, variants)
    parts = [(sum(p.dataset == d for p in pages), _mean_f1([chosen[p.dataset, p.id] for p in pages if p.dataset == d]))
             for d in sets]
    print(f"| **chosen leave one outlet out** ({len({p.outlet for p in pages})} outlets) | "
          + " | ".join(f"{s['f1']:.4f}" for _, s in parts) + f" | {_pool(parts)['f1']:.4f} |")
    print("variants chosen (outlets): " + "; ".join(f"{_variant_name(v)}: {n}" for v, n in picks.most_common()))


def _table(title: str, rows) -> None:
    print(f"\n{title}")
    print("| method | input | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, inp, s in rows:
        print(f"| {name} | {inp} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", help="one folder holding reference.jsonl and pages/ (instead of both sets)")
    ap.add_argument("--classifier", type=int, default=None, metavar="FOLDS",
                    help="also score clean_dump with the line classifier, fitted without each page's "
                         "outlet: 0 = leave one outlet out, K = K folds of whole outlets (slow: needs "
                         "scikit-learn)")
    ap.add_argument("--per-page", action="store_true",
                    help="also print precision, recall and F1 of each page (clean_dump and the loader's "
                         ".txt and HTML paths)")
    ap.add_argument("--loo", action="store_true",
                    help="also score the HTML rules of analysis.extract switched on and off, in-sample "
                         "and chosen leave one outlet out (2 extractions a page, 512 rule variants: a few minutes)")
    args = ap.parse_args(argv)
    import devpages

    if args.corpus:
        corpus = Path(args.corpus)
        ref = load_reference(corpus)
        pages = [devpages.DevPage(pid, corpus.name, pid, corpus / "pages" / f"{pid}.txt",
                                  corpus / "pages" / f"{pid}.html.gz", body) for pid, body in ref.items()]
    else:
        pages = devpages.load()
    datasets = list(dict.fromkeys(p.dataset for p in pages))
    dumps = {(p.dataset, p.id): p.txt.read_text(encoding="utf-8") for p in pages}
    clean_all(dict(list(dumps.items())[:1]))      # warm-up: rule and stop-list files load once
    from analysis import clean

    clean._stoplists()                            # other languages' lists load on first need
    t0 = time.process_time()
    cleaned = clean_all(dumps)
    dt = time.process_time() - t0
    held_out = None
    if args.classifier is not None:
        import train_line_classifier as train

        prepared = train.prepare(pages)
        probs = train.heldout_predictions(prepared, args.classifier)
        held_out = {(p.page.dataset, p.page.id): train.body(p.lines, train.combined(p.lines, pr))
                    for p, pr in zip(prepared, probs)}
        how = "leave one outlet out" if args.classifier == 0 else f"{args.classifier} folds of whole outlets"
    pooled: dict[str, tuple[dict, dict]] = {}
    loaded: dict[tuple[str, str, str], str] = {}
    for dataset in datasets:
        sel = [p for p in pages if p.dataset == dataset]
        ref = {p.id: p.reference for p in sel}
        rows = [("no cleaning", ".txt", score_pages({p.id: dumps[dataset, p.id] for p in sel}, ref)),
                ("clean_dump (rules)", ".txt", score_pages({p.id: cleaned[dataset, p.id] for p in sel}, ref))]
        if held_out is not None:
            rows.append((f"clean_dump + line classifier ({how})", ".txt",
                         score_pages({p.id: held_out[dataset, p.id] for p in sel}, ref)))
        for label, attr in (("load_articles (+ repeated lines learned)", "txt"),
                            ("load_articles (trafilatura; headline dropped)", "html")):
            texts = loader_texts({p.id: getattr(p, attr) for p in sel})
            for pid, text in texts.items():
                loaded[attr, dataset, pid] = text
            rows.append((label, ".txt" if attr == "txt" else ".html.gz", score_pages(texts, ref)))
        _table(f"{dataset}: {len(sel)} pages", rows)
        for name, inp, sc in rows:
            pooled.setdefault((name, inp), []).append((len(sel), sc))
    if len(datasets) > 1:
        _table(f"both sets: {len(pages)} pages (page-weighted mean of the sets' precision and recall)",
               [(name, inp, _pool(parts)) for (name, inp), parts in pooled.items()])
    n_lines = sum(raw.count("\n") + 1 for raw in dumps.values())
    print(f"\nclean_dump CPU time: {1000 * dt / max(1, len(dumps)):.2f} ms per page, "
          f"{300000 * dt / max(1, n_lines):.2f} ms per 300 lines ({len(dumps)} pages, {n_lines} lines)")
    if args.per_page:
        print("\nper page, precision / recall / F1: clean_dump (.txt), load_articles (.txt), "
              "load_articles (.html.gz)")
        for p in pages:
            cells = []
            for text in (cleaned[p.dataset, p.id], loaded["txt", p.dataset, p.id],
                         loaded["html", p.dataset, p.id]):
                s = score_pages({p.id: text}, {p.id: p.reference})
                cells.append(f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
            print(f"{p.dataset} {p.id} {p.outlet} | " + " | ".join(cells))
    if args.loo:
        report_html_rules(pages)
    return 0


def _pool(parts: list[tuple[int, dict]]) -> dict:
    """Precision and recall averaged over all pages of the sets, F1 from the two averages."""
    n = sum(k for k, _ in parts)
    p = sum(k * s["precision"] for k, s in parts) / n
    r = sum(k * s["recall"] for k, s in parts) / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": n}


if __name__ == "__main__":
    raise SystemExit(main())
