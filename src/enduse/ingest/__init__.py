"""Ingestion: raw pages and scraped text in, clean, dated, attributed documents out."""

from enduse.ingest.boilerplate import clean_text
from enduse.ingest.dedup import content_hash, near_duplicate_groups
from enduse.ingest.document import build_document, clean_input
from enduse.ingest.inputs import RawInput, read_inputs

__all__ = [
    "RawInput",
    "build_document",
    "clean_input",
    "clean_text",
    "content_hash",
    "near_duplicate_groups",
    "read_inputs",
]
