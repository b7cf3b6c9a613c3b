"""How the public-edition scan reads a site file: a value must be found however the page
wraps, escapes or splits it (the real builds are in tests/sitebuild/test_editions.py)."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import zipfile
import zlib
from pathlib import Path

import pytest

from govportal.publish.edition_scan import (
    Internal,
    LeakScanner,
    Reading,
    group_by_key_word,
    inner_words,
    read_site_file,
    readable_text,
)
from govportal.publish.site_texts import MAX_EXPANDED, Unreadable
from govportal.text.folding import fold

SECRET = "Residual risk accepted by the CISO"


@pytest.mark.parametrize(("name", "content"), [
    ("plain.html", f"<p>{SECRET}</p>"),
    ("split.html", "<p>Residual <em>risk</em> accepted by the <strong>CISO</strong></p>"),
    ("glued.html", "<p>Residual risk accepted by the CI<span>SO</span></p>"),
    ("paragraphs.html", "<p>Residual risk</p><p>accepted by the CISO</p>"),
    ("entities.html", "<p>Residual&#32;risk accepted by&nbsp;the &#x43;ISO</p>"),
    ("wrapped.html", "<p>Residual risk\n   accepted by\tthe CISO</p>"),
    ("attribute.html", f'<a title="a &gt; b {SECRET}" href="#">x</a>'),
    ("quoted-gt.html", f'<p><a title="1 > 0">one</a> {SECRET}</p>'),
    ("comment.html", f"<!-- {SECRET} --><p>x</p>"),
    ("script.html", f"<script>var x = '{SECRET}';</script>"),
    ("index.json", json.dumps({"docs": [{"text": "<p>Residual <code>risk</code> accepted by "
                                                 "the CISO</p>"}]})),
    ("escaped.json", json.dumps({"t": "Residual risk accepted by the CISO é"},
                                ensure_ascii=True)),
    ("notes.csv", f'id,note\n1,"{SECRET}"\n'),
])
def test_a_value_is_found_however_the_file_holds_it(tmp_path: Path, name: str,
                                                     content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert fold(SECRET) in readable_text(path)


def test_text_that_only_looks_alike_is_not_found(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Residual risk was accepted by the CISO</p>", encoding="utf-8")
    assert fold(SECRET) not in readable_text(path)


def test_inner_words_leave_out_the_edges_a_page_may_glue_to_other_words() -> None:
    assert inner_words("Checked in review SEC-0042.") == {"in", "review", "SEC", "0042"}
    assert inner_words("Okonkwo-Lindqvist") == set()


def test_values_sharing_words_are_told_apart_by_their_rarest_inner_word() -> None:
    values = [Internal(f"Checked in review SEC-{i:04d}.", "data/p.yaml", ("dpia",))
              for i in range(50)]
    groups = group_by_key_word(values)
    assert sorted(groups) == [f"{i:04d}" for i in range(50)]
    scanner = LeakScanner(values)
    assert scanner.find(_reading("We said: Checked in review\n  SEC-0007. Then")) == [values[7]]
    assert scanner.find(_reading("Checked in review SEC-0070.")) == []


@pytest.mark.parametrize("text", [
    "xChecked in review SEC-0042.",  # glued at the start: the first word is no clue
    "see SOC2-LMS-2026-77y",  # glued at the end
    "ask Okonkwo-Lindqvist",  # a value without an inner word is compared with every text
])
def test_a_value_glued_to_its_neighbours_is_still_found(text: str) -> None:
    values = [Internal("Checked in review SEC-0042.", "a", ("x",)),
              Internal("SOC2-LMS-2026-77", "a", ("y",)), Internal("Okonkwo-Lindqvist", "a",
                                                                  ("z",)),
              Internal("Not in any text at all", "a", ("w",))]
    found = LeakScanner(values).find(_reading(text))
    assert len(found) == 1 and found[0].text in text


def _reading(text: str) -> Reading:
    return Reading([text])


def test_json_strings_are_read_whole_and_apart(tmp_path: Path) -> None:
    many = [f"entry {i} with nothing to hide" for i in range(20_000)]
    split = "Residual <em>risk</em> accepted by the CISO"  # found only with the tags removed
    strings = ['<p title="left open', split, 'a quote" here>', *many,
               "Residual risk accepted", "by the CISO"]
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"docs": strings}), encoding="utf-8")
    readings = read_site_file(path)
    assert len(readings) > 1  # read a few strings at a time, not as one text
    scanner = LeakScanner([Internal(fold(SECRET), "data/vendors.yaml", ("risk_notes",))])
    # Found once: a tag left open in one string does not swallow the next ones, and a
    # value is not pieced together from two strings.
    assert [i for i, r in enumerate(readings) if scanner.find(r)] == [0]


@pytest.mark.parametrize("page", [
    "<p>Residual risk</p><p>accepted by the CISO</p>",  # only with a tag read as a space
    "<p>Residual risk accepted by the CI<span>SO</span></p>",  # only with a tag as nothing
])
def test_the_scanner_reads_a_page_both_ways(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    scanner = LeakScanner([Internal(fold(SECRET), "data/vendors.yaml", ("risk_notes",))])
    assert [len(scanner.find(r)) for r in read_site_file(path)] == [1]


# -- Altered copies and other kinds of file ---------------------------------------------------

def _pdf(text: str, compressed: bool = True) -> bytes:
    """A one-page PDF showing ``text`` in Helvetica (content stream Flate-compressed)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    stream = zlib.compress(content) if compressed else content
    flate = b"/Filter /FlateDecode " if compressed else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< " + flate + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def _png_with_text(text: str) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes(13)) + chunk(b"tEXt", b"Comment\x00"
            + text.encode("latin-1")) + chunk(b"IEND", b""))


HTML = f"<p>{SECRET}</p>".encode()
# What the issue listed as getting past the scan, each as a file the site could hold.
EVASIONS: dict[str, tuple[str, bytes]] = {
    "upper case": ("page.html", SECRET.upper().encode()),
    "title case": ("page.html", SECRET.title().encode()),
    "zero-width spaces": ("page.html", "Resi\u200bdual ri\u200dsk accepted by the C\u2060ISO"
                          .encode()),
    "zero-width by entity": ("page.html", b"Resi&#x200b;dual risk accepted by the CISO"),
    "soft hyphens": ("page.html", "Resi\u00addual risk ac\u00adcepted by the CISO".encode()),
    "soft hyphen entity": ("page.html", b"Resi&shy;dual risk accepted by the CISO"),
    "full-width letters": ("page.html", "Ｒｅｓｉｄｕａｌ ｒｉｓｋ accepted by the ＣＩＳＯ"
                           .encode()),
    "byte-order mark inside": ("page.html", "Residual\ufeff risk accepted by the CISO".encode()),
    ".txt": ("notes.txt", SECRET.encode()),
    ".tsv": ("data.tsv", f"id\tnote\n1\t{SECRET}\n".encode()),
    ".xhtml": ("page.xhtml", HTML),
    ".mjs": ("module.mjs", f"export const note = '{SECRET}';".encode()),
    "no suffix": ("README", SECRET.encode()),
    "UTF-16": ("notes.txt", SECRET.encode("utf-16")),
    "gzip": ("page.html.gz", gzip.compress(HTML)),
    "gzip, no suffix": ("blob", gzip.compress(HTML)),
    "bzip2": ("notes.txt.bz2", bz2.compress(SECRET.encode())),
    "xz": ("notes.txt.xz", lzma.compress(SECRET.encode())),
    "zip": ("bundle.zip", _zip("inside/page.html", HTML)),
    "zip in gzip": ("bundle.zip.gz", gzip.compress(_zip("notes.txt", SECRET.encode()))),
    "PDF, compressed text": ("notice.pdf", _pdf(SECRET)),
    "PDF, plain text": ("notice.pdf", _pdf(SECRET, compressed=False)),
    "image metadata": ("logo.png", _png_with_text(SECRET)),
}


@pytest.mark.parametrize("evasion", sorted(EVASIONS))
def test_an_altered_copy_is_still_found(tmp_path: Path, evasion: str) -> None:
    name, content = EVASIONS[evasion]
    path = tmp_path / name
    path.write_bytes(content)
    value = Internal(fold(SECRET), "data/vendors.yaml", ("risk_notes",))
    scanner = LeakScanner([value])
    assert {v for r in read_site_file(path) for v in scanner.find(r)} == {value}


def test_a_file_the_scan_cannot_read_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.gz").write_bytes(b"\x1f\x8b" + b"not really gzip")
    (tmp_path / "bomb.gz").write_bytes(gzip.compress(b"\0" * (MAX_EXPANDED + 10)))
    for name in ("broken.gz", "bomb.gz"):
        with pytest.raises(Unreadable):
            read_site_file(tmp_path / name)


@pytest.fixture(scope="module")
def leaky_policy(tmp_path_factory: pytest.TempPathFactory):
    import datetime as dt

    from govportal import pipeline
    from govportal.rules.registry import Options
    from tests.sitebuild.test_editions import internal_data

    data = internal_data(tmp_path_factory.mktemp("internal"))
    result = pipeline.check(data, Options(today=dt.date(2026, 11, 22)), label_base=data.parent)
    assert not result.problems.errors
    return result.policy


def test_every_file_of_a_site_is_read_whatever_its_name(tmp_path: Path,
                                                             leaky_policy) -> None:
    from govportal.publish.edition_scan import find_leaks
    from tests.sitebuild.test_editions import CONTACT_NAME, LEAKING_FILES

    site = tmp_path / "site"
    for name, text in {**LEAKING_FILES, "page.HTML": f"<p>{CONTACT_NAME}</p>",
                       "font.woff2": CONTACT_NAME, "image.png": CONTACT_NAME,
                       "notes": CONTACT_NAME}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    found = f" contains the internal-only field contacts[0].name of " \
            f"data/incident-response.yaml ('{CONTACT_NAME}')"
    # no kind of file is passed over for its name: a font, an image or a file without a
    # suffix can carry text as well as a page can
    assert find_leaks(site, leaky_policy) == sorted(
        f"{name}{found}" for name in [*LEAKING_FILES, "page.HTML", "font.woff2", "image.png",
                                      "notes"])


def test_a_theme_file_is_passed_over_only_while_unchanged(tmp_path: Path, leaky_policy) -> None:
    from govportal.publish.edition_scan import find_leaks
    from tests.sitebuild.test_editions import CONTACT_NAME

    theme = tmp_path / "theme.js"
    theme.write_text(f"// {CONTACT_NAME}\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "theme.js").write_text(theme.read_text("utf-8"), encoding="utf-8")
    copies = {"assets/theme.js": str(theme)}
    assert find_leaks(site, leaky_policy, theme_copies=copies) == []
    (site / "assets" / "theme.js").write_text(f"// {CONTACT_NAME}!\n", encoding="utf-8")
    assert len(find_leaks(site, leaky_policy, theme_copies=copies)) == 1


@pytest.mark.parametrize(("directory_urls", "page"), [
    (True, "registers/assessments/index.html"), (True, "registers/assessments.html"),
    (False, "registers/assessments.html")])
def test_an_internal_page_is_named_wherever_it_is_written(tmp_path: Path, leaky_policy,
                                                          directory_urls: bool,
                                                          page: str) -> None:
    from govportal.publish.edition_scan import find_leaks

    (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / page).write_text("<p>nothing internal</p>", encoding="utf-8")
    assert find_leaks(tmp_path, leaky_policy, directory_urls) == [
        f"{page} is an internal-only page"]
