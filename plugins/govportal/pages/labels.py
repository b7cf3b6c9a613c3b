"""The words readers see for the data's codes: lawful bases, transfer mechanisms, kinds of
information."""

from __future__ import annotations

from ..data import model as m

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
    m.Classification.IDENTIFIER: "Identifiers",
    m.Classification.CONTACT: "Contact details",
    m.Classification.EMPLOYMENT: "Employment details",
    m.Classification.LEARNING_RECORD: "Learning records",
    m.Classification.ASSESSMENT: "Assessment results",
    m.Classification.PERFORMANCE: "Performance-related information",
    m.Classification.BEHAVIOURAL_METADATA: "Usage and engagement information",
    m.Classification.DEVICE_TELEMETRY: "Device and app information",
    m.Classification.CONTENT: "Content you write",
    m.Classification.CONSENT_RECORD: "Your consent choices",
    m.Classification.AUDIT_LOG: "Access records",
    m.Classification.SPECIAL_CATEGORY: "Sensitive information",
    m.Classification.CRIMINAL_OFFENCE: "Criminal offence information",
}

# Where every page lives. Generated pages never collide with each other by construction;
