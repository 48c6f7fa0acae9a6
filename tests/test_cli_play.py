"""`collectsim play`: headless replay, byte for byte the same, with the scorecard contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hardship-good.yaml"
DIMENSIONS = {"preparation", "tone", "active_listening", "flexibility", "documentation"}


def _play(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "simulator", "play", *args], capture_output=True,
                          cwd=cwd, env=env, timeout=120)


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_same_record_twice_gives_byte_identical_output(flag):
    a = _play(str(EXAMPLE), *flag)
    b = _play(str(EXAMPLE), *flag)
    assert a.returncode == 0, a.stderr.decode()
    assert a.stdout == b.stdout
    assert len(a.stdout) > 1000


def test_json_has_the_contract(capsys):
    from simulator.cli import main

    assert main(["play", str(EXAMPLE), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    card = out["scorecard"]
    assert 0 <= card["overall"] <= 100 and isinstance(card["passed"], bool)
    assert set(card["dimensions"]) == DIMENSIONS
    for dim in card["dimensions"].values():
        assert "score" in dim
    assert isinstance(card["compliance"]["violations"], list)
    assert "outcome" in card
    turn = out["transcript"][0]
    for key in ("trainee", "moves", "tone", "debtor", "state"):
        assert key in turn
    assert out["result"]["outcome"] == "agreement"


def test_threat_record_fails_with_a_critical_violation(tmp_path, capsys):
    from simulator.cli import main

    rec = tmp_path / "threat.yaml"
    rec.write_text("scenario: hardship-basic\nseed: 1\nturns:\n"
                   "  - Is this Maria Delgado?\n"
                   "  - This is a debt collector. Pay the $1,240 today or we'll have you arrested.\n"
                   "  - Hello?\n")
    assert main(["play", str(rec), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["unplayed"] == ["Hello?"]
    card = out["scorecard"]
    assert card["passed"] is False
    assert any("1006.18" in v["citation"] for v in card["compliance"]["violations"])


def test_save_stores_the_scorecard(tmp_path, capsys):
    from simulator.cli import main

    db = f"sqlite:///{tmp_path / 'scores.db'}"
    assert main(["play", str(EXAMPLE), "--save", "--db", db]) == 0
    assert main(["play", str(EXAMPLE), "--save", "--db", db]) == 0
    err = capsys.readouterr().err
    assert "saved the scorecard" in err and "already stored" in err
    assert main(["scores", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["trainee"] == "alex"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("scenario: hardship-basic\nturns: 3\n", "turns"),
        ("- just\n- a list\n", "mapping"),
        ("scenario: no-such-scenario\nturns: [hi]\n", "unknown scenario 'no-such-scenario'"),
        ("scenario: hardship-basic\nturns: [hi]\nseed: [1]\n", "seed"),
    ],
)
def test_bad_records_get_one_line(tmp_path, content, message):
    rec = tmp_path / "bad.yaml"
    rec.write_text(content)
    proc = _play(str(rec))
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert message in err
    assert "Traceback" not in err
    assert err.strip().count("\n") <= 1


def test_missing_record_file():
    proc = _play("nowhere.yaml")
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == "collectsim: error: nowhere.yaml: no such file"


def test_hostile_input_is_shown_literally(tmp_path):
    rec = tmp_path / "odd.yaml"
    big = "please " * 15000
    rec.write_text(json.dumps({"scenario": "hardship-basic", "turns": [
        "[bold red]x[/] Am I speaking with Maria Delgado?", "\x07\x1b[2J 😀 hello", big]}))
    proc = _play(str(rec))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "[bold red]x[/]" in proc.stdout.decode()


def test_a_session_the_app_saved_replays(tmp_path, capsys):
    """The app saves ``{"saved_at", "record", "scorecard"}`` in the data folder's
    sessions/; ``play`` of that file replays its record (it said "missing key 'scenario'")."""
    import yaml

    from simulator.cli import main

    record = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    saved = tmp_path / "20261202-194537-hardship-basic-alex.json"
    saved.write_text(json.dumps({"saved_at": "2026-12-02T19:45:37+00:00", "record": record,
                                 "scorecard": {}}), encoding="utf-8")
    assert main(["play", str(EXAMPLE), "--json"]) == 0
    direct = json.loads(capsys.readouterr().out)
    assert main(["play", str(saved), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == direct
    del record["turns"][0:1]
    record["seed"] = "not a number"
    saved.write_text(json.dumps({"saved_at": "x", "record": record, "scorecard": {}}), encoding="utf-8")
    assert main(["play", str(saved)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "seed" in err[0] and "Traceback" not in err[0]
