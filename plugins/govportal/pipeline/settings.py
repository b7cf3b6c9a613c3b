"""The project's settings as ``mkdocs.yml`` gives them to the plugin, for the command line.

``govportal check`` and ``govportal lock`` must see the data, templates and lock file the
build sees, or a notice fingerprint computed by one would not match the other. This reads
the ``govportal`` entry of ``mkdocs.yml`` without importing MkDocs; a project without
``mkdocs.yml`` gets the plugin's defaults.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Severity
from ..rules.registry import Options
from ..rules.severities import unknown_message, unknown_rule_ids


class _Loader(yaml.SafeLoader):
    """Safe loading that skips MkDocs' tags (``!ENV``, ``!!python/name:…``) instead of
    running or refusing them: the settings read here never use them."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class Project:
    """Where things are, relative to the folder of ``mkdocs.yml`` (the project root)."""

    root: Path
    data_dir: str = "data"
    templates_dir: str | None = None
    lock_file: str = "notices.lock.json"
    archive_dir: str = "notices-archive"
    options: dict[str, Any] = field(default_factory=dict)  # the rest of the plugin's options
    docs_dir: str = "docs"  # the site's own settings, for `govportal render`
    site_url: str = ""
    site_name: str = ""
    use_directory_urls: bool = True

    @property
    def data(self) -> Path:
        return self.root / self.data_dir

    @property
    def templates(self) -> Path | None:
        return self.root / self.templates_dir if self.templates_dir else None


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The ``govportal`` plugin's options in a parsed ``mkdocs.yml`` (None: not enabled)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    for item in plugins:
        if item == "govportal":
            return {}
        if isinstance(item, dict) and "govportal" in item:
            return dict(item["govportal"] or {})
    return None


def load(config_file: Path | None) -> Project:
    """Settings from ``config_file`` (when it exists), else the defaults in the current
    folder. Raises ValueError when the file cannot be read as YAML."""
    if config_file is None or not config_file.is_file():
        root = config_file.resolve().parent if config_file is not None else Path.cwd()
        return Project(root=root)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{config_file} cannot be read: {exc}") from exc
    options = plugin_options(config if isinstance(config, dict) else {}) or {}
    project = Project(root=config_file.resolve().parent)
    for name in ("data_dir", "templates_dir", "lock_file", "archive_dir"):
        if isinstance(options.get(name), str):
            setattr(project, name, options.pop(name))
    project.options = options
    site = config if isinstance(config, dict) else {}
    for name in ("docs_dir", "site_url", "site_name"):
        if isinstance(site.get(name), str):
            setattr(project, name, site[name])
    if isinstance(site.get("use_directory_urls"), bool):
        project.use_directory_urls = site["use_directory_urls"]
    return project


def build_date(option: str | dt.date | None = None) -> dt.date:
    """The build's notion of today: the option, else ``SOURCE_DATE_EPOCH``, else the clock.

    Fixing it makes an old commit rebuild the same way (review dates, banners)."""
    if isinstance(option, dt.date):
        return option
    if option:
        return dt.date.fromisoformat(str(option))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


class SettingsError(ValueError):
    """A plugin option the build cannot use; the message names the option."""


def build_options(severities: dict[Any, Any], today: str | None, *,
                  review_warning_days: int = 30, engagement_ceiling_days: int = 90,
                  evidence_max_age_days: int = 365,
                  readability_threshold: float = 50.0) -> Options:
    """The rules' settings from the plugin's options, refusing a severity that is not a
    level, a rule id the portal never reports (a typo or a renamed rule) and a bad date."""
    levels: dict[str, Severity] = {}
    for rule_id, value in (severities or {}).items():
        try:
            levels[str(rule_id)] = Severity(str(value))
        except ValueError as exc:
            raise SettingsError(f"severities.{rule_id}: '{value}' is not one of error, "
                                "warning, off") from exc
    unknown = unknown_rule_ids(levels)
    if unknown:
        raise SettingsError(unknown_message(unknown))
    try:
        day = build_date(today)
    except ValueError as exc:
        raise SettingsError(f"today: '{today}' is not a YYYY-MM-DD date") from exc
    return Options(today=day, review_warning_days=review_warning_days,
                   engagement_ceiling_days=engagement_ceiling_days,
                   evidence_max_age_days=evidence_max_age_days,
                   readability_threshold=float(readability_threshold), severities=levels)
