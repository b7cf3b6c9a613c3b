"""The JSON Schemas: generated from the model, committed, current, usable by an editor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from govportal import cli, pipeline
from govportal.data import model as m
from govportal.data import schemas
from govportal.data.yaml_reader import load_text
from govportal.problems import Problems
from govportal.rules import registry
from tests.conftest import CASES, ROOT, copy_case

BASE = CASES / "valid" / "minimal"
COMMITTED = ROOT / "schemas"
DATA = ROOT / "data"


def schema_name(data_file: Path, data_dir: Path) -> str:
    rel = data_file.relative_to(data_dir)
    if rel.parts[0] == "translations":
        return "translations"
    return "program" if rel.parts[0] == m.PROGRAMS_DIR else rel.name.removesuffix(".yaml")


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((COMMITTED / schemas.filename(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors_for(path: Path, name: str) -> list[str]:
    doc = load_text(path.read_text(encoding="utf-8"), path.name, Problems())
    return sorted(e.message for e in validator(name).iter_errors(doc.data))


def test_committed_schemas_are_current() -> None:
    assert schemas.stale(COMMITTED) == [], "run `govportal schemas` and commit schemas/"


def test_one_schema_per_kind_of_data_file() -> None:
    names = {p.name for p in COMMITTED.glob("*.schema.json")}
    assert names == {schemas.filename(n) for n in m.SCHEMA_NAMES.values()}
    assert "program.schema.json" in names and "organisation.schema.json" in names


@pytest.mark.parametrize("name", sorted(m.SCHEMA_NAMES.values()))
def test_schema_identity(name: str) -> None:
    schema = json.loads((COMMITTED / schemas.filename(name)).read_text(encoding="utf-8"))
    assert list(schema)[:4] == ["$schema", "$id", "title", "description"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{name}.schema.json"
    assert schema["title"].startswith("data/")
    assert schema["description"].endswith("Generated from the portal's data model: do not "
                                          "edit by hand.")
    if name == "translations":  # keyed by the data's ids: any id, nothing else
        assert schema["propertyNames"] and schema["patternProperties"]
    else:
        assert schema["additionalProperties"] is False
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", sorted(BASE.rglob("*.yaml")), ids=lambda p: p.name)
def test_valid_data_passes_its_schema(path: Path) -> None:
    assert errors_for(path, schema_name(path, BASE)) == []


def test_schema_flags_what_the_loader_flags() -> None:
    """An editor shows the same mistakes as the build: unknown keys, an unquoted version."""
    bad = CASES / "invalid" / "unknown-key" / "data" / "programs" / "learning.yaml"
    assert errors_for(bad, "program") == [
        "'summary' is a required property",
        "Additional properties are not allowed ('summray' was unexpected)",
    ]
    unquoted = CASES / "invalid" / "unquoted-version" / "data" / "programs" / "learning.yaml"
    assert errors_for(unquoted, "program") == ["1.0 is not of type 'string'"]


def test_stale_schemas_are_detected_and_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    assert cli.main(["schemas", "--out", str(out)]) == 0
    assert cli.main(["schemas", "--out", str(out), "--check"]) == 0
    program = out / "program.schema.json"
    program.write_text(program.read_text(encoding="utf-8").replace('"id"', '"ident"', 1),
                       encoding="utf-8")
    (out / "retired.schema.json").write_text("{}", encoding="utf-8")
    (out / "roles.schema.json").unlink()
    assert schemas.stale(out) == ["program.schema.json", "retired.schema.json",
                                  "roles.schema.json"]
    assert cli.main(["schemas", "--out", str(out), "--check"]) == 1
    assert cli.main(["schemas", "--out", str(out)]) == 0
    assert schemas.stale(out) == []
    assert not (out / "retired.schema.json").exists()


def data_files() -> list[Path]:
    found = sorted(DATA.rglob("*.yaml"))
    assert len(found) >= 10, f"the repository's data/ should hold its data files: {found}"
    return found


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(DATA).as_posix())
def test_data_files_name_their_schema(path: Path) -> None:
    """The first line tells the editor's YAML language server which schema applies."""
    depth = len(path.relative_to(ROOT).parts) - 1
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schemas.reference_line(schema_name(path, DATA), depth)
    assert errors_for(path, schema_name(path, DATA)) == []


def problems_of(data: Path) -> list[tuple[str, str, str]]:
    result = pipeline.check(data, registry.Options(today=dt.date(2026, 11, 22)),
                        label_base=data.parent)
    return [(p.rule, p.location.path, p.hint) for p in result.problems]


def test_unknown_keys_get_a_did_you_mean(tmp_path: Path) -> None:
    data = copy_case(BASE, None, tmp_path / "data")
    program = data / "programs" / "learning.yaml"
    text = program.read_text(encoding="utf-8")
    text = text.replace("  effective: 2026-01-15", "  efective: 2026-01-15")
    text = text.replace("  ask:", "  asks:")
    program.write_text(text, encoding="utf-8")
    assert problems_of(data) == [  # the required keys they stand for are not missing apart
        ("schema.unknown-key", "notice.efective", "did you mean 'effective'? ('effective' is "
                                                  "required, and missing here)"),
        ("schema.unknown-key", "manager_guide.asks", "did you mean 'ask'? ('ask' is required, "
                                                     "and missing here)"),
    ]


def test_unknown_key_without_a_close_match_lists_the_keys(tmp_path: Path) -> None:
    data = copy_case(BASE, None, tmp_path / "data")
    retention = data / "retention.yaml"
    retention.write_text(retention.read_text(encoding="utf-8") + "zzz: 1\n", encoding="utf-8")
    assert problems_of(data) == [("schema.unknown-key", "zzz", "allowed keys here: rules")]


# ---------------------------------------------------------------- every key says what it is


def undocumented(node: object, where: str) -> list[str]:
    """Every property under ``node`` (its ``$defs``, nested objects, array items, mapping
    values and union branches included) that has no description, by where it is."""
    found: list[str] = []
    if isinstance(node, list):
        for item in node:
            found += undocumented(item, where)
        return found
    if not isinstance(node, dict):
        return found
    for key, value in (node.get("properties") or {}).items():
        if not str((value or {}).get("description", "")).strip():
            found.append(f"{where}.{key}")
        found += undocumented(value, f"{where}.{key}")
    for name, definition in (node.get("$defs") or {}).items():
        found += undocumented(definition, f"$defs/{name}")
    for key in ("items", "additionalProperties", "prefixItems", "anyOf", "oneOf", "allOf"):
        part = node.get(key)
        if isinstance(part, dict | list):
            found += undocumented(part, f"{where}[]" if key in ("items", "prefixItems")
                                  else where)
    return found


def committed_schemas() -> list[Path]:
    found = sorted(COMMITTED.glob("*.schema.json"))
    assert len(found) == len(m.SCHEMA_NAMES) >= 10, found
    return found


@pytest.mark.parametrize("path", committed_schemas(), ids=lambda p: p.name)
def test_every_property_has_a_description(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert undocumented(schema, path.name.removesuffix(".schema.json")) == []


def test_the_walk_finds_undocumented_properties_everywhere() -> None:
    """Nested objects, array items, mapping values, union branches and $defs."""
    said = {"description": "said"}
    schema = {
        "properties": {
            "a": {"type": "string"},
            "b": {**said, "type": "array", "items": {"properties": {"c": {}}}},
            "d": {**said, "anyOf": [{"properties": {"e": {"description": " "}}},
                                    {"type": "null"}]},
            "f": {**said, "additionalProperties": {"properties": {"g": {}}}},
        },
        "$defs": {"H": {"properties": {"i": {}, "j": said}}},
    }
    assert undocumented(schema, "x") == ["x.a", "x.b[].c", "x.d.e", "x.f.g", "$defs/H.i"]


def test_the_schemas_carry_examples() -> None:
    """Examples are shown by editors and by the data reference; most keys that take a
    value a person could get wrong have one."""
    program = json.loads((COMMITTED / "program.schema.json").read_text(encoding="utf-8"))
    assert program["properties"]["status"]["examples"] == ["pilot"]
    assert program["properties"]["id"]["examples"] == ["micro-coaching"]
    retention = json.loads((COMMITTED / "retention.schema.json").read_text(encoding="utf-8"))
    assert retention["$defs"]["RetentionRule"]["properties"]["period"]["examples"] == [
        "90 days"]


def examples_in(node: object, where: str) -> list[tuple[str, dict, object]]:
    """(where, the property's schema, example) for every example of every property."""
    found: list[tuple[str, dict, object]] = []
    if isinstance(node, list):
        for item in node:
            found += examples_in(item, where)
    elif isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            found += [(f"{where}.{key}", value, ex) for ex in value.get("examples", [])]
            found += examples_in(value, f"{where}.{key}")
        for name, definition in (node.get("$defs") or {}).items():
            found += examples_in(definition, f"$defs/{name}")
        for key in ("items", "additionalProperties", "anyOf", "oneOf"):
            if isinstance(node.get(key), dict | list):
                found += examples_in(node[key], where)
    return found


@pytest.mark.parametrize("path", committed_schemas(), ids=lambda p: p.name)
def test_every_example_is_valid_where_it_is_shown(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    wrong = []
    for where, prop, example in examples_in(schema, path.name):
        check = jsonschema.Draft202012Validator({**prop, "$defs": schema.get("$defs", {})})
        wrong += [f"{where}: {e.message}" for e in check.iter_errors(example)]
    assert wrong == []


def test_the_program_schema_has_examples() -> None:
    program = json.loads((COMMITTED / "program.schema.json").read_text(encoding="utf-8"))
    assert len(examples_in(program, "program")) >= 30
