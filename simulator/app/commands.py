"""The command palette's own entries: start any scenario, coach or assessment mode,
restart, export, theme, history, team."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from simulator.app.app import COMMANDS, CollectSimApp


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
