"""The archive of published notice texts, read and written under the file-reading policy.

Each refusal's rule id, message and hint is written out here in full.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

import pytest

from govportal.changes.archive import MAX_BYTES, Archive
from govportal.data.file_policy import Refusal

UNREADABLE = "notice.archive-unreadable"
RESTORE = "restore the file from git history"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project" / "notices-archive").mkdir(parents=True)
    return tmp_path / "project"


def archive_of(project: Path) -> Archive:
    return Archive(project / "notices-archive", "notices-archive", project)


def test_a_version_is_one_file_named_after_it(project: Path) -> None:
    archive = archive_of(project)
    assert archive.path("learning", "1.10") == project / "notices-archive" / "learning" / "1.10.md"
    assert archive.label_of("learning", "1.10") == "notices-archive/learning/1.10.md"
    assert archive.folder.name == "notices-archive/"
    assert archive.folder is archive.folder  # made once


def test_written_texts_read_back_with_unix_line_endings(project: Path) -> None:
    archive = archive_of(project)
    assert archive.write("learning", "1.0", "# Notice\r\n\r\nKept for 2 years.\rEnd\n") is True
    path = project / "notices-archive" / "learning" / "1.0.md"
    assert path.read_bytes() == b"# Notice\n\nKept for 2 years.\nEnd\n"
    path.write_bytes(b"# Notice\r\n\r\nKept \xc3\xa0 2 years.\r\n")
    assert archive.load("learning", "1.0") == "# Notice\n\nKept \u00e0 2 years.\n"
    assert archive.read("learning", "1.0") == "# Notice\n\nKept \u00e0 2 years.\n"


def test_writing_makes_the_program_folder(project: Path) -> None:
    archive = Archive(project / "notices-archive", "notices-archive")  # no project given
    assert archive.write("new-program", "0.1", "Text\n") is True
    assert (project / "notices-archive" / "new-program" / "0.1.md").read_text() == "Text\n"


def test_a_version_never_archived_is_none(project: Path) -> None:
    archive = archive_of(project)
    assert archive.load("learning", "9.9") is None
    assert archive.read("learning", "9.9") is None


def test_a_text_that_is_not_utf8_is_refused(project: Path) -> None:
    archive = archive_of(project)
    path = project / "notices-archive" / "learning" / "1.0.md"
    path.parent.mkdir()
    path.write_bytes(b"Kept \xe0 2 years.\n")  # Latin-1
    assert archive.load("learning", "1.0") == Refusal(
        UNREADABLE, "the archived text is not UTF-8", RESTORE)
    assert archive.read("learning", "1.0") is None


def test_a_text_over_the_limit_is_refused_with_its_size(project: Path) -> None:
    archive = archive_of(project)
    path = project / "notices-archive" / "learning" / "1.0.md"
    path.parent.mkdir()
    path.write_bytes(b"a" * 1_048_576)
    assert MAX_BYTES == 1_048_576
    assert archive.load("learning", "1.0") == "a" * 1_048_576  # exactly the limit is read
    path.write_bytes(b"a" * 1_048_577)
    assert archive.load("learning", "1.0") == Refusal(
        UNREADABLE, "the archived text is 1,048,577 bytes; the limit is 1,048,576", RESTORE)
    assert archive.read("learning", "1.0") is None


def test_a_text_that_links_out_of_the_archive_is_refused_under_the_archive_rule(
        project: Path) -> None:
    (project / "secret.md").write_text("not a notice\n", encoding="utf-8")
    (project / "notices-archive" / "learning").mkdir()
    os.symlink(project / "secret.md", project / "notices-archive" / "learning" / "1.0.md")
    archive = archive_of(project)
    assert archive.load("learning", "1.0") == Refusal(
        UNREADABLE, "the file is a link to something outside notices-archive/",
        "replace the link with the file itself: the build reads only what is in "
        "notices-archive/")
    assert archive.read("learning", "1.0") is None
    assert archive.write("learning", "1.0", "overwritten\n") is False
    assert (project / "secret.md").read_text(encoding="utf-8") == "not a notice\n"


def test_an_archive_folder_that_links_out_of_the_project_is_neither_read_nor_written(
        tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "learning").mkdir(parents=True)
    (outside / "learning" / "1.0.md").write_text("outside text\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    os.symlink(outside, project / "archive")
    archive = Archive(project / "archive", "archive", project)
    assert archive.load("learning", "1.0") == Refusal(
        UNREADABLE, "archive/ is a link to something outside the project folder",
        "replace the link with the archive/ folder itself")
    assert archive.read("learning", "1.0") is None
    assert archive.write("learning", "2.0", "new text\n") is False
    assert not (outside / "learning" / "2.0.md").exists()
    # without a project folder to stay inside, the same archive is read and written
    free = Archive(project / "archive", "archive")
    assert free.load("learning", "1.0") == "outside text\n"
    assert free.write("learning", "2.0", "new text\n") is True


def test_the_archive_is_utf8_whatever_the_machine_locale(project: Path) -> None:
    """A build machine whose locale is ASCII ("C") still archives and reads UTF-8."""
    archive = archive_of(project)
    before = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        assert archive.write("learning", "1.0", "Kept \u00e0 2 years \u2014 then deleted.\n")
        assert archive.load("learning", "1.0") == "Kept \u00e0 2 years \u2014 then deleted.\n"
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    path = project / "notices-archive" / "learning" / "1.0.md"
    assert path.read_bytes() == "Kept \u00e0 2 years \u2014 then deleted.\n".encode()
