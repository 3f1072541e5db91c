"""The passes of the text-dump cleaner `analysis.clean` (which orchestrates them), one module each stage:

- `rules`: analysis/data/boilerplate.yaml and sites.yaml compiled; `line_rule(line)`;
- `stoplists`: jusText's stop-word lists and the choice of one per page;
- `lines`: the per-line record `Line`, line-shape tests and the first passes (line rules, prose
  class, duplicates, lines repeated across an outlet's pages);
- `layout`: teaser cards, captions, "Read more" buttons, end markers and lists;
- `run`: line weights, the best run of lines (the body) and its edges.
"""
