"""The rule framework: one rule, one function, one stable id.

The rules themselves live in :mod:`govportal.rules.families`, one module per family.

A rule is a generator function decorated with :func:`rule`. It receives a
:class:`Context` and yields :class:`Finding` values; the runner turns them into problems
with the rule's id and severity (which ``mkdocs.yml`` or the ``check`` command may change).
The rule's docstring is its documentation: the rules reference page is generated from it,
so it says what the rule wants and shows a passing and a failing example.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..data.policy import Policy, untranslated
from ..data.translatable import SourceText, source_texts
from ..problems import Cause, Location, Problems, Severity
from .kept_findings import KeptFindings


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found. ``follows``: the cause the finding may only follow from (it is not
    listed when a root of that cause is, see :mod:`govportal.problems`); ``causes``: what
    the finding is itself the root of."""

    message: str
    location: Location
    hint: str = ""
    follows: Cause | None = None
    causes: tuple[Cause, ...] = ()
    # a rule whose findings differ in weight (an error in a required language, a warning in
    # an optional one) gives each its own; a `severities:` setting still overrides it
    severity: Severity | None = None


@dataclass
class Options:
    """Settings that rules read; the plugin fills them from ``mkdocs.yml``."""

    today: dt.date = field(default_factory=dt.date.today)
    review_warning_days: int = 30
    engagement_ceiling_days: int = 90
    evidence_max_age_days: int = 365
    readability_threshold: float = 50.0
    severities: dict[str, Severity] = field(default_factory=dict)


@dataclass
class Context:
    policy: Policy
    options: Options

    def at(self, label: str, *path: str | int, key: bool = False) -> Location:
        return self.policy.where(label, tuple(path), key=key)

    def program_at(self, program_id: str, *path: str | int, key: bool = False) -> Location:
        return self.at(self.policy.program_files[program_id], *path, key=key)

    def file_of(self, attr: str) -> str:
        return self.policy.files.get(attr, f"data/{attr}.yaml")

    @functools.cached_property
    def data_texts(self) -> tuple[tuple[str, tuple, str], ...]:
        """Every text of every data file as (file label, path in the file, text): files in
        name order, each in document order (``Document.texts``). Gathered once for all the
        rules that read every text of the data."""
        return tuple((label, path, text)
                     for label, doc in sorted(self.policy.documents.items())
                     for path, text in doc.texts())

    @functools.cached_property
    def source_texts(self) -> dict[tuple[str, str, str], SourceText]:
        """Every translatable text of the data (:func:`~..data.translatable.source_texts`),
        gathered once for all the rules of one check (the data does not change during it)."""
        return source_texts(self.policy)


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    func: RuleFunc
    family: str
    needs: tuple[str, ...]
    # whether it reads the translations; every other rule is given the policy without them
    translations: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


REGISTRY: dict[str, Rule] = {}

# Rule families (modules of govportal.rules.families), imported in this order; each module
# registers its rules on import.
FAMILIES_PACKAGE = __name__.rsplit(".", 1)[0] + ".families"
FAMILIES = ("references", "consent", "views", "guides", "retention", "analytics", "vendors",
            "transfers", "incident", "review", "launch", "governance", "declarations",
            "disclosures", "content", "markup", "editions", "records", "i18n")


def rule(rule_id: str, *, severity: Severity = Severity.ERROR, needs: tuple[str, ...] = (),
         translations: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule. ``needs`` names the Policy parts it reads (skipped if any failed);
    ``translations``: it reads the translations (``policy.translations``, or every data
    file's texts, theirs included). A rule without it is given the policy without its
    translations (:func:`~..data.policy.untranslated`), in every check: what it finds
    cannot depend on a translation, so a live preview may keep its findings across a
    translator's edit (:class:`~.kept_findings.KeptFindings`)."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in REGISTRY and REGISTRY[rule_id].func is not func:
            raise RuntimeError(f"rule id {rule_id} registered twice")
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[rule_id] = Rule(rule_id, severity, func, family, needs, translations)
        return func

    return register


def all_rules() -> dict[str, Rule]:
    """Import every rule module once and return the registry."""
    for name in FAMILIES:
        try:
            importlib.import_module(f"{FAMILIES_PACKAGE}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{FAMILIES_PACKAGE}.{name}":
                raise
    return REGISTRY


def run_rules(policy: Policy, options: Options, problems: Problems,
              only: Iterable[str] | None = None, kept: KeptFindings | None = None) -> None:
    """Run every registered rule (or ``only`` those ids) and collect their findings.
    ``kept``: a live preview's findings from its last check, taken for each rule that does
    not read the translations when the data but the translations and the options are the
    last check's (:class:`~.kept_findings.KeptFindings`)."""
    contexts = {True: Context(policy, options), False: Context(untranslated(policy), options)}
    wanted = set(only) if only is not None else None
    if kept is not None:
        kept.begin(policy, options, wanted)
    for rule_id, item in sorted(all_rules().items()):
        if wanted is not None and rule_id not in wanted:
            continue
        override = options.severities.get(rule_id)
        severity = override or item.severity
        if severity is Severity.OFF:
            continue
        if any(getattr(policy, part, None) is None for part in item.needs):
            continue
        if item.translations or kept is None:
            findings: Iterable[Finding] = _iterate(item.func(contexts[item.translations]))
        else:
            findings = kept.findings(rule_id, lambda f=item.func: list(f(contexts[False])))
        for finding in findings:
            problems.add(rule_id, finding.message, finding.location, finding.hint,
                         override or finding.severity or severity,
                         causes=finding.causes, follows=finding.follows)


def _iterate(findings: Iterable[Finding]) -> Iterator[Finding]:
    yield from findings
