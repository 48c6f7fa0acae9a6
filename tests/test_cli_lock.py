"""The lock file CI installs from covers what pyproject.toml asks for, so a dependency
added without `make lock` fails here instead of as an ImportError somewhere else."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "ci.lock"
#: The extras `make lock` resolves (see LOCK_ARGS in the Makefile).
LOCKED_EXTRAS = ("test", "postgres", "train")


def pinned() -> dict[str, str]:
    out = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
        if m:
            out[canonicalize_name(m.group(1))] = m.group(2)
    return out


def test_every_dependency_is_pinned_in_the_lock() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in LOCKED_EXTRAS:
        wanted += project["optional-dependencies"][extra]
    locked = pinned()
    for spec in wanted:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is not in {LOCK.name}: run `make lock`"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"{req.name}=={locked[name]} in {LOCK.name} does not satisfy '{spec}': run `make lock`")


def test_the_makefile_locks_the_same_extras() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for extra in LOCKED_EXTRAS:
        assert f"--extra {extra}" in makefile


def test_every_lock_entry_is_hash_checked() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = re.findall(r"^[A-Za-z0-9_.-]+==\S+(?: ;[^\\\n]*)? \\\n((?:    --hash=\S+(?: \\)?\n)+)", text, re.M)
    # A package may be pinned twice, once per Python version (numpy for 3.11 and 3.12).
    pins = re.findall(r"^[A-Za-z0-9_.-]+==", text, re.M)
    assert len(entries) == len(pins) > 20 and len(pinned()) > 20
