"""The history of a notice in another language, built in the test process from the
repository's own data, lock and archive (German versions 1.1 and 1.2 of ``lms-milestones``):
which versions, the German version and "what changed" pages, the German list of versions.

What the pages say is written out here (the Markdown handed to MkDocs; the site builds in
``tests/sitebuild/test_languages.py`` check the rendered HTML of the same pages).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.changes.archive import Archive
from govportal.changes.history import History, changes_uri, relink, version_uri
from govportal.changes.lock import Correction, load_lock
from govportal.pages.environment import environment
from govportal.pages.page import Page
from govportal.problems import Problems
from tests.conftest import ROOT

PID = "lms-milestones"
KNOWN = {"notices/lms-milestones.md", "de/notices/lms-milestones.md",
         "notices/micro-coaching.md", "de/notices/micro-coaching.md",
         "registers/retention.md", "de/guides/lms-milestones.md"}


@pytest.fixture
def history(tmp_path: Path) -> History:
    shutil.copytree(ROOT / "notices-archive", tmp_path / "notices-archive")
    lock = load_lock(ROOT / "notices.lock.json", "notices.lock.json", Problems())
    archive = Archive(tmp_path / "notices-archive", "notices-archive", tmp_path)
    policy = pipeline.check(ROOT / "data").policy
    return History(policy, lock, archive, environment(), dt.date(2026, 12, 10), 30,
                   environments=lambda code: environment(None, code))


def by_uri(pages: list[Page]) -> dict[str, Page]:
    return {p.src_uri: p for p in pages}


def test_addresses_in_another_language() -> None:
    assert version_uri(PID, "1.2", "de") == "de/notices/lms-milestones/v1.2.md"
    assert changes_uri(PID, "de") == "de/notices/lms-milestones/changes.md"
    assert version_uri(PID, "1.2") == "notices/lms-milestones/v1.2.md"


def test_the_versions_locked_in_german(history: History) -> None:
    assert history.languages(PID) == ["de"]
    assert history.languages("no-such-program") == []
    german = history.versions(PID, "de")
    assert [(v.version, v.first, v.current, v.until) for v in german] == [
        ("1.2", False, True, None), ("1.1", True, False, dt.date(2026, 12, 2))]
    assert german[0].entry.summary.startswith("Der Abschnitt über Gesundheitsangaben hat jetzt")
    assert german[1].entry.summary.startswith("Der Hinweis nennt Ihre Rechte jetzt getrennt")
    assert german[0].differences == []  # 1.1 → 1.2 changed a heading, no fact
    english = history.versions(PID)
    assert [v.version for v in english] == ["1.2", "1.1", "1.0"]
    assert english[0].entry.summary.startswith("The section on health information now has")


def test_the_german_pages_of_the_history(history: History) -> None:
    pages = by_uri(history.pages(KNOWN))
    mine = sorted(uri for uri in pages if uri.startswith("de/notices/lms-milestones/"))
    assert mine == ["de/notices/lms-milestones/changes.md",
                    "de/notices/lms-milestones/v1.1.md", "de/notices/lms-milestones/v1.2.md"]
    old = pages["de/notices/lms-milestones/v1.1.md"]
    assert old.title == ("Datenschutzhinweis: Lerndaten in Einzelgesprächen und Beurteilungen "
                         "(Fassung 1.1)")
    assert old.meta == {"govportal": "notice-version", "program_id": PID,
                        "notice_version": "1.1", "notice_language": "de", "language": "de",
                        "search": {"exclude": True}}
    assert old.in_nav is False and old.section == "employees"
    lines = old.markdown.splitlines()
    assert lines[0] == ("# Datenschutzhinweis: Lerndaten in Einzelgesprächen und Beurteilungen "
                        "(Fassung 1.1)")
    assert '<p class="admonition-title">Eine frühere Fassung dieses Hinweises</p>' in lines
    assert ("Fassung 1.1 galt vom 1. Dezember 2026 bis zum 2. Dezember 2026.") in lines
    assert ("[Zum aktuellen Hinweis](../lms-milestones.md) · [Was sich in dieser Fassung "
            "geändert hat](changes.md#v1-1) · [Der genaue Text dieser Fassung]"
            "(../../../notices/lms-milestones/v1.1/de.txt) (sein SHA-256-Wert steht in "
            "[notices.json](../../../notices.json))") in lines
    assert "## Health information" in lines  # what the German text of 1.1 said
    current = pages["de/notices/lms-milestones/v1.2.md"].markdown
    assert ('<p class="admonition-title">Die aktuelle Fassung unter ihrer dauerhaften '
            "Adresse</p>") in current
    assert "## Angaben zu Ihrer Gesundheit" in current


def test_the_german_what_changed_page(history: History) -> None:
    page = by_uri(history.pages(KNOWN))["de/notices/lms-milestones/changes.md"]
    assert page.title == "Was sich geändert hat: Lerndaten in Einzelgesprächen und Beurteilungen"
    assert page.meta == {"govportal": "notice-changes", "program_id": PID, "language": "de"}
    text = page.markdown
    assert text.startswith(
        "# Was sich geändert hat: Lerndaten in Einzelgesprächen und Beurteilungen\n\n"
        "Jede Fassung dieses Datenschutzhinweises, die neueste zuerst, und was jede für Sie "
        "geändert hat. [Zum aktuellen Hinweis](../lms-milestones.md).\n\n"
        "Frühere Fassungen wurden nur in der Originalsprache des Hinweises veröffentlicht: "
        "[alle Fassungen](../../../notices/lms-milestones/changes.md).\n")
    assert "## Fassung 1.2 { #v1-2 }\n\n*Gültig ab 2. Dezember 2026.* [Fassung 1.2 lesen]" \
           "(v1.2.md)\n" in text
    assert "## Fassung 1.1 { #v1-1 }\n\n*Gültig vom 1. Dezember 2026 bis zum 2. Dezember " \
           "2026.* [Fassung 1.1 lesen](v1.1.md)\n" in text
    assert text.count("Dies war die erste Fassung dieses Hinweises in dieser Sprache.") == 1
    assert text.count("Wie Ihre Daten verwendet werden, hat sich nicht geändert, nur der "
                      "Wortlaut des Hinweises.") == 1
    assert "Fassung 1.0" not in text


def test_the_english_what_changed_page_is_unchanged_by_the_translation(
        history: History) -> None:
    page = by_uri(history.pages(KNOWN))["notices/lms-milestones/changes.md"]
    assert page.title == "What changed: Learning records in 1:1s and reviews"
    assert page.meta == {"govportal": "notice-changes", "program_id": PID}
    assert "Earlier versions were published" not in page.markdown
    assert "## Version 1.0 { #v1-0 }" in page.markdown


def test_a_german_correction_is_shown_in_german(history: History) -> None:
    history.lock.notices[PID]["1.1"].translations["de"].corrections.append(Correction(
        date=dt.date(2026, 12, 5), reason="Eine Leerzeile fehlte.", replaces="a" * 64,
        wording_unchanged=True))
    pages = by_uri(history.pages(KNOWN))
    line = ('<p class="gp-correction"><strong>Berichtigt am 5. Dezember 2026</strong> (nur '
            "die Darstellung; der Wortlaut ist unverändert): Eine Leerzeile fehlte.</p>")
    assert line in pages["de/notices/lms-milestones/v1.1.md"].markdown.splitlines()
    assert line in pages["de/notices/lms-milestones/changes.md"].markdown.splitlines()
    assert "Berichtigt" not in pages["notices/lms-milestones/v1.1.md"].markdown
    assert "Corrected on" not in pages["notices/lms-milestones/v1.1.md"].markdown


def test_a_german_difference_is_said_in_german(history: History) -> None:
    facts = history.lock.notices[PID]["1.1"].facts
    del facts.purposes["development-planning"]
    (first, _) = history.versions(PID, "de")
    assert [(d.kind, d.change, d.text) for d in first.differences] == [
        ("purpose", "added", "Neuer Zweck: Ihre Weiterbildung und Entwicklung gemeinsam mit "
         "Ihrer Führungskraft planen")]
    changes = by_uri(history.pages(KNOWN))["de/notices/lms-milestones/changes.md"].markdown
    assert ("**Was sich an der Verwendung Ihrer Daten geändert hat**\n\n- Neuer Zweck: Ihre "
            "Weiterbildung und Entwicklung gemeinsam mit Ihrer Führungskraft planen (wichtig)"
            ) in changes


def test_the_german_notice_lists_its_german_versions(history: History) -> None:
    notice = Page("de/notices/lms-milestones.md", "Datenschutzhinweis", "# Titel\n\nText.\n",
                  "employees", {"program_id": PID, "language": "de"})
    decorated = history.decorate(notice, notice.markdown)
    assert decorated.startswith("# Titel\n\nText.\n\n")
    assert decorated.endswith(
        '<nav class="gp-versions" aria-label="Fassungen dieses Hinweises" markdown>\n\n'
        "**Fassungen dieses Hinweises**\n\n"
        "- [Fassung 1.2](lms-milestones/v1.2.md): gültig ab 2. Dezember 2026 (diese Fassung)\n"
        "- [Fassung 1.1](lms-milestones/v1.1.md): gültig vom 1. Dezember 2026 bis zum "
        "2. Dezember 2026\n\n"
        "[Was sich in jeder Fassung geändert hat](lms-milestones/changes.md)\n\n</nav>\n")
    # a page in a language for which the history has no templates is left as it is
    history.environments = None
    assert history.decorate(notice, notice.markdown) == notice.markdown
    assert not [p for p in history.pages(KNOWN) if p.src_uri.startswith("de/")]


def test_links_of_a_german_text_are_made_to_work_one_folder_deeper() -> None:
    known = {"de/guides/lms-milestones.md", "registers/retention.md"}
    assert relink("[Leitfaden](../guides/lms-milestones.md)", PID, known, "de") == (
        "[Leitfaden](../../guides/lms-milestones.md)")
    assert relink("[Fristen](../registers/retention.md)", PID, known, "de") == "Fristen"
    # a German page's link to a page that exists only at the root already leads there
    assert relink("[Fristen](../../registers/retention.md)", PID, known, "de") == (
        "[Fristen](../../../registers/retention.md)")
    assert relink("[Fristen](../registers/retention.md)", PID, known) == (
        "[Fristen](../../registers/retention.md)")


def test_a_notice_locked_in_german_from_its_first_version_names_no_earlier_ones(
        history: History) -> None:
    del history.lock.notices[PID]["1.0"]  # now every version was locked in German too
    text = by_uri(history.pages(KNOWN))["de/notices/lms-milestones/changes.md"].markdown
    assert "Frühere Fassungen wurden nur in der Originalsprache" not in text
    assert "Dies war die erste Fassung dieses Hinweises in dieser Sprache." not in text
    assert text.count("Dies war die erste veröffentlichte Fassung dieses Hinweises.") == 1


def test_german_pages_link_to_the_current_notice_only_where_it_is_in_german(
        history: History) -> None:
    pages = by_uri(history.pages(KNOWN - {"de/notices/lms-milestones.md"}))
    german = pages["de/notices/lms-milestones/v1.1.md"].markdown
    assert "[Zum aktuellen Hinweis]" not in german
    assert ("[Was sich in dieser Fassung geändert hat](changes.md#v1-1) · [Der genaue Text "
            "dieser Fassung](../../../notices/lms-milestones/v1.1/de.txt)") in german
    changes = pages["de/notices/lms-milestones/changes.md"].markdown
    assert changes.startswith(
        "# Was sich geändert hat: Lerndaten in Einzelgesprächen und Beurteilungen\n\n"
        "Jede Fassung dieses Datenschutzhinweises, die neueste zuerst, und was jede für Sie "
        "geändert hat.\n")
    # the English pages link to theirs: a program's notice in its own language is always
    # built, whatever the set of known pages holds
    english = pages["notices/lms-milestones/v1.1.md"].markdown
    assert "[Read the current notice](../lms-milestones.md) · " in english
    pages = by_uri(history.pages(KNOWN - {"notices/lms-milestones.md"}))
    assert "[Read the current notice](../lms-milestones.md) · " in (
        pages["notices/lms-milestones/v1.1.md"].markdown)
    assert "[Zum aktuellen Hinweis](../lms-milestones.md) · " in (
        pages["de/notices/lms-milestones/v1.1.md"].markdown)


def test_links_in_an_archived_german_text_are_made_to_work_one_folder_deeper(
        history: History) -> None:
    path = history.archive.path(PID, "1.1", "de")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nSiehe den [Leitfaden](../guides/lms-milestones.md).\n",
                    encoding="utf-8")
    page = by_uri(history.pages(KNOWN))["de/notices/lms-milestones/v1.1.md"]
    assert "Siehe den [Leitfaden](../../guides/lms-milestones.md)." in page.markdown


def test_an_archived_german_text_without_its_heading_takes_the_german_title(
        history: History) -> None:
    path = history.archive.path(PID, "1.1", "de")
    heading, _, rest = path.read_text(encoding="utf-8").partition("\n")
    assert heading.startswith("# Datenschutzhinweis: ")
    path.write_text(rest.lstrip("\n"), encoding="utf-8")
    page = by_uri(history.pages(KNOWN))["de/notices/lms-milestones/v1.1.md"]
    assert page.title == "Lerndaten in Einzelgesprächen und Beurteilungen (Fassung 1.1)"
    assert page.markdown.startswith(
        "# Lerndaten in Einzelgesprächen und Beurteilungen (Fassung 1.1)\n")


def test_the_banner_of_a_german_notice_is_in_german(history: History) -> None:
    notice = Page("de/notices/micro-coaching.md", "Datenschutzhinweis", "# Titel\n\nText.\n",
                  "employees", {"program_id": "micro-coaching", "language": "de"})
    decorated = history.decorate(notice, notice.markdown)
    assert decorated.startswith(
        "# Titel\n\n"
        '<div class="gp-change-banner admonition warning" role="note" markdown>\n'
        '<p class="admonition-title">Dieser Hinweis hat sich am 1. Dezember 2026 geändert</p>'
        "\n\n<p>Der Hinweis nennt Ihre Rechte jetzt getrennt für die EU, das Vereinigte "
        "Königreich und Kalifornien, nennt jede Beschwerdestelle mit ihrer Anschrift, sagt, "
        "wie Sie das Micro-Coaching verlassen, und hält die eigene Garantie des Vereinigten "
        "Königreichs für Daten fest, die in die Vereinigten Staaten gelangen.</p>\n\n"
        "[Was sich geändert hat und was es für Sie bedeutet](micro-coaching/changes.md#v1-3)"
        "\n</div>\n\nText.\n")


def test_the_templates_of_another_language_are_asked_only_for_that_language(
        history: History) -> None:
    asked: list[str | None] = []

    def environments(code: str | None):
        asked.append(code)
        return environment(None, code)

    history.environments = environments
    english = Page("notices/micro-coaching.md", "Privacy notice", "# Title\n\nText.\n",
                   "employees", {"program_id": "micro-coaching"})
    decorated = history.decorate(english, english.markdown)
    assert '<p class="admonition-title">This notice changed on December 1, 2026</p>' in (
        decorated)
    assert asked == []
    history.pages(KNOWN)
    assert asked and set(asked) == {"de"}


def test_one_environment_per_language_gives_the_pages_fresh_ones_give(
        history: History) -> None:
    """The build makes each language's templates once (``pipeline.rendering.environments``)
    and its history pages are the ones an environment made afresh for each notice gives."""
    from govportal.pipeline.rendering import environments

    fresh = [(p.src_uri, p.title, p.markdown, p.meta) for p in history.pages(KNOWN)]
    made_in = environments(None)
    assert made_in("de") is made_in("de")
    assert made_in("de") is not made_in("en")
    history.env, history.environments = made_in("en"), made_in
    assert [(p.src_uri, p.title, p.markdown, p.meta) for p in history.pages(KNOWN)] == fresh
