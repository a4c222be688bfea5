"""The schemas shipped in schema/ are what `planc schema --out` writes today."""

from __future__ import annotations

from pathlib import Path

from planc.load.formats import KINDS
from planc.load.schema import dump, schema_for

SHIPPED = Path(__file__).resolve().parent.parent / "schema"


def test_shipped_schemas_are_current() -> None:
    assert sorted(p.name for p in SHIPPED.glob("*.schema.json")) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )
    for kind in KINDS:
        shipped = (SHIPPED / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert shipped == dump(schema_for(kind)), f"run: planc schema --out schema ({kind})"
