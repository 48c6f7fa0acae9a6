"""`collectsim graph`, `check` and `try` over the shipped content."""

import subprocess
import sys

from simulator.cli import main


def test_graph_mermaid(capsys):
    assert main(["graph", "hardship-basic"]) == 0
    out = capsys.readouterr().out
    assert "stateDiagram-v2" in out
    assert "answered --> verified" in out
    assert "hung_up" in out


def test_graph_dot(capsys):
    assert main(["graph", "hardship-basic", "--format", "dot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('digraph "hardship"')
    assert '"answered" -> "verified"' in out


def test_graph_unknown_scenario_is_one_line(capsys):
    assert main(["graph", "no-such-scenario"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown scenario 'no-such-scenario'" in err


def test_check_runs_every_shipped_scenario(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert " 0 failed" in out


def test_check_reports_a_failing_expectation(tmp_path, capsys):
    src = (tmp_path / "s.yaml")
    src.write_text(
        "id: broken-check\ntitle: t\ndescription: d\npersona: hardship\n"
        "checks:\n  - name: expects the impossible\n    lines: ['Is this Maria Delgado?']\n"
        "    expect: {outcome: agreement}\n"
    )
    assert main(["check", str(src)]) == 1
    out = capsys.readouterr().out
    assert "FAIL broken-check: expects the impossible" in out
    assert "expected outcome 'agreement', got 'ended_by_trainee'" in out


def test_try_at_a_prompt():
    lines = "Hi, is this Maria Delgado?\n/coach\nThis is an attempt to collect a debt.\n/end\n"
    proc = subprocess.run([sys.executable, "-m", "simulator", "try", "hardship-basic"],
                          input=lines, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Yes, this is Maria" in proc.stdout or "Speaking" in proc.stdout
    coach = [line.strip() for line in proc.stdout.splitlines() if "coach:" in line]
    assert coach and coach[0].startswith("coach: state ")
    assert "| trust " in coach[0] and "{" not in coach[0] and "'" not in coach[0]
    assert "Outcome:" in proc.stdout


def test_check_max_turns_fails_when_the_call_goes_on(tmp_path, capsys):
    src = tmp_path / "s.yaml"
    src.write_text(
        "id: never-ends\ntitle: t\ndescription: d\npersona: hardship\n"
        "checks:\n  - name: expects an early end\n    lines: ['Is this Maria Delgado?', 'How are you?']\n"
        "    expect: {max_turns: 1}\n"
    )
    assert main(["check", str(src)]) == 1
    assert "expected the call to end within 1 turn(s); it did not end" in capsys.readouterr().out


def test_check_in_processes_prints_what_one_process_prints(capsys):
    """Files checked in forked workers: the same lines, in the same order."""
    assert main(["check", "-j", "1", "hardship-basic", "third-party", "cooperative-basic"]) == 0
    alone = capsys.readouterr().out
    assert main(["check", "-j", "3", "hardship-basic", "third-party", "cooperative-basic"]) == 0
    assert capsys.readouterr().out == alone
    assert alone.count("PASS ") >= 3


def test_check_in_processes_reports_a_broken_file_as_one_process_does(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: t\ndescription: d\npersona: no-such-persona\n")
    assert main(["check", "-j", "2", "hardship-basic", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") >= 1 and "no-such-persona" in err and "Traceback" not in err


def test_check_stays_in_one_process_when_other_threads_run(capsys, monkeypatch):
    """A multi-threaded process (a test runner, an app) must not fork: the same output."""
    import threading

    from simulator.commands import check

    forked = []
    monkeypatch.setattr(check, "_warm", lambda: forked.append(True))
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        assert main(["check", "-j", "2", "hardship-basic", "third-party"]) == 0
    finally:
        stop.set()
    assert not forked and "PASS hardship-basic" in capsys.readouterr().out
