"""How the public-edition scan reads a site file: a value must be found however the page
wraps, escapes or splits it (the real builds are in tests/sitebuild/test_editions.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govportal.publish.edition_scan import (
    Internal,
    LeakScanner,
    Reading,
    group_by_key_word,
    inner_words,
    read_site_file,
    readable_text,
)

SECRET = "Residual risk accepted by the CISO"


@pytest.mark.parametrize(("name", "content"), [
    ("plain.html", f"<p>{SECRET}</p>"),
    ("split.html", "<p>Residual <em>risk</em> accepted by the <strong>CISO</strong></p>"),
    ("glued.html", "<p>Residual risk accepted by the CI<span>SO</span></p>"),
    ("paragraphs.html", "<p>Residual risk</p><p>accepted by the CISO</p>"),
    ("entities.html", "<p>Residual&#32;risk accepted by&nbsp;the &#x43;ISO</p>"),
    ("wrapped.html", "<p>Residual risk\n   accepted by\tthe CISO</p>"),
    ("attribute.html", f'<a title="a &gt; b {SECRET}" href="#">x</a>'),
    ("quoted-gt.html", f'<p><a title="1 > 0">one</a> {SECRET}</p>'),
    ("comment.html", f"<!-- {SECRET} --><p>x</p>"),
    ("script.html", f"<script>var x = '{SECRET}';</script>"),
    ("index.json", json.dumps({"docs": [{"text": "<p>Residual <code>risk</code> accepted by "
                                                 "the CISO</p>"}]})),
    ("escaped.json", json.dumps({"t": "Residual risk accepted by the CISO é"},
                                ensure_ascii=True)),
    ("notes.csv", f'id,note\n1,"{SECRET}"\n'),
])
def test_a_value_is_found_however_the_file_holds_it(tmp_path: Path, name: str,
                                                     content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert SECRET in readable_text(path)


def test_text_that_only_looks_alike_is_not_found(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Residual risk was accepted by the CISO</p>", encoding="utf-8")
    assert SECRET not in readable_text(path)


def test_inner_words_leave_out_the_edges_a_page_may_glue_to_other_words() -> None:
    assert inner_words("Checked in review SEC-0042.") == {"in", "review", "SEC", "0042"}
    assert inner_words("Okonkwo-Lindqvist") == set()


def test_values_sharing_words_are_told_apart_by_their_rarest_inner_word() -> None:
    values = [Internal(f"Checked in review SEC-{i:04d}.", "data/p.yaml", ("dpia",))
              for i in range(50)]
    groups = group_by_key_word(values)
    assert sorted(groups) == [f"{i:04d}" for i in range(50)]
    scanner = LeakScanner(values)
    assert scanner.find(_reading("We said: Checked in review\n  SEC-0007. Then")) == [values[7]]
    assert scanner.find(_reading("Checked in review SEC-0070.")) == []


@pytest.mark.parametrize("text", [
    "xChecked in review SEC-0042.",  # glued at the start: the first word is no clue
    "see SOC2-LMS-2026-77y",  # glued at the end
    "ask Okonkwo-Lindqvist",  # a value without an inner word is compared with every text
])
def test_a_value_glued_to_its_neighbours_is_still_found(text: str) -> None:
    values = [Internal("Checked in review SEC-0042.", "a", ("x",)),
              Internal("SOC2-LMS-2026-77", "a", ("y",)), Internal("Okonkwo-Lindqvist", "a",
                                                                  ("z",)),
              Internal("Not in any text at all", "a", ("w",))]
    found = LeakScanner(values).find(_reading(text))
    assert len(found) == 1 and found[0].text in text


def _reading(text: str) -> Reading:
    return Reading([text])


def test_json_strings_are_read_whole_and_apart(tmp_path: Path) -> None:
    many = [f"entry {i} with nothing to hide" for i in range(20_000)]
    split = "Residual <em>risk</em> accepted by the CISO"  # found only with the tags removed
    strings = ['<p title="left open', split, 'a quote" here>', *many,
               "Residual risk accepted", "by the CISO"]
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"docs": strings}), encoding="utf-8")
    readings = read_site_file(path)
    assert len(readings) > 1  # read a few strings at a time, not as one text
    scanner = LeakScanner([Internal(SECRET, "data/vendors.yaml", ("risk_notes",))])
    # Found once: a tag left open in one string does not swallow the next ones, and a
    # value is not pieced together from two strings.
    assert [i for i, r in enumerate(readings) if scanner.find(r)] == [0]


@pytest.mark.parametrize("page", [
    "<p>Residual risk</p><p>accepted by the CISO</p>",  # only with a tag read as a space
    "<p>Residual risk accepted by the CI<span>SO</span></p>",  # only with a tag as nothing
])
def test_the_scanner_reads_a_page_both_ways(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    scanner = LeakScanner([Internal(SECRET, "data/vendors.yaml", ("risk_notes",))])
    assert [len(scanner.find(r)) for r in read_site_file(path)] == [1]


@pytest.fixture(scope="module")
def leaky_policy(tmp_path_factory: pytest.TempPathFactory):
    import datetime as dt

    from govportal import pipeline
    from govportal.rules.registry import Options
    from tests.sitebuild.test_editions import internal_data

    data = internal_data(tmp_path_factory.mktemp("internal"))
    result = pipeline.check(data, Options(today=dt.date(2026, 11, 22)), label_base=data.parent)
    assert not result.problems.errors
    return result.policy


def test_every_text_file_of_a_site_is_read_and_nothing_else(tmp_path: Path,
                                                             leaky_policy) -> None:
    from govportal.publish.edition_scan import find_leaks
    from tests.sitebuild.test_editions import CONTACT_NAME, LEAKING_FILES

    site = tmp_path / "site"
    for name, text in {**LEAKING_FILES, "page.HTML": f"<p>{CONTACT_NAME}</p>",
                       "font.woff2": CONTACT_NAME, "image.png": CONTACT_NAME,
                       "notes": CONTACT_NAME}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    found = f" contains the internal-only field contacts[0].name of " \
            f"data/incident-response.yaml ('{CONTACT_NAME}')"
    assert find_leaks(site, leaky_policy) == sorted(
        f"{name}{found}" for name in [*LEAKING_FILES, "page.HTML"])


def test_a_theme_file_is_passed_over_only_while_unchanged(tmp_path: Path, leaky_policy) -> None:
    from govportal.publish.edition_scan import find_leaks
    from tests.sitebuild.test_editions import CONTACT_NAME

    theme = tmp_path / "theme.js"
    theme.write_text(f"// {CONTACT_NAME}\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "theme.js").write_text(theme.read_text("utf-8"), encoding="utf-8")
    copies = {"assets/theme.js": str(theme)}
    assert find_leaks(site, leaky_policy, theme_copies=copies) == []
    (site / "assets" / "theme.js").write_text(f"// {CONTACT_NAME}!\n", encoding="utf-8")
    assert len(find_leaks(site, leaky_policy, theme_copies=copies)) == 1


@pytest.mark.parametrize(("directory_urls", "page"), [
    (True, "registers/assessments/index.html"), (True, "registers/assessments.html"),
    (False, "registers/assessments.html")])
def test_an_internal_page_is_named_wherever_it_is_written(tmp_path: Path, leaky_policy,
                                                          directory_urls: bool,
                                                          page: str) -> None:
    from govportal.publish.edition_scan import find_leaks

    (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / page).write_text("<p>nothing internal</p>", encoding="utf-8")
    assert find_leaks(tmp_path, leaky_policy, directory_urls) == [
        f"{page} is an internal-only page"]
