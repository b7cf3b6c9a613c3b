"""Safe, deliberate YAML reading with positions.

PyYAML's constructors follow YAML 1.1, where ``NO``, ``yes`` and ``on`` are booleans,
``0755`` is octal, ``1:30`` is a base-60 number and ``2026-01-01`` is a date. Policy data
must not change meaning that way, so this module builds values itself from libyaml's event
stream (the C parser, no object construction at all):

* only ``true``/``false`` are booleans, only plain decimal numbers are numbers, only
  ``null``/``~``/empty are null; everything else stays the text that was written, and the
  schema decides (dates are parsed from text by the schema, on purpose);
* aliases are refused (no "billion laughs"), explicit tags are refused (no Python
  objects), nesting depth and node count are bounded, duplicate keys are reported;
* every value and every key keeps its line and column, so a problem found later by the
  schema or a rule can point at the exact place.

Failures never raise: they become :class:`~govportal.problems.Problem` values.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..problems import Location, Problems
from .positions import Document, Path, format_path

try:  # the PyYAML wheel ships libyaml; fall back to the pure-Python parser if not
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                 "tag:yaml.org,2002:seq"}


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar the deliberate way (see module docstring)."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


# The first characters of the plain scalars that resolve_plain turns into something other
# than text: null ("", "~", "null"), true and false, and a number's sign, point or digit.
# Any other plain scalar is text as written, without a look at the patterns.
_MAYBE_NOT_TEXT = frozenset("~nNtTfF+-.0123456789")


class _Builder:
    """Turns libyaml events into plain values, iteratively (no recursion limit)."""

    def __init__(self, doc: Document, problems: Problems) -> None:
        self.doc = doc
        self.problems = problems

    def fail(self, rule: str, message: str, mark: Any, hint: str, path: Path = ()) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.add(rule, message, Location(self.doc.file, line, col, format_path(path)),
                          hint)

    def build(self, events: Any) -> bool:
        """Read every event once. Each open collection is a frame
        ``[container, path, pending key, the pending key repeats one before, keys seen]``;
        a list's frame has no pending key. The loop is written out in one function, with
        the values it uses held in locals: it runs once per value of every data file."""
        values, keys = self.doc.values, self.doc.keys
        # every text kept, with its path, in document order: what Document.texts() would
        # walk the value for (given up at a repeated key: its value is read, not kept)
        texts: list[tuple[Path, str]] | None = []
        stack: list[list[Any]] = []
        frame: list[Any] | None = None  # stack[-1], or None at the top level
        root: Any = None
        have_root = False
        documents = 0
        nodes = 0
        scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        skipped = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)
        allowed, maybe_not_text = _ALLOWED_TAGS, _MAYBE_NOT_TEXT
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                if nodes > MAX_NODES:
                    return self._too_large(event)
                tag = event.tag
                if tag not in allowed:
                    return self._bad_tag(event, frame)
                mark = event.start_mark
                text = event.value
                if frame is None:
                    if tag is None and not event.style and event.implicit[0]:
                        text = resolve_plain(text)
                    root, have_root = text, True
                    values[()] = (mark.line + 1, mark.column + 1)
                    if texts is not None and type(text) is str:
                        texts.append(((), text))
                    continue
                container, path = frame[0], frame[1]
                if frame[4] is None:  # a list
                    if (tag is None and not event.style and event.implicit[0]
                            and (not text or text[0] in maybe_not_text)):
                        text = resolve_plain(text)
                    where = (*path, len(container))
                    values[where] = (mark.line + 1, mark.column + 1)
                    container.append(text)
                    if texts is not None and type(text) is str:
                        texts.append((where, text))
                    continue
                key = frame[2]
                if key is None:  # a key: it stays the text written, `NO:` is "NO"
                    seen = frame[4]
                    if text in seen:
                        self._duplicate(path, text, mark)
                        frame[2], frame[3] = text, True
                        texts = None
                        continue
                    seen.add(text)
                    keys[(*path, text)] = (mark.line + 1, mark.column + 1)
                    frame[2] = text
                    continue
                if not frame[3]:
                    if (tag is None and not event.style and event.implicit[0]
                            and (not text or text[0] in maybe_not_text)):
                        text = resolve_plain(text)
                    where = (*path, key)
                    values[where] = (mark.line + 1, mark.column + 1)
                    container[key] = text
                    if texts is not None and type(text) is str:
                        texts.append((where, text))
                frame[2], frame[3] = None, False
                continue
            if kind in ends:
                value = stack.pop()[0]
                if not stack:
                    frame = None
                    root, have_root = value, True
                    continue
                frame = stack[-1]
                if frame[4] is None:
                    frame[0].append(value)
                    continue
                if not frame[3]:
                    frame[0][frame[2]] = value
                frame[2], frame[3] = None, False
                continue
            if kind in skipped:
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.fail("yaml.multiple-documents",
                              "the file holds more than one YAML document", event.start_mark,
                              "keep one document per file: remove the '---' separator")
                    return False
                continue
            if kind is yaml.AliasEvent:
                self.fail("yaml.alias",
                          f"alias '*{event.anchor}' is not allowed in policy data",
                          event.start_mark,
                          "write the value out, or refer to it by its id; anchors and aliases "
                          "can expand without limit", frame[1] if frame else ())
                return False
            # A mapping or a list starts.
            nodes += 1
            if nodes > MAX_NODES:
                return self._too_large(event)
            if event.tag not in allowed:
                return self._bad_tag(event, frame)
            if len(stack) >= MAX_DEPTH:
                self.fail("yaml.too-deep", f"the data is nested more than {MAX_DEPTH} levels deep",
                          event.start_mark, "flatten the structure; policy data is never this deep",
                          frame[1][:2] if frame else ())
                return False
            if frame is None:
                path = ()
            elif frame[4] is None:
                path = (*frame[1], len(frame[0]))
            elif frame[2] is None:  # a mapping or list used as a key
                self.fail("yaml.complex-key", "a mapping key must be plain text",
                          event.start_mark, "write the key as a simple word", frame[1])
                return False
            else:
                path = (*frame[1], frame[2])
            mark = event.start_mark
            values[path] = (mark.line + 1, mark.column + 1)
            if kind is mapping_start:
                frame = [{}, path, None, False, set()]
            else:
                frame = [[], path, None, False, None]
            stack.append(frame)
        self.doc.data = root if have_root else None
        if texts is not None:
            self.doc.read_texts(texts)
        return True

    def _too_large(self, event: Any) -> bool:
        self.fail("yaml.too-large", f"the file has more than {MAX_NODES} values",
                  event.start_mark, "split the data into smaller files")
        return False

    def _bad_tag(self, event: Any, frame: list[Any] | None) -> bool:
        self.fail("yaml.tag", f"the tag '{event.tag}' is not allowed in policy data",
                  event.start_mark,
                  "remove the tag: policy data holds only text, numbers, true/false, "
                  "lists and mappings", frame[1] if frame else ())
        return False

    def _duplicate(self, path: Path, key: str, mark: Any) -> None:
        first = self.doc.keys.get((*path, key))
        where = f" (first at line {first[0]})" if first else ""
        self.problems.add(
            "yaml.duplicate-key", f"the key '{key}' appears twice{where}",
            Location(self.doc.file, mark.line + 1, mark.column + 1, format_path((*path, key))),
            "keep one of them: a repeated key silently replaces the first value")


def _tab_indented(text: str, file: str, problems: Problems) -> bool:
    """Report every line indented with a tab; whether there was one."""
    bad_tabs = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.add("yaml.tab-indent", "a tab is used for indentation",
                         Location(file, number, len(line) - len(stripped) + 1),
                         "YAML indents with spaces only: replace the tab with spaces")
            bad_tabs = True
    return bad_tabs


def load_text(text: str, file: str, problems: Problems) -> Document:
    """Parse YAML text into a :class:`Document`; problems go to ``problems``."""
    doc = Document(file)
    if not _characters_ok(text, file, problems):
        return doc
    if "\t" in text and _tab_indented(text, file, problems):
        return doc
    builder = _Builder(doc, problems)
    try:
        doc.ok = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        _syntax_problem(exc, text, file, problems)
    except yaml.YAMLError as exc:
        first = str(exc).split("\n", 1)[0]
        problems.add("yaml.syntax", f"the file is not valid YAML: {first}", Location(file, 1, 1),
                     "check the file's syntax")
    return doc


# Characters YAML does not allow, plus the invisible controls that reorder text on screen
# ("Trojan Source"): a reviewer would read something other than what gets published.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
                        "\ud800-\udfff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _characters_ok(text: str, file: str, problems: Problems) -> bool:
    """Report the first control character or bidirectional override, with its position."""
    match = _FORBIDDEN.search(text)
    if match:
        line, col = _position(text, match.start())
        char = match.group()
        if char == "\x00":
            problems.add("yaml.encoding", "the file contains a NUL character",
                         Location(file, line, col), "save the file as plain UTF-8 text")
        else:
            problems.add("yaml.control-character",
                         f"the file contains the control character U+{ord(char):04X}",
                         Location(file, line, col),
                         "remove it: it is invisible in most editors and not allowed in YAML")
        return False
    match = _BIDI.search(text)
    if match:
        line, col = _position(text, match.start())
        problems.add("yaml.control-character",
                     f"the file contains the invisible bidirectional control character "
                     f"U+{ord(match.group()):04X}", Location(file, line, col),
                     "remove it: it makes text display in a different order than it is stored, "
                     "so a reviewer may read something other than what is published")
        return False
    return True


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str,
                    problems: Problems) -> None:
    """Turn a parser error into one located problem, with a better message where the
    parser's own words would puzzle a policy owner."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    message = "the file is not valid YAML: " + " ".join(x for x in (context, problem) if x)
    hint = "check indentation, colons and quotes around this line"
    if context.startswith("while scanning a quoted scalar") and exc.context_mark:
        mark = exc.context_mark
        message = "the quoted text that starts here is never closed"
        hint = "add the closing quote"
    elif context.startswith("while scanning a simple key") and exc.context_mark:
        mark = exc.context_mark
        message = "this line is neither 'key: value' nor a list item ('- value')"
        hint = "add the missing colon, or join the line to the text above it"
    elif problem.startswith("found character that cannot start any token") and mark:
        char = text[mark.index] if mark.index < len(text) else ""
        message = f"a value cannot start with '{char}'"
        hint = f"put the value in quotes: '{char}' has a meaning of its own in YAML"
    elif problem.startswith("mapping values are not allowed"):
        hint = ("a colon followed by a space starts a key: put text that contains ': ' in "
                "quotes")
    runaway = _runaway_quote(text)
    if runaway is not None:
        (line, col), end = runaway
        problems.add("yaml.syntax", f"the quoted text that starts here runs on to line {end}: "
                     "a closing quote is probably missing", Location(file, line, col),
                     "add the closing quote at the end of this value")
        return
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.split("\n")
    if line > len(lines):  # libyaml puts the end of the stream after the last line
        line, col = len(lines), len(lines[-1]) + 1
        message = message.replace("the file is not valid YAML:",
                                  "the file ends in the middle of a value:", 1)
    problems.add("yaml.syntax", message, Location(file, line, col), hint)


_KEY_LINE = re.compile(r"\n[ ]*(?:- )?[A-Za-z_][A-Za-z0-9_-]*:(?: |$)", re.M)


def _runaway_quote(text: str) -> tuple[tuple[int, int], int] | None:
    """A quoted value that swallowed the lines after it (its closing quote is missing):
    the position of its opening quote and the line where it ended, if there is one."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.end_mark.line > token.start_mark.line
                    and _KEY_LINE.search(text, token.start_mark.index, token.end_mark.index)):
                start = token.start_mark
                return (start.line + 1, start.column + 1), token.end_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def load_bytes(raw: bytes, file: str, problems: Problems) -> Document:
    """Decode strictly as UTF-8 (no byte-order mark), then parse."""
    if len(raw) > MAX_BYTES:
        problems.add("yaml.too-large", f"the file is {len(raw):,} bytes; the limit is "
                     f"{MAX_BYTES:,}", Location(file, 1, 1), "split the data into smaller files")
        return Document(file)
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add("yaml.encoding", "the file starts with a byte-order mark",
                     Location(file, 1, 1), "save the file as UTF-8 without a byte-order mark")
        return Document(file)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        problems.add("yaml.encoding", "the file is encoded as UTF-32", Location(file, 1, 1),
                     "save the file as UTF-8")
        return Document(file)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        problems.add("yaml.encoding", "the file is encoded as UTF-16", Location(file, 1, 1),
                     "save the file as UTF-8")
        return Document(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add("yaml.encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                     Location(file, line, col), "save the file as UTF-8")
        return Document(file)
    return load_text(text, file, problems)


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: text where every other byte is NUL."""
    head = raw[:200]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > len(even) * 0.6 or odd.count(0) > len(odd) * 0.6
