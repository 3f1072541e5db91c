"""The same page given twice (same URL, same bytes, a text dump and an HTML page with the same
body, or x.txt beside x.html) kept once, and article ids made unique: what `load_articles` and a
chunked corpus run both decide with `resolve_duplicates`."""
from __future__ import annotations

import os
import re
import zlib
from collections import defaultdict
from typing import NamedTuple


_TOKEN = re.compile(r"\w+")
SKETCH_SIZE = 16      # smallest shingle hashes kept per article (a bottom-k MinHash sketch)
SAME_BODY = 0.5       # estimated Jaccard similarity of word 5-gram sets from which bodies match:
                      # on the 111 development pages, 109 of the 111 .txt/.html pairs reach it
                      # (median 1.0); two different articles at most 0.25 (two press releases of
                      # one company sharing their boilerplate)
_KEEP_FIRST = {"html": 0, "txt": 1}   # which copy of a page is kept: HTML, then the text dump


class PageKey(NamedTuple):
    """What decides whether two loaded articles are the same page (one per article, in order)."""
    article_id: str       # the id as read (before duplicates get a suffix)
    where: str            # file (and record) for messages
    format: str
    url: str              # normalised URL, "" when unknown
    digest: str           # the raw bytes' SHA-1 for one-page files (txt/html), else ""
    outlet: str           # normalised outlet, "" when unknown
    stem: str             # folder and file name without its suffixes, for one-page files
    sketch: str           # bottom-k hashes of the body's word 5-grams, space-separated hex


def _norm_url(url) -> str:
    from urllib.parse import urlsplit

    if not isinstance(url, str) or "." not in url:
        return ""
    parts = urlsplit(url.strip() if "//" in url else f"//{url.strip()}")
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}".lower()


class _WordCrc(dict):
    """word -> zlib.crc32 of its UTF-8 bytes, filled on a miss: a corpus repeats its vocabulary, so
    most words of a page were hashed for an earlier page (a run's `run_corpus` sketches every page)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode())
        return code


_WORD_CRC = _WordCrc()
_WORD_CRC_MAX = 200_000   # emptied when full (about 20 MB)


def _sketch(text: str) -> str:
    """Bottom-k MinHash sketch (Broder 1997, "On the resemblance and containment of documents") of
    the set of word 5-grams: the SKETCH_SIZE smallest 5-gram hashes (a tuple of the words' CRC-32s,
    hashed), as hex; stable across processes, so the chunks of a run agree."""
    import heapq

    words = _TOKEN.findall((text or "").lower())
    if len(_WORD_CRC) >= _WORD_CRC_MAX:
        _WORD_CRC.clear()
    ids = list(map(_WORD_CRC.__getitem__, words))
    # a tuple of ints hashes the same in every process (unlike str, whose hash is salted)
    shingles = {h & 0xFFFFFFFFFFFFFFFF for h in map(hash, zip(ids, ids[1:], ids[2:], ids[3:], ids[4:]))}
    return " ".join(f"{h:016x}" for h in heapq.nsmallest(SKETCH_SIZE, shingles))


def where_of(rec: dict) -> str:
    """The file (and record) of a loaded record, as messages name it."""
    return rec["path"] if rec.get("row") is None else f"{rec['path']} (record {rec['row']})"


def _stem(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, name.split(".")[0]) if name.split(".")[0] else ""


def page_key(rec: dict, sketch: bool = True) -> PageKey:
    """What `resolve_duplicates` compares for one loaded record (`sketch=False`: no body sketch,
    when no text dump and HTML page could be the same page)."""
    outlet = re.sub(r"[^a-z0-9]+", "", (rec.get("outlet") or "").lower().removeprefix("the "))
    one_page = rec["format"] in ("txt", "html")
    return PageKey(str(rec["article_id"]), where_of(rec), rec["format"], _norm_url(rec.get("url")),
                   str(rec["article_id"]) if one_page and rec.get("row") is None else "", outlet,
                   _stem(rec["path"]) if one_page else "",
                   _sketch(rec.get("text") or "") if sketch and one_page else "")


def _same_outlet(a: str, b: str) -> bool:
    """False only when both outlets are known and clearly differ ("cnn" and "cnnpolitics", or
    "spacecom" and "space", are one outlet named two ways)."""
    return not a or not b or a[:4] == b[:4]


def _similar(a: str, b: str) -> bool:
    """Estimated Jaccard similarity of two sketches (bottom-k of the union) above SAME_BODY."""
    sa, sb = set(a.split()), set(b.split())
    union = sorted(sa | sb)[:SKETCH_SIZE]
    return len(sa) >= 4 and len(sb) >= 4 and sum(h in sa and h in sb for h in union) >= SAME_BODY * len(union)


class Resolution(NamedTuple):
    """The outcome of `resolve_duplicates`: per article whether it is kept and its final id, and
    one message per dropped copy or renamed id."""
    keep: list[bool]
    ids: list[str]
    messages: list[str]


def resolve_duplicates(keys: list[PageKey], keep_duplicates: bool = False) -> Resolution:
    """Which articles are the same page (same URL; the same bytes; a text dump and an HTML page
    with the same body and no conflicting URL or outlet; or `x.txt` beside `x.html`): one copy is
    kept (HTML first, then the text dump, then the first in file order) and the others dropped,
    each with a message naming the pair (`keep_duplicates`: all kept). Then ids are made unique: a
    repeated id gets -2, -3 ..., skipping any suffix that is already another article's id, with a
    message naming both."""
    keep, messages = [True] * len(keys), []
    if not keep_duplicates:
        keep, messages = _keep_one_copy(keys, _same_pages(keys))
    ids, renamed = _unique_ids(keys, keep)
    return Resolution(keep, ids, messages + renamed)


class _SamePages(NamedTuple):
    group: list[int]                      # per article: the first article of its page
    reason: dict[tuple[int, int], str]    # (i, j), i < j -> why they are the same page


def _same_pages(keys: list[PageKey]) -> _SamePages:
    """Articles joined into pages by URL, bytes, file name (x.txt beside x.html) and body."""
    parent = list(range(len(keys)))
    reason: dict[tuple[int, int], str] = {}

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a, b, why):
        reason.setdefault((min(a, b), max(a, b)), why)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def urls_agree(a, b):
        return not (keys[a].url and keys[b].url and keys[a].url != keys[b].url)

    first: dict[tuple, int] = {}
    for k, key in enumerate(keys):
        for kind, value in (("the same URL", key.url), ("the same bytes", key.digest)):
            if value and (kind, value) in first:
                join(first[kind, value], k, kind)
            elif value:
                first[kind, value] = k
    html_by_stem = {key.stem: k for k, key in enumerate(keys) if key.format == "html" and key.stem}
    html_by_hash: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        if key.format == "html":
            for h in key.sketch.split():
                html_by_hash[h].append(k)
    for k, key in enumerate(keys):
        if key.format != "txt":
            continue
        shared: dict[int, int] = defaultdict(int)
        for h in key.sketch.split():
            for j in html_by_hash.get(h, ()):
                shared[j] += 1
        for j, count in shared.items():
            if count >= 2 and _similar(key.sketch, keys[j].sketch) and urls_agree(j, k) \
                    and _same_outlet(key.outlet, keys[j].outlet):
                join(j, k, "the same body")
        j = html_by_stem.get(key.stem) if key.stem else None
        if j is not None and urls_agree(j, k):      # page.txt beside page.html: one page saved twice
            join(j, k, "the same file name, as .txt and .html")
    return _SamePages([root(k) for k in range(len(keys))], reason)


def _keep_one_copy(keys: list[PageKey], pages: _SamePages) -> tuple[list[bool], list[str]]:
    """One copy of each page kept (HTML, else the text dump, else the first); a message per drop."""
    members: dict[int, list[int]] = defaultdict(list)
    for k, g in enumerate(pages.group):
        members[g].append(k)
    keep, messages = [True] * len(keys), []
    for group in members.values():
        if len(group) < 2:
            continue
        kept = min(group, key=lambda k: (_KEEP_FIRST.get(keys[k].format, 2), k))
        for k in group:
            if k == kept:
                continue
            keep[k] = False
            why = pages.reason.get((min(k, kept), max(k, kept))) or next(
                (r for (a, b), r in pages.reason.items() if k in (a, b)), "the same page")
            messages.append(f"{keys[k].where}: the same page as {keys[kept].where} ({why}); loaded "
                            f"once, from {keys[kept].where} (keep both: keep_duplicates=True)")
    return keep, messages


def _unique_ids(keys: list[PageKey], keep: list[bool]) -> tuple[list[str], list[str]]:
    """Ids of the kept articles made unique: the first holder keeps its id, later ones get the
    first -2, -3 ... that is nobody's id; a message per renamed article."""
    ids = [key.article_id for key in keys]
    taken = {aid for aid, kept in zip(ids, keep) if kept}
    holder: dict[str, int] = {}
    suffix: dict[str, int] = {}
    messages = []
    for k, aid in enumerate(ids):
        if not keep[k]:
            continue
        if aid not in holder:
            holder[aid] = k
            continue
        m = suffix.get(aid, 1) + 1
        while f"{aid}-{m}" in taken:
            m += 1
        suffix[aid] = m
        ids[k] = f"{aid}-{m}"
        taken.add(ids[k])
        messages.append(f"{keys[k].where}: article_id {aid!r} is also the id of {keys[holder[aid]].where}; "
                        f"this one is {ids[k]!r}")
    return ids, messages
