"""Persona variants: the same debtor with other names, numbers and story details.

A scenario's own seed plays the persona as written (so shipped examples and checks keep
their call); every other seed picks a version in turn, so a trainee who replays with a
new seed cannot rely on last time's numbers or story. Story details (``details:``) are
written into the facts here, so the scorer quotes the facts as the debtor told them.
"""

from __future__ import annotations

from typing import Any

from simulator.content.models import Fact, Persona

_NUMBERS = ("trust", "irritation", "patience", "lump_sum", "monthly_capacity", "min_monthly")


def variant_index(persona: Persona, scenario_seed: int, seed: int) -> int:
    """0 (the persona as written) for the scenario's own seed; the others in turn."""
    return (seed - scenario_seed) % (1 + len(persona.variants))


def variant_name(persona: Persona, index: int) -> str:
    return "as written" if index == 0 else persona.variants[index - 1].name


def _fill_details(text: str, details: dict[str, str]) -> str:
    from simulator.engine.lines import fill

    return fill(text, {"detail": details}) if "{detail." in text else text


def apply_variant(persona: Persona, index: int) -> Persona:
    """The persona as variant ``index`` has it (0: as written), details filled into facts."""
    update: dict[str, Any] = {}
    details = dict(persona.details)
    facts = {k: f.model_copy() for k, f in persona.facts.items()}
    if index:
        v = persona.variants[index - 1]
        pins = persona.debtor.model_dump()
        pins.update({k: val for k, val in v.debtor.model_dump().items() if val is not None})
        update["debtor"] = persona.debtor.model_validate(pins)
        numbers = persona.numbers.model_copy(deep=True)
        custom = dict(numbers.custom)
        for k, val in v.numbers.items():
            if k in _NUMBERS:
                setattr(numbers, k, val)
            else:
                custom[k] = val
        numbers.custom = custom
        update["numbers"] = numbers
        details.update(v.details)
        for name, change in v.facts.items():
            base = facts[name]
            facts[name] = Fact(
                text=change.text if change.text is not None else base.text,
                kind=base.kind,
                keywords=change.keywords if change.keywords is not None else base.keywords,
                recall=change.recall if change.recall is not None else base.recall,
            )
        if v.preferred_method:
            update["preferred_method"] = v.preferred_method
    update["details"] = details
    update["facts"] = {
        k: f.model_copy(update={"text": _fill_details(f.text, details),
                                "recall": _fill_details(f.recall, details)})
        for k, f in facts.items()
    }
    return persona.model_copy(update=update)
