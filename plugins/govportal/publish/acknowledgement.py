"""The JSON Schema of the acknowledgement record an HR system keeps, published on the site
as ``schemas/notice-acknowledgement.schema.json``.

When an employee reads a notice and says so ("I have read this notice", in the HR system
or through the notice page's link to it), the HR system records which text they were shown
and when: a record in the spirit of ISO/IEC TS 27560 (consent record information
structure), reduced to what an acknowledgement needs. The notice is referenced by the
fields ``notices.json`` publishes for every (notice, language, version), its hash
included, so the record can be checked against the published text years later.

The portal itself never receives or keeps such a record: it holds no personal data, and the
schema is published for the HR system's use.
"""

from __future__ import annotations

import json
from typing import Any

NAME = "notice-acknowledgement.schema.json"
URI = f"schemas/{NAME}"

_DATE_TIME = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
              r"(Z|[+-][0-9]{2}:[0-9]{2})$")


def _text(description: str, max_length: int = 200) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": max_length,
            "description": description}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Notice acknowledgement record",
    "description": (
        "What an HR system records when an employee acknowledges a privacy notice: which "
        "notice, version and language they were shown (with the SHA-256 of its canonical "
        "text, as notices.json publishes it), when it was presented and acknowledged, and "
        "how. In the spirit of ISO/IEC TS 27560 (consent record information structure). "
        "The governance portal publishes this schema and the notices; it never receives "
        "or keeps these records and holds no personal data."),
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "record_id", "subject", "notice", "presented_at",
                 "acknowledged_at", "method"],
    "properties": {
        "schema_version": {"const": "1.0", "description": "This schema's version."},
        "record_id": _text("A unique id the HR system gives this record (a UUID is "
                           "recommended)."),
        "subject": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id"],
            "description": "The employee, by the HR system's own identifier only (no name, "
                           "e-mail address or other detail: the HR system already holds "
                           "them).",
            "properties": {"id": _text("The HR system's identifier of the employee, such "
                                       "as an employee number or a pseudonymous token.")},
        },
        "notice": {
            "type": "object",
            "additionalProperties": False,
            "required": ["notice_id", "version", "language", "notice_hash", "url"],
            "description": "The notice reference: the fields of one record of notices.json.",
            "properties": {
                "notice_id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                              "maxLength": 80,
                              "description": "notices.json: records[].notice_id."},
                "version": {"type": "string", "pattern": r"^[0-9]{1,9}(\.[0-9]{1,9}){0,2}$",
                            "description": "notices.json: records[].version."},
                "language": {"type": "string",
                             "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                             "description": "notices.json: records[].language (a BCP 47 "
                                            "language tag, such as en or pt-BR)."},
                "notice_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                                "description": "notices.json: records[].notice_hash, the "
                                               "SHA-256 of the text file at text_url, in "
                                               "lowercase hex."},
                "url": {"type": "string", "pattern": "^https://", "maxLength": 2000,
                        "description": "notices.json: records[].url, the version's "
                                       "permanent address."},
                "text_url": {"type": "string", "pattern": "^https://", "maxLength": 2000,
                             "description": "notices.json: records[].text_url, the "
                                            "canonical text that notice_hash is taken of."},
            },
        },
        "presented_at": {"type": "string", "pattern": _DATE_TIME,
                         "description": "When the notice was shown to the employee (RFC "
                                        "3339 date and time with its offset)."},
        "acknowledged_at": {"type": "string", "pattern": _DATE_TIME,
                            "description": "When the employee acknowledged it (RFC 3339; "
                                           "not before presented_at)."},
        "method": {"enum": ["notice-page-link", "hr-system", "e-mail", "paper", "other"],
                   "description": "How the acknowledgement was given: the link on the "
                                  "notice page, a screen of the HR system, a reply by "
                                  "e-mail, a signed paper form, or another way."},
        "collector": _text("The system that recorded it (for example the HR system's "
                           "name)."),
        "note": _text("Anything else the HR system needs to say about this record.", 2000),
    },
}


def schema_text() -> str:
    """The schema as published: sorted keys would hide the reading order, so it is written
    as declared, two spaces an indent, one final newline."""
    return json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n"
