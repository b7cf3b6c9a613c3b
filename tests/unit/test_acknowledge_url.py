"""The acknowledge_url template: what it may hold, and how it is filled (expected messages
written out here)."""

from __future__ import annotations

import pytest

from govportal.data.acknowledge_url import fill, template_problems

GOOD = "https://hr.example.com/ack?notice={notice_id}&v={version}&l={language}&h={notice_hash}"

HOSTILE = [
    ("javascript:alert(1)",
     "the address must be an https: address, not javascript: ('javascript:alert(1)')"),
    ("JavaScript:alert(1)",
     "the address must be an https: address, not JavaScript: ('JavaScript:alert(1)')"),
    ("data:text/html,<script>alert(1)</script>",
     "the address must be an https: address, not data: "
     "('data:text/html,<script>alert(1)</script>')"),
    ("http://hr.example.com/ack", "the address must be an https: address, not http: "
     "('http://hr.example.com/ack')"),
    ("//evil.example/ack", "the address must be an https: address, not an address without "
     "a scheme ('//evil.example/ack')"),
    ("HTTPS://hr.example.com/", "the address must be an https: address, written in lower "
     "case ('HTTPS://hr.example.com/')"),
    ('https://hr.example.com/ack" onclick="alert(1)',
     "the address holds a double quote, which an address may not hold"),
    ("https://hr.example.com/ack' x='1", "the address holds a single quote, which an "
     "address may not hold"),
    ("https://hr.example.com/<b>", "the address holds '<', which an address may not hold"),
    ("https://hr.example.com/a b", "the address holds a space, which an address may not hold"),
    ("https://hr.example.com/a\nb", "the address holds the control character U+000A, which "
     "an address may not hold"),
    ("https://hr.example.com/ack?e={employee_email}", "the address uses the placeholder "
     "{employee_email}, which the portal cannot fill"),
    ("https://hr.example.com/ack?n={notice_id.__class__}", "the address uses the placeholder "
     "{notice_id.__class__}, which the portal cannot fill"),
    ("https://hr.example.com/ack?v={version!r}", "the address has a placeholder with a "
     "format or conversion (such as {version:>5} or {version!r})"),
    ("https://hr.example.com/ack?v={version", "the address has a '{' or '}' that opens or "
     "closes no placeholder"),
    ("https://hr.example.com/ack?v={{version}}", "the address has a '{' or '}' that opens "
     "or closes no placeholder"),
    ("https://{notice_id}.example.com/", "the address must name its host, without a user "
     "name, password or placeholder in it ('https://{notice_id}.example.com/')"),
    ("https://user:pw@hr.example.com/", "the address must name its host, without a user "
     "name, password or placeholder in it ('https://user:pw@hr.example.com/')"),
    ("https:///ack", "the address must name its host, without a user name, password or "
     "placeholder in it ('https:///ack')"),
]


@pytest.mark.parametrize(("template", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_template_is_refused(template: str, message: str) -> None:
    problems = template_problems(template)
    assert [m for m, _ in problems] == [message]
    assert fill(template, "x", "1.0", "en", "ab") is None


def test_a_misspelt_placeholder_gets_a_suggestion() -> None:
    ((_, hint),) = template_problems("https://hr.example.com/ack?n={notice-id}")
    assert hint == ("use only {notice_id}, {version}, {language} and {notice_hash} "
                    "(did you mean {notice_id}?)")


def test_a_good_template_is_filled_url_encoded() -> None:
    assert template_problems(GOOD) == []
    assert fill(GOOD, "micro-coaching", "1.3", "en", "ab12") == (
        "https://hr.example.com/ack?notice=micro-coaching&v=1.3&l=en&h=ab12")
    # a value can never add a parameter, a path or a fragment
    assert fill("https://hr.example.com/ack/{notice_id}?v={version}", "a/b&c=d#e f", "1?x",
                "pt-BR", "\"'<>") == (
        "https://hr.example.com/ack/a%2Fb%26c%3Dd%23e%20f?v=1%3Fx")
    assert fill("https://hr.example.com/{language}/{notice_hash}", "x", "1", "pt-BR",
                "\"'<>") == "https://hr.example.com/pt-BR/%22%27%3C%3E"


def test_a_template_without_placeholders_is_allowed() -> None:
    assert fill("https://hr.example.com/acknowledge", "x", "1", "en", "ab") == (
        "https://hr.example.com/acknowledge")
