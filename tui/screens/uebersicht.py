"""Übersicht: the Amt × Handlungsfeld matrix coloured by Ampel, counts, Leuchttürme, attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from strategie.ausgabe.terminal.zusammenfassung import (
    auffaellig_tabelle,
    kennzahlen_tabelle,
    leuchttuerme_tabelle,
    matrix_farbig,
    status_tabelle,
)
from strategie.auswertung.zusammenfassung import fasse_zusammen
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel

ZEILEN_HOECHSTENS = 200
"""Longer lists are cut: rendering thousands of table rows would freeze the screen."""


class UebersichtScreen(Screen[None]):
    """What a Sozialausschuss would ask first, for the goals currently shown."""

    BINDINGS = [Binding("escape,q,o", "app.pop_screen", "Zurück"),
                Binding("plus", "monate(1)", "Steckbrief-Frist +1 Monat", key_display="+"),
                Binding("minus", "monate(-1)", "−1 Monat", key_display="-")]

    def __init__(self, ziele: Sequence[Ziel], rahmen: Rahmen, heute: dt.date,
                 filtertext: str) -> None:
        super().__init__()
        self.ziele = ziele
        self.rahmen = rahmen
        self.heute = heute
        self.filtertext = filtertext
        self.zusammenfassung = fasse_zusammen(ziele, rahmen, heute)

    async def action_monate(self, schritt: int) -> None:
        """How old a Steckbrief may be before it counts as stale (default from the frame)."""
        monate = max(1, self.zusammenfassung.max_alter_monate + schritt)
        self.zusammenfassung = fasse_zusammen(self.ziele, self.rahmen, self.heute, monate)
        await self.recompose()
        self.query_one("#uebersicht").focus()

    def compose(self) -> ComposeResult:
        titel = f" Übersicht – {self.zusammenfassung.anzahl} Ziele"
        if self.filtertext:
            titel += f" (Filter: {self.filtertext})"
        yield Label(titel, classes="bildschirmtitel")
        z = self.zusammenfassung
        with VerticalScroll(id="uebersicht"):
            yield Static(matrix_farbig(z, self.rahmen))
            yield Static(status_tabelle(z, self.rahmen))
            yield Static(leuchttuerme_tabelle(z, ZEILEN_HOECHSTENS))
            yield Static(auffaellig_tabelle(z, ZEILEN_HOECHSTENS))
            yield Static(kennzahlen_tabelle(z, ZEILEN_HOECHSTENS))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#uebersicht").focus()
