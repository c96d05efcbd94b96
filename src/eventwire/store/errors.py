"""What a user sees when a store cannot be used: one line, naming the store, never its password."""

from __future__ import annotations

import re

_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@/\s]*)@",
                       re.IGNORECASE)
_PASSWORD_OPTION = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


class StoreError(Exception):
    """A store that cannot be opened or written, explained in one line."""


class StoreOutdated(StoreError):
    """A store of an older schema, opened by a reader (which never migrates)."""


def redact(text: str) -> str:
    """`text` with every password in a database URL or a libpq option replaced by ***."""
    text = _PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    return _PASSWORD_OPTION.sub(r"\1***", text)


def first_line(error: BaseException) -> str:
    """An exception's message on one line (drivers often add hints and context lines)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return redact(lines[0] if lines else type(error).__name__)
