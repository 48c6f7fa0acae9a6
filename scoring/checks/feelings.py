"""What in a debtor's words calls for empathy: a hardship felt now, or a feeling.

A reveal the persona marks as a hardship may be told as a plain fact ("I fell behind
during my PCS move from Germany last spring", "my repair shop closed back then, I do
handyman work now, steady enough": tester8); a refusal may carry a hardship no fact event
marks ("There's no way I can pay all of it. I'm barely covering rent.": tester9). The
empathy check reads these words to tell the two apart.
"""

from __future__ import annotations

import re

from simulator.rxcache import compile as rx

#: A hardship felt now, or a feeling, in the debtor's own words.
DISTRESS = rx(
    r"\b(?:barely|struggl\w*|can'?t\s+(?:afford|pay|make|keep\s+up|cover)|no\s+way\s+i\s+can|"
    r"lost\s+(?:my|our)\s+(?:job|work|house|home|husband|wife|son|daughter)|laid\s+off|"
    r"hours\s+(?:were\s+|got\s+)?cut|cut\s+(?:my|our|the\s+whole)\b|rent\s+first|behind\s+on\s+(?:rent|everything|"
    r"the\s+bills|bills)|out\s+of\s+work|unemploy\w*|broke\b|nothing\s+left|scared|afraid|worried|worry\w*|"
    r"stress\w*|embarrass\w*|ashamed|overwhelm\w*|sick\b|illness|hospital|medical|surgery|cancer|died|"
    r"passed\s+away|funeral|divorc\w*|crying|terrified|humiliat\w*|desperate|drowning)", re.I)

#: The same words, narrowed to a hardship (not anger, which the escalation events cover):
#: what makes a reply with no reveal event call for empathy.
HARDSHIP_SAID = rx(
    r"\b(?:barely\s+(?:covering|making|getting|paying|keeping)|can'?t\s+(?:afford|keep\s+up|cover\s+(?:rent|the\s+rent))|"
    r"lost\s+(?:my|our)\s+(?:job|work|house|home)|laid\s+off|hours\s+(?:were\s+|got\s+)?cut|out\s+of\s+work|"
    r"behind\s+on\s+(?:rent|everything|the\s+bills|bills)|nothing\s+left)", re.I)


def distress(text: str) -> str | None:
    """The words that show a hardship felt now or a feeling, if any."""
    m = DISTRESS.search(text or "")
    return m.group(0) if m else None


def hardship_said(text: str) -> str | None:
    """A hardship said in a reply that no reveal event marks ("I'm barely covering rent")."""
    m = HARDSHIP_SAID.search(text or "")
    return m.group(0) if m else None


__all__ = ["DISTRESS", "HARDSHIP_SAID", "distress", "hardship_said"]
