"""The YAML reader's answers, each written out whole: rule, message, location and hint.

``tests/unit/test_yamlsafe.py`` covers how values resolve and the common failures by their
first line; these cases pin the rest: files in other encodings (with and without a
byte-order mark, at the edges of the UTF-16 guess), positions after a leading blank line,
the size limit, runaway quotes in both quoting styles, problems at the root of a document
and the parser's rarer errors.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from govportal.data import yaml_reader
from govportal.data.positions import strings
from govportal.data.yaml_reader import MAX_BYTES, MAX_NODES, load_bytes, load_text
from govportal.problems import Location, Problems


def read(raw: bytes) -> tuple[object, list[tuple[str, str, Location, str]], object]:
    problems = Problems()
    doc = load_bytes(raw, "x.yaml", problems)
    assert doc.file == "x.yaml"
    return doc.data, [(p.rule, p.message, p.location, p.hint) for p in problems], doc


def at(line: int, col: int, path: str = "") -> Location:
    return Location("x.yaml", line, col, path)


UTF8 = "save the file as UTF-8"


@pytest.mark.parametrize(("raw", "problem"), [
    (b"\xff\xfe\x00\x00" + "a: 1\n".encode("utf-32-le"),
     ("yaml.encoding", "the file is encoded as UTF-32", at(1, 1), UTF8)),
    (b"\x00\x00\xfe\xff" + "a: 1\n".encode("utf-32-be"),
     ("yaml.encoding", "the file is encoded as UTF-32", at(1, 1), UTF8)),
    (b"\xfe\xff\x00a", ("yaml.encoding", "the file is encoded as UTF-16", at(1, 1), UTF8)),
    (b"\xff\xfea\x00", ("yaml.encoding", "the file is encoded as UTF-16", at(1, 1), UTF8)),
    # without a byte-order mark: more than 60 % of the odd or of the even bytes are NUL
    ("name: Learning\n".encode("utf-16-le"),
     ("yaml.encoding", "the file is encoded as UTF-16", at(1, 1), UTF8)),
    ("name: Learning\n".encode("utf-16-be"),
     ("yaml.encoding", "the file is encoded as UTF-16", at(1, 1), UTF8)),
    ("a:".encode("utf-16-le"),  # four bytes are enough to tell
     ("yaml.encoding", "the file is encoded as UTF-16", at(1, 1), UTF8)),
    (b"\xef\xbb\xbfa: 1\n", ("yaml.encoding", "the file starts with a byte-order mark",
                             at(1, 1), "save the file as UTF-8 without a byte-order mark")),
    (b"a: 1\n\n\xe9t\xe9\n", ("yaml.encoding", "byte 0xe9 is not valid UTF-8", at(3, 1),
                             UTF8)),
    (b"\na: caf\xe9\n", ("yaml.encoding", "byte 0xe9 is not valid UTF-8", at(2, 7), UTF8)),
])
def test_a_file_in_another_encoding_is_refused(raw: bytes, problem: tuple) -> None:
    data, problems, doc = read(raw)
    assert (data, problems, doc.ok) == (None, [problem], False)


@pytest.mark.parametrize(("raw", "where"), [
    # exactly 60 % of the even bytes NUL (three of five): not UTF-16, the NUL is reported
    (b"ab\x00c\x00d\x00efg", (1, 3)),
    # exactly 60 % of the odd bytes NUL
    (b"abc\x00d\x00e\x00fg", (1, 4)),
    # UTF-16 text's NULs alternate with its letters when only every third byte is counted
    (b"a\x00" + b"xyz" * 10, (1, 2)),
    # only the first 200 bytes are looked at: 60 of their 100 even bytes are NUL
    (b"\x00x" * 60 + b"yx" * 40 + b"\x00" * 50, (1, 1)),
])
def test_nul_bytes_short_of_the_utf16_guess_are_reported_where_they_are(
        raw: bytes, where: tuple[int, int]) -> None:
    data, problems, _ = read(raw)
    assert problems == [("yaml.encoding", "the file contains a NUL character", at(*where),
                         "save the file as plain UTF-8 text")]


def test_three_bytes_are_too_few_to_guess_utf16() -> None:
    _, problems, _ = read(b"a\x00b")
    assert problems == [("yaml.encoding", "the file contains a NUL character", at(1, 2),
                         "save the file as plain UTF-8 text")]


def test_the_size_limit() -> None:
    at_limit = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(at_limit) == MAX_BYTES == 2 * 1024 * 1024
    data, problems, _ = read(at_limit)
    assert problems == [] and data == {"a": "x" * (MAX_BYTES - 4)}
    data, problems, doc = read(at_limit + b"\n")
    assert (data, doc.ok) == (None, False)
    assert problems == [("yaml.too-large", "the file is 2,097,153 bytes; the limit is 2,097,152",
                         at(1, 1), "split the data into smaller files")]


@pytest.mark.parametrize(("text", "problem"), [
    ("\n\x01a: 1\n", ("yaml.control-character", "the file contains the control character U+0001",
                      at(2, 1), "remove it: it is invisible in most editors and not allowed "
                      "in YAML")),
    ("\n\na: x\x00\n", ("yaml.encoding", "the file contains a NUL character", at(3, 5),
                        "save the file as plain UTF-8 text")),
    ("\nname: safe\u202eexe.txt\n", ("yaml.control-character", "the file contains the "
                                    "invisible bidirectional control character U+202E",
                                    at(2, 11), "remove it: it makes text display in a "
                                    "different order than it is stored, so a reviewer may "
                                    "read something other than what is published")),
])
def test_a_character_yaml_or_a_reviewer_cannot_read_is_located(text: str, problem: tuple) -> None:
    problems = Problems()
    doc = load_text(text, "x.yaml", problems)
    assert [(p.rule, p.message, p.location, p.hint) for p in problems] == [problem]
    assert (doc.data, doc.ok) == (None, False)


def test_a_tab_after_other_characters_is_not_indentation() -> None:
    data, problems, _ = read(b"X\ty: 1\nb: 'X\tY'\n")
    assert problems == [] and data == {"X\ty": 1, "b": "X\tY"}


def test_a_non_specific_tag_keeps_the_text() -> None:
    data, problems, _ = read(b"v: ! 90\nw: ! true\n")
    assert problems == [] and data == {"v": "90", "w": "true"}


def test_positions_of_list_items() -> None:
    _, problems, doc = read(b"a:\n  - one\n  -   two\n  - [x, y]\n  - k: v\n")
    assert problems == []
    assert doc.values[("a", 0)] == (2, 5)
    assert doc.values[("a", 1)] == (3, 7)
    assert doc.values[("a", 2)] == (4, 5)
    assert doc.values[("a", 2, 1)] == (4, 9)
    assert doc.values[("a", 3, "k")] == (5, 8)
    assert doc.ok


@pytest.mark.parametrize(("raw", "problem"), [
    (b"*x\n", ("yaml.alias", "alias '*x' is not allowed in policy data", at(1, 1),
               "write the value out, or refer to it by its id; anchors and aliases can expand "
               "without limit")),
    (b"!!binary aGk=\n", ("yaml.tag", "the tag 'tag:yaml.org,2002:binary' is not allowed in "
                          "policy data", at(1, 1), "remove the tag: policy data holds only "
                          "text, numbers, true/false, lists and mappings")),
    (b"a:\n  b: [[[" + b"[" * 40 + b"]]]" + b"]" * 40 + b"\n",
     ("yaml.too-deep", "the data is nested more than 40 levels deep", at(2, 44, "a.b"),
      "flatten the structure; policy data is never this deep")),
    (b"? [a, b]\n: 1\n", ("yaml.complex-key", "a mapping key must be plain text", at(1, 3),
                          "write the key as a simple word")),
    (b"m:\n  ? {a: b}\n  : 1\n", ("yaml.complex-key", "a mapping key must be plain text",
                                at(2, 5, "m"), "write the key as a simple word")),
])
def test_problems_at_the_root_and_deep_inside(raw: bytes, problem: tuple) -> None:
    data, problems, doc = read(raw)
    assert (data, problems, doc.ok) == (None, [problem], False)


# -- Syntax errors -------------------------------------------------------------------------

QUOTE_HINT = "add the closing quote at the end of this value"


@pytest.mark.parametrize(("raw", "problem"), [
    # the closing quote is missing: the value swallows the keys after it
    (b"a: 'open\nb: 1\nc: 'two'\n", ("yaml.syntax", "the quoted text that starts here runs on to "
                                "line 3: a closing quote is probably missing", at(1, 4),
                                QUOTE_HINT)),
    (b'a: "open\nb: 1\nc: "two"\n', ("yaml.syntax", "the quoted text that starts here runs on to "
                                "line 3: a closing quote is probably missing", at(1, 4),
                                QUOTE_HINT)),
    # a quoted value over two lines holding no key is fine: the error is elsewhere
    (b"a: 'one\n  two'\nb: 1\nc: [1, 2",  # no line break at the end
     ("yaml.syntax", "the file ends in the middle of a value: while parsing a flow sequence "
      "did not find expected ',' or ']'", at(4, 9),
      "check indentation, colons and quotes around this line")),
    (b"a: 'one\n  two'\nb: 1\nc: d: e\n",
     ("yaml.syntax", "the file is not valid YAML: mapping values are not allowed in this context",
      at(4, 5), "a colon followed by a space starts a key: put text that contains ': ' in "
      "quotes")),
    # the quote is looked for with the parser's own scanner: the stray "]" it stops at
    # comes first (a scanner that read on would blame the quote on line 3 instead)
    (b"name: x\n]\n'title: Learning\nowner: 'HR'\n",
     ("yaml.syntax", "the file is not valid YAML: while parsing a block mapping did not find "
      "expected key", at(2, 1), "check indentation, colons and quotes around this line")),
    (b"a: ok\nb: `cmd`\n", ("yaml.syntax", "a value cannot start with '`'", at(2, 4),
                            "put the value in quotes: '`' has a meaning of its own in YAML")),
    ("é: ok\nb: @x\n".encode(), ("yaml.syntax", "a value cannot start with '@'", at(2, 4),
                                 "put the value in quotes: '@' has a meaning of its own in "
                                 "YAML")),
])
def test_syntax_errors_are_explained(raw: bytes, problem: tuple) -> None:
    data, problems, doc = read(raw)
    assert (data, problems, doc.ok) == (None, [problem], False)


@pytest.mark.parametrize(("error", "message"), [
    # the parser's errors without a position (libyaml's reader errors are prevented by the
    # character check; any such error must still become one located problem)
    (yaml.YAMLError("the stream broke\nwhile reading\nthe third line"),
     "the file is not valid YAML: the stream broke"),
    (yaml.MarkedYAMLError(problem="something odd"), "the file is not valid YAML: something odd"),
    (yaml.MarkedYAMLError(context="while parsing"), "the file is not valid YAML: while parsing"),
])
def test_a_parser_error_without_a_position_is_put_at_the_start(
        monkeypatch: pytest.MonkeyPatch, error: yaml.YAMLError, message: str) -> None:
    def failing_parse(text: str, Loader: object) -> object:  # noqa: N803 (PyYAML's name)
        raise error

    monkeypatch.setattr(yaml_reader.yaml, "parse", failing_parse)
    problems = Problems()
    doc = load_text("a: 1\n", "x.yaml", problems)
    hint = ("check the file's syntax" if type(error) is yaml.YAMLError
            else "check indentation, colons and quotes around this line")
    assert [(p.rule, p.message, p.location, p.hint) for p in problems] == [
        ("yaml.syntax", message, at(1, 1), hint)]
    assert (doc.data, doc.ok) == (None, False)


# The builder hands a plain scalar to resolve_plain only when its first character is one a
# null, a boolean or a number can start with; the rest stay text without a look.
NOT_TEXT = ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
            "FALSE", "0", "7", "-2", "+3", ".5", "-.5", "+1.5e3", "1.", "2.5E-3"]


@given(st.text(alphabet=st.sampled_from("~nNtTfFrRuUeElLsS+-.0123456789eaxé "), max_size=8))
@example("~")
@example("null")
@example("True")
@example("false")
@example("+1")
@example(".5")
@example("-7")
@example("0")
def test_only_text_with_a_telling_first_character_can_resolve_to_another_value(
        text: str) -> None:
    if yaml_reader.resolve_plain(text) is not text:
        assert text == "" or text[0] in yaml_reader._MAYBE_NOT_TEXT


@pytest.mark.parametrize("text", NOT_TEXT)
def test_a_plain_null_boolean_or_number_resolves_in_a_list_a_mapping_and_alone(
        text: str) -> None:
    expected = yaml_reader.resolve_plain(text)
    assert expected is not text
    source = f"- {text}\n- m: {text}\n  k: [{text}]\n".encode()
    data, problems, doc = read(source)
    assert (data, problems, doc.ok) == ([expected, {"m": expected, "k": [expected]}], [], True)
    assert read(text.encode())[0] == expected
    # quoted, or as a key, it is the text written
    assert read(f"- '{text}'\n- {{{text}: 1}}\n".encode())[0] == [text, {text: 1}]


def test_an_empty_plain_value_is_null() -> None:
    assert read(b"- \n- m:\n  k: [a, ]\n")[0] == [None, {"m": None, "k": ["a"]}]


def test_plain_text_stays_text_and_keeps_its_position() -> None:
    data, problems, doc = read(b"a: NO\nb: [yes, on, 0x1F]\nc:\n  - text\n")
    assert (data, problems) == ({"a": "NO", "b": ["yes", "on", "0x1F"], "c": ["text"]}, [])
    assert (doc.values[("b", 2)], doc.values[("c", 0)], doc.keys[("c",)]) == (
        (2, 14), (4, 5), (3, 1))


@pytest.mark.parametrize("text", ["a: 1\n\tb: 2\n", "a:\n \t- 1\n"])
def test_a_tab_is_looked_for_only_in_text_that_has_one(text: str) -> None:
    problems = Problems()
    doc = load_text(text, "x.yaml", problems)
    assert [p.rule for p in problems] == ["yaml.tab-indent"] and not doc.ok


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(min_size=1, max_size=4), children, max_size=4),
    max_leaves=20)


@given(VALUES)
def test_the_texts_the_reader_gives_are_the_ones_a_walk_of_the_value_finds(value: object) -> None:
    doc = read(yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode())[2]
    assert doc.ok
    assert doc.texts() == tuple(strings(doc.data))


@pytest.mark.parametrize("source", [
    b"a: x\nb: [y, {c: z}]\na: [dropped, {d: dropped}]\ne: w\n",
    b"m:\n  k: one\n  k: two\n  j: three\n",
    b"just text\n",
])
def test_after_a_repeated_key_the_texts_are_those_of_the_value_kept(source: bytes) -> None:
    doc = read(source)[2]
    assert doc.texts() == tuple(strings(doc.data))
    assert "dropped" not in [text for _, text in doc.texts()]


def test_the_node_limit_counts_every_value_and_points_at_the_first_one_over() -> None:
    at_limit = b"- 1\n" * (MAX_NODES - 1)  # the list is a value too
    data, problems, doc = read(at_limit)
    assert (problems, doc.ok, len(data)) == ([], True, MAX_NODES - 1)
    data, problems, doc = read(b"- 1\n" * (MAX_NODES - 2) + b"- []\n")  # a list the last
    assert (problems, doc.ok, data[-1]) == ([], True, [])
    for extra, col in ((b"- 1\n", 3), (b"- []\n", 3), (b"- {}\n", 3)):
        _, problems, doc = read(at_limit + extra)
        assert [(p[0], p[2]) for p in problems] == [
            ("yaml.too-large", at(MAX_NODES, col))] and not doc.ok


@pytest.mark.parametrize(("raw", "path"), [
    (b"a:\n  - !!set {x: 1}\n", "a"),
    (b"a:\n  b: !!python/object [1]\n", "a"),
    (b"!!set {x: 1}\n", ""),
])
def test_a_refused_tag_on_a_mapping_or_list_names_where_it_is(raw: bytes, path: str) -> None:
    _, problems, doc = read(raw)
    assert [(p[0], p[2].path) for p in problems] == [("yaml.tag", path)] and not doc.ok


@pytest.mark.parametrize(("raw", "value"), [
    (b"! 12\n", "12"), (b"'12'\n", "12"), (b"12\n", 12), (b"- ! 12\n- '7'\n", ["12", "7"]),
    (b"a: ! true\nb: \"~\"\n", {"a": "true", "b": "~"}),
])
def test_a_tagged_or_quoted_scalar_stays_text_wherever_it_is(raw: bytes, value: object) -> None:
    data, problems, doc = read(raw)
    assert (data, problems, doc.ok) == (value, [], True)


@pytest.mark.parametrize("raw", [b"first\n---\nsecond\n", b"[1]\n---\n[2]\n"])
def test_a_second_document_after_any_first_one_is_refused(raw: bytes) -> None:
    data, problems, doc = read(raw)
    assert [(p[0], p[2]) for p in problems] == [("yaml.multiple-documents", at(2, 1))]
    assert not doc.ok
