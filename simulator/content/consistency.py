"""Consistency lint: a persona whose words contradict its own facts, its variants or its
scenario's account file, and scenario text that contradicts the persona.

What is checked (each a warning at the line of the contradicting text):

- the situation a summary or a scenario names ("cut hours") is the one the facts tell
  (a job loss);
- a month a summary or scenario names is the month every version of the story has;
- a name a debtor gives for themselves ("it's Gary") is the debtor's, in every variant;
  a first name a scenario mentions belongs to someone in the call;
- an organisation a persona names (a business, a card) is the pinned employer, or the
  scenario's creditor or agency, so the account file says the same;
- amounts: a monthly figure a persona says it can pay is within its numbers in every
  variant; a bill or balance a persona or scenario mentions is the account's balance;
  the monthly result a scenario hopes for is one every variant can pay.

The rules read text, so they are deliberately narrow: each looks only at phrasings that
plainly state a fact, and names only what it found and where.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.rxcache import compile as rx

P = tuple[Any, ...]

#: Situations a story can be about, as a summary or a scenario would name them.
SITUATIONS: dict[str, re.Pattern[str]] = {
    "a job loss": rx(r"\b(?:lost (?:my|her|his|their|a|the) (?:\w+ )?job|laid off|job loss|"
                             r"let go|out of work|unemployed|between jobs|cut the whole)\b", re.I),
    "cut hours": rx(r"\b(?:cut hours|hours (?:were |got |have been )?cut|reduced hours|"
                            r"fewer hours|cut (?:my|her|his) hours)\b", re.I),
    "medical bills": rx(r"\b(?:medical bills?|hospital bills?|surgery|chemo|er visit|"
                                r"emergency room|\ber\b)", re.I),
    "a divorce": rx(r"\b(?:divorce|separated|split up)\b", re.I),
    "a death in the family": rx(r"\b(?:passed away|died|funeral|widow)\b", re.I),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH = rx(r"\b(" + "|".join(MONTHS) + r")\b")
_SELF_NAME = rx(r"\b(?:[Tt]his is|[Ii]t'?s|I'?m|[Mm]y name is|[Nn]ame'?s)\s+([A-Z][a-z]+)\b"
                        r"(?!\s*[,.]?\s*(?:her|his) )")
_NOT_NAMES = frozenset("Okay Sorry Yes Yeah No Fine Alright Still Just Not Really Good Great Me "
                       "Him Her Nothing Mine True Tony's".split())
_ORG_SUFFIX = (r"(?:Heating and Air|Heating & Air|Plumbing|Electric|Inc\.?|LLC|Company|Co\.|Corp\.?|"
               r"Bank(?: Visa)?|Card Services|Credit Union|Financial|Lending|Recovery|Collections|"
               r"Hospital|Medical Center|Clinic|Cable(?: & Internet)?|Wireless|Insurance|Motors|"
               r"Auto Body|Body Shop)")
_ORG = rx(r"\b((?:[A-Z][a-z]+\.?\s+){1,3}" + _ORG_SUFFIX + r")")
_PER_MONTH = rx(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*(?:a|per|each)\s+month", re.I)
_BILL = rx(r"\b(?:bill for|balance of|owes?|owed|a bill of|balance is)\s+(\$\s?[\d,.]+|"
                   r"(?:[a-z]+[\s-]+){0,3}?(?:hundred|thousand|grand)(?:\s+(?:bucks|dollars))?)", re.I)
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def spoken_amount(text: str) -> float | None:
    """'$1,875' -> 1875; 'eighteen hundred bucks' -> 1800; 'nine grand' -> 9000."""
    t = text.lower().replace(",", "").replace("$", "").strip()
    m = re.match(r"^(\d+(?:\.\d+)?)", t)
    if m:
        return float(m.group(1))
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", t):
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "grand"):
            total += (current or 1) * 1000
            current = 0
    total += current
    return total or None


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """US first names (Faker's list, read from its data file, not imported: that is slow)."""
    spec = importlib.util.find_spec("faker")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "providers" / "person" / "en_US" / "__init__.py"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    start, end = text.find("first_names_female"), text.find("last_names")
    return frozenset(re.findall(r"\(\"([A-Z][a-z]+)\",", text[start:end])) - set(MONTHS)


# --------------------------------------------------------------------------- reading

def _dict(v: Any) -> dict[Any, Any]:
    return v if isinstance(v, dict) else {}


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _text(v: Any) -> str | None:
    if isinstance(v, str):
        return v
    if isinstance(v, dict) and isinstance(v.get("text"), str):
        return v["text"]
    return None


def debtor_lines(d: dict[Any, Any]) -> Iterator[tuple[P, str]]:
    """Every line the debtor may say, with its path."""
    for j, v in enumerate(_list(d.get("opening"))):
        if (t := _text(v)) is not None:
            yield ("opening", j), t
    for i, s in enumerate(_list(d.get("states"))):
        for key in ("lines", "idle"):
            for j, v in enumerate(_list(_dict(s).get(key))):
                if (t := _text(v)) is not None:
                    yield ("states", i, key, j), t
    for i, tr in enumerate(_list(d.get("transitions"))):
        for j, v in enumerate(_list(_dict(tr).get("say"))):
            if (t := _text(v)) is not None:
                yield ("transitions", i, "say", j), t
    for intent, answers in _dict(d.get("answers")).items():
        for i, a in enumerate(_list(answers)):
            for key in ("say", "again"):
                for j, v in enumerate(_list(_dict(a).get(key))):
                    if (t := _text(v)) is not None:
                        yield ("answers", intent, i, key, j), t


def versions(d: dict[Any, Any]) -> list[dict[str, Any]]:
    """The persona as written and each variant: name, pins, numbers, filled fact texts."""
    base_details = {k: str(v) for k, v in _dict(d.get("details")).items()}
    base_pins = _dict(d.get("debtor"))
    base_numbers = _dict(d.get("numbers"))
    facts = {k: _dict(v) for k, v in _dict(d.get("facts")).items()}
    out = []
    for i, v in enumerate([None, *_list(d.get("variants"))]):
        v = _dict(v)
        details = {**base_details, **{k: str(x) for k, x in _dict(v.get("details")).items()}}
        pins = {**base_pins, **{k: x for k, x in _dict(v.get("debtor")).items() if x is not None}}
        numbers = {**base_numbers, **_dict(v.get("numbers"))}
        texts: dict[str, str] = {}
        for name, f in facts.items():
            change = _dict(_dict(v.get("facts")).get(name))
            text = change.get("text", f.get("text", ""))
            if isinstance(text, str):
                texts[name] = re.sub(r"\{detail\.([a-z_0-9]+)\}",
                                     lambda m, dd=details: dd.get(m.group(1), m.group(0)), text)
        out.append({"name": "as written" if i == 0 else str(v.get("name", f"variant {i}")),
                    "pins": pins, "numbers": numbers, "facts": texts,
                    "kinds": {k: _dict(f).get("kind", "info") for k, f in facts.items()}})
    return out


def _situations(text: str) -> set[str]:
    return {name for name, rx in SITUATIONS.items() if rx.search(text)}


def _story(version: dict[str, Any]) -> str:
    return " ".join(version["facts"].values())


# --------------------------------------------------------------------------- checks

def _situation_and_months(path: P, text: str, vs: list[dict[str, Any]], what: str) -> Iterator[tuple[P, str]]:
    told = set().union(*(_situations(_story(v)) for v in vs)) if vs else set()
    for named in sorted(_situations(text) - told):
        if told:
            yield path, (f"{what} speaks of {named}, but the persona's story is {' and '.join(sorted(told))}")
    story_months = [set(_MONTH.findall(_story(v))) for v in vs]
    for month in sorted(set(_MONTH.findall(text))):
        if any(month in m for m in story_months):
            missing = [v["name"] for v, m in zip(vs, story_months, strict=True) if month not in m]
            if missing:
                yield path, (f"{what} names {month}, but in variant '{missing[0]}' the story "
                             f"happens in another month; leave the month out or make it the same")


def persona_problems(d: dict[Any, Any]) -> list[tuple[P, str]]:
    """A persona against itself (and its variants)."""
    out: list[tuple[P, str]] = []
    vs = versions(d)
    for key in ("summary", "name"):
        if isinstance(d.get(key), str):
            out += _situation_and_months((key,), d[key], vs, key)
    own = {str(v["pins"].get(k)) for v in vs for k in ("first_name", "last_name") if v["pins"].get(k)}
    firsts = {str(v["pins"]["first_name"]) for v in vs if v["pins"].get("first_name")}
    employers = {str(v["pins"].get("employer")) for v in vs}
    for path, text in debtor_lines(d):
        for m in _SELF_NAME.finditer(text):
            name = m.group(1)
            if name in _NOT_NAMES or name not in first_names() or name in own and len(firsts) <= 1:
                continue
            if d.get("party", "debtor") == "debtor":
                yield_msg = (f"the debtor calls themselves '{name}', but the debtor is "
                             f"{' or '.join(sorted(firsts)) or 'not named'}"
                             + (" in some variant" if name in own else "")
                             + "; write {debtor.first_name}")
                out.append((path, yield_msg))
        for m in _PER_MONTH.finditer(text):
            amount = float(m.group(1).replace(",", ""))
            for v in vs:
                cap = float(v["numbers"].get("monthly_capacity", 0) or 0)
                low = float(v["numbers"].get("min_monthly", 0) or 0)
                if cap and not (low <= amount <= cap + 0.5):
                    out.append((path, f"says it can pay ${amount:,.0f} a month, but in variant "
                                f"'{v['name']}' monthly_capacity is {cap:g} (min_monthly {low:g}); "
                                "write {persona.monthly_capacity} or {counter.monthly}"))
                    break
        for m in _ORG.finditer(text):
            org = m.group(1)
            if any(org == e or org in e for e in employers if e and e != "None"):
                continue
            if re.search(r"(?:this is|work (?:at|for)|manage|run|own|outfit,?)\s*$", text[:m.start()].lower()) \
                    or re.match(r"\s*,\s*this is", text[m.end():].lower()):
                out.append((path, f"names '{org}' as the debtor's work, but debtor.employer is "
                            f"{'not pinned' if not employers - {'None'} else next(iter(employers))}; "
                            "pin it and write {debtor.employer}, so the account file says the same"))
    return out


def scenario_problems(s: dict[Any, Any], persona: dict[Any, Any]) -> list[tuple[P, str]]:
    """Scenario text against its persona, and the persona's words against the account pins."""
    out: list[tuple[P, str]] = []
    vs = versions(persona)
    pins = _dict(s.get("account"))
    call = _dict(s.get("call"))
    tp = _dict(call.get("third_party"))
    people = {str(v["pins"].get("first_name")) for v in vs} | {
        str(pins.get("debtor_first_name")), str(tp.get("name")), str(pins.get("collector_name"))}
    # The persona's own display name and id may name it ("Maria 2 (hardship)").
    people |= set(re.findall(r"[A-Z][a-z]+", f"{persona.get('name', '')} {str(persona.get('id', '')).title()}"))
    caps = [(v["name"], float(v["numbers"].get("monthly_capacity", 0) or 0)) for v in vs]
    balance = pins.get("balance")
    for key in ("title", "description", "objective_hint"):
        text = s.get(key)
        if not isinstance(text, str):
            continue
        out += _situation_and_months((key,), text, vs, key)
        for name in sorted(set(re.findall(r"\b([A-Z][a-z]+)\b(?!')", text)) & first_names()):
            if name not in people and name not in _NOT_NAMES:
                out.append(((key,), f"{key} names '{name}', who is not in this call (the debtor is "
                            f"{' or '.join(sorted(p for p in people if p != 'None'))})"))
        for m in _PER_MONTH.finditer(text):
            amount = float(m.group(1).replace(",", ""))
            short = [(n, c) for n, c in caps if c and amount > c + 0.5]
            if short:
                out.append(((key,), f"{key} counts on ${amount:,.0f} a month, but in variant "
                            f"'{short[0][0]}' the debtor can pay at most ${short[0][1]:,.0f}"))
        out += _balance((key,), text, balance, f"{key}")
    creditor_words = " ".join(str(pins.get(k) or "") for k in ("creditor", "original_creditor", "agency"))
    employers = {str(v["pins"].get("employer")) for v in vs}
    for path, text in debtor_lines(persona):
        out += [(("persona",) + path, msg) for _, msg in _balance(path, text, balance, "a debtor line")]
        for m in _ORG.finditer(text):
            org = m.group(1)
            if org in creditor_words or any(org in e for e in employers) or "{" in org:
                continue
            out.append((("persona",) + path, f"a debtor line names '{org}', which is neither the "
                        "account's creditor nor agency nor the debtor's employer; use "
                        "{account.creditor}, {agency.name} or {debtor.employer}"))
    return out


def _balance(path: P, text: str, balance: Any, what: str) -> list[tuple[P, str]]:
    if not isinstance(balance, int | float):
        return []
    out = []
    for m in _BILL.finditer(text):
        amount = spoken_amount(m.group(1))
        if amount and amount >= 50 and abs(amount - balance) > 0.15 * balance:
            out.append((path, f"{what} puts the bill at {m.group(1)!r}, but the account's balance "
                        f"is ${balance:,.2f}"))
    return out
