"""The command line. Each command parses its options and calls one function."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from generator import runner, starter
from generator import version as dist_version
from generator.errors import EXIT_INTERRUPTED, EXIT_INVALID, NetgenError

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


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C ends the run with one line and exit 130; a bundle being written is left as it was
    (its staging folder is removed on the way out)."""
    try:
        yield
    except KeyboardInterrupt:
        _err("qemu-netgen: interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Exit codes: 0 ok; 1 invalid profile or stale bundle; 2 usage error; 3 output not written;
    130 interrupted."""


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
    ansible: Annotated[
        Path | None,
        typer.Option(
            "--ansible",
            help="Also write an Ansible project there that rolls the bundles out, one host "
            "per profile.",
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Render each profile into OUTPUT/<name>/, replacing the previous bundle atomically."""
    if check and diff:
        raise typer.BadParameter("--check and --diff do not go together")
    # on a terminal, many profiles get a progress bar and a summary instead of a line each
    summary = not (quiet or check or diff) and len(profiles) > 1 and sys.stderr.isatty()
    done: list[str] = []
    say = (lambda _t: None) if quiet else done.append if summary else _say
    with _interruptible(), _progress(len(profiles), quiet or diff) as tick:
        if check:
            batch = runner.check_bundles(profiles, output, say, _err, tick=tick)
            if ansible is not None:
                runner.check_project(batch, ansible, output, say)
        elif diff:
            batch = runner.diff_bundles(profiles, output, _say_diff, _err, tick=tick)
            if ansible is not None:
                runner.diff_project(batch, ansible, output, _say_diff)
        else:
            batch = runner.write_bundles(profiles, output, say, _err, force=force, tick=tick)
            if ansible is not None:
                runner.write_project(batch, ansible, output, say, force=force)
    if summary:
        _say(
            f"{output}/: {batch.written} bundles written, {batch.unchanged} unchanged, "
            f"of {len(profiles)} profiles"
        )
    raise typer.Exit(batch.code)


@app.command()
def validate(profiles: Profiles) -> None:
    """Check profiles and report every problem as FILE:LINE: field: message."""
    with _interruptible():
        code = runner.validate_profiles(profiles, _say, _err)
    raise typer.Exit(code)


@app.command()
def init(
    mode: Annotated[
        starter.Mode,
        typer.Option("--mode", help="nat, bridge, passthrough, routed, isolated or user."),
    ],
    name: Annotated[str, typer.Argument(help="The profile's (and bundle's) name.")] = "lab",
    output: Annotated[
        str, typer.Option("-o", "--output", help="File to write; - for standard output.")
    ] = "",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    distro: Annotated[
        starter.Distro,
        typer.Option(
            "--distro", help="The host's distribution; bridge mode picks the method that fits it."
        ),
    ] = "debian",
) -> None:
    """Write a commented starter profile for MODE (NAME.yaml unless -o says otherwise)."""
    try:
        text = starter.starter_profile(mode, name, distro)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="NAME") from None
    if output == "-":
        typer.echo(text, nl=False)
        return
    target = Path(output or f"{name}.yaml")
    try:
        starter.write_new(target, text, force=force)
    except NetgenError as error:
        _err(str(error))
        raise typer.Exit(error.exit_code) from None
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
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_INVALID)
