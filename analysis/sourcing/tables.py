"""The public sourcing tables: `attributions` (one row per attribution), `source_share` (per source,
per article or corpus) and `reported_words` (words of reported speech in one body).
"""
from __future__ import annotations

import pandas as pd

from analysis import quotes as _q
from analysis.inputs import ARTICLES, ATTRIBUTIONS, QUOTES, takes
from analysis.producers import corpus_passes
from analysis.resources import as_articles, merge_intervals, paragraphs, typed_frame
from analysis.sourcing.article import article_attributions
from analysis.sourcing.lexicon import NUL

ATTRIBUTION_COLUMNS = ["article_id", "paragraph", "speaker", "role", "source_type", "cue", "kind",
                       "text", "start", "end", "gender", "gender_evidence", "gender_article",
                       "source_type_article", "source_type_evidence"]
SHARE_COLUMNS = ["article_id", "speaker", "source_type", "role", "n_quotes", "quoted_words",
                 "share"]
UNATTRIBUTED = "(unattributed)"
GENDER_SHARE_COLUMNS = ["article_id", "gender", "n_people", "people_share", "n_quotes", "quoted_words",
                        "quote_share"]
GENDERS = ("female", "male", "unknown")
QUOTE_SHARE_COLUMNS = ["article_id", "words", "quoted_words", "quote_share", "reported_words", "reported_share"]


@takes(ARTICLES)
def attributions(articles) -> pd.DataFrame:
    """One row per attribution: who is cited (canonical speaker, role as written, source type), the
    cue (speech verb or `according to`), the kind (direct / reported / stance / according_to), and the quoted
    or reported text with its character span in the paragraph. The articles are one corpus: a person an
    article types by nothing takes the type the others agree on (`sourcing.corpus_types`), and a person
    whose article gives no evidence of their gender takes the one the others' evidence gives
    (`sourcing.corpus_gender`)."""
    articles = as_articles(articles)
    rows = []
    typed_articles = 0
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist()):
        text = _q.clean_body(text)
        if not text.strip():
            continue
        found = article_attributions(text)
        typed_articles += bool(found)
        for r in found:      # the record's fields, the article's own gender and type repeated before the latter's evidence
            rows.append((aid, *r[:-1], r.gender, r.source_type, r.source_type_evidence))
    table = typed_frame(rows, ATTRIBUTION_COLUMNS, dict.fromkeys(("paragraph", "start", "end"), "int64"))
    if typed_articles > 1:      # one article has no corpus to learn from (its rows are new: nothing to undo)
        for corpus_pass in corpus_passes("attributions"):      # the pipeline's passes, in its order
            table = corpus_pass.apply(table)
    return table


def reported_words(text) -> int:
    """Words (white-space split) of one body inside reported-speech spans (quoted words excluded,
    overlapping spans counted once)."""
    if not isinstance(text, str) or not text.strip():
        return 0
    spans: dict[int, list] = {}
    for row in article_attributions(text):
        if row.kind == "reported":
            spans.setdefault(row.paragraph, []).append((row.start, row.end))
    qspans: dict[int, list] = {}
    for q in _q.article_quotes(text):
        qspans.setdefault(q.paragraph, []).append((q.start, q.end))
    return reported_in(text, spans, qspans)


def reported_in(text: str, spans: dict, qspans: dict) -> int:
    """Words of `text` inside the reported spans {paragraph: [(start, end)]}, words inside the
    quotations {paragraph: [(start, end)]} left out, overlaps counted once."""
    if not spans:
        return 0
    paras = paragraphs(text)
    total = 0
    for pi, ss in spans.items():
        if pi >= len(paras):
            continue
        masked = _q.mask_quotations(paras[pi], qspans.get(pi, []))
        for s, e in merge_intervals(ss):         # overlapping spans are counted once
            total += sum(1 for w in masked[s:e].split() if NUL not in w and (w.isalnum() or any(map(str.isalnum, w))))
    return total


def _contained(d: pd.DataFrame) -> pd.Series:
    """True for rows whose span lies inside another row's span in the same paragraph."""
    rows = list(zip(d["article_id"].tolist(), d["paragraph"].tolist(), d["start"].tolist(), d["end"].tolist()))
    spans: dict[tuple, list] = {}
    for aid, pi, s, e in rows:
        spans.setdefault((aid, pi), []).append((s, e))
    # a span alone in its paragraph lies inside no other
    flags = [len(group := spans[(aid, pi)]) > 1 and any(a <= s and e <= b and (a, b) != (s, e) for a, b in group)
             for aid, pi, s, e in rows]
    return pd.Series(flags, index=d.index, dtype=bool)


@takes((ARTICLES, ATTRIBUTIONS))
def source_share(data, by: str = "article") -> pd.DataFrame:
    """Per source: direct quotes, words inside them (white-space split) and their share of all
    quoted words, per article (`by="article"`) or over the whole corpus (`by="corpus"`).
    `data` is the articles frame or an `attributions` table."""
    att = data if "kind" in getattr(data, "columns", []) else attributions(data)
    d = att[att["kind"] == "direct"].copy()
    d = d[~_contained(d)]                       # quotes within quotes are counted in the outer one
    d["speaker"] = d["speaker"].fillna(UNATTRIBUTED)
    d["role"] = d["role"].fillna("")
    d["quoted_words"] = d["text"].map(lambda t: len(t.split()) if isinstance(t, str) else 0)
    keys = ["article_id", "speaker"] if by == "article" else ["speaker"]
    if d.empty:
        cols = SHARE_COLUMNS if by == "article" else SHARE_COLUMNS[1:]
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n_quotes", "quoted_words") else
                                          "float64" if c == "share" else object) for c in cols})
    g = d.groupby(keys, sort=False).agg(
        source_type=("source_type", "first"), role=("role", "max"),
        n_quotes=("text", "size"), quoted_words=("quoted_words", "sum")).reset_index()
    if by == "article":
        total = g.groupby("article_id")["quoted_words"].transform("sum")
    else:
        total = g["quoted_words"].sum()
    g["share"] = g["quoted_words"] / total if by != "article" else (g["quoted_words"] / total).where(total > 0)
    g["role"] = g["role"].replace("", None)
    cols = SHARE_COLUMNS if by == "article" else SHARE_COLUMNS[1:]
    g = g[cols].sort_values(keys[:-1] + ["quoted_words"], ascending=[True] * (len(keys) - 1) + [False],
                            kind="stable").reset_index(drop=True)
    return g.astype({"n_quotes": "int64", "quoted_words": "int64", "share": "float64"})


@takes((ARTICLES, ATTRIBUTIONS))
def gender_share(data, by: str = "article") -> pd.DataFrame:
    """People quoted directly, their quotes and quoted words by gender (`female`, `male`, `unknown`;
    organisations and groups left out), as the Gender Gap Tracker reports them: per article
    (`by="article"`, three rows per article with a person quoted) or over the corpus (`by="corpus"`).
    `people_share` = n_people / all people quoted; `quote_share` = quoted words / all words quoted by
    people. A person is counted once per article (`speaker`); `data` is the articles frame or an
    `attributions` table. Gender is the article's presentation, see `analysis.sourcing.gender`, or for a
    person the article gives no evidence for, the corpus's (`analysis.sourcing.corpus_gender`)."""
    att = data if "kind" in getattr(data, "columns", []) else attributions(data)
    d = att[(att["kind"] == "direct") & att["gender"].notna()].copy() if "gender" in att else att.iloc[:0]
    d = d[~_contained(d)] if len(d) else d
    d["quoted_words"] = d["text"].map(lambda t: len(t.split()) if isinstance(t, str) else 0)
    keys = ["article_id"] if by == "article" else []
    rows = []
    groups = d.groupby(keys, sort=True) if keys else [((), d)]
    for key, g in groups:
        people = g.drop_duplicates(["article_id", "speaker"])
        n_all, words_all = len(people), int(g["quoted_words"].sum())
        for gender in GENDERS:
            gg, pp = g[g["gender"] == gender], people[people["gender"] == gender]
            words = int(gg["quoted_words"].sum())
            rows.append(((key[0] if isinstance(key, tuple) else key) if keys else None, gender, len(pp),
                         len(pp) / n_all if n_all else float("nan"), len(gg), words,
                         words / words_all if words_all else float("nan")))
    out = typed_frame(rows, GENDER_SHARE_COLUMNS, {"n_people": "int64", "n_quotes": "int64", "quoted_words": "int64",
                                                   "people_share": "float64", "quote_share": "float64"})
    return out.drop(columns="article_id") if by != "article" else out


@takes(ARTICLES, quotes=QUOTES, attributions=ATTRIBUTIONS)
def quote_share(articles, quotes=None, attributions=None) -> pd.DataFrame:
    """Per article: body words, words inside speech quotes, their share (quoted_words / words), and
    words of reported (indirect) speech and their share; words are white-space tokens. An empty
    body gives words 0 and missing shares.

    `quotes` (from `find_quotes`) and `attributions` (from `analysis.sourcing.attributions`) of the
    same articles may be passed to reuse them instead of finding quotes and speakers again."""
    articles = as_articles(articles)
    q_by, a_by = _spans_by_article(quotes, attributions)
    rows = []
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist()):
        text = _q.clean_body(text)
        words = len(text.split())
        if words == 0:
            rows.append((aid, 0, 0, float("nan"), 0, float("nan")))
            continue
        if q_by is not None:
            qw, qspans = q_by.get(aid, (0, {}))
        else:
            qw = _q.quoted_words(text)
        if a_by is not None:
            if q_by is None:
                qspans = {}
                for x in _q.article_quotes(text):
                    qspans.setdefault(x.paragraph, []).append((x.start, x.end))
            r = reported_in(text, a_by.get(aid, {}), qspans)
        else:
            r = reported_words(text)
        rows.append((aid, words, qw, qw / words, r, r / words))
    return typed_frame(rows, QUOTE_SHARE_COLUMNS, {"words": "int64", "quoted_words": "int64", "reported_words": "int64",
                                                   "quote_share": "float64", "reported_share": "float64"})


def _spans_by_article(quotes, attributions):
    """({article: (speech words, {paragraph: quote spans})}, {article: {paragraph: reported spans}})
    from given quotes / attributions tables (None when not given), in one pass over each."""
    q_by = a_by = None
    if quotes is not None:
        q_by = {}
        cols = [quotes[c].tolist() for c in ("article_id", "paragraph", "start", "end", "n_words", "kind",
                                             "nested")]
        for aid, pi, st, en, nw, kind, nested in zip(*cols):
            words, spans = q_by.setdefault(aid, [0, {}])
            if kind != "scare" and not nested:
                q_by[aid][0] = words + int(nw)
            spans.setdefault(int(pi), []).append((int(st), int(en)))
        q_by = {k: (v[0], v[1]) for k, v in q_by.items()}
    if attributions is not None:
        a_by = {}
        cols = [attributions[c].tolist() for c in ("article_id", "paragraph", "start", "end", "kind")]
        for aid, pi, st, en, kind in zip(*cols):
            if kind == "reported":
                a_by.setdefault(aid, {}).setdefault(int(pi), []).append((int(st), int(en)))
    return q_by, a_by
