"""Scan built HTML for anything that could run script, judged against what the theme emits.

A page is parsed with :mod:`html.parser`; every element and attribute is compared with a
baseline (the same site built from harmless data) plus the tags and attributes that the
data sanitiser allows. Reported, per page:

* an element or an attribute that the baseline never has (``<iframe>``, ``style=``, ...);
* any ``on*`` event-handler attribute;
* a URL attribute whose scheme is ``javascript:``, ``vbscript:`` or ``data:`` (after the
  browser would strip whitespace and control characters and decode entities);
* a ``<script>`` whose ``src`` or inline text the baseline does not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "srcset",
             "xlink:href", "cite", "longdesc", "usemap", "manifest", "ping"}
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):", re.I)
_STRIP = re.compile(r"[\x00-\x20\x7f]+")
_DIGITS = re.compile(r"[0-9a-f]{8,}")


def dangerous_url(value: str) -> bool:
    """Whether a browser would treat ``value`` (already entity-decoded) as script or data."""
    return bool(_BAD_SCHEME.match(_STRIP.sub("", value)))


@dataclass
class PageScan:
    tags: set[str] = field(default_factory=set)
    attrs: set[tuple[str, str]] = field(default_factory=set)
    scripts: set[str] = field(default_factory=set)
    handlers: list[str] = field(default_factory=list)
    bad_urls: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: list[str] | None = None
        self._script_src = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.tags.add(tag)
        for name, value in attrs:
            self.scan.attrs.add((tag, name))
            if name.startswith("on"):
                self.scan.handlers.append(f"<{tag} {name}={value!r}>")
            if value and (name in URL_ATTRS or name.endswith("href")) and dangerous_url(value):
                self.scan.bad_urls.append(f"<{tag} {name}={value!r}>")
            if value and name == "content" and re.search(r"url\s*=", value, re.I):
                target = re.split(r"url\s*=", value, flags=re.I)[-1]
                if dangerous_url(target):
                    self.scan.bad_urls.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = []
            self._script_src = dict(attrs).get("src") or ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        else:
            self.scan.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.scripts.add(script_key(self._script_src, "".join(self._script)))
            self._script = None


def script_key(src: str, text: str) -> str:
    """What identifies a theme script: its file (hashes and relative prefixes dropped) or,
    inline, its text with page-relative paths made alike."""
    if src:
        return "src:" + _DIGITS.sub("#", re.sub(r"^(\.\./)+|^\./", "", src))
    text = re.sub(r'"(\.\./)*\.\.?"|"(\.\./)+[^"]*"', '"REL"', text.strip())
    return "inline:" + re.sub(r'"base":\s*"[^"]*"', '"base":"REL"', text)


def scan_html(text: str) -> PageScan:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.scan


@dataclass
class Baseline:
    tags: set[str] = field(default_factory=set)
    attrs: set[tuple[str, str]] = field(default_factory=set)
    scripts: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, site: Path) -> Baseline:
        base = cls()
        for page in site.rglob("*.html"):
            scan = scan_html(page.read_text(encoding="utf-8"))
            base.tags |= scan.tags
            base.attrs |= scan.attrs
            base.scripts |= scan.scripts
        return base


def findings(site: Path, baseline: Baseline, extra_tags: set[str],
             extra_attrs: set[tuple[str, str]]) -> list[str]:
    """Everything in ``site`` that neither the theme (baseline) nor the sanitiser produces."""
    out: list[str] = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        scan = scan_html(page.read_text(encoding="utf-8"))
        out += [f"{rel}: event handler {h}" for h in scan.handlers]
        out += [f"{rel}: script URL {u}" for u in scan.bad_urls]
        out += [f"{rel}: element <{t}> the theme never writes"
                for t in sorted(scan.tags - baseline.tags - extra_tags)]
        out += [f"{rel}: attribute {t}[{a}] the theme never writes"
                for t, a in sorted(scan.attrs - baseline.attrs - extra_attrs)]
        out += [f"{rel}: script not from the theme: {s[:120]}"
                for s in sorted(scan.scripts - baseline.scripts)]
    return out
