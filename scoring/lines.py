"""What one trainee line does to the floor: its scoring moves counted once per stretch of
words, and an open question the same line moves past before the debtor can answer.

Kept apart from ``scoring.context`` (which reads them for the monologue rule) so that the
call view stays one screenful of facts.
"""

from __future__ import annotations

from simulator.engine.records import Turn

#: Moves that earn credit somewhere on the card (``scoring.context`` re-exports it).
SCORING_MOVES: frozenset[str] = frozenset({
    "open_question", "empathy", "reflection", "ask_capacity", "request_full_payment",
    "offer_settlement", "offer_payment_plan", "offer_alternative", "recap_agreement", "next_steps",
})


def scoring_groups(t: Turn) -> list[str]:
    """The line's scoring moves, one per stretch of words: moves read on overlapping words
    count once ("What would work for you" read as open_question and ask_capacity is one
    question: tester9's 29-word line was called a monologue of four moves)."""
    spans = sorted((m.start, m.end, m.move) for m in t.analysis.moves if m.move in SCORING_MOVES)
    out: list[str] = []
    end = -1
    for start, stop, move in spans:
        if out and start < end and stop > start:
            end = max(end, stop)
            continue
        out.append(move)
        end = stop
    return out


#: Moves that take the floor back from a question just asked: an offer, a demand, a recap.
_PAST_QUESTION: frozenset[str] = frozenset({"offer_settlement", "offer_payment_plan", "offer_alternative", "request_full_payment",
                            "recap_agreement"})


def rushed_question(t: Turn) -> str | None:
    """The open question a line asked and then moved past to an offer before the debtor
    could answer ("Can you tell me a bit about what's been going on? Okay, so the best
    option is $155 a month...": tester9)."""
    asks = [m for m in t.analysis.moves if m.move == "open_question"]
    for q in asks:
        # an offer move after the question, or a figure the line answers it with ("What would
        # work best for you? Awesome, I'll put you down for $155 a month then.")
        if any(m.move in _PAST_QUESTION and m.start >= q.end for m in t.analysis.moves) or any(
                e.start >= q.end for e in t.analysis.entities_of("money")):
            return t.text[q.start:q.end] or q.evidence
    return None
