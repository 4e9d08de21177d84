"""Is a place inside a permitted territory? ISO 3166 decides, not who controls the ground.

A territory is a set of ISO 3166-1 country codes and ISO 3166-2 subdivision codes. A country
code covers every subdivision of that country: UA covers UA-43 (Crimea), UA-40 (Sevastopol)
and the occupied parts of Donetsk, Luhansk, Zaporizhzhia and Kherson, because ISO 3166-2
lists them under UA; RU-BEL (Belgorod Oblast) is never inside UA. A subdivision code names
its country in its prefix, so a place given as region UA-43 is in UA even if a text files it
under RU.

The answer is three-valued: True, False, or None when the place is too vague to tell (a
place given only as "Russia" against a territory of some Russian regions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# Regions that no condition names are judged alike and differ only in the words that name
# them: the engine works their finding out once, for this mark (`model.Finding.region`).
from enduse.model import ANY_REGION


class Place(NamedTuple):
    """A place reduced to its ISO codes: the country, and the first-level region if known."""

    country: str | None
    region: str | None

    @classmethod
    def of(cls, country: str | None, region: str | None) -> Place:
        """From a claim's place (codes already upper-case); the region's prefix names its country."""
        if region and "-" in region:
            return cls(region[: region.index("-")], region)
        return cls(country or None, None)

    def judged_as(self, named: frozenset[str]) -> Place:
        """The place as the rules see it, given every code some condition names: a region no
        condition names is `ANY_REGION` (all such regions of a country get one answer)."""
        if self.region is None or self.region is ANY_REGION or self.region in named:
            return self
        return Place(self.country, ANY_REGION)

    @property
    def known(self) -> bool:
        return self.country is not None

    def label(self) -> str:
        return self.region or self.country or "an unstated place"


@dataclass(frozen=True, slots=True)
class Territory:
    """A permitted territory, with the countries it names only in part."""

    codes: frozenset[str]
    partial_countries: frozenset[str]
    text: str  # the codes as one label ("RU-BEL, RU-KRS"), made once

    @classmethod
    def of(cls, codes: list[str] | tuple[str, ...] | frozenset[str]) -> Territory:
        clean = frozenset(c.strip().upper() for c in codes)
        partial = frozenset(c.split("-", 1)[0] for c in clean if "-" in c)
        return cls(clean, partial - clean, ", ".join(sorted(clean)))

    def contains(self, place: Place) -> bool | None:
        """True inside, False outside, None when the place is too vague to tell."""
        if place.country is None:
            return None
        if place.country in self.codes or (place.region is not None and place.region in self.codes):
            return True
        if place.region is None and place.country in self.partial_countries:
            return None
        return False
