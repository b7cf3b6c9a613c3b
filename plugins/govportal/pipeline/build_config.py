"""Where a build finds things and how it behaves: the plugin's options, resolved.

:func:`build_settings` turns the options ``mkdocs.yml`` gives the plugin (or the command
line reads from it) into :class:`BuildSettings`; :mod:`.build` runs a build with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..rules.registry import Options
from .settings import build_options


@dataclass
class BuildSettings:
    """Where things are and how the build behaves (the plugin's options, resolved)."""

    base: Path  # the project root, the folder of mkdocs.yml
    data_dir: Path
    options: Options
    templates: Path | None = None
    edition: str = "public"
    lock_file: str = "notices.lock.json"
    archive_dir: str = "notices-archive"
    material_banner_days: int = 30
    nav_programs_limit: int = 40
    docs_name: str = "content"  # the docs folder, as problems name it
    pdf: bool = False  # each notice links its PDF, printed after the build by the publisher
    language: str = "en"  # the theme's language: reader-facing dates are written in it
    use_directory_urls: bool = True  # where pages are published (the language alternates)


def build_settings(base: Path, options: Mapping[str, Any], docs_name: str) -> BuildSettings:
    """The settings of a build from the plugin's options (as ``mkdocs.yml`` gives them) and
    the project root; raises :class:`~.settings.SettingsError` for an option it cannot use."""
    o = options
    rules = build_options(
        o.get("severities") or {}, o.get("today"),
        review_warning_days=o.get("review_warning_days", 30),
        engagement_ceiling_days=o.get("engagement_ceiling_days", 90),
        evidence_max_age_days=o.get("evidence_max_age_days", 365),
        readability_threshold=o.get("readability_threshold", 50))
    templates = o.get("templates_dir")
    return BuildSettings(
        base=base, data_dir=(base / o.get("data_dir", "data")).resolve(), options=rules,
        templates=Path(templates) if templates else None, edition=o.get("edition", "public"),
        lock_file=o.get("lock_file", "notices.lock.json"),
        archive_dir=o.get("archive_dir", "notices-archive"),
        material_banner_days=o.get("material_banner_days", 30),
        nav_programs_limit=o.get("nav_programs_limit", 40), docs_name=docs_name,
        pdf=bool(o.get("pdf", False)), language=str(o.get("language") or "en"),
        use_directory_urls=bool(o.get("use_directory_urls", True)))
