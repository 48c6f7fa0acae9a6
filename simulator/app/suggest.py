"""Better-line suggestions: for a weak turn, one line that would have earned the points.

Pure (no Textual). The rules and the lines are data (``scoring/suggestions.yaml``,
beside the rubric); this module only matches them against a call's turns and fills
the placeholders from the persona's facts and the account. The same rules serve the
scorecard's replay (a stored card: its transcript's moves and events) and coach mode
(the call in progress), so a trainee sees the same advice in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from simulator import words


def data_path() -> Path:
    """Beside the rubric, in the scoring package (so it ships in the wheel)."""
    import scoring

    return Path(scoring.__file__).resolve().parent / "suggestions.yaml"


@dataclass(frozen=True)
class TurnView:
    """What a rule reads from one turn."""

    index: int
    moves: tuple[str, ...]
    events: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    turn: int
    rule: str
    move: str  # the move that would have earned the points
    line: str
    why: str
    lost: dict[str, str]

    @property
    def move_words(self) -> str:
        return words.move(self.move)


@dataclass(frozen=True)
class Facts:
    """What the lines are filled from; any of it may be unknown."""

    debtor: str = ""
    debtor_full: str = ""
    agency: str = ""
    creditor: str = ""
    balance: str = ""
    fact_kinds: tuple[tuple[str, str], ...] | None = None  # (fact, kind); None: unknown


@cache
def rules() -> dict[str, Any]:
    """The shipped suggestion rules (validated enough to fail loudly on a typo)."""
    from simulator.yamlio import read_yaml

    path = data_path()
    loaded = read_yaml(path, kind="suggestions")
    if loaded.problems:
        raise ValueError(str(loaded.problems[0]))
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ValueError(f"{path}: expected a mapping with a list of rules")
    known_when = {"moves_any", "before_event", "before_move", "after_reveal", "without_moves"}
    for rule in data["rules"]:
        where = f"{path}: rule {rule.get('id')!r}"
        unknown = set(rule.get("when") or {}) - known_when
        if unknown:
            raise ValueError(f"{where}: unknown condition(s) {', '.join(sorted(unknown))}")
        if rule.get("move") not in words.MOVES:
            raise ValueError(f"{where}: {rule.get('move')!r} is not a move")
        if not rule.get("lines"):
            raise ValueError(f"{where}: no lines")
        for line in rule["lines"]:
            slots = set(_SLOT.findall(line)) - PLACEHOLDERS
            if slots:
                raise ValueError(f"{where}: unknown placeholder(s) {', '.join(sorted(slots))}")
    return data


def cost_per_line() -> float:
    """Points a taken suggestion costs: the scorer's figure, so the two never differ."""
    from scoring.coach_help import cost_per_line as scorer_cost

    return scorer_cost()


def _revealed(events: tuple[str, ...]) -> list[str]:
    return [e.split(":", 1)[1] for e in events if e.startswith("revealed:")]


def _fires(when: dict[str, Any], turns: list[TurnView], i: int, facts: Facts) -> str | None:
    """"" or the fact the rule is about when it fires on turns[i]; None when it does not."""
    turn = turns[i]
    fact = ""
    if "moves_any" in when and not set(when["moves_any"]) & set(turn.moves):
        return None
    if "without_moves" in when and set(when["without_moves"]) & set(turn.moves):
        return None
    if "before_event" in when and any(when["before_event"] in t.events for t in turns[:i]):
        return None
    if "before_move" in when and any(when["before_move"] in t.moves for t in turns[: i + 1]):
        return None
    if "after_reveal" in when:
        if i == 0:
            return None
        kinds = dict(facts.fact_kinds) if facts.fact_kinds is not None else None
        candidates = [f for f in _revealed(turns[i - 1].events)
                      if kinds is None or kinds.get(f) in when["after_reveal"]]
        if not candidates:
            return None
        fact = candidates[-1]
    return fact


PLACEHOLDERS = frozenset({"debtor", "debtor_full", "agency", "creditor", "fact"})
_OPTIONAL = re.compile(r"\[([^\[\]|]*)(?:\|([^\[\]]*))?\]")
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, facts: Facts, fact: str = "") -> str:
    """A line with its placeholders filled. ``[text]`` is kept only when every
    placeholder in it is known; ``[text|other]`` gives ``other`` otherwise."""
    values = {
        "debtor": facts.debtor, "debtor_full": facts.debtor_full, "agency": facts.agency,
        "creditor": facts.creditor, "fact": words.fact(fact) if fact else "",
    }

    def known(text: str) -> bool:
        return all(values.get(name) for name in _SLOT.findall(text))

    def optional(m: re.Match[str]) -> str:
        return m.group(1) if known(m.group(1)) else (m.group(2) or "")

    text = _OPTIONAL.sub(optional, template)
    return _SLOT.sub(lambda m: values.get(m.group(1)) or "", text)


def suggest(turns: list[TurnView], i: int, facts: Facts,
            accept: Any = None) -> Suggestion | None:
    """The first rule that fires on turns[i] (and that ``accept`` takes), filled in."""
    for rule in rules()["rules"]:
        fact = _fires(rule.get("when") or {}, turns, i, facts)
        if fact is None:
            continue
        lost = dict(rule.get("lost") or {})
        if accept is not None and not accept(lost, turns[i].index):
            continue
        lines = rule["lines"]
        line = fill(lines[turns[i].index % len(lines)], facts, fact)
        return Suggestion(turns[i].index, rule["id"], rule["move"], line, rule.get("why", ""), lost)
    return None


# ---------------------------------------------------------------- a stored scorecard
def _lost_on_card(card: dict[str, Any], lost: dict[str, str], turn: int) -> bool:
    """Does the card hold the finding the rule names, at this turn?"""
    if "violation" in lost:
        return any(v.get("rule") == lost["violation"] and v.get("turn") == turn
                   for v in (card.get("compliance") or {}).get("violations") or [])
    if "check" in lost:
        for dim in (card.get("dimensions") or {}).values():
            for c in dim.get("checks") or []:
                if c.get("id") != lost["check"] or not c.get("applies", True):
                    continue
                if (c.get("earned") or 0) >= (c.get("points") or 0):
                    return False
                return any(e.get("turn") == turn for e in c.get("evidence") or [])
    return False


def facts_from_card(card: dict[str, Any], record: dict[str, Any] | None = None) -> Facts:
    """Names from the record's account file when it carries one; otherwise none."""
    record = record or (card.get("meta") or {}).get("session") or {}
    account = record.get("account") if isinstance(record.get("account"), dict) else {}
    debtor = account.get("debtor") if isinstance(account.get("debtor"), dict) else {}
    first = str(debtor.get("first_name") or "")
    last = str(debtor.get("last_name") or "")
    return Facts(debtor=first, debtor_full=f"{first} {last}".strip(),
                 agency=str(account.get("agency") or ""))


def for_card(card: dict[str, Any], record: dict[str, Any] | None = None,
             facts: Facts | None = None) -> dict[int, Suggestion]:
    """Turn -> suggestion, for each turn of a scorecard that lost points to a rule."""
    transcript = [t for t in card.get("transcript") or [] if isinstance(t, dict)]
    turns = [
        TurnView(int(t.get("turn") or 0),
                 tuple(m.get("move", "") if isinstance(m, dict) else str(m) for m in t.get("moves") or []),
                 tuple(str(e) for e in t.get("events") or []))
        for t in transcript
    ]
    facts = facts or facts_from_card(card, record)
    out: dict[int, Suggestion] = {}
    for i, turn in enumerate(turns):
        s = suggest(turns, i, facts, lambda lost, n: _lost_on_card(card, lost, n))
        if s is not None:
            out[turn.index] = s
    return out


# ---------------------------------------------------------------- the call in progress
def facts_from_session(session: Any) -> Facts:
    account = session.account
    debtor = account.debtor
    persona_facts = getattr(session.persona, "facts", {}) or {}
    return Facts(
        debtor=debtor.first_name, debtor_full=f"{debtor.first_name} {debtor.last_name}",
        agency=getattr(account.account, "agency", "") or "",
        creditor=getattr(account.account, "creditor", "") or "",
        fact_kinds=tuple((name, getattr(f, "kind", "info")) for name, f in persona_facts.items()),
    )


def live(session: Any) -> Suggestion | None:
    """After the last turn of the call in progress: a better line, or None."""
    turns = [TurnView(t.index, tuple(m.move for m in t.analysis.moves), tuple(t.events))
             for t in session.turns]
    if not turns:
        return None
    return suggest(turns, len(turns) - 1, facts_from_session(session))
