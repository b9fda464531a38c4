"""Record a new Messwert of a Kennzahl; saving is one commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Zielaenderung
from strategie.modell.werte import datum_aus_text, zahl_aus_text
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, mit_einheit
from tui.screens.basis import Aenderungsdialog
from tui.widgets.klartext import zeile


class MesswertDialog(Aenderungsdialog):
    """Kennzahl, Stichtag and Wert."""

    def __init__(self, verzeichnis: Path, ziel: Ziel, heute: dt.date) -> None:
        super().__init__(verzeichnis)
        self.ziel = ziel
        self.heute = heute

    def compose(self) -> ComposeResult:
        optionen = []
        for nummer, kennzahl in enumerate(self.ziel.kennzahlen, start=1):
            letzter = kennzahl.letzter_messwert
            zuletzt = (f"zuletzt {mit_einheit(letzter.wert, kennzahl.einheit)} am "
                       f"{datum_de(letzter.stichtag)}" if letzter else "noch kein Messwert")
            optionen.append(Option(zeile(f"{nummer}. {kennzahl.name} ({zuletzt})")))
        with VerticalScroll(classes="dialog"):
            yield Label(zeile(f"Messwert erfassen – {self.ziel.id}"), classes="dialogtitel")
            yield OptionList(*optionen, id="kennzahlen")
            with Horizontal(classes="zeile"):
                yield Label("Stichtag:")
                yield Input(datum_de(self.heute), id="stichtag", classes="datum")
                yield Label("Wert:")
                yield Input(placeholder="z. B. 62,5", id="wert", classes="zahl")
            yield Input(placeholder="Kommentar für den Commit", id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        liste = self.query_one(OptionList)
        liste.highlighted = 0
        liste.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#wert", Input).focus()

    def aenderungen(self) -> tuple[list[Zielaenderung], str]:
        nummer = (self.query_one(OptionList).highlighted or 0) + 1
        text = self.query_one("#wert", Input).value
        if not text.strip():
            raise StrategieFehler("Bitte einen Wert eingeben.")
        werte = {"stichtag": datum_aus_text(self.query_one("#stichtag", Input).value, self.heute),
                 "wert": zahl_aus_text(text)}
        kommentar = self.query_one("#kommentar", Input).value.strip()
        return [Zielaenderung(self.ziel.id, (
            Anhaengen(f"kennzahlen.{nummer}.messwerte", werte),))], kommentar
