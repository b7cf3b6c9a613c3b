"""The rendered-output gate end to end: a template override that leaves Markdown unrendered
fails a real build, naming the page and the text; an archived notice version is held to
the same, under its own id; the repository's own site passes."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

from govportal.changes.fingerprint import fingerprint
from govportal.changes.lock import load_lock
from govportal.problems import Problems
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
    """The archive keeps what was published, faults included: a version published with a lost
    blank line (its archive and its lock agree) shows run-on Markdown on its archived page,
    and is reported there under the archive's own id."""
    project = make_site(tmp_path, COMPLETE)
    configure(project, TODAY)
    assert lock_notices(project).returncode == 0
    lock = json.loads((project / "notices.lock.json").read_text(encoding="utf-8"))
    assert list(lock["notices"]["learning"]) == ["1.0"]
    archived = project / "notices-archive" / "learning" / "1.0.md"
    text = archived.read_text(encoding="utf-8")
    # the blank lines between the controller's paragraph and its list of contact details
    joined, count = re.subn(r"\n\n+(- \*\*Address:\*\*)", r"\n\1", text, count=1)
    assert count == 1
    archived.write_text(joined, encoding="utf-8")
    # ...as it had been published: the lock's fingerprint is of this text (and its chain
    # recomputed), so the change control finds nothing to refuse
    published = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    published.notices["learning"]["1.0"].sha256 = fingerprint(joined)
    published.save()
    # the notice has moved on since: version 1.1 is current, 1.0 only archived
    program = project / "data" / "programs" / "learning.yaml"
    text = program.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"\n  effective: 2026-01-15',
                        'version: "1.1"\n  effective: 2026-06-01')
    text = text.replace('    - {version: "1.0"', '    - {version: "1.1", date: 2026-06-01, '
                        'summary: The contact details show as a list.}\n    - {version: "1.0"')
    program.write_text(text, encoding="utf-8")
    assert lock_notices(project).returncode == 0
    result = mkdocs_build(project)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if "[output." in line]
    assert len(errors) == 1, result.stderr
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


def test_the_repository_site_passes_the_gate(tmp_path: Path) -> None:
    """The repository's own site, archived versions included: the two archived
    micro-coaching versions whose consent list once ran into one paragraph carry recorded
    corrections, so nothing on any page shows unrendered Markdown."""
    project = repository_site(tmp_path)
    result = mkdocs_build(project, lock=False)
    found = [line for line in result.stderr.splitlines() if "[output." in line]
    assert (result.returncode, found) == (0, []), result.stderr
