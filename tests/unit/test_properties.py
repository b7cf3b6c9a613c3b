"""Property-based tests: whatever text reaches the reader, the loader and the rules, the
answer is a value (data and located problems), never an exception.

Four sources of input: arbitrary text, arbitrary bytes, arbitrary nested data written as
YAML, and valid data files mutated line by line. For each, every problem names the file, a
line and a column (both at least 1) and a rule id.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal import pipeline
from govportal.data import model as m
from govportal.data import validation
from govportal.data.positions import Document
from govportal.data.yaml_reader import load_bytes, load_text
from govportal.problems import Problems
from govportal.rules import registry
from tests.conftest import CASES

SETTINGS = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
COMPLETE = CASES / "valid" / "complete"
MODELS: dict[str, type[m.Strict]] = {**m.SINGLE_FILES, "programs/learning.yaml": m.Program}
FILES = sorted(name for name in MODELS if (COMPLETE / name).is_file())
RULE_ID = re.compile(r"^[a-z]+(?:[.-][a-z0-9-]+)+$")

# Pieces of YAML syntax, so random text is often nearly valid YAML rather than noise.
TOKENS = ["a", "id", "title", "fields", ":", ": ", "- ", "\n", "  ", "    ", "\t", "[", "]",
          "{", "}", ",", "'", '"', "&x ", "*x", "!!python/object:os.system ", "!tag ", "? ",
          "|", ">-", "#", "---", "...", "yes", "no", "NO", "0755", "1:30", "2026-13-45",
          "~", "null", "true", "1.0", "%YAML 1.1\n", "<<: ", "\\", "\u202e", "\x00", "\ufeff",
          "é", "\r\n", "@", "`"]


def assert_located(problems: Problems, file: str) -> None:
    for problem in problems:
        assert problem.location.file == file, problem
        assert problem.location.line >= 1 and problem.location.column >= 1, problem
        assert RULE_ID.match(problem.rule), problem
        assert problem.message, problem


yaml_like = st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60).map("".join)

# Block YAML written by hand: nested keys and list items holding plain scalars written as
# they are (no quoting), the way a policy owner writes (and mistypes) it.
PLAIN = ["NO", "no", "yes", "on", "off", "0755", "0o17", "0x1f", "1:30", "1_000", "+1", "-0",
         ".inf", ".NaN", "1e3", "2026-01-15", "2026-13-45", "2026-1-5", "~", "null", "", "1.0",
         "true", "True", "x y", "'q'", '"q"', "[a, b]", "{a: 1}", "&a v", "*a", "!!str 1",
         "|", ">", "-", "?", ":", "#c", "a #c", "é", "\u202e"]
plain_leaf = st.sampled_from(PLAIN) | st.sampled_from(PLAIN) | st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)
tree = st.recursive(plain_leaf, lambda children: st.lists(children, min_size=1, max_size=3)
                    | st.dictionaries(st.sampled_from(["id", "title", "a", "NO", "1"]),
                                      children, min_size=1, max_size=3), max_leaves=12)


def block(node: object, depth: int = 0) -> str:
    pad = "  " * depth
    if isinstance(node, dict):
        return "".join(f"{pad}{k}: {v}\n" if isinstance(v, str) else f"{pad}{k}:\n"
                       + block(v, depth + 1) for k, v in node.items())
    if isinstance(node, list):
        return "".join(f"{pad}- {v}\n" if isinstance(v, str) else f"{pad}-\n"
                       + block(v, depth + 1) for v in node)
    return f"{pad}{node}\n"


block_yaml = tree.map(block)


@SETTINGS
@given(st.text(max_size=400) | yaml_like | block_yaml)
def test_any_text_gives_a_document_or_located_problems(text: str) -> None:
    problems = Problems()
    doc = load_text(text, "x.yaml", problems)
    assert isinstance(doc, Document)
    assert doc.ok or len(problems) > 0 or doc.data is None
    assert_located(problems, "x.yaml")


@SETTINGS
@given(st.binary(max_size=400) | yaml_like.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_a_document_or_located_problems(raw: bytes) -> None:
    problems = Problems()
    load_bytes(raw, "x.yaml", problems)
    assert_located(problems, "x.yaml")


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=30) | st.dates().map(dt.date.isoformat))
keys = st.sampled_from(["id", "title", "name", "fields", "purposes", "notice", "version",
                        "vendors", "rules", "items", "x"]) | st.text(min_size=1, max_size=8)
nested = st.recursive(scalars, lambda children: st.lists(children, max_size=4)
                      | st.dictionaries(keys, children, max_size=5), max_leaves=25)


@SETTINGS
@given(nested, st.sampled_from(sorted(set(MODELS.values()), key=lambda c: c.__name__)))
def test_any_data_written_as_yaml_validates_to_located_problems(data: object,
                                                               model: type[m.Strict]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    problems = Problems()
    doc = load_text(text, "x.yaml", problems)
    if doc.ok and doc.data is not None:
        validation.validate(doc, model, problems)
    assert_located(problems, "x.yaml")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A file of the complete case, changed by a few random line edits."""
    name = draw(st.sampled_from(FILES))
    lines = (COMPLETE / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent",
                                     "value", "insert", "truncate"]))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif kind == "value":
            head, sep, _ = lines[i].partition(": ")
            token = draw(st.sampled_from(TOKENS) | st.text(max_size=10))
            lines[i] = f"{head}{sep or ': '}{token}\n"
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(TOKENS)) + lines[i][at:]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return name, "".join(lines)


@SETTINGS
@given(mutated())
def test_mutated_files_validate_to_located_problems(case: tuple[str, str]) -> None:
    name, text = case
    problems = Problems()
    doc = load_text(text, name, problems)
    if doc.ok and doc.data is not None:
        validation.validate(doc, MODELS[name], problems)
    assert_located(problems, name)
    last = text.count("\n") + 1
    assert all(p.location.line <= last for p in problems)


def test_mutations_do_produce_problems() -> None:
    """The mutation strategy is not vacuous: a deleted key is reported."""
    text = (COMPLETE / "roles.yaml").read_text(encoding="utf-8").replace("roles:", "rolez:", 1)
    problems = Problems()
    doc = load_text(text, "roles.yaml", problems)
    validation.validate(doc, m.Roles, problems)
    assert {p.rule for p in problems} == {"schema.unknown-key"}
    assert {p.rule for p, _ in problems.followers()} == {"schema.missing"}


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutated())
def test_the_whole_check_survives_a_mutated_file(tmp_path_factory, case: tuple[str, str]
                                                 ) -> None:
    """Loader and every rule, on a data folder with one damaged file."""
    name, text = case
    root = tmp_path_factory.mktemp("prop")
    data = root / "data"
    shutil.copytree(COMPLETE, data)
    (data / name).write_text(text, encoding="utf-8")
    result = pipeline.check(data, registry.Options(today=dt.date(2026, 11, 22)), label_base=root)
    for problem in result.problems:
        assert problem.location.file.startswith("data/"), problem
        assert RULE_ID.match(problem.rule), problem
        if problem.location.line:
            assert problem.location.column >= 1, problem
    # either the damage is reported, or what was read is a whole policy
    if not result.problems.errors:
        assert result.policy is not None and "learning" in result.policy.programs
