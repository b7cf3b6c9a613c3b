"""Which fields of the data only the internal edition may show.

Vendors' ``risk_notes``, ``incident_history`` and evidence references, the incident
playbook's ``contacts`` (but the details a contact lists under ``public``), and each
program's DPIA references and launch-readiness evidence.
The public edition's scan looks for their text in every file of a public site, and the rule
``edition.internal-text-in-public-field`` refuses a public field that repeats one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .policy import Policy


def internal_fields(policy: Policy) -> Iterator[tuple[str, tuple[str | int, ...], Any]]:
    """(file, path, value) of every internal-only field (the value may be None)."""
    if policy.vendors is not None:
        label = policy.files.get("vendors", "data/vendors.yaml")
        for i, vendor in enumerate(policy.vendors.vendors):
            yield label, ("vendors", i, "risk_notes"), vendor.risk_notes
            yield label, ("vendors", i, "incident_history"), vendor.incident_history
            for j, evidence in enumerate(vendor.security_evidence):
                yield label, ("vendors", i, "security_evidence", j, "reference"), \
                    evidence.reference
    if policy.playbook is not None:
        label = policy.files.get("playbook", "data/incident-response.yaml")
        for i, contact in enumerate(policy.playbook.contacts):
            for key in ("name", "phone", "email"):
                if key not in contact.public:  # declared public in the data: not internal
                    yield label, ("contacts", i, key), getattr(contact, key)
    for pid, program in policy.programs.items():
        label = policy.program_files[pid]
        yield label, ("dpia",), program.dpia
        if program.analytics is not None:
            yield label, ("analytics", "dpia"), program.analytics.dpia
        for i, answer in enumerate(program.launch_readiness):
            yield label, ("launch_readiness", i, "evidence"), answer.evidence
