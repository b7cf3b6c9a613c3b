"""The machine-readable files: each parses, and each says what the data says."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import xml.etree.ElementTree as ET

import pytest

from govportal import pipeline
from govportal.changes import fingerprint
from govportal.data import model
from govportal.publish import exports
from govportal.rules import registry
from tests.conftest import CASES

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built() -> tuple:
    result = pipeline.check(CASES / "valid" / "minimal", OPTIONS)
    assert not result.problems.errors
    pages = {p.src_uri: p for p in pipeline.build_pages(result.policy, OPTIONS)}
    return result.policy, pages, exports.all_exports(result.policy, pages,
                                                     "https://portal.example.com/", "Portal")


def test_notices_json_hash_is_the_published_text(built: tuple) -> None:
    policy, pages, files = built
    data = json.loads(files["notices.json"])
    (notice,) = data["notices"]
    assert notice["id"] == "learning"
    assert notice["version"] == "1.0"
    assert notice["effective"] == "2026-01-15"
    assert notice["url"] == "https://portal.example.com/notices/learning/"
    text = pages["notices/learning.md"].markdown.encode()  # every character, markup too
    assert notice["content_hash"] == "sha256:" + hashlib.sha256(text).hexdigest()
    assert notice["content_hash"] == "sha256:" + fingerprint.fingerprint(
        pages["notices/learning.md"].markdown)


def test_retention_json_and_csv_agree_with_the_schedule(built: tuple) -> None:
    policy, _, files = built
    rules = json.loads(files["retention.json"])["rules"]
    rows = list(csv.DictReader(io.StringIO(files["retention.csv"])))
    assert [r["id"] for r in rules] == [r["id"] for r in rows] == ["learning-records",
                                                               "access-logs"]
    assert rows[0]["period"] == "2 years"
    assert rows[0]["period_days"] == str(model.period_days("2 years")) == "730"
    assert rules[0]["programs"] == ["learning"]
    assert list(rows[0]) == exports.RETENTION_COLUMNS


def test_ropa_has_the_article_30_columns(built: tuple) -> None:
    _, _, files = built
    rows = list(csv.DictReader(io.StringIO(files["ropa.csv"])))
    assert list(rows[0]) == exports.ROPA_COLUMNS
    assert rows[0]["controller"] == "Minimal Co GmbH"
    assert rows[0]["erasure_time_limits"] == "Learning records: 2 years after course completion"
    assert rows[0]["security_measures"] == "TLS 1.2 or newer on every API."


def test_atom_feed_is_valid_and_lists_each_version(built: tuple) -> None:
    _, _, files = built
    feed = ET.fromstring(files["notices.atom"].encode())
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Learning records: version 1.0"]
    assert entries[0].find(f"{ATOM}link").get("href") == (
        "https://portal.example.com/notices/learning/")
    for element in (feed, *entries):
        assert element.findtext(f"{ATOM}id").startswith("tag:")
        assert element.findtext(f"{ATOM}updated").endswith("Z")


def test_exports_are_deterministic(built: tuple) -> None:
    policy, pages, files = built
    again = exports.all_exports(policy, pages, "https://portal.example.com/", "Portal")
    assert again == files
