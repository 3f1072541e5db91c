"""Headings and list lines of the development pages: are any counted as sentences? (issue 15)

For each of the 111 pages of ../shared/corpus, the HTML's headings (h1-h6) and list items (li) that
stand as a line of their own in the page's reference body are looked up among the kit's units
(`analysis.text.unit_table`). A heading is counted right when the unit spanning it has kind
"heading"; a list item is reported apart (a list item can be a whole sentence, which the kit counts).

    .venv/bin/python benchmarks/headings_check.py [--show]
"""
import gzip
import json
import sys
from pathlib import Path

import lxml.html

from analysis.text import HEADING, unit_table

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def lines_of(html: str, tags: str) -> set[str]:
    root = lxml.html.fromstring(html)
    out = set()
    for el in root.iter(*tags.split()):
        t = " ".join(el.text_content().split())
        if t:
            out.add(t)
    return out


def main(show: bool = False) -> None:
    totals = {"h": [0, 0], "li": [0, 0]}
    wrong = []
    for line in open(CORPUS / "reference.jsonl", encoding="utf-8"):
        ref = json.loads(line)
        body = ref["body"]
        html = gzip.open(CORPUS / "pages" / f"{ref['id']}.html.gz", "rt", encoding="utf-8", errors="replace").read()
        units = {" ".join(body[u.start:u.end].split()): u.kind for u in unit_table(body)}
        for kind, tags in (("h", "h1 h2 h3 h4 h5 h6"), ("li", "li")):
            for text in lines_of(html, tags):
                if text in units:   # a line of its own in the reference body, split as one unit
                    totals[kind][0] += 1
                    totals[kind][1] += units[text] == HEADING
                    if units[text] != HEADING:
                        wrong.append((kind, ref["id"], text))
    h, li = totals["h"], totals["li"]
    print(f"HTML headings found as units in the 111 reference bodies: {h[0]}, kind heading: {h[1]}")
    print(f"HTML list items found as units: {li[0]}, kind heading: {li[1]} (the others end with a full stop)")
    if show:
        for w in wrong:
            print(*w, sep="\t")


if __name__ == "__main__":
    main("--show" in sys.argv)
