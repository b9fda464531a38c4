"""The goal list: a Line API view that draws only the visible rows (fast for 10,000 goals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from strategie.ausgabe.farben import ampel_farbe, status_farbe
from strategie.auswertung.auswahl import SPALTENTITEL
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de
from tui.tasten import bindungen
from tui.widgets.klartext import einzeilig


@dataclass(frozen=True)
class Spalte:
    """A column of the list: key (sort column), title and width (0 = takes the rest)."""

    schluessel: str
    breite: int


def spalten_fuer(breite: int) -> list[Spalte]:
    """The columns that fit *breite* cells; the title takes what the others leave."""
    spalten = [Spalte("id", 9), Spalte("titel", 0), Spalte("amt", 4), Spalte("handlungsfeld", 2),
               Spalte("status", 15), Spalte("ampel", 6), Spalte("stand", 10)]
    for weglassen in ("stand", "amt", "handlungsfeld", "ampel"):
        fest = sum(s.breite + 1 for s in spalten if s.breite)
        if breite - fest >= 16:
            break
        spalten = [s for s in spalten if s.schluessel != weglassen]
    return spalten


def _zuschnitt(text: str, breite: int) -> str:
    if cell_len(text) > breite:
        return set_cell_size(text, max(breite - 1, 0)) + "…"
    return set_cell_size(text, breite)


class Spaltenkopf(Static):
    """The column titles above the list, with the sort indicator; a click sorts."""

    DEFAULT_CSS = """
    Spaltenkopf { height: 1; background: $panel; color: $text; text-style: bold; }
    """

    class Sortieren(Message):
        """The user clicked a column title."""

        def __init__(self, spalte: str) -> None:
            super().__init__()
            self.spalte = spalte

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.spalte = "id"
        self.absteigend = False
        self.breite = 0
        """The list's row width (without its scrollbar), so the titles sit over the columns."""
        self._grenzen: list[tuple[int, int, str]] = []
        self._text = ""

    def zeige(self, spalte: str, absteigend: bool) -> None:
        """Show the sort state."""
        self.spalte, self.absteigend = spalte, absteigend
        self._zeichne()

    def setze_breite(self, breite: int) -> None:
        """Follow the list's row width."""
        self.breite = breite
        self._zeichne()

    def on_resize(self) -> None:
        self._zeichne()

    def _zeichne(self) -> None:
        breite = max(self.breite or self.size.width, 20)
        spalten = spalten_fuer(breite - 1)
        rest = breite - 1 - sum(s.breite + 1 for s in spalten if s.breite)
        teile, x, self._grenzen = [], 1, []
        for spalte in spalten:
            b = spalte.breite or rest
            titel = SPALTENTITEL[spalte.schluessel]
            if spalte.schluessel == self.spalte:
                titel += " ▼" if self.absteigend else " ▲"
            teile.append(_zuschnitt(titel, b))
            self._grenzen.append((x, x + b, spalte.schluessel))
            x += b + 1
        text = " " + " ".join(teile)
        if text != self._text:  # one line of fixed height: no new layout needed
            self._text = text
            self.update(text, layout=False)

    def on_click(self, event: events.Click) -> None:
        for anfang, ende, schluessel in self._grenzen:
            if anfang <= event.x < ende:
                self.post_message(self.Sortieren(schluessel))


class ZielListe(ScrollView, can_focus=True):
    """Goal rows with a cursor; renders only the lines on screen."""

    COMPONENT_CLASSES = {"zielliste--cursor", "zielliste--cursor-unfokussiert",
                         "zielliste--leuchtturm"}
    DEFAULT_CSS = """
    ZielListe { background: $surface; scrollbar-gutter: stable; }
    ZielListe > .zielliste--cursor { background: $accent; color: $text; text-style: bold; }
    ZielListe > .zielliste--cursor-unfokussiert { background: $accent 40%; }
    ZielListe > .zielliste--leuchtturm { color: $warning; }
    """
    BINDINGS = bindungen("liste")

    cursor: reactive[int] = reactive(0, always_update=True)

    class Oeffnen(Message):
        """Enter on a goal: the user wants to read its detail."""

    class Markiert(Message):
        """The cursor moved to another goal (None: the list is empty)."""

        def __init__(self, ziel: Ziel | None) -> None:
            super().__init__()
            self.ziel = ziel

    def __init__(self, kopf: Spaltenkopf | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kopf = kopf
        """The column titles above the list; they follow its row width."""
        self.ziele: Sequence[Ziel] = []
        self._zeilen: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(2000)
        self._gemeldete_breite = -1

    @property
    def inhaltsbreite(self) -> int:
        """Cells available for a row (the widget's width without the scrollbar)."""
        return self.scrollable_content_region.width

    def setze_ziele(self, ziele: Sequence[Ziel], markiere: str | None = None) -> None:
        """Show these goals; keep the cursor on goal *markiere* if it is among them."""
        self.ziele = ziele
        self._zeilen.clear()
        self.virtual_size = Size(self.inhaltsbreite, len(ziele))
        index = next((i for i, z in enumerate(ziele) if z.id == markiere), None)
        self.cursor = min(index if index is not None else self.cursor, max(len(ziele) - 1, 0))
        self.refresh()

    @property
    def markiertes(self) -> Ziel | None:
        """The goal under the cursor."""
        return self.ziele[self.cursor] if 0 <= self.cursor < len(self.ziele) else None

    def watch_cursor(self, alt: int, neu: int) -> None:
        self.scroll_to_region(Region(0, neu, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Markiert(self.markiertes))

    def on_resize(self) -> None:
        self._zeilen.clear()
        self.virtual_size = Size(self.inhaltsbreite, len(self.ziele))
        # the scrollbar's gutter is always reserved: the row width is final after layout
        if self.kopf is not None and self.inhaltsbreite != self._gemeldete_breite:
            self._gemeldete_breite = self.inhaltsbreite
            self.kopf.setze_breite(self.inhaltsbreite)

    def on_focus(self) -> None:
        self._zeilen.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._zeilen.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        breite = self.inhaltsbreite
        if breite != self._gemeldete_breite and self.kopf is not None:
            # Known for sure only while painting, after a scrollbar came or went:
            # the header follows with the next frame.
            self._gemeldete_breite = breite
            self.kopf.setze_breite(breite)
        if index >= len(self.ziele):
            return Strip.blank(breite, self.rich_style)
        schluessel = (index, breite, index == self.cursor, self.has_focus)
        strip = self._zeilen.get(schluessel)
        if strip is None:
            strip = self._zeile(self.ziele[index], breite, index == self.cursor)
            self._zeilen[schluessel] = strip
        return strip

    def _zeile(self, ziel: Ziel, breite: int, ist_cursor: bool) -> Strip:
        grund = self.rich_style
        if ist_cursor:
            name = "zielliste--cursor" if self.has_focus else "zielliste--cursor-unfokussiert"
            grund = grund + self.get_component_rich_style(name)
        spalten = spalten_fuer(breite - 1)
        rest = breite - 1 - sum(s.breite + 1 for s in spalten if s.breite)
        segmente = [Segment(" ", grund)]
        for nummer, spalte in enumerate(spalten):
            b = spalte.breite or rest
            segmente.extend(self._zelle(ziel, spalte.schluessel, b, grund))
            if nummer < len(spalten) - 1:
                segmente.append(Segment(" ", grund))
        return Strip(segmente, breite).adjust_cell_length(breite, grund)

    def _zelle(self, ziel: Ziel, schluessel: str, breite: int, grund: Style) -> list[Segment]:
        if schluessel == "id":
            return [Segment(_zuschnitt(einzeilig(ziel.id), breite), grund + Style(bold=True))]
        if schluessel == "titel":
            titel = einzeilig(ziel.titel)
            if ziel.leuchtturm:
                stern = self.get_component_rich_style("zielliste--leuchtturm")
                return [Segment(_zuschnitt(titel, breite - 2), grund),
                        Segment(" ★", grund + Style(color=stern.color))]
            return [Segment(_zuschnitt(titel, breite), grund)]
        if schluessel == "amt":
            return [Segment(_zuschnitt(einzeilig(ziel.amt), breite), grund)]
        if schluessel == "handlungsfeld":
            return [Segment(str(ziel.handlungsfeld).rjust(breite), grund)]
        if schluessel == "status":
            farbe = status_farbe(ziel.status) or None
            return [Segment(_zuschnitt(einzeilig(ziel.status), breite),
                            grund + Style(color=farbe))]
        if schluessel == "ampel":
            farbe = ampel_farbe(ziel.ampel) or None
            return [Segment("● " if ziel.ampel else "  ", grund + Style(color=farbe)),
                    Segment(_zuschnitt(einzeilig(ziel.ampel), breite - 2), grund)]
        return [Segment(_zuschnitt(datum_de(ziel.steckbrief_stand), breite), grund)]

    def on_click(self, event: events.Click) -> None:
        index = event.y + int(self.scroll_offset.y)
        if 0 <= index < len(self.ziele):
            self.cursor = index

    def _seite(self) -> int:
        return max(self.size.height - 1, 1)

    def action_hoch(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_runter(self) -> None:
        self.cursor = min(self.cursor + 1, max(len(self.ziele) - 1, 0))

    def action_seite_hoch(self) -> None:
        self.cursor = max(self.cursor - self._seite(), 0)

    def action_seite_runter(self) -> None:
        self.cursor = min(self.cursor + self._seite(), max(len(self.ziele) - 1, 0))

    def action_oeffnen(self) -> None:
        if self.markiertes is not None:
            self.post_message(self.Oeffnen())

    def action_anfang(self) -> None:
        self.cursor = 0

    def action_ende(self) -> None:
        self.cursor = max(len(self.ziele) - 1, 0)
