"""Seeded random calls against every shipped persona, checked for the two things a
listener notices at once: a long line said twice in one call, and a line that refers
to something that has not happened ("I said that already" before anything was said).

The trainee's lines are drawn from the corpus in data/utterances/*.jsonl. The rules
below read only the transcript (replies, trainee lines, their moves and questions,
and the turn events), never the persona's conditions, so the check does not take the
persona's word for what it refers to.

    python tests/conversation/check.py            # 200 calls per persona, counts
    python tests/conversation/check.py --show 5   # and the first violations
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "data" / "utterances"
SCENARIOS = ("cooperative-basic", "hardship-basic", "resistant-basic", "hostile-basic",
             "third-party", "dispute-basic", "work-call", "with-attorney", "unwanted-calls", "validation-basic",
             "bankruptcy-basic", "deceased-basic", "servicemember-basic", "time-barred-basic")
LONG = 40
_SENT = re.compile(r"(?<=[.!?])\s+")


def corpus_lines() -> list[str]:
    """The trainee lines of data/utterances; without that corpus, the lines the QA suite
    and the shipped scenarios' checks say (still a few hundred real trainee lines)."""
    lines: list[str] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                text = json.loads(row).get("text", "")
                if text.strip():
                    lines.append(text)
    return lines or fallback_lines()


def fallback_lines() -> list[str]:
    import yaml

    lines: list[str] = []
    qa = ROOT / "tests" / "qa" / "questions.yaml"
    for item in yaml.safe_load(qa.read_text(encoding="utf-8")) if qa.is_file() else []:
        if not item.get("heldout"):
            lines += [*(item.get("setup") or []), item["question"]]
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        for check in yaml.safe_load(path.read_text(encoding="utf-8")).get("checks") or []:
            lines += check.get("lines") or []
    return sorted({str(x) for x in lines if str(x).strip()})


# --------------------------------------------------------------------------- the rules

@dataclass
class History:
    """What had happened before the turn being checked."""

    turns: list[Any]  # earlier turns
    current: Any  # the turn being checked

    def events(self) -> set[str]:
        return {e for t in self.turns for e in t.events}

    def any_event(self, prefix: str) -> bool:
        return any(e.startswith(prefix) for e in self.events())

    def trainee_moves(self) -> set[str]:
        return {m for t in self.turns for m in t.analysis.move_names}

    def trainee_intents(self) -> set[str]:
        return {a.intent for t in self.turns for a in getattr(t.analysis, "asks", ())}

    def states(self) -> set[str]:
        return {t.state for t in self.turns}


def _told_something(h: History) -> bool:
    return h.any_event("revealed:") or h.any_event("answered:") or h.any_event("offer_")


_DEBT_MOVES = frozenset({"state_debt", "mini_miranda", "request_full_payment", "pressure"})
_LIKE_I_SAID = re.compile(r"\b(?:like i (?:said|told you)|as i said|i (?:already |just )?told you),?\s+(.{0,80})", re.I)
_WORD = re.compile(r"[a-z']{4,}")


def _said_before(h: History) -> bool:
    """What follows "like I said" is in an earlier reply (two of its words at least)."""
    m = _LIKE_I_SAID.search(h.current.reply)
    if not m:
        return False
    words = set(_WORD.findall(m.group(1).lower()))
    return any(len(words & set(_WORD.findall(t.reply.lower()))) >= 2 for t in h.turns)


#: (pattern in a reply, what must have happened before, why)
RULES: list[tuple[re.Pattern[str], Callable[[History], bool], str]] = [
    (re.compile(r"\bi said that already\b|\bstill me\b|\bwe'?ve been over this\b|\bi told you,? it'?s\b", re.I),
     lambda h: "verified" in h.events() or any("identity_verification" in t.analysis.move_names for t in h.turns),
     "confirms an identity 'again' that was never asked or confirmed"),
    (re.compile(r"\byou (?:already )?asked (?:me )?that\b", re.I),
     lambda h: bool({a.intent for a in getattr(h.current.analysis, "asks", ())} & h.trainee_intents())
     or any(t.text.strip().lower() == h.current.text.strip().lower() for t in h.turns),
     "says 'you asked me that' to a first question"),
    (re.compile(r"\blike i (?:said|told you)\b|\bi (?:already |just )?told you\b|\bas i said\b", re.I),
     lambda h: _told_something(h) or _said_before(h),
     "says 'like I said' before saying anything"),
    (re.compile(r"\b(?:we|we'?ve) (?:already|just) agreed\b|\bthought we (?:just )?agreed\b|\bwe'?d settled on\b", re.I),
     lambda h: "offer_accepted" in h.events() or "promise_to_pay" in h.events(),
     "refers to an agreement that was never made"),
    (re.compile(r"\bpour my heart out\b|\bi just told you this\b", re.I),
     lambda h: h.any_event("revealed:"),
     "says they poured their heart out before telling anything"),
    (re.compile(r"\btold you where my money'?s going\b", re.I),
     lambda h: "revealed:tight" in h.events(),
     "refers to where his money goes before saying it"),
    (re.compile(r"\bkeep saying it\b|\bi heard the amount\b|\bi know what the balance is\b|\bi know what i owe\b", re.I),
     lambda h: bool((h.trainee_moves() | set(h.current.analysis.move_names)) & _DEBT_MOVES),
     "refers to the debt being stated before it was"),
    (re.compile(r"\bsorry for yelling\b|\bi'?m done yelling\b|\bwanting to say all that\b", re.I),
     lambda h: bool(h.states() & {"venting"}) or "escalated" in h.events(),
     "apologises for yelling before any yelling"),
    (re.compile(r"\byou just said you'?d stop\b|\bthought this was on hold\b", re.I),
     lambda h: bool(h.trainee_moves() & {"next_steps", "offer_alternative"}),
     "refers to a promise to pause that was never made"),
    (re.compile(r"\bthanks for reading it back\b", re.I),
     lambda h: "recap_agreement" in h.current.analysis.move_names,
     "thanks for a read-back that did not happen"),
    (re.compile(r"\bi'?ve told you twice\b", re.I),
     lambda h: sum(1 for t in h.turns if "offer_refused" in t.events or "escalated" in t.events) >= 1,
     "says 'twice' before once"),
    (re.compile(r"\b(?:yeah|yes),? you said\b|\byou already said\b", re.I),
     lambda h: len(h.turns) >= 1,
     "says 'you already said' on the first line"),
]


@dataclass
class Finding:
    scenario: str
    seed: int
    turn: int
    kind: str  # "repeat" or "premature"
    detail: str
    transcript: list[str] = field(default_factory=list)


def check_call(session: Any, scenario: str, seed: int) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for s in _SENT.split(session.opening):
        if len(s.strip()) >= LONG:
            seen[s.strip()] = 0
    turns = session.turns
    for i, t in enumerate(turns):
        sentences = [s.strip() for s in _SENT.split(t.reply) if len(s.strip()) >= LONG]
        if not sentences and len(t.reply.strip()) >= LONG:
            sentences = [t.reply.strip()]
        for s in sentences:
            if s in seen:
                out.append(Finding(scenario, seed, t.index, "repeat",
                                   f"said at turn {seen[s]} and again: {s!r}"))
            seen.setdefault(s, t.index)
        h = History(turns[:i], t)
        for pattern, happened, why in RULES:
            if pattern.search(t.reply) and not happened(h):
                out.append(Finding(scenario, seed, t.index, "premature", f"{why}: {t.reply!r}"))
        if re.search(r"\{[a-z_]+\.[a-z_0-9]+\}", t.reply):
            out.append(Finding(scenario, seed, t.index, "placeholder", t.reply))
    if out:
        tr = [f"debtor: {session.opening}"]
        for t in turns:
            tr += [f"  {t.index}. you: {t.text}", f"     debtor: {t.reply}  ({t.state}; {', '.join(t.events)})"]
        for f in out:
            f.transcript = tr
    return out


def random_calls(scenario: str, n: int, lines: list[str], max_turns: int = 24) -> list[Finding]:
    from simulator.session import Session

    findings: list[Finding] = []
    for seed in range(n):
        rng = random.Random(f"{scenario}:{seed}")
        session = Session.start(scenario, seed=seed)
        for _ in range(rng.randint(6, max_turns)):
            if session.ended:
                break
            session.say(rng.choice(lines))
        findings += check_call(session, scenario, seed)
    return findings


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, default=200, help="calls per persona")
    p.add_argument("--show", type=int, default=0, help="print this many findings with transcripts")
    p.add_argument("--scenario", action="append", help="only these scenarios")
    a = p.parse_args()
    lines = corpus_lines()
    if not lines:
        print(f"no corpus in {CORPUS}")
        return 1
    total: dict[str, int] = {}
    shown = 0
    for scn in a.scenario or SCENARIOS:
        found = random_calls(scn, a.n, lines)
        kinds = {k: sum(f.kind == k for f in found) for k in ("repeat", "premature", "placeholder")}
        print(f"{scn:<20} {a.n} calls: {kinds['repeat']} long lines said twice, "
              f"{kinds['premature']} premature references, {kinds['placeholder']} unfilled placeholders")
        for k, v in kinds.items():
            total[k] = total.get(k, 0) + v
        for f in found:
            if shown < a.show:
                shown += 1
                print(f"\n[{f.kind}] {f.scenario} seed {f.seed} turn {f.turn}: {f.detail}")
                print("\n".join(f.transcript))
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
