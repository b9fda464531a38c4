"""Edit the three Steckbrief texts and their Stand date; saving is one commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label

from strategie.modell.feld import STECKBRIEF_TEXTE, STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.operationen import Operation, Setze, Zielaenderung
from strategie.modell.werte import datum_aus_text
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de
from tui.screens.basis import Aenderungsdialog
from tui.widgets.klartext import zeile
from tui.widgets.textfeld import Textfeld, bereinigt


class SteckbriefDialog(Aenderungsdialog):
    """Aktueller Stand, finanzielle und inhaltliche Beurteilung in text areas."""

    HINWEIS = "Strg+S speichert · Esc bricht ab · Tab nächstes Feld · Strg+Pos1/Ende"

    def __init__(self, verzeichnis: Path, ziel: Ziel, heute: dt.date) -> None:
        super().__init__(verzeichnis)
        self.ziel = ziel
        self.heute = heute

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog gross"):
            yield Label(zeile(f"Maßnahmensteckbrief {self.ziel.id} – {self.ziel.titel}"),
                        classes="dialogtitel")
            for schluessel in STECKBRIEF_TEXTE:
                yield Label(STECKBRIEF_UEBERSCHRIFTEN[schluessel])
                yield Textfeld(str(self.ziel.wert(f"steckbrief.{schluessel}") or ""),
                               id=schluessel, classes="steckbrieftext")
            with Horizontal(classes="zeile"):
                yield Label("Stand:")
                yield Input(datum_de(self.heute), id="stand", classes="datum")
            yield Input(placeholder="Kommentar für den Commit, z. B. Bericht Sozialausschuss Juli",
                        id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        self.query_one(f"#{STECKBRIEF_TEXTE[0]}", Textfeld).focus()

    def aenderungen(self) -> tuple[list[Zielaenderung], str]:
        operationen: list[Operation] = []
        for schluessel in STECKBRIEF_TEXTE:
            feld = self.query_one(f"#{schluessel}", Textfeld)
            if feld.geaendert:
                operationen.append(Setze(f"steckbrief.{schluessel}", bereinigt(feld.text)))
        stand = datum_aus_text(self.query_one("#stand", Input).value, self.heute)
        if operationen or stand != self.ziel.wert("steckbrief.stand"):
            operationen.append(Setze("steckbrief.stand", stand))
        kommentar = self.query_one("#kommentar", Input).value.strip()
        return [Zielaenderung(self.ziel.id, tuple(operationen))], kommentar
