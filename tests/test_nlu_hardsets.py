"""The hard cases of issue 10, in sentences of this file's own (none is in the corpus the
model is trained on; a test checks that): veiled threats, lawful lines that must not
read as threats or pressure, sarcasm and condescension, talking over the debtor, and
plain acknowledgement read as warm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.nlu.analyser import analyze

CORPUS = Path(__file__).resolve().parent.parent / "data"

VEILED_THREATS = [
    "If it's not sorted out we may have to take this further, and you don't want that.",
    "It would be a pity if your landlord heard about this.",
    "Keep dodging me and this could end up affecting your job.",
    "Your new employer may hear from us if this drags on.",
    "I'd hate for the folks at your church to find out about this.",
    "We know where you work, Mr. Hale. Let's keep it that way, shall we?",
    "Pay something today, or the next person you talk to won't be me, it'll be someone from legal.",
    "A judge won't be as understanding as I am.",
    "Be a real shame if the sheriff had to come out to your place over two thousand dollars.",
    "Things can get complicated for your credit if we can't agree on something before Friday.",
    "Your brother is listed as a reference. I'd rather not have to ring him.",
    "I'd settle this now if I were you, before it goes somewhere you can't control.",
]
LAWFUL = [
    ("Nobody is going to arrest you; owing money isn't a crime.", None),
    ("We won't be contacting your employer about this account.", None),
    ("I can't tell you what the creditor will decide later; right now it's just with us.",
     "What happens if I don't pay?"),
    ("This settlement offer of $900 is available until the 30th.", None),
    ("You have the right to dispute this debt in writing within thirty days.", None),
    ("If you'd like, you can ask us to stop calling and we'll only write to you.", None),
    ("Because the debt is past the statute of limitations, we can't sue you over it.", None),
    ("The account stays open with us until it's resolved, and I'm happy to look at options.",
     "What happens if I just ignore it?"),
    ("We can close it for $700 as long as it's paid within 30 days.", None),
    ("Your benefits are protected from garnishment, so that isn't something to worry about.", None),
]
#: Sarcasm the analyser still misses (no move, tone not low enough): kept as strict
#: expected failures so an improvement shows, rather than taken out of the set.
#: Lines the shipped analyser gets wrong, each a strict xfail (so a fix is noticed):
#: sarcasm the model scores below its cut, and an acknowledgement the model scores just
#: over its cut but short of what empathy needs from the model alone (see
#: simulator.nlu.combine.POLICY).
KNOWN_MISSES = {
    "Is simple arithmetic too much to ask of you today?",
    "Yeah, right, the bank made it all up just to bother you.",
    "Gosh, I wonder why nobody wants to lend you money.",
    "Hmm, I see where you're coming from.",
}


def known(params: list, arity: int = 2) -> list:
    """The parameters, with the known misses marked as strict xfails."""
    out = []
    for p in params:
        text = p if arity == 1 else p[0]
        if text in KNOWN_MISSES:
            out.append(pytest.param(*([p] if arity == 1 else p), marks=pytest.mark.xfail(
                strict=True, reason="a known miss of the analyser")))
        else:
            out.append(p)
    return out
SARCASM = [
    "Wow, must be nice to have time for vacations but not for bills.",
    "Oh sure, and I bet the cheque is already in the post.",
    "Congratulations on the new truck. Shame the bill didn't get the same love.",
    "Let me go nice and slow so you can keep up with me.",
    "Real impressive, three years and not a single payment.",
    "Gosh, I wonder why nobody wants to lend you money.",
    "Is simple arithmetic too much to ask of you today?",
    "Yeah, right, the bank made it all up just to bother you.",
]
TALK_OVER = [
    ("Let me stop you there, I've got a lot of calls to get through.", "My husband has been in the hospital since"),
    ("Yeah, yeah, skip the story, what are you paying today?", "So what happened was my car broke down and"),
    ("I don't need the life story, ma'am.", "It started last spring when my mother got sick and"),
    ("Hold on, hold on, that's not my problem.", "The thing is the landlord raised the rent and"),
    ("Save it. Everybody has a sad story.", "I've been trying, I really have, it's just that"),
    ("Can we get to the point? How much today?", "I wanted to explain why the payments stopped"),
]
ACKNOWLEDGEMENT = [
    ("I get that money's tight right now.", "Things are really tight at the moment."),
    ("Hmm, I see where you're coming from.", "I just don't think I should owe the late fees."),
    ("That sounds really hard, I'm sorry you're dealing with all of that.", None),
    ("I understand, and thank you for telling me.", "I lost my job last month."),
]


def _corpus_texts() -> set[str]:
    out: set[str] = set()
    for f in CORPUS.glob("*/*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["text"].strip().lower())
    return out


def test_sentences_are_not_in_the_corpus() -> None:
    texts = _corpus_texts()
    if not texts:
        pytest.skip("no corpus in this checkout")
    mine = VEILED_THREATS + SARCASM + [t for t, _ in LAWFUL + TALK_OVER + ACKNOWLEDGEMENT]
    assert not [t for t in mine if t.strip().lower() in texts]


@pytest.mark.parametrize("text", VEILED_THREATS)
def test_veiled_threats_are_threats(text: str) -> None:
    a = analyze(text)
    assert a.has("threat"), [m.move for m in a.moves]
    assert a.tone.score < 0
    mv = next(m for m in a.moves if m.move == "threat")
    assert mv.evidence and mv.evidence in text and mv.why


@pytest.mark.parametrize(("text", "context"), LAWFUL)
def test_lawful_lines_are_not_threats_or_pressure(text: str, context: str | None) -> None:
    a = analyze(text, context)
    assert not (set(a.move_names) & {"threat", "pressure", "abuse"}), [m.move for m in a.moves]
    assert a.tone.score > -0.3


@pytest.mark.parametrize("text", known(SARCASM, 1))
def test_sarcasm_and_condescension_read_negative(text: str) -> None:
    a = analyze(text)
    assert set(a.move_names) & {"pressure", "abuse"}, [m.move for m in a.moves]
    assert a.tone.score < -0.3, a.tone


@pytest.mark.parametrize(("text", "context"), known(TALK_OVER))
def test_talking_over_is_pressure(text: str, context: str) -> None:
    a = analyze(text, context)
    assert a.has("pressure"), [m.move for m in a.moves]
    assert a.tone.score < -0.2, a.tone


@pytest.mark.parametrize(("text", "context"), known(ACKNOWLEDGEMENT))
def test_acknowledgement_is_warm_empathy(text: str, context: str | None) -> None:
    a = analyze(text, context)
    assert a.has("empathy"), [m.move for m in a.moves]
    assert a.tone.score > 0.15, a.tone
