"""Hilfe: every key of the app in German, searchable."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

TASTEN: tuple[tuple[str, str, str], ...] = (
    ("Liste", "↑ ↓ (j), Bild↑ Bild↓, g G, Mausklick", "in der Liste bewegen"),
    ("Liste", "Klick auf eine Spaltenüberschrift", "nach dieser Spalte sortieren"),
    ("Liste", "t / T", "Sortierspalte wechseln / Richtung umkehren"),
    ("Suchen", "/", "Suche: ID, Titel und Texte; Esc leert die Suche"),
    ("Suchen", "f", "Filter nach Amt, Handlungsfeld, Umsetzungsstand, Ampel, Aktionsbereich, "
                    "Leuchtturm (mit Anzahl je Wert)"),
    ("Suchen", "x", "alle Filter und die Suche löschen"),
    ("Bearbeiten", "s", "Umsetzungsstand setzen (ein Commit)"),
    ("Bearbeiten", "a", "Ampel setzen (ein Commit)"),
    ("Bearbeiten", "e", "Steckbrief bearbeiten (ein Commit)"),
    ("Bearbeiten", "m", "Maßnahmen: Status setzen oder neue Maßnahme"),
    ("Bearbeiten", "k", "Messwert einer Kennzahl erfassen"),
    ("Bearbeiten", "u", "letzte Änderung aus dieser Sitzung rückgängig machen (mit Rückfrage)"),
    ("Ansehen", "v", "Verlauf des Ziels; Enter zeigt den ganzen Commit"),
    ("Ansehen", "o", "Übersicht: Matrix, Umsetzungsstand, Leuchttürme, Aufmerksamkeit"),
    ("Ansehen", "+ / -", "in der Übersicht: Frist für veraltete Steckbriefe ± 1 Monat"),
    ("Ansehen", "b", "fehlerhafte Zieldateien (Befunde)"),
    ("Allgemein", "r", "neu laden (geschieht auch von selbst, wenn Dateien sich ändern)"),
    ("Allgemein", "Strg+P", "Befehlspalette: Gehe zu Ziel …, Filter: Amt …, jede Aktion"),
    ("Allgemein", "?", "diese Hilfe"),
    ("Allgemein", "q", "beenden"),
    ("Dialoge", "Enter", "Wert wählen / weiter zum nächsten Feld"),
    ("Dialoge", "Strg+S", "speichern"),
    ("Dialoge", "Esc", "abbrechen, nichts wird gespeichert"),
)


def tastentabelle(suche: str = "") -> Table:
    """The keys as a table, filtered by *suche* (case-insensitive)."""
    tabelle = Table(expand=True, show_header=True, header_style="bold")
    tabelle.add_column("Bereich", no_wrap=True, style="dim")
    tabelle.add_column("Taste", no_wrap=True, style="bold cyan")
    tabelle.add_column("Wirkung", ratio=1)
    klein = suche.casefold()
    for bereich, taste, wirkung in TASTEN:
        if not klein or klein in f"{bereich} {taste} {wirkung}".casefold():
            tabelle.add_row(bereich, taste, Text(wirkung))
    return tabelle


class HilfeScreen(ModalScreen[None]):
    """All keys; type to search."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Schließen")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog gross"):
            yield Label("Hilfe – alle Tasten", classes="dialogtitel")
            yield Input(placeholder="Tasten durchsuchen …", id="hilfesuche")
            yield Static(tastentabelle(), id="tasten")

    def on_mount(self) -> None:
        if not getattr(self.app, "blinken", True):
            self.query_one(Input).cursor_blink = False
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#tasten", Static).update(tastentabelle(event.value))
