"""The peer in the benchmark: the portal's pages as a site hand-templated with
mkdocs-macros-plugin would make them, reading the organisation's YAML with PyYAML's C loader
and validating nothing.

Starting from the plugin-off export (every generated page as plain Markdown, the same
navigation, theme and extensions), each program's notice and manager guide is replaced by a
hand-written macros template (``macros_peer/notice.md``, ``guide.md``) rendered from the
program's YAML at build time; the other pages stay as exported. The build of this project is
what a team without the portal would run for the same site.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "macros_peer"
REQUIREMENTS = HERE / "requirements-bench.txt"


def ensure_installed() -> None:
    """Install the bench-only requirements into this Python when the macros plugin is
    missing (``make bench`` runs in the project's .venv)."""
    if importlib.util.find_spec("mkdocs_macros") is not None:
        return
    print("installing the benchmark's peer (bench/requirements-bench.txt)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True)


def make(project: Path, plain: Path, dest: Path) -> int:
    """Write the macros project at ``dest`` from the plugin-off export ``plain`` and the
    data of ``project``; returns the number of pages templated with macros."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(plain, dest, ignore=shutil.ignore_patterns("site"))
    shutil.copytree(project / "data", dest / "data")
    shutil.copy2(TEMPLATES / "main.py", dest / "main.py")
    notice = (TEMPLATES / "notice.md").read_text(encoding="utf-8")
    guide = (TEMPLATES / "guide.md").read_text(encoding="utf-8")
    templated = 0
    for path in sorted((project / "data" / "programs").glob("*.yaml")):
        pid = path.stem
        for folder, template in (("notices", notice), ("guides", guide)):
            page = dest / "content" / folder / f"{pid}.md"
            if page.exists():
                page.write_text(template.replace("programs[PROGRAM]", f'programs["{pid}"]'),
                                encoding="utf-8")
                templated += 1
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "plugins:\n"
    if entry not in text:
        raise SystemExit(f"{config} has no plugins list to add the macros plugin to")
    text = text.replace(entry, entry + "  - macros:\n      module_name: main\n"
                        "      render_by_default: false\n", 1)
    config.write_text(text, encoding="utf-8")
    return templated
