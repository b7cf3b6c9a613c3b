"""Rebuilds in one process, as `mkdocs serve` makes them: a page whose HTML did not change
is not read again by the output checks and the edition scan, what changed is, and every
problem is still reported; the site equals what a full build writes.

The builds run in a child process (a fresh interpreter, like `mkdocs serve`), which reports
for each build whether it passed and how many pages each check read. Nothing is timed."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import lock_notices, mkdocs_build
from tests.sitebuild.test_editions import CONTACT_NAME, edit, project_for

SERVE_LIKE = r"""
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
project, site = Path(sys.argv[1]), sys.argv[2]
out = []
for line in sys.stdin:
    edits = json.loads(line)
    for rel, old, new in edits:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    try:
        build(config)
        ok = True
    except SystemExit:
        ok = False
    state = config.plugins["govportal"].build
    out.append({"ok": ok, "output": dict(state.output_reads),
                "scan": dict(state.scan.counts) if state.scan else {}})
print(json.dumps(out))
"""


def _serve_like(project: Path, site: Path, builds: list[list[tuple[str, str, str]]]) -> list:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    lines = "".join(json.dumps(edits) + "\n" for edits in builds)
    result = subprocess.run([sys.executable, "-c", SERVE_LIKE, str(project), str(site)],
                            input=lines, capture_output=True, text=True, env=env,
                            cwd=project, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_for(tmp_path_factory.mktemp("rebuild"), None,
                          content={"about-us.md": "# About us\n\nWe run training.\n"})
    assert lock_notices(project).returncode == 0
    return project


GUIDE_EDIT = ("data/programs/learning.yaml", "  ask: The people team.",
              "  ask: The people team (edited).")


def test_only_changed_pages_are_read_again_and_the_site_equals_a_full_build(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    first, same, edited = _serve_like(project, site, [[], [], [GUIDE_EDIT]])
    assert first["ok"] and same["ok"] and edited["ok"]
    pages = first["output"]["read"]
    assert pages > 10 and first["output"]["unchanged since the last build"] == 0
    assert first["scan"]["pages read while rendered"] > pages  # hand-written ones too
    # nothing changed: nothing is read again
    assert same["output"] == {"read": 0, "unchanged since the last build": pages}
    assert same["scan"]["pages read while rendered"] == 0
    # one line of one program: its guide and the pages that print that line are read again
    assert 1 <= edited["output"]["read"] < pages / 2
    assert edited["output"]["read"] + edited["output"]["unchanged since the last build"] \
        == pages
    # what the rebuilds published is what a full build of the same data publishes
    full = mkdocs_build(project)
    assert full.returncode == 0, full.stderr[-3000:]
    compared = filecmp.dircmp(site, project / "site")
    assert _differences(compared) == []


def _differences(compared: filecmp.dircmp, prefix: str = "") -> list[str]:
    out = [prefix + name for name in compared.left_only + compared.right_only]
    out += [prefix + name for name in compared.diff_files
            if not name.endswith(".gz") and name != "govportal-manifest.json"]
    for name, sub in compared.subdirs.items():
        out += _differences(sub, f"{prefix}{name}/")
    return out


def test_an_edit_that_leaks_fails_the_rebuild_and_an_unchanged_leak_is_still_found(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    leak = ("content/about-us.md", "We run training.", f"We run training. Ask {CONTACT_NAME}.")
    builds = _serve_like(project, site, [[], [leak], []])
    edit(project / "content" / "about-us.md", f" Ask {CONTACT_NAME}.", "")  # for other tests
    assert [b["ok"] for b in builds] == [True, False, False]
    # the third build wrote the same leaking page again: not read again, still reported
    assert builds[2]["scan"]["pages unchanged since the last build"] > 0


def test_a_broken_edit_keeps_the_last_good_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    broken = ("data/programs/learning.yaml", "  ask: The people team",
              "  ask: [The people team")
    try:
        first, failed = _serve_like(project, site, [[], [broken]])
    finally:
        edit(project / "data" / "programs" / "learning.yaml", "  ask: [The people team",
             "  ask: The people team")
    assert first["ok"] and not failed["ok"]
    # the data is checked before any page is written: the last good pages stay
    guide = next(site.glob("guides/*/index.html")).read_text(encoding="utf-8")
    assert "The people team" in guide and "[The people team" not in guide
