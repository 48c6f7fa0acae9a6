"""The wheel carries the content, so `pip install .` then `collectsim` works anywhere."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    return next(out.glob("collectsim-*.whl"))


def test_wheel_ships_content_rubric_and_cues(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("personas/hardship.yaml", "scenarios/hardship-basic.yaml"):
        assert f"simulator/_content/{shipped}" in names
    assert "scoring/rubric.yaml" in names
    assert "simulator/nlu/cues.yaml" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_package_runs_from_any_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    code = (
        "import simulator, sys; from simulator.paths import personas_dir;"
        "assert str(personas_dir()).startswith(sys.argv[1]), personas_dir();"
        "from simulator.cli import main; sys.exit(main(['check']))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(target)], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " 0 failed" in proc.stdout
