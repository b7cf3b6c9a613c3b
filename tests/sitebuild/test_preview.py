"""The live preview (`make serve`: `mkdocs serve --strict --dirty`): a rebuild renders again
only the pages whose inputs changed, and what it publishes is what a full build of the same
files publishes, byte for byte (the search index, the sitemap and the manifest included).

The builds run in a child process, as `mkdocs serve --dirty` runs them: one process, a fresh
configuration for every build, MkDocs' `build(..., dirty=True)` into the same site folder.
The child reports, after each build, whether it passed, which pages the preview rendered
again and every site file's modification time (a file not rewritten keeps it). The last test
runs a real `mkdocs serve --dirty` and edits the data under it. Nothing is timed."""

from __future__ import annotations

import filecmp
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import lock_notices
from tests.sitebuild.test_editions import CONTACT_NAME, edit, project_for

EPOCH = "1795305600"  # 2026-11-22, the projects' `today`
SERVE_URL = "http://127.0.0.1:8000/"

DIRTY_SERVE = r"""
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
project, site, dirty = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "dirty"
out = []
for number, line in enumerate(sys.stdin):
    for rel, old, new in json.loads(line):
        path = project / rel
        if new is None:
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if number == 0:
        config.plugins.on_startup(command="serve", dirty=dirty)
    config.site_url = "http://127.0.0.1:8000/"
    try:
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        ok = True
    except SystemExit:
        ok = False
    preview = config.plugins["govportal"].preview
    out.append({"ok": ok, "rendered": sorted(preview.render) if preview else None,
                "kept": sorted(preview.kept) if preview else None,
                "files": {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
                          for p in site.rglob("*") if p.is_file()} if site.is_dir() else {}})
print(json.dumps(out))
"""

Edit = tuple[str, str, str | None]


def _builds(project: Path, site: Path, builds: list[list[Edit]],
            mode: str = "dirty") -> list[dict]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    lines = "".join(json.dumps(edits) + "\n" for edits in builds)
    result = subprocess.run([sys.executable, "-c", DIRTY_SERVE, str(project), str(site), mode],
                            input=lines, capture_output=True, text=True, env=env,
                            cwd=project, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _full_build(project: Path, site: Path) -> None:
    """The same project built whole, as a clean `mkdocs serve` builds it."""
    assert _builds(project, site, [[]], mode="clean")[0]["ok"]


def _differences(left: Path, right: Path) -> list[str]:
    def walk(compared: filecmp.dircmp, prefix: str) -> list[str]:
        out = [prefix + name for name in compared.left_only + compared.right_only]
        out += [prefix + name for name in compared.diff_files]
        for name, sub in compared.subdirs.items():
            out += walk(sub, f"{prefix}{name}/")
        return out
    filecmp.clear_cache()
    return walk(filecmp.dircmp(left, right), "")


def _search_pages(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#", 1)[0] for doc in index["docs"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = project_for(tmp_path / "preview", None,
                          content={"about-us.md": "# About us\n\nWe run training.\n"})
    assert lock_notices(project).returncode == 0
    return project


GUIDE = "guides/learning/index.html"
GUIDE_EDIT: Edit = ("data/programs/learning.yaml", "  ask: The people team.",
                    "  ask: The people team (edited).")


def test_a_data_edit_renders_again_only_its_pages_and_the_site_equals_a_full_build(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    first, edited = _builds(project, site, [[], [GUIDE_EDIT]])
    assert first["ok"] and edited["ok"]
    # the first build renders everything; the edit only what prints the changed line
    assert len(first["rendered"]) == len(first["kept"]) > 20
    assert "guides/learning.md" in edited["rendered"]
    assert 1 <= len(edited["rendered"]) < len(first["rendered"]) / 4
    # the guide's page was written again and shows the edit; a kept page was not rewritten
    assert "The people team (edited)." in (site / GUIDE).read_text(encoding="utf-8")
    assert edited["files"][GUIDE] != first["files"][GUIDE]
    notice = "notices/learning/index.html"
    assert "notices/learning.md" not in edited["rendered"]
    assert edited["files"][notice] == first["files"][notice]
    rewritten = [f for f in first["files"] if f.endswith(".html")
                 and edited["files"].get(f) != first["files"][f]]
    assert len(rewritten) <= len(edited["rendered"]) + 1  # + the 404 page, always written
    # the search index still holds every page, and the whole site equals a full build
    full = tmp_path / "full"
    _full_build(project, full)
    assert _search_pages(site) == _search_pages(full)
    assert len(_search_pages(site)) >= len(first["rendered"]) - 2
    assert _differences(site, full) == []


def test_a_new_title_in_the_navigation_renders_every_page_again(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    title = ("data/checklists.yaml", "title: Pre-launch review",
             "title: Pre-launch review of a program")
    first, renamed, page = _builds(project, site, [[], [title], [
        ("content/about-us.md", "# About us", "# Who we are")]])
    assert first["ok"] and renamed["ok"] and page["ok"]
    # the checklist's title is in every page's navigation; so is a hand-written page's
    assert renamed["rendered"] == first["rendered"]
    assert page["rendered"] == first["rendered"]
    full = tmp_path / "full"
    _full_build(project, full)
    assert "Who we are" in (site / "about-us" / "index.html").read_text(encoding="utf-8")
    assert _differences(site, full) == []


def test_a_removed_page_leaves_the_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    first, removed = _builds(project, site, [[], [("content/about-us.md", "", None)]])
    assert first["ok"] and removed["ok"]
    assert "about-us/index.html" in first["files"]
    assert "about-us/index.html" not in removed["files"]
    full = tmp_path / "full"
    _full_build(project, full)
    assert _differences(site, full) == []


def test_broken_data_keeps_the_last_good_preview_and_the_next_build_is_whole(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    broken = ("data/programs/learning.yaml", "  ask: The people team.",
              "  ask: [The people team.")
    fixed = ("data/programs/learning.yaml", "  ask: [The people team.",
             "  ask: The people team (edited).")
    first, failed, again = _builds(project, site, [[], [broken], [fixed]])
    assert first["ok"] and not failed["ok"] and again["ok"]
    # nothing was written by the failed build: every file is the last good one
    assert failed["files"] == first["files"]
    assert "[The people team" not in (site / GUIDE).read_text(encoding="utf-8")
    full = tmp_path / "full"
    _full_build(project, full)
    assert _differences(site, full) == []


def test_a_failed_build_is_not_taken_for_a_good_one(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    leak = ("content/about-us.md", "We run training.", f"We run training. Ask {CONTACT_NAME}.")
    builds = _builds(project, site, [[], [leak], [], [GUIDE_EDIT]])
    assert [b["ok"] for b in builds] == [True, False, False, False]
    # the leaking page was rendered in a failed build: it is rendered and scanned again
    assert "about-us.md" in builds[2]["rendered"]
    assert "about-us.md" in builds[3]["rendered"]


def test_a_full_build_renders_every_page(project: Path, tmp_path: Path) -> None:
    # without --dirty (and under `mkdocs build`) the preview is off: nothing is kept
    builds = _builds(project, tmp_path / "site", [[], [GUIDE_EDIT]], mode="clean")
    assert all(b["ok"] and b["rendered"] is None for b in builds)


# ------------------------------------------------------------------ a real `mkdocs serve`


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    """A running `mkdocs serve --strict --dirty` and the lines it has printed."""

    def __init__(self, project: Path, tmp: Path) -> None:
        self.port = _free_port()
        tmp.mkdir()
        self.tmp = tmp  # where MkDocs makes the folder it serves
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
               "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a",
             f"127.0.0.1:{self.port}"], cwd=project, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: list[str] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.rstrip())
                self.cond.notify_all()

    def wait_for(self, pattern: str, after: int) -> int:
        end = time.monotonic() + 300
        with self.cond:
            while True:
                for i in range(after, len(self.lines)):
                    if pattern in self.lines[i]:
                        return i
                left = end - time.monotonic()
                assert left > 0 and self.proc.poll() is None, (
                    f"no {pattern!r} from mkdocs serve:\n" + "\n".join(self.lines[-40:]))
                self.cond.wait(left)

    def site(self) -> Path:
        [site] = self.tmp.glob("mkdocs_*")
        return site

    def get(self, path: str) -> str:
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def test_under_mkdocs_serve_an_edit_shows_and_broken_data_keeps_the_last_good_preview(
        project: Path, tmp_path: Path) -> None:
    guide = project / "data" / "programs" / "learning.yaml"
    server = _Server(project, tmp_path / "tmp")
    try:
        server.wait_for("Serving on", 0)
        time.sleep(1.0)  # the watcher's first look at the files
        first = len(server.lines)
        edit(guide, "  ask: The people team.", "  ask: The people team (edited).")
        server.wait_for("Reloading browsers", first)
        assert "The people team (edited)." in server.get("guides/learning/")
        broken = len(server.lines)
        edit(guide, "  ask: The people team (edited).", "  ask: [The people team.")
        server.wait_for("Aborted with a BuildError", broken)
        said = "\n".join(server.lines[broken:])
        # the problem, located, in the terminal, and no traceback
        assert re.search(r"data/programs/learning\.yaml:\d+:\d+: error \[", said), said
        assert "Traceback" not in said and "Reloading browsers" not in said
        # the last good preview stays: no page is reloaded, and the served folder still
        # holds the last good pages (MkDocs holds requests until the data is fixed)
        served = (server.site() / GUIDE).read_text(encoding="utf-8")
        assert "The people team (edited)." in served and "[The people" not in served
        fixed = len(server.lines)
        edit(guide, "  ask: [The people team.", "  ask: The people team (fixed).")
        server.wait_for("Reloading browsers", fixed)
        assert "The people team (fixed)." in server.get("guides/learning/")
        said = "\n".join(server.lines)
        # MkDocs' warning about dirty builds does not abort the strict preview
        assert "Aborted with 1 warnings" not in said and "WARNING" not in said, said
    finally:
        server.stop()
