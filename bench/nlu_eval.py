"""Measure the analyser on the development data in ../shared/data (see its README).

Run as ``python bench/nlu_eval.py [--json] [--split even|odd] [--errors MOVE]``, or with
``--lovo`` / ``--heldout`` for the project's own corpus (see ``nlu_lovo.py``).
Prints move precision/recall/F1 (per move and micro-averaged), tone ROC AUC and mean
tone per class, Spearman and quartile accuracy on the Stanford politeness corpus, and
open-question / reflection F1 on AnnoMI. Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _rank(values: list[float]) -> list[float]:
    """Average ranks (1-based), ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = _rank(x), _rank(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC via the rank-sum (Mann-Whitney) statistic; ties count half."""
    if not pos or not neg:
        return 0.0
    ranks = _rank(pos + neg)
    r_pos = sum(ranks[: len(pos)])
    return (r_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def _keep(i: int, split: str | None) -> bool:
    return split is None or (i % 2 == 0) == (split == "even")


def eval_moves(analyze, split: str | None, errors: str | None) -> dict:  # noqa: ANN001
    from simulator.nlu.types import MOVES

    counts = {m: [0, 0, 0] for m in MOVES}
    tones: dict[str, list[float]] = {"positive": [], "neutral": [], "negative": []}
    lines = (DATA / "utterances.dev.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or not _keep(i, split):
            continue
        d = json.loads(line)
        a = analyze(d["text"], d.get("context"))
        got, want = set(a.move_names), set(d["moves"])
        for m in MOVES:
            if m in got and m in want:
                counts[m][0] += 1
            elif m in got:
                counts[m][1] += 1
            elif m in want:
                counts[m][2] += 1
        if errors and ((errors in got) != (errors in want) or (errors == "all" and got != want)):
            print(f"  {d['id']} want={sorted(want)} got={sorted(got)} | {d['text']}"
                  + (f"  << {d['context']}" if d.get("context") else ""), file=sys.stderr)
            for mv in a.moves:
                if mv.move == errors or errors == "all":
                    print(f"      {mv.move}: {mv.why!r} [{mv.evidence}]", file=sys.stderr)
        tones[d["tone"]].append(a.tone.score)
    per = {}
    tp = fp = fn = 0
    for m, (a_, b_, c_) in counts.items():
        p, r, f = _prf(a_, b_, c_)
        per[m] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                  "support": a_ + c_}
        tp, fp, fn = tp + a_, fp + b_, fn + c_
    p, r, f = _prf(tp, fp, fn)
    return {
        "moves": per,
        "micro": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
        "tone_auc": round(auc(tones["positive"], tones["negative"]), 3),
        "tone_mean": {k: round(sum(v) / len(v), 3) if v else None for k, v in tones.items()},
    }


def eval_politeness(analyze, split: str | None) -> dict:  # noqa: ANN001
    with (DATA / "politeness.wikipedia.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for i, r in enumerate(csv.DictReader(fh)) if _keep(i, split)]
    scores = [analyze(r["Request"]).tone.score for r in rows]
    gold = [float(r["Normalized Score"]) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: gold[i])
    q = len(rows) // 4
    low, high = order[:q], order[-q:]
    correct = sum(scores[i] <= 0 for i in low) + sum(scores[i] > 0 for i in high)
    return {
        "spearman": round(spearman(scores, gold), 3),
        "quartile_accuracy": round(correct / (2 * q), 3) if q else 0.0,
        "n": len(rows),
    }


def eval_annomi(analyze, split: str | None, errors: str | None) -> dict:  # noqa: ANN001
    with (DATA / "annomi.dev.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for i, r in enumerate(csv.DictReader(fh)) if _keep(i, split)]
    c = {"open_question": [0, 0, 0], "reflection": [0, 0, 0]}
    for r in rows:
        a = analyze(r["text"], r["context"] or None)
        want = {
            "open_question": r["behaviour"] == "question" and r["question_subtype"] == "open",
            "reflection": r["behaviour"] == "reflection",
        }
        for m, w in want.items():
            g = a.has(m)
            c[m][0 if g and w else 1 if g else 2 if w else 0] += 1 if (g or w) else 0
            if errors == f"annomi:{m}" and g != w:
                print(f"  {'FN' if w else 'FP'} {r['behaviour']}/{r['question_subtype']} | "
                      f"{r['text'][:200]}", file=sys.stderr)
    out = {}
    for m, (tp, fp, fn) in c.items():
        p, rr, f = _prf(tp, fp, fn)
        out[m] = {"precision": round(p, 3), "recall": round(rr, 3), "f1": round(f, 3)}
    return out


def results() -> list[dict]:
    """For `make bench`: the headline figures against their goals."""
    if not (DATA / "utterances.dev.jsonl").exists():
        return [{"measure": f"skipped: no development data at {DATA}", "value": "", "unit": "", "goal": ""}]
    from simulator.nlu.analyser import analyze

    u = eval_moves(analyze, None, None)
    rows = [
        {"measure": "moves micro-F1", "value": u["micro"]["f1"], "unit": "", "goal": ">= 0.85"},
        {"measure": "lowest move F1 (" + min(u["moves"], key=lambda m: u["moves"][m]["f1"]) + ")",
         "value": min(v["f1"] for v in u["moves"].values()), "unit": "", "goal": ">= 0.70"},
        {"measure": "tone ROC AUC positive vs negative", "value": u["tone_auc"], "unit": "", "goal": ">= 0.95"},
    ]
    if (DATA / "politeness.wikipedia.csv").exists():
        p = eval_politeness(analyze, None)
        rows += [
            {"measure": "politeness Spearman", "value": p["spearman"], "unit": "", "goal": ""},
            {"measure": "politeness quartile accuracy", "value": p["quartile_accuracy"], "unit": "",
             "goal": ">= 0.78"},
        ]
    if (DATA / "annomi.dev.csv").exists():
        a = eval_annomi(analyze, None, None)
        rows += [
            {"measure": "AnnoMI open_question F1", "value": a["open_question"]["f1"], "unit": "",
             "goal": ">= 0.80"},
            {"measure": "AnnoMI reflection F1", "value": a["reflection"]["f1"], "unit": "", "goal": ">= 0.60"},
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--split", choices=["even", "odd"], help="only even or odd rows (honesty check)")
    ap.add_argument("--errors", metavar="MOVE", help="list mistakes for MOVE ('all', 'annomi:reflection')")
    ap.add_argument("--lovo", action="store_true",
                    help="leave-one-voice-out on the project's corpus: rules, model, union and the "
                         "final analyser side by side (trains a model per voice; needs collectsim[train])")
    ap.add_argument("--heldout", action="store_true",
                    help="the held-out voices (data/heldout), read by the shipped model")
    ap.add_argument("--groups", type=int, default=0, metavar="N",
                    help="with --lovo: hold out the voices in N round-robin groups instead of one "
                         "at a time (N models instead of one per voice)")
    ap.add_argument("--dump", metavar="FILE", help="with --lovo or --heldout: write every prediction")
    args = ap.parse_args(argv)
    if args.lovo or args.heldout:
        import nlu_lovo

        for wanted, name, fn in ((args.lovo, "leave-one-voice-out (data/utterances)", nlu_lovo.lovo),
                                 (args.heldout, "held-out voices (data/heldout), shipped model",
                                  nlu_lovo.heldout)):
            if not wanted:
                continue
            rows, preds = fn() if fn is nlu_lovo.heldout else fn(
                progress=lambda v: print(f"  {v} ...", file=sys.stderr, flush=True), groups=args.groups)
            if args.groups and fn is nlu_lovo.lovo:
                name = f"leave-voices-out, {args.groups} groups of voices (data/utterances)"
            rep = nlu_lovo.report(rows, preds)
            if args.dump:
                nlu_lovo.dump_predictions(Path(args.dump), rows, preds)
            if args.json:
                print(json.dumps({name: rep}, indent=2, default=str))
            else:
                nlu_lovo.print_report(name, rep)
        return 0
    if not (DATA / "utterances.dev.jsonl").exists():
        print(f"nlu_eval: skipped: no development data at {DATA}")
        return 0
    from simulator.nlu.analyser import analyze

    res = {"utterances": eval_moves(analyze, args.split, args.errors)}
    if (DATA / "politeness.wikipedia.csv").exists():
        res["politeness"] = eval_politeness(analyze, args.split)
    if (DATA / "annomi.dev.csv").exists():
        res["annomi"] = eval_annomi(analyze, args.split, args.errors)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    u = res["utterances"]
    print(f"utterances.dev.jsonl{' (' + args.split + ' rows)' if args.split else ''}")
    print(f"  {'move':<22}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}")
    for m, v in u["moves"].items():
        print(f"  {m:<22}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>5}")
    mi = u["micro"]
    print(f"  {'micro':<22}{mi['precision']:>7.3f}{mi['recall']:>7.3f}{mi['f1']:>7.3f}")
    print(f"  tone ROC AUC (positive vs negative): {u['tone_auc']:.3f}")
    print("  mean tone: " + ", ".join(f"{k} {v:+.3f}" for k, v in u["tone_mean"].items() if v is not None))
    if "politeness" in res:
        p = res["politeness"]
        print(f"politeness.wikipedia.csv (n={p['n']})")
        print(f"  Spearman tone vs Normalized Score: {p['spearman']:.3f}")
        print(f"  polite-vs-impolite accuracy on top/bottom quartiles (threshold 0): "
              f"{p['quartile_accuracy']:.3f}")
    if "annomi" in res:
        print("annomi.dev.csv")
        for m, v in res["annomi"].items():
            print(f"  {m:<14} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
