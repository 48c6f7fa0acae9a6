"""`make bench`: run every benchmark in bench/ and print one table.

A benchmark module offers ``results() -> list[dict(measure, value, unit, goal)]``.
Benchmarks measure; they never assert.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="collectsim benchmarks")
    for col in ("benchmark", "measure", "value", "unit", "goal"):
        table.add_column(col, justify="right" if col == "value" else "left")
    console = Console(stderr=True)
    for path in sorted(HERE.glob("*.py")):
        if path.name == Path(__file__).name or path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        try:
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            if not hasattr(module, "results"):
                continue
            with console.status(f"running {path.name} ..."):
                rows = module.results()
        except Exception as exc:  # noqa: BLE001 - report and go on with the others
            traceback.print_exc()
            table.add_row(path.stem, f"failed: {exc}", "", "", "")
            continue
        for row in rows:
            table.add_row(path.stem, str(row["measure"]), str(row["value"]), str(row.get("unit", "")),
                          str(row.get("goal", "")))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
