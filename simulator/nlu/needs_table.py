"""Writes ``needs.json``: the required strings of every shipped cue pattern and tone
marker (see ``prefilter``), so the analyser does not parse them at start-up.

Run ``python -m simulator.nlu.needs_table > simulator/nlu/needs.json`` after changing
``cues.yaml`` or the tone markers; a test says when it is stale. A module of its own so
that ``prefilter`` depends on nothing else in the analyser.
"""

from __future__ import annotations

import json

from simulator.nlu.cuefile import normalise_pattern, unwrap
from simulator.nlu.cues import default_cues
from simulator.nlu.insults import COMPARISONS
from simulator.nlu.prefilter import derive
from simulator.nlu.tone import _MARKERS


def shipped_patterns() -> list[str]:
    """The regexes of the shipped cue file, tone markers and insult comparisons, as they are
    compiled."""
    cues = unwrap(default_cues()) or {}
    out = [normalise_pattern(p) for move in cues.values() for p in (move or {}).get("patterns") or []]
    out += [p for _, _, p in _MARKERS]
    out += list(COMPARISONS)
    return sorted(set(out))


def table_text() -> str:
    """The contents ``needs.json`` should have."""
    table = {p: (sorted(found) if (found := derive(p)) else None) for p in shipped_patterns()}
    return json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(table_text(), end="")
