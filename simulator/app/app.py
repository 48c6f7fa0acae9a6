"""The collectsim app: screens over one Session, journalled after every turn.

The app holds the flow (which screen comes next) and the files (settings, journal,
saved sessions); screens hold only what is on screen; the conversation and the
scoring live in the pure core (``simulator.session``, ``scoring``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from simulator.app.catalog import ScenarioInfo
from simulator.app.flow import SessionFlow
from simulator.app.journal import Journal
from simulator.app.settings import THEMES, Settings, journal_dir


def load_catalog() -> list[ScenarioInfo]:
    """The shipped scenarios for Home (a light read: see ``simulator.app.catalog``)."""
    from simulator.app.catalog import load_catalog as read

    return read()


def _palette_provider() -> type[Any]:
    """The command palette's entries, imported when the palette first opens (Textual's
    command machinery is not needed for the first screen)."""
    from simulator.app.commands import CollectSimCommands

    return CollectSimCommands


# --------------------------------------------------------------------------- the app
def terminal_fd(headless: bool) -> int | None:
    """The descriptor of the terminal the app reads keys from, or None when there is
    none to watch (headless tests, input piped in)."""
    if headless or sys.__stdin__ is None:
        return None
    try:
        fd = sys.__stdin__.fileno()
    except (OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


class CollectSimApp(SessionFlow, App[None]):
    """Practise collection calls: Home -> Preparation -> Call -> Wrap-up -> Scorecard."""

    CSS_PATH = "app.tcss"
    TITLE = "collectsim"
    SUB_TITLE = "practise collection calls"
    COMMANDS = App.COMMANDS | {_palette_provider}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Focus moves before the next key is handed on: typed fast (or pasted by a
        # terminal) "1240\t70\t18" fills three fields, not one. Without priority, Tab
        # reaches the focused field's queue and moves focus only after the keys behind it
        # were already given to that field.
        Binding("tab", "focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self,
        *,
        trainee: str | None = None,
        frozen_clock: bool = False,
        exit_after_first_screen: bool | str = False,
        offer_resume: bool = True,
        served: bool = False,
    ) -> None:
        """``frozen_clock`` keeps the call timer at 00:00 and dates fixed, for snapshots.
        ``served``: one browser tab of `collectsim serve` (see :attr:`served`)."""
        super().__init__()
        #: A tab of `collectsim serve`: many trainees share this machine's folders, so
        #: nobody's name, team, theme or mode is saved for the next tab, and each
        #: trainee's unfinished call is journalled (and offered back) under their name.
        self.served = served
        self.settings = Settings.load()
        if served:
            self.settings.trainee = ""
            self.settings.team = ""
        if trainee is not None:
            self.settings.trainee = trainee
        self.frozen_clock = frozen_clock
        self.exit_after_first_screen = exit_after_first_screen
        self.offer_resume = offer_resume
        self.catalog: list[ScenarioInfo] | None = None
        self.journal = self._journal_for(self.settings.trainee)
        self.session: Any = None  # simulator.session.Session of the call in progress
        self.preparation: dict[str, Any] | None = None
        self.coach = self.settings.coach  # the mode new calls start in
        self.coached_call = False  # the call in progress showed coach help at some point
        self.last_card: dict[str, Any] | None = None
        #: Preparation drafts by scenario id: leaving Preparation and coming back keeps
        #: what was read and typed.
        self.drafts: dict[str, dict[str, Any]] = {}

    # ---------------------------------------------------------------- start-up
    _terminal_fd: int | None = None

    def get_default_screen(self) -> Screen[Any]:
        from simulator.app.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        self._terminal_fd = terminal_fd(self.is_headless)
        if self._terminal_fd is not None:
            self.set_interval(1.0, self._check_terminal, name="terminal watch")
        if self.exit_after_first_screen:
            return  # Home calls _first_screen_drawn once the scenarios are listed
        if self.offer_resume and (not self.served or self.trainee):
            self.offer_to_resume()

    def offer_to_resume(self) -> None:
        """Offer the unfinished call in the journal, if there is one."""
        state = self.journal.load()
        if state is not None:
            from simulator.app.screens.resume import ResumeScreen

            self.push_screen(ResumeScreen(state), partial(self._resume_answer, state))

    def _journal_for(self, trainee: str) -> Journal:
        """One journal on a trainee's own machine; one per trainee when served."""
        if not self.served:
            return Journal(journal_dir())
        from simulator.app.archive import _slug

        return Journal(journal_dir(), name=f"served-{_slug(trainee or 'nobody')}.jsonl")

    def _save_settings(self) -> None:
        if not self.served:
            self.settings.save()

    def _record_extra(self) -> dict[str, Any]:
        """What the app adds to a session record: the team, so exported cards keep it."""
        return {"team": self.team} if self.team else {}

    def _check_terminal(self) -> None:
        """Leave when the terminal has gone (an SSH drop, a closed tmux): nothing would
        ever read the screen again, and Textual's input thread would spin on the dead
        tty. The call so far is in the journal, so the next start offers to resume it."""
        if self._terminal_fd is not None and not os.isatty(self._terminal_fd):
            self._terminal_fd = None
            self.exit(return_code=1)

    def _first_screen_drawn(self) -> None:
        """For the start-up benchmark: note the wall time (if given a file) and exit."""
        target = self.exit_after_first_screen
        if isinstance(target, str) and target not in ("", "1"):
            try:
                with open(target, "w", encoding="utf-8") as fh:
                    fh.write(f"{time.time():.6f}\n")
            except OSError:
                pass
        self.exit()

    def after_typing(self, callback: Callable[[], Any]) -> None:
        """Run ``callback`` once the keys already typed have reached the focused field.

        Priority keys (F5, ctrl+s, ctrl+e) are acted on by the app as they arrive, but
        the characters typed just before them wait in the focused field's own queue:
        read at once, "2026-11-20" then ctrl+s submits "20". Queued behind them, the
        form is read as the trainee sees it.
        """
        target = self.focused or self.screen
        target.call_later(callback)

    def steady_cursors(self, screen: Screen[Any]) -> None:
        """With a frozen clock, cursors do not blink either: screenshots are repeatable."""
        if self.frozen_clock:
            for widget in screen.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]

    def now(self) -> dt.datetime:
        """Wall time, fixed when the clock is frozen."""
        if self.frozen_clock:
            return dt.datetime(2026, 11, 20, 18, 30, tzinfo=dt.UTC)
        return dt.datetime.now().astimezone()

    def monotonic(self) -> float:
        return 0.0 if self.frozen_clock else time.monotonic()

    def ensure_catalog(self) -> list[ScenarioInfo]:
        if self.catalog is None:
            self.catalog = load_catalog()
        return self.catalog

    def scenario_info(self, scenario_id: str) -> ScenarioInfo | None:
        for info in self.ensure_catalog():
            if info.id == scenario_id:
                return info
        return None

    # ---------------------------------------------------------------- settings
    @property
    def trainee(self) -> str:
        return self.settings.trainee

    def set_trainee(self, name: str) -> None:
        name = name.strip()
        if name != self.settings.trainee:
            self.settings.trainee = name
            self._save_settings()
            if self.served:
                self.journal = self._journal_for(name)
                if name and self.offer_resume:
                    self.offer_to_resume()

    @property
    def team(self) -> str:
        return self.settings.team

    def set_team(self, name: str) -> None:
        name = name.strip()
        if name != self.settings.team:
            self.settings.team = name
            self._save_settings()

    def local_time(self, when: dt.datetime) -> dt.datetime:
        """A stored time as the trainee sees it (UTC when the clock is frozen)."""
        return when.astimezone(dt.UTC) if self.frozen_clock else when.astimezone()

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        self.settings.theme = self.theme
        self._save_settings()

    def action_toggle_coach(self) -> None:
        from simulator.app.screens.call import CallScreen

        screen = self.screen
        self.action_set_mode(not (screen.coach if isinstance(screen, CallScreen) else self.coach))

    def action_set_mode(self, coach: bool) -> None:
        """On a call, the mode of this call only (the trainee is told so); anywhere else,
        the mode new calls start in, remembered and shown on Home."""
        from simulator.app.screens.call import CallScreen
        from simulator.app.screens.home import HomeScreen

        screen = self.screen
        name = "Coach mode" if coach else "Assessment mode"
        if isinstance(screen, CallScreen):
            if screen.coach != coach:
                screen.show_coach(coach)
            default = "coach" if self.coach else "assessment"
            self.notify(f"{name} for this call only. New calls start in {default} mode "
                        "(change it on Home).", title=name, timeout=4)
            return
        self.coach = coach
        self.settings.coach = coach
        self._save_settings()
        for s in self.screen_stack:
            if isinstance(s, HomeScreen):
                s.show_mode()
        self.notify(f"{name}: new calls start with "
                    + ("hints and the debtor's mood shown." if coach else "no hints."),
                    title=name, timeout=4)

    def action_help(self) -> None:
        from simulator.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_history(self) -> None:
        from simulator.app.screens.history import HistoryScreen

        self._to_home()
        self.push_screen(HistoryScreen())

    def action_team(self) -> None:
        from simulator.app.screens.team import TeamScreen

        self._to_home()
        self.push_screen(TeamScreen())

    def action_home(self) -> None:
        self._to_home()

    def _to_home(self) -> None:
        """Pop back to Home (the default screen), keeping a call in the journal."""
        from simulator.app.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen_stack[-1], HomeScreen):
            self.pop_screen()

    def action_export_scorecard(self) -> None:
        from simulator.app.screens.scorecard import ScorecardScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, ScorecardScreen):
                screen.action_export()
                return
        self.notify("Open a scorecard first.", severity="warning")
