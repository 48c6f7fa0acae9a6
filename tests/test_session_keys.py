"""A session record's mistyped or misplaced key is named, not silently dropped.

Records may carry extra keys (other tools extend them), so an unknown key is kept; but
one that is plainly a known key written wrong ('total' for 'total_amount') or in the
wrong place ('objective' beside 'reviewed' instead of under 'plan') loses what the
trainee wrote and costs them points. `validate` warns at its line, and `play` says so
on standard error before the scorecard (found playing the servicemember call, where the
objective, limits, total and method were all lost: Preparation 75, Documentation 84)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from simulator.content.loader import check_file

RECORD = """\
scenario: servicemember-basic
trainee: lead
preparation:
  reviewed: [account_summary]
  call_time: "18:45"
  objective: payment_plan
  max_installments: 12
turns:
  - "Good evening, I'm trying to reach Marcus Reed."
agreement:
  outcome: payment_plan
  total: 1780.40
  method: allotment
  installments: 12
my_tool_field: kept
"""


def _warnings(tmp_path: Path) -> list[str]:
    path = tmp_path / "call.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return [f"{p.line}:{p.col}: {p.message}" for p in check_file(path) if p.severity == "warning"]


def test_misplaced_and_mistyped_keys_are_named_at_their_lines(tmp_path: Path) -> None:
    found = _warnings(tmp_path)
    assert found == [
        "6:3: 'objective' is not read here: it belongs under 'plan' (preparation.plan.objective)",
        "7:3: 'max_installments' is not read here: it belongs under 'plan' (preparation.plan.max_installments)",
        "12:3: 'total' is not a key of the agreement and is not read (did you mean 'total_amount'?)",
        "13:3: 'method' is not a key of the agreement and is not read (did you mean 'payment_method'?)",
    ]


def test_an_extension_key_unlike_any_known_one_is_left_alone(tmp_path: Path) -> None:
    assert not any("my_tool_field" in w for w in _warnings(tmp_path))


def test_play_warns_on_standard_error_and_still_plays(tmp_path: Path) -> None:
    path = tmp_path / "call.yaml"
    path.write_text(RECORD, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "simulator.cli", "play", str(path)], capture_output=True,
                          text=True, env={"COLLECTSIM_HOME": str(tmp_path / "home"), "PATH": ""})
    assert done.returncode == 0
    assert f"{path}:12:3: warning: 'total' is not a key of the agreement" in done.stderr
    assert "Scorecard: servicemember-basic" in done.stdout


def test_shipped_examples_have_no_such_warnings() -> None:
    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "examples").glob("*.yaml")):
        assert [p for p in check_file(path) if p.severity == "warning"] == [], path


def test_a_record_the_app_saved_plays_without_warnings(tmp_path: Path) -> None:
    """The app saves what replay needs and what it computed (`outcome`, `ended_by`, the
    account file) beside the trainee's fields; `play` of such a record warned "'outcome' is
    not read here: it belongs under 'agreement'" (found timing the 40-turn bench record)."""
    from simulator.content.models import SessionRecord
    from simulator.session import dump_record, replay

    bare = {"scenario": "hardship-basic", "trainee": "t", "seed": 7,
            "turns": ["Hi, is this Maria Delgado?", "Thanks. Take care."], "notes": "n"}
    saved = replay(SessionRecord.model_validate(bare)).record
    path = tmp_path / "saved.yaml"
    path.write_text(dump_record(saved), encoding="utf-8")
    assert "outcome:" in path.read_text(encoding="utf-8")
    assert [p.message for p in check_file(path) if p.severity == "warning"] == []
