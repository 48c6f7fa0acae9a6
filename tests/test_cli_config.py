"""config.toml in the config folder: flag > environment > file > default, for the store
URL, trainee, team, theme and mode; a bad file is one line naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator import cli, config
from simulator.diagnostics import UserError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hardship-good.yaml"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    for env, _, _ in config.KEYS.values():
        monkeypatch.delenv(env, raising=False)
    monkeypatch.delenv(config.CONFIG_ENV, raising=False)
    return tmp_path


def write_config(home: Path, text: str) -> Path:
    path = home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_lives_in_the_config_folder(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(home / "config" / "config.toml")


def test_flag_beats_environment_beats_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_config(home, 'team = "north"\ntrainee = "alex"\nmode = "assessment"\n')
    assert config.resolve("team") == config.Setting("team", "north", str(path))
    monkeypatch.setenv("COLLECTSIM_TEAM", "south")
    assert config.resolve("team") == config.Setting("team", "south", "$COLLECTSIM_TEAM")
    assert config.resolve("team", "east") == config.Setting("team", "east", "flag")
    assert config.get("trainee") == "alex" and config.get("mode") == "assessment"
    assert config.resolve("theme") == config.Setting("theme", None, "default")


def test_config_command_shows_each_source(home: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_config(home, 'team = "north"\n')
    monkeypatch.setenv("COLLECTSIM_TRAINEE", "bea")
    assert cli.main(["config", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["exists"] is True
    assert data["settings"]["team"]["value"] == "north"
    assert data["settings"]["trainee"] == {"value": "bea", "source": "$COLLECTSIM_TRAINEE"}
    assert cli.main(["config"]) == 0
    out = capsys.readouterr().out
    assert "team     north  (config file; $COLLECTSIM_TEAM)" in out


def test_the_store_url_comes_from_the_file(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = home / "team.db"
    write_config(home, f'db = "sqlite:///{db}"\nteam = "north"\n')
    assert cli.main(["play", str(EXAMPLE), "--save"]) == 0
    assert db.exists()
    capsys.readouterr()
    assert cli.main(["scores", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["trainee"], r["team"]) for r in rows] == [("alex", "north")]


def test_a_file_that_is_not_toml_is_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(home, 'team = "north\n')
    assert cli.main(["config"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"collectsim: error: {path}: not valid TOML:")
    assert "line 1" in err and "\n" not in err


def test_a_wrong_value_is_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(home, 'mode = "exam"\n')
    with pytest.raises(UserError, match="'mode' must be one of coach, assessment"):
        config.get("mode")
    write_config(home, "team = 7\n")
    assert cli.main(["config"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"collectsim: error: {path}: 'team' must be text in quotes, got 7")


def test_an_unknown_key_is_a_warning_with_a_suggestion(home: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(home, 'trainnee = "bea"\nteam = "north"\n')
    assert config.get("team") == "north"
    assert config.get("trainee") is None
    err = capsys.readouterr().err  # once, however many settings were read
    assert err == f"collectsim: warning: {path}: unknown setting 'trainnee' (did you mean 'trainee'?)\n"


def test_collectsim_config_points_at_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text('theme = "textual-light"\n', encoding="utf-8")
    monkeypatch.setenv(config.CONFIG_ENV, str(other))
    assert config.resolve("theme") == config.Setting("theme", "textual-light", str(other))


def test_theme_choices_match_the_app() -> None:
    from simulator.app.main import THEME_CHOICES
    from simulator.app.settings import THEMES

    assert tuple(config.KEYS["theme"][2]) == tuple(THEMES) == THEME_CHOICES


def test_the_app_takes_its_settings_by_precedence(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.app import app as app_module
    from simulator.app.main import build_parser, run_app

    write_config(home, 'trainee = "alex"\nteam = "north"\ntheme = "textual-light"\nmode = "assessment"\n')
    monkeypatch.setenv("COLLECTSIM_TEAM", "south")
    seen = {}

    def fake_run(self) -> None:  # noqa: ANN001
        seen.update(trainee=self.settings.trainee, team=self.settings.team,
                    theme=self.settings.theme, coach=self.coach)

    monkeypatch.setattr(app_module.CollectSimApp, "run", fake_run)
    assert run_app(args=build_parser().parse_args(["--trainee", "bea"])) == 0
    assert seen == {"trainee": "bea", "team": "south", "theme": "textual-light", "coach": False}


def test_postgres_without_its_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from simulator.store import Store, StoreError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(StoreError) as err:
        Store.open("postgresql://coach@127.0.0.1/collectsim")
    message = str(err.value)
    assert "No module named" not in message
    assert "pip install 'collectsim[postgres]'" in message
    assert "pipx inject collectsim 'psycopg[binary]'" in message
