"""Publish the portal atomically: a failed build never touches the published site.

    python -m govportal.publish [--config-file mkdocs.yml] [--site-dir site]
                                [--engine mkdocs|properdocs] [--pdf auto|required|off]

The site is built strictly by the engine (MkDocs or ProperDocs; by default the one
installed, MkDocs when both are) into a fresh folder next to the target (on the same file
system); each notice's PDF is printed from its built page and added to the manifest; the new
site is checked against its manifest and for the portal's notices, and only then swapped
into place with two renames: the old site becomes a backup, the new one takes its name, the
backup is deleted. When the build, the printing or the check fails, the new folder is
removed, the published site stays exactly as it was, and the command exits 1.

PDFs: ``required`` refuses to build on a machine that cannot print them; ``auto`` (the
default) prints them when Chromium is there and otherwise says what is missing and builds a
complete site without them (its notices then link no PDF); ``off`` never prints them.

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

from . import engines, manifest, pdf
from .verification import verify_site

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print(f"govportal publish: {message}", file=sys.stderr)


def build_into(config_file: Path, folder: Path, extra: Sequence[str] = (),
               engine: str = "mkdocs", pdfs: bool = False) -> subprocess.CompletedProcess[str]:
    """A strict build by ``engine`` into ``folder`` (a subprocess: the core never imports
    the engine); ``extra`` options go to its ``build`` as they are. ``pdfs`` tells the
    plugin (``pdf: !ENV GOVPORTAL_PDF`` in ``mkdocs.yml``) that the PDFs will be printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "GOVPORTAL_PDF": "true" if pdfs else "false"}
    return subprocess.run(
        [*engines.build_command(engine), "--strict", "--config-file", str(config_file),
         "--site-dir", str(folder), *extra],
        capture_output=True, text=True, env=env, check=False)


def print_pdfs(site: Path) -> list[str]:
    """Print the documents the build announced into ``site`` and list them in its manifest;
    problems as sentences (empty when all were printed)."""
    data, problems = manifest.load(site)
    if data is None:
        return problems
    if not data["documents"]:
        return []
    try:
        printed = pdf.print_documents(site, data["documents"], data.get("site_url") or "",
                                      pdf.document_date(data["build_date"]))
        manifest.add_documents(site, printed)
    except (pdf.PrintError, ValueError) as exc:
        return [f"the notice PDFs could not be printed: {exc}"]
    _say(f"printed {len(printed)} notice PDF(s)")
    return []


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


def _pdf_plan(mode: str, site_dir: Path) -> bool | None:
    """Whether to print the PDFs (None: refuse to build, ``required`` cannot be met)."""
    if mode == "off":
        return False
    lacking = pdf.missing()
    if not lacking:
        return True
    for reason in lacking:
        _say(f"cannot print the notice PDFs: {reason}")
    if mode == "required":
        _say(f"--pdf required: nothing was built; {site_dir} was left as it was")
        return None
    _say("building the site without notice PDFs: its notices will link none")
    return False


def publish(config_file: Path, site_dir: Path, extra: Sequence[str] = (),
            engine: str | None = None, pdf_mode: str = "auto") -> int:
    if not config_file.is_file():
        _say(f"{config_file} does not exist")
        return EXIT_USAGE
    target = site_dir.absolute()
    if target.exists() and not target.is_dir():
        _say(f"{site_dir} exists and is not a folder")
        return EXIT_USAGE
    try:
        chosen = engines.choose(engine)
    except engines.EngineError as exc:
        _say(str(exc))
        return EXIT_USAGE
    pdfs = _pdf_plan(pdf_mode, site_dir)
    if pdfs is None:
        return EXIT_FAILED
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        result = build_into(config_file, new, extra, chosen, pdfs)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        if result.returncode != 0:
            _say(f"the build failed; {site_dir} was left as it was")
            return EXIT_FAILED
        printing = print_pdfs(new) if pdfs else []
        if printing:
            for problem in printing:
                _say(problem)
            _say(f"nothing was published; {site_dir} was left as it was")
            return EXIT_FAILED
        problems = verify_site(new)
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
    _say(f"published {site_dir} (built by {chosen}"
         f"{'' if pdfs else ', without notice PDFs'})")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    top = argparse.ArgumentParser(prog="python -m govportal.publish",
                                  description=__doc__.split("\n\n")[0])
    top.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    top.add_argument("--site-dir", default="site", help="the published site (default: site)")
    top.add_argument("--engine", choices=engines.ENGINES,
                     help="the generator to build with (default: the one installed, "
                          "mkdocs when both are)")
    top.add_argument("--pdf", choices=("auto", "required", "off"), default="auto",
                     help="print each notice's PDF: when Chromium is there (auto, the "
                          "default), always (required: refuse to build without it), never")
    args, extra = top.parse_known_args(argv)  # the rest goes to the engine's build (e.g. -q)
    return publish(Path(args.config_file), Path(args.site_dir), extra, args.engine, args.pdf)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
