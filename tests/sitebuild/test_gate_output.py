"""The disclosure gate at the output level: a template override that drops a section fails."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tests.conftest import CASES, make_site, mkdocs_build

COMPLETE = CASES / "valid" / "complete"


def configure(project: Path, extra: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - govportal:\n", "  - govportal:\n" + extra, 1),
                    encoding="utf-8")


def test_complete_notice_builds(tmp_path: Path) -> None:
    project = make_site(tmp_path, COMPLETE)
    configure(project, "      today: '2026-11-22'\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "notices" / "learning" / "index.html").read_text()
    assert 'data-disclosures="gdpr.13.2.e.obligation_to_provide' in html


def test_an_override_that_drops_a_section_fails_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path, COMPLETE)
    original = resources.files("govportal.pages").joinpath("templates", "notice.md.j2").read_text()
    loop = "{% for s in sections %}"
    assert loop in original
    overrides = project / "portal-templates"
    overrides.mkdir()
    (overrides / "notice.md.j2").write_text(
        original.replace(loop, "{% for s in sections if s.topic != 'obligation' %}"))
    configure(project, "      templates_dir: portal-templates\n      today: '2026-11-22'\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    for item, cite in (("gdpr.13.2.e.obligation_to_provide", "GDPR Art. 13(2)(e)"),
                       ("uk.13.2.e.obligation_to_provide", "UK GDPR Art. 13(2)(e)")):
        assert (f"error [disclosure.not-rendered] notice.version: the published notice "
                f"'learning' (notices/learning/index.html) shows no section for {item} "
                f"({cite}): the data has it, but the page does not") in result.stderr
    assert "the published notices miss required disclosures" in result.stderr
    assert "Traceback" not in result.stderr
