"""Leave-one-voice-out: the analyser measured on wording it was not trained or tuned on.

For each voice of the corpus (``data/utterances``), a model is trained on the other
voices, its thresholds chosen on those voices alone (folds of them held out in turn),
and the whole analyser (rules plus that model) is run on the left-out voice. The
held-out voices (``data/heldout``) are measured the same way with the shipped model,
which never saw them. Needs the ``train`` extra (scikit-learn); fold models are cached
in ``bench/.cache`` keyed by everything they depend on.

Run as ``python bench/nlu_eval.py --lovo`` (or ``--heldout``); this module holds the work.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "data" / "utterances"
HELDOUT = ROOT / "data" / "heldout"
CACHE = ROOT / "bench" / ".cache"

#: Strategies compared side by side: the final analyser, and the pieces it is made of.
STRATEGIES = ("rules", "model", "union", "final")


def _key(rows: Sequence[Any], settings: Any, extra: str) -> str:
    """What a fold model depends on: the training rows with what the rules found in them,
    the settings, and the code that turns them into features and weights."""
    from simulator.nlu import training

    h = hashlib.sha256(training.corpus_hash(rows).encode())
    h.update(json.dumps([r.rules for r in rows]).encode())
    h.update(repr(settings).encode() + extra.encode())
    for name in ("features.py", "lexicon.py", "training.py"):
        h.update((ROOT / "simulator" / "nlu" / name).read_bytes())
    return h.hexdigest()[:16]


def fold_model(train: Sequence[Any], settings: Any, name: str) -> Any:
    """A model trained on ``train`` (cached), loaded as the analyser loads the shipped one."""
    from simulator.nlu import training
    from simulator.nlu.learned import LearnedModel

    path = CACHE / f"{name}-{_key(train, settings, name)}.json"
    if not path.is_file() or not path.with_suffix(".weights").is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        training.write(training.fit(train, settings), path)
    return LearnedModel.load(path)


def load_rows(folder: Path) -> list[Any]:
    from simulator.nlu import training
    from simulator.nlu.analyser import default_analyser

    rows = training.load_corpus([folder])
    training.add_rule_moves(rows, default_analyser().rules_only)
    return rows


def _analysers(model: Any) -> dict[str, Callable[..., Any]]:
    from simulator.nlu.analyser import default_analyser
    from simulator.nlu.types import MOVES

    base = default_analyser()
    return {
        "rules": base.rules_only,
        "model": base.with_model(model, {}).analyze,
        "union": base.with_model(model, {m: "union" for m in MOVES}).analyze,
        "final": base.with_model(model).analyze,
    }


def predict(rows: Sequence[Any], model: Any) -> dict[str, list[Any]]:
    """Per strategy, each row's moves and tone; under "scores", each row's move scores
    less their cuts (so other decision policies can be tried without retraining)."""
    out: dict[str, list[Any]] = {s: [] for s in STRATEGIES}
    for name, analyse in _analysers(model).items():
        for r in rows:
            a = analyse(r.text, r.context)
            out[name].append((set(a.move_names), a.tone.score))
    out["scores"] = [_margins(model, r.text, r.context) for r in rows]
    return out


def _margins(model: Any, text: str, context: str | None) -> list[float]:
    """Each move's best score (whole line or a sentence) less its cut, as ``combine``
    decides, so other decision policies can be tried without retraining."""
    from simulator.nlu.analyser import default_analyser
    from simulator.nlu.combine import decision_scores
    from simulator.nlu.features import features
    from simulator.nlu.text import MAX_SENTENCES, STAGE, TRANS, split_sentences
    from simulator.nlu.types import MOVES

    found = {m.move: m for m in default_analyser().rules_only(text, context).moves}
    norm = STAGE.sub(lambda m: " " * len(m.group(0)), text.translate(TRANS))
    spans = split_sentences(norm)[:MAX_SENTENCES]
    heads = model.heads(features(text, context, found))
    best = decision_scores(model, heads, text, norm, spans, context, found)
    return [best[m][0] - c for m, c in zip(MOVES, model.cut, strict=True)]


def _train_fold(args: tuple[Sequence[Any], Any, str]) -> str:
    fold_model(*args)
    return args[2]


def lovo(settings: Any = None, progress: Callable[[str], None] = lambda s: None,
         workers: int = 2, groups: int = 0
         ) -> tuple[list[Any], dict[str, list[tuple[set[str], float]]]]:
    """Predictions for every corpus row from a model that never saw its voice: one model
    per voice (``groups`` 0), or the voices dealt round-robin into ``groups`` folds, each
    read by a model trained on the others (stricter, and far cheaper with many voices).
    The fold models are trained ``workers`` at a time (and cached)."""
    from concurrent.futures import ProcessPoolExecutor

    from simulator.nlu import training

    settings = settings or training.Settings()
    rows = load_rows(CORPUS)
    folds = training.voice_folds(rows, groups)

    def name(held: set[str]) -> str:
        return "without-" + "+".join(sorted(held)) if len(held) == 1 else f"group-{groups}-{min(held)}"

    jobs = [([r for r in rows if r.voice not in held], settings, name(held)) for held in folds]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_train_fold, jobs):
            progress(done)
    preds: dict[str, list[Any]] = {s: [None] * len(rows) for s in (*STRATEGIES, "scores")}
    for held, (train, _, fold) in zip(folds, jobs, strict=True):
        progress(f"reading {', '.join(sorted(held))}")
        idx = [i for i, r in enumerate(rows) if r.voice in held]
        got = predict([rows[i] for i in idx], fold_model(train, settings, fold))
        for s in (*STRATEGIES, "scores"):
            for i, p in zip(idx, got[s], strict=True):
                preds[s][i] = p
    return rows, preds


def heldout() -> tuple[list[Any], dict[str, list[tuple[set[str], float]]]]:
    """The held-out voices, read by the shipped model (trained on the whole corpus)."""
    from simulator.nlu.learned import default_model

    rows = load_rows(HELDOUT)
    return rows, predict(rows, default_model())


# --- figures ----------------------------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _auc(pos: list[float], neg: list[float]) -> float:
    pairs = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return pairs / (len(pos) * len(neg)) if pos and neg else 0.0


def figures(rows: Sequence[Any], pred: Sequence[tuple[set[str], float]]) -> dict[str, Any]:
    """Micro and per-move F1, per-voice micro, the hard sets, tone separation."""
    from simulator.nlu.types import MOVES

    counts = {m: [0, 0, 0] for m in MOVES}
    by_voice: dict[str, list[int]] = {}
    for r, (got, _) in zip(rows, pred, strict=True):
        v = by_voice.setdefault(r.voice, [0, 0, 0])
        for m in MOVES:
            k = 0 if (m in got and m in r.moves) else 1 if m in got else 2 if m in r.moves else -1
            if k >= 0:
                counts[m][k] += 1
                v[k] += 1
    per = {m: round(_prf(*c)[2], 3) for m, c in counts.items()}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    p, rc, f = _prf(tp, fp, fn)
    voices = {v: round(_prf(*c)[2], 3) for v, c in sorted(by_voice.items())}

    def share(select: Callable[[Any], bool], hit: Callable[[set[str]], bool]) -> float:
        chosen = [got for r, (got, _) in zip(rows, pred, strict=True) if select(r)]
        return round(sum(1 for g in chosen if hit(g)) / len(chosen), 3) if chosen else 0.0

    def recall(move: str) -> float:
        return share(lambda r: move in r.moves, lambda g: move in g)

    tone_neutral = [t for r, (_, t) in zip(rows, pred, strict=True) if r.tone == "neutral"]
    tone_sarcasm = [t for r, (_, t) in zip(rows, pred, strict=True) if r.set == "sarcasm"]
    tone_pos = [t for r, (_, t) in zip(rows, pred, strict=True) if r.tone == "positive"]
    tone_neg = [t for r, (_, t) in zip(rows, pred, strict=True) if r.tone == "negative"]
    return {
        "micro": {"precision": round(p, 3), "recall": round(rc, 3), "f1": round(f, 3)},
        "moves": per,
        "worst_move": min(per.items(), key=lambda kv: kv[1]),
        "voices": voices,
        "voice_mean": round(sum(voices.values()) / len(voices), 3) if voices else 0.0,
        "worst_voice": min(voices.items(), key=lambda kv: kv[1]) if voices else ("", 0.0),
        "no_move_given_a_move": share(lambda r: not r.moves, bool),
        "veiled_threat_recall": share(lambda r: r.set == "veiled_threat", lambda g: "threat" in g),
        "threat_recall": recall("threat"),
        "lawful_read_as_threat_or_pressure": share(lambda r: r.set == "lawful",
                                                   lambda g: bool(g & {"threat", "pressure"})),
        "pressure_recall": recall("pressure"),
        "abuse_recall": recall("abuse"),
        "tone_auc_neutral_vs_sarcasm": round(_auc(tone_neutral, tone_sarcasm), 3),
        "tone_auc_positive_vs_negative": round(_auc(tone_pos, tone_neg), 3),
    }


def report(rows: Sequence[Any], preds: dict[str, Any]) -> dict[str, Any]:
    return {s: figures(rows, preds[s]) for s in STRATEGIES}


def print_report(title: str, rep: dict[str, Any]) -> None:
    print(title)
    keys = [("micro F1", lambda f: f["micro"]["f1"]), ("precision", lambda f: f["micro"]["precision"]),
            ("recall", lambda f: f["micro"]["recall"]), ("mean over voices", lambda f: f["voice_mean"]),
            ("worst voice", lambda f: f"{f['worst_voice'][1]:.3f} {f['worst_voice'][0]}"),
            ("worst move", lambda f: f"{f['worst_move'][1]:.3f} {f['worst_move'][0]}"),
            ("no-move lines given a move", lambda f: f["no_move_given_a_move"]),
            ("threat recall (veiled set)", lambda f: f["veiled_threat_recall"]),
            ("threat recall (all)", lambda f: f["threat_recall"]),
            ("lawful read as threat/pressure", lambda f: f["lawful_read_as_threat_or_pressure"]),
            ("pressure recall", lambda f: f["pressure_recall"]),
            ("abuse recall", lambda f: f["abuse_recall"]),
            ("tone AUC neutral vs sarcasm", lambda f: f["tone_auc_neutral_vs_sarcasm"]),
            ("tone AUC positive vs negative", lambda f: f["tone_auc_positive_vs_negative"])]
    print(f"  {'':<32}" + "".join(f"{s:>16}" for s in STRATEGIES))
    for label, get in keys:
        print(f"  {label:<32}" + "".join(f"{str(get(rep[s])):>16}" for s in STRATEGIES))
    final = rep["final"]["moves"]
    print("  final, per move: " + ", ".join(f"{m} {v:.2f}" for m, v in final.items()))
    print("  final, per voice: " + ", ".join(f"{v} {f:.3f}" for v, f in rep["final"]["voices"].items()))


def dump_predictions(path: Path, rows: Sequence[Any], preds: dict[str, Any]) -> None:
    """Predictions as JSON lines, for looking at errors without retraining."""
    with path.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            fh.write(json.dumps({"id": r.id, "gold": sorted(r.moves), "set": r.set, "tone": r.tone,
                                 **{s: sorted(preds[s][i][0]) for s in STRATEGIES},
                                 "tone_final": preds["final"][i][1],
                                 "margins": [round(x, 4) for x in preds["scores"][i]]}) + "\n")
