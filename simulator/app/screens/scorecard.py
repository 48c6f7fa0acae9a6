"""The scorecard: overall, pass/fail, five dimensions with the trainee's own words as
evidence, compliance findings, the outcome, and an annotated replay of the call.

Rendered only from the scorecard dict, so a card from History looks the same as a
fresh one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from scoring.dimensions import DIMENSION_TITLES, DIMENSIONS
from scoring.render_common import cap_note, verdict, verdict_colour
from simulator import words
from simulator.app import suggest
from simulator.app.text import join

if TYPE_CHECKING:
    from simulator.app.app import CollectSimApp


def _num(x: Any, fmt: str = "{:.1f}") -> str:
    return "—" if x is None else fmt.format(x) if isinstance(x, int | float) else str(x)


def _bar(score: Any, width: int = 20) -> str:
    if not isinstance(score, int | float):
        return "·" * width
    filled = max(0, min(width, round(score / 100 * width)))
    return "█" * filled + "░" * (width - filled)


def _money(x: Any) -> str:
    return f"${x:,.2f}" if isinstance(x, int | float) else "—"


def summary_text(card: dict[str, Any]) -> Text:
    """The top of the card: overall, pass/fail, outcome, dimensions, tips."""
    colour = verdict_colour(card)
    out = join(("Overall ", "bold"), (f"{_num(card.get('overall'))}", "bold"), " / 100   ",
               (verdict(card), f"bold reverse {colour}"), "\n")
    note = cap_note(card)
    if note:
        out.append_text(join((note, colour), "\n"))
    out.append("\n")
    outcome = card.get("outcome") or {}
    if outcome:
        out.append_text(join(
            ("Outcome  ", "bold"), words.outcome(outcome.get("type")),
            f" · secured {_money(outcome.get('amount_secured'))} of {_money(outcome.get('balance'))}",
            f" · final trust {_num(outcome.get('final_trust'), '{:.0f}')}\n\n",
        ))
    helped = (card.get("meta") or {}).get("coach_help") or {}
    if helped.get("turns"):
        n = len(helped["turns"])
        out.append_text(join(("Coach help  ", "bold"),
                             f"{n} suggested line{'s' if n != 1 else ''} taken "
                             f"(turn {', '.join(str(t) for t in helped['turns'])}): "
                             f"−{helped.get('points', 0):g} points\n\n"))
    dims = card.get("dimensions") or {}
    for dim in DIMENSIONS:
        d = dims.get(dim) or {}
        score = d.get("score")
        title = d.get("title") or DIMENSION_TITLES[dim]
        style = "green" if isinstance(score, int | float) and score >= 70 else "yellow" if isinstance(score, int | float) and score >= 50 else "red"
        out.append_text(join(f"{title:<17}", (_bar(score), style), f" {_num(score):>5}\n"))
    violations = (card.get("compliance") or {}).get("violations") or []
    out.append("\n")
    if violations:
        critical = sum(1 for v in violations if v.get("severity") == "critical")
        out.append_text(join(("Compliance  ", "bold"), (f"{len(violations)} violation(s)", "bold red"),
                             f", {critical} critical — see Compliance (3)\n"))
    else:
        out.append_text(join(("Compliance  ", "bold"), ("no violations", "green"), "\n"))
    tips = card.get("tips") or []
    if tips:
        out.append_text(join("\n", ("Tips\n", "bold")))
        for tip in tips:
            out.append_text(join("• ", str(tip.get("tip") if isinstance(tip, dict) else tip), "\n"))
    return out


def checks_text(card: dict[str, Any]) -> Text:
    """Every check of every dimension, with the evidence and the tip."""
    out = Text()
    dims = card.get("dimensions") or {}
    for dim in DIMENSIONS:
        d = dims.get(dim) or {}
        out.append_text(join((f"{d.get('title') or DIMENSION_TITLES[dim]}  {_num(d.get('score'))}\n", "bold underline")))
        if d.get("note"):
            out.append_text(join((f"{d['note']}\n", "italic")))
        for check in d.get("checks") or []:
            passed = check.get("passed")
            if check.get("applies") is False or passed is None:
                mark, style = "– ", "dim"
            elif passed:
                mark, style = "✓ ", "green"
            else:
                mark, style = "✗ ", "red"
            points = (f"  {_num(check.get('earned'), '{:g}')}/{_num(check.get('points'), '{:g}')}"
                      if mark != "– " else "  not applicable")
            out.append_text(join((mark, style), str(check.get("description") or check.get("id")),
                                 (points + "\n", "dim")))
            for ev in check.get("evidence") or []:
                turn = ev.get("turn")
                where = f"turn {turn}" if turn is not None else "call"
                out.append_text(join(("    ", ""), (f"{where}: ", "dim"),
                                     (f"“{ev.get('quote', '')}”" if ev.get("quote") else "", "italic"),
                                     f" {ev.get('note', '')}\n" if ev.get("note") else "\n"))
            if check.get("tip") and not passed:
                out.append_text(join(("    tip: ", "bold cyan"), str(check["tip"]), "\n"))
        out.append("\n")
    return out


def compliance_text(card: dict[str, Any]) -> Text:
    violations = (card.get("compliance") or {}).get("violations") or []
    if not violations:
        return join(("✓ No compliance violations found.\n", "green"))
    out = Text()
    for v in violations:
        sev = str(v.get("severity", ""))
        turn = v.get("turn")
        out.append_text(join(
            ("✗ ", "bold red"), (str(v.get("rule", "")), "bold"), f"  ({v.get('citation', '')})",
            (f"  {sev.upper()}", "bold red" if sev == "critical" else "yellow"),
            f"  turn {turn}\n" if turn is not None else "\n",
        ))
        if v.get("quote"):
            out.append_text(join("    ", (f"“{v['quote']}”", "italic"), "\n"))
        if v.get("message"):
            out.append_text(join("    ", str(v["message"]), "\n"))
        out.append("\n")
    return out


def replay_text(card: dict[str, Any], record: dict[str, Any] | None,
                facts: suggest.Facts | None = None) -> Text:
    """Each turn: the trainee's words, what they did (in plain words, with the words
    that showed it), the tone, the debtor's answer and what it changed, and, for a turn
    that lost points, a better line."""
    transcript = card.get("transcript") or []
    out = Text()
    if not transcript and record:
        for i, line in enumerate(record.get("turns") or [], 1):
            out.append_text(join((f"{i:>2} You: ", "bold cyan"), str(line), "\n"))
        return out
    facts = facts or suggest.facts_from_card(card, record)
    who = facts.debtor or "They"
    try:
        better = suggest.for_card(card, record, facts)
    except (OSError, ValueError):  # a damaged suggestions file must not hide the replay
        better = {}
    for item in transcript:
        if not isinstance(item, dict):
            continue
        n = item.get("turn", "")
        out.append_text(join((f"{n:>2} You: ", "bold cyan"), str(item.get("trainee", "")), "\n"))
        moves = (item.get("analysis") or {}).get("moves") or item.get("moves") or []
        for m in moves:
            name = m.get("move", "") if isinstance(m, dict) else str(m)
            fault = words.is_fault(name)
            mark, style = ("✗ ", "bold red") if fault else ("✓ ", "green")
            evidence = str(m.get("evidence", "")) if isinstance(m, dict) else ""
            out.append_text(join("     ", (mark, style), (words.move(name), "red" if fault else ""),
                                 *((("  “", "dim"), (evidence, "italic"), ("”", "dim")) if evidence else ()),
                                 "\n"))
        if not moves:
            out.append_text(join("     ", ("nothing the debtor could act on", "dim italic"), "\n"))
        tone = item.get("tone") or {}
        if tone:
            out.append_text(join("     ", ("tone ", "dim"),
                                 f"{tone.get('label', '')} ({_num(tone.get('score'), '{:+.2f}')})", "\n"))
        if item.get("debtor"):
            out.append_text(join((f"   {who}: ", "bold yellow"), str(item["debtor"]), "\n"))
        for said in words.events(item.get("events") or [], who):
            out.append_text(join(("     → ", "dim"), (said, "dim"), "\n"))
        tip = better.get(n) if isinstance(n, int) else None
        if tip is not None:
            out.append_text(join(("     A better line: ", "bold cyan"), (f"“{tip.line}”", "italic"), "\n",
                                 ("       it ", "dim"), (tip.move_words, "cyan"),
                                 (f". {tip.why}" if tip.why else "", "dim"), "\n"))
        out.append("\n")
    return out


def zipped(folder: Any) -> Any:
    """The folder's files in a zip, in memory."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, f"{folder.name}/{path.name}")
    buffer.seek(0)
    return buffer


def call_date(card: dict[str, Any], record: dict[str, Any]) -> str:
    """The call's own date (the scenario's "today"), as YYYYMMDD, or ""."""
    account = record.get("account") if isinstance(record.get("account"), dict) else {}
    when = account.get("call_date") or (card.get("meta") or {}).get("call_date") or ""
    if not when and record.get("scenario"):
        try:  # only on export: the account file says which day the call was on
            from simulator.session import Session

            session = Session.start(record["scenario"], seed=record.get("seed"))
            when = session.account.call_date.isoformat()
        except Exception:  # noqa: BLE001 - a scenario that no longer loads: no date
            when = ""
    return re.sub(r"[^0-9]", "", str(when))[:8]


def export_name(card: dict[str, Any], record: dict[str, Any], now: Any) -> str:
    """A folder name that sorts by the call's date (not the machine's), then the time
    of export, the scenario and the trainee."""
    day = call_date(card, record) or now.strftime("%Y%m%d")
    raw = f"{day}-{now:%H%M%S}-{record.get('scenario', 'session')}-{record.get('trainee', '')}"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", raw).strip("-")


class ScorecardScreen(Screen[None]):
    """The graded session; e exports it, r tries the scenario again."""

    BINDINGS = [
        Binding("e", "export", "Export"),
        Binding("r", "retry", "Try again"),
        Binding("f3", "app.history", "History"),
        Binding("escape", "close", "Close"),
        *[Binding(str(i), f"tab({i})", show=False) for i in range(1, 5)],
        # The open tab scrolls by page wherever the focus is (the tab strip included).
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("end", "edge(1)", "End", show=False),
        Binding("home", "edge(0)", "Home", show=False),
    ]

    app: CollectSimApp  # type: ignore[assignment]

    def __init__(self, card: dict[str, Any], record: dict[str, Any] | None = None,
                 facts: suggest.Facts | None = None) -> None:
        """``facts``: names for the replay's better lines (the call just played knows
        them; a stored card may not)."""
        super().__init__()
        self.card = card
        self.record = record or (card.get("meta") or {}).get("session") or {}
        self.facts = facts

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="card-tabs"):
            with TabPane("1 Summary", id="tab-1"), VerticalScroll():
                yield Static(summary_text(self.card), id="card-summary", markup=False)
            with TabPane("2 Checks", id="tab-2"), VerticalScroll():
                yield Static(checks_text(self.card), id="card-checks", markup=False)
            with TabPane("3 Compliance", id="tab-3"), VerticalScroll():
                yield Static(compliance_text(self.card), id="card-compliance", markup=False)
            with TabPane("4 Replay", id="tab-4"), VerticalScroll():
                yield Static(replay_text(self.card, self.record, self.facts), id="card-replay",
                             markup=False)
        yield Footer()

    def on_mount(self) -> None:
        scenario = self.record.get("scenario") or (self.card.get("meta") or {}).get("scenario_id") or ""
        trainee = self.record.get("trainee") or ""
        self.sub_title = f"Scorecard · {scenario} · {trainee}"

    def action_tab(self, n: int) -> None:
        self.query_one(TabbedContent).active = f"tab-{n}"

    def _pane(self) -> VerticalScroll:
        tabs = self.query_one(TabbedContent)
        return self.query_one(f"#{tabs.active} VerticalScroll", VerticalScroll)

    def action_page(self, direction: int) -> None:
        pane = self._pane()
        pane.scroll_page_down() if direction > 0 else pane.scroll_page_up()

    def action_edge(self, end: int) -> None:
        pane = self._pane()
        pane.scroll_end() if end else pane.scroll_home()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_retry(self) -> None:
        scenario = self.record.get("scenario") or ""
        if scenario:
            self.app.start_scenario(scenario)

    def action_export(self) -> None:
        """Markdown, JSON and HTML into one folder under the exports directory."""
        from simulator.app import grading
        from simulator.app.settings import exports_dir

        name = export_name(self.card, self.record, self.app.now())
        folder = exports_dir() / name
        n = 1
        while folder.exists():
            n += 1
            folder = exports_dir() / f"{name}-{n}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "scorecard.json").write_text(grading.to_json(self.card), encoding="utf-8")
            (folder / "scorecard.md").write_text(grading.to_markdown(self.card), encoding="utf-8")
            (folder / "scorecard.html").write_text(grading.to_html(self.card), encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - a disk or renderer problem is a message, not a crash
            self.notify(f"Export failed: {exc}", severity="error")
            return
        self.exported = folder
        if self.app.served:
            # In a browser the server's folders are out of reach: send the three files.
            self.app.deliver_binary(zipped(folder), save_filename=f"{folder.name}.zip",
                                    mime_type="application/zip")
            self.notify(f"Your browser is downloading {folder.name}.zip (Markdown, JSON, HTML).",
                        title="Exported", timeout=8, markup=False)
            return
        self.notify(f"Exported scorecard.md, .json and .html to {folder}", title="Exported",
                    timeout=8, markup=False)


