"""Corpus-level source types (issue 13, session 11): a person an article only names, with nothing in it
that types them (`source_type_evidence` `no evidence`), takes the type the other articles of the same
corpus give the same person from their own words, when enough of them agree.

News writing describes a well-known person at first mention in some stories (`Republican nominee Donald
Trump`, `Sen. Ted Cruz (R-Texas)`) and not in others (`Trump said`): the AP Stylebook asks for a title or
description on first reference "if relevant", so whether a story describes a person depends on the
story. The type a corpus's articles agree on is the best guess for the articles that say nothing.

The rule, on the `attributions` table of a whole corpus (`with_corpus_types`, a DataFrame -> DataFrame
pass, linear in rows: counts on integer codes, Python only once per distinct speaker for its name key):

1. a speaker is matched across articles by a name key: first and last word of the canonical name
   (`Donald J. Trump` and `Donald Trump` are one key; middle initials and middle names do not count, a
   generational suffix does: `Donald Trump Jr.` is another person); only people (a `gender` given)
   named by at least a given name and a surname, each a capitalised word with a lower-case letter, have
   a key (a surname alone, `Clinton`, never has one: Bill or Hillary);
2. every article in which the person's rows carry `source_type_evidence` `article` votes once for each
   type they get there (the taxonomy's own `other`, `comedian Sarah Silverman`, is a vote too);
3. the commonest type wins when at least `MIN_ARTICLES` articles give it and it holds at least
   `MAJORITY` of the articles that type the person (so two people of the same name typed differently,
   or a person typed both ways, stay untyped);
4. the rows of that key with `no evidence` take the winning type; `source_type_evidence` says so
   (`corpus: politician in 7 of 8 articles`); `source_type_article` keeps the article's own type.

`corpus_votes` needs only the columns `VOTE_COLUMNS` and keeps a few rows per article, so a streamed run
(`analysis.corpus_run`) keeps the votes of every chunk, then types each chunk with what they say
together. The pass is idempotent and reads only `source_type_article` and the evidence, so applying it
to chunks and again to their concatenation gives what one call on the whole corpus gives
(`analysis.pipeline`).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.sourcing.described import ARTICLE_EVIDENCE, NO_EVIDENCE

MIN_ARTICLES = 2        # articles that must give the winning type
MAJORITY = 2 / 3        # share of the articles typing the person that must give it
CORPUS_PREFIX = "corpus: "
ARTICLE_TYPE = "source_type_article"
EVIDENCE = "source_type_evidence"
VOTE_COLUMNS = ("article_id", "speaker", "gender", ARTICLE_TYPE, EVIDENCE)   # what `corpus_votes` reads

_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())
_NAME_MARKS = frozenset("'\u2019-")


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters (any script), apostrophes and hyphens with a lower-case letter:
    `Calder\u00f3n`, `O'Rourke`, `Jean-Pierre`; no acronym (`ACLU`), initial (`J.`) or title (`Sen.`)."""
    return (word[:1].isupper() and any(ch.islower() for ch in word)
            and all(ch.isalpha() or ch in _NAME_MARKS for ch in word))


@lru_cache(maxsize=1 << 16)     # the types and gender passes both key the same speakers
def _name_key(speaker: str) -> str | None:
    """`first last` in lower case: the first and last word of the name (middle names and initials left
    out), with a generational suffix kept (`Duncan Hunter Sr.` is not `Duncan Hunter`, `Donald Trump Jr.`
    not his father: `duncan hunter sr`); None when either word is no name word or there is one word only."""
    words = speaker.replace(",", " ").split()
    suffix = ""
    if len(words) > 2 and words[-1] in _SUFFIXES:
        suffix = " " + words.pop().rstrip(".").lower()
    if len(words) < 2 or not (_is_name_word(words[0]) and _is_name_word(words[-1])):
        return None
    return f"{words[0].lower()} {words[-1].lower()}{suffix}"


def name_keys(speakers: pd.Series) -> pd.Series:
    """The corpus name key of each speaker (`first last`, lower case), missing for a speaker with no
    given name and surname (one word, a description, an acronym); computed once per distinct speaker."""
    lookup = {speaker: _name_key(speaker) for speaker in speakers.dropna().unique().tolist()}
    return speakers.map(lookup).astype(object)


def person_keys(att: pd.DataFrame) -> pd.Series:
    """The `name_keys` of an attributions table's people (rows with a `gender`: organisations and
    descriptions of no one have none)."""
    return name_keys(att["speaker"].where(att["gender"].notna()))


def with_rows_set(att: pd.DataFrame, mask: np.ndarray, columns: dict) -> pd.DataFrame:
    """A copy of `att` whose rows `mask` take, in each column named in `columns`, the values given there
    (one per masked row, in order); the columns become object columns."""
    att = att.copy()
    for column, values in columns.items():
        column_values = att[column].to_numpy(dtype=object, copy=True)
        column_values[mask] = values
        att[column] = column_values
    return att


def corpus_votes(att: pd.DataFrame, keys: pd.Series | None = None) -> pd.DataFrame:
    """The votes of a table (or of one chunk of a corpus): one row (`key`, `article_id`, `type`) per
    person, article and type the article's own words give them (rows whose evidence is `article`).
    `keys`: the rows' `name_keys` of people (gender given), when already computed. A chunk's votes are
    a few rows per article: a streamed run keeps only these (`analysis.corpus_run`)."""
    if keys is None:
        keys = person_keys(att)
    voters = (keys.notna() & att[EVIDENCE].eq(ARTICLE_EVIDENCE)).to_numpy()
    return pd.DataFrame({"key": keys.to_numpy()[voters], "article_id": att["article_id"].to_numpy()[voters],
                         "type": att[ARTICLE_TYPE].to_numpy()[voters]}).drop_duplicates(ignore_index=True)


def types_from_votes(votes: pd.DataFrame) -> pd.DataFrame:
    """One row per name key the votes type clearly: `key`, `type`, `n_type` (articles giving it),
    `n_typed` (articles typing the person at all). Counted on integer codes (`pd.factorize`,
    `np.unique`, `np.bincount`): linear in votes."""
    if votes.empty:
        return pd.DataFrame({"key": [], "type": [], "n_type": [], "n_typed": []})
    key_codes, key_names = pd.factorize(votes["key"].to_numpy())
    article_codes, article_names = pd.factorize(votes["article_id"].to_numpy())
    type_codes, type_names = pd.factorize(votes["type"].to_numpy())
    n_articles, n_types, n_keys = len(article_names), len(type_names), len(key_names)
    codes = np.unique((key_codes.astype(np.int64) * n_articles + article_codes) * n_types + type_codes)
    key_article = np.unique(codes // n_types)
    n_typed = np.bincount(key_article // n_articles, minlength=n_keys)
    counts = np.bincount(codes // (n_articles * n_types) * n_types + codes % n_types,
                         minlength=n_keys * n_types).reshape(n_keys, n_types)
    best = counts.argmax(axis=1)        # a tie never holds the majority, so which one is kept is moot
    n_type = counts[np.arange(n_keys), best]
    clear = (n_type >= MIN_ARTICLES) & (n_type >= MAJORITY * n_typed)
    return pd.DataFrame({"key": np.asarray(key_names, dtype=object)[clear],
                         "type": np.asarray(type_names, dtype=object)[best[clear]],
                         "n_type": n_type[clear], "n_typed": n_typed[clear]})


def corpus_person_types(att: pd.DataFrame, keys: pd.Series | None = None) -> pd.DataFrame:
    """The name keys a corpus's attributions table types clearly (`types_from_votes` of its
    `corpus_votes`)."""
    return types_from_votes(corpus_votes(att, keys))


def with_corpus_types(att: pd.DataFrame, typed: pd.DataFrame | None = None) -> pd.DataFrame:
    """The attributions table of a corpus with its untyped people typed from the corpus (module
    docstring): adds `source_type_article` (the type the article's own words give) when missing,
    sets `source_type` and `source_type_evidence` of the rows it types. `typed`: the corpus's
    `corpus_person_types`, when `att` is one chunk of a larger corpus (default: `att` is the corpus).
    A table without `source_type_evidence` (written by an older version) is returned unchanged."""
    if EVIDENCE not in att.columns or "speaker" not in att.columns:
        return att
    evidence = att[EVIDENCE]
    stale = evidence.notna() & ~evidence.isin((ARTICLE_EVIDENCE, NO_EVIDENCE))   # typed by an earlier pass
    if ARTICLE_TYPE not in att.columns or stale.any():
        att = att.copy()
        if ARTICLE_TYPE not in att.columns:
            att[ARTICLE_TYPE] = att["source_type"]
        att["source_type"] = att["source_type"].where(~stale, att[ARTICLE_TYPE])
        att[EVIDENCE] = evidence.where(~stale, NO_EVIDENCE)
    untyped = att[EVIDENCE].eq(NO_EVIDENCE) & att["gender"].notna()
    if not untyped.any() or (typed is None and att["article_id"].nunique() < 2):   # nothing to learn from
        return att
    keys = person_keys(att)
    typed = corpus_person_types(att, keys) if typed is None else typed
    hit = untyped & keys.isin(typed["key"])
    if not hit.any():
        return att
    won = typed.set_index("key").loc[keys[hit]]
    labels = (CORPUS_PREFIX + won["type"] + " in " + won["n_type"].astype(str) + " of "
              + won["n_typed"].astype(str) + " articles")
    return with_rows_set(att, hit.to_numpy(), {"source_type": won["type"].to_numpy(dtype=object),
                                               EVIDENCE: labels.to_numpy(dtype=object)})


# the protocol of a corpus pass (`analysis.producers.CORPUS_PASSES`): the columns it reads of each chunk,
# what it keeps of a chunk (`summarise`), what it learns from all chunks' summaries together (`learn`),
# and how it applies that to the table or to one chunk of it (`apply`; learnt None: learn from the table)
LEARN_COLUMNS = VOTE_COLUMNS
summarise = corpus_votes
learn = types_from_votes
apply = with_corpus_types
