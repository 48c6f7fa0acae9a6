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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.nlu.prefilter import Pattern, could_match, fold
from simulator.nlu.types import MOVES, Analysis, Move

#: Regexes see at most this many characters of one sentence (longer ones are cut in
#: pieces), so that the work per character stays bounded on any paste.
MAX_SENTENCE = 400
#: Past this many sentences only entities and tone markers are looked for in the rest.
MAX_SENTENCES = 2000
#: Minimum cosine similarity for the nearest-example step.
EXAMPLE_THRESHOLD = 0.62

_OFFERS = ("request_full_payment", "offer_settlement", "offer_payment_plan", "offer_alternative")

# Same-length normalisation: curly quotes to straight, control characters to spaces,
# so that every span found in the normalised text is a span of the original.
_TRANS = {ord("’"): "'", ord("‘"): "'", ord("`"): "'", ord("“"): '"', ord("”"): '"'}
_TRANS.update({c: " " for c in range(32) if c not in (10,)})
_TRANS[0x7F] = " "

_SPLIT = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n+|;\s")
#: Transcript annotations that are not speech: "[laughs]", "[crosstalk]", "[inaudible 00:01:51]".
_STAGE = re.compile(r"\[[^\[\]\n]{1,60}\]")
_ABBREV = re.compile(r"(?:\b(?:mr|ms|mrs|dr|st|jr|sr|ext|vs|etc|no|approx|dept|p\.m|a\.m|e\.g|i\.e|"
                     r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[a-z])$", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    "a an the and or but so to of in on at for with by from is are was were be been am i me my "
    "you your it its this that these those we us our they them their he she his her him do does "
    "did have has had will would can could should just really okay ok um uh well yeah oh like "
    "there here what how if then than as about up out not no".split()
)
_FILLERS = frozenset(
    "and so okay ok well now alright right yeah um uh hmm mm then but also oh gotcha hey wh w "
    "great perfect sure".split()
)
#: Fillers and back-channel words: they show attention and agree, they restate nothing.
_BACKCHANNEL = _FILLERS | frozenset(
    "all yes yep yup no nope true exactly absolutely definitely indeed huh mhm good fine cool "
    "wow ah sense make makes know does is it that thanks thank you bye goodbye hello hi please "
    "sorry welcome problem worries".split())
_FILLER_PAIRS = frozenset({("got", "it"), ("i", "see"), ("all", "right"), ("mm", "hmm"),
                           ("uh", "huh")})
_WH_OPEN = frozenset({"what", "how", "why", "where", "which", "what's", "how's", "how'd", "why'd",
                      "where's", "whats", "hows", "whys"})
_WH_CLOSED_NEXT = frozenset(
    {"many", "long", "old", "often", "time", "day", "date", "amount", "number", "if", "soon",
     "i", "a", "an", "i'm", "i've", "we", "we're"}
)
#: After an opening wh-word, words that show an inverted (asking) clause even with no "?".
_INVERTED = frozenset(
    "do does did would could can will might should are were is was have has else kind sort "
    "other makes made brings brought keeps kept got gets happened happens changed".split()
)
#: Requests and indirect questions that invite the other person to explain.
_INVITE_TELL = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|well|now|um|uh|alright|then|just|please|maybe|i\s+guess|you\s+know|"
    r"(?-i:[A-Z][a-z]+))\W+){0,6}(?:(?:tell|talk\s+to|walk|fill|catch|remind)\s+me|describe|explain)\b|"
    r"\b(?:(?:can|could|would|will)\s+you|(?:if|whether)\s+you\s+(?:can|could))\s+(?:please\s+)?"
    r"(?:just\s+)?(?:tell|walk|talk|describe|explain|share|say\s+(?:a\s+(?:little|bit)\s+)?more|"
    r"give\s+me\s+(?:an?|some)\s+examples?|fill\s+me|catch\s+me|help\s+me\s+understand)\b|"
    r"\b(?:curious|interested|wondering|wonder)\s+(?:to\s+(?:know|hear)\s+|in\s+(?:hearing\s+)?|"
    r"about\s+|(?:in|about)\s+is\s+)?(?:what|how|why|where)\b|"
    r"\b(?:like|love|want|wanted)\s+to\s+(?:\w+ly\s+)?(?:hear|know|ask|understand|learn)\s+"
    r"(?:(?:a\s+(?:little|bit)\s+)?(?:more\s+)?(?:about|what|how|why|from\s+you)|"
    r"you\s+(?:what|how|why|about))\b|"
    r"\b(?:do|did|does|can|could|would|have|has)\s+you\s+(?:have\s+)?(?:any\s+|an\s+|some\s+)?"
    r"(?:idea|ideas|thoughts|sense|know|remember)\s+(?:as\s+to\s+|about\s+)?(?:what|how|why|where)\b|"
    r"\bhelp\s+me\s+understand\b|\bin\s+your\s+own\s+words\b|\bin\s+what\s+ways?\b",
    re.IGNORECASE,
)
#: A yes/no question left open at the end ("... or?", "or anything like that?"): the
#: speaker stops short of the choices and invites the other person to fill them in.
#: "Was that a one-off or something?" only hedges a guess, so it stays closed.
_TRAILING_OR = re.compile(
    r"\bor(?:\s+(?:anything|whatever|what|not)(?:\s+(?:else|like(?:\s+(?:that|this))?))?)?"
    r"\W*$", re.IGNORECASE)
#: "How often do you think you drink?", "When do you think you'll do that?": a number or a
#: time, but asked as the other person's own estimate, which invites them to think aloud.
_ASKS_ESTIMATE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)((?:how\s+(?:often|many|long|soon)|when|who))\b[^.?!,]{0,30}\b"
    r"((?:do|would)\s+you\s+"
    r"(?:think|say|guess|imagine|reckon))\b")
#: "how much time have you ...", "what ideas have you been ...": the verb comes before its
#: subject a word or two after the wh-word, so the clause asks even with no "?".
_INVERTED_LATE = re.compile(
    r"^(?:what|how|which|where|why)\s+(?:\w+\s+){1,2}(?:do|does|did|have|has|would|could|can|will|"
    r"are|were|should|might)\s+(?:you|your|they|we)\b")
#: "Who else could you ask?", "who could help you with that?": asks them to think of people.
_WHO_OPEN = re.compile(r"^who(?:\s+else|\s+(?:could|would|might|can)\s+(?!i\b|we\b))")
#: "How much does it cost you a week?": an amount of money, asked as a figure.
_HOW_MUCH_MONEY = re.compile(
    r"^how\s+much\b.*\b(?:cost|costs|spend|spent|pay|paid|price|money|earn|earned|owe|charge|"
    r"bring\s+in|take\s+home|dollars?|bucks)\b")
#: "What's your partner's name?": a what-question asking for one fact is closed.
_ASKS_FACT = re.compile(
    r"^\W*what(?:'s|\s+(?:is|was|'s))\W+(?:\w+\W+){0,3}?(?:your|the|his|her|their)\s+(?:\w+'s\s+)?"
    r"(?:full\s+|last\s+|first\s+|middle\s+|maiden\s+|new\s+|current\s+|home\s+|work\s+|cell\s+|"
    r"phone\s+|email\s+)*(?:name|address|number|email|date\s+of\s+birth|birthday|zip|postcode|age)\b",
    re.IGNORECASE)
#: "wondering", "curious", "interested": they ask only when the speaker is the one who
#: wonders ("I'm wondering what ..."), not when they describe the other person ("so
#: you're kind of wondering what the point is", "if you're interested in how ...").
_WONDER_WORD = re.compile(r"\b(?:wonder(?:ing)?|curious|interested)\b", re.IGNORECASE)
_SPEAKER_WONDERS = re.compile(
    r"(?:^|\b(?:i|i'm|im|i've|i'll|i'd|we|we're)\b)(?:\W*(?:just|really|sort|kind|of|am|was|"
    r"a|bit|little|also|still|be|been|always|quite|very|so|more|genuinely|um|uh|actually|would|"
    r"and|yeah|okay|ok|well|now|then|hmm)\b)*\W*$",
    re.IGNORECASE,
)
#: "I wonder if you'd be open to ...": a yes/no question, however politely put.
_WONDER_IF = re.compile(r"\bwonder(?:ing)?\s+(?:if|whether)\b", re.IGNORECASE)
_WH_INSIDE = re.compile(
    r"(?:[,;:][\"'”’]?\s*|\b(?:and|so|but|then|or)\s+)(what|how|why|where)(?:'s|'d)?\b(?!\s+(?:much|many|long|old|"
    r"often|time|day|date|amount|number|i\b|i'm|we\b|you\b|you're\b|they\b|he\b|she\b)|"
    r"(?<=why)\s+(?:not|don't)\b|(?<=where)\s+(?:are|is|was|were|did|in)\b|(?<=what)\s+part\b)",
    re.IGNORECASE,
)
#: "what you said", "what they want": an embedded clause, not a question.
_EMBEDDED = frozenset({"you", "you're", "you've", "you'd", "your", "they", "they're", "he", "she",
                       "i", "i'm", "i'd", "i've", "we", "it's"})
_AUX = frozenset(
    "do does did is are was were can could would will have has had should may might am shall "
    "isn't aren't don't doesn't didn't won't wouldn't can't couldn't any anything anyone".split()
)
_WH_ANY = _WH_OPEN | {"when", "who", "which", "whose"}
_SELF = frozenset(
    "i i'm i'll i've i'd we we're we'll we've let's let please thank thanks hi hello hey my our "
    "bye goodbye".split()
)
_YOU = frozenset({"you", "your", "you're", "you've", "you'd", "yourself", "u", "ur"})
#: The speaker talking about themselves: their own view, plans or offers, not a restatement.
_SPEAKER = frozenset("i i'm i'd i'll i've me my mine myself we we're we'll we've we'd us our let's".split())
#: "you can / should / need to / will": advice, information or an offer, not a restatement.
_YOU_MODAL = re.compile(
    r"\byou(?:'ll|\s+(?:can|could|should|need|might|may|will|must|have\s+to|ought))\b|"
    r"\b(?:make\s+sure|remember\s+to|try\s+to|don't\s+forget)\b",
    re.IGNORECASE,
)
#: Talk about people in general or about facts: information, not a restatement.
_GENERIC = re.compile(
    r"\b(?:people|someone|somebody|anyone|everyone|research|studies|evidence|guidelines|"
    r"recommend\w*|risks?)\b",
    re.IGNORECASE,
)
#: Reflection cues that frame the whole turn as a restatement.
_LEAD_REFLECTION = re.compile(r'^cue "(?:it\s+)?(?:sounds\s+like|sounds\s+as|i\s+get\s+the\s+impression|'
                              r"i.m\s+hearing|what\s+i.m\s+hearing|i\s+am\s+hearing|i\s+get\s+(?:a|the)\s+sense)")
#: The ``why`` of reflections found by the rules below rather than by a cue.
_RULE_REFLECTION = ("restates", "a statement about")
_NOT_REFLECTION = frozenset(
    {"pressure", "abuse", "threat", "next_steps", "recap_agreement", "offer_settlement",
     "offer_payment_plan", "offer_alternative", "request_full_payment", "state_debt", "closing",
     "greeting", "self_identification", "identity_verification", "mini_miranda",
     "recording_notice", "ask_capacity", "open_question"}
)
_ADVICE = re.compile(
    r"\byou\s+(?:need|should|have\s+to|must|might\s+want|could\s+try|can\s+(?:pay|call|also|"
    r"try|get|reach|go)|will\s+(?:get|receive|need)|'ll\s+(?:get|receive|need))\b|"
    r"\bi\s+(?:would\s+)?recommend\b",
    re.IGNORECASE,
)
_PLAN_VERB = re.compile(
    r"\b(?:we\s+could|we\s+can|i\s+can|how\s+about|what\s+if|would|could\s+(?:you|that|we)|let's|"
    r"works|work\s+for|that'd\s+be|lowest|start|plan|payments|do\s+it|go\s+(?:with|down|as)|"
    r"manage|instead|if\s+we\s+did|we\s+do|we'll\s+do|you\s+could\s+(?:do|manage|pay|swing|handle|afford)|"
    r"for\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+"
    r"(?:months|weeks|payments)|starting|beginning|it\s+is(?=[\s.!]*$)|deal(?=[\s.!]*$))\b",
    re.IGNORECASE,
)
_MONEY_PERIOD = re.compile(
    r"(?:\$\s?\d[\d,.]*|\b\d{2,5}\b|\b(?:a|one)\s+hundred(?:\s+and\s+\w+)?|\b(?:twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|\b(?:twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b)(?:\s+(?:dollars|bucks))?\s*(?:a|per|each|every)\s+"
    r"(?:month|week|two\s+weeks|other\s+(?:week|friday)|friday|paycheck|payday)\b|\$\s?\d[\d,.]*"
    r"\s+(?:monthly|weekly|bi-?weekly)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"\$\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,6}\b|\bdollars\b", re.IGNORECASE)
_SPECIFIC_MONEY = re.compile(r"\$\s?\d|\b\d{2,6}\b|\b(?:hundred|fifty|forty|sixty|seventy|eighty|"
                             r"ninety|thirty|twenty)\b", re.IGNORECASE)
#: A previous line in which the debtor shows distress, embarrassment or grief.
_DISTRESS = re.compile(
    r"\b(?:upset|crying|cry|tears|embarrass\w*|ashamed|humiliat\w*|scared|afraid|terrified|"
    r"panic\w*|anxious|worried|stress\w*|overwhelm\w*|devastat\w*|heartbroken|grie\w*|"
    r"passed\s+away|died|funeral|cancer|diagnos\w*|hospital\w*|hard\s+(?:to|for\s+me)|"
    r"can't\s+(?:think|breathe|do\s+this|deal)|lost\s+my|falling\s+apart|breaking\s+down)\b",
    re.IGNORECASE,
)
#: Giving the debtor room: courtesy, or empathy when it answers distress.
_ROOM = re.compile(r"\b(?:take\s+(?:all\s+)?(?:the\s+)?(?:your\s+)?time(?:\s+you\s+need)?|"
                   r"no\s+(?:rush|hurry)|there's\s+no\s+(?:rush|hurry)|whenever\s+you're\s+ready)\b",
                   re.IGNORECASE)
_FIRST_PERSON_ACTION = re.compile(
    r"^\W*(?:i|i'm|i'll|i've|i'd|we|we're|we'll|let's|let\s+me|please|can|could|would|will|"
    r"thank|thanks|is|are|do|does|did|have|has|hi|hello|hey|good|this|my|our)\b",
    re.IGNORECASE,
)


class _Rx(Pattern):
    """One cue pattern with what to say when it fires. Compiled on first need: the
    words it requires (see ``prefilter``) rule it out for most sentences, and a
    pattern that is never searched is never compiled."""

    __slots__ = ("why",)

    def __init__(self, why: str, source: str) -> None:
        super().__init__(source)
        self.why = why


@dataclass(frozen=True)
class _MoveCues:
    name: str
    patterns: tuple[_Rx, ...]
    examples: tuple[tuple[str, frozenset[str]], ...]


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase as the word tokens it must match: lower case, apostrophes dropped, so
    "I’m" and "im" meet; punctuation and hyphens separate words."""
    return tuple(t.replace("'", "") for t in _WORD.findall(phrase.lower().replace("’", "'")))


class _PhraseIndex:
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
        spans = [(m.start(), m.end()) for m in _WORD.finditer(low)]
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


def _features(text: str) -> frozenset[str]:
    """Words (without stop words) and word pairs, for nearest-example similarity."""
    toks = _TOKEN.findall(text.lower())
    feats = {t for t in toks if t not in _STOP}
    feats.update(f"{a}_{b}" for a, b in zip(toks, toks[1:], strict=False))
    return frozenset(feats)


def _stem(word: str) -> str:
    """A crude stem so that 'hours'/'hour', 'paid'/'paying' meet."""
    w = word.lower().split("'")[0]
    for suf in ("ing", "ed", "es", "s", "ly"):
        if len(w) > len(suf) + 3 and w.endswith(suf) and not w.endswith("ss"):
            return w[: -len(suf)]
    return w


def _content(text: str) -> set[str]:
    """Content-word stems, for telling whether a line restates another."""
    out = set()
    for t in _TOKEN.findall(text.lower()):
        t = t.split("'")[0]
        if len(t) > 2 and t not in _STOP:
            out.add(_stem(t))
    return out


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Cue mappings merged: lists are concatenated (extra after base), duplicates dropped."""
    from simulator.nlu.cuefile import CUE_KINDS, unwrap

    out: dict[str, dict[str, list[str]]] = {}
    for src in (unwrap(base) or {}, unwrap(extra) or {}):
        for move, cues in src.items():
            slot = out.setdefault(move, {k: [] for k in CUE_KINDS})
            for kind in CUE_KINDS:
                for item in (cues or {}).get(kind) or []:
                    if item not in slot[kind]:
                        slot[kind].append(item)
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text``, none longer than MAX_SENTENCE.

    Splits after ., ! or ? followed by a space (not after "Mr." or "p.m."), at line
    breaks and at semicolons; long runs are cut at a space.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SPLIT.finditer(text):
        end = m.end()
        if m.group(0).startswith(".") and _ABBREV.search(text, max(start, m.start() - 8), m.start()):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        if len(spans) > MAX_SENTENCES:
            break
    if start < n and text[start:].strip():
        spans.append((start, n))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        # trim whitespace so spans are tidy evidence
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


class Analyser:
    """Moves, entities and tone from cue data. Build once, analyse many times."""

    def __init__(self, cues: Mapping[str, Any], *, checked: bool = False):
        """Compile ``cues`` (``{moves: {name: {phrases, patterns, examples, negative}}}``
        or the bare inner mapping). Raises ContentError listing every problem, unless
        ``checked`` says the data was already checked (the shipped file is, by tests)."""
        from simulator.nlu.cuefile import check_cues, normalise_pattern

        if not checked:
            problems = check_cues(dict(cues), "<cues>")
            if problems:
                from simulator.diagnostics import ContentError

                raise ContentError(problems)
        self.cue_data = _merge({}, cues)
        compiled: list[_MoveCues] = []
        self._phrases = _PhraseIndex()
        for name in MOVES:
            c = self.cue_data.get(name, {})
            for p in c.get("phrases", []):
                self._phrases.add(p, name, negative=False)
            for p in c.get("negative", []):
                self._phrases.add(p, name, negative=True)
            pats = tuple(_Rx(f"pattern {p}", normalise_pattern(p)) for p in c.get("patterns", []))
            examples = tuple((e, _features(e)) for e in c.get("examples", []) if e.strip())
            compiled.append(_MoveCues(name, pats, examples))
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

        data: dict[str, Any] = dict(_default_cues()) if base else {}
        for path in paths:
            loaded = _load_yaml(Path(path))
            problems = check_cues(loaded, str(path))
            if problems:
                from simulator.diagnostics import ContentError

                raise ContentError(problems)
            data = _merge(data, loaded or {})
        return cls(data, checked=True)

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
        made = Analyser(_merge(self.cue_data, extra), checked=True)
        if len(self._extended) < 32:  # a session per scenario reuses its analyser
            self._extended[key] = made
        return made

    # --- analysis ----------------------------------------------------------------------

    def analyze(self, text: str, context: str | None = None,
                today: _dt.date | None = None) -> Analysis:
        """Analyse one utterance, optionally with the debtor's previous line as context."""
        from simulator.nlu.entities import extract_entities
        from simulator.nlu.questions import find_asks
        from simulator.nlu.tone import tone_of

        if not isinstance(text, str):
            text = "" if text is None else str(text)
        if context is not None and not isinstance(context, str):
            context = str(context)
        norm = _STAGE.sub(lambda m: " " * len(m.group(0)), text.translate(_TRANS))
        spans = split_sentences(norm)
        ctx_words = _content(context[:4000].translate(_TRANS)) if context else set()
        distress = bool(context) and bool(_DISTRESS.search(context[:4000].translate(_TRANS)))
        found: dict[str, Move] = {}
        per_sentence: list[dict[str, Move]] = []
        spans = spans[:MAX_SENTENCES]
        # Each sentence case-folded once, for both the cue patterns and the tone markers.
        sentences = [(norm[a:b], fold(norm[a:b])) for a, b in spans]
        for (a, b), (_, folded) in zip(spans, sentences, strict=True):
            hits = self._sentence(text, norm, a, b, folded, ctx_words, context is not None, distress)
            per_sentence.append(hits)
            for name, mv in hits.items():
                found.setdefault(name, mv)
        asks = any(_asks(s) for s, _ in sentences)
        found = _utterance_rules(found, per_sentence, asks, norm, ctx_words)
        if not found and context:
            echo = _echo(norm, ctx_words)
            if echo:
                b = len(text.rstrip())
                found["reflection"] = Move("reflection", text[:b], 0, b, echo, 0.6)
        moves = tuple(sorted(found.values(), key=lambda m: (m.start, MOVES.index(m.move))))
        entities = tuple(extract_entities(text, today)) if len(text) <= 200_000 else ()
        tone = tone_of(sentences, found)
        return Analysis(text=text, moves=moves, entities=entities, tone=tone, context=context,
                        asks=find_asks(norm))

    def _sentence(self, text: str, norm: str, a: int, b: int, folded: str, ctx_words: set[str],
                  has_context: bool, distress: bool = False) -> dict[str, Move]:
        s = norm[a:b]
        hits: dict[str, Move] = {}

        def add(name: str, start: int, end: int, why: str, conf: float = 1.0) -> None:
            if name in hits:
                return
            if end <= start:
                start, end = 0, len(s)
            start, end = _whole_words(s, start, end)
            hits[name] = Move(name, text[start + a:end + a], start + a, end + a, why, conf)

        phrase_hits, negs = self._phrases.scan(s)
        for mc in self._moves:
            if mc.name in negs and not (mc.name == "threat" and _negation_undone(s, norm, b)):
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
        _rules(s, hits, add, ctx_words, has_context)
        if distress and "empathy" not in hits and not set(hits) & {"pressure", "abuse", "threat"}:
            m = _ROOM.search(s)
            if m:
                add("empathy", m.start(), m.end(), "gives the debtor room after a hard moment")
        return hits

    def _nearest(self, s: str, hits: dict[str, Move], add: Any) -> None:
        feats = _features(s)
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


_AMOUNT_TAIL = re.compile(r"\s?\d[\d,]*(?:\.\d+)?(?<![,.])|\s?[\d,]*\d(?:\.\d+)?")


def _whole_words(s: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) widened so that the span covers whole words and a whole amount:
    a cue that stops at "with N" or "that's $" shows "with Northgate" or "that's $80"."""
    n = len(s)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    while start > 0 and s[start - 1].isalnum() and s[start].isalnum():
        start -= 1
    while 0 < end < n and s[end - 1].isalnum() and (s[end].isalnum() or (
            s[end] in "'’" and end + 1 < n and s[end + 1].isalpha())):
        end += 1
    if 0 < end < n and (s[end - 1] in "$£€" or (s[end - 1].isdigit() and s[end] in ",.")):
        m = _AMOUNT_TAIL.match(s, end if s[end - 1] in "$£€" else end - 1)
        if m and m.end() > end:
            end = m.end()
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


def _negation_undone(s: str, norm: str, b: int) -> bool:
    """'I'm not gonna call your boss. Yet.' and 'I'm not saying we won't' still threaten."""
    tail = norm[b:b + 12].lower()
    return bool(re.search(r"\bnot\s+saying\b", s, re.IGNORECASE)) or "yet" in tail or bool(
        re.search(r"\byet\b", s, re.IGNORECASE))


def _asks(s: str) -> bool:
    """A sentence in question form: it ends with "?" and starts with a wh-word or an auxiliary."""
    if "?" not in s:
        return False
    words = _strip_fillers(_words(s.lower()))
    return bool(words) and (words[0] in _AUX or words[0] in _WH_ANY)


def _words(low: str) -> list[str]:
    """The words of a lower-cased sentence with stutters undone ("what-what would" is
    "what would", "I-I think" is "I think"), as speech transcripts often have them."""
    out: list[str] = []
    for w in _TOKEN.findall(low):
        if not out or w != out[-1]:
            out.append(w)
    return out


def _strip_fillers(words: list[str]) -> list[str]:
    """Words without the leading fillers ("okay so", "got it", "I see")."""
    i = 0
    n = len(words)
    while i < n - 1:
        if i < n - 2 and (words[i], words[i + 1]) in _FILLER_PAIRS:
            i += 2
        elif words[i] in _FILLERS:
            i += 1
        else:
            break
    return words[i:]


def _rules(s: str, hits: dict[str, Move], add: Any, ctx_words: set[str],
           has_context: bool) -> None:
    """Linguistic rules over one sentence, then conflicts settled by the labelling rules."""
    low = s.lower()
    all_words = _words(low)
    words = _strip_fillers(all_words)
    so_lead = "so" in all_words[: len(all_words) - len(words)]
    is_question = "?" in s
    _open_question(s, low, words, is_question, hits, add)
    # An amount per period proposed ("How about $75 a month?") is a payment plan.
    if "offer_payment_plan" not in hits and _PLAN_VERB.search(s):
        m = _MONEY_PERIOD.search(s)
        if m:
            add("offer_payment_plan", m.start(), m.end(), "amount per period proposed")
    # Reflection: a statement about the debtor, answering their previous line.
    if has_context and "reflection" not in hits and words and not (set(hits) & _NOT_REFLECTION):
        first = words[0]
        # "When you related that to your smoking, ...": a clause that sets the scene, not a question.
        question_form = (first in _AUX or first in _WH_ANY) and not (
            not is_question and first in ("when", "where", "what") and len(words) > 1
            and words[1] in _YOU)
        why = ""
        if not question_form and first not in _SELF and not _ADVICE.search(s) and not _ROOM.search(s):
            shared = _content(s) & ctx_words
            if so_lead and (shared or _YOU & set(words)):
                why = 'restates with "so ..."'
            elif so_lead and not is_question and not hits and not _SPEAKER & set(all_words):
                why = 'sums up with "so ..."'
            elif first in _YOU or (len(words) > 1 and words[1] in _YOU and first in ("and", "but")):
                why = "restates what the debtor does or feels (\"you ...\")"
            elif len(shared) >= 3 and "empathy" not in hits:
                why = "restates the debtor's words: " + ", ".join(f'"{w}"' for w in sorted(shared)[:4])
            elif not is_question and ("empathy" not in hits or len(shared) >= 2) \
                    and _YOU & set(all_words) \
                    and not _SPEAKER & set(all_words) \
                    and not _YOU_MODAL.search(s) and not _GENERIC.search(s):
                why = "a statement about the debtor, not the speaker (\"you\", no \"I\")"
        if why:
            add("reflection", 0, len(s), why, 0.7)
    # --- conflicts ---------------------------------------------------------------------
    if "reflection" in hits and not has_context and hits["reflection"].why.startswith("pattern ^"):
        # "So you ..." with nothing to restate is as often a demand as a reflection.
        if set(hits) & {"pressure", "abuse", "threat", "next_steps", "recap_agreement"} or is_question:
            hits.pop("reflection")
    if "reflection" in hits and set(hits) & {"pressure", "abuse", "threat", "recap_agreement",
                                             "next_steps"}:
        hits.pop("reflection")
    # "You have a balance of $2,350 with ...": the account stated, not a restatement.
    if "reflection" in hits and "state_debt" in hits and (not has_context or _AMOUNT.search(s)):
        hits.pop("reflection")
    # "Have a good afternoon": a farewell wishing a good part of the day is no greeting.
    if "greeting" in hits and "closing" in hits:
        g, c = hits["greeting"], hits["closing"]
        if c.start <= g.start and g.end <= c.end:
            hits.pop("greeting")
    for capacity_like in ("ask_capacity", "request_full_payment", "identity_verification",
                          "offer_payment_plan", "offer_settlement", "offer_alternative", "greeting",
                          "recap_agreement", "pressure", "abuse"):
        if capacity_like in hits and "open_question" in hits and hits["open_question"].why.startswith("open"):
            hits.pop("open_question")
    if "ask_capacity" in hits and "offer_payment_plan" in hits:
        if _SPECIFIC_MONEY.search(s) and "ballpark" not in low:
            hits.pop("ask_capacity")
        else:
            hits.pop("offer_payment_plan")
    if "offer_alternative" in hits and "request_full_payment" in hits and not re.search(
            r"\b(?:full|whole|entire)\b", low):
        hits.pop("request_full_payment")
    if "offer_settlement" in hits and "request_full_payment" in hits and not re.search(
            r"\b(?:full|whole|entire|if\s+not|or\s+if)\b", low):
        hits.pop("request_full_payment")
    if "threat" in hits:
        hits.pop("next_steps", None)
    if "empathy" in hits and ("pressure" in hits or "abuse" in hits):
        hits.pop("empathy")


def _open_question(s: str, low: str, words: list[str], is_question: bool,
                   hits: dict[str, Move], add: Any) -> None:
    """Open questions: wh-questions that invite an explanation, and requests to tell.

    A cue that only names a wh-clause inside a statement ("let me make sure I've
    understood what's going on") is not a question: without a "?" the sentence must
    ask by its form (a wh-word first, or an invitation such as "tell me", "I'm curious
    what", "I'd like to hear") for the cue to count. "I wonder if ..." asks yes or no.
    """
    mv = hits.get("open_question")
    joined = " ".join(words)  # the rules below read the words as one string
    first = _wh_first(words, joined)
    # Without a "?" the clause must be inverted ("what do you ...", "how's work been")
    # to ask: "what activities you might choose" is only a clause.
    asks_by_form = bool(first) and (len(words) == 1 or words[1] in _INVERTED or (
        first.endswith(("'s", "'d")) and len(words) <= 12) or bool(_INVERTED_LATE.match(joined)))
    if mv is not None and not is_question and not asks_by_form and not _INVITE_TELL.search(s) \
            and not mv.why.startswith("similar to example"):
        hits.pop("open_question")
    elif mv is not None and _WONDER_IF.search(s) and not _INVITE_TELL.search(s):
        hits.pop("open_question")
    elif mv is not None and _others_wonder(s, mv.evidence):
        hits.pop("open_question")
    if "open_question" in hits or not words:
        return
    if not first and is_question and _WHO_OPEN.match(joined):
        first = "who"
    if first and (is_question or asks_by_form):
        i = low.find(first)
        add("open_question", max(i, 0), len(s), f'open "{first}" question')
        return
    m = _ASKS_ESTIMATE.search(low) if is_question else None
    if m:
        i = m.start(1)
        add("open_question", max(i, 0), len(s), f'asks for their own view ("{m.group(2)}")')
        return
    m = _INVITE_TELL.search(s)
    if m and not _WONDER_IF.search(s[:m.start()]) and not _others_wonder(s, m.group(0)):
        add("open_question", m.start(), len(s), f'invites an explanation ("{m.group(0).strip()}")')
        return
    m = _WH_INSIDE.search(s) if is_question else None
    if m:
        add("open_question", m.start(1), len(s), f'open "{m.group(1).lower()}" question')
        return
    m = _TRAILING_OR.search(s)
    if m and words[0] in _AUX and len(words) > 3:
        add("open_question", 0, len(s), f'leaves the answer open ("{m.group(0).strip()}")')


def _echo(norm: str, ctx_words: set[str] | frozenset[str]) -> str:
    """A short line that repeats the debtor's own words back ("Not yet." after "Not
    yet.", "Very dull."): the simplest reflection. Back-channel words alone ("Right.",
    "Mm-hmm.") only show attention, and a question asks rather than restates."""
    words = _TOKEN.findall(norm.lower())
    if not words or len(words) > 8 or "?" in norm:
        return ""
    mine = _content(" ".join(w for w in words if w not in _BACKCHANNEL))
    if not mine or not mine <= ctx_words:
        return ""
    return "echoes the debtor's words: " + ", ".join(f'"{w}"' for w in sorted(mine)[:4])


def _others_wonder(s: str, evidence: str) -> bool:
    """True when the evidence rests on "wondering"/"curious"/"interested" and the one who
    wonders is not the speaker ("you're kind of wondering what ...")."""
    w = _WONDER_WORD.search(evidence)
    if not w:
        return False
    i = s.find(evidence)
    at = (i if i >= 0 else 0) + w.start()
    return not _SPEAKER_WONDERS.search(s[max(0, at - 60):at])


def _wh_first(words: list[str], joined: str) -> str:
    """The wh-word opening an open question ("what", "how", ...), or "".

    Not when it asks for a number or time ("how often", "how long"), opens an
    embedded clause ("what you said") or gives advice ("why don't you ...").
    """
    if not words or words[0] not in _WH_OPEN:
        return ""
    if _ASKS_FACT.match(joined) or _HOW_MUCH_MONEY.match(joined):
        return ""
    nxt = words[1] if len(words) > 1 else ""
    if nxt in _WH_CLOSED_NEXT:
        return ""
    if nxt in _EMBEDDED and not words[0].endswith(("'s", "s", "'d")):
        return ""
    if words[0] in ("why", "why'd") and nxt in ("not", "don't"):
        return ""
    if words[0] == "where" and nxt in ("are", "is", "was", "were", "did", "in"):
        return ""  # "where are the forms?", "where did you cut yourself?": a place, not a story
    if words[0] == "which" and nxt in ("one", "ones", "of", "day", "days", "date", "time", "week",
                                        "month", "way", "is", "was", "are", "were"):
        return ""  # "which one ...?", "which day works?": a choice between given options
    if words[0] in ("what", "which") and nxt == "part":
        return ""  # "what part of town?": a place or a thing, not a story
    return words[0]


def _utterance_rules(found: dict[str, Move], per_sentence: list[dict[str, Move]],
                     asks: bool, norm: str = "", ctx_words: frozenset[str] | set[str] = frozenset()
                     ) -> dict[str, Move]:
    """Rules over the whole utterance: a recap restates terms, it makes no new offer;
    a restatement found only by the linguistic rules (not a cue) does not stand when
    the rest of the utterance asks a question or gives advice or information (then the
    "you ..." sentence is the lead-in to that), unless it repeats the debtor's own words."""
    if "recap_agreement" in found:
        for name in (*_OFFERS, "ask_capacity", "reflection", "state_debt"):
            found.pop(name, None)
    # "It sounds like ... What else ...?": a reflection that leads, with a question tagged
    # on, is heard as a reflection, not as a new invitation.
    # Otherwise an utterance that asks an open question is heard as that question, and
    # what restates before or after it is its lead-in.
    rf, oq = found.get("reflection"), found.get("open_question")
    if rf is not None and oq is not None and rf.end <= oq.start and _LEAD_REFLECTION.search(rf.why):
        found.pop("open_question")
    elif rf is not None and oq is not None:
        found.pop("reflection")
    mv = found.get("reflection")
    if mv is not None and mv.why.startswith(_RULE_REFLECTION) and \
            len(_content(mv.evidence) & ctx_words) < 2:
        rest = norm[:mv.start] + " " + norm[mv.end:]
        if "?" in rest or _YOU_MODAL.search(rest) or _GENERIC.search(rest):
            found.pop("reflection")
    return found


# --- the default analyser ---------------------------------------------------------------

def _load_yaml(path: Path) -> Any:
    import yaml

    from simulator.diagnostics import ContentError, Problem

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError([Problem(str(path), 0, 0, f"cannot read cue file: {exc.strerror}")]) from exc
    if len(text) > 2_000_000:
        raise ContentError([Problem(str(path), 0, 0, "cue file is larger than 2 MB")])
    try:
        return yaml.load(text, Loader=_safe_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ContentError([Problem(str(path), line, col, f"YAML error: {exc}")]) from exc


def _safe_loader() -> Any:
    """The C safe loader when PyYAML has it (ten times faster), else the pure one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def _default_cues() -> dict[str, Any]:
    import yaml

    text = (Path(__file__).parent / "cues.yaml").read_text(encoding="utf-8")
    return _merge({}, yaml.load(text, Loader=_safe_loader()) or {})


_DEFAULT: list[Analyser] = []


def default_analyser() -> Analyser:
    """The shared analyser over the shipped cues, built on first use."""
    if not _DEFAULT:
        _DEFAULT.append(Analyser(_default_cues(), checked=True))
    return _DEFAULT[0]


def analyze(text: str, context: str | None = None, today: _dt.date | None = None) -> Analysis:
    """Analyse one utterance with the default analyser (see ``Analyser.analyze``)."""
    return default_analyser().analyze(text, context, today)
