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
    "engine": "waits for engineer E's engine: 'verified' only after proof of identity matching the account "
              "file; request events such as 'validation_requested'",
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


def _cards():
    from pathlib import Path

    from scoring.api import score_record
    from scoring.batch import expand, score_file
    from scoring.examples import variants

    for r in load():
        yield r.name, score_record(r.data, base=r.path.parent)
    for i, rec in enumerate(variants()):
        yield f"variant {i}", score_record(rec)
    root = Path(__file__).resolve().parent.parent
    for path in expand([str(root / "examples")]):
        scored = score_file(path)
        assert scored.card is not None, scored.problem
        yield path.name, scored.card


def test_every_finding_cites_a_turn_a_quote_and_a_rule():
    """Goal of issue 11: every violation on every card (corpus, examples, benchmark
    variants) names its rule, citation, turn and words; every critical one cites Regulation
    F (12 CFR 1006) or the FDCPA (15 U.S.C. 1692); every missed check says why and what to do."""
    seen = 0
    for name, card in _cards():
        for v in card.compliance.violations:
            seen += 1
            where = f"{name}: {v.rule}"
            assert v.rule and v.citation and v.message, where
            assert isinstance(v.turn, int) and v.turn >= 1, where
            assert v.quote.strip(), where
            if v.severity == "critical":
                assert "12 CFR 1006" in v.citation or "15 U.S.C. 1692" in v.citation, where
        for dim in card.dimensions.values():
            for c in dim.checks:
                if c.applies and c.passed is False:
                    assert c.tip and c.evidence and all(e.note for e in c.evidence), f"{name}: {c.id}"
    assert seen >= 40
