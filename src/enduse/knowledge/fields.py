"""Reading catalog files and checking their fields, failing loudly.

Every catalog file is a YAML list of mappings. The helpers here read one file and check one
field of one entry each; anything wrong raises `InvalidCatalog` with the file, the entry and
the field, so whoever edited the file can find the line without reading the loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pycountry
import yaml

from enduse.errors import InvalidCatalog

# Kosovo: a user-assigned code that the EU, NATO and most catalogs use; pycountry lacks it.
EXTRA_COUNTRY_CODES = frozenset({"XK"})


def load_yaml(path: Path) -> list[dict[str, Any]]:
    """The entries of one catalog file (an empty file is an empty list)."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise InvalidCatalog(str(path), "-", f"not valid YAML: {e}") from e
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InvalidCatalog(str(path), "-", "the file must be a list of mappings")
    return data


def files(dirs: list[Path], pattern: str) -> Iterator[Path]:
    """Files matching `pattern`, bundled folder first so later folders override it."""
    for d in dirs:
        yield from sorted(d.glob(pattern))


def strs(value: Any, path: Path, entry: str, field: str) -> tuple[str, ...]:
    """A list of names (a single string counts as a list of one)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise InvalidCatalog(str(path), entry, f"{field} must be a list of strings")
    return tuple(str(v) for v in value)


def i18n(value: Any, path: Path, entry: str, field: str = "i18n") -> tuple[str, ...]:
    """Names in other languages, `{lang: [names]}`, flattened (the matcher needs no language)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise InvalidCatalog(str(path), entry, f"{field} must map language codes to lists")
    out: list[str] = []
    for lang, names in value.items():
        out.extend(strs(names, path, entry, f"{field}.{lang}"))
    return tuple(out)


def country(code: Any, path: Path, entry: str, field: str = "country") -> str | None:
    """An ISO 3166-1 alpha-2 code, checked against pycountry (None when absent)."""
    if code in (None, ""):
        return None
    if isinstance(code, str) and code in EXTRA_COUNTRY_CODES:
        return code
    if code is False:  # YAML 1.1 reads a bare NO (Norway) as false
        raise InvalidCatalog(str(path), entry, f'{field} is false: write Norway\'s code in quotes, "NO"')
    if not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None:
        raise InvalidCatalog(str(path), entry, f"{field} {code!r} is not an ISO 3166-1 alpha-2 code")
    return code


def subdivision(code: Any, path: Path, entry: str, field: str) -> str:
    """An ISO 3166-2 code known to pycountry."""
    if not isinstance(code, str) or pycountry.subdivisions.get(code=code) is None:
        raise InvalidCatalog(str(path), entry, f"{field} {code!r} is not an ISO 3166-2 code known to pycountry")
    return code


def date(value: Any, path: Path, entry: str, field: str) -> dt.date | None:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD (a partial date means its first day)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError) as e:
        raise InvalidCatalog(str(path), entry, f"{field}: bad date {text!r}") from e


def require(raw: dict[str, Any], key: str, path: Path, entry: str) -> str:
    """A field that must be a non-empty string."""
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidCatalog(str(path), entry, f"missing {key}")
    return value.strip()


def optional_str(raw: dict[str, Any], key: str, path: Path, entry: str) -> str | None:
    """A field that is a string when present."""
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidCatalog(str(path), entry, f"{key} must be a string")
    return value
