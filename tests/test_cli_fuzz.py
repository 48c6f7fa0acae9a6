"""Thousands of hostile strings (lone surrogates, control characters, Rich markup, huge
numbers, emoji) through `analyze --jsonl`, `try` and the app's input: every one gets
an answer, none a traceback."""

from __future__ import annotations

import builtins
import io
import json
import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import cli

NASTY = [
    "", " ", "\x00", "\x07\x1b[2J\x1b[31mred", "\ud83d", "\udce9", "\ud83d\ude00", "😀" * 50,
    "[bold red]x[/]", "[link=http://e.x]y[/link]", "[/]", "{debtor.first_name}", "{{}}", "%s %d",
    "$" + "9" * 400, "$1e309", "-$0.00", "NaN", "inf percent", "1" * 5000 + " months",
    "\u202eevil\u202c", "\r\n\r\n", "\t\t", "a\u0000b", "ﷺ" * 20, "\U0010ffff", "\\ud83d",
]

HOSTILE = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=80),  # any code point, surrogates too
    st.sampled_from(NASTY),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: f"${n:,} a month for {n} months"),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda x: f"we could do {x} dollars"),
    st.text(alphabet="[]/\\{}$%#@!~`'\"<>=:;", max_size=40),
    st.from_regex(r"\$?[0-9]{1,40}(\.[0-9]{1,5})?( (percent|%|months?|weeks?|grand|hundred))?",
                  fullmatch=True),
)

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.lists(HOSTILE, min_size=1, max_size=60))
def test_analyze_jsonl_answers_every_line(texts: list[str]) -> None:
    lines = [json.dumps({"text": t, "context": t[::-1]}) for t in texts]
    out = io.StringIO()
    err = io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO("\n".join(lines) + "\n"), out, err
    try:
        code = cli.main(["analyze", "--json", "--jsonl"])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    assert code == 0, err.getvalue()
    assert err.getvalue() == ""
    # JSON Lines are split on "\n" only: U+0085 or U+2028 inside a text are not line ends.
    got = [json.loads(line) for line in out.getvalue().split("\n")[:-1]]
    # One result a line, in order, the text as JSON gave it (an escaped surrogate pair
    # is one character once decoded).
    assert [g["text"] for g in got] == [json.loads(line)["text"] for line in lines]
    for g in got:
        assert -1 <= g["tone"]["score"] <= 1


@FUZZ
@given(st.lists(st.text(st.characters(exclude_categories=()), max_size=200), min_size=1, max_size=20))
def test_analyze_jsonl_survives_lines_that_are_not_json(raw: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in raw) + "\n"
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(text), out, err
    try:
        code = cli.main(["analyze", "--json", "--jsonl"])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    assert code in (0, 1)
    assert "Traceback" not in err.getvalue()
    for line in out.getvalue().split("\n")[:-1]:
        json.loads(line)


@FUZZ
@given(st.lists(HOSTILE, max_size=30), st.booleans())
def test_try_takes_any_line(lines: list[str], coach: bool) -> None:
    typed = iter(lines)

    def fake_input(_prompt: str = "") -> str:
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    out, err = io.StringIO(), io.StringIO()
    saved = builtins.input, sys.stdout, sys.stderr
    builtins.input, sys.stdout, sys.stderr = fake_input, out, err
    try:
        code = cli.main(["try", "hardship-basic", *(["--coach"] if coach else [])])
    finally:
        builtins.input, sys.stdout, sys.stderr = saved
    assert code == 0, err.getvalue()
    assert "Outcome:" in out.getvalue()


def hostile_lines(n: int, seed: int) -> list[str]:
    """``n`` hostile strings from a seeded generator (the app test types each one)."""
    rng = random.Random(seed)
    pools = [
        lambda: "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(1, 40))),
        lambda: rng.choice(NASTY),
        lambda: f"${rng.randrange(10**40):,} a month for {rng.randrange(10**6)} months",
        lambda: "".join(rng.choice("[]/\\{}$%#@!~`'\"<>") for _ in range(rng.randrange(1, 30))),
        lambda: " ".join(rng.choice(["I", "can", "pay", "$75", "[b]", "\x1b", "😀", "\ud83d", "sorry"])
                         for _ in range(rng.randrange(1, 12))),
    ]
    return [rng.choice(pools)() for _ in range(n)]


@pytest.mark.slow
def test_the_apps_call_input_takes_any_line(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed into the call (a browser through `serve` can send lone surrogates too), then
    journalled, wrapped up, scored and saved."""
    from test_app_support import SCRIPTS, Script, call_to_scorecard, home_to_call, run_async, settle

    from simulator.app.app import CollectSimApp
    from simulator.app.journal import Journal

    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    lines = [line for line in hostile_lines(60, seed=14) if line.strip()]
    assert any("\ud83d" in line for line in lines)

    @run_async
    async def drive() -> None:
        app = CollectSimApp(frozen_clock=True, offer_resume=False, trainee="alex")
        async with app.run_test(size=(100, 32)) as pilot:
            await home_to_call(pilot, SCRIPTS["hardship-basic"])
            for line in lines:
                if app.session.ended:
                    app.action_restart_call()
                    await settle(pilot)
                before = len(app.session.turns)
                app.screen.query_one("#say").value = line
                await pilot.press("enter")
                await settle(pilot)
                assert len(app.session.turns) == before + 1, repr(line)
                assert app.session.turns[-1].text == line
            journalled = Journal(app.journal.folder).load()
            assert journalled is not None and journalled.turns == [t.text for t in app.session.turns]
            await call_to_scorecard(pilot, Script("hardship-basic", [], outcome="no_agreement"))
            assert app.last_card is not None
            assert app.return_code is None  # still running: nothing crashed it

    drive()
    assert list((tmp_path / "data" / "sessions").glob("*"))  # the session file was written
