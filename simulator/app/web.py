"""The app served to browsers (textual-serve, the ``web`` extra): the front end's side of
``collectsim serve``. The command line parses the options and opens the store; only this
module knows textual-serve."""

from __future__ import annotations

from typing import Any

INSTALL = "pip install 'collectsim[web]'"


def server_class() -> Any:
    """textual-serve's Server, or one clear line on how to install it."""
    from simulator.diagnostics import UserError

    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError(f"collectsim serve needs textual-serve: {INSTALL}") from None
    return Server


def serve(server: Any, command: str, host: str, port: int, public_url: str | None) -> None:
    """Serve ``command`` (one app process per browser tab) until interrupted."""
    server(command, host=host, port=port, title="collectsim", public_url=public_url).serve()
