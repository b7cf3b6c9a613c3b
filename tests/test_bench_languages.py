"""The benchmark's translator edit changes what a published German page prints.

``bench/languages.py`` measures ``mkdocs serve`` after a one-line change to a German
translation. An edit to a program whose pages are not published in German would rebuild
nothing a reader sees, and the benchmark would time a rebuild that renders no page again.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import bench_module, mkdocs_build
from tests.test_synth import TODAY

synth = bench_module("synth")
languages = bench_module("languages")


def test_the_translator_edit_changes_a_published_german_guide(tmp_path: Path) -> None:
    one = synth.generate(4, tmp_path / "one", today=TODAY)
    two = tmp_path / "two"
    languages.two_language_copy(one, two)
    first = next(iter(json.loads((two / "data/translations/de/programs.yaml").read_text())))
    assert first not in languages.german_programs(two)  # the case an edit must pass over
    rel, old, new = languages.translation_line_edit(two)
    path = two / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1  # the benchmark replaces the first occurrence
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    edited = old.split('"', 2)[1]  # the program whose record the edit starts at
    assert edited in languages.german_programs(two)
    build = mkdocs_build(two, "--site-dir", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr[-3000:]
    guide = tmp_path / "site" / "de" / "guides" / edited / "index.html"
    assert "(bearbeitet)" in guide.read_text(encoding="utf-8")
