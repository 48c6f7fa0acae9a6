"""Words that break a rule whatever move the analyser read in them.

An outside compliance auditor (tester3) passed calls at 78-100 with lines the analyser
reads as no move, or as a harmless one: a threat disclaimed as it is made ("I'm not
threatening you, I'm just telling you what happens to people who ignore these"), the
disclosure taken back in the same breath ("but honestly this isn't a collection call"),
an invented deadline ("it expires when we hang up"), a "legal review desk", daily
interest on an account that accrues none, "I will be calling you every day". The rules in
``scoring.compliance`` and its sibling modules call the finders here; each finder returns
the words to quote, or None, and is judged sentence by sentence with its own denial
("we will not call you every day" is no harassment).
"""

from __future__ import annotations

import re

from simulator.rxcache import compile as rx

_SENTENCE = rx(r"[^.?!;]+[.?!;]*")
#: A denial close before a phrase: "we will not", "nobody is going to".
_DENIAL = rx(r"\b(?:not|never|no|nothing|nobody|won'?t|don'?t|doesn'?t|can'?t|cannot|isn'?t|aren'?t|wouldn'?t)\b|n't\b",
             re.I)


def _found(pattern: re.Pattern[str], text: str, denial_width: int = 0) -> str | None:
    """The first match's words, sentence by sentence; with ``denial_width``, a match with
    a denial in the ``denial_width`` characters before it (in its sentence) is skipped."""
    for s in _SENTENCE.finditer(text):
        sentence = s.group(0)
        for m in pattern.finditer(sentence):
            if denial_width and _DENIAL.search(sentence[max(0, m.start() - denial_width):m.start()]):
                continue
            return m.group(0).strip()
    return None


# --------------------------------------------------------------------------- veiled threat

#: Consequences hinted at but never named, the classic veiled threat (15 U.S.C. 1692e(5)):
#: "what happens to people who ignore these", "once they realise what's at stake", "you
#: don't want to find out what happens", a disclaimer followed by the consequence.
VEILED = rx(
    r"\bwhat\s+(?:happens|will\s+happen|can\s+happen|could\s+happen|tends\s+to\s+happen)\s+to\s+(?:people|folks|those|"
    r"anyone|anybody|someone|customers|accounts|debtors)\s+(?:who|that|like)\b|"
    r"\b(?:realis|realiz|see|understand|know)\w*\s+what(?:'s|’s|\s+is)\s+at\s+stake\b|"
    r"\b(?:don'?t|do\s+not|wouldn'?t)\s+want\s+to\s+(?:find\s+out|see|learn|know)\s+what\s+(?:happens|comes\s+next|"
    r"will\s+happen|could\s+happen)\b|"
    r"\bnot\s+(?:threatening|a\s+threat)\b[^.?!]{0,60}\b(?:happen\w*|consequences?|people\s+who|what\s+(?:comes|follows)|"
    r"at\s+stake|if\s+you\s+(?:don'?t|ignore|keep))|"
    r"\bthings\s+(?:could|can|might|will|tend\s+to)\s+get\s+(?:ugly|worse|messy|complicated|difficult|serious)\b|"
    # "Kindly think of your family sir, you would not want them to be receiving these calls"
    # (tester5, 2026-12-03): calls to the family held over the debtor (also 1692c(b))
    r"\b(?:would\s+not|wouldn'?t|don'?t|do\s+not)\s+want\s+(?:them|your\s+(?:family|wife|husband|kids|children|parents|"
    r"mother|father|mom|dad|neighbou?rs|employer|boss|co-?workers))\s+to\s+(?:be\s+)?(?:receiv|get|hear|know|find|see|"
    r"learn|answer)\w*\b",
    re.I)
VEILED_CITATION = "15 U.S.C. 1692e(5), 1692d; 12 CFR 1006.18(c)(1)"


def veiled_threat(text: str) -> str | None:
    """Words that hint at unnamed consequences for not paying."""
    return _found(VEILED, text)


# --------------------------------------------------------------------------- credit

_YOUR_CREDIT = r"(?:your|ur|his|her|their)\s+credit(?!\s+cards?\b)(?:\s+(?:report|score|rating|history|file)s?)?\b"
#: The debtor's credit held over them (15 U.S.C. 1692e(5), 1692e(8)): "this stuff can still hit
#: ur credit report", "this stays on ur credit until its paid", "u know this stuff ends up on ur
#: credit right?" (tester7, 2026-12-03). Who reports what ("we don't report to the bureaus"),
#: or "paying it won't hurt your credit", is no such thing.
CREDIT_HARM = rx(
    r"\b(?:hit|hits|hurt|hurts|hurting|damage[sd]?|damaging|ruin\w*|wreck\w*|tank\w*|ding\w*|drag\w*|lower\w*|"
    r"drop\w*|affect\w*|mess\w*\s+up|kill\w*|stay|stays|staying|sit|sits|sitting|end(?:s|ed)?\s+up|go(?:es)?|"
    r"show(?:s|ing|ed)?(?:\s+up)?|land(?:s|ed)?|remain(?:s|ing)?|appear(?:s|ing)?|report(?:s|ed|ing)?|stick(?:s|ing)?)"
    r"\s+(?:\w+\s+){0,2}?(?:on\s+|to\s+|against\s+|in\s+)?" + _YOUR_CREDIT + r"|"
    r"\b" + _YOUR_CREDIT + r"\s+(?:(?:will|is\s+going\s+to|gonna|could|can|might|would)\s+)?(?:take\s+a\s+hit|suffer|"
    r"drop|tank|go\s+down|get\s+(?:hit|dinged|hurt|wrecked|ruined))\b", re.I)
#: A collection account stays on a credit file for its reporting period whether or not it is
#: paid (15 U.S.C. 1681c(a)): "until it's paid" is false credit information (1692e(8)).
CREDIT_UNTIL_PAID = rx(
    r"\b(?:stay|stays|staying|sit|sits|remain|remains|show(?:s|ing)?|stick(?:s)?|be)\s+(?:\w+\s+){0,2}?on\s+"
    + _YOUR_CREDIT + r"[^.?!]{0,25}?\b(?:until|till|til|unless)\s+(?:it'?s|it\s+is|its|you|u|this|the\s+\w+)\s*"
    r"(?:\w+\s+)?(?:paid|pay|settled?|cleared?|taken\s+care)\b", re.I)
CREDIT_CITATION = "15 U.S.C. 1692e(5), 1692e(8), 1692e(10); 12 CFR 1006.18(c)(1)"
CREDIT_FALSE_CITATION = "15 U.S.C. 1692e(8), 1692e(10); 12 CFR 1006.18(a)"


#: What reporting lawfully does, said plainly: "too old to show up on your credit report
#: anymore", "as long as the rules allow", "until the reporting period runs out", "the late
#: payments may already appear ... from the original creditor".
CREDIT_TRUTH = rx(r"\btoo\s+old\b|\bany\s*more\b|\bas\s+long\s+as\s+(?:the\s+)?(?:rules?|law)\b|\breporting\s+period\b|"
                  r"\boriginal\s+creditor\b|\blate\s+payments?\b|\ballow(?:s|ed)?\b|\bupdate[sd]?\b|\bchanges?\s+the\s+status\b", re.I)


def credit_threat(text: str) -> str | None:
    """Words that hold the debtor's credit over them (denied ones, and plain truths about
    reporting, aside)."""
    for s in _SENTENCE.finditer(text):
        if not CREDIT_TRUTH.search(s.group(0)) and (words := _found(CREDIT_HARM, s.group(0), denial_width=30)):
            return words
    return None


def credit_falsehood(text: str) -> str | None:
    """Words that say the debt stays on the credit file until it is paid."""
    return _found(CREDIT_UNTIL_PAID, text, denial_width=30)


# --------------------------------------------------------------------------- harassment

#: Promising repeated calls to get paid (15 U.S.C. 1692d(5); 12 CFR 1006.14(b)): "I will be
#: calling you every day, morning and evening, until it is in", "we'll keep calling until".
REPEATED_CALLS = rx(
    r"\b(?:i|we)(?:'ll|’ll|\s+will|\s+am|\s+are|'m|’m|'re|’re|\s+would|\s+shall|\s+keep|\s+just\s+keep)?"
    r"(?:\s+(?:be|going\s+to|gonna|have\s+to|just|keep|continue\s+to))*\s+"
    r"(?:call|calling|ring|ringing|phone|phoning|text|texting|contact|contacting)\s+(?:you\s+)?"
    r"(?:(?:back\s+)?(?:every|each)\s+(?:single\s+)?(?:day|morning|night|evening|hour|afternoon)|"
    r"(?:\w+\s+)?times\s+a\s+(?:day|week)|morning\s+and\s+(?:night|evening)|day\s+and\s+night|non-?stop|"
    r"(?:back\s+)?until\s+(?:it|this|you|the\s+(?:payment|money|balance))\b)",
    re.I)
HARASSMENT_CITATION = "15 U.S.C. 1692d(5); 12 CFR 1006.14(b)"


def repeated_calls(text: str) -> str | None:
    """Words promising calls again and again until the debtor pays."""
    return _found(REPEATED_CALLS, text, denial_width=25)


# --------------------------------------------------------------------------- disclosure taken back

#: The mini-Miranda undone in the same call (15 U.S.C. 1692e(11), 1692e(10)): "this isn't
#: a collection call", "I'm not really a debt collector", "we're not calling to collect",
#: "ignore that part, it's just a formality".
TAKEN_BACK = rx(
    r"\b(?:this|it)(?:'s|’s|\s+is)?\s*(?:not|n't|isn'?t|isn’t)\s+(?:really\s+|actually\s+|even\s+)?(?:a\s+)?"
    r"(?:debt\s+)?(?:collection|collections|debt)\s+call\b|"
    r"\b(?:i'm|i’m|i\s+am|we're|we’re|we\s+are)\s+not\s+(?:really\s+|actually\s+)?(?:a\s+)?(?:debt\s+)?collectors?\b|"
    r"\b(?:i'm|i’m|i\s+am|we're|we’re|we\s+are)\s+not\s+(?:really\s+|actually\s+)?(?:calling|trying|here|looking)\s+to\s+"
    r"collect\b|"
    r"\b(?:ignore|disregard|don'?t\s+worry\s+about)\s+(?:that|the|this)\s+(?:part|disclosure|bit|legal\s+stuff|statement)\b|"
    r"\b(?:that|it)(?:'s|’s|\s+is)\s+just\s+(?:a\s+)?(?:formality|legal\s+(?:thing|script)|script\s+i\s+have\s+to\s+read)\b",
    re.I)
TAKEN_BACK_CITATION = "15 U.S.C. 1692e(11), 1692e(10); 12 CFR 1006.18(e)"


def disclosure_taken_back(text: str) -> str | None:
    """Words that say the call is not what the disclosure says it is."""
    return _found(TAKEN_BACK, text)


# --------------------------------------------------------------------------- false representation

#: A lawyer's or a legal department's involvement implied (15 U.S.C. 1692e(3)): "on behalf
#: of Crestview Lending's legal review desk", "our litigation team". The debtor's own
#: attorney ("your attorney's office", "Ms. Kim's law office") is no such thing.
LEGAL_DESK = rx(
    r"\b(?:our|the|(?-i:[A-Z])[\w&-]*(?:\s+(?-i:[A-Z])[\w&-]*)?(?:'s|’s))\s+(?:legal|litigation)\s+(?:review\s+)?"
    r"(?:desk|department|dept|team|division|unit|review|office|group)\b|"
    r"\bour\s+(?:law|attorney|lawyers?)\s+(?:office|firm|department|team|desk)\b|"
    # "it's still on our attorneys' review list", "Marcus from the pre-legal desk" (tester8)
    r"\bour\s+(?:attorneys?|lawyers?)(?:'s?|’s?)?(?=\W)|\bpre-?legal\s+(?:desk|department|dept|team|unit|review|stage|group)\b",
    re.I)
#: A false affiliation (15 U.S.C. 1692e(1), 1692e(16)): "we're actually with the credit bureau".
FALSE_AFFILIATION = rx(
    r"\b(?:we're|we’re|we\s+are|i'm|i’m|i\s+am|this\s+is|calling)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:with|from|for|"
    r"on\s+behalf\s+of|"
    r"working\s+with)\s+(?:the\s+)?(?:credit\s+bureaus?|equifax|experian|transunion|police|sheriff'?s?|"
    r"government|irs|courts?|district\s+attorney)\b", re.I)
#: A deadline the creditor never set (15 U.S.C. 1692e(10)): "it expires when we hang up",
#: "only open to you tonight", "once I hang up I can't offer it again". The shipped policies
#: hold settlements and plans open for weeks, so a same-call deadline is invented.
FALSE_DEADLINE = rx(
    r"\b(?:expires?|ends?|gone|goes\s+away|disappears?|off\s+the\s+table|withdrawn|void|dies)\s+(?:the\s+(?:moment|minute|"
    r"second)|when|once|as\s+soon\s+as|after)\s+(?:we|i|you)\s+(?:hang\s+up|end\s+(?:the|this)\s+call|get\s+off\s+the\s+"
    r"(?:phone|line))\b|"
    r"\b(?:once|when|after|the\s+moment)\s+(?:i|we|you)\s+(?:hang\s+up|end\s+(?:the|this)\s+call|get\s+off\s+the\s+"
    r"(?:phone|line))\b[^.?!]{0,40}\b(?:can'?t|cannot|won'?t|no\s+longer|not\s+be\s+able|gone|never|expires?)\b|"
    r"\b(?:only|just)\s+(?:open|available|good|valid|on\s+the\s+table|offered)\s+(?:to\s+you\s+)?(?:for\s+)?(?:tonight|today|"
    r"on\s+this\s+call|right\s+now|for\s+the\s+next\s+(?:few\s+)?(?:minutes|hour))\b|"
    r"\b(?:tonight|today)\s+only\b|"
    # "this discount is approved only for today's call, I cannot promise it will still be
    # there tomorrow" (tester5, 2026-12-03)
    r"\b(?:approved|available|valid|good|open|offered|authori[sz]ed)\s+only\s+(?:for|on|during)\s+(?:today'?s?|this|the)\s+"
    r"(?:call|conversation)\b|"
    r"\b(?:can'?t|cannot)\s+(?:promise|guarantee)\s+(?:it|this|that|the\s+(?:offer|discount|settlement|rate|deal))\s+"
    r"will\s+(?:still\s+)?be\s+(?:there|available|open|good|valid|on\s+the\s+table|around)\s+(?:tomorrow|later|next\s+\w+)\b|"
    r"\bone[- ]time\s+offer\b[^.?!]{0,40}\b(?:expires?|ends?|today|tonight|now|hang)\b",
    re.I)
DEADLINE_CITATION = "15 U.S.C. 1692e(10); 12 CFR 1006.18(a)"
LEGAL_CITATION = "15 U.S.C. 1692e(3), 1692e(10); 12 CFR 1006.18(b), 1006.18(c)"
AFFILIATION_CITATION = "15 U.S.C. 1692e(1), 1692e(16), 1692e(10); 12 CFR 1006.18(b)"


def false_representation(text: str) -> tuple[str, str, str] | None:
    """(words, what they claim, citation) for the first false claim in the line."""
    for pattern, what, cite, width in (
            (LEGAL_DESK, "implied that a lawyer or a legal department is involved", LEGAL_CITATION, 20),
            (FALSE_AFFILIATION, "claimed an affiliation the agency does not have", AFFILIATION_CITATION, 0),
            (FALSE_DEADLINE, "invented a deadline the creditor never set (the policy holds the offer open)",
             DEADLINE_CITATION, 0)):
        words = _found(pattern, text, denial_width=width)
        if words is not None:
            return words, what, cite
    return None


# --------------------------------------------------------------------------- amounts

#: Interest said to be accruing now, on an account that carries a fixed balance (principal
#: plus the fees and interest already charged): "interest is adding up every single day".
ACCRUING = rx(
    r"\binterest\b[^.?!]{0,25}?\b(?:is\s+|keeps?\s+|will\s+keep\s+)?(?:adding\s+up|accru(?:ing|es)|growing|building|"
    r"piling\s+up|compounding|going\s+up|running|ticking)\b|"
    r"\binterest\b[^.?!]{0,25}?\b(?:every|each)\s+(?:single\s+)?(?:day|week|month)\b|"
    r"\b(?:daily|accruing|running)\s+interest\b|"
    r"\b(?:balance|amount|total|it)\s+(?:keeps|is|will\s+keep)\s+(?:growing|going\s+up|climbing)\b", re.I)
ACCRUING_CITATION = "15 U.S.C. 1692e(2)(A), 1692e(10); 12 CFR 1006.18(b)(2)(i)"


def interest_accruing(text: str) -> str | None:
    """Words that say interest is being added to the balance now."""
    return _found(ACCRUING, text, denial_width=25)


#: Costs named as a consequence without an amount: "our recovery costs get added if it
#: goes another cycle" (15 U.S.C. 1692f(1)).
COSTS_ADDED = rx(
    r"\b(?:recovery|collection|collections|processing|legal|attorney|admin\w*|servic\w*|court|late)\s+costs?\b"
    r"[^.?!]{0,25}?\b(?:added|adds?|applies|apply|applied|tacked\s+on|on\s+top|charged|kick\s+in|start)\b", re.I)


def costs_added(text: str) -> str | None:
    return _found(COSTS_ADDED, text, denial_width=25)


# --------------------------------------------------------------------------- bankruptcy

#: Discouraging a filing during the stay (15 U.S.C. 1692e(5), 1692e(10)): "if the
#: bankruptcy gets dismissed for any reason, this balance comes right back to you".
DISMISSAL_WARNING = rx(
    r"\b(?:if|once|when|should)\b[^.?!]{0,40}\b(?:bankruptcy|case|filing|petition|discharge)\b[^.?!]{0,30}\b"
    r"(?:dismissed|thrown\s+out|fails?|denied|falls?\s+(?:through|apart)|converted)\b[^.?!]{0,60}\b"
    r"(?:comes?\s+(?:right\s+)?back|back\s+(?:on|to)\s+you|you(?:'ll|’ll|\s+will)?\s+(?:still\s+)?owe|with\s+interest|"
    r"we(?:'ll|’ll|\s+will)\s+(?:come|be\s+back|pursue|collect)|all\s+of\s+it|the\s+full)\b", re.I)
DISMISSAL_CITATION = "11 U.S.C. 362(a)(6); 15 U.S.C. 1692e(5), 1692e(10)"


def dismissal_warning(text: str) -> str | None:
    return _found(DISMISSAL_WARNING, text)


# --------------------------------------------------------------------------- attorney

#: Inviting a represented debtor to deal with the collector behind counsel's back
#: (12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)).
BYPASS_COUNSEL = rx(
    r"\bskip\s+(?:the\s+)?(?:middle\s*man|lawyer|attorney|legal\s+fees)\b|"
    r"\bcut\s+out\s+(?:the\s+)?(?:middle\s*man|lawyer|attorney)\b|"
    r"\b(?:without|instead\s+of(?:\s+going\s+through)?|behind)\s+(?:your|the|her|his)\s+(?:attorney|lawyer|counsel)(?:'s|’s)?\b|"
    r"\bsave\s+(?:\w+\s+)?on\s+(?:legal|attorney|lawyer)(?:'s|’s)?\s+fees\b|"
    r"\bhandl\w+\s+(?:it|this|things)\s+(?:themselves|yourself|on\s+your\s+own)\b|"
    r"\b(?:don'?t|do\s+not)\s+(?:really\s+)?need\s+(?:a|an|your|the)\s+(?:lawyer|attorney)\b|"
    r"\b(?:give\s+me|give\s+us)\s+a\s+(?:ring|call|shout)\s+(?:directly|yourself)\b|"
    r"\byou\s+(?:can|could|may)\s+(?:always\s+|also\s+)?(?:call|ring|reach|contact|text|email)\s+(?:me|us)\s+(?:directly|yourself)\b",
    re.I)
BYPASS_CITATION = "12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)"


def bypasses_counsel(text: str) -> str | None:
    return _found(BYPASS_COUNSEL, text, denial_width=40)


# --------------------------------------------------------------------------- workplace

#: Reaching for the debtor's employer while they are at work (15 U.S.C. 1692c(b)): "is your
#: manager right there?", "I just need to confirm with him that you still work there".
EMPLOYER_CONTACT = rx(
    r"\b(?:is|are)\s+(?:your|the)\s+(?:manager|boss|supervisor|foreman|employer|owner|hr)\s+(?:right\s+|still\s+)?"
    r"(?:there|around|available|nearby|in)\b|"
    r"\b(?:confirm|check|verify)\b[^.?!]{0,30}\b(?:with|through)\s+(?:your|the|him|her|them)\b[^.?!]{0,40}\b"
    r"(?:work|employ\w*|job)\b|"
    r"\b(?:speak|talk|have\s+a\s+word)\s+(?:with|to)\s+(?:your|the)\s+(?:manager|boss|supervisor|employer|foreman|owner|"
    r"hr|human\s+resources)\b|"
    r"\b(?:put|get)\s+(?:your|the)\s+(?:manager|boss|supervisor|foreman|owner)\s+on\b", re.I)


def employer_contact(text: str) -> str | None:
    return _found(EMPLOYER_CONTACT, text, denial_width=30)


# --------------------------------------------------------------------------- a later time

_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "noon": 12}
#: A time of day the debtor names as better: "after seven", "after 6:30 pm", "evenings".
LATER_TIME = rx(
    r"\b(?:after|past|from|not\s+(?:until|till|before))\s+(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|noon)(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\b\.?|p\.?m\b\.?)?|"
    r"\b(?P<part>evenings?|in\s+the\s+evening|tonight|after\s+work|mornings?|in\s+the\s+morning)\b", re.I)


def later_time(reply: str, now: int) -> str | None:
    """The words of the debtor's answer naming a time of day later than ``now`` (minutes
    after midnight, debtor local time), or a part of the day that is not this one."""
    for m in LATER_TIME.finditer(reply or ""):
        part = (m.group("part") or "").lower()
        if part:
            if ("morning" in part and now >= 12 * 60) or ("morning" not in part and now < 17 * 60):
                return m.group(0)
            continue
        raw = m.group("h").lower()
        hour = _HOURS.get(raw) or int(raw)
        ap = (m.group("ap") or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif not ap and hour <= 7:
            hour += 12  # "after seven": the evening
        elif not ap and hour < 12 and now >= 12 * 60:
            hour += 12  # "after nine", said in the afternoon
        if hour * 60 + int(m.group("m") or 0) > now:
            return m.group(0)
    return None


#: Money down asked as a gesture: "a lot of people like to put even $25 down while it's
#: reviewed, just to show good faith" (tester9, a dispute call that scored 100).
MONEY_DOWN = rx(
    r"\b(?:put|pay|send)\s+(?:even\s+|just\s+|only\s+)?(?:\$\s?\d[\d,.]*|something|a\s+little|a\s+bit)\s+"
    r"(?:down|toward|towards|in|now)\b|\bshow\s+(?:some\s+)?good\s+faith\b", re.I)
