"""Replays that cannot drift: a record and a scorecard carry the account file they were
played against, so `play`, `score` and `verify` never regenerate it with Faker, whose
data may change between versions. Faker is replaced here by a stub that makes different
data: a replay of every example must still give the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from simulator.cli import main
from simulator.content.account import AccountFile, generate_account
from simulator.content.library import Library
from simulator.content.models import SessionRecord
from simulator.session import Session, replay

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


class StubFaker:
    """Stands in for faker.Faker: every value differs from what Faker would make."""

    def __init__(self, *_args: object, **_kwargs: object) -> None:
        pass

    def seed_instance(self, _seed: int) -> None:
        pass

    def numerify(self, text: str = "###") -> str:
        return text.replace("#", "7")

    def state_abbr(self, **_kwargs: object) -> str:
        return "ZZ"

    def __getattr__(self, name: str):  # first_name, city, company, job, ...
        return lambda *a, **k: f"Stub{name.title().replace('_', '')}"


@pytest.fixture
def stub_faker(monkeypatch: pytest.MonkeyPatch) -> None:
    import faker

    monkeypatch.setattr(faker, "Faker", StubFaker)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("flag", [[], ["--json"]], ids=["text", "json"])
def test_every_example_replays_byte_identically_with_faker_stubbed(
    example: Path, flag: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _run(capsys, "play", str(example), *flag)
    import faker

    monkeypatch.setattr(faker, "Faker", StubFaker)
    assert _run(capsys, "play", str(example), *flag) == real


def test_every_example_carries_its_account() -> None:
    for example in EXAMPLES:
        data = yaml.safe_load(example.read_text(encoding="utf-8"))
        AccountFile.from_dict(data["account"])  # well formed


def test_the_stub_does_change_a_record_without_an_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the account in the record, a different Faker changes the output: the test
    above would catch a replay that regenerated the file."""
    data = yaml.safe_load((ROOT / "examples" / "hardship-good.yaml").read_text(encoding="utf-8"))
    del data["account"]
    bare = tmp_path / "bare.yaml"
    bare.write_text(yaml.safe_dump(data), encoding="utf-8")
    real = _run(capsys, "play", str(bare), "--json")
    import faker

    monkeypatch.setattr(faker, "Faker", StubFaker)
    stubbed = _run(capsys, "play", str(bare), "--json")
    assert stubbed != real
    account = json.loads(stubbed)["scorecard"]["meta"]["session"]["account"]
    assert account["debtor"]["phone"] == "(777) 555-0777"


def test_a_new_session_records_its_account_and_a_replay_uses_it(stub_faker: None) -> None:
    s = Session.start("hardship-basic", seed=3, trainee="alex")
    s.say("Hello, is this Maria Delgado?")
    record = s.record()
    carried = record.model_extra["account"]
    assert carried["debtor"]["address"].startswith("StubStreetAddress")
    assert AccountFile.from_dict(carried) == s.account
    again = replay(SessionRecord.model_validate(record.model_dump(mode="json")))
    assert again.account == s.account
    assert again.record.model_dump(mode="json") == record.model_dump(mode="json")


def test_the_scorecard_embeds_the_account_and_verify_never_regenerates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = json.loads(_run(capsys, "play", str(EXAMPLES[0]), "--json"))["scorecard"]
    assert "account" in card["meta"]["session"]
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card), encoding="utf-8")
    import faker

    monkeypatch.setattr(faker, "Faker", StubFaker)
    out = _run(capsys, "verify", str(path))
    assert ": match" in out


def test_verify_warns_about_a_card_without_an_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = json.loads(_run(capsys, "play", str(EXAMPLES[0]), "--json"))["scorecard"]
    del card["meta"]["session"]["account"]
    path = tmp_path / "old-card.json"
    path.write_text(json.dumps(card), encoding="utf-8")
    code = main(["verify", str(path)])
    err = capsys.readouterr().err
    assert "carries no account file" in err
    assert code in (0, 1)  # the fresh card now carries one: a difference to report, not a crash


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a["debtor"].pop("first_name"), "account.debtor.first_name: missing"),
        (lambda a: a["account"].__setitem__("balance", "lots"), "account.account.balance: expected a number"),
        (lambda a: a["payments"][0].__setitem__("date", "someday"), "account.payments[0].date: not a date"),
        (lambda a: a.__setitem__("debtor", ["x"]), "account.debtor: expected a mapping"),
    ],
)
def test_a_damaged_account_is_one_line_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change, message: str
) -> None:
    data = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    change(data["account"])
    rec = tmp_path / "damaged.yaml"
    rec.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["play", str(rec)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"collectsim: error: {rec}: the record's {message}")
    assert "\n" not in err


def test_account_round_trips_for_every_scenario_and_many_seeds() -> None:
    lib = Library.default()
    for path in lib.scenario_paths():
        scenario = lib.load_scenario_file(path)
        persona = lib.persona_for(scenario, path)
        for seed in range(12):
            account = generate_account(scenario, persona, seed)
            carried = json.loads(json.dumps(account.to_record()))
            assert AccountFile.from_dict(carried) == account
            assert AccountFile.from_dict(account.to_dict()) == account  # dates as objects too


def test_a_field_added_later_takes_its_default() -> None:
    account = Session.start("hardship-basic", seed=1).account
    carried = account.to_record()
    del carried["call_date"], carried["extra"]  # fields with defaults
    assert AccountFile.from_dict(carried) == account
