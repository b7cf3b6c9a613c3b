"""A printed PDF made to depend only on its page, the Chromium build and the date.

Chromium writes into each PDF the time it was printed and, for the header cells of tables in
the structure tree, ids taken from a counter of the browser process, which can differ by one
between two prints of the same page. :func:`normalise` sets both dates to a given time and
numbers those ids in the structure tree's reading order, so printing the same built page
twice gives the same bytes. Without a published address (no ``site_url``) it also writes the
links into the site relative to the PDF's own folder. The structure tree, the outline, the
text and the other links are kept as printed.

pypdf is imported only here, and only when a PDF is made.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
from typing import Any


def pdf_date(when: dt.datetime) -> str:
    """A PDF date string in UTC (``D:20261201000000+00'00'``)."""
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def normalise(raw: bytes, *, when: dt.datetime, origin: str,
              relative_to: str | None = None) -> bytes:
    """``raw`` with its dates set to ``when``, its structure ids numbered in reading order
    and, when ``relative_to`` (the PDF's path in the site) is given, the links that start
    with ``origin`` made relative to the PDF's folder."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.add_metadata({"/CreationDate": pdf_date(when), "/ModDate": pdf_date(when)})
    if relative_to is not None:
        _relative_links(writer, origin, posixpath.dirname(relative_to))
    _number_structure_ids(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _relative_links(writer: Any, origin: str, folder: str) -> None:
    from pypdf.generic import NameObject, TextStringObject

    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(origin):
                continue
            target = uri[len(origin):]
            local = posixpath.relpath(target or ".", folder or ".")
            if target.endswith("/") and not local.endswith("/"):
                local += "/"
            action[NameObject("/URI")] = TextStringObject(local)


def _number_structure_ids(writer: Any) -> None:
    """Renumber the ``/ID`` of every structure element, and the ``/Headers`` that refer to
    them, in reading order, and write the new ids into the ID tree's own objects."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        TextStringObject,
    )

    tree = writer.root_object.get("/StructTreeRoot")
    if tree is None:
        return
    tree = tree.get_object()
    numbers: dict[str, str] = {}

    def number(old: Any) -> TextStringObject:
        return TextStringObject(numbers.setdefault(str(old), f"node{len(numbers) + 1:08d}"))

    named: list[tuple[str, IndirectObject]] = []
    stack: list[Any] = [tree.get("/K")]
    while stack:
        item = stack.pop()
        ref = item if isinstance(item, IndirectObject) else None
        node = item.get_object() if ref is not None else item
        if isinstance(node, ArrayObject):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, DictionaryObject) or "/S" not in node:
            continue  # a marked-content or object reference, not a structure element
        attributes = node.get("/A")
        attributes = attributes.get_object() if attributes is not None else None
        for attribute in (attributes if isinstance(attributes, ArrayObject)
                          else [attributes] if attributes is not None else []):
            attribute = attribute.get_object()
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    number(h) for h in attribute["/Headers"])
        if "/ID" in node:
            node[NameObject("/ID")] = number(node["/ID"])
            if ref is not None:
                named.append((str(node["/ID"]), ref))
        if "/K" in node:
            stack.append(node["/K"])
    if "/IDTree" in tree:
        _refill_name_tree(tree["/IDTree"].get_object(), sorted(named))


def _refill_name_tree(root: Any, entries: list[tuple[str, Any]]) -> None:
    """Put ``entries`` (sorted) into the leaves of the name tree ``root``, as many in each
    leaf as it held, and set every node's limits; the tree keeps its shape and objects."""
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    position = 0

    def fill(node: Any) -> tuple[str, str] | None:
        nonlocal position
        node = node.get_object()
        if "/Kids" in node:
            spans = [s for s in (fill(kid) for kid in node["/Kids"]) if s is not None]
            span = (spans[0][0], spans[-1][1]) if spans else None
        else:
            count = len(node.get("/Names") or []) // 2
            chunk = entries[position:position + count]
            position += count
            node[NameObject("/Names")] = ArrayObject(
                x for key, ref in chunk for x in (TextStringObject(key), ref))
            span = (chunk[0][0], chunk[-1][0]) if chunk else None
        if "/Limits" in node and span is not None:
            node[NameObject("/Limits")] = ArrayObject(TextStringObject(k) for k in span)
        return span

    fill(root)
    if position != len(entries):  # the tree did not list every element: list them in one leaf
        root.pop(NameObject("/Kids"), None)
        root.pop(NameObject("/Limits"), None)
        root[NameObject("/Names")] = ArrayObject(
            x for key, ref in entries for x in (TextStringObject(key), ref))
