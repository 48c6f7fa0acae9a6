"""A tiny, safe expression language for persona conditions.

``"trust >= 50 and irritation < 40"`` compiles to a function of a variable mapping.
No ``eval``: a hand-written recursive-descent parser over numbers, names, arithmetic,
comparisons, ``and``, ``or``, ``not`` and parentheses. Unknown names are reported when
the persona loads, not when the condition is first read.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping

from simulator.rxcache import compile as rx

Env = Mapping[str, float]
Fn = Callable[[Env], float]

_TOKEN = rx(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|<|>|[-+*/()]))")
_CMP = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
        "==": operator.eq, "!=": operator.ne}
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul}


class ExpressionError(ValueError):
    pass


def _tokens(src: str) -> list[str]:
    out: list[str] = []
    pos = 0
    src = src.rstrip()
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if not m or m.end() == pos:
            bad = src[pos:].strip()[:1]
            raise ExpressionError(f"unexpected character '{bad}' at column {pos + 1}")
        out.append(m.group(1) or m.group(2) or m.group(3))
        pos = m.end()
    return out


def compile_expression(src: str, known: set[str] | None = None) -> tuple[Fn, set[str]]:
    """Compile ``src``; return the function and the names it reads.

    Raises ExpressionError for a syntax error or (when ``known`` is given) an unknown name.
    """
    toks = _tokens(src)
    if not toks:
        raise ExpressionError("empty condition")
    names: set[str] = set()
    i = 0

    def peek() -> str | None:
        return toks[i] if i < len(toks) else None

    def take() -> str:
        nonlocal i
        if i >= len(toks):
            raise ExpressionError("condition ends too early")
        i += 1
        return toks[i - 1]

    def atom() -> Fn:
        t = take()
        if t == "(":
            f = disj()
            if peek() != ")":
                raise ExpressionError("missing ')'")
            take()
            return f
        if t == "-":
            g = atom()
            return lambda env: -g(env)
        if t[0].isdigit():
            v = float(t)
            return lambda env: v
        if t[0].isalpha() or t[0] == "_":
            if t in ("and", "or", "not"):
                raise ExpressionError(f"'{t}' where a value was expected")
            if t in ("true", "false"):
                v = 1.0 if t == "true" else 0.0
                return lambda env: v
            if known is not None and t not in known:
                from difflib import get_close_matches

                close = get_close_matches(t, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ExpressionError(f"unknown name '{t}'{hint}")
            names.add(t)
            return lambda env: float(env.get(t, 0.0))
        raise ExpressionError(f"unexpected '{t}'")

    def term() -> Fn:
        f = atom()
        while peek() in ("*", "/"):
            op = take()
            g = atom()
            if op == "*":
                f = (lambda a, b: lambda env: a(env) * b(env))(f, g)
            else:
                f = (lambda a, b: lambda env: a(env) / b(env) if b(env) else 0.0)(f, g)
        return f

    def arith() -> Fn:
        f = term()
        while peek() in ("+", "-"):
            op = _ARITH[take()]
            g = term()
            f = (lambda a, b, o: lambda env: o(a(env), b(env)))(f, g, op)
        return f

    def comparison() -> Fn:
        f = arith()
        if peek() in _CMP:
            op = _CMP[take()]
            g = arith()
            return (lambda a, b, o: lambda env: 1.0 if o(a(env), b(env)) else 0.0)(f, g, op)
        return f

    def negation() -> Fn:
        if peek() == "not":
            take()
            g = negation()
            return lambda env: 0.0 if g(env) else 1.0
        return comparison()

    def conj() -> Fn:
        f = negation()
        while peek() == "and":
            take()
            g = negation()
            f = (lambda a, b: lambda env: 1.0 if a(env) and b(env) else 0.0)(f, g)
        return f

    def disj() -> Fn:
        f = conj()
        while peek() == "or":
            take()
            g = conj()
            f = (lambda a, b: lambda env: 1.0 if a(env) or b(env) else 0.0)(f, g)
        return f

    fn = disj()
    if i != len(toks):
        raise ExpressionError(f"unexpected '{toks[i]}'")
    return fn, names


@functools.lru_cache(maxsize=2048)
def compile_cached(src: str, known: frozenset[str]) -> tuple[Fn, frozenset[str]]:
    """``compile_expression`` for a condition every call of a persona compiles again: the
    function is pure (it reads only the variables it is given), so one serves them all."""
    fn, names = compile_expression(src, set(known))
    return fn, frozenset(names)
