"""What got in a new trainee's way (issue 13), each as a test that would have caught it:
preparation, the practice mode, the end of a call, the wrap-up form, 80x24 layouts,
plain words, exports, and better-line suggestions."""

from __future__ import annotations

import json

import pytest
from test_app_support import (
    OUTCOME_ORDER,
    SCRIPTS,
    THREAT,
    call_to_scorecard,
    choose,
    fill,
    home_to_call,
    run_async,
    seed_team_store,
    settle,
    shown,
    talk,
    type_text,
)

from simulator.app.app import CollectSimApp
from simulator.app.journal import Journal
from simulator.app.settings import Settings


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


def new_app(**kw):
    return CollectSimApp(frozen_clock=True, offer_resume=kw.pop("offer_resume", False),
                         trainee=kw.pop("trainee", "alex"), **kw)


def screen_text(app) -> str:
    """What the terminal shows, toasts and footer included, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def to_preparation(pilot, scenario_row: int = 2):
    await settle(pilot)
    await pilot.press("ctrl+home", *(["down"] * scenario_row), "enter")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "PreparationScreen"


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


# ---------------------------------------------------------------- preparation
@run_async
async def test_the_focused_plan_field_stands_out():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        floor = pilot.app.screen.query_one("#settlement_floor")
        other = pilot.app.screen.query_one("#max_installments")
        floor.focus()
        await settle(pilot)
        focused, plain = floor.background_colors[1], other.background_colors[1]
        # One shade of grey (234 vs 235) was invisible: ask for a clear difference.
        assert sum(abs(a - b) for a, b in zip(focused.rgb, plain.rgb, strict=True)) > 60


@run_async
async def test_one_tab_from_the_sections_reaches_the_objective_and_help_says_so():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        assert pilot.app.focused.id == "sections"
        await pilot.press("tab")
        assert pilot.app.focused.id == "objective"
        await pilot.press("f1")
        await settle(pilot)
        help_text = pilot.app.screen.query_one("Markdown").source
        assert "from the sections straight to the plan" in help_text
        assert "focused field is highlighted" in help_text


@run_async
async def test_the_plan_survives_going_home_and_back():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        await pilot.press("2", "3")
        await choose(pilot, "#objective", 2)
        await fill(pilot, "#settlement_floor", "60")
        await fill(pilot, "#max_installments", "12")
        await pilot.press("escape")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "HomeScreen"
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#objective").value == "payment_plan"
        assert screen.query_one("#settlement_floor").value == "60"
        assert screen.query_one("#max_installments").value == "12"
        assert screen.reviewed == ["account_summary", "payment_history"]
        await pilot.press("f5")
        await settle(pilot)
        assert pilot.app.session.preparation.plan.max_installments == 12


@run_async
async def test_f5_on_an_empty_plan_says_so_before_dialling():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "PreparationScreen"
        assert any("plan is empty" in t for t in toasts(pilot.app))
        assert pilot.app.focused.id == "objective"
        await pilot.press("f5")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "CallScreen"


@run_async
async def test_the_brief_is_ticked_once_shown_but_never_counted_as_read():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        sections = pilot.app.screen.query_one("#sections")
        assert str(sections.get_option("brief").prompt).startswith("✓ 1 Brief")
        await pilot.press("2", "f5", "f5")
        await settle(pilot)
        assert pilot.app.session.preparation.reviewed == ["account_summary"]


@run_async
async def test_who_says_the_archetype_once():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)  # hardship-basic
        body = shown(pilot, "#section-body")
        assert "Who: Maria (hardship, medium)" in body
        assert "(hardship) (" not in body


# ---------------------------------------------------------------- the mode
@run_async
async def test_home_shows_the_mode_and_f2_changes_it():
    async with new_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Mode coach" in screen_text(pilot.app)
        await pilot.press("f2")
        await settle(pilot)
        assert "Mode assessment" in screen_text(pilot.app)
    assert Settings.load().coach is False


@run_async
async def test_the_palette_finds_assessment_mode():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "assess")
        await settle(pilot)
        await pilot.pause(0.3)
        assert "Assessment mode" in screen_text(pilot.app)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.coach is False


@run_async
async def test_f2_on_a_call_changes_that_call_only_and_says_so():
    script = SCRIPTS["hardship-basic"]
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await pilot.press("f2")
        await settle(pilot)
        assert pilot.app.screen.coach is False
        assert any("for this call only" in t for t in toasts(pilot.app))
        await pilot.press("ctrl+e")
        await settle(pilot)
        pilot.app.action_home()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert pilot.app.screen.coach is True  # the next call: the mode Home shows
    assert Settings.load().coach is True


# ---------------------------------------------------------------- the end of a call
@run_async
async def test_the_end_of_a_call_is_said_once_and_no_toast_follows_to_wrap_up():
    async with new_app().run_test(size=(80, 24)) as pilot:
        await home_to_call(pilot, THREAT)
        await talk(pilot, THREAT.lines)
        assert pilot.app.session.ended
        await settle(pilot)
        text = screen_text(pilot.app)
        assert text.count("hung up") == 1, text
        assert not pilot.app._notifications
        say = pilot.app.screen.query_one("#say")
        assert say.disabled
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "WrapUpScreen"
        assert not pilot.app._notifications
        assert "Submit" in screen_text(pilot.app)


@run_async
async def test_the_timer_goes_on_after_a_resume(home):
    journal = Journal(home / "data" / "journal")
    journal.begin("hardship-basic", None, "alex", {"reviewed": [], "call_time": "18:30"})
    journal.turn(1, "Good evening, am I speaking with Maria Delgado?", elapsed=75.0)
    app = new_app(offer_resume=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert type(app.screen).__name__ == "CallScreen"
        assert shown(pilot, "#timer") == "Time 01:15"
        assert app.screen.elapsed == 75.0


def test_the_journal_keeps_the_clock_and_the_mode(tmp_path):
    journal = Journal(tmp_path)
    journal.begin("hardship-basic", 1, "alex", {}, coach=False)
    journal.turn(1, "Hello", elapsed=12.5)
    journal.turn(2, "Hi", elapsed=30.0, assisted=True)
    journal.hang_up(elapsed=41.0)
    state = journal.load()
    assert (state.elapsed, state.coach, state.assisted, state.hung_up) == (41.0, False, [2], True)


# ---------------------------------------------------------------- wrap-up
def visible_fields(app) -> list[str]:
    return [box.id.removeprefix("box-") for box in app.screen.query(".wrap-field") if box.display]


@run_async
async def test_wrap_up_shows_the_fields_the_outcome_needs():
    from scoring.checks.documentation import REQUIRED

    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert visible_fields(pilot.app) == []
        for outcome in ("callback", "dispute", "payment_plan", "full_payment", "hung_up"):
            await choose(pilot, "#outcome", OUTCOME_ORDER.index(outcome))
            await settle(pilot)
            assert set(visible_fields(pilot.app)) == set(REQUIRED.get(outcome, ())), outcome
        assert visible_fields(pilot.app) == []  # hung up: nothing to record but notes
        assert "no terms to record" in shown(pilot, "#wrap-fields-hint")


def test_wrap_up_offers_every_outcome_of_the_record():
    from simulator.app.screens.wrapup import outcomes

    offered = outcomes()
    for outcome in ("hung_up", "cease_requested", "attorney", "wrong_party", "callback", "dispute"):
        assert outcome in offered


@run_async
async def test_fields_an_outcome_does_not_need_are_not_recorded(home):
    script = SCRIPTS["third-party"]
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
        await fill(pilot, "#total_amount", "999")
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("callback"))
        await fill(pilot, "#follow_up_date", "2026-11-21")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "ScorecardScreen"
    saved = json.loads(next((home / "data" / "sessions").glob("*.json")).read_text())
    recorded = {k: v for k, v in saved["record"]["agreement"].items() if v is not None}
    assert recorded == {"outcome": "callback", "follow_up_date": "2026-11-21"}


@run_async
async def test_typing_fast_with_tab_fills_each_field_and_ctrl_s_reads_all_of_it():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("payment_plan"))
        await pilot.press("tab")
        # One burst, as a fast typist's terminal delivers it, then ctrl+s at once.
        await type_text(pilot, "1240.00\t70.00\t18\t2026-12-1")
        await pilot.press("5", "ctrl+s")
        await settle(pilot)
        screen = pilot.app.screen
        if type(screen).__name__ == "WrapUpScreen":
            values = {f: screen.query_one(f"#{f}").value for f in
                      ("total_amount", "installment_amount", "installments", "first_payment_date")}
        else:
            values = {k: str(v) for k, v in pilot.app.session.agreement.model_dump().items() if v}
        assert values["total_amount"] in ("1240.00", "1240.0")
        assert values["installment_amount"] in ("70.00", "70.0")
        assert values["installments"] == "18"
        assert values["first_payment_date"] == "2026-12-15"


# ---------------------------------------------------------------- 80x24
@run_async
async def test_home_at_80x24_shows_titles_and_the_local_time():
    async with new_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        text = screen_text(pilot.app)
        for title in ("Lost in the move", "Out of work, rent first", "Her roommate picks up"):
            assert title in text
        assert "Their local time 17:45" in text


FOOTER_MUST = ("f1 Help", "^t Theme")


@run_async
async def test_the_footer_keeps_help_and_theme_at_80_columns_on_every_screen():
    async with new_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = {}
        seen["home"] = screen_text(pilot.app).splitlines()[-1]
        await pilot.press("enter")
        await settle(pilot)
        seen["preparation"] = screen_text(pilot.app).splitlines()[-1]
        await pilot.press("f5", "f5")
        await settle(pilot)
        pilot.app.clear_notifications()
        seen["call"] = screen_text(pilot.app).splitlines()[-1]
        await pilot.press("ctrl+e")
        await settle(pilot)
        seen["wrap-up"] = screen_text(pilot.app).splitlines()[-1]
        for name, footer in seen.items():
            for key in FOOTER_MUST:
                assert key in footer, (name, footer)


@run_async
async def test_team_table_fits_80_columns_and_since_shows_the_whole_date(home):
    (home / "data").mkdir(parents=True, exist_ok=True)
    seed_team_store(f"sqlite:///{home / 'data' / 'scores.db'}")
    for size in ((80, 24), (100, 32)):
        async with new_app().run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            table = pilot.app.screen.query_one("#team-rows")
            assert table.virtual_size.width <= table.scrollable_content_region.width, size
            await fill(pilot, "#f-since", "2026-12-03")
            await settle(pilot)
            assert "2026-12-03" in screen_text(pilot.app), size
            footer = screen_text(pilot.app).splitlines()[-1]
            assert all(key in footer for key in FOOTER_MUST), footer


# ---------------------------------------------------------------- words
@run_async
async def test_history_and_replay_use_plain_words(home):
    script = SCRIPTS["hardship-basic"]
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        await pilot.press("4")
        await settle(pilot)
        replay = pilot.app.screen.query_one("#card-replay").content
        plain = replay.plain
        for raw in ("identity_verification", "mini_miranda", "[revealed:", "payment_plan"):
            assert raw not in plain
        assert "asked who you're speaking with" in plain
        assert "Maria told you about the job loss" in plain
        # Moves that earned points are not drawn in the colour of a fault.
        for span in replay.spans:
            if "red" in str(span.style):
                assert "✗" in plain[span.start:span.end] or "threat" in plain[span.start:span.end]
        pilot.app.action_history()
        await settle(pilot)
        row = pilot.app.screen.query_one("#history").get_row_at(0)
        assert "payment plan" in str(row[-2]) and "payment_plan" not in str(row[-2])


def test_the_words_cover_every_contract_name():
    from typing import get_args

    from simulator import words
    from simulator.content.models import AgreementOutcome, Outcome
    from simulator.nlu.types import MOVES

    for name in (*get_args(AgreementOutcome), *get_args(Outcome)):
        assert name in words.OUTCOMES, name
    for move in MOVES:
        assert move in words.MOVES, move
    assert words.event("revealed:job_loss", "Maria") == "Maria told you about the job loss"
    assert words.events(["offer_accepted", "call_ended"], "Gary") == ["Gary accepted the offer"]


@run_async
async def test_export_reads_cleanly_and_is_named_by_the_calls_date(home):
    script = SCRIPTS["hardship-basic"]
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        await call_to_scorecard(pilot, script)
        await pilot.press("e")
        await settle(pilot)
        folder = pilot.app.screen.exported
    call_day = "20261120"  # the scenario's call date, whatever the machine's clock says
    assert folder.name.startswith(call_day + "-")
    md = (folder / "scorecard.md").read_text()
    assert "hardship-basic" in md and "hardship\\-basic" not in md
    assert "$1,240.00" in md and "\\." not in md and "\\(" not in md


# ---------------------------------------------------------------- better lines
WEAK = [
    "Hello, is this Maria Delgado?",
    "You owe $1,240 on your Lakeside card.",
    "Can you tell me a bit about what's been going on?",
    "Well, you still need to pay it. When can you pay?",
    "Stop making excuses and pay what you owe.",
]


@run_async
async def test_the_replay_suggests_a_better_line_where_points_were_lost(home):
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, WEAK)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("no_agreement"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        plain = shown(pilot, "#card-replay")
    assert plain.count("A better line") >= 2
    # The disclosure the call lacked, with the agency's name from the account file.
    assert "Northgate Recovery. This is an attempt to collect a debt" in plain
    # Pressure: ask what she can manage instead.
    assert "what could you realistically manage" in plain.lower() or "budget" in plain


@run_async
async def test_coach_mode_offers_the_line_live_and_taking_it_costs_points(home):
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, WEAK[:2])  # the debt, before the disclosure
        offered = shown(pilot, "#suggestion")
        assert "attempt to collect a debt" in offered and "ctrl+g" in offered
        await pilot.press("ctrl+g")
        await settle(pilot)
        line = pilot.app.screen.query_one("#say").value
        assert "attempt to collect a debt" in line
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.session.extra["suggestions_taken"] == [3]
        await pilot.press("ctrl+e")
        await settle(pilot)
        await choose(pilot, "#outcome", OUTCOME_ORDER.index("no_agreement"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        summary = shown(pilot, "#card-summary")
    saved = json.loads(next((home / "data" / "sessions").glob("*.json")).read_text())
    assert saved["record"]["suggestions_taken"] == [3]
    helped = saved["scorecard"]["meta"]["coach_help"]
    assert helped["turns"] == [3] and helped["points"] > 0
    assert "1 suggested line taken" in summary


@run_async
async def test_assessment_mode_offers_no_suggestion():
    async with new_app().run_test(size=(100, 32)) as pilot:
        await pilot.press("f2")
        await home_to_call(pilot, SCRIPTS["hardship-basic"])
        await talk(pilot, WEAK[:2])
        assert pilot.app.screen.suggestion is None
        await pilot.press("ctrl+g")
        assert pilot.app.screen.query_one("#say").value == ""


# ---------------------------------------------------------------- start-up
def test_home_lists_what_the_content_models_say_without_loading_them():
    """Home's light read of the YAML agrees with the validated models, field by field."""
    from simulator.app.catalog import load_catalog
    from simulator.content.library import Library

    lib = Library.default()
    for info in load_catalog():
        scn = lib.scenario(info.id)
        persona = lib.persona_for(scn, lib.scenario_path(info.id))
        assert (info.title, info.persona_name, info.archetype) == (scn.title, persona.name, persona.archetype)
        assert info.difficulty == (scn.difficulty or persona.difficulty)
        assert (info.local_time, info.timezone, info.seed) == (scn.call.local_time, scn.call.timezone, scn.seed)
        assert info.description == scn.description.strip()
        assert info.objective_hint == scn.objective_hint.strip()
    assert len(load_catalog()) == len(lib.scenario_paths())


def test_a_broken_scenario_is_left_out_of_home(tmp_path):
    from simulator.app.catalog import load_catalog
    from simulator.paths import personas_dir, scenarios_dir

    (tmp_path / "ok.yaml").write_text((scenarios_dir() / "hardship-basic.yaml").read_text())
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n")
    (tmp_path / "no-persona.yaml").write_text("id: x\ntitle: X\npersona: nobody\n")
    assert [i.id for i in load_catalog(tmp_path, personas_dir())] == ["hardship-basic"]


def test_suggestion_rules_load_and_fill_from_what_is_known():
    from simulator.app import suggest

    data = suggest.rules()
    assert {r["id"] for r in data["rules"]} >= {"threat", "pressure", "no_empathy_after_reveal"}
    known = suggest.Facts(debtor="Maria", debtor_full="Maria Delgado", agency="Northgate Recovery")
    unknown = suggest.Facts()
    line = "Thanks[, {debtor}]. [I'm calling from {agency}. ]Am I speaking with [{debtor_full}|the account holder]?"
    assert suggest.fill(line, known) == \
        "Thanks, Maria. I'm calling from Northgate Recovery. Am I speaking with Maria Delgado?"
    assert suggest.fill(line, unknown) == "Thanks. Am I speaking with the account holder?"
    turns = [suggest.TurnView(1, ("identity_verification", "mini_miranda", "open_question"),
                              ("verified", "revealed:job_loss")),
             suggest.TurnView(2, ("ask_capacity",), ())]
    s = suggest.suggest(turns, 1, suggest.Facts(debtor="Maria", fact_kinds=(("job_loss", "hardship"),)))
    assert s is not None and s.move == "empathy" and "job loss" in s.line
    # A fact that is not a hardship or an emotion asks for no empathy.
    assert suggest.suggest(turns, 1, suggest.Facts(fact_kinds=(("job_loss", "info"),))) is None


def test_the_wrapup_offers_every_outcome_the_record_accepts():
    """A validation request, a bankruptcy or a death is recorded as itself, as the
    scenarios' objectives ask, not squeezed into "no agreement"."""
    from typing import get_args

    from simulator.content.models import AgreementOutcome

    assert sorted(OUTCOME_ORDER) == sorted(get_args(AgreementOutcome))


def test_before_verification_the_suggestion_is_to_verify_never_a_money_question():
    """A pressure line before verification was answered with "What would work for your
    budget right now?", which, taken, disclosed the debt to an unverified party."""
    from simulator.app import suggest

    facts = suggest.Facts(debtor="Maria", debtor_full="Maria Delgado")
    for moves in (("pressure",), ("threat",), ("request_full_payment", "pressure")):
        s = suggest.suggest([suggest.TurnView(1, moves, ())], 0, facts)
        assert s is not None and s.move == "identity_verification", moves
        assert "Maria Delgado" in s.line
    verified = [suggest.TurnView(1, ("identity_verification",), ("verified",)),
                suggest.TurnView(2, ("pressure",), ())]
    s = suggest.suggest(verified, 1, facts)
    assert s is not None and s.move == "mini_miranda"


def test_every_answered_question_reads_as_words():
    """The replay showed raw tags such as ``answered:employment``."""
    from simulator import words
    from simulator.nlu.questions import intents

    for intent in intents():
        said = words.event(f"answered:{intent}", "Maria")
        assert "_" not in said and ":" not in said, said
    assert words.event("answered:employment", "Maria") == "Maria answered your question about their work"


def test_every_engine_event_reads_as_words():
    from simulator import words
    from simulator.engine.registry import ENGINE_EVENTS

    for name in ENGINE_EVENTS:
        if "<" in name:
            continue  # answered:<intent>, refused:<intent>: tested with the intents
        assert name in words.EVENTS or name.startswith("offer_"), name


# ---------------------------------------------------------------- who is speaking
@run_async
async def test_the_person_who_answers_is_named_not_the_dead_debtor():
    """On the deceased call the widow's lines read 'Robert: Robert passed away in March'
    (the lead's call in tmux, 2026-12-03): the label is the person on the phone."""
    from test_app_support import Script

    script = Script("deceased-basic", ["Hi, is this the Hale residence? I'm looking for Robert Hale."])
    async with new_app().run_test(size=(100, 32)) as pilot:
        await home_to_call(pilot, script)
        await talk(pilot, script.lines)
        text = screen_text(pilot.app)
        assert "Linda: Robert passed away" in text, text
        assert "Robert:" not in text


@run_async
async def test_the_brief_says_what_day_the_call_is():
    """Dates the trainee proposes count from the call's day, which nothing showed (an
    outside tester proposed 'December 28th' thinking of the real date, and lost a major
    finding for a first payment 38 days out)."""
    async with new_app().run_test(size=(100, 32)) as pilot:
        await to_preparation(pilot)
        assert "Today (the call): Friday 2026-11-20" in screen_text(pilot.app)
