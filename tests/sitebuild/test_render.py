"""Content that outlives the generator: `govportal render --out DIR`, a build of that folder
by a generator without the portal's plugin, and `govportal verify-manifest` refusing it."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from govportal import cli
from govportal.publish import engines, manifest
from tests.conftest import ENGINE, ROOT, portal_copy

EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}


def render(project: Path, out: str = "portable") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govportal.cli", "render", "--out", out],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **EPOCH})


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def nav_paths(nav: list) -> list[str]:
    out = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            out += nav_paths(value) if isinstance(value, list) else [value]
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return portal_copy(tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="module")
def rendered(project: Path) -> Path:
    result = render(project)
    assert result.returncode == 0, result.stderr
    out = project / "portable"
    hand_written = {p.relative_to(project / "content").as_posix()
                    for p in (project / "content").rglob("*.md")}
    pages = [p for p in out.rglob("*.md") if p.relative_to(out).as_posix() not in hand_written]
    others = [p for p in out.rglob("*") if p.is_file() and p.suffix != ".md"
              and p.name != "nav.yml" and not (project / "content" / p.relative_to(out)).exists()]
    assert result.stdout == (f"wrote portable/: {len(hand_written)} hand-written, {len(pages)} "
                             f"generated pages, {len(others)} other generated files, and "
                             "nav.yml\n")
    assert len(pages) > 20 and len(others) > 10
    return out


LOCK = json.loads((ROOT / "notices.lock.json").read_text("utf-8"))


def test_every_generated_page_has_its_front_matter(rendered: Path) -> None:
    meta, body = front_matter(rendered / "notices" / "micro-coaching.md")
    program = yaml.safe_load((ROOT / "data" / "programs" / "micro-coaching.yaml").read_text(
        "utf-8"))
    notice = program["notice"]
    assert meta == {"title": "Privacy notice: Micro-coaching tips for managers",
                    "govportal": "notice", "notice_version": notice["version"],
                    "notice_effective": notice["effective"].isoformat(),
                    "notice_owner": "Learning and Development",
                    "notice_next_review": program["next_review"].isoformat(),
                    "program_id": "micro-coaching", "notice_language": "en",
                    # data/organisation.yaml's acknowledge_url, filled for this version
                    "notice_acknowledge_url": "https://hr.northwind.example/privacy/acknowledge"
                    f"?notice=micro-coaching&version={notice['version']}&lang=en&sha256="
                    + LOCK["notices"]["micro-coaching"][notice["version"]]["sha256"],
                    "notice_acknowledge_host": "hr.northwind.example",
                    # the dates as readers read them, and what search and the theme are told
                    "notice_effective_text": f"{notice['effective']:%B} "
                                             f"{notice['effective'].day}, "
                                             f"{notice['effective'].year}",
                    "notice_next_review_text": f"{program['next_review']:%B} "
                                               f"{program['next_review'].day}, "
                                               f"{program['next_review'].year}",
                    "search": {"boost": 4.0}, "hide": ["footer"],
                    "tags": ["opt out", "withdraw", "leave the program", "object",
                             "delete my data", "my rights"],
                    # the same notice in German (Germany requires it), where it is published
                    "alternates": {"en": "notices/micro-coaching/",
                                   "de": "de/notices/micro-coaching/"}}
    german, _ = front_matter(rendered / "de" / "notices" / "micro-coaching.md")
    assert german["language"] == "de" and german["alternates"] == meta["alternates"]
    assert german["title"] == "Datenschutzhinweis: Micro-Coaching-Impulse für Führungskräfte"
    assert body.lstrip().startswith("# Privacy notice: Micro-coaching tips for managers")
    for topic in ("controller", "dpo", "purposes", "retention", "rights", "complaint"):
        assert f'data-topic="{topic}"' in body
    assert "Versions of this notice" in body  # the history the plugin adds around a notice
    version, _ = front_matter(rendered / "notices" / "micro-coaching" / "v1.1.md")
    assert version["govportal"] == "notice-version"
    guide, _ = front_matter(rendered / "guides" / "lms-milestones.md")
    assert guide["title"] == "Manager guide: Learning records in 1:1s and reviews"


def test_the_other_files_and_hand_written_pages_are_there(rendered: Path) -> None:
    for name in ("notices.json", "coverage.json", "retention.csv", "ropa.csv", "notices.atom",
                 "schemas/program.schema.json"):
        assert (rendered / name).is_file(), name
    for name in ("about.md", "benchmarks.md", "editing-data.md"):
        assert (rendered / name).read_bytes() == (ROOT / "content" / name).read_bytes()
    assert not (rendered / "notices.json").read_text().startswith("---")


def test_the_navigation_names_only_pages_that_are_there(rendered: Path) -> None:
    text = (rendered / "nav.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(text)["nav"]
    paths = nav_paths(nav)
    assert {"index.md", "notices/micro-coaching.md", "retention.md", "about.md"} <= set(paths)
    assert [p for p in paths if not (rendered / p).is_file()] == []
    employees = next(item["For employees"] for item in nav if "For employees" in item)
    assert [next(iter(entry.values())) for entry in employees] == [
        "notices/index.md", "notices/lms-milestones.md", "notices/micro-coaching.md"]


def test_another_generator_publishes_the_same_pages(project: Path, rendered: Path,
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    """The render built by the engine with the portal's plugin removed (as a generator that
    ignores it would): every generated page's content is the plugin build's, and the site is
    refused for publishing, having no manifest and no gate."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - govportal:")
    config = config[:start] + config[config.index("\n\n", start):]
    config = config.replace("docs_dir: content", f"docs_dir: {rendered}")
    other = tmp_path / "other.yml"
    other.write_text(config + "\n" + (rendered / "nav.yml").read_text("utf-8"), "utf-8")
    env = {**os.environ, **EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    for config_file, site in ((other, tmp_path / "other-site"),
                              (project / "mkdocs.yml", tmp_path / "plugin-site")):
        built = subprocess.run([*engines.build_command(ENGINE), "--strict", "-q", "-f",
                                str(config_file), "-d", str(site)],
                               cwd=project, capture_output=True, text=True, env=env, timeout=300)
        assert built.returncode == 0, built.stderr

    def article(site: Path, page: str) -> str:
        html = (site / page).read_text(encoding="utf-8")
        # The plugin cleans an archived version's HTML with nh3, which writes the permalink
        # sign as the character; the other generator keeps Markdown's entity.
        return html[html.index("<article"):html.index("</article>")].replace("&para;", "¶")

    pages = ["index.html", "notices/micro-coaching/index.html",
             "notices/micro-coaching/v1.1/index.html", "notices/lms-milestones/changes/index.html",
             "guides/lms-milestones/index.html", "registers/disclosure-coverage/index.html",
             "retention/index.html", "checklists/pre-launch-review/index.html"]
    for page in pages:
        other, plugin = article(tmp_path / "other-site", page), article(tmp_path / "plugin-site",
                                                                        page)
        assert other == plugin, (page, "".join(difflib.unified_diff(
            plugin.splitlines(True), other.splitlines(True), n=1))[:3000])
    assert not (tmp_path / "other-site" / manifest.NAME).exists()

    assert cli.main(["verify-manifest", str(tmp_path / "other-site")]) == 1
    assert f"other-site/ has no {manifest.NAME}" in capsys.readouterr().err


FORGED_DATA = "0" * 64  # a forger can claim any data fingerprint


def test_a_manifest_forged_for_a_site_without_the_plugin_is_refused(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A site built without the plugin, given a manifest that matches its files: it still has
    no notices the gate checked."""
    site = tmp_path / "site"
    (site / "notices" / "micro-coaching").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Portal</h1>", "utf-8")
    (site / "notices" / "micro-coaching" / "index.html").write_text("<h1>Notice</h1>", "utf-8")
    manifest.write(site, FORGED_DATA, "2026-11-18", "public")
    assert cli.main(["verify-manifest", str(site)]) == 1
    assert ("site/ has no notices.json: the governance portal's plugin did not run (a build "
            "that skipped it, or a generator that ignores plugins, such as Zensical), so no "
            "disclosure gate checked this site") in capsys.readouterr().err

    (site / "notices.json").write_text(json.dumps({"notices": [
        {"id": "micro-coaching", "url": "notices/micro-coaching/"}]}), "utf-8")
    manifest.write(site, FORGED_DATA, "2026-11-18", "public")
    assert cli.main(["verify-manifest", str(site)]) == 1
    assert ("site/notices/micro-coaching/index.html (the notice 'micro-coaching') has no "
            "disclosure sections") in capsys.readouterr().err

    (site / "notices.json").write_text(json.dumps({"notices": [
        {"id": "lms-milestones", "url": "notices/lms-milestones/"}]}), "utf-8")
    manifest.write(site, FORGED_DATA, "2026-11-18", "public")
    assert cli.main(["verify-manifest", str(site)]) == 1
    assert ("site/notices.json lists the notice 'lms-milestones' at notices/lms-milestones/, "
            "but the site has no page there") in capsys.readouterr().err


def test_render_refuses_a_folder_it_did_not_write(project: Path) -> None:
    taken = project / "taken"
    taken.mkdir(exist_ok=True)
    (taken / "notes.txt").write_text("mine", "utf-8")
    result = render(project, "taken")
    assert result.returncode == 2
    assert result.stderr == ("govportal render: taken is not empty and was not written by "
                             "`govportal render`: name a new or empty folder (an earlier render "
                             "is replaced)\n")
    assert (taken / "notes.txt").read_text("utf-8") == "mine"


def test_render_replaces_an_earlier_render_whole(project: Path, rendered: Path) -> None:
    (rendered / "stale.md").write_text("old", "utf-8")
    result = render(project)
    assert result.returncode == 0, result.stderr
    assert not (rendered / "stale.md").exists()
    assert (rendered / "notices" / "micro-coaching.md").is_file()


def test_render_reports_bad_data_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    broken = portal_copy(tmp_path)
    program = broken / "data" / "programs" / "micro-coaching.yaml"
    program.write_text(program.read_text("utf-8").replace("owner:", "ownr:", 1), "utf-8")
    result = render(broken)
    assert result.returncode == 1
    assert re.search(r"data/programs/micro-coaching\.yaml:\d+:\d+: error \[", result.stderr)
    assert "nothing was published" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (broken / "portable").exists()
