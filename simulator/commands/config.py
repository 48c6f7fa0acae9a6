"""collectsim config: the settings in effect, where each comes from, and the file's path."""

from __future__ import annotations

import argparse

HELP = """Show the settings in effect (store URL, trainee, team, theme, mode) and where each
comes from: a flag wins over the environment (COLLECTSIM_DB, COLLECTSIM_TRAINEE, ...),
which wins over config.toml in the config folder."""

EXAMPLE = """\
# config.toml: every key is optional
db = "postgresql://coach@db.example.org/collectsim"
trainee = "alex"
team = "north"
theme = "textual-light"   # textual-dark | textual-light
mode = "assessment"       # coach | assessment
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = EXAMPLE
    what = p.add_mutually_exclusive_group()
    what.add_argument("--path", action="store_true", help="print only the config file's path")
    what.add_argument("--example", action="store_true", help="print a commented config.toml")
    what.add_argument("--json", action="store_true", help="the settings as JSON")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from simulator import config

    path = config.config_path()
    if args.path:
        print(path)
        return 0
    if args.example:
        sys.stdout.write(EXAMPLE)
        return 0
    settings = [config.resolve(key) for key in config.KEYS]
    if args.json:
        out = {"file": str(path), "exists": path.is_file(),
               "settings": {s.key: {"value": s.value, "source": s.source} for s in settings}}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"config file: {path}{'' if path.is_file() else ' (none yet)'}")
    width = max(len(k) for k in config.KEYS)
    for s in settings:
        env = config.KEYS[s.key][0]
        value = s.value if s.value is not None else _default(s.key)
        source = {"default": "default", "flag": "flag"}.get(s.source, s.source)
        if s.source == str(path):
            source = "config file"
        print(f"  {s.key:<{width}}  {value}  ({source}; ${env})")
    return 0


def _default(key: str) -> str:
    """What applies when nothing sets a key, in words."""
    if key == "db":
        from simulator.paths import data_dir

        return f"sqlite:///{data_dir() / 'scores.db'}"
    return {
        "trainee": "(asked for in the app, then remembered)",
        "team": "(none)",
        "theme": "(what the app remembered; textual-dark at first)",
        "mode": "(what the app remembered; coach at first)",
    }[key]
