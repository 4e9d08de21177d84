"""The loader fails loudly on a bad file, and a user's folder overrides and extends the bundled catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest

from enduse.errors import InvalidCatalog
from enduse.knowledge import load_knowledge
from enduse.knowledge.loader import read_catalogs

BAD_FILES = [
    ("weapons_mine.yaml", "- {id: laser-x, name: Laser X, category: death ray, origin: US}", "laser-x", "category"),
    ("weapons_mine.yaml", "- {id: laser-y, name: Laser Y, category: missile, origin: USA}", "laser-y", "origin"),
    ("weapons_mine.yaml", "- {id: laser-z, category: missile, origin: US}", "laser-z", "name"),
    ("weapons_mine.yaml", "- {id: fjord, name: Fjord, category: missile, origin: NO}", "fjord", 'quotes, "NO"'),
    (
        "weapons_mine.yaml",
        "- {id: twin, name: Twin A, category: missile, origin: US}\n"
        "- {id: twin, name: Twin B, category: missile, origin: US}",
        "twin",
        "id",
    ),
    (
        "weapons_mine.yaml",
        "- {id: orphan, name: Orphan, category: tank, origin: DE, parent: nobody}",
        "orphan",
        "parent",
    ),
    ("weapon_classes.yaml", "- {phrase: death rays, category: beam}", "death rays", "category"),
    ("states.yaml", "- {code: XX, names: [Nowhere]}", "XX", "code"),
    ("groups.yaml", "- {id: club, names: [The Club], members: [BE, ZZ]}", "club", "members"),
    ("regions.yaml", "- {code: RU-XXX, names: [Nowhere Oblast]}", "RU-XXX", "code"),
    ("areas.yaml", "- {id: strip, names: [The Strip], regions: [UA-99]}", "strip", "regions"),
    ("areas.yaml", "- {id: fog, names: [The Fog], candidates: [mist]}", "fog", "candidates"),
    ("actors.yaml", "- {id: someone, name: Someone, kind: wizard}", "someone", "kind"),
    (
        "actors.yaml",
        "- id: late\n  name: Late Minister\n  kind: person\n  offices:\n"
        "    - {office: Minister, start: 2020-05-01, end: 2019-01-01}",
        "late",
        "offices.end",
    ),
    (
        "actors.yaml",
        "- id: vague\n  name: Vague\n  kind: person\n  offices:\n    - {office: X, start: May}",
        "vague",
        "offices.start",
    ),
    ("outlets.yaml", "- {id: paper, name: The Paper, kind: national, related: [ghost]}", "paper", "related"),
    ("outlets.yaml", "- {id: rag, name: The Rag, kind: tabloid}", "rag", "kind"),
    ("ambiguous.yaml", "- {rule: anything-goes}", "anything-goes", "rule"),
    ("actors.yaml", "not: a list", "-", "list"),
    ("actors.yaml", "- [unclosed", "-", "YAML"),
]


@pytest.mark.parametrize(("name", "content", "entry", "field"), BAD_FILES)
def test_bad_file_names_file_entry_and_field(tmp_path: Path, name: str, content: str, entry: str, field: str) -> None:
    (tmp_path / name).write_text(content + "\n", encoding="utf-8")
    with pytest.raises(InvalidCatalog) as caught:
        read_catalogs([tmp_path])
    error = caught.value
    assert error.path == str(tmp_path / name)
    assert error.entry == entry
    assert field in error.problem
    assert str(tmp_path / name) in str(error) and entry in str(error)


def test_load_knowledge_rejects_a_bad_user_folder(tmp_path: Path) -> None:
    (tmp_path / "weapons_mine.yaml").write_text("- {id: fn-scar, name: FN SCAR, category: rifle, origin: BEL}\n")
    with pytest.raises(InvalidCatalog, match="origin 'BEL'"):
        load_knowledge(tmp_path)
    with pytest.raises(InvalidCatalog, match="not a folder"):
        load_knowledge(tmp_path / "missing")


def test_user_folder_overrides_by_id_and_adds_entries(tmp_path: Path) -> None:
    (tmp_path / "weapons_mine.yaml").write_text(
        "- id: fn-scar\n"
        "  name: FN SCAR\n"
        "  aliases: [Special Operations Forces Combat Assault Rifle]\n"
        "  category: rifle\n"
        "  manufacturer: FN Herstal\n"
        "  origin: BE\n"
        "  citation: https://example.org/scar\n"
        "- {id: zz-test-launcher, name: Zorblax ZL-9, category: rocket artillery, origin: CZ,"
        " manufacturer: Test Works, citation: https://example.org/zl9}\n",
        encoding="utf-8",
    )
    (tmp_path / "actors.yaml").write_text(
        "- {id: zz-test-unit, name: Zorblax Volunteer Battalion, kind: irregular, country: UA, side: UA,"
        " aliases: [ZVB]}\n",
        encoding="utf-8",
    )
    k = load_knowledge(tmp_path)
    scar = k.weapons["fn-scar"]
    assert scar.aliases == ("Special Operations Forces Combat Assault Rifle",)  # replaced, not merged
    assert scar.citation == "https://example.org/scar"
    assert k.weapons["zz-test-launcher"].category == "rocket artillery"
    assert "at4" in k.weapons  # the bundled entries are all still there
    found = k.matcher().find("a Zorblax ZL 9 of the ZVB fired; so did a Special Operations Forces Combat Assault Rifle")
    assert [(m.kind, m.entry_id) for m in found] == [
        ("weapon", "zz-test-launcher"),
        ("actor", "zz-test-unit"),
        ("weapon", "fn-scar"),
    ]
    assert k.weapon_named("zorblax zl-9") is k.weapons["zz-test-launcher"]


def test_an_areas_usual_region_must_be_one_of_its_regions(tmp_path: Path) -> None:
    (tmp_path / "areas.yaml").write_text(
        "- id: test-area\n  names: [Test Area]\n  country: UA\n  regions: [UA-43]\n  region: UA-40\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidCatalog, match="region"):
        load_knowledge(tmp_path, use_cache=False)
