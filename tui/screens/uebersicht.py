"""Übersicht: the Amt × Handlungsfeld matrix coloured by Ampel, counts, Leuchttürme, attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from strategie.ausgabe.abschnitte import dringlichkeit
from strategie.ausgabe.terminal.zusammenfassung import (
    kennzahlen_tabelle,
    leuchttuerme_tabelle,
    matrix_farbig,
    status_tabelle,
)
from strategie.auswertung.zusammenfassung import Zusammenfassung, fasse_zusammen
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.text.sicher import entschaerfe
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import zeile

ZEILEN_HOECHSTENS = 200
"""Longer lists are cut: rendering thousands of table rows would freeze the screen."""


def handlungsbedarf(zusammenfassung: Zusammenfassung) -> list[Option]:
    """One option per goal with Handlungsbedarf, the most urgent first; Enter opens it."""
    optionen = []
    for eintrag in sorted(zusammenfassung.auffaellig, key=dringlichkeit)[:ZEILEN_HOECHSTENS]:
        zeile = Text.assemble((entschaerfe(eintrag.ziel.id), "bold"), "  ",
                              entschaerfe(" ".join(eintrag.ziel.titel.split())))
        for hinweis in eintrag.hinweise:
            zeile.append("\n   • " + entschaerfe(hinweis.text), style="dim")
        optionen.append(Option(zeile, id=eintrag.ziel.id))
    return optionen


class UebersichtScreen(Screen[str | None]):
    """What a Sozialausschuss would ask first, for the goals currently shown.

    The result is the id of a goal chosen with Enter (the main screen shows it), or None.
    """

    BINDINGS = bindungen("uebersicht")

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
        yield Label(zeile(titel), classes="bildschirmtitel")
        z = self.zusammenfassung
        with VerticalScroll(id="uebersicht"):
            yield Static(matrix_farbig(z, self.rahmen))
            yield Static(status_tabelle(z, self.rahmen))
            yield Static(leuchttuerme_tabelle(z, ZEILEN_HOECHSTENS))
            yield Label(f"Handlungsbedarf ({len(z.auffaellig)} Ziele; Steckbrief älter als "
                        f"{z.max_alter_monate} Monate gilt als veraltet) – Enter öffnet das Ziel",
                        classes="facette")
            yield OptionList(*handlungsbedarf(z), id="handlungsbedarf")
            yield Static(kennzahlen_tabelle(z, ZEILEN_HOECHSTENS))
        yield Fusszeile()

    def on_mount(self) -> None:
        self.query_one("#uebersicht").focus()

    def action_oeffnen(self) -> None:
        """Enter: open the goal under the cursor of the Handlungsbedarf list."""
        liste = self.query_one("#handlungsbedarf", OptionList)
        if liste.has_focus and liste.highlighted is not None:
            self.dismiss(liste.get_option_at_index(liste.highlighted).id)
        elif liste.option_count:
            liste.focus()
            liste.highlighted = liste.highlighted or 0
            liste.scroll_visible()
            self.notify("↑ ↓ wählt ein Ziel, Enter öffnet es.", timeout=3, markup=False)
        else:
            self.notify("Kein Ziel mit Handlungsbedarf.", timeout=3, markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
