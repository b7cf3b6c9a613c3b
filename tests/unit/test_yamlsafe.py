"""The YAML reader resolves values deliberately and turns every failure into a problem."""

from __future__ import annotations

import pytest

from govportal.data.yaml_reader import load_bytes
from govportal.problems import Problems


def load(text: bytes) -> tuple[object, list[str]]:
    problems = Problems()
    doc = load_bytes(text, "x.yaml", problems)
    return doc.data, [p.format_text() for p in problems]


@pytest.mark.parametrize(
    ("source", "value"),
    [
        (b"v: NO", "NO"),
        (b"v: yes", "yes"),
        (b"v: on", "on"),
        (b"v: 0755", "0755"),
        (b"v: 0o17", "0o17"),
        (b"v: 1:30", "1:30"),
        (b"v: 2026-01-01", "2026-01-01"),
        (b"v: 90", 90),
        (b"v: -3", -3),
        (b"v: 1.5", 1.5),
        (b"v: true", True),
        (b"v: False", False),
        (b"v: ~", None),
        (b"v:", None),
        (b"v: '90'", "90"),
        (b'v: "true"', "true"),
        (b"v: .inf", ".inf"),
    ],
)
def test_plain_scalars_resolve_deliberately(source: bytes, value: object) -> None:
    data, problems = load(source)
    assert problems == []
    assert data == {"v": value}


def test_keys_stay_the_text_written() -> None:
    data, _ = load(b"NO: norway\n1: one\ntrue: t\n")
    assert data == {"NO": "norway", "1": "one", "true": "t"}


def test_positions_of_values_and_keys() -> None:
    problems = Problems()
    doc = load_bytes(b"a:\n  b:\n    - c: 1\n      d: x\n", "x.yaml", problems)
    assert doc.values[("a", "b", 0, "d")] == (4, 10)
    assert doc.keys[("a", "b", 0, "d")] == (4, 7)
    loc = doc.location(("a", "b", 0, "missing"))
    assert (loc.line, loc.column, loc.path) == (3, 7, "a.b[0].missing")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (b"a: 1\na: 2\n",
         "x.yaml:2:1: error [yaml.duplicate-key] a: the key 'a' appears twice (first at line 1)"),
        (b"a: &x [1]\nb: *x\n",
         "x.yaml:2:4: error [yaml.alias] alias '*x' is not allowed in policy data"),
        (b"a: !!python/object:os.system x\n",
         "x.yaml:1:4: error [yaml.tag] the tag 'tag:yaml.org,2002:python/object:os.system' is "
         "not allowed in policy data"),
        (b"a:\n\tb: 1\n", "x.yaml:2:1: error [yaml.tab-indent] a tab is used for indentation"),
        (b"\xef\xbb\xbfa: 1", "x.yaml:1:1: error [yaml.encoding] the file starts with a "
         "byte-order mark"),
        (b"\xff\xfea\x00", "x.yaml:1:1: error [yaml.encoding] the file is encoded as UTF-16"),
        (b"a: caf\xe9\n", "x.yaml:1:7: error [yaml.encoding] byte 0xe9 is not valid UTF-8"),
        (b"a: [1, 2\n", "x.yaml:2:1: error [yaml.syntax] the file is not valid YAML: while "
         "parsing a flow sequence did not find expected ',' or ']'"),
        (b"a: 1\n---\nb: 2\n", "x.yaml:2:1: error [yaml.multiple-documents] the file holds "
         "more than one YAML document"),
    ],
)
def test_failures_are_located_problems(source: bytes, expected: str) -> None:
    data, problems = load(source)
    assert len(problems) == 1
    assert problems[0].split("\n")[0] == expected


def test_deep_nesting_is_refused_without_recursion() -> None:
    _, problems = load(b"[" * 5000 + b"]" * 5000)
    assert len(problems) == 1
    assert "[yaml.too-deep]" in problems[0]


def test_billion_laughs_is_refused() -> None:
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [".encode() + b",".join(
            [f"*{chr(96 + i)}".encode()] * 9) + b"]\n"
    _, problems = load(bomb)
    assert len(problems) == 1
    assert "[yaml.alias]" in problems[0]


@pytest.mark.parametrize(("source", "value"), [
    (b"a: first\na: second\n", {"a": "first"}),
    (b"a: first\nb: 2\na: second\nc: 3\n", {"a": "first", "b": 2, "c": 3}),
    (b"a: {x: 1}\na: {y: 2}\n", {"a": {"x": 1}}),
    (b"a: [1]\na: [2, 3]\n", {"a": [1]}),
    (b"m:\n  k: 1\n  k: 2\n  j: 3\n", {"m": {"k": 1, "j": 3}}),
    (b"- {k: one, k: two}\n", [{"k": "one"}]),
])
def test_a_duplicate_key_keeps_the_first_value(source: bytes, value: object) -> None:
    """The problem says the repeated key "replaces the first value" in other readers; this
    one reports it and keeps the first, so what the error points at is what was read."""
    data, problems = load(source)
    assert data == value
    assert len(problems) == 1 and "[yaml.duplicate-key]" in problems[0]


def test_the_first_value_keeps_its_position() -> None:
    problems = Problems()
    doc = load_bytes(b"a: first\nb: 1\na: second\n", "x.yaml", problems)
    assert doc.values[("a",)] == (1, 4)
    assert doc.keys[("a",)] == (1, 1)
