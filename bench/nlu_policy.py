"""Choose how the rules and the learned model combine, per move, by measurement.

Each move is decided by ``(alone, veto)`` (see ``simulator.nlu.combine``): the model's
own finding needs its score ``alone`` above the cut; a rule's finding stands unless the
score is more than ``veto`` below it. The two are chosen per move on two kinds of
wording the model never trained on:

- the corpus's voices, each read by a model trained without it (leave-one-voice-out,
  ``nlu_lovo.lovo``): the rules were not written on it;
- the shared dev set (and AnnoMI, for open questions and reflections), read by the
  shipped model: the rules were written on it, so only its even rows choose, and the
  odd rows report.

The pair that maximises the mean of the voices' F1 and the even rows' F1 wins (ties go
to the smaller values: the model's say). Prints the per-move choice, the figures on
the odd rows, and the ``POLICY`` to paste into ``combine.py``. Needs the ``train`` extra.

    python bench/nlu_policy.py [--lovo-dump FILE] [--dev-dump FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data"

ALONE = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, math.inf)
VETO = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, math.inf)
#: Open questions and reflections are also chosen on AnnoMI's even rows, always at full
#: weight (``--dev-weight`` leaves them be): their F1 there must not fall.
ANNOMI_MOVES = ("open_question", "reflection")


#: Judgements kept on top of the selector's choice (see ``combine.POLICY``): asking for
#: money and the offers keep every rule finding; a threat the model finds alone clears its
#: cut by at least 1.5, and abuse too (no more false abuse than before on left-out voices).
KEEP_RULES = ("ask_capacity", "request_full_payment", "offer_settlement", "offer_payment_plan",
              "offer_alternative")
THREAT_ALONE = 1.5
ABUSE_ALONE = 1.5


def judged(policy: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    out = dict(policy)
    for m in KEEP_RULES:
        out[m] = (out[m][0], math.inf)
    out["threat"] = (max(out["threat"][0], THREAT_ALONE), out["threat"][1])
    out["abuse"] = (max(out["abuse"][0], ABUSE_ALONE), out["abuse"][1])
    return out


def lovo_rows(dump: Path | None) -> list[dict[str, Any]]:
    """Per corpus row: gold moves, the rules' moves, the model's own moves, the margins."""
    if dump is not None and dump.is_file():
        rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
        return [{"gold": r["gold"], "rules": r["rules"], "model": r["model"], "margins": r["margins"],
                 "voice": r["id"].rsplit("-", 1)[0]} for r in rows]
    import nlu_lovo

    rows, preds = nlu_lovo.lovo()
    return [{"gold": sorted(r.moves), "rules": sorted(preds["rules"][i][0]),
             "model": sorted(preds["model"][i][0]), "margins": preds["scores"][i], "voice": r.voice}
            for i, r in enumerate(rows)]


def dev_rows(dump: Path | None) -> list[dict[str, Any]]:
    """The shared dev set and AnnoMI, read by the shipped model (``src``: dev | annomi)."""
    if dump is not None and dump.is_file():
        return [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    from nlu_lovo import _margins

    from simulator.nlu.analyser import default_analyser
    from simulator.nlu.learned import default_model

    base, model = default_analyser(), default_model()
    alone = base.with_model(model, {}).analyze
    items: list[tuple[str, int, list[str], str, str | None]] = []
    lines = (DATA / "utterances.dev.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            d = json.loads(line)
            items.append(("dev", i, d["moves"], d["text"], d.get("context")))
    with (DATA / "annomi.dev.csv").open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            gold = ["open_question"] if r["behaviour"] == "question" and r["question_subtype"] == "open" else []
            gold += ["reflection"] if r["behaviour"] == "reflection" else []
            items.append(("annomi", i, gold, r["text"], r["context"] or None))
    out = []
    for src, i, gold, text, ctx in items:
        out.append({"src": src, "i": i, "gold": gold,
                    "rules": list(base.rules_only(text, ctx).move_names),
                    "model": list(alone(text, ctx).move_names),
                    "margins": _margins(model, text, ctx)})
    if dump is not None:
        dump.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    return out


def decide(row: dict[str, Any], j: int, move: str, alone: float, veto: float) -> bool:
    x = row["margins"][j]
    return (move in row["model"] and x >= alone) or (move in row["rules"] and x >= -veto)


_COLS: dict[tuple[int, int], tuple[Any, ...]] = {}


def counts(rows: Sequence[dict[str, Any]], j: int, move: str, alone: float, veto: float
           ) -> tuple[int, int, int]:
    """``decide`` over the rows, as (tp, fp, fn); the rows' columns are kept as arrays."""
    import numpy as np

    key = (id(rows), j)
    if key not in _COLS:
        _COLS[key] = (rows, np.array([r["margins"][j] for r in rows], dtype=float),
                      np.array([move in r["model"] for r in rows], dtype=bool),
                      np.array([move in r["rules"] for r in rows], dtype=bool),
                      np.array([move in r["gold"] for r in rows], dtype=bool))
    _, x, model, rules, g = _COLS[key]
    p = (model & (x >= alone)) | (rules & (x >= -veto))
    return int((p & g).sum()), int((p & ~g).sum()), int((g & ~p).sum())


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def micro(rows: Sequence[dict[str, Any]], policy: dict[str, tuple[float, float]],
          moves: Sequence[str]) -> float:
    t = [0, 0, 0]
    for j, m in enumerate(moves):
        for k, v in enumerate(counts(rows, j, m, *policy[m])):
            t[k] += v
    return f1(*t)


def choose(lovo: list[dict[str, Any]], dev: list[dict[str, Any]], dev_weight: float = 1.0
           ) -> dict[str, Any]:
    """Per move, the pair with the best weighted mean of the left-out voices' F1 and the
    dev set's even rows' (and AnnoMI's, for its moves), the dev parts weighing ``dev_weight``."""
    from simulator.nlu.types import MOVES

    even = [r for r in dev if r["src"] == "dev" and r["i"] % 2 == 0]
    odd = [r for r in dev if r["src"] == "dev" and r["i"] % 2 == 1]
    a_even = [r for r in dev if r["src"] == "annomi" and r["i"] % 2 == 0]
    a_odd = [r for r in dev if r["src"] == "annomi" and r["i"] % 2 == 1]
    policy: dict[str, tuple[float, float]] = {}
    table = []
    for j, m in enumerate(MOVES):
        scored = []
        for alone in ALONE:
            for veto in VETO:
                w = 1.0 if m in ANNOMI_MOVES else dev_weight  # AnnoMI's moves: see ANNOMI_MOVES
                parts = [f1(*counts(lovo, j, m, alone, veto)), w * f1(*counts(even, j, m, alone, veto))]
                if m in ANNOMI_MOVES:
                    parts.append(w * f1(*counts(a_even, j, m, alone, veto)))
                scored.append((sum(parts) / (1 + w * (len(parts) - 1)), (alone, veto)))
        top = max(sc for sc, _ in scored)
        best = next((sc, pv) for sc, pv in scored if sc >= top - 1e-9)  # ties: the smaller pair
        policy[m] = best[1]
        table.append((m, best[1], f1(*counts(lovo, j, m, *best[1])), f1(*counts(odd, j, m, *best[1])),
                      f1(*counts(lovo, j, m, 0.0, 0.0)), f1(*counts(odd, j, m, 0.0, 0.0))))
    named = {"model": {m: (0.0, 0.0) for m in MOVES}, "union": {m: (0.0, math.inf) for m in MOVES},
             "rules": {m: (math.inf, math.inf) for m in MOVES}, "chosen": policy}
    figures = {name: {"lovo": round(micro(lovo, p, MOVES), 3), "dev_odd": round(micro(odd, p, MOVES), 3),
                      "dev_all": round(micro([r for r in dev if r["src"] == "dev"], p, MOVES), 3),
                      **{f"annomi_odd_{m}": round(f1(*counts(a_odd, MOVES.index(m), m, *p[m])), 3)
                         for m in ANNOMI_MOVES}}
               for name, p in named.items()}
    return {"policy": policy, "table": table, "figures": figures}


def nested(lovo: list[dict[str, Any]], dev: list[dict[str, Any]], groups: int = 4,
           dev_weight: float = 1.0) -> dict[str, Any]:
    """The selector judged honestly: each group of voices decided by the pairs chosen on
    the other groups' rows (and the dev set's even rows), never its own; the judgements
    (``judged``) on top or not. Micro-F1 over all left-out rows."""
    from simulator.nlu.types import MOVES

    voices = sorted({r["voice"] for r in lovo})
    folds = [set(voices[i::groups]) for i in range(groups)]
    out: dict[str, Any] = {}
    for name, fix in (("selector", lambda p: p), ("selector+judgements", judged)):
        t = [0, 0, 0]
        chosen = []
        for held in folds:
            train = [r for r in lovo if r["voice"] not in held]
            test = [r for r in lovo if r["voice"] in held]
            policy = fix(choose(train, dev, dev_weight)["policy"])
            chosen.append(policy)
            for j, m in enumerate(MOVES):
                for k, v in enumerate(counts(test, j, m, *policy[m])):
                    t[k] += v
        out[name] = round(f1(*t), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lovo-dump", type=Path, help="predictions written by nlu_eval.py --lovo --dump")
    ap.add_argument("--dev-dump", type=Path, help="read (or write) the dev rows' predictions here")
    ap.add_argument("--nested", action="store_true",
                    help="also the selector's left-out micro-F1 with pairs chosen on the other groups")
    ap.add_argument("--dev-weight", type=float, default=1.0,
                    help="weight of the dev set's (and AnnoMI's) F1 against the left-out voices' (1)")
    args = ap.parse_args(argv)
    lovo, dev = lovo_rows(args.lovo_dump), dev_rows(args.dev_dump)
    res = choose(lovo, dev, args.dev_weight)
    if args.nested:
        print("nested (pairs chosen on the other voice groups):",
              nested(lovo, dev, dev_weight=args.dev_weight))
        print("judged policy, in-sample left-out micro-F1:",
              round(micro(lovo, judged(res["policy"]), list(res["policy"])), 4))
    print(f"{'move':<22} {'alone':>6} {'veto':>6} {'LOVO':>6} {'dev odd':>8}   (model alone: LOVO, dev odd)")
    for m, (alone, veto), lo, do, lo0, do0 in res["table"]:
        print(f"{m:<22} {alone:>6} {veto:>6} {lo:>6.3f} {do:>8.3f}   ({lo0:.3f}, {do0:.3f})")
    print()
    for name, f in res["figures"].items():
        print(f"{name:<8} " + "  ".join(f"{k} {v}" for k, v in f.items()))
    print("\nPOLICY = {")
    for m, (alone, veto) in res["policy"].items():
        fmt = lambda v: "INF" if v == math.inf else repr(v)  # noqa: E731
        print(f'    "{m}": ({fmt(alone)}, {fmt(veto)}),')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
