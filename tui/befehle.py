"""Command palette (Strg+P): 'Gehe zu Ziel …', 'Filter: Amt …' and every action, in German."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from strategie.auswertung.auswahl import FACETTEN, FACETTENTITEL
from strategie.text.sicher import entschaerfe

if TYPE_CHECKING:
    from tui.app import StrategieApp



class DeutschePalette(CommandPalette):
    """The command palette with German texts."""

    def __init__(self) -> None:
        super().__init__(placeholder="Befehl, Ziel oder Filter suchen …")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        super()._start_no_matches_countdown(search_value)
        if self._no_matches_timer is not None:
            self._no_matches_timer.stop()

            def keine_treffer() -> None:
                if search_value:
                    from rich.align import Align
                    from rich.text import Text

                    liste = self.query_one("CommandList")
                    liste.add_option(  # type: ignore[attr-defined]
                        Option(Align.center(Text("Nichts gefunden", style="not bold")),
                               disabled=True, id=self._NO_MATCHES))
                    self._list_visible = True

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, keine_treffer)


class ZielBefehle(Provider):
    """'Gehe zu Ziel SA-03 …' for every goal."""

    @property
    def _app(self) -> StrategieApp:
        return cast("StrategieApp", self.app)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for ziel in self._app.alle_ziele():
            text = f"Gehe zu Ziel {ziel.id} {entschaerfe(ziel.titel)}"
            if (treffer := matcher.match(text)) > 0:
                yield Hit(treffer, matcher.highlight(text), partial(self._app.gehe_zu, ziel.id),
                          help=f"{ziel.status} · Ampel {ziel.ampel or '–'}")


class FilterBefehle(Provider):
    """'Filter: Amt SA – Sozialamt', 'Filter: Ampel rot' … for every filter value."""

    @property
    def _app(self) -> StrategieApp:
        return cast("StrategieApp", self.app)

    def _befehle(self) -> list[tuple[str, str, object]]:
        auswahl = self._app.auswahl
        if auswahl is None:
            return []
        befehle = []
        for facette in FACETTEN:
            for wert in auswahl.werte(facette):
                titel = f"Filter: {FACETTENTITEL[facette]} {auswahl.beschriftung(facette, wert)}"
                befehle.append((entschaerfe(titel), facette, wert))
        return befehle

    async def discover(self) -> Hits:
        for titel, facette, wert in self._befehle()[:8]:
            yield DiscoveryHit(titel, partial(self._app.setze_filter, facette, wert))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for titel, facette, wert in self._befehle():
            if (treffer := matcher.match(titel)) > 0:
                yield Hit(treffer, matcher.highlight(titel),
                          partial(self._app.setze_filter, facette, wert))
