"""Persona conditions are a tiny safe expression language."""

import pytest

from simulator.engine.expressions import ExpressionError, compile_expression


@pytest.mark.parametrize(
    ("src", "env", "expected"),
    [
        ("trust >= 50", {"trust": 50}, 1.0),
        ("trust >= 50", {"trust": 49.9}, 0.0),
        ("trust > 40 and irritation < 30", {"trust": 41, "irritation": 29}, 1.0),
        ("trust > 40 and irritation < 30", {"trust": 41, "irritation": 30}, 0.0),
        ("not verified or disclosed", {"verified": 1, "disclosed": 0}, 0.0),
        ("offer_monthly * offer_count >= balance * 0.6", {"offer_monthly": 80, "offer_count": 10, "balance": 1240}, 1.0),
        ("(a + b) / 2 == 3", {"a": 2, "b": 4}, 1.0),
        ("x / 0 == 0", {"x": 5}, 1.0),
        ("-irritation < -10", {"irritation": 20}, 1.0),
    ],
)
def test_evaluates(src, env, expected):
    fn, _ = compile_expression(src)
    assert fn(env) == expected


def test_reports_names_it_reads():
    _, names = compile_expression("trust >= 50 and not verified")
    assert names == {"trust", "verified"}


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("trust >=", "ends too early"),
        ("trust >= 50 50", "unexpected '50'"),
        ("trust $ 3", "unexpected character '$'"),
        ("(trust > 3", "missing ')'"),
        ("", "empty condition"),
        ("trust and", "ends too early"),
    ],
)
def test_syntax_errors(src, message):
    with pytest.raises(ExpressionError, match=message.replace("(", r"\(").replace(")", r"\)").replace("$", r"\$")):
        compile_expression(src)


def test_unknown_name_has_did_you_mean():
    with pytest.raises(ExpressionError, match=r"unknown name 'trsut' \(did you mean 'trust'\?\)"):
        compile_expression("trsut > 3", known={"trust", "irritation"})


def test_no_python_evaluation():
    with pytest.raises(ExpressionError):
        compile_expression("__import__('os').system('true')")
