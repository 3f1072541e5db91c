"""Metadata of a saved HTML page: structured metadata (meta tags, JSON-LD) checked against the
visible text, which is rendered to lines and read by the dump passes (`dump.read_dump`).

`from_html` runs these passes in order: parse, read the <head> (`_read_head`), the visible
headline (`_visible_title`), the outlet, the metadata date (`_metadata_date`), the visible text
(`read_dump`), the author (`_html_author`, trafilatura as a fallback), the published date
(`_html_published`: the printed date wins, in the page's clock) and the lead caption.
"""
from __future__ import annotations

import re
import warnings
from typing import NamedTuple

from analysis.metadata.bylines import AGENCIES, COMMON_RE, clean_names, name_shaped, not_site, person_names
from analysis.metadata.captions import clean_credit, split_credit, strip_caption_label
from analysis.metadata.config import SEP_RE
from analysis.metadata.dates import TIME_RE, TZ, UPDATED, offset_minutes, parse_published
from analysis.metadata.dump import empty_result, read_dump
from analysis.metadata.outlets import choose as choose_outlet
from analysis.metadata.page import DumpPage
from analysis.metadata.titles import looks_site, split_suffix, strip_site_suffix
from analysis.metadata.words import collapse, dice, overlap, word_set

_I = re.IGNORECASE
_HEADLINE_CLASS_RE = re.compile(r"head(?:line)?|\bhed\b|__hed|title", _I)
_PROMO_RE = re.compile(r"\b(?:subscribe|subscription|newsletter|sign\s+up|watch\s+live|click\s+here)\b", _I)


class JsonLd(NamedTuple):
    """What the page's JSON-LD article objects say."""

    headline: str | None
    date_published: str | None
    authors: list[str]
    publisher: str | None


class HtmlHead(NamedTuple):
    """The page's structured metadata."""

    meta: dict            # <meta> name/property -> content (first of each)
    ld: JsonLd
    site: str | None      # og:site_name, application-name or the JSON-LD publisher
    sites: tuple          # known names of the site
    page_title: str       # <title>
    rel_author: bool = False   # the source holds a rel="author" link (looked for only then)

_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
          "tr", "td", "th", "ul", "button", "option", "summary", "title", "caption", "label"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "object",
         "canvas", "math"}
_PUB_META = ("article:published_time", "og:article:published_time", "article.published",
             "datepublished", "date.published", "published_time", "publish-date", "publishdate",
             "publish_date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
             "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "date",
             "original-publish-date", "datecreated", "article:published", "og:pubdate")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author",
                "parsely-author", "cxenseparse:author", "twitter:creator:name", "og:article:author",
                "twitter:creator")   # the last only when a name, not an @handle
_NL_TO_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
_WS_RE = re.compile(r"[ \t\r\f\v\xa0\u200b]+")


_TAG_GAPS: dict[str, str | None] = {}   # tag as parsed -> `_tag_gap` (tags recur across pages)


def _tag_gap(tag: str) -> str | None:
    """What an element of this tag puts between its text and its neighbours': a line break (a
    block), a space (an inline box), or None (not rendered: skipped with its subtree)."""
    gap = _TAG_GAPS.get(tag, "")
    if gap == "":
        name = tag.lower().rsplit("}", 1)[-1]
        gap = None if name in _SKIP else ("\n" if name in _BLOCK else " ")
        if len(_TAG_GAPS) < 10_000:
            _TAG_GAPS[tag] = gap
    return gap


def _render_lines(root) -> list[str]:
    """The visible text of a parsed page, one block per line (like a browser's select-all copy)."""
    from lxml import etree

    parts: list[str] = []
    append = parts.append
    body = root.find(".//body")
    start = body if body is not None else root
    walker = etree.iterwalk(start, events=("start", "end"))
    gaps = _TAG_GAPS
    for event, el in walker:
        tag = el.tag
        gap = gaps.get(tag, "")
        if gap == "" and isinstance(tag, str):
            gap = _tag_gap(tag)   # else "": a comment or processing instruction
        if event == "start":
            if gap is None:
                walker.skip_subtree()
                continue
            if gap:
                append(gap)   # CSS spacing between inline boxes
                if el.text:
                    append(el.text.translate(_NL_TO_SPACE))
        else:
            if gap is None:
                append(" ")   # the end of a skipped element: its tail follows an inline gap
            elif gap:
                append(gap)
            if el.tail and el is not start:
                append(el.tail.translate(_NL_TO_SPACE))
    # white space runs squashed in one pass (the pattern never spans a line break, so as line by line)
    lines = []
    for ln in _WS_RE.sub(" ", "".join(parts)).split("\n"):
        ln = ln.strip()
        if ln:
            lines += (ln, "")
    return lines


# a script wrapped for old XHTML parsers: "<![CDATA[ … ]]>", "//<![CDATA[", "<!-- … -->"
_CDATA_RE = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


def _jsonld(root):
    """The headline, datePublished, author names and publisher name of JSON-LD article objects."""
    import json

    head = date = pub = None
    authors: list[str] = []
    for sc in root.iter("script"):
        if (sc.get("type") or "").lower().strip() != "application/ld+json" or not sc.text:
            continue
        try:
            data = json.loads(_CDATA_RE.sub("", sc.text).strip().rstrip(";"))
        except Exception:
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
                continue
            if not isinstance(obj, dict):
                continue
            if "@graph" in obj:
                stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
            typ = obj.get("@type")
            typ = " ".join(typ) if isinstance(typ, list) else str(typ or "")
            if not re.search(r"Article|Posting|Report|NewsArticle|WebPage|Blog", typ):
                continue
            if date is None and isinstance(obj.get("datePublished"), str):
                date = obj["datePublished"]
            if head is None and isinstance(obj.get("headline"), str):
                head = obj["headline"]
            if not authors and obj.get("author"):
                a = obj["author"]
                for item in a if isinstance(a, list) else [a]:
                    if isinstance(item, dict) and isinstance(item.get("name"), str):
                        authors.append(item["name"])
                    elif isinstance(item, str):
                        authors.append(item)
            p = obj.get("publisher")
            if pub is None and isinstance(p, dict) and isinstance(p.get("name"), str):
                pub = p["name"]
    return JsonLd(head, date, authors, pub)


def _meta_tags(root) -> dict:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = m.get("content")
        if key and val and key not in out:
            out[key] = " ".join(val.split())
    return out


def _text_of(el) -> str:
    return " ".join(el.text_content().split())


def _lead_figcaption(root, h1):
    """(caption, credit) from the first <figcaption> of the article (after the headline if there is one)."""
    caps = root.xpath("//article//figcaption") or root.xpath("//main//figcaption") or root.xpath("//figcaption")
    if not caps:
        return None, None
    fc = caps[0]
    if h1 is not None and len(caps) > 1:
        # the lead photo is the first figure after the headline (promos come further down)
        # (the page's elements walked in document order only up to that figure)
        wanted, past_h1 = set(caps), False
        for el in root.iter():
            if el is h1:
                past_h1 = True
            elif past_h1 and el in wanted:
                fc = el
                break
    credit_el = fc.xpath(".//*[contains(translate(@class,'CREDIT','credit'),'credit') or "
                         "contains(translate(@class,'COPYRIGHT','copyright'),'copyright') or "
                         "self::cite or self::small]")
    full = _text_of(fc)
    if credit_el:
        cred = _text_of(credit_el[0])
        cap = full.replace(cred, "").strip()
        cap2, cred2 = split_credit(cap) if cap else (None, None)
        return strip_caption_label(cap2 or cap or None), clean_credit(cred) or cred2
    cap, cred = split_credit(full)
    return strip_caption_label(cap), cred


def parse_page(html: str):
    """The element tree `from_html` reads a page (a str) as, or None when lxml cannot read it: a
    caller that reads the page's markup too (`analysis.html_headings`) can share it (nothing here
    changes the tree)."""
    import lxml.html

    src = re.sub(r"^\s*<\?xml[^>]*\?>", "", html[:2_000_000])
    try:
        return lxml.html.document_fromstring(src)
    except Exception:  # lxml: "Document is empty" and the like: nothing to read, not an error
        return None


def from_html(html, url: str | None = None, root=None) -> dict:
    """Metadata of a saved HTML page, same keys as `from_dump` (no `lines`).

    Title from the <h1> (else og:title / <title>) without a site suffix; author from the visible
    byline (else JSON-LD/meta author, else trafilatura); published from the page's published-time
    metadata with its clock kept (offset dropped), checked against the date the page prints near
    the headline (else htmldate's original date); caption/credit from the lead <figcaption>.
    `root`: the page already parsed by `parse_page(html)` (None: parsed here).
    """
    out = empty_result(False)
    out["url"] = url
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return out
    try:
        _html_core(html, url, out, root)
    except Exception as exc:
        warnings.warn(f"metadata.from_html failed ({type(exc).__name__}: {exc})", stacklevel=2)
    return out


def _read_head(root, src: str = "") -> HtmlHead:
    meta = _meta_tags(root)
    ld = _jsonld(root)
    site = meta.get("og:site_name") or meta.get("application-name") or ld.publisher
    if site and "://" in site:
        site = re.sub(r"^\w+://(?:www\.)?", "", site).strip("/")  # "https://www.newsnation.in"
    if site and SEP_RE.search(site):
        site = SEP_RE.split(site)[0].strip()  # "The Jerusalem Post | JPost.com"
    tnode = root.find(".//title")
    return HtmlHead(meta, ld, site, tuple(x for x in (site, ld.publisher) if x),
                    _text_of(tnode) if tnode is not None else "",
                    'rel="author"' in src or "rel='author'" in src or "rel=author" in src)


def _plain_title_elsewhere(h1_text: str, page_title: str, refs) -> bool:
    """The page's <title> is a plain headline (five words or more, no site separator) sharing no
    word with a lone <h1> (nor does og:title / the JSON-LD headline): the <h1> is a section's name
    ("Allergies Health Center" over "Babies Who Eat Peanuts Early May Avoid Allergy")."""
    if len((page_title or "").split()) < 5 or SEP_RE.search(page_title):
        return False
    return all(not _shares_a_word(h1_text, r) for r in (page_title, *refs) if r)


def _shares_a_word(a: str, b: str) -> bool:
    """The two texts share a word that is not an English function word ("and" alone does not tie
    "Information and Resources" to "Superbugs: What They Are and How You Get Them")."""
    from analysis.cleaning.stoplists import english_stoplist

    return bool((word_set(a) & word_set(b)) - english_stoplist())


def _words_of_site(text: str, site_words: list) -> bool:
    """Every word of `text` is a word of one of the site's names ("Minecraft News" of the site
    "Minecraft Update News"): the site's banner, not a headline."""
    words = word_set(text)
    return bool(words) and any(words <= w for w in site_words)


def _headline_h1(root, head: HtmlHead):
    """The <h1> that holds the headline (the one most like og:title, or the one the page marks as
    the headline), else None."""
    meta, sites, page_title = head.meta, head.sites, head.page_title
    site_c = {collapse(x) for x in sites + (split_suffix(page_title)[1] or "",) if x}
    blog, colon, rest = (page_title or "").partition(": ")
    if colon and len(blog.split()) <= 3 and len(rest.split()) >= 3:
        site_c.add(collapse(blog))   # a blog's name before a colon: "Silicon Exposed: Open Verilog flow …"
    site_words = [word_set(x) for x in sites if x]
    # a later segment of the <title> is a site or section name, also when it does not look like
    # one ("Evolve: Shared Mutable History — evolve extension for Mercurial"; "… | Archive of Our
    # Own" for the <h1> "Archive of Our Own beta"): an <h1> that is, or starts with, it is the site's
    later = [collapse(x) for x in SEP_RE.split(page_title or "")[1:]] if len(SEP_RE.split(page_title or "")[0].split()) >= 2 else []
    later = [x for x in later if len(x) > 3]
    h1s = [h for h in root.iter("h1") if _text_of(h) and collapse(_text_of(h)) not in site_c
           and not _words_of_site(_text_of(h), site_words)
           and not any(collapse(_text_of(h)).startswith(x) for x in later)]
    if not h1s:
        return None
    whole = {collapse(x) for x in (page_title, strip_site_suffix(page_title, sites)) if x}
    same = [h for h in h1s if collapse(_text_of(h)) in whole]
    if same:
        return same[0]   # the <h1> that is the <title> itself (og:title may be the portal's: Yahoo)
    ref = strip_site_suffix(meta.get("og:title") or head.ld.headline or page_title or "", sites)
    scored = sorted(h1s, key=lambda h: -dice(_text_of(h), ref or _text_of(h)))
    if ref:
        h1 = scored[0] if overlap(_text_of(scored[0]), ref) >= 0.3 and _shares_a_word(_text_of(scored[0]), ref) \
            else None
    else:
        h1 = h1s[0]
    if h1 is None and len(h1s) == 1 and len(_text_of(h1s[0]).split()) >= 3 \
            and not _plain_title_elsewhere(_text_of(h1s[0]), page_title, refs=(meta.get("og:title"),
                                                                             head.ld.headline)):
        h1 = h1s[0]
    marked = [h for h in h1s if (h.get("itemprop") or "").lower() == "headline"
              or _HEADLINE_CLASS_RE.search(h.get("class") or "")]
    refs = [r for r in (meta.get("og:title"), head.ld.headline, page_title, meta.get("twitter:title")) if r]
    marked = [h for h in marked if not refs or max(overlap(_text_of(h), r) for r in refs) >= 0.3]
    if marked and (h1 is None or h1 not in marked) and len(_text_of(marked[0]).split()) >= 2:
        h1 = marked[0]  # <h1 itemprop="headline" class="article__hed">: the page says it is the headline
    return h1


def _visible_title(h1, head: HtmlHead, suffix_site):
    """The headline: the <h1> with all its words (only a trailing known site name dropped), else
    og:title / twitter:title / JSON-LD headline / <title> without a site suffix."""
    sites = head.sites
    if h1 is not None:
        h1_text = " ".join(_text_of(h1).split()).rstrip("¶ ")   # a documentation heading's permalink mark
        title, tail = split_suffix(h1_text, sites)
        known = [collapse(x) for x in sites + (suffix_site or "",) if x]
        if not (tail and any(collapse(tail) == k or (len(k) > 3 and k in collapse(tail)) for k in known)):
            title = h1_text
        if title:
            return title
    for cand in (head.meta.get("og:title"), head.meta.get("twitter:title"), head.ld.headline, head.page_title):
        if cand:
            title = strip_site_suffix(cand, sites)
            if title:
                return title
    return None


def _metadata_date(root, head: HtmlHead):
    """(Timestamp, raw text) of the page's published-time metadata, else (None, None)."""
    meta, ld_date = head.meta, head.ld.date_published
    meta_date, meta_raw = None, None
    for key in _PUB_META:
        if meta.get(key):
            meta_date, meta_raw = parse_published(meta[key]), meta[key]
            if meta_date is not None:
                break
    if meta_date is None and ld_date:
        meta_date, meta_raw = parse_published(ld_date), ld_date
    if meta_date is not None and meta_date == meta_date.normalize() and not TIME_RE.search(meta_raw or ""):
        # a date-only value (Fox's dc.date "2019-11-19"): a published time of the same day in a local
        # clock (a non-zero UTC offset, "2019-11-19T06:12:56-05:00") is more exact
        for raw in [meta[k] for k in _PUB_META if meta.get(k)] + [ld_date or ""]:
            d = parse_published(raw) if offset_minutes(raw) else None
            if d is not None and d.normalize() == meta_date:
                meta_date, meta_raw = d, raw
                break
    if meta_date is None:
        for t in root.xpath("//time[@datetime]"):
            meta_date, meta_raw = parse_published(t.get("datetime")), t.get("datetime")
            if meta_date is not None:
                break
    return meta_date, meta_raw


def _page_locale(root, head: HtmlHead) -> str | None:
    """The page's locale: og:locale or <html lang>, the one naming a region ("en_US") first."""
    codes = [c.strip() for c in (head.meta.get("og:locale"), root.get("lang"), root.get("xml:lang")) if c and c.strip()]
    with_region = [c for c in codes if re.match(r"^[a-zA-Z]{2,3}[-_][a-zA-Z]{2}\b", c)]
    return (with_region or codes or [None])[0]


def _rel_author(root):
    """The names of the page's rel="author" links (HTML's own author mark), when they read as names
    or handles (one to four words, no sentence)."""
    names = []
    for a in root.xpath("//a[@rel='author']")[:3]:
        text = " ".join(re.sub(r"\([^()]*\)", " ", _text_of(a)).split())   # "Richard (R.J.) Eskow"
        if text and len(text.split()) <= 4 and len(text) <= 60 and not COMMON_RE.search(text) \
                and text[:1].isalnum() and text not in names:
            names.append(text)
    return "; ".join(names) or None


def _html_author(root, head: HtmlHead, vis: DumpPage, out: dict):
    """The visible byline, else the JSON-LD/meta author, else trafilatura's (which also fills a
    missing title or outlet in `out`)."""
    sites, meta = head.sites, head.meta
    author = vis.author
    if not author:
        raw_names = head.ld.authors or \
            [meta[k] for k in _AUTHOR_META if meta.get(k) and not meta[k].startswith(("http", "@"))][:1]
        if raw_names:
            author = clean_names("; ".join(n for n in raw_names if n and not n.startswith("http"))
                                 .replace(";", ","), out["outlet"])
            named = not_site(author, sites + (out["outlet"] or "",))
            if named is None and author and 2 <= len(author.split()) <= 3 and name_shaped(author) \
                    and not COMMON_RE.search(author) and author.lower() not in AGENCIES:
                named = author   # a personal site named after its author ("Haki Benita")
            author = person_names(named)
    if not author and head.rel_author:
        author = _rel_author(root)
    if author and out["title"]:
        return author
    traf = _trafilatura_meta(root)
    if traf is not None:
        traf_author = person_names(not_site(
            clean_names((traf.author or "").replace(";", ","), out["outlet"]),
            sites + (out["outlet"] or "", traf.sitename or "")))
        if traf_author and " " not in traf_author and traf_author.lower() not in AGENCIES:
            traf_author = None  # a guessed one-word handle or first name ("Rmb", "Josh"), not a byline
        author = author or traf_author
        out["title"] = out["title"] or (strip_site_suffix(traf.title, sites) if traf.title else None)
        if not out["outlet"] and traf.sitename and looks_site(traf.sitename, ()):
            out["outlet"] = traf.sitename
    return author


def _in_page_clock(meta_date, meta_raw, vis: DumpPage):
    """UTC metadata moved to the clock the page prints: by the time zone printed with its date
    ("Updated 11:21 pm CST"), or by a printed "Today 12:01 AM" (in 15-minute steps)."""
    import pandas as pd

    if meta_date is None or offset_minutes(meta_raw) != 0:
        return meta_date
    if TZ.get(vis.tz or "", 0):
        meta_date = meta_date + pd.Timedelta(minutes=TZ[vis.tz])
    if vis.published is None and vis.rel_clock is not None:
        delta = (vis.rel_clock - meta_date.hour * 60 - meta_date.minute) % 1440
        delta = delta - 1440 if delta > 840 else delta  # zones run from UTC-12 to UTC+14
        if delta and delta % 15 == 0:
            meta_date = meta_date + pd.Timedelta(minutes=delta)
    return meta_date


def _original_date(root):
    """htmldate's original (first-publication) date, else None."""
    try:
        from htmldate import find_date

        d = find_date(root, original_date=True, extensive_search=True, outputformat="%Y-%m-%d %H:%M:%S")
        return parse_published(d) if d else None
    except Exception:
        return None


def _html_published(root, meta_date, meta_raw, vis: DumpPage):
    """The page's own printed date wins (the column is "as the page shows it"; metadata clocks are
    often UTC); metadata is used when the page prints none, only an update, or a far-off date."""
    shown, shown_cls = vis.published, vis.pub_class
    meta_date = _in_page_clock(meta_date, meta_raw, vis)
    published = meta_date
    if shown is not None:
        far = meta_date is not None and abs((shown - meta_date).total_seconds()) > 1.5 * 86400
        if meta_date is None:
            published = shown
        elif shown_cls != UPDATED and abs((shown - meta_date).total_seconds()) < 400 * 86400 \
                and not (far and vis.pub_above):
            # (a date above the headline days away from the metadata is a teaser's, Gizmodo)
            published = shown
    if published is None or (published is shown and shown_cls == UPDATED):
        # nothing, or only an update printed: htmldate's original (first-publication) date
        original = _original_date(root)
        if original is not None and (published is None or original <= published):
            published = original
    if published is not None and published is not shown:
        published = published.floor("min")  # metadata seconds are not what a reader sees
    return published


def _html_core(html: str, url, out: dict, root=None) -> None:
    src = re.sub(r"^\s*<\?xml[^>]*\?>", "", html[:2_000_000])
    root = parse_page(html) if root is None else root
    if root is None:
        return
    head = _read_head(root, src)
    canon = root.xpath("//link[@rel='canonical']/@href")
    out["url"] = url or head.meta.get("og:url") or (canon[0] if canon else None)
    _, suffix_site = split_suffix(head.page_title, head.sites) if head.page_title else ("", None)
    h1 = _headline_h1(root, head)
    title = _visible_title(h1, head, suffix_site)
    # og:site_name is sometimes a slug ("detroitnews"); the <title> suffix then reads better
    site = head.site
    # only JSON-LD's publisher names the site (often the company: "Wikimedia Foundation, Inc."): the
    # <title> suffix a reader sees reads better too
    from_publisher = not (head.meta.get("og:site_name") or head.meta.get("application-name"))
    out["outlet"] = suffix_site if (suffix_site and (not site or from_publisher or site.islower() and " " not in site)) \
        else site
    meta_date, meta_raw = _metadata_date(root, head)
    # the visible text, read the way a text dump is read
    vis = read_dump(_render_lines(root), title_hint=title, site_names=head.sites, first_is_title=False,
                    year_hint=meta_date.year if meta_date is not None else None, locale=_page_locale(root, head))
    out["title"] = title or vis.title
    out["author"] = _html_author(root, head, vis, out)
    out["outlet"] = choose_outlet(out["outlet"], vis.text)
    out["published"] = _html_published(root, meta_date, meta_raw, vis)
    out["read_time_min"] = vis.read_time_min
    # the caption printed next to the headline (as in a dump), else the lead <figcaption>
    if vis.caption or vis.photo_credit:
        out["caption"], out["photo_credit"] = vis.caption, vis.photo_credit
    else:
        cap, cred = _lead_figcaption(root, h1)
        if cap and _PROMO_RE.search(cap):
            cap, cred = None, None  # "Want more science? Get a subscription…"
        out["caption"], out["photo_credit"] = cap, cred


def _trafilatura_meta(root):
    try:
        from trafilatura.metadata import extract_metadata

        return extract_metadata(root)
    except Exception:
        return None
