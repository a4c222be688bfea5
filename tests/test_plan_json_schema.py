"""plan.json has a published JSON Schema (schema/output/plan-json.schema.json): every plan.json
planc writes validates against it, and the schema is strict enough to notice a new field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from planc.figures import EXTRA_FIGURES, FIGURES
from planc.pipeline import analyze
from planc.render.export import plan_json
from tests.conftest import FIXTURES, VALID

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "output" / "plan-json.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def fixture_plans(folder: Path = VALID) -> dict[str, Any]:
    analysis = analyze(folder)
    return {name: json.loads(plan_json(analysis.index, name)) for name in analysis.rounds}


@pytest.mark.parametrize("folder", [VALID, FIXTURES / "progress"], ids=["valid", "progress"])
def test_the_fixture_rounds_validate(
    validator: jsonschema.Draft202012Validator, folder: Path
) -> None:
    for name, data in fixture_plans(folder).items():
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], name


def test_the_shipped_build_validates(
    shipped_dist: Path, validator: jsonschema.Draft202012Validator
) -> None:
    files = sorted(shipped_dist.glob("*/plan.json"))
    assert len(files) >= 4
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path.parent.name


def test_the_schema_names_every_figure() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]["figures"]
    assert schema["required"] == [*FIGURES, "chapters", "parts", "systems", "targets"]
    assert set(EXTRA_FIGURES) <= set(schema["properties"])


def test_an_unknown_field_is_refused(validator: jsonschema.Draft202012Validator) -> None:
    data = fixture_plans()["2020-2021"]
    data["chapters"][0]["tasks"][0]["deadline"] = "2021-12"
    assert not validator.is_valid(data)
