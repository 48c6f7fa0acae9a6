"""`collectsim serve` without a browser: what it binds to, what it warns about, what each
tab runs, where sessions go, and what one browser tab of the app does differently."""

from __future__ import annotations

import pytest
from test_app_support import run_async, settle, type_text

from simulator.app.app import CollectSimApp
from simulator.app.journal import Journal
from simulator.app.settings import Settings
from simulator.cli import main
from simulator.commands import serve


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    return tmp_path


class FakeServer:
    """Stands in for textual_serve's Server: records how it was built, serves nothing."""

    made: list[FakeServer] = []

    def __init__(self, command, host="localhost", port=8000, title=None, public_url=None, **_):
        self.command, self.host, self.port, self.title, self.public_url = command, host, port, title, public_url
        FakeServer.made.append(self)

    def serve(self, debug=False):
        self.served = True


@pytest.fixture
def fake_server(monkeypatch):
    pytest.importorskip("textual_serve")
    import textual_serve.server

    FakeServer.made = []
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    return FakeServer


def test_serve_binds_to_loopback_by_default_and_says_where_sessions_go(fake_server, home, capsys):
    db = f"sqlite:///{home / 'class.db'}"
    assert main(["serve", "--db", db]) == 0
    [server] = fake_server.made
    assert (server.host, server.port, server.served) == ("127.0.0.1", 8000, True)
    assert server.command.endswith("-m simulator --served")
    err = capsys.readouterr().err
    assert "warning" not in err
    assert f"sessions go to {db}" in err
    assert (home / "class.db").exists()  # the store was created before any tab opens


def test_serve_on_another_address_warns_that_there_is_no_authentication(fake_server, home, capsys):
    assert main(["serve", "--host", "0.0.0.0", "--port", "8765", "--mode", "assessment",
                 "--db", f"sqlite:///{home / 'c.db'}"]) == 0
    [server] = fake_server.made
    assert (server.host, server.port) == ("0.0.0.0", 8765)
    assert server.command.endswith("--served --mode assessment")
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0" in err and "no authentication" in err


def test_tabs_inherit_the_store(fake_server, home, monkeypatch):
    import os

    monkeypatch.setenv("COLLECTSIM_DB", "")
    main(["serve", "--db", f"sqlite:///{home / 'room.db'}"])
    assert os.environ["COLLECTSIM_DB"].endswith("room.db")


def test_a_bad_store_is_one_line_at_start(fake_server, home, capsys):
    code = main(["serve", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr().err
    assert code == 1 and not fake_server.made
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_without_textual_serve_it_says_how_to_install_it(monkeypatch, capsys):
    import builtins

    real = builtins.__import__

    def no_serve(name, *args, **kwargs):
        if name.startswith("textual_serve"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_serve)
    assert main(["serve"]) == 1
    assert "pip install 'collectsim[web]'" in capsys.readouterr().err


def test_the_command_quotes_the_interpreter():
    assert serve.app_command("/opt/my python/bin/python", None) == \
        "'/opt/my python/bin/python' -m simulator --served"
    assert serve.warning("127.0.0.1") is None and serve.warning("localhost") is None
    assert serve.warning("192.168.1.5")


# ---------------------------------------------------------------- one browser tab
@run_async
async def test_a_served_tab_asks_for_a_name_and_saves_nothing_for_the_next(home):
    Settings(trainee="previous", team="north").save()
    app = CollectSimApp(frozen_clock=True, served=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.trainee == "" and app.focused.id == "trainee"
        await type_text(pilot, "robin")
        await pilot.press("enter")
        await settle(pilot)
        assert app.trainee == "robin"
        await pilot.press("ctrl+t")
    assert Settings.load().trainee == "previous"  # the trainer's own settings are untouched
    assert Settings.load().theme == "textual-dark"


@run_async
async def test_a_served_tab_offers_back_only_its_trainees_unfinished_call(home):
    folder = home / "data" / "journal"
    Journal(folder, name="served-robin.jsonl").begin("hardship-basic", None, "robin",
                                                      {"reviewed": [], "call_time": "18:30"})
    Journal(folder, name="served-robin.jsonl").turn(1, "Hello, is this Maria?")
    app = CollectSimApp(frozen_clock=True, served=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"  # nobody's call before a name
        await type_text(pilot, "casey")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("ctrl+n")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "robin")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ResumeScreen"
        await pilot.press("r")
        await settle(pilot)
        assert [t.text for t in app.session.turns] == ["Hello, is this Maria?"]
