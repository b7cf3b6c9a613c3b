"""The repository's portal built for real: the German pages beside the English ones."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build, portal_copy

SITE_URL = "https://portal.example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = portal_copy(tmp_path_factory.mktemp("languages"))
    result = mkdocs_build(project, env={"GOVPORTAL_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def _html(built: Path, page: str) -> str:
    return (built / page / "index.html").read_text(encoding="utf-8")


def test_the_german_notice_is_published_in_german(built: Path) -> None:
    html = _html(built, "de/notices/micro-coaching")
    assert "<!doctype html>\n<html lang=\"de\" class=\"no-js\">" in html[:60]
    assert "<h1 id=\"datenschutzhinweis-micro-coaching-impulse-fur-fuhrungskrafte\">" \
           "Datenschutzhinweis: Micro-Coaching-Impulse für Führungskräfte" in html
    # no <link rel="alternate"> in the head: Material's script would fetch a sitemap.xml
    # below each one; the twins are named in the sitemap (below) and the language selector
    assert '<link rel="alternate"' not in html
    # every disclosure section is there, marked as in English
    topics = re.findall(r'data-topic="([^"]+)"', html)
    english = re.findall(r'data-topic="([^"]+)"', _html(built, "notices/micro-coaching"))
    assert topics == english and len(topics) >= 10


def test_the_english_notice_names_its_german_twin(built: Path) -> None:
    html = _html(built, "notices/micro-coaching")
    assert "<!doctype html>\n<html lang=\"en\" class=\"no-js\">" in html[:60]
    assert 'href="../../de/notices/micro-coaching/" hreflang="de" lang="de"' in html


def test_the_sitemap_names_each_pages_twins_with_hreflang(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
    for loc in ("notices/micro-coaching/", "de/notices/micro-coaching/"):
        entry = sitemap.split(f"<loc>{SITE_URL}{loc}</loc>", 1)[1].split("</url>", 1)[0]
        assert re.findall(r'<xhtml:link rel="alternate" hreflang="([a-z]+)" href="([^"]+)"/>',
                          entry) == [("de", f"{SITE_URL}de/notices/micro-coaching/"),
                                     ("en", f"{SITE_URL}notices/micro-coaching/")]
    assert "<loc>https://portal.example.org/retention/</loc>" in sitemap


def test_every_reader_page_has_its_german_twin(built: Path) -> None:
    for page in ("", "notices", "guides", "checklists", "notices/micro-coaching",
                 "notices/lms-milestones", "guides/micro-coaching", "guides/lms-milestones",
                 "checklists/before-sharing-lms-data"):
        assert (built / "de" / page / "index.html").is_file(), page
    # the registers are published in English only
    assert not (built / "de" / "retention").exists()


def test_a_link_to_an_english_only_page_leads_there(built: Path) -> None:
    html = _html(built, "de/notices/lms-milestones")
    assert 'href="../../../retention/">Aufbewahrungsplan</a>' in html


def test_the_language_selector_lists_both_languages(built: Path) -> None:
    html = _html(built, "de/guides/micro-coaching")
    links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+" '
                       r'class="md-select__link">\s*([^<]+?)\s*</a>', html)
    assert links == [("../../../guides/micro-coaching/", "en", "English"),
                     ("./", "de", "Deutsch")]


def test_german_words_are_in_the_search_index(built: Path) -> None:
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "de"]
    german = [d for d in index["docs"] if d["location"].startswith("de/notices/micro-coaching/")]
    assert any("Widerspruchsrecht" in d["title"] for d in german), [d["title"] for d in german]


def test_notices_json_has_one_entry_per_notice_and_language(built: Path) -> None:
    notices = json.loads((built / "notices.json").read_text(encoding="utf-8"))["notices"]
    assert [(n["id"], n["language"]) for n in notices] == [
        ("lms-milestones", "en"), ("lms-milestones", "de"),
        ("micro-coaching", "en"), ("micro-coaching", "de")]
    german = notices[1]
    assert german["url"] == f"{SITE_URL}de/notices/lms-milestones/v1.2/"
    assert german["current_url"] == f"{SITE_URL}de/notices/lms-milestones/"
    assert german["title"] == "Lerndaten in Einzelgesprächen und Beurteilungen"
    assert german["version"] == notices[0]["version"]
    assert german["content_hash"] != notices[0]["content_hash"]
    # one chain per version covers the text in every language the lock recorded
    assert german["history_chain"] == notices[0]["history_chain"]
    assert len(german["history_chain"]) == 64


def _text(html: str) -> str:
    """The article's words as a reader sees them (tags removed, spaces joined)."""
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert article, "no article"
    words = re.sub(r"<[^>]+>", " ", article.group(1)).replace("&para;", " ").replace("¶", " ")
    return " ".join(words.split())


def test_the_german_history_pages_are_in_german(built: Path) -> None:
    changes = _html(built, "de/notices/lms-milestones/changes")
    assert '<html lang="de"' in changes[:80]
    text = _text(changes)
    assert text.startswith("Was sich geändert hat: Lerndaten in Einzelgesprächen und "
                           "Beurteilungen Jede Fassung dieses Datenschutzhinweises, die "
                           "neueste zuerst")
    assert ("Fassung 1.2 Gültig ab 2. Dezember 2026. Fassung 1.2 lesen Der Abschnitt über "
            "Gesundheitsangaben hat jetzt in jeder Sprache, in der der Hinweis erscheint, "
            "eine eigene Überschrift. Sonst hat sich nichts geändert.") in text
    assert "Fassung 1.1 Gültig vom 1. Dezember 2026 bis zum 2. Dezember 2026." in text
    # 1.0 was published in English only: the page says so and leads to that history
    assert "Frühere Fassungen wurden nur in der Originalsprache des Hinweises " \
           "veröffentlicht: alle Fassungen" in text
    assert "Fassung 1.0" not in text
    assert 'href="../../../../notices/lms-milestones/changes/">alle Fassungen</a>' in changes
    assert "Dies war die erste Fassung dieses Hinweises in dieser Sprache." in text
    # 1.1 → 1.2 changed a heading only: what is done with the data did not change
    assert ("Wie Ihre Daten verwendet werden, hat sich nicht geändert, nur der Wortlaut des "
            "Hinweises.") in text
    version = _html(built, "de/notices/lms-milestones/v1.1")
    text = _text(version)
    assert text.startswith("Datenschutzhinweis: Lerndaten in Einzelgesprächen und "
                           "Beurteilungen (Fassung 1.1) Eine frühere Fassung dieses Hinweises "
                           "Fassung 1.1 galt vom 1. Dezember 2026 bis zum 2. Dezember 2026.")
    assert "Health information" in text  # what the German text of 1.1 said
    assert 'href="../../../../notices/lms-milestones/v1.1/de.txt">Der genaue Text dieser ' \
           'Fassung</a>' in version
    for number in ("1.1", "1.2"):
        archived = (built.parent / "notices-archive" / "lms-milestones" /
                    f"{number}.de.md").read_text(encoding="utf-8")
        assert (built / "notices" / "lms-milestones" / f"v{number}" / "de.txt").read_text(
            encoding="utf-8") == archived
    current = _text(_html(built, "de/notices/lms-milestones/v1.2"))
    assert "Angaben zu Ihrer Gesundheit" in current and "Health information" not in current


def test_the_german_notice_lists_its_german_versions(built: Path) -> None:
    html = _html(built, "de/notices/lms-milestones")
    nav = re.search(r'<nav aria-label="Fassungen dieses Hinweises" class="gp-versions">'
                    r'(.*?)</nav>', html, re.S)
    assert nav, "no list of versions"
    assert " ".join(re.sub(r"<[^>]+>", " ", nav.group(1)).split()) == (
        "Fassungen dieses Hinweises Fassung 1.2 : gültig ab 2. Dezember 2026 (diese Fassung) "
        "Fassung 1.1 : gültig vom 1. Dezember 2026 bis zum 2. Dezember 2026 "
        "Was sich in jeder Fassung geändert hat")
    assert 'href="v1.1/">Fassung 1.1</a>' in nav.group(1)


def test_history_pages_name_their_twin_in_the_other_language(built: Path) -> None:
    links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"',
                       _html(built, "notices/lms-milestones/v1.1"))
    assert links == [("./", "en"), ("../../../de/notices/lms-milestones/v1.1/", "de")]
    links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"',
                       _html(built, "de/notices/lms-milestones/changes"))
    assert links == [("../../../../notices/lms-milestones/changes/", "en"), ("./", "de")]


def test_the_themes_own_words_are_german_on_german_pages(built: Path) -> None:
    german, english = _html(built, "de/notices/lms-milestones"), _html(
        built, "notices/lms-milestones")
    assert "Zurück zum Seitenanfang" in german and "Back to top" not in german
    assert 'placeholder="Suche"' in german
    assert "Back to top" in english and 'placeholder="Search"' in english


def _primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_a_german_page_shows_the_german_navigation(built: Path) -> None:
    nav = _primary_nav(_html(built, "de/notices/lms-milestones"))
    words = " ".join(re.sub(r"<[^>]+>", " ", nav).split())
    for title in ("Für Beschäftigte", "Datenschutzhinweis: Lerndaten in Einzelgesprächen und "
                  "Beurteilungen", "Für Führungskräfte", "Leitfaden für Führungskräfte: "
                  "Micro-Coaching-Impulse für Führungskräfte", "Checklisten"):
        assert title in words
    assert "For employees" not in words and "Privacy notice" not in words
    links = set(re.findall(r'href="([^"]+)"', nav))
    assert "../micro-coaching/" in links  # the German notice beside it
    assert not [link for link in links if link.startswith("../../../")], links  # no way out
    # the current page is marked in its own navigation
    assert re.search(r'md-nav__link--active[^>]*>\s*<span class="md-ellipsis">\s*'
                     r"Datenschutzhinweis: Lerndaten", nav)
    english = _primary_nav(_html(built, "notices/lms-milestones"))
    assert "For employees" in english and "Für Beschäftigte" not in english


@pytest.fixture(scope="module")
def one_english_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal with one of its two programs run outside Germany: it has no German pages,
    so the German indexes link to its English ones."""
    project = portal_copy(tmp_path_factory.mktemp("english-only"))
    program = project / "data" / "programs" / "lms-milestones.yaml"
    text = program.read_text(encoding="utf-8")
    assert "jurisdictions: [de, ie, gb, us-ca]" in text
    text = text.replace("jurisdictions: [de, ie, gb, us-ca]", "jurisdictions: [ie, gb, us-ca]")
    program.write_text(text + "not_offered_in: {de: Not run in Germany yet.}\n",
                       encoding="utf-8")
    (project / "notices.lock.json").unlink()
    shutil.rmtree(project / "notices-archive")
    result = mkdocs_build(project, env={"GOVPORTAL_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_the_german_indexes_lead_to_a_notice_and_guide_published_in_english_only(
        one_english_only: Path) -> None:
    assert not (one_english_only / "de" / "notices" / "lms-milestones").exists()
    assert (one_english_only / "de" / "notices" / "micro-coaching" / "index.html").is_file()
    for index, folder in (("de/notices", "notices"), ("de/guides", "guides")):
        html = _html(one_english_only, index)
        assert f'href="../../{folder}/lms-milestones/"' in html, index
        assert 'href="micro-coaching/"' in html, index
        # the reader is told, before following it, that the link leads to an English page
        link = re.search(rf'<a[^>]*href="../../{folder}/lms-milestones/"[^>]*>[^<]*</a>'
                         r"([^<]*)", html)
        assert link is not None, index
        assert 'hreflang="en"' in link.group(0), index
        assert link.group(1).strip() == "(nur auf Englisch)", index
        own = re.search(r'<a[^>]*href="micro-coaching/"[^>]*>[^<]*</a>([^<]*)', html)
        assert own is not None and "hreflang" not in own.group(0), index
        assert "nur auf" not in own.group(1), index
    # the English indexes link every program in their own language: nothing to say
    for index in ("notices", "guides"):
        article = _html(one_english_only, index).split("<article", 1)[1].split("</article>")[0]
        assert "hreflang" not in article and "only in" not in article, index
