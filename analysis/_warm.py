"""Imported by the pipeline's fork server (see `pipeline._mp_context`): loads every rule file and
lexicon once, before the worker processes are forked from it."""
from analysis.pipeline import warm

warm()
