"""Imported by the pipeline's fork server (see `analysis.workers.mp_context`): loads every rule
file and lexicon once, before the worker processes are forked from it."""
from analysis.workers import warm

warm()
