"""Templates are compiled once: kept between builds and processes, compiled afresh when
edited (what a policy owner or a template author changes must show)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest

from govportal.pages import environment as env_module


@pytest.fixture
def compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A private temporary folder for Jinja's cache, and a count of compilations."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.delenv(env_module.CACHE_SETTING, raising=False)
    seen: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process starts with: nothing compiled in memory."""
    monkeypatch.setattr(env_module, "_COMPILED", env_module._CompiledTemplates())


def _render(templates: Path) -> str:
    return env_module.environment(templates).get_template("x.md.j2").render(n=1)


def test_a_new_process_loads_what_an_earlier_one_compiled(tmp_path: Path, compiles: list,
                                                          monkeypatch) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "x.md.j2").write_text("one {{ n }}\n", encoding="utf-8")
    _fresh_process(monkeypatch)
    assert _render(templates) == "one 1\n"
    assert compiles == ["x.md.j2"]
    assert len(list((tmp_path / "tmp").rglob("govportal-*.cache"))) == 1
    _fresh_process(monkeypatch)
    assert _render(templates) == "one 1\n"
    assert compiles == ["x.md.j2"]  # loaded, not compiled again
    (templates / "x.md.j2").write_text("two {{ n }}\n", encoding="utf-8")
    _fresh_process(monkeypatch)
    assert _render(templates) == "two 1\n"  # the edit shows
    assert compiles == ["x.md.j2", "x.md.j2"]


def test_the_disk_copy_can_be_switched_off(tmp_path: Path, compiles: list,
                                           monkeypatch) -> None:
    monkeypatch.setenv(env_module.CACHE_SETTING, "off")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "x.md.j2").write_text("one {{ n }}\n", encoding="utf-8")
    for _ in range(2):
        _fresh_process(monkeypatch)
        assert _render(templates) == "one 1\n"
    assert compiles == ["x.md.j2", "x.md.j2"]
    assert not list((tmp_path / "tmp").rglob("govportal-*.cache"))


def test_a_damaged_cache_file_is_compiled_afresh(tmp_path: Path, compiles: list,
                                                 monkeypatch) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "x.md.j2").write_text("one {{ n }}\n", encoding="utf-8")
    _fresh_process(monkeypatch)
    _render(templates)
    [cached] = (tmp_path / "tmp").rglob("govportal-*.cache")
    cached.write_bytes(cached.read_bytes()[:40])
    _fresh_process(monkeypatch)
    assert _render(templates) == "one 1\n"
    assert compiles == ["x.md.j2", "x.md.j2"]
