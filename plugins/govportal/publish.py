"""Atomic publishing: build into a fresh folder, swap it in only when the build succeeded.

    python -m govportal.publish [--config-file mkdocs.yml] [--site-dir site]

A failed build (bad data, a missing disclosure, a broken template) leaves the previous
``site/`` exactly as it was: the publish step never sees a partial or mixed site.
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


def publish(config_file: Path, site_dir: Path, extra: Sequence[str] = ()) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
             str(config_file), "--site-dir", str(staging), *extra], env=env)
        if result.returncode != 0:
            print(f"govportal: the build failed; {site_dir.name}/ was left as it was.",
                  file=sys.stderr)
            return result.returncode
        backup = site_dir.with_name(f".{site_dir.name}.old")
        if backup.exists():
            shutil.rmtree(backup)
        if site_dir.exists():
            site_dir.rename(backup)
        staging.rename(site_dir)
        shutil.rmtree(backup, ignore_errors=True)
        print(f"govportal: published {site_dir.name}/")
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govportal.publish",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("--site-dir", default="site", type=Path)
    args, extra = parser.parse_known_args(argv)
    return publish(args.config_file, args.site_dir, extra)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
