"""The lock file: its versions in order, its hash chain, where an entry is, how it is written
and every way it is refused when read.

The chain is recomputed here from its definition (SHA-256 of the chain before, or
``govportal:<program>``, a newline and the entry's canonical JSON, written out below), and
every message, hint and position is written out in full.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import locale
import os
from pathlib import Path

import pytest

from govportal.changes.archive import Archive
from govportal.changes.facts import Facts, RetentionFact
from govportal.changes.lock import (
    Correction,
    Lock,
    LockedTranslation,
    LockedVersion,
    LockFile,
    LockFileV1,
    Retired,
    chain_value,
    load_lock,
    open_lock,
    parse,
)
from govportal.problems import Location, Problems

A, B, C, D = ("a" * 64, "b" * 64, "c" * 64, "d" * 64)
LABEL = "notices.lock.json"
RESTORE = "restore it from git; it is written only by `govportal lock`"


def entry(sha: str, day: int, **kwargs: object) -> LockedVersion:
    return LockedVersion(sha256=sha, wording=B, effective=dt.date(2026, 1, day),
                         facts=Facts(), **kwargs)


def sample(path: Path = Path("notices.lock.json")) -> Lock:
    return Lock(path, LABEL,
                notices={"zeta": {"1.10": entry(A, 3), "1.9": entry(C, 2)},
                         "alpha": {"1": entry(D, 1)}},
                retired={"old": Retired(date=dt.date(2026, 5, 1), reason="Gone \u2014 closed."),
                         "aaa": Retired(date=dt.date(2026, 4, 1), reason="Merged.")})


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# The canonical JSON of each sample entry: sorted keys, no spaces, the version included,
# the chain left out.
EMPTY_FACTS = '{"fields":{},"purposes":{},"recipients":[],"retention":{},"transfers":{}}'
ALPHA_1 = ('{"corrections":[],"effective":"2026-01-01","facts":' + EMPTY_FACTS
           + f',"sha256":"{D}","version":"1","wording":"{B}"}}')
ZETA_1_9 = ('{"corrections":[],"effective":"2026-01-02","facts":' + EMPTY_FACTS
            + f',"sha256":"{C}","version":"1.9","wording":"{B}"}}')
ZETA_1_10 = ('{"corrections":[],"effective":"2026-01-03","facts":' + EMPTY_FACTS
             + f',"sha256":"{A}","version":"1.10","wording":"{B}"}}')


def test_versions_are_ordered_as_numbers_and_found_by_value() -> None:
    lock = sample()
    assert lock.versions("zeta") == ["1.9", "1.10"]
    assert lock.versions("nobody") == []
    assert lock.entry("zeta", "1.10").sha256 == A
    assert lock.entry("alpha", "1.0").sha256 == D  # "1.0" is version 1
    assert lock.entry("alpha", "2") is None
    assert lock.entry("nobody", "1") is None
    assert lock.previous("zeta", "1.10") == ("1.9", lock.notices["zeta"]["1.9"])
    assert lock.previous("zeta", "2") == ("1.10", lock.notices["zeta"]["1.10"])
    assert lock.previous("zeta", "1.9") is None
    assert lock.previous("nobody", "1") is None


def test_the_chain_starts_from_the_program_and_links_each_version_to_the_one_before() -> None:
    lock = sample()
    first = sha(f"govportal:zeta\n{ZETA_1_9}")
    second = sha(f"{first}\n{ZETA_1_10}")
    assert lock.chains("zeta") == [("1.9", first), ("1.10", second)]
    assert lock.chains("alpha") == [("1", sha(f"govportal:alpha\n{ALPHA_1}"))]
    assert lock.chains("nobody") == []
    assert chain_value("zeta", "1.9", lock.notices["zeta"]["1.9"], None) == first
    assert chain_value("zeta", "1.10", lock.notices["zeta"]["1.10"], first) == second


def test_the_chain_covers_corrections_and_facts_in_ascii() -> None:
    version = entry(A, 3, corrections=[Correction(
        date=dt.date(2026, 2, 1), reason="A blank line \u2014 restored.", replaces=C,
        wording_unchanged=True)])
    version.facts = Facts(retention={"logs": RetentionFact(record="Logs", period="90 days",
                                                           days=90)})
    canonical = (
        '{"corrections":[{"date":"2026-02-01","reason":"A blank line \\u2014 restored.",'
        f'"replaces":"{C}","wording_unchanged":true}}],"effective":"2026-01-03","facts":'
        '{"fields":{},"purposes":{},"recipients":[],"retention":{"logs":{"days":90,'
        '"period":"90 days","record":"Logs"}},"transfers":{}},'
        f'"sha256":"{A}","version":"2","wording":"{B}"}}')
    assert chain_value("p", "2", version, None) == sha(f"govportal:p\n{canonical}")
    version.chain = D  # the chain itself is not part of what it covers
    assert chain_value("p", "2", version, None) == sha(f"govportal:p\n{canonical}")


def test_sealing_writes_every_chain() -> None:
    lock = sample()
    assert lock.notices["zeta"]["1.9"].chain == "0" * 64
    lock.seal()
    first = sha(f"govportal:zeta\n{ZETA_1_9}")
    assert lock.notices["zeta"]["1.9"].chain == first
    assert lock.notices["zeta"]["1.10"].chain == sha(f"{first}\n{ZETA_1_10}")
    assert lock.notices["alpha"]["1"].chain == sha(f"govportal:alpha\n{ALPHA_1}")


def test_the_file_is_sorted_indented_sealed_and_keeps_its_letters(tmp_path: Path) -> None:
    lock = sample(tmp_path / "sub" / "deeper" / "notices.lock.json")
    text = lock.dumps()
    assert text.startswith('{\n  "comment": "Written by `govportal lock`: per notice version, '
                           "the fingerprints of the published text and its wording, the facts "
                           "that decide whether a change is material, any corrections, and a "
                           'hash chain over the versions. Do not edit.",\n  "format": 2,\n')
    assert text.endswith('      "reason": "Gone \u2014 closed."\n    }\n  }\n}\n')
    data = json.loads(text)
    assert list(data) == ["comment", "format", "notices", "retired"]
    assert list(data["notices"]) == ["alpha", "zeta"]
    assert list(data["notices"]["zeta"]) == ["1.9", "1.10"]
    assert data["retired"] == {"aaa": {"date": "2026-04-01", "reason": "Merged."},
                               "old": {"date": "2026-05-01", "reason": "Gone \u2014 closed."}}
    first = sha(f"govportal:zeta\n{ZETA_1_9}")
    assert data["notices"]["zeta"]["1.9"] == {
        "sha256": C, "wording": B, "effective": "2026-01-02",
        "facts": {"purposes": {}, "recipients": [], "transfers": {}, "fields": {},
                  "retention": {}},
        "corrections": [], "chain": first}
    lock.save()
    assert (tmp_path / "sub" / "deeper" / "notices.lock.json").read_bytes() == (
        text.encode("utf-8"))


def test_the_file_is_utf8_whatever_the_machine_locale(tmp_path: Path) -> None:
    """A build machine whose locale is ASCII ("C") still writes the lock in UTF-8."""
    lock = sample(tmp_path / "notices.lock.json")
    before = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        lock.save()
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    raw = (tmp_path / "notices.lock.json").read_bytes()
    assert '"reason": "Gone \u2014 closed."'.encode() in raw


def test_an_entry_is_located_at_its_line_in_the_file() -> None:
    lock = sample()
    lock.text = lock.dumps()
    lines = lock.text.splitlines()
    assert lines[4] == '    "alpha": {' and lines[20] == '    "zeta": {'
    assert lock.line_of("alpha") == Location(LABEL, 5, 5)
    assert lock.line_of("alpha", "1") == Location(LABEL, 6, 7)
    assert lock.line_of("zeta") == Location(LABEL, 21, 5)
    assert lock.line_of("zeta", "1.9") == Location(LABEL, 22, 7)
    assert lock.line_of("zeta", "1.10") == Location(LABEL, 36, 7)
    assert lock.line_of("zeta", "7.0") == Location(LABEL, 21, 5)  # the program, then
    assert lock.line_of("nobody") == Location(LABEL, 0, 0)
    assert lock.line_of("nobody", "1") == Location(LABEL, 0, 0)


def test_a_program_is_a_key_inside_notices_not_a_top_level_key() -> None:
    lock = Lock(Path(LABEL), LABEL, text=(
        '{\n  "learning": {\n  "notices": {\n    "learning": {\n      "1.0": {\n'))
    assert lock.line_of("learning") == Location(LABEL, 4, 5)
    assert lock.line_of("learning", "1.0") == Location(LABEL, 5, 7)


def valid_json(**notices: object) -> bytes:
    return json.dumps({"format": 2, "notices": notices}).encode()


def test_parse_reads_both_formats() -> None:
    parsed = parse(valid_json(), LABEL)
    assert isinstance(parsed, LockFile) and parsed.notices == {} and parsed.retired == {}
    old = parse(json.dumps({"format": 1, "notices": {"learning": {"1.0": {
        "sha256": A, "effective": "2026-01-15", "facts": {}}}}}).encode(), LABEL)
    assert isinstance(old, LockFileV1)
    assert old.notices["learning"]["1.0"].sha256 == A


@pytest.mark.parametrize(("raw", "message"), [
    (b"{", "the lock file is not valid JSON: EOF while parsing an object at line 1 column 1"),
    (b'{"format": 2, "format": 2}',
     "the lock file is not valid: the key 'format' appears twice in one object"),
    (b'{"format": 2, "notices": {"a": {}, "a": {}}}',
     "the lock file is not valid: the key 'a' appears twice in one object"),
    (b'{"format": 3}', "the lock file has format 3; this portal reads format 2 (and upgrades "
                      "format 1)"),
    (b'{"format": "2"}', "the lock file has format '2'; this portal reads format 2 (and "
                        "upgrades format 1)"),
    (b'{"notices": {}}', "the lock file has format None; this portal reads format 2 (and "
                        "upgrades format 1)"),
    (b'{"format": [2]}', "the lock file has format [2]; this portal reads format 2 (and "
                        "upgrades format 1)"),
    (b'{"format": {"v": 2}}', "the lock file has format {'v': 2}; this portal reads format 2 "
                             "(and upgrades format 1)"),
    (b'{"format": 2.0}', "the lock file has format 2.0; this portal reads format 2 (and "
                        "upgrades format 1)"),
    # JSON's true is not format 1 (Python counts True as the number 1)
    (b'{"format": true}', "the lock file has format True; this portal reads format 2 (and "
                         "upgrades format 1)"),
    (b'{"format": 2, "notices": {"Learning": {}}}',
     "the lock file is not in the expected shape (notices.Learning.[key]: String should "
     "match pattern '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$')"),
    (b'{"format": 2, "extra": 1}',
     "the lock file is not in the expected shape (extra: Extra inputs are not permitted)"),
])
def test_parse_refuses_with_a_message(raw: bytes, message: str) -> None:
    assert parse(raw, LABEL) == message


def test_one_version_written_two_ways_is_refused() -> None:
    version = entry(A, 1).model_dump(mode="json")
    assert parse(valid_json(learning={"1": version, "1.0": version}), LABEL) == (
        "the lock file names one version of notice 'learning' twice")
    assert isinstance(parse(valid_json(learning={"1": version, "1.1": version}), LABEL),
                      LockFile)


def test_a_missing_lock_file_is_an_empty_valid_lock(tmp_path: Path) -> None:
    problems = Problems()
    lock = load_lock(tmp_path / "notices.lock.json", LABEL, problems)
    assert (lock.exists, lock.valid, lock.notices, lock.text) == (False, True, {}, "")
    assert problems.items == []


def rules_of(problems: Problems) -> list[tuple[str, str, Location, str]]:
    return [(p.rule, p.message, p.location, p.hint) for p in problems.items]


def test_a_broken_lock_file_is_invalid_with_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    path.write_bytes(b'{"format": 3}')
    problems = Problems()
    lock = load_lock(path, LABEL, problems)
    assert (lock.exists, lock.valid, lock.text) == (True, False, "")
    assert rules_of(problems) == [(
        "notice.lock-invalid", "the lock file has format 3; this portal reads format 2 (and "
        "upgrades format 1)", Location(LABEL), RESTORE)]


def test_a_lock_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    with path.open("wb") as f:
        f.truncate(32 * 1024 * 1024 + 1)  # one byte over 32 MiB (a sparse file)
    problems = Problems()
    lock = load_lock(path, LABEL, problems)
    assert (lock.exists, lock.valid) == (True, False)
    assert rules_of(problems) == [(
        "notice.lock-invalid", "the lock file is 33,554,433 bytes; the limit is 33,554,432",
        Location(LABEL), RESTORE)]


def test_a_lock_file_that_links_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.json").write_bytes(valid_json())
    (tmp_path / "project").mkdir()
    os.symlink(tmp_path / "elsewhere.json", tmp_path / "project" / "notices.lock.json")
    problems = Problems()
    lock = load_lock(tmp_path / "project" / "notices.lock.json", LABEL, problems)
    assert (lock.exists, lock.valid) == (True, False)
    assert rules_of(problems) == [(
        "notice.lock-invalid", "the lock file is a link to something outside the project "
        "folder", Location(LABEL), RESTORE)]


def test_a_lock_file_of_the_first_format_is_to_be_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    raw = json.dumps({"format": 1, "notices": {"learning": {"1.0": {
        "sha256": A, "effective": "2026-01-15", "facts": {}}}}})
    path.write_text(raw, encoding="utf-8")
    problems = Problems()
    lock = load_lock(path, LABEL, problems)
    assert (lock.exists, lock.valid, lock.notices, lock.text) == (True, False, {}, raw)
    assert lock.legacy is not None and lock.legacy.notices["learning"]["1.0"].sha256 == A
    assert rules_of(problems) == [(
        "notice.lock-outdated", "the lock file has format 1, which fingerprints only the "
        "wording of each version; this portal needs format 2 (fingerprints of everything "
        "published, and a hash chain)", Location(LABEL),
        "run `govportal lock` once: it checks every archived text against the old "
        "fingerprints and upgrades the lock file")]


def test_a_sealed_lock_file_reads_back_as_written(tmp_path: Path) -> None:
    written = sample(tmp_path / "notices.lock.json")
    written.save()
    problems = Problems()
    lock = load_lock(tmp_path / "notices.lock.json", LABEL, problems)
    assert problems.items == []
    assert (lock.exists, lock.valid, lock.legacy) == (True, True, None)
    assert lock.text == written.dumps()
    assert lock.notices == written.notices and lock.retired == written.retired
    assert lock.versions("zeta") == ["1.9", "1.10"]


def test_an_entry_changed_by_hand_breaks_the_chain_once_per_program(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    sample(path).save()
    text = path.read_text(encoding="utf-8")
    text = text.replace('"effective": "2026-01-02"', '"effective": "2026-01-09"')  # zeta 1.9
    text = text.replace('"effective": "2026-01-01"', '"effective": "2026-01-08"')  # alpha 1
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    lock = load_lock(path, LABEL, problems)
    assert (lock.exists, lock.valid) == (True, False)
    assert rules_of(problems) == [
        ("notice.lock-tampered", "the entry of notice 'alpha' version 1 does not match its "
         "hash chain: the lock file was edited by hand", Location(LABEL, 6, 7), RESTORE),
        ("notice.lock-tampered", "the entry of notice 'zeta' version 1.9 does not match its "
         "hash chain: the lock file was edited by hand", Location(LABEL, 22, 7), RESTORE),
    ]


def test_a_changed_entry_is_located_under_its_own_program(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    lock = Lock(path, LABEL, notices={"alpha": {"1.0": entry(A, 1)},
                                      "beta": {"1.0": entry(C, 1)}})
    lock.save()
    text = path.read_text(encoding="utf-8")
    assert text.count('"effective": "2026-01-01"') == 2
    head, _, tail = text.rpartition('"effective": "2026-01-01"')
    path.write_text(head + '"effective": "2026-01-05"' + tail, encoding="utf-8")  # beta's
    problems = Problems()
    load_lock(path, LABEL, problems)
    assert [(p.message, p.location) for p in problems.items] == [
        ("the entry of notice 'beta' version 1.0 does not match its hash chain: the lock file "
         "was edited by hand", Location(LABEL, 22, 7))]


def test_the_last_version_changed_by_hand_is_found_too(tmp_path: Path) -> None:
    path = tmp_path / "notices.lock.json"
    sample(path).save()
    text = path.read_text(encoding="utf-8").replace('"effective": "2026-01-03"',
                                                    '"effective": "2026-01-04"')  # zeta 1.10
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    assert load_lock(path, LABEL, problems).valid is False
    assert [(p.rule, p.location) for p in problems.items] == [
        ("notice.lock-tampered", Location(LABEL, 36, 7))]


def test_a_project_opens_its_lock_and_archive_with_paths_relative_to_it(
        tmp_path: Path) -> None:
    sample(tmp_path / "control" / "notices.lock.json").save()
    problems = Problems()
    lock, archive = open_lock(tmp_path, "control/notices.lock.json", "published", problems)
    assert problems.items == []
    assert (lock.path, lock.label, lock.valid) == (
        tmp_path / "control" / "notices.lock.json", "control/notices.lock.json", True)
    assert lock.versions("zeta") == ["1.9", "1.10"]
    assert archive == Archive(tmp_path / "published", "published", tmp_path)


def test_paths_outside_the_project_are_shown_whole(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    problems = Problems()
    lock, archive = open_lock(tmp_path / "project", tmp_path / "other" / "lock.json",
                              tmp_path / "archive", problems)
    assert lock.label == (tmp_path / "other" / "lock.json").as_posix()
    assert archive.label == (tmp_path / "archive").as_posix()
    assert archive.project == tmp_path / "project"


def test_a_version_gives_its_own_fingerprints_for_the_default_language_and_a_translations_by_code(
        ) -> None:
    german = LockedTranslation(sha256=C, wording=D)
    version = entry(A, 3, translations={"de": german})
    assert version.text(None) is version
    assert version.text("de") is german
    assert version.text("fr") is None
    assert entry(A, 3).text(None) is not None
