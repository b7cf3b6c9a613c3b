"""The records ``govportal new`` writes (:mod:`.scaffold`), as YAML text with ``TODO`` for
each value to fill in.

A line ``#? path`` is replaced by the comment that describes the key at ``path`` (the key's
description, allowed values and example from the data model); ``{id}`` and the other names
in braces are filled in when the record is written (``{{}}`` is a literal ``{}``).
"""

from __future__ import annotations

PROGRAM = """\
# A new program, started with `govportal new program {id}`.
# Replace every TODO with what the comment above it asks for; `govportal check` lists the
# ones still left, and the file is not used until none is. The data reference page lists
# every key, the optional ones too.
#? id
id: {id}
#? title
title: TODO
#? status
status: TODO
#? summary
summary: TODO
#? owner
owner:
  #? owner.name
  name: TODO
  #? owner.github
  github: TODO
#? next_review
next_review: TODO
#? data_subjects
data_subjects:
  #? data_subjects.0.group
  - group: TODO
    #? data_subjects.0.category
    category: TODO
    #? data_subjects.0.jurisdictions
    # The organisation's jurisdictions: {jurisdictions}. List each under a group here, or
    # under `not_offered_in` below.
    jurisdictions: [TODO]
#? not_offered_in
# Write {{}} when the program is offered in every jurisdiction.
not_offered_in: TODO
#? collection
collection:
  #? collection.how
  how: TODO
  #? collection.other_sources
  other_sources: TODO
#? fields
fields: [TODO]
#? purposes
purposes:
  #? purposes.0.id
  - id: TODO
    #? purposes.0.description
    description: TODO
    #? purposes.0.fields
    fields: [TODO]
    #? purposes.0.lawful_basis
    lawful_basis: {bases}
    #? purposes.0.legitimate_interest
    # Delete this key when no basis of the purpose is legitimate_interests.
    legitimate_interest: TODO
#? recipients
recipients: TODO
#? transfers
transfers: TODO
#? automated_decisions
automated_decisions:
  #? automated_decisions.exists
  exists: TODO
  #? automated_decisions.profiling
  profiling: TODO
  #? automated_decisions.statement
  statement: TODO
#? notice
notice:
  #? notice.version
  version: "1.0"
  #? notice.effective
  effective: TODO
  #? notice.first_layer
  first_layer:
    #? notice.first_layer.summary
    summary: TODO
  #? notice.obligation
  obligation: TODO
{sections}  #? notice.changelog
  changelog:
    - version: "1.0"
      #? notice.changelog.0.date
      date: TODO
      #? notice.changelog.0.summary
      summary: TODO
#? manager_guide
manager_guide:
  #? manager_guide.fields
  # Put each of the program's fields in exactly one list; write [] for a list left empty.
  fields:
    #? manager_guide.fields.may_use
    may_use: [TODO]
    #? manager_guide.fields.needs_signoff
    needs_signoff: [TODO]
    #? manager_guide.fields.never_use
    never_use: [TODO]
  #? manager_guide.ask
  ask: TODO
"""

# Each is appended to its list; `#? 0.key` is described from the list's entries.
RECORDS = {
    "vendor": """\
# A new vendor, added with `govportal new vendor {id}`: replace every TODO.
#? 0.id
- id: {id}
  #? 0.name
  name: TODO
  #? 0.role
  role: TODO
  #? 0.services
  services: [TODO]
  #? 0.locations
  locations: [TODO]
  #? 0.dpa
  dpa:
    #? 0.dpa.signed
    signed: TODO
    #? 0.dpa.reference
    reference: TODO
    #? 0.dpa.roles
    roles: TODO
    #? 0.dpa.audit_rights
    audit_rights: TODO
    #? 0.dpa.deletion
    deletion: TODO
    #? 0.dpa.subprocessors
    subprocessors: [TODO]
  #? 0.security_evidence
  security_evidence:
    #? 0.security_evidence.0.kind
    - kind: TODO
      #? 0.security_evidence.0.issued
      issued: TODO
""",
    "transfer": """\
# A new transfer, added with `govportal new transfer {id}`: replace every TODO.
#? 0.id
- id: {id}
  #? 0.vendor
  vendor: TODO
  #? 0.origin
  origin: [TODO]
  #? 0.destination
  destination: TODO
  #? 0.mechanism
  mechanism: TODO
  #? 0.data
  data: TODO
  #? 0.tia_date
  tia_date: TODO
""",
    "retention": """\
# A new retention rule, added with `govportal new retention {id}`: replace every TODO.
#? 0.id
- id: {id}
  #? 0.record_type
  record_type: TODO
  #? 0.kind
  kind: TODO
  #? 0.fields
  fields: [TODO]
  #? 0.period
  period: TODO
  #? 0.trigger
  trigger: TODO
  #? 0.disposal
  disposal: TODO
  #? 0.justification
  justification: TODO
  #? 0.legal_hold
  legal_hold: TODO
  #? 0.owner
  owner:
    #? 0.owner.name
    name: TODO
  #? 0.next_review
  next_review: TODO
""",
}
