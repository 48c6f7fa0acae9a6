"""Every kind of broken content gives its message at its line and column.

Each file under tests/fixtures/broken/ has one mistake (described by its last line);
the table below says what must be reported, and where. A new fixture must be added
to the table (test_every_fixture_is_listed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.loader import check_file

BROKEN = Path(__file__).parent / "fixtures" / "broken"

# file -> (line, col or None, message fragment, severity)
CASES: dict[str, tuple[int, int | None, str, str]] = {
    # ---- YAML level
    "personas/python_tag.yaml":
        (4, 10, "unknown tag '!!python/object/apply:os.system' is not allowed", "error"),
    "personas/unknown_tag.yaml": (4, 10, "unknown tag '!secret' is not allowed", "error"),
    "personas/duplicate_key.yaml": (8, 3, "duplicate key 'trust' (first at line 6)", "error"),
    "personas/billion_laughs.yaml": (7, 4, "refusing to load (is this an alias bomb?)", "error"),
    "personas/recursive_alias.yaml": (5, 12, "recursive alias '*s' is not allowed", "error"),
    "personas/not_utf8.yaml": (3, 13, "not UTF-8 text (invalid byte 0xe9 at offset 32)", "error"),
    "personas/empty.yaml": (1, 1, "file is empty; expected a persona mapping", "error"),
    "personas/comments_only.yaml": (1, 1, "file is empty; expected a persona mapping", "error"),
    "personas/top_list.yaml":
        (1, 1, "expected a persona mapping at the top of the file, found a list", "error"),
    "personas/top_scalar.yaml": (1, 1, "expected a persona mapping at the top of the file, "
                                 "found a single value ('just some words')", "error"),
    "personas/syntax_error.yaml":
        (4, 1, "YAML syntax error: found unexpected end of stream", "error"),
    "personas/two_documents.yaml": (3, 1, "file holds 2 YAML documents; expected one", "error"),
    "personas/control_char.yaml": (2, 13, "unacceptable character #x0007", "error"),
    # ---- schema
    "personas/unknown_key.yaml":
        (7, 3, "unknown key 'irritaton' in numbers (did you mean 'irritation'?)", "error"),
    "personas/missing_key.yaml": (1, 1, "missing key 'states' in persona", "error"),
    "personas/wrong_type.yaml": (6, 3, "numbers.trust: expected a number, found 'high'", "error"),
    "personas/bad_literal.yaml": (4, 1, "difficulty: 'meduim' should be 'easy', 'medium' or "
                                  "'hard' (did you mean 'medium'?)", "error"),
    "personas/final_without_outcome.yaml":
        (23, 5, "states[2]: final state 'ended' needs an outcome", "error"),
    "personas/bad_id.yaml": (1, 1, "id: 'Mini Persona' is not a valid id", "error"),
    "sessions/bad_session.yaml": (5, 31, "preparation.reviewed[1]: 'payment_histroy' should be "
                                  "'account_summary', 'payment_history'", "error"),
    "sessions/wrong_count.yaml":
        (5, 3, "agreement.installments: expected a whole number, found 'eight'", "error"),
    "scenarios/bad_timezone.yaml":
        (8, 3, "call.timezone: unknown time zone 'America/Chicgo'", "error"),
    "scenarios/bad_local_time.yaml":
        (9, 3, "call.local_time: local_time must be HH:MM on a 24-hour clock", "error"),
    # ---- lint: personas
    "personas/unreachable_state.yaml": (21, 5, "states[1].name: state 'talking' cannot be "
                                        "reached from the initial state 'answered'", "error"),
    "personas/dead_end_state.yaml": (21, 5, "states[1].name: state 'talking' is not final and "
                                     "no transition leads out of it", "error"),
    "personas/answers_unknown_intent.yaml": (40, 3, "answers.employmnet: unknown question intent "
                                             "'employmnet' (did you mean 'employment'?)", "error"),
    "personas/answers_unknown_condition.yaml": (41, 14, "answers.employment[0].when[0]: unknown "
                                                "condition 'opend_up' (did you mean 'opened_up'?)",
                                                "error"),
    "personas/answers_unknown_state.yaml": (41, 14, "answers.employment[0].from[0]: unknown state "
                                            "'talkin' (did you mean 'talking'?)", "error"),
    "personas/line_unknown_condition.yaml": (24, 18, "states[1].idle[0].unless[0]: unknown "
                                             "condition 'idenitfied' (did you mean 'identified'?)",
                                             "error"),
    "personas/detail_unknown.yaml": (24, 12, "states[1].idle[0]: unknown placeholder "
                                     "{detail.monht} (did you mean {detail.month}?)", "error"),
    "personas/variant_unknown_fact.yaml": (42, 7, "variants[0].facts.reasn: unknown fact 'reasn' "
                                           "(did you mean 'reason'?)", "error"),
    "personas/variant_unknown_number.yaml": (41, 15, "variants[0].numbers.trsut: unknown number "
                                             "'trsut' (did you mean 'trust'?)", "error"),
    "personas/unknown_state_from.yaml": (32, 5, "transitions[1].from: unknown state 'taking' "
                                         "(did you mean 'talking'?)", "error"),
    "personas/unknown_state_to.yaml": (38, 5, "transitions[2].to: unknown state 'endd' "
                                       "(did you mean 'ended'?)", "error"),
    "personas/unknown_trigger.yaml": (31, 5, "transitions[1].on: unknown move or trigger "
                                      "'empthy' (did you mean 'empathy'?)", "error"),
    "personas/unknown_condition.yaml": (33, 12, "transitions[1].when[0]: unknown condition "
                                        "'opend_up' (did you mean 'opened_up'?)", "error"),
    "personas/unknown_callback.yaml": (30, 10, "transitions[0].do[0]: unknown callback "
                                       "'confirm_identty' (did you mean 'confirm_identity'?)",
                                       "error"),
    "personas/reveal_unknown_fact.yaml": (34, 10, "transitions[1].do[0]: 'reveal:reson' names "
                                          "an unknown fact 'reson' (did you mean 'reason'?)",
                                          "error"),
    "personas/condition_syntax.yaml": (13, 3, "conditions.opened_up: bad condition "
                                       "'trust >= ': condition ends too early", "error"),
    "personas/condition_unknown_variable.yaml": (13, 3, "unknown name 'trsut' "
                                                 "(did you mean 'trust'?)", "error"),
    "personas/effects_unknown_move.yaml": (16, 3, "effects.greting: unknown move or effect key 'greting' "
                                           "(did you mean 'greeting'?)", "error"),
    "personas/effects_unknown_number.yaml": (15, 24, "effects.empathy.irritaton: unknown number "
                                             "'irritaton' (did you mean 'irritation'?)", "error"),
    "personas/priority_unknown_move.yaml": (16, 21, "priority[1]: unknown move 'empaty' "
                                            "(did you mean 'empathy'?)", "error"),
    "personas/placeholder_unknown.yaml": (20, 13, "unknown placeholder {debtor.firstname} "
                                          "(did you mean {debtor.first_name}?)", "error"),
    "personas/placeholder_unknown_fact.yaml": (35, 11, "transitions[1].say[0]: unknown "
                                               "placeholder {fact.raeson} (did you mean "
                                               "{fact.reason}?)", "error"),
    "personas/placeholder_unbalanced.yaml": (17, 11, "opening[0]: unbalanced '{'", "error"),
    "personas/bad_regex_cue.yaml": (41, 16, "cues.empathy.patterns[0]: bad regular expression "
                                    "'(so sorry': missing ), unterminated subpattern", "error"),
    "personas/initial_unknown.yaml": (16, 1, "initial: unknown state 'start'", "error"),
    "personas/final_with_exit.yaml": (40, 5, "transitions[3].from: final state 'ended' has a "
                                      "transition out of it", "warning"),
    "personas/duplicate_state.yaml": (23, 5, "states[2].name: state 'talking' is defined twice",
                                      "error"),
    # ---- lint: scenarios
    "scenarios/unknown_persona.yaml":
        (4, 1, "persona: no persona 'hardshp' (did you mean 'hardship'?)", "error"),
    "scenarios/check_unknown_state.yaml": (17, 7, "checks[0].expect.state: persona "
                                           "'../../content/personas/mini.yaml' has no state "
                                           "'endd' (did you mean 'ended'?)", "error"),
    "scenarios/check_unknown_event.yaml": (18, 16, "checks[0].expect.events[0]: no engine event",
                                           "warning"),
    "scenarios/rubric_unknown_dimension.yaml": (12, 5, "rubric.weights.empathy: unknown rubric "
                                                "dimension 'empathy'", "error"),
    "scenarios/rubric_unknown_threshold.yaml": (14, 5, "rubric.thresholds.monologue_word: "
                                                "unknown rubric threshold 'monologue_word' "
                                                "(did you mean 'monologue_words'?)", "error"),
}

#: Fixtures that must check clean (YAML 1.1 pitfalls handled).
CLEAN = ["scenarios/unquoted_time.yaml", "sessions/ok_session.json"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_fixture(name: str) -> None:
    line, col, fragment, severity = CASES[name]
    problems = check_file(BROKEN / name)
    matching = [p for p in problems if fragment in p.message]
    assert matching, f"{name}: no problem containing {fragment!r} in {problems}"
    p = matching[0]
    assert p.line == line, f"{name}: {p}"
    if col is not None:
        assert p.col == col, f"{name}: {p}"
    assert p.severity == severity
    assert str(p).startswith(f"{BROKEN / name}:{line}:")


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixture(name: str) -> None:
    assert check_file(BROKEN / name) == []


def test_every_fixture_is_listed() -> None:
    found = {p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*") if p.is_file()}
    assert found == set(CASES) | set(CLEAN)


def test_problems_are_sorted_by_line() -> None:
    for name in CASES:
        problems = check_file(BROKEN / name)
        assert problems == sorted(problems, key=lambda p: (p.line, p.col)), name


def test_one_mistake_gives_one_problem() -> None:
    """Cascades are kept down: most fixtures report exactly their one mistake."""
    # the graph checks follow from the bad state; the first document lacks keys
    noisy = {"personas/unknown_state_to.yaml", "personas/two_documents.yaml"}
    for name in sorted(set(CASES) - noisy):
        problems = check_file(BROKEN / name)
        assert len(problems) == 1, f"{name}: {[str(p) for p in problems]}"
