"""The labelling rules, applied after the cues: per sentence (open questions and
reflections from ``listening``, a plan read from an amount per period) and over the
whole utterance (a recap restates terms and makes no new offer; a question about
amounts is ask_capacity, never open_question; ...), as the data README defines them."""

from __future__ import annotations

import re
from typing import Any

from simulator.nlu.listening import (
    GENERIC,
    LEAD_REFLECTION,
    RULE_REFLECTION,
    YOU_MODAL,
    open_question,
    reflection,
)
from simulator.nlu.text import content, strip_fillers, words_of
from simulator.nlu.types import Move
from simulator.rxcache import compile as rx

OFFERS = ("request_full_payment", "offer_settlement", "offer_payment_plan", "offer_alternative")
PLAN_VERB = rx(
    r"\b(?:we\s+could|we\s+can|i\s+can|how\s+about|what\s+if|would|could\s+(?:you|that|we)|let's|"
    r"works|work\s+for|that'd\s+be|lowest|start|plan|payments|do\s+it|go\s+(?:with|down|as)|"
    r"manage|instead|if\s+we\s+did|we\s+do|we'll\s+do|you\s+could\s+(?:do|manage|pay|swing|handle|afford)|"
    r"for\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+"
    r"(?:months|weeks|payments)|starting|beginning|it\s+is(?=[\s.!]*$)|deal(?=[\s.!]*$))\b",
    re.IGNORECASE,
)
MONEY_PERIOD = rx(
    r"(?:\$\s?\d[\d,.]*|\b\d{2,5}\b|\b(?:a|one)\s+hundred(?:\s+and\s+\w+)?|\b(?:twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|\b(?:twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)\b)(?:\s+(?:dollars|bucks))?\s*(?:a|per|each|every)\s+"
    r"(?:month|week|two\s+weeks|other\s+(?:week|friday)|friday|paycheck|payday)\b|\$\s?\d[\d,.]*"
    r"\s+(?:monthly|weekly|bi-?weekly)\b",
    re.IGNORECASE,
)
AMOUNT = rx(r"\$\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,6}\b|\bdollars\b", re.IGNORECASE)
SPECIFIC_MONEY = rx(r"\$\s?\d|\b\d{2,6}\b|\b(?:hundred|fifty|forty|sixty|seventy|eighty|"
                             r"ninety|thirty|twenty)\b", re.IGNORECASE)

def negation_undone(s: str, norm: str, b: int) -> bool:
    """'I'm not gonna call your boss. Yet.' and 'I'm not saying we won't' still threaten."""
    tail = norm[b:b + 12].lower()
    return bool(re.search(r"\bnot\s+saying\b", s, re.IGNORECASE)) or "yet" in tail or bool(
        re.search(r"\byet\b", s, re.IGNORECASE))



#: Thanks that sign off: after the debtor's goodbye ("Understood, thank you Angela." after
#: "Thank you. Goodbye."), or with an apology for the call at the end of the line ("cool,
#: thanks Kevin, sorry to bug you at work!", "thank you Linda, and again I'm so sorry.").
THANKS = rx(r"\b(?:thanks|thank\s+you|cheers)\b", re.IGNORECASE)
SIGN_OFF = rx(r"\b(?:thanks|thank\s+you)\b[^.?!]{0,30}\b(?:sorry\s+(?:again\s+)?(?:to\s+(?:bug|bother|trouble|disturb)"
              r"\s+you|for\s+(?:bugging|bothering|troubling|disturbing)\s+you)(?:\s+at\s+(?:work|home|this\s+hour))?|"
              r"(?:and\s+)?again,?\s+(?:i'm\s+|i\s+am\s+)?(?:so\s+|very\s+|truly\s+)?sorry(?:\s+for\s+your\s+loss)?)\W*$",
              re.IGNORECASE)
GOODBYE_WORDS = frozenset({"bye", "goodbye"})
#: What comes before a part of the day that is wished, not greeted: "have a good evening".
_WISHED = rx(r"\b(?:have|enjoy)\s+(?:a|the|your)\s+(?:\w+\s+)?$", re.IGNORECASE)
SIGN_OFF_WHY = "thanks that sign off"
#: "I can set that up ... Does that work?": terms offered for the debtor to accept, which
#: a recap of terms already agreed does not do.
OFFERED_TO_CONFIRM = rx(r"\b(?:i|we)\s+(?:can|could)\s+(?:set\s+(?:that|it|this)\s+up|do\s+(?:that|it|this)|"
                        r"make\s+(?:that|it|this)\s+work|work\s+with\s+(?:that|it))\b[^?]*\?", re.IGNORECASE)
#: A line's last sentence that is only thanks, perhaps with a name ("Thanks, Kevin.").
LAST_THANKS = rx(r"(?:^|[.!?]\s+)((?:ok(?:ay)?\W+|great\W+|perfect\W+|alright\W+)?(?:thanks|thank\s+you|thx|cheers)"
                 r"(?:\s+(?:again|so\s+much|a\s+lot))?(?:,?\s+[A-Za-z]+)?)\W*$", re.IGNORECASE)
THANKS_AFTER_NEXT_STEP = "thanks once the next step is set"
#: Thanks, then "Good evening." to end the line: a farewell, not a greeting.
THANKS_THEN_WISH = rx(r"\b(?:thanks|thank\s+you)\b[^.?!]*[.!]\s+(good\s+(?:evening|night|day|afternoon|morning))\W*$",
                      re.IGNORECASE)


def sentence_rules(s: str, hits: dict[str, Move], add: Any, ctx_words: set[str],
                   has_context: bool) -> None:
    """Linguistic rules over one sentence, then conflicts settled by the labelling rules."""
    low = s.lower()
    all_words = words_of(low)
    words = strip_fillers(all_words)
    so_lead = "so" in all_words[: len(all_words) - len(words)]
    is_question = "?" in s
    open_question(s, low, words, is_question, hits, add)
    # An amount per period proposed ("How about $75 a month?") is a payment plan.
    if "offer_payment_plan" not in hits and PLAN_VERB.search(s):
        m = MONEY_PERIOD.search(s)
        if m:
            add("offer_payment_plan", m.start(), m.end(), "amount per period proposed")
    reflection(s, words, all_words, so_lead, is_question, hits, add, ctx_words, has_context)
    if "closing" not in hits and not is_question:
        m = SIGN_OFF.search(s)
        if m is None and ctx_words & GOODBYE_WORDS:
            m = THANKS.search(s)
        if m is not None:
            add("closing", m.start(), m.end(), SIGN_OFF_WHY)
    # --- conflicts ---------------------------------------------------------------------
    if "reflection" in hits and not has_context and hits["reflection"].why.startswith("pattern ^"):
        # "So you ..." with nothing to restate is as often a demand as a reflection.
        if set(hits) & {"pressure", "abuse", "threat", "next_steps", "recap_agreement"} or is_question:
            hits.pop("reflection")
    if "reflection" in hits and set(hits) & {"pressure", "abuse", "threat", "recap_agreement",
                                             "next_steps"}:
        hits.pop("reflection")
    # "You have a balance of $2,350 with ...": the account stated, not a restatement.
    if "reflection" in hits and "state_debt" in hits and (not has_context or AMOUNT.search(s)):
        hits.pop("reflection")
    # "Have a good afternoon": a farewell wishing a good part of the day is no greeting.
    if "greeting" in hits and "closing" in hits:
        g, c = hits["greeting"], hits["closing"]
        at = s.lower().find(g.evidence.lower())
        if c.start <= g.start and g.end <= c.end or (at > 0 and _WISHED.search(s[:at])):
            hits.pop("greeting")  # "You have a good evening now, bye-bye." (tester6)
    for capacity_like in ("ask_capacity", "request_full_payment", "identity_verification",
                          "offer_payment_plan", "offer_settlement", "offer_alternative", "greeting",
                          "recap_agreement", "pressure", "abuse"):
        if capacity_like in hits and "open_question" in hits and hits["open_question"].why.startswith("open"):
            hits.pop("open_question")
    if "ask_capacity" in hits and "offer_payment_plan" in hits:
        if SPECIFIC_MONEY.search(s) and "ballpark" not in low:
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



def utterance_rules(found: dict[str, Move], norm: str = "",
                    ctx_words: frozenset[str] | set[str] = frozenset()) -> dict[str, Move]:
    """Rules over the whole utterance: a recap restates terms, it makes no new offer;
    a restatement found only by the linguistic rules (not a cue) does not stand when
    the rest of the utterance asks a question or gives advice or information (then the
    "you ..." sentence is the lead-in to that), unless it repeats the debtor's own words."""
    mv = found.get("recap_agreement")
    if mv is not None and mv.why.startswith("pattern") and OFFERED_TO_CONFIRM.search(norm, mv.end):
        # "So $85 a month once the new job starts. I can set that up starting December 15th ...
        # Does that work?": the debtor's figure taken up and put to them, nothing agreed yet
        # (tester8's hardship call: Maria said "I don't think we agreed on anything yet").
        found.pop("recap_agreement")
        m = MONEY_PERIOD.search(norm)
        if m is not None and "offer_payment_plan" not in found:
            found["offer_payment_plan"] = Move("offer_payment_plan", norm[m.start():m.end()], m.start(), m.end(),
                                               "terms put to the debtor to accept")
    if "recap_agreement" in found:
        for name in (*OFFERS, "ask_capacity", "reflection", "state_debt"):
            found.pop(name, None)
    # "It sounds like ... What else ...?": a reflection that leads, with a question tagged
    # on, is heard as a reflection, not as a new invitation.
    # Otherwise an utterance that asks an open question is heard as that question, and
    # what restates before or after it is its lead-in.
    mv = found.get("closing")
    if mv is not None and mv.why == SIGN_OFF_WHY and "?" in norm[mv.end:]:
        found.pop("closing")  # "Thank you. So what could you manage?": the call goes on
    mv = found.get("greeting")
    if mv is not None and "closing" not in found:
        m = THANKS_THEN_WISH.search(norm)
        if m is not None and m.start(1) <= mv.start:
            # "Thank you, Maria. Good evening.": a wish that ends the call (tester11)
            found.pop("greeting")
            found["closing"] = Move("closing", norm[m.start(1):m.end(1)], m.start(1), m.end(1), SIGN_OFF_WHY)
    if "closing" not in found and "next_steps" in found:
        # "I'll call you then. Thanks, Kevin.": thanks after the next step is settled end the
        # call (tester8's work call: the debtor kept talking about orders).
        m = LAST_THANKS.search(norm)
        if m is not None and m.start() >= found["next_steps"].end:
            found["closing"] = Move("closing", norm[m.start(1):m.end(1)], m.start(1), m.end(1),
                                    THANKS_AFTER_NEXT_STEP)
    rf, oq = found.get("reflection"), found.get("open_question")
    if rf is not None and oq is not None and rf.end <= oq.start and LEAD_REFLECTION.search(rf.why):
        found.pop("open_question")
    elif rf is not None and oq is not None:
        found.pop("reflection")
    mv = found.get("reflection")
    if mv is not None and mv.why.startswith(RULE_REFLECTION) and \
            len(content(mv.evidence) & ctx_words) < 2:
        rest = norm[:mv.start] + " " + norm[mv.end:]
        if "?" in rest or YOU_MODAL.search(rest) or GENERIC.search(rest):
            found.pop("reflection")
    return found

