"""What every quote-gold assembler shares (make_quotes_gold.py, make_quotes_gold2.py,
make_quotes_gold3.py, make_quotes_heldout.py): each holds only its annotations (`ANN`) and calls
`main`. An annotation gives the exact quoted words (without the marks); `build` finds their
character offsets in the paragraph and asserts text == paragraph[start:end].
"""
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reference.jsonl"

_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n\s*")
MARKS = set('"\u201c\u201d\u2018\u2019\'\u201e\u00ab\u00bb')


def normalise(body):
    """Clean body with paragraphs stripped and joined by exactly one blank line."""
    paras = [p.strip() for p in _PARA_SPLIT.split(body)]
    return "\n\n".join(p for p in paras if p)


def load_texts(ann, extra=None):
    """Map article id -> (source, url, normalised text) for the annotated articles; `extra` holds
    texts that are not in the corpus (the seed)."""
    texts = dict(extra or {})
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in ann:
                texts[d["id"]] = ("corpus", d["url"], normalise(d["body"]))
    return texts


def build(ann, texts, warnings):
    """The gold records (one dict per article, in `ann` order) with offsets computed and verified;
    spans not between quotation marks are added to `warnings`."""
    out = []
    for aid, a in ann.items():
        source, url, text = texts[aid]
        paras = text.split("\n\n")
        recs = []
        for q in a["quotes"]:
            qid, pi, qtext, kind, skey = q[:5]
            occ = q[5] if len(q) > 5 else 0
            para = paras[pi]
            start = -1
            for _ in range(occ + 1):
                start = para.find(qtext, start + 1)
                assert start >= 0, (aid, pi, qtext)
            end = start + len(qtext)
            assert para[start:end] == qtext
            before = para[:start].rstrip()[-1:]
            after = para[end:].lstrip()[:1]
            if before not in MARKS or (after and after not in MARKS):
                warnings.append(f"{aid} p{pi} span not between marks: {para[max(0, start - 3):end + 3]!r}")
            speaker, role, stype = a["speakers"][skey] if skey else (None, None, None)
            assert (kind == "scare") == (skey is None), (aid, qtext)
            recs.append(dict(quote_id=qid, paragraph=pi, start=start, end=end, text=qtext,
                             kind=kind, speaker=speaker, role=role, source_type=stype))
        recs.sort(key=lambda r: (r["paragraph"], r["start"]))
        out.append(dict(article_id=aid, source=source, url=url, text=text, quotes=recs))
    return out


def check(records):
    """Print every quotation-mark character that is not right next to an annotated span."""
    for rec in records:
        paras = rec["text"].split("\n\n")
        covered = {}
        for q in rec["quotes"]:
            covered.setdefault(q["paragraph"], []).append((q["start"], q["end"]))
        for pi, p in enumerate(paras):
            spans = covered.get(pi, [])
            for i, ch in enumerate(p):
                if ch not in MARKS:
                    continue
                if ch in "\u2019'" and 0 < i < len(p) - 1 and p[i - 1].isalnum() and p[i + 1].isalnum():
                    continue  # apostrophe inside a word
                near = any(i in (s - 1, s - 2, e, e + 1) or s <= i < e for s, e in spans)
                if not near:
                    print(f"{rec['article_id']} p{pi} @{i} {ch!r}: ...{p[max(0, i - 40):i + 40]}...")


def main(ann, out, extra=None):
    """Write the gold file `out`; with --check, list spans not between marks and stray marks."""
    warnings = []
    records = build(ann, load_texts(ann, extra), warnings)
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in records)
    print(f"{len(records)} articles, {n} quotes -> {out}")
    if "--check" in sys.argv:
        print("\n".join(warnings))
        check(records)
