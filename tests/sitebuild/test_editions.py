"""Public and internal editions from real builds, and the scan that keeps the public one clean.

The complete valid case gets one value in every internal-only field. The public edition must
build without any of them anywhere in the site; the internal edition shows each; a template
override or a hand-written page that prints one into the public edition fails the build,
naming the file and the field.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest

from govportal.pages.environment import environment
from govportal.publish import edition_scan, manifest
from govportal.text.folding import fold
from tests.conftest import CASES, make_site, mkdocs_build

BASE = CASES / "valid" / "complete"
RISK = "Residual risk accepted by the CISO: push metadata visible to platforms."
HISTORY = "A misrouted test batch in 2024 touched no customer data."
EVIDENCE_REF = "SOC2-LMS-2026-77"
CONTACT_NAME = "Ruth Okonkwo-Lindqvist"
CONTACT_PHONE = "internal extension 4911"
CONTACT_EMAIL = "ciso-desk@example.com"
DPIA = "DPIA-2026-01 (learning records)"
LAUNCH = "Checked by security with an external TLS scan on 2026-03-10."
INTERNAL_TEXTS = [RISK, HISTORY, EVIDENCE_REF, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL,
                  DPIA, LAUNCH]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def internal_data(tmp: Path) -> Path:
    data = tmp / "data"
    shutil.copytree(BASE, data)
    edit(data / "vendors.yaml", "      - {kind: ISO 27001 certificate, issued: 2026-03-01}",
         f"      - {{kind: ISO 27001 certificate, issued: 2026-03-01, reference: {EVIDENCE_REF}}}"
         f"\n    risk_notes: '{RISK}'\n    incident_history: '{HISTORY}'")
    with (data / "incident-response.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"contacts:\n  - {{role: CISO, name: {CONTACT_NAME}, "
                     f"phone: {CONTACT_PHONE}, email: {CONTACT_EMAIL}}}\n")
    program = data / "programs" / "learning.yaml"
    edit(program, "dpia: DPIA-2026-01", f"dpia: {DPIA}")
    edit(program, "evidence: Checked by security.}", f"evidence: '{LAUNCH}'}}")
    return data


def project_for(tmp: Path, edition: str | None, templates: Path | None = None,
                content: dict | None = None) -> Path:
    project = make_site(tmp, internal_data(tmp), content=content)
    options = "      today: '2026-11-22'\n"
    if edition:
        options += f"      edition: {edition}\n"
    if templates:
        options += f"      templates_dir: {templates}\n"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - govportal:\n",
                                                        "  - govportal:\n" + options, 1), "utf-8")
    return project


def site_text(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): html.unescape(p.read_text("utf-8", errors="replace"))
            for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_for(tmp_path_factory.mktemp("public"), None)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def internal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_for(tmp_path_factory.mktemp("internal"), "internal")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_every_internal_field_is_scanned_for(tmp_path: Path) -> None:
    from govportal import pipeline
    from govportal.rules import registry

    data = internal_data(tmp_path)
    result = pipeline.check(data, registry.Options(), label_base=tmp_path)
    assert not result.problems.errors, result.problems.format_text()
    found = {v.text: v.field for v in edition_scan.internal_values(result.policy)}
    assert found == {fold(k): v for k, v in {
        RISK: "vendors[0].risk_notes", HISTORY: "vendors[0].incident_history",
        EVIDENCE_REF: "vendors[0].security_evidence[0].reference",
        CONTACT_NAME: "contacts[0].name", CONTACT_PHONE: "contacts[0].phone",
        CONTACT_EMAIL: "contacts[0].email", DPIA: "dpia", LAUNCH: "launch_readiness[0].evidence",
    }.items()}


def test_a_public_field_repeating_internal_text_is_a_located_error(tmp_path: Path) -> None:
    """No silent exemption: the same text in a public field is refused where it is written,
    unless the data says that detail is public (a contact's ``public`` list)."""
    from govportal import pipeline
    from govportal.rules import registry

    data = internal_data(tmp_path)
    edit(data / "incident-response.yaml", f"email: {CONTACT_EMAIL}",
         "email: privacy@example.com")  # the organisation's public privacy contact
    result = pipeline.check(data, registry.Options(), label_base=tmp_path)
    found = [(p.location.file, p.location.path, p.message) for p in result.problems
             if p.rule == "edition.internal-text-in-public-field"]
    assert found == [("data/organisation.yaml", "privacy_contact.email",
                      "this public text repeats the internal-only field contacts[0].email of "
                      "data/incident-response.yaml, which the public edition must never show")]
    edit(data / "incident-response.yaml", "email: privacy@example.com",
         "email: privacy@example.com, public: [email]")
    result = pipeline.check(data, registry.Options(), label_base=tmp_path)
    assert not result.problems.errors, result.problems.format_text()
    assert "contacts[0].email" not in {v.field for v in edition_scan.internal_values(
        result.policy)}


def test_the_public_edition_holds_no_internal_text(public: Path) -> None:
    texts = site_text(public)
    assert len(texts) > 50
    for value in INTERNAL_TEXTS:
        holders = [name for name, text in texts.items() if value in text]
        assert holders == [], (value, holders)
    assert not (public / "registers" / "assessments").exists()
    data = json.loads((public / manifest.NAME).read_text("utf-8"))
    assert data["edition"] == "public"


def test_the_internal_edition_shows_every_internal_field(internal: Path) -> None:
    texts = site_text(internal)
    vendors = texts["registers/vendors/index.html"]
    for value in (RISK, HISTORY, EVIDENCE_REF):
        assert value in vendors, value
    incidents = texts["incident-response/index.html"]
    for value in (CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL):
        assert value in incidents, value
    assessments = texts["registers/assessments/index.html"]
    assert DPIA in assessments and LAUNCH in assessments
    assert "Assessments (internal)" in vendors  # beside the other registers in the nav
    assert json.loads(texts[manifest.NAME])["edition"] == "internal"


def leaking_templates(tmp: Path, name: str, line: str) -> Path:
    """A template override that prints an internal field whatever the edition."""
    folder = tmp / "templates"
    folder.mkdir()
    source = environment().loader.get_source(environment(), name)[0]
    (folder / name).write_text(source + "\n" + line + "\n", "utf-8")
    return folder


@pytest.mark.parametrize(("template", "line", "file", "field"), [
    ("vendors.md.j2", "{% for v in vendors %}{{ v.risk_notes | md }}{% endfor %}",
     "registers/vendors/index.html", "vendors[0].risk_notes"),
    ("incident-response.md.j2",
     "\n{% for c in playbook.contacts %}- {{ c.name | inline }}\n{% endfor %}",
     "incident-response/index.html", "contacts[0].name"),
    ("retention.md.j2", "{{ policy.programs['learning'].dpia | inline }}",
     "retention/index.html", "dpia"),
])
def test_a_template_that_leaks_fails_the_public_build(tmp_path: Path, template: str, line: str,
                                                      file: str, field: str) -> None:
    project = project_for(tmp_path, None, leaking_templates(tmp_path, template, line))
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert f"{file} contains the internal-only field {field} of data/" in result.stderr
    assert "the public edition holds internal-only content" in result.stderr
    assert not (project / "site" / manifest.NAME).exists()


def test_the_same_override_is_fine_in_the_internal_edition(tmp_path: Path) -> None:
    templates = leaking_templates(
        tmp_path, "vendors.md.j2", "{% for v in vendors %}{{ v.risk_notes | md }}{% endfor %}")
    result = mkdocs_build(project_for(tmp_path, "internal", templates))
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_hand_written_page_that_leaks_fails_too(tmp_path: Path) -> None:
    page = f"# About\n\nAsk {CONTACT_NAME} on {CONTACT_PHONE}.\n"
    result = mkdocs_build(project_for(tmp_path, None, content={"about.md": page}))
    assert result.returncode == 1
    assert "about/index.html contains the internal-only field contacts[0].name" in result.stderr
    assert "about/index.html contains the internal-only field contacts[0].phone" in result.stderr


def test_an_internal_page_in_the_public_site_is_found(public: Path, tmp_path: Path) -> None:
    from govportal import pipeline
    from govportal.rules import registry

    site = tmp_path / "site"
    shutil.copytree(public, site)
    (site / "registers" / "assessments").mkdir()
    (site / "registers" / "assessments" / "index.html").write_text("<p>x</p>", "utf-8")
    data = internal_data(tmp_path / "d")
    policy = pipeline.check(data, registry.Options(), label_base=data.parent).policy
    assert edition_scan.find_leaks(site, policy) == [
        "registers/assessments/index.html is an internal-only page"]


def test_an_unknown_edition_is_refused(tmp_path: Path) -> None:
    result = mkdocs_build(project_for(tmp_path, "partners"))
    assert result.returncode == 1
    assert "edition" in result.stderr


def test_theme_files_are_skipped_only_while_they_are_the_theme_s_own(public: Path,
                                                                      tmp_path: Path) -> None:
    from govportal import pipeline
    from govportal.rules import registry

    site = tmp_path / "site"
    shutil.copytree(public, site)
    data = internal_data(tmp_path / "d")
    policy = pipeline.check(data, registry.Options(), label_base=data.parent).policy
    theme_file = tmp_path / "theme.js"
    theme_file.write_text(f"var note = '{RISK}';\n", "utf-8")
    copy = site / "assets" / "javascripts" / "theme.js"
    copy.write_text(theme_file.read_text("utf-8"), "utf-8")
    copies = {"assets/javascripts/theme.js": str(theme_file)}
    assert edition_scan.find_leaks(site, policy, theme_copies=copies) == []
    copy.write_text(copy.read_text("utf-8") + "// changed after the copy\n", "utf-8")
    assert [leak.split(" (")[0] for leak in edition_scan.find_leaks(site, policy,
                                                                theme_copies=copies)] == [
        "assets/javascripts/theme.js contains the internal-only field vendors[0].risk_notes "
        "of data/vendors.yaml"]


def test_only_an_installed_theme_s_files_count_as_theme_files() -> None:
    from mkdocs.commands.build import get_files
    from mkdocs.config import load_config

    from govportal.pipeline.site_files import packaged_theme_files
    from tests.conftest import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    copies = packaged_theme_files(files, config.theme)
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in copies)
    assert "assets/a11y.js" not in copies  # the project's own overrides are always read
    assert not any(src.startswith(str(ROOT / "overrides")) for src in copies.values())
    assert not any(src.startswith(str(ROOT / "content")) for src in copies.values())


# Hand-written files of every kind a site serves as text, each quoting an internal contact.
# (Written out here, not taken from the scan's own list of suffixes.)
LEAKING_FILES = {
    "leak.json": json.dumps({"contact": CONTACT_NAME}),
    "exports/leak.csv": f"role,name\nCISO,{CONTACT_NAME}\n",
    "leak.txt": f"Ask {CONTACT_NAME}.\n",
    "leak.xml": f"<contact>{CONTACT_NAME}</contact>\n",
    "assets/leak.js": f"const contact = '{CONTACT_NAME}';\n",
    "assets/leak.css": f"/* {CONTACT_NAME} */\n",
    "leak.yaml": f"contact: {CONTACT_NAME}\n",
    "leak.svg": f"<svg xmlns='http://www.w3.org/2000/svg'><text>{CONTACT_NAME}</text></svg>\n",
}


def test_hand_written_files_of_every_text_kind_are_scanned(tmp_path: Path) -> None:
    """A hand-written ``content/leak.json`` (or .csv, .txt …) is published as it is: the
    scan must read it, not only the pages."""
    assert len(LEAKING_FILES) == 8
    result = mkdocs_build(project_for(tmp_path, None, content=LEAKING_FILES))
    assert result.returncode == 1
    for name in LEAKING_FILES:
        assert (f"{name} contains the internal-only field contacts[0].name of "
                "data/incident-response.yaml") in result.stderr, name
