"""Wrap-up: document what was agreed. Each field says what is wrong with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, TextArea

from simulator.app import forms
from simulator.app.text import join, show_error

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp

OUTCOMES = [
    ("Payment plan", "payment_plan"),
    ("Settlement", "settlement"),
    ("Full payment", "full_payment"),
    ("Promise to pay", "promise_to_pay"),
    ("No agreement", "no_agreement"),
    ("Dispute", "dispute"),
    ("Callback", "callback"),
    ("Refused", "refused"),
]
METHODS = [
    ("Debit card", "debit_card"),
    ("Credit card", "credit_card"),
    ("Bank transfer", "bank_transfer"),
    ("Check", "check"),
    ("Cash", "cash"),
    ("Online", "online"),
    ("Money order", "money_order"),
]
#: (field id, label, placeholder)
INPUTS = [
    ("total_amount", "Total", "e.g. 600.00"),
    ("installment_amount", "Instalment", "e.g. 75.00"),
    ("installments", "Instalments (count)", "e.g. 8"),
    ("first_payment_date", "First payment date", "YYYY-MM-DD"),
]
FIELDS = ["outcome", "total_amount", "installment_amount", "installments",
          "first_payment_date", "payment_method", "follow_up_date"]


class WrapUpScreen(Screen[None]):
    """The agreement form; ctrl+s submits and shows the scorecard."""

    BINDINGS = [Binding("ctrl+s", "submit", "Submit", priority=True)]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self, session: Any, notes: str) -> None:
        super().__init__()
        self.session = session
        self.notes = notes

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="wrap-main"):
            with VerticalScroll(id="wrap-form"):
                yield Label("Agreement", classes="section-title")
                yield Label("Outcome")
                yield Select(OUTCOMES, prompt="how did the call end?", id="outcome", compact=True)
                yield Static("", id="err-outcome", classes="field-error")
                for field, label, placeholder in INPUTS:
                    yield Label(label)
                    yield Input(placeholder=placeholder, id=field, compact=True)
                    yield Static("", id=f"err-{field}", classes="field-error")
                yield Label("Payment method")
                yield Select(METHODS, prompt="method", id="payment_method", compact=True)
                yield Static("", id="err-payment_method", classes="field-error")
                yield Label("Follow-up date")
                yield Input(placeholder="YYYY-MM-DD", id="follow_up_date", compact=True)
                yield Static("", id="err-follow_up_date", classes="field-error")
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
        lines = [("Call result: ", "bold"), result.outcome.replace("_", " "), "\n",
                 ("Call date: ", "bold"), f"{call_date:%a %Y-%m-%d}", "\n"]
        # Only coach mode shows what the engine recorded; in assessment mode documenting
        # the terms from memory and notes is part of what is graded.
        if result.agreed is not None and getattr(self.app, "coach", True):
            a = result.agreed
            lines += [("Agreed in the call: ", "bold"), f"{a.kind.replace('_', ' ')}"]
            if a.total:
                lines.append(f", total ${a.total:,.2f}")
            if a.count:
                lines.append(f", {a.count} × ${a.monthly:,.2f}")
            if a.first_date:
                lines.append(f", first {a.first_date:%Y-%m-%d}")
            lines.append("\n")
        lines.append(("Document what was agreed; the scorer checks it against the call.", "italic"))
        self.query_one("#wrap-summary", Static).update(join(*lines))
        self.query_one("#outcome", Select).focus()

    def _values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for field in ("outcome", "payment_method"):
            v = self.query_one(f"#{field}", Select).value
            values[field] = "" if v is Select.NULL else str(v)
        for field in ("total_amount", "installment_amount", "installments",
                      "first_payment_date", "follow_up_date"):
            values[field] = self.query_one(f"#{field}", Input).value
        return values

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        agreement, errors = forms.read_agreement(self._values())
        for field in FIELDS:
            show_error(self.query_one(f"#err-{field}", Static), errors.get(field, ""))
        if agreement is None:
            self.notify(f"{len(errors)} field(s) to fix: " + "; ".join(errors.values()),
                        severity="error", title="Wrap-up")
            first = next((f for f in FIELDS if f in errors), None)
            if first:
                self.query_one(f"#{first}").focus()
            return
        self.app.submit_wrap_up(agreement, self.query_one("#wrap-notes", TextArea).text)
