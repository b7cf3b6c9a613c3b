"""The benchmark's plugin-off project: every page the plugin generates written out as plain
Markdown with its metadata, the plugin removed from the configuration (built for real in
the benchmark; here only written, from the repository's own portal)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import bench_module, portal_copy

run = bench_module("run")


def test_the_plugin_off_project_holds_every_generated_page(tmp_path: Path) -> None:
    project = portal_copy(tmp_path / "portal")
    answer = run._worker_export(str(project), str(tmp_path / "plain"))
    plain = tmp_path / "plain"
    notice = (plain / "content" / "notices" / "micro-coaching.md").read_text(encoding="utf-8")
    assert notice.startswith("---\n")
    meta = yaml.safe_load(notice.split("---\n", 2)[1])
    assert meta["program_id"] == "micro-coaching" and meta["govportal"] == "notice"
    assert "# Privacy notice: Micro-coaching tips for managers" in notice
    assert (plain / "content" / "notices.json").is_file()  # a generated file, as it is
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - govportal:" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - govportal:" not in config and "\nnav:\n" in config
    written = sorted(p.relative_to(plain / "content").as_posix()
                     for p in (plain / "content").rglob("*.md"))
    assert {"de/notices/micro-coaching.md", "notices/micro-coaching/v1.0.md", "retention.md",
            "registers/disclosure-coverage.md"} <= set(written)
    assert answer["pages"] >= 40
