"""The analyser: one trainee utterance -> moves with evidence, entities and tone.

How it decides, in order (each Move's ``why`` names the step that fired):

1. cue phrases and regular expressions from ``cues.yaml`` (plus any a scenario or
   persona adds), run sentence by sentence; a ``negative`` phrase in the same sentence
   cancels the move;
2. nearest example: a sentence whose words overlap strongly with one of the move's
   example utterances ('similar to example "..."');
3. a few linguistic rules that cue lists cannot say well: open wh-questions and
   invitations to explain ("tell me", "can you describe", "I'm curious how"), while a
   wh-clause inside a statement or "I wonder if" is not one; a restatement of the
   debtor's previous line or a second-person statement that is not the speaker's own
   advice or information (reflection); an amount per period proposed as a plan;
4. the labelling rules that settle conflicts (a question about amounts is ask_capacity,
   never open_question; a recap is not a new offer; and so on).

Everything is pure Python and deterministic. Importing this module is cheap: the cue
file is read and compiled on the first analysis.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from simulator.nlu.combine import POLICY, combine
from simulator.nlu.cues import (
    CuePattern,
    MoveCuesCompiled,
    PhraseIndex,
    default_cues,
    load_yaml,
    merge,
    trainer_whys,
)
from simulator.nlu.insults import insult_in, without_elsewhere
from simulator.nlu.labelling import negation_undone, sentence_rules, utterance_rules
from simulator.nlu.learned import LearnedModel, default_model
from simulator.nlu.listening import ANGER, APOLOGY, DISTRESS, ROOM, echo
from simulator.nlu.prefilter import could_match, fold
from simulator.nlu.text import (
    MAX_SENTENCES,
    STAGE,
    TRANS,
    content,
    example_features,
    split_sentences,
    whole_words,
)
from simulator.nlu.threats import denied, insult_denied, threat_across, threat_in
from simulator.nlu.types import MOVES, Analysis, Move

#: Minimum cosine similarity for the nearest-example step.
EXAMPLE_THRESHOLD = 0.62


class Analyser:
    """Moves, entities and tone from cue data. Build once, analyse many times."""

    def __init__(self, cues: Mapping[str, Any], *, checked: bool = False,
                 learned: bool = True, trainer_whys: frozenset[str] = frozenset()):
        """Compile ``cues`` (``{moves: {name: {phrases, patterns, examples, negative}}}``
        or the bare inner mapping). Raises ContentError listing every problem, unless
        ``checked`` says the data was already checked (the shipped file is, by tests).

        ``learned`` False leaves the learned layer out (the rules alone, as the model's
        training reads them). ``trainer_whys`` are the reasons of cues a trainer added:
        a move they find stands whatever the model says (see ``combine``)."""
        from simulator.nlu.cuefile import check_cues, normalise_pattern

        if not checked:
            problems = check_cues(dict(cues), "<cues>")
            if problems:
                from simulator.diagnostics import ContentError

                raise ContentError(problems)
        self.cue_data = merge({}, cues)
        compiled: list[MoveCuesCompiled] = []
        self._phrases = PhraseIndex()
        for name in MOVES:
            c = self.cue_data.get(name, {})
            for p in c.get("phrases", []):
                self._phrases.add(p, name, negative=False)
            for p in c.get("negative", []):
                self._phrases.add(p, name, negative=True)
            pats = tuple(CuePattern(f"pattern {p}", normalise_pattern(p)) for p in c.get("patterns", []))
            examples = tuple((e, example_features(e)) for e in c.get("examples", []) if e.strip())
            compiled.append(MoveCuesCompiled(name, pats, examples))
        self._phrases.finish()
        self._moves = tuple(compiled)
        index: dict[str, list[tuple[str, int]]] = {}
        for mc in self._moves:
            for i, (_, feats) in enumerate(mc.examples):
                for f in feats:
                    index.setdefault(f, []).append((mc.name, i))
        self._index = index
        self._examples = {mc.name: mc.examples for mc in self._moves}
        self._extended: dict[str, Analyser] = {}
        self.learned = learned
        # A pattern that opens with the regex comment ``(?#firm)`` stands like a trainer's cue:
        # the learned layer cannot veto it (cues.yaml: veiled threats that name the employer).
        self.trainer_whys = trainer_whys | {p.why for mc in self._moves for p in mc.patterns
                                            if p.why.startswith(FIRM_WHY)}
        self.model: LearnedModel | None = None  # None: the shipped model
        self.policy: Mapping[str, Any] | None = None  # None: combine.POLICY

    # --- construction ------------------------------------------------------------------

    @classmethod
    def default(cls) -> Analyser:
        """The shared analyser over the shipped ``cues.yaml``, built once (analysers are
        never changed after construction, so sharing is safe)."""
        return default_analyser()

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], base: bool = True) -> Analyser:
        """The shipped cues (unless ``base`` is False) with each file's cues merged on top."""
        from simulator.nlu.cuefile import check_cues

        data: dict[str, Any] = dict(default_cues()) if base else {}
        whys: set[str] = set()
        for path in paths:
            loaded = load_yaml(Path(path))
            problems = check_cues(loaded, str(path))
            if problems:
                from simulator.diagnostics import ContentError

                raise ContentError(problems)
            data = merge(data, loaded or {})
            whys |= trainer_whys(loaded or {})
        return cls(data, checked=True, trainer_whys=frozenset(whys))

    def extended(self, extra: Mapping[str, Any] | None) -> Analyser:
        """A new analyser with ``extra`` cues (same shape as cues.yaml) merged on top."""
        if not extra:
            return self
        import json

        key = json.dumps(extra, sort_keys=True, default=str)
        cached = self._extended.get(key)
        if cached is not None:
            return cached
        from simulator.nlu.cuefile import check_cues

        problems = check_cues(dict(extra), "<cues>")
        if problems:
            from simulator.diagnostics import ContentError

            raise ContentError(problems)
        made = Analyser(merge(self.cue_data, extra), checked=True, learned=self.learned,
                        trainer_whys=self.trainer_whys | trainer_whys(extra))
        if len(self._extended) < 32:  # a session per scenario reuses its analyser
            self._extended[key] = made
        return made

    def with_model(self, model: LearnedModel | None,
                   policy: Mapping[str, str | float] | None = None
                   ) -> Analyser:
        """The same cues with another learned model or decision policy (for measurement:
        leave-one-voice-out models, rules alone, ...)."""
        import copy

        made = copy.copy(self)
        made.model, made.policy, made._extended = model, policy, {}
        return made

    # --- analysis ----------------------------------------------------------------------

    def analyze(self, text: str, context: str | None = None,
                today: _dt.date | None = None) -> Analysis:
        """Analyse one utterance, optionally with the debtor's previous line as context."""
        return self._analyze(text, context, today, self.learned)

    def rules_only(self, text: str, context: str | None = None,
                   today: _dt.date | None = None) -> Analysis:
        """The rules' findings alone: what the learned layer reads as features."""
        return self._analyze(text, context, today, False)

    def _analyze(self, text: str, context: str | None, today: _dt.date | None,
                 learned: bool) -> Analysis:
        from simulator.nlu.entities import extract_entities
        from simulator.nlu.questions import find_asks
        from simulator.nlu.tone import tone_of

        if not isinstance(text, str):
            text = "" if text is None else str(text)
        if context is not None and not isinstance(context, str):
            context = str(context)
        norm = STAGE.sub(lambda m: " " * len(m.group(0)), text.translate(TRANS))
        spans = split_sentences(norm)
        ctx = context[:4000].translate(TRANS) if context else None  # read once, used thrice
        ctx_words = content(ctx) if ctx else set()
        # Distress or anger in the debtor's line: room given or an apology acknowledges it.
        distress = bool(ctx) and bool(DISTRESS.search(ctx) or ANGER.search(ctx))
        found: dict[str, Move] = {}
        spans = spans[:MAX_SENTENCES]
        # Each sentence case-folded once, for both the cue patterns and the tone markers.
        sentences = [(norm[a:b], fold(norm[a:b])) for a, b in spans]
        vetoed: list[tuple[str, int, int]] = []  # (move, start, end): a cue's negative phrase
        for (a, b), (_, folded) in zip(spans, sentences, strict=True):
            hits = self._sentence(text, norm, a, b, folded, ctx_words, context is not None, distress,
                                  vetoed)
            for name, mv in hits.items():
                found.setdefault(name, mv)
        if "threat" not in found and len(spans) > 1:
            across = threat_across(norm, spans)
            if across is not None:
                a, b, why = across
                found["threat"] = Move("threat", text[a:b], a, b, why)
        found = utterance_rules(found, norm, ctx_words)
        if not found and context:
            why = echo(norm, ctx_words)
            if why:
                b = len(text.rstrip())
                found["reflection"] = Move("reflection", text[:b], 0, b, why, 0.6)
        learned_tone = None
        asks = find_asks(norm, ctx)
        model = (self.model or default_model()) if learned else None
        if model is not None and text.strip():
            policy = POLICY if self.policy is None else self.policy
            found, learned_tone = combine(model, text, norm, spans, context, found,
                                          self.trainer_whys, policy, asks, vetoed)
        moves = tuple(sorted(found.values(), key=lambda m: (m.start, MOVES.index(m.move))))
        entities = tuple(extract_entities(text, today)) if len(text) <= 200_000 else ()
        tone = tone_of(sentences, found, learned_tone)
        return Analysis(text=text, moves=moves, entities=entities, tone=tone, context=context,
                        asks=asks)

    def _sentence(self, text: str, norm: str, a: int, b: int, folded: str, ctx_words: set[str],
                  has_context: bool, distress: bool = False,
                  vetoed: list[tuple[str, int, int]] | None = None) -> dict[str, Move]:
        """The rules' moves in one sentence; a move a cue's negative phrase rules out here
        goes into ``vetoed`` (the model may not bring it back in this sentence)."""
        s = norm[a:b]
        hits: dict[str, Move] = {}

        def add(name: str, start: int, end: int, why: str, conf: float = 1.0) -> None:
            if name in hits:
                return
            if end <= start:
                start, end = 0, len(s)
            start, end = whole_words(s, start, end)
            hits[name] = Move(name, text[start + a:end + a], start + a, end + a, why, conf)

        phrase_hits, negs = self._phrases.scan(s)
        for mc in self._moves:
            if mc.name in negs and not (mc.name == "threat" and negation_undone(s, norm, b)):
                if vetoed is not None:
                    vetoed.append((mc.name, a, b))
                continue
            if mc.name in phrase_hits:
                start, end, phrase = phrase_hits[mc.name]
                add(mc.name, start, end, f'cue "{phrase}"')
                continue
            for p in could_match(mc.patterns, folded):
                m = p.rx.search(s)
                if m:
                    add(mc.name, m.start(), m.end(), p.why)
                    break

        self._nearest(s, hits, add)
        if "abuse" in hits and hits["abuse"].why.startswith("cue ") \
                and hits["abuse"].why not in self.trainer_whys and self._elsewhere_only(s):
            hits.pop("abuse")  # "that idiot system of ours", "I'm an idiot, sorry": not said to the listener
        if "abuse" not in hits and "abuse" not in negs:
            insult = insult_in(s)
            if insult is not None:  # "you're a right galah", "don't be such a numpty"
                add("abuse", insult[0], insult[1], insult[2])
        if "abuse" in hits and insult_denied(s):
            hits.pop("abuse")  # "Please don't call yourself stupid": an insult refused
        if "threat" in hits and not hits["threat"].why.startswith("similar") and denied(s):
            hits.pop("threat")  # "nobody is going to arrest you": a denial, whatever the cue
        if "threat" not in hits:
            composed = threat_in(s)
            if composed is not None:
                add("threat", composed[0], composed[1], composed[2])
        sentence_rules(s, hits, add, ctx_words, has_context)
        if distress and "empathy" not in hits and not set(hits) & {"pressure", "abuse", "threat"}:
            m = ROOM.search(s)
            if m:
                add("empathy", m.start(), m.end(), "gives the debtor room after a hard moment")
            else:
                m = APOLOGY.search(s)
                if m:
                    add("empathy", m.start(), m.end(), "apologises after the debtor's distress or anger")
        return hits

    def _elsewhere_only(self, s: str) -> bool:
        """The abuse a cue phrase found in sentence ``s`` rests only on
        insult words aimed elsewhere (``insults.aimed_elsewhere``): with those spans blanked
        out, no abuse phrase or pattern is left."""
        rest = without_elsewhere(s)
        if rest is None:
            return False
        if "abuse" in self._phrases.scan(rest)[0]:
            return False
        folded = fold(rest)
        abuse = next(mc for mc in self._moves if mc.name == "abuse")
        return not any(p.rx.search(rest) for p in could_match(abuse.patterns, folded))

    def _nearest(self, s: str, hits: dict[str, Move], add: Any) -> None:
        feats = example_features(s)
        if not feats:
            return
        overlap: dict[tuple[str, int], int] = {}
        for f in feats:
            for key in self._index.get(f, ()):
                overlap[key] = overlap.get(key, 0) + 1
        best: dict[str, tuple[float, int]] = {}
        for (name, i), k in overlap.items():
            if name in hits:
                continue
            sim = k / math.sqrt(len(feats) * len(self._examples[name][i][1]))
            if sim >= EXAMPLE_THRESHOLD and sim > best.get(name, (0.0, 0))[0]:
                best[name] = (sim, i)
        for name, (sim, i) in sorted(best.items()):
            add(name, 0, len(s), f'similar to example "{self._examples[name][i][0]}"', sim)



# --- the default analyser ---------------------------------------------------------------



_DEFAULT: list[Analyser] = []
#: The ``why`` of a firm pattern (``(?#firm)`` at its start).
FIRM_WHY = "pattern (?#firm)"


def default_analyser() -> Analyser:
    """The shared analyser over the shipped cues, built on first use."""
    if not _DEFAULT:
        _DEFAULT.append(Analyser(default_cues(), checked=True))
    return _DEFAULT[0]


#: One line that takes the analyser down its common paths (a greeting, an identity
#: question, money, a date, a method, an open question), for :func:`prepare`.
_PREPARE_LINE = ("Hello, this is Sam: am I speaking with Maria? Could you manage $80 a month "
                 "from the 15th by card? Can you tell me what happened?")


def prepare() -> None:
    """Build now what the default analyser otherwise builds on first need: the learned
    model, the cue index, every cue pattern, the model's example words. Nothing changes
    but when the cost is paid (~0.15 s with an empty regex cache, a third of that
    without): an app calls this off its event loop before the first turn, so that no
    turn pays for it."""
    analyser = default_analyser()
    for cues in analyser._moves:
        for pattern in cues.patterns:
            pattern.rx  # noqa: B018 - compiles it
    model = analyser.model or (default_model() if analyser.learned else None)
    if model is not None:
        model.example_words()
    analyser.analyze(_PREPARE_LINE)


def analyze(text: str, context: str | None = None, today: _dt.date | None = None) -> Analysis:
    """Analyse one utterance with the default analyser (see ``Analyser.analyze``)."""
    return default_analyser().analyze(text, context, today)
