"""The build manifest: what was published, provably.

After every build the plugin writes ``govportal-manifest.json`` into the site root: every
file of the site with its SHA-256 and size, a fingerprint of the policy data it was built
from (exactly the files the check read, see :mod:`govportal.data.file_policy`), the plugin
version, the build date and the edition, and one digest over all of it. :func:`verify`
checks a site against its manifest; publishing refuses a site that does not verify, so a
site built without the plugin (a generator that ignores unknown plugins silently) or changed
after the build is never put live.

The manifest proves that a site is whole, not where it came from: anyone who edits a site
can write a new manifest with this module. Where a site came from is proven by the
publishing workflow's build-provenance attestation of the manifest (README, "Publishing
safely"), which only GitHub's signing service can issue for the workflow run.

Everything in the manifest follows from the commit and the build date: two builds of the same
commit with the same ``SOURCE_DATE_EPOCH`` write the same manifest. The engine that built the
site (MkDocs or ProperDocs) is recorded outside the digest: the pages do not depend on it, so
the file list and the digest are the same whichever engine built the site.

Documents printed after the build (each notice's PDF) are announced by the build under
``documents`` and added to the file list by :func:`add_documents` once printed; a site whose
announced documents were never printed does not verify.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

from .. import __version__

NAME = "govportal-manifest.json"
FORMAT = 2
GENERATOR = "govportal"
_HEX = re.compile(r"[0-9a-f]{64}")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site: Path) -> list[Path]:
    """Every file of the site (links included, as found), the manifest itself left out."""
    return sorted((p for p in site.rglob("*") if p.is_file() or p.is_symlink()),
                  key=lambda p: p.relative_to(site).as_posix())


def _entry(site: Path, rel: str) -> dict[str, Any]:
    path = site / rel
    return {"path": rel, "sha256": sha256_file(path), "size": path.stat().st_size}


# A file whose status changed less than this long before it is hashed is hashed again next
# time whatever its status says (a write within the clock's resolution can leave it as it
# was: git calls this "racily clean").
RACY_NS = 2_000_000_000
# what a live preview knows of each file it hashed: (size, mtime, ctime, inode) → SHA-256
Hashes = dict[str, tuple[tuple[int, int, int, int], str]]


def file_entries(site: Path, known: Hashes | None = None) -> list[dict[str, Any]]:
    """Every file's path, SHA-256 and size. ``known``: a live preview's hashes from its last
    build, by path, with the status each file had (size, modification and change times,
    inode); a file whose status is the same, and was not racily new when hashed, is not read
    again. ``known`` is brought up to date (only the site's files now)."""
    rels = (path.relative_to(site).as_posix() for path in site_files(site))
    if known is None:
        return [_entry(site, rel) for rel in rels if rel != NAME]
    entries, now, seen = [], time.time_ns(), {}
    for rel in rels:
        if rel == NAME:
            continue
        path = site / rel
        stat = path.stat()
        status = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        kept = known.get(rel)
        sha = kept[1] if kept is not None and kept[0] == status else sha256_file(path)
        if now - max(stat.st_mtime_ns, stat.st_ctime_ns) >= RACY_NS:
            seen[rel] = (status, sha)
        entries.append({"path": rel, "sha256": sha, "size": stat.st_size})
    known.clear()
    known.update(seen)
    return entries


# Not covered by the digest: the digest itself, and the engine that built the site (the
# pages do not depend on it, so MkDocs and ProperDocs builds of one commit share a digest).
_OUTSIDE_DIGEST = frozenset({"digest", "engine"})


def digest(manifest: dict[str, Any]) -> str:
    """SHA-256 over every field of the manifest but the digest itself and the engine
    (edition, data fingerprint, build date, plugin version, site address and the printed
    documents included, not only the file list)."""
    body = {k: v for k, v in manifest.items() if k not in _OUTSIDE_DIGEST}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def build(site: Path, data_fingerprint: str, build_date: str, edition: str, *,
          engine: dict[str, str] | None = None, site_url: str = "",
          documents: list[dict[str, str]] | None = None,
          known: Hashes | None = None) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "engine": engine or {},
        "site_url": site_url,
        "documents": sorted(documents or [], key=lambda d: d["path"]),
        "format": FORMAT,
        "generator": GENERATOR,
        "plugin_version": __version__,
        "build_date": build_date,
        "edition": edition,
        "data_fingerprint": data_fingerprint,
        "files": file_entries(site, known),
    }
    manifest["digest"] = digest(manifest)
    return manifest


def _save(site: Path, manifest: dict[str, Any]) -> None:
    (site / NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                             encoding="utf-8")


def write(site: Path, data_fingerprint: str, build_date: str, edition: str,
          **provenance: Any) -> dict[str, Any]:
    """Write the manifest of ``site`` (call it last: it lists what is there now);
    ``provenance`` is ``engine``, ``site_url``, ``documents`` and, under a live preview,
    ``known`` (see :func:`build`)."""
    manifest = build(site, data_fingerprint, build_date, edition, **provenance)
    _save(site, manifest)
    return manifest


def add_documents(site: Path, printed: list[str]) -> dict[str, Any]:
    """Add the documents printed after the build to the manifest of ``site``; each must be
    one the build announced. Raises ValueError when the manifest cannot be read or a path
    was never announced."""
    manifest, problems = load(site)
    if manifest is None:
        raise ValueError("; ".join(problems))
    announced = {d["path"] for d in manifest["documents"]}
    strangers = sorted(set(printed) - announced)
    if strangers:
        raise ValueError(f"not announced by the build: {', '.join(strangers)}")
    kept = [e for e in manifest["files"] if e["path"] not in set(printed)]
    entries = sorted(kept + [_entry(site, rel) for rel in printed], key=lambda e: e["path"])
    manifest["files"] = entries
    manifest["digest"] = digest(manifest)
    _save(site, manifest)
    return manifest


def _valid_entry(entry: Any) -> bool:
    return (isinstance(entry, dict) and set(entry) == {"path", "sha256", "size"}
            and isinstance(entry["path"], str) and isinstance(entry["size"], int)
            and isinstance(entry["sha256"], str) and bool(_HEX.fullmatch(entry["sha256"])))


def load(site: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The manifest of ``site`` and the problems that stop it being read."""
    label = site.name or str(site)
    if not site.is_dir():
        return None, [f"{label}/ does not exist or is not a folder"]
    path = site / NAME
    if not path.is_file():
        return None, [f"{label}/ has no {NAME}: it was not built by the governance portal "
                      "plugin (a generator that ignores plugins, such as Zensical, would "
                      "produce this), or the manifest was removed"]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [f"{label}/{NAME} cannot be read: {exc}"]
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        return None, [f"{label}/{NAME} is not a governance portal manifest"]
    if manifest.get("format") != FORMAT:
        return None, [f"{label}/{NAME} has format {manifest.get('format')!r}; this version "
                      f"reads format {FORMAT}"]
    files = manifest.get("files")
    if not isinstance(files, list) or not all(_valid_entry(e) for e in files):
        return None, [f"{label}/{NAME} has a malformed file list"]
    documents = manifest.setdefault("documents", [])
    if not isinstance(documents, list) or not all(
            isinstance(d, dict) and isinstance(d.get("path"), str) for d in documents):
        return None, [f"{label}/{NAME} has a malformed list of documents"]
    return manifest, []


def verify(site: Path) -> list[str]:
    """Problems that make ``site`` differ from its manifest; empty when it verifies."""
    manifest, problems = load(site)
    if manifest is None:
        return problems
    label = site.name or str(site)
    listed = {e["path"]: e for e in manifest["files"]}
    if len(listed) != len(manifest["files"]):
        problems.append(f"{label}/{NAME} lists a file twice")
    if digest(manifest) != manifest.get("digest"):
        problems.append(f"{label}/{NAME}: its content does not match its digest (the "
                        "manifest was edited: its file list, edition, data fingerprint, date "
                        "or version)")
    present = {p.relative_to(site).as_posix(): p for p in site_files(site)}
    present.pop(NAME, None)
    for rel in sorted(set(present) - set(listed)):
        problems.append(f"{label}/{rel} is not in the manifest (added after the build)")
    for document in manifest["documents"]:
        if document["path"] not in listed:
            problems.append(
                f"{label}/{document['path']} was announced by the build (printed from "
                f"{document.get('page', '?')}) but never printed: publish with `python -m "
                "govportal.publish`, which prints it after the build")
    for rel in sorted(set(listed) - set(present)):
        problems.append(f"{label}/{rel} is in the manifest but missing from the site")
    for rel in sorted(set(listed) & set(present)):
        path, entry = present[rel], listed[rel]
        if path.is_symlink():
            problems.append(f"{label}/{rel} is a link; a published site holds files only")
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            problems.append(f"{label}/{rel} was changed after the build (its content differs "
                            "from the manifest)")
    return problems
