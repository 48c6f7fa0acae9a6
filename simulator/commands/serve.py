"""collectsim serve: the app in browsers, for a class (the ``web`` extra; simulator.app.web serves it).

Every browser tab gets its own app process; each trainee types their name, and every
finished session goes to the scorecard store given by ``--db`` (PostgreSQL for a room
of trainees; the default is the usual SQLite file). There is no sign-in in front of
it, so it listens on 127.0.0.1 unless ``--host`` says otherwise, and says so then.
"""

from __future__ import annotations

import argparse

HELP = ("serve the app to web browsers (one app per tab) for a class; needs the web extra: "
        "pip install 'collectsim[web]'")

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from simulator.store.cliargs import add_db

    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only; "
                        "0.0.0.0 for a room, with no authentication in front of it)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address browsers use, when it differs from host:port "
                        "(e.g. behind a proxy)")
    parser.add_argument("--mode", choices=("coach", "assessment"),
                        help="the mode every tab starts in (default: the saved setting)")
    add_db(parser)


def warning(host: str) -> str | None:
    """The line printed when the server is reachable from other machines."""
    if host in LOOPBACK or host.startswith("127."):
        return None
    return (f"collectsim: warning: serving on {host}: anyone who can reach this port can use "
            "the app and save sessions under any name; there is no authentication in front "
            "of it. Use it on a network you trust, or put a proxy with sign-in in front.")


def app_command(python: str, mode: str | None) -> str:
    """The shell command the web server runs for each tab."""
    import shlex

    parts = [python, "-m", "simulator", "--served"]
    if mode:
        parts += ["--mode", mode]
    return " ".join(shlex.quote(p) for p in parts)


def run(args: argparse.Namespace) -> int:
    import os
    import sys

    from simulator.app import web  # the front end serves it
    from simulator.diagnostics import UserError

    server = web.server_class()
    if not 0 < args.port < 65536:
        raise UserError(f"--port: {args.port} is not a port (1-65535)")
    # Open the store once here: a wrong URL or a server that is down is one line now,
    # not a warning in every trainee's tab later; and the schema is created before
    # thirty tabs race to create it.
    from simulator.store import Store
    from simulator.store.engine import ENV_VAR, display, resolve_url

    with Store.open(args.db):
        pass
    url = resolve_url(args.db)
    os.environ[ENV_VAR] = url.render_as_string(hide_password=False)
    note = warning(args.host)
    if note:
        print(note, file=sys.stderr)
    print(f"collectsim: sessions go to {display(url)}", file=sys.stderr)
    web.serve(server, app_command(sys.executable, args.mode), args.host, args.port, args.public_url)
    return 0
