"""Hilfe: every key of the app in German, from the key table, searchable, with keymap ids."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.tasten import NUR_HILFE, TASTEN, anzeige, bindungen
from tui.widgets.fusszeile import Fusszeile

REIHENFOLGE = ("Liste", "Suchen", "Bearbeiten", "Ansehen", "Team", "Allgemein", "Verlauf",
               "Übersicht", "Befunde", "Konflikte", "Dialoge")
"""The order of the areas in the help."""


def zeilen(keymap: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(area, keys, effect, binding id) of every key, the user's keymap applied."""
    alle = [(t.bereich, anzeige(t, keymap), t.wirkung, t.kennung) for t in TASTEN]
    alle += [(bereich, taste, wirkung, "") for bereich, taste, wirkung in NUR_HILFE]
    rang = {bereich: nummer for nummer, bereich in enumerate(REIHENFOLGE)}
    return sorted(alle, key=lambda z: rang.get(z[0], len(rang)))


def tastentabelle(suche: str = "", keymap: Mapping[str, str] | None = None) -> Table:
    """The keys as a table, filtered by *suche* (case-insensitive)."""
    tabelle = Table(expand=True, show_header=True, header_style="bold", box=None,
                    padding=(0, 1))
    tabelle.add_column("Bereich", no_wrap=True, style="dim", max_width=11)
    tabelle.add_column("Taste", style="bold cyan", max_width=16)
    tabelle.add_column("Wirkung (Kennung für tasten.toml)", ratio=1)
    klein = suche.casefold()
    for bereich, taste, wirkung, kennung in zeilen(keymap or {}):
        if not klein or klein in f"{bereich} {taste} {wirkung} {kennung}".casefold():
            text = Text(wirkung)
            if kennung:
                text.append(f"  {kennung}", style="dim")
            tabelle.add_row(Text(bereich), Text(taste), text)  # keys come from tasten.toml
    return tabelle


class HilfeScreen(ModalScreen[None]):
    """All keys; type to search."""

    BINDINGS = bindungen("hilfe")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog gross"):
            yield Label("Hilfe – alle Tasten · Esc schließt", classes="dialogtitel")
            yield Input(placeholder="Tasten durchsuchen …", id="hilfesuche")
            yield Static(tastentabelle(keymap=self.app._keymap), id="tasten")

    def on_mount(self) -> None:
        self.mount(Fusszeile())
        if not getattr(self.app, "blinken", True):
            self.query_one(Input).cursor_blink = False
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#tasten", Static).update(tastentabelle(event.value, self.app._keymap))
