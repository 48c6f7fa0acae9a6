"""The call: transcript, a line to speak, notes, a timer, and coach mode.

Every sent line is journalled (fsynced) before the reply is shown, so a crash or a
kill loses at most the line being typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Label, Static, TextArea

from simulator import words
from simulator.app.hints import coach_hints
from simulator.app.text import join
from simulator.app.widgets.panes import Pane, PaneText
from simulator.app.widgets.transcript import Transcript

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp

#: Lines longer than this are analysed in a thread so the screen stays responsive.
THREAD_ABOVE = 2000


def bar(value: float, width: int = 10) -> str:
    filled = max(0, min(width, round(value / 100 * width)))
    return "█" * filled + "░" * (width - filled)


class CallScreen(Screen[None]):
    """Talk to the debtor; ctrl+e ends the call and opens the wrap-up form."""

    BINDINGS = [
        Binding("ctrl+e", "end_call", "End call", priority=True),
        Binding("f2", "app.toggle_coach", "Coach"),
        Binding("f4", "toggle_focus", "Notes"),
        Binding("ctrl+g", "take_suggestion", "Use line", show=False),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self, session: Any, notes: str = "", resumed: bool = False,
                 elapsed: float = 0.0, coach: bool = True) -> None:
        """``elapsed``: seconds the call had already run (a resumed call's timer goes on
        from there); ``coach``: this call's mode (F2 changes it for this call only)."""
        super().__init__()
        self.session = session
        self.initial_notes = notes
        self.resumed = resumed
        self.elapsed_before = max(0.0, float(elapsed))
        self.coach = coach
        self.started = 0.0
        self.timer: Timer | None = None
        self.busy = False
        self._notes_timer: Timer | None = None
        self.suggestion: Any = None  # the better line offered after the last turn
        self.taken = ""  # a suggested line put in the input by ctrl+g
        self.assisted = False  # the line being sent is the suggested one
        self._shown: dict[str, Any] = {}  # what each pane line says now, by selector
        self.them = session.speaker

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="call-status"):
            yield Static("Time 00:00", id="timer")
            yield PaneText("", id="call-state")
            yield Static("", id="mode")
        with Horizontal(id="call-main"):
            yield Transcript(id="transcript")
            with Vertical(id="side"):
                with Pane(id="coach-pane"):
                    yield Label("Coach", classes="section-title")
                    yield PaneText("", id="mood")
                    yield PaneText("", id="hints")
                yield Label("Notes", classes="section-title")
                yield TextArea(self.initial_notes, id="notes", soft_wrap=True)
        yield PaneText("", id="suggestion")
        yield PaneText("", id="banner")
        yield Input(placeholder="Say something and press Enter", id="say")
        yield Footer()

    def on_mount(self) -> None:
        self.app.steady_cursors(self)
        self.sub_title = f"Call · {self.session.scenario.title}"
        transcript = self.query_one(Transcript)
        transcript.add_system("Ringing… the call is connected.")
        transcript.add_debtor(self.session.opening, self.them)
        for turn in self.session.turns:
            transcript.add_trainee(turn)
            transcript.add_debtor(turn.reply, self.them)
        if self.resumed:
            transcript.add_system(f"Resumed after an interruption: {len(self.session.turns)} turn(s) restored.")
        self.started = self.app.monotonic() - self.elapsed_before
        self._tick()
        if not self.app.frozen_clock:
            self.timer = self.set_interval(1.0, self._tick)
        self.show_coach(self.coach)
        if self.session.ended:
            self._ended()
        else:
            self.query_one("#say", Input).focus()

    # ---------------------------------------------------------------- display
    @property
    def elapsed(self) -> float:
        """Seconds on the call so far (journalled, so a resumed call's timer goes on)."""
        if self.app.frozen_clock:
            return self.elapsed_before
        return max(0.0, self.app.monotonic() - self.started)

    def _tick(self) -> None:
        elapsed = int(self.elapsed)
        self.query_one("#timer", Static).update(f"Time {elapsed // 60:02d}:{elapsed % 60:02d}")

    def show_coach(self, on: bool) -> None:
        self.coach = on
        if on:
            self.app.coached_call = True
        self.set_class(not on, "assessment")
        self.query_one(Transcript).show_annotations(on)
        self.query_one("#mode", Static).update("coach mode (F2)" if on else "assessment mode (F2)")
        self._update_coach()

    def _show(self, selector: str, content: Any) -> None:
        """Put ``content`` in a pane line unless it already says that: each update lays
        the screen out again, and most turns leave most of the coach pane as it was."""
        if selector in self._shown and self._shown[selector] == content:
            return
        self._shown[selector] = content
        self.query_one(selector, Static).update(content)

    def _update_coach(self) -> None:
        info = self.session.coach()
        self._show("#call-state", join(
            ("state ", "dim"), info.get("state", ""),
            (f" (identity {info['identity']})", "yellow") if info.get("identity") else "",
            "   ", ("mood ", "dim"), info.get("mood", "") or "—",
        ) if self.coach else "")
        self._show("#mood", join(
            ("Mood  ", "bold"), f"{info.get('mood') or '—'}\n",
            ("Trust      ", ""), (bar(info.get("trust", 0)), "green"), f" {info.get('trust', 0):.0f}\n",
            ("Irritation ", ""), (bar(info.get("irritation", 0)), "red"), f" {info.get('irritation', 0):.0f}\n",
            ("Patience   ", ""), f"{info.get('patience', 0):.0f}",
        ))
        hints = coach_hints(self.session)
        self._show("#hints", join(*[(f"• {h}\n", "") for h in hints]))
        self._offer_suggestion()

    def _offer_suggestion(self) -> None:
        """Coach mode: after a weak turn, a better line the trainee may take (ctrl+g),
        at a cost in points, as the scorecard says."""
        from simulator.app import suggest

        box = self.query_one("#suggestion", Static)
        shown_before = box.display
        self.suggestion = None
        if self.coach and not self.session.ended:
            try:
                self.suggestion = suggest.live(self.session)
            except (OSError, ValueError):
                self.suggestion = None
        if self.suggestion is None:
            self._show("#suggestion", "")
            box.display = False
            self._keep_transcript_end(shown_before)
            return
        cost = suggest.cost_per_line()
        self._show("#suggestion", join(("A better line: ", "bold"), (f"“{self.suggestion.line}”", "italic"),
                                       (f"  ({self.suggestion.move_words})  ", "dim"),
                                       ("ctrl+g", "bold"), (f" uses it, −{cost:g} points", "dim")))
        box.display = True
        self._keep_transcript_end(not shown_before)

    def _keep_transcript_end(self, resized: bool) -> None:
        """The box above the line came or went, so the transcript changed height: keep
        its last line in view once the new layout is done."""
        if resized:
            self.query_one(Transcript).scroll_end(animate=False, x_axis=False)

    # ---------------------------------------------------------------- talking
    @on(Input.Submitted, "#say")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if self.busy:
            return
        if self.session.ended:
            self.notify("The call has ended: press ctrl+e to wrap up.", severity="warning")
            return
        if not text.strip():
            self.notify("Type what you want to say first.", severity="warning", timeout=2)
            return
        event.input.value = ""
        # The line typed was wider than the box, so Textual shows the box's (zero-width)
        # horizontal scrollbar; it hides it again when it next lays the screen out, which
        # asks for another layout and so another frame. Hidden now, one layout does both.
        event.input._refresh_scrollbars()
        self.assisted = bool(self.taken) and text.strip() == self.taken.strip()
        self.taken = ""
        if len(text) > THREAD_ABOVE:
            self.busy = True
            pending = self.query_one(Transcript).add_pending(text)
            self._say_in_thread(text, pending)
        else:
            self._said(self.session.say(text))

    @work(thread=True, exclusive=True, group="say")
    def _say_in_thread(self, text: str, pending: Any) -> None:
        turn = self.session.say(text)
        self.app.call_from_thread(self._said, turn, pending)

    def _said(self, turn: Any, pending: Any = None) -> None:
        self.busy = False
        if self.assisted:
            # The coach's words, not the trainee's: the record says so and the scorer
            # takes the cost of the help off the overall.
            self.session.extra.setdefault("suggestions_taken", []).append(turn.index)
        self.app.journal.turn(turn.index, turn.text, notes=self.notes,
                              elapsed=round(self.elapsed, 1),
                              assisted=self.assisted)
        self.assisted = False
        transcript = self.query_one(Transcript)
        if pending is not None:
            transcript.remove(pending)
        transcript.add_trainee(turn)
        transcript.add_debtor(turn.reply, self.them)
        self._update_coach()
        if self.session.ended:
            self._ended()

    def _ended(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self._tick()
            self.timer = None
        # Said once, in the banner over the line: no toast (it would cover the banner
        # and the line, and follow the trainee to Wrap-up) and no copy in the transcript.
        result = self.session.result()
        if result.ended_by == "debtor" and result.outcome == "hung_up":
            message = f"{self.them} hung up."
        elif result.ended_by == "trainee":
            message = "You ended the call."
        else:
            message = f"The call has ended: {words.outcome(result.outcome)}."
        banner = self.query_one("#banner", Static)
        banner.update(join(("☎ ", "bold"), (message, "bold"), "  Press ctrl+e to wrap up."))
        banner.add_class("shown")
        say = self.query_one("#say", Input)
        say.disabled = True
        say.placeholder = "The call has ended: ctrl+e wraps up"
        self._update_coach()

    @property
    def notes(self) -> str:
        return self.query_one("#notes", TextArea).text

    # ---------------------------------------------------------------- actions
    def action_end_call(self) -> None:
        self.app.after_typing(self._end_call)

    def _end_call(self) -> None:
        if self.busy or not self.is_current:
            return
        if self.timer is not None:
            self.timer.stop()
        self.app.end_call(self.notes)

    def action_take_suggestion(self) -> None:
        if self.suggestion is None or not self.coach:
            return
        say = self.query_one("#say", Input)
        if say.disabled:
            return
        self.taken = self.suggestion.line
        say.value = self.taken
        say.cursor_position = len(self.taken)
        say.focus()

    def action_toggle_focus(self) -> None:
        notes = self.query_one("#notes", TextArea)
        say = self.query_one("#say", Input)
        if notes.has_focus and not say.disabled:
            say.focus()
        else:
            notes.focus()

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self) -> None:
        # Journal the notes a moment after typing stops (one write, not one per key).
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(1.5, self._save_notes)

    def _save_notes(self) -> None:
        self._notes_timer = None
        self.app.journal.notes(self.notes)
