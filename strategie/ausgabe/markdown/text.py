"""Markdown-safe text: escaped characters, one-line cells, pipe tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from strategie.text.sicher import entschaerfe


def md_text(text: str) -> str:
    """Markdown-safe: escape characters that would start markup, neutralise control codes."""
    text = entschaerfe(text)
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
