"""The project's corpus (data/) and the model trained on it: labels valid, the counts
issue 10 asks for, the shipped model built from this very corpus, training repeatable."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from simulator.nlu.types import MOVES

DATA = Path(__file__).resolve().parent.parent / "data"
SETS = {"general", "none", "veiled_threat", "lawful", "sarcasm", "talk_over"}


def _rows(folder: str) -> list[dict]:
    out = []
    for f in sorted((DATA / folder).glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                d = json.loads(line)
                d["_where"] = f"{f.name}:{n}"
                out.append(d)
    return out


@pytest.mark.parametrize("folder", ["utterances", "heldout", "incoming"])
def test_labels_are_valid(folder: str) -> None:
    rows = _rows(folder)
    assert rows
    bad = [r["_where"] for r in rows
           if not set(r["moves"]) <= set(MOVES) or len(set(r["moves"])) != len(r["moves"])
           or r["tone"] not in ("positive", "neutral", "negative") or r["set"] not in SETS
           or (r["set"] == "none" and r["moves"])
           or (r["set"] == "veiled_threat" and "threat" not in r["moves"])
           or (r["set"] == "lawful" and {"threat", "pressure"} & set(r["moves"]))
           or not r["text"].strip()]
    assert not bad, bad[:10]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))


def test_counts_issue_10_asks_for() -> None:
    rows = _rows("utterances")
    per_move = collections.Counter(m for r in rows for m in r["moves"])
    per_set = collections.Counter(r["set"] for r in rows)
    assert sum(per_move[m] > 0 for m in MOVES) == 20
    assert len(rows) >= 4000
    assert min(per_move[m] for m in MOVES) >= 120
    assert sum(1 for r in rows if not r["moves"]) >= 800
    assert all(per_set[s] >= 150 for s in ("veiled_threat", "lawful", "sarcasm", "talk_over"))
    assert len({r["voice"] for r in rows}) >= 8
    assert sum("context" in r for r in rows) > len(rows) // 4
    assert sum(len(r["moves"]) > 1 for r in rows) > len(rows) // 5


def test_heldout_voices_are_not_training_voices() -> None:
    assert not {r["voice"] for r in _rows("heldout")} & {r["voice"] for r in _rows("utterances")}


def test_shipped_model_was_built_from_this_corpus() -> None:
    from simulator.nlu import training
    from simulator.nlu.learned import default_model

    model = default_model()
    assert model is not None, "the package ships no model (simulator/nlu/model.json)"
    rows = training.load_corpus([DATA / "utterances"])
    assert model.meta["corpus_sha256"] == training.corpus_hash(rows), \
        "the corpus changed since the model was built: run `collectsim train`"


def test_training_is_repeatable_byte_for_byte() -> None:
    pytest.importorskip("sklearn", reason="needs the train extra (scikit-learn)")
    from simulator.nlu import training
    from simulator.nlu.analyser import default_analyser

    rows = [r for r in training.load_corpus([DATA / "utterances"])
            if r.voice in ("texter", "formal", "counsellor")][:900]
    training.add_rule_moves(rows, default_analyser().rules_only)
    settings = training.Settings(threshold_groups=3)
    first = training.dump(training.fit(rows, settings))
    for r in rows:
        r._feats = None
    assert training.dump(training.fit(rows, settings)) == first
