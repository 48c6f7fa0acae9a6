"""Run the question-answering suite and print how often the debtor answers (or refuses in
character) the question asked.

    python tests/qa/run.py              # the development questions
    python tests/qa/run.py --heldout    # the held-out quarter (run at the end only)
    python tests/qa/run.py --failures   # list every failed item with its reply
    python tests/qa/run.py --file PATH  # every question of another file of the same shape
    python tests/qa/run.py --rules-only # diagnostic: the analyser's rules without its model

Items carry ``id``, ``scenario``, ``setup`` (lines said before), ``question``, ``intent``,
optional ``expect_mismatch``, ``heldout`` and ``voice`` (the writer's register: blunt,
chatty, texter, formal...), reported per voice when present.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from judge import FAILED, Verdict, judge  # noqa: E402

QUESTIONS = HERE / "questions.yaml"
#: Further files the suite runs whole: fresh questions in new voices, written apart (dev2,
#: test2), and the special calls' questions (calls: bankruptcy, attorney, military, at work).
MORE = (HERE / "questions_dev2.yaml", HERE / "questions_test2.yaml", HERE / "questions_calls.yaml")


@dataclass
class Result:
    item: dict[str, Any]
    reply: str
    verdict: Verdict


def load_items(which: str = "dev", path: Path = QUESTIONS) -> list[dict[str, Any]]:
    """'dev' (not held out), 'heldout' or 'all' of the questions in ``path``."""
    import yaml

    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if which == "dev":
        return [x for x in items if not x.get("heldout")]
    if which == "heldout":
        return [x for x in items if x.get("heldout")]
    return list(items)


def run_item(item: dict[str, Any]) -> Result:
    from simulator.session import Session

    session = Session.start(item["scenario"])
    previous = session.opening
    for line in item.get("setup") or []:
        if session.ended:
            break
        if not str(line).strip():
            continue
        previous = session.say(line).reply
    if session.ended:
        return Result(item, "", Verdict(FAILED, "the call ended during the setup"))
    reply = session.say(item["question"]).reply
    tp = session.scenario.call.third_party
    verdict = judge(item["intent"], item["question"], reply, account=session.account,
                    persona=session.persona, previous=previous,
                    expect_mismatch=item.get("expect_mismatch"), third_party=tp.name if tp else "")
    return Result(item, reply, verdict)


def explain(item: dict[str, Any]) -> str:
    """Each line of an item as the call read it (moves, * from the learned model; question
    intents; the trigger that answered) with the reply: does a failure come from the
    debtor's answers or from the analyser's reading of the trainee's line?"""
    from simulator.session import Session

    session = Session.start(item["scenario"])
    out = []
    for line in [*(item.get("setup") or []), item["question"]]:
        if session.ended:
            out.append("      | (the call had ended)")
            break
        t = session.say(str(line))
        moves = ", ".join(f"{m.move}{'*' if m.why.startswith('learned') else ''}" for m in t.analysis.moves)
        asks = ", ".join(x.intent for x in t.analysis.asks)
        out.append(f"      | {line!s:.60} -> [{moves}] asks [{asks}] on {t.trigger or '-'}: {t.reply:.60}")
    return "\n".join(out)


@contextmanager
def rules_alone() -> Iterator[None]:
    """Play with the analyser's rules alone, its learned model left out: what the debtors'
    answering does by itself while the model is being changed. The shared default analyser
    is swapped for a rules-only copy (with a cache of its own) and put back after."""
    from simulator.nlu import analyser as nlu

    shipped = nlu.default_analyser()
    alone = copy.copy(shipped)
    alone.learned, alone._extended = False, {}
    nlu._DEFAULT[0] = alone
    try:
        yield
    finally:
        nlu._DEFAULT[0] = shipped


def run(which: str = "dev", path: Path = QUESTIONS, rules_only: bool = False) -> list[Result]:
    if rules_only:
        with rules_alone():
            return [run_item(x) for x in load_items(which, path)]
    return [run_item(x) for x in load_items(which, path)]


def share_ok(results: list[Result]) -> float:
    return sum(r.verdict.ok for r in results) / len(results) if results else 0.0


def report(results: list[Result], failures: bool = False) -> str:
    out = []
    kinds = Counter(r.verdict.kind for r in results)
    out.append(f"{len(results)} questions: {share_ok(results):.1%} answered or refused in character "
               f"(answered {kinds['answered']}, refused {kinds['refused']}, failed {kinds['failed']})")
    for key in ("intent", "scenario", "voice"):
        groups: dict[str, list[Result]] = defaultdict(list)
        for r in results:
            if key in r.item:
                groups[r.item[key]].append(r)
        if not groups:
            continue
        out.append(f"\nby {key}:")
        for name, rs in sorted(groups.items()):
            out.append(f"  {name:<26} {share_ok(rs):6.1%}  ({sum(r.verdict.ok for r in rs)}/{len(rs)})")
    if failures:
        out.append("\nfailed:")
        for r in results:
            if not r.verdict.ok:
                out.append(f"  {r.item['id']} [{r.item['intent']}] {r.verdict.reason}\n"
                           f"    Q: {r.item['question']}\n    A: {r.reply}")
    return "\n".join(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--heldout", action="store_true", help="run the held-out questions")
    g.add_argument("--all", action="store_true", help="run every question")
    p.add_argument("--file", type=Path, default=QUESTIONS, metavar="PATH",
                   help="a question file of the same shape (default: questions.yaml)")
    p.add_argument("--rules-only", action="store_true",
                   help="diagnostic: play with the analyser's rules alone (its learned model left out)")
    p.add_argument("--failures", action="store_true", help="list the failed items")
    p.add_argument("--explain", action="store_true",
                   help="with --failures: what the analyser read in each line (* the learned model)")
    p.add_argument("--verbose", action="store_true", help="list every item with its verdict")
    a = p.parse_args()
    which = "heldout" if a.heldout else "all" if a.all else "dev"
    if a.file != QUESTIONS and not (a.heldout or a.all):
        which = "all"  # another file is run whole unless asked otherwise
    results = run(which, a.file, a.rules_only)
    print(f"[{a.file.name}: {which}{', rules only' if a.rules_only else ''}]")
    print(report(results, a.failures))
    if a.failures and a.explain:
        print("\nexplained:")
        for r in results:
            if not r.verdict.ok:
                print(f"  {r.item['id']} [{r.item['intent']}] {r.verdict.reason}\n{explain(r.item)}")
    if a.verbose:
        for r in results:
            print(f"{r.verdict.kind:<8} {r.item['id']} [{r.item['intent']}] {r.verdict.reason}\n"
                  f"    Q: {r.item['question']}\n    A: {r.reply}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
