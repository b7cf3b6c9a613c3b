"""The page builder every front end shares, so the plugin and the command line render
alike (the command line renders the notices to compare them with the lock)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import jinja2

from ..changes.fingerprint import normalise
from ..data.policy import Policy
from ..pages.builder import PageBuilder
from ..pages.environment import environment
from ..pages.page import Page
from ..pages.page_memo import PageMemo
from ..rules.registry import Options
from .settings import Project


def page_builder(policy: Policy, options: Options,
                 templates_dir: Path | None = None, edition: str = "public",
                 language: str = "en", memo: PageMemo | None = None) -> PageBuilder:
    """The page builder every caller shares, so the plugin and the CLI render alike
    (``memo``: the live preview's pages of each program from its last build)."""
    builder = PageBuilder(policy, environment(templates_dir, language), today=options.today,
                          threshold=options.readability_threshold, edition=edition,
                          options=options, language=language)
    builder.memo = memo
    return builder


def environments(templates_dir: Path | None = None) -> Callable[[str], jinja2.Environment]:
    """The template environment of each language, made once for one build: the history
    of every notice in a language shares it (a build's templates do not change while it
    runs; making it again for each notice read every template again)."""
    return functools.cache(functools.partial(environment, templates_dir))


def build_pages(policy: Policy, options: Options,
                templates_dir: Path | None = None, edition: str = "public",
                language: str = "en", memo: PageMemo | None = None) -> list[Page]:
    """Render every generated page (the policy must be complete and free of errors)."""
    return page_builder(policy, options, templates_dir, edition, language, memo).pages()


def notice_texts(policy: Policy, options: Options, settings: Project) -> dict[str, str]:
    """Program id → the notice's published text, as the build renders it."""
    builder = page_builder(policy, options, settings.templates)
    return {pid: normalise(builder.notice(program).markdown)
            for pid, program in policy.programs.items()}
