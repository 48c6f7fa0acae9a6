"""Each move on sentences written for these tests (not from the development data)."""

from __future__ import annotations

import pytest

from simulator.nlu.analyser import analyze
from simulator.nlu.types import MOVES

CASES: list[tuple[str, str | None, set[str]]] = [
    ("Good morning, Mr. Alvarez.", None, {"greeting"}),
    ("Hey there, how are you doing today?", None, {"greeting"}),
    ("My name is Lena and I'm with Fairview Recovery.", None, {"self_identification"}),
    ("This is Omar from Bridgewater Collections.", None, {"self_identification"}),
    ("Am I speaking with Teresa Lopez?", None, {"identity_verification"}),
    ("Could you confirm the last four of your social for me?", None, {"identity_verification"}),
    ("This is an attempt to collect a debt, and any information obtained will be used for that "
     "purpose.", None, {"mini_miranda"}),
    ("Just so you know, this call is being recorded.", None, {"recording_notice"}),
    ("I'm calling about your Summit Bank credit card; the balance is $2,480.", None, {"state_debt"}),
    ("What's been going on since the last payment?", None, {"open_question"}),
    ("Can you tell me a bit more about what happened?", None, {"open_question"}),
    ("I'm so sorry to hear about your father.", "My dad passed away last month.", {"empathy"}),
    ("That sounds really stressful.", None, {"empathy"}),
    ("So since the shop closed, you've been picking up odd jobs to cover groceries.",
     "The shop I worked at closed, so I'm doing odd jobs just to buy groceries.", {"reflection"}),
    ("It sounds like the timing of your paychecks is the real problem.", None, {"reflection"}),
    ("What could you realistically afford each month?", None, {"ask_capacity"}),
    ("Are you able to pay the full $950 today?", None, {"request_full_payment"}),
    ("If you can pay $600 by Friday, we'll settle the account for that.", None,
     {"offer_settlement"}),
    ("We could break it into ten monthly payments of $95.", None, {"offer_payment_plan"}),
    ("How about $60 a month?", None, {"offer_payment_plan"}),
    ("We can push the first payment to after your next paycheck.", None, {"offer_alternative"}),
    ("There's a hardship program that might lower your payments.", None, {"offer_alternative"}),
    ("Just to confirm: $80 on the 5th of each month for 10 months, starting January 5th.", None,
     {"recap_agreement"}),
    ("I'll email you a confirmation letter this afternoon.", None, {"next_steps"}),
    ("Thanks for your time today, take care.", None, {"closing"}),
    ("If you don't pay, we'll have your wages garnished.", None, {"threat"}),
    ("It'd be a shame if your boss heard about this.", None, {"threat"}),
    ("Stop making excuses and pay what you owe.", None, {"pressure"}),
    ("You're an idiot.", None, {"abuse"}),
    ("Let me pull up your file.", None, set()),
    ("Thanks for holding.", None, set()),
    ("We're not going to sue you, I promise.", "Are you going to sue me?", set()),
]


@pytest.mark.parametrize(("text", "context", "want"), CASES)
def test_move_detected(text: str, context: str | None, want: set[str]) -> None:
    a = analyze(text, context)
    got = set(a.move_names)
    if want:
        assert want <= got, (text, got)
    else:
        assert not got & {"threat", "empathy", "pressure", "closing"}, (text, got)


def test_every_move_has_a_case() -> None:
    covered = set().union(*(w for _, _, w in CASES))
    assert covered == set(MOVES)


def test_amount_question_is_capacity_not_open_question() -> None:
    a = analyze("How much can you put toward this each month?")
    assert a.has("ask_capacity") and not a.has("open_question")


def test_yes_no_question_with_amount_is_the_offer() -> None:
    a = analyze("Could you manage $120 a month?")
    assert a.has("offer_payment_plan") and not a.has("ask_capacity")


def test_threat_with_deadline_is_also_pressure() -> None:
    a = analyze("Pay the balance by Friday or we'll take you to court.")
    assert a.has("threat") and a.has("pressure")


def test_recap_makes_no_new_offer() -> None:
    a = analyze("So to recap, six payments of $150 starting December 1st.")
    assert a.has("recap_agreement") and not a.has("offer_payment_plan")


def test_evidence_is_the_span_and_why_is_given() -> None:
    text = "Hi Dana. I'm sorry to hear that; what could you manage each month?"
    a = analyze(text, "I lost my job.")
    assert a.moves
    for m in a.moves:
        assert text[m.start:m.end] == m.evidence and m.evidence
        assert m.why


def test_reflection_uses_context() -> None:
    ctx = "My landlord raised the rent by two hundred dollars in August."
    line = "The rent went up two hundred in August and that's squeezed everything."
    assert analyze(line, ctx).has("reflection")
    assert not analyze(line).has("reflection")


def test_nearest_example_is_explained() -> None:
    from simulator.nlu.analyser import Analyser

    an = Analyser({"moves": {"empathy": {"examples": ["What a rotten week you have had."]}}})
    a = an.rules_only("what a rotten week you have had")
    assert a.has("empathy")
    assert next(m for m in a.moves if m.move == "empathy").why.startswith("similar to example")


def test_module_import_is_cheap() -> None:
    import subprocess
    import sys

    code = ("import sys, simulator.nlu.analyser; "
            "print('yaml' in sys.modules, 'pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
