"""Markdown-safe text: escaped characters, one-line cells, pipe tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from strategie.text.sicher import entschaerfe

_ZEILENWECHSEL = re.compile("[\r\n\u2028\u2029]+")


def md_text(text: str) -> str:
    """Markdown-safe: escape characters that would start markup, neutralise control codes, on
    one line (a line break in a title would end its list item or heading; within a paragraph
    Markdown reads it as a space anyway)."""
    text = entschaerfe(_ZEILENWECHSEL.sub(" ", text))
    for zeichen in "\\`*_{}[]<>#|":
        text = text.replace(zeichen, "\\" + zeichen)
    return text


def _zelle(text: object) -> str:
    """A table cell: escaped, on one line."""
    return md_text(" ".join(str(text).split()))


def tabelle(kopf: Sequence[str], zeilen: Iterable[Sequence[object]],
            rechts: Sequence[int] = ()) -> list[str]:
    """A pipe table; columns whose index is in *rechts* are right-aligned."""
    trenner = ["---:" if i in rechts else "---" for i in range(len(kopf))]
    ergebnis = ["| " + " | ".join(kopf) + " |", "| " + " | ".join(trenner) + " |"]
    ergebnis += ["| " + " | ".join(_zelle(w) for w in zeile) + " |" for zeile in zeilen]
    return [*ergebnis, ""]
