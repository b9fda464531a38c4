"""Rich Text for values from goal files and plain text of whole views: literal, never markup."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.text import Text

from strategie.text.sicher import entschaerfe


def sicherer_text(text: object, style: str = "") -> Text:
    """A Rich Text for a value from a goal file: no markup parsing, control codes neutralised."""
    return Text(entschaerfe(str(text)), style=style)


def klartext(ansicht: RenderableType, breite: int) -> str:
    """A terminal view as plain text of *breite* columns, without colours (files, scripts)."""
    puffer = io.StringIO()
    Console(file=puffer, width=breite, color_system=None, highlight=False, emoji=False,
            force_terminal=False).print(ansicht)
    return puffer.getvalue()
