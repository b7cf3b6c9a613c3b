"""Where generated files may go: inside the site, once each.

Ids are restricted by the data model, so a program id cannot name a path outside the
site; these checks hold whatever a template override or a future page builder does.
"""

from __future__ import annotations

import re

_SITE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")


def is_site_path(uri: str) -> bool:
    """Whether a generated file's path stays inside the site: relative, normalised, with no
    ``..``, no empty or hidden part (``.htaccess``), no backslash and no unusual character."""
    return bool(_SITE_PATH.fullmatch(uri)) and ".." not in uri.split("/")


def generated_path_problems(uris: list[str]) -> list[str]:
    """Messages for generated paths that leave the site or are written twice."""
    out: list[str] = []
    seen: set[str] = set()
    for uri in uris:
        if not is_site_path(uri):
            out.append(f"the generated file '{uri}' would be written outside the site or under "
                       "an unsafe name")
        elif uri in seen:
            out.append(f"two generated files would be written to '{uri}'")
        seen.add(uri)
    return out
