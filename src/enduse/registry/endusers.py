"""Does a claim's actor count as an end user that a condition permits?

Conditions name end users in words ("Armed Forces of Ukraine"); claims name actors in the
words of a report ("Ukrainian forces", "fighters of the Russian Volunteer Corps"). The
bundled list (`data/end_users.yaml`) says which actor names count as which end user. The
answer is three-valued: True (listed), None (named but not listed: whether it counts is not
on record), and the caller treats an actor the claim does not name as missing.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import yaml

from enduse.errors import InvalidCatalog
from enduse.knowledge.matcher import squeeze

END_USERS_FILE = Path(__file__).parent / "data" / "end_users.yaml"


@cache
def end_user_names() -> dict[str, frozenset[str]]:
    """Permitted end user (squeezed) → squeezed actor names that count as it."""
    try:
        data = yaml.safe_load(END_USERS_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise InvalidCatalog(str(END_USERS_FILE), "-", f"cannot read: {e}") from e
    out: dict[str, frozenset[str]] = {}
    for user, names in data.items():
        if not isinstance(names, list):
            raise InvalidCatalog(str(END_USERS_FILE), str(user), "expected a list of names")
        out[squeeze(str(user))] = frozenset({squeeze(str(user)), *(squeeze(str(n)) for n in names)})
    return out


@lru_cache(maxsize=65536)
def counts_as(actor_names: tuple[str, ...], permitted: frozenset[str]) -> bool | None:
    """True when one of the actor's names counts as a permitted end user, else None.

    `actor_names` are the claim's actor name and words; `permitted` the condition's end users.
    """
    table = end_user_names()
    keys = {squeeze(n) for n in actor_names if n}
    keys.discard("")
    for user in permitted:
        key = squeeze(user)
        if keys & table.get(key, frozenset({key})):
            return True
    return None
