"""Create a new goal, retire a goal by a Beschluss: dialogs on the core's fortschreibung."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from strategie.modell.befund import StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.modell.werte import datum_aus_text
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de
from tui.screens.basis import Aenderungsdialog
from tui.widgets.klartext import zeile

if TYPE_CHECKING:
    from strategie.aendern.bearbeiten import Ergebnis


class NeuesZielDialog(Aenderungsdialog):
    """Amt, Handlungsfeld and Titel of a new goal; the core picks the next free id."""

    def __init__(self, verzeichnis: Path, rahmen: Rahmen, amt: str = "") -> None:
        super().__init__(verzeichnis)
        self.rahmen = rahmen
        self.aemter = [a.kuerzel for a in rahmen.aemter]
        self.felder = [h.nummer for h in rahmen.handlungsfelder]
        self.vorwahl = amt

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Neues Ziel", classes="dialogtitel")
            yield Label("Amt:")
            yield OptionList(*(Option(zeile(f"{a.kuerzel} – {a.name}"))
                               for a in self.rahmen.aemter), id="amt")
            yield Label("Handlungsfeld:")
            yield OptionList(*(Option(zeile(f"{h.nummer} – {h.name}"))
                               for h in self.rahmen.handlungsfelder), id="handlungsfeld")
            yield Label("Titel:")
            yield Input(placeholder="z. B. Kurzzeitpflege ausbauen", id="titel")
            yield Input(placeholder="Kommentar für den Commit", id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        liste = self.query_one("#amt", OptionList)
        liste.highlighted = (self.aemter.index(self.vorwahl) if self.vorwahl in self.aemter
                             else 0)
        self.query_one("#handlungsfeld", OptionList).highlighted = 0
        liste.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.focus_next()

    def kernaufruf(self) -> Callable[[], Ergebnis]:
        from strategie.aendern.fortschreibung import lege_an

        titel = self.query_one("#titel", Input).value.strip()
        if not titel:
            raise StrategieFehler("Bitte einen Titel für das neue Ziel eingeben.")
        amt = self.aemter[self.query_one("#amt", OptionList).highlighted or 0]
        feld = self.felder[self.query_one("#handlungsfeld", OptionList).highlighted or 0]
        kommentar = self.query_one("#kommentar", Input).value.strip()
        return partial(lege_an, self.verzeichnis, amt, {"titel": titel, "handlungsfeld": feld},
                       kommentar)


class EntfallenDialog(Aenderungsdialog):
    """Retire the goal: Gremium, Datum (and Drucksache) of the Beschluss, and the Begründung."""

    def __init__(self, verzeichnis: Path, ziel: Ziel, heute: dt.date) -> None:
        super().__init__(verzeichnis)
        self.ziel = ziel
        self.heute = heute

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(zeile(f"Ziel entfallen lassen – {self.ziel.id} {self.ziel.titel}"),
                        classes="dialogtitel")
            yield Label(Text("Datei und Verlauf bleiben; der Umsetzungsstand wird „entfallen“, "
                             "der Beschluss wird eingetragen.", style="dim"))
            yield Label("Gremium des Beschlusses:")
            yield Input(placeholder="z. B. Sozialausschuss", id="gremium")
            with Horizontal(classes="zeile"):
                yield Label("Datum:")
                yield Input(datum_de(self.heute), id="datum", classes="datum")
                yield Label("Drucksache:")
                yield Input(id="drucksache")
            yield Label("Begründung (Pflicht, wird Kommentar des Commits):")
            yield Input(placeholder="Warum entfällt das Ziel?", id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        self.query_one("#gremium", Input).focus()

    def kernaufruf(self) -> Callable[[], Ergebnis]:
        from strategie.aendern.fortschreibung import entfalle

        gremium = self.query_one("#gremium", Input).value.strip()
        begruendung = self.query_one("#kommentar", Input).value.strip()
        if not gremium:
            raise StrategieFehler("Bitte das Gremium des Beschlusses eingeben.")
        if not begruendung:
            raise StrategieFehler("Bitte begründen, warum das Ziel entfällt.")
        datum = datum_aus_text(self.query_one("#datum", Input).value, self.heute)
        return partial(entfalle, self.verzeichnis, self.ziel.id, gremium=gremium, datum=datum,
                       begruendung=begruendung,
                       drucksache=self.query_one("#drucksache", Input).value.strip())
