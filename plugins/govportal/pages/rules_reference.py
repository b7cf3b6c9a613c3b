"""The rules reference page: every rule, grouped by family, with its severity, its
documentation (from the rule's docstring) and the rules the later stages check."""

from __future__ import annotations

from ..rules import registry
from ..rules.catalog import load_adequacy
from ..rules.declared import CHANGE_CONTROL, LOADING, OUTPUT, PROJECT_FILES
from . import ruledocs
from .context import PageContext
from .page import RULES, Page


def rules_reference(b: PageContext) -> Page:
    """Every rule, grouped by family, with its severity and its documentation."""
    options = b.options or registry.Options(today=b.today)
    rules_by_id = registry.all_rules()
    families = []
    for family in registry.FAMILIES:
        rules = [{"id": r.id, "anchor": r.id.replace(".", "-"), "default": r.severity.value,
                  "severity": options.severities.get(r.id, r.severity).value,
                  "doc": ruledocs.parse(r.doc)}
                 for r in rules_by_id.values() if r.family == family]
        if rules:
            families.append({"id": family, "title": ruledocs.family_title(family),
                             "intro": ruledocs.family_intro(family), "rules": rules})
    return Page(RULES, "Rules reference", b.render(
        "rules.md.j2", families=families, options=options, change_rules=CHANGE_CONTROL,
        loading_rules=LOADING, output_rules=OUTPUT, project_rules=PROJECT_FILES,
        adequacy=load_adequacy()), "owners/Registers",
        {"govportal": "rules"})
