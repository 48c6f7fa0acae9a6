"""Words that settle what ``combine`` keeps of a finding: a closing that ends the line,
a next step that confirms the debtor's request, a question that offers, a name that is
the speaker's own. Kept apart so that ``combine`` holds the decision and these its cases."""

from __future__ import annotations

from simulator.rxcache import compile as rx

#: A question that offers something (tester8's "Do you want an itemised statement from the
#: hospital ...?" read as a reflection and Gary repeated his complaint): no restatement.
OFFER_QUESTION = rx(r"\W*(?:(?:and|so|okay|ok|well|also)\W+)?(?:do\s+you\s+want|would\s+you\s+like|"
                    r"should\s+i|shall\s+i|can\s+i|could\s+i|(?:do\s+you\s+)?want\s+me\s+to)\b[^.!?]*\?")
#: The words a speaker names themselves with ("this Remy callin' from ...", "You're through
#: to Eleanor at ...", "We're Pinnacle Receivables"); a model-only self-identification without
#: any, whose names the debtor has just said, is their name read back (tester8's "Rachel Kim at
#: Kim & Ortiz Law Group." after the debtor named her attorney).
SELF_WORDS = rx(r"\b(?:i|i'm|im|i\s+am|my|me|myself|this|it's|its|call\w*|speaking|here|name's|name|we|we're|"
                r"our|us|you're|you\s+are|through\s+to)\b")
#: A name: a capitalised word of three letters or more.
NAME = rx(r"\b[A-Z][a-z]{2,}\b")
#: Moves that may follow a closing in the same line ("Thanks for your time. I'll mail the
#: letter today."); any other move after it means the call goes on.
GOES_ON_AFTER_CLOSING = frozenset({"closing", "next_steps", "recap_agreement", "greeting"})
#: A line that ends on a farewell ("thx kevin, talk to you later", "ok cool talk to u then
#: tony, be safe up there") closes the call whatever the model says: the model had vetoed
#: both in tester7's calls of 2026-12-03, and the debtor said "Sorry, what was that?".
FAREWELL_END = rx(r"\b(?:bye|goodbye|bye-bye|talk\s+(?:to\s+)?(?:you|u|ya)\s+(?:later|then|soon|tomorrow|tonight)|"
                  r"speak\s+(?:to|with)\s+you\s+(?:later|then|soon|tomorrow)|take\s+care|(?:be|stay)\s+safe"
                  r"(?:\s+(?:out|up|over|down)\s+there)?|have\s+a\s+(?:good|great|nice)\s+(?:one|day|night|evening|weekend))"
                  r"(?:\W+\w+){0,3}\W*$")
#: A next step that confirms what the debtor asked for (their attorney from now on, no more
#: calls, letters only) stands whatever the model says: tester9's "we'll contact her from now
#: on, not you" was vetoed and the debtor answered "I'm sorry, I don't follow."
CONFIRMS_REQUEST = rx(r"\b(?:we|i)(?:'ll|\s+will)\s+(?:only\s+)?(?:contact|call|deal\s+with|speak\s+with|talk\s+to|"
                      r"work\s+with|write\s+to|go\s+through)\s+(?:her|him|them|your\s+(?:attorney|lawyer|counsel))\b"
                      r"|\b(?:from\s+now\s+on|going\s+forward)\b[^.?!]{0,40}\b(?:not\s+you|in\s+writing|by\s+mail|no\s+(?:more\s+)?calls)\b")


def read_back(evidence: str, context: str | None) -> bool:
    """A name the debtor just said, said back without a word the speaker names themselves
    with (``SELF_WORDS``)."""
    if not context or SELF_WORDS.search(evidence.lower()):
        return False
    return len(set(NAME.findall(evidence)) & set(NAME.findall(context))) >= 2
