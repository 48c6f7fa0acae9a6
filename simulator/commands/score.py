"""collectsim score PATH...: score session records and recorded calls, many at a time."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

HELP = "score session records (replayed) and recorded-call transcripts, many at a time"

EPILOG = """\
PATH is a session record (YAML/JSON with 'scenario' and 'turns'), a transcript (JSON list of
{speaker, text}, or text lines 'Agent: ...' / 'Customer: ...'), or a folder of them.
--json prints a JSON list of scorecards, one per file scored, in the order given (always a list,
even for one file); --csv prints one row per file. With -o DIR each card is written to
DIR/<name>.<ext> instead. A file that cannot be scored is named with what is wrong; the
others are still scored, and the exit code is 1.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", metavar="PATH", nargs="+", help="record, transcript or folder")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="a JSON list of scorecards")
    out.add_argument("--csv", action="store_true", help="one CSV row per file")
    out.add_argument("--format", choices=("text", "md", "html"), default=None,
                     help="how to render each scorecard (default: text)")
    parser.add_argument("-o", "--output", metavar="DIR", help="write one file per scorecard into DIR")
    parser.add_argument("--rubric", metavar="FILE", help="score with this rubric instead of the shipped one")
    parser.add_argument("-v", "--verbose", action="store_true", help="text: also show checks that did not apply")
    parser.add_argument("--save", action="store_true",
                        help="store the scorecards (trainee from each record; see `collectsim scores`)")
    parser.add_argument("--team", metavar="TEAM", help="with --save: the team to file them under")
    parser.add_argument("--db", metavar="URL", help="with --save: database URL (default: local SQLite)")


class _NoProgress:
    """What ``_progress`` gives when no bar is shown: nothing to draw, no Rich to import."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *_args: Any, **_kwargs: Any) -> int:
        return 0

    def update(self, *_args: Any, **_kwargs: Any) -> None:
        return None

    advance = update

    def say(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)


def _progress(total: int) -> Any:
    """A transient progress bar on standard error when it is a terminal and the batch is
    more than a few files; otherwise nothing (and Rich is not imported)."""
    if total <= 3 or not sys.stderr.isatty():
        return _NoProgress()
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Bar(Progress):
        def say(self, line: str) -> None:
            self.console.print(Text(line), soft_wrap=True)  # above the bar, never as markup

    console = Console(stderr=True)
    return _Bar(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.description}"), console=console, transient=True,
                disable=not console.is_terminal)


def _unique(out_dir: Path, stem: str, ext: str, used: set[str]) -> Path:
    name = f"{stem}.{ext}"
    n = 2
    while name in used:
        name = f"{stem}-{n}.{ext}"
        n += 1
    used.add(name)
    return out_dir / name


def run(args: argparse.Namespace) -> int:
    """Score each file and show its card at once (streaming), so a long batch shows
    progress and a bad file is named where it is met; the others are still scored."""
    from pathlib import Path

    from scoring.batch import expand
    from scoring.rubric import load_rubric_file
    from simulator.diagnostics import UserError

    rubric = load_rubric_file(args.rubric) if args.rubric else None
    paths = expand(args.paths)
    if not paths:
        raise UserError("no files to score (a folder holds no .yaml, .yml, .json or .txt files)")
    fmt = args.format or "text"
    if fmt == "html" and len(paths) > 1 and not args.output:
        raise UserError("--format html with several files needs -o DIR (one page per file)")

    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None

    sink = _Sink(args, fmt, out_dir, several=len(paths) > 1)
    to_save: list[dict[str, Any]] = []
    bad = 0
    # A progress bar only when the cards do not stream to the same terminal.
    with _progress(len(paths) if (out_dir is not None or not sys.stdout.isatty()) else 0) as progress:
        task = progress.add_task("", total=len(paths))
        for p in paths:
            progress.update(task, description=p.name)
            r = _score(p, rubric)
            progress.advance(task)
            if r.card is None:
                bad += 1
                progress.say(f"collectsim: error: {r.problem}")
                continue
            sink.add(r)
            if args.save:
                to_save.append(r.card.to_dict())
    sink.close()

    if args.save and to_save:
        from simulator import config
        from simulator.store import Store

        with Store.open(args.db) as store:
            added, already = store.save_many(to_save, team=config.get("team", args.team))
        print(f"saved {added} scorecard(s), {already} already stored", file=sys.stderr)
    if bad:
        print(f"collectsim: {bad} of {len(paths)} file(s) could not be scored", file=sys.stderr)
        return 1
    return 0


def _score(path: Path, rubric: Any) -> Any:
    """``score_file``, with anything unforeseen turned into that file's problem."""
    from scoring.batch import Scored, score_file
    from simulator.cli import debug_wanted

    try:
        return score_file(path, rubric)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        if debug_wanted():
            import traceback

            traceback.print_exc()
        return Scored(path, "?", problem=f"{path}: could not score it ({type(exc).__name__}: {exc})")


class _Sink:
    """Where each card goes as soon as it is scored: stdout (text, Markdown, HTML, a
    JSON list written item by item, CSV rows) or one file per card in ``-o DIR``."""

    def __init__(self, args: argparse.Namespace, fmt: str, out_dir: Path | None, several: bool) -> None:
        self.args, self.fmt, self.out_dir, self.several = args, fmt, out_dir, several
        self.count = 0
        self.used: set[str] = set()
        self.csv_rows: list[str] = []

    def add(self, r: Any) -> None:
        args = self.args
        if args.csv:
            from scoring.batch import csv_text

            header, row = csv_text([r]).split("\n", 1)
            if self.out_dir is not None:
                self.csv_rows.append(row)
            else:
                if not self.count:
                    sys.stdout.write(header + "\n")
                sys.stdout.write(row)
        elif args.json and self.out_dir is None:
            from simulator.jsonout import dumps

            body = dumps(r.card.to_dict(), indent=2).replace("\n", "\n  ")
            sys.stdout.write(("[\n  " if not self.count else ",\n  ") + body)
        else:
            _render([r], "json" if args.json else self.fmt, self.out_dir, args.verbose,
                    self.used, index=self.count, several=self.several)
        self.count += 1
        sys.stdout.flush()

    def close(self) -> None:
        """Finish what needs an end: the JSON list, the CSV file in DIR."""
        args = self.args
        if args.json and self.out_dir is None:
            sys.stdout.write("\n]\n" if self.count else "[]\n")
        elif args.csv and self.out_dir is not None:
            from scoring.batch import CSV_COLUMNS

            target = self.out_dir / "scores.csv"
            target.write_text(",".join(CSV_COLUMNS) + "\n" + "".join(self.csv_rows), encoding="utf-8",
                              errors="backslashreplace")
            print(target)
        elif args.csv and not self.count:
            from scoring.batch import csv_text

            sys.stdout.write(csv_text([]))
        sys.stdout.flush()


def _render(good: list[Any], fmt: str, out_dir: Path | None, verbose: bool,
            used: set[str], index: int = 0, several: bool = False) -> None:
    import json

    from scoring.render_html import render_html
    from scoring.render_md import render_markdown

    ext = {"json": "scorecard.json", "text": "txt", "md": "md", "html": "html"}[fmt]
    for i, r in enumerate(good, index):
        card = r.card
        if out_dir is not None:
            if fmt == "json":
                body = json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n"
            elif fmt == "md":
                body = render_markdown(card)
            elif fmt == "html":
                body = render_html(card)
            else:
                from scoring.render_text import render_to_string

                body = render_to_string(card, verbose=verbose)
            target = _unique(out_dir, r.path.stem, ext, used)
            target.write_text(body, encoding="utf-8", errors="backslashreplace")
            verdict = "passed" if card.passed else "failed"
            print(f"{r.path} -> {target}  {card.overall:.1f} {verdict}")
            continue
        if fmt == "md":
            sys.stdout.write(("\n---\n\n" if i else "") + f"<!-- {r.path} -->\n" + render_markdown(card))
        elif fmt == "html":
            sys.stdout.write(render_html(card))
        elif not several:
            from scoring.render_plain import print_scorecard

            print_scorecard(card, verbose)
        else:
            from rich.console import Console
            from rich.rule import Rule
            from rich.text import Text

            from scoring.render_text import render

            console = Console()
            console.print(Rule(Text(str(r.path))))
            render(card, console, verbose)
