"""A speech verb in the next conjunct is not the cue of a quotation in the one before (session 12).

`Ted Cruz accuses Obama of "leading from behind" and Donald Trump says he's "losing the war"`, `Trump
called the system "rigged" in a tweet Tuesday, and a few Republican lawmakers have called for …`: the
words after the quotation open a coordinated clause (`and` / `but` + its own subject), whose verb and
subject are that clause's; the quotation belongs to the clause it stands in (coordination of clauses:
Quirk et al. 1985, A Comprehensive Grammar of the English Language, 13.1-13.5: each conjunct is a clause
with its own subject and verb)."""
from __future__ import annotations

import re

# after the closing mark: optional words of the quotation's own clause (no comma-free sentence end),
# then `, and` / ` and` / `, but` and a subject before the verb
_COORDINATOR = re.compile(r"[^.;:!?\x00]*?(?:,\s*|\s+)(?:and|but)\s+(?=\S)")


def cue_in_next_conjunct(masked: str, start: int, verb_start: int) -> bool:
    """True when the speech verb at `verb_start`, found after the quotation's closing mark at `start`,
    stands in a clause coordinated to the quotation's own by `and` / `but` with a subject of its own
    (words between the conjunction and the verb)."""
    m = _COORDINATOR.match(masked, start, verb_start)
    return m is not None and bool(masked[m.end():verb_start].strip())
