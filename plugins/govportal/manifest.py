"""The build manifest: proof that a site was built by this plugin, from which data.

``govportal-manifest.json`` lists every file of the site with its SHA-256 and size, a
fingerprint of the data folder, the plugin version and the build date, plus a digest over
the file list. The publishing workflow runs ``govportal verify-manifest site`` and refuses
a site whose manifest is missing, stale or tampered with — for instance a site built by a
generator that silently skips unknown plugins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from . import __version__

MANIFEST = "govportal-manifest.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def data_fingerprint(data_dir: Path) -> str:
    """SHA-256 over the sorted relative paths and contents of every data file."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(data_dir).rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def site_files(site_dir: Path) -> list[dict[str, object]]:
    files = []
    for path in sorted(p for p in Path(site_dir).rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if rel == MANIFEST:
            continue
        files.append({"path": rel, "sha256": _sha256(path), "size": path.stat().st_size})
    return files


def _list_digest(files: list[dict[str, object]]) -> str:
    canonical = json.dumps(files, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def write_manifest(site_dir: Path, data_dir: Path, build_date: dt.date,
                   edition: str = "public") -> Path:
    files = site_files(site_dir)
    manifest = {
        "generator": "govportal",
        "plugin_version": __version__,
        "build_date": build_date.isoformat(),
        "edition": edition,
        "data_fingerprint": data_fingerprint(data_dir),
        "files": files,
        "files_digest": _list_digest(files),
    }
    path = Path(site_dir) / MANIFEST
    path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def verify(site_dir: Path) -> list[str]:
    """Everything wrong with ``site_dir``'s manifest (empty when it proves the site)."""
    site_dir = Path(site_dir)
    path = site_dir / MANIFEST
    if not site_dir.is_dir():
        return [f"{site_dir} is not a folder"]
    if not path.is_file():
        return [f"{site_dir} has no {MANIFEST}: it was not built by the governance portal "
                "plugin (a generator that ignores plugins, such as Zensical, builds a site "
                "without one)"]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        listed = {f["path"]: f for f in manifest["files"]}
        declared_digest = manifest["files_digest"]
        generator = manifest["generator"]
    except (ValueError, KeyError, TypeError) as exc:
        return [f"{path} cannot be read as a govportal manifest ({exc})"]
    problems = []
    if generator != "govportal":
        problems.append(f"{path} names the generator '{generator}', not govportal")
    if _list_digest(manifest["files"]) != declared_digest:
        problems.append(f"{path}: the file list does not match its digest (edited by hand?)")
    actual = {f["path"]: f for f in site_files(site_dir)}
    for rel in sorted(set(actual) - set(listed)):
        problems.append(f"{rel}: in the site but not in the manifest")
    for rel in sorted(set(listed) - set(actual)):
        problems.append(f"{rel}: in the manifest but missing from the site")
    for rel in sorted(set(actual) & set(listed)):
        if actual[rel]["sha256"] != listed[rel]["sha256"]:
            problems.append(f"{rel}: its content differs from the manifest")
    return problems
