"""Helpers for the HTML report tests: parse with html5lib, find elements, read cell text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import html5lib

SVG = "{http://www.w3.org/2000/svg}"

EXTERN = re.compile(r"https?:|//|\bsrc\s*=|<link\b|@import|url\((?!#)", re.IGNORECASE)
"""Anything that would make a report load something from elsewhere (``url(#id)`` names a
pattern inside the same document: the hatching of the status chart)."""


def parse(text: str) -> ET.Element:
    """The document as an ElementTree; any parse error fails the test (strict and lenient)."""
    html5lib.HTMLParser(strict=True).parse(text)  # raises ParseError on the first error
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"),
                                 namespaceHTMLElements=False)
    dokument = parser.parse(text)
    assert parser.errors == []
    return dokument


def klassen(element: ET.Element) -> set[str]:
    """The element's CSS classes."""
    return set(element.get("class", "").split())


def alle(wurzel: ET.Element, tag: str, klasse: str | None = None) -> Iterator[ET.Element]:
    """All descendants with this tag (and class)."""
    for element in wurzel.iter(tag):
        if klasse is None or klasse in klassen(element):
            yield element


def eins(wurzel: ET.Element, tag: str, klasse: str | None = None) -> ET.Element:
    """The first descendant with this tag (and class)."""
    return next(alle(wurzel, tag, klasse))


def _stuecke(element: ET.Element) -> Iterator[str]:
    if element.tag == "br":
        yield " "
    if element.text:
        yield element.text
    for kind in element:
        yield from _stuecke(kind)
        if kind.tail:
            yield kind.tail


def text(element: ET.Element) -> str:
    """All text inside the element as a reader sees it (<br> = space), whitespace collapsed."""
    return " ".join("".join(_stuecke(element)).split())


def zellen(zeile: ET.Element) -> list[str]:
    """The text of a table row's cells (th and td, in order)."""
    return [text(z) for z in zeile if z.tag in ("th", "td")]
