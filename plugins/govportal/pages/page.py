"""A generated page, a notice section, and where every page of the portal lives.

Generated pages never collide with each other by construction; the build also refuses any
collision with a hand-written page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# the plugin also refuses any collision with a hand-written page.
HOME = "index.md"
NOTICES = "notices/index.md"
GUIDES = "guides/index.md"
RETENTION = "retention.md"
CLAUSES = "clauses.md"
CHECKLISTS = "checklists/index.md"
INCIDENTS = "incident-response.md"
VENDORS = "registers/vendors.md"
INVENTORY = "registers/data-inventory.md"
GOVERNANCE = "governance.md"
DATA_REFERENCE = "data-reference.md"


def notice_uri(pid: str) -> str:
    return f"notices/{pid}.md"


# The language of the portal's own wording; each notice will carry its own once the
# language layer lands, and every per-language file name already has a place for it.
NOTICE_LANGUAGE = "en"


def page_language(meta: dict[str, Any]) -> str:
    """The language of a notice page (current or archived version): the page's ``language``
    (set on every page made in a language), else its ``notice_language``, else
    :data:`NOTICE_LANGUAGE`. Every per-language name (records, PDFs, links) takes it from
    here."""
    return str(meta.get("language") or meta.get("notice_language") or NOTICE_LANGUAGE)


def notice_pdf_uri(pid: str, version: str, language: str = NOTICE_LANGUAGE) -> str:
    """Where the printed PDF of one notice version in one language is published: next to
    the notice, named so that it says what it is once saved elsewhere
    (``notices/micro-coaching/micro-coaching-1.2.en.pdf``)."""
    return f"notices/{pid}/{pid}-{version}.{language}.pdf"


def notice_text_uri(pid: str, version: str, language: str = NOTICE_LANGUAGE) -> str:
    """Where the canonical text of one notice version in one language is published, beside
    the version's own page (``notices/micro-coaching/v1.2/en.txt``)."""
    return f"notices/{pid}/v{version}/{language}.txt"


def guide_uri(pid: str) -> str:
    return f"guides/{pid}.md"


def checklist_uri(cid: str) -> str:
    return f"checklists/{cid}.md"
COVERAGE = "registers/disclosure-coverage.md"
RULES = "registers/rules.md"
QUALITY = "registers/notice-readability.md"
CATALOG = "registers/disclosure-catalog.md"
ASSESSMENTS = "registers/assessments.md"  # internal edition only
INTERNAL_PAGES = (ASSESSMENTS,)


@dataclass
class Page:
    """A generated page: where it goes, its title, its Markdown and page metadata."""

    src_uri: str
    title: str
    markdown: str
    section: str
    meta: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = True


@dataclass
class Section:
    """One notice section: a topic id, a heading, its body and the disclosures it meets."""

    topic: str
    heading: str
    body: str
    items: list[str] = field(default_factory=list)
