"""The plain-text scorecard is Rich's, byte for byte, wherever it is used instead of Rich
(and declines every card it cannot lay out exactly)."""

from __future__ import annotations

import copy
import io
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len
from rich.console import Console

from scoring.render_plain import ONE_CELL, plain_text, plain_wanted, wrap
from scoring.render_text import render_to_string
from scoring.scorer import score
from simulator.content.models import SessionRecord
from simulator.session import replay

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (40, 57, 80, 100, 133)


def _records() -> list[Path]:
    gaming = sorted((ROOT / "tests" / "gaming").glob("*/*.yaml"))
    return sorted((ROOT / "examples").glob("*.yaml")) + gaming[::4]


@pytest.fixture(scope="module")
def cards() -> list[dict]:
    out = []
    for path in _records():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("expect", None)
        finished = replay(SessionRecord.model_validate(data), base=path.parent)
        out.append(score(finished).to_dict())
    return out


def _rich(card: dict, width: int, verbose: bool = False) -> str:
    return render_to_string(card, width=width, verbose=verbose)


def test_every_symbol_taken_as_one_cell_is_one_cell_to_rich() -> None:
    assert all(cell_len(ch) == 1 for ch in ONE_CELL)


def test_real_cards_match_rich_at_every_width(cards: list[dict]) -> None:
    laid_out = declined = 0
    for card in cards:
        for width in WIDTHS:
            for verbose in (False, True):
                text = plain_text(card, width, verbose)
                if text is None:
                    declined += 1
                    continue
                laid_out += 1
                assert text == _rich(card, width, verbose), (card["meta"].get("scenario_id"), width)
    # Both paths are exercised: cards without violations are laid out, those with a
    # compliance table are left to Rich.
    assert laid_out > 50 and declined > 10


def test_cards_with_violations_are_left_to_rich(cards: list[dict]) -> None:
    for card in cards:
        if card["compliance"].get("violations"):
            assert plain_text(card, 80) is None


def _clean(cards: list[dict]) -> dict:
    return next(c for c in cards if not c["compliance"].get("violations") and c.get("tips"))


def test_awkward_wording_matches_rich(cards: list[dict]) -> None:
    """Long words, runs of spaces, trailing spaces, empty notes, long titles: random
    texts in every field a trainee or trainer writes."""
    base = _clean(cards)
    rng = random.Random(7)
    alphabet = ["word", "a", "supercalifragilisticexpialidocious" * 3, " ", "  ", "   ", "$1,240.00",
                "“quoted”", "—", "x" * 79, "x" * 80, "x" * 81, "\n", "  1.", "(−3.8 overall)", "✓"]

    def blurb() -> str:
        return "".join(rng.choice(alphabet) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 30)))

    compared = 0
    for _ in range(150):
        card = copy.deepcopy(base)
        card["meta"]["scenario_id"] = blurb() or "s"
        for dim in card["dimensions"].values():
            if rng.random() < 0.5:
                dim["note"] = blurb()
            for check in dim.get("checks", []):
                check["description"] = blurb()
                for e in check.get("evidence", []):
                    e["quote"], e["note"] = blurb(), blurb()
        for tip in card.get("tips", []):
            tip["tip"] = blurb()
        card["compliance"]["notes"] = [blurb() for _ in range(rng.randint(0, 2))]
        width = rng.choice(WIDTHS + (20, 24))
        text = plain_text(card, width)
        if text is not None:
            compared += 1
            assert text == _rich(card, width)
    assert compared > 50


def test_wide_or_control_characters_are_left_to_rich(cards: list[dict]) -> None:
    base = _clean(cards)
    for odd in ("日本語", "e\u0301", "tab\there", "bell\a", "😀"):
        card = copy.deepcopy(base)
        card["tips"][0]["tip"] = odd
        assert plain_text(card, 80) is None


@pytest.mark.parametrize("text", ["", "\n", "a\n", "\nTitle", "a  b", "w" * 90 + " z", "a " * 50])
def test_wrap_is_riches(text: str) -> None:
    from rich.text import Text

    f = io.StringIO()
    Console(file=f, width=40).print(Text(text))
    assert "\n".join(wrap(text, 40)) + "\n" == f.getvalue()


def test_only_a_pipe_without_forced_colour_is_plain() -> None:
    pipe, tty = io.StringIO(), io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    assert plain_wanted(pipe, {}) and not plain_wanted(tty, {})
    assert not plain_wanted(pipe, {"FORCE_COLOR": "1"}) and plain_wanted(pipe, {"FORCE_COLOR": ""})
    assert plain_wanted(tty, {"TTY_COMPATIBLE": "0"}) and not plain_wanted(pipe, {"TTY_COMPATIBLE": "1"})
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    assert not plain_wanted(latin, {})


def test_play_prints_without_importing_rich(tmp_path: Path) -> None:
    """The point of it all: a replay printed to a pipe never imports Rich."""
    code = ("import sys; from simulator.cli import main\n"
            "try:\n    main(['play', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('rich' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "hardship-good.yaml")],
                          capture_output=True, text=True, env={"COLLECTSIM_HOME": str(tmp_path), "PATH": ""},
                          check=True)
    assert done.stderr.strip().splitlines()[-1] == "False"
    assert "Scorecard: hardship-basic" in done.stdout
