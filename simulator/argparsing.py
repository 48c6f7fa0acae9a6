"""argparse as users expect it: a mistyped command, option or choice gets a suggestion.

``collectsim plya`` says ``unknown command 'plya' (did you mean 'play'?)`` instead of
listing every command, ``collectsim play --jsn`` says ``did you mean --json?``. Only
argparse is imported at start-up; difflib is loaded when there is an error to explain.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any, NoReturn


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """What the user probably meant: "'play'", "'score' or 'scores'", or None."""
    guesses = close_matches(word, candidates)
    if not guesses:
        return None
    quoted = [f"'{g}'" if not g.startswith("-") else g for g in guesses]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates closest to a mistyped word (at most ``n``), best first."""
    import difflib

    pool = list(dict.fromkeys(c for c in candidates if isinstance(c, str)))
    close = difflib.get_close_matches(word, pool, n=n, cutoff=0.6)
    if close:
        return close
    # "--js" for "--json", "sc" for score/scores/schema: a prefix is a good guess too.
    return [c for c in pool if len(word) >= 2 and c.startswith(word)][:n]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors suggest the nearest command, option or choice.

    Subparsers are made with the same class, so every command gets the same help. The
    top-level parser remembers the subcommand parser in use (``selected``), because
    argparse reports a subcommand's unknown options from the top level.
    """

    selected: argparse.ArgumentParser | None = None

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(c) for c in action.choices]
        guess = suggest(str(value), choices)
        if isinstance(action, argparse._SubParsersAction):
            hint = f"did you mean {guess}? " if guess else ""
            msg = f"unknown command '{value}' ({hint}see {self.prog} --help)"
            raise argparse.ArgumentError(None, msg)
        msg = f"invalid choice: '{value}' (choose from {', '.join(choices)})"
        if guess:
            msg += f"; did you mean {guess}?"
        raise argparse.ArgumentError(action, msg)

    def option_strings(self) -> list[str]:
        """Every option this parser (and the subcommand in use) accepts."""
        out: list[str] = []
        for parser in (self, self.selected):
            if parser is None:
                continue
            for action in parser._actions:
                out += [o for o in action.option_strings if o.startswith("--")]
        return out

    def parse_args(self, args: Any = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(self.unrecognized(extras))
        return parsed

    def unrecognized(self, extras: list[str]) -> str:
        msg = f"unrecognized arguments: {' '.join(extras)}"
        known = self.option_strings()
        for extra in extras:
            if extra.startswith("--"):
                guess = suggest(extra.split("=", 1)[0], known)
                if guess:
                    return f"{msg} (did you mean {guess}?)"
        return msg

    def error(self, message: str) -> NoReturn:
        """Usage and one line on standard error, exit code 2 (wrong usage)."""
        who = self.selected if self.selected is not None and "unrecognized" in message else self
        who.print_usage(_stderr())
        self.exit(2, f"{who.prog}: error: {message}\n")


def _stderr() -> Any:
    import sys

    return sys.stderr
