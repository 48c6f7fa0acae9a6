"""Counts for the gaming corpus: ``python -m tests.gaming.report [dev|heldout|all] [-v]``.

Per split and kind: records, dishonest records that pass, dishonest records without
their finding, honest records that fail or score under their minimum.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from tests.gaming.corpus import SPLITS, judge, load


def main(argv: list[str]) -> int:
    split = next((a for a in argv if not a.startswith("-")), "all")
    verbose = "-v" in argv
    records = load(split)
    rows: dict[tuple[str, str], list] = defaultdict(list)
    for r in records:
        rows[(r.split, r.kind)].append(judge(r))
    for s in SPLITS:
        keys = sorted(k for k in rows if k[0] == s)
        if not keys:
            continue
        print(f"== {s}")
        print(f"{'kind':<22} {'records':>7} {'passes':>7} {'no finding':>10} {'honest bad':>10}")
        tot = [0, 0, 0, 0]
        for key in keys:
            js = rows[key]
            dishonest = [j for j in js if not j.record.honest]
            honest = [j for j in js if j.record.honest]
            n = [len(js), sum(j.passed for j in dishonest), sum(not j.found for j in dishonest),
                 sum(not j.ok for j in honest)]
            tot = [a + b for a, b in zip(tot, n, strict=True)]
            print(f"{key[1]:<22} {n[0]:>7} {n[1]:>7} {n[2]:>10} {n[3]:>10}")
            if verbose:
                for j in js:
                    mark = "ok " if j.ok else "BAD"
                    wait = f" [waits for {j.record.expect['waits_for']}]" if j.record.expect.get("waits_for") else ""
                    print(f"    {mark} {j.record.name} {j.overall}{wait} {'; '.join(j.problems)}")
        print(f"{'total':<22} {tot[0]:>7} {tot[1]:>7} {tot[2]:>10} {tot[3]:>10}")
        d = sum(1 for k in keys for j in rows[k] if not j.record.honest)
        h = sum(1 for k in keys for j in rows[k] if j.record.honest)
        print(f"dishonest passing: {tot[1]} of {d}; honest failing or under 80: {tot[3]} of {h}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
