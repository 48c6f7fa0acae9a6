"""Promises the creditor never authorised: waiving fees, writing the debt off.

The creditor policy (``policy:`` in a scenario) says what the collector may offer: a
settlement floor, a longest plan, a smallest instalment, a hardship programme. It holds no
authority to waive fees or charges, nor to write the whole debt off, so promising either
("I'm sure the credit union will waive the late fees for you", "the hospital will write
the whole thing off": tester10 3.4, 3.5) goes past the creditor's authority and
misrepresents what the debtor will get (15 U.S.C. 1692e(10)). The rule extends
``beyond_authority``; a denied promise ("I can't promise they'll waive the fees") is none.
Importing this module registers it.
"""

from __future__ import annotations

import re

from scoring.circumstances import _affirmed
from scoring.compliance import EXTENSIONS, _add
from scoring.context import CallView
from scoring.scorecard import Compliance
from simulator.rxcache import compile as rx

#: A promise to waive fees or charges, or to write the whole debt off.
WAIVER = rx(
    r"\b(?:waive[sd]?|waiving|forgiv(?:e|es|en|ing)|drop(?:s|ped|ping)?|remov(?:e|es|ed|ing))\s+"
    r"(?:the\s+|your\s+|all\s+(?:the\s+|your\s+)?|any\s+|those\s+|these\s+|them\s+)?(?:late\s+|extra\s+|other\s+)?"
    r"(?:fees?|charges?|penalt(?:y|ies))\b|"
    r"\bwrit(?:e|es|ing)\s+(?:the\s+whole\s+(?:thing|balance|amount|debt|bill)|it\s+all|all\s+of\s+it|"
    r"the\s+(?:whole|entire)\s+(?:thing|balance|amount|debt|bill))\s+off\b|"
    r"\b(?:the\s+whole\s+thing|the\s+(?:whole|entire)\s+(?:balance|debt|bill)|it\s+all)\s+(?:will\s+be\s+|gets?\s+)?written\s+off\b",
    re.I)
CITATION = "creditor policy (no waiver or write-off authorised); 15 U.S.C. 1692e(10)"


def _promised_waiver(view: CallView, out: Compliance) -> None:
    """A waiver or write-off promised to the debtor, which no policy field authorises."""
    for t in view.turns:
        m = _affirmed(WAIVER, t.text)
        if m is not None and not any(v.rule == "beyond_authority" and v.turn == t.index for v in out.violations):
            _add(view, out, "beyond_authority", t.index, m.group(0),
                 f'promised what the creditor never authorised ("{m.group(0)}"): the policy allows no '
                 "waiver of fees and no write-off", citation=CITATION)


EXTENSIONS.setdefault("beyond_authority", []).append(_promised_waiver)
