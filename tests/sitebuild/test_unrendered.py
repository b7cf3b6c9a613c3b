"""The rendered-output gate end to end: a template override that leaves Markdown unrendered
fails a real build, naming the page and the text; an archived notice version is held to
the same, under its own id; the repository's own site passes."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT, lock_notices, make_site, mkdocs_build

COMPLETE = CASES / "valid" / "complete"
TODAY = "      today: '2026-11-22'\n"

# (template, text put under its first heading, the problem the build must report)
FAULTS = [
    ("retention.md.j2",
     "Each rule in brief:\n| Record | Period |\n|---|---|\n| Learning | 1 year |",
     "retention/index.html: error [output.unrendered-markdown] the page 'retention.md' "
     "(retention/index.html) shows Markdown that did not render, table rows as plain text: "
     "\"| Record | Period |\""),
    ("clauses.md.j2", "Before you copy a clause:\n- check the period\n- check the owner",
     "clauses/index.html: error [output.unrendered-markdown] the page 'clauses.md' "
     "(clauses/index.html) shows Markdown that did not render, list items run into one "
     "paragraph: \"- check the period\""),
    ("incident-response.md.j2", '{{ "**Call the DPO first.**" }}',
     "incident-response/index.html: error [output.unrendered-markdown] the page "
     "'incident-response.md' (incident-response/index.html) shows Markdown that did not "
     "render, a literal **: \"**Call the DPO first.**\""),
    ("vendors.md.j2", "Files are kept for [[retention:vendor-files]].",
     "registers/vendors/index.html: error [output.unrendered-markdown] the page "
     "'registers/vendors.md' (registers/vendors/index.html) shows Markdown that did not "
     "render, an unresolved [[…]] placeholder: \"[[retention:vendor-files]]\""),
    ("checklists-index.md.j2", 'Ask {{ "{{ owner }}" }} before you start.',
     "checklists/index.html: error [output.unrendered-markdown] the page "
     "'checklists/index.md' (checklists/index.html) shows Markdown that did not render, "
     "template syntax ({{ or {%): \"Ask {{ owner }} before you start.\""),
]


def configure(project: Path, extra: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - govportal:\n", "  - govportal:\n" + extra, 1),
                    encoding="utf-8")


def override(project: Path, name: str, snippet: str) -> None:
    """Copy the plugin's template ``name`` into the project's override folder with
    ``snippet`` as the first paragraph under its heading."""
    original = resources.files("govportal.pages").joinpath("templates", name).read_text()
    heading, _, rest = original.partition("\n")
    assert heading.startswith("# "), name
    folder = project / "portal-templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"{heading}\n\n{snippet}\n\n{rest}", encoding="utf-8")


def test_the_fault_list_is_not_empty() -> None:
    assert len(FAULTS) == 5


def test_each_kind_of_unrendered_markdown_fails_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path, COMPLETE)
    for name, snippet, _ in FAULTS:
        override(project, name, snippet)
    configure(project, "      templates_dir: portal-templates\n" + TODAY)
    result = mkdocs_build(project)
    assert result.returncode == 1
    errors = [line.removeprefix("ERROR   -  govportal: ") for line in result.stderr.splitlines()
              if line.startswith("ERROR") and "[output." in line]
    assert errors == sorted(expected for _, _, expected in FAULTS)  # problems come by file
    assert ("the rendered pages fail the output checks (5 errors, 0 warnings: pages show "
            "Markdown that did not render); see the problems above. Nothing may be published "
            "from this build.") in result.stderr
    assert "hint: a table needs a blank line before it" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_archived_version_is_checked_under_its_own_id(tmp_path: Path) -> None:
    """The archive keeps what was published; a lost blank line (which leaves the wording and
    so the fingerprint as they were) shows on the archived page and is reported there."""
    project = make_site(tmp_path, COMPLETE)
    configure(project, TODAY)
    assert lock_notices(project).returncode == 0
    lock = json.loads((project / "notices.lock.json").read_text(encoding="utf-8"))
    assert list(lock["notices"]["learning"]) == ["1.0"]
    archived = project / "notices-archive" / "learning" / "1.0.md"
    text = archived.read_text(encoding="utf-8")
    before_list = text.index('(the "controller").\n\n- Address') + len('(the "controller").')
    archived.write_text(text[:before_list] + text[before_list + 1:], encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if "[output." in line]
    assert len(errors) == 1
    assert errors[0].startswith(
        "ERROR   -  govportal: notices-archive/learning/1.0.md: error "
        "[output.unrendered-markdown-archived] the page 'notices/learning/v1.0.md' "
        "(notices/learning/v1.0/index.html) shows Markdown that did not render, list items "
        "run into one paragraph: \"- Address: 1 Example Street, 10115 Berlin, Germany\"")
    assert "notice.archive-mismatch" not in result.stderr


def repository_site(tmp_path: Path) -> Path:
    project = make_site(tmp_path, ROOT / "data")
    shutil.copy(ROOT / "notices.lock.json", project)
    shutil.copytree(ROOT / "notices-archive", project / "notices-archive")
    for name in ("content",):
        shutil.rmtree(project / name)
        shutil.copytree(ROOT / name, project / name)
    return project


@pytest.mark.parametrize("with_repository_setting", [True, False])
def test_the_repository_site_and_its_known_archive_residue(
        tmp_path: Path, with_repository_setting: bool) -> None:
    """The repository's own site passes the gate, except the two archived micro-coaching
    versions whose consent list ran into one paragraph. mkdocs.yml switches their id off
    until their recorded corrections land; then this test expects no finding at all."""
    project = repository_site(tmp_path)
    if with_repository_setting:
        configure(project, '      severities: {output.unrendered-markdown-archived: "off"}\n')
    result = mkdocs_build(project, lock=False)
    found = [line for line in result.stderr.splitlines() if "[output." in line]
    if with_repository_setting:
        assert (result.returncode, found) == (0, []), result.stderr
        return
    assert result.returncode == 1
    assert [line.split(" shows ", 1)[0] for line in found] == [
        f"ERROR   -  govportal: notices-archive/micro-coaching/{v}.md: error "
        f"[output.unrendered-markdown-archived] the page 'notices/micro-coaching/v{v}.md' "
        f"(notices/micro-coaching/v{v}/index.html)" for v in ("1.0", "1.1")]
    assert all("list items run into one paragraph: \"- When we ask:" in line for line in found)
