"""Publish the portal atomically: a failed build never touches the published site.

    python -m govportal.publish [--config-file mkdocs.yml] [--site-dir site]

The site is built by ``mkdocs build --strict`` into a fresh folder next to the target (on the
same file system), checked against its build manifest, and only then swapped into place with
two renames: the old site becomes a backup, the new one takes its name, the backup is
deleted. When the build fails or the new site does not verify, the new folder is removed,
the published site stays exactly as it was, and the command exits 1.

Exit codes: 0 published; 1 the build failed or the site did not verify (nothing changed);
2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import manifest

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print(f"govportal publish: {message}", file=sys.stderr)


def build_into(config_file: Path, folder: Path,
               extra: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """A strict MkDocs build into ``folder`` (a subprocess: the core never imports MkDocs);
    ``extra`` options go to ``mkdocs build`` as they are."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
         "--site-dir", str(folder), *extra],
        capture_output=True, text=True, env=env, check=False)


def swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is: rename the old site away, rename the new one in,
    then delete the old. If the second rename fails the old site is put back."""
    if not target.exists():
        os.rename(new, target)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    backup.rmdir()  # a fresh, unused name on the same file system
    os.rename(target, backup)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(backup, target)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def publish(config_file: Path, site_dir: Path, extra: Sequence[str] = ()) -> int:
    if not config_file.is_file():
        _say(f"{config_file} does not exist")
        return EXIT_USAGE
    target = site_dir.absolute()
    if target.exists() and not target.is_dir():
        _say(f"{site_dir} exists and is not a folder")
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        result = build_into(config_file, new, extra)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        if result.returncode != 0:
            _say(f"the build failed; {site_dir} was left as it was")
            return EXIT_FAILED
        problems = manifest.verify(new)
        if problems:
            for problem in problems:
                _say(problem.replace(f"{new.name}/", "the new site: ", 1))
            _say(f"the new site does not verify against its manifest; {site_dir} was left "
                 "as it was")
            return EXIT_FAILED
        swap(new, target)
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
    _say(f"published {site_dir}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    top = argparse.ArgumentParser(prog="python -m govportal.publish",
                                  description=__doc__.split("\n\n")[0])
    top.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    top.add_argument("--site-dir", default="site", help="the published site (default: site)")
    args, extra = top.parse_known_args(argv)  # the rest goes to mkdocs build (e.g. -q)
    return publish(Path(args.config_file), Path(args.site_dir), extra)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
