"""Wrap-up: document what was agreed. Each field says what is wrong with it.

The form shows the fields the chosen outcome needs and no others: the scorer's own
table of required fields (``scoring.checks.documentation.REQUIRED``) decides, so the
form and the grade never disagree about what a callback or a dispute must record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, TextArea

from simulator import words
from simulator.app import forms
from simulator.app.text import join, show_error

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp

#: The order outcomes are offered in: agreements first, then the rest of DESIGN.md
#: section 8's list. Outcomes the record model does not accept are left out.
OUTCOME_ORDER = ("payment_plan", "settlement", "full_payment", "promise_to_pay", "callback",
                 "dispute", "validation_requested", "cease_requested", "attorney", "wrong_party", "hung_up",
                 "refused", "no_agreement", "bankruptcy", "deceased")
METHODS = [
    ("Debit card", "debit_card"),
    ("Credit card", "credit_card"),
    ("Bank transfer", "bank_transfer"),
    ("Check", "check"),
    ("Cash", "cash"),
    ("Online", "online"),
    ("Money order", "money_order"),
    ("Pay allotment", "allotment"),
]
#: (field id, label, placeholder) of the typed fields.
INPUTS = {
    "total_amount": ("Total", "e.g. 600.00"),
    "installment_amount": ("Instalment", "e.g. 75.00"),
    "installments": ("Instalments (count)", "e.g. 8"),
    "first_payment_date": ("First payment date", "YYYY-MM-DD"),
    "follow_up_date": ("Follow-up date", "YYYY-MM-DD"),
}
#: Every field after the outcome, in form order.
FIELDS = ["total_amount", "installment_amount", "installments", "first_payment_date",
          "payment_method", "follow_up_date"]


def outcomes() -> list[str]:
    """The outcomes the session record accepts, in the order the form offers them."""
    from simulator.content.models import AgreementOutcome

    accepted = set(get_args(AgreementOutcome))
    known = [o for o in OUTCOME_ORDER if o in accepted]
    return known + sorted(accepted - set(known))


def fields_for(outcome: str) -> tuple[str, ...]:
    """The fields an outcome needs, as the scorer's documentation check reads them."""
    from scoring.checks.documentation import REQUIRED

    return tuple(f for f in FIELDS if f in REQUIRED.get(outcome, ()))


class WrapUpScreen(Screen[None]):
    """The agreement form; ctrl+s submits and shows the scorecard."""

    BINDINGS = [Binding("ctrl+s", "submit", "Submit", priority=True)]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self, session: Any, notes: str, coach: bool = True) -> None:
        super().__init__()
        self.session = session
        self.notes = notes
        self.coach = coach
        self._slip_warned: dict[str, Any] | None = None  # a plan that does not add up, warned once

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="wrap-main"):
            with VerticalScroll(id="wrap-form"):
                yield Label("Agreement", classes="section-title")
                yield Label("Outcome")
                yield Select([(words.outcome(o).capitalize(), o) for o in outcomes()],
                             prompt="how did the call end?", id="outcome", compact=True)
                yield Static("", id="err-outcome", classes="field-error")
                yield Static("Choose the outcome: the fields it needs appear here.",
                             id="wrap-fields-hint")
                for field in FIELDS:
                    with Vertical(id=f"box-{field}", classes="wrap-field"):
                        if field == "payment_method":
                            yield Label("Payment method")
                            yield Select(METHODS, prompt="method", id=field, compact=True)
                        else:
                            label, placeholder = INPUTS[field]
                            yield Label(label)
                            yield Input(placeholder=placeholder, id=field, compact=True)
                        yield Static("", id=f"err-{field}", classes="field-error")
            with Vertical(id="wrap-side"):
                yield Static("", id="wrap-summary")
                yield Label("Notes", classes="section-title")
                yield TextArea(self.notes, id="wrap-notes", soft_wrap=True)
                yield Button("Submit  ctrl+s", id="submit", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.app.steady_cursors(self)
        self.sub_title = f"Wrap-up · {self.session.scenario.title}"
        result = self.session.result()
        call_date = self.session.account.call_date
        # The call's own day: "today" in the call means this date, not the clock's.
        lines = [("Call result: ", "bold"), words.outcome(result.outcome), "\n",
                 ("Call date: ", "bold"), f"{call_date:%a %Y-%m-%d}", "\n"]
        # Only coach mode shows what the engine recorded; in assessment mode documenting
        # the terms from memory and notes is part of what is graded.
        if result.agreed is not None and self.coach:
            a = result.agreed
            lines += [("Agreed in the call: ", "bold"), words.outcome(a.kind)]
            if a.total:
                lines.append(f", total ${a.total:,.2f}")
            if a.count:
                lines.append(f", {words.instalments(a.count, a.monthly, a.total)}")
            if a.first_date:
                lines.append(f", first {a.first_date:%Y-%m-%d}")
            lines.append("\n")
        lines.append(("Document what was agreed; the scorer checks it against the call.", "italic"))
        self.query_one("#wrap-summary", Static).update(join(*lines))
        self._show_fields("")
        self.query_one("#outcome", Select).focus()

    # ---------------------------------------------------------------- the form
    @property
    def outcome(self) -> str:
        value = self.query_one("#outcome", Select).value
        return "" if value is Select.NULL else str(value)

    def _show_fields(self, outcome: str) -> None:
        needed = fields_for(outcome) if outcome else ()
        for field in FIELDS:
            self.query_one(f"#box-{field}").display = field in needed
        hint = self.query_one("#wrap-fields-hint", Static)
        if not outcome:
            hint.update("Choose the outcome: the fields it needs appear here.")
        elif not needed:
            hint.update(join((f"{words.outcome(outcome).capitalize()}: ", "bold"),
                             "no terms to record. Write what happened in the notes."))
        else:
            hint.update("")
        hint.display = bool(hint.content)

    @on(Select.Changed, "#outcome")
    def _outcome_changed(self) -> None:
        self._show_fields(self.outcome)

    def _values(self) -> dict[str, str]:
        """What the form says, with fields the outcome does not need left out."""
        outcome = self.outcome
        needed = fields_for(outcome) if outcome else ()
        values: dict[str, str] = {"outcome": outcome}
        for field in FIELDS:
            widget = self.query_one(f"#{field}")
            if field not in needed:
                values[field] = ""
            elif isinstance(widget, Select):
                values[field] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                values[field] = widget.value  # type: ignore[attr-defined]
        return values

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        self.app.after_typing(self._submit)

    def _submit(self) -> None:
        if not self.is_current:
            return
        agreement, errors = forms.read_agreement(self._values())
        for field in ("outcome", *FIELDS):
            show_error(self.query_one(f"#err-{field}", Static), errors.get(field, ""))
        if agreement is None:
            # Each message is under its field and the first is focused: no toast, which
            # would only repeat them over the Submit button at 80x24.
            first = next((f for f in ("outcome", *FIELDS) if f in errors), None)
            if first:
                self.query_one(f"#{first}").focus()
            return
        slip = forms.plan_does_not_add_up(agreement)
        if slip and self._slip_warned != agreement:
            self._slip_warned = agreement
            show_error(self.query_one("#err-installments", Static), slip)
            self.query_one("#installments").focus()
            return
        self.app.submit_wrap_up(agreement, self.query_one("#wrap-notes", TextArea).text)
