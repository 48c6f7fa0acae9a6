"""Active-listening rules: open questions and reflections, which cue lists cannot say well.

An open question invites an explanation: a wh-question that asks by its form, or a
request such as "tell me", "I'm curious what", "help me understand"; a wh-clause inside
a statement, "I wonder if ..." and questions asking for one fact or figure are not. A
reflection restates the debtor: a "you ..." statement about them, a "so ..." summing up,
or a line that reuses their own words, answering their previous line.
"""

from __future__ import annotations

import re
from typing import Any

from simulator.nlu.text import BACKCHANNEL, TOKEN, content
from simulator.nlu.types import Move
from simulator.rxcache import compile as rx

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
_INVITE_TELL = rx(
    r"^\W*(?:(?:so|and|okay|ok|well|now|um|uh|alright|then|just|please|maybe|i\s+guess|you\s+know|"
    r"(?-i:[A-Z][a-z]+))\W+){0,6}(?:(?:tell|talk\s+to|walk|fill|catch|remind)\s+me|describe|explain)\b|"
    r"\b(?:(?:can|could|would|will)\s+you|(?:if|whether)\s+you\s+(?:can|could))\s+(?:please\s+)?"
    r"(?:just\s+)?(?:tell(?!\s+(?:her|him|them)\b)|walk|talk|describe|explain|share|say\s+(?:a\s+(?:little|bit)\s+)?more|"
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
_TRAILING_OR = rx(
    r"\bor(?:\s+(?:anything|whatever|what|not)(?:\s+(?:else|like(?:\s+(?:that|this))?))?)?"
    r"\W*$", re.IGNORECASE)
#: "How often do you think you drink?", "When do you think you'll do that?": a number or a
#: time, but asked as the other person's own estimate, which invites them to think aloud.
_ASKS_ESTIMATE = rx(
    r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)((?:how\s+(?:often|many|long|soon)|when|who))\b[^.?!,]{0,30}\b"
    r"((?:do|would)\s+you\s+"
    r"(?:think|say|guess|imagine|reckon))\b")
#: "how much time have you ...", "what ideas have you been ...": the verb comes before its
#: subject a word or two after the wh-word, so the clause asks even with no "?".
#: "what happens now is the account stays on hold": a wh-clause as the subject of a statement
#: (tester6's dispute call), not a question.
_CLEFT = rx(r"^(?:what|how)\s+(?:\w+\s+){1,4}(?:is|was)\s+(?:that\s+)?(?:the|we|we'll|you|you'll|i|i'll|it|"
            r"your|our|a|this|they|nobody|no)\b")
_INVERTED_LATE = rx(
    r"^(?:what|how|which|where|why)\s+(?:\w+\s+){1,2}(?:do|does|did|have|has|would|could|can|will|"
    r"are|were|should|might)\s+(?:you|your|they|we)\b")
#: "Who else could you ask?", "who could help you with that?": asks them to think of people.
_WHO_OPEN = rx(r"^who(?:\s+else|\s+(?:could|would|might|can)\s+(?!i\b|we\b))")
#: "How much does it cost you a week?": an amount of money, asked as a figure.
_HOW_MUCH_MONEY = rx(
    r"^how\s+much\b.*\b(?:cost|costs|spend|spent|pay|paid|price|money|earn|earned|owe|charge|"
    r"bring\s+in|take\s+home|dollars?|bucks)\b")
#: "What's your partner's name?": a what-question asking for one fact is closed.
_ASKS_FACT = rx(
    r"^\W*what(?:'s|\s+(?:is|was|'s))\W+(?:\w+\W+){0,3}?(?:your|the|his|her|their)\s+(?:\w+'s\s+)?"
    r"(?:full\s+|last\s+|first\s+|middle\s+|maiden\s+|new\s+|current\s+|home\s+|work\s+|cell\s+|"
    r"phone\s+|email\s+)*(?:name|address|number|email|date\s+of\s+birth|birthday|zip|postcode|age)\b",
    re.IGNORECASE)
#: "wondering", "curious", "interested": they ask only when the speaker is the one who
#: wonders ("I'm wondering what ..."), not when they describe the other person ("so
#: you're kind of wondering what the point is", "if you're interested in how ...").
_WONDER_WORD = rx(r"\b(?:wonder(?:ing)?|curious|interested)\b", re.IGNORECASE)
_SPEAKER_WONDERS = rx(
    r"(?:^|\b(?:i|i'm|im|i've|i'll|i'd|we|we're)\b)(?:\W*(?:just|really|sort|kind|of|am|was|"
    r"a|bit|little|also|still|be|been|always|quite|very|so|more|genuinely|um|uh|actually|would|"
    r"and|yeah|okay|ok|well|now|then|hmm)\b)*\W*$",
    re.IGNORECASE,
)
#: "I wonder if you'd be open to ...": a yes/no question, however politely put.
_WONDER_IF = rx(r"\bwonder(?:ing)?\s+(?:if|whether)\b", re.IGNORECASE)
_WH_INSIDE = rx(
    r"(?:[,;:][\"'”’]?\s*|\b(?:and|so|but|then|or)\s+)(what|how|why|where)(?:'s|'d)?\b(?!\s+(?:much|many|long|old|"
    r"often|time|day|date|amount|number|i\b|i'm|we\b|you\b|you're\b|they\b|he\b|she\b)|"
    r"(?<=why)\s+(?:not|don't)\b|(?<=where)\s+(?:are|is|was|were|did|in)\b|(?<=what)\s+part\b)",
    re.IGNORECASE,
)
#: "what you said", "what they want": an embedded clause, not a question.
_EMBEDDED = frozenset({"you", "you're", "you've", "you'd", "your", "they", "they're", "he", "she",
                       "i", "i'm", "i'd", "i've", "we", "it's"})
AUX = frozenset(
    "do does did is are was were can could would will have has had should may might am shall "
    "isn't aren't don't doesn't didn't won't wouldn't can't couldn't any anything anyone".split()
)
WH_ANY = _WH_OPEN | {"when", "who", "which", "whose"}
SELF = frozenset(
    "i i'm i'll i've i'd we we're we'll we've let's let please thank thanks hi hello hey my our "
    "bye goodbye".split()
)
YOU = frozenset({"you", "your", "you're", "you've", "you'd", "yourself", "u", "ur"})
#: The speaker talking about themselves: their own view, plans or offers, not a restatement.
SPEAKER = frozenset("i i'm i'd i'll i've me my mine myself we we're we'll we've we'd us our let's".split())
#: "you can / should / need to / will": advice, information or an offer, not a restatement.
YOU_MODAL = rx(
    r"\byou(?:'ll|\s+(?:can|could|should|need|might|may|will|must|have\s+to|ought))\b|"
    r"\b(?:make\s+sure|remember\s+to|try\s+to|don't\s+forget)\b",
    re.IGNORECASE,
)
#: Talk about people in general or about facts: information, not a restatement.
GENERIC = rx(
    r"\b(?:people|someone|somebody|anyone|everyone|research|studies|evidence|guidelines|"
    r"recommend\w*|risks?)\b",
    re.IGNORECASE,
)
#: Reflection cues that frame the whole turn as a restatement.
LEAD_REFLECTION = rx(r'^cue "(?:it\s+)?(?:sounds\s+like|sounds\s+as|i\s+get\s+the\s+impression|'
                              r"i.m\s+hearing|what\s+i.m\s+hearing|i\s+am\s+hearing|i\s+get\s+(?:a|the)\s+sense)")
#: The ``why`` of reflections found by the rules below rather than by a cue.
RULE_REFLECTION = ("restates", "a statement about")
NOT_REFLECTION = frozenset(
    {"pressure", "abuse", "threat", "next_steps", "recap_agreement", "offer_settlement",
     "offer_payment_plan", "offer_alternative", "request_full_payment", "state_debt", "closing",
     "greeting", "self_identification", "identity_verification", "mini_miranda",
     "recording_notice", "ask_capacity", "open_question"}
)
ADVICE = rx(
    r"\byou\s+(?:need|should|have\s+to|must|might\s+want|could\s+try|can\s+(?:pay|call|also|"
    r"try|get|reach|go)|will\s+(?:get|receive|need)|'ll\s+(?:get|receive|need))\b|"
    r"\bi\s+(?:would\s+)?recommend\b|"
    # a warning is no restatement ("just so u know tho, if the bankruptcy gets dismissed ...")
    r"\bjust\s+so\s+(?:you|u|ya)\s+know\b|\bfair\s+warning\b|\bheads\s+up\b",
    re.IGNORECASE,
)
DISTRESS = rx(
    r"\b(?:upset|crying|cry|tears|embarrass\w*|ashamed|humiliat\w*|scared|afraid|terrified|"
    r"panic\w*|anxious|worried|stress\w*|overwhelm\w*|devastat\w*|heartbroken|grie\w*|"
    r"passed\s+away|died|funeral|cancer|diagnos\w*|hospital\w*|hard\s+(?:to|for\s+me)|"
    r"can't\s+(?:think|breathe|do\s+this|deal)|lost\s+my|falling\s+apart|breaking\s+down)\b",
    re.IGNORECASE,
)
#: Giving the debtor room: courtesy, or empathy when it answers distress.
#: The debtor's line shows anger or exasperation: an apology or a "that would make me mad
#: too" after it acknowledges their feelings.
ANGER = rx(
    r"\b(?:unbelievable|ridiculous|outrageous|sick\s+(?:of|and\s+tired)|fed\s+up|furious|angry|mad|pissed|"
    r"harass\w*|hang\s+up|leave\s+me\s+alone|stop\s+calling|how\s+dare|you\s+people|"
    r"humiliat\w*|crossed\s+a\s+line|the\s+hell|screw\s+you|don't\s+stop)\b",
    re.IGNORECASE,
)
#: An apology to the debtor ("I'm sorry about that", "I apologise for how they treated
#: you"): empathy after distress or anger, a courtesy after a bad line.
APOLOGY = rx(r"\b(?:(?:i'm|i\s+am|im)\s+)?(?:so\s+|really\s+|truly\s+)?sorry\s+(?:about|for)\s+"
             r"(?:that|this|all\s+(?:that|this)|what|how)\b|\bi\s+(?:do\s+)?apologi[sz]e\b",
             re.IGNORECASE)
ROOM = rx(r"\b(?:take\s+(?:all\s+)?(?:the\s+)?(?:your\s+)?time(?:\s+you\s+need)?|"
                   r"no\s+(?:rush|hurry)|there's\s+no\s+(?:rush|hurry)|whenever\s+you're\s+ready)\b",
                   re.IGNORECASE)


def reflection(s: str, words: list[str], all_words: list[str], so_lead: bool, is_question: bool,
               hits: dict[str, Move], add: Any, ctx_words: set[str], has_context: bool) -> None:
    """Reflection: a statement about the debtor that answers their previous line ("you
    ...", a "so ..." summing up, or one that reuses three of their words)."""
    if has_context and "reflection" not in hits and words and not (set(hits) & NOT_REFLECTION):
        first = words[0]
        # "When you related that to your smoking, ...": a clause that sets the scene, not a question.
        question_form = (first in AUX or first in WH_ANY) and not (
            not is_question and first in ("when", "where", "what") and len(words) > 1
            and words[1] in YOU)
        why = ""
        if not question_form and first not in SELF and not ADVICE.search(s) and not ROOM.search(s):
            shared = content(s) & ctx_words
            if so_lead and (shared or YOU & set(words)):
                why = 'restates with "so ..."'
            elif so_lead and not is_question and not hits and not SPEAKER & set(all_words):
                why = 'sums up with "so ..."'
            elif first in YOU or (len(words) > 1 and words[1] in YOU and first in ("and", "but")):
                why = "restates what the debtor does or feels (\"you ...\")"
            elif len(shared) >= 3 and "empathy" not in hits and not any(w.isdigit() and len(w) >= 3 for w in shared):
                # (a number read back, "24124 michael stravenue, fernandezfurt 66496, got it", confirms
                # an address or a phone number: no restatement of the debtor's situation; tester7)
                why = "restates the debtor's words: " + ", ".join(f'"{w}"' for w in sorted(shared)[:4])
            elif not is_question and ("empathy" not in hits or len(shared) >= 2) \
                    and YOU & set(all_words) \
                    and not SPEAKER & set(all_words) \
                    and not YOU_MODAL.search(s) and not GENERIC.search(s):
                why = "a statement about the debtor, not the speaker (\"you\", no \"I\")"
        if why:
            add("reflection", 0, len(s), why, 0.7)



def open_question(s: str, low: str, words: list[str], is_question: bool,
                   hits: dict[str, Move], add: Any) -> None:
    """Open questions: wh-questions that invite an explanation, and requests to tell.

    A cue that only names a wh-clause inside a statement ("let me make sure I've
    understood what's going on") is not a question: without a "?" the sentence must
    ask by its form (a wh-word first, or an invitation such as "tell me", "I'm curious
    what", "I'd like to hear") for the cue to count. "I wonder if ..." asks yes or no.
    """
    mv = hits.get("open_question")
    joined = " ".join(words)  # the rules below read the words as one string
    first = wh_first(words, joined)
    # Without a "?" the clause must be inverted ("what do you ...", "how's work been")
    # to ask: "what activities you might choose" is only a clause.
    asks_by_form = bool(first) and (len(words) == 1 or words[1] in _INVERTED or (
        first.endswith(("'s", "'d")) and len(words) <= 12) or bool(_INVERTED_LATE.match(joined))) \
        and not _CLEFT.match(joined)
    if mv is not None and not is_question and not asks_by_form and not _INVITE_TELL.search(s) \
            and not mv.why.startswith("similar to example"):
        hits.pop("open_question")
    elif mv is not None and _WONDER_IF.search(s) and not _INVITE_TELL.search(s):
        hits.pop("open_question")
    elif mv is not None and others_wonder(s, mv.evidence):
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
    if m and not _WONDER_IF.search(s[:m.start()]) and not others_wonder(s, m.group(0)):
        add("open_question", m.start(), len(s), f'invites an explanation ("{m.group(0).strip()}")')
        return
    m = _WH_INSIDE.search(s) if is_question else None
    if m:
        add("open_question", m.start(1), len(s), f'open "{m.group(1).lower()}" question')
        return
    m = _TRAILING_OR.search(s)
    if m and words[0] in AUX and len(words) > 3:
        add("open_question", 0, len(s), f'leaves the answer open ("{m.group(0).strip()}")')


def echo(norm: str, ctx_words: set[str] | frozenset[str]) -> str:
    """A short line that repeats the debtor's own words back ("Not yet." after "Not
    yet.", "Very dull."): the simplest reflection. Back-channel words alone ("Right.",
    "Mm-hmm.") only show attention, and a question asks rather than restates."""
    words = TOKEN.findall(norm.lower())
    if not words or len(words) > 8 or "?" in norm:
        return ""
    mine = content(" ".join(w for w in words if w not in BACKCHANNEL))
    if not mine or not mine <= ctx_words:
        return ""
    return "echoes the debtor's words: " + ", ".join(f'"{w}"' for w in sorted(mine)[:4])


def others_wonder(s: str, evidence: str) -> bool:
    """True when the evidence rests on "wondering"/"curious"/"interested" and the one who
    wonders is not the speaker ("you're kind of wondering what ...")."""
    w = _WONDER_WORD.search(evidence)
    if not w:
        return False
    i = s.find(evidence)
    at = (i if i >= 0 else 0) + w.start()
    return not _SPEAKER_WONDERS.search(s[max(0, at - 60):at])


def wh_first(words: list[str], joined: str) -> str:
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

