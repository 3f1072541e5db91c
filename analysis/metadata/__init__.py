"""Article metadata (headline, byline, date, read time, lead caption and photo credit, outlet).

Two entry points return the same keys:

- `from_dump(raw)`: a browser text dump (select-all + copy of a page). Also returns `lines`,
  {0-based line number: reason} for the lines that became metadata, so the cleaner can drop them.
- `from_html(html, url)`: a saved HTML page (structured metadata first, visible text to check it).

Helpers shared by both: `strip_site_suffix(title, site_names)` and `parse_published(text)`.
Patterns, labels and word lists live in `analysis/data/metadata.yaml` (with provenance).
`published` is a naive `pandas.Timestamp` in the page's own clock (never shifted to UTC); a page
that prints only a date gives midnight of that date. Nothing here raises on bad input: missing
values come back as None (and a warning is issued if extraction itself failed).

Modules, one concern each (docs/architecture.md maps them): `config` (the data file, checked on
load), `words`, `dates`, `titles`, `bylines`, `captions` (each with its pass over a dump),
`dump` (the `DumpPage` record and the order of the passes), `html`, `agreement`.
"""
from __future__ import annotations

from analysis.metadata.agreement import agreement
from analysis.metadata.captions import split_credit
from analysis.metadata.dates import parse_published
from analysis.metadata.dump import KEYS, from_dump
from analysis.metadata.html import from_html
from analysis.metadata.titles import strip_site_suffix

__all__ = ["from_dump", "from_html", "strip_site_suffix", "parse_published", "split_credit",
           "KEYS", "agreement"]
