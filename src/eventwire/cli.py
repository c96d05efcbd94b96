"""The command line: thin, it parses options and calls the API."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from eventwire import __version__
from eventwire.formats import write_csv, write_jsonl, write_table
from eventwire.ingest import DEFAULT_MAX_BYTES, read_inputs
from eventwire.pipeline import Pipeline
from eventwire.records import DocumentResult


def _parse_date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-11") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: who did what to whom, when and where, from news text (PLOVER events)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for every input (overrides dates found in the documents).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write events here instead of standard output.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip input files larger than this.")
def code(inputs: tuple[str, ...], date: dt.date | None, fmt: str, out: str | None,
         max_bytes: int) -> None:
    """Code INPUT files, directories or '-' (JSONL on stdin) into events.

    Every document gets a status (coded, skipped, failed); problems are reported on
    standard error, one line each, and the exit status is 1 when any document failed.
    """
    results = Pipeline().code_documents(read_inputs(inputs, max_bytes=max_bytes, date=date))
    tally: dict[str, int] = {"coded": 0, "skipped": 0, "failed": 0}
    records = (event.to_dict() for result in _reported(results, tally) for event in result.events)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}[fmt]
    with click.open_file(out or "-", "w", encoding="utf-8") as stream:
        count = writer(records, stream)
    click.echo(f"{count} events from {tally['coded']} coded, {tally['skipped']} skipped, "
               f"{tally['failed']} failed documents", err=True)
    sys.exit(1 if tally["failed"] else 0)


def _reported(results: Iterator[DocumentResult], tally: dict[str, int]) -> Iterator[DocumentResult]:
    """Count statuses, print one line per problem, and show progress on a terminal."""
    from tqdm import tqdm

    progress = tqdm(results, unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr)
    for result in progress:
        tally[result.status] += 1
        if result.status != "coded":
            progress.write(f"{result.status}: {result.origin}: {result.reason}", file=sys.stderr)
        yield result


@main.command()
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared"), show_default=True, help="The shared data folder.")
@click.option("--only", type=click.Choice(["plover", "locations"]), default=None,
              help="Run one evaluation only.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(shared_dir: Path, only: str | None, as_json: bool) -> None:
    """Score event types and actors on the PLOVER gold, event locations on the event_location gold."""
    if not (shared_dir / "data").is_dir():
        raise click.ClickException(f"no shared data at {shared_dir} (pass --shared PATH)")
    reports = {}
    if only in (None, "plover"):
        from eventwire.evaluate.plover import evaluate_plover

        reports["plover"] = evaluate_plover(shared_dir)
    if only in (None, "locations"):
        from eventwire.evaluate.locations import evaluate_locations

        reports["locations"] = evaluate_locations(shared_dir)
    if as_json:
        click.echo(json.dumps({name: report.to_dict() for name, report in reports.items()}, indent=2))
    else:
        click.echo("\n\n".join(report.table() for report in reports.values()))
