"""The pages in the other languages: the same pages as the default language's, rendered
from the policy as it reads in that language, under ``<lang>/``.

The default language (the one the data is written in) is at the site's root; each other
language a jurisdiction names gets the pages readers need (the home page, the indexes, the
notices and guides of the programs that serve it, the checklists) at ``/<lang>/``. A notice
or guide is published in a language its program's jurisdictions require, or name as
optional once its translation is complete. Each page knows its alternates in the other
languages (``hreflang`` and the language selector). Links to pages that exist only in the
default language lead there.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..data.policy import Policy
from ..data.translatable import (
    PAGE_KINDS,
    SOURCE_LANGUAGE,
    Need,
    program_needs,
    site_languages,
    translated_policy,
)
from ..pages.page import Page
from ..pages.page_memo import PageMemo
from ..rules.families.i18n import known_language
from ..rules.registry import Options
from .rendering import page_builder
from .translating import states

_LINK = re.compile(r"\]\(([^)\s]+)\)")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|/)")


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where a page's source is published, relative to the site root
    (``notices/a.md`` → ``notices/a/``, ``de/index.md`` → ``de/``)."""
    if not use_directory_urls:
        return src_uri.removesuffix(".md") + ".html"
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def relink(markdown: str, src_uri: str, language: str, published: set[str]) -> str:
    """The Markdown of a page moved under ``<language>/``: a relative link to a page or file
    that exists only at the root is made to lead there, from the folder the page is moved
    to (``[a](x.md)`` in ``notices/index.md`` becomes ``[a](../../notices/x.md)`` in
    ``de/notices/index.md``); a link to a page published in the language is kept."""
    folder = posixpath.dirname(src_uri)
    moved_to = posixpath.join(language, folder)

    def fix(match: re.Match[str]) -> str:
        target = match.group(1)
        if _EXTERNAL.match(target):
            return match.group(0)
        path, hash_, fragment = target.partition("#")  # a bare "#…" is kept as external
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if resolved in published:
            return match.group(0)
        relative = posixpath.relpath(resolved, moved_to)
        if path.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f"]({relative}{hash_}{fragment})"

    return _LINK.sub(fix, markdown)


def _complete(policy: Policy, language: str, options: Options, pid: str) -> bool:
    """Whether everything the program's pages print has its current translation."""
    return not any(t.state != "translated" and t.source.kind in PAGE_KINDS and
                   (t.source.kind != "programs" or t.source.record == pid)
                   for t in states(policy, language, options.today))


def language_pages(policy: Policy, options: Options, templates: Path | None, edition: str,
                   pages: list[Page], use_directory_urls: bool = True,
                   memo: PageMemo | None = None) -> list[Page]:
    """Every page in the other languages; sets ``alternates`` (language → site URL) and
    ``language`` in the metadata of those and of their default-language twins."""
    out: list[Page] = []
    for code in site_languages(policy, options.today)[1:]:
        if not known_language(code):
            continue
        chosen = [pid for pid, p in policy.programs.items()
                  if (need := program_needs(policy, p, options.today).get(code)) is not None
                  and (need is Need.REQUIRED or _complete(policy, code, options, pid))]
        if not chosen:
            continue
        translated = translated_policy(policy, code)
        builder = page_builder(translated, options, templates, edition, code, memo)
        made = builder.reader_pages([translated.programs[pid] for pid in chosen])
        published = {p.src_uri for p in made}
        out += [Page(f"{code}/{page.src_uri}", page.title,
                     relink(page.markdown, page.src_uri, code, published), page.section,
                     {**page.meta, "language": code}, in_nav=False) for page in made]
    pair_twins([*pages, *out], use_directory_urls)
    return out


def pair_twins(pages: list[Page], use_directory_urls: bool = True) -> None:
    """Name each other-language page's default-language twin, and the twin it, as
    ``alternates`` (the pages made after :func:`language_pages`: the notices' history)."""
    by_src = {p.src_uri: p for p in pages}
    for page in pages:
        code = page.meta.get("language")
        twin = by_src.get(page.src_uri.removeprefix(f"{code}/")) if code else None
        if twin is None or twin is page:
            continue
        alternates = twin.meta.setdefault(
            "alternates", {SOURCE_LANGUAGE: page_url(twin.src_uri, use_directory_urls)})
        alternates[code] = page_url(page.src_uri, use_directory_urls)
        page.meta["alternates"] = alternates


def translated_notice_texts(policy: Policy, options: Options, templates: Path | None,
                            edition: str = "public") -> dict[str, dict[str, str]]:
    """Language → program id → the notice's published text in that language, as the build
    renders it (the command line compares them with the lock)."""
    from ..changes.control import translated_texts

    return translated_texts(language_pages(policy, options, templates, edition, []))
