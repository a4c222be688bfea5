"""The JSON Schema of each kind of source file (from the one format table, load/formats.py),
for editors (yaml-language-server): `planc schema`, and the files in schema/."""

from __future__ import annotations

import json
from typing import Any

from planc import __version__
from planc.load.formats import KINDS

BASE_ID = "https://planc.invalid/schema"  # a name, not an address: nothing is fetched


def schema_for(kind: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/{kind}.json",
        "title": f"planc {kind} file (format 1, planc {__version__})",
        **KINDS[kind].json(),
    }


def combined() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/planc.json",
        "title": "planc source file (any kind)",
        "$defs": {kind: KINDS[kind].json() for kind in KINDS},
        "anyOf": [{"$ref": f"#/$defs/{kind}"} for kind in KINDS],
    }


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
