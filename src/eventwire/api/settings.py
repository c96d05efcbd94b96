"""What a server is configured with: built once, passed to `create_app`."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from eventwire.store import DEFAULT_DB


@dataclass(frozen=True)
class ApiSettings:
    db_url: str = DEFAULT_DB
    # Writes (POST /api/documents) need `Authorization: Bearer <token>`; None: the API is read-only.
    token: str | None = None
    query_time_limit: float = 10.0  # seconds; a query past it is cancelled with a 503
    max_body_bytes: int = 20 * 1024 * 1024  # of a POST body
    max_documents: int = 1000  # in one POST
    export_page: int = 1000  # events read per query while streaming an export

    def __repr__(self) -> str:  # never show the token or a database password
        token = "set" if self.token else None
        return (f"ApiSettings(db_url={redact_url(self.db_url)!r}, token={token}, "
                f"query_time_limit={self.query_time_limit}, max_body_bytes={self.max_body_bytes})")


def redact_url(url: str) -> str:
    """A database URL with any password replaced by ***, fit for logs and messages."""
    if "://" not in url:
        return url
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))
