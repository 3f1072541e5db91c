"""`article_attributions`: every attribution of one body, as named passes over its paragraphs
(direct-quote cues, reported speech and according-to, registering speakers, resolving in reading
order, and giving quotes without a cue the speaker they continue).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.sourcing.cues import ACCORDING, according_at, adjacent_cue, after_cue, before_cue, reported_at
from analysis.sourcing.lexicon import clean_word, verb_regex, verb_rows
from analysis.sourcing.names import build_registry, name_runs
from analysis.sourcing.phrases import leading_subject
from analysis.sourcing.records import Speaker
from analysis.sourcing.registry import Registry
from analysis.sourcing.resolve import resolve_speaker


def _speech_quotes(quotes_):
    return [q for q in quotes_ if q[5] != "scare"]


@lru_cache(maxsize=2048)
def article_attributions(text: str) -> tuple[tuple, ...]:
    """Attributions of one body: tuples (paragraph, speaker, role, source_type, cue, kind, text,
    start, end), sorted by paragraph and start."""
    quotes_ = _q.article_quotes(text)
    paras = text.split("\n\n")
    by_para: dict[int, list] = {}
    for q in quotes_:
        by_para.setdefault(q[0], []).append(q)
    # the paragraphs as article_quotes masked them; their sentences stay known to _q.sentence_bounds
    masked_paras = _q.masked_paragraphs(text)[0]
    runs_by_para = [name_runs(m) for m in masked_paras]
    reg = build_registry(masked_paras, runs_by_para)
    verb_re = verb_regex()
    verbs = verb_rows()

    # 1. direct quotes: find cue and raw speaker phrase
    direct = []          # (q, Speaker or None, cue, verb_span)
    used_verbs: set[tuple[int, int]] = set()
    for pi, p in enumerate(paras):
        qs = by_para.get(pi, [])
        if not qs:
            continue
        masked = masked_paras[pi]
        bounds = _q.sentence_bounds(masked)
        # titles and scare quotes inside the sentence do not bound an attribution
        # (Developer Valve called 'Half Life: Alyx' "a flagship VR game.")
        top = [x for x in qs if not x[9] and x[5] != "scare"]
        top_at = {id(x): i for i, x in enumerate(top)}
        for k, q in enumerate(qs):
            if q[5] == "scare":
                continue
            a, b = q[7], q[8]
            kk = top_at.get(id(q), 0)
            nxt = top[kk + 1][7] if kk + 1 < len(top) else len(p)
            prv = (top[kk - 1][8] + 1 if top[kk - 1][8] is not None else len(p)) if kk > 0 else 0
            found = None
            if q[9]:
                # a quotation inside a quotation: its cue is in the outer quote's own words
                outer = max((x for x in qs if x[1] <= q[1] and q[2] <= x[2] and not x[9]),
                            key=lambda x: x[1], default=None)
                if outer is not None:
                    local = _q._mask(p, [(q[1], q[2])])
                    found = before_cue(local, outer[1], a, _q.sentence_bounds(local), verb_re)
                if found is not None:
                    sp, cue, vspan = found
                    direct.append((q, sp, cue))
                else:
                    direct.append((q, None, None))
                continue
            if adjacent_cue(masked, prv, a, verb_re):
                # `he said, "…," the office said`: the verb right before the mark is the speaker's
                # (its subject may stand before an earlier quotation of the same sentence)
                found = before_cue(masked, 0, a, bounds, verb_re)
            if found is None and b is not None:
                found = after_cue(masked, b + 1, nxt, bounds, verb_re)
            if found is None:
                found = before_cue(masked, prv, a, bounds, verb_re)
            if found is not None:
                sp, cue, vspan = found
                used_verbs.add((pi, vspan[0]))
                direct.append((q, sp, cue))
            else:
                direct.append((q, None, None))

    # 2. reported speech and according-to
    reported = []        # (pi, Speaker, cue, start, end, post)
    according = []
    for pi, p in enumerate(paras):
        masked = masked_paras[pi]
        if not masked.strip():
            continue
        bounds = None
        for m in verb_re.finditer(masked):
            if (pi, m.start()) in used_verbs:
                continue
            row = verbs.get(m.group().lower())
            if row is None or row.get("reported") != "1":
                continue
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q._sentence_of(bounds, m.start())
            found = reported_at(masked, s, e, m, row)
            if found is not None:
                sp, cs, ce = found
                reported.append((pi, sp, m.group(), cs, ce))
        for m in (ACCORDING.finditer(masked) if "ccording to" in masked else ()):
            bounds = bounds or _q.sentence_bounds(masked)
            s, e = _q._sentence_of(bounds, m.start())
            found = according_at(masked, s, e, m, by_para.get(pi, []))
            if found is not None:
                sp, cs, ce = found
                according.append((pi, sp, cs, ce))

    # 3. speakers named at cues are people too: add them, then list every mention of a person
    # (for pronouns) in reading order
    for q, sp, cue in direct:
        if sp is not None and sp.kind == "name":
            resolve_speaker(sp, (q[0], q[7]), reg, [])
    for pi, sp, cue, cs, ce in reported:
        if sp.kind == "name":
            resolve_speaker(sp, (pi, sp.start), reg, [])
    reg.mentions = []
    by_last = reg.by_last                        # reg.get, inlined
    for pi, masked in enumerate(masked_paras):
        for run in runs_by_para[pi]:
            for w, s, _ in run:
                person = by_last.get(w.lower())
                if person is not None:
                    reg.mentions.append(((pi, s), person))
    reg.mentions.sort(key=lambda x: x[0])        # genders are guessed when a pronoun needs one

    # 4. resolve in reading order
    events = []
    for q, sp, cue in direct:
        events.append(((q[0], q[1]), "direct", q, sp, cue))
    for pi, sp, cue, cs, ce in reported:
        events.append(((pi, cs), "reported", (pi, cs, ce), sp, cue))
    for pi, sp, cs, ce in according:
        events.append(((pi, cs), "according_to", (pi, cs, ce), sp, "according to"))
    events.sort(key=lambda x: (x[0], x[1] != "direct"))
    history: list = []
    rows = []
    resolved_q: dict[tuple, tuple] = {}
    pending = []
    for pos, kind, item, sp, cue in events:
        spos = (pos[0], sp.start) if sp is not None else pos
        if sp is None:
            pending.append((pos, item))
            rows.append(None)
            continue
        name, role, typ = resolve_speaker(sp, spos, reg, history)
        if kind != "according_to" and typ != "media_news_agency":
            known = reg.get(name.split()[-1]) if sp.kind == "name" and name else None
            mp = masked_paras[spos[0]]
            s0, e0 = _q._sentence_of(_q.sentence_bounds(mp), min(max(spos[1], 0), max(len(mp) - 1, 0)))
            history.append((name, role, typ, sp.kind == "desc" or (
                sp.kind == "name" and name is not None and (known is None or known.org)),
                mp[s0:e0].lower()))
        if kind == "direct":
            q = item
            resolved_q[(q[0], q[1])] = (name, role, typ, cue)
            rows.append((q[0], name, role, typ, cue, "direct", q[3], q[1], q[2]))
        else:
            pi, cs, ce = item
            if name is None:
                rows.append(False)          # reported speech of nobody we can name: left out
                continue
            rows.append((pi, name, role, typ, cue, kind, paras[pi][cs:ce], cs, ce))
    # quotes without a cue: the quote they continue, the neighbour in the paragraph, or the last
    # source before them
    speech_by_para: dict[int, list] = {}
    by_qid: dict[int, list] = {}
    for x in quotes_:
        if x[5] != "scare":
            speech_by_para.setdefault(x[0], []).append(x)
        by_qid.setdefault(x[6], []).append(x)
    out = []
    last_named = last_pos = None
    for (pos, kind, item, sp, cue), row in zip(events, rows):
        if row is False:
            continue
        if row is not None:
            out.append(row)
            if row[1] is not None and kind != "according_to":
                last_named = (row[1], row[2], row[3], None)
                last_pos = pos
            continue
        q = item
        mq = masked_paras[q[0]]
        qb = _q.sentence_bounds(mq)
        s0 = _q._sentence_of(qb, q[7])[0]
        guess = None
        if mq[s0:q[7]].rstrip().endswith(":"):
            # "Buckley, who phoned in …, had a similar experience: "…"": the sentence's subject
            # (after an earlier speech quote the sentence may be joined to)
            lo = max([s0] + [x[8] + 1 for x in speech_by_para.get(q[0], ())
                             if x[8] is not None and x[8] < q[7] and not x[9]])
            guess = _subject_person(reg, mq, lo, q[7], q[0])
        if guess is None:
            guess = _neighbour(q, speech_by_para.get(q[0], []), by_qid.get(q[6], []), resolved_q)
        if guess is None and s0 > 0 and not mq[s0:q[7]].strip():
            # "Aderholt returned to the issue. "What …?"": the subject of the sentence before
            sp_ = _q._sentence_of(qb, s0 - 1)
            if "\x00" not in mq[sp_[0]:sp_[1]]:
                guess = _subject_person(reg, mq, sp_[0], sp_[1], q[0])
        if guess is None and last_named is not None:
            # a person introduced with a role after the last attribution (a pull quote after
            # "one of the study authors, Owen Dempsey, a chest doctor") is likelier than that source
            p = reg.last_before((q[0], q[7]))
            if p is not None and p.role and p.name != last_named[0]:
                mpos = max((mp for mp, x in reg.mentions if x is p and mp < (q[0], q[7])), default=None)
                if mpos is not None and last_pos is not None and mpos > last_pos:
                    guess = (p.name, p.role, p.type or "other", None)
        if guess is None:
            guess = last_named
        if guess is None:
            p = reg.last_before((q[0], q[7]))
            guess = (p.name, p.role, p.type or "other", None) if p else (None, None, "other", None)
        resolved_q[(q[0], q[1])] = guess
        out.append((q[0], guess[0], guess[1], guess[2], None, "direct", q[3], q[1], q[2]))
    out.sort(key=lambda r: (r[0], r[7], r[5] != "direct"))
    return tuple(map(_visible_names, out))


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _visible_names(row: tuple) -> tuple:
    """The row with zero-width characters and soft hyphens removed from its speaker and role (so
    `the mayor \u200bsaid` names the same speaker as `the mayor said`)."""
    speaker, role = row[1], row[2]
    if (speaker is None or speaker.isascii()) and (role is None or role.isascii()):
        return row
    clean = [" ".join(_INVISIBLE.sub("", x).split()) or None if isinstance(x, str) else x for x in (speaker, role)]
    return (row[0], *clean, *row[3:])


_NAME_COMMA = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*),\s")


def _subject_person(reg: Registry, masked: str, s: int, e: int, pi: int):
    """(name, role, type, None) of a person named as the subject opening masked[s:e], else None."""
    sp = leading_subject(masked[s:e], s)
    if sp is None:
        m = _NAME_COMMA.match(masked, s, e)        # "Buckley, who phoned in …,"
        if m:
            sp = Speaker("name", [clean_word(w) for w in m.group(1).split()], start=m.start(1), text=m.group(1))
    if sp is None or sp.kind != "name":
        return None
    person = reg.get(sp.words[-1])
    if person is None or person.org:
        return None
    name, role, typ = resolve_speaker(sp, (pi, sp.start), reg, [])
    return (name, role, typ, None) if name else None


def _neighbour(q, same, pieces, resolved_q):
    """Speaker of the quote that `q` continues (same quote_id), else of its nearest neighbour with a
    cue in the paragraph (`same`: the paragraph's speech quotes)."""
    for x in pieces:
        if (x[0], x[1]) != (q[0], q[1]):
            r = resolved_q.get((x[0], x[1]))
            if r is not None and r[3] is not None:
                return r
    idx = next((i for i, x in enumerate(same) if x[1] == q[1]), 0)
    for j in list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(same))):
        r = resolved_q.get((same[j][0], same[j][1]))
        if r is not None and r[3] is not None:
            return r
    return None
