"""The command line. Each command parses its options and calls one function."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from generator import __version__, runner

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


def _say(text: str) -> None:
    typer.echo(text)


def _err(text: str) -> None:
    typer.echo(text, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qemu-netgen {__version__}")
        raise typer.Exit()


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
    force: Annotated[
        bool, typer.Option("--force", help="Replace a target folder that is not a bundle.")
    ] = False,
) -> None:
    """Render each profile into OUTPUT/<name>/, replacing the previous bundle atomically."""
    raise typer.Exit(runner.render_profiles(profiles, output, _say, _err, check=check, force=force))


@app.command()
def validate(profiles: Profiles) -> None:
    """Check profiles and report every problem as FILE:LINE: field: message."""
    raise typer.Exit(runner.validate_profiles(profiles, _say, _err))


def main() -> None:
    app()
