"""Notes that say what the call did not: a falsified record, like a false form.

A wrap-up form is held to the call by ``scoring.checks.documentation``; the notes are
the other half of the record, and the next collector (and any audit) acts on them. Two
kinds of untrue notes (tester9, 2026-12-03):

- a denial the call contradicts: "Left name and number only" after the creditor was named
  to the roommate; "debt not discussed" after the balance and an offer were put to a
  debtor at work. Such notes hide a violation from whoever reads the file next;
- a fact the debtor never said: "new job Dec 1" in a call where no new job came up.

A denial conceals what was done on the account: a compliance officer treats it as a
falsified account record, the rule ``falsified_record`` (15 U.S.C. 1692e(2)(A),
1692e(10)), critical, as for a false form. A debtor fact nobody said misinforms the next
caller but conceals no conduct: it costs the notes' key-fact credit (documentation), not
the session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.context import SPEAKS_FOR_DEBTOR, CallView
from scoring.text import keyword_hits
from simulator.rxcache import compile as rx

#: Notes that say nothing about the debt reached a third party.
SAID_NOTHING_TO_THIRD_PARTY = rx(
    r"\b(?:left\s+)?(?:my\s+|a\s+)?(?:first\s+)?name\s+(?:and|&|\+|n)\s+(?:phone\s+|call-?back\s+)?(?:number|#|no\.?)\s+only\b|"
    r"\bonly\s+(?:left\s+)?(?:my\s+|a\s+)?(?:first\s+)?name\s+(?:and|&|\+)\s+(?:phone\s+|call-?back\s+)?(?:number|#|no\.?)\b|"
    r"\bno\s+(?:account\s+|debt\s+)?(?:details?|info(?:rmation)?)\s+(?:was\s+|were\s+)?(?:given|left|disclosed|shared)\b|"
    r"\b(?:debt|acct|account|balance)\s+(?:was\s+)?(?:not|never)\s+(?:disclosed|revealed)\b", re.I)
#: Notes that say the debt was not discussed at all.
#: ("not discussed further", "not discussed after the dispute" say when it stopped: true.)
_NOT_SINCE = r"(?!\s+(?:further|after|since|again|beyond|once|past|until|more|any\s+further|w/|with\s+(?:her|him|them)))"
DEBT_NOT_DISCUSSED = rx(
    r"\b(?:debt|acct|account|balance)\s+(?:was\s+)?(?:not|never)\s+(?:discussed|mentioned|raised|brought\s+up|talked\s+about)\b"
    + _NOT_SINCE + r"|"
    r"\bdid(?:n'?t|\s+not)\s+(?:discuss|mention|raise|bring\s+up|talk\s+about)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:debt|acct|account|balance)\b" + _NOT_SINCE, re.I)
#: Moves that discuss the debt with whoever is on the phone.
_DEBT_TALK = ("state_debt", "request_full_payment", "offer_settlement", "offer_payment_plan", "offer_alternative",
              "ask_capacity", "recap_agreement")


@dataclass(frozen=True)
class FalseNote:
    """A sentence of the notes, and the turn and words of the call that contradict it."""

    sentence: str
    turn: int
    quote: str
    why: str


def _sentences(notes: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;!?])\s+|\n+", notes) if s.strip()]


def _debt_named(view: CallView, t) -> str | None:  # noqa: ANN001  (a Turn)
    from scoring.compliance import third_party_reveals

    words, _, _ = third_party_reveals(view, t, False)
    return words or None


def denials(view: CallView) -> list[FalseNote]:
    """Sentences of the notes that deny what the call did."""
    notes = (view.record.notes or "") if view.record is not None else ""
    if not notes.strip() or any(t.before is None for t in view.turns):
        return []
    out: list[FalseNote] = []
    for s in _sentences(notes):
        if SAID_NOTHING_TO_THIRD_PARTY.search(s):
            hit = next(((t, w) for t in view.turns if t.before.party not in SPEAKS_FOR_DEBTOR
                        and (w := _debt_named(view, t))), None)
            if hit is not None:
                t, w = hit
                out.append(FalseNote(s, t.index, w, f'the call named the debt to a third party at turn {t.index} ("{w}")'))
                continue
        if DEBT_NOT_DISCUSSED.search(s):
            hit = next(((t, m) for t in view.turns for m in _DEBT_TALK if t.analysis.has(m)), None)
            if hit is not None:
                t, m = hit
                from scoring.text import move_quote

                w = move_quote(t, m) or t.text
                out.append(FalseNote(s, t.index, w, f'the debt was discussed at turn {t.index} ({m.replace("_", " ")}: "{w}")'))
    return out


def invented_facts(view: CallView) -> list[tuple[str, list[str]]]:
    """(fact name, the notes' words for it) for each debtor fact the notes record that
    nobody said in the call and neither the account file nor the scenario brief holds
    ("new job Dec 1")."""
    if view.record is None or view.result is None or not view.facts:
        return []
    notes = view.record.notes or ""
    if not notes.strip():
        return []
    said = " ".join([view.opening or ""] + [t.text for t in view.turns] + [t.reply or "" for t in view.turns])
    if view.scenario is not None:  # the case brief the trainee read ("the last agency called
        # him at work six times a day": tester11 3.7's notes were held to have invented it)
        said += " " + " ".join(str(getattr(view.scenario, k, "") or "") for k in ("description", "objective_hint"))
    if view.account is not None:
        said += " " + " ".join(f"{k} {v}" for rows in view.account.sections().values() for k, v in rows)
    out = []
    for name, fact in view.facts.items():
        if name in view.result.revealed or not fact.keywords:
            continue
        hits = [h for h in keyword_hits(fact.keywords, notes) if not keyword_hits([h], said)]
        # one phrase ("new job", "night shift") or two words: not a stray common word
        if any(" " in h or "-" in h for h in hits) or len(hits) >= 2:
            out.append((name, hits))
    return out
