"""Who is cited: attributions of direct quotes, reported speech and `according to` sources.

`attributions(articles)` gives one row per attribution with the speaker's canonical name (the fullest
form used in the article: `Rasmussen` and `he` become `Lars Lokke Rasmussen`), the role or title as
written (`Foreign Minister`), a source type from the editable taxonomy in
`analysis/data/source_types.csv`, the cue (`said`, `according to`, ...), the kind (`direct`,
`reported`, `stance`, `according_to`), and the quoted or reported text with its span in the paragraph.
Rules work inside paragraphs on the text with quotations masked, so a cue is never taken from inside
a quotation. Speech verbs: `analysis/data/speech_verbs.csv`; verbs of stance
and more speech acts (reported only): `analysis/data/stance_verbs.csv`. Column docs: docs/sourcing.md.

The package, in the order data flows through it (docs/architecture.md is the map):

- `lexicon`: the vocabulary (word lists, speech verbs) and the source-type taxonomy (`type_of`);
- `records`: the records passed between steps (`Person`, `Speaker`, ...);
- `registry`: the people and organisations one article names (`Registry`);
- `names`: runs of capitalised words, titles and appositions, and building the registry;
- `phrases`: the source phrase next to a speech verb (`parse_subject`, `parse_post`);
- `resolve`: a phrase to a canonical speaker, role and source type;
- `gender`: a speaker's gender (female / male / unknown) and its evidence;
- `cues`: finding the cue of a quote, reported speech and `according to`;
- `article`: `article_attributions`, the per-article orchestrator of named passes;
- `tables`: the public tables (`attributions`, `source_share`, `gender_share`, `quote_share`,
  `reported_words`).
"""
from __future__ import annotations

from analysis.sourcing.article import article_attributions
from analysis.sourcing.lexicon import NUL, cue_hits, taxonomy, type_of
from analysis.sourcing.phrases import parse_post, parse_subject
from analysis.sourcing.records import Person, Speaker
from analysis.sourcing.registry import Registry
from analysis.sourcing.tables import (ATTRIBUTION_COLUMNS, GENDER_SHARE_COLUMNS, QUOTE_SHARE_COLUMNS, SHARE_COLUMNS,
                                      UNATTRIBUTED, attributions, gender_share, quote_share, reported_words,
                                      source_share)

__all__ = ["ATTRIBUTION_COLUMNS", "GENDER_SHARE_COLUMNS", "gender_share", "NUL", "QUOTE_SHARE_COLUMNS", "SHARE_COLUMNS", "UNATTRIBUTED", "Person", "Registry",
           "Speaker", "article_attributions", "attributions", "cue_hits", "parse_post", "parse_subject",
           "quote_share", "reported_words", "source_share", "taxonomy", "type_of"]
