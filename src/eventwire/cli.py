"""The command line: thin, it parses options and calls the API."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from eventwire import __version__
from eventwire.formats import (
    DEFAULT_TABLE_FIELDS,
    TABLE_COLUMNS,
    with_article,
    write_csv,
    write_jsonl,
    write_table,
)
from eventwire.ingest import DEFAULT_MAX_BYTES, read_inputs
from eventwire.pipeline import DEFAULT_TIME_BUDGET
from eventwire.records import DocumentResult
from eventwire.scale import code_documents, write_parquet
from eventwire.store.base import SORT_KEYS


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
    command = click.option("--time-budget", metavar="SECONDS", type=click.FloatRange(min=0, min_open=True),
                           default=DEFAULT_TIME_BUDGET, show_default=True,
                           help="A document coded for longer than this fails with the status line "
                                "'failed: ... took longer than SECONDS s'; the batch goes on.")(command)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Code on a local Dask cluster of N worker processes "
                             "(default: a local pool, every core).")(command)


def _stdin_format_option(command):
    option = click.option("--stdin-format", type=click.Choice(["jsonl", "text"]), default="jsonl",
                          show_default=True, help="What '-' reads: JSON lines, or one plain-text article.")
    return option(command)


def _check_scale(workers: int | None, scheduler: str | None) -> None:
    if workers and scheduler:
        raise click.UsageError("--workers starts a local cluster; --scheduler uses an existing one: pick one")


class _OneLineErrors(click.Group):
    """Errors a user can act on (a store, a file, a full disk) end the command with one line, never a
    traceback; a password in a database URL never shows."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # the reader of our output went away (| head): nothing left to say
            sys.stderr.close()
            raise SystemExit(1) from None
        except Exception as exc:  # noqa: BLE001 - turned into one line when it is an expected kind
            message = _user_error(exc)
            if message is None:
                raise
            raise click.ClickException(message) from None


def _user_error(exc: Exception) -> str | None:
    """One line for the errors that come from the user's environment, None for a bug."""
    import sqlite3

    from eventwire.store import StoreError, redact

    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return redact(f"{where}{exc.strerror or exc}")
    if isinstance(exc, sqlite3.Error):
        return f"the SQLite store failed: {exc}"
    try:
        import psycopg
    except ImportError:
        return None
    if isinstance(exc, psycopg.Error):
        from eventwire.store.errors import first_line

        return f"the PostgreSQL store failed: {first_line(exc)}"
    return None


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
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
@_stdin_format_option
def code(inputs: tuple[str, ...], date: dt.date | None, fmt: str, out: str | None,
         max_bytes: int, workers: int | None, scheduler: str | None, time_budget: float,
         output_dir: str | None, stdin_format: str) -> None:
    """Code INPUT files, directories or '-' (standard input: JSONL, or one text with
    --stdin-format text) into events.

    Every document gets a status (coded, skipped, failed); problems are reported on
    standard error, one line each, and the exit status is 1 when any document failed.
    """
    _check_scale(workers, scheduler)
    documents = read_inputs(inputs, max_bytes=max_bytes, date=date, stdin_format=stdin_format)
    results = code_documents(documents, workers=workers, scheduler=scheduler, time_budget=time_budget)
    tally: dict[str, int] = {"coded": 0, "skipped": 0, "failed": 0}
    if output_dir:
        count = sum(len(result.events) for result in write_parquet(_reported(results, tally), output_dir))
    else:
        records = (event.to_dict() if fmt == "jsonl" else with_article(event.to_dict(), result.document)
                   for result in _reported(results, tally) for event in result.events)
        writer = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}[fmt]
        try:
            with click.open_file(out or "-", "w", encoding="utf-8") as stream:
                count = writer(records, stream)
        except OSError as exc:  # a write error (a full disk) names no file: name --out
            if exc.filename is None and out:
                exc.filename = out
            raise
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
            line = f"{result.status}: {result.origin}: {result.reason}"
            progress.write(" ".join(line.split()), file=sys.stderr)  # one line, whatever the reason holds
        yield result


@main.command()
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared"), show_default=True, help="The shared data folder.")
@click.option("--only", default=None,
              type=click.Choice(["plover", "locations", "realnews", "articles", "training", "written",
                                 "written-dev"]),
              help="Run one evaluation only ('training', 'written' and 'written-dev' run only when "
                   "asked for).")
@click.option("--realnews", "realnews_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data/realnews"), show_default=True,
              help="The labelled real-news sentences (sentences.jsonl, labels.jsonl, labels_second.jsonl).")
@click.option("--training", "training_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data/training"), show_default=True,
              help="The labelled training sentences, a larger development set (--only training).")
@click.option("--written", "written_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "articles_written" / "articles.jsonl", show_default=True,
              help="The articles written and coded by the project, each record with its own text "
                   "(--only written; aggregate figures only unless --errors).")
@click.option("--written-dev", "written_dev_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "articles_written_dev" / "articles.jsonl", show_default=True,
              help="The written development articles (--only written-dev; per article always, each "
                   "missed and false event with --errors).")
@click.option("--second", "second_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --only written-dev: a second, independent coding of the same articles. Prints how "
                   "far the two codings agree, matched as the scorer matches events (the coder is not "
                   "run); with --errors also each must event one coding misses.")
@click.option("--errors", "dev_errors", is_flag=True,
              help="Also list the real-news dev (or training) sentences whose type is wrong or whose source "
                   "or target country is wrong, and the dev "
                   "articles' missed and false events, each with its diagnosis. With it no figure of "
                   "the test sets is printed, not even in aggregate.")
@click.option("--article-labels", "labels_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data") / "realnews", show_default=True,
              help="The folder of the article-level label files (articles_dev.jsonl, articles_test.jsonl).")
@click.option("--test", "with_test", is_flag=True,
              help="With --only realnews or --only articles, also score the frozen test split (aggregate "
                   "figures only). Without --only the test splits are always scored.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--rules-only", is_flag=True,
              help="Score the rules alone, without the learned event decisions, the sense model, the "
                   "pre-parse model or the article models (the ablation's baseline).")
@click.option("--preparse", default=None, metavar="learned|rules|PATH",
              help="Which candidate sentences are parsed: the shipped pre-parse model (learned, the "
                   "default), every candidate (rules), or a preparse.json (models/train_preparse.py).")
@click.option("--sense", default=None, metavar="rules|PATH",
              help="How a trigger word's reading is chosen: the lexicon's own choice (rules, the default) or "
                   "a sense.json (models/train_sense.py; none is shipped).")
@click.option("--article-roles", default=None, metavar="learned|rules|PATH",
              help="How an article's events' source and target are chosen among the article's parties: the "
                   "shipped models (learned, the default), as their sentences give them (rules), or an "
                   "article_roles.json (models/train_article.py).")
@click.option("--article-gate", default=None, metavar="learned|rules|PATH",
              help="Which of a whole article's events are kept: the shipped article gate (learned, the "
                   "default), every one (rules), or an article_gate.json (models/train_article.py).")
def evaluate(shared_dir: Path, only: str | None, realnews_dir: Path, training_dir: Path, written_path: Path,
             written_dev_path: Path, second_path: Path | None, dev_errors: bool, labels_dir: Path,
             with_test: bool, as_json: bool, rules_only: bool, preparse: str | None,
             sense: str | None, article_roles: str | None, article_gate: str | None) -> None:
    """Score the coder: PLOVER gold and event-location gold (development sets), the project's
    labelled real-news sentences and whole articles (dev, and the frozen test sets, reported only in
    aggregate), and, when asked for, the articles the project wrote itself (in aggregate unless
    --errors) or its written development articles (per article), or the agreement of two codings of
    those (--second). One set named with --only is scored on its dev split alone unless --test is
    given, so that developing never shows a test figure."""
    if second_path is not None:
        _print_coding_agreement(only, written_dev_path, second_path, dev_errors, as_json)
        return
    if not (shared_dir / "data").is_dir():
        raise click.ClickException(f"no shared data at {shared_dir} (pass --shared PATH)")
    pipeline = _evaluation_pipeline(rules_only, preparse, sense, article_roles, article_gate)
    reports = {}
    if only in (None, "plover"):
        from eventwire.evaluate.plover import evaluate_plover

        reports["plover"] = evaluate_plover(shared_dir, pipeline)
    if only in (None, "locations"):
        from eventwire.evaluate.locations import evaluate_locations

        reports["locations"] = evaluate_locations(shared_dir, pipeline.resources)
    errors: list[str] = []
    if only in (None, "realnews"):
        reports.update(_realnews_reports(shared_dir, realnews_dir, pipeline))
        if dev_errors:
            from eventwire.evaluate.realnews import actor_errors, sentence_errors

            errors = sentence_errors(reports["realnews_dev"]) + actor_errors(reports["realnews_dev"])
    if only in (None, "articles"):
        from eventwire.evaluate.articles import evaluate_article_sets

        article_reports = evaluate_article_sets(shared_dir, labels_dir, pipeline)
        if only == "articles" and not article_reports:
            raise click.ClickException(f"no article-level label file in {labels_dir}")
        reports.update(article_reports)
        if dev_errors and "articles_dev" in article_reports:
            from eventwire.evaluate.articles import article_errors

            errors += article_errors(article_reports["articles_dev"])
    if only == "training":
        reports["training"] = _training_report(shared_dir, training_dir, pipeline)
        if dev_errors:
            from eventwire.evaluate.realnews import actor_errors, sentence_errors

            errors = sentence_errors(reports["training"]) + actor_errors(reports["training"])
    if only == "written":
        reports["articles_written"] = _written_report(written_path, "written", not dev_errors, pipeline)
    if only == "written-dev":  # a development set: its articles and errors may always be read
        reports["articles_written_dev"] = _written_report(written_dev_path, "written-dev", False, pipeline)
    if dev_errors and only in ("written", "written-dev"):
        from eventwire.evaluate.articles import article_errors

        errors = article_errors(reports[f"articles_{only.replace('-', '_')}"])
    if dev_errors or (only is not None and not with_test):
        # whoever reads errors one by one, or runs one set, is developing: the frozen test sets stay unseen
        reports = {name: report for name, report in reports.items() if not name.endswith("_test")}
    if as_json:
        click.echo(json.dumps({name: report.to_dict() for name, report in reports.items()}, indent=2))
    else:
        click.echo("\n\n".join(report.table() for report in reports.values()))
    for line in errors:
        click.echo(line)


def _print_coding_agreement(only: str | None, first_path: Path, second_path: Path, errors: bool,
                            as_json: bool) -> None:
    """Two codings of the written development articles compared (never of a frozen set)."""
    from eventwire.evaluate.article_agreement import compare_files

    if only != "written-dev":
        raise click.ClickException("--second compares two codings of the written dev articles: "
                                   "use it with --only written-dev")
    for path in (first_path, second_path):
        if not path.is_file():
            raise click.ClickException(f"no written article set at {path}")
    agreement = compare_files(first_path, second_path)
    click.echo(json.dumps(agreement.to_dict(), indent=2) if as_json else agreement.table())
    if errors:
        for line in agreement.disagreement_lines():
            click.echo(line)


def _evaluation_pipeline(rules_only: bool, preparse: str | None = None, sense: str | None = None,
                         article_roles: str | None = None, article_gate: str | None = None):
    from eventwire.pipeline import Pipeline
    from eventwire.resources import LEARNED, RULES, Resources, Settings

    chosen = RULES if rules_only else LEARNED
    try:
        settings = Settings(decisions=chosen, preparse=preparse or chosen, sense=sense or RULES,
                            article_gate=article_gate or chosen, article_roles=article_roles or chosen)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    return Pipeline(workers=1, resources=Resources(settings))


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


def _written_report(path: Path, name: str, aggregate_only: bool, pipeline):
    from eventwire.evaluate.articles import evaluate_written

    if not path.is_file():
        raise click.ClickException(f"no written article set at {path}")
    return evaluate_written(path, aggregate_only=aggregate_only, pipeline=pipeline, name=name)


def _training_report(shared_dir: Path, folder: Path, pipeline):
    from eventwire.evaluate.realnews import evaluate_realnews

    if not (folder / "labels.jsonl").is_file():
        raise click.ClickException(f"no training labels at {folder} (pass --training PATH)")
    return evaluate_realnews(shared_dir, folder, pipeline, splits=("train",))["train"]


# --------------------------------------------------------------------------- the event store

def _db_option(command):
    return click.option("--db", "db_url", default="eventwire.db", envvar="EVENTWIRE_DB", show_default=True,
                        metavar="URL", help="The event store: a SQLite file or sqlite:///PATH (WAL mode), "
                                            "or postgresql://USER@HOST:PORT/DB. Also $EVENTWIRE_DB.")(command)


def _query_options(command):
    options = [
        click.option("--actor", default=None, help="An actor code prefix in capitals (RUSGOV, RUS) or part "
                                                   "of an actor's name (putin); % and _ match themselves."),
        click.option("--country", multiple=True, metavar="CODE[,CODE...]",
                     help="Any source or target actor's country, ISO3 (RUS) or ISO2 (RU); several: "
                          "RUS,UKR or the option repeated."),
        click.option("--type", "event_type", multiple=True, metavar="TYPE[,TYPE...]",
                     help="PLOVER event types, e.g. ASSAULT or ASSAULT,PROTEST (or the option repeated)."),
        click.option("--since", metavar="DATE", help="Events on or after: 2024, 2024-03 or 2024-03-11."),
        click.option("--until", metavar="DATE", help="Events on or before: 2024, 2024-03 (its last day) "
                                                     "or 2024-03-11."),
        click.option("--min-confidence", metavar="0..1", default=None, help="Lowest confidence, 0 to 1."),
        click.option("--historical", type=click.Choice(["false", "true", "any"]), default="false",
                     show_default=True, help="Background acts told as history ('the army, which intervened "
                                             "in 2015, ...'): false leaves them out, true lists only them, "
                                             "any lists both."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_query(actor, country, event_type, since, until, min_confidence, historical="false",
                 sort: str | None = None):
    from eventwire.query import QueryError, parse_query

    try:
        return parse_query(actor=actor, country=",".join(country), type=",".join(event_type),
                           min_confidence=min_confidence, since=since, until=until, historical=historical,
                           sort=sort)
    except QueryError as exc:
        raise click.UsageError(f"--{exc.parameter.replace('_', '-')}: {exc.reason}") from None


@main.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option("--date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for every input (overrides dates found in the documents).")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip input files larger than this.")
@_scale_options
@_stdin_format_option
def ingest_command(inputs: tuple[str, ...], db_url: str, date: dt.date | None, max_bytes: int,
                   workers: int | None, scheduler: str | None, time_budget: float, stdin_format: str) -> None:
    """Code INPUT files, directories or '-' (standard input: JSONL, or one text with
    --stdin-format text) and store articles and events.

    Articles already stored with the same content and coder are not coded again; a changed
    article replaces its earlier events. Each article is committed on its own, so an
    interrupted ingest resumes where it stopped when run again.
    """
    import time

    from eventwire.store import current_coder, open_store, redact
    from eventwire.store.ingest import IngestTally, skip_current, store_results

    _check_scale(workers, scheduler)
    coder, started = current_coder(), time.monotonic()
    statuses: dict[str, int] = {"coded": 0, "skipped": 0, "failed": 0}
    with open_store(db_url, on_wait=lambda message: click.echo(message, err=True)) as store:
        tally = IngestTally()
        inputs_read = read_inputs(inputs, max_bytes=max_bytes, date=date, stdin_format=stdin_format)
        documents = skip_current(store, inputs_read, coder, tally)
        results = code_documents(documents, workers=workers, scheduler=scheduler, time_budget=time_budget)
        store_results(store, _reported(results, statuses), coder, tally,
                      on_error=lambda line: click.echo(" ".join(line.split()), err=True))
    elapsed = time.monotonic() - started
    click.echo(f"{tally.summary()} ({statuses['coded']} coded, {statuses['skipped']} skipped, "
               f"{statuses['failed']} failed) into {redact(db_url)} in {elapsed:.1f}s", err=True)
    sys.exit(1 if statuses["failed"] or tally.failed else 0)


@main.command(name="events")
@_db_option
@_query_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of standard output (required for parquet).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@click.option("--sort", type=click.Choice(SORT_KEYS), default="date", show_default=True,
              help="Order; a leading - sorts descending.")
@click.option("--fields", metavar="FIELD[,FIELD...]", default=None,
              help=f"Table columns, of: {', '.join(TABLE_COLUMNS)} (default: "
                   f"{','.join(DEFAULT_TABLE_FIELDS)}); for csv, CSV columns.")
def events_command(db_url: str, fmt: str, out: str | None, limit: int | None, sort: str, fields: str | None,
                   **filters) -> None:
    """List stored events (one per real-world event, with all its mentions).

    The table shows each event's short ID, which `eventwire event ID` expands. A TYPE marked *
    is negated, hypothetical, future or historical: the evidence says which, e.g. (negated).
    """
    import dataclasses

    from eventwire.store import open_store

    query = dataclasses.replace(_event_query(**filters, sort=sort), limit=limit)
    columns = _fields(fields, fmt)
    with open_store(db_url, read_only=True) as store:
        records = store.events(query)
        if fmt == "table":
            with click.open_file(out or "-", "w", encoding="utf-8") as stream:
                count = write_table(records, stream, fields=columns or DEFAULT_TABLE_FIELDS)
        else:
            count = _exported(records, fmt, out, columns)
    click.echo(f"{count} events", err=True)


def _fields(fields: str | None, fmt: str) -> list[str] | None:
    """The --fields of a format, checked."""
    if fields is None:
        return None
    from eventwire.export import EVENT_CSV_COLUMNS

    allowed = {"table": list(TABLE_COLUMNS), "csv": EVENT_CSV_COLUMNS}.get(fmt)
    if allowed is None:
        raise click.UsageError(f"--fields: chooses table or csv columns, not {fmt} fields")
    chosen = [name.strip() for name in fields.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in allowed]
    if unknown or not chosen:
        raise click.UsageError(f"--fields: {', '.join(unknown) or '(none)'} not among {', '.join(allowed)}")
    return chosen


def _exported(records, fmt: str, out: str | None, columns: list[str] | None = None) -> int:
    from eventwire.export import export_events

    try:
        return export_events(records, fmt, out or "-", columns=columns)
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

    with open_store(db_url, read_only=True) as store:
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
    from eventwire.store import open_store, redact
    from eventwire.store.views import marked_article

    with open_store(db_url, read_only=True) as store:
        stored = store.article(doc_id) or store.article(_full_id(store, "articles", doc_id, db_url))
    if stored is None:
        raise click.ClickException(f"no article {doc_id!r} in {redact(db_url)}")
    click.echo(marked_article(stored))


def _full_id(store, table: str, short: str, db_url: str) -> str:
    """The one id that begins with `short`; an error when none or several do."""
    from eventwire.store import redact

    found = store.ids_starting_with(table, short)
    kind = "article" if table == "articles" else "event"
    if not found:
        raise click.ClickException(f"no {kind} {short!r} in {redact(db_url)}")
    if len(found) > 1:
        raise click.ClickException(f"{short!r} begins several {kind} ids ({', '.join(found)}, ...): "
                                   "give more characters")
    return found[0]


@main.command(name="event")
@click.argument("event_id")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def event_command(event_id: str, db_url: str, fmt: str) -> None:
    """Show one stored event (its full or short ID, as the events table shows it): who, what, when,
    where, and every article that reported it, with why the reports were merged."""
    from eventwire.store import open_store
    from eventwire.store.views import event_text

    with open_store(db_url, read_only=True) as store:
        stored = store.event(event_id) or store.event(_full_id(store, "events", event_id, db_url))
    if fmt == "json":
        click.echo(json.dumps(stored.record, ensure_ascii=False, indent=2))
    else:
        click.echo(event_text(stored.record))


@main.command(name="export")
@_db_option
@_query_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "plover", "cameo"]),
              required=True, help="plover: PLOVER JSON lines; cameo: TSV with the Phoenix columns.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True)
def export_command(db_url: str, fmt: str, out: str, **filters) -> None:
    """Export stored events to a file."""
    from eventwire.store import open_store

    with open_store(db_url, read_only=True) as store:
        count = _exported(store.events(_event_query(**filters)), fmt, out)
    click.echo(f"{count} events -> {out}", err=True)


@main.command(name="merge")
@_db_option
@_query_options
@click.option("--recompute", is_flag=True, help="Rebuild every merged event from the stored mentions.")
@click.option("--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="Merged events to explain (those reported most often first); 0 for counts only.")
def merge_command(db_url: str, recompute: bool, limit: int, **filters) -> None:
    """Show how mentions were merged into events (which articles, and why), or recompute the merging."""
    import dataclasses

    from eventwire.store import open_store
    from eventwire.store.views import event_text

    query = dataclasses.replace(_event_query(**filters, sort="-num_articles"), limit=limit or None)
    with open_store(db_url, read_only=not recompute) as store:
        if recompute:
            store.recompute_merges()
        counts = store.counts()
        merged = [record for record in (store.events(query) if limit else []) if len(record["mentions"]) > 1]
        explained = [event_text(store.event(record["event_id"]).record) for record in merged]
    click.echo(f"{counts['mentions']} mentions in {counts['events']} events "
               f"from {counts['articles']} articles" + (" (recomputed)" if recompute else ""))
    for text in explained:
        click.echo("\n" + text)


# --------------------------------------------------------------------------- watching feeds and folders

def _duration(ctx, param, value: str) -> float:
    from eventwire.watch.status import parse_duration

    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(name="watch")
@click.argument("sources", nargs=-1)
@_db_option
@click.option("--every", default="15m", show_default=True, callback=_duration, metavar="DURATION",
              help="Time from the start of one round to the next: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="Do one round and exit (for cron and systemd timers).")
@click.option("--alerts", "rules_path", type=click.Path(dir_okay=False), default=None, metavar="RULES.toml",
              help="Alert rules (see docs/watch.md).")
@click.option("--status", is_flag=True, help="Show each followed source's last success and last error.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds for one HTTP response, first byte to last.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip feeds, pages and files larger than this.")
@click.option("--per-host", type=click.IntRange(min=1), default=30, show_default=True,
              help="At most this many requests to one host per minute.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Retries of a request that timed out or got a 429 or 5xx, with doubling waits.")
@click.option("--backoff", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds before the first retry.")
def watch_command(sources: tuple[str, ...], db_url: str, every: float, once: bool, rules_path: str | None,
                  status: bool, timeout: float, max_bytes: int, per_host: int, retries: int,
                  backoff: float) -> None:
    """Follow SOURCE folders, RSS/Atom feed URLs and files listing feed URLs: new and changed
    articles are coded into the store every round, and alert rules run on the stored events.

    Runs until Ctrl-C or SIGTERM (the article in hand is finished first); --once does one round
    and exits with status 1 when anything failed. One line per round goes to standard error;
    "print" alerts go to standard output.
    """
    import threading

    from eventwire.store import current_coder, open_store
    from eventwire.store.watchstate import WatchState
    from eventwire.watch import (
        AlertEngine,
        Fetcher,
        FetchSettings,
        RulesError,
        Watcher,
        WatchSettings,
        load_rules,
        stop_on_signals,
    )
    from eventwire.watch.status import sources_table

    if status:
        with open_store(db_url) as store:
            state = WatchState(store)
            click.echo(sources_table(state.sources(), state.item_counts()))
        return
    if not sources:
        raise click.UsageError("name at least one SOURCE: a folder, a feed URL or a file listing feed URLs")
    try:
        rules = load_rules(rules_path) if rules_path else []
    except RulesError as exc:
        raise click.ClickException(str(exc)) from None
    from eventwire.pipeline import Pipeline

    stop = threading.Event()
    restore_signals = stop_on_signals(stop)
    fetcher = Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes, per_host_per_minute=per_host,
                                    retries=retries, backoff=backoff), stop=stop)

    def echo(line: str) -> None:
        click.echo(line, err=True)

    with open_store(db_url) as store:
        alerts = AlertEngine(store, rules, stop=stop, echo=echo, webhook_timeout=timeout,
                             webhook_retries=retries, webhook_backoff=backoff) if rules else None
        watcher = Watcher(store, list(sources), code=Pipeline(workers=1).code_documents,
                          coder=current_coder(), fetcher=fetcher, alerts=alerts,
                          settings=WatchSettings(max_file_bytes=max_bytes), echo=echo)
        try:
            reports = watcher.run(every, once=once)
        finally:
            restore_signals()
    if stop.is_set():
        echo("stopped")
    sys.exit(1 if once and any(report.errors for report in reports) else 0)


@main.command(name="alerts")
@_db_option
@click.option("--rule", default=None, help="Only this rule's alerts.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def alerts_command(db_url: str, rule: str | None, fmt: str) -> None:
    """List the alerts that fired, oldest first (with any action still pending)."""
    from eventwire.store import open_store
    from eventwire.store.watchstate import WatchState
    from eventwire.watch.alerts import alert_listing
    from eventwire.watch.status import alerts_table

    with open_store(db_url) as store:
        fired = WatchState(store).alerts(rule)
    if fmt == "jsonl":
        write_jsonl((alert_listing(alert) for alert in fired), sys.stdout)
    elif fired:
        click.echo(alerts_table(fired))
    click.echo(f"{len(fired)} alerts", err=True)

@main.command(name="serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the API to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="A file holding the bearer token that enables POST /api/documents "
                   "(or set $EVENTWIRE_TOKEN). Without one the API is read-only.")
@click.option("--query-time-limit", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds after which a query is cancelled with a 503.")
@click.option("--max-body-mb", type=click.FloatRange(min=0.001), default=20.0, show_default=True,
              help="Largest accepted POST body, in megabytes.")
def serve_command(db_url: str, host: str, port: int, token_file: Path | None, query_time_limit: float,
                  max_body_mb: float) -> None:
    """Serve the event store as an HTTP API (JSON; interactive docs at /docs)."""
    import ipaddress
    import os

    import uvicorn

    from eventwire.api import ApiSettings, create_app
    from eventwire.api.settings import redact_url

    token = (token_file.read_text(encoding="utf-8").strip() if token_file
             else os.environ.get("EVENTWIRE_TOKEN"))
    if token_file and not token:
        raise click.UsageError(f"--token-file {token_file} is empty")
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        click.echo(f"warning: serving on {host}, beyond this machine, with no token: anyone who can reach "
                   "it can read every event (writes stay disabled)", err=True)
    settings = ApiSettings(db_url=db_url, token=token or None, query_time_limit=query_time_limit,
                           max_body_bytes=int(max_body_mb * 1024 * 1024))
    try:
        app = create_app(settings)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback, never a password
        message = " ".join(str(exc).split()).replace(db_url, redact_url(db_url))
        raise click.ClickException(f"cannot open {redact_url(db_url)}: {message}") from None
    click.echo(f"eventwire serving {redact_url(db_url)} on http://{host}:{port} "
               f"({'writes need the token' if token else 'read-only'}); docs at /docs", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
