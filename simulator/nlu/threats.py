"""Threats read as composition, where the law is at stake (12 CFR 1006.18(b)(3), (c)(1)).

A threat is a consequence (legal action, arrest, garnishment or seizure, contact with an
employer, family, landlord or neighbours, credit damage, an "escalation") put to the
debtor under a condition ("if", "unless", "or else", "before ...") or a veiled framing
("it'd be a shame if", "you don't want that", "things could get complicated"). So "It
would be a pity if your landlord heard about this" is one, with no cue phrase for it;
"we're not going to sue you" (a denial) and "you have the right to dispute this" (a
right) are not, and neither is a plain fact with no condition or framing ("your hours
were cut at work"). An honest answer to "what happens if I don't pay?" that says what
the collector cannot know ("I can't tell you what the creditor will decide") is a
lawful answer, not a threat.
"""

from __future__ import annotations

import re

from simulator.nlu.lexicon import CONSEQUENCES, classes_in, lower
from simulator.nlu.questions import asks_plainly
from simulator.rxcache import compile as rx

#: "not saying we won't", "... yet": a denial that takes itself back.
#: ("I'm not saying this to scare you: we will not sue you" undoes nothing.)
_UNDONE = rx(r"\bnot\s+saying\s+(?:that\s+)?(?:we|they|i|it|nobody|no\s+one|anyone|anybody|someone)\b|"
             r"\byet\b|\bfor\s+now\b|\bnot\s+today\b")
#: The collector acting, or someone acting on the debtor's side of things.
_AGENT = rx(r"\b(?:we|we'll|we're|we'd|i|i'll|i'd|i'm|they|they'll|they're|someone|somebody|"
                    r"our|the\s+(?:creditor|client|company|firm|office|agency|court|judge|sheriff))\b")
_YOU = rx(r"\b(?:you|your|you're|you'll|ya|u|ur|yours|yourself)\b")


#: Reassurance that the debtor loses nothing ("You won't lose your house over this",
#: "nobody's coming after your paycheck", "you're not in any trouble"): denials the
#: lexicon's class (a model feature, so left as trained) does not name.
_REASSURED = rx(r"\b(?:won'?t|will\s+not|wouldn'?t|aren'?t\s+going\s+to|not\s+going\s+to|never)\s+"
                r"(?:\w+\s+){0,2}(?:lose|losing|be\s+losing)\b"
                r"|\bno(?:body|\s+one)(?:'s|\s+is|\s+will\s+be)\s+(?:coming|going|taking|touching)\b"
                r"|\b(?:not|aren'?t|isn'?t)\s+in\s+(?:any\s+)?trouble\b"
                # "too old for anyone to sue you over", "...sue you over, and we won't."
                r"|\btoo\s+old\s+(?:for\s+\w+\s+)?to\s+(?:sue|be\s+sued|take\s+\w+\s+to\s+court|go\s+to\s+court)\b"
                r"|\b(?:sue|sued|suing|court|lawsuit)\b[^.?!]{0,40}\b(?:we|they|nobody|no\s+one)\s+"
                r"(?:won'?t|will\s+not|can'?t|cannot|aren'?t\s+going\s+to)\W*$")


def denied(sentence: str) -> bool:
    """The sentence denies or disclaims a consequence ("nobody is going to arrest you",
    "we can't sue you for it", "that's not my call"), and does not take it back."""
    low = lower(sentence)
    return ("denial" in classes_in(low) or bool(_REASSURED.search(low))) and not _UNDONE.search(low)


#: What a survivor, a co-signer's relative or a third party must hear: they are not liable
#: ("you are not personally responsible for his debts", "this isn't your debt", "any claim
#: goes to his estate", "you don't owe this personally; the estate does"). 12 CFR
#: 1006.18 makes implying otherwise deceptive; the model read the first as abuse and the
#: widow hung up (the lead's deceased call, 2026-12-03).
_NOT_LIABLE = rx(
    r"\b(?:not|aren'?t|isn'?t|never|no\s+longer)\s+(?:personally\s+|legally\s+)?(?:responsible|liable|"
    r"obligated|on\s+the\s+hook)\s+(?:for|to\s+pay)\b"
    r"|\bnot\s+(?:personally|legally)\s+(?:responsible|liable|obligated)\b"
    r"|\b(?:not|isn'?t)\s+your\s+(?:debt|bill|account|responsibility|obligation)\b"
    r"|\b(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+(?:personally\s+)?owe\s+(?:this|it|that|anything|us|them)\b"
    r"|\b(?:claims?|debts?|it|this|that|the\s+(?:bill|balance|account))\s+(?:goes|go|is|are|will\s+go|gets?\s+paid)\s+"
    r"(?:to|against|from|by)\s+(?:his|her|their|the)\s+estate\b"
    r"|\b(?:the|his|her|their)\s+estate\s+(?:does|is\s+responsible|owes|pays|would\s+pay|will\s+pay)\b"
    r"|\bestate\b[^.?!]{0,30}\bnot\s+(?:you|yours)\b"
    r"|\b(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+have\s+to\s+pay\b[^.?!]{0,20}\b(?:your\s+own|yourself|personally)\b")


def disclaims_liability(sentence: str) -> bool:
    """The sentence tells the listener they are not liable for the debt: a reassurance
    the law requires, never abuse, pressure or a demand, and not a hostile tone."""
    low = lower(sentence)
    return bool(_NOT_LIABLE.search(low)) and not _UNDONE.search(low)


#: The time-barred disclosures (12 CFR 1006.26 and the states' model language) and honest
#: answers to "can you sue me?": "we cannot sue you for it", "it will not restart the time
#: period for suing you", "too old for a lawsuit", "outside the statute of limitations". The
#: model read the Regulation F wording as pressure with tone -0.80 and Walter said "Don't
#: lean on me" (the lead's time-barred call, 2026-12-03).
_NO_SUIT = rx(
    r"\b(?:can'?t|cannot|can\s+not|won'?t|will\s+not|not\s+(?:allowed|able|permitted)\s+to|unable\s+to|"
    r"no\s+longer)\s+(?:legally\s+)?(?:sue|be\s+sued|take\s+(?:you|anyone|\w+)\s+to\s+court)\b"
    r"|(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,3}?(?:restart|revive|reset|start\s+over|renew|reopen)\b"
    r"|(?:\bnot|n't|\bnever)\s+(?:give|gives)\s+(?:\w+\s+){0,2}(?:the\s+)?right\s+to\s+sue\b"
    r"|\btoo\s+old\s+(?:for\s+(?:a\s+)?(?:lawsuit|suit|court|legal\s+action)|to\s+(?:sue|be\s+sued))\b"
    r"|^\W*(?:because\s+)?(?:the\s+|this\s+)?debt\s+is\s+too\s+old\W*$"
    r"|\b(?:outside|past|beyond)\s+the\s+(?:statute\s+of\s+limitations|time\s+limit|limitations\s+period)\b"
    r"|\blaw\s+limits\s+how\s+long\b"
    r"|\b(?:legal\s+action|a\s+lawsuit|suing|a\s+suit)\s+(?:isn'?t|is\s+not|is\s+no\s+longer)\s+"
    r"(?:possible|an\s+option|allowed)\b")
#: ... unless the sentence keeps a suit open ("the time limit doesn't stop us from suing").
_SUIT_KEPT = rx(r"\b(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+(?:stop|prevent|keep)\s+(?:us|them|anyone|"
                r"the\s+\w+)\s+from\b|\b(?:can|could|will)\s+still\s+(?:sue|take|file)\b")


def no_suit(sentence: str) -> bool:
    """The sentence tells the debtor they cannot be sued on the debt, or that paying does
    not restart the time to sue: a disclosure the law asks for, never a threat, pressure or
    abuse on the model's word, and not a hostile tone."""
    low = lower(sentence)
    return bool(_NO_SUIT.search(low)) and not _SUIT_KEPT.search(low) and not _UNDONE.search(low)


#: The revival notice some states require: "making a payment on this debt may restart the
#: time period for a lawsuit" (the law's words; a left-out voice's line read as a threat).
_REVIVAL_NOTICE = rx(r"\b(?:making\s+(?:a|any)\s+payment|a\s+(?:partial\s+)?payment|paying(?:\s+anything)?)\b"
                     r"[^.?!]{0,40}\b(?:may|can|could|might)\s+(?:restart|revive|reset|renew)\b")


#: A promise that the calls stop, which a cease request or a written-only request is owed
#: (12 CFR 1006.6(c)): "Nothing further by phone unless you ask for it" read as pressure,
#: tone -0.80, in tester8's deceased call.
_NO_MORE_CALLS = rx(r"\b(?:nothing\s+(?:further|more|else)\s+by\s+(?:phone|telephone)|no\s+(?:more|further)\s+"
                    r"(?:phone\s+)?calls?|(?:we|i|nobody|no\s+one)\s*(?:won'?t|will\s+not|'?ll\s+not)\s+(?:be\s+)?"
                    r"(?:call(?:ing)?|phon(?:e|ing)|contact(?:ing)?)\s+(?:you\s+)?(?:again|anymore|any\s+more|further)|"
                    r"(?:we|i)(?:'ll|\s+will)\s+stop\s+(?:calling|the\s+calls)|\bcalls?\s+(?:will\s+)?stop)\b"
                    r"(?![^.?!]*\b(?:until|unless\s+you\s+(?:pay|don'?t))\b)")


#: Paying is the debtor's choice ("Debt still exist, but is your choice to pay or not",
#: tester11's time-barred answer, read as pressure with tone -0.83; "Paying is completely up
#: to you"), unless a demand follows.
_VOLUNTARY = rx(r"\b(?:your|the)\s+(?:own\s+)?(?:choice|decision)\s+(?:to\s+pay|whether|if)\b"
                r"|\bup\s+to\s+you\s+(?:whether|if)\s+(?:you\s+)?pay"
                r"|\b(?:paying|payment|to\s+pay)\s+(?:(?:it|this)\s+)?is\s+(?:completely\s+|entirely\s+|totally\s+|always\s+)?"
                r"(?:optional|voluntary|up\s+to\s+you|your\s+(?:choice|decision|call))\b"
                r"|\b(?:can|may)\s+(?:still\s+)?(?:choose\s+to\s+)?pay\s+(?:it\s+)?voluntarily\b"
                r"|\b(?:not|n't)\s+(?:legally\s+)?(?:required|obligated|obliged)\s+to\s+pay\b")


def reassures(sentence: str) -> bool:
    """The sentence tells the listener they are not liable, or cannot be sued, or gives the
    revival notice, or that the calls stop, or that paying is their choice: the law's own
    words (``disclaims_liability``, ``no_suit``)."""
    low = lower(sentence)
    if (disclaims_liability(sentence) or no_suit(sentence) or _REVIVAL_NOTICE.search(low)
            or _NO_MORE_CALLS.search(low)):
        return True
    return _not_taken_back(_VOLUNTARY, low)


#: "pay" said of someone else: the insurer, the estate, a client ("why they didn't pay it",
#: "did the insurance cover it?"): a question about what another party paid asks nothing of
#: the debtor. The model read tester6's "Did your insurance ever send you anything saying why
#: they didn't pay it?" as pressure (tone -0.89) and Gary threatened to hang up.
_PAY = rx(r"\b(?:pay|pays|paid|paying|cover|covers|covered)\b")
_OTHER_PAYS = rx(r"\b(?:they|insurance|insurer|insurance\s+company|plan|medicare|medicaid|he|she|estate|"
                 r"employer|clients?|customers?|hospital|clinic|company|creditor|court|va|tricare)"
                 r"(?:\s+(?:ever|never|actually|just|not|already|still))?\s+(?:didn'?t|did\s+not|won'?t|"
                 r"wouldn'?t|would\s+not|would|will|did|should|was\s+supposed\s+to|were\s+supposed\s+to|"
                 r"refused\s+to|to|never|doesn'?t|does|do|don'?t)?\s*(?:pay|pays|paid|paying|cover|covers|covered)\b")


_SCOFF = rx(r"\W*(?:oh|wow|sure|right|riiight|yeah|ha|please)\b")


def others_pay(sentence: str) -> bool:
    """The sentence is a question whose every "pay" is said of another party ("why they
    didn't pay it", "did the insurance cover it?"): no demand on the debtor."""
    low = lower(sentence)
    if "?" not in low or _SCOFF.match(low) or HOSTILE & classes_in(low).keys():
        return False  # "Oh, the insurance company will pay it?": sarcasm, not a question
    pays = len(_PAY.findall(low))
    return pays > 0 and len(_OTHER_PAYS.findall(low)) >= pays


#: The collector refuses an insult, or the debtor's word for themselves ("Nobody thinks
#: you're a deadbeat", "Please don't call yourself stupid", "being broke doesn't make you
#: a failure", "we do not regard you as irresponsible").
_INSULT_DENIED = rx(
    r"\b(?:no(?:body|\s+one)|none\s+of\s+us)(?:'s|\s+is)?\s+(?:thinks?|thinking|says?|said|saying|calling|"
    r"call(?:ing)?|sees?|seeing)\s+(?:you|that\s+you|you're)\b"
    r"|\b(?:don'?t|do\s+not|dont|never|no\s+need\s+to|stop|quit)\s+call(?:ing)?\s+"
    r"(?:yourself|yourselves|urself|yaself|yuhself|yerself|yourse'f|yasef|yuself|yusef|yo\s*self|ya\s+self)\b"
    # "I'd never call you a deadbeat", "nobody would call you lazy", "I'm not going to call you that"
    r"|(?:\b(?:never|not|nobody|no\s+one)\b|n't\b)[^.?!,]{0,25}\bcall(?:ed|ing|in'?|s)?\s+(?:you|u|ya)\b"
    r"(?!\s+(?:back|again|later|tomorrow|today|tonight|at|on|in|about|from|when|after|before|now|soon|next|"
    r"this|every|anymore|or|and|to|then|until|till|yet)\b)"
    r"|\b(?:didn'?t|did\s+not|never)\s+(?:say|said)\s+(?:that\s+)?(?:you|u|ya)(?:'re|\s+(?:are|were|was))?\b"
    r"|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t|will\s+not|didn'?t|never)\s+makes?\s+(?:you|anyone|anybody|somebody|someone)\b"
    r"|\b(?:don'?t|do\s+not|never|wouldn'?t)\s+(?:regard|see|think\s+of|consider|view|look\s+at)\s+you\s+as\b"
    r"|\b(?:i'm|i\s+am|we're|we\s+are)\s+not\s+(?:calling|saying|judging|accusing)\s+you\b"
    r"|\bnot\s+(?:some|a)\s+(?:deadbeat|loser|bum|freeloader|failure|liar|cheat)\b")
#: ...unless the sentence turns on it ("nobody's calling you lazy, but ...").
_TURNS = rx(r"\bbut\b|\bthough\b|\bhowever\b|\bjust\s+(?:saying|pay)\b")


def insult_denied(sentence: str) -> bool:
    """The sentence refuses an insult (or the debtor's own hard word for themselves) and
    does not turn on it: an abuse reading there, by cue or by the model, is dropped."""
    low = lower(sentence)
    return bool(_INSULT_DENIED.search(low)) and not _TURNS.search(low)


#: A sentence that says no money is being asked for ("You won't get asked for payment in
#: the meantime", "no payment is expected"), unless it turns round to a demand ("...so
#: pay today", "just pay it").
_NO_DEMAND = rx(
    r"\b(?:won'?t|will\s+not|not|never|nobody|no\s+one|don'?t|do\s+not|doesn'?t|does\s+not|"
    r"aren'?t|isn'?t)\b[^.?!;]{0,30}?\b(?:ask(?:ed|ing)?|request(?:ed|ing)?|expect(?:ed|ing)?|"
    r"need(?:ed)?\s+to|have\s+to|owe|pay(?:ing)?|required?)\b"
    r"[^.?!;]{0,30}?\b(?:pay(?:ing)?|payments?|money|anything|a\s+(?:cent|dime|penny)|a\s+thing)\b"
    r"|\bno\s+(?:payment|money|amount)\s+(?:is|will\s+be|needed|due|expected)\b"
    r"|\bnothing\s+(?:for\s+you\s+)?to\s+pay\b")
_DEMAND_AFTER = rx(r"\b(?:but|unless|so|just|now|instead)\b[^.?!]{0,30}\bpay\b|"
                   r"\bpay\s+(?:it|this|that|the\s+\w+|today|now|tonight|by|up)\b")


#: Lexicon classes that belittle or blame: a question with none of them asks for a fact.
HOSTILE = frozenset({"insult", "condescend", "sarcasm", "dismiss", "guilt"})
#: A negative question is often rhetorical ("Does your accountant also not pay bills?").
_NEGATIVE_QUESTION = rx(r"\b(?:not|never)\b|n't\b")
#: ... but the caller's own hedge is not one ("I don't want to intrude, but may I ask ...").
_OWN_NEGATION = rx(r"\bi\s+(?:do|did|would|could)(?:n't|\s+not)\b|\bi'm\s+not\b|\bi\s+am\s+not\b")
#: "Do you actually think ...?" belittles; the lexicon (a model feature, left as trained)
#: reads "do you actually" anywhere, also in "When do you actually get paid?".
_BELITTLING_START = rx(r"\W*(?:(?:so|and|but|oh|wait|now|seriously)\W+)?do\s+you\s+actually\b")


def plain_question(sentence: str) -> bool:
    """A question about something the debtor knows ("When does the new job actually start
    paying you?", "What time do you actually finish work?"), each ask of it in a phrasing
    that plainly asks it (``questions.asks_plainly``), and no word that belittles or
    blames: it asks; however it stresses the question, it is no abuse on the model's word
    alone."""
    if not asks_plainly(sentence):
        return False
    low = lower(sentence)
    if _NEGATIVE_QUESTION.search(_OWN_NEGATION.sub(" ", low)):
        return False  # "What kind of person doesn't pay his bills?": rhetorical, not asked
    if not _BELITTLING_START.match(low):  # "When do you actually get paid?" stresses a fact
        low = low.replace("do you actually", "do you")
    return not HOSTILE & classes_in(low).keys()


#: "Why you did not pay since July?" (tester11, a non-native speaker): why the payments
#: stopped, asked bluntly; blame at most, never abuse without a word that belittles.
_WHY_NOT_PAID = rx(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?why\b[^.?!]{0,30}(?:\bnot\b|n't\b|\bstop(?:ped)?\b)"
                   r"[^.?!]{0,30}\b(?:pay|paying|paid|payments?)\b[^.!]*\?")


def why_not_paid(sentence: str) -> bool:
    """A plain "why did the payments stop?" with no word that belittles or blames
    (``HOSTILE``): it asks; it is no abuse on the model's word alone."""
    low = lower(sentence)
    return bool(_WHY_NOT_PAID.search(low)) and not HOSTILE & classes_in(low).keys()


#: A question that checks a fact on file ("Your employer, Ramirez, Booth and Blake, is listed on
#: the file; is that still current?": tester10, read as a threat at -0.94), with no action
#: taken against anyone in it.
_ON_FILE = rx(r"\b(?:on\s+(?:the\s+)?file|in\s+our\s+(?:records|system)|(?:is|are)\s+listed|we\s+have\s+(?:down|listed))\b")
_ACTION = rx(r"\b(?:contact\w*|call\w*|tell\w*|notif\w*|inform\w*|visit\w*|garnish\w*|reach\w*|speak\w*|talk\w*|"
             r"let\s+(?:them|him|her)\s+know|hear|find\s+out|report\w*|sue|court|seiz\w*|send\w*)\b")


def checks_on_file(sentence: str) -> bool:
    """The sentence asks whether a fact on file is still right, and names no action: it
    threatens nothing on the model's word alone."""
    low = lower(sentence)
    return ("?" in low and bool(_ON_FILE.search(low)) and not _ACTION.search(low)
            and "veiled" not in classes_in(low))  # "... on the file, right? Real shame if ..."


def offers_ultimatum(sentence: str) -> bool:
    """A choice put as an ultimatum or with a word that belittles ("Yes or no on
    $120 a month?", "Or are you too busy for that?")."""
    low = lower(sentence)
    return bool(_YES_OR_NO.search(low)) or bool(HOSTILE & classes_in(low).keys())


_YES_OR_NO = rx(r"\byes\s+or\s+no\b|\bnow\s+or\s+never\b|\btake\s+it\s+or\s+leave\s+it\b")


def names_consequence(sentence: str) -> bool:
    """The sentence names a consequence a threat could hold over the debtor (legal action,
    seizure, telling others, credit, an escalation)."""
    return bool(CONSEQUENCES & classes_in(lower(sentence)).keys())


def consequences_disarmed(sentences: list[str]) -> bool:
    """Every sentence of the line that names a consequence denies it, asks whether, or is
    the law's reassurance, and at least one names one: the model alone, which reads the
    line's words together ("know if the estate has been opened in probate court, and if so
    which county"), finds no threat in another sentence of it either."""
    named = [s for s in sentences if names_consequence(s)]
    return bool(named) and all(denied(s) or whether_only(s) or reassures(s) or _LEGAL_HELP.search(lower(s))
                               for s in named)


#: Pointing the debtor to legal help is advice, not a consequence ("I'd suggest checking with a
#: legal aid office"), unless the sentence also holds something over them.
_LEGAL_HELP = rx(r"\b(?:legal\s+aid|legal\s+advice|(?:a|your\s+own)\s+(?:lawyer|attorney)|consumer\s+(?:attorney|lawyer)|"
                 r"(?:talk|speak)\s+(?:to|with)\s+(?:a|an)\s+(?:lawyer|attorney))\b(?![^.?!]*\b(?:or\s+else|before\s+we|we\s+will|"
                 r"we'll)\b)")


def no_demand(sentence: str) -> bool:
    """The sentence says nothing is being asked of the debtor, and does not take it back:
    a model-only reading of pressure or a money request in it is dropped."""
    return _not_taken_back(_NO_DEMAND, lower(sentence))


def _not_taken_back(words: re.Pattern[str], low: str) -> bool:
    """``words`` are said and no demand follows them. Only what follows can take them back:
    "you don't have to pay this out of your own pocket" holds "pay this" inside the denial
    itself (tester8's widow)."""
    said = words.search(low)
    return bool(said) and not _DEMAND_AFTER.search(low, said.end())


#: "if" that means "whether", after a verb of asking or knowing ("may I ask if you're his
#: wife", "do you know if your landlord would wait"): a question, not a condition.
_WHETHER_IF = rx(r"\b(?:ask(?:ed|ing)?|wonder(?:ed|ing)?|know|knows|check(?:ed|ing)?|confirm|"
                 r"sure|curious|tell\s+me)\s+if\b")


#: "if so", "if not": an ellipsis after a question, no condition ("I'd like to know if the
#: estate has been opened in probate court, and if so which county": the widow hung up).
_IF_SO = rx(r"\bif\s+(?:so|not)\b(?!\s+(?:paid|pay|settled))")


def _whether(low: str) -> str:
    return _IF_SO.sub("whether so", _WHETHER_IF.sub(lambda m: m.group(0)[:-2] + "whether", low))


def _conditioned(low: str, found: dict) -> bool:
    """A condition stands in the (lower-cased) sentence once every "if" that means
    "whether" is read as "whether"."""
    if "condition" not in found:
        return False
    return not (_WHETHER_IF.search(low) or _IF_SO.search(low)) or "condition" in classes_in(_whether(low))


def whether_only(sentence: str) -> bool:
    """The sentence's only condition is an "if" that means "whether", with no veiled
    framing ("Do you know if your landlord would wait?"): the model alone, which reads
    the word "if" as a condition, finds no threat in it."""
    low = lower(sentence)
    if not (_WHETHER_IF.search(low) or _IF_SO.search(low)):
        return False
    found = classes_in(low)
    return "veiled" not in found and not _conditioned(low, found)


#: A consequence held open rather than said outright: "im not saying we're gonna sue, but
#: ... i cant promise what the creditor decides", "this stuff can still hit ur credit report",
#: "just so u know tho, this stays on ur credit until its paid" (tester7, 2026-12-03). Read
#: as a veiled framing, with a consequence of the lexicon in the same sentence.
_HELD_OPEN = rx(r"\b(?:can'?t|cannot|won'?t)\s+promise\b|\bno\s+(?:promises|guarantees?)\b"
                r"|\bnot\s+saying\s+(?:we|they|i|anyone|nobody)\b[^.?!]{0,40}\bbut\b"
                r"|\b(?:can|could|may|might|will)\s+still\s+(?:hit|hurt|go|end\s+up|show|affect|land|be\s+"
                r"(?:reported|sued|taken|sent|listed))\b"
                r"|\bjust\s+so\s+(?:you|u|ya)\s+know\b[^.?!]{0,60}\buntil\s+(?:it'?s|it\s+is|this\s+is|its|you|u)"
                r"\s+(?:paid|pay|settled)\b")


def threat_in(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, why) of a threat in one sentence, or None.

    A consequence counts when it is framed as leverage: under a condition together with
    something that will or may happen, or inside a veiled framing; and not when the
    sentence denies it or hedges it as something the collector cannot say.
    """
    low = lower(sentence)
    found = classes_in(low)
    consequences = [c for c in found if c in CONSEQUENCES]
    if not consequences:
        return None
    if denied(sentence):
        return None
    held = _HELD_OPEN.search(low)
    veiled = "veiled" in found or held is not None
    if held is not None and "veiled" not in found:
        found = {**found, "veiled": held}
    conditional = ("future" in found or "urgency" in found or bool(_SUIT_KEPT.search(low))) \
        and _conditioned(low, found)
    if not (veiled or conditional):
        return None
    if not (_YOU.search(low) or _AGENT.search(low)):
        return None
    if "rights" in found and not veiled and "legal" not in found and "seizure" not in found:
        return None  # "if you dispute it in writing, we'll send verification": a right
    what = consequences[0]
    framing = "veiled" if veiled else "condition"
    start = min(found[what].start(), found[framing].start())
    why = f"{_LABELS[what]} under a {'veiled framing' if veiled else 'condition'} " \
          f'("{found[framing].group(0)}" ... "{found[what].group(0)}")'
    return start, len(sentence), why


_LABELS = {
    "legal": "legal action", "seizure": "garnishment or seizure", "people": "telling others",
    "credit": "credit damage", "escalate": "an escalation",
}


def threat_across(text: str, spans: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A threat whose consequence and framing sit in two sentences that follow each other
    ("Your mother's listed as a reference. I'd rather not have to call her.")."""
    for (a1, _), (_, b2) in zip(spans, spans[1:], strict=False):
        found = threat_in(text[a1:b2])
        if found is not None:
            return a1 + found[0], a1 + found[1], found[2] + ", over two sentences"
    return None
