"""Renderings, imported transcripts, `collectsim score` and `collectsim verify`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scoring.api import score_record
from scoring.examples import exemplary
from scoring.render_html import render_html
from scoring.render_md import render_markdown
from scoring.render_text import render_to_string
from scoring.transcripts import (
    TranscriptError,
    from_data,
    from_text,
    load_transcript,
    score_transcript,
)
from simulator.cli import main

ROOT = Path(__file__).resolve().parent.parent
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def nasty_card():
    rec = exemplary("cooperative-basic")
    rec["turns"].insert(5, f"[bold]Really[/bold] {XSS} **wow**")
    rec["notes"] = rec["notes"] + f" {XSS}"
    return score_record(rec)


# ---------------------------------------------------------------------------- renderings


def test_text_rendering_keeps_markup_literal(nasty_card):
    text = render_to_string(nasty_card, width=200)
    assert "[bold]Really[/bold]" in text
    assert "PASSED" in text or "FAILED" in text
    for title in ("Preparation", "Tone", "Active listening", "Flexibility", "Documentation", "Compliance"):
        assert title in text


def test_html_is_self_contained_and_script_is_inert(nasty_card):
    page = render_html(nasty_card)
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page and "<link" not in page


def test_markdown_escapes_html_and_markup(nasty_card):
    md = render_markdown(nasty_card)
    assert XSS not in md and "&lt;script&gt;" in md
    assert "\\*\\*wow\\*\\*" in md
    # Brackets act only as a link: "[bold]" reads as written, a link is made literal.
    assert "[bold]" in md and "\\[bold" not in md
    from scoring.render_md import esc

    assert esc("[here](http://x.example)") == "\\[here\\](http://x.example)"
    assert esc("+0.23") == "+0.23" and esc("- one", line_start=True) == "\\- one"


def test_renderers_accept_a_card_read_back_from_json(nasty_card):
    d = json.loads(json.dumps(nasty_card.to_dict()))
    assert render_html(d) == render_html(nasty_card)
    assert render_markdown(d) == render_markdown(nasty_card)


# ---------------------------------------------------------------------------- transcripts

TEXT_CALL = """\
Customer: Hello?
Agent: Hi, this is Sam with Northgate Recovery. Am I speaking with Maria Delgado?
Customer: Yes, this is Maria.
Agent: This is an attempt to collect a debt and any information obtained will be used for that purpose.
  I'm calling about your Lakeside card.
Customer: I lost my job in August and I'm really embarrassed about all this.
Agent: What the fuck is wrong with you? Just pay the damn bill.
Customer: Don't talk to me like that.
"""


def test_text_transcript_parses_speakers_and_continuations():
    tr = from_text(TEXT_CALL)
    roles = [r for r, _ in tr.lines]
    assert roles == ["customer", "agent", "customer", "agent", "customer", "agent", "customer"]
    assert "Lakeside card" in tr.lines[3][1]  # the continuation line was appended


def test_json_transcripts_in_both_shapes_and_any_case():
    a = from_data([{"speaker": "AGENT", "text": "Hi"}, {"speaker": "Client", "text": "Hello"}])
    b = from_data({"turns": [{"Speaker": "collector", "Text": "Hi"}, {"speaker": "debtor", "text": "Hello"}]})
    assert a.lines == b.lines == [("agent", "Hi"), ("customer", "Hello")]
    with pytest.raises(TranscriptError, match="unknown speaker"):
        from_data([{"speaker": "narrator", "text": "x"}])


def test_agent_profanity_in_a_transcript_is_flagged():
    card = score_transcript(from_text(TEXT_CALL))
    abuse = [v for v in card.compliance.violations if v.rule == "abuse"]
    assert abuse and abuse[0].citation == "12 CFR 1006.14(d)" and abuse[0].turn == 3
    assert card.passed is False


def test_transcript_dimensions_without_data_are_not_assessed():
    card = score_transcript(from_text(TEXT_CALL)).to_dict()
    for name in ("preparation", "documentation"):
        dim = card["dimensions"][name]
        assert dim["score"] is None and dim["assessed"] is False
    assert card["dimensions"]["tone"]["assessed"] is True
    assert card["meta"]["source"] == "transcript"
    assert card["compliance"]["notes"]  # inference is said out loud
    assert any(s["rule"] == "call_time" for s in card["compliance"]["skipped"])


def test_transcript_overall_is_the_weighted_mean_of_assessed_dimensions():
    clean = TEXT_CALL.split("Agent: What the")[0] + "Agent: I'm so sorry to hear that. What could you manage each month?\n"
    card = score_transcript(from_text(clean))
    dims = [d for d in card.dimensions.values() if d.score is not None]
    expected = sum(d.weight * d.score for d in dims) / sum(d.weight for d in dims)
    assert card.overall == pytest.approx(expected)


def test_transcript_empathy_after_a_hardship_is_credited():
    clean = TEXT_CALL.split("Agent: What the")[0] + "Agent: I'm so sorry to hear that. What could you manage each month?\n"
    card = score_transcript(from_text(clean))
    assert card.check("empathy_after_reveal").passed is True


# ---------------------------------------------------------------------------- the command line


@pytest.fixture()
def files(tmp_path):
    good = tmp_path / "alex-coop.yaml"
    good.write_text(yaml.safe_dump(exemplary("cooperative-basic"), sort_keys=False))
    hard = tmp_path / "alex-hardship.json"
    hard.write_text(json.dumps(exemplary("hardship-basic")))
    call = tmp_path / "call.txt"
    call.write_text(TEXT_CALL)
    bad = tmp_path / "broken.yaml"
    bad.write_text("scenario: cooperative-basic\nturns: [unclosed\n")
    return good, hard, call, bad


def test_score_many_goes_on_past_a_bad_file(files, capsys):
    good, hard, call, bad = files
    code = main(["score", "--json", str(good), str(bad), str(hard), str(call)])
    out, err = capsys.readouterr()
    assert code == 1
    cards = json.loads(out)
    assert isinstance(cards, list) and len(cards) == 3
    assert [c["meta"].get("scenario_id") for c in cards] == ["cooperative-basic", "hardship-basic", None]
    assert "broken.yaml" in err and err.count("collectsim: error:") == 1


def test_score_json_is_a_list_even_for_one_file(files, capsys):
    assert main(["score", "--json", str(files[0])]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_score_csv_has_a_header_and_a_row_per_file(files, capsys):
    good, hard, call, _ = files
    assert main(["score", "--csv", str(good), str(hard), str(call)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["file", "trainee", "scenario", "overall", "passed", "preparation", "tone",
                       "active_listening", "flexibility", "documentation", "violations", "outcome",
                       "amount_secured"]
    assert len(rows) == 4 and rows[1][2] == "cooperative-basic" and rows[1][4] == "true"
    assert rows[3][5] == ""  # a transcript's preparation is not assessed


def test_score_writes_one_file_per_card_with_o(files, tmp_path, capsys):
    good, hard, *_ = files
    out_dir = tmp_path / "cards"
    assert main(["score", "--format", "html", "-o", str(out_dir), str(good), str(hard)]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["alex-coop.html", "alex-hardship.html"]


def test_score_text_and_md_formats(files, capsys):
    assert main(["score", str(files[0])]) == 0
    assert "Scorecard" in capsys.readouterr().out
    assert main(["score", "--format", "md", str(files[2])]) == 0
    assert "# Scorecard" in capsys.readouterr().out


def test_score_names_a_missing_file_and_an_unknown_scenario(tmp_path, capsys):
    rec = tmp_path / "r.yaml"
    rec.write_text("scenario: no-such-scenario\nturns: [hello]\n")
    assert main(["score", str(rec), str(tmp_path / "missing.yaml")]) == 1
    err = capsys.readouterr().err
    assert "no-such-scenario" in err and "missing.yaml" in err and "Traceback" not in err


def test_verify_reports_match_and_then_a_mismatch(files, tmp_path, capsys):
    assert main(["score", "--json", str(files[0])]) == 0
    card = json.loads(capsys.readouterr().out)[0]
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card))
    assert main(["verify", str(path)]) == 0
    assert "match" in capsys.readouterr().out

    card["overall"] = 12.5
    card["dimensions"]["tone"]["score"] = 1.0
    card["meta"]["hashes"]["scenario"] = "0" * 64
    path.write_text(json.dumps(card))
    assert main(["verify", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "differs" in out and "overall: 12.5 -> " in out and "dimensions.tone.score" in out
    assert "scenario changed" in err


def test_verify_a_transcript_card(files, tmp_path, capsys):
    card = score_transcript(load_transcript(files[2])).to_dict()
    path = tmp_path / "t.json"
    path.write_text(json.dumps(card))
    assert main(["verify", str(path)]) == 0


def test_verify_rejects_what_is_not_a_scorecard(tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    assert main(["verify", str(path)]) == 1
    assert "not a scorecard" in capsys.readouterr().err


@pytest.mark.slow
def test_score_command_runs_as_a_process(files):
    good = files[0]
    run = subprocess.run([sys.executable, "-m", "simulator", "score", "--json", str(good)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["passed"] is True


def test_a_call_too_short_to_judge_cannot_pass():
    """"hello" and nothing else shows a courteous tone and no other skill: no pass."""
    card = score_transcript(from_text("Agent: Hello.\nCustomer: Hi.\n"))
    d = card.to_dict()
    assert d["dimensions"]["active_listening"]["score"] is None  # no conversation to listen in
    assert d["dimensions"]["tone"]["score"] is not None
    assert card.passed is False
    assert d["assessed_weight"] == pytest.approx(30.8, abs=0.1)  # 20 of the 65 a recording can show
    assert "only Tone could be assessed" in d["incomplete"] and "needs 60%" in d["incomplete"]
    for text in (render_to_string(card, width=100), render_markdown(card), render_html(card)):
        assert "NOT ENOUGH TO JUDGE" in text and "FAILED" not in text


def test_a_real_call_is_judged_and_says_how_much_was_assessed():
    clean = TEXT_CALL.split("Agent: What the")[0] + "Agent: I'm so sorry to hear that. What could you manage each month?\n"
    d = score_transcript(from_text(clean)).to_dict()
    assert d["incomplete"] is None and d["assessed_weight"] >= 60


def test_one_open_question_of_two_gets_the_partial_tip():
    call = ("Agent: Hi, this is Sam from Acme Recovery. Am I speaking with Jo Reed?\n"
            "Customer: Yes.\n"
            "Agent: This is an attempt to collect a debt. What's been happening with the account?\n"
            "Customer: I lost my job in March.\n"
            "Agent: Could you manage $50 a month?\n"
            "Customer: I think so.\n")
    check = next(c for d in score_transcript(from_text(call)).dimensions.values()
                 for c in d.checks if c.id == "open_questions")
    assert 0 < check.earned < check.points
    assert check.tip is not None and check.tip.startswith("Ask another open question")


def test_the_app_summary_says_when_there_was_too_little_to_judge():
    from simulator.app.screens.scorecard import summary_text

    card = score_transcript(from_text("Agent: Hello.\nCustomer: Hi.\n")).to_dict()
    text = summary_text(card).plain
    assert "NOT ENOUGH TO JUDGE" in text and "only Tone could be assessed" in text
    assert "FAILED" not in text


def test_a_major_finding_says_why_the_card_failed():
    from scoring.render_common import cap_note, verdict

    card = {"passed": False, "overall": 81.7, "uncapped": 81.7, "incomplete": None,
            "compliance": {"critical": False, "violations": [
                {"rule": "beyond_authority", "severity": "major"}]}}
    assert verdict(card) == "FAILED"
    assert cap_note(card) == "failed: a major finding (beyond authority)"
