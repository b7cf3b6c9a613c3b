"""Real `mkdocs build` runs of small sites in temporary folders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CASES, copy_case, make_site, mkdocs_build

BASE = CASES / "valid" / "minimal"
TODAY = "\n".join(["", "      today: '2026-11-22'", ""])


def configure(project: Path, extra: str) -> None:
    """Add plugin options under the `govportal:` entry of the project's mkdocs.yml."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - govportal:\n", "  - govportal:\n" + extra, 1),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    project = make_site(tmp, BASE)
    configure(project, "      today: '2026-11-22'\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def program_ids() -> list[str]:
    return sorted(p.stem for p in (BASE / "programs").glob("*.yaml"))


def test_generated_pages_exist(built: Path) -> None:
    for pid in program_ids():
        assert (built / "notices" / pid / "index.html").is_file()
        assert (built / "guides" / pid / "index.html").is_file()
    for page in ("retention", "clauses", "incident-response", "registers/vendors",
                 "registers/data-inventory", "checklists", "notices", "guides"):
        assert (built / page / "index.html").is_file(), page
    assert (built / "index.html").is_file()


def test_generated_pages_are_in_the_nav(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    for pid in program_ids():
        assert f'href="notices/{pid}/"' in nav
        assert f'href="guides/{pid}/"' in nav
    for page in ("retention/", "clauses/", "incident-response/", "registers/vendors/"):
        assert f'href="{page}"' in nav


def test_nothing_is_written_into_content(built: Path) -> None:
    content = built.parent / "content"
    assert sorted(p.name for p in content.rglob("*")) == []


def test_notice_shows_version_owner_and_review(built: Path) -> None:
    pid = program_ids()[0]
    html = (built / "notices" / pid / "index.html").read_text(encoding="utf-8")
    meta = html[html.index('class="gp-meta"'):]
    meta = meta[: meta.index("</aside>")]
    for label in ("Version", "In effect since", "Owner", "Next review"):
        assert f"<strong>{label}</strong>" in meta


def test_no_third_party_assets(built: Path) -> None:
    """Scripts, stylesheets, images and fonts all come from the site itself."""
    loads = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"|'
                       r'<link\b[^>]*\bhref="([^"]+)"|url\(([^)]+)\)')
    for page in [*built.rglob("*.html"), *built.rglob("*.css")]:
        text = page.read_text(encoding="utf-8")
        for match in loads.finditer(text):
            url = next(g for g in match.groups() if g).strip("'\"")
            assert not re.match(r"(https?:)?//", url), f"{page.relative_to(built)} loads {url}"


def test_invalid_data_fails_the_build_with_its_message(tmp_path: Path) -> None:
    data = copy_case(BASE, CASES / "invalid" / "unknown-key" / "data", tmp_path / "data")
    project = make_site(tmp_path, data)
    result = mkdocs_build(project)
    assert result.returncode == 1
    expected = (CASES / "invalid" / "unknown-key" / "expected.txt").read_text().splitlines()
    for line in expected:
        assert line in result.stderr
    assert "nothing was published" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_template_override_without_forking(tmp_path: Path) -> None:
    project = make_site(tmp_path, BASE)
    overrides = project / "portal-templates" / "notice"
    overrides.mkdir(parents=True)
    (overrides / "obligation.md.j2").write_text(
        "Overridden obligation text for {{ program.title }}.\n", encoding="utf-8")
    configure(project, "      templates_dir: portal-templates\n      today: '2026-11-22'\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    pid = program_ids()[0]
    html = (project / "site" / "notices" / pid / "index.html").read_text(encoding="utf-8")
    assert "Overridden obligation text for" in html


def test_a_hand_written_page_cannot_be_replaced(tmp_path: Path) -> None:
    project = make_site(tmp_path, BASE, content={"retention.md": "# Mine\n"})
    configure(project, "      today: '2026-11-22'\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("generated page 'retention.md' would replace 'retention.md' in content/: rename "
            "or remove that file") in result.stderr
