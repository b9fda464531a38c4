"""Maßnahmen of a goal: set a Maßnahme's status, or add a new Maßnahme; each save one commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Setze, Zielaenderung
from strategie.modell.rahmen import Rahmen
from strategie.modell.werte import datum_aus_text
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de
from strategie.text.sicher import entschaerfe
from tui.screens.basis import Aenderungsdialog
from tui.tasten import bindungen
from tui.widgets.klartext import zeile


class MassnahmenDialog(Aenderungsdialog):
    """Pick a Maßnahme and its new status – or the last entry to add a Maßnahme."""

    BINDINGS = bindungen("massnahmen")

    def __init__(self, verzeichnis: Path, ziel: Ziel, rahmen: Rahmen, heute: dt.date) -> None:
        super().__init__(verzeichnis)
        self.ziel = ziel
        self.rahmen = rahmen
        self.heute = heute

    def compose(self) -> ComposeResult:
        optionen = []
        for nummer, massnahme in enumerate(self.ziel.massnahmen, start=1):
            ueberfaellig = (massnahme.termin and massnahme.termin < self.heute and
                            massnahme.status not in self._erledigt())
            text = Text.assemble(f"{nummer}. ", (entschaerfe(massnahme.titel), "bold"),
                                 f"  {entschaerfe(massnahme.status or '–')}",
                                 f" · {datum_de(massnahme.termin)}",
                                 (" überfällig" if ueberfaellig else "", "red"))
            optionen.append(Option(text, id=f"m{nummer}"))
        optionen.append(Option(Text("+ Neue Maßnahme hinzufügen (n)", style="italic"), id="neu"))
        with VerticalScroll(classes="dialog gross"):
            yield Label(zeile(f"Maßnahmen {self.ziel.id} – {self.ziel.titel}"),
                        classes="dialogtitel")
            yield OptionList(*optionen, id="massnahmen")
            yield Label("Neuer Status:", id="status_titel")
            yield OptionList(*(Option(Text(entschaerfe(w.name)), id=w.name)
                               for w in self.rahmen.massnahmenstatus), id="status")
            with Vertical(id="neu_felder"):
                yield Label("Titel der neuen Maßnahme:")
                yield Input(id="titel")
                with Horizontal(classes="zeile"):
                    yield Label("Termin:")
                    yield Input(placeholder="TT.MM.JJJJ", id="termin", classes="datum")
                    yield Label("Verantwortlich:")
                    yield Input(id="verantwortlich")
            yield Input(placeholder="Kommentar für den Commit", id="kommentar")
            yield from self.fuss()

    def _erledigt(self) -> set[str]:
        return {w.name for w in self.rahmen.massnahmenstatus if w.abgeschlossen}

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#fehler").display = False
        self.query_one("#neu_felder").display = False
        self.query_one("#massnahmen", OptionList).focus()

    def _ist_neu(self) -> bool:
        liste = self.query_one("#massnahmen", OptionList)
        return liste.highlighted == len(self.ziel.massnahmen)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "massnahmen":
            neu = self._ist_neu()
            self.query_one("#neu_felder").display = neu
            if self.focused is not None:  # the fields below moved: keep the focus in view
                self.call_after_refresh(self.focused.scroll_visible, animate=False)
            self.query_one("#status_titel", Label).update(
                "Status der neuen Maßnahme:" if neu else "Neuer Status:")
            status = self.query_one("#status", OptionList)
            if neu:
                status.highlighted = 0
            elif event.option_list.highlighted is not None:
                aktuell = self.ziel.massnahmen[event.option_list.highlighted].status
                namen = [w.name for w in self.rahmen.massnahmenstatus]
                status.highlighted = namen.index(aktuell) if aktuell in namen else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "massnahmen":
            ziel = "#titel" if self._ist_neu() else "#status"
            self.query_one(ziel).focus()
        else:
            self.query_one("#kommentar", Input).focus()

    def action_neu(self) -> None:
        liste = self.query_one("#massnahmen", OptionList)
        liste.highlighted = len(self.ziel.massnahmen)
        self.query_one("#neu_felder").display = True
        self.call_after_refresh(self.query_one("#titel", Input).focus)

    def aenderungen(self) -> tuple[list[Zielaenderung], str]:
        status_liste = self.query_one("#status", OptionList)
        status = self.rahmen.massnahmenstatus[status_liste.highlighted or 0].name
        kommentar = self.query_one("#kommentar", Input).value.strip()
        if self._ist_neu():
            titel = self.query_one("#titel", Input).value.strip()
            if not titel:
                raise StrategieFehler("Bitte einen Titel für die neue Maßnahme eingeben.")
            werte: dict[str, object] = {"titel": titel, "status": status}
            if termin := self.query_one("#termin", Input).value.strip():
                werte["termin"] = datum_aus_text(termin, self.heute)
            if verantwortlich := self.query_one("#verantwortlich", Input).value.strip():
                werte["verantwortlich"] = verantwortlich
            operation: Setze | Anhaengen = Anhaengen("massnahmen", werte)
        else:
            nummer = (self.query_one("#massnahmen", OptionList).highlighted or 0) + 1
            operation = Setze(f"massnahmen.{nummer}.status", status)
        return [Zielaenderung(self.ziel.id, (operation,))], kommentar
