"""Sanity figures on the shared development data; skipped where it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"

pytestmark = pytest.mark.skipif(
    not (DATA / "utterances.dev.jsonl").exists(),
    reason=f"no development data at {DATA}",
)


def test_dev_utterances_analyse_and_mostly_agree() -> None:
    from simulator.nlu.analyser import analyze

    rows = [json.loads(x) for x in (DATA / "utterances.dev.jsonl").read_text().splitlines() if x]
    tp = fp = fn = 0
    for r in rows:
        got, want = set(analyze(r["text"], r.get("context")).move_names), set(r["moves"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 > 0.6  # a floor against breakage; the real figures come from bench/nlu_eval.py
