"""What a trainee's line asks: question intents and their topics.

One source for "what was asked" and "is this question about the debtor's situation":
the engine answers by intent (a persona's ``answers:``), the analyser and the scorer
read the topic (small talk earns no listening credit; only a question about the
debtor's situation or finances opens up their story).

The intents, their topics and patterns are data (``questions.yaml`` beside this file).
Each sentence of a line gives at most one ask: the first intent in the file whose
pattern matches, when the sentence asks something ("?", an inverted or wh- opening, a
request such as "can you" or "I need"); intents marked ``bare`` need no question form
("Last four of your social, please."). A question that matches no intent is an ask
``other``. Pure and cheap: the file is read and compiled on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.rxcache import compile as rx

#: Topics whose questions are about the debtor's own situation (they may reveal a story).
SITUATION_TOPICS: frozenset[str] = frozenset({"situation", "finances"})
#: Intents that ask the other party to prove who they are.
IDENTITY_INTENTS: frozenset[str] = frozenset(
    {"identity_name", "identity_who", "identity_dob", "identity_address", "identity_ssn"})

_SPLIT = rx(r"(?<=[?!])\s+|(?<=\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!Mrs\.)\s+(?=[A-Z\"'])|"
                    r"\n+|;\s+")
_WH = rx(r"^\W*(?:(?:so|and|but|okay|ok|well|now|also|then|um|uh|hmm|just|sorry|quick one|hi|hello|"
                 r"hey|good (?:morning|afternoon|evening)|"
                 r"random(?: question)?|by the way|(?:totally )?unrelated)\W+){0,3}"
                 r"(?:what|what's|whats|how|how's|hows|why|when|when's|whens|where|where's|who|who's|"
                 r"which|whose|is|are|was|were|do|does|did|can|could|would|will|should|may|might|"
                 r"(?:have|has|had) (?:you|u|they|we|she|he|i)|am i|mind|"
                 # texted questions drop the verb or spell it short: "r u working", "u doing ok"
                 r"r (?:u|you|ya)|(?:u|you|ya) (?:doing|got|been|free|around|busy|still|up to|working|employed|catch|see|watch|"
                 r"think|know|have(?!\s+(?:my|our|the\s+right|a\s+right|every\s+right))|get))\b",
                 re.IGNORECASE)
_REQUEST = rx(r"\b(?:(?:can|could|would|will) you|(?:may|can|could) i|i(?:'ll| will)? need|"
                      r"please|(?<!you )tell me|let me know|"
                      # "a letter to confirm it": the letter confirms, nothing is asked
                      r"(?<!letter to )(?<!email to )(?<!notice to )(?<!text to )(?<!receipt to )(?<!which )(?<!that )"
                      r"(?:confirm|verify)|do you mind|mind (?:if|giving|telling)|"
                      r"(?:looking|calling|asking) for|trying to (?:reach|get hold of)|speak (?:with|to))\b",
                      re.IGNORECASE)
_TITLE = r"(?:(?:mr|mrs|ms|miss|dr)\.?\s+)"
_NAME = r"(?-i:[A-Z][a-z'\-]+)"
_NAME_AFTER = rx(
    r"(?:speak(?:ing)?|talk(?:ing)?)\s+(?:with|to)\s+(?:a\s+|an\s+)?"
    rf"((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)|"
    rf"\b(?:is|are)\s+(?:this|that|you|it)\s+((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\b(?!')|"
    rf"\b(?:would|could|might)\s+(?:this|that|it|you)\s+(?:happen\s+to\s+)?be\s+((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\b(?!')|"
    rf"\b(?:you're|you\s+are)\s+((?i:{_TITLE})?{_NAME}\s+{_NAME})\b(?=[^.?!]{{0,15}}\?)|"
    rf"\b(?:looking|asking)\s+for\s+(?:a\s+|an\s+)?((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)|"
    rf"\b(?:trying\s+to\s+reach|trying\s+to\s+get\s+hold\s+of|after)\s+(?:a\s+|an\s+)?((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)|"
    rf"\b(?:got|have)\s+((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\s+on\s+the\s+line|"
    rf"\bis\s+((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\s+(?:there|home|in|around|available)\b|"
    rf"^\W*(?:(?i:sorry|hi|hello|hey|um|uh|oh|so|ah|apologies|good (?:morning|afternoon|evening))\W+){{0,3}}"
    rf"((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\W*\?\W*$|"
    rf"^\W*(?:(?i:hi|hello|hey|um|uh|so|sorry)\W+){{0,2}}((?i:{_TITLE})?{_NAME}(?:\s+{_NAME})?)\s+"
    r"(?:there|around|home|in|available)\W*\?\W*$",
    re.IGNORECASE,
)
_LOWER_NAME_AFTER = rx(
    r"(?:speak(?:ing)?\s+(?:with|to)|talk(?:ing)?\s+(?:with|to)|\bis\s+this|^\W*(?:(?:hi|hey|hello)\W+)?is|\bam\s+i\s+(?:speaking|talking)\s+(?:with|to)|"
    r"^\W*(?:(?:hi|hey|hello|yeah|ok|okay|um|uh|so)\W+){0,2}(?:i'?m\s+|im\s+|i\s+am\s+)?"
    r"(?:looking\s+for|trying\s+to\s+reach|calling\s+for))\s+"
    r"([a-z][a-z'\-]+(?:\s+[a-z][a-z'\-]+)?)\s*(?:\?|$|,|please|\.)")
#: "Is that right?" after a statement asks about that statement.
_TAG = rx(r"^\W*(?:is (?:that|this|it) (?:right|correct|still (?:right|correct|good|the case))|right|"
                  r"correct|yes|no|(?:are |r )?(?:you|u) aware (?:of )?(?:that|this|it)|did (?:you|u) know (?:that|this)|"
                  r"(?:does|did) (?:that|this) make sense)\W*\?\W*$", re.IGNORECASE)
_NOT_NAMES = frozenset(
    "a an the it this that you your him her me us them someone somebody anyone anybody one "
    "please today now right there here home available okay ok sir madam maam ma'am about for "
    "with regarding calling speaking good bad better fine hello hi hey thanks thank sorry yes yeah "
    "no what really seriously alright great pardon excuse again deal correct understood clear "
    "balance debt account bill loan amount payment card call number phone cell line "
    # "who am I speaking with exactly?" (tester3 #18)
    "exactly actually precisely currently then just again still "
    # "is this Jordan I'm speaking with?" (tester6 2.1)
    "i i'm im i've ive i'd i'll we we're we've".split())


@dataclass(frozen=True)
class Ask:
    """One thing a line asks: its intent, the topic of that intent, the words that showed
    it, and for identity questions the name asked about (``value``)."""

    intent: str
    topic: str
    evidence: str
    start: int = 0
    end: int = 0
    value: str = ""

    @property
    def about_situation(self) -> bool:
        return self.topic in SITUATION_TOPICS

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"intent": self.intent, "topic": self.topic, "evidence": self.evidence,
                             "start": self.start, "end": self.end}
        if self.value:
            d["value"] = self.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Ask:
        return cls(d["intent"], d.get("topic", topic_of(d["intent"])), d.get("evidence", ""),
                   d.get("start", 0), d.get("end", 0), d.get("value", ""))


@dataclass
class _Intent:
    """One kind of question the debtor can be asked: its topic and the pattern that finds it."""

    name: str
    topic: str
    bare: bool
    pattern: re.Pattern[str] | None
    keyword_sources: tuple[str, ...]
    any_keyword: re.Pattern[str] | None  # all keywords in one: most sentences need no more
    #: Phrasings that ask this only right after the debtor said something: "How long ago
    #: was that?" asks when she filed only when her last line was about filing.
    after: re.Pattern[str] | None = None
    after_pattern: re.Pattern[str] | None = None
    _keywords: tuple[re.Pattern[str], ...] | None = None  # compiled when first needed

    def score(self, s: str, context: str | None = None) -> tuple[int, tuple[str, int, int] | None]:
        """3 for a pattern, 1 per distinct keyword; the words that show it (text, start, end)."""
        m = self.pattern.search(s) if self.pattern is not None else None
        if m is None and context and self.after_pattern is not None and self.after is not None:
            m = self.after_pattern.search(s)
            if m is not None and not self.after.search(context):
                m = None
        points = 3 if m else 0
        shown = (m.group(0), m.start(), m.end()) if m else None
        if self.any_keyword is None or not self.any_keyword.search(s):
            return points, shown
        if self._keywords is None:
            self._keywords = tuple(rx(k, re.IGNORECASE) for k in self.keyword_sources)
        for kw in self._keywords:
            k = kw.search(s)
            if k:
                points += 1
                if shown is None:
                    shown = (k.group(0), k.start(), k.end())
        return points, shown


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    from simulator.cachefile import shipped_yaml

    return shipped_yaml(Path(__file__).parent / "questions.yaml") or {}


@lru_cache(maxsize=1)
def _intents() -> tuple[_Intent, ...]:
    out = []
    for name, spec in _spec().items():
        pats = "|".join(f"(?:{p})" for p in spec.get("patterns") or [])
        words = tuple(spec.get("keywords") or [])
        joined = rx("|".join(f"(?:{k})" for k in words), re.IGNORECASE) if words else None
        after = spec.get("after") or {}
        when = after.get("debtor_said")
        asks = "|".join(f"(?:{p})" for p in after.get("patterns") or [])
        out.append(_Intent(name, spec.get("topic", "other"), bool(spec.get("bare")),
                           rx(pats, re.IGNORECASE) if pats else None, words, joined,
                           rx(when, re.IGNORECASE) if when and asks else None,
                           rx(asks, re.IGNORECASE) if when and asks else None))
    return tuple(out)


def intents() -> dict[str, str]:
    """Every intent name with its topic, in the file's order (nothing compiled)."""
    return {name: spec.get("topic", "other") for name, spec in _spec().items()}


def parent_of(intent: str) -> str | None:
    """The broader intent a persona's answer to ``intent`` may come from ("which court?"
    is a bankruptcy question: a persona that has not filed says so to either)."""
    spec = _spec().get(intent) or {}
    return spec.get("parent")


def topic_of(intent: str) -> str:
    return intents().get(intent, "other")


def about_situation(asks: tuple[Ask, ...] | list[Ask]) -> bool:
    """Does the line ask about the debtor's own situation (what happened, work, money)?"""
    return any(a.about_situation for a in asks)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def asked_name(sentence: str) -> str:
    """The person a sentence asks for: 'Am I speaking with Ms. Maria Delgado?' -> 'Maria Delgado'."""
    m = _NAME_AFTER.search(sentence)
    raw = next((g for g in m.groups() if g), "") if m else ""
    if not raw:
        m2 = _LOWER_NAME_AFTER.search(sentence.lower())
        raw = m2.group(1) if m2 else ""
    words = [w for w in raw.split() if w.lower().rstrip(".") not in ("mr", "mrs", "ms", "miss", "dr")]
    words = [w for w in words if w.lower() not in _NOT_NAMES]
    return " ".join(words[:2])


def find_asks(text: str, context: str | None = None) -> tuple[Ask, ...]:
    """Every ask in a line, in order (at most one per sentence); ``context``, the
    debtor's line before it, lets a bare "How long ago was that?" ask what it refers to."""
    if not text or len(text) > 20_000:
        text = (text or "")[:20_000]
    asks: list[Ask] = []
    table = _intents()
    spans = _sentences(text)
    for i, (a, b) in enumerate(spans):
        s = text[a:b]
        if not s.strip():
            continue
        is_question = "?" in s or bool(_WH.match(s)) or bool(_REQUEST.search(s))
        if i and _TAG.match(s):  # "I have this as her number. Is that right?"
            a, b = spans[i - 1]
            s, is_question = text[a:b], True
        found = None
        best = 0
        for intent in table:
            if not (is_question or intent.bare):
                continue
            points, shown = intent.score(s, context)
            if points and intent.name == "identity_name" and asked_name(s):
                points += 2  # a person named is asked for, whatever else the sentence says
            if not is_question and (intent.pattern is None or not intent.pattern.search(s)):
                continue  # a statement asks a bare intent only in its plain phrasing
            if points > best and shown is not None:
                best, found = points, (intent, shown)
        if found is None:
            if "?" in s:
                asks.append(Ask("other", "other", s.strip(), a, b))
            continue
        intent, (words, start, end) = found
        value = asked_name(s) if intent.name == "identity_name" else ""
        if intent.name == "identity_name" and not value:
            value = asked_name(text)  # "I need to speak with Dana Reyes. Is that you?"
        asks.append(Ask(intent.name, intent.topic, words, a + start, a + end, value))
    return tuple(asks)


def shown_by_pattern(intent: str, sentence: str) -> bool:
    """Whether one of ``intent``'s patterns (not a keyword alone) finds it in the sentence."""
    found = _by_name().get(intent)
    return found is not None and found.pattern is not None and bool(found.pattern.search(sentence))


def asks_plainly(sentence: str) -> bool:
    """Whether the sentence asks, and every ask of it is shown by one of its intent's
    patterns (a phrasing that plainly asks it), not by a keyword alone: "When is your
    first paycheck?" asks plainly; "Do you want a medal for picking up the phone?" only
    mentions a phone."""
    asks = find_asks(sentence)
    return bool(asks) and all(shown_by_pattern(ask.intent, sentence) for ask in asks)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, _Intent]:
    return {i.name: i for i in _intents()}
