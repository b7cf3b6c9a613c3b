"""Shared fixtures: the repository root, example cases, and a helper to build real sites."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govportal.publish import engines

# No skip under CI unless allowed, no empty parameter list, the count at the end; pytester
# runs a small suite inside a test (tests/unit/test_suite_rules.py).
pytest_plugins = ["tests.suite_rules", "pytester"]

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
# The engine every test build uses: the one installed (MkDocs in .venv, ProperDocs in
# .venv-properdocs), or GOVPORTAL_ENGINE.
ENGINE = engines.choose(os.environ.get("GOVPORTAL_ENGINE") or None)


def bench_module(name: str):
    """A script of ``bench/`` (not a package) loaded as module ``bench_<name>``, with
    ``bench/`` on the path so that it can import its neighbours."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module
    spec.loader.exec_module(module)
    return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-cases", action="store_true",
                     help="rewrite the rule cases' expected.txt from the current output (each "
                     "rewritten file fails its test: review the diff, then run again)")


@pytest.fixture
def update_cases(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-cases"))


def copy_case(base: Path, overlay: Path | None, dest: Path) -> Path:
    """Copy a valid data folder, then lay an invalid case's files over it.

    An overlay file named ``<name>.delete`` removes ``<name>`` from the copy."""
    shutil.copytree(base, dest)
    if overlay is not None:
        for src in overlay.rglob("*"):
            if src.is_dir():
                continue
            rel = src.relative_to(overlay)
            if src.name.endswith(".delete"):
                (dest / rel.parent / src.name.removesuffix(".delete")).unlink()
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
    return dest


def mutated(tmp_path: Path, base: Path, edits: list[tuple[str, str, str]]) -> Path:
    """Copy the data folder ``base`` and apply text edits ``(file, old, new)`` to it."""
    data = tmp_path / "data"
    shutil.copytree(base, data)
    for name, old, new in edits:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer contains {old!r}: update the test's edit"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def make_site(tmp: Path, data: Path, extra_config: str = "", content: dict | None = None) -> Path:
    """Write a small MkDocs project around ``data`` in ``tmp`` and return its folder."""
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    if data != project / "data":
        shutil.copytree(data, project / "data")
    (project / "content").mkdir(exist_ok=True)
    for name, text in (content or {}).items():
        path = project / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    # The repository's own severities are its business: a test project starts from the
    # plugin's defaults, and a test that needs a severity writes its own.
    config = re.sub(r"^      severities: .*\n", "", config, flags=re.M)
    (project / "mkdocs.yml").write_text(config + extra_config, encoding="utf-8")
    return project


def portal_copy(tmp: Path) -> Path:
    """The repository's own portal (its data, pages, lock file and archive) as a project in
    ``tmp``."""
    project = make_site(tmp, ROOT / "data")
    shutil.copytree(ROOT / "content", project / "content", dirs_exist_ok=True)
    shutil.copyfile(ROOT / "notices.lock.json", project / "notices.lock.json")
    shutil.copytree(ROOT / "notices-archive", project / "notices-archive")
    return project


def lock_notices(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``govportal lock`` in ``project`` (records its notices as published)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "govportal.cli", "lock"], cwd=project, capture_output=True,
        text=True, env=full_env, timeout=300,
    )


def mkdocs_build(project: Path, *args: str, env: dict | None = None,
                 lock: bool = True) -> subprocess.CompletedProcess:
    """Run a real strict build of ``project`` by :data:`ENGINE` (``mkdocs build`` or
    ``properdocs build``) and capture its output.

    With ``lock`` (the default), a project without a notice lock file is locked first, as a
    policy owner would before publishing; pass ``lock=False`` to build it as it is."""
    if lock and not (project / "notices.lock.json").exists():
        lock_notices(project, env)
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [*engines.build_command(ENGINE), "--strict", "-q", *args],
        cwd=project, capture_output=True, text=True, env=full_env, timeout=300,
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test`` runs two workers), each test file runs whole on one
    worker (its module-scoped sites are built once), and the browser tests all on the same
    worker (they share one published site and one Chromium per session)."""
    for item in items:
        path = item.path.relative_to(ROOT).as_posix() if item.path.is_relative_to(ROOT) \
            else str(item.path)
        group = "browser" if path.startswith("tests/browser/") else path
        item.add_marker(pytest.mark.xdist_group(group))
