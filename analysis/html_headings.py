"""Which lines of an article's body its HTML page marks as headings (`<h1>`–`<h6>`).

The loader keeps the body text that `analysis.extract` gives and, for pages read from HTML, records
in the `heading_lines` column the lines of that body whose text is a heading of the page's markup
(docs/columns.md). The sentence splitter (`analysis.text.unit_table(text, headings=...)`) then reads
those lines as headings whatever their wording: a standfirst-like subhead written as a full
sentence (`Our hiking survival kit is really very simple.`), which no rule on the text alone can
tell from a one-line paragraph. Text dumps carry no markup: their `heading_lines` is empty.

Matching is on text, white space normalised: a body line is a heading line when its text equals the
text of an `<h1>`–`<h6>` element (or of one of the lines a `<br>` makes inside it). A text the page
also gives as a paragraph (`<p>` outside any heading) is left out: the body line may come from the
paragraph (a standfirst `<h2>` that repeats the first paragraph's sentence). List items are not
checked: a table of contents repeats the headings.
"""
from __future__ import annotations

import html as html_module
import re

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
PARAGRAPH_TAGS = ("p",)   # a list item may repeat a heading: a table of contents
COLUMN = "heading_lines"   # the articles column (docs/columns.md)
LINE_SEPARATOR = "\n"      # between the lines of that column
_HEADING_TAG = re.compile(r"<h[1-6][\s>/]", re.IGNORECASE)
# what lies between a heading's opening tag and the next closing heading tag (a quick look before
# parsing the page: most pages have no heading that is a line of the body)
_HEADING_SPAN = re.compile(r"<h[1-6](?:\s[^>]*)?>(.*?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)
_ANY_TAG = re.compile(r"<[^>]*>")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
MAX_HTML_CHARS = 2_000_000   # as much of the page as `analysis.metadata` reads


def normalise_line(line: str) -> str:
    """A line's text with its white space collapsed (the form lines are compared in)."""
    return " ".join(line.split())


def _texts(element) -> list[str]:
    """The heading's text, and when a `<br>` breaks it, each of its lines too."""
    whole = normalise_line(element.text_content())
    out = [whole] if whole else []
    if element.find(".//br") is not None:
        pieces: list[str] = []
        for node in element.iter():
            if node is not element and node.tag == "br":
                pieces.append(LINE_SEPARATOR)
            elif node is not element and isinstance(node.tag, str) and node.text:
                pieces.append(node.text)
            elif node is element and node.text:
                pieces.append(node.text)
            if node is not element and node.tail:
                pieces.append(node.tail)
        joined = "".join(pieces)
        out.extend(t for t in map(normalise_line, joined.split(LINE_SEPARATOR)) if t)
        out.append(normalise_line(joined))
    return out


def _inside_heading(element) -> bool:
    return any(a.tag in HEADING_TAGS for a in element.iterancestors()) or \
        any(True for _ in element.iter(*HEADING_TAGS))


def _parse(html: str):
    """The page's element tree, or None when lxml cannot read it."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html[:MAX_HTML_CHARS]))
    except Exception:  # noqa: BLE001 - "Document is empty" and the like: no headings known
        return None


def _set_as_paragraphs(root, texts: set[str]) -> set[str]:
    """Those of `texts` that the page also sets as a paragraph (outside any heading)."""
    out = set()
    for el in root.iter(*PARAGRAPH_TAGS):
        text = normalise_line(el.text_content())
        if text in texts and text not in out and not _inside_heading(el):
            out.add(text)
    return out


def also_paragraphs(html: str, texts) -> set[str]:
    """Those of `texts` (white space normalised) that the page sets as a paragraph too: the texts
    `heading_lines` leaves out (benchmarks/headings_check.py counts them apart)."""
    root = _parse(html) if isinstance(html, str) else None
    return set() if root is None else _set_as_paragraphs(root, set(texts))


def _may_have_heading_lines(html: str, in_body: set[str]) -> bool:
    """Whether some text between heading tags, read crudely (tags dropped, or taken as line breaks),
    is a line of the body: a filter that lets pages without one skip the parse (it may say yes
    wrongly, the parse then decides)."""
    for m in _HEADING_SPAN.finditer(html):
        inner = m.group(1)
        for joined in (_ANY_TAG.sub("", inner), _ANY_TAG.sub("\n", inner)):
            joined = html_module.unescape(joined) if "&" in joined else joined
            if normalise_line(joined) in in_body or \
                    any(normalise_line(line) in in_body for line in joined.split("\n")):
                return True
    return False


def heading_lines(html: str, body: str, root=None) -> list[str]:
    """The lines of `body` (the article text extracted from `html`) that the page marks as headings,
    white space normalised, in body order, each text once. [] when the page has no heading that is a
    line of the body, or cannot be parsed. `root`: the page already parsed the same way (the
    loader shares `analysis.metadata.html.parse_page`'s tree), else None (parsed here if needed)."""
    if not isinstance(html, str) or not isinstance(body, str) or not body.strip():
        return []
    html = html[:MAX_HTML_CHARS]
    if not _HEADING_TAG.search(html):
        return []
    lines = [normalise_line(line) for line in body.split("\n")]
    in_body = set(lines)
    in_body.discard("")
    if not _may_have_heading_lines(html, in_body):
        return []
    root = _parse(html) if root is None else root
    if root is None:
        return []
    found = {t for el in root.iter(*HEADING_TAGS) for t in _texts(el) if t in in_body}
    if not found:
        return []
    found -= _set_as_paragraphs(root, found)   # the body line may be the paragraph
    out = []
    for line in lines:
        if line in found:
            out.append(line)
            found.discard(line)
    return out
