"""The benchmark's run with two languages: the same synthetic organisation built with its
pages in English only, and with German required in its German jurisdiction (every text
translated, machine-made for the measurement: "DE " before the English text).

For each size the two projects are built alternately, ``repeat`` times each, in fresh
processes (paired runs, so that a burst of load on a shared machine falls on both); the
results are the medians of the wall times and of the CPU times, the number of pages, and the
ratio of the two-language build to the one-language build. The pages a second language adds
are the reader pages (home, indexes, notices, guides, checklists), not the registers, so the
ratio is compared with the ratio of pages.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

LANGUAGE = "de"


def add_language(project: Path, code: str = LANGUAGE) -> int:
    """Require ``code`` in the organisation's German jurisdiction and translate every text
    its pages need; returns the number of texts written."""
    from govportal import pipeline
    from govportal.data.translatable import PAGE_KINDS, fingerprint, is_source_only

    org = project / "data" / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    first = re.search(r"^- id: de\n(?:  .*\n)*?  supervisory_authority:.*\n", text, re.M)
    if first is None:
        raise SystemExit("the synthetic organisation has no German jurisdiction")
    org.write_text(text[:first.end()] + f"  languages: {{required: [{code}], optional: [en]}}\n"
                   + text[first.end():], encoding="utf-8")
    policy = pipeline.check(project / "data").policy
    files: dict[str, dict[str, dict[str, Any]]] = {}
    from govportal.data.translatable import source_texts

    for (kind, rid, key), src in source_texts(policy).items():
        if kind in PAGE_KINDS and not is_source_only(kind, key):
            files.setdefault(kind, {}).setdefault(rid, {})[key] = {
                "source": fingerprint(src.text), "text": f"{code.upper()} {src.text}"}
    folder = project / "data" / "translations" / code
    folder.mkdir(parents=True, exist_ok=True)
    for kind, records in files.items():  # JSON is YAML: no quoting to get wrong
        (folder / f"{kind}.yaml").write_text(json.dumps(records, ensure_ascii=False, indent=1),
                                             encoding="utf-8")
    return sum(len(r) for recs in files.values() for r in recs.values())


def two_language_copy(one: Path, two: Path) -> int:
    """``one`` (a synthetic project) copied to ``two`` with German added
    (:func:`add_language`) and locked as published; the number of texts translated."""
    shutil.rmtree(two, ignore_errors=True)
    shutil.copytree(one, two, ignore=shutil.ignore_patterns("site"))
    texts = add_language(two)
    if (two / "notices.lock.json").exists():  # German is published: lock its texts too
        from synth import lock

        lock(two)
    return texts


def translation_line_edit(project: Path, code: str = LANGUAGE) -> tuple[str, str, str]:
    """A translator's one-line change: the German text of what a manager guide says to
    record, in the first program of the translation file whose guide is published in German
    (the German jurisdiction's; a program that serves only others has its texts translated
    but no German page). That guide in German changes; the English pages and every
    translation's fingerprint stay as they are. The text to replace runs from the program's
    first line to the end of the edited one: it is found once in the file."""
    path = project / "data" / "translations" / code / "programs.yaml"
    rel = path.relative_to(project).as_posix()
    text = path.read_text(encoding="utf-8")
    published = german_programs(project, code)
    for pid in json.loads(text):
        if pid not in published:
            continue
        start = text.index(f"\n {json.dumps(pid)}: {{") + 1
        match = re.compile(r'"manager_guide\.record_purpose": \{\n[^\n]*\n *"text": "[^"\n]*'
                           ).search(text, start)
        if match is not None and text.find("\n }", start) > match.start():
            # from the program's first line, so that the text replaced is this program's
            # (every program's guide says the same thing)
            old = text[start:match.end()]
            return rel, old, old + " (bearbeitet)"
    raise SystemExit(f"{rel} has no one-line translation of `record_purpose` that a page in "
                     f"{code} prints")


def german_programs(project: Path, code: str = LANGUAGE) -> set[str]:
    """The programs whose notice and guide the project publishes in ``code`` (their
    jurisdictions require it)."""
    import datetime as dt

    from govportal import pipeline
    from govportal.data.translatable import Need, program_needs

    policy = pipeline.check(project / "data").policy
    today = dt.date.today()
    return {pid for pid, program in policy.programs.items()
            if program_needs(policy, program, today).get(code) == Need.REQUIRED}


def measure_languages(sizes: list[int], work: Path, repeat: int, build: Callable[[Path], dict],
                      make: Callable[[int, Path], Path], log: Callable[[str], None]
                      ) -> list[dict[str, Any]]:
    """Per size: one-language and two-language builds, paired; ``make(n, dest)`` writes a
    synthetic project, ``build(project)`` builds it (wall seconds, CPU seconds, the site)."""
    out = []
    for n in sizes:
        one = make(n, work / f"lang-{n}-en")
        two = work / f"lang-{n}-en-de"
        texts = two_language_copy(one, two)
        runs: dict[str, list[dict]] = {"one": [], "two": []}
        for _ in range(repeat):
            runs["one"].append(build(one))
            runs["two"].append(build(two))
        pages = {k: runs[k][-1]["pages"] for k in runs}
        wall = {k: statistics.median(r["seconds"] for r in runs[k]) for k in runs}
        cpu = {k: statistics.median(r["cpu"] for r in runs[k]) for k in runs}
        out.append({"programs": n, "runs": repeat, "texts": texts, "pages": pages,
                    "wall_s": wall, "cpu_s": cpu, "ratio_wall": wall["two"] / wall["one"],
                    "ratio_cpu": cpu["two"] / cpu["one"],
                    "ratio_pages": pages["two"] / pages["one"]})
        log(f"languages N={n}: {cpu['one']:.1f} s CPU in English, {cpu['two']:.1f} s with "
            f"German ({out[-1]['ratio_cpu']:.2f}x; pages {out[-1]['ratio_pages']:.2f}x)")
    return out


def languages_markdown(results: list[dict[str, Any]]) -> str:
    """The results page's paragraph and table on languages."""
    if not results:
        return ""
    runs = sorted({r["runs"] for r in results})
    lines = [
        "**Two languages.** The same organisation built in English only and with German "
        "required in its German jurisdiction (every text translated), each build in a fresh "
        "process, the two alternating so that load on this shared two-core machine falls on "
        f"both (paired runs, {' or '.join(str(n) for n in runs)} per size; medians). A second "
        "language adds the reader pages (home, indexes, notices, guides, checklists), not the "
        "registers. Each figure reads English only → English and German.",
        "",
        "| Programs | Pages | Build CPU s | Build wall s | × CPU | × pages |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['programs']:,} | {r['pages']['one']:,} → {r['pages']['two']:,}"
            f" | {r['cpu_s']['one']:.1f} → {r['cpu_s']['two']:.1f} | {r['wall_s']['one']:.1f}"
            f" → {r['wall_s']['two']:.1f} | {r['ratio_cpu']:.2f} | {r['ratio_pages']:.2f} |")
    return "\n".join(lines)
