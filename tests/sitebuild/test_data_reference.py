"""The data reference page: generated from the JSON Schemas at build time, read as HTML.

Every key of every schema is on the page, in the table of its mapping, with the words the
schema gives it; the rows checked word for word are written out here. The page cannot go
stale: it is made by the build from the model, like the registers.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from govportal.publish.markdown_residue import find
from tests.conftest import CASES, ROOT, make_site, mkdocs_build
from tests.sitebuild.regions import regions

PAGE = "data-reference/index.html"
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = make_site(tmp_path_factory.mktemp("reference"), CASES / "valid" / "complete")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return (project / "site" / PAGE).read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def table_after(page: str, anchor: str) -> list[list[str]]:
    """The rows (cell texts) of the first table after the heading with id ``anchor``."""
    start = page.index(f'id="{anchor}"')
    (first, *_) = regions(page[start:], lambda tag, a: tag == "table")
    rows = regions(first[1], lambda tag, a: tag == "tr")
    return [[text(c) for _, c in regions(r, lambda tag, a: tag in ("td", "th"))]
            for _, r in rows]


def test_a_retention_rule_row_by_row(page: str) -> None:
    rows = table_after(page, "retention-retentionrule")
    assert rows[0] == ["Key", "Required", "Type", "What to write"]
    by_key = {r[0]: r for r in rows[1:]}
    assert by_key["id"] == [
        "id", "yes", "id", "The rule's id, which clauses quote as [[period:ID]] or "
        "[[retention:ID]] . Example: engagement-logs ."]
    assert by_key["period"] == [
        "period", "no", "text", "How long, e.g. '90 days'; or give criteria instead. "
        "Example: 90 days ."]
    assert by_key["disposal"] == [
        "disposal", "yes", "an allowed value", "What happens at the end: delete, anonymise, "
        "archive or review. Allowed: delete , anonymise , archive , review . Example: "
        "delete ."]
    assert by_key["automated"] == [
        "automated", "no (left out: true )", "true or false",
        "true when disposal happens by itself, without someone doing it."]
    assert by_key["criteria"][2] == "a retention criteria mapping"
    assert by_key["criteria"][3].endswith("Its keys: below .")


def test_a_program_declares_what_it_does_not_do(page: str) -> None:
    by_key = {r[0]: r for r in table_after(page, "program")[1:]}
    assert by_key["transfers"][1:3] == ["no", "list of ids or {none: why}"]
    assert by_key["status"][3] == (
        "Where the program is: planned, pilot, live or retired. Allowed: planned , pilot , "
        "live , retired . Example: pilot .")
    assert "At notice.changelog[] in data/programs/<program-id>.yaml ." in text(page)


# Schemas of files the reference page does not describe, each with where it is described.
NOT_ON_THE_PAGE = {"translations": "README, Languages: a file per language and kind, keyed by "
                                   "record id and text path (govportal translations todo)"}


def schema_keys() -> list[tuple[str, str, str]]:
    """(schema, table anchor, key) for every key of every committed schema."""
    found = []
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        name = path.name.removesuffix(".schema.json")
        if name in NOT_ON_THE_PAGE:
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        found += [(name, name, key) for key in schema["properties"]]
        for def_name, definition in schema.get("$defs", {}).items():
            found += [(name, f"{name}-{def_name.lower()}", key)
                      for key in definition.get("properties", {})]
    assert len(found) > 250, len(found)
    return found


def test_every_key_of_every_schema_is_on_the_page(page: str) -> None:
    missing = []
    tables: dict[str, set[str]] = {}
    for _, anchor, key in schema_keys():
        if anchor not in tables:
            rows = table_after(page, anchor) if f'id="{anchor}"' in page else []
            tables[anchor] = {r[0] for r in rows[1:]}
        if key not in tables[anchor]:
            missing.append(f"{anchor}: {key}")
    assert missing == []


def test_the_tables_are_phone_cards_and_the_page_is_rendered(page: str) -> None:
    tables = regions(page, lambda tag, a: tag == "table")
    assert len(tables) >= 70
    assert all('data-label="What to write"' in t for _, t in tables)
    assert find(page) == []
    assert 'href="../schemas/program.schema.json"' in page
