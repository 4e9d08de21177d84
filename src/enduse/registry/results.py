"""What an import returns: the rows it took, the rows it refused and why, and the designations
it could not tie to the catalog. A refused row is a result with its line number, not a crash,
so that imported + rejected always adds up to the data rows of the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from enduse.model import Condition, Transfer


@dataclass(frozen=True, slots=True)
class RowRejection:
    """A data row the importer refused: its first line in the file, why, and its text."""

    line: int
    reason: str
    text: str = ""


@dataclass(slots=True)
class ImportResult:
    """The outcome of reading one registry file."""

    source: str
    format: str
    transfers: list[Transfer] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    rejected: list[RowRejection] = field(default_factory=list)
    data_rows: int = 0  # records after the header; one record may span several physical lines
    physical_lines: int = 0  # lines after the header, counting the continuation lines of broken records
    generated: str | None = None  # the export date the file states, if any
    resolved: int = 0  # rows whose designation resolved to a catalog weapon
    unresolved: Counter[str] = field(default_factory=Counter)  # designation → rows

    @property
    def imported(self) -> int:
        return len(self.transfers) + len(self.conditions)

    def reconciles(self) -> bool:
        """Every data row was imported or rejected, none twice."""
        return self.imported + len(self.rejected) == self.data_rows
