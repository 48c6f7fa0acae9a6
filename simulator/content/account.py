"""The account file a trainee reads before dialling, generated with Faker from a seed.

The same scenario and seed give the same file; values the scenario pins win.
Sections have the fixed ids of DESIGN.md section 3.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass, replace
from typing import Any, get_type_hints

from simulator.content.models import Persona, Scenario

#: The day practice calls take place on, so that a seed gives the same file on any day.
REFERENCE_DATE = dt.date(2026, 11, 20)

PRODUCTS = ("credit card", "personal loan", "store card", "line of credit", "auto loan deficiency")
CREDITOR_SUFFIXES = ("Bank", "Card Services", "Credit Union", "Financial", "Lending")
AGENCIES = ("Northgate Recovery", "Lakeshore Collections", "Summit Account Services")
CHANNELS = ("call", "letter", "email", "call")
#: Prior contacts, each with the channel it went by (a mailed notice is a letter).
CONTACTS: tuple[tuple[str, str], ...] = (
    ("letter", "Validation notice mailed to address on file."),
    ("call", "Call attempt, no answer. No voicemail left."),
    ("call", "Debtor answered, said it was a bad time and asked for a call back in the evening."),
    ("email", "Email reminder sent with balance and payment options."),
    ("call", "Call attempt, a family member answered; asked for the debtor by name only."),
)


def _pinned(pin: str | None, generated: str) -> str:
    """A pinned value wins; the generated one is still drawn so later values do not move."""
    return pin or generated


def money(x: float) -> str:
    """$1,240.00 — the one way amounts are shown to trainees and spoken by debtors."""
    return f"${x:,.2f}"


def spoken_money(x: float) -> str:
    """$85 or $85.50: how a person says an amount on the phone."""
    return f"${x:,.0f}" if abs(x - round(x)) < 0.005 else f"${x:,.2f}"


@dataclass(frozen=True)
class Debtor:
    """Who the account file says the debtor is."""

    first_name: str
    last_name: str
    date_of_birth: dt.date
    address: str
    state: str
    phone: str
    email: str
    employer: str
    age: int
    occupation: str
    household: str
    ssn_last4: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def street(self) -> str:
        return self.address.split(",")[0].strip()

    @property
    def city(self) -> str:
        parts = self.address.split(",")
        return parts[1].strip() if len(parts) > 2 else ""

    @property
    def zip(self) -> str:
        return self.address.split()[-1] if self.address.split() else ""


@dataclass(frozen=True)
class AccountInfo:
    """The account itself: number, creditors, product, balance and dates."""

    number: str
    creditor: str
    original_creditor: str
    product: str
    balance: float
    principal: float
    fees: float
    opened: dt.date
    last_payment_date: dt.date
    last_payment_amount: float
    days_past_due: int
    agency: str
    collector_name: str

    @property
    def last4(self) -> str:
        return self.number[-4:]


@dataclass(frozen=True)
class Payment:
    """One line of the payment history."""

    date: dt.date
    amount: float
    note: str


@dataclass(frozen=True)
class ContactNote:
    """One earlier contact with the debtor, as the account file notes it."""

    date: dt.date
    channel: str
    text: str


@dataclass(frozen=True)
class AccountFile:
    """What the trainee can read before dialling (DESIGN.md section 3)."""

    debtor: Debtor
    account: AccountInfo
    payments: tuple[Payment, ...]
    contacts: tuple[ContactNote, ...]
    policy: dict[str, Any]
    timezone: str
    call_date: dt.date = REFERENCE_DATE
    extra: dict[str, Any] = field(default_factory=dict)

    def sections(self) -> dict[str, list[tuple[str, str]]]:
        """The account file as labelled rows per section id, for screens and exports."""
        d, a, p = self.debtor, self.account, self.policy
        floor = p["settlement_floor"]
        return {
            "account_summary": [
                ("Creditor", a.creditor),
                ("Original creditor", a.original_creditor),
                ("Product", a.product),
                ("Account number", f"ending {a.last4}"),
                ("Balance", money(a.balance)),
                ("Principal", money(a.principal)),
                ("Fees and interest", money(a.fees)),
                ("Opened", a.opened.isoformat()),
                ("Days past due", str(a.days_past_due)),
            ],
            "payment_history": [
                (pm.date.isoformat(), f"{money(pm.amount)}  {pm.note}") for pm in self.payments
            ]
            or [("—", "No payments on record")],
            "contact_notes": [
                (c.date.isoformat(), f"[{c.channel}] {c.text}") for c in self.contacts
            ]
            or [("—", "No prior contact")],
            "debtor_profile": [
                ("Name", d.full_name),
                ("Date of birth", d.date_of_birth.isoformat()),
                ("SSN (last four)", d.ssn_last4),
                ("Address", d.address),
                ("Phone", d.phone),
                ("Email", d.email),
                ("Employer on file", d.employer),
                ("Time zone", self.timezone),
            ],
            "creditor_policy": [
                ("Settlement floor", f"{floor:.0%} of balance ({money(a.balance * floor)})"),
                ("Longest plan", f"{p['max_installments']} monthly payments"),
                ("Smallest instalment", money(p["min_installment"])),
                ("First payment", f"within {p['max_first_payment_days']} days"),
                ("Hardship programme", "available" if p["hardship_program"] else "not available"),
                ("Settlement offers valid", f"{p['settlement_deadline_days']} days"),
            ]
            + ([("Notes", p["notes"])] if p.get("notes") else [])
            + ([("Statute of limitations", "expired: time-barred debt; no suit may be brought, "
                 "threatened or suggested")] if p.get("time_barred") else []),
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_record(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO text): what a session record and a scorecard carry, so
        that a replay never regenerates the file with a Faker whose data may differ."""
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: Any) -> AccountFile:
        """The file a record carries (``to_record`` or ``to_dict`` output). A field this
        version added and the record lacks takes its default; a missing or mistyped
        required one raises ValueError naming it (``account.debtor.first_name: ...``)."""
        return _build(cls, data, "account")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _build(cls: type, data: Any, where: str) -> Any:
    """A frozen dataclass from a mapping, checking each field against its type hint."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping, got {type(data).__name__}")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ValueError(f"{where}.{f.name}: missing")
            continue
        values[f.name] = _value(hints[f.name], data[f.name], f"{where}.{f.name}")
    return cls(**values)


def _value(hint: Any, raw: Any, where: str) -> Any:
    import typing

    origin = typing.get_origin(hint)
    if is_dataclass(hint):
        return _build(hint, raw, where)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(raw, list | tuple):
            raise ValueError(f"{where}: expected a list, got {type(raw).__name__}")
        return tuple(_value(item, v, f"{where}[{i}]") for i, v in enumerate(raw))
    if origin is dict or hint is dict:
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: expected a mapping, got {type(raw).__name__}")
        return dict(raw)
    if hint is dt.date:
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            raise ValueError(f"{where}: not a date (YYYY-MM-DD): {raw!r}") from None
    if hint is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(f"{where}: expected a number, got {raw!r}")
        return float(raw)
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"{where}: expected a whole number, got {raw!r}")
        return raw
    if hint is str:
        if not isinstance(raw, str):
            raise ValueError(f"{where}: expected text, got {raw!r}")
        return raw
    return raw


_FAKERS: dict[Any, Any] = {}


def _faker() -> Any:
    """One Faker for the process, re-seeded for each account: building one costs several
    milliseconds (its providers), and ``collectsim check`` generates an account per check.
    A re-seeded instance gives what a new one would (tests/test_content_account.py). Kept
    per Faker class, so that a test (or a program) that puts another in its place gets it."""
    from faker import Faker

    made = _FAKERS.get(Faker)
    if made is None:
        _FAKERS.clear()
        made = _FAKERS[Faker] = Faker("en_US")
    return made


def generate_account(scenario: Scenario, persona: Persona, seed: int | None = None) -> AccountFile:
    """Build the account file for a scenario; deterministic in (scenario, seed)."""
    seed = scenario.seed if seed is None else seed
    fake = _faker()
    fake.seed_instance(seed)  # every value below depends only on the seed
    rng = random.Random(seed)
    pins = scenario.account
    dp = persona.debtor

    first = pins.debtor_first_name or dp.first_name or fake.first_name()
    last = pins.debtor_last_name or dp.last_name or fake.last_name()
    age = dp.age or rng.randint(24, 66)
    dob = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age) - dt.timedelta(
        days=rng.randint(1, 360)
    )
    state = pins.state or fake.state_abbr(include_territories=False)
    address = f"{fake.street_address()}, {fake.city()}, {state} {fake.zipcode()}"
    debtor = Debtor(
        first_name=first,
        last_name=last,
        date_of_birth=dob,
        address=address,
        state=state,
        phone=fake.numerify("(###) 555-0###"),
        email=f"{first.lower()}.{last.lower()}@{fake.free_email_domain()}",
        employer=_pinned(dp.employer, fake.company()),
        age=age,
        occupation=dp.occupation or fake.job(),
        household=dp.household or rng.choice(("lives alone", "lives with partner", "two children")),
    )

    creditor = pins.creditor or f"{fake.last_name()} {rng.choice(CREDITOR_SUFFIXES)}"
    balance = pins.balance or round(rng.uniform(600, 4800), 2)
    fees = round(balance * rng.uniform(0.08, 0.22), 2)
    dpd = pins.days_past_due if pins.days_past_due is not None else rng.randint(75, 240)
    opened = REFERENCE_DATE - dt.timedelta(days=rng.randint(700, 2600))
    last_pay_date = pins.last_payment_date or (
        REFERENCE_DATE - dt.timedelta(days=dpd + rng.randint(0, 20))
    )
    last_pay_amount = (
        pins.last_payment_amount
        if pins.last_payment_amount is not None
        else round(rng.uniform(25, 150), 0)
    )
    account = AccountInfo(
        number=pins.account_number or fake.numerify("4###########"),
        creditor=creditor,
        original_creditor=pins.original_creditor or creditor,
        product=pins.product or rng.choice(PRODUCTS),
        balance=balance,
        principal=round(balance - fees, 2),
        fees=fees,
        opened=opened,
        last_payment_date=last_pay_date,
        last_payment_amount=last_pay_amount,
        days_past_due=dpd,
        agency=pins.agency or rng.choice(AGENCIES),
        collector_name=pins.collector_name or fake.first_name(),
    )

    payments: list[Payment] = []
    when = last_pay_date
    for i in range(rng.randint(3, 6)):
        note = "on time" if i > 1 else rng.choice(("partial", "late", "on time"))
        amount = last_pay_amount if i == 0 else round(rng.uniform(40, 220), 0)
        payments.append(Payment(when, amount, note))
        when -= dt.timedelta(days=rng.randint(28, 35))
    payments.sort(key=lambda pm: pm.date)

    contacts: list[ContactNote] = []
    day = REFERENCE_DATE - dt.timedelta(days=min(dpd, 60))
    for _ in range(rng.randint(2, 4) + scenario.call.prior_attempts):
        rng.choice(CHANNELS)  # drawn and unused: keeps every later value of a seed as it was
        channel, text = rng.choice(CONTACTS[1:])  # one validation notice: the first note
        contacts.append(ContactNote(day, channel, text))
        day += dt.timedelta(days=rng.randint(5, 12))
    contacts = sorted({(c.date, c.channel, c.text): c for c in contacts}.values(), key=lambda c: c.date)
    contacts[0] = ContactNote(contacts[0].date, *CONTACTS[0])

    # Drawn last, so that every value above stays what it was for a seed.
    debtor = replace(debtor, ssn_last4=f"{rng.randint(0, 9999):04d}")
    return AccountFile(
        debtor=debtor,
        account=account,
        payments=tuple(payments),
        contacts=tuple(contacts),
        policy=scenario.policy.model_dump(),
        timezone=scenario.call.timezone,
    )
