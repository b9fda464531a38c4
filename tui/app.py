"""The Textual application shell: opens a store and shows its goals."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from strategie.speicher import Zielspeicher, lade_speicher


class StrategieApp(App[None]):
    """Browse the goals of a store."""

    TITLE = "strategie"
    BINDINGS = [("q", "quit", "Beenden")]

    def __init__(self, verzeichnis: Path) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.speicher: Zielspeicher | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="ziele", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.speicher = lade_speicher(self.verzeichnis)
        self.sub_title = self.speicher.rahmen.name
        tabelle = self.query_one(DataTable)
        tabelle.add_columns("ID", "Titel", "Amt", "HF", "Umsetzungsstand", "Ampel")
        for ziel in self.speicher.ziele:
            tabelle.add_row(ziel.id, ziel.titel, ziel.amt, str(ziel.handlungsfeld), ziel.status,
                            ziel.ampel, key=ziel.id)


def starte(verzeichnis: Path) -> int:
    """Run the app on a store folder until the user quits."""
    StrategieApp(verzeichnis).run()
    return 0
