"""The command line: one dispatcher over small command modules.

Each command lives in ``simulator/commands/<name>.py`` with ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Those modules import only
``argparse`` at the top; anything heavy is imported inside ``run`` so that
``collectsim --help`` and the app start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import types
from collections.abc import Callable
from typing import Any

from simulator import __version__

#: Subcommand -> (module under simulator.commands, one-line help). Order is --help order.
#: Only the chosen command's module is imported, so start-up stays fast.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", "replay session records headless: transcript and scorecard"),
    "try": ("try_", "talk to a scenario's persona at a plain prompt"),
    "analyze": ("analyze", "what the analyser finds in a line: moves, entities, tone"),
    "train": ("train", "rebuild the analyser's learned model from the corpus"),
    "score": ("score", "score session records and recorded call transcripts"),
    "verify": ("verify", "re-score a scorecard's embedded session and compare"),
    "validate": ("validate", "check personas, scenarios and rubrics"),
    "check": ("check", "run the scripted checks that scenarios carry"),
    "graph": ("graph", "the call's state graph (Mermaid or dot)"),
    "new": ("new", "print a commented starting persona or scenario"),
    "schema": ("schema", "JSON Schema of personas, scenarios, sessions, rubrics"),
    "scores": ("scores", "list stored scorecards"),
    "compare": ("compare", "compare trainees dimension by dimension"),
    "leaderboard": ("leaderboard", "rank trainees by overall or a dimension"),
    "export": ("export", "export stored scorecards as CSV or JSON"),
    "import": ("import_", "import scorecards from files"),
    "config": ("config", "the settings in effect and where each comes from"),
    "completion": ("completion", "a shell completion script for bash, zsh or fish"),
    "serve": ("serve", "serve the app to web browsers, one app per tab (the web extra)"),
}

#: ``build_parser(ALL)`` imports every command module (for completion scripts and tests).
ALL = "*"
DEBUG_ENV = "COLLECTSIM_DEBUG"
#: Options before the command that take a value (so their value is not the command).
_VALUED = frozenset({"--trainee", "--team", "--theme", "--mode"})


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``selected``'s module is imported to add its arguments."""
    from simulator.app.main import add_arguments as add_app_arguments
    from simulator.argparsing import Parser

    parser = Parser(
        prog="collectsim",
        description="Practise debt-collection calls against scripted debtors. "
        "With no command, opens the app (in a terminal).",
        epilog="Each command has its own --help. Settings: collectsim config. "
        "Completion: collectsim completion bash|zsh|fish.",
    )
    parser.add_argument("--version", action="version", version=f"collectsim {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help=f"show the traceback behind an error message (or set {DEBUG_ENV}=1)")
    add_app_arguments(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (module_name, help_text) in COMMANDS.items():
        if selected not in (name, ALL):
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"simulator.commands.{module_name}")
        p = sub.add_parser(name, help=help_text, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
        if name == selected:
            parser.selected = p
    return parser


def command_in(argv: list[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not an option or its value)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word == "--":
            return None
        if word.startswith("-"):
            skip = word in _VALUED
            continue
        return word if word in COMMANDS else None
    return None


#: Set by ``main`` for this run's --debug; batch commands that go on past an error read
#: it (through ``debug_wanted``) to show each error's traceback.
_debug_flag = False


def debug_wanted() -> bool:
    """--debug on this command line, or COLLECTSIM_DEBUG set to something true."""
    env = os.environ.get(DEBUG_ENV, "").strip().lower()
    return _debug_flag or env not in ("", "0", "false", "no", "off")


def main(argv: list[str] | None = None) -> int:
    argv_given = argv is not None  # None: the program's own command line (it ends after)
    argv = list(sys.argv[1:] if argv is None else argv)
    head = argv[: argv.index("--")] if "--" in argv else argv
    global _debug_flag
    _debug_flag = "--debug" in head  # anywhere before "--", so `play x --debug` works too
    if _debug_flag:
        argv.remove("--debug")
    debug = debug_wanted()
    _tolerant_streams()
    _no_pydantic_plugins()
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)  # --help, --version and wrong usage exit here (0 or 2)
    if args.command is None:
        # A tab of `collectsim serve` talks to the browser through pipes, not a terminal.
        if not _interactive() and not getattr(args, "served", False):
            parser.print_usage(sys.stderr)
            print("collectsim: error: the app needs a terminal; give a COMMAND "
                  "(collectsim --help lists them)", file=sys.stderr)
            return 2
        _warm_start("app")
        try:
            return _exit(lambda: _open_app(args), debug)
        finally:
            _cold_again(whole_process=not argv_given)
    _warm_start(args.command)
    try:
        return _exit(lambda: args._run(args), debug)
    finally:
        _cold_again(whole_process=not argv_given)


def _open_app(args: argparse.Namespace) -> int:
    from simulator.app.main import run_app

    return run_app(args=args)


def _interactive() -> bool:
    """A terminal on both standard input and output: only then can the app run."""
    try:
        return sys.stdin is not None and sys.stdout is not None and (
            sys.stdin.isatty() and sys.stdout.isatty()
        )
    except (ValueError, OSError):  # closed streams
        return False


def _tolerant_streams() -> None:
    """Text that cannot be encoded (a lone surrogate pasted or escaped in JSON) is written
    as a backslash escape instead of stopping the command with a UnicodeEncodeError;
    undecodable bytes on standard input become escapes too."""
    for stream, errors in ((sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace"),
                           (sys.stdin, "surrogateescape")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=errors)
            except (ValueError, OSError, AttributeError):
                pass


#: Pydantic's own setting (its docs: "Disabling plugins"); see ``_no_pydantic_plugins``.
PYDANTIC_PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"
_PLUGIN_LOADER = "pydantic.plugin._loader"


class _NoPydanticPlugins(types.ModuleType):
    """Stands in for ``pydantic.plugin._loader`` while plugins are off: the real module
    imports ``importlib.metadata`` (and with it the ``email`` package) at its top only to
    look plugins up. Anything else asked of it comes from the real module."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (``__path__``...): not there
            raise AttributeError(name)
        _PluginLoaderFinder.remove()
        sys.modules.pop(_PLUGIN_LOADER, None)
        real = importlib.import_module(_PLUGIN_LOADER)
        return getattr(real, name)


class _PluginLoaderFinder:
    """Hands out the stand-in when pydantic imports its plugin loader (and only then, so
    a command that never imports pydantic has no trace of it)."""

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
        if name != _PLUGIN_LOADER:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(name, cls)

    @staticmethod
    def create_module(spec: Any) -> types.ModuleType:
        return _NoPydanticPlugins(spec.name)

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        pass

    @classmethod
    def remove(cls) -> None:
        if cls in sys.meta_path:
            sys.meta_path.remove(cls)


def _no_pydantic_plugins() -> None:
    """Pydantic looks for plugins in the entry points of every installed distribution
    when it builds its first model, importing ``importlib.metadata`` to do so: some
    20 ms of each `collectsim play`. collectsim uses no plugin, so the command line turns
    the search off, unless the user has set pydantic's variable to something else."""
    os.environ.setdefault(PYDANTIC_PLUGINS_ENV, "__all__")
    if os.environ[PYDANTIC_PLUGINS_ENV] in ("__all__", "1", "true") \
            and _PLUGIN_LOADER not in sys.modules and _PluginLoaderFinder not in sys.meta_path:
        sys.meta_path.insert(0, _PluginLoaderFinder)


def _warm_start(command: str) -> None:
    """The personas and scenarios the last run loaded, validated and linted, the learned
    model as the last runs used it, and the code of dataclasses and string annotations
    come from the cache folder (simulator.content.cache, simulator.nlu.modelcache,
    simulator.codecache; for this command only, see ``_cold_again``). ``command`` names
    the command, for caches that may one day depend on it."""
    from simulator import codecache

    if command not in ("app", "serve"):  # not for processes that run for hours
        _fewer_collections()
    codecache.install()  # first: the imports below make dataclasses and annotations
    from simulator.content import cache
    from simulator.nlu import modelcache

    cache.enabled = True
    modelcache.enabled = True


#: The cyclic garbage collector's first threshold for a command (Python's default: 700).
GC_YOUNG_THRESHOLD = 100_000
_gc_before: tuple[int, ...] | None = None


def _fewer_collections() -> None:
    """A command allocates hundreds of thousands of objects while it imports and loads,
    nearly all kept to the end, and Python's collector looks for cycles among them every
    700 allocations: some 3% of `collectsim play` spent finding none. A command runs
    with a collection every 100,000 instead (cycles are still collected; the app and
    `collectsim serve`, which run for hours, keep Python's default)."""
    import gc

    global _gc_before
    if _gc_before is None:
        _gc_before = gc.get_threshold()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), *older)


def _cold_again(whole_process: bool = False) -> None:
    """The content cache serves the command line only (a test calling ``main`` and then
    patching the checks reads the files again). ``whole_process``: the command was the
    program's, which now ends: the collector's threshold is left as it is (set back, it
    would look through every object the command made, just before they are freed)."""
    for name in ("simulator.content.cache", "simulator.nlu.modelcache"):
        kept = sys.modules.get(name)
        if kept is not None:
            kept.enabled = False  # type: ignore[attr-defined]
    kept_code = sys.modules.get("simulator.codecache")
    if kept_code is not None:
        kept_code.uninstall()  # type: ignore[attr-defined]
    global _gc_before
    if _gc_before is not None and not whole_process:
        import gc

        gc.set_threshold(*_gc_before)
        _gc_before = None


def _exit(fn: Callable[[], int | None], debug: bool = False) -> int:
    """Run a command; turn users' mistakes into one line and a non-zero exit code.
    With ``--debug`` (or COLLECTSIM_DEBUG=1) the traceback is shown as well."""
    from simulator.diagnostics import ContentError, UserError

    try:
        code = fn()
    except UserError as exc:
        _traceback(debug)
        print(f"collectsim: error: {exc}", file=sys.stderr)
        return 1
    except ContentError as exc:
        _traceback(debug)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback with --debug
        _traceback(debug)
        text = str(exc).strip().splitlines()
        what = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
        hint = "" if debug else f"; run again with --debug (or {DEBUG_ENV}=1) to see where"
        print(f"collectsim: internal error: {what}{hint}", file=sys.stderr)
        return 1
    return int(code or 0)


def _traceback(debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc()


def _silence_stdout() -> None:
    """The reader went away (``collectsim ... | head``): no second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
