"""The pipeline as the front ends drive it: settings, check, and one build step by step.

Holds the project's settings read from ``mkdocs.yml`` (:mod:`.settings`), loading and
checking the data and the notices (:mod:`.check`), one build as a sequence of steps any
generator can call (:mod:`.build`, with what its output checks read, :mod:`.page_readings`,
and the generator's files, :mod:`.site_files`), the live preview that renders again only
what changed (:mod:`.preview`) and the time each step takes (:mod:`.timings`).

May import every stage below it: publish, changes, pages, rules, data, text, problems.
Must never import: the MkDocs plugin, the command line, MkDocs itself.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import SiteBuild
    from .build_config import BuildSettings, build_settings
    from .checking import Result, check, check_project, collector_paused
    from .preview import Preview, start_preview
    from .rendering import build_pages, notice_texts, page_builder
    from .settings import Project, SettingsError, build_date, build_options
    from .site_files import BuildError, GeneratorFiles, packaged_theme_files

# Each name is imported from its module when first used, so that `govportal check` does not
# import the build's steps (the published files, the history pages) it never runs.
_HOME = {"BuildError": "site_files", "GeneratorFiles": "site_files",
         "packaged_theme_files": "site_files", "Preview": "preview",
         "start_preview": "preview", "SettingsError": "settings", "BuildSettings": "build_config",
         "build_settings": "build_config", "SiteBuild": "build",
         "Result": "checking", "check": "checking", "check_project": "checking",
         "collector_paused": "checking", "build_pages": "rendering",
         "notice_texts": "rendering", "page_builder": "rendering", "Project": "settings",
         "build_date": "settings", "build_options": "settings"}

__all__ = ["BuildError", "BuildSettings", "GeneratorFiles", "Preview", "Project", "Result",
           "SettingsError", "SiteBuild", "build_date", "build_options", "build_pages",
           "build_settings", "check", "check_project", "collector_paused", "notice_texts",
           "packaged_theme_files", "page_builder", "start_preview"]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
