"""Every generated file stays inside the site: the plugin refuses any other path."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from govportal.pages.page import Page
from govportal.pipeline import build as site_build
from tests.conftest import CASES, lock_notices, make_site

BASE = CASES / "valid" / "minimal"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_site(tmp_path, BASE)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - govportal:\n", "  - govportal:\n      today: '2026-11-22'\n", 1), encoding="utf-8")
    assert lock_notices(project).returncode == 0
    return project


def build_in_process(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize("uri", ["../outside.md", "notices/../../outside.md", ".htaccess"])
def test_a_page_outside_the_site_fails_the_build(project: Path, uri: str,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    real = site_build.build_pages

    def with_stray_page(*args, **kwargs):  # a page builder gone wrong
        return [*real(*args, **kwargs), Page(uri, "Stray", "# Stray\n", "owners")]

    monkeypatch.setattr(site_build, "build_pages", with_stray_page)
    with pytest.raises(Abort):
        build_in_process(project)
    assert f"the generated file '{uri}' would be written outside the site" in caplog.text
    assert "generated path(s) are unsafe; nothing was published" in caplog.text
    assert not (project / "outside.md").exists()
    assert not (project / "site" / ".htaccess").exists()


def test_the_same_build_without_the_stray_page_passes(project: Path) -> None:
    build_in_process(project)
    assert (project / "site" / "index.html").is_file()
