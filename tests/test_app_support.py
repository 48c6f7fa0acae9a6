"""Helpers shared by the app tests (no tests here): a temporary COLLECTSIM_HOME, and
a driver that plays a whole session by typing, the way a trainee would."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled


def run_async(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test without an async pytest plugin (the project ships none)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


SECTIONS_READ = ("2", "3", "4", "6")  # summary, payment history, contact notes, policy


@dataclass
class Script:
    """One practice session: the lines to type and the wrap-up form."""

    scenario: str
    lines: list[str]
    objective: str = "payment_plan"
    floor_pct: str = "60"
    max_installments: str = "12"
    notes: str = ""
    wrap: dict[str, str] = field(default_factory=dict)  # field id -> typed text
    outcome: str = "no_agreement"
    method: str | None = None


SCRIPTS: dict[str, Script] = {
    "cooperative-basic": Script(
        "cooperative-basic",
        [
            "Hi, good afternoon. May I speak with Jordan Whitaker?",
            "Hi Jordan, my name is Priya and I'm calling from Keystone Collections. This is an attempt to collect a debt, and any information obtained will be used for that purpose. I'm calling about your Harbor Bank Visa; the balance is $1,480 and it's about 95 days past due.",
            "Can you tell me a little about what happened with the account?",
            "That makes sense, moving twice in one year is a lot. Would you be able to pay the full $1,480 today?",
            "Great, so that's $1,480 today by debit card. I'll email you a receipt and a paid-in-full letter.",
            "Thanks so much for your help, Jordan. Have a great evening.",
        ],
        objective="full_payment", floor_pct="80", max_installments="6",
        notes="Moved twice; statements went to old address. Paying $1,480 today by debit card. Receipt emailed.",
        wrap={"total_amount": "1480", "first_payment_date": "2026-11-20"},
        outcome="full_payment", method="debit_card",
    ),
    "hardship-basic": Script(
        "hardship-basic",
        [
            "Good evening, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?",
            "Thanks, Maria. This is an attempt to collect a debt, and any information obtained will be used for that purpose. I'm calling about your Lakeside card, the balance is $1,240.",
            "Can you tell me a bit about what's been going on?",
            "I'm so sorry to hear that, that sounds really stressful.",
            "What could you realistically manage each month?",
            "We could set up a plan of $80 a month starting December 15th.",
            "So that's $80 a month by debit card, starting December 15th. I'll email you a confirmation today.",
            "Thanks for working with me, Maria. Take care.",
        ],
        objective="payment_plan", floor_pct="60", max_installments="18",
        notes="Lost her job; plan $80 a month from Dec 15 by debit card. Confirmation emailed.",
        wrap={"total_amount": "1240", "installment_amount": "80", "installments": "16",
              "first_payment_date": "2026-12-15", "follow_up_date": "2026-12-16"},
        outcome="payment_plan", method="debit_card",
    ),
    "resistant-basic": Script(
        "resistant-basic",
        [
            "Hi, is this Tony Russo?",
            "This is Dana with Keystone Collections.",
            "I'm calling about a personal loan with Crestview Lending. This is an attempt to collect a debt, and any information obtained will be used for that purpose.",
            "I understand. We're a licensed collection agency, and I'll send you a letter today with all of this in writing.",
            "Sounds like you've had a bad experience with collectors before.",
            "That must have been really frustrating.",
            "What could you put toward it each month?",
            "Okay, so that's $200 a month for 12 months, first payment December 5th, by bank transfer.",
            "I'll send you the agreement in writing today, before the first payment comes out.",
            "Thanks for your time, Tony. Take care.",
        ],
        objective="payment_plan", floor_pct="60", max_installments="12",
        notes="Burned by collectors before; slow season. Plan $200 x 12 from Dec 5 by bank transfer. Letter sent.",
        wrap={"total_amount": "2400", "installment_amount": "200", "installments": "12",
              "first_payment_date": "2026-12-05", "follow_up_date": "2026-12-06"},
        outcome="payment_plan", method="bank_transfer",
    ),
    "hostile-basic": Script(
        "hostile-basic",
        [
            "Good evening, may I speak with Gary Kowalski?",
            "This is Marcus with Keystone Collections. This is an attempt to collect a debt, and any information obtained will be used for that purpose. I'm calling about a balance of $1,875 with St. Vincent Regional Medical Center.",
            "I hear you. It sounds like the last agency really crossed a line.",
            "That's completely fair, I'd be angry too.",
            "So you called your insurance first, and they told you it was covered.",
            "What would be manageable for you each month?",
            "We could do $100 a month for 19 months, starting December 15th.",
            "So that's $100 a month for 19 months starting December 15th. I'll send you the agreement in writing, with a note that you're not to be called at work.",
            "Thank you for hearing me out, Gary. Have a good night.",
        ],
        objective="payment_plan", floor_pct="50", max_installments="24",
        notes="ER bill; insurance said covered. Plan $100 x 19 from Dec 15. Agreement in writing; not at work.",
        wrap={"total_amount": "1900", "installment_amount": "100", "installments": "19",
              "first_payment_date": "2026-12-15", "follow_up_date": "2026-12-16"},
        outcome="payment_plan", method="check",
    ),
    "third-party": Script(
        "third-party",
        [
            "Hi, may I speak with Alicia Moreno, please?",
            "Could you ask her to call me back? My name is Sam and my number is 800-555-0142.",
            "Thanks so much, have a good night.",
        ],
        objective="payment_plan", floor_pct="70", max_installments="6",
        notes="Roommate answered. Left name and number only; callback requested.",
        wrap={"follow_up_date": "2026-11-21"},
        outcome="callback",
    ),
}

THREAT = Script(
    "hostile-basic",
    [
        "Is this Gary Kowalski?",
        "This is Keystone Collections, this is an attempt to collect a debt. You owe $1,875 to St. Vincent.",
        "Pay today or we'll have you arrested.",
        "Hello?",
    ],
    objective="full_payment", floor_pct="50", max_installments="24",
    notes="Hung up.", outcome="refused",
)

def _outcome_order() -> list[str]:
    from simulator.app.screens.wrapup import outcomes

    return outcomes()


OUTCOME_ORDER = _outcome_order()
METHOD_ORDER = ["debit_card", "credit_card", "bank_transfer", "check", "cash", "online", "money_order"]
OBJECTIVE_ORDER = ["full_payment", "settlement", "payment_plan"]


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen refresh."""
    for _ in range(3):
        await pilot.pause()
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            pass
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type text as key events through the driver, like a terminal sends them.

    ``pilot.press`` waits for the app to go idle after every key (tens of ms each);
    this queues the same Key events in order and waits once at the end.
    """
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    driver = app._driver
    assert driver is not None
    for ch in text:
        key = _character_to_key(ch) if len(ch) == 1 and not ch.isalnum() else ch
        event = events.Key(key, ch)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()


async def choose(pilot: Pilot[Any], selector: str, index: int) -> None:
    """Pick the index-th option of a Select with the keyboard."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.press("enter")
    await pilot.pause()
    # From the top (the list opens on the current choice), past the blank prompt.
    await pilot.press("home", *(["down"] * (index + 1)), "enter")
    await pilot.pause()


async def fill(pilot: Pilot[Any], selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.press("home", "ctrl+k")  # start of line, delete to the end
    await type_text(pilot, text)


def screen_name(pilot: Pilot[Any]) -> str:
    return type(pilot.app.screen).__name__


async def home_to_call(pilot: Pilot[Any], script: Script, trainee: str = "alex") -> None:
    """Type the trainee name, pick the scenario, read the file, plan, dial."""
    app: Any = pilot.app
    await settle(pilot)
    assert screen_name(pilot) == "HomeScreen"
    if not app.trainee:
        await type_text(pilot, trainee)
        await pilot.press("enter")
    ids = [info.id for info in app.catalog]
    # From the top: back on Home, the cursor is wherever it was left.
    await pilot.press("ctrl+home", *(["down"] * ids.index(script.scenario)))
    await pilot.press("enter")
    await settle(pilot)
    assert screen_name(pilot) == "PreparationScreen", screen_name(pilot)
    await pilot.press(*SECTIONS_READ)
    await choose(pilot, "#objective", OBJECTIVE_ORDER.index(script.objective))
    await fill(pilot, "#settlement_floor", script.floor_pct)
    await fill(pilot, "#max_installments", script.max_installments)
    await fill(pilot, "#opening", "Verify, disclose, then listen")
    await pilot.press("f5")
    await settle(pilot)
    assert screen_name(pilot) == "CallScreen", screen_name(pilot)
    assert app.session.scenario.id == script.scenario, app.session.scenario.id


async def talk(pilot: Pilot[Any], lines: list[str]) -> int:
    """Type each line and press Enter until the call ends; return lines sent."""
    app: Any = pilot.app
    sent = 0
    for line in lines:
        if app.session.ended:
            break
        await type_text(pilot, line)
        await pilot.press("enter")
        await settle(pilot)
        sent += 1
    return sent


async def call_to_scorecard(pilot: Pilot[Any], script: Script) -> None:
    """Write notes, end the call, fill in the wrap-up form and submit it."""
    if script.notes:
        await pilot.press("f4")
        await type_text(pilot, script.notes)
        await pilot.press("f4")
    await pilot.press("ctrl+e")
    await settle(pilot)
    assert screen_name(pilot) == "WrapUpScreen"
    await choose(pilot, "#outcome", OUTCOME_ORDER.index(script.outcome))
    for field_id, text in script.wrap.items():
        if pilot.app.screen.query_one(f"#box-{field_id}").display:  # the outcome needs it
            await fill(pilot, f"#{field_id}", text)
    if script.method and pilot.app.screen.query_one("#box-payment_method").display:
        await choose(pilot, "#payment_method", METHOD_ORDER.index(script.method))
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert screen_name(pilot) == "ScorecardScreen", screen_name(pilot)


def shown(pilot: Pilot[Any], selector: str) -> str:
    """The plain text a Static shows."""
    widget: Any = pilot.app.screen.query_one(selector)
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(content)


# -- the team store ---------------------------------------------------------------

TEAM_TRAINEES = {"alex": ("north", 55.0), "blair": ("north", 66.0), "casey": ("south", 72.0)}
TEAM_SCENARIOS = ("hardship-basic", "hostile-basic")
DIM_OFFSETS = (-6.0, 3.0, -2.0, 5.0, 0.0)


def team_cards(count: int = 20) -> list[dict[str, Any]]:
    """Fake scorecards: 3 trainees in 2 teams, 2 scenarios, over 4 weeks from Monday
    2 March 2026 (noon UTC, so the date is the same in every time zone); everyone
    improves a little each week."""
    import datetime as dt

    from store_fixtures import DIMENSIONS, make_scorecard

    names = list(TEAM_TRAINEES)
    cards = []
    for i in range(count):
        trainee = names[i % len(names)]
        team, base = TEAM_TRAINEES[trainee]
        week, day = divmod(i, 5)
        overall = min(100.0, base + 4 * week + (i % 4) - 1.5)
        dims = {d: max(0.0, min(100.0, overall + off)) for d, off in zip(DIMENSIONS, DIM_OFFSETS, strict=True)}
        when = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC) + dt.timedelta(weeks=week, days=day, minutes=i)
        cards.append(make_scorecard(i, trainee=trainee, scenario=TEAM_SCENARIOS[i % 2], overall=overall,
                                    dims=dims, created_at=when, team=team))
    return cards


def seed_team_store(url: str, count: int = 20) -> None:
    """Save :func:`team_cards` into the store at ``url``."""
    from simulator.store import Store

    with Store.open(url) as store:
        added, _ = store.save_many(team_cards(count))
    assert added == count
