"""Cue data: loading the shipped ``cues.yaml`` and extra cue blocks, merging them, and
the compiled forms the analyser matches (a phrase index and lazily compiled patterns)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.nlu.prefilter import Pattern


class CuePattern(Pattern):
    """One cue pattern with what to say when it fires. Compiled on first need: the
    words it requires (see ``prefilter``) rule it out for most sentences, and a
    pattern that is never searched is never compiled."""

    __slots__ = ("why",)

    def __init__(self, why: str, source: str) -> None:
        super().__init__(source)
        self.why = why


@dataclass(frozen=True)
class MoveCuesCompiled:
    """One move's cue patterns and examples, ready to match."""

    name: str
    patterns: tuple[CuePattern, ...]
    examples: tuple[tuple[str, frozenset[str]], ...]


WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase as the word tokens it must match: lower case, apostrophes dropped, so
    "I’m" and "im" meet; punctuation and hyphens separate words."""
    return tuple(t.replace("'", "") for t in WORD.findall(phrase.lower().replace("’", "'")))


class PhraseIndex:
    """All moves' literal phrases, matched on word tokens in one pass.

    Much faster than one regex alternation per move: each word of the sentence is
    looked up once, and only the phrases starting with that word are compared.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}

    def add(self, phrase: str, move: str, negative: bool) -> None:
        toks = phrase_tokens(phrase)
        if toks:
            self._by_first.setdefault(toks[0], []).append((toks, move, phrase, negative))

    def finish(self) -> None:
        for cands in self._by_first.values():
            cands.sort(key=lambda c: -len(c[0]))

    def scan(self, s: str) -> tuple[dict[str, tuple[int, int, str]], set[str]]:
        """First phrase per move as (start, end, phrase), and moves with a negative phrase."""
        low = s.lower()
        spans = [(m.start(), m.end()) for m in WORD.finditer(low)]
        toks = [low[a:b].replace("'", "") for a, b in spans]
        hits: dict[str, tuple[int, int, str]] = {}
        negs: set[str] = set()
        n = len(toks)
        by_first = self._by_first
        for i, t in enumerate(toks):
            cands = by_first.get(t)
            if not cands:
                continue
            for ptoks, move, phrase, negative in cands:
                k = len(ptoks)
                if i + k <= n and (k == 1 or tuple(toks[i:i + k]) == ptoks):
                    if negative:
                        negs.add(move)
                    elif move not in hits:
                        hits[move] = (spans[i][0], spans[i + k - 1][1], phrase)
        return hits, negs



def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Cue mappings merged: lists are concatenated, duplicates dropped. A trainer's cues
    (``extra``) come first, so that a move both find is reported as the trainer's, which
    always stands ("handling his estate?" in the widow's call was vetoed by the model once a
    shipped pattern found it first); the move found is the same either way."""
    from simulator.nlu.cuefile import CUE_KINDS, unwrap

    out: dict[str, dict[str, list[str]]] = {}
    for move in unwrap(base) or {}:  # every shipped move keeps its place
        out[move] = {k: [] for k in CUE_KINDS}
    for src in (unwrap(extra) or {}, unwrap(base) or {}):
        for move, cues in src.items():
            slot = out.setdefault(move, {k: [] for k in CUE_KINDS})
            for kind in CUE_KINDS:
                for item in (cues or {}).get(kind) or []:
                    if item not in slot[kind]:
                        slot[kind].append(item)
    return out


def load_yaml(path: Path) -> Any:
    import yaml

    from simulator.diagnostics import ContentError, Problem

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError([Problem(str(path), 0, 0, f"cannot read cue file: {exc.strerror}")]) from exc
    if len(text) > 2_000_000:
        raise ContentError([Problem(str(path), 0, 0, "cue file is larger than 2 MB")])
    try:
        return yaml.load(text, Loader=safe_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ContentError([Problem(str(path), line, col, f"YAML error: {exc}")]) from exc


def safe_loader() -> Any:
    """The C safe loader when PyYAML has it (ten times faster), else the pure one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def default_cues() -> dict[str, Any]:
    from simulator.cachefile import shipped_yaml

    return merge({}, shipped_yaml(Path(__file__).parent / "cues.yaml") or {})


def trainer_whys(extra: Mapping[str, Any]) -> set[str]:
    """The ``why`` each cue of an added cue block gives its moves, so that a move found
    through a trainer's own cue can be told from one found through the shipped cues."""
    from simulator.nlu.cuefile import CUE_KINDS, unwrap

    out: set[str] = set()
    for cues in (unwrap(extra) or {}).values():
        lists = {k: (cues or {}).get(k) or [] for k in CUE_KINDS}
        out |= {f'cue "{p}"' for p in lists["phrases"]}
        out |= {f"pattern {p}" for p in lists["patterns"]}
        out |= {f'similar to example "{e}"' for e in lists["examples"]}
    return out
