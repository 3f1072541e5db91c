"""Media-analysis research kit.

Load raw news pages into tidy pandas tables and study how they are written:
sourcing, quote share, readability and framing. Column meanings: docs/columns.md.

Importing this package is cheap: submodules load on first use, nothing is downloaded.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> "module:attribute", imported on first access
_LAZY = {
    "load_articles": "analysis.load:load_articles",
    "removed_lines": "analysis.load:removed_lines",
    "paragraphs": "analysis.load:paragraphs",
    "analyze": "analysis.pipeline:analyze",
    "tables": "analysis.pipeline:tables",
}
_SUBMODULES = {"load", "clean", "text", "quotes", "sourcing", "readability", "framing",
               "figures", "pipeline", "dask", "metadata", "extract", "notebooks"}

__all__ = sorted(_LAZY) + sorted(_SUBMODULES)


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name].split(":")
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"analysis.{name}")
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__():
    return __all__
