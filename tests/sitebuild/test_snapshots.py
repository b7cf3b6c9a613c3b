"""Snapshots of rendered HTML regions: what a reader receives for each part that matters.

A real site is built from ``tests/cases/valid/complete``; each notice section, the short
version, the manager guide's summary box and every register's tables are cut from the
written HTML and compared with the files in ``__snapshots__/test_snapshots/`` (syrupy). A
snapshot that is missing or differs fails, and so does one that no test uses any more.

After an intended change, rewrite them with one command and read the diff before committing:

    make snapshots        # pytest --snapshot-update on this file, then git diff of the files

No snapshot may hold Markdown that did not render (the last test reads the files).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from govportal.publish.markdown_residue import find
from tests.conftest import CASES, make_site, mkdocs_build
from tests.sitebuild.regions import has_class, regions

COMPLETE = CASES / "valid" / "complete"
SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_snapshots"
NOTICE = "notices/learning/index.html"
GUIDE = "guides/learning/index.html"
# register -> the page that holds its table(s)
REGISTERS = {
    "retention": "retention/index.html",
    "vendors": "registers/vendors/index.html",
    "data-inventory": "registers/data-inventory/index.html",
    "disclosure-coverage": "registers/disclosure-coverage/index.html",
    "disclosure-catalog": "registers/disclosure-catalog/index.html",
    "notice-readability": "registers/notice-readability/index.html",
    "incident-response": "incident-response/index.html",
    "rules": "registers/rules/index.html",
}


class HTMLSnapshot(SingleFileSnapshotExtension):
    """One ``.html`` file per snapshot, as text, so that a review reads a plain diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "html"


@pytest.fixture
def snapshot_html(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(HTMLSnapshot)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_site(tmp_path_factory.mktemp("snapshots"), COMPLETE)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - govportal:\n", "  - govportal:\n      today: '2026-11-22'\n", 1), encoding="utf-8")
    result = mkdocs_build(project, env={"SOURCE_DATE_EPOCH": "1795305600"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_notice_sections(site: Path, snapshot_html: SnapshotAssertion) -> None:
    sections = regions(page(site, NOTICE), lambda tag, a: "data-topic" in a)
    topics = [a["data-topic"] for a, _ in sections]
    assert len(topics) >= 10 and len(set(topics)) == len(topics), topics
    for attrs, html in sections:
        assert html + "\n" == snapshot_html(name=attrs["data-topic"])


def test_notice_short_version(site: Path, snapshot_html: SnapshotAssertion) -> None:
    (box,) = regions(page(site, NOTICE), has_class("gp-first-layer"))
    assert box[1] + "\n" == snapshot_html


def test_guide_summary(site: Path, snapshot_html: SnapshotAssertion) -> None:
    (box,) = regions(page(site, GUIDE), has_class("gp-summary"))
    assert box[1] + "\n" == snapshot_html


@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_register_tables(site: Path, register: str, snapshot_html: SnapshotAssertion) -> None:
    tables = regions(page(site, REGISTERS[register]), lambda tag, a: tag == "table")
    assert tables, f"{REGISTERS[register]} has no table"
    assert "\n\n".join(html for _, html in tables) + "\n" == snapshot_html


def test_the_register_list_is_not_empty() -> None:
    assert len(REGISTERS) == 8


def test_no_snapshot_holds_markdown_that_did_not_render() -> None:
    files = sorted(SNAPSHOTS.glob("*.html"))
    assert len(files) >= 20, "the snapshots are missing: run `make snapshots`"
    residue = {f.name: find(f.read_text(encoding="utf-8")) for f in files}
    assert {name: r for name, r in residue.items() if r} == {}
