"""Reading and cleaning articles: paths and streams in, Documents (or Rejected) out."""

from eventwire.ingest.readers import (
    DEFAULT_MAX_BYTES,
    document_from_record,
    make_document,
    read_inputs,
)

__all__ = ["DEFAULT_MAX_BYTES", "document_from_record", "make_document", "read_inputs"]
