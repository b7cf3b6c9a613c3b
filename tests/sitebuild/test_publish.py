"""Safe publishing: atomic swaps, byte-identical rebuilds and a verifiable manifest."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, lock_notices, make_site

MINIMAL = CASES / "valid" / "minimal"
EPOCH = {"SOURCE_DATE_EPOCH": "1795305600", "NO_MKDOCS_2_WARNING": "1"}  # 2026-11-22


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, **EPOCH}, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_site(tmp_path, MINIMAL)
    assert lock_notices(project, EPOCH).returncode == 0
    return project


def test_a_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    first = run(project, "govportal.publish", "--site-dir", "site")
    assert first.returncode == 0, first.stderr
    before = tree(project / "site")
    program = project / "data" / "programs" / "learning.yaml"
    program.write_text(program.read_text().replace("title: Learning records", "titel: x"))
    second = run(project, "govportal.publish", "--site-dir", "site")
    assert second.returncode == 1
    assert "the build failed; site/ was left as it was." in second.stderr
    assert tree(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_two_builds_of_the_same_data_are_byte_identical(project: Path) -> None:
    assert run(project, "govportal.publish", "--site-dir", "one").returncode == 0
    assert run(project, "govportal.publish", "--site-dir", "two").returncode == 0
    one, two = tree(project / "one"), tree(project / "two")
    assert one == two
    assert "govportal-manifest.json" in one


def test_the_manifest_proves_the_site(project: Path) -> None:
    assert run(project, "govportal.publish", "--site-dir", "site").returncode == 0
    site = project / "site"
    manifest = json.loads((site / "govportal-manifest.json").read_text())
    assert manifest["generator"] == "govportal"
    assert manifest["build_date"] == "2026-11-22"
    assert {f["path"] for f in manifest["files"]} == set(tree(site)) - {
        "govportal-manifest.json"}
    ok = run(project, "govportal.cli", "verify-manifest", "site")
    assert ok.returncode == 0, ok.stderr

    (site / "extra.html").write_text("<p>added later</p>")
    (site / "retention" / "index.html").write_text("tampered")
    bad = run(project, "govportal.cli", "verify-manifest", "site")
    assert bad.returncode == 1
    assert "govportal: extra.html: in the site but not in the manifest" in bad.stderr
    assert "govportal: retention/index.html: its content differs from the manifest" in (
        bad.stderr)

    (site / "govportal-manifest.json").unlink()
    missing = run(project, "govportal.cli", "verify-manifest", "site")
    assert missing.returncode == 1
    assert "has no govportal-manifest.json: it was not built by the governance portal " \
        "plugin" in missing.stderr
