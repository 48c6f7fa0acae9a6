"""The scorecard store, on SQLite and on PostgreSQL: one suite, two backends.

PostgreSQL tests each get a fresh schema (search_path set through the URL) that is
dropped afterwards. Without a server they are skipped with the reason, except under
CI=true, where a missing server is a failure.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import store_fixtures as sf
from sqlalchemy import create_engine, inspect, text

from simulator.store import CSV_COLUMNS, DIMENSIONS, Store, StoreError, content_hash, migrations
from simulator.store.models import Base

make_scorecard = sf.make_scorecard


# -- backends ---------------------------------------------------------------------


class Backend:
    """Hands out fresh, empty databases of one kind and removes them afterwards."""

    def __init__(self, name: str, tmp_path: Path, pg_url: str | None = None) -> None:
        self.name = name
        self._tmp = tmp_path
        self._pg_url = pg_url
        self._schemas: list[str] = []

    def new_url(self) -> str:
        if self.name == "sqlite":
            index = len(list(self._tmp.glob("*.db")))
            return f"sqlite:///{self._tmp / f'scores{index}.db'}"
        assert self._pg_url
        schema = sf.pg_create_schema(self._pg_url)
        self._schemas.append(schema)
        return sf.pg_schema_url(self._pg_url, schema)

    def cleanup(self) -> None:
        for schema in self._schemas:
            sf.pg_drop_schema(self._pg_url or "", schema)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Backend("sqlite", tmp_path)
        return
    url, reason = sf.pg_base_url()
    if url is None:
        message = f"PostgreSQL is not reachable at {sf.PG_HOST}/{sf.PG_DB}: {reason}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: the PostgreSQL tests must run)")
        pytest.skip(f"{message} (start it, or set COLLECTSIM_TEST_PG)")
    pg = Backend("postgres", tmp_path, url)
    try:
        yield pg
    finally:
        pg.cleanup()


@pytest.fixture
def store_url(backend: Backend) -> str:
    return backend.new_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as s:
        yield s


def raw_engine(url: str) -> Any:
    """A plain engine on the same database, to poke at it behind the store's back."""
    from simulator.store.engine import resolve_url

    return create_engine(resolve_url(url))


# -- the CLI, limited to the store's commands -------------------------------------

STORE_COMMANDS = {
    "scores": "scores",
    "compare": "compare",
    "leaderboard": "leaderboard",
    "export": "export",
    "import": "import_",
}


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``collectsim ARGV`` in this process; (exit code, stdout, stderr)."""
    from simulator import cli

    capsys.readouterr()
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_commands_are_registered() -> None:
    from simulator import cli

    for name, module in STORE_COMMANDS.items():
        entry = cli.COMMANDS[name]
        assert (entry if isinstance(entry, str) else entry[0]) == module


def test_bad_url_in_a_real_process_is_one_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(sf.ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "scores", "--db", "nosuchdb://x/y"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("collectsim: error: cannot use database nosuchdb://x/y")
    assert done.stderr.count("\n") == 1


# -- save and query ---------------------------------------------------------------


def test_save_and_query_with_filters(store: Store) -> None:
    cards = [
        make_scorecard(1, trainee="alex", scenario="hardship-basic", team="north"),
        make_scorecard(2, trainee="alex", scenario="hostile-basic", team="north"),
        make_scorecard(3, trainee="bea", scenario="hardship-basic", team="south"),
        make_scorecard(
            4,
            trainee="bea",
            scenario="hardship-basic",
            created_at=sf.BASE_TIME + timedelta(days=10),
        ),
    ]
    for card in cards:
        assert store.save(card) is True
    assert store.count() == 4

    rows = store.query()
    assert [r.created_at for r in rows] == sorted((r.created_at for r in rows), reverse=True)
    assert {r.trainee for r in store.query(trainee="alex")} == {"alex"}
    assert len(store.query(trainee="alex")) == 2
    assert len(store.query(team="north")) == 2
    assert len(store.query(scenario="hardship-basic")) == 3
    assert len(store.query(trainee="bea", scenario="hardship-basic")) == 2
    assert [r.trainee for r in store.query(since=date(2026, 3, 5))] == ["bea"]
    assert len(store.query(since=sf.BASE_TIME + timedelta(days=1))) == 1
    assert len(store.query(limit=3)) == 3

    row = store.query(trainee="alex", scenario="hardship-basic")[0]
    card = cards[0]
    assert row.overall == card["overall"] and row.passed == card["passed"]
    for d in DIMENSIONS:
        assert getattr(row, d) == card["dimensions"][d]["score"]
    assert row.team == "north" and row.persona == "maria-hardship"
    assert row.outcome_type == "payment_plan" and row.amount_secured == 600.0
    assert row.content_hash == content_hash(card)
    assert row.created_at.tzinfo is not None
    assert row.created_at == datetime.fromisoformat(card["meta"]["created_at"])


def test_not_assessed_dimension_is_null_and_timezones_are_kept(store: Store) -> None:
    when = datetime(2026, 3, 3, 23, 30, tzinfo=UTC) + timedelta(hours=0)
    local = when.astimezone(datetime.now().astimezone().tzinfo)
    card = make_scorecard(1, dims={"preparation": None}, created_at=local)
    card["meta"]["created_at"] = "2026-03-04T01:30:00+02:00"  # == 2026-03-03 23:30 UTC
    store.save(card)
    row = store.query()[0]
    assert row.preparation is None
    assert row.created_at == when
    assert row.created_at.utcoffset() == timedelta(0)


def test_trainee_and_scenario_fall_back_to_the_session(store: Store) -> None:
    store.save(make_scorecard(1, trainee="casey", scenario="third-party", in_session_only=True))
    row = store.query()[0]
    assert (row.trainee, row.scenario) == ("casey", "third-party")


def test_team_argument_wins_over_meta(store: Store) -> None:
    store.save(make_scorecard(1, team="north"), team="east")
    assert store.query()[0].team == "east"


def test_same_scorecard_is_stored_once(store: Store) -> None:
    card = make_scorecard(7)
    assert store.save(card) is True
    assert store.save(json.loads(json.dumps(card))) is False  # equal content, new object
    reordered = dict(reversed(list(card.items())))
    assert store.save(reordered) is False  # key order does not matter
    assert store.save_many([card, make_scorecard(8), make_scorecard(8)]) == (1, 2)
    assert store.count() == 2


def test_save_refuses_a_non_scorecard_and_writes_nothing(store: Store) -> None:
    bad = make_scorecard(2)
    del bad["dimensions"]["tone"]
    with pytest.raises(StoreError, match=r"item 2: not a scorecard: missing 'dimensions.tone'"):
        store.save_many([make_scorecard(1), bad])
    with pytest.raises(StoreError, match="not a scorecard: 'passed'"):
        store.save({**make_scorecard(3), "passed": "yes"})
    assert store.count() == 0


# -- compare, leaderboard, trend ----------------------------------------------------


def _fill_for_ranking(store: Store) -> None:
    """alex: 60/80 overall; bea: 90; cruz: 70 on hostile only; tone differs."""
    cards = [
        make_scorecard(1, trainee="alex", overall=60, dims={"tone": 50, "documentation": None}),
        make_scorecard(2, trainee="alex", overall=80, dims={"tone": 70, "documentation": 40}),
        make_scorecard(3, trainee="bea", overall=90, dims={"tone": 55, "documentation": 90}),
        make_scorecard(4, trainee="cruz", scenario="hostile-basic", overall=70, dims={"tone": 95}),
        make_scorecard(5, trainee="bea", scenario="hostile-basic", overall=50, dims={"tone": 45}),
    ]
    assert store.save_many(cards) == (5, 0)


def test_compare_means_and_differences(store: Store) -> None:
    _fill_for_ranking(store)
    stats = store.compare(["alex", "bea", "nobody"], scenario="hardship-basic")
    alex, bea, nobody = stats
    assert (alex.trainee, alex.count, bea.count, nobody.count) == ("alex", 2, 1, 0)
    assert alex.means["overall"] == pytest.approx(70)
    assert alex.means["tone"] == pytest.approx(60)
    assert alex.means["documentation"] == pytest.approx(40)  # not assessed is left out
    assert alex.pass_rate == pytest.approx(1.0)
    assert bea.diff["overall"] == pytest.approx(20)
    assert bea.diff["tone"] == pytest.approx(-5)
    assert bea.diff["documentation"] == pytest.approx(50)
    assert all(v == pytest.approx(0) for v in alex.diff.values())
    assert nobody.means["overall"] is None and nobody.diff["overall"] is None

    everywhere = store.compare(["bea", "alex"])
    assert everywhere[0].trainee == "bea" and everywhere[0].count == 2
    assert everywhere[0].means["overall"] == pytest.approx(70)
    assert everywhere[1].diff["overall"] == pytest.approx(0)


def test_leaderboard_by_overall_dimension_and_scenario(store: Store) -> None:
    _fill_for_ranking(store)
    board = store.leaderboard()
    assert [(e.rank, e.trainee) for e in board] == [(1, "alex"), (2, "bea"), (3, "cruz")]
    assert [e.score for e in board] == pytest.approx([70, 70, 70])  # ties: by name

    by_tone = store.leaderboard(by="tone")
    assert [e.trainee for e in by_tone] == ["cruz", "alex", "bea"]
    assert [e.score for e in by_tone] == pytest.approx([95, 60, 50])

    by_docs = store.leaderboard(by="documentation", scenario="hardship-basic")
    assert [(e.trainee, e.count) for e in by_docs] == [("bea", 1), ("alex", 1)]

    hostile = store.leaderboard(scenario="hostile-basic")
    assert [e.trainee for e in hostile] == ["cruz", "bea"]
    assert len(store.leaderboard(limit=1)) == 1
    with pytest.raises(StoreError, match="cannot rank by 'charm'"):
        store.leaderboard(by="charm")


def test_trend_by_week(store: Store) -> None:
    monday = sf.BASE_TIME  # Monday 2026-03-02
    cards = [
        make_scorecard(1, overall=50, created_at=monday),
        make_scorecard(2, overall=70, created_at=monday + timedelta(days=6, hours=12)),  # Sun
        make_scorecard(3, overall=90, created_at=monday + timedelta(days=7)),  # next Monday
        make_scorecard(4, trainee="bea", overall=10, created_at=monday),
    ]
    store.save_many(cards)
    points = store.trend("alex")
    assert [(p.week, p.overall, p.count) for p in points] == [
        (date(2026, 3, 2), pytest.approx(60), 2),
        (date(2026, 3, 9), pytest.approx(90), 1),
    ]
    assert store.trend("alex", scenario="nope") == []


def test_trend_within_a_team(store: Store) -> None:
    monday = sf.BASE_TIME
    store.save_many([
        make_scorecard(1, overall=40, created_at=monday, team="north"),
        make_scorecard(2, overall=80, created_at=monday + timedelta(days=1), team="south"),
    ])
    assert [p.overall for p in store.trend("alex")] == [pytest.approx(60)]
    assert [p.overall for p in store.trend("alex", team="north")] == [pytest.approx(40)]
    assert store.trend("alex", team="east") == []


# -- export and import ------------------------------------------------------------


def test_export_csv(store: Store, store_url: str, tmp_path: Path, capsys: Any) -> None:
    cards = [make_scorecard(i, violations=i % 2, team="north") for i in range(3)]
    cards[1]["dimensions"]["flexibility"]["score"] = None
    store.save_many(cards)
    out_file = tmp_path / "out.csv"
    code, _, err = run_cli(["export", "--csv", "-o", str(out_file), "--db", store_url], capsys)
    assert code == 0, err
    assert "exported 3 session(s)" in err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text())))
    header = out_file.read_text().splitlines()[0].split(",")
    assert header == list(CSV_COLUMNS)
    for required in ("overall", "passed", *DIMENSIONS):
        assert required in header
    assert len(rows) == 3
    by_hash = {r["content_hash"]: r for r in rows}
    for card in cards:
        row = by_hash[content_hash(card)]
        assert float(row["overall"]) == card["overall"]
        assert row["passed"] == ("true" if card["passed"] else "false")
        assert row["violations"] == str(len(card["compliance"]["violations"]))
        assert row["team"] == "north" and row["outcome"] == "payment_plan"
        for d in DIMENSIONS:
            score = card["dimensions"][d]["score"]
            assert row[d] == ("" if score is None else str(float(score)))
    assert not list(tmp_path.glob("*.partial"))

    code, out, _ = run_cli(["export", "--csv", "--trainee", "nobody", "--db", store_url], capsys)
    assert code == 0 and out.strip() == ",".join(CSV_COLUMNS)


def test_export_json_round_trip(
    store: Store, store_url: str, backend: Backend, tmp_path: Path, capsys: Any
) -> None:
    cards = [make_scorecard(i, trainee=["alex", "bea"][i % 2]) for i in range(5)]
    cards.append(make_scorecard(9, in_session_only=True))
    store.save_many(cards)
    exported = tmp_path / "all.json"
    code, _, err = run_cli(["export", "--json", "-o", str(exported), "--db", store_url], capsys)
    assert code == 0, err
    data = json.loads(exported.read_text())
    assert sorted(content_hash(c) for c in data) == sorted(content_hash(c) for c in cards)

    other = backend.new_url()
    code, out, err = run_cli(["import", str(exported), "--db", other], capsys)
    assert (code, out.strip(), err) == (0, "added 6, already stored 0", "")
    code, out, _ = run_cli(["import", str(exported), "--db", other], capsys)
    assert (code, out.strip()) == (0, "added 0, already stored 6")
    with Store.open(other) as copy:
        assert sorted(r.content_hash for r in copy.query()) == sorted(
            r.content_hash for r in store.query()
        )
    code, out, _ = run_cli(["export", "--json", "--trainee", "bea", "--db", other], capsys)
    assert code == 0 and len(json.loads(out)) == 2


def test_import_valid_files(store_url: str, tmp_path: Path, capsys: Any) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(make_scorecard(1)))
    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join(json.dumps(make_scorecard(i)) for i in (1, 2, 3)) + "\n\n")
    code, out, err = run_cli(
        ["import", str(one), str(lines), "--team", "east", "--db", store_url], capsys
    )
    assert (code, out.strip(), err) == (0, "added 3, already stored 1", "")
    with Store.open(store_url) as s:
        assert {r.team for r in s.query()} == {"east"}


def test_import_refuses_a_non_scorecard_file(store_url: str, tmp_path: Path, capsys: Any) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(make_scorecard(1)))
    session = tmp_path / "session.json"
    session.write_text(json.dumps({"scenario": "hardship-basic", "trainee": "alex", "overall": 50}))
    broken = tmp_path / "broken.json"
    broken.write_text('{"overall": 50,')
    code, out, err = run_cli(
        ["import", str(session), str(good), str(broken), "--db", store_url], capsys
    )
    assert code == 1
    errors = err.strip().splitlines()
    assert errors[0] == f"collectsim: error: {session}: not a scorecard: missing 'passed'"
    assert errors[1].startswith(f"collectsim: error: {broken}:1:") and "not JSON" in errors[1]
    assert "Traceback" not in err
    assert out.strip().startswith("added 1, already stored 0; 2 file(s) refused")
    with Store.open(store_url) as s:
        assert s.count() == 1

    nodims = make_scorecard(2)
    del nodims["dimensions"]
    with Store.open(store_url) as s, pytest.raises(StoreError) as info:
        (tmp_path / "nodims.json").write_text(json.dumps(nodims))
        s.import_file(tmp_path / "nodims.json")
    assert str(info.value) == f"{tmp_path / 'nodims.json'}: not a scorecard: missing 'dimensions'"


def test_import_half_bad_list_writes_nothing(store_url: str, tmp_path: Path, capsys: Any) -> None:
    cards = [make_scorecard(i) for i in range(4)]
    del cards[2]["outcome"]
    path = tmp_path / "half.json"
    path.write_text(json.dumps(cards))
    code, out, err = run_cli(["import", str(path), "--db", store_url], capsys)
    assert code == 1
    assert err.strip() == f"collectsim: error: {path}: item 3: not a scorecard: missing 'outcome'"
    with Store.open(store_url) as s:
        assert s.count() == 0


# -- the CLI's tables ---------------------------------------------------------------


def test_cli_tables_and_json(
    store: Store, store_url: str, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _fill_for_ranking(store)
    store.save(make_scorecard(9, trainee="[bold]dee[/bold]"))
    code, out, _ = run_cli(["scores", "--db", store_url, "--trainee", "alex"], capsys)
    assert code == 0 and "alex" in out and "2 session(s)" in out
    code, out, _ = run_cli(["scores", "--db", store_url, "--trainee", "[bold]dee[/bold]"], capsys)
    assert "[bold]dee[/bold]" in out  # shown literally, not as markup
    code, out, _ = run_cli(["scores", "--db", store_url, "--json", "--limit", "2"], capsys)
    assert code == 0 and len(json.loads(out)) == 2

    code, out, _ = run_cli(["compare", "alex", "bea", "--db", store_url], capsys)
    assert code == 0 and "compared with alex" in out and "(+0.0)" in out
    code, out, _ = run_cli(
        ["compare", "alex", "bea", "--scenario", "hardship-basic", "--json", "--db", store_url],
        capsys,
    )
    data = json.loads(out)
    assert data[1]["diff"]["overall"] == pytest.approx(20)

    code, out, _ = run_cli(["leaderboard", "--by", "tone", "--json", "--db", store_url], capsys)
    assert [e["trainee"] for e in json.loads(out)][:2] == ["cruz", "alex"]
    code, out, _ = run_cli(["leaderboard", "--db", store_url], capsys)
    assert code == 0 and "leaderboard by overall" in out

    with pytest.raises(SystemExit) as usage:
        run_cli(["scores", "--since", "last tuesday", "--db", store_url], capsys)
    assert usage.value.code == 2


# -- schema versions ----------------------------------------------------------------


def test_schema_matches_the_models(store: Store, store_url: str) -> None:
    """The frozen migrations build exactly what the ORM models describe."""
    assert store.schema_version == len(migrations.MIGRATIONS)
    engine = raw_engine(store_url)
    try:
        insp = inspect(engine)
        for table in Base.metadata.tables.values():
            assert {c["name"] for c in insp.get_columns(table.name)} == set(table.columns.keys())
            indexes = {i["name"] for i in insp.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexes
    finally:
        engine.dispose()


def test_newer_schema_version_is_one_clear_error(store: Store, store_url: str, capsys: Any) -> None:
    engine = raw_engine(store_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO schema_version (version, applied_at, tool_version) VALUES (7, :t, 'x')"
            ),
            {"t": datetime.now(UTC).replace(tzinfo=None)},
        )
    engine.dispose()
    known = len(migrations.MIGRATIONS)
    message = (
        f"database schema version 7 is newer than this collectsim (knows up to {known}); "
        "upgrade collectsim"
    )
    with pytest.raises(StoreError) as info:
        Store.open(store_url)
    assert str(info.value) == message
    code, out, err = run_cli(["scores", "--db", store_url], capsys)
    assert (code, err) == (1, f"collectsim: error: {message}\n")


def test_migration_from_an_older_version(
    store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-1 database with data is upgraded in place when the code knows v2."""
    store.save(make_scorecard(1))
    store.close()
    calls: list[int] = []

    def v2_add_reviewer(conn: Any) -> None:
        calls.append(1)
        conn.execute(text("ALTER TABLE scorecards ADD COLUMN reviewer VARCHAR(100)"))
        conn.execute(text("UPDATE scorecards SET reviewer = 'lead'"))

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2_add_reviewer])
    with Store.open(store_url) as upgraded:
        assert upgraded.schema_version == 2
        assert upgraded.count() == 1
    with Store.open(store_url) as again:  # already current: not run twice
        assert again.schema_version == 2
    assert calls == [1]
    engine = raw_engine(store_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT reviewer FROM scorecards")).scalar() == "lead"
        versions = conn.execute(text("SELECT version FROM schema_version ORDER BY version"))
        assert [v for (v,) in versions] == [1, 2]
    engine.dispose()


def test_failed_migration_leaves_the_old_version(
    store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()

    def v2_broken(conn: Any) -> None:
        conn.execute(text("ALTER TABLE scorecards ADD COLUMN reviewer VARCHAR(100)"))
        conn.execute(text("SELECT * FROM no_such_table"))

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2_broken])
    with pytest.raises(StoreError, match="to schema version 2 failed"):
        Store.open(store_url)
    monkeypatch.undo()
    with Store.open(store_url) as s:
        assert s.schema_version == 1
    engine = raw_engine(store_url)
    assert "reviewer" not in {c["name"] for c in inspect(engine).get_columns("scorecards")}
    engine.dispose()


# -- bad URLs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("nosuchdb://x/y", "cannot use database"),
        ("postgresql://postgres@127.0.0.1:1/test", "cannot open the scorecard database"),
        ("sqlite:////nonexistent-dir/sub/scores.db", "cannot open the scorecard database"),
        ("://", "not a database URL"),
    ],
)
def test_bad_url_is_one_line(url: str, expected: str, capsys: Any) -> None:
    with pytest.raises(StoreError, match=expected):
        Store.open(url)
    code, out, err = run_cli(["scores", "--db", url], capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"collectsim: error: {expected}")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from simulator.store.engine import resolve_url

    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    monkeypatch.setenv("COLLECTSIM_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_url(None).database == str(tmp_path / "env.db")
    monkeypatch.delenv("COLLECTSIM_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = resolve_url(None).database or ""
    assert default.endswith("scores.db") and "collectsim" in default


# -- concurrency ----------------------------------------------------------------------


@pytest.mark.slow
def test_concurrent_writers(store_url: str) -> None:
    """4 processes open a new database at once and save 500 cards each, one at a time."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(4)
    errors = ctx.Queue()
    procs = [
        ctx.Process(target=sf.concurrent_writer, args=(store_url, w, 500, barrier, errors))
        for w in range(4)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with Store.open(store_url) as s:
        assert s.count() == 2000
        assert {e.trainee: e.count for e in s.leaderboard()} == {f"w{w}": 500 for w in range(4)}
        assert s.schema_version == len(migrations.MIGRATIONS)


def test_the_cli_reads_the_store_the_app_writes(tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    """Under COLLECTSIM_HOME the default store is the app's own file, so `collectsim
    scores` lists the sessions the app saved."""
    from simulator.app import archive
    from simulator.store.engine import default_url

    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    assert default_url() == f"sqlite:///{tmp_path / 'data' / 'scores.db'}"
    assert archive.save_to_store(make_scorecard(1, team="north")) is None
    code, out, _ = run_cli(["scores"], capsys)
    assert code == 0 and "1 session(s)" in out


def test_scores_table_fits_80_columns_with_whole_numbers(store: Store) -> None:
    """One line a session at 80 columns: long names are cut, the figures never are."""
    from rich.console import Console

    from simulator.store.render import scores_table

    store.save(make_scorecard(1, trainee="alexandra-longname", scenario="cooperative-basic-long-id"))
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(scores_table(store.query(), width=80))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if "…" in line)
    assert len(row.split()) == 10  # date, trainee, scenario, score, pass and the five dimensions
    assert "…" not in " ".join(row.split()[3:])
