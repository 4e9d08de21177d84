"""The on-disk cache: a second load reads it; a changed file, a corrupt cache or one of another
key is rebuilt; a folder that cannot be written leaves loading working."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from enduse.knowledge import Knowledge, cache, loader
from enduse.knowledge.loader import DATA_DIR, load_knowledge

USER_WEAPON = (
    "- {id: zz-cache-probe, name: Cachewood CW-7, category: missile, origin: SE,"
    " manufacturer: Test Works, citation: https://example.org/cw7}\n"
)
PROBE = "a Cachewood CW-7 was fired at Kharkiv"


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "weapons_mine.yaml").write_text(USER_WEAPON, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A user folder and a cache folder holding its built catalogs (built once for the module)."""
    base = tmp_path_factory.mktemp("warm")
    folder, store = base / "mine", base / "cache"
    folder.mkdir()
    (folder / "weapons_mine.yaml").write_text(USER_WEAPON, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ENDUSE_CACHE_DIR", str(store))
        load_knowledge(folder)
    return folder, store


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the catalogs are read from their files instead of the cache."""
    calls: list[int] = []
    real: Callable[[list[Path]], Knowledge] = loader.read_catalogs

    def counting(dirs: list[Path]) -> Knowledge:
        calls.append(1)
        return real(dirs)

    monkeypatch.setattr(loader, "read_catalogs", counting)
    return calls


def _use_copy(warm: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """This test's own copy of the warm cache, with ENDUSE_CACHE_DIR pointing at it."""
    folder, store = warm
    mine = tmp_path / "cache"
    shutil.copytree(store, mine)
    monkeypatch.setenv("ENDUSE_CACHE_DIR", str(mine))
    path, _ = cache.cache_file([DATA_DIR, folder])
    return folder, mine / path.name


def test_second_load_reads_the_cache(
    warm_cache: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    folder, path = _use_copy(warm_cache, tmp_path, monkeypatch)
    assert path.exists()
    k = load_knowledge(folder)
    assert builds == []
    found = k.matcher().find(PROBE)
    assert [(m.kind, m.text) for m in found] == [("weapon", "Cachewood CW-7"), ("place", "Kharkiv")]
    fresh = loader.read_catalogs([DATA_DIR, folder])
    assert builds == [1]
    assert fresh.matcher().find(PROBE) == k.matcher().find(PROBE)
    assert set(fresh.weapons) == set(k.weapons) and set(fresh.places) == set(k.places)


def test_changed_file_rebuilds(
    warm_cache: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    folder, _ = _use_copy(warm_cache, tmp_path, monkeypatch)
    mine = tmp_path / "mine"
    shutil.copytree(folder, mine)
    (mine / "weapons_mine.yaml").write_text(USER_WEAPON.replace("Cachewood CW-7", "Cachewood CW-8"), encoding="utf-8")
    k = load_knowledge(mine)
    assert builds == [1]
    assert k.weapons["zz-cache-probe"].name == "Cachewood CW-8"
    assert load_knowledge(mine).weapons["zz-cache-probe"].name == "Cachewood CW-8"
    assert builds == [1]  # the rebuilt cache is read the next time


def test_unreadable_cache_rebuilds(
    warm_cache: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    folder, path = _use_copy(warm_cache, tmp_path, monkeypatch)
    path.write_bytes(b"\x80\x05 not a pickle at all")
    k = load_knowledge(folder)
    assert builds == [1]
    assert "zz-cache-probe" in k.weapons
    assert cache.read_cache(path, cache.cache_key([DATA_DIR, folder])) is not None  # written anew


def test_cache_holding_another_key_is_ignored(
    warm_cache: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    folder, path = _use_copy(warm_cache, tmp_path, monkeypatch)
    path.write_bytes(pickle.dumps(("some other key", Knowledge())))
    k = load_knowledge(folder)
    assert builds == [1]
    assert "zz-cache-probe" in k.weapons and "at4" in k.weapons


def test_unwritable_cache_folder_still_loads(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("ENDUSE_CACHE_DIR", str(blocker))
    k = load_knowledge(user_dir)
    assert builds == [1]
    assert "zz-cache-probe" in k.weapons
    assert not cache.write_cache(blocker / "knowledge-x.pickle", "x", k)


def test_key_follows_data_and_code(user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.cache_key([DATA_DIR, user_dir])
    assert cache.cache_key([DATA_DIR, user_dir]) == before
    assert cache.cache_key([DATA_DIR]) != before
    code = tmp_path / "code"
    shutil.copytree(Path(cache.__file__).parent, code, ignore=shutil.ignore_patterns("data", "__pycache__"))
    (code / "matcher.py").write_text((code / "matcher.py").read_text() + "\n# changed\n")
    monkeypatch.setattr(cache, "_CODE_DIR", code)
    assert cache.cache_key([DATA_DIR, user_dir]) != before


def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ENDUSE_CACHE_DIR", str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    monkeypatch.delenv("ENDUSE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "enduse"
