"""The disclosure gate measured on real published notices: what it reports, set against what
an independent reading of each notice found missing.

Each case in this folder is one published workforce or applicant privacy notice, encoded as
portal data exactly as strong or as weak as its text (``<case>/data/``, laid over the neutral
stand-ins in ``_common/``). ``<case>/expected.txt`` lists, by hand, the catalog items the
reading found missing; ``<case>/gate.yaml`` lists where the gate is known to differ and why.

:func:`reported` runs the check and turns its problems into catalog item ids, by the mapping
documented there (and pinned by ``tests/unit/test_corpus.py``); :func:`render` writes the
figures. Regenerate ``RESULTS.md`` after any change to the gate or the cases::

    .venv/bin/python -m tests.cases.corpus.measure          # rewrite RESULTS.md
    .venv/bin/python -m tests.cases.corpus.measure --check  # exit 1 when it is stale
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from govportal import pipeline
from govportal.problems import Problem
from govportal.rules import registry
from govportal.rules.catalog import load_catalog, load_wording
from govportal.rules.decisions import Status, decide

CORPUS = Path(__file__).resolve().parent
COMMON = CORPUS / "_common"
RESULTS = CORPUS / "RESULTS.md"
MEASURED = (CORPUS.parents[2] / "plugins" / "govportal" / "rules" / "catalog" / "measured.yaml")
TODAY = dt.date(2026, 11, 22)
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))

# ------------------------------------------------------------------ problems → catalog items
#
# disclosure.missing, disclosure.advisory  name the item: "lacks <item-id> (".
# declaration.missing                      names the items it decides: "this decides <ids>".
# Rules that judge what a text says name a place, not an item; the place says which notice
# section the text belongs to, and the problem concerns the applicable (or undecided) items
# of that section's evidence topics:
#   content.placeholder, content.restates-purpose  by the path of the text (PATH_TOPICS);
#   authority.not-competent                        the complaint items;
#   organisation.dpo-required                      the DPO items;
#   retention.uncovered-field                      the retention items;
#   consent.details-missing                        the withdrawal-of-consent items;
#   transfer.uk-tool, transfer.adequacy-not-listed, transfer.derogation-reason
#                                                  the transfer items.
# Every other rule (register, review, launch and consent-validity rules) is "other": the
# case's gate.yaml lists the ones it expects under other_rules. A problem of a mapped rule
# that names no item (an unknown path, a regime mismatch) is "unmapped", which the test
# refuses.

_LACKS = re.compile(r"\blacks (\S+) \(")
_DECIDES = re.compile(r"; this decides (.+?)(?: of notices .+)?$")

RULE_TOPICS: dict[str, frozenset[str]] = {
    "authority.not-competent": frozenset({"complaint"}),
    "organisation.dpo-required": frozenset({"dpo"}),
    "retention.uncovered-field": frozenset({"retention", "ccpa-retention"}),
    "consent.details-missing": frozenset({"withdraw-consent"}),
    "transfer.uk-tool": frozenset({"transfers"}),
    "transfer.adequacy-not-listed": frozenset({"transfers"}),
    "transfer.derogation-reason": frozenset({"transfers"}),
}
TEXT_RULES = frozenset({"content.placeholder", "content.restates-purpose"})
NAMING_RULES = frozenset({"disclosure.missing", "disclosure.advisory", "declaration.missing"})
MAPPED_RULES = NAMING_RULES | TEXT_RULES | frozenset(RULE_TOPICS) | {
    "jurisdiction.regime-mismatch"}

# (file name, path pattern) → evidence topics of the section the text belongs to.
PATH_TOPICS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("program", r"purposes\[\d+\]\.legitimate_interest", frozenset({"legitimate-interests"})),
    ("program", r"purposes\[\d+\]\.special_category\b.*",
     frozenset({"special-category", "uk-special-category"})),
    ("program", r"purposes\[\d+\]\.criminal_offence\b.*",
     frozenset({"criminal-offence", "uk-criminal-offence"})),
    ("program", r"purposes\[\d+\]\.(description|basis_reasons\b.*)",
     frozenset({"purposes", "ccpa-purposes"})),
    ("program", r"notice\.obligation", frozenset({"obligation"})),
    ("program", r"collection\.other_sources\b.*", frozenset({"sources"})),
    ("program", r"recipients\b.*", frozenset({"recipients"})),
    ("program", r"automated_decisions\b.*", frozenset({"automated-decisions", "profiling"})),
    ("program", r"consent\b.*", frozenset({"withdraw-consent"})),
    ("program", r"joint_controllers\b.*", frozenset({"joint-controllers"})),
    ("organisation.yaml", r"(contact|address|legal_name)\b.*", frozenset({"controller"})),
    ("organisation.yaml", r"dpo\b.*", frozenset({"dpo"})),
    ("organisation.yaml", r"rights\b.*", frozenset({
        "rights", "ccpa-rights", "ccpa-verification", "ccpa-agent", "ccpa-non-retaliation"})),
    ("organisation.yaml", r"privacy_contact\b.*", frozenset({"objection"})),
    ("organisation.yaml", r"jurisdictions\[\d+\]\.supervisory_authority\b.*",
     frozenset({"complaint"})),
    ("retention.yaml", r"rules\[\d+\]\.(criteria|period|trigger)\b.*",
     frozenset({"retention", "ccpa-retention"})),
    ("transfers.yaml", r"transfers\[\d+\]\.(mechanism|safeguards_copy|destination)\b.*",
     frozenset({"transfers"})),
)


@dataclass
class Report:
    """What the gate said about one case, as catalog item ids."""

    items: dict[str, set[str]] = field(default_factory=dict)  # item id → rules reporting it
    other: dict[str, int] = field(default_factory=dict)  # rule id → problems, unmapped rules
    unmapped: list[str] = field(default_factory=list)  # mapped-rule problems naming no item

    def add(self, items: Iterable[str], rule: str, line: str) -> None:
        found = list(items)
        if not found:
            self.unmapped.append(line)
        for item in found:
            self.items.setdefault(item, set()).add(rule)


def assemble(case: Path, dest: Path) -> Path:
    """The case's full data folder: the shared stand-ins, then the case's own files."""
    shutil.copytree(COMMON, dest)
    for src in sorted((case / "data").rglob("*.yaml")):
        target = dest / src.relative_to(case / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return dest


def check(case: Path) -> pipeline.Result:
    with tempfile.TemporaryDirectory() as tmp:
        data = assemble(case, Path(tmp) / "data")
        return pipeline.check(data, registry.Options(today=TODAY), label_base=Path(tmp))


def _topic_items(result: pipeline.Result, topics: frozenset[str]) -> list[str]:
    """The notice's items of these evidence topics that apply, or that the data leaves
    undecided."""
    policy = result.policy
    out = []
    for program in policy.programs.values():
        for d in decide(policy, program):
            if d.item.evidence_topic in topics and d.status in (Status.APPLICABLE,
                                                                Status.UNDECIDED):
                out.append(d.item.id)
    return out


def _wording_items(result: pipeline.Result, wording_id: str) -> list[str]:
    wording = load_wording().by_id.get(wording_id)
    if wording is None:
        return []
    applicable = set(_topic_items(result, frozenset(
        i.evidence_topic for i in load_catalog().items)))
    return [i for i in wording.items if i in applicable]


def _path_items(result: pipeline.Result, problem: Problem) -> list[str]:
    name = Path(problem.location.file).name
    where = "program" if Path(problem.location.file).parent.name == "programs" else name
    path = problem.location.path
    wording = re.fullmatch(r"wording\.(.+)", path)
    if where == "organisation.yaml" and wording:
        return _wording_items(result, wording.group(1))
    for file, pattern, topics in PATH_TOPICS:
        if file == where and re.fullmatch(pattern, path):
            return _topic_items(result, topics)
    return []


def items_of(result: pipeline.Result, problem: Problem) -> list[str] | None:
    """The catalog items a problem concerns, or None when its rule is not a notice rule."""
    rule = problem.rule
    if rule not in MAPPED_RULES:
        return None
    if rule in ("disclosure.missing", "disclosure.advisory"):
        return _LACKS.findall(problem.message)[:1]
    if rule == "declaration.missing":
        found = _DECIDES.search(problem.message)
        return [i for i in found.group(1).split(", ") if "." in i] if found else []
    if rule in TEXT_RULES:
        return _path_items(result, problem)
    if rule in RULE_TOPICS:
        return _topic_items(result, RULE_TOPICS[rule])
    return []  # jurisdiction.regime-mismatch: a whole regime, not an item


def reported(result: pipeline.Result) -> Report:
    report = Report()
    for problem in result.problems:
        items = items_of(result, problem)
        if items is None:
            report.other[problem.rule] = report.other.get(problem.rule, 0) + 1
        else:
            report.add(items, problem.rule, problem.format_text().split("\n")[0])
    return report


# ------------------------------------------------------------------ the reading and the score


@dataclass
class Case:
    """One notice: the reading's gaps, the gate's documented differences, its report."""

    name: str
    reading: frozenset[str]  # expected.txt
    misses: dict[str, str]
    false_alarms: dict[str, str]
    borderline: dict[str, str]
    other_rules: dict[str, str]
    report: Report

    @property
    def gate(self) -> frozenset[str]:
        return frozenset(self.report.items)

    @property
    def expected_gate(self) -> frozenset[str]:
        """What the gate should report: the reading, less the documented misses, plus the
        documented false alarms and borderline reports."""
        return (self.reading - set(self.misses)) | set(self.false_alarms) | set(self.borderline)

    @property
    def hits(self) -> frozenset[str]:
        return self.gate & self.reading


def read_expected(case: Path) -> frozenset[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for s in (ln.split("#")[0].strip() for ln in lines) if s)


def read_differences(case: Path) -> dict[str, dict[str, str]]:
    data = yaml.safe_load((case / "gate.yaml").read_text(encoding="utf-8")) or {}
    return {k: dict(data.get(k) or {}) for k in ("misses", "false_alarms", "borderline",
                                                 "other_rules")}


def load(case: Path) -> Case:
    diff = read_differences(case)
    return Case(case.name, read_expected(case), diff["misses"], diff["false_alarms"],
                diff["borderline"], diff["other_rules"], reported(check(case)))


def gap_key(item: str) -> tuple[str, str]:
    """Art. 13 and Art. 14 twins are one gap: ``gdpr.13.2.a.retention`` and
    ``gdpr.14.2.a.retention`` are both (gdpr, retention)."""
    parts = item.split(".")
    return parts[0], parts[-1]


def gaps(items: Iterable[str]) -> set[tuple[str, str]]:
    return {gap_key(i) for i in items}


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "n/a"


# ------------------------------------------------------------------ RESULTS.md

_REGIME_NAMES = {"eu_gdpr": "EU GDPR", "uk_gdpr": "UK GDPR", "ccpa": "California"}


def _row(name: str, reading: set, gate: set, borderline: set) -> str:
    found = gate & reading
    alarms = gate - reading - borderline
    border = (gate - reading) & borderline
    lenient = len(gate - border)
    return (f"| {name} | {len(reading)} | {len(gate)} | {len(found)} | {len(reading - gate)} | "
            f"{len(alarms)} | {len(border)} | {ratio(len(found), len(reading))} | "
            f"{ratio(len(found), len(gate))} | {ratio(len(found), lenient)} |")


_HEAD = ("| {what} | Reading | Reported | Found | Missed | False alarms | Borderline | Recall | "
         "Precision | Precision, borderline left out |\n|---|---|---|---|---|---|---|---|---|---|")


def _listing(cases: list[Case], kind: str) -> list[str]:
    out = []
    for c in cases:
        if kind == "misses":
            ids, why = sorted(c.reading - c.gate), c.misses
        elif kind == "false_alarms":
            ids, why = sorted(c.gate - c.reading - set(c.borderline)), c.false_alarms
        else:
            ids, why = sorted((c.gate - c.reading) & set(c.borderline)), c.borderline
        out += [f"- `{c.name}` `{i}`: {why.get(i, 'not documented in gate.yaml')}" for i in ids]
    return out or ["- none"]


def render(cases: list[Case]) -> str:
    reading = {(c.name, i) for c in cases for i in c.reading}
    gate = {(c.name, i) for c in cases for i in c.gate}
    border = {(c.name, i) for c in cases for i in c.borderline}
    g_reading = {(c.name, *gap_key(i)) for c in cases for i in c.reading}
    g_gate = {(c.name, *gap_key(i)) for c in cases for i in c.gate}
    g_border = {(c.name, *gap_key(i)) for c in cases for i in c.borderline} - g_reading
    lines = [
        "# The disclosure gate on real published notices",
        "",
        "Generated by `python -m tests.cases.corpus.measure` from the cases in this folder; do "
        "not edit by hand (`tests/unit/test_corpus.py` fails when it is stale). Checked as of "
        f"{TODAY.isoformat()}.",
        "",
        "Each case is one published workforce or applicant privacy notice, encoded as portal "
        "data as strong or as weak as its text. *Reading*: the catalog items an independent "
        "reading of the notice found missing (`expected.txt`). *Reported*: the items the gate "
        "names (a missing disclosure, an undecided declaration, or a text rule such as a "
        "placeholder, mapped to its items as `measure.py` documents). *Borderline*: reported "
        "items the reading lists among its borderline calls rather than its firm gaps. Causes "
        "of every difference are in each case's `gate.yaml` and README.",
        "",
        "Counted two ways: by catalog item, and by gap, where the Art. 13 and Art. 14 items of "
        "one requirement in one regime (e.g. `uk.13.2.a.retention` and `uk.14.2.a.retention`) "
        "count once.",
        "",
        "## Overall",
        "",
        _HEAD.format(what="Unit"),
        _row("Catalog items", reading, gate, border),
        _row("Gaps (Art. 13/14 twins merged)", g_reading, g_gate, g_border),
        "",
        "## Per notice (catalog items)",
        "",
        _HEAD.format(what="Notice"),
    ]
    lines += [_row(f"`{c.name}`", set(c.reading), set(c.gate), set(c.borderline))
              for c in cases]
    lines += ["", "## Per notice (gaps)", "", _HEAD.format(what="Notice")]
    for c in cases:
        lines.append(_row(f"`{c.name}`", gaps(c.reading), gaps(c.gate),
                          gaps(c.borderline) - gaps(c.reading)))
    for title, kind in (("Missed (in the reading, not reported)", "misses"),
                        ("False alarms (reported, not in the reading)", "false_alarms"),
                        ("Borderline reports", "borderline")):
        lines += ["", f"## {title}", "", *_listing(cases, kind)]
    lines += ["", "## Other rules that reported on the cases", "",
              "Rules outside the disclosure catalog (consent validity, register and readability "
              "rules); not counted above.", ""]
    others = [f"- `{c.name}` `{rule}` ({c.report.other.get(rule, 0)}): {why}"
              for c in cases for rule, why in sorted(c.other_rules.items())]
    lines += others or ["- none"]
    return "\n".join(lines) + "\n"


def _figures(reading: set, gate: set, borderline: set) -> dict[str, int]:
    found = gate & reading
    border = (gate - reading) & borderline
    return {"reading": len(reading), "reported": len(gate), "found": len(found),
            "missed": len(reading - gate), "false_alarms": len(gate - reading - borderline),
            "borderline": len(border)}


def summary(cases: list[Case]) -> str:
    """The overall figures as YAML, shipped beside the catalog for its published page."""
    reading = {(c.name, i) for c in cases for i in c.reading}
    gate = {(c.name, i) for c in cases for i in c.gate}
    border = {(c.name, i) for c in cases for i in c.borderline}
    g_reading = {(c.name, *gap_key(i)) for c in cases for i in c.reading}
    g_gate = {(c.name, *gap_key(i)) for c in cases for i in c.gate}
    g_border = {(c.name, *gap_key(i)) for c in cases for i in c.borderline} - g_reading
    data = {"as_of": TODAY.isoformat(), "notices": [c.name for c in cases],
            "items": _figures(reading, gate, border),
            "gaps": _figures(g_reading, g_gate, g_border)}
    head = ("# Written by `python -m tests.cases.corpus.measure` from tests/cases/corpus: how "
            "the gate does\n# on real published notices (the disclosure catalog page shows "
            "it). Do not edit by hand.\n")
    return head + yaml.safe_dump(data, sort_keys=False)


def load_all() -> list[Case]:
    return [load(case) for case in CASES]


def main(argv: list[str]) -> int:
    cases = load_all()
    outputs = {RESULTS: render(cases), MEASURED: summary(cases)}
    if "--check" in argv:
        stale = [p.name for p, text in outputs.items()
                 if (p.read_text(encoding="utf-8") if p.exists() else "") != text]
        for name in stale:
            print(f"{name} is stale: run python -m tests.cases.corpus.measure")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
