"""Rich Text for values from goal files: shown literally, never as markup or control codes."""

from __future__ import annotations

from rich.text import Text

from strategie.text.sicher import entschaerfe


def sicherer_text(text: object, style: str = "") -> Text:
    """A Rich Text for a value from a goal file: no markup parsing, control codes neutralised."""
    return Text(entschaerfe(str(text)), style=style)
