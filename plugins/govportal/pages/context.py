"""What every page builder shares: the policy, the template environment and the build's
settings, and one way to render a template with them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2

from ..data import model as m
from ..data.policy import Policy
from ..text.portal_catalogs import translations
from .page import checklist_uri, guide_uri, notice_uri


def N_(text: str) -> str:  # noqa: N802 (gettext's name for "mark for extraction")
    """Mark ``text`` as the portal's wording (extracted into the catalogs), unchanged."""
    return text


class PageContext:
    """One loaded, valid :class:`Policy` and the settings its pages are built with."""

    def __init__(self, policy: Policy, env: jinja2.Environment,
                 today: dt.date | None = None, threshold: float = 50.0,
                 edition: str = "public", options: Any = None,
                 language: str = "en") -> None:
        self.threshold = threshold
        self.policy = policy
        self.env = env
        self.today = today or dt.date.today()
        self.edition = edition  # "internal" adds internal-only fields and pages
        self.options = options  # rules.registry.Options of the build (the rules page shows them)
        # program id -> the standard wording its notice printed (the coverage page lists it)
        self.wording_used: dict[str, list[Any]] = {}
        self.language = language  # the pages' language: dates are written in it
        self.messages = translations(language)  # the portal's own wording in that language

    def gettext(self, text: str) -> str:
        """The portal's wording ``text`` (marked ``N_`` where it is written) in the pages'
        language."""
        return self.messages.gettext(text)

    def render(self, template: str, **context: Any) -> str:
        base = {
            "org": self.policy.organisation,
            "policy": self.policy,
            "today": self.today,
            "notice_uri": notice_uri,
            "guide_uri": guide_uri,
            "checklist_uri": checklist_uri,
            "edition": self.edition,
        }
        return self.env.get_template(template).render(**base, **context)

    def program_fields(self, program: m.Program) -> list[m.DataField]:
        by_id = self.policy.fields_by_id
        return [by_id[f] for f in program.fields if f in by_id]
