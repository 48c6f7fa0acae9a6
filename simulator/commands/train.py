"""collectsim train: rebuild the analyser's learned layer from the corpus.

Reproducible: the same corpus, rules and settings give the same model files, byte for
byte (``--check`` says whether the shipped model is what the corpus gives now). Needs
the ``train`` extra (scikit-learn): ``pip install 'collectsim[train]'``.
"""

from __future__ import annotations

import argparse

HELP = "Rebuild the analyser's learned model from the labelled corpus (needs collectsim[train])."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", nargs="*", metavar="PATH",
                   help="corpus files or folders of *.jsonl (default: data/utterances of the checkout)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write model.json (model.weights goes beside it); "
                        "default: the model the analyser ships with")
    p.add_argument("--check", action="store_true",
                   help="build in memory and exit 1 if the shipped model differs from it")


def run(args: argparse.Namespace) -> int:
    import hashlib
    from pathlib import Path

    from simulator.diagnostics import UserError

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UserError("training needs scikit-learn: pip install 'collectsim[train]'") from None
    from simulator.nlu import training
    from simulator.nlu.analyser import default_analyser
    from simulator.nlu.learned import MODEL_FILE

    paths = [Path(p) for p in args.corpus] or [Path(__file__).resolve().parents[2] / "data" / "utterances"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no corpus at {', '.join(missing)} (give the folder of *.jsonl files)")
    try:
        rows = training.load_corpus(paths)
    except (ValueError, KeyError) as exc:
        raise UserError(f"corpus: {exc}") from None
    if not rows:
        raise UserError("the corpus is empty")
    print(f"training on {len(rows)} lines in {len({r.voice for r in rows})} voices ...", flush=True)
    training.add_rule_moves(rows, default_analyser().rules_only)
    model = training.fit(rows)
    text, weights = training.dump(model)
    if args.check:
        shipped = MODEL_FILE.read_bytes() + b"\0" + MODEL_FILE.with_suffix(".weights").read_bytes() \
            if MODEL_FILE.is_file() else b""
        built = text.encode() + b"\0" + weights
        same = hashlib.sha256(shipped).digest() == hashlib.sha256(built).digest()
        print("the shipped model is what this corpus gives" if same else
              "the shipped model differs from what this corpus gives: run `collectsim train`")
        return 0 if same else 1
    out = Path(args.output) if args.output else MODEL_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    training.write(model, out)
    kept = len(model.weights)
    print(f"wrote {out} and {out.with_suffix('.weights').name}: {kept} features; "
          f"thresholds chosen on held-out voices")
    return 0
