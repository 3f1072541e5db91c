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

Two paths. The text path reads the body alone (`unit_table(body)`: what a text dump gets). The HTML
path also gives the splitter the heading lines the loader finds in the page's markup
(`analysis.html_headings.heading_lines`, the articles' `heading_lines` column): first on the same
reference bodies (the same headings counted), then end to end, each saved page loaded with
`analysis.load_articles` and its headings looked up in the loader's own body.

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
import analysis  # noqa: E402
from analysis.html_headings import also_paragraphs, heading_lines  # noqa: E402
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


def page_paths(name: str) -> dict[str, Path]:
    """Saved page of each id of one set."""
    if name == "corpus":
        return {p.name.split(".")[0]: p for p in (SHARED / "corpus" / "pages").glob("*.html.gz")}
    return {p.name.split(".")[0]: p for p in (SHARED / "external" / "readability-pages").glob("*.html.gz")}


def loaded_pages(name: str):
    """(id, body, html, heading lines) of each saved page of a set as `analysis.load_articles`
    loads it (the loader's body and `heading_lines`)."""
    import warnings

    paths = page_paths(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = analysis.load_articles(sorted(paths.values()), keep_duplicates=True)
    for path, body, known in zip(articles["path"], articles["text"], articles["heading_lines"]):
        html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        yield Path(path).name.split(".")[0], body, html, known


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
    (one unit of the text-only splitter) and how many of each the kit reads as headings; the ones
    counted as sentences; and the one-line paragraphs ending with a final mark that the kit reads as
    subheads (id, marked in the HTML, text). `also_paragraph`: headings left out of `headings`
    because the page sets the same text as a paragraph (`<p>`, `<li>` ...), so the body line may be
    that paragraph (a standfirst repeating the first paragraph), how many of them are kind heading;
    `split`: heading lines the text-only splitter cuts into several units (not in `headings`) and
    how many are one heading unit."""
    headings: int
    headings_right: int
    items: int
    items_right: int
    wrong: list
    read_as_subhead: list
    also_paragraph: tuple[int, int] = (0, 0)
    split: tuple[int, int] = (0, 0)


def measure(name: str, path: str = "text") -> Measure:
    """`path`: "text" (the body alone), "html" (the reference body with the heading lines the
    page's markup gives) or "loaded" (the loader's body and `heading_lines`)."""
    totals = {"h": [0, 0], "li": [0, 0], "also_paragraph": [0, 0], "split": [0, 0]}
    wrong, read_as_subhead = [], []
    if path == "loaded":
        items = loaded_pages(name)
    else:
        items = ((page_id, body, html, heading_lines(html, body) if path == "html" and html else None)
                 for page_id, body, html in pages(name))
    for page_id, body, html, known in items:
        units = unit_table(body, known)
        lines = {" ".join(line.split()) for line in body.replace("\n\n", "\n").split("\n")}
        kinds = {" ".join(body[u.start:u.end].split()): u.kind for u in units}
        text_only = {" ".join(body[u.start:u.end].split()) for u in unit_table(body)}
        heads = all_heads = lines_of(html, "h1 h2 h3 h4 h5 h6") if html else set()
        if html:
            for text in heads & lines:
                if text not in text_only:   # several units of the text-only splitter
                    totals["split"][0] += 1
                    totals["split"][1] += kinds.get(text) == HEADING
            doubled = also_paragraphs(html, heads & lines & text_only)
            for text in doubled:
                totals["also_paragraph"][0] += 1
                totals["also_paragraph"][1] += kinds[text] == HEADING
            heads = heads - doubled
        for u in units:   # sentences the kit reads as subheads
            text = " ".join(body[u.start:u.end].split())
            if u.kind == HEADING and ENDS_SENTENCE.search(text):
                read_as_subhead.append((page_id, text in all_heads, text))
        if html is None:
            continue
        for kind, found in (("h", heads), ("li", lines_of(html, "li"))):
            for text in found:
                if text in text_only and text in lines:   # a line of its own in the body, one unit
                    totals[kind][0] += 1
                    totals[kind][1] += kinds[text] == HEADING
                    if kinds[text] != HEADING:
                        wrong.append((kind, page_id, text))
    return Measure(*totals["h"], *totals["li"], wrong, read_as_subhead,
                   tuple(totals["also_paragraph"]), tuple(totals["split"]))


def report(name: str, show: bool, path: str = "text") -> None:
    m = measure(name, path)
    print(f"== {name}" + {"text": " (text path: the body alone)",
                          "html": " (HTML path: reference body + the markup's heading lines)",
                          "loaded": " (HTML path end to end: load_articles' body and heading_lines)"}[path])
    if name != "polnear":
        print(f"HTML headings that are a line of their own in the bodies: {m.headings}, "
              f"kind heading: {m.headings_right}")
        print(f"  left out, the page also sets the text as a paragraph: {m.also_paragraph[0]}, "
              f"kind heading: {m.also_paragraph[1]}")
        print(f"  left out, several units of the text-only splitter: {m.split[0]}, "
              f"one heading unit: {m.split[1]}")
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
    for name in ("corpus", "mozilla"):
        report(name, show, "html")
    for name in ("corpus", "mozilla"):
        report(name, show, "loaded")


if __name__ == "__main__":
    main("--show" in sys.argv)
