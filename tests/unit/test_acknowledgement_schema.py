"""The acknowledgement record's JSON Schema: a record an HR system would keep passes, and
each way of getting one wrong fails (the examples are written out here)."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from govportal.publish import acknowledgement

VALID = {
    "schema_version": "1.0",
    "record_id": "5f0c6a7e-2d7b-4a53-9d1e-8f3b2a61c0d4",
    "subject": {"id": "E-10442"},
    "notice": {
        "notice_id": "micro-coaching",
        "version": "1.3",
        "language": "en",
        "notice_hash": "2c1e0f0e3c5d6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4",
        "url": "https://portal.example.com/notices/micro-coaching/v1.3/",
        "text_url": "https://portal.example.com/notices/micro-coaching/v1.3/en.txt",
    },
    "presented_at": "2026-11-23T09:14:05Z",
    "acknowledged_at": "2026-11-23T09:16:40+01:00",
    "method": "notice-page-link",
    "collector": "Northwind HR system",
}


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(acknowledgement.schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return jsonschema.Draft202012Validator(schema)


def test_a_valid_record_passes() -> None:
    assert list(validator().iter_errors(VALID)) == []
    minimal = {k: v for k, v in VALID.items() if k not in ("collector",)}
    minimal["notice"] = {k: v for k, v in VALID["notice"].items() if k != "text_url"}
    assert list(validator().iter_errors(minimal)) == []


def _set(path: tuple[str, ...], value: object) -> dict:
    record = copy.deepcopy(VALID)
    target = record
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return record


_DELETE = object()

INVALID = [
    # (what is wrong, path, value, the part of the message that names it)
    ("no notice hash", ("notice", "notice_hash"), _DELETE, "'notice_hash' is a required"),
    ("hash in upper case", ("notice", "notice_hash"), "2C1E" + "0" * 60, "does not match"),
    ("hash with its prefix", ("notice", "notice_hash"), "sha256:" + "0" * 64,
     "does not match"),
    ("hash too short", ("notice", "notice_hash"), "0" * 63, "does not match"),
    ("no language", ("notice", "language"), _DELETE, "'language' is a required"),
    ("a language name", ("notice", "language"), "English", "does not match"),
    ("a version with a v", ("notice", "version"), "v1.3", "does not match"),
    ("a plain http address", ("notice", "url"), "http://portal.example.com/x/",
     "does not match"),
    ("a date without a time", ("presented_at",), "2026-11-23", "does not match"),
    ("a time without an offset", ("acknowledged_at",), "2026-11-23T09:16:40",
     "does not match"),
    ("an unknown method", ("method",), "clicked", "is not one of"),
    ("no record id", ("record_id",), _DELETE, "'record_id' is a required"),
    ("personal data beyond the id", ("subject", "email"), "ana@northwind.example",
     "Additional properties are not allowed ('email' was unexpected)"),
    ("an unknown field", ("ip_address",), "192.0.2.1",
     "Additional properties are not allowed ('ip_address' was unexpected)"),
    ("another schema version", ("schema_version",), "2.0", "'1.0' was expected"),
]


@pytest.mark.parametrize(("why", "path", "value", "said"), INVALID,
                         ids=[case[0] for case in INVALID])
def test_an_invalid_record_fails(why: str, path: tuple[str, ...], value: object,
                                 said: str) -> None:
    errors = list(validator().iter_errors(_set(path, value)))
    assert len(errors) == 1, why
    assert said in errors[0].message, errors[0].message
