"""The live preview's memo of the manifest's file hashes: a file is read again whenever its
status changed, or was too new to trust when it was hashed; the entries are always those a
full hashing gives."""

from __future__ import annotations

import hashlib

import pytest

from govportal.publish import manifest


@pytest.fixture
def site(tmp_path):
    (tmp_path / "a.html").write_text("<p>one</p>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "b.css").write_text("p{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def reads(monkeypatch):
    """The files hashed, by name."""
    seen: list[str] = []
    real = manifest.sha256_file

    def counting(path):
        seen.append(path.name)
        return real(path)
    monkeypatch.setattr(manifest, "sha256_file", counting)
    return seen


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_an_unchanged_file_is_not_read_again_and_the_entries_are_the_same(site, reads,
                                                                         monkeypatch):
    monkeypatch.setattr(manifest, "RACY_NS", 0)  # files written just now count as settled
    full = manifest.file_entries(site)
    known: manifest.Hashes = {}
    assert manifest.file_entries(site, known) == full
    assert sorted(known) == ["a.html", "assets/b.css"]
    reads.clear()
    assert manifest.file_entries(site, known) == full
    assert reads == []
    (site / "a.html").write_text("<p>one, and longer</p>", encoding="utf-8")
    again = manifest.file_entries(site, known)
    assert reads == ["a.html"]
    assert again[0] == {"path": "a.html", "sha256": _sha("<p>one, and longer</p>"),
                        "size": 22}
    (site / "assets" / "b.css").unlink()
    assert [e["path"] for e in manifest.file_entries(site, known)] == ["a.html"]
    assert sorted(known) == ["a.html"]


def test_a_file_hashed_while_new_is_read_again_next_time(site, reads):
    """A file written within the clock's resolution before it was hashed may be written
    again with the same size and times: it is not trusted until it has settled."""
    known: manifest.Hashes = {}
    manifest.file_entries(site, known)
    assert known == {}  # both were written a moment ago
    (site / "a.html").write_text("<p>two</p>", encoding="utf-8")  # the same size
    reads.clear()
    entries = manifest.file_entries(site, known)
    assert sorted(reads) == ["a.html", "b.css"]
    assert entries[0]["sha256"] == _sha("<p>two</p>")


def test_the_manifest_the_preview_writes_is_the_full_builds(site, monkeypatch):
    monkeypatch.setattr(manifest, "RACY_NS", 0)
    known: manifest.Hashes = {}
    first = manifest.build(site, "f" * 64, "2026-12-02", "public", known=known)
    assert first == manifest.build(site, "f" * 64, "2026-12-02", "public")
    assert manifest.build(site, "f" * 64, "2026-12-02", "public", known=known) == first
