"""Does the debtor's reply answer the question asked, or refuse it in character?

The judge reads only what a listener could check: the question, the reply, the reply
before it, the account file the trainee holds and the persona's own facts and numbers.
It never looks inside the engine (states, events, which transition fired), so it
measures what the trainee hears.

A verdict is ``answered`` (the reply gives what was asked, and identity answers match
the account file or, for a wrong name or a third party, do not confirm it),
``refused`` (the reply declines this question in character: "Who's asking?", "I'm not
giving that out over the phone") or ``failed`` (anything else: a filler, a line about
something else, the previous line again, a hang-up on a harmless question, a backstory
told to small talk, an identity confirmed to the wrong name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ANSWERED, REFUSED, FAILED = "answered", "refused", "failed"


@dataclass(frozen=True)
class Verdict:
    kind: str
    reason: str

    @property
    def ok(self) -> bool:
        return self.kind in (ANSWERED, REFUSED)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# --------------------------------------------------------------------------- vocabularies

#: Declining this question, in character (shared by every intent).
REFUSAL = _rx(
    r"\bwho'?s asking\b", r"\bwho wants to know\b", r"\bdepends\W+(?:on\W+)?who'?s (?:calling|asking)\b",
    r"\bnot (?:going to |gonna )?(?:give|giving|tell|telling|share|sharing) (?:you |out )?(?:that|this|it|my|her|his|any of that)\b",
    r"\bnot (?:going to |gonna )?(?:discuss|discussing|get into|getting into) (?:that|this|it|my|her|his|anything)\b",
    r"\bnone of your business\b", r"\bwhy do you (?:need|want) to know\b", r"\bwhy (?:do|would) you need\b",
    r"\bi'?d rather not\b",
    r"\bi don'?t give (?:that|out|my|her|his)\b", r"\bthat'?s (?:private|personal|her business|his business)\b",
    r"\bnot comfortable\b", r"\bnot until\b", r"\bnot (?:before|till) (?:you|i)\b",
    r"\bi'?m not (?:answering|doing) (?:that|this)\b", r"\byou'?d have to ask (?:her|him)\b",
    r"\bask (?:her|him) yourself\b", r"\bwhat does (?:that|it) (?:have to do|matter)\b",
    r"\bwhat'?s it to you\b", r"\bcan we (?:just )?get to the point\b", r"\bget to the point\b",
    r"\bnot (?:here|calling) to (?:chat|talk about)\b", r"\bi don'?t (?:really )?want to get into\b",
    r"\bnot getting into\b",
    r"\bi don'?t (?:do|talk) small talk\b", r"\bskip the small talk\b", r"\bnot in the mood\b",
    r"\bwhy are you asking\b", r"\bwhy do you ask\b", r"\bis that (?:really )?why you called\b",
    r"\bno chit-?chat\b", r"\bi don'?t know you\b", r"\bnot (?:telling|saying)\b",
    r"\bnot something i (?:want to |can )?(?:talk|get) (?:about|into)\b", r"\bkeep that to myself\b",
    r"\bnot giving you (?:squat|anything|a thing|nothing)\b", r"\bthat'?s my business\b",
    r"\b(?:don'?t|do not) (?:even )?know who you are\b", r"\bhaven'?t (?:even )?(?:said|told me) (?:who|what)\b",
    r"\bnot (?:until|before) (?:you tell me|i know) who\b",
)

#: Sensitive questions (identity, money, work) may also be declined with the persona's stock
#: objection: "not over the phone", "send it in writing".
DEFLECT = _rx(r"\bover the phone\b", r"\bin writing\b", r"\bon paper\b", r"\bsend (?:me )?(?:a|the) letter\b")
SENSITIVE = frozenset({"identity_dob", "identity_address", "identity_ssn", "identity_phone", "identity_name",
                       "capacity", "income", "payment_method"})

AFFIRM = _rx(r"^\W*(?:yes|yeah|yep|yup|speaking|correct|that'?s right|right|sure|uh-huh|mhm)\b",
             r"\b(?:this is|it'?s|i'?m) (?:him|her|me)\b", r"\bthat'?s me\b", r"\bspeaking\b",
             r"\byes,? (?:this is|it'?s)\b", r"\bstill me\b")
DENY = _rx(r"^\W*(?:no|nope|nah)\b", r"\bwrong (?:number|person|name)\b", r"\bnot (?:me|her|him)\b",
           r"\bthere'?s no(?:body| one)? (?:here )?(?:by|named|called)\b", r"\bno one here\b",
           r"\bnobody (?:here )?(?:by|named|called)\b", r"\bthat'?s not (?:my name|me|right)\b",
           r"\byou'?(?:ve|re) got the wrong\b", r"\bnot (?:home|here|in|available|around)\b",
           r"\bshe'?s (?:out|at work|not)\b", r"\bhe'?s (?:out|at work|not)\b", r"\bit'?s not\b",
           r"\bwho(?:'?s| is) that\b", r"\bnever heard of\b", r"\bdon'?t know (?:a|any|who)\b",
           r"\bmisspel|\bspell(?:ed)? (?:it )?wrong\b", r"\bwrong guy\b", r"\bthat'?s not me\b")

FILLER = re.compile(r"^\W*(?:mm+|hm+|mm-hm|uh-huh|okay|ok|sorry|what|huh|yeah|right|alright|sure)\W*$",
                    re.IGNORECASE)
HANG_UP = re.compile(r"\(click\)|\bhangs up\b|\bi'?m hanging up\b", re.IGNORECASE)

#: Declining to talk money (yet): in character for a debtor who is not there yet.
MONEY_REFUSAL = _rx(r"\b(?:you want|asking (?:me )?for|ask (?:me )?for|you'?re asking for) (?:my )?money\b",
                    r"\bslow down\b", r"\bnot there yet\b", r"\bdon'?t rush me\b",
                    r"\bnot (?:giving|paying) (?:you |anybody )?(?:a dime|anything|a penny|a cent)\b",
                    r"\bnot paying (?:for|anything|that)\b", r"\bnot agreeing to anything\b",
                    r"\b(?:the|an) amount first\b", r"\buntil (?:we'?ve|we have) agreed\b",
                    r"\bnot (?:talking|discussing) (?:money|numbers|payments)\b",
                    # a debtor who says the bill is not theirs declines to pay any of it
                    r"\bdon'?t owe (?:them |you |anybody |anyone )?(?:anything|a (?:dime|thing|penny|cent)|this|that|it)\b")
MONEY = re.compile(
    r"\$\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s*(?:dollars|bucks|a month|per month|a week|each month)\b|"
    r"\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|grand)\b"
    r"(?:[\s-]+\w+){0,3}?\s*(?:dollars|bucks|a month|per month|a week)",
    re.IGNORECASE,
)
WHOLE = _rx(r"\bthe (?:whole|full) (?:thing|amount|balance|\$)", r"\ball of it\b", r"\bpay it (?:all )?off\b",
            r"\bin full\b", r"\bpay (?:it|the) (?:all|whole|full)\b", r"\bpay it all\b",
            r"\b(?:can'?t|cannot) (?:pay|afford) (?:anything|a (?:dime|penny|thing))\b", r"\bnothing right now\b",
            r"\bi (?:don'?t|do not) have (?:anything|any money|a dime)\b", r"\bzero\b")
VAGUE_AMOUNT = _rx(r"\bnot much\b", r"\bi'?d have to (?:look|check|see)\b", r"\bi don'?t know (?:how much|yet|exactly)\b",
                   r"\bhard to say\b", r"\bthings are (?:really )?tight\b", r"\bi'?m not sure\b", r"\bdepends\b")
WORK = _rx(r"\bwork", r"\bjob\b", r"\bemploy", r"\blaid off\b", r"\blet go\b", r"\bfired\b", r"\bbusiness\b",
           r"\bshop\b", r"\bshift\b", r"\bhired\b", r"\bclients?\b", r"\bcustomers?\b", r"\bmy own\b",
           r"\bstart(?:s|ing)? (?:on|in|next)\b", r"\bcareer\b", r"\bretired\b", r"\boffice\b", r"\bhospital\b",
           r"\bcompany\b", r"\bboss\b", r"\bowner\b", r"\bmanag", r"\bcontract")
INCOME = _rx(r"\bpaid\b", r"\bpay ?check", r"\bpay ?day", r"\bsalary\b", r"\bwage", r"\bearn", r"\bmake\b",
             r"\bincome\b", r"\bper hour\b", r"\ban hour\b", r"\bweekly\b", r"\bevery (?:two|other) weeks?\b",
             r"\bbi-?weekly\b", r"\bmonthly\b", r"\ba month\b", r"\bunemployment\b", r"\bbenefits\b",
             r"\bnothing coming in\b", r"\bno income\b", r"\bclients? pay", r"\bdepends on\b", r"\bthe fifteenth\b",
             r"\bfirst (?:pay|check)", r"\bmoney coming in\b", r"\bnot (?:working|earning)\b", r"\bgrand\b")
METHOD = _rx(r"\bdebit\b", r"\bcredit card\b", r"\bcard\b", r"\bcheck\b", r"\bcheque\b", r"\btransfer\b",
             r"\bonline\b", r"\bcash\b", r"\bmoney order\b", r"\bach\b", r"\bbank\b", r"\bautopay\b",
             r"\bzelle\b", r"\bvenmo\b", r"\bpaypal\b", r"\bportal\b", r"\bwebsite\b", r"\bmail (?:it|a)\b")
TIME = _rx(r"\b(?:after|before|around|by|at|until|til|till) (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|lunch|dinner|work)",
           r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)\b", r"\bevenings?\b", r"\bmornings?\b",
           r"\bafternoons?\b", r"\bweekends?\b", r"\btonight\b", r"\btomorrow\b", r"\blunch ?(?:time|break)?\b",
           r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", r"\bany ?time\b",
           r"\blater\b", r"\bat night\b", r"\bduring the day\b", r"\bweekdays?\b", r"\boff the roof\b", r"\bhome (?:around|by|at|after)\b",
           r"\bsix-thirty\b", r"\bnever (?:at work|during|call)\b", r"\bnot at work\b", r"\bdon'?t call (?:me )?at work\b")
YES_NO = _rx(r"^\W*(?:yes|yeah|yep|yup|sure|no|nope|nah|of course|absolutely|please|that works|"
             r"that'?s fine|that'?s right|correct|go ahead)\b", r"^\W*(?:okay|ok|fine|alright)\W*$",
             r"^\W*(?:okay|ok|fine|alright),? (?:that|sure|yes|call|tomorrow|later|after)\b")
PHONE = _rx(r"\bnumber\b", r"\bphone\b", r"\bcell\b", r"\bmobile\b", r"\bline\b", r"\blandline\b",
            r"\b(?:call|reach|text) me\b", r"\bmine\b", r"\bhers\b", r"\bher (?:phone|cell|number)\b", r"\bhouse\b",
            r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|\b\d{3}-\d{4}\b")
CALLBACK = _rx(r"\bcall (?:me |her |him )?(?:back|later|then|after|tomorrow|tonight|in)\b", r"\bdon'?t call\b",
               r"\bin writing\b", r"\bletter\b", r"\bin the mail\b", r"\bnow (?:is|works) (?:fine|good|better)\b",
               r"\bnow'?s (?:fine|good)\b",
               r"\brather (?:just )?(?:deal with|do|sort|finish|take care of) (?:it|this) now\b",
               r"\bnot now\b", r"\bgood time\b", r"\bbetter time\b", r"\bthat works\b")
DISPUTE = _rx(r"\bowe\b", r"\bdispute", r"\bnot mine\b", r"\bis mine\b", r"\bit'?s mine\b", r"\bmy (?:bill|card|loan|account|debt)\b",
              r"\bnot right\b", r"\bwrong\b", r"\breturned\b", r"\bpaid\b", r"\blegit", r"\bfair\b", r"\bagree\b",
              r"\bcorrect\b", r"\bgarbage\b", r"\bcovered\b", r"\bmistake\b", r"\bscam\b", r"\bi know (?:i|it)\b",
              r"\bi'?m behind\b", r"\bnot (?:arguing|disputing|saying)\b", r"\bmy fault\b", r"\bi had (?:a|the)\b",
              r"\bknow the (?:account|bill|loan|card)\b")
WHEREABOUTS = _rx(r"\bnot (?:home|here|in|around|available)\b", r"\bshe'?s (?:out|at|not|away|working|home|in|here|back)\b",
                  r"\bhe'?s (?:out|at|not|away|working|home|in|here)\b", r"\bat work\b", r"\bgets home\b",
                  r"\bhome (?:around|by|at|after|later|tonight|soon)\b", r"\bbe (?:home|back)\b", r"\blater\b",
                  r"\btonight\b", r"\bshe'?ll be\b", r"\bshe (?:is|isn'?t|gets|works|comes)\b", r"\bstepped out\b",
                  r"\baway\b", r"\bdon'?t know (?:when|where)\b", r"\bout (?:right now|at the moment|for)\b")
MESSAGE = _rx(r"\b(?:i'?ll|i will|i can|i could) (?:tell|let|give|pass|leave|make sure)\b", r"\bgrab a pen\b",
              r"\bgot it\b", r"\bwritten down\b", r"\bwrite (?:it|that) down\b", r"\bof course\b",
              r"^\W*(?:sure|yes|yeah|yep|no|nope|okay, i'?ll)\b", r"\bi'?m not (?:her|his|a)\b", r"\bpass it on\b",
              r"\bon the fridge\b", r"\bi'?ll let her know\b")
REASON = _rx(r"\binterest\b", r"\bfees?\b", r"\blate (?:fees?|charges?)\b", r"\bcharges?\b", r"\bpurchases?\b",
             r"\bused (?:it|the card|that card) for\b", r"\brepairs?\b", r"\bmedical\b",
             r"\ber\b", r"\bemergency\b", r"\bhospital\b", r"\binsurance\b", r"\bcovered\b", r"\bequipment\b",
             r"\bmodem\b", r"\bcable box\b", r"\breturned\b", r"\bwrong\b", r"\bmistake\b", r"\bno idea\b",
             r"\bdon'?t know (?:what|why|how) (?:it|that|the \w+)(?:'s| is| was| came)\b", r"\bnot sure (?:what|why)\b",
             r"\bthought (?:it|the card|that|the bill) was\b",
             r"\bautopay\b", r"\bmissed (?:a )?payments?\b", r"\bstopped paying\b", r"\bdispute", r"\bnot mine\b",
             r"\bitemi[sz]ed\b", r"\bprincipal\b", r"\bpenalt", r"\bthe (?:loan|card|bill|visit|service) itself\b",
             r"\bborrowed\b", r"\bwhat i (?:bought|borrowed|spent)\b", r"\bfinal bill\b")
SMALL_TALK_REPLY = _rx(r"\bfine\b", r"\bgood\b", r"\bgreat\b", r"\bnot bad\b", r"\bokay\b", r"\bcan'?t complain\b",
                       r"\bweather\b", r"\bhot\b", r"\bcold\b", r"\brain", r"\bsunny\b", r"\bsnow", r"\bgame\b",
                       r"\bmovies?\b", r"\bfilms?\b", r"\bwatch", r"\bseen\b", r"\bshow\b", r"\bteam\b", r"\bfan\b",
                       r"\bdrive\b", r"\btruck\b", r"\bcar\b", r"\bweekend\b", r"\bbusy\b", r"\bhaha\b", r"\bha\b",
                       r"\bthanks\b", r"\bi guess\b", r"\bsmall talk\b",
                       r"\bchat", r"\bsports?\b", r"\bbaseball\b", r"\bfootball\b",
                       r"\bbasketball\b", r"\bhockey\b", r"\bnice out\b", r"\bno time for\b", r"\bnot really\b",
                       r"\bnot much\b", r"\blovely\b", r"\bbeautiful\b", r"\bwhat'?s that got to do\b",
                       r"\bdon'?t (?:really )?(?:follow|watch|have (?:much )?time)\b",
                       r"\bhaven'?t (?:seen|watched|had (?:much )?time)\b",
                       # the small-talk topic named back ("Plans? Working.")
                       r"\bplans?\b", r"\bfun\b", r"\bholidays?\b", r"\bvacation\b", r"\bweekends?\b")

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
STREET_WORD = re.compile(r"\b\d{2,6}\s+\w+(?:\s+\w+)?\s+(?:st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive|"
                         r"way|ct|court|pl|place|pike|terrace|circle|trail|parkway|loop|run|pass)\b",
                         re.IGNORECASE)
WORDS = re.compile(r"[a-z0-9']+")


# --------------------------------------------------------------------------- helpers

def _words(text: str) -> set[str]:
    return set(WORDS.findall(text.lower()))


def fact_keywords(persona: Any) -> list[tuple[str, list[str]]]:
    """(fact name, keywords) for every fact: the words a listener would recognise."""
    out = []
    for name, fact in persona.facts.items():
        out.append((name, [k.lower() for k in fact.keywords]))
    return out


def mentions_fact(reply: str, persona: Any) -> str:
    """The first fact whose keywords the reply uses (two, or one of three words or more)."""
    low = reply.lower()
    for name, kws in fact_keywords(persona):
        hits = [k for k in kws if re.search(rf"\b{re.escape(k)}\b", low)]
        if len(hits) >= 2 or any(len(k.split()) >= 2 for k in hits):
            return name
    return ""


def says_dob(reply: str, dob: Any) -> bool:
    low = reply.lower()
    month = MONTHS[dob.month - 1]
    year = str(dob.year)
    day = dob.day
    spoken = re.search(rf"\b{month}\s+{day}(?:st|nd|rd|th)?\b|\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\b", low)
    numeric = re.search(rf"\b0?{dob.month}[/.-]0?{day}[/.-](?:{year}|{year[2:]})\b", low)
    return bool((spoken and (year in low or year[2:] in low)) or numeric)


def says_address(reply: str, address: str) -> bool:
    low = reply.lower()
    street, _, rest = address.partition(",")
    number = street.split()[0] if street.split() else ""
    zipcode = address.split()[-1] if address.split() else ""
    city = rest.split(",")[0].strip().lower() if rest else ""
    if number and re.search(rf"\b{re.escape(number)}\b", low) and street.split()[1].lower() in low:
        return True
    if zipcode and zipcode in low:
        return True
    return bool(city and city in low) or bool(STREET_WORD.search(reply))


def asked_names(question: str) -> list[str]:
    """Capitalised words after 'speak with', 'is this', 'looking for'..., titles dropped."""
    m = re.search(r"(?i:speak(?:ing)? (?:with|to)|talk(?:ing)? (?:with|to)|is this|this is|is that|reach|"
                  r"looking for|trying to reach|get|for|after(?: an?)?)\s+((?i:(?:mr|mrs|ms|miss|dr)\.?\s+)?"
                  r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)", question)
    if not m:
        m = re.search(r"\b((?:mr|mrs|ms|miss)\.?\s+[A-Z][a-z'\-]+)", question, re.IGNORECASE)
    if not m:
        m = re.search(r"\b(?i:is)\s+([A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)\s+(?:there|home|in|around|available)\b",
                      question)
    if not m:
        return []
    return [w for w in re.split(r"\s+", m.group(1)) if w.lower().rstrip(".") not in ("mr", "mrs", "ms", "miss", "dr")]


# --------------------------------------------------------------------------- the judge

def judge(intent: str, question: str, reply: str, *, account: Any, persona: Any,
          previous: str = "", expect_mismatch: bool | None = None, third_party: str = "") -> Verdict:
    """Judge one reply to one question (see the module docstring)."""
    text = reply.strip()
    party = getattr(persona, "party", "debtor")
    if not text:
        return Verdict(FAILED, "no reply")
    if FILLER.match(text):
        return Verdict(FAILED, f"a filler ({text!r})")
    if previous and text == previous.strip() and len(text) >= 20:
        return Verdict(FAILED, "the previous line again")
    if HANG_UP.search(text) and intent not in ("identity_ssn", "identity_dob"):
        return Verdict(FAILED, "hung up on the question")
    refusal = bool(REFUSAL.search(text)) or (intent in SENSITIVE and bool(DEFLECT.search(text))) or (
        intent in ("capacity", "payment_method", "income") and bool(MONEY_REFUSAL.search(text)))
    d = account.debtor

    if intent == "identity_name":
        return _identity_name(question, text, d, party, third_party, expect_mismatch, refusal)
    if intent in ("identity_dob", "identity_address", "identity_ssn", "identity_phone") and party == "third_party":
        return _third_party_identity(intent, text, d, refusal)
    if intent == "identity_dob":
        if says_dob(text, d.date_of_birth):
            return Verdict(ANSWERED, "gave the date of birth on file")
        return _refused_or(refusal, "no date of birth (or not the one on file)")
    if intent == "identity_address":
        if says_address(text, d.address):
            return Verdict(ANSWERED, "gave the address on file")
        return _refused_or(refusal, "no address")
    if intent == "identity_ssn":
        last4 = getattr(d, "ssn_last4", None)
        if last4 and re.search(rf"\b{last4}\b", text):
            return Verdict(ANSWERED, "gave the last four on file")
        if re.search(r"\b\d{4}\b", text) and not last4:
            return Verdict(FAILED, "gave four digits, but the account file has no SSN to match")
        return _refused_or(refusal, "no last four digits")
    if intent == "identity_phone":
        if YES_NO.search(text) and PHONE.search(text) or re.search(r"\(\d{3}\)\s?\d{3}-\d{4}", text) or \
                re.search(r"\bthis is (?:my|the) (?:cell|number|phone|mobile|home|house|work|apartment)", text, re.I):
            return Verdict(ANSWERED, "said whether the number is right")
        if YES_NO.search(text) and len(text) < 60:
            return Verdict(ANSWERED, "a yes or no about the number")
        return _refused_or(refusal, "did not say whether the number is right")
    if intent == "small_talk":
        leaked = mentions_fact(text, persona)
        if leaked and persona.facts[leaked].kind in ("hardship", "emotion", "info"):
            return Verdict(FAILED, f"told the backstory ({leaked}) to small talk")
        if refusal:
            return Verdict(REFUSED, "declined the small talk")
        q = _words(question) - _STOPWORDS
        if (q & _words(text)) or SMALL_TALK_REPLY.search(text):
            return Verdict(ANSWERED, "a small-talk answer")
        return Verdict(FAILED, "not an answer to the small talk")
    if intent == "what_happened":
        fact = mentions_fact(text, persona)
        if fact:
            return Verdict(ANSWERED, f"told what happened ({fact})")
        return _refused_or(refusal, "did not say what happened")
    if intent == "why_balance":
        if REASON.search(text):
            return Verdict(ANSWERED, "gave a reason for the balance")
        return _refused_or(refusal, "no reason for the balance")
    if intent == "capacity":
        if MONEY.search(text) or WHOLE.search(text):
            return Verdict(ANSWERED, "named an amount")
        if refusal or VAGUE_AMOUNT.search(text):
            return Verdict(REFUSED, "would not name an amount yet")
        return Verdict(FAILED, "no amount")
    if intent == "employment":
        if WORK.search(text) or _occupation_words(d) & _words(text):
            return Verdict(ANSWERED, "said whether and where they work")
        yes_no_q = re.search(r"^\W*(?:\w+\W+){0,3}(?:are|were|is|do|did) (?:you|that)\b", question, re.IGNORECASE)
        if yes_no_q and re.search(r"^\W*(?:yes|yeah|yep|no|nope|not (?:right now|at the moment|anymore|currently))\b",
                                  text, re.IGNORECASE):
            return Verdict(ANSWERED, "a yes or no to a yes-or-no question about work")
        return _refused_or(refusal, "nothing about work")
    if intent == "income":
        if INCOME.search(text) or MONEY.search(text):
            return Verdict(ANSWERED, "said something about their income")
        return _refused_or(refusal, "nothing about income")
    if intent == "payment_method":
        if METHOD.search(text):
            return Verdict(ANSWERED, "named a way to pay")
        return _refused_or(refusal, "no payment method")
    if intent == "best_time":
        if TIME.search(text):
            return Verdict(ANSWERED, "named a time")
        return _refused_or(refusal, "no time")
    if intent == "callback":
        if YES_NO.search(text) or CALLBACK.search(text) or TIME.search(text):
            return Verdict(ANSWERED, "answered about a call back")
        if re.search(r"\bnumber\b", question, re.IGNORECASE) and PHONE.search(text):
            return Verdict(ANSWERED, "said which number reaches them")  # "another number to reach her?"
        return _refused_or(refusal, "nothing about a call back")
    if intent == "dispute":
        if DISPUTE.search(text):
            return Verdict(ANSWERED, "said whether they owe it")
        return _refused_or(refusal, "nothing about owing it")
    if intent == "third_party_whereabouts":
        if WHEREABOUTS.search(text) or TIME.search(text):
            return Verdict(ANSWERED, "said where or when the debtor is")
        return _refused_or(refusal, "nothing about where the debtor is")
    if intent == "message":
        if MESSAGE.search(text):
            return Verdict(ANSWERED, "answered about the message")
        return _refused_or(refusal, "nothing about the message")
    if intent.startswith("bankruptcy") or intent in ("attorney", "servicemember"):
        return _legal(intent, text, refusal)
    return Verdict(FAILED, f"unknown intent {intent!r}")


#: "I haven't filed for anything", "I don't have a lawyer", "I'm not in the military".
NOT_SO = _rx(r"\b(?:haven'?t|have not|never|didn'?t|did not) (?:filed|gone|been)\b", r"\bnot in (?:a )?bankruptcy\b",
             r"\bno bankruptcy\b", r"\bdon'?t have (?:a|an|any) (?:lawyer|attorney)\b", r"\bno (?:lawyer|attorney)\b",
             r"\bnot (?:in the )?(?:military|army|navy|service|on active duty)\b", r"\bnever served\b",
             r"\bwhat bankruptcy\b", r"\bwhy would i\b")
LEGAL = {
    "bankruptcy": _rx(r"\bfiled\b", r"\bbankrupt", r"\bchapter\b", r"^\W*(?:yes|yeah|no|nope)\b"),
    "bankruptcy_case": _rx(r"\b\d{2}-\d{3,}\b", r"\bcase (?:number|no)\b[^.?!]*\d"),
    "bankruptcy_court": _rx(r"\bcourt\b", r"\bdistrict\b"),
    "bankruptcy_chapter": _rx(r"\bchapter (?:7|11|13|seven|eleven|thirteen)\b"),
    "bankruptcy_date": _rx(r"\bago\b", r"\bon the \d{1,2}(?:st|nd|rd|th)\b", r"\blast (?:week|month|year)\b",
                           r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december)\b", r"\b\d{1,2}/\d{1,2}\b", r"\byesterday\b"),
    "attorney": _rx(r"\(?\b\d{3}\)?[\s.-]?\d{3}-\d{4}\b", r"\b(?:attorney|lawyer)(?:'s name)? is\b",
                    r"\blaw (?:firm|office|group)\b", r"\w+ & \w+",
                    r"\b(?:she|he)(?:'s| is) (?:with|at)\b", r"^\W*(?:yes|yeah|no|nope)\b"),
    "servicemember": _rx(r"\b(?:active duty|army|navy|air force|marines?|guard|deploy\w*|stationed|base|orders|"
                         r"unit|serv(?:e|ing|ice))\b", r"^\W*(?:yes|yeah|no|nope)\b"),
}


def _legal(intent: str, text: str, refusal: bool) -> Verdict:
    """A legal fact of the debtor's (a bankruptcy's case, court, chapter or date; an attorney;
    military service): given, denied ("I haven't filed"), or declined in character."""
    if LEGAL[intent].search(text):
        return Verdict(ANSWERED, f"gave what was asked ({intent.replace('_', ' ')})")
    if NOT_SO.search(text):
        return Verdict(ANSWERED, "said it does not apply to them")
    return _refused_or(refusal, f"nothing about {intent.replace('_', ' ')}")


_STOPWORDS = frozenset("a an the and or but so to of in on at for with by from is are was were be been am i me my you your "
                       "it its this that do does did have has had will would can could any all at lately today "
                       "over there here how what what's whats how's hows".split())


def _occupation_words(d: Any) -> set[str]:
    words = _words(f"{d.occupation} {d.employer}")
    return {w for w in words if len(w) > 3} - _STOPWORDS


def _refused_or(refusal: bool, why: str) -> Verdict:
    return Verdict(REFUSED, "declined in character") if refusal else Verdict(FAILED, why)


def _identity_name(question: str, text: str, d: Any, party: str, tp_name: str,
                   expect_mismatch: bool | None, refusal: bool) -> Verdict:
    names = asked_names(question)
    wants_own_name = bool(re.search(r"\b(?:your name|who (?:am i|is this) (?:speaking|talking) (?:to|with)|"
                                    r"who(?:'?s| is) (?:this|speaking)|may i ask who)\b", question, re.IGNORECASE))
    low = text.lower()
    relation = re.search(r"\b(?:her|his|\w+'s) (roommate|sister|brother|mother|mom|father|dad|husband|wife|"
                         r"partner|friend|daughter|son|spouse|coworker)\b", question, re.IGNORECASE)
    if relation:
        if AFFIRM.search(text) or relation.group(1).lower() in low or DENY.search(text):
            return Verdict(ANSWERED, "said how they know the debtor")
        return _refused_or(refusal, "did not say how they know the debtor")
    if party == "third_party":
        if wants_own_name and not names:
            if tp_name and tp_name.lower() in low:
                return Verdict(ANSWERED, "gave her own name")
            return _refused_or(refusal, "did not give her name")
        if tp_name and any(n.lower() == tp_name.lower() for n in names):
            if AFFIRM.search(text) and not re.search(r"^\W*no\b", text, re.IGNORECASE):
                return Verdict(ANSWERED, "confirmed her own name")
            return _refused_or(refusal, "did not confirm her own name")
        if AFFIRM.search(text) and not DENY.search(text):
            return Verdict(FAILED, "a third party confirmed being the debtor")
        if DENY.search(text) or (tp_name and tp_name.lower() in low):
            return Verdict(ANSWERED, "said she is not the debtor")
        return _refused_or(refusal, "did not say she is not the debtor")
    mismatch = expect_mismatch
    if mismatch is None:
        own = {d.first_name.lower(), d.last_name.lower()}
        mismatch = bool(names) and any(n.lower() not in own for n in names)
    if wants_own_name and not names:
        if d.first_name.lower() in low or d.last_name.lower() in low:
            return Verdict(ANSWERED, "gave their name")
        return _refused_or(refusal, "did not give their name")
    if mismatch:
        if AFFIRM.search(text) and not DENY.search(text) and not re.search(
                rf"\b{re.escape(d.last_name.lower())}\b", low):
            return Verdict(FAILED, "confirmed a name that is not on the account")
        if DENY.search(text) or re.search(rf"\b{re.escape(d.last_name.lower())}\b", low):
            return Verdict(ANSWERED, "did not accept the wrong name")
        return _refused_or(refusal, "neither confirmed nor corrected the wrong name")
    if DENY.search(text) and not AFFIRM.search(text):
        return Verdict(FAILED, "denied the right name")
    if AFFIRM.search(text) or d.first_name.lower() in low:
        return Verdict(ANSWERED, "confirmed the name on the account")
    return _refused_or(refusal, "did not confirm who they are")


def _third_party_identity(intent: str, text: str, d: Any, refusal: bool) -> Verdict:
    leaked = (intent == "identity_dob" and says_dob(text, d.date_of_birth)) or (
        intent == "identity_ssn" and getattr(d, "ssn_last4", None) and d.ssn_last4 in text)
    if leaked:
        return Verdict(FAILED, "a third party gave out the debtor's details")
    if intent == "identity_phone":
        if YES_NO.search(text) or PHONE.search(text) or WHEREABOUTS.search(text):
            return Verdict(ANSWERED, "said whose number it is")
    if DENY.search(text) or re.search(r"\bi'?m (?:not|her|his|just)\b|\bnot (?:her|him)\b", text, re.IGNORECASE):
        return Verdict(ANSWERED, "said she is not the debtor")
    return _refused_or(refusal, "neither answered nor said she is not the debtor")
