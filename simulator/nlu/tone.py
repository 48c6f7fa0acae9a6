"""Tone: a number in [-1, 1] and a label, with the markers that moved it.

Markers follow the politeness strategies of Danescu-Niculescu-Mizil et al. (2013):
gratitude, apology, greeting, please, indirect and counterfactual requests, hedges
and deference push the tone up; direct questions, second-person openings, imperatives,
blame, sarcasm, profanity and insults push it down. Threats, pressure and abuse
detected as moves pull it down hard: the labelling rule is that any of them makes an
utterance negative even when it is politely worded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from simulator.nlu.lexicon import classes_in, lower
from simulator.nlu.prefilter import Pattern, could_match
from simulator.nlu.threats import (
    checks_on_file,
    insult_denied,
    others_pay,
    plain_question,
    reassures,
)
from simulator.nlu.types import Tone

#: (label, weight, pattern). Weights add up; the sum is squashed with tanh.
_MARKERS: tuple[tuple[str, float, str], ...] = (
    # --- up ---------------------------------------------------------------------------
    ("gratitude", 0.55, r"\b(?:thanks|thank\s+(?:you|u)|thx|ty\b|appreciate[sd]?|grateful|"
     r"much\s+obliged|cheers)\b"),
    ("apology", 0.45, r"\b(?:sorry|apologi[sz]e|apologies|my\s+apologies|pardon|excuse\s+me|"
     r"forgive\s+me|my\s+bad)\b"),
    ("greeting", 0.35, r"^\W*(?:hi|hello|hey|dear|greetings|howdy|good\s+(?:morning|"
     r"afternoon|evening))\b"),
    ("greeting", 0.2, r"\bhow\s+(?:are|have)\s+you\b|\bhow's\s+your\s+day\b|\bhope\s+you(?:'re|\s+are)\s+"
     r"(?:well|doing)\b"),
    ("please", 0.4, r"\bplease\b|\bpls\b|\bplz\b"),
    # not "take care of it today" (tester7: a "today only" line earned the bonus)
    ("well-wishes", 0.5, r"\b(?:take\s+care(?!\s+of\b(?!\s+(?:yourself|you\b)))|have\s+a\s+(?:good|great|nice|blessed|wonderful|"
     r"lovely)|good\s+luck|best\s+wishes|congrat\w*|all\s+the\s+best|enjoy\s+your|hang\s+in\s+"
     r"there|happy\s+(?:birthday|holidays|new\s+year))\b"),
    ("acknowledgement", 0.45, r"\b(?:i\s+understand|i\s+hear\s+you|i\s+get\s+it|that\s+makes\s+"
     r"(?:total\s+|complete\s+|a\s+lot\s+of\s+)?sense|totally\s+understandable|no\s+wonder|"
     r"i\s+can\s+(?:only\s+)?imagine|that\s+(?:sounds|must\s+be|must\s+have\s+been)|that's\s+"
     r"(?:rough|hard|tough|awful|a\s+lot|really\s+hard|understandable|fair)|fair\s+question|"
     r"good\s+question|no\s+worries|no\s+problem|np|take\s+your\s+time|not\s+here\s+to\s+judge|"
     r"i'd\s+be\s+(?:upset|annoyed|frustrated)\s+too|great\s+news)\b"),
    ("deference", 0.45, r"\b(?:great|good|nice|excellent|fantastic|brilliant|awesome|amazing|"
     r"superb|impressive|wonderful)\s+(?:work|job|idea|point|catch|question|article|edit|"
     r"stuff|news)\b|\b(?:well\s+done|kudos|impressed|you're\s+right|good\s+point)\b"),
    ("indirect request", 0.35, r"\b(?:would|could|might)\s+(?:you|u|we|i)\b|\bwould\s+it\s+be\b|"
     r"\bwould\s+you\s+(?:mind|like|be\s+(?:willing|able|in\s+a\s+position))\b"),
    ("indirect request", 0.3, r"\b(?:do|would)\s+you\s+mind\b|\bif\s+you\s+(?:don't|do\s+not)\s+"
     r"mind\b|\bi\s+(?:was|am|'m)\s+wondering\b|\bi\s+wonder\b|\bwhen\s+you\s+(?:get|have)\s+a\s+"
     r"(?:chance|moment|minute)\b|\bif\s+(?:possible|you\s+(?:can|could|have\s+time))\b"),
    ("hedge", 0.15, r"\b(?:perhaps|maybe|possibly|i\s+think|i\s+believe|i\s+suppose|i\s+guess|"
     r"it\s+seems|seems\s+(?:like|to)|i\s+feel|might|suggest|i\s+hope|hopefully|if\s+that\s+"
     r"(?:helps|works)|ideally|just\s+to)\b"),
    ("helpful offer", 0.3, r"\b(?:happy\s+to|glad\s+to|feel\s+free|let\s+me\s+know|i\s+can\s+help|"
     r"can\s+i\s+help|if\s+it\s+helps|would\s+it\s+help|i'd\s+be\s+happy|we\s+can\s+work|"
     r"works\s+for\s+you|work\s+for\s+you|comfortable\s+for\s+you|for\s+you\b\W*$)\b"),
    ("by the way", 0.25, r"\bby\s+the\s+way\b|\bbtw\b"),
    ("first person plural", 0.1, r"\b(?:let's|let\s+us|we\s+could|we\s+can|together)\b"),
    ("friendly", 0.25, r":\)|:-\)|;\)|\bglad\b|\bgreat\b|\bperfect\b|\bwonderful\b|\bawesome\b|"
     r"\bno\s+rush\b|\bpleasure\b|\bhappy\b|\bkindly\b|\bwelcome\b|\blooks\s+good\b|\bnice\b|"
     r"\bcool\b|\bgood\s+to\s+(?:see|hear)\b|\binteresting\b|\blove\b|\bif\s+you\s+(?:like|want|"
     r"prefer)\b|\banything\s+i\s+can\s+do\b"),
    ("ability request", 0.1, r"\bcan\s+(?:you|we|i)\b"),
    ("positive words", 0.2, r"\b(?:good|helpful|useful|fine|correct|right|best|well|enjoy\w*|fun|"
     r"kind|fantastic|beautiful|excellent|clear|fair|agree[ds]?|hope|hoping|help|welcome|sure|"
     r"pleased|thoughtful|valuable|constructive|sensible|reasonable|neat|lovely|honou?red)\b"),
    ("address by name", 0.1, r"\b(?:mr|ms|mrs|miss|dr|sir|ma'am)\b"),
    # --- down -------------------------------------------------------------------------
    ("profanity", -1.6, r"\b(?:fuck\w*|f\*+k?\w*|shit\w*|bullshit|damn\w*|goddam\w*|hell\b|"
     r"crap\w*|ass\b|asshole|bitch\w*|bastard|piss\w*|wtf|stfu|freaking|frigging|friggin|"
     r"bloody|screw\s+(?:you|this|that|it))|f\*+"),
    ("insult", -1.4, r"\b(?:idiot\w*|stupid|dumb\w*|moron\w*|deadbeat\w*|loser\w*|liars?|"
     r"pathetic|clueless|dense|lazy|worthless|useless|incompetent|clown\w*|fool\w*|imbecile|"
     r"ridiculous|absurd|trash|garbage|nonsense|idiocy|retard\w*|"
     r"ignorant|childish|juvenile|grow\s+up|shut\s+up|your\s+kind|you\s+people|sob\s+story|"
     r"genius\s+move|what\s+a\s+joke|get\s+a\s+life|whining|crybaby)\b"),
    ("blame", -0.5, r"\b(?:your\s+fault|you\s+(?:never|always|keep|broke|failed|refuse[ds]?|"
     r"ignored?|lied)|you\s+should\s+have|you\s+didn't|you\s+did\s+not|you\s+clearly|excuses?|"
     r"stall(?:ing)?|wasting|you\s+made\s+a\s+promise|you\s+signed)\b"),
    ("sarcasm", -0.8, r"\b(?:yeah,?\s+right|sure\s+you\s+did|oh\s+(?:wow|great|sure|really|so)(?!\W+(?:hi|hello|hey|thanks?|thank\s+you|good\s+to|nice\s+to)\b)|"
     r"(?<!more\s)(?<!most\s)(?<!a\s)convenient(?!\s+(?:time|for\s+you|day|hour|moment|way|option|method|date|place))|"
     r"how\s+convenient|nice\s+try|good\s+luck\s+(?:ever|with\s+that|getting)|"
     r"bitter\s+much|must\s+be\s+nice|unbelievable|are\s+you\s+(?:kidding|serious)|"
     r"give\s+me\s+a\s+break|spare\s+me)\b"),
    ("curtness", -0.55, r"^\W*(?:whatever|fine|yeah\s+yeah|uh-huh\.\s+sure|look|listen|"
     r"enough|ok\s+thanks\s+bye)\b|\bi\s+don't\s+have\s+all\s+day\b|\bi\s+heard\s+you\b|"
     r"\bi\s+don't\s+care\b|\bnot\s+my\s+(?:problem|concern)\b|\bthat's\s+all\s+i\s+needed\b|"
     r"\bi'm\s+not\s+asking\s+again\b|\bgot\s+it\?|\bis\s+that\s+clear\b|\bdo\s+you\s+understand\b"),
    ("why-did-you", -0.7, r"\bwhy\s+(?:did|didn't|would|wouldn't|do|don't|are|aren't|were|"
     r"is|have|haven't|on\s+earth|the)\s+(?:you|u|your|it|this|that)\b|\bwhat\s+(?:the\s+(?:hell|heck|devil|f\w*)|on\s+earth)\b|"
     r"\bhow\s+(?:dare|come|on\s+earth|many\s+times)\b|"
     # "who the hell", not "it'll show who the original creditor was"
     r"\bwho\s+(?:the\s+(?:hell|heck|devil|f\w*)|do\s+you\s+think)\b"),
    ("demand", -0.5, r"(?<!nothing\s)(?<!anything\s)\byou\s+(?:need|have|must|better|had\s+better|'d\s+better|will|'ll)\s+(?:to\s+)?"
     r"(?:stop|pay|listen|quit|do\b|explain|answer|cease|remove|provide)|\b(?:i\s+need|i\s+want|"
     r"i\s+demand|i\s+expect)\s+(?:an?\s+answer|it|this|you|that)\b|(?<!you\s)(?<!we\s)(?<!i\s)(?<!they\s)\bdo\s+not\s+|\bdon't\s+"
     r"(?:you\s+)?(?:dare|ever|add|remove|revert|give|touch|make|tell)\b|"
     r"\b(?:pay|paid|payment|need|want|do\s+it|send|sort|fix|settle|today|this)\s+(?:it\s+|this\s+|that\s+)?"
     r"right\s+now\b(?![^.!?]*\?)|"
     r"\bimmediately\b|\blast\s+chance\b|\bor\s+else\b|\bnow\s+or\s+never\b"),
    ("imperative", -0.35, r"^\W*(?:stop|quit|pay|give|get|put|tell|answer|listen|explain|"
     r"borrow|keep|move|read|see|check|look\s+at|fix|remove|undo|revert|don't|do\s+not|"
     r"send|show|go|leave|add)\b(?!\s+(?:is|was|are|were|works|sounds|it\s+is)\b|'s)"),
    ("question", -0.05, r"\?"),
    # Direct questions lean impolite in the Stanford corpus, but only slightly once "why"
    # questions (below) are counted apart: a plain "when did you last pay?" is neutral.
    ("direct question", -0.05, r"^\W*(?:so\s+)?(?:why|what|where|who|how|which|when)\b[^.!?]{0,200}\?"),
    # ... not a question that drops its "do" or "are" ("u got anything lined up?", "you
    # good to talk?": a texter's plain question, tester7 2026-12-03).
    # ... nor the debtor's own story told back ("You were told the visit was covered", "You got
    # burned last year"), nor where they can check or reach someone ("You can call Crestview to
    # check on us"): tester8's restatements read -0.38 hostile and cost composure points.
    ("you-first", -0.3, r"^\W*(?:you|your|u)\b(?!\s+(?:got|good|free|ok|okay|available|around|busy|"
     r"still|able|wanna|want|need|doing|feeling|working|home|there|can|could|will|would|have)\b[^.!?]{0,120}\?)"
     r"(?!(?:'ve|\s+have)?\s+(?:were|was|got|had|said|told|mentioned|went|tried|lost|been|just\s+(?:said|told|mentioned)|"
     r"can\s+(?:also\s+)?(?:call|check|reach|contact|verify|confirm|look|email|write|send|mail|ask))\b)"),
    ("negative words", -0.25, r"\b(?:wrong(?!\s+(?:person|people|party|number|address|line))|bad(?!\s+time)|(?<!no\s)problem\w*|fail(?!ure\s+to\s+(?:respond|dispute|reply|notify))\w*|error|mistakes?|annoy\w*|"
     r"ignor\w*|spam\w*|hate\w*|worse|worst|awful|terrible|horrible|disgust\w*|abus\w*|attack\w*|"
     r"accus\w*|lie|lies|lying|false|fake|bias\w*|pointless|silly|lame|nonsense|junk|mess|"
     r"complain\w*|threat\w*|rude|insult\w*|offen[cs]\w*|harass\w*|vandali[sz]\w*|delet\w*|"
     r"revert\w*|removed?|removing|excuse\w*|unacceptable|suck\w*|whin\w*|"
     r"poor\w*|weird|crazy|wast\w*|obsess\w*|petty|stubborn)\b"),
    ("direct start", -0.15, r"^\W*(?:so|then|and|but|well)\b(?!\s+(?:to\s+recap|to\s+confirm|"
     r"here's|here\s+is|let's|let\s+me|what\s+if|how\s+about|"
     r"sorry|thanks|thank|that's|that\s+is|the\s+plan|we're|we\s+have|we've|just\s+to|"
     r"(?:what|how|when|where|which)\s+\w))"),
    ("factuality", -0.2, r"\b(?:actually|in\s+fact|the\s+point\s+is|the\s+reality\s+is|"
     r"obviously|clearly|seriously|honestly|really)\b"),
    # "just so u know tho, if the bankruptcy gets dismissed ...": a warning's opening (tester7)
    ("warning", -0.2, r"\bjust\s+so\s+(?:you|u|ya)\s+know\b(?:\s+(?:tho|though|tho'))?,?\s+(?:if|this|that|it|the|ur|your|you)\b"),
    ("shouting", -0.35, r"[!?]{2,}|\b[A-Z]{5,}\b"),
)

class _Marker(Pattern):
    """One tone marker: its label, its weight and its pattern."""

    __slots__ = ("label", "weight")

    def __init__(self, label: str, weight: float, source: str) -> None:
        super().__init__(source, re.IGNORECASE if label != "shouting" else 0)
        self.label = label
        self.weight = weight


_COMPILED = tuple(_Marker(label, w, p) for label, w, p in _MARKERS)
_MOVE_WEIGHTS = {"threat": -1.4, "pressure": -1.1, "abuse": -1.6}
#: Moves that make an opening "so ..." a restatement or a follow-up, not a brusque start.
_LISTENING = frozenset({"reflection", "recap_agreement"})
_MOVE_UP = {"empathy": 0.4, "closing": 0.2, "greeting": 0.15}

#: Share of the learned tone in the final number, and the highest a line with a threat,
#: pressure or abuse may score (the labelling rule: any of them makes a line negative).
LEARNED_WEIGHT = 0.5
NEGATIVE_MOVE_CAP = -0.35

BLEND = "down"


def _reassured(sentences: list[str], reassuring: Callable[[str], bool] = reassures) -> bool:
    """Every sentence is one of the law's reassurances or says nothing else ("Honestly? No.
    ..."), and one is: checked on each line, so the first other sentence ends it."""
    told = False
    for s in sentences:
        if len(s.split()) <= 2:
            continue
        if not reassuring(s):
            return False
        told = True
    return told or any(reassuring(s) for s in sentences)


def _blend(rule: float, learned: float) -> float:
    """The markers' number moved toward the learned one ("down": only when the learned
    tone is lower, which is how sarcasm and condescension that sound courteous read)."""
    if BLEND == "down":
        return rule + LEARNED_WEIGHT * min(0.0, learned - rule)
    return (1 - LEARNED_WEIGHT) * rule + LEARNED_WEIGHT * learned


#: Label cut points: score < cut -> label (checked in order), else "warm".
CUTS: tuple[tuple[float, str], ...] = (
    (-0.6, "abusive"),
    (-0.3, "hostile"),
    (-0.12, "curt"),
    (0.15, "neutral"),
    (0.5, "polite"),
)


def label_for(score: float) -> str:
    """The label for a tone number; cut points in CUTS."""
    for cut, label in CUTS:
        if score < cut:
            return label
    return "warm"


def tone_of(sentences: Iterable[tuple[str, str]], moves: Iterable[str] = (),
            learned: float | None = None) -> Tone:
    """Tone of an utterance given its sentences, each with its ``prefilter.fold``, the
    moves found in it, and the learned layer's tone (P(positive) - P(negative)), if any.

    The markers' number and the learned one are blended (``LEARNED_WEIGHT``, set by
    measurement): the markers know politeness in general, the learned tone knows how
    sarcasm, condescension and talking over sound in a collection call.

    Each marker counts once per utterance (a second "please" adds nothing), so that
    long polite or rude texts do not saturate from repetition alone.
    """
    sentences = list(sentences)
    found: dict[str, float] = {}
    calm: dict[str, bool] = {}  # each sentence read for a reassurance once, by whichever asks first

    def reassuring(sentence: str) -> bool:
        if sentence not in calm:
            calm[sentence] = reassures(sentence)
        return calm[sentence]

    for sentence, folded in sentences:
        refused = None  # "Nobody thinks you're a deadbeat": the insult word is refused
        for marker in could_match(_COMPILED, folded):
            if marker.label == "insult":
                if refused is None:
                    refused = insult_denied(sentence)
                if refused:
                    continue
            if marker.label in _NOT_IN_REASSURANCE and reassuring(sentence):
                continue  # "You do not have to pay from your own money": no order, no blame
            if marker.rx.search(sentence):
                label, weight = marker.label, marker.weight
                if label not in found or abs(weight) > abs(found[label]):
                    found[label] = weight
    # "You are not personally responsible for his debts": a reassurance is at worst
    # neutral (the model hears "not", "you are" and "debts" as hostile).
    reassured = _reassured([s for s, _ in sentences], reassuring)
    whole = " ".join(s for s, _ in sentences)
    if reassured or any("rights" in classes_in(lower(s)) for s, _ in sentences) or (
            "you-first" in found and checks_on_file(whole)):
        found.pop("you-first", None)  # "You can ask us to stop calling at any time": a right
    move_set = set(moves)
    if move_set & _LISTENING:
        found.pop("direct start", None)  # "So you ...", "So that's ...": a restatement, not curt
    if move_set & (_LISTENING | {"empathy"}):
        found.pop("you-first", None)  # "You sound really fed up": the debtor's feelings named
    if "open_question" in move_set:
        found.pop("imperative", None)  # "Tell me what happened": an invitation, not an order
    for move, weight in _MOVE_WEIGHTS.items():
        if move in move_set:
            found[move] = weight
    negative_move = any(m in move_set for m in _MOVE_WEIGHTS)
    if not negative_move:
        for move, weight in _MOVE_UP.items():
            if move in move_set:
                found.setdefault(move, weight)
    raw = sum(found.values())
    if negative_move:
        raw = min(raw, -0.7)
    score = max(-1.0, min(1.0, math.tanh(raw)))
    if not math.isfinite(score):
        score = 0.0
    if learned is not None and math.isfinite(learned):
        if reassured:
            learned = max(learned, 0.0)
        elif learned < 0 and sentences and (all(plain_question(s) or others_pay(s) for s, _ in sentences)
                                            or checks_on_file(whole)):
            learned = 0.0  # "When do you actually get paid?": a question with no belittling word
        score = _blend(score, learned)
        found["learned"] = round(learned, 2)
    if learned is not None and negative_move:
        score = min(score, NEGATIVE_MOVE_CAP)
    score = round(score, 4)
    reasons = tuple(
        f"{label} ({'+' if w > 0 else ''}{w:g})"
        for label, w in sorted(found.items(), key=lambda kv: -abs(kv[1]))
    )
    label = label_for(score)
    if label == "abusive" and not _ABUSIVE & found.keys():
        # A threat or an ultimatum is hostile; "abusive" is kept for insults, profanity and
        # abuse, which a trainee reading it will look for (tester8: "-0.99 abusive" on a veiled
        # threat with no insult in it).
        label = "hostile"
    return Tone(score, label, reasons)


#: Markers a sentence of the law's reassurance does not carry (tester11's "You do not have to
#: pay from your own money" read as a demand, -0.69, to a widow).
_NOT_IN_REASSURANCE = frozenset({"you-first", "demand"})
#: Reasons that make the bottom of the scale "abusive" rather than "hostile".
_ABUSIVE = frozenset({"abuse", "insult", "profanity"})
