"""The words readers see for the data's codes: lawful bases, transfer mechanisms, kinds of
information."""

from __future__ import annotations

from ..data import model as m
from .context import N_

BASIS_LABELS = {
    m.LawfulBasis.CONSENT: "your consent",
    m.LawfulBasis.CONTRACT: "our employment contract with you",
    m.LawfulBasis.LEGAL_OBLIGATION: "a legal obligation we have",
    m.LawfulBasis.VITAL_INTERESTS: "protecting someone's vital interests",
    m.LawfulBasis.PUBLIC_TASK: "a task in the public interest",
    m.LawfulBasis.LEGITIMATE_INTERESTS: "our legitimate interests",
}
MECHANISM_LABELS = {
    m.Mechanism.ADEQUACY: "an adequacy decision (the destination's law is recognised as "
                          "protecting personal data to the same standard)",
    m.Mechanism.SCC: "standard contractual clauses",
    m.Mechanism.BCR: "binding corporate rules",
    m.Mechanism.IDTA: "the UK International Data Transfer Agreement",
    m.Mechanism.UK_ADDENDUM: "standard contractual clauses with the UK Addendum",
    m.Mechanism.DEROGATION: "a specific exception (derogation) in the law",
}
CLASSIFICATION_LABELS = {
    m.Classification.IDENTIFIER: N_("Identifiers"),
    m.Classification.CONTACT: N_("Contact details"),
    m.Classification.EMPLOYMENT: N_("Employment details"),
    m.Classification.LEARNING_RECORD: N_("Learning records"),
    m.Classification.ASSESSMENT: N_("Assessment results"),
    m.Classification.PERFORMANCE: N_("Performance-related information"),
    m.Classification.BEHAVIOURAL_METADATA: N_("Usage and engagement information"),
    m.Classification.DEVICE_TELEMETRY: N_("Device and app information"),
    m.Classification.CONTENT: N_("Content you write"),
    m.Classification.CONSENT_RECORD: N_("Your consent choices"),
    m.Classification.AUDIT_LOG: N_("Access records"),
    m.Classification.SPECIAL_CATEGORY: N_("Sensitive information"),
    m.Classification.CRIMINAL_OFFENCE: N_("Criminal offence information"),
}

# The registers in words: every code the data uses, as a reader reads it.
RECORD_KIND_LABELS = {
    m.RecordKind.LEARNING_RECORD: "Learning record",
    m.RecordKind.ASSESSMENT_RECORD: "Assessment record",
    m.RecordKind.COMMUNICATIONS_LOG: "Communications log",
    m.RecordKind.ENGAGEMENT_LOG: "Engagement log",
    m.RecordKind.AUDIT_LOG: "Access log",
    m.RecordKind.CONSENT_RECORD: "Consent record",
    m.RecordKind.AGGREGATE: "Anonymised statistics",
    m.RecordKind.PROFILE: "Profile",
    m.RecordKind.DEVICE_TELEMETRY: "Device and app data",
    m.RecordKind.OTHER: "Other records",
}
DISPOSAL_LABELS = {
    m.Disposal.DELETE: "Deleted",
    m.Disposal.ANONYMISE: "Anonymised",
    m.Disposal.ARCHIVE: "Archived",
    m.Disposal.REVIEW: "Reviewed",
}
VENDOR_ROLE_LABELS = {
    m.VendorRole.PROCESSOR: "Processor (acts on our instructions)",
    m.VendorRole.CONTROLLER: "Independent controller",
    m.VendorRole.JOINT_CONTROLLER: "Joint controller",
}
MECHANISM_SHORT = {
    m.Mechanism.ADEQUACY: "Adequacy decision",
    m.Mechanism.SCC: "Standard contractual clauses",
    m.Mechanism.BCR: "Binding corporate rules",
    m.Mechanism.IDTA: "UK International Data Transfer Agreement",
    m.Mechanism.UK_ADDENDUM: "Standard contractual clauses with the UK Addendum",
    m.Mechanism.DEROGATION: "Exception in the law (derogation)",
}
INCIDENT_LEVEL_LABELS = {
    m.IncidentLevel.CRITICAL: "Critical",
    m.IncidentLevel.HIGH: "High",
    m.IncidentLevel.MEDIUM: "Medium",
    m.IncidentLevel.LOW: "Low",
}
REGIME_LABELS = {
    m.Regime.EU_GDPR: "EU (GDPR)",
    m.Regime.UK_GDPR: "United Kingdom (UK GDPR)",
    m.Regime.CCPA: "California (CCPA/CPRA)",
}
VIEW_KIND_LABELS = {
    m.ViewKind.CONTEXTUAL: "Contextual (for conversations)",
    m.ViewKind.AUDIT: "Audit (for cases)",
    m.ViewKind.DASHBOARD: "Dashboard (totals only)",
}
STATUS_LABELS = {
    m.ProgramStatus.PLANNED: "Planned",
    m.ProgramStatus.PILOT: "Pilot",
    m.ProgramStatus.LIVE: "Live",
    m.ProgramStatus.RETIRED: "Retired",
}
# The kinds of information as the registers name them (the notices address the employee).
REGISTER_CLASSIFICATION_LABELS = {
    **CLASSIFICATION_LABELS,
    m.Classification.CONTENT: "Content people write",
    m.Classification.CONSENT_RECORD: "Consent choices",
}
