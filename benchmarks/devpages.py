"""The development pages for body extraction: the 111 corpus pages and the 91 Readability pages.

Both sets live outside the project (../shared, see its READMEs); nothing is copied. Each page has
a browser text dump (`.txt`), the saved HTML (`.html.gz`) and a reference body. The outlet of a
page (for leave-one-outlet-out folds) is the registrable domain of its URL: from reference.jsonl
for the corpus, from the page's canonical link or og:url for the Readability pages (their
reference has no URL), else the page id without its "-N" suffix ("nytimes-3" -> "nytimes").
So the New York Times pages of both sets fall into one fold.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
READABILITY = SHARED / "external"

_CANONICAL = re.compile(r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)|"""
                        r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""", re.IGNORECASE)
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


class DevPage(NamedTuple):
    """One development page: `dataset` is "corpus" or "readability"."""
    id: str
    dataset: str
    outlet: str
    txt: Path
    html: Path
    reference: str


def outlet_of(url: str) -> str:
    """Registrable domain of a URL ("https://www.nytimes.com/..." -> "nytimes.com",
    "news.bbc.co.uk" -> "bbc.co.uk"); "" when the URL has no host."""
    host = urlparse(url if "//" in url else "//" + url).netloc.lower().split(":")[0]
    parts = [p for p in host.split(".") if p]
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _readability_outlet(page_id: str, html_path: Path) -> str:
    with gzip.open(html_path, "rt", encoding="utf-8", errors="replace") as fh:
        head = fh.read(200_000)
    m = _CANONICAL.search(head)
    url = (m.group(1) or m.group(2)) if m else ""
    return outlet_of(url) if url.strip("/") else re.sub(r"-\d+$", "", page_id)


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load(datasets=("corpus", "readability")) -> list[DevPage]:
    """The development pages of the named sets, in file order."""
    pages = []
    if "corpus" in datasets:
        for rec in _read_jsonl(CORPUS / "reference.jsonl"):
            pid = str(rec["id"])
            pages.append(DevPage(pid, "corpus", outlet_of(rec.get("url") or "") or pid,
                                 CORPUS / "pages" / f"{pid}.txt", CORPUS / "pages" / f"{pid}.html.gz",
                                 rec["body"] or ""))
    if "readability" in datasets:
        folder = READABILITY / "readability-pages"
        for rec in _read_jsonl(READABILITY / "readability-reference.jsonl"):
            pid = str(rec["id"])
            html = folder / f"{pid}.html.gz"
            pages.append(DevPage(pid, "readability", _readability_outlet(pid, html), folder / f"{pid}.txt",
                                 html, rec["body"] or ""))
    # an id stem naming a known outlet ("wikipedia-4", "webmd-1") joins that outlet's fold
    by_label = {o.split(".")[0]: o for o in sorted({p.outlet for p in pages}) if "." in o}
    return [p._replace(outlet=by_label.get(p.outlet, p.outlet)) if "." not in p.outlet else p for p in pages]


def read_html(page: DevPage) -> str:
    with gzip.open(page.html, "rt", encoding="utf-8", errors="replace") as fh:
        return fh.read()
