"""The debtor's reply to a line: the reaction to the move, the answer to the question,
and whether the answers proved who the debtor is. Mixed into
:class:`simulator.engine.call.Call`."""

from __future__ import annotations

import re
from typing import Any

from simulator.content.models import Answer, Transition
from simulator.engine.answers import pick
from simulator.engine.turns import TurnPlan, identity_proved
from simulator.engine.values import line_values
from simulator.nlu.questions import Ask, find_asks, shown_by_pattern
from simulator.nlu.types import OFFER_MOVES
from simulator.rxcache import compile as rx

#: A reaction to these moves says something of its own even when it changes nothing.
SUBSTANTIVE = OFFER_MOVES | {"ask_capacity", "pressure", "threat", "abuse", "recap_agreement", "closing"}



_SENTENCE_END = rx(r"(?<=[.!?])\s+")


_LEAD = rx(r"^\W*(?:you (?:just )?asked me that\W*|(?:like|same as) i said(?: before)?\W*|"
          r"as i said\W*|i already told you\W*)", re.IGNORECASE)
_TELL = rx(r"\blet (?:her|him|you|them) know\b", re.IGNORECASE)
#: Words that carry no content of their own when two sentences are compared.
_FILLER = frozenset("""
i i'll i'm i've i'd me my you you're your he she her him his it it's its they them we us our
a an the and but or so if then than that that's this these those to of in on at by for from with
is are was were be been am do did does can could will would just like said same as yeah yes
yep sure okay ok well oh um uh really also too now there here what
""".split())


def _plain(sentence: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", sentence.lower()).strip()


def _gist(sentence: str) -> frozenset[str]:
    """What a sentence says, without its lead ("Like I said,") and filler words."""
    text = _TELL.sub("tell", _LEAD.sub("", sentence).lower())
    return frozenset(w for w in re.findall(r"[a-z0-9$']+", text) if w not in _FILLER)


def _said_already(sentence: str, said: set[str], gist: frozenset[str]) -> bool:
    g = _gist(sentence)
    return _plain(sentence) in said or (len(g) >= 2 and g <= gist)


def asked_gists(replies: list[str]) -> frozenset[frozenset[str]]:
    """What the debtor has asked so far, each question as its gist."""
    return frozenset(_gist(x) for r in replies for x in _SENTENCE_END.split(r) if x.rstrip().endswith("?"))


def joined(reaction: str, answer: str, asked: frozenset[frozenset[str]] = frozenset()) -> str:
    """The reaction, then the answer without the sentences the reaction already said, in
    the same or other words (the roommate said "Like I said, she's home in the evening."
    twice in one reply; Tony "after six, I'm off the roof by then" then "Same as I said:
    after six, I'm off the roof by then.").

    A question the reaction ends on comes after the answer, not before it (the widow asked
    "What do you need from me?" and then named the probate court she was asked about,
    tester6 2.5), and is left out when the debtor asked it before ("But what's this
    about?" again, in the middle of Tony's callback, tester7 D7)."""
    parts = _SENTENCE_END.split(reaction)
    said = {_plain(x) for x in parts}
    gist = frozenset().union(*(_gist(x) for x in parts))
    rest = [x for x in _SENTENCE_END.split(answer) if x.strip() and not _said_already(x, said, gist)]
    if not rest:
        return reaction
    if len(parts) > 1 and parts[-1].rstrip().endswith("?"):
        last = parts.pop()
        if _gist(last) not in asked:
            rest.append(last)
    return " ".join([*parts, *rest])


def without_echo(reply: str, text: str) -> str:
    """The reply without a short opening sentence that only echoes the trainee's own
    opening word for word (the roommate answered "No problem. When's a good time to reach
    her?" with "No problem. She usually gets home...", tester8 2.10)."""
    mine = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    parts = _SENTENCE_END.split(reply.strip(), maxsplit=1)
    if len(parts) < 2 or len(mine.split()) > 3 or _plain(parts[0]) != _plain(mine):
        return reply
    return parts[1]


class Replies:
    """Composing the reply (see ``_compose``) and verifying identity from it."""

    persona: Any
    account: Any
    voice: Any
    flags: dict[str, float]
    answered: dict[str, int]
    revealed_now: set[str]
    turns: list[Any]
    opening: str
    _confirm: bool
    _refused_proof: bool
    _asked_again: bool
    _checks_back: bool
    _pending_identity: bool
    _proofs: list[tuple[str, str]]
    _turn_events: list[str]
    _analysis: Any
    _filler: bool  # the reaction is the short stand-in said when every variant was said

    def _compose(self, plan: TurnPlan, fired: Transition | None, trigger: str,
                 state_before: str, answered: list[str]) -> str:
        """The reply: the reaction to the move that fired, the answer to the question; no
        word-for-word echo of the trainee's opening, except in a goodbye."""
        reply = self._reaction_and_answer(plan, fired, trigger, state_before, answered)
        return reply if trigger == "closing" or self.ended else without_echo(reply, self._analysis.text)

    def _reaction_and_answer(self, plan: TurnPlan, fired: Transition | None, trigger: str,
                             state_before: str, answered: list[str]) -> str:
        self._filler = False
        reaction = self._reply_for(fired, state_before)
        if self.ended:
            return reaction
        self.voice.hold(reaction)
        changed = self.state != state_before
        substantive = fired is not None and bool(changed or fired.do or trigger in SUBSTANTIVE)
        told = bool(self.revealed_now)  # the reaction told a fact: it must be said
        ask = plan.question_for(trigger, confirmed=self._confirm, substantive=substantive, told=told)
        if ask is None:
            return reaction
        answer = self._answer(ask.intent, plan, answered, filler=not reaction)
        if not answer:
            return reaction
        other, first = self._other_clause_ask(ask)
        if other is not None and other.intent not in answered:
            more = self._answer(other.intent, plan, answered, filler=False)
            answer = (joined(more, answer) if first else joined(answer, more)) if more else answer
        if self._filler:
            return answer  # "Like I said." may not lead a first word on something new (tester8 2.1)
        identity_swap = trigger == "identity_verification" and ask.intent != "identity_name"
        # what the debtor asked before matters only to a reaction that ends on a question
        asked = asked_gists([self.opening, *(t.reply for t in self.turns)]) \
            if reaction.rstrip().endswith("?") else frozenset()
        if reaction and told:
            return joined(reaction, answer, asked)
        if identity_swap or not substantive or not reaction:
            return answer
        return joined(reaction, answer, asked)

    def _other_clause_ask(self, ask: Ask) -> tuple[Ask | None, bool]:
        """A payment question asked plainly in another clause of the same sentence
        ("What date works for the first payment, and how do you want to pay?"), and whether
        it comes first: the analyser finds one ask a sentence, and people answer both halves
        (tester8 2.6: "Check." only)."""
        text = self._analysis.text
        start = max(text.rfind(c, 0, ask.start) for c in ".!?") + 1
        ends = [i for i in (text.find(c, ask.end) for c in ".!?") if i >= 0]
        for part, first in ((text[start:ask.start], True), (text[ask.end:min(ends, default=len(text))], False)):
            found = find_asks(part.strip(" ,;") + "?")
            if found and found[-1].intent != ask.intent and found[-1].topic == ask.topic == "payment" \
                    and shown_by_pattern(found[-1].intent, part):
                return found[-1], first
        return None, False

    def _answer(self, intent: str, plan: TurnPlan, answered: list[str], filler: bool = True) -> str:
        """Answer one question; '' when the persona has nothing fresh to say to it and
        ``filler`` is off (the reaction already said it)."""
        asked_before = intent in self.answered
        self.flags["asked_before"] = float(asked_before)
        self._env_cache = None
        ans = pick(self.persona, intent, self.state, self._holds)
        if ans is None:
            return ""
        for d in ans.do:
            self._callback(d)()
        self._turn_events.extend(ans.events)
        text = self._say_answer(ans, asked_before, filler)
        if not text:
            return ""
        answered.append(intent)
        if ans.refuse:
            self._event(f"refused:{intent}")
            if intent in plan.proof_intents:
                self._refused_proof = True
        else:
            self._event(f"answered:{intent}")
            self.answered.setdefault(intent, len(self.turns) + 1)
            if intent in plan.proof_intents:
                self._proofs.append((intent, text))
        return text

    def _say_answer(self, ans: Answer, asked_before: bool, filler: bool = True) -> str:
        values = line_values(self)
        if asked_before and not ans.refuse and self._checks_back:
            # "Sorry, could you say that number again?": said again, plainly, short form first.
            return (self.voice.choose(ans.again, values, again=True) if ans.again else "") or \
                self.voice.choose(ans.say, values, again=True)
        if asked_before and not ans.refuse:
            again = self.voice.choose(ans.again, values) if ans.again else ""
            self._asked_again = True
            body = again or self.voice.choose(ans.say, values)
            return self._asked_again_lead(body) if body else self._special("asked_again")
        text = self.voice.choose(ans.say, values) or self.voice.choose(ans.again, values)
        return text or (self._special("repeat") if filler else "")

    def _verify(self, plan: TurnPlan) -> bool:
        """Verified only when the caller asked for proof and the answer matched the file.
        False when the debtor was about to confirm but what was asked does not match
        (the caller must not hear a confirmation)."""
        if self.persona.party == "representative" and not self.flags["verified"]:
            return not plan.mismatch and self._verify_representative()
        if self.flags["verified"] or self.persona.party != "debtor" or plan.mismatch:
            return True
        gave_proof = bool(self._proofs) or self._confirm
        if not (gave_proof and self._pending_identity):
            return True
        proved = identity_proved(self, self._proofs)
        if proved == "partial":
            return True  # nothing against it, nothing that proves it: still unverified
        if proved == "mismatch":
            if "identity_mismatch" not in self._turn_events:
                self._event("identity_mismatch")
            self.flags["identity_mismatch"] = 1.0
            return False
        self.flags["verified"] = 1.0
        self._pending_identity = False
        self._event("verified")
        return True

    def _verify_representative(self) -> bool:
        """A deceased debtor's spouse or executor (12 CFR 1006.2(e)) is verified when the
        persona confirms who they are to the estate (``confirm_identity``): their own name
        is not on the account file, so there is nothing to match it against."""
        if self._confirm and not self._refused_proof:
            self.flags["verified"] = 1.0
            self._pending_identity = False
            self._event("verified")
        return True
