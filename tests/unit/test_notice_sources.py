"""No legal claim without a source: every sentence of a notice comes from the data or from
the catalog's standard wording.

Each notice of the sample organisation and of the complete case is rendered; from every
sentence the test removes what the data says (every text of every data file), the standard
wording the notice may print, and the names the catalogs give (authorities, regimes, kinds
of information, section headings). What is left must be scaffolding: the few connecting
words written below, none of which states a fact or a right. A template that starts to
assert something of its own ("saying no has no effect on your job") leaves words outside
this list and fails the test.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.filters
import pytest

from govportal import pipeline
from govportal.data.placeholders import fill_placeholders
from govportal.pages.labels import CLASSIFICATION_LABELS
from govportal.pages.notice import NOTICE_TOPICS
from govportal.rules import registry
from govportal.rules.catalog import load_authorities, load_catalog, load_wording
from govportal.text.safe_markdown import plain
from tests.conftest import CASES, ROOT

OPTIONS = registry.Options(today=dt.date(2026, 12, 1))
DATA_SETS = {"sample": ROOT / "data", "complete": CASES / "valid" / "complete"}

# The words templates may add around data and standard wording: labels and connectives.
SCAFFOLDING = frozenset(re.findall(r"\S+", """
privacy notice the short version who is responsible what we use it for why your rights
you can or how leaving your choices questions contact what might surprise you rest of
this notice gives full detail address privacy questions our representative in eu uk data
protection officer kind information exactly california category special category
feedback from colleagues not manager's view legal basis special-category data under in
uk dpa 2018 schedule 1 criminal-offence special-category allowed by purpose collection
law analytics assessment to object write at we ask for consent separately each these
choices starts off on if say no later consent works when withdraw it means opting out
right role protected by reason record kept then after delete automatic anonymise archive
review until holds have fast answer check is asking through someone else retaliation
under law complain there and also you of a an legal holds with org
"""))
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def _texts(value: Any) -> list[str]:
    out = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
            stack.extend(k for k in item if isinstance(k, str))
        elif isinstance(item, list):
            stack.extend(item)
    return out


def _norm(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # Markdown links: keep the text
    text = re.sub(r"[*_`#|]+|\{ #[^}]*\}", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


# What the portal says of itself: a disclaimer and pointers to other pages, no legal claim.
PORTAL = ["This notice explains how [[org:name]] uses personal data. It is not legal advice.",
          "Each kind of record is kept as long as the retention schedule says:",
          "The rest of this notice gives the full detail."]
_TRUNCATE = jinja2.Environment()


def _variants(text: str) -> set[str]:
    """A data text as templates print it: whole, without its final full stop, shortened
    for the short version."""
    whole = _norm(plain(text))
    bare = whole.rstrip(".")
    short = _norm(jinja2.filters.do_truncate(_TRUNCATE, plain(text).rstrip("."), 90))
    return {whole, bare, _norm(text), short.removesuffix("...").strip()}


def fragments(policy: Any) -> list[str]:
    """Every text the notice may quote, longest first (so the longest match is removed)."""
    found: set[str] = set()
    for doc in policy.documents.values():
        for text in _texts(doc.data):
            found |= _variants(text)
    found |= {_norm(fill_placeholders(text, policy)) for text in PORTAL}
    for sentence in load_wording().wording:
        own = policy.organisation.wording.get(sentence.id)
        for text in (sentence.text, own if isinstance(own, str) else None, sentence.short):
            if text:
                found.add(_norm(fill_placeholders(text, policy)))
    for a in load_authorities().authorities:
        found |= {_norm(a.name), _norm(a.address or "")}
    found |= {_norm(r.name) for r in load_catalog().regimes}
    found |= {_norm(label) for label in CLASSIFICATION_LABELS.values()}
    found |= {_norm(heading) for _, heading in NOTICE_TOPICS}
    found |= {_norm(r.title) for r in policy.requirements.requirements}
    found |= {_norm(key.replace("-", " ")) for p in policy.programs.values()
              for key in p.notice.sections}  # headings made from a section's key
    return sorted((f for f in found if len(f) > 2), key=len, reverse=True)


def residue(sentence: str, known: list[str]) -> set[str]:
    """The words of ``sentence`` left once every known fragment is removed (whole words
    only), other than scaffolding and numbers."""
    text = f" {sentence} "
    for fragment in known:
        if fragment in text:
            text = re.sub(rf"(?<![\w'’-]){re.escape(fragment)}(?![\w'’-])", " ", text)
    return {w for w in _WORD.findall(text) if w not in SCAFFOLDING and not w.isdigit()}


NOTICES = [(name, pid) for name, folder in DATA_SETS.items()
           for pid in sorted(pipeline.check(folder, OPTIONS).policy.programs)]


def test_there_are_notices() -> None:
    assert len(NOTICES) >= 3


@pytest.mark.parametrize("data_set, pid", NOTICES)
def test_every_sentence_of_a_notice_has_a_source(data_set: str, pid: str) -> None:
    folder: Path = DATA_SETS[data_set]
    result = pipeline.check(folder, OPTIONS)
    policy = result.policy
    page = pipeline.page_builder(policy, OPTIONS).notice(policy.programs[pid])
    left = residue(_norm(page.markdown), fragments(policy))
    assert not left, f"words with no source in the data or the standard wording: {sorted(left)}"


def test_a_claim_of_a_template_s_own_is_caught() -> None:
    policy = pipeline.check(DATA_SETS["sample"], OPTIONS).policy
    claim = "Saying no has no effect on your job, and a legal hold pauses deletion."
    assert residue(_norm(claim), fragments(policy)) >= {"saying", "effect", "job"}
