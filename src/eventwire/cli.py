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
from eventwire.records import DocumentResult
from eventwire.scale import code_documents, write_parquet


def _parse_date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-11") from None


def _scale_options(command):
    """--workers and --scheduler: where documents are coded (default: a local pool, every core)."""
    command = click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                           help="Code on an existing Dask cluster.")(command)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Code on a local Dask cluster of N worker processes "
                             "(default: a local pool, every core).")(command)


def _check_scale(workers: int | None, scheduler: str | None) -> None:
    if workers and scheduler:
        raise click.UsageError("--workers starts a local cluster; --scheduler uses an existing one: pick one")


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
@_scale_options
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Write events as partitioned Parquet files here instead of --out/--format.")
def code(inputs: tuple[str, ...], date: dt.date | None, fmt: str, out: str | None,
         max_bytes: int, workers: int | None, scheduler: str | None, output_dir: str | None) -> None:
    """Code INPUT files, directories or '-' (JSONL on stdin) into events.

    Every document gets a status (coded, skipped, failed); problems are reported on
    standard error, one line each, and the exit status is 1 when any document failed.
    """
    _check_scale(workers, scheduler)
    documents = read_inputs(inputs, max_bytes=max_bytes, date=date)
    results = code_documents(documents, workers=workers, scheduler=scheduler)
    tally: dict[str, int] = {"coded": 0, "skipped": 0, "failed": 0}
    if output_dir:
        count = sum(len(result.events) for result in write_parquet(_reported(results, tally), output_dir))
    else:
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
@click.option("--only", type=click.Choice(["plover", "locations", "realnews"]), default=None,
              help="Run one evaluation only.")
@click.option("--realnews", "realnews_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data/realnews"), show_default=True,
              help="The labelled real-news sentences (sentences.jsonl, labels.jsonl, labels_second.jsonl).")
@click.option("--errors", "dev_errors", is_flag=True,
              help="Also list the real-news dev sentences whose type is wrong (never the test split).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--rules-only", is_flag=True,
              help="Score the rules alone, without the learned event decisions (the ablation's baseline).")
def evaluate(shared_dir: Path, only: str | None, realnews_dir: Path, dev_errors: bool, as_json: bool,
             rules_only: bool) -> None:
    """Score the coder: PLOVER gold and event-location gold (development sets), and the project's
    labelled real-news sentences (dev, and the frozen test split, reported only in aggregate)."""
    if not (shared_dir / "data").is_dir():
        raise click.ClickException(f"no shared data at {shared_dir} (pass --shared PATH)")
    pipeline = _evaluation_pipeline(rules_only)
    reports = {}
    if only in (None, "plover"):
        from eventwire.evaluate.plover import evaluate_plover

        reports["plover"] = evaluate_plover(shared_dir, pipeline)
    if only in (None, "locations"):
        from eventwire.evaluate.locations import evaluate_locations

        reports["locations"] = evaluate_locations(shared_dir)
    errors: list[str] = []
    if only in (None, "realnews"):
        reports.update(_realnews_reports(shared_dir, realnews_dir, pipeline))
        if dev_errors:
            from eventwire.evaluate.realnews import sentence_errors

            errors = sentence_errors(reports["realnews_dev"])
    if as_json:
        click.echo(json.dumps({name: report.to_dict() for name, report in reports.items()}, indent=2))
    else:
        click.echo("\n\n".join(report.table() for report in reports.values()))
    for line in errors:
        click.echo(line)


def _evaluation_pipeline(rules_only: bool):
    from eventwire.events.coder import EventCoder
    from eventwire.events.learned import RuleDecisions
    from eventwire.pipeline import Pipeline

    return Pipeline(workers=1, coder=EventCoder(decisions=RuleDecisions()) if rules_only else None)


def _realnews_reports(shared_dir: Path, folder: Path, pipeline) -> dict:
    from eventwire.evaluate.realnews import AgreementReport, evaluate_realnews, load_sentences

    if not (folder / "labels.jsonl").is_file():
        raise click.ClickException(f"no real-news labels at {folder} (pass --realnews PATH)")
    reports = {f"realnews_{split}": report
               for split, report in evaluate_realnews(shared_dir, folder, pipeline).items()}
    if (folder / "labels_second.jsonl").is_file():
        reports["realnews_agreement"] = AgreementReport(load_sentences(folder),
                                                        load_sentences(folder, "labels_second.jsonl"))
    return reports


# --------------------------------------------------------------------------- the event store

def _db_option(command):
    return click.option("--db", "db_url", default="eventwire.db", envvar="EVENTWIRE_DB", show_default=True,
                        metavar="URL", help="The event store: a SQLite file or sqlite:///PATH (WAL mode), "
                                            "or postgresql://USER@HOST:PORT/DB. Also $EVENTWIRE_DB.")(command)


def _query_options(command):
    options = [
        click.option("--actor", default=None, help="An actor code prefix in capitals (RUSGOV, RUS) or part "
                                                   "of an actor's name (putin)."),
        click.option("--country", default=None, metavar="ISO3",
                     help="Any actor's or the location's country."),
        click.option("--type", "event_type", default=None, help="A PLOVER event type, e.g. ASSAULT."),
        click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Events on or after."),
        click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Events on or before."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_query(actor, country, event_type, since, until, min_confidence):
    from eventwire.store import EventQuery

    return EventQuery(actor=actor, country=country, event_type=event_type, since=since, until=until,
                      min_confidence=min_confidence)


@main.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option("--date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for every input (overrides dates found in the documents).")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip input files larger than this.")
@_scale_options
def ingest_command(inputs: tuple[str, ...], db_url: str, date: dt.date | None, max_bytes: int,
                   workers: int | None, scheduler: str | None) -> None:
    """Code INPUT files, directories or '-' (JSONL on stdin) and store articles and events.

    Articles already stored with the same content and coder are not coded again; a changed
    article replaces its earlier events. Each article is committed on its own, so an
    interrupted ingest resumes where it stopped when run again.
    """
    import time

    from eventwire.store import current_coder, open_store
    from eventwire.store.ingest import IngestTally, skip_current, store_results

    _check_scale(workers, scheduler)
    coder, started = current_coder(), time.monotonic()
    statuses: dict[str, int] = {"coded": 0, "skipped": 0, "failed": 0}
    with open_store(db_url) as store:
        tally = IngestTally()
        documents = skip_current(store, read_inputs(inputs, max_bytes=max_bytes, date=date), coder, tally)
        results = code_documents(documents, workers=workers, scheduler=scheduler)
        store_results(store, _reported(results, statuses), coder, tally)
    elapsed = time.monotonic() - started
    click.echo(f"{tally.summary()} ({statuses['coded']} coded, {statuses['skipped']} skipped, "
               f"{statuses['failed']} failed) into {db_url} in {elapsed:.1f}s", err=True)
    sys.exit(1 if statuses["failed"] else 0)


@main.command(name="events")
@_db_option
@_query_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of standard output (required for parquet).")
def events_command(db_url: str, fmt: str, out: str | None, **filters) -> None:
    """List stored events (one per real-world event, with all its mentions)."""
    from eventwire.store import open_store

    with open_store(db_url) as store:
        records = store.events(_event_query(**filters))
        if fmt == "table":
            with click.open_file(out or "-", "w", encoding="utf-8") as stream:
                count = write_table(records, stream)
        else:
            count = _exported(records, fmt, out)
    click.echo(f"{count} events", err=True)


def _exported(records, fmt: str, out: str | None) -> int:
    from eventwire.export import export_events

    try:
        return export_events(records, fmt, out or "-")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@main.command(name="dyads")
@_db_option
@_query_options
@click.option("--interval", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
def dyads_command(db_url: str, interval: str, fmt: str, **filters) -> None:
    """Count events by source-target pair and quad class over time."""
    import csv
    import dataclasses

    from eventwire.store import open_store

    with open_store(db_url) as store:
        rows = [dataclasses.asdict(row) for row in store.dyads(_event_query(**filters), interval)]
    stream = sys.stdout
    if fmt == "jsonl":
        write_jsonl(rows, stream)
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=["period", "source", "target", "quad_class", "events"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        stream.write(f"{'PERIOD':<10}  {'SOURCE':<16}  {'TARGET':<16}  {'QUAD CLASS':<20}  EVENTS\n")
        for row in rows:
            stream.write(f"{row['period']:<10}  {row['source']:<16}  {row['target']:<16}  "
                         f"{row['quad_class']:<20}  {row['events']}\n")


@main.command(name="article")
@click.argument("doc_id")
@_db_option
def article_command(doc_id: str, db_url: str) -> None:
    """Show a stored article's cleaned text with its events marked."""
    from eventwire.store import open_store
    from eventwire.store.views import marked_article

    with open_store(db_url) as store:
        stored = store.article(doc_id)
    if stored is None:
        raise click.ClickException(f"no article {doc_id!r} in {db_url}")
    click.echo(marked_article(stored))


@main.command(name="export")
@_db_option
@_query_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "plover", "cameo"]),
              required=True, help="plover: PLOVER JSON lines; cameo: TSV with the Phoenix columns.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True)
def export_command(db_url: str, fmt: str, out: str, **filters) -> None:
    """Export stored events to a file."""
    from eventwire.store import open_store

    with open_store(db_url) as store:
        count = _exported(store.events(_event_query(**filters)), fmt, out)
    click.echo(f"{count} events -> {out}", err=True)


@main.command(name="merge")
@_db_option
@click.option("--recompute", is_flag=True, help="Rebuild every merged event from the stored mentions.")
def merge_command(db_url: str, recompute: bool) -> None:
    """Show how mentions were merged into events, or recompute the merging."""
    from eventwire.store import open_store

    with open_store(db_url) as store:
        if recompute:
            store.recompute_merges()
        counts = store.counts()
    click.echo(f"{counts['mentions']} mentions in {counts['events']} events "
               f"from {counts['articles']} articles" + (" (recomputed)" if recompute else ""))
