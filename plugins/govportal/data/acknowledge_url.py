"""The ``acknowledge_url`` template of ``data/organisation.yaml``: where a notice's "I have
read this notice" link leads (the HR system), what it may hold, and how it is filled.

A template is an ``https:`` address with a host written out, no user name or password, none
of the characters that could end an HTML attribute or hide a second address (quotes, angle
brackets, backslashes, spaces, control characters), and no placeholder but
:data:`PLACEHOLDERS`. Each placeholder is filled with its value URL-encoded (every
character but letters, digits and ``-._~``), so a value can never add a parameter, a path
or a fragment.

Example: ``https://hr.example.com/ack?notice={notice_id}&v={version}&lang={language}&h={notice_hash}``
"""

from __future__ import annotations

import string
from urllib.parse import quote

from .suggestions import did_you_mean

PLACEHOLDERS = ("notice_id", "version", "language", "notice_hash")
MAX_LENGTH = 2000

_FORBIDDEN = {'"': "a double quote", "'": "a single quote", "<": "'<'", ">": "'>'",
              "\\": "a backslash", "`": "a backtick", " ": "a space"}


def template_problems(template: str) -> list[tuple[str, str]]:
    """(message, hint) for everything wrong with ``template``; empty when it may be used."""
    shown = template if len(template) <= 60 else template[:57] + "…"
    if not template.startswith("https://"):
        scheme = (f"not {template.split(':', 1)[0]}:" if ":" in template.split("/", 1)[0]
                  else "not an address without a scheme")
        if template.lower().startswith("https://"):
            scheme = "written in lower case"
        return [(f"the address must be an https: address, {scheme} ('{shown}')",
                 "write the HR system's address starting with https://, for example "
                 "https://hr.example.com/ack?notice={notice_id}&version={version}")]
    out: list[tuple[str, str]] = []
    for char in template:
        what = _FORBIDDEN.get(char) or (f"the control character U+{ord(char):04X}"
                                        if not char.isprintable() else None)
        if what is not None:
            out.append((f"the address holds {what}, which an address may not hold",
                        "remove it (a value the link needs is URL-encoded by the portal)"))
            break
    if "{{" in template or "}}" in template:
        return [*out, ("the address has a '{' or '}' that opens or closes no placeholder",
                       "write placeholders as {notice_id}, {version}, {language} or "
                       "{notice_hash}; a literal brace cannot be used")]
    try:
        fields = [name for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None or spec or conv]
        malformed = any(spec or conv for _, _, spec, conv in
                        string.Formatter().parse(template))
    except ValueError:
        return [*out, ("the address has a '{' or '}' that opens or closes no placeholder",
                       "write placeholders as {notice_id}, {version}, {language} or "
                       "{notice_hash}; a literal brace cannot be used")]
    for name in fields:
        if name not in PLACEHOLDERS:
            out.append((f"the address uses the placeholder {{{name}}}, which the portal "
                        "cannot fill", f"use only {{notice_id}}, {{version}}, {{language}} "
                        f"and {{notice_hash}}{_suggestion(name)}"))
    if malformed:
        out.append(("the address has a placeholder with a format or conversion "
                    "(such as {version:>5} or {version!r})",
                    "write the placeholder's name alone, such as {version}"))
    host = _host(template)
    if not host or "@" in host or "{" in host or "}" in host:
        out.append((f"the address must name its host, without a user name, password or "
                    f"placeholder in it ('{shown}')",
                    "write the HR system's host name out, such as https://hr.example.com/…"))
    return out


def _suggestion(name: str) -> str:
    hint = did_you_mean(name, PLACEHOLDERS, "{{{}}}")
    return f" ({hint})" if hint else ""


def _host(template: str) -> str:
    return template.removeprefix("https://").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


def _filled(template: str, values: dict[str, str]) -> str:
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(quote(values[name], safe="-._~"))
    return "".join(out)


def fill(template: str, notice_id: str, version: str, language: str,
         notice_hash: str) -> str | None:
    """The link for one notice version, each value URL-encoded; None when the template may
    not be used (:func:`template_problems`)."""
    if template_problems(template):
        return None
    return _filled(template, {"notice_id": notice_id, "version": version,
                              "language": language, "notice_hash": notice_hash})
