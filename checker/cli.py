"""The `checker` command (typer). Nothing else imports this module."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker.claims_report import render_claims
from checker.extract import extract_article
from checker.load import load

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


class ClaimsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
def claims(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders of articles.")],
    format: Annotated[ClaimsFormat, typer.Option("--format", "-f")] = ClaimsFormat.table,
) -> None:
    """Print the normalized claims extracted from PATH..."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        typer.echo(f"checker: no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    loaded = load(paths)
    extracted = [claim for article in loaded.articles for claim in extract_article(article)]
    sys.stdout.write(render_claims(extracted, format.value))
    for diagnostic in loaded.diagnostics:
        typer.echo(f"{diagnostic.path}: {diagnostic.message}", err=True)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders of articles.")],
    fail_on: Annotated[str, typer.Option("--fail-on")] = "error",
) -> None:
    """Check PATH... for claims that disagree (rules land with the rules issue)."""
    claims(paths, ClaimsFormat.table)


def main() -> None:
    app()
