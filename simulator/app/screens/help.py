"""Help: the keys, and how a practice session works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

HELP = """\
# collectsim: practise collection calls

**Home** → **Preparation** → **Call** → **Wrap-up** → **Scorecard**; **History** and
**Team** from Home

| where | key | does |
| --- | --- | --- |
| everywhere | `F1` / `?` | this help |
| everywhere | `ctrl+p` | command palette: start a scenario, restart, coach or assessment mode, export, theme, team |
| everywhere | `Tab` / `shift+Tab` | next / previous field (the focused field is highlighted) |
| everywhere | `ctrl+t` | light / dark theme |
| everywhere | `ctrl+q` | quit (an unfinished call can be resumed next time) |
| Home | `Enter` | start the highlighted scenario |
| Home | `F2` | coach mode ↔ assessment mode for new calls (shown at the top) |
| Home | `ctrl+n` | edit the trainee name (`Tab` then: your team, optional) |
| Home | `F3` | history |
| Home, History | `F4` | team comparison |
| Preparation | `1`–`6` | open a section of the account file (`1` is the brief) |
| Preparation | `Tab` | from the sections straight to the plan (Objective first) |
| Preparation | `PageUp` / `PageDown` | scroll the open section |
| Preparation | `F5` | dial (on an empty plan, press it twice) |
| Call | `Enter` | say the line |
| Call | `F2` | coach mode ↔ assessment mode, for this call only |
| Call | `ctrl+g` | coach mode: put the suggested better line in your line (costs points) |
| Call | `F4` | notes ↔ the line you type |
| Call | `ctrl+e` | end the call and wrap up |
| Wrap-up | `ctrl+s` | submit and see the scorecard |
| Scorecard | `1`–`4` | summary, checks, compliance, replay |
| Scorecard | `e` | export Markdown, JSON and HTML |
| Scorecard | `r` | try the scenario again |
| Team | `1`–`3` | scorecards, averages per trainee, trend per week |
| Team | `Tab` | the filters: trainee, team, scenario, since (`YYYY-MM-DD`) |
| Team | `Enter` / `F5` | open the scorecard / read the store again |

**Preparation counts.** The scorer sees which account-file sections you opened before
dialling, your plan, and whether you called between 08:00 and 21:00 in the debtor's
time zone.

**Coach mode** shows hints, the moves found in each of your lines, the debtor's
mood and, after a weak line, a better one you may take (`ctrl+g`; each one taken costs
points on the scorecard). **Assessment mode** hides all of it. Home shows the mode new
calls start in; `F2` during a call changes that call only.

**Your plan is kept.** Going back to Home and returning keeps what you read and typed
in Preparation until you dial.

**The team store.** Every scorecard is also saved to the team's scorecard store
(`COLLECTSIM_DB`, else a file in your data folder), with your team if you gave one;
if that fails you are told, and your own copy stays in History.

**Nothing is lost.** Every line you send is saved at once; if the app stops mid-call
it offers to resume the call next time.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)
        yield Footer()
