"""``simulator.content`` and ``scoring`` have no import circle (issue 11): the scorer reads
content, so content (the loader, the linter, the rubric model) never imports the scorer,
not even lazily inside a function."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, at any depth (lazy ones too)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def test_content_never_imports_scoring():
    offenders = [f"{p.relative_to(ROOT)}:{line}: {mod}"
                 for p in sorted((ROOT / "simulator" / "content").rglob("*.py"))
                 for line, mod in _imports(p) if mod == "scoring" or mod.startswith("scoring.")]
    assert offenders == [], offenders


def test_the_rubric_model_loads_without_the_scorer():
    code = ("import sys\n"
            "from simulator.content.loader import model_for\n"
            "from simulator.content.lint import lint\n"
            "assert model_for('rubric').__name__ == 'Rubric'\n"
            "print(sorted(m for m in sys.modules if m == 'scoring' or m.startswith('scoring.')))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_scoring_re_exports_the_same_model():
    import scoring.dimensions
    import scoring.rubric
    import simulator.content.dimensions
    import simulator.content.rubric

    assert scoring.rubric.Rubric is simulator.content.rubric.Rubric
    assert scoring.dimensions.DIMENSIONS is simulator.content.dimensions.DIMENSIONS
