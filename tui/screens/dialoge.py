"""Small dialogs: choose a value with comment (Umsetzungsstand, Ampel), confirm yes/no."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from strategie.ausgabe.farben import ampel_farbe, status_farbe
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Setze, Zielaenderung
from strategie.modell.rahmen import Wert
from strategie.modell.ziel import Ziel
from strategie.text.sicher import entschaerfe
from tui.screens.basis import Aenderungsdialog
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import zeile


class WertDialog(Aenderungsdialog):
    """Choose a new Umsetzungsstand or Ampel from the frame's vocabulary, with a comment."""

    def __init__(self, verzeichnis: Path, ziele: list[Ziel], feld: str, titel: str,
                 werte: tuple[Wert, ...]) -> None:
        super().__init__(verzeichnis)
        self.ziele = ziele
        self.feld = feld
        self.titel = titel
        self.werte = werte

    def compose(self) -> ComposeResult:
        aktuell = {str(z.wert(self.feld) or "") for z in self.ziele}
        ids = ", ".join(z.id for z in self.ziele[:6]) + (" …" if len(self.ziele) > 6 else "")
        farbe = status_farbe if self.feld == "status" else ampel_farbe
        optionen = []
        breite = max(len(w.name) for w in self.werte) + 2
        for wert in self.werte:
            # name and description in two columns: a long description wraps under itself
            spalten = Table.grid(padding=(0, 1), expand=True)
            spalten.add_column(no_wrap=True, width=breite + 2)
            spalten.add_column(ratio=1)
            name = Text.assemble(("● ", farbe(wert.name) or "default"), (wert.name, "bold"))
            beschreibung = Text(wert.beschreibung, style="dim")
            if wert.name in aktuell:
                beschreibung = Text.assemble(("bisher · ", "bold"), beschreibung)
            if wert.begruendung:
                beschreibung.append("  (Begründung nötig)", style="italic")
            spalten.add_row(name, beschreibung)
            optionen.append(Option(spalten, id=wert.name))
        with VerticalScroll(classes="dialog"):
            yield Label(zeile(f"{self.titel} – {ids}"), classes="dialogtitel")
            yield OptionList(*optionen, id="werte")
            yield Label("Kommentar (bei Pflicht zugleich die Begründung):")
            yield Input(placeholder="Kommentar für den Commit", id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        liste = self.query_one(OptionList)
        aktuell = str(self.ziele[0].wert(self.feld) or "") if self.ziele else ""
        namen = [w.name for w in self.werte]
        liste.highlighted = namen.index(aktuell) if aktuell in namen else 0
        liste.focus()
        self.query_one("#fehler").display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#kommentar", Input).focus()

    def aenderungen(self) -> tuple[list[Zielaenderung], str]:
        liste = self.query_one(OptionList)
        if liste.highlighted is None:
            raise StrategieFehler("Bitte einen Wert wählen.")
        wert = self.werte[liste.highlighted]
        kommentar = self.query_one("#kommentar", Input).value.strip()
        if wert.begruendung and not kommentar:
            raise StrategieFehler(f'"{wert.name}" verlangt eine Begründung: bitte als Kommentar '
                                  "eintragen.")
        return [Zielaenderung(z.id, (Setze(self.feld, wert.name),)) for z in self.ziele], kommentar


class Bestaetigung(ModalScreen[bool]):
    """A yes/no question; destructive actions ask first."""

    BINDINGS = bindungen("frage")

    def __init__(self, frage: str, details: str = "") -> None:
        super().__init__()
        self.frage = frage
        self.details = details

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(zeile(self.frage), classes="dialogtitel")
            if self.details:
                yield Static(Text(entschaerfe(self.details)), classes="details")
            with Horizontal(classes="knoepfe"):
                yield Button("Ja (j)", variant="warning", id="ja")
                yield Button("Nein (n)", variant="primary", id="nein")

    def on_mount(self) -> None:
        self.mount(Fusszeile())
        self.query_one("#nein", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ja")

    def action_antwort(self, ja: bool) -> None:
        self.dismiss(ja)
