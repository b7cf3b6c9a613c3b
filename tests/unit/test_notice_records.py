"""The canonical text of a notice version, its hash and its address (written out here)."""

from __future__ import annotations

import hashlib

import pytest

from govportal.publish import notice_records as nr

CANONICAL = [
    # (published text, canonical text)
    ("# A\n\nText.\n", "# A\n\nText.\n"),
    ("# A\r\n\r\nText.\r\n", "# A\n\nText.\n"),  # CRLF
    ("# A\r\rText.", "# A\n\nText.\n"),  # old Mac line ends, no final newline
    ("\ufeff# A\n", "# A\n"),  # byte-order mark dropped
    ("# A\n\n\n\n", "# A\n"),  # exactly one final newline
    ("Zu\u0308rich\n", "Z\u00fcrich\n"),  # NFC: u + combining diaeresis is one letter
    ("two  \nspaces\n", "two  \nspaces\n"),  # trailing spaces are Markdown: kept
]


@pytest.mark.parametrize(("published", "canonical"), CANONICAL)
def test_canonical_text(published: str, canonical: str) -> None:
    assert nr.canonical_text(published) == canonical


def test_canonical_text_is_stable() -> None:
    for published, _ in CANONICAL:
        once = nr.canonical_text(published)
        assert nr.canonical_text(once) == once


def test_notice_hash_is_sha256_of_the_utf8_bytes() -> None:
    # written out from `printf '# A\n' | sha256sum`
    assert nr.notice_hash("# A\n") == (
        "aa1237b773c38dbddef583c4868aaea7a44c5237ea7923aecca5513764b42d80")
    assert nr.notice_hash("Z\u00fcrich\n") == hashlib.sha256(b"Z\xc3\xbcrich\n").hexdigest()


def test_addresses() -> None:
    assert nr.text_uri("micro-coaching", "1.2", "en") == "notices/micro-coaching/v1.2/en.txt"
    assert nr.text_uri("x", "2", "pt-BR") == "notices/x/v2/pt-BR.txt"
    assert nr.site_address("notices/x/v2/en.txt", "https://h.example/p/") == (
        "https://h.example/p/notices/x/v2/en.txt")
    assert nr.site_address("notices/x/v2/en.txt") == "notices/x/v2/en.txt"
    assert nr.page_address("notices/x/v1.2.md", "https://h.example") == (
        "https://h.example/notices/x/v1.2/")
