"""Example session records: one exemplary call per shipped archetype, and flawed variants.

They are ordinary trainee lines, played through the real engine. Tests use them to pin
what a good call scores; the scoring benchmark plays them once and times only the
scoring. Trainers can read them as worked examples of what the rubric rewards.
"""

from __future__ import annotations

import copy
from typing import Any

FULL_PREP = ["account_summary", "payment_history", "contact_notes", "creditor_policy"]

EXEMPLARY: dict[str, dict[str, Any]] = {
    "cooperative-basic": {
        "scenario": "cooperative-basic",
        "trainee": "alex",
        "seed": 7,
        "preparation": {
            "reviewed": FULL_PREP,
            "plan": {"objective": "full_payment", "settlement_floor": 0.8, "max_installments": 6},
            "call_time": "17:45",
        },
        "turns": [
            "Hi, good afternoon. May I speak with Jordan Whitaker?",
            "Hi Jordan, my name is Priya and I'm calling from Keystone Collections. This is an attempt "
            "to collect a debt, and any information obtained will be used for that purpose. I'm calling "
            "about your Harbor Bank Visa; the balance is $1,480.",
            "Can you tell me a little about what happened with the account?",
            "So the statements never made it to the new place after you moved in July. That makes "
            "sense, moving twice in one year is a lot.",
            "I see, so with the old checking account closed the autopay stopped. What would work best "
            "for you to get this resolved?",
            "Would you be able to pay the full $1,480 today by debit card?",
            "Great, so that's $1,480 today by debit card. I'll email you a receipt and a paid-in-full letter.",
            "Thanks so much for your help, Jordan. Have a great evening.",
        ],
        "agreement": {
            "outcome": "full_payment",
            "total_amount": 1480,
            "first_payment_date": "2026-11-20",
            "payment_method": "debit_card",
        },
        "notes": "Moved twice (March, July); statements went to the old address, autopay tied to a "
        "closed checking account. Paid $1,480 in full by debit card today. Receipt and "
        "paid-in-full letter to be emailed.",
    },
    "hardship-basic": {
        "scenario": "hardship-basic",
        "trainee": "alex",
        "seed": 42,
        "preparation": {
            "reviewed": FULL_PREP,
            "plan": {"objective": "payment_plan", "settlement_floor": 0.6, "max_installments": 18},
            "call_time": "18:30",
        },
        "turns": [
            "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
            "Thanks, Maria. I'm a debt collector and this is an attempt to collect a debt; any "
            "information obtained will be used for that purpose. I'm calling about your Lakeside card, "
            "the balance is $1,240.",
            "Can you tell me a bit about what's been going on?",
            "I'm so sorry to hear that. Losing the night shift job in August and putting rent first "
            "sounds really stressful.",
            "That's good news about the new job. How are you holding up with all of this?",
            "There's nothing to be embarrassed about, I appreciate you telling me. What could you "
            "realistically manage each month?",
            "We could set up a plan of $80 a month starting December 15th, after your first paycheck "
            "from the new job.",
            "So that's $80 a month by debit card for 16 months, starting December 15th. I'll email you "
            "a confirmation today.",
            "Thanks for working with me, Maria. Take care.",
        ],
        "agreement": {
            "outcome": "payment_plan",
            "total_amount": 1240,
            "installment_amount": 80,
            "installments": 16,
            "first_payment_date": "2026-12-15",
            "payment_method": "debit_card",
            "follow_up_date": "2026-12-16",
        },
        "notes": "Lost her job in August (night shift cut); embarrassed, stopped opening mail. New job "
        "starts December 1, first paycheck the 15th. Plan $80/month x 16 from Dec 15 by debit card. "
        "Confirmation emailed; follow up Dec 16.",
    },
    "resistant-basic": {
        "scenario": "resistant-basic",
        "trainee": "alex",
        "seed": 11,
        "preparation": {
            "reviewed": FULL_PREP,
            "plan": {"objective": "settlement", "settlement_floor": 0.6, "max_installments": 12},
            "call_time": "12:15",
        },
        "turns": [
            "Hi, is this Tony Russo?",
            "This is Dana with Keystone Collections.",
            "I'm calling about a personal loan with Crestview Lending. This is an attempt to collect a "
            "debt, and any information obtained will be used for that purpose.",
            "I understand. We're a licensed collection agency, and I'll send you a letter today with all "
            "of this in writing.",
            "Sounds like you've had a bad experience with collectors before. What happened?",
            "I'm sorry, losing four hundred bucks to a scam caller would make anyone careful. That must "
            "have been really frustrating.",
            "I can only imagine juggling that with clients paying on ninety days. How has business been lately?",
            "What could you put toward it each month?",
            "Okay, so that's $200 a month for 12 months, first payment December 5th, by bank transfer.",
            "I'll send you the agreement in writing today, before the first payment comes out.",
            "Thanks for your time, Tony. Take care.",
        ],
        "agreement": {
            "outcome": "payment_plan",
            "total_amount": 2350,
            "installment_amount": 200,
            "installments": 12,
            "first_payment_date": "2026-12-05",
            "payment_method": "bank_transfer",
        },
        "notes": "Distrusts collectors: lost $400 to a scam caller last year. Business slow since "
        "spring, clients paying on ninety days; has money put aside for the truck's transmission. "
        "Plan $200/month x 12 from Dec 5 by bank transfer. Agreement to be sent in writing today.",
    },
    "hostile-basic": {
        "scenario": "hostile-basic",
        "trainee": "alex",
        "seed": 3,
        "preparation": {
            "reviewed": FULL_PREP,
            "plan": {"objective": "payment_plan", "settlement_floor": 0.5, "max_installments": 24},
            "call_time": "19:10",
        },
        "turns": [
            "Good evening, may I speak with Gary Kowalski?",
            "This is Marcus with Keystone Collections. This is an attempt to collect a debt, and any "
            "information obtained will be used for that purpose. I'm calling about a balance of $1,875 "
            "with St. Vincent Regional Medical Center.",
            "I hear you. It sounds like the last agency really crossed a line, calling you at work like that.",
            "That's completely fair, I'd be angry too. Can you tell me what happened with the ER visit?",
            "So you called your insurance first, and they told you it was covered. How have things been "
            "for you since then?",
            "I can only imagine how stressful that is with your youngest in college. What would be "
            "manageable for you each month?",
            "We could do $100 a month for 19 months, starting December 15th.",
            "So that's $100 a month for 19 months starting December 15th. I'll send you the agreement in "
            "writing, with a note that you're not to be called at work.",
            "Thank you for hearing me out, Gary. Have a good night.",
        ],
        "agreement": {
            "outcome": "payment_plan",
            "total_amount": 1875,
            "installment_amount": 100,
            "installments": 19,
            "first_payment_date": "2026-12-15",
            "payment_method": "check",
            "follow_up_date": "2026-12-16",
        },
        "notes": "Angry about the last agency calling him at work; do not call at work. ER visit he says "
        "insurance told him was covered; youngest in college, money tight. Plan $100/month x 19 from "
        "Dec 15. Agreement to be sent in writing.",
    },
}


def exemplary(scenario: str) -> dict[str, Any]:
    """A fresh copy of the exemplary record for a scenario."""
    return copy.deepcopy(EXEMPLARY[scenario])


def variants() -> list[dict[str, Any]]:
    """Exemplary records and flawed variants of them: a realistic mix for benchmarks."""
    out: list[dict[str, Any]] = []
    for name in EXEMPLARY:
        good = exemplary(name)
        out.append(good)
        late = exemplary(name)
        late["preparation"]["call_time"] = "22:30"
        out.append(late)
        rigid = exemplary(name)
        rigid["turns"] = rigid["turns"][:3] + [
            f"You need to pay the full balance today. {rigid['turns'][1].split('.')[0]}.",
            "I need the full balance paid today.",
            "Can you pay the full balance today?",
        ]
        rigid["agreement"] = {"outcome": "no_agreement"}
        rigid["notes"] = ""
        out.append(rigid)
        rude = exemplary(name)
        rude["turns"] = rude["turns"][:2] + ["Pay today or we'll take you to court and garnish your wages."]
        out.append(rude)
    return out
