"""Recorded calls: import them, and score them with the same rubric as practice calls.

Accepted forms:

- JSON: a list of ``{"speaker": ..., "text": ...}``, or ``{"turns": [...]}`` with
  optional ``trainee`` (the agent's name) and ``balance`` (the account balance, which
  lets the misstated-balance rule run). Speakers ``agent``/``collector``/``rep``... and
  ``customer``/``debtor``/``client``..., in any case.
- Text: ``Agent: ...`` / ``Customer: ...`` lines; a line without a speaker continues
  the previous one; a leading ``[00:12]`` timestamp is ignored.

A recording has only the words. Preparation and documentation are reported as *not
assessed*, never as zero. Who was on the phone, verification, disputes, cease requests,
an attorney, hardship reveals and escalations are *inferred* from the customer's
words, and the scorecard says so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.context import CallView, FactInfo
from scoring.rubric import Rubric, load_default_rubric
from scoring.scorecard import Scorecard
from scoring.scorer import analyser_hashes
from simulator.engine.records import PartyFacts, Turn
from simulator.hashing import sha256_json
from simulator.nlu.types import OFFER_MOVES

AGENT_NAMES = frozenset({"agent", "collector", "rep", "representative", "caller", "trainee", "csr", "operator"})
CUSTOMER_NAMES = frozenset({"customer", "debtor", "client", "consumer", "borrower", "callee", "cardholder", "member"})
MAX_BYTES = 5 * 1024 * 1024
#: A fixed "today" so that relative dates ("next Friday") resolve the same on any day.
REFERENCE_DATE = dt.date(2026, 11, 20)


class TranscriptError(ValueError):
    """A transcript that cannot be read; the message says what and where (one line)."""


@dataclass
class Transcript:
    lines: list[tuple[str, str]]  # (role "agent" | "customer", text)
    trainee: str = ""
    balance: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"turns": [{"speaker": r, "text": t} for r, t in self.lines]}
        if self.trainee:
            d["trainee"] = self.trainee
        if self.balance is not None:
            d["balance"] = self.balance
        return d

    def content_hash(self) -> str:
        return sha256_json(self.to_dict())


# ---------------------------------------------------------------------------- parsing


def role_of(speaker: Any) -> str | None:
    s = re.sub(r"[^a-z]", "", str(speaker).lower())
    if s in AGENT_NAMES:
        return "agent"
    if s in CUSTOMER_NAMES:
        return "customer"
    return None


def _merge(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for role, text in lines:
        text = text.strip()
        if not text:
            continue
        if out and out[-1][0] == role:
            out[-1] = (role, f"{out[-1][1]} {text}")
        else:
            out.append((role, text))
    return out


def from_data(data: Any, source: str = "transcript") -> Transcript:
    """A transcript from parsed JSON (a list of turns, or an object with ``turns``)."""
    meta: dict[str, Any] = {}
    if isinstance(data, dict):
        meta = data
        data = data.get("turns")
        if data is None:
            raise TranscriptError(f"{source}: expected a list of turns or an object with 'turns'")
    if not isinstance(data, list):
        raise TranscriptError(f"{source}: 'turns' must be a list of {{speaker, text}} objects")
    lines: list[tuple[str, str]] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise TranscriptError(f"{source}: turn {i}: expected an object with 'speaker' and 'text'")
        low = {str(k).lower(): v for k, v in item.items()}
        speaker = low.get("speaker", low.get("role", low.get("from")))
        text = low.get("text", low.get("utterance", low.get("content")))
        if speaker is None or text is None:
            raise TranscriptError(f"{source}: turn {i}: needs 'speaker' and 'text'")
        role = role_of(speaker)
        if role is None:
            raise TranscriptError(
                f"{source}: turn {i}: unknown speaker {str(speaker)[:40]!r} (use agent/collector/rep or customer/debtor/client)"
            )
        lines.append((role, str(text)))
    balance = meta.get("balance")
    if balance is not None and (isinstance(balance, bool) or not isinstance(balance, int | float)):
        raise TranscriptError(f"{source}: 'balance' must be a number")
    return Transcript(_merge(lines), str(meta.get("trainee") or meta.get("agent_name") or ""),
                      None if balance is None else float(balance))


_LINE = re.compile(r"^\s*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?\s*)?([A-Za-z][A-Za-z _.-]{0,30}?)\s*:\s?(.*)$")


def from_text(text: str, source: str = "transcript") -> Transcript:
    """A transcript from ``Agent: ...`` / ``Customer: ...`` lines."""
    lines: list[tuple[str, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        m = _LINE.match(raw)
        role = role_of(m.group(1)) if m else None
        if role is not None and m is not None:
            lines.append((role, m.group(2)))
        elif lines:
            lines[-1] = (lines[-1][0], f"{lines[-1][1]} {raw.strip()}")
        else:
            raise TranscriptError(f"{source}:{n}: no speaker; expected lines like 'Agent: ...' or 'Customer: ...'")
    if not lines:
        raise TranscriptError(f"{source}: no 'Agent:' or 'Customer:' lines")
    return Transcript(_merge(lines))


def load_transcript(path: str | Path) -> Transcript:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise TranscriptError(f"{p}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise TranscriptError(f"{p}: too large ({len(raw) // 1024} KB; at most {MAX_BYTES // 1024 // 1024} MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TranscriptError(f"{p}: not UTF-8 text") from None
    if p.suffix.lower() == ".json" or text.lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TranscriptError(f"{p}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
        return from_data(data, str(p))
    return from_text(text, str(p))


# ---------------------------------------------------------------------------- inference

_YES = re.compile(r"^\W*(yes|yeah|yep|yup|speaking|this is (she|he|her|him|me)|that's me|that is me|it is|"
                  r"correct|that's right|i am|sure|uh-huh|mhm|it's me)\b|\bspeaking\b", re.I)
_NOT_THEM = re.compile(r"\b(not here|not home|isn't here|is not here|not available|wrong number|"
                       r"no one by that name|nobody by that name|doesn't live here|does not live here|"
                       r"can i take a message|take a message|this is (his|her) (wife|husband|mother|father|son|"
                       r"daughter|sister|brother|roommate|partner|friend))\b", re.I)
_DISPUTE = re.compile(r"\b(i dispute|dispute (this|the|it|that)|not my debt|(i )?don't owe|do not owe|"
                      r"never had (an|this|that) account|isn't mine|not mine|never opened)\b", re.I)
_CEASE = re.compile(r"\b(stop calling|don't call (me|here|again)|do not call|quit calling|never call|"
                    r"cease (all )?(contact|communication)|stop contacting)\b", re.I)
_ATTORNEY = re.compile(r"\b(my (attorney|lawyer)|represented by|have (a|an) (lawyer|attorney)|"
                       r"talk to my (lawyer|attorney))\b", re.I)
_HARDSHIP = re.compile(r"\b(lost (my|her|his) job|laid off|unemployed|out of work|hours (were|got) cut|"
                       r"cut my hours|medical (bills?)?|hospital|surgery|sick|illness|cancer|divorce|"
                       r"passed away|funeral|disability|can't afford|cannot afford|struggling|"
                       r"behind on (rent|everything|bills)|evict\w*|single (mom|mother|dad|father))\b", re.I)
_EMOTION = re.compile(r"\b(embarrassed|ashamed|scared|stressed|anxious|overwhelmed|upset|frustrated|"
                      r"angry|furious|worried|crying|terrified|humiliated)\b", re.I)
_ACCEPT = re.compile(r"^\W*(yes|yeah|ok|okay|sure|deal|fine|alright|all right)\b|\b(that works|i can do that|"
                     r"sounds good|let's do (it|that)|i'll do (it|that)|agreed)\b", re.I)
_REFUSE = re.compile(r"\b(can't (pay|afford|do) (that|it|this)|cannot (pay|afford)|no way|not possible|"
                     r"don't have (that|it|the money)|too much|i can't)\b", re.I)


def _facts_and_turns(tr: Transcript, analyse: Any) -> tuple[list[Turn], dict[str, FactInfo], str, list[float], float | None]:
    from simulator.engine.offers import read_terms

    lines = tr.lines
    opening_parts: list[str] = []
    i = 0
    while i < len(lines) and lines[i][0] == "customer":
        opening_parts.append(lines[i][1])
        i += 1
    opening = " ".join(opening_parts)
    pairs: list[tuple[str, str]] = []
    while i < len(lines):
        agent = lines[i][1]
        i += 1
        reply_parts: list[str] = []
        while i < len(lines) and lines[i][0] == "customer":
            reply_parts.append(lines[i][1])
            i += 1
        pairs.append((agent, " ".join(reply_parts)))

    analyses = []
    context = opening or None
    for agent, reply in pairs:
        analyses.append(analyse(agent, context=context, today=REFERENCE_DATE))
        context = reply or context
    balance = tr.balance
    if balance is None:
        for a in analyses:
            if a.has("state_debt"):
                amounts = [e.value for e in a.entities_of("money") if isinstance(e.value, int | float)]
                if amounts:
                    balance = float(max(amounts))
                    break
    terms_balance = balance or 0.0

    def tone(text: str) -> float:
        return analyse(text, today=REFERENCE_DATE).tone.score if text else 0.0

    opening_tone = tone(opening) if opening else None
    facts: dict[str, FactInfo] = {}
    turns: list[Turn] = []
    debtor_tones: list[float] = []
    party, verified, disclosed = "debtor", False, False
    disputed = cease = attorney = False
    revealed: list[str] = []
    for n, ((agent, reply), a) in enumerate(zip(pairs, analyses, strict=True), 1):
        before = PartyFacts(party, verified, disclosed, disputed, cease, attorney, tuple(revealed))
        events: list[str] = []
        offer = read_terms(a, terms_balance, REFERENCE_DATE) if terms_balance else None
        if a.has("mini_miranda") and party == "debtor":
            disclosed = True
        rt = tone(reply)
        debtor_tones.append(rt)
        if reply:
            if a.has("identity_verification"):
                if _NOT_THEM.search(reply):
                    party, verified = "third_party", False
                elif _YES.search(reply):
                    party = "debtor"
                    if not verified:
                        verified = True
                        events.append("verified")
            elif _NOT_THEM.search(reply) and not verified:
                party = "third_party"
            if _DISPUTE.search(reply) and not disputed:
                disputed = True
                events.append("dispute")
            if _CEASE.search(reply) and not cease:
                cease = True
                events.append("cease_requested")
            if _ATTORNEY.search(reply) and not attorney:
                attorney = True
                events.append("attorney")
            for kind, rx in (("hardship", _HARDSHIP), ("emotion", _EMOTION)):
                found = [m.group(0).lower() for m in rx.finditer(reply)]
                if found and not any(f.kind == kind and set(f.keywords) >= set(found) for f in facts.values()):
                    name = f"{kind}_{sum(1 for f in facts.values() if f.kind == kind) + 1}"
                    facts[name] = FactInfo(name, reply, kind, tuple(dict.fromkeys(found)))
                    revealed.append(name)
                    events.append(f"revealed:{name}")
            if offer is not None or any(a.has(m) for m in OFFER_MOVES):
                if _REFUSE.search(reply):
                    events.append("offer_refused")
                elif _ACCEPT.search(reply):
                    events.append("offer_accepted")
            if rt <= -0.35:
                events.append("escalated")
        turns.append(Turn(index=n, text=agent, analysis=a, reply=reply, state="", trigger="",
                          events=tuple(events), before=before, numbers={}, offer=offer))
    return turns, facts, opening, debtor_tones, opening_tone


def transcript_view(tr: Transcript, rubric: Rubric, analyse: Any = None) -> CallView:
    if analyse is None:
        from simulator.nlu.analyser import analyze as analyse
    turns, facts, opening, debtor_tones, opening_tone = _facts_and_turns(tr, analyse)
    return CallView(
        source="transcript",
        turns=turns,
        opening=opening,
        rubric=rubric,
        facts=facts,
        balance=tr.balance,
        inferred_party=True,
        debtor_tones=debtor_tones,
        opening_tone=opening_tone,
    )


def score_transcript(tr: Transcript, rubric: Rubric | None = None, *, created_at: Any = None) -> Scorecard:
    """Grade a recorded call. Pure given the transcript (no clock, no files)."""
    from scoring.scorer import score_view
    from simulator import __version__

    rubric = rubric or load_default_rubric()
    view = transcript_view(tr, rubric)
    meta: dict[str, Any] = {
        "tool_version": __version__,
        "source": "transcript",
        "scenario_id": None,
        "persona_id": None,
        "trainee": tr.trainee,
        "seed": None,
        "rubric": rubric.name,
        "hashes": {"transcript": tr.content_hash(), "rubric": rubric.content_hash(), **analyser_hashes()},
        "call": {"turns": len(view.turns), "ended_by": None, "unplayed": 0},
    }
    if created_at is not None:
        meta["created_at"] = created_at.isoformat() if hasattr(created_at, "isoformat") else str(created_at)
    meta["recording"] = tr.to_dict()
    card = score_view(view, meta)
    return card
