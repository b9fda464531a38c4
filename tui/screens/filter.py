"""The filter dialog: every dimension with its values and how many goals each would show."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, RadioButton, RadioSet, SelectionList, Static

from strategie.auswertung.auswahl import FACETTEN, FACETTENTITEL, Auswahl
from strategie.auswertung.filter import Filter
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import zeile


class FilterDialog(ModalScreen[Filter | None]):
    """Choose values per dimension; several values of one dimension mean 'or'."""

    BINDINGS = bindungen("filter")

    def __init__(self, auswahl: Auswahl, kriterien: Filter) -> None:
        super().__init__()
        self.auswahl = auswahl
        self.kriterien = kriterien

    def compose(self) -> ComposeResult:
        zaehler = self.auswahl.facetten(self.kriterien)
        with Vertical(classes="dialog gross"):
            yield Label("Filter – Leertaste wählt, Enter wendet an", classes="dialogtitel")
            with VerticalScroll():
                for facette in FACETTEN:
                    if facette == "leuchtturm":
                        continue
                    gewaehlt = getattr(self.kriterien, facette)
                    yield Label(FACETTENTITEL[facette], classes="facette")
                    yield SelectionList[object](
                        *((zeile(f"{self.auswahl.beschriftung(facette, wert)} "
                                 f"({zaehler[facette].get(wert, 0)})"), wert, wert in gewaehlt)
                          for wert in self.auswahl.werte(facette)),
                        id=facette)
                yield Label("Leuchtturm", classes="facette")
                with RadioSet(id="leuchtturm"):
                    anzahl = zaehler["leuchtturm"]
                    yield RadioButton("alle", value=self.kriterien.leuchtturm is None)
                    yield RadioButton(f"nur Leuchttürme ({anzahl.get(True, 0)})",
                                      value=self.kriterien.leuchtturm is True)
                    yield RadioButton(f"ohne Leuchttürme ({anzahl.get(False, 0)})",
                                      value=self.kriterien.leuchtturm is False)
            yield Static("Leertaste wählt · Enter wendet an · x löscht alle · Esc bricht ab",
                         classes="hinweis")

    def on_mount(self) -> None:
        self.mount(Fusszeile())
        self.query_one(SelectionList).focus()

    def action_abbrechen(self) -> None:
        self.dismiss(None)

    def action_leeren(self) -> None:
        self.dismiss(Filter(suche=self.kriterien.suche))

    def action_anwenden(self) -> None:
        werte = {f: frozenset(self.query_one(f"#{f}", SelectionList).selected)
                 for f in FACETTEN if f != "leuchtturm"}
        index = self.query_one(RadioSet).pressed_index
        leuchtturm = {1: True, 2: False}.get(index)
        self.dismiss(self.kriterien.mit(**werte, leuchtturm=leuchtturm))
