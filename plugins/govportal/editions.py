"""Editions: what only the internal edition of the portal may show, and the scan that keeps
it out of the public one.

The plugin option ``edition`` is ``public`` (the default) or ``internal``. Templates receive
``edition`` and show internal-only fields only in the internal edition; the internal edition
also has pages of its own (:data:`INTERNAL_PAGES`). Because a template override, a theme
change or a future page could still print an internal field, every public build ends with a
scan of every file written: if the text of any internal-only field, or an internal-only page,
is found, the build fails and names the file and the field.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .loader import Policy
from .safety import plain

EDITIONS = ("public", "internal")
ASSESSMENTS = "registers/assessments.md"
INTERNAL_PAGES = (ASSESSMENTS,)
MIN_LENGTH = 12  # shorter values (a first name, "yes") would match by chance
_WORD = re.compile(r"\w+")
TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".csv", ".txt", ".md", ".js", ".atom",
                 ".rss", ".svg", ".css", ".yaml", ".yml", ".map"}


@dataclass(frozen=True)
class Internal:
    """One internal-only value: its text and where it comes from."""

    text: str
    file: str
    path: tuple[str | int, ...]

    @cached_property
    def anchor(self) -> str:
        """Its longest word: a file without it cannot hold the value (a cheap first test)."""
        return max(_WORD.findall(self.text), key=len, default="")

    @property
    def field(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


def _internal_paths(policy: Policy) -> Iterator[tuple[str, tuple[str | int, ...], Any]]:
    """(file, path, value) of every internal-only field that has a value."""
    if policy.vendors is not None:
        label = policy.files.get("vendors", "data/vendors.yaml")
        for i, vendor in enumerate(policy.vendors.vendors):
            yield label, ("vendors", i, "risk_notes"), vendor.risk_notes
            yield label, ("vendors", i, "incident_history"), vendor.incident_history
            for j, evidence in enumerate(vendor.security_evidence):
                yield label, ("vendors", i, "security_evidence", j, "reference"), \
                    evidence.reference
    if policy.playbook is not None:
        label = policy.files.get("playbook", "data/incident-response.yaml")
        for i, contact in enumerate(policy.playbook.contacts):
            for key in ("name", "phone", "email"):
                yield label, ("contacts", i, key), getattr(contact, key)
    for pid, program in policy.programs.items():
        label = policy.program_files[pid]
        yield label, ("dpia",), program.dpia
        if program.analytics is not None:
            yield label, ("analytics", "dpia"), program.analytics.dpia
        for i, answer in enumerate(program.launch_readiness):
            yield label, ("launch_readiness", i, "evidence"), answer.evidence


def _public_strings(policy: Policy, internal: set[tuple[str, tuple]]) -> list[str]:
    """Every other text of the data (what may be public), as plain text."""
    out: list[str] = []

    def walk(value: Any, label: str, path: tuple) -> None:
        if isinstance(value, str):
            if (label, path) not in internal:
                out.append(normalise(plain(value)))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, label, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, label, (*path, index))

    for label, doc in policy.documents.items():
        walk(doc.data, label, ())
    return out


def normalise(text: str) -> str:
    return " ".join(text.split())


def internal_values(policy: Policy) -> list[Internal]:
    """The internal-only texts worth scanning for: long enough to be telling, and not also
    written in a public field (an e-mail address used for a public contact too)."""
    found = [(label, path, value) for label, path, value in _internal_paths(policy)
             if isinstance(value, str) and value]
    keys = {(label, path) for label, path, _ in found}
    public = _public_strings(policy, keys)
    out = []
    for label, path, value in found:
        text = normalise(plain(value))
        if len(text) < MIN_LENGTH or any(text in other for other in public):
            continue
        out.append(Internal(text, label, path))
    return out


class _Text(HTMLParser):
    """Text and attribute values; ``gap`` is put where a tag was."""

    def __init__(self, gap: str) -> None:
        super().__init__(convert_charrefs=True)
        self.gap = gap
        self.parts: list[str] = []
        self.attributes: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self.gap)
        self.attributes.extend(value for _, value in attrs if value)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(self.gap)


def _html_text(text: str) -> str:
    """The text of an HTML fragment read two ways (a tag as a space, and as nothing, so a
    value split by markup is found either way), and its attribute values."""
    out = []
    for gap in (" ", ""):
        parser = _Text(gap)
        parser.feed(text)
        parser.close()
        out.append("".join(parser.parts))
    return "\n".join([*out, *parser.attributes])


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from _json_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _json_strings(child)


def readable_text(path: Path) -> str:
    """What a reader (or a program) finds in a site file: the raw text, its decoded
    entities, and for HTML and JSON the text and attribute values, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    views = [raw, html.unescape(raw)]
    if path.suffix in (".html", ".htm", ".svg", ".xml"):
        views.append(_html_text(raw))
    if path.suffix == ".json":
        try:
            strings = list(_json_strings(json.loads(raw)))
        except ValueError:
            strings = []
        views += [_html_text(s) for s in strings]
    return "\n".join(normalise(v) for v in views)


def internal_page_files(use_directory_urls: bool) -> set[str]:
    """Where the internal-only pages would be written."""
    out = set()
    for uri in INTERNAL_PAGES:
        stem = uri.removesuffix(".md")
        out |= {f"{stem}/index.html", f"{stem}.html"} if use_directory_urls else {
            f"{stem}.html"}
    return out


def find_leaks(site: Path, policy: Policy, use_directory_urls: bool = True) -> list[str]:
    """Messages for every internal-only file or text found in a public site."""
    leaks: list[str] = []
    pages = internal_page_files(use_directory_urls)
    values = internal_values(policy)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in pages:
            leaks.append(f"{rel} is an internal-only page")
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES or not values:
            continue
        text = readable_text(path)
        words = set(_WORD.findall(text))
        for value in values:
            if (not value.anchor or value.anchor in words) and value.text in text:
                leaks.append(f"{rel} contains the internal-only field {value.field} of "
                             f"{value.file} ({_quote(value.text)})")
    return leaks


_SPACE = re.compile(r"\s+")


def _quote(text: str, limit: int = 40) -> str:
    text = _SPACE.sub(" ", text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
