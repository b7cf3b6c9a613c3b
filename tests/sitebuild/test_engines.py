"""Two engines, one site: MkDocs 1.6.1 and ProperDocs 1.6.7 build the same bytes.

These run in both virtual environments (`make test`): in .venv the engine is MkDocs, in
.venv-properdocs it is ProperDocs (no MkDocs installed). The comparison of the two builds
needs the other environment's Python, which `make test` names in
GOVPORTAL_PROPERDOCS_PYTHON; under CI it must be there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from govportal.publish import engines, manifest
from tests.conftest import CASES, ENGINE, ROOT, make_site, mkdocs_build, portal_copy

EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}  # 2026-11-18
OTHER_ENGINE = {"mkdocs": "properdocs", "properdocs": "mkdocs"}[ENGINE]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_site(tmp_path_factory.mktemp("engine"), CASES / "valid" / "minimal")
    result = mkdocs_build(project, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_this_environment_has_one_engine() -> None:
    """Each environment proves its engine alone: ProperDocs' has no MkDocs to fall back on."""
    assert engines.installed() == [ENGINE]


def test_the_plugin_is_registered_for_both_engines() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = {e.name: e.value for e in metadata.entry_points(group=group)}
        assert found.get("govportal") == "govportal.plugin:GovernancePortalPlugin", group


def test_no_page_names_the_engine(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'name="generator"' not in text, page.relative_to(built)
        assert "ProperDocs" not in text and "mkdocs-1.6" not in text, page.relative_to(built)


def test_the_manifest_names_the_engine(built: Path) -> None:
    data = json.loads((built / manifest.NAME).read_text(encoding="utf-8"))
    expected = {"mkdocs": "1.6.1", "properdocs": "1.6.7"}[ENGINE]
    assert data["engine"] == {"name": ENGINE, "version": expected}


def test_publishing_with_an_engine_not_installed_says_so(tmp_path: Path) -> None:
    project = make_site(tmp_path, CASES / "valid" / "minimal")
    result = subprocess.run(
        [sys.executable, "-m", "govportal.publish", "--engine", OTHER_ENGINE, "--pdf", "off"],
        cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert (f"govportal publish: the engine '{OTHER_ENGINE}' is not installed in this Python "
            "environment") in result.stderr
    assert f"or choose one of: {ENGINE}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


# ------------------------------------------------------------- the two engines compared


def _other_python() -> str:
    found = os.environ.get("GOVPORTAL_PROPERDOCS_PYTHON")
    if ENGINE != "mkdocs":
        pytest.skip("the comparison runs from the MkDocs environment")
    if not found or not Path(found).is_file():
        message = ("GOVPORTAL_PROPERDOCS_PYTHON does not name the ProperDocs environment's "
                   "Python (make test sets it)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(Path(found).absolute())


def _publish(python: str, project: Path, site: str, engine: str) -> dict:
    result = subprocess.run(
        [python, "-m", "govportal.publish", "--engine", engine, "--site-dir", site,
         "--pdf", "required", "-q"],
        cwd=project, capture_output=True, text=True, timeout=600, env={**os.environ, **EPOCH})
    assert result.returncode == 0, result.stderr
    assert f"(built by {engine})" in result.stderr
    return json.loads((project / site / manifest.NAME).read_text(encoding="utf-8"))


def test_both_engines_publish_the_same_site(tmp_path: Path) -> None:
    """The repository's own portal, published by each engine with its PDFs: every file the
    same, so the manifest's digest and the notices' hashes are too; only the engine named
    in the manifest differs."""
    other = _other_python()
    project = portal_copy(tmp_path)
    with_mkdocs = _publish(sys.executable, project, "by-mkdocs", "mkdocs")
    with_properdocs = _publish(other, project, "by-properdocs", "properdocs")

    assert with_mkdocs["engine"]["name"] == "mkdocs"
    assert with_properdocs["engine"]["name"] == "properdocs"
    assert with_mkdocs["files"] == with_properdocs["files"]
    assert with_mkdocs["digest"] == with_properdocs["digest"]
    assert with_mkdocs["documents"] == with_properdocs["documents"]
    pdfs = [e["path"] for e in with_mkdocs["files"] if e["path"].endswith(".pdf")]
    # each notice printed in English and in German (Germany requires German)
    assert len(pdfs) == 2 * len(json.loads((ROOT / "notices.lock.json").read_text())["notices"])
    notices = [(project / s / "notices.json").read_bytes() for s in ("by-mkdocs", "by-properdocs")]
    assert notices[0] == notices[1]
    assert [n["content_hash"] for n in json.loads(notices[0])["notices"]]
