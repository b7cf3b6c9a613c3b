"""Publishing: atomic replacement, byte-identical rebuilds and the build manifest."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govportal import cli
from govportal.data import file_policy
from govportal.publish import engines, manifest
from tests.conftest import CASES, ENGINE, lock_notices, make_site

BASE = CASES / "valid" / "minimal"
EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}  # a fixed build date: 2026-11-18


def hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def publish(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **EPOCH, **(env or {})}
    return subprocess.run([sys.executable, "-m", "govportal.publish", *args], cwd=project,
                          capture_output=True, text=True, env=full_env, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_site(tmp_path, BASE)
    assert lock_notices(project, EPOCH).returncode == 0
    return project


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def test_a_failed_build_leaves_the_published_site_as_it_was(project: Path) -> None:
    first = publish(project, "--config-file", "mkdocs.yml", "--site-dir", "site")
    assert first.returncode == 0, first.stderr
    before = hashes(project / "site")
    assert "index.html" in before and manifest.NAME in before
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}

    program = project / "data" / "programs" / "learning.yaml"
    program.write_text(program.read_text("utf-8").replace("title: Learning records",
                                                          "title: [unclosed"), "utf-8")
    second = publish(project, "--config-file", "mkdocs.yml", "--site-dir", "site")
    assert second.returncode == 1
    assert "Traceback" not in second.stdout + second.stderr
    assert "data/programs/learning.yaml:3:7: error [yaml.syntax]" in second.stderr
    assert "the build failed; site was left as it was" in second.stderr
    assert hashes(project / "site") == before
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == mtimes
    assert leftovers(project) == []


def test_a_good_build_replaces_the_site_whole(project: Path) -> None:
    assert publish(project).returncode == 0
    stale = project / "site" / "stale.html"
    stale.write_text("from an older build", "utf-8")
    mistakes = project / "data" / "mistakes.yaml"
    mistakes.write_text(mistakes.read_text("utf-8").replace(
        "ask HR for anything more.", "ask HR for anything further."), "utf-8")
    result = publish(project)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    page = project / "site" / "guides" / "learning" / "index.html"
    assert "ask HR for anything further" in page.read_text("utf-8")
    assert manifest.verify(project / "site") == []
    assert leftovers(project) == []


def test_publishing_refuses_a_site_built_without_the_plugin(project: Path) -> None:
    """A generator that skips unknown plugins builds a site with no manifest."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("  - govportal:")
    end = text.index("\n\n", start)
    config.write_text(text[:start] + text[end:], "utf-8")
    (project / "content" / "index.md").write_text("# Home\n", "utf-8")
    result = publish(project)
    assert result.returncode == 1
    assert f"has no {manifest.NAME}" in result.stderr
    assert not (project / "site").exists()
    assert leftovers(project) == []


def build(project: Path, site: str, seed: str) -> dict[str, str]:
    env = {**os.environ, **EPOCH, "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([*engines.build_command(ENGINE), "--strict", "-q",
                             "--site-dir", site], cwd=project, capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return hashes(project / site)


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path) -> None:
    project = make_site(tmp_path, CASES / "valid" / "complete")
    assert lock_notices(project, EPOCH).returncode == 0
    first = build(project, "one", "1")
    second = build(project, "two", "2")
    assert len(first) > 50
    assert first == second
    assert any(p.endswith(".gz") for p in first)
    data = json.loads((project / "one" / manifest.NAME).read_text("utf-8"))
    assert data["build_date"] == "2026-11-18"


# ----------------------------------------------------------------------- the manifest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("manifest")
    project = make_site(tmp, BASE)
    assert lock_notices(project, EPOCH).returncode == 0
    assert publish(project).returncode == 0
    return project / "site"


@pytest.fixture
def site(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    return copy


def verify(site: Path, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = cli.main(["verify-manifest", str(site)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_manifest_describes_the_build(built: Path) -> None:
    data = json.loads((built / manifest.NAME).read_text("utf-8"))
    listed = {e["path"]: e for e in data["files"]}
    on_disk = hashes(built)
    on_disk.pop(manifest.NAME)
    assert {p: e["sha256"] for p, e in listed.items()} == on_disk
    assert all(e["size"] == (built / p).stat().st_size for p, e in listed.items())
    assert data["digest"] == manifest.digest(data)
    data_dir = built.parent / "data"
    read = {p.relative_to(data_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in data_dir.rglob("*.yaml")}
    assert data["data_fingerprint"] == file_policy.fingerprint(read)
    assert data["plugin_version"] and data["build_date"] == "2026-11-18"
    assert data["edition"] == "public"
    assert "search/search_index.json" in listed and "sitemap.xml.gz" in listed


def test_a_valid_site_verifies(site: Path, capsys: pytest.CaptureFixture) -> None:
    code, out = verify(site, capsys)
    assert code == 0, out
    assert "site/ verifies:" in out


def test_a_tampered_file_fails(site: Path, capsys: pytest.CaptureFixture) -> None:
    page = site / "notices" / "learning" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<script>x()</script></body>"),
                    "utf-8")
    code, out = verify(site, capsys)
    assert code == 1
    assert "site/notices/learning/index.html was changed after the build" in out


def test_an_extra_file_fails(site: Path, capsys: pytest.CaptureFixture) -> None:
    (site / "extra.html").write_text("<p>not built</p>", "utf-8")
    code, out = verify(site, capsys)
    assert code == 1
    assert "site/extra.html is not in the manifest (added after the build)" in out


def test_a_missing_file_fails(site: Path, capsys: pytest.CaptureFixture) -> None:
    (site / "retention" / "index.html").unlink()
    code, out = verify(site, capsys)
    assert code == 1
    assert "site/retention/index.html is in the manifest but missing" in out


def test_a_missing_manifest_fails(site: Path, capsys: pytest.CaptureFixture) -> None:
    (site / manifest.NAME).unlink()
    code, out = verify(site, capsys)
    assert code == 1
    assert (f"site/ has no {manifest.NAME}: it was not built by the governance portal plugin "
            "(a generator that ignores plugins, such as Zensical, would produce this)") in out


def test_an_edited_manifest_fails(site: Path, capsys: pytest.CaptureFixture) -> None:
    path = site / manifest.NAME
    data = json.loads(path.read_text("utf-8"))
    data["files"] = [e for e in data["files"] if e["path"] != "index.html"]
    path.write_text(json.dumps(data), "utf-8")
    code, out = verify(site, capsys)
    assert code == 1
    assert "does not match its digest" in out
    assert "site/index.html is not in the manifest" in out


@pytest.mark.parametrize(("field", "value"), [("edition", "internal"),
                                               ("data_fingerprint", "0" * 64),
                                               ("build_date", "2027-01-01")])
def test_the_digest_covers_edition_and_data(site: Path, field: str, value: str,
                                            capsys: pytest.CaptureFixture) -> None:
    """Switching a public site's manifest to `internal` (or to other data) fails."""
    path = site / manifest.NAME
    data = json.loads(path.read_text("utf-8"))
    data[field] = value
    path.write_text(json.dumps(data), "utf-8")
    code, out = verify(site, capsys)
    assert code == 1
    assert "site/govportal-manifest.json: its content does not match its digest" in out


@pytest.mark.parametrize("content", ["not json", "[]", '{"generator": "other"}',
                                     '{"generator": "govportal", "format": 2, "files": [1]}',
                                     '{"generator": "govportal", "format": 1, "files": []}'])
def test_a_broken_manifest_fails_clearly(site: Path, content: str,
                                         capsys: pytest.CaptureFixture) -> None:
    (site / manifest.NAME).write_text(content, "utf-8")
    code, out = verify(site, capsys)
    assert code == 1
    assert "Traceback" not in out and manifest.NAME in out


def test_the_workflow_command_refuses_a_tampered_site(site: Path) -> None:
    """As the publishing workflow runs it: `govportal verify-manifest site`."""
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).resolve().parent.parent)}
    ok = subprocess.run([sys.executable, "-m", "govportal.cli", "verify-manifest", "site"],
                        cwd=site.parent, capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    (site / "retention" / "index.html").write_text("tampered", "utf-8")
    bad = subprocess.run([sys.executable, "-m", "govportal.cli", "verify-manifest"],
                         cwd=site.parent, capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1
    assert "site/retention/index.html was changed after the build" in bad.stderr
    assert "site/ must not be published" in bad.stderr
