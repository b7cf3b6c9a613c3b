"""Each notice's PDF: printed by Debian's Chromium after the build, linked from the notice,
listed in the manifest, tagged, with its links, and the same bytes every time.

The repository's own portal is published once as `make site` does it (`python -m
govportal.publish`), and its PDFs read back with pypdf. Chromium is required here: without
it these tests skip, and under CI they fail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from govportal import cli
from govportal.publish import manifest, pdf
from govportal.publish.pdf_normalise import normalise
from tests.conftest import CASES, ROOT, lock_notices, make_site, mkdocs_build, portal_copy

EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}  # 2026-11-18 11:06:40 UTC
NOTICES = ("lms-milestones", "micro-coaching")
# Headings every notice of the sample portal has; the tests compare the PDF with all the
# headings of the built page, whatever they are.
COMMON_HEADINGS = ["Who is responsible for your data", "Why we use it, and on what legal basis",
                   "How long we keep it", "Your rights"]


def current(pid: str) -> dict:
    """The notice block of the sample program ``pid`` (its current version)."""
    data = yaml.safe_load((ROOT / "data" / "programs" / f"{pid}.yaml").read_text("utf-8"))
    return data["notice"]


PDFS = {pid: f"notices/{pid}/{pid}-{current(pid)['version']}.en.pdf" for pid in NOTICES}


@pytest.fixture(scope="module", autouse=True)
def chromium() -> None:
    if pdf.missing():
        message = "cannot print PDFs here: " + "; ".join(pdf.missing())
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def publish(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govportal.publish", "-q", *args],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **EPOCH, **(env or {})})


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = portal_copy(tmp_path_factory.mktemp("pdf"))
    result = publish(project, "--pdf", "required")
    assert result.returncode == 0, result.stderr
    # each notice in English and in German (required in Germany)
    assert "govportal publish: printed 4 notice PDF(s)" in result.stderr
    return project / "site"


def text_of(path: Path) -> str:
    """The PDF's text, ligatures undone and every run of white space made one space."""
    reader = PdfReader(path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def section_headings(page: Path) -> list[str]:
    """The headings of the sections the disclosure gate checked, as the built page has them."""
    html = page.read_text(encoding="utf-8")
    return [re.sub(r"<[^>]+>", "", h).replace("&amp;", "&") for h in re.findall(
        r'<section class="gp-disclosure"[^>]*>\s*<h2[^>]*>(.*?)<a class="headerlink"', html)]


def uris(path: Path) -> list[str]:
    found = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


@pytest.mark.parametrize("pid", NOTICES)
def test_the_pdf_holds_every_disclosure_section_heading(portal: Path, pid: str) -> None:
    text = text_of(portal / PDFS[pid])
    headings = section_headings(portal / "notices" / pid / "index.html")
    assert set(COMMON_HEADINGS) <= set(headings), headings  # the headings are found at all
    missing = [h for h in headings if h not in text]
    assert not missing, f"{PDFS[pid]} lacks the headings {missing}"
    assert f"Privacy notice: {'Micro-coaching' if pid == 'micro-coaching' else 'Learning'}" \
        in text


@pytest.mark.parametrize("pid", NOTICES)
def test_the_german_pdf_holds_the_german_notice(portal: Path, pid: str) -> None:
    path = portal / PDFS[pid].replace(".en.pdf", ".de.pdf")
    text = text_of(path)
    headings = section_headings(portal / "de" / "notices" / pid / "index.html")
    assert "Wer für Ihre Daten verantwortlich ist" in headings and "Ihre Rechte" in headings
    missing = [h for h in headings if h not in text]
    assert not missing, f"{path.name} lacks the headings {missing}"
    assert "Datenschutzhinweis: " in text
    assert PdfReader(path).trailer["/Root"].get("/Lang") == "de"


@pytest.mark.parametrize("pid", NOTICES)
def test_each_page_footer_names_the_notice_version_and_page(portal: Path, pid: str) -> None:
    reader = PdfReader(portal / PDFS[pid])
    count = len(reader.pages)
    assert count >= 3
    version = current(pid)["version"]
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        assert f"version {version}, in effect since" in text
        assert f"Page {number} of {count}" in text


@pytest.mark.parametrize("pid", NOTICES)
def test_the_pdf_is_tagged_with_an_outline_in_english(portal: Path, pid: str) -> None:
    reader = PdfReader(portal / PDFS[pid])
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    titles = []
    stack = list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack = item + stack
        else:
            titles.append(" ".join(item.title.split()))
    headings = section_headings(portal / "notices" / pid / "index.html")
    assert headings and [h for h in headings if h not in titles] == []


def test_structure_ids_and_table_headers_agree(portal: Path) -> None:
    """The ids the PDF gives table header cells are renumbered; each reference still
    resolves, and the ID tree maps each id to the element that carries it."""
    reader = PdfReader(portal / PDFS["lms-milestones"])
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    leaves, stack = [], [tree["/IDTree"]]
    while stack:
        node = stack.pop().get_object()
        stack.extend(node.get("/Kids", []))
        names = node.get("/Names", [])
        leaves += [(str(names[i]), names[i + 1].get_object()) for i in range(0, len(names), 2)]
    assert len(leaves) >= 3
    assert all(element["/ID"] == key for key, element in leaves)
    assert [k for k, _ in leaves] == [f"node{n:08d}" for n in range(1, len(leaves) + 1)]
    raw = (portal / PDFS["lms-milestones"]).read_bytes()
    referenced = set(re.findall(rb"/Headers \[ ?\(([^)]*)\)", raw))
    assert referenced and {r.decode() for r in referenced} <= {k for k, _ in leaves}


def test_links_are_kept_and_point_where_the_page_points(portal: Path) -> None:
    found = uris(portal / PDFS["micro-coaching"])
    for expected in ("mailto:privacy@northwind.example", "mailto:dpo@northwind.example",
                     "https://www.northwind.example/privacy", "../../retention/", "v1.1/",
                     "changes/"):
        assert expected in found
    assert not [u for u in found if u.startswith(("file:", pdf.PLACEHOLDER_ORIGIN))]
    assert PDFS["micro-coaching"].rsplit("/", 1)[1] not in found  # the Download link is not printed


def test_the_dates_come_from_source_date_epoch(portal: Path) -> None:
    meta = PdfReader(portal / PDFS["micro-coaching"]).metadata
    assert meta["/CreationDate"] == "D:20261118110640+00'00'"
    assert meta["/ModDate"] == "D:20261118110640+00'00'"
    assert meta["/Title"].startswith("Privacy notice: Micro-coaching tips for managers")


def test_each_notice_links_its_pdf(portal: Path) -> None:
    for pid, path in PDFS.items():
        html = (portal / "notices" / pid / "index.html").read_text(encoding="utf-8")
        name = path.rsplit("/", 1)[1]
        assert (f'<a class="gp-meta__pdf" href="{name}" type="application/pdf" download>'
                "Download PDF</a>") in html
        archived = (portal / "notices" / pid / "v1.0" / "index.html").read_text("utf-8")
        assert "gp-meta__pdf" not in archived


def test_the_manifest_lists_the_pdfs_and_the_site_verifies(portal: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    data = json.loads((portal / manifest.NAME).read_text(encoding="utf-8"))
    listed = {e["path"]: e for e in data["files"]}
    for path in PDFS.values():
        assert listed[path]["sha256"] == hashlib.sha256((portal / path).read_bytes()).hexdigest()
    german = {pid: path.replace(".en.pdf", ".de.pdf") for pid, path in PDFS.items()}
    assert [d["path"] for d in data["documents"]] == sorted([*PDFS.values(), *german.values()])
    assert data["documents"][2] == {
        "path": german["micro-coaching"], "page": "de/notices/micro-coaching/index.html",
        "type": "application/pdf", "notice": "micro-coaching",
        "version": current("micro-coaching")["version"],
        "effective": current("micro-coaching")["effective"].isoformat(), "language": "de",
        "title": "Datenschutzhinweis: Micro-Coaching-Impulse für Führungskräfte"}
    assert data["documents"][3] == {
        "path": PDFS["micro-coaching"], "page": "notices/micro-coaching/index.html",
        "type": "application/pdf", "notice": "micro-coaching",
        "version": current("micro-coaching")["version"],
        "effective": current("micro-coaching")["effective"].isoformat(), "language": "en",
        "title": "Privacy notice: Micro-coaching tips for managers"}
    assert cli.main(["verify-manifest", str(portal)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"files match {manifest.NAME}, 4 printed after the build (plugin " in out
    assert f"built 2026-11-18 by {data['engine']['name']} {data['engine']['version']}," in out


def test_printing_again_gives_the_same_bytes(portal: Path, tmp_path: Path) -> None:
    project = portal_copy(tmp_path)
    assert publish(project, "--pdf", "required").returncode == 0
    for path in PDFS.values():
        assert (project / "site" / path).read_bytes() == (portal / path).read_bytes(), path
    again = json.loads((project / "site" / manifest.NAME).read_text("utf-8"))
    assert again["digest"] == json.loads((portal / manifest.NAME).read_text())[
        "digest"]


def test_renumbering_undoes_chromiums_counter(portal: Path) -> None:
    """Chromium's ids for table cells can move by one between two prints of a page: the same
    print with every id shifted normalises to the same bytes."""
    printed = (portal / PDFS["lms-milestones"]).read_bytes()
    shifted = re.sub(rb"\(node(\d{8})\)",
                     lambda m: b"(node%08d)" % (int(m.group(1)) + 355), printed)
    assert shifted != printed
    when = dt.datetime(2026, 11, 18, 11, 6, 40, tzinfo=dt.UTC)
    assert normalise(shifted, when=when, origin=pdf.PLACEHOLDER_ORIGIN) == normalise(
        printed, when=when, origin=pdf.PLACEHOLDER_ORIGIN)


# ----------------------------------------------------------- other sites, other machines


BASE = CASES / "valid" / "minimal"


def small(tmp_path: Path, extra_config: str = "") -> Path:
    """The minimal example organisation, its notice locked as published."""
    project = make_site(tmp_path, BASE, extra_config)
    assert lock_notices(project, EPOCH).returncode == 0
    return project


def test_with_a_site_url_the_links_are_absolute(tmp_path: Path) -> None:
    project = small(tmp_path, "\nsite_url: https://portal.example.org/privacy/\n")
    result = publish(project, "--pdf", "required")
    assert result.returncode == 0, result.stderr
    found = uris(project / "site" / "notices" / "learning" / "learning-1.0.en.pdf")
    assert "https://portal.example.org/privacy/retention/" in found
    assert not [u for u in found if u.startswith(("../", "file:", pdf.PLACEHOLDER_ORIGIN))]


def test_without_chromium_the_site_is_published_whole_without_pdfs(tmp_path: Path) -> None:
    project = small(tmp_path)
    result = publish(project, env={pdf.CHROMIUM_ENV: str(tmp_path / "no-chromium")})
    assert result.returncode == 0, result.stderr
    assert ("govportal publish: cannot print the notice PDFs: Debian's Chromium was not found "
            f"({pdf.CHROMIUM_ENV}={tmp_path / 'no-chromium'} is not an executable file): "
            "install it with `apt-get install chromium`") in result.stderr
    assert "building the site without notice PDFs: its notices will link none" in result.stderr
    assert "(built by " in result.stderr and ", without notice PDFs)" in result.stderr
    site = project / "site"
    assert not list(site.rglob("*.pdf"))
    assert "gp-meta__pdf" not in (site / "notices" / "learning" / "index.html").read_text()
    assert json.loads((site / manifest.NAME).read_text())["documents"] == []
    assert cli.main(["verify-manifest", str(site)]) == 0


def test_pdf_required_without_chromium_builds_nothing(tmp_path: Path) -> None:
    project = small(tmp_path)
    result = publish(project, "--pdf", "required",
                     env={pdf.CHROMIUM_ENV: str(tmp_path / "no-chromium")})
    assert result.returncode == 1
    assert "--pdf required: nothing was built; site was left as it was" in result.stderr
    assert not (project / "site").exists()


def test_a_chromium_that_cannot_print_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    project = small(tmp_path)
    assert publish(project, "--pdf", "off").returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    result = publish(project, env={pdf.CHROMIUM_ENV: str(broken)})
    assert result.returncode == 1
    assert ("govportal publish: the notice PDFs could not be printed: "
            "notices/learning/learning-1.0.en.pdf: Chromium could not print "
            "notices/learning/index.html") in result.stderr
    assert "nothing was published; site was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == []


def test_a_build_that_announces_pdfs_but_prints_none_does_not_verify(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`GOVPORTAL_PDF=true mkdocs build`, without the publisher: the notice links a PDF that
    no one printed, so the site must not be published."""
    project = make_site(tmp_path, BASE)
    result = mkdocs_build(project, env={**EPOCH, "GOVPORTAL_PDF": "true"})
    assert result.returncode == 0, result.stderr
    assert cli.main(["verify-manifest", str(project / "site")]) == 1
    out = capsys.readouterr().err
    assert ("site/notices/learning/learning-1.0.en.pdf was announced by the build (printed "
            "from notices/learning/index.html) but never printed: publish with `python -m "
            "govportal.publish`, which prints it after the build") in out
    assert ("site/notices/learning/index.html links its PDF notices/learning/learning-1.0.en.pdf"
            ", which the site does not hold") in out
    shutil.rmtree(project / "site")
