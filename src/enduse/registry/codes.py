"""Party names to ISO 3166-1 alpha-2 codes, and which codes a registry row may carry.

Registers name states their own way ("Turkiye", "UAE", "Soviet Union") and list parties that
are not states at all (rebel groups, the UN, "unknown supplier(s)"). pycountry resolves the
ordinary names; `data/country_names.yaml` covers the rest and documents the few codes
outside current ISO 3166-1 that enduse accepts (former states, user-assigned codes for
non-state and unknown parties). One loader, so the importer and the row validator agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry
import yaml

from enduse.errors import InvalidCatalog

NAMES_FILE = Path(__file__).parent / "data" / "country_names.yaml"
NON_STATE = "XN"
ORGANISATION = "XO"


@dataclass(frozen=True, slots=True)
class CodeBook:
    """Name → code overrides (lower-cased keys) and the accepted non-ISO codes."""

    names: dict[str, str]
    extra_codes: dict[str, str]


@cache
def code_book() -> CodeBook:
    """The bundled name mapping, loaded once; a wrong file fails loudly."""
    try:
        data = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise InvalidCatalog(str(NAMES_FILE), "-", f"cannot read: {e}") from e
    extra = {str(k): str(v) for k, v in (data.get("extra_codes") or {}).items()}
    names: dict[str, str] = {}
    for name, code in (data.get("names") or {}).items():
        code = str(code)
        if code not in extra and pycountry.countries.get(alpha_2=code) is None:
            raise InvalidCatalog(str(NAMES_FILE), str(name), f"code {code!r} is neither ISO 3166-1 nor listed")
        names[str(name).strip().lower()] = code
    return CodeBook(names, extra)


@lru_cache(maxsize=4096)
def is_party_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code or one of the documented extra codes."""
    return code in code_book().extra_codes or (len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None)


@lru_cache(maxsize=4096)
def is_territory_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 or ISO 3166-2 subdivision code."""
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=4096)
def party_code(name: str) -> str | None:
    """The code for a party name as a register spells it, or None when nothing resolves it."""
    text = name.strip()
    if not text:
        return None
    book = code_book()
    hit = book.names.get(text.lower())
    if hit is not None:
        return hit
    if text.endswith("**"):
        return ORGANISATION
    if text.endswith("*"):
        return NON_STATE
    if len(text) == 2 and text.isupper() and is_party_code(text):
        return text
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return str(country.alpha_2)


def is_state_party(code: str) -> bool:
    """False for the user-assigned codes of non-state, organisation and unknown parties."""
    return code not in (NON_STATE, ORGANISATION, "XX")
