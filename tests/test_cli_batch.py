"""Batch commands stream their results, name a bad item by its line or file, go on, and
never show a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_analyze_jsonl_with_a_lone_surrogate_as_a_process() -> None:
    """The case from the issue: `analyze --json --jsonl` on "\\ud83d" stopped with a
    UnicodeEncodeError and lost the results before it."""
    lines = '{"text": "Hello there."}\n{"text": "\\ud83d"}\n{"text": "I\'m so sorry to hear that."}\n'
    done = subprocess.run([sys.executable, "-m", "simulator", "analyze", "--json", "--jsonl"],
                          input=lines.encode(), capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [o["text"] for o in out] == ["Hello there.", "\ud83d", "I'm so sorry to hear that."]


def test_analyze_names_bad_lines_as_it_meets_them_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, '{"text": "hi"}\nnot json\n{"text": 5}\n\n{"text": "bye", "context": 3}\n'
                      '{"text": "thanks, take care"}\n')
    assert cli.main(["analyze", "--json", "--jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["hi", "thanks, take care"]
    assert err.splitlines() == [
        "collectsim analyze: error: line 2: not valid JSON (Expecting value)",
        "collectsim analyze: error: line 3: expected an object with a string 'text'",
        "collectsim analyze: error: line 5: 'context' must be a string",
    ]


def test_analyze_goes_on_past_an_item_the_analyser_cannot_take(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.nlu import analyser as nlu

    real = nlu.Analyser.analyze

    def flaky(self, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if text == "boom":
            raise ValueError("cannot read this")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(nlu.Analyser, "analyze", flaky)
    assert cli.main(["analyze", "--json", "one", "boom", "three"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["one", "three"]
    assert err == ("collectsim analyze: error: argument 2: could not analyse it "
                   "(ValueError: cannot read this)\n")


def test_play_several_records_streams_json_lines_and_names_the_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: no-such\nturns: [hi]\n", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("turns: [\n", encoding="utf-8")
    good = [EXAMPLES / "hardship-good.yaml", EXAMPLES / "hostile-good.yaml"]
    argv = ["play", "--json", str(good[0]), str(bad), str(broken), str(tmp_path / "none.yaml"), str(good[1])]
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    played = [json.loads(line) for line in out.splitlines()]
    assert [p["file"] for p in played] == [str(g) for g in good]
    assert played[0]["scenario"] == "hardship-basic" and "overall" in played[0]["scorecard"]
    lines = err.splitlines()
    assert lines[0].startswith(f"collectsim: error: {bad}: unknown scenario 'no-such'")
    assert lines[1].startswith(f"{broken}:2:1: ")
    assert lines[2] == f"collectsim: error: {tmp_path / 'none.yaml'}: no such file"
    assert lines[3] == "collectsim: 3 of 5 record(s) could not be played"
    assert "Traceback" not in err


def test_play_several_as_text_heads_each_record(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = EXAMPLES / "hardship-good.yaml", EXAMPLES / "cooperative-good.yaml"
    assert cli.main(["play", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"==> {a} <==\n")
    assert f"\n\n==> {b} <==\n" in out


def test_score_writes_each_card_before_scoring_the_next(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from scoring import batch

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    real = batch.score_file
    seen_before: list[str] = []

    def watching(path, rubric=None):  # noqa: ANN001
        seen_before.append(out.getvalue())
        return real(path, rubric)

    monkeypatch.setattr(batch, "score_file", watching)
    files = [EXAMPLES / "hardship-good.yaml", EXAMPLES / "recorded-call.txt", EXAMPLES / "hostile-good.yaml"]
    assert cli.main(["score", "--csv", *map(str, files)]) == 0
    assert seen_before[0] == ""
    assert seen_before[1].count("\n") == 2  # the header and the first row
    assert seen_before[2].count("\n") == 3
    monkeypatch.setattr(sys, "stdout", out := io.StringIO())
    seen_before.clear()
    assert cli.main(["score", "--json", *map(str, files)]) == 0
    assert seen_before[1].startswith("[\n  {")
    assert len(json.loads(out.getvalue())) == 3


def test_score_survives_a_file_the_scorer_chokes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from scoring import batch

    real = batch.score_file

    def choking(path, rubric=None):  # noqa: ANN001
        if path.name == "hostile-good.yaml":
            raise KeyError("dimensions")
        return real(path, rubric)

    monkeypatch.setattr(batch, "score_file", choking)
    files = [EXAMPLES / "hostile-good.yaml", EXAMPLES / "hardship-good.yaml"]
    assert cli.main(["score", "--json", *map(str, files)]) == 1
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 1
    assert f"{files[0]}: could not score it (KeyError: 'dimensions')" in err
