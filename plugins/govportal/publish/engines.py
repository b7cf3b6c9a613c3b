"""The site generators the portal builds with: MkDocs 1.6 and ProperDocs 1.6 (its maintained
continuation), each run as a separate process.

ProperDocs reads ``mkdocs.yml`` and loads the portal's plugin unchanged; its ``mkdocs.*``
import redirect is installed by ProperDocs' own command (``properdocs`` or ``python -m
properdocs``), never by ``python -m mkdocs``, so each engine is run by its own module.
Nothing here imports either engine: the distributions are looked up in the installed
package metadata.
"""

from __future__ import annotations

import sys
from importlib import metadata

# In order of preference when both are installed: MkDocs is the engine the portal pins first.
ENGINES = ("mkdocs", "properdocs")


class EngineError(ValueError):
    """An engine that cannot be used here; the message says why and what to do."""


def version(engine: str) -> str | None:
    """The installed version of ``engine`` (None when it is not installed)."""
    try:
        return metadata.version(engine)
    except metadata.PackageNotFoundError:
        return None


def installed() -> list[str]:
    return [e for e in ENGINES if version(e) is not None]


def choose(requested: str | None = None) -> str:
    """The engine to build with: ``requested``, else the first one installed."""
    if requested is not None:
        if requested not in ENGINES:
            raise EngineError(f"unknown engine '{requested}': use one of {', '.join(ENGINES)}")
        if version(requested) is None:
            raise EngineError(
                f"the engine '{requested}' is not installed in this Python environment "
                f"({sys.executable}); install its pinned version (make test makes "
                "a virtual environment for each engine) or choose one of: "
                f"{', '.join(installed()) or 'none installed'}")
        return requested
    found = installed()
    if not found:
        raise EngineError("neither mkdocs nor properdocs is installed in this Python "
                          f"environment ({sys.executable}): run `make site`, which installs "
                          "the pinned MkDocs")
    return found[0]


def build_command(engine: str) -> list[str]:
    """The command that runs ``engine``'s build (its own module, so ProperDocs installs
    its import redirect before the plugin is loaded)."""
    return [sys.executable, "-m", engine, "build"]


def running() -> dict[str, str]:
    """The engine of the current process, for the manifest: ProperDocs when its module is
    loaded (it always is under ``properdocs build``), else MkDocs."""
    name = "properdocs" if "properdocs" in sys.modules else "mkdocs"
    return {"name": name, "version": version(name) or "unknown"}
