"""Text from goal files, commits and authors for widgets: literal Rich Text, never markup."""

from __future__ import annotations

from rich.text import Text

from strategie.text.sicher import entschaerfe


def einzeilig(text: object) -> str:
    """For one line: line breaks and tabs become spaces, control characters visible."""
    return entschaerfe(" ".join(str(text).split())) if text else ""


def zeile(*teile: object, style: str = "") -> Text:
    """A one-line title from parts (goal ids, titles, commit subjects): no markup parsing."""
    return Text(einzeilig("".join(str(t) for t in teile)), style=style, no_wrap=False)
