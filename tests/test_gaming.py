"""The gaming corpus (tests/gaming): dishonest or flawed calls must fail with the finding
and citation they deserve; honest calls must pass at 80 or more (issue 11).

Records that need a change not landed yet say so (``waits_for``) and are strict xfails,
so the suite stays green and flips the day the analyser or the engine catches up.
"""

from __future__ import annotations

import pytest

from tests.gaming.corpus import judge, load

WAITS = {
    "analyser": "waits for the lead's analyser: veiled threats as 'threat', small talk not 'open_question'",
    "engine": "waits for engineer E's engine: 'verified' only after proof of identity matching the account file",
}


def _params():
    for r in load():
        marks = []
        if r.expect.get("waits_for"):
            marks.append(pytest.mark.xfail(strict=True, reason=WAITS[r.expect["waits_for"]]))
        yield pytest.param(r, id=f"{r.split}/{r.name}", marks=marks)


@pytest.mark.parametrize("record", list(_params()))
def test_gaming_record(record):
    j = judge(record)
    assert j.ok, "; ".join(j.problems)


def test_corpus_size_and_balance():
    records = load()
    dishonest = [r for r in records if not r.honest]
    honest = [r for r in records if r.honest]
    assert len(dishonest) >= 40 and len(honest) >= 15
    for group in (dishonest, honest):
        held = [r for r in group if r.split == "heldout"]
        assert 0.2 <= len(held) / len(group) <= 0.35
    scenarios = {r.data["scenario"] for r in honest}
    assert scenarios >= {"cooperative-basic", "hardship-basic", "resistant-basic", "hostile-basic",
                         "third-party", "dispute-basic"}
    for r in dishonest:
        assert {"kind", "finding", "citation"} <= set(r.expect), r.name
