"""The HTTP API over the event store (the contract: docs/api.md).

Safe by default: read-only unless a token is configured, every value from articles goes out
JSON-encoded, queries are bound parameters only, each request reads on its own connection
with a time limit, and errors come back as one-line JSON, never a traceback.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

import orjson
import psycopg
from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.api.documents import BodyError, DocumentCoder, parse_documents
from eventwire.api.settings import ApiSettings, redact_url
from eventwire.api.streams import MEDIA_TYPES, export_stream
from eventwire.api.timeline import GROUPS, INTERVALS, buckets
from eventwire.query import QueryError, encode_cursor, parse_query
from eventwire.store import EventStore, open_store
from eventwire.store.base import EventQuery, QueryTimeout
from eventwire.web import mount_dashboard

log = logging.getLogger("eventwire.api")
DEFAULT_SORT = "-date"
DEFAULT_TOP = 50


class Json(JSONResponse):
    """JSON through orjson: fast on big pages; article text goes out as JSON strings, as data."""

    def render(self, content) -> bytes:
        return orjson.dumps(content)


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(settings: ApiSettings) -> FastAPI:
    """The application for one store; the schema is brought up to date here, once."""
    main_store = open_store(settings.db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        main_store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  default_response_class=Json,
                  description="PLOVER events coded from news, merged across articles. "
                              "Every list takes the same filters; see docs/api.md.")
    app.state.settings = settings
    app.state.store = main_store
    app.state.coder = DocumentCoder()
    _add_error_handlers(app)
    _add_docs(app)
    _add_routes(app)
    mount_dashboard(app)
    return app


# -- requests ------------------------------------------------------------------------------------

def reader(request: Request) -> Iterator[EventStore]:
    """A store on its own connection for this request (connections are not shared by threads)."""
    settings: ApiSettings = request.app.state.settings
    store = request.app.state.store.reader(settings.query_time_limit)
    try:
        yield store
    finally:
        store.close()


Reader = Annotated[EventStore, Depends(reader)]


def filters(
    since: Annotated[str | None, Query(description="Events on or after: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Events on or before (same forms)")] = None,
    country: Annotated[str | None, Query(description="ISO3 (or ISO2) countries, comma-separated: any "
                                                     "source or target actor's country")] = None,
    role: Annotated[str | None, Query(description="source or target: the side `country` and `actor` "
                                                  "must be on")] = None,
    actor: Annotated[str | None, Query(description="An actor code prefix in capitals (RUSGOV) or part of "
                                                   "a name (lavrov)")] = None,
    type: Annotated[str | None, Query(description="PLOVER event types, comma-separated")] = None,  # noqa: A002
    quad_class: Annotated[str | None, Query(description="verbal_cooperation, material_cooperation, "
                                                        "verbal_conflict or material_conflict, "
                                                        "comma-separated")] = None,
    min_confidence: Annotated[str | None, Query(description="0 to 1")] = None,
    place: Annotated[str | None, Query(description="Part of the event location's name")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat of the location")] = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the evidence sentences")] = None,
    dyad: Annotated[str | None, Query(description="SOURCE,TARGET: one pair as /api/dyads names it "
                                                  "(- for no actor)")] = None,
    historical: Annotated[str | None, Query(description="false (default): current events only; true: "
                                                        "only background acts told as history (an army "
                                                        "'which intervened in 2015'); any: both")] = None,
) -> dict:
    return {"since": since, "until": until, "country": country, "role": role, "actor": actor, "type": type,
            "quad_class": quad_class, "min_confidence": min_confidence, "place": place, "bbox": bbox, "q": q,
            "dyad": dyad, "historical": historical}


Filters = Annotated[dict, Depends(filters)]
Limit = Annotated[str | None, Query(description="Rows in the answer: 1 to 1000")]
Cursor = Annotated[str | None, Query(description="`next` of the previous page, unchanged")]
Sort = Annotated[str | None, Query(description="date, -date (default), confidence, -confidence, num_articles "
                                               "or -num_articles")]


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


# -- routes --------------------------------------------------------------------------------------

def _add_routes(app: FastAPI) -> None:
    settings: ApiSettings = app.state.settings

    @app.get("/api/health", summary="Is the store reachable; its schema and size")
    def health(store: Reader) -> dict:
        return {"status": "ok", "version": __version__, "database": store.dialect,
                "schema_version": store.schema_version(), "events": store.count_events(),
                "writes": settings.token is not None}

    @app.get("/api/events", summary="Events, filtered, sorted and paged by cursor")
    def events(store: Reader, given: Filters,
               sort: Sort = None,
               limit: Limit = None,
               cursor: Cursor = None) -> Response:
        query = parse_query(**given, sort=sort or DEFAULT_SORT, limit=limit or "100", cursor=cursor)
        page = store.event_page(query)
        following = encode_cursor(query.sort, *page.next) if page.next else None
        # The stored records are JSON already: passed on as they are, not decoded and encoded again.
        records = ",".join(event.record_json for event in page.events).encode("utf-8")
        return Response(b'{"events":[' + records + b'],"next":' + orjson.dumps(following) + b"}",
                        media_type="application/json")

    @app.get("/api/count", summary="How many events match the filters")
    def count(store: Reader, given: Filters) -> dict:
        return {"count": store.count_events(parse_query(**given))}

    @app.get("/api/events/{event_id}", summary="One event with every mention, its evidence spans and reasons")
    def event(store: Reader, event_id: str) -> dict:
        found = store.event(event_id[:200])
        if found is None:
            raise ApiError(404, f"no event {event_id[:200]!r}")
        return found.to_dict()

    @app.get("/api/timeline", summary="Events per day, week or month; empty periods included")
    def timeline(store: Reader, given: Filters,
                 interval: Annotated[str, Query(description="day, week or month")] = "month",
                 by: Annotated[str | None, Query(description="quad_class or event_type")] = None) -> dict:
        query = parse_query(**given)
        if interval not in INTERVALS:
            raise QueryError("interval", f"{interval[:20]!r} is not one of {', '.join(INTERVALS)}")
        if by and by not in GROUPS:
            raise QueryError("by", f"{by[:20]!r} is not one of {', '.join(GROUPS)}")
        counts = store.timeline(query, by or None)
        return {"interval": interval, "by": by or None,
                "buckets": buckets(counts, interval, by or None, query.since, query.until)}

    @app.get("/api/dyads", summary="Source-target pairs with the most events, by quad class")
    def dyads(store: Reader, given: Filters, limit: Limit = None) -> dict:
        query = parse_query(**given, limit=limit)
        found = store.dyad_totals(query, query.limit or DEFAULT_TOP)
        return {"dyads": [dataclasses.asdict(dyad) for dyad in found]}

    @app.get("/api/actors", summary="The most active actors, as source and as target")
    def actors(store: Reader, given: Filters, limit: Limit = None) -> dict:
        query = parse_query(**given, limit=limit)
        found = store.actor_counts(query, query.limit or DEFAULT_TOP)
        return {"actors": [dataclasses.asdict(actor) for actor in found]}

    @app.get("/api/articles/{doc_id:path}", summary="An article's cleaned text, metadata and events")
    def article(store: Reader, doc_id: str) -> dict:
        found = store.article(doc_id[:500])
        if found is None:
            raise ApiError(404, f"no article {doc_id[:200]!r}")
        fields = dataclasses.asdict(found)
        fields["events"] = fields.pop("mentions")
        return fields

    @app.get("/api/alerts", summary="Alerts fired by `eventwire watch` rules, newest first")
    def alerts(store: Reader, limit: Limit = None,
               rule: Annotated[str | None, Query(description="Only this rule's alerts")] = None) -> dict:
        from eventwire.store.watchstate import WatchState
        from eventwire.watch.alerts import alert_listing

        rows = parse_query(limit=limit or "100").limit
        return {"alerts": [alert_listing(alert) for alert in
                           WatchState(store).recent_alerts(rule[:200] if rule else None, rows)]}

    @app.get("/api/export", summary="Every matching event as CSV, JSON lines or Parquet, streamed",
             response_class=StreamingResponse)
    def export(given: Filters, request: Request,
               format: Annotated[str, Query(description="csv, jsonl or parquet")] = "csv",  # noqa: A002
               sort: Annotated[str | None, Query(description="as for /api/events (default: date)")] = None):
        query = parse_query(**given, sort=sort or "date")
        if format not in MEDIA_TYPES:
            raise QueryError("format", f"{format[:20]!r} is not one of {', '.join(MEDIA_TYPES)}")
        store = request.app.state.store.reader(settings.query_time_limit)

        def records() -> Iterator[dict]:
            try:
                yield from _all_pages(store, query, settings.export_page)
            finally:
                store.close()

        def stopped(exc: BaseException) -> None:
            log.error("export stopped: %s", _describe(exc))

        return StreamingResponse(
            export_stream(records, format, on_error=stopped), media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="events.{format}"'})

    @app.post("/api/documents", summary="Code and store documents (needs the bearer token)")
    async def documents(request: Request) -> dict:
        if settings.token is None:
            raise ApiError(403, "writes are disabled: start the server with --token-file or EVENTWIRE_TOKEN")
        given = _bearer_token(request)
        if given is None or not secrets.compare_digest(given.encode(), settings.token.encode()):
            raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required")
        body = await _bounded_body(request, settings.max_body_bytes)
        try:
            items = parse_documents(body, request.headers.get("content-type", ""), settings.max_documents)
        except BodyError as exc:
            raise ApiError(422, str(exc)) from None

        def ingest() -> list[dict]:
            with request.app.state.store.reader() as store:  # writes get no time limit
                return request.app.state.coder.ingest(items, store)

        statuses = await run_in_threadpool(ingest)
        return {"documents": statuses}


def _all_pages(store: EventStore, query: EventQuery, page: int) -> Iterator[dict]:
    """Every matching event, read page by page (each query short, memory bounded)."""
    query = dataclasses.replace(query, limit=page, after=None)
    while True:
        found = store.event_page(query)
        for event in found.events:
            yield event.to_dict()
        if found.next is None:
            return
        query = dataclasses.replace(query, after=found.next)


async def _bounded_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is larger than {limit} bytes")
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is larger than {limit} bytes")
        parts.append(chunk)
    return b"".join(parts)


# -- errors --------------------------------------------------------------------------------------

def _describe(exc: BaseException) -> str:
    """One log line for an error, with no database password in it."""
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _add_error_handlers(app: FastAPI) -> None:
    db_url = app.state.settings.db_url

    def error(status: int, message: str, **extra) -> Json:
        return Json({"error": message, **extra}, status_code=status)

    @app.exception_handler(QueryError)
    async def bad_parameter(request: Request, exc: QueryError) -> Json:
        return error(422, str(exc), parameter=exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Json:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path"))
        return error(422, f"{where or 'request'}: {first.get('msg', 'invalid')}", parameter=where or None)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Json:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        response = error(exc.status, exc.message)
        if headers:
            response.headers.update(headers)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Json:
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Json:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error(503, f"{exc}: narrow the filters (a shorter period, a country, a type) and retry")

    @app.exception_handler(sqlite3.Error)
    @app.exception_handler(psycopg.Error)
    async def database_error(request: Request, exc: Exception) -> Json:
        log.error("%s %s: database %s: %s", request.method, request.url.path, redact_url(db_url),
                  _describe(exc).replace(db_url, redact_url(db_url)))
        return error(503, f"the database failed to answer ({type(exc).__name__}); try again later")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Json:
        log.error("%s %s: %s", request.method, request.url.path, _describe(exc))
        return error(500, "internal error; the server log has the details")


# -- interactive docs, with no internet ----------------------------------------------------------

def _add_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle package's files: no CDN."""
    import swagger_ui_bundle

    assets = StaticFiles(directory=Path(swagger_ui_bundle.swagger_ui_path))
    app.mount("/docs/assets", assets, name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/docs/assets/favicon-32x32.png")
