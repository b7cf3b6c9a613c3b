"""The language layer: fingerprints, the policy in another language, links under /<lang>/,
the translator's commands and the portal's own catalogs."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.cli import main
from govportal.data.build_memo import TranslationMemo, once_per_build
from govportal.data.translatable import fingerprint, source_texts, translated_policy
from govportal.pages import wording_catalog
from govportal.pages.environment import reader_list, reader_period
from govportal.pipeline.languages import page_url, relink
from govportal.rules import registry
from govportal.rules.families import i18n
from govportal.text import portal_catalogs
from tests.conftest import CASES, ROOT, copy_case

RULES = CASES / "rules"


def test_a_fingerprint_is_the_short_sha256_of_the_text_with_its_spaces_collapsed() -> None:
    assert fingerprint("Hello world") == "64ec88ca00b2"
    assert fingerprint("  Hello\n   world \n") == "64ec88ca00b2"
    assert fingerprint("Hello World") != "64ec88ca00b2"


def test_the_policy_in_german_has_the_translations_and_the_same_ids() -> None:
    policy = pipeline.check(ROOT / "data").policy
    german = translated_policy(policy, "de")
    program = german.programs["micro-coaching"]
    assert program.title == "Micro-Coaching-Impulse für Führungskräfte"
    assert german.jurisdictions_by_id["de"].name == "Deutschland"
    assert [p.id for p in program.purposes] == [p.id for p in
                                                policy.programs["micro-coaching"].purposes]
    assert policy.programs["micro-coaching"].title == "Micro-coaching tips for managers"


def test_german_is_complete_and_spanish_is_begun(tmp_path: Path) -> None:
    """German (required in Germany) has every text and the portal's wording; Spanish
    (optional in California, tests/cases/i18n/spanish-begun) is begun, so its gaps are
    warnings and it is not published."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "tests" / "cases" / "i18n" / "spanish-begun" / "translations",
                    data / "translations", dirs_exist_ok=True)
    organisation = data / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    california = "    supervisory_authority: us-ca-cppa\n    languages: {required: [en]}\n"
    assert text.count(california) == 1
    organisation.write_text(text.replace(
        california, california.replace("[en]}", "[en], optional: [es]}")), encoding="utf-8")
    assert not pipeline.check(ROOT / "data").problems.warnings
    result = pipeline.check(data, label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("i18n.")] == [
        "data/programs/lms-milestones.yaml:12:12: warning [i18n.missing] data_subjects[0].group:"
        " programs 'lms-milestones' has no Spanish (es) translation of 51 text(s): "
        "data_subjects.0.group, collection.how, collection.other_sources.none, "
        "purposes.development-planning.description and 47 more (optional in California)\n"
        "    hint: add them to data/translations/es/programs.yaml under 'lms-milestones', each "
        "with `source:` the fingerprint of its source text (`govportal translations status es` "
        "prints them)",
        "govportal/locale/es/LC_MESSAGES/messages.po: warning [i18n.portal-wording] the "
        "portal's own wording has no Spanish (es) catalog (optional in California)\n"
        "    hint: run `govportal translations catalog es` and translate every message of the "
        "new catalog"]
    assert len(source_texts(result.policy)) > 300


@pytest.mark.parametrize(("markdown", "expected"), [
    ("See the [schedule](../retention.md).", "See the [schedule](../../retention.md)."),
    ("The [guide](../guides/a.md#x).", "The [guide](../guides/a.md#x)."),
    ("[mail](mailto:a@b.example) [web](https://b.example) [top](#top)",
     "[mail](mailto:a@b.example) [web](https://b.example) [top](#top)"),
    # a sibling that has no German page: the English one, two folders up and back in
    ("The [other notice](b.md#rights).", "The [other notice](../../notices/b.md#rights)."),
    ("The [other guide](../guides/b.md).", "The [other guide](../../guides/b.md)."),
    ("The [feed](../notices.atom).", "The [feed](../../notices.atom)."),
    ("The [sibling](a.md) [itself](#x).", "The [sibling](a.md) [itself](#x)."),
])
def test_links_from_a_page_under_its_language_folder(markdown: str, expected: str) -> None:
    assert relink(markdown, "notices/a.md", "de", {"notices/a.md", "guides/a.md"}) == expected


@pytest.mark.parametrize(("markdown", "expected"), [
    ("[Notices](notices/index.md) [a](notices/a.md)",
     "[Notices](notices/index.md) [a](../notices/a.md)"),
    ("[The registers](registers/)", "[The registers](../registers/)"),
])
def test_links_from_the_home_page_under_its_language_folder(markdown: str,
                                                            expected: str) -> None:
    assert relink(markdown, "index.md", "de", {"notices/index.md"}) == expected


def test_page_urls() -> None:
    assert page_url("de/index.md") == "de/"
    assert page_url("de/notices/a.md") == "de/notices/a/"
    assert page_url("de/notices/a.md", use_directory_urls=False) == "de/notices/a.html"


def test_lists_and_periods_in_the_readers_language() -> None:
    assert reader_list(["a", "b", "c"], "en", "or") == "a, b or c"
    assert reader_list(["a", "b", "c"], "de", "or") == "a, b oder c"
    assert reader_period("90 days", "de") == "90 Tage"
    assert reader_period("1 year", "de") == "1 Jahr"
    assert reader_period("90 days", "en") == "90 days"


def test_stamp_records_the_current_source_and_nothing_else(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    data = copy_case(RULES / "base", RULES / "i18n.stale" / "fail" / "data", tmp_path / "data")
    target = data / "translations" / "de" / "programs.yaml"
    before = target.read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - govportal:\n"
                                         "      data_dir: data\n", encoding="utf-8")
    code = main(["translations", "stamp", "de", "--config", str(tmp_path / "mkdocs.yml")])
    assert code == 0
    assert capsys.readouterr().out == "stamped programs coaching summary\n"
    after = target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
               if a != b]
    assert changed == [("    source: 0123456789ab", "    source: 9fb901ca69a2")]
    result = pipeline.check(data, registry.Options())
    assert [p.rule for p in result.problems if p.rule == "i18n.stale"] == []


def test_todo_prints_what_is_missing_as_a_translation_file(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    data = copy_case(RULES / "base", RULES / "i18n.missing" / "fail" / "data", tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - govportal:\n"
                                         "      data_dir: data\n", encoding="utf-8")
    assert main(["translations", "todo", "de", "--config", str(tmp_path / "mkdocs.yml")]) == 0
    assert data.is_dir()
    out = capsys.readouterr().out
    assert out.startswith("# translations/de/programs.yaml\ncoaching:\n  summary:  # missing\n"
                          "    source: \"9fb901ca69a2\"\n    text: \"")
    assert "# translations/de/checklists.yaml\npre-launch-review:\n  title:  # missing\n" in out


def test_the_committed_catalogs_are_up_to_date() -> None:
    assert wording_catalog.stale() == []


def test_untranslated_portal_wording_is_reported(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    locale = tmp_path / "govportal" / "locale"
    (locale / "de" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "messages.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Your rights"\nmsgstr ""\n\n'
        'msgctxt "basis.consent"\nmsgid "your consent"\nmsgstr ""\n', encoding="utf-8")
    (locale / "de" / "LC_MESSAGES" / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Your rights"\nmsgstr ""\n\n'
        'msgctxt "basis.consent"\nmsgid "your consent"\nmsgstr "Ihre Einwilligung"\n',
        encoding="utf-8")
    monkeypatch.setattr(portal_catalogs, "LOCALE_DIR", locale)
    monkeypatch.setattr(portal_catalogs, "TEMPLATE", locale / "messages.pot")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    data = copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / "data")
    result = pipeline.check(data, registry.Options(), label_base=tmp_path)
    assert [p.format_text() for p in result.problems] == [
        "govportal/locale/de/LC_MESSAGES/messages.po:5:1: error [i18n.portal-wording] the "
        "portal's own wording has no German (de) translation of 1 message(s): 'Your rights' "
        "(required in Germany)\n    hint: fill in each msgstr (and remove any `#, fuzzy` mark "
        "once it is checked); `govportal translations catalog` adds new messages"]
    # the catalog filled in: the next check (a live preview's) reads it again
    po = locale / "de" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgid "Your rights"\nmsgstr ""', 'msgid "Your rights"\nmsgstr "Ihre Rechte"'),
        encoding="utf-8")
    again = pipeline.check(data, registry.Options(), label_base=tmp_path)
    assert [p.format_text() for p in again.problems] == []


def test_catalog_check_exits_1_when_a_template_gains_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(portal_catalogs.LOCALE_DIR, locale)
    monkeypatch.setattr(wording_catalog, "LOCALE_DIR", locale)
    monkeypatch.setattr(wording_catalog, "TEMPLATE", locale / "messages.pot")
    monkeypatch.setattr(wording_catalog, "po_path",
                        lambda code: locale / code / "LC_MESSAGES" / "messages.po")
    assert wording_catalog.stale() == []
    (locale / "messages.pot").write_text("", encoding="utf-8")
    assert wording_catalog.stale() == [locale / "messages.pot"]


def test_german_reading_ease_is_amstads_formula() -> None:
    """180 − words per sentence − 58.5 × syllables per word: 7 words, 2 sentences and
    8 syllables ("läuft" one, "Katze" two) give 180 − 3.5 − 58.5 × 8/7 = 109.6."""
    from govportal.text.readability import measure

    score = measure("Der Hund läuft schnell. Die Katze schläft.", "de")
    assert (score.words, score.sentences, score.syllables) == (7, 2, 8)
    assert score.flesch == 109.6
    assert measure("Der Hund läuft schnell. Die Katze schläft.").flesch != 109.6


def test_the_pull_request_summary_names_translations_that_became_stale(tmp_path: Path) -> None:
    from govportal.changes import prsummary

    base = copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / "a")
    head = copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / "b")
    program = head / "programs" / "coaching.yaml"
    text = program.read_text(encoding="utf-8")
    summary = pipeline.check(base).policy.programs["coaching"].summary
    program.write_text(text.replace(summary[:30], "Short tips, now also by e-mail. " +
                                    summary[:30], 1), encoding="utf-8")
    before, after = pipeline.check(base).policy, pipeline.check(head).policy
    assert after.programs["coaching"].summary != summary
    stale = prsummary.became_stale(before, after)
    assert stale == ["German (de): programs 'coaching' summary"]
    assert prsummary.became_stale(before, before) == []
    markdown = prsummary.to_markdown([], "`main`", "this pull request", [], stale)
    assert markdown == (
        "## What employees and managers will see change\n\n"
        "Comparing the policy data of `main` with this pull request.\n\n"
        "### Translations now out of date\n\n"
        "These texts changed, but not their translations: the pages in those languages still "
        "say what the text said before (`govportal translations todo LANG` lists them).\n\n"
        "- German (de): programs 'coaching' summary\n\n"
        "Nothing that employees or managers read changes.\n")


def test_the_pull_request_summary_names_translations_that_changed(tmp_path: Path) -> None:
    from govportal.changes import prsummary

    base = copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / "a")
    head = copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / "b")
    path = head / "translations" / "de" / "programs.yaml"
    text = path.read_text(encoding="utf-8")
    before = pipeline.check(base).policy
    german = before.translations["de"]["programs"].root["coaching"]["summary"].text
    assert german in text
    path.write_text(text.replace(german, "Kurze Tipps, jetzt auch per E-Mail.", 1), "utf-8")
    after = pipeline.check(head).policy
    changed = prsummary.translations_changed(before, after)
    assert changed == ["German (de): programs 'coaching' summary (changed)"]
    assert prsummary.translations_changed(after, before) == changed
    assert prsummary.translations_changed(before, before) == []
    markdown = prsummary.to_markdown([], "`main`", "this pull request", [], [], changed)
    assert markdown == (
        "## What employees and managers will see change\n\n"
        "Comparing the policy data of `main` with this pull request.\n\n"
        "### Translations changed\n\n"
        "The words readers of these languages will see change: ask someone who reads the "
        "language to review them.\n\n"
        "- German (de): programs 'coaching' summary (changed)\n\n"
        "Nothing that employees or managers read changes.\n")
    # a translation removed, and one added, say so
    shutil.rmtree(head / "translations")
    gone = prsummary.translations_changed(before, pipeline.check(head).policy)
    assert gone and all(line.endswith("(removed)") for line in gone)
    assert prsummary.translations_changed(pipeline.check(head).policy, before)[0].endswith(
        "(new)")


def test_a_build_whose_steps_share_a_memo_translates_once_for_the_check_and_the_pages(
        ) -> None:
    """A build checks its data in one call and renders its pages in another: both enter a
    scope with the build's memo, so the pages get the translation the rules made; a scope
    inside another uses the outer one's; a scope of its own starts empty."""
    policy = pipeline.check(ROOT / "data").policy
    memo: dict = {}
    with once_per_build(memo):
        german = translated_policy(policy, "de")
        with once_per_build():  # nested: the outer scope's memo
            assert translated_policy(policy, "de") is german
    assert memo  # what the first step made stays with the build
    with once_per_build(memo):  # the next step of the same build
        assert translated_policy(policy, "de") is german
    with once_per_build():  # another build
        assert translated_policy(policy, "de") is not german


def _german_text_changed(policy, pid: str, key: str, text: str):
    """A later build's policy after a translator's edit: the same records, the German
    programs file read again with one text changed."""
    files = dict(policy.translations["de"])
    entries = {rid: dict(texts) for rid, texts in files["programs"].root.items()}
    entries[pid][key] = entries[pid][key].model_copy(update={"text": text})
    files["programs"] = files["programs"].model_copy(update={"root": entries})
    return dataclasses.replace(policy, translations={**policy.translations, "de": files},
                               _indexes={})


def test_a_live_preview_translates_again_only_the_records_whose_texts_changed() -> None:
    policy = pipeline.check(ROOT / "data").policy
    kept = TranslationMemo()
    fresh = translated_policy(policy, "de")
    with once_per_build(kept=kept):
        first = translated_policy(policy, "de")
        texts = source_texts(policy)
    translated = kept.made
    assert translated >= 2 and kept.reused == 0  # every record that has German texts
    assert first.programs == fresh.programs and first.organisation == fresh.organisation
    later = dataclasses.replace(policy, _indexes={})  # the next build: the same records
    with once_per_build(kept=kept):
        again = translated_policy(later, "de")
        assert source_texts(later) == texts
    assert (kept.made, kept.reused) == (translated, translated)
    assert again.programs["micro-coaching"] is first.programs["micro-coaching"]
    # a translator edits one program's German title: that program alone is made again
    edited = _german_text_changed(policy, "micro-coaching", "title", "Neu betitelt")
    with once_per_build(kept=kept):
        changed = translated_policy(edited, "de")
    assert (kept.made, kept.reused) == (translated + 1, 2 * translated - 1)
    assert changed.programs["micro-coaching"].title == "Neu betitelt"
    assert changed.programs["lms-milestones"] is first.programs["lms-milestones"]
    assert changed.programs == translated_policy(edited, "de").programs  # as made afresh
    # a record read again (another object, the same values) is translated again
    copy = policy.programs["lms-milestones"].model_copy()
    reread = dataclasses.replace(edited, programs={**edited.programs, "lms-milestones": copy},
                                 _indexes={})
    with once_per_build(kept=kept):
        assert translated_policy(reread, "de").programs["lms-milestones"] == \
            first.programs["lms-milestones"]
    assert kept.made == translated + 2
    # a program removed from the data: neither its texts nor its translation are kept
    assert ("de", "programs", "lms-milestones") in kept.translated
    assert any(slot[:2] == ("programs", "lms-milestones") for slot in kept.texts)
    removed = dataclasses.replace(reread, programs={
        pid: p for pid, p in reread.programs.items() if pid != "lms-milestones"},
        _indexes={})
    with once_per_build(kept=kept):
        translated_policy(removed, "de")
    assert ("de", "programs", "lms-milestones") not in kept.translated
    assert not any(slot[:2] == ("programs", "lms-milestones") for slot in kept.texts)
    assert ("de", "programs", "micro-coaching") in kept.translated


def test_within_a_build_a_policy_is_translated_once_per_language() -> None:
    policy = pipeline.check(ROOT / "data").policy
    with once_per_build():
        german = translated_policy(policy, "de")
        assert german is translated_policy(policy, "de")
        assert german.programs["micro-coaching"].title == \
            "Micro-Coaching-Impulse für Führungskräfte"
        assert translated_policy(policy, "fr") is policy  # no French texts: as it is
        texts = source_texts(policy)
        texts.clear()  # a caller's copy: the next caller still gets every text
        assert source_texts(policy)[("programs", "micro-coaching", "title")].text == \
            "Micro-coaching tips for managers"
        # another policy (a later build's) is translated from its own texts
        retitled = policy.programs["micro-coaching"].model_copy(update={"title": "Edited"})
        later = dataclasses.replace(policy, programs={**policy.programs,
                                                      "micro-coaching": retitled}, _indexes={})
        assert source_texts(later)[("programs", "micro-coaching", "title")].text == "Edited"
        assert translated_policy(later, "de") is not german
    # outside a build every call works afresh: a policy changed in place is seen
    assert translated_policy(policy, "de") is not german
    del policy.translations["de"]["programs"].root["micro-coaching"]["title"]
    assert translated_policy(policy, "de").programs["micro-coaching"].title == \
        "Micro-coaching tips for managers"


def test_an_organisation_published_in_one_language_gathers_no_translatable_texts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The translation rules have nothing to compare when no page is published in another
    language and no translation file exists: the check does not walk the data for
    translatable texts (a walk of every record, a sixth of the rules' time at 1,000
    programs). One required language more, and the walk is made and its texts missed."""
    from govportal.data import translatable
    from tests.unit.rule_runs import BASE, TODAY, report_after

    def refuse(policy: object) -> None:
        raise AssertionError("the translatable texts were gathered")

    monkeypatch.setattr(translatable, "_source_texts", refuse)
    result = pipeline.check(BASE, registry.Options(today=TODAY), label_base=BASE.parent)
    assert not [p for p in result.problems if p.rule.startswith("i18n.")]
    monkeypatch.undo()
    german = report_after(tmp_path, [("organisation.yaml", "    supervisory_authority: "
                                      "de-be-blnbdi\n", "    supervisory_authority: "
                                      "de-be-blnbdi\n    languages: {required: [de]}\n")])
    assert "[i18n.missing]" in german and "has no German (de) translation" in german


def test_the_templates_gettext_formats_as_jinjas_newstyle_gettext_does() -> None:
    """`_()` is always a format string, with or without variables, and its result is
    the portal's own wording (printed as it is); the shortcut for a text with no `%` and
    no variables gives what formatting it would."""
    import jinja2
    from markupsafe import Markup

    from govportal.pages.environment import environment

    ours = environment()
    theirs = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    theirs.install_gettext_callables(gettext=lambda t: t, ngettext=lambda s, p, n: s,
                                     newstyle=True)
    for source in ("{{ _('Your rights') }}", "{{ _('100%% of teams') }}",
                   "{{ _('%(n)s programs', n=3) }}",
                   "{% trans n=2 %}{{ n }} notices{% endtrans %}",
                   "{{ _('a <b>') }}"):
        assert ours.from_string(source).render() == theirs.from_string(source).render(), source
    assert isinstance(ours.globals["_"]("Your rights"), Markup)
    for env in (ours, theirs):  # a lone % is a broken format string in both
        with pytest.raises(TypeError):
            env.from_string("{{ _('100% of teams') }}").render()
