"""The analysts' dashboard: one HTML page at `/` and its assets under `/ui/`, reading the JSON API.

The page is a static shell; one hand-written ES module (static/app.js) fetches everything from
`/api/...` with the filters kept in the page's URL, and builds every element with
createElement/textContent, so article text never becomes markup. A Content-Security-Policy
that allows only this origin's scripts, styles and data backs that up.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"
ASSETS_PREFIX = "/ui"
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard at `/` and its assets (script, style, map boundaries) under /ui/."""
    page = (STATIC / "index.html").read_bytes()

    def dashboard() -> Response:
        return Response(page, media_type="text/html; charset=utf-8",
                        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})

    def boundaries() -> FileResponse:
        path = resources.files("eventwire") / "data" / "web" / "countries.geojson"
        return FileResponse(str(path), media_type="application/geo+json",
                            headers={"Cache-Control": "public, max-age=86400", **SECURITY_HEADERS})

    app.add_api_route("/", dashboard, methods=["GET"], include_in_schema=False)
    app.add_api_route(f"{ASSETS_PREFIX}/countries.geojson", boundaries, methods=["GET"],
                      include_in_schema=False)
    app.mount(ASSETS_PREFIX, StaticFiles(directory=STATIC), name="dashboard-assets")
