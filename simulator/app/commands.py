"""The command palette's own entries: start any scenario, coach or assessment mode,
restart, export, theme, history, team."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from simulator.app.app import CollectSimApp


@dataclass(frozen=True)
class AppCommand:
    """A command palette entry as data: title, help, and the app action it runs."""

    title: str
    help: str
    action: str
    when: str = ""  # a screen class name it needs, or "" for everywhere


COMMANDS: tuple[AppCommand, ...] = (
    AppCommand("Coach mode", "Hints, the moves found and the debtor's mood are shown (F2 switches)", "set_mode(True)"),
    AppCommand("Assessment mode", "Graded practice: no hints, no mood, no suggestions (F2 switches)", "set_mode(False)"),
    AppCommand("Switch theme", "Toggle between the light and the dark theme", "toggle_theme"),
    AppCommand("Restart the call", "Dial the same scenario again with the same preparation", "restart_call"),
    AppCommand("Export scorecard", "Write the scorecard as Markdown, JSON and HTML", "export_scorecard", "ScorecardScreen"),
    AppCommand("History", "Your past sessions and their scorecards", "history"),
    AppCommand("Team comparison", "Stored scorecards, averages per trainee and trends per week", "team"),
    AppCommand("Home", "Back to the scenario list", "home"),
    AppCommand("Help", "Keys and how a session works", "help"),
)


class CollectSimCommands(Provider):
    """Start any scenario, restart, toggle coach mode, export, switch theme."""

    def _entries(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app = self.app
        assert isinstance(app, CollectSimApp)
        screen_name = type(self.screen).__name__
        entries: list[tuple[str, str, Callable[[], Any]]] = []
        for info in app.catalog or []:
            entries.append(
                (
                    f"Start scenario: {info.title}",
                    f"{info.archetype}, {info.difficulty} ({info.id})",
                    partial(app.start_scenario, info.id),
                )
            )
        for cmd in COMMANDS:
            if cmd.when and cmd.when != screen_name and not any(
                type(s).__name__ == cmd.when for s in app.screen_stack
            ):
                continue
            entries.append((cmd.title, cmd.help, partial(app.run_action, cmd.action)))
        return entries

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
