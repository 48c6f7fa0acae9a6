"""The learned model kept in the cache folder (simulator.nlu.modelcache) changes nothing
but speed: a model started from it scores, explains and hashes as the model read from
its files, a feature it has not met reads the files, and a changed model file is read
again, never served from the entry."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from simulator.nlu import modelcache
from simulator.nlu.analyser import default_analyser
from simulator.nlu.features import features
from simulator.nlu.learned import MODEL_FILE, LearnedModel

LINES = [
    ("I get that money's tight right now. What could you manage each month?", "I lost my job."),
    ("Pay today or we'll have you arrested.", None),
    ("so like i said u can pay $50 a month starting the 1st ok??", "Fine, whatever."),
    ("Zxqv ploof blarg.", "Hmm?"),  # no known feature but a few grams
]
LATER = ("We know where you work, and your neighbours will hear about this debt.", None)


@pytest.fixture
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped model's two files in a folder of their own, an empty cache folder,
    and the cache turned on as the command line turns it on."""
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(modelcache, "enabled", True)
    folder = tmp_path / "nlu"
    folder.mkdir()
    for f in (MODEL_FILE, MODEL_FILE.with_suffix(".weights")):
        shutil.copy2(f, folder / f.name)
    return folder / MODEL_FILE.name


def _run(model: LearnedModel, lines: list[tuple[str, str | None]]) -> list[object]:
    """What the analyser makes of ``lines`` with ``model``: heads, moves with their
    explanations (rows, nearest examples) and tone."""
    analyser = default_analyser().with_model(model)
    out: list[object] = []
    for text, context in lines:
        out.append(model.heads(features(text, context, ())))
        out.append(analyser.analyze(text, context))
    return out


def test_a_kept_model_reads_as_the_files_do(model_copy: Path) -> None:
    first, keep = modelcache.load_kept(model_copy)
    assert first._loaded is not None and keep is not None  # no entry yet: the files
    expected = _run(LearnedModel.load(model_copy), LINES)
    assert _run(first, LINES) == expected
    digest = first.digest
    keep()

    second, _ = modelcache.load_kept(model_copy)
    assert second._loaded is None  # started from the entry
    assert _run(second, LINES) == expected
    assert second._loaded is None  # every feature was met before: the files stay unread
    assert second.digest == digest == LearnedModel.load(model_copy).digest
    for text, context in LINES:
        for f in features(text, context, ()):
            row = second.row(f)
            assert (row.tolist() if row is not None else None) == \
                (first.row(f).tolist() if first.row(f) is not None else None)
    # a line with features not met before reads the files, and reads as they do
    assert _run(second, [LATER]) == _run(LearnedModel.load(model_copy), [LATER])
    assert second._loaded is not None


def test_a_changed_model_file_is_read_again(model_copy: Path) -> None:
    first, keep = modelcache.load_kept(model_copy)
    feats = features(*LINES[0], ())
    before = first.heads(feats)
    assert keep is not None
    keep()
    assert modelcache.load_kept(model_copy)[0]._loaded is None

    # every weight doubled: same size, new content (and a new modification time)
    weights = model_copy.with_suffix(".weights")
    import array

    values = array.array("f")
    values.frombytes(weights.read_bytes())
    weights.write_bytes(array.array("f", [2 * v for v in values]).tobytes())
    st = weights.stat()
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    again, _ = modelcache.load_kept(model_copy)
    assert again._loaded is not None  # the entry no longer fits: the files were read
    after = again.heads(feats)
    assert after == LearnedModel.load(model_copy).heads(feats) != before
    assert again.digest != first.digest


def test_a_damaged_entry_is_not_trusted(model_copy: Path) -> None:
    first, keep = modelcache.load_kept(model_copy)
    _run(first, LINES[:1])
    assert keep is not None
    keep()
    entry = Path(os.environ["COLLECTSIM_HOME"]) / "cache" / modelcache._name(model_copy)
    assert entry.is_file()
    entry.write_bytes(b"\x00not marshal")
    model, _ = modelcache.load_kept(model_copy)
    assert model._loaded is not None
    assert _run(model, LINES[:1]) == _run(LearnedModel.load(model_copy), LINES[:1])


def test_only_the_command_line_reads_the_entry(model_copy: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first, keep = modelcache.load_kept(model_copy)
    first.digest  # noqa: B018 - worked out: something to keep
    assert keep is not None
    keep()
    assert modelcache.read(model_copy) is not None
    monkeypatch.setattr(modelcache, "enabled", False)
    assert modelcache.read(model_copy) is None


def test_a_run_that_met_nothing_new_writes_nothing(model_copy: Path) -> None:
    _, keep = modelcache.load_kept(model_copy)
    assert keep is not None
    keep()
    assert modelcache.read(model_copy) is None
