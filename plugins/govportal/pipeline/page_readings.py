"""What the output checks read of each rendered page, kept for the next build in the same
process (``mkdocs serve``): a page whose HTML is the same is not read again, since the
checks' verdict follows from its text alone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..problems import Problems
from ..publish import markdown_residue
from ..publish.gate import Inspection, inspect
from ..publish.rendered_html import read_article


@dataclass
class Reading:
    """What the output checks read of one page's HTML (its digest): the Markdown residue
    and the disclosures it shows, each once it was needed."""

    digest: bytes
    residue: list[markdown_residue.Residue] | None = None
    shown: Inspection | None = None


_LAST_OUTPUT: dict[str, Reading] = {}  # the pages of the last build in this process


def read_output(dest_uri: str, output: str, residue: bool, shown: bool,
                counts: dict[str, int]) -> Reading:
    """What the output checks read of a page: read once (:func:`read_article`), or,
    when the last build in this process (``mkdocs serve``) wrote exactly this page
    there, what it read then: the checks' verdict follows from the text alone."""
    digest = hashlib.blake2b(output.encode("utf-8", "surrogatepass"),
                             digest_size=20).digest()
    earlier = _LAST_OUTPUT.get(dest_uri)
    seen = earlier if earlier is not None and earlier.digest == digest else Reading(digest)
    if (residue and seen.residue is None) or (shown and seen.shown is None):
        counts["read"] += 1
        article = read_article(output)
        if residue and seen.residue is None:
            seen.residue = markdown_residue.find(output, article)
        if shown and seen.shown is None:
            seen.shown = inspect(output, article)
    else:
        counts["unchanged since the last build"] += 1
    return seen


def remember_outputs(outputs: dict[str, Reading]) -> None:
    """What this build read, for the next one."""
    _LAST_OUTPUT.clear()
    _LAST_OUTPUT.update(outputs)


def output_rules(problems: Problems) -> str:
    """What the output checks found, in words, for the build's last line."""
    rules = {p.rule for p in problems.errors}
    said = []
    if "disclosure.not-rendered" in rules:
        said.append("the published notices miss required disclosures")
    if rules & {markdown_residue.CURRENT, markdown_residue.ARCHIVED}:
        said.append("pages show Markdown that did not render")
    return "; ".join(said) or "see below"
