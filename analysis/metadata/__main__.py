"""python -m analysis.metadata PAGES_DIR: txt/html agreement summary and from_dump speed."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis.metadata.agreement import agreement
from analysis.metadata.dump import from_dump

_DEFAULT = str(Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages")

table = agreement(sys.argv[1] if len(sys.argv) > 1 else _DEFAULT)
n = len(table)
print(f"{n} pages with both a .txt and a .html.gz")
for key in ("title", "author", "published"):
    both = table[f"{key}_txt"].notna() & table[f"{key}_html"].notna()
    same_both = (table[f"{key}_same"] & both).sum()
    print(f"{key:10} same value {table[f'{key}_same'].sum():3d}/{n} ({table[f'{key}_same'].mean():.0%}); "
          f"found in txt {table[f'{key}_txt'].notna().sum()}, in html {table[f'{key}_html'].notna().sum()}, "
          f"both {both.sum()}, same when both found {same_both}/{both.sum()}")
print(f"published same calendar day when both found: {table['published_same_day'].sum()}/"
      f"{(table['published_txt'].notna() & table['published_html'].notna()).sum()}")
raws = [p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(Path(sys.argv[1] if len(sys.argv) > 1 else _DEFAULT).glob("*.txt"))]
for r in raws:
    from_dump(r)
t0, c0 = time.perf_counter(), time.process_time()
for _ in range(5):
    for r in raws:
        from_dump(r)
wall = (time.perf_counter() - t0) / (5 * len(raws)) * 1000
cpu = (time.process_time() - c0) / (5 * len(raws)) * 1000
print(f"from_dump: {cpu:.2f} ms CPU a page ({wall:.2f} ms wall clock)")
