"""The Textual application: wires the main screen, theme, keymap and the loading workers."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import App, SystemCommand, get_system_commands_provider
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from strategie.auswertung.auswahl import Auswahl
from strategie.modell.befund import StrategieFehler
from strategie.modell.ziel import Ziel
from strategie.speicher.ablage import signatur
from strategie.speicher.laden import Zielspeicher, lade_speicher
from strategie.text.sicher import entschaerfe
from tui.fehler import unerwartet
from tui.screens.haupt import MainScreen
from tui.tasten import NACH_KENNUNG, anzeige, bindungen, tasten_fuer
from tui.tastenbelegung import keymap_datei, lade_keymap

if TYPE_CHECKING:
    from textual.command import Provider

    from strategie.aendern.bearbeiten import Ergebnis

# Screens, dialogs and git are imported when first needed: the app paints sooner.


def _zielbefehle() -> type[Provider]:
    from tui.befehle import ZielBefehle

    return ZielBefehle


def _filterbefehle() -> type[Provider]:
    from tui.befehle import FilterBefehle

    return FilterBefehle


ERSTES_BILD_WARTET_S = 0.15
"""How long the main screen waits, once composed, for the first load (begun before the app
ran): a store of hundreds of goals is read by then and shows in the first frame; a bigger one
shows "Lade Ziele …" first and its goals when they are read."""

PRUEFINTERVALL_S = 2.0
"""How often the app looks for files changed outside it (editor, git pull)."""


class StrategieApp(App[None]):
    """Browse, filter, edit and trace the goals of a store."""

    TITLE = "strategie"
    CSS_PATH = "app.tcss"
    COMMANDS = {_zielbefehle, _filterbefehle, get_system_commands_provider}
    BINDINGS = bindungen("app")

    def __init__(self, verzeichnis: Path, *, heute: dt.date | None = None,
                 blinken: bool = True, dateien_beobachten: bool = True,
                 bei_anzeige: Callable[[StrategieApp], object] | None = None,
                 tastendatei: Path | None = None) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis.resolve()
        self.heute = heute or dt.date.today()
        self.blinken = blinken
        """False in snapshot tests: no blinking cursors."""
        self.dateien_beobachten = dateien_beobachten
        self.bei_anzeige = bei_anzeige
        """Called once after the loaded goals were first painted (used by the benchmark)."""
        self.tastendatei = tastendatei or keymap_datei()
        self.speicher: Zielspeicher | None = None
        self.auswahl: Auswahl | None = None
        self.nur_lesen: str | None = None
        """Why changes cannot be committed here (None: they can)."""
        self.schreibrecht_bekannt = False
        """Editing keys wait until the git repository and identity have been checked."""
        self.eigene_commits: list[Ergebnis] = []
        """Commits this session made, newest last: what u can undo."""
        self.wiederholbar: list[Ergebnis] = []
        """The undo commits of this session, newest last: what U / Strg+R can redo."""
        self._signatur: tuple[int, int, int] | None = None
        """The store's file signature at the last load; None while a load is under way."""
        self._ladung = 0
        self._vorab: Future[_Ladung] | None = None
        """The first load, begun before the app ran (``vorladen``), until a worker takes it."""

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    @property
    def hauptschirm(self) -> MainScreen:
        """The main screen (list and detail), at the bottom of the stack."""
        return cast(MainScreen, self.screen_stack[0])

    def on_mount(self) -> None:
        keymap, meldungen = lade_keymap(self.tastendatei)
        if keymap:
            self.set_keymap(keymap)
        for meldung in meldungen:
            self.notify(entschaerfe(meldung), title="Tastenbelegung", severity="warning",
                        timeout=12, markup=False)
        self._lade()
        if self.dateien_beobachten:
            self.set_interval(PRUEFINTERVALL_S, self._pruefe_dateien)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        namen = ", ".join(sorted(b.id or b.action for b in clashed_bindings))
        self.notify(f"Tastenbelegung: die Taste von {namen} ist schon belegt; es gilt die "
                    "voreingestellte Belegung.", title="Tastenbelegung", severity="warning",
                    timeout=12, markup=False)

    def action_help_quit(self) -> None:
        """Strg+C: say in German how to quit (Textual's own text is English)."""
        taste = anzeige(NACH_KENNUNG["haupt.beenden"], self._keymap)
        self.notify(f"Beenden mit {taste} (im Hauptbildschirm). Strg+C kopiert in "
                    "Eingabefeldern.", title="Beenden?", markup=False)

    # -- loading -----------------------------------------------------------------------------

    def lade(self) -> None:
        """Read the store again in a worker; the main screen shows the result."""
        self._signatur = None  # no "changed outside" while loading
        self._ladung += 1
        self._lade_im_hintergrund(self._ladung, self._vorab if self._ladung == 1 else None)

    def zeige_vorab(self) -> None:
        """For the main screen, once composed: wait up to ``ERSTES_BILD_WARTET_S`` for the
        load begun before the app ran (``vorladen``) and show it, so that the first frame has
        the goals rather than "Lade Ziele …". A slower load is shown by its worker."""
        vorab = self._vorab
        if vorab is None:
            return
        with contextlib.suppress(Exception):  # TimeoutError, or the load's own error: worker
            vorab.exception(timeout=ERSTES_BILD_WARTET_S)
        if vorab.done() and vorab.exception() is None:
            self._zeige_ladung(vorab.result(), self._ladung)

    _lade = lade

    def vorladen(self) -> None:
        """Start reading the store at once, in a thread of its own, before the app runs: the
        first load then overlaps Textual's start instead of following the first frame."""
        self._vorab = Future()
        threading.Thread(target=self._lies_in, args=(self._vorab,), daemon=True,
                         name="strategie-vorladen").start()

    def _lies_in(self, ergebnis: Future[_Ladung]) -> None:
        try:
            ergebnis.set_result(_lies(self.verzeichnis))
        except BaseException as fehler:  # noqa: BLE001 - handed to the loading worker
            ergebnis.set_exception(fehler)

    @work(thread=True, exclusive=True, exit_on_error=False, group="laden")
    def _lade_im_hintergrund(self, ladung: int, vorab: Future[_Ladung] | None) -> None:
        try:
            erholt, stempel, speicher, auswahl = (
                vorab.result() if vorab is not None else _lies(self.verzeichnis))
        except StrategieFehler as fehler:
            self.call_from_thread(self._ladefehler, fehler.meldung)
            return
        except Exception as fehler:  # noqa: BLE001 - the user sees every failure, in German
            self.call_from_thread(self._ladefehler, unerwartet("Laden der Ziele", fehler))
            return
        self.call_from_thread(self._zeige_ladung, (erholt, stempel, speicher, auswahl), ladung)

    def _zeige_ladung(self, ladung_daten: _Ladung, ladung: int) -> None:
        erholt, stempel, speicher, auswahl = ladung_daten
        self._vorab = None  # shown (or outdated): not kept alive with its store
        if speicher is self.speicher:  # the first load, shown before its worker brought it
            if ladung == self._ladung:
                self._signatur = stempel
            return
        if erholt is not None:
            self.notify(erholt, severity="warning", timeout=20, markup=False)
        self._geladen(speicher, auswahl, stempel, ladung)

    @work(thread=True, exclusive=True, exit_on_error=False, group="nachladen")
    def _nach_dem_laden(self, auswahl: Auswahl) -> None:
        """After the first paint: search index and write permission."""
        from strategie.aendern.schreibrecht import grund_nur_lesen

        try:
            auswahl.bereite_suche_vor()
            nur_lesen = grund_nur_lesen(self.verzeichnis)
        except Exception as fehler:  # noqa: BLE001
            nur_lesen = unerwartet("Prüfen des Schreibrechts", fehler)
        self.call_from_thread(self._geprueft, nur_lesen, teilstand(self.verzeichnis))

    def _geprueft(self, nur_lesen: str | None, geteilt: str) -> None:
        self.nur_lesen = nur_lesen
        self.schreibrecht_bekannt = True
        self.hauptschirm.zeige_banner()
        self.hauptschirm.zeige_teilstand(geteilt)
        self.hauptschirm.refresh_bindings()

    def _ladefehler(self, meldung: str) -> None:
        self.nur_lesen = meldung
        self.schreibrecht_bekannt = True
        self.hauptschirm.zeige_ladefehler(meldung)

    def _geladen(self, speicher: Zielspeicher, auswahl: Auswahl, stempel: tuple[int, int, int],
                 ladung: int) -> None:
        self.speicher, self.auswahl = speicher, auswahl
        if ladung == self._ladung:
            self._signatur = stempel
        self.title = speicher.rahmen.name
        self.hauptschirm.zeige_speicher()
        if self.bei_anzeige is not None:
            rueckruf, self.bei_anzeige = self.bei_anzeige, None
            self.call_after_refresh(rueckruf, self)
        # search index and git identity wait until the goals are on screen
        self.call_after_refresh(self._nach_dem_laden, auswahl)

    @work(thread=True, exclusive=True, exit_on_error=False, group="beobachten")
    def _pruefe_dateien(self) -> None:
        alt = self._signatur
        if alt is None or self.screen is not self.screen_stack[0]:
            return
        try:
            neu = signatur(self.verzeichnis)
        except Exception:  # noqa: BLE001 - watching is best effort; the next poll tries again
            return
        if neu != alt:
            self.call_from_thread(self._von_aussen_geaendert, alt)

    def _von_aussen_geaendert(self, alt: tuple[int, int, int]) -> None:
        if self._signatur != alt:
            return  # the app loaded (after its own save) since the poll began
        self.notify("Dateien wurden außerhalb geändert – neu geladen.", timeout=3)
        self.lade()

    # -- what the screens and the palette ask for --------------------------------------------

    def alle_ziele(self) -> Sequence[Ziel]:
        """Every valid goal of the store (for the command palette)."""
        return self.speicher.ziele if self.speicher else ()

    def gehe_zu(self, ziel_id: str) -> None:
        """Put the cursor on a goal (from the command palette)."""
        self.hauptschirm.gehe_zu(ziel_id)

    def setze_filter(self, facette: str, wert: object) -> None:
        """Show only goals with this value (from the command palette)."""
        self.hauptschirm.setze_filter(facette, wert)

    def action_command_palette(self) -> None:
        from tui.befehle import DeutschePalette

        if self.use_command_palette and not DeutschePalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(DeutschePalette())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the main screen, in German, from the key table."""
        haupt = self.hauptschirm
        for taste in tasten_fuer("haupt"):
            if not taste.palette:
                continue
            titel = taste.wirkung[0].upper() + taste.wirkung[1:]
            yield SystemCommand(titel, f"Taste {anzeige(taste, self._keymap)}",
                                _ausfuehrer(haupt, taste.aktion))


def teilstand(verzeichnis: Path) -> str:
    """'↑ 2 nicht geteilt · ↓ 1 neu bei anderen' as of the last fetch ('' without a remote)."""
    from strategie.team.sync import stand

    try:
        jetzt = stand(verzeichnis)
    except Exception:  # noqa: BLE001 - only a hint in the title line; sync itself will say more
        return ""
    if not jetzt.upstream:
        return ""
    return (f"↑ {jetzt.eigene_ungeteilt} nicht geteilt · ↓ {jetzt.fremde_neu} neu bei anderen"
            + (" · Abgleich unterbrochen" if jetzt.unterbrochen else ""))


def _ausfuehrer(schirm: MainScreen, aktion: str) -> Callable[[], object]:
    """A callback that runs *aktion* of the main screen (the palette closes first)."""

    def ausfuehren() -> object:
        return schirm.run_action(aktion)

    return ausfuehren


_Ladung = tuple[str | None, tuple[int, int, int], Zielspeicher, Auswahl]
"""What a load brings: the recovery line (if any), file signature, store, selection."""


def _lies(verzeichnis: Path) -> _Ladung:
    """Settle a crashed change (if any), then read the store: the work of one load."""
    from strategie.aendern.journal import erhole_bei_bedarf

    try:
        erholt = erhole_bei_bedarf(verzeichnis)
    except Exception as fehler:  # noqa: BLE001 - the user sees every failure, in German
        erholt = unerwartet("Prüfen des Änderungsprotokolls", fehler)
    stempel = signatur(verzeichnis)
    speicher = lade_speicher(verzeichnis)
    return erholt, stempel, speicher, Auswahl(speicher.rahmen, speicher.ziele)


def starte(verzeichnis: Path) -> int:
    """Run the app on a store folder until the user quits (the store read from the start)."""
    app = StrategieApp(verzeichnis)
    app.vorladen()
    app.run()
    return 0
