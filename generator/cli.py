"""The command line. Each command parses its options and calls one function."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from generator import runner, starter
from generator import version as dist_version
from generator.errors import EXIT_OUTPUT, NetgenError
from generator.records import Records

app = typer.Typer(
    help="Render reviewable bundles that connect QEMU/KVM VMs to a network.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)

Profiles = Annotated[
    list[Path],
    typer.Argument(
        help="Profile files (YAML).", metavar="PROFILE", exists=True, dir_okay=False, readable=True
    ),
]

DIFF_COLOURS = (("+++", None), ("---", None), ("+", "green"), ("-", "red"), ("@@", "cyan"))


def _say(text: str) -> None:
    typer.echo(text)


def _err(text: str) -> None:
    typer.echo(text, err=True)


def _say_diff(text: str) -> None:
    """Diff lines, coloured on a terminal."""
    if sys.stdout.isatty():
        for prefix, colour in DIFF_COLOURS:
            if text.startswith(prefix):
                text = typer.style(text, fg=colour) if colour else typer.style(text, bold=True)
                break
    typer.echo(text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qemu-netgen {dist_version()}")
        raise typer.Exit()


@contextlib.contextmanager
def _progress(count: int, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal for more than one profile; nothing in a pipe."""
    if quiet or count < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    with typer.progressbar(length=count, label="rendering", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Exit codes: 0 ok; 1 invalid profile or stale bundle; 2 usage error; 3 output not written."""


@app.command()
def render(
    profiles: Profiles,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder that holds the bundles.")
    ] = Path("out"),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a bundle is stale or missing.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Write nothing; show what would change (exit 1 if anything)."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a target folder that is not a bundle.")
    ] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print errors only.")] = False,
) -> None:
    """Render each profile into OUTPUT/<name>/, replacing the previous bundle atomically."""
    if check and diff:
        raise typer.BadParameter("--check and --diff do not go together")
    action: runner.Action = "check" if check else "diff" if diff else "write"
    # on a terminal, many profiles get a progress bar and a summary instead of a line each
    summary = not quiet and action == "write" and len(profiles) > 1 and sys.stderr.isatty()
    done: list[str] = []
    say = _say_diff if diff else (lambda _t: None) if quiet else done.append if summary else _say
    with Records.default() as records, _progress(len(profiles), quiet or diff) as tick:
        batch = runner.render_profiles(
            profiles,
            output,
            say,
            _err,
            action=action,
            force=force,
            tick=tick,
            records=records,
        )
    if summary:
        _say(
            f"{output}/: {batch.written} bundles written, {batch.unchanged} unchanged, "
            f"of {len(profiles)} profiles"
        )
    raise typer.Exit(batch.code)


@app.command()
def validate(profiles: Profiles) -> None:
    """Check profiles and report every problem as FILE:LINE: field: message."""
    with Records.default() as records:
        code = runner.validate_profiles(profiles, _say, _err, records=records)
    raise typer.Exit(code)


@app.command()
def init(
    mode: Annotated[starter.Mode, typer.Option("--mode", help="nat, bridge or passthrough.")],
    name: Annotated[str, typer.Argument(help="The profile's (and bundle's) name.")] = "lab",
    output: Annotated[
        str, typer.Option("-o", "--output", help="File to write; - for standard output.")
    ] = "",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter profile for MODE (NAME.yaml unless -o says otherwise)."""
    try:
        text = starter.starter_profile(mode, name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="NAME") from None
    if output == "-":
        typer.echo(text, nl=False)
        return
    target = Path(output or f"{name}.yaml")
    if target.exists() and not force:
        _err(f"{target} exists; use --force to overwrite it")
        raise typer.Exit(EXIT_OUTPUT)
    try:
        target.write_text(text)
    except OSError as exc:
        _err(f"cannot write {target}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_OUTPUT) from None
    _say(f"{target}: written; edit the lines marked CHANGE, then: qemu-netgen render {target}")


@app.command()
def schema() -> None:
    """Print the profile's JSON Schema (for editors: yaml-language-server, VS Code, ...)."""
    typer.echo(starter.schema_text(), nl=False)


def main() -> None:
    try:
        app()
    except NetgenError as error:  # a user mistake that escaped a command: no traceback
        _err(str(error))
        sys.exit(error.exit_code)
