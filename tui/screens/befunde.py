"""The invalid goal files of the store and the Hinweise, listed as Befunde (never hidden)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from strategie.modell.befund import Befund
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import einzeilig, zeile

HOECHSTENS = 2000
"""More rows are not listed (the screen stays responsive with 100,000 Befunde); the last row
says how many more there are and that `strategie pruefen` lists all."""


class BefundeScreen(Screen[None]):
    """'Datei:Zeile: Meldung' for every invalid file, errors first, then Hinweise; r reloads."""

    BINDINGS = bindungen("befunde")

    def __init__(self, befunde: Sequence[Befund], verzeichnis: Path,
                 hinweise: Sequence[Befund] = ()) -> None:
        super().__init__()
        self.befunde = list(befunde)
        self.hinweise = list(hinweise)
        self.verzeichnis = verzeichnis
        self._zeilen: list[str] = []

    def _optionen(self) -> list[Option]:
        optionen: list[Option] = []
        for titel, liste, stil in (("Fehler – diese Dateien fehlen in der Liste", self.befunde,
                                    "bold red"),
                                   ("Hinweise – die Ziele sind in der Liste", self.hinweise,
                                    "bold yellow")):
            if not liste:
                continue
            optionen.append(Option(Text(f"{titel} ({len(liste)})", style=stil), disabled=True))
            self._zeilen.append("")
            for befund in liste[:HOECHSTENS]:
                text = befund.als_zeile(self.verzeichnis)
                self._zeilen.append(text)
                optionen.append(Option(Text(einzeilig(text), no_wrap=True, overflow="ellipsis")))
            if len(liste) > HOECHSTENS:
                mehr = f"{len(liste) - HOECHSTENS:,}".replace(",", ".")
                optionen.append(Option(Text(f"… und {mehr} weitere (strategie pruefen zeigt "
                                            "alle)", style="italic"), disabled=True))
                self._zeilen.append("")
        return optionen

    def compose(self) -> ComposeResult:
        yield Label(zeile(f" Befunde – {len(self.befunde)} Fehler, {len(self.hinweise)} "
                          "Hinweise · ↑ ↓ wählt, darunter die ganze Meldung"),
                    classes="bildschirmtitel")
        optionen = self._optionen()
        if not optionen:
            yield Static(Text("Keine Befunde: alle Zieldateien sind in Ordnung.", style="green"))
        yield OptionList(*optionen, id="befundliste")
        yield Static("", id="befundtext", classes="hinweis")
        yield Fusszeile()

    def on_mount(self) -> None:
        liste = self.query_one(OptionList)
        liste.display = bool(self._zeilen)
        liste.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#befundtext", Static).update(
            Text(einzeilig(self._zeilen[event.option_index])))

    def gewaehlt(self) -> str:
        """The whole Befund under the cursor (for tests and the text below the list)."""
        liste = self.query_one(OptionList)
        return self._zeilen[liste.highlighted] if liste.highlighted is not None else ""
