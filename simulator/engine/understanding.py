"""What the debtor could make of a line, besides its moves and questions.

Is it English at all; is it only a listening noise ("Go on", "I'm listening"); does it
repeat something the trainee said before; does a name the caller gave match the
account file. Pure functions over the text, cheap enough for every turn.
"""

from __future__ import annotations

import re
import unicodedata

from simulator.rxcache import compile as rx

_WORD = rx(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)

#: Common English words (function words and the commonest of a collector's call).
_ENGLISH = frozenset("""
a about after again all also am an and any anything are as at back be because been before being
but by call calling can can't could did do does don't for from get go going good got had has have
he hello her here hi him his how i i'm if in is it it's just know let like make may me more my need
no not now of okay ok on one or our out pay payment please right say see she so some sorry sure
take tell thank thanks that that's the their them then there they this time to today u ur us want
was way we we'll well were what when where which who why will with work would yeah yes you you're
your account balance debt card month money help understand mean hear listening go yup nope hey
""".split())

#: Function words of languages a trainee might type instead (Spanish, French, Portuguese,
#: Italian, German, Dutch); a line made mostly of these is not English.
_FOREIGN = frozenset("""
el la los las de del que y en un una por para con es está esta este usted su sus señor señora
hola buenos buenas tardes días gracias como cómo cuando cuándo pero muy sí puede pagar deuda
le les du des et est vous nous je tu il elle pour avec dans sur bonjour merci votre vos pas une
o os as da do das dos em um uma com você não obrigado obrigada olá seu sua posso falar hablo llamo
il lo gli di che è per con sono buongiorno grazie lei suo
der die das und ist nicht sie ich du ein eine mit für guten tag danke bitte ihr ihre
het een en van ik je jij u niet dat met voor goedemiddag dank
""".split()) - _ENGLISH

#: Lines that only let the other person talk: back-channels and minimal encouragers.
_LISTEN = rx(
    r"^\W*(?:(?:okay|ok|alright|all right|right|sure|yes|yeah|yep|mm+(?:-?hm+)?|uh-huh|hm+|i see|"
    r"got it|gotcha|understood|no problem|no worries|of course|go on|go ahead|keep going|"
    r"take your time|i'?m (?:still )?(?:here|listening)|i'?m not going anywhere|i'?m with you|"
    r"please continue|carry on|and then|and\??|so\??|really\??|wow|oh|ah|sure thing|fair enough|"
    r"that'?s (?:fine|okay|ok|alright)|no rush|whenever you'?re ready|i hear you|"
    r"thanks(?: so much| a lot)?|thank you(?: so much| very much)?|great|perfect|cool|awesome|"
    r"wonderful|lovely|excellent|nice|(?:i )?appreciate (?:it|that))\W*)+$",
    re.IGNORECASE,
)

_NORM = rx(r"[^a-z0-9 ]+")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def is_english(text: str) -> bool:
    """False only for a line of three words or more that reads as another language:
    more of its words are other languages' function words than English ones, or it is
    mostly written in a script other than Latin."""
    letters = [] if text.isascii() else [c for c in text if c.isalpha()]
    if len(letters) >= 6:
        latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, "LATIN"))
        if latin / len(letters) < 0.5:
            return False
    ws = words(text)
    if len(ws) < 3:
        return True
    eng = sum(w in _ENGLISH for w in ws)
    foreign = sum(w in _FOREIGN for w in ws)
    return not (foreign >= 2 and foreign > eng)


#: The caller keeps the reason to themselves, as the law asks with a third party: "It's a
#: personal matter", "I can only talk about it with her". No move, but nothing unclear.
_PRIVATE = rx(
    r"\b(?:it'?s|it\s+is|that'?s|this\s+is)\s+(?:a\s+)?(?:personal|private)(?:\s+(?:matter|business|thing|call))?\b|"
    r"\b(?:only|just)\s+(?:discuss|talk\s+about|go\s+over|speak\s+about)\s+(?:it|this|that)\s+with\s+"
    r"(?:her|him|them|the\s+account\s+holder|\w+\s+directly)\b|"
    r"\bcan'?\s*(?:not|t)\s+(?:say|share|discuss|tell\s+you)\s+(?:more|anything\s+(?:more|else)|what\s+it'?s\s+about)\b",
    re.IGNORECASE)


def keeps_it_private(text: str) -> bool:
    """"It is personal, sorry, I can only talk about it with her.": understood (the debtor
    or whoever answered reacts as to a line with no move), not "Sorry, what was that?"."""
    return bool(_PRIVATE.search(text)) if len(text) < 400 else False


def only_listens(text: str) -> bool:
    """'Go on, I'm listening.' 'Take your time.' 'Mm-hm.': the trainee lets them talk."""
    return bool(_LISTEN.match(text.strip())) if len(text) < 120 else False


#: The caller asks to hear it again or reads it back to check it: what a careful collector
#: does, never a repeat ("sorry, could you say that number again?", "so just to sum up,
#: ... sound right?").
_CLARIFY = rx(
    r"\b(?:say (?:that|it|this|the)(?: \w+)? again|(?:repeat|spell) (?:that|it|this|the|your)|come again|"
    r"one more time|(?:didn'?t|did not) (?:quite )?(?:catch|get|hear)|missed (?:that|the)|"
    r"read (?:that|it|this|those|them) back|let me read|just to (?:confirm|make sure|double[- ]check|"
    r"be (?:sure|clear)|sum (?:it )?up|recap)|to (?:sum (?:it )?up|recap)|double[- ]check|"
    r"sound(?:s)? (?:right|good|correct)|(?:is|was) (?:that|this) (?:right|correct)|have (?:it|that) right|"
    r"did (?:you|u) say|was that|(?:i|we) got (?:that|it) right)\b",
    re.IGNORECASE)


_POLITE_LEAD = rx(
    r"^\W*(?:(?:sorry|i'?m sorry|pardon(?: me)?|excuse me|apologies|um+|uh+|oh|hmm+|hold on|wait)\W+|"
    r"(?:i )?(?:didn'?t|did not|couldn'?t) (?:quite )?(?:catch|get|hear) (?:that|it|you|what you said)\W+|"
    r"i (?:missed|lost) (?:that|it|you|what you said)\W+|(?:the )?line (?:cut|broke) (?:out|up)\W+)*",
    re.IGNORECASE)
_HEAR_AGAIN = rx(
    r"^(?:what was that|what did you (?:just )?say|come again|pardon|sorry|"
    r"(?:could|can|would) you (?:please )?(?:repeat|say) (?:that|it)(?: again)?(?: for me)?(?: please)?|"
    r"(?:please )?(?:repeat|say) (?:that|it) again(?: please)?|"
    r"(?:what|which) \w+(?: \w+)? (?:was|did you say) (?:that|it)?)\W*$",
    re.IGNORECASE)


def asks_to_hear_again(text: str) -> bool:
    """"Sorry, what was that?", "I didn't catch that, could you say it again?", "What
    county was that?": the debtor says their last line again (it was not heard)."""
    if len(text) > 120 or "?" not in text and not re.search(r"\bagain\b", text, re.IGNORECASE):
        return False
    rest = _POLITE_LEAD.sub("", text.strip())
    return bool(_HEAR_AGAIN.match(rest))


def checks_back(text: str) -> bool:
    """Asks to hear something again, or reads it back to confirm it: never a repeat."""
    return bool(_CLARIFY.search(text)) if len(text) < 2000 else False


#: Words any question may carry: sharing one makes no two questions the same ("when's a
#: better time?" and "is after six okay, or would the weekend be better?").
_GENERIC = frozenset("""
better best okay fine rather prefer maybe usually exactly actually instead still quick real
really also anything something everything else gonna wanna totally just
""".split())
_LEADS = frozenset("so and ok okay well then um uh oh sorry hey but".split())


def question_words(text: str, start: int, end: int) -> tuple[str, frozenset[str]]:
    """The sentence that holds text[start:end] (an ask's evidence), normalised, and its
    specific words: "is this a bad time?" and "when's a better time to call you?" share
    none. Two questions are the same when they share a specific word or read the same."""
    left = max(text.rfind(c, 0, start) for c in ".?!")
    ends = [i for i in (text.find(c, end) for c in ".?!") if i >= 0]
    sentence = text[left + 1:min(ends) if ends else len(text)]
    plain = " ".join(w for w in _NORM.sub(" ", sentence.lower()).split() if w not in _LEADS)
    return plain, _content(sentence) - _GENERIC


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _NORM.sub(" ", text.lower()).split()
                     if len(w) > 2 and w not in _ENGLISH)


def fingerprint(text: str) -> tuple[str, frozenset[str]]:
    """What :func:`similar` compares: the normalised text and its content words."""
    return " ".join(_NORM.sub(" ", text.lower()).split()), _content(text)


def similar(a: str | tuple[str, frozenset[str]], b: str | tuple[str, frozenset[str]]) -> bool:
    """Near enough the same line: the same words once fillers are gone (or the same text).
    Either side may be a :func:`fingerprint`, to compare one line with many cheaply."""
    na, ca = fingerprint(a) if isinstance(a, str) else a
    nb, cb = fingerprint(b) if isinstance(b, str) else b
    if na == nb and len(na) >= 8:
        return True
    if len(ca) < 3 or len(cb) < 3:
        return False
    return len(ca & cb) / len(ca | cb) >= 0.75


def name_matches(asked: str, first: str, last: str) -> bool:
    """Does the name a caller asked for fit the account's debtor? Every word of it must be
    the first or the last name (titles are already gone); a first name alone will do."""
    if not asked.strip():
        return True
    own = {first.lower(), last.lower(), f"{first} {last}".lower()}
    parts = [w.strip(".,'").lower() for w in asked.split()]
    parts = [p.removesuffix("'s") for p in parts if p]
    return all(p in own for p in parts)


#: The caller saying a letter, an agreement or a notice is on its way ("I'll mail you a
#: settlement letter today", "I'll send you the agreement in writing"): a debtor does not ask
#: for what was just promised (tester6 2.10: "Put it in writing, please").
_WRITING_PROMISED = rx(
    r"\b(?:i'?ll|i will|we'?ll|we will|i'?m (?:going to|gonna)|we'?re (?:going to|gonna)|(?:i|we) can|ill|you'?ll (?:get|receive))"
    r"\s+(?:\w+\s+){0,3}(?:mail|send|email|e-mail|write|post|put|get|receive)\b[^.?!]{0,60}"
    r"\b(?:letter|in writing|agreement|notice|confirmation|paperwork|statement|copy|receipt|email|e-mail)\b",
    re.IGNORECASE)


def promises_writing(text: str) -> bool:
    """Does the caller promise something in writing in this line?"""
    return bool(_WRITING_PROMISED.search(text))


_WH_OPENING = rx(r"^\W*(?:(?:so|and|ok(?:ay)?|well|oh|great|perfect|alright|all right|then|now|hon|honey|um|uh|"
                 r"no worries(?: at all)?|no problem)\W+)*(?:what|what's|whats|when|when's|whens|where|where's|"
                 r"which|who|who's|whom|whose|why|how)\b", re.IGNORECASE)


def wh_sentence(text: str, start: int) -> bool:
    """Is the sentence holding ``start`` a wh-question ("When's a better time?")? A "Yes" or
    a "Please." does not answer one (tester6 2.12, 2.13)."""
    left = max(text.rfind(c, 0, start) for c in ".?!")
    return bool(_WH_OPENING.match(text[left + 1:]))
