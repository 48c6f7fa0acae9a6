"""``collectsim analyze`` through the dispatcher."""

from __future__ import annotations

import io
import json

import pytest

from simulator.cli import main


def test_text_args_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", "--json", "I'm sorry to hear that.", "Pay $75 a month or else."])
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and len(out) == 2
    first = json.loads(out[0])
    assert first["text"] == "I'm sorry to hear that."
    assert {"move", "evidence"} <= set(first["moves"][0])
    assert {"score", "label"} <= set(first["tone"])
    second = json.loads(out[1])
    assert {"type", "value", "text"} <= set(second["entities"][0])


def test_plain_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "Good morning, this is Ana with Crestline."]) == 0
    out = capsys.readouterr().out
    assert "greeting" in out and "tone:" in out and "self_identification" in out


def test_stdin_lines(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Hello there.\n\nThanks, bye!\n"))
    assert main(["analyze", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["text"] for x in lines] == ["Hello there.", "Thanks, bye!"]


def test_jsonl_with_context_and_bad_line(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = ('{"text": "So the hours got cut and rent comes first.", '
            '"context": "They cut my hours, rent comes first."}\n'
            "{not json\n"
            '{"text": "[bold]hi[/bold] \\u0000 😀"}\n')
    monkeypatch.setattr("sys.stdin", io.StringIO(data))
    code = main(["analyze", "--jsonl", "--json"])
    cap = capsys.readouterr()
    assert code == 1
    assert "line 2" in cap.err and len(cap.err.strip().splitlines()) == 1
    lines = [json.loads(x) for x in cap.out.splitlines()]
    assert len(lines) == 2 and lines[0]["context"].startswith("They cut")
    assert "reflection" in [m["move"] for m in lines[0]["moves"]]
    assert lines[1]["text"] == "[bold]hi[/bold] \x00 😀"


def test_bad_today_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--today", "soon", "hi"]) == 1
    assert "--today" in capsys.readouterr().err


def test_plain_output_prints_resolved_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--today", "2026-11-20", "I can pay two grand two weeks from today."]) == 0
    out = capsys.readouterr().out
    assert "2026-12-04" in out and "None" not in out
    assert "money           2000.0" in out


def test_plain_output_resolves_against_the_machines_date_without_today(
        capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    assert main(["analyze", "Can you pay it today?"]) == 0
    out = capsys.readouterr().out
    assert dt.date.today().isoformat() in out and "None" not in out


def test_scenario_reads_as_the_call_does(capsys: pytest.CaptureFixture[str]) -> None:
    """--scenario: the call's own cues and its date, as in `try` and `play` (both outside
    testers of 2026-12-03 found `analyze` reading a line otherwise than their call did, and
    resolving "today" to the machine's date)."""
    line = "Are you in charge of her estate?"  # the widow's own cue finds it in the call
    assert main(["analyze", "--json", "--scenario", "deceased-basic", line, "Could you pay it today?"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert "identity_verification" in [m["move"] for m in out[0]["moves"]]
    assert any(e["type"] == "date" and e["value"] == "2026-11-20" for e in out[1]["entities"])


def test_an_unknown_scenario_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--scenario", "no-such-call", "hello"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no-such-call" in err[0]
