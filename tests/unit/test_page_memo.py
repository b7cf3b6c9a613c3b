"""The live preview's memo of each program's pages: reused only while nothing they are made
from changed, and then the same pages (and the same coverage page) as made afresh."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from govportal import pipeline
from govportal.pages.page_memo import PageMemo
from govportal.pipeline.languages import language_pages
from govportal.rules import registry
from tests.conftest import ROOT

OPTIONS = registry.Options(today=dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def policy():
    result = pipeline.check(ROOT / "data", OPTIONS)
    assert not result.problems.errors
    return result.policy


def _pages(policy, memo, options=OPTIONS, language="en", edition="public"):
    return {p.src_uri: p for p in pipeline.build_pages(policy, options, None, edition,
                                                        language, memo)}


def _program_page_count(policy) -> int:
    return 2 * len(policy.programs)  # a notice and a manager guide each


def test_the_second_build_reuses_every_program_page_and_publishes_the_same(policy):
    fresh = _pages(policy, None)
    memo = PageMemo()
    memo.begin(b"templates-1")
    first = _pages(policy, memo)
    assert (memo.made, memo.reused) == (4, 0)
    memo.begin(b"templates-1")
    second = _pages(policy, memo)
    assert (memo.made, memo.reused) == (0, 4)
    assert first.keys() == second.keys() == fresh.keys()
    for uri, page in fresh.items():
        assert second[uri] == page, uri
    # the coverage page lists the standard wording each notice printed: the same when the
    # notices came from the memo
    assert second["registers/disclosure-coverage.md"].markdown == \
        fresh["registers/disclosure-coverage.md"].markdown


def test_a_page_given_out_can_be_changed_without_changing_the_kept_one(policy):
    memo = PageMemo()
    memo.begin(b"t")
    first = _pages(policy, memo)
    first["notices/micro-coaching.md"].meta["tags"].append("changed by the caller")
    first["notices/micro-coaching.md"].meta["notice_version"] = "9.9"
    memo.begin(b"t")
    again = _pages(policy, memo)["notices/micro-coaching.md"]
    assert "changed by the caller" not in again.meta["tags"]
    assert again.meta["notice_version"] != "9.9"


def test_an_edited_program_is_made_again_and_only_it(policy):
    memo = PageMemo()
    memo.begin(b"t")
    _pages(policy, memo)
    program = policy.programs["micro-coaching"]
    edited = program.model_copy(update={"title": "Micro-coaching tips, edited"})
    changed = dataclasses.replace(policy, programs={**policy.programs,
                                                    "micro-coaching": edited}, _indexes={})
    memo.begin(b"t")
    pages = _pages(changed, memo)
    assert (memo.made, memo.reused) == (2, 2)
    assert pages["notices/micro-coaching.md"].title == \
        "Privacy notice: Micro-coaching tips, edited"
    assert pages["guides/micro-coaching.md"].title == \
        "Manager guide: Micro-coaching tips, edited"


@pytest.mark.parametrize("change", ["shared file", "templates", "date", "edition",
                                    "programs listed", "no sources"])
def test_what_every_program_page_shares_makes_them_all_again(policy, change):
    memo = PageMemo()
    memo.begin(b"t")
    _pages(policy, memo)
    site, options, edition, changed = b"t", OPTIONS, "public", policy
    if change == "shared file":
        sources = dict(policy.sources)
        assert "organisation.yaml" in sources
        sources["organisation.yaml"] = "0" * 64
        changed = dataclasses.replace(policy, sources=sources)
    elif change == "templates":
        site = b"a template was edited"
    elif change == "date":
        options = registry.Options(today=dt.date(2026, 12, 2))
    elif change == "edition":
        edition = "internal"
    elif change == "programs listed":
        changed = dataclasses.replace(policy, programs=dict(reversed(policy.programs.items())),
                                      _indexes={})
    elif change == "no sources":
        changed = dataclasses.replace(policy, sources={})
    memo.begin(site)
    _pages(changed, memo, options=options, edition=edition)
    assert (memo.made, memo.reused) == (_program_page_count(policy), 0)


def test_a_changed_program_file_alone_does_not_count_as_shared(policy):
    """The programs' own files are not part of what every page shares: a program's file
    whose digest changed but whose loaded program did not (a comment edited) reuses all."""
    memo = PageMemo()
    memo.begin(b"t")
    _pages(policy, memo)
    sources = dict(policy.sources)
    assert "programs/micro-coaching.yaml" in sources
    sources["programs/micro-coaching.yaml"] = "f" * 64
    memo.begin(b"t")
    _pages(dataclasses.replace(policy, sources=sources), memo)
    assert (memo.made, memo.reused) == (0, 4)


def test_each_language_keeps_its_own_pages(policy):
    memo = PageMemo()
    memo.begin(b"t")
    english = _pages(policy, memo)
    german = pipeline.page_builder(policy, OPTIONS, None, "public", "de", memo)
    notice = german.notice(policy.programs["micro-coaching"])
    assert memo.made == 5 and memo.reused == 0
    assert notice.title != english["notices/micro-coaching.md"].title
    assert notice.title.startswith("Datenschutzhinweis")


def _all_pages(policy, memo):
    english = pipeline.build_pages(policy, OPTIONS, None, "public", "en", memo)
    german = language_pages(policy, OPTIONS, None, "public", english, True, memo)
    return {p.src_uri: p for p in [*english, *german]}


def _retranslated(policy, file: str, pid: str, key: str, text: str):
    """The policy with one program's German text changed, as if ``file`` had been edited."""
    files = dict(policy.translations["de"])
    entries = {rid: dict(texts) for rid, texts in files["programs"].root.items()}
    entries[pid][key] = entries[pid][key].model_copy(update={"text": text})
    files["programs"] = files["programs"].model_copy(update={"root": entries})
    sources = dict(policy.sources)
    assert file in sources
    sources[file] = "e" * 64
    return dataclasses.replace(policy, translations={**policy.translations, "de": files},
                               sources=sources, _indexes={})


def test_an_edited_translation_of_one_program_makes_only_its_pages_in_that_language(policy):
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    assert (memo.made, memo.reused) == (8, 0)  # two programs' notice and guide, twice
    changed = _retranslated(policy, "translations/de/programs.yaml", "micro-coaching",
                            "title", "Micro-Coaching-Impulse, bearbeitet")
    memo.begin(b"t")
    pages = _all_pages(changed, memo)
    assert (memo.made, memo.reused) == (2, 6)  # the German notice and guide of one program
    assert pages["de/notices/micro-coaching.md"].title == \
        "Datenschutzhinweis: Micro-Coaching-Impulse, bearbeitet"
    assert pages["de/guides/micro-coaching.md"].title.endswith(
        "Micro-Coaching-Impulse, bearbeitet")
    fresh = _all_pages(changed, None)
    assert pages.keys() == fresh.keys()
    for uri, page in fresh.items():
        assert pages[uri] == page, uri


def test_an_edited_translation_of_what_programs_share_makes_them_all_again(policy):
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    sources = dict(policy.sources)
    sources["translations/de/organisation.yaml"] = "e" * 64
    memo.begin(b"t")
    _all_pages(dataclasses.replace(policy, sources=sources), memo)
    assert (memo.made, memo.reused) == (8, 0)


# ------------------------------------------------------------------ registers and indexes
SOURCE_PAGES = ("index.md", "notices/index.md", "guides/index.md",
                "registers/disclosure-coverage.md", "retention.md", "data-reference.md")


def test_the_registers_and_indexes_are_kept_as_one_list_and_published_the_same(policy):
    fresh = _all_pages(policy, None)
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    assert (memo.lists_made, memo.lists_reused) == (1, 0)  # the source language's only
    memo.begin(b"t")
    again = _all_pages(policy, memo)
    assert (memo.lists_made, memo.lists_reused) == (0, 1)
    assert again.keys() == fresh.keys()
    for uri in SOURCE_PAGES:
        assert uri in fresh
    for uri, page in fresh.items():
        assert again[uri] == page, uri


def test_an_edited_translation_makes_no_register_again_and_the_readability_page_again(policy):
    """A translation is not read by the source language's registers (they are given the
    policy without it); the readability page measures the translated notices, in every
    build."""
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    german = policy.translations["de"]["programs"].root["micro-coaching"]
    key = "notice.first_layer.summary"
    assert key in german
    changed = _retranslated(policy, "translations/de/programs.yaml", "micro-coaching", key,
                            "Kurz gesagt: ein Satz. Noch ein Satz. Und ein dritter Satz.")
    memo.begin(b"t")
    pages = _all_pages(changed, memo)
    assert (memo.lists_made, memo.lists_reused) == (0, 1)
    fresh = _all_pages(changed, None)
    before = _all_pages(policy, None)
    quality = "registers/notice-readability.md"
    assert pages[quality] == fresh[quality] != before[quality]
    for uri, page in fresh.items():
        assert pages[uri] == page, uri


@pytest.mark.parametrize("file", ["organisation.yaml", "programs/micro-coaching.yaml"])
def test_any_other_edited_file_makes_the_registers_again(policy, file):
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    sources = dict(policy.sources)
    assert file in sources
    sources[file] = "0" * 64
    memo.begin(b"t")
    _all_pages(dataclasses.replace(policy, sources=sources), memo)
    assert (memo.lists_made, memo.lists_reused) == (1, 0)
    memo.begin(b"other templates")
    _all_pages(dataclasses.replace(policy, sources=sources), memo)
    assert (memo.lists_made, memo.lists_reused) == (1, 0)


def test_the_registers_see_the_policy_without_its_translations(policy):
    """By construction, not by a promise of the templates: the view they get has no
    translation, no translation file's document and no translation file's digest."""
    from govportal.data.policy import untranslated

    assert policy.translations and policy.translation_files
    view = untranslated(policy)
    assert view.translations == {} and view.translation_files == {}
    labels = set(policy.translation_files.values())
    assert labels and not labels & set(view.documents)
    assert set(view.documents) == set(policy.documents) - labels
    assert set(view.sources) == {k for k in policy.sources
                                 if not k.startswith("translations/")}
    assert view.programs is policy.programs and view.organisation is policy.organisation
    plain = dataclasses.replace(policy, translations={}, translation_files={}, _indexes={})
    assert untranslated(plain) is plain


def test_a_project_template_of_a_register_cannot_read_a_translation(policy, tmp_path):
    """A project's own template for the home page that prints the policy's translations
    finds none in the source language (the German home page, made from the policy as
    translated, is not a register and sees them)."""
    (tmp_path / "home.md.j2").write_text(
        "# Home\n\nTranslations: {{ policy.translations | length }}\n", encoding="utf-8")
    english = pipeline.build_pages(policy, OPTIONS, tmp_path, "public", "en", None)
    home = next(p for p in english if p.src_uri == "index.md")
    assert "Translations: 0" in home.markdown
    assert len(policy.translations) == 1


def test_the_view_without_translations_shares_what_was_decided_of_each_program(policy):
    """The coverage page (made from the view) and the rules, the notices and the exports
    (made from the policy) ask for the same decisions: they are decided once."""
    from govportal.data.policy import untranslated
    from govportal.rules.decisions import decide
    from govportal.rules.facts import facts_for

    program = policy.programs["micro-coaching"]
    first = decide(policy, program)
    view = untranslated(policy)
    again = decide(view, program)
    assert again == first and all(a is b for a, b in zip(again, first, strict=True))
    assert facts_for(view, program) is facts_for(policy, program)


def test_the_pages_of_a_program_removed_from_the_data_are_forgotten(policy):
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    kept = {slot[3] for slot in memo.kept}
    assert kept == {"micro-coaching", "lms-milestones"}
    assert memo.retain({"micro-coaching"}) == 4  # its notice and guide, in two languages
    assert {slot[3] for slot in memo.kept} == {"micro-coaching"}
    assert memo.retain(policy.programs) == 0


def test_a_build_without_a_program_forgets_its_pages(policy):
    memo = PageMemo()
    memo.begin(b"t")
    _all_pages(policy, memo)
    fewer = dataclasses.replace(policy, programs={"micro-coaching":
                                                  policy.programs["micro-coaching"]},
                                _indexes={})
    memo.begin(b"t")
    pipeline.build_pages(fewer, OPTIONS, None, "public", "en", memo)
    assert {slot[3] for slot in memo.kept} == {"micro-coaching"}
