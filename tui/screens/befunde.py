"""The invalid goal files of the store, listed as Befunde (never hidden)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from strategie.modell.befund import Befund
from strategie.text.sicher import entschaerfe
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile


class BefundeScreen(Screen[None]):
    """'Datei:Zeile: Meldung' for every invalid file; fix them in an editor, then r reloads."""

    BINDINGS = bindungen("befunde")

    def __init__(self, befunde: Sequence[Befund], verzeichnis: Path) -> None:
        super().__init__()
        self.befunde = befunde
        self.verzeichnis = verzeichnis

    def compose(self) -> ComposeResult:
        yield Label(f" Befunde – {len(self.befunde)} fehlerhafte Angaben; diese Dateien "
                    "fehlen in der Liste", classes="bildschirmtitel")
        text = Text()
        for befund in self.befunde:
            text.append(entschaerfe(befund.als_zeile(self.verzeichnis)) + "\n")
        if not self.befunde:
            text.append("Keine Befunde: alle Zieldateien sind in Ordnung.", style="green")
        with VerticalScroll():
            yield Static(text)
        yield Fusszeile()
