"""Add a Kennzahl to a goal: name, unit, direction, Basis and Ziel; saving is one commit."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, RadioButton, RadioSet

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Zielaenderung
from strategie.modell.werte import zahl_aus_text
from strategie.modell.ziel import Ziel
from tui.screens.basis import Aenderungsdialog
from tui.widgets.klartext import zeile


def _jahr(text: str, feld: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        raise StrategieFehler(f"{feld}: bitte ein Jahr mit vier Ziffern eingeben, z. B. 2027.")
    return int(text)


class KennzahlDialog(Aenderungsdialog):
    """A new Kennzahl for the goal under the cursor."""

    def __init__(self, verzeichnis: Path, ziel: Ziel) -> None:
        super().__init__(verzeichnis)
        self.ziel = ziel

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(zeile(f"Neue Kennzahl – {self.ziel.id}"), classes="dialogtitel")
            yield Label("Name der Kennzahl:")
            yield Input(placeholder="z. B. Quote der Pflegeberatungen", id="name")
            with Horizontal(classes="zeile"):
                yield Label("Einheit:")
                yield Input(placeholder="z. B. %", id="einheit", classes="zahl")
                yield Label("Richtung:")
                with RadioSet(id="richtung"):
                    yield RadioButton("steigend", value=True)
                    yield RadioButton("fallend")
            with Horizontal(classes="zeile"):
                yield Label("Basiswert:")
                yield Input(id="basiswert", classes="zahl")
                yield Label("Basisjahr:")
                yield Input(id="basisjahr", classes="zahl")
            with Horizontal(classes="zeile"):
                yield Label("Zielwert:")
                yield Input(id="zielwert", classes="zahl")
                yield Label("Zieljahr:")
                yield Input(id="zieljahr", classes="zahl")
            yield Label("Quelle:")
            yield Input(placeholder="z. B. Sozialbericht", id="quelle")
            yield Input(placeholder="Kommentar für den Commit", id="kommentar")
            yield from self.fuss()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        self.query_one("#name", Input).focus()

    def _wert(self, feld: str) -> str:
        return self.query_one(f"#{feld}", Input).value.strip()

    def aenderungen(self) -> tuple[list[Zielaenderung], str]:
        name = self._wert("name")
        if not name:
            raise StrategieFehler("Bitte einen Namen für die Kennzahl eingeben.")
        werte: dict[str, object] = {"name": name}
        if einheit := self._wert("einheit"):
            werte["einheit"] = einheit
        werte["richtung"] = ("steigend" if self.query_one(RadioSet).pressed_index != 1
                             else "fallend")
        for feld in ("basiswert", "zielwert"):
            if text := self._wert(feld):
                werte[feld] = zahl_aus_text(text)
        for feld, titel in (("basisjahr", "Basisjahr"), ("zieljahr", "Zieljahr")):
            if (jahr := _jahr(self._wert(feld), titel)) is not None:
                werte[feld] = jahr
        if quelle := self._wert("quelle"):
            werte["quelle"] = quelle
        return [Zielaenderung(self.ziel.id, (Anhaengen("kennzahlen", werte),))], \
            self._wert("kommentar")
