"""Time the analyser per utterance over the development utterances.

Run as ``python bench/bench_analyze.py [--repeat N]``. Prints the cold start (import
plus first analysis, which builds the cue index) and p50/p99 per utterance in ms, as
wall-clock and as CPU time of this thread (less sensitive to a busy machine). Prints
figures only; it asserts nothing (DESIGN.md: speed is measured by benchmarks).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "utterances.dev.jsonl"

_FALLBACK = [
    ("Hi, this is Sam with Northgate Recovery. This call may be recorded.", None),
    ("I'm so sorry to hear that. What could you manage each month?", "I lost my job."),
    ("We could split it into six payments of $150 starting December 1st.", None),
    ("Pay today or we'll have you arrested.", None),
]


def _pct(sorted_ms: list[float], q: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))]


def measure(repeat: int = 5) -> dict[str, Any]:
    """Cold start, per-utterance wall and CPU percentiles, and one 100 KB paste."""
    if DATA.exists():
        items = [(d["text"], d.get("context")) for d in map(json.loads, DATA.read_text().splitlines())
                 if d]
        source = str(DATA)
    else:
        items = _FALLBACK
        source = "built-in sample (no development data found)"
    t0 = time.perf_counter()
    from simulator.nlu.analyser import analyze

    analyze(items[0][0], items[0][1])
    cold = (time.perf_counter() - t0) * 1000
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(max(1, repeat)):
        for text, ctx in items:
            w, c = time.perf_counter(), time.thread_time()
            analyze(text, ctx)
            cpu.append((time.thread_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
    wall.sort()
    cpu.sort()
    big = "Please pay. " * 9000
    w = time.perf_counter()
    analyze(big)
    big_ms = (time.perf_counter() - w) * 1000
    return {"items": items, "source": source, "cold": cold, "wall": wall, "cpu": cpu,
            "big": big, "big_ms": big_ms}


def results() -> list[dict[str, Any]]:
    m = measure()
    return [
        {"measure": "analysis p50", "value": round(_pct(m["wall"], 0.5), 3), "unit": "ms", "goal": ""},
        {"measure": "analysis p99", "value": round(_pct(m["wall"], 0.99), 3), "unit": "ms", "goal": "< 2"},
        {"measure": "analysis p99 (CPU time)", "value": round(_pct(m["cpu"], 0.99), 3), "unit": "ms",
         "goal": "< 2"},
        {"measure": "first analysis (import + build)", "value": round(m["cold"], 1), "unit": "ms",
         "goal": ""},
        {"measure": "one 100 KB paste", "value": round(m["big_ms"]), "unit": "ms", "goal": ""},
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5, help="passes over the utterances")
    args = ap.parse_args(argv)
    m = measure(args.repeat)
    items, source, cold, wall, cpu, big, big_ms = (m[k] for k in ("items", "source", "cold", "wall",
                                                                  "cpu", "big", "big_ms"))
    print(f"analyser benchmark over {len(items)} utterances x {args.repeat} ({source})")
    print(f"  cold start (import + build + first analysis): {cold:.1f} ms")
    print(f"  wall per utterance: p50 {_pct(wall, 0.5):.3f} ms  p99 {_pct(wall, 0.99):.3f} ms  "
          f"max {wall[-1]:.3f} ms")
    print(f"  cpu  per utterance: p50 {_pct(cpu, 0.5):.3f} ms  p99 {_pct(cpu, 0.99):.3f} ms  "
          f"max {cpu[-1]:.3f} ms")
    print(f"  one {len(big) // 1000} KB paste: {big_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
