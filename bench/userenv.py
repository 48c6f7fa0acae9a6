"""The environment a user's process runs in, for the benchmarks that time processes.

Python keeps compiled bytecode beside the sources and reuses it on the next start;
that is what a user's second and later runs get. Some sandboxes and CI images set
``PYTHONDONTWRITEBYTECODE``, which makes every process compile the project's modules
again (about 60 ms on `collectsim play` here). The process benchmarks run without it
and say so, after one warm-up run that writes the cache.
"""

from __future__ import annotations

import os

NOTE = "bytecode cache on, as for a user"


def user_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
