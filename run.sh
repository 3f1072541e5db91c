#!/usr/bin/env bash
# The kit's two commands (see README):
#   bash run.sh [CORPUS] [--out DIR]   set up .venv if needed, then run the numbered notebooks (notebooks/NN_*.ipynb) on CORPUS
#                                      (default: seeds/; another corpus writes to out/<corpus name>/, see README)
#   bash run.sh test                   set up .venv if needed, then run the test suite
set -euo pipefail
cd "$(dirname "$0")"
VENV="${VENV:-.venv}"
PY="${PYTHON:-python3}"
stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[dev]"
  touch "$stamp"
fi
# Never touch the network for data at run time (see README, "Offline by design").
export NLTK_DATA="${NLTK_DATA:-$PWD/.venv/nltk_data_unused}"
export MPLBACKEND=Agg
if [ "${1:-}" = "test" ]; then
  shift
  exec "$VENV/bin/python" -m pytest -n 2 "$@"
fi
exec "$VENV/bin/python" -m analysis run "${@:-seeds}"
