"""Corpus-level source gender (issue 13, session 11): a person whose article gives no evidence of their
gender (no courtesy title, gendered noun or pronoun that decides it: `gender_evidence` `no evidence`, a
pronoun tie, or only a first-name guess) takes the gender the corpus's other articles give the same
person from their own words, when enough of them say so and none says otherwise.

News writing refers to a well-known person by pronoun or title in some stories and not in others
(`Christie said` and nothing more in one story, `"...," he said` in the next); which words a story uses
depends on the story, not on the person. `analysis.sourcing.gender` decides from one article; this pass
lets the articles of one corpus that decide a person from their own words decide for the ones that do
not, as `analysis.sourcing.corpus_types` does for source types.

The rule, on the `attributions` table of a whole corpus (`with_corpus_gender`, a DataFrame -> DataFrame
pass, linear in rows: counts on the name keys of `corpus_types.person_keys`, computed once per distinct
speaker):

1. a person is matched across articles by the name key of `corpus_types` (first and last word of the
   name, middle names and initials dropped, a generational suffix kept: `Donald Trump Jr.` is another
   person; a surname alone, `Clinton`, never has a key);
2. every article whose rows give the person a gender from article evidence (`gender_evidence` starting
   `title:`, `noun:` or `pronouns:`: `sourcing.gender` steps 1-3 and 5) votes once for that gender; a
   gender from a first name (`first name: ...`, steps 4 and 6) never votes, so a name-list guess never
   spreads, nor does a gender this pass gave (`corpus: ...`);
3. a name key is decided when at least `MIN_ARTICLES` articles vote for one gender and none for the
   other (any conflict, e.g. two people of one name or a misattached pronoun, leaves it undecided);
4. the key's rows whose own article decided nothing from article evidence (`unknown`, or a first-name
   guess) take that gender; `gender_evidence` says so and keeps the article's own evidence
   (`corpus: male by article evidence in 3 of 3 articles; article: no evidence`); `gender_article`
   keeps the article's own gender.

Order: article evidence, then corpus evidence, then the first name. Evidence of the article itself
comes first (it is about the person the article means); what other articles say of the same full name
comes before a first-name list because it is evidence about the person (pronouns, titles, nouns that
writers used for them), while the list gives the commoner gender of a given name (wrong for `Lindsey
Graham`; silent for `Chris`, `Jan` and names outside it). A row a first name decided thus takes the
corpus's gender when the corpus has one (nearly always the same).

`article_gender_votes` needs only the columns `VOTE_COLUMNS` and keeps a few rows per article, so a streamed run
(`analysis.corpus_run`) keeps the votes of every chunk, then decides each chunk with what they say
together. The pass is idempotent (a row it decided earlier goes back to its article's gender and
evidence first), so applying it to chunks and again to their concatenation gives what one call on the
whole corpus gives (`analysis.pipeline`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.sourcing.corpus_types import person_keys, with_rows_set

MIN_ARTICLES = 2          # articles whose own evidence must give the gender (and none the other)
ARTICLE_EVIDENCE_PREFIXES = ("title:", "noun:", "pronouns:")    # sourcing.gender steps 1-3 and 5
CORPUS_PREFIX = "corpus: "
ARTICLE_MARK = "; article: "      # what follows it in a corpus label: the article's own evidence
ARTICLE_GENDER = "gender_article"
EVIDENCE = "gender_evidence"
GENDERS = ("female", "male")
VOTE_COLUMNS = ("article_id", "speaker", "gender", EVIDENCE)   # what `article_gender_votes` reads


def _is_article_evidence(evidence: pd.Series) -> pd.Series:
    """Rows whose gender their article's own words decided (a title, a gendered noun, pronouns)."""
    return evidence.str.startswith(ARTICLE_EVIDENCE_PREFIXES, na=False)


def article_gender_votes(att: pd.DataFrame, keys: pd.Series | None = None) -> pd.DataFrame:
    """The votes of a table (or of one chunk of a corpus): one row (`key`, `article_id`, `gender`) per
    person, article and gender that the article's own evidence gives them. `keys`: the rows' `name_keys`
    of people (gender given), when already computed. A chunk's votes are a few rows per article."""
    if keys is None:
        keys = person_keys(att)
    voters = (keys.notna() & att["gender"].isin(GENDERS) & _is_article_evidence(att[EVIDENCE])).to_numpy()
    return pd.DataFrame({"key": keys.to_numpy()[voters], "article_id": att["article_id"].to_numpy()[voters],
                         "gender": att["gender"].to_numpy()[voters]}).drop_duplicates(ignore_index=True)


def genders_from_votes(votes: pd.DataFrame) -> pd.DataFrame:
    """One row per name key the votes decide: `key`, `gender`, `n_articles` (articles voting, all for
    that gender). Counted on integer codes: linear in votes."""
    if votes.empty:
        return pd.DataFrame({"key": [], "gender": [], "n_articles": []})
    votes = votes.drop_duplicates(["key", "article_id", "gender"])
    key_codes, key_names = pd.factorize(votes["key"].to_numpy())
    is_male = votes["gender"].eq("male").to_numpy()
    n_male = np.bincount(key_codes[is_male], minlength=len(key_names))
    n_female = np.bincount(key_codes[~is_male], minlength=len(key_names))
    male = (n_male >= MIN_ARTICLES) & (n_female == 0)
    female = (n_female >= MIN_ARTICLES) & (n_male == 0)
    decided = male | female
    return pd.DataFrame({"key": np.asarray(key_names, dtype=object)[decided],
                         "gender": np.where(male, "male", "female")[decided].astype(object),
                         "n_articles": (n_male + n_female)[decided]})


def corpus_person_genders(att: pd.DataFrame, keys: pd.Series | None = None) -> pd.DataFrame:
    """The name keys a corpus's attributions table decides (`genders_from_votes` of its `article_gender_votes`)."""
    return genders_from_votes(article_gender_votes(att, keys))


def _undone(att: pd.DataFrame) -> pd.DataFrame:
    """`att` with `gender_article` (a copy of `gender` when missing) and the rows an earlier pass decided
    back at their article's gender and evidence."""
    evidence = att[EVIDENCE]
    stale = evidence.str.startswith(CORPUS_PREFIX, na=False)
    if ARTICLE_GENDER in att.columns and not stale.any():
        return att
    att = att.copy()
    if ARTICLE_GENDER not in att.columns:
        att[ARTICLE_GENDER] = att["gender"]
    if stale.any():
        mask = stale.to_numpy()
        texts = att[EVIDENCE].to_numpy(dtype=object)[mask]
        att = with_rows_set(att, mask, {"gender": att[ARTICLE_GENDER].to_numpy(dtype=object)[mask],
                                        EVIDENCE: [text.split(ARTICLE_MARK, 1)[-1] for text in texts]})
    return att


def with_corpus_gender(att: pd.DataFrame, decided: pd.DataFrame | None = None) -> pd.DataFrame:
    """The attributions table of a corpus with the gender of people their article leaves undecided (or
    decides by first name only) taken from the corpus (module docstring): adds `gender_article` (the
    gender of the article alone) when missing, sets `gender` and `gender_evidence` of the rows it
    decides. `decided`: the corpus's `corpus_person_genders`, when `att` is one chunk of a larger corpus
    (default: `att` is the corpus). A table without `gender_evidence` is returned unchanged."""
    if EVIDENCE not in att.columns or "speaker" not in att.columns:
        return att
    att = _undone(att)
    person = att["gender"].notna()
    open_rows = person & (att["gender"].eq("unknown") | att[EVIDENCE].str.startswith("first name:", na=False))
    if not open_rows.any() or (decided is None and att["article_id"].nunique() < 2):
        return att
    keys = person_keys(att)
    decided = corpus_person_genders(att, keys) if decided is None else decided
    hit = open_rows & keys.isin(decided["key"])
    if not hit.any():
        return att
    won = decided.set_index("key").loc[keys[hit]]
    mask = hit.to_numpy()
    old = att[EVIDENCE].to_numpy(dtype=object)[mask]
    labels = [f"{CORPUS_PREFIX}{gender} by article evidence in {n} of {n} articles{ARTICLE_MARK}{text}"
              for gender, n, text in zip(won["gender"].tolist(), won["n_articles"].tolist(), old.tolist())]
    return with_rows_set(att, mask, {"gender": won["gender"].to_numpy(dtype=object), EVIDENCE: labels})


# the protocol of a corpus pass (`analysis.producers.CORPUS_PASSES`)
LEARN_COLUMNS = VOTE_COLUMNS
summarise = article_gender_votes
learn = genders_from_votes
apply = with_corpus_gender
