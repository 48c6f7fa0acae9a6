"""The session flow, Home to Scorecard: start a scenario, dial, resume, end the call,
wrap up, score and save. A mixin of the app (``CollectSimApp``), kept apart from the
app's shell (settings, modes, navigation) so each reads on its own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from simulator.app import archive, grading
from simulator.app.journal import JournalState

if TYPE_CHECKING:
    from simulator.app.catalog import ScenarioInfo

_PREPARING = threading.Lock()
_prepared = False


def prepare_turns() -> None:
    """Build, once a process, what the first turns would otherwise build on the event
    loop: the analyser (its model, cue index and patterns) and the suggestion rules,
    ~0.15 s on a first run. Preparation's loading thread calls it while the trainee
    reads; the dial calls it again and, if that thread is still at it, waits for it
    rather than doing the work twice."""
    global _prepared
    with _PREPARING:
        if _prepared:
            return
        from simulator.app import suggest
        from simulator.nlu.analyser import prepare

        prepare()
        try:
            suggest.rules()
        except (OSError, ValueError):
            pass  # the call screen shows no suggestion then, and says nothing else
        _prepared = True


class SessionFlow:
    """Which screen comes next, and the files each step writes (journal, sessions)."""

    def start_scenario(self, scenario_id: str) -> None:
        """Open the Preparation screen of a scenario."""
        from simulator.app.screens.preparation import PreparationScreen

        info = self.scenario_info(scenario_id)
        if info is None:
            self.notify(f"No scenario '{scenario_id}'.", severity="error")
            return
        if not self.trainee:
            self.notify("Who is practising? Type your name on Home first.", severity="warning")
            self._to_home()
            return
        self._to_home()
        self.push_screen(PreparationScreen(info))

    def dial(self, info: ScenarioInfo, preparation: dict[str, Any], seed: int | None = None) -> None:
        """Place the call: a new Session (``seed``: the one whose account file the trainee
        prepared with; default the scenario's), a new journal, the Call screen."""
        from simulator.session import Session

        self.preparation = preparation
        session = Session.start(info.id, seed=seed, trainee=self.trainee, preparation=preparation,
                                extra=self._record_extra())
        self.journal.begin(
            session.scenario_ref, session.seed, self.trainee, preparation,
            started_at=self.now().isoformat(timespec="seconds"), coach=self.coach,
        )
        self._show_call(session, coach=self.coach)

    def _show_call(self, session: Any, notes: str = "", resumed: bool = False,
                   elapsed: float = 0.0, coach: bool = True) -> None:
        from simulator.app.screens.call import CallScreen

        self.session = session
        self.coached_call = False
        self._to_home()
        self.push_screen(CallScreen(session, notes=notes, resumed=resumed, elapsed=elapsed,
                                    coach=coach))
        self._ready_for_turns()

    def _ready_for_turns(self) -> None:
        """Before the first line: what a turn needs once (:func:`prepare_turns`, most
        often done already while the trainee read the account file), and freeze what is
        alive now (Textual, the content, the session, the analyser) out of the garbage
        collector's full sweeps, which otherwise land on a turn now and then (~90 ms)."""
        import gc

        prepare_turns()
        gc.freeze()

    def action_restart_call(self) -> None:
        """Dial the same scenario again with the same preparation."""
        if self.session is None or self.preparation is None:
            self.notify("No call to restart yet: pick a scenario and dial first.", severity="warning")
            return
        info = self.scenario_info(self.session.scenario.id)
        if info is None:
            return
        self.dial(info, self.preparation, seed=self.session.seed)
        self.notify("Call restarted.")

    def _resume_answer(self, state: JournalState, resume: bool | None) -> None:
        if resume:
            self.resume(state)
        else:
            self.journal.discard()
            self.notify("The unfinished call was discarded.")

    def resume(self, state: JournalState) -> None:
        """Replay the journalled turns into a new Session (replies are identical)."""
        from simulator.session import Session

        try:
            session = Session.start(
                state.scenario, seed=state.seed, trainee=state.trainee,
                preparation=state.preparation, extra=self._record_extra(),
            )
            for line in state.turns:
                if session.ended:
                    break
                session.say(line)
            if state.hung_up and not session.ended:
                session.hang_up()
            if state.assisted:
                session.extra["suggestions_taken"] = list(state.assisted)
        except Exception as exc:  # noqa: BLE001 - content may have changed since the crash
            self.notify(f"Could not resume the call: {exc}", severity="error")
            self.journal.discard()
            return
        if state.trainee:
            self.settings.trainee = state.trainee
        self.preparation = state.preparation
        coach = self.coach if state.coach is None else state.coach
        self._show_call(session, notes=state.notes, resumed=True, elapsed=state.elapsed, coach=coach)
        self.notify(f"Resumed: {len(session.turns)} turn(s) restored.")

    def end_call(self, notes: str) -> None:
        """The trainee ends the call (or it has ended): go to the Wrap-up form."""
        from simulator.app.screens.call import CallScreen
        from simulator.app.screens.wrapup import WrapUpScreen

        session = self.session
        if session is None:
            return
        call = self.screen if isinstance(self.screen, CallScreen) else None
        elapsed = round(call.elapsed, 1) if call is not None else None
        coach = call.coach if call is not None else self.coach
        if not session.ended:
            session.hang_up()
            self.journal.hang_up(elapsed=elapsed)
        self.journal.notes(notes)
        # What was said about the call stays on the call screen: a toast would cover
        # the wrap-up form (Submit, at 80x24).
        self.clear_notifications()
        self.switch_screen(WrapUpScreen(session, notes, coach=coach))

    def submit_wrap_up(self, agreement: Any, notes: str) -> None:
        """Score and save the session, then show its scorecard."""
        from simulator.app.screens.scorecard import ScorecardScreen

        session = self.session
        if session is None:
            return
        session.wrap_up(agreement, notes)
        finished = session.finish()
        record = session.record().model_dump(mode="json")
        try:
            card = grading.score(finished, created_at=self.now())
        except ImportError:
            self.notify("The scorer is not installed; the session is saved unscored.", severity="error")
            card = {"overall": 0.0, "passed": False, "dimensions": {}, "compliance": {"violations": []},
                    "outcome": {}, "tips": [], "transcript": [t.to_dict() for t in finished.turns]}
        try:
            archive.save_session(record, card, saved_at=self.now())
        except OSError as exc:
            self.notify(f"Could not save the session: {exc}", severity="error")
        self.journal.finish()
        self.last_card = card
        self.save_to_store(card)
        from simulator.app.suggest import facts_from_session

        self.switch_screen(ScorecardScreen(card, record, facts=facts_from_session(session)))

    def save_to_store(self, card: dict[str, Any]) -> None:
        """Best effort, off the UI thread: the team's store may be slow or absent.
        A failure is one notification line; the session file is saved already."""
        team = self.team or None

        def work() -> None:
            problem = archive.save_to_store(card, team=team)
            if problem:
                self.call_from_thread(
                    self.notify,
                    f"Not saved to the team store ({problem}). Your copy is in History.",
                    title="Team store", severity="warning", timeout=8, markup=False,
                )

        self.run_worker(work, thread=True, group="store", exit_on_error=False)
