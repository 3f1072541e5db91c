"""Headings and list lines of real pages: are any counted as sentences? (issue 15)

Two sets with the saved HTML and a body marked by people: the 111 pages of ../shared/corpus (the
development pages) and the 91 pages of Mozilla Readability's test suite in ../shared/external
(bodies accepted by Readability.js's maintainers; not used to write the rules). For each page, the
HTML's headings (h1-h6) and list items (li) that stand as a line of their own in the reference body
are looked up among the kit's units (`analysis.text.unit_table`): a heading is right when its unit
has kind "heading". List items are reported apart (a list item can be a whole sentence, which the
kit counts). The other way round, every one-line paragraph the kit reads as a subhead although it
ends with a sentence's final mark (a question, a line in capitals) is listed with whether the HTML
marks it as a heading; PolNeAR (no HTML) gives the rate on newswire.

    .venv/bin/python benchmarks/headings_check.py [--show]
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.text import HEADING, unit_table  # noqa: E402

ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u2019\u201d\u00bb)\]*]*$")   # a sentence's final mark
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def lines_of(html: str, tags: str) -> set[str]:
    root = lxml.html.fromstring(html)
    out = set()
    for el in root.iter(*tags.split()):
        t = " ".join(el.text_content().split())
        if t:
            out.add(t)
    return out


def pages(name: str):
    """(id, body, html or None) of one set."""
    if name == "corpus":
        for line in open(SHARED / "corpus" / "reference.jsonl", encoding="utf-8"):
            ref = json.loads(line)
            html = gzip.open(SHARED / "corpus" / "pages" / f"{ref['id']}.html.gz", "rt", encoding="utf-8", errors="replace")
            yield ref["id"], ref["body"], html.read()
    elif name == "mozilla":
        for line in open(SHARED / "external" / "readability-reference.jsonl", encoding="utf-8"):
            ref = json.loads(line)
            path = SHARED / "external" / "readability-pages" / f"{ref['id']}.html.gz"
            yield ref["id"], ref["body"], gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    else:
        for line in open(SHARED / "external" / "polnear-train.jsonl", encoding="utf-8"):
            ref = json.loads(line)
            yield ref["id"], ref["text"].replace("\r", ""), None


class Measure(NamedTuple):
    """What one set gives: HTML headings and list items that are a line of their own in the body
    and how many of each the kit reads as headings; the ones counted as sentences; and the one-line
    paragraphs ending with a final mark that the kit reads as subheads (id, marked in the HTML, text)."""
    headings: int
    headings_right: int
    items: int
    items_right: int
    wrong: list
    read_as_subhead: list


def measure(name: str) -> Measure:
    totals = {"h": [0, 0], "li": [0, 0]}
    wrong, read_as_subhead = [], []
    for page_id, body, html in pages(name):
        units = unit_table(body)
        lines = {" ".join(line.split()) for line in body.replace("\n\n", "\n").split("\n")}
        kinds = {" ".join(body[u.start:u.end].split()): u.kind for u in units}
        heads = lines_of(html, "h1 h2 h3 h4 h5 h6") if html else set()
        for u in units:   # sentences the kit reads as subheads
            text = " ".join(body[u.start:u.end].split())
            if u.kind == HEADING and ENDS_SENTENCE.search(text):
                read_as_subhead.append((page_id, text in heads, text))
        if html is None:
            continue
        for kind, found in (("h", heads), ("li", lines_of(html, "li"))):
            for text in found:
                if text in kinds and text in lines:   # a line of its own in the body, one unit
                    totals[kind][0] += 1
                    totals[kind][1] += kinds[text] == HEADING
                    if kinds[text] != HEADING:
                        wrong.append((kind, page_id, text))
    return Measure(*totals["h"], *totals["li"], wrong, read_as_subhead)


def report(name: str, show: bool) -> None:
    m = measure(name)
    print(f"== {name}")
    if name != "polnear":
        print(f"HTML headings that are a line of their own in the reference bodies: {m.headings}, "
              f"kind heading: {m.headings_right}")
        print(f"HTML list items that are a line of their own: {m.items}, kind heading: {m.items_right}")
    marked = sum(x[1] for x in m.read_as_subhead)
    print(f"one-line paragraphs ending with . ! ? read as subheads (question or capitals): {len(m.read_as_subhead)}"
          + (f", marked as headings in the HTML: {marked}" if name != "polnear" else ""))
    if show:
        for w in m.wrong:
            print("  counted as a sentence:", *w, sep="\t")
        for page_id, is_head, text in m.read_as_subhead:
            print("  read as a subhead:", page_id, "html-heading" if is_head else "-", text, sep="\t")


def main(show: bool = False) -> None:
    for name in ("corpus", "mozilla", "polnear"):
        report(name, show)


if __name__ == "__main__":
    main("--show" in sys.argv)
