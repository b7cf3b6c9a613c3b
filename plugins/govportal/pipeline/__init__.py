"""The pipeline as the front ends drive it: settings, check, and one build step by step.

Holds the project's settings read from ``mkdocs.yml`` (:mod:`.settings`), loading and
checking the data and the notices (:mod:`.check`), one build as a sequence of steps any
generator can call (:mod:`.build`) and the time each step takes (:mod:`.timings`).

May import every stage below it: publish, changes, pages, rules, data, text, problems.
Must never import: the MkDocs plugin, the command line, MkDocs itself.
"""

from .build import BuildError, BuildSettings, SiteBuild
from .checking import Result, check, check_project, collector_paused
from .rendering import build_pages, notice_texts, page_builder
from .settings import Project, build_date, build_options

__all__ = ["BuildError", "BuildSettings", "Project", "Result", "SiteBuild", "build_date",
           "build_options", "build_pages", "check", "check_project", "collector_paused",
           "notice_texts", "page_builder"]
