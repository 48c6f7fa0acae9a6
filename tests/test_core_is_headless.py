"""The core never imports textual: the app is one front end among two."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = [p for p in (ROOT / "simulator").rglob("*.py") if "app" not in p.relative_to(ROOT / "simulator").parts] + list(
    (ROOT / "scoring").rglob("*.py")
)


def test_no_core_module_imports_textual():
    offenders = []
    for path in CORE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_importing_and_running_the_core_loads_no_textual():
    code = (
        "import sys\n"
        "from simulator.session import Session\n"
        "s = Session.start('hardship-basic')\n"
        "s.say('Hello, am I speaking with Maria Delgado?')\n"
        "import scoring.scorer\n"
        "scoring.scorer.score(s.finish())\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), "
        "[m for m in sys.modules if m.startswith('textual')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
