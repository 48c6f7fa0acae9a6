"""Preparation: read the account file, set a plan, choose when to call, dial.

Which sections the trainee opened before dialling becomes ``Preparation.reviewed``,
which the scorer grades; the "Brief" entry is not a section of the account file: it
is ticked once shown, but never counted as read.

What was read and typed is kept as a draft per scenario while the app runs, so going
back to Home and returning (or the palette) never loses the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from simulator import words
from simulator.app import forms
from simulator.app.screens.home import persona_label
from simulator.app.text import join, literal, show_error

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp, ScenarioInfo


def call_date() -> Any:
    """The day of every new call (what "December 15th" or "in two weeks" count from)."""
    from simulator.content.account import REFERENCE_DATE

    return REFERENCE_DATE


SECTIONS: dict[str, str] = {
    "brief": "Brief",
    "account_summary": "Account summary",
    "payment_history": "Payment history",
    "contact_notes": "Contact notes",
    "debtor_profile": "Debtor profile",
    "creditor_policy": "Creditor policy",
}
OBJECTIVES = [("Full payment", "full_payment"), ("Settlement", "settlement"), ("Payment plan", "payment_plan")]
TYPED = ("settlement_floor", "max_installments", "opening", "call_time")
PLAN = ("objective", "settlement_floor", "max_installments", "opening")


class Pane(VerticalScroll, can_focus=False):
    """A scrolling pane that Tab passes over: from the section list, one Tab reaches
    the plan's first field. PageUp/PageDown scroll the account file instead."""


class PreparationScreen(Screen[None]):
    """The account file, the plan form and the call time."""

    BINDINGS = [
        Binding("f5", "dial", "Dial", priority=True),
        Binding("escape", "app.home", "Back"),
        *[Binding(str(i), f"open_section({i - 1})", show=False) for i in range(1, 7)],
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self, info: ScenarioInfo) -> None:
        super().__init__()
        self.info = info
        self.reviewed: list[str] = []
        self.brief_seen = False
        self.sections: dict[str, list[tuple[str, str]]] = {}
        self.empty_plan_warned = False
        self.late_warned: str | None = None  # the out-of-hours time already warned about
        self.seed: int | None = None  # the seed of the account file shown (set once loaded)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="prep-main"):
            with Vertical(id="account-pane"):
                yield Label("Account file (1-6 open a section)", classes="section-title")
                yield OptionList(*[Option(self._prompt(k), id=k) for k in SECTIONS], id="sections")
                with Pane(id="section-scroll"):
                    yield Static("", id="section-body")
            with Pane(id="plan-pane"):
                yield Label(join(("Plan", "bold"), ("  Tab to move", "dim")), classes="section-title")
                yield Label("Objective")
                yield Select(OBJECTIVES, prompt="choose an objective", id="objective", compact=True)
                yield Static("", id="err-objective", classes="field-error")
                yield Label("Settlement floor (% of balance)")
                yield Input(placeholder="e.g. 60", id="settlement_floor", compact=True)
                yield Static("", id="err-settlement_floor", classes="field-error")
                yield Label("Max instalments")
                yield Input(placeholder="e.g. 12", id="max_installments", compact=True)
                yield Static("", id="err-max_installments", classes="field-error")
                yield Label("Opening approach")
                yield Input(placeholder="how you'll open the call", id="opening", compact=True)
                yield Static("", id="err-opening", classes="field-error")
                yield Label("Call time (debtor's local, HH:MM)")
                yield Input(self.info.local_time, id="call_time", compact=True)
                yield Static("", id="err-call_time", classes="field-error")
                yield Static("", id="time-warning")
                yield Button("Dial  F5", id="dial", variant="success")
        yield Footer()

    def on_mount(self) -> None:
        self.app.steady_cursors(self)
        self.sub_title = f"Preparation · {self.info.title}"
        self._restore(self.app.drafts.get(self.info.id) or {})
        self._show("brief")
        self._check_time(self.query_one("#call_time", Input).value)
        self.query_one("#sections", OptionList).focus()
        self.load_account()

    # ---------------------------------------------------------------- the draft
    def _restore(self, draft: dict[str, Any]) -> None:
        """Put back what the trainee had read and typed for this scenario."""
        self.reviewed = [k for k in draft.get("reviewed", []) if k in SECTIONS]
        options = self.query_one("#sections", OptionList)
        for key in self.reviewed:
            options.replace_option_prompt(key, self._prompt(key))
        values = draft.get("values") or {}
        if values.get("objective"):
            self.query_one("#objective", Select).value = values["objective"]
        for field in TYPED:
            if field in values:
                self.query_one(f"#{field}", Input).value = str(values[field])

    def _save_draft(self) -> None:
        if self.is_mounted:
            self.app.drafts[self.info.id] = {"reviewed": list(self.reviewed), "values": self._values()}

    @on(Input.Changed)
    @on(Select.Changed)
    def _form_changed(self) -> None:
        self.empty_plan_warned = False
        self._save_draft()

    def _prompt(self, key: str) -> Any:
        seen = key in self.reviewed or (key == "brief" and self.brief_seen)
        mark = "✓ " if seen else "  "
        index = list(SECTIONS).index(key) + 1
        return join((mark, "green"), f"{index} {SECTIONS[key]}")

    @work(thread=True, exclusive=True)
    def load_account(self) -> None:
        from simulator.app import archive
        from simulator.session import Session

        # Each new call of a scenario plays the persona's next variant (names, numbers and
        # story details), the first the persona as written.
        seed = self.info.seed + (archive.attempts(self.info.id, self.app.trainee)
                                 if self.app.trainee else 0)
        try:
            session = Session.start(self.info.id, seed=seed, trainee=self.app.trainee)
            self.seed = session.seed
        except Exception as exc:  # noqa: BLE001 - Home lists files it has not validated
            self.app.call_from_thread(self._broken, exc)
            return
        sections = session.account.sections()
        self.app.call_from_thread(self._loaded, sections)
        # While the trainee reads: what the first turns of the call would build.
        from simulator.app.flow import prepare_turns

        try:
            prepare_turns()
        except Exception:  # noqa: BLE001 - the dial does it again and shows what is wrong
            pass

    def _broken(self, exc: Exception) -> None:
        """A scenario whose content does not load: one line, back to Home."""
        from simulator.diagnostics import ContentError

        text = str(exc.problems[0]) if isinstance(exc, ContentError) and exc.problems else str(exc)
        self.notify(f"Scenario '{self.info.id}' cannot be played: {text.splitlines()[0] if text else exc!r}"
                    " (collectsim validate names every problem)", severity="error", markup=False,
                    timeout=10)
        self.app.action_home()

    def _loaded(self, sections: dict[str, list[tuple[str, str]]]) -> None:
        self.sections = sections
        highlighted = self.query_one("#sections", OptionList).highlighted_option
        self._show(highlighted.id if highlighted and highlighted.id else "brief")

    def _show(self, key: str) -> None:
        body = self.query_one("#section-body", Static)
        if key == "brief":
            i = self.info
            if not self.brief_seen:
                self.brief_seen = True
                self.query_one("#sections", OptionList).replace_option_prompt(key, self._prompt(key))
            body.update(join(
                (i.title, "bold"), "\n\n", i.description, "\n\n",
                ("Who: ", "bold"),
                f"{persona_label(i.persona_name)} ({words.fact(i.archetype)}, {i.difficulty})\n",
                ("Debtor's local time: ", "bold"), f"{i.local_time}  ({i.timezone})\n",
                ("Today (the call): ", "bold"), f"{call_date():%A %Y-%m-%d}\n",
                ("Aim: ", "bold"), i.objective_hint or "—", "\n\n",
                ("Read the sections you need (2-6), Tab to the plan, fill it in, then Dial (F5).",
                 "italic"),
            ))
            return
        rows = self.sections.get(key)
        if rows is None:
            body.update("Loading…")
            return
        table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for label, value in rows:
            table.add_row(literal(label), literal(value))
        body.update(table)
        if key not in self.reviewed:
            self.reviewed.append(key)
            self.query_one("#sections", OptionList).replace_option_prompt(key, self._prompt(key))
            self._save_draft()

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    def action_page(self, direction: int) -> None:
        pane = self.query_one("#section-scroll", Pane)
        pane.scroll_page_down() if direction > 0 else pane.scroll_page_up()

    def action_open_section(self, index: int) -> None:
        options = self.query_one("#sections", OptionList)
        options.highlighted = index
        options.focus()

    @on(Input.Changed, "#call_time")
    def _time_changed(self, event: Input.Changed) -> None:
        self._check_time(event.value)

    def _check_time(self, value: str) -> None:
        errors: dict[str, str] = {}
        hhmm = forms.parse_hhmm("call_time", value, errors)
        warning = self.query_one("#time-warning", Static)
        if forms.outside_calling_hours(hhmm):
            warning.update(join(("⚠ ", "bold yellow"), (
                f"{hhmm} is outside 08:00–21:00 for the debtor: an inconvenient time "
                "(12 CFR 1006.6(b)(1)(i)). You can still dial.", "yellow")))
        else:
            warning.update("")

    def _values(self) -> dict[str, str]:
        objective = self.query_one("#objective", Select).value
        values = {"objective": "" if objective is Select.NULL else str(objective)}
        for field in TYPED:
            values[field] = self.query_one(f"#{field}", Input).value
        return values

    @on(Button.Pressed, "#dial")
    def action_dial(self) -> None:
        self.app.after_typing(self._dial)

    def _dial(self) -> None:
        if not self.is_current:
            return
        reviewed = [k for k in self.reviewed if k != "brief"]
        values = self._values()
        if not any(values[f].strip() for f in PLAN) and not self.empty_plan_warned:
            # Never dial on an empty plan without a word: the scorer marks it down.
            self.empty_plan_warned = True
            self.notify("Your plan is empty: no objective, limits or opening. The scorer "
                        "grades the plan. Fill it in, or press F5 again to dial without one.",
                        title="No plan", severity="warning", timeout=8)
            self.query_one("#objective", Select).focus()
            return
        hhmm = forms.parse_hhmm("call_time", values.get("call_time", ""), {})
        if forms.outside_calling_hours(hhmm) and self.late_warned != hhmm:
            # A call outside 08:00-21:00 fails on compliance: never dial it without a word.
            self.late_warned = hhmm
            self.notify(f"{hhmm} is outside 08:00–21:00 in the debtor's time: the call would be a "
                        "critical violation. Change the call time, or press F5 again to dial anyway.",
                        title="Inconvenient time", severity="warning", timeout=8)
            self.query_one("#call_time", Input).focus()
            return
        prep, errors = forms.read_preparation(reviewed, values)
        for field in ("objective", "settlement_floor", "max_installments", "opening", "call_time"):
            show_error(self.query_one(f"#err-{field}", Static), errors.get(field, ""))
        if prep is None:
            # The message stands beside its field; the toast only points there.
            self.notify(f"Check the plan: {len(errors)} field(s) marked in red.", severity="error")
            first = next(iter(errors))
            try:
                self.query_one(f"#{first}").focus()
            except Exception:  # noqa: BLE001 - an error about a field not on the form
                pass
            return
        self.app.dial(self.info, prep, seed=self.seed)
