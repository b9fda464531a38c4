"""The Textual application: goal list, detail pane, filters and the editing dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand, get_system_commands_provider
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from strategie.auswertung.auswahl import SPALTEN, Auswahl
from strategie.auswertung.filter import Filter
from strategie.modell.befund import StrategieFehler, anzeigepfad
from strategie.modell.ziel import Ziel
from strategie.speicher.ablage import signatur
from strategie.speicher.laden import Zielspeicher, lade_speicher
from strategie.text.sicher import entschaerfe
from tui.widgets.zielliste import Spaltenkopf, ZielListe

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

BEARBEITEN = {"status", "ampel", "steckbrief", "massnahmen", "messwert", "rueckgaengig"}
"""Actions that change goals: hidden while the store is read-only."""
ZIEL_NOETIG = BEARBEITEN - {"rueckgaengig"} | {"verlauf"}
"""Actions that need a goal under the cursor."""
HAUPTAKTIONEN = BEARBEITEN | {"verlauf", "suche", "filter", "filter_loeschen", "uebersicht",
                              "neu_laden", "befunde", "sortieren", "quit"}
"""Keys of the main screen; inactive while a dialog or another screen is on top."""
PRUEFINTERVALL_S = 2.0
"""How often the app looks for files changed outside it (editor, git pull)."""


class StrategieApp(App[None]):
    """Browse, filter, edit and trace the goals of a store."""

    TITLE = "strategie"
    CSS_PATH = "app.tcss"
    COMMANDS = {_zielbefehle, _filterbefehle, get_system_commands_provider}
    # Footer order = importance: at 80 columns the first ones stay visible; '?' lists all.
    BINDINGS = [
        Binding("question_mark", "hilfe", "Hilfe", key_display="?",
                tooltip="Alle Tasten, durchsuchbar"),
        Binding("s", "status", "Status", tooltip="Umsetzungsstand setzen"),
        Binding("a", "ampel", "Ampel", tooltip="Ampel setzen"),
        Binding("e", "steckbrief", "Steckbrief", tooltip="Steckbrief bearbeiten"),
        Binding("m", "massnahmen", "Maßnahmen", tooltip="Status einer Maßnahme, neue Maßnahme"),
        Binding("k", "messwert", "Messwert", tooltip="Messwert einer Kennzahl erfassen"),
        Binding("v", "verlauf", "Verlauf", tooltip="Änderungen dieses Ziels"),
        Binding("slash", "suche", "Suche", key_display="/"),
        Binding("f", "filter", "Filter"),
        Binding("o", "uebersicht", "Übersicht"),
        Binding("u", "rueckgaengig", "Rückgängig"),
        Binding("q", "quit", "Beenden"),
        Binding("x", "filter_loeschen", "Filter löschen", show=False),
        Binding("r", "neu_laden", "Neu laden", show=False),
        Binding("b", "befunde", "Befunde", show=False),
        Binding("t", "sortieren", "Sortierung", show=False),
        Binding("T", "sortieren(True)", "Sortierung umkehren", show=False),
        Binding("ctrl+p", "command_palette", "Befehle", show=False, priority=True),
    ]

    def __init__(self, verzeichnis: Path, *, heute: dt.date | None = None,
                 blinken: bool = True, dateien_beobachten: bool = True,
                 bei_anzeige: Callable[[StrategieApp], object] | None = None) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis.resolve()
        self.heute = heute or dt.date.today()
        self.blinken = blinken
        """False in snapshot tests: no blinking cursors."""
        self.dateien_beobachten = dateien_beobachten
        self.bei_anzeige = bei_anzeige
        """Called once after the loaded goals were first painted (used by the benchmark)."""
        self.speicher: Zielspeicher | None = None
        self.auswahl: Auswahl | None = None
        self.kriterien = Filter()
        self.spalte = "id"
        self.absteigend = False
        self.nur_lesen: str | None = None
        """Why changes cannot be committed here (None: they can)."""
        self.schreibrecht_bekannt = False
        """Editing keys wait until the git repository and identity have been checked."""
        self.eigene_commits: list[Ergebnis] = []
        self._im_detail: Ziel | None = None
        """The goal the detail pane shows."""
        self._signatur: tuple[int, int, int] | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("◆ strategie", id="titelzeile")
        yield Static("", id="banner")
        with Horizontal(id="filterleiste"):
            yield Input(placeholder="Suche (/) in ID, Titel, Texten …", id="suche")
            yield Static("", id="filteranzeige")
        with Horizontal(id="haupt"):
            with Vertical(id="links"):
                kopf = Spaltenkopf(id="kopf")
                yield kopf
                yield ZielListe(kopf, id="liste")
            with VerticalScroll(id="detail"):
                yield Static("Lade Ziele …", id="detailinhalt")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if not self.blinken:
            self.query_one("#suche", Input).cursor_blink = False
        self.query_one("#banner").display = False
        self.query_one(ZielListe).focus()
        self._passe_layout_an(self.size.width)
        self._zeige_titel("")
        self._lade()
        if self.dateien_beobachten:
            self.set_interval(PRUEFINTERVALL_S, self._pruefe_dateien)

    def on_resize(self, event: object) -> None:
        self._passe_layout_an(self.size.width)

    def _passe_layout_an(self, breite: int) -> None:
        """Side by side from 110 columns, list above detail below that (usable at 80×24)."""
        self.screen_stack[0].set_class(breite < 110, "-schmal")
        for fuss in self.screen_stack[0].query(Footer):
            fuss.show_command_palette = breite >= 100

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="laden")
    def _lade(self) -> None:
        from strategie.aendern.journal import erhole_bei_bedarf

        if (erholt := erhole_bei_bedarf(self.verzeichnis)) is not None:
            self.call_from_thread(self.notify, erholt, severity="warning", timeout=20)
        try:
            speicher = lade_speicher(self.verzeichnis)
        except StrategieFehler as fehler:
            self.call_from_thread(self._ladefehler, fehler.meldung)
            return
        self.call_from_thread(self._geladen, speicher, Auswahl(speicher.rahmen, speicher.ziele))

    @work(thread=True, exclusive=True, exit_on_error=False, group="nachladen")
    def _nach_dem_laden(self, auswahl: Auswahl) -> None:
        """After the first paint: search index, write permission, file signature."""
        from strategie.aendern.schreibrecht import grund_nur_lesen

        auswahl.bereite_suche_vor()
        nur_lesen = grund_nur_lesen(self.verzeichnis)
        stempel = signatur(self.verzeichnis)
        self.call_from_thread(self._geprueft, nur_lesen, stempel)

    def _geprueft(self, nur_lesen: str | None, stempel: tuple[int, int, int]) -> None:
        self.nur_lesen, self._signatur = nur_lesen, stempel
        self.schreibrecht_bekannt = True
        self._zeige_banner()
        self.refresh_bindings()

    def _ladefehler(self, meldung: str) -> None:
        self.query_one("#detailinhalt", Static).update(
            f"Der Zielspeicher lässt sich nicht laden:\n\n{entschaerfe(meldung)}")
        self.nur_lesen = meldung
        self.refresh_bindings()

    def _geladen(self, speicher: Zielspeicher, auswahl: Auswahl) -> None:
        self.speicher, self.auswahl = speicher, auswahl
        self.title = speicher.rahmen.name
        self._zeige_titel(speicher.rahmen.name)
        self._zeige_banner()
        self._aktualisiere_liste()
        self.refresh_bindings()
        if self.bei_anzeige is not None:
            rueckruf, self.bei_anzeige = self.bei_anzeige, None
            self.call_after_refresh(rueckruf, self)
        # search index, git identity and file signature wait until the goals are on screen
        self.call_after_refresh(self._nach_dem_laden, auswahl)

    def _zeige_titel(self, name: str) -> None:
        """A one-line title: store name and folder (lighter than Textual's Header widget)."""
        ort = anzeigepfad(self.verzeichnis)
        ort = self.verzeichnis.name if ort == "." else ort  # started inside the store
        text = f"◆ {name} – {ort}" if name else "◆ strategie"
        self.query_one("#titelzeile", Static).update(entschaerfe(text))

    def _zeige_banner(self) -> None:
        banner = self.query_one("#banner", Static)
        zeilen = []
        if self.nur_lesen:
            zeilen.append(f"NUR LESEN – {self.nur_lesen}")
        if self.speicher and self.speicher.befunde:
            dateien = len({b.pfad for b in self.speicher.befunde})
            zeilen.append(f"{dateien} Zieldatei(en) fehlerhaft und nicht in der Liste – "
                          "b zeigt die Befunde")
        banner.update("\n".join(entschaerfe(z) for z in zeilen))
        banner.set_class(bool(self.nur_lesen), "-nurlesen")
        banner.display = bool(zeilen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="beobachten")
    def _pruefe_dateien(self) -> None:
        if self._signatur is None or self.screen is not self.screen_stack[0]:
            return
        neu = signatur(self.verzeichnis)
        if neu != self._signatur:
            self._signatur = neu
            self.call_from_thread(self._von_aussen_geaendert)

    def _von_aussen_geaendert(self) -> None:
        self.notify("Dateien wurden außerhalb geändert – neu geladen.", timeout=3)
        self._lade()

    # -- list, filter, detail -----------------------------------------------------------------

    def alle_ziele(self) -> Sequence[Ziel]:
        """Every valid goal of the store (for the command palette)."""
        return self.speicher.ziele if self.speicher else ()

    def _aktualisiere_liste(self) -> None:
        if self.auswahl is None or self.speicher is None:
            return
        liste = self.query_one(ZielListe)
        markiert = liste.markiertes.id if liste.markiertes else None
        ziele = self.auswahl.ansicht(self.kriterien, self.spalte, self.absteigend)
        liste.setze_ziele(ziele, markiert)
        self.query_one(Spaltenkopf).zeige(self.spalte, self.absteigend)
        anzeige = f"{len(ziele)} von {len(self.speicher.ziele)} Zielen"
        if not self.kriterien.leer:
            anzeige += f" · Filter: {self.kriterien.beschreibung()} · x löscht"
        self.query_one("#filteranzeige", Static).update(entschaerfe(anzeige), layout=False)
        self.query_one("#filterleiste").set_class(not self.kriterien.leer, "-aktiv")
        if not ziele:
            self._zeige_detail(None)

    @on(ZielListe.Markiert)
    def _markiert(self, event: ZielListe.Markiert) -> None:
        # The detail pane is drawn after the list has been repainted: moving through the
        # list stays responsive, and the first paint does not wait for the detail.
        if event.ziel is not self._im_detail:
            self.call_after_refresh(self._zeige_detail, event.ziel)
        if (event.ziel is None) != (self._im_detail is None):
            self.refresh_bindings()  # the keys that need a goal come or go

    def _zeige_detail(self, ziel: Ziel | None) -> None:
        from strategie.ausgabe.terminal.ziele import ziel_ansicht

        inhalt = self.query_one("#detailinhalt", Static)
        if ziel is not self.query_one(ZielListe).markiertes or (
                ziel is self._im_detail and ziel is not None):
            return  # the cursor has moved on since, or the goal is shown already
        self._im_detail = ziel
        if ziel is None or self.speicher is None:
            inhalt.update("Kein Ziel ausgewählt." if self.speicher else "Lade Ziele …")
            return
        inhalt.update(ziel_ansicht(ziel, self.speicher.rahmen))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    @on(Input.Changed, "#suche")
    def _suche_geaendert(self, event: Input.Changed) -> None:
        self.kriterien = self.kriterien.mit(suche=event.value.strip())
        self._aktualisiere_liste()

    @on(Input.Submitted, "#suche")
    def _suche_fertig(self) -> None:
        self.query_one(ZielListe).focus()

    def on_key(self, event: object) -> None:
        eingabe = self.query_one("#suche", Input)
        if getattr(event, "key", "") == "escape" and eingabe.has_focus:
            eingabe.value = ""
            self.query_one(ZielListe).focus()

    @on(Spaltenkopf.Sortieren)
    def _sortiere_nach(self, event: Spaltenkopf.Sortieren) -> None:
        if event.spalte == self.spalte:
            self.absteigend = not self.absteigend
        else:
            self.spalte, self.absteigend = event.spalte, False
        self._aktualisiere_liste()

    def setze_filter(self, facette: str, wert: object) -> None:
        """Show only goals with this value (from the command palette)."""
        if facette == "leuchtturm":
            self.kriterien = self.kriterien.mit(leuchtturm=bool(wert))
        else:
            self.kriterien = self.kriterien.mit(**{facette: frozenset({wert})})
        self._aktualisiere_liste()

    def gehe_zu(self, ziel_id: str) -> None:
        """Put the cursor on a goal, clearing the filter if it hides the goal."""
        liste = self.query_one(ZielListe)
        if not any(z.id == ziel_id for z in liste.ziele):
            self.kriterien = Filter()
            self.query_one("#suche", Input).value = ""
            self._aktualisiere_liste()
        liste.setze_ziele(liste.ziele, ziel_id)
        liste.focus()

    # -- actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in HAUPTAKTIONEN and self.screen is not self.screen_stack[0]:
            return False  # the main keys wait while a dialog or another screen is open
        if action in BEARBEITEN and (self.nur_lesen or not self.schreibrecht_bekannt):
            return False
        if action in ZIEL_NOETIG and self._markiertes() is None:
            return False
        # Rückgängig only once this session has changed something
        return not (action == "rueckgaengig" and not self.eigene_commits)

    def _markiertes(self) -> Ziel | None:
        if self.speicher is None:
            return None
        return self.query_one(ZielListe).markiertes

    def action_suche(self) -> None:
        self.query_one("#suche", Input).focus()

    def action_filter(self) -> None:
        from tui.screens.filter import FilterDialog

        if self.auswahl is None:
            return

        def anwenden(kriterien: Filter | None) -> None:
            if kriterien is not None:
                self.kriterien = kriterien
                self.query_one("#suche", Input).value = kriterien.suche
                self._aktualisiere_liste()

        self.push_screen(FilterDialog(self.auswahl, self.kriterien), anwenden)

    def action_filter_loeschen(self) -> None:
        self.kriterien = Filter()
        self.query_one("#suche", Input).value = ""
        self._aktualisiere_liste()

    def action_sortieren(self, umkehren: bool = False) -> None:
        if umkehren:
            self.absteigend = not self.absteigend
        else:
            self.spalte = SPALTEN[(SPALTEN.index(self.spalte) + 1) % len(SPALTEN)]
            self.absteigend = False
        self._aktualisiere_liste()

    def _bearbeite(self, dialog: Screen[Ergebnis | None]) -> None:
        self.push_screen(dialog, self._gespeichert)

    def _gespeichert(self, ergebnis: Ergebnis | None) -> None:
        if ergebnis is None:
            return
        self.eigene_commits.append(ergebnis)
        self.notify(f"Gespeichert als Commit {ergebnis.kurz}: {entschaerfe(ergebnis.betreff)}",
                    title="Gespeichert", timeout=6)
        self._lade()

    def action_status(self) -> None:
        from tui.screens.dialoge import WertDialog

        if (ziel := self._markiertes()) and self.speicher:
            self._bearbeite(WertDialog(self.verzeichnis, [ziel], "status", "Umsetzungsstand",
                                       self.speicher.rahmen.umsetzungsstand))

    def action_ampel(self) -> None:
        from tui.screens.dialoge import WertDialog

        if (ziel := self._markiertes()) and self.speicher:
            self._bearbeite(WertDialog(self.verzeichnis, [ziel], "ampel", "Ampel",
                                       self.speicher.rahmen.ampel))

    def action_steckbrief(self) -> None:
        from tui.screens.steckbrief import SteckbriefDialog

        if ziel := self._markiertes():
            self._bearbeite(SteckbriefDialog(self.verzeichnis, ziel, self.heute))

    def action_massnahmen(self) -> None:
        from tui.screens.massnahmen import MassnahmenDialog

        if (ziel := self._markiertes()) and self.speicher:
            self._bearbeite(MassnahmenDialog(self.verzeichnis, ziel, self.speicher.rahmen,
                                             self.heute))

    def action_messwert(self) -> None:
        from tui.screens.messwert import MesswertDialog

        if (ziel := self._markiertes()) and ziel.kennzahlen:
            self._bearbeite(MesswertDialog(self.verzeichnis, ziel, self.heute))
        elif ziel:
            self.notify(f"{ziel.id} hat keine Kennzahl.", severity="warning")

    def action_verlauf(self) -> None:
        from tui.screens.verlauf import VerlaufScreen

        if ziel := self._markiertes():
            self.push_screen(VerlaufScreen(self.verzeichnis, ziel))

    def action_uebersicht(self) -> None:
        from tui.screens.uebersicht import UebersichtScreen

        if self.speicher is None:
            return
        ziele = self.query_one(ZielListe).ziele
        self.push_screen(UebersichtScreen(ziele, self.speicher.rahmen, self.heute,
                                          self.kriterien.beschreibung()))

    def action_befunde(self) -> None:
        from tui.screens.befunde import BefundeScreen

        if self.speicher is not None:
            self.push_screen(BefundeScreen(self.speicher.befunde, self.verzeichnis))

    def action_hilfe(self) -> None:
        from tui.screens.hilfe import HilfeScreen

        self.push_screen(HilfeScreen())

    def action_neu_laden(self) -> None:
        self.notify("Lade neu …", timeout=2)
        self._lade()

    def action_rueckgaengig(self) -> None:
        from tui.screens.dialoge import Bestaetigung

        if not self.eigene_commits:
            self.notify("In dieser Sitzung wurde noch nichts geändert.", severity="warning")
            return
        letzte = self.eigene_commits[-1]

        def antwort(ja: bool | None) -> None:
            if ja:
                self._nimm_zurueck(letzte)

        self.push_screen(Bestaetigung("Letzte Änderung rückgängig machen?",
                                      f"{letzte.kurz}  {letzte.betreff}"), antwort)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speichern")
    def _nimm_zurueck(self, ergebnis: Ergebnis) -> None:
        from strategie.aendern.rueckgaengig import rueckgaengig

        try:
            neu = rueckgaengig(self.verzeichnis, ergebnis.commit)
        except StrategieFehler as fehler:
            self.call_from_thread(self.notify, entschaerfe(fehler.meldung),
                                  title="Nicht rückgängig gemacht", severity="error", timeout=10)
            return
        self.call_from_thread(self._zurueckgenommen, ergebnis, neu)

    def _zurueckgenommen(self, alt: Ergebnis, neu: Ergebnis) -> None:
        self.eigene_commits.remove(alt)
        self.notify(f"Rückgängig gemacht mit Commit {neu.kurz}", title="Rückgängig", timeout=6)
        self._lade()

    def action_command_palette(self) -> None:
        from tui.befehle import DeutschePalette

        if self.use_command_palette and not DeutschePalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(DeutschePalette())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the app, in German, for the command palette."""
        from tui.befehle import AKTIONEN

        for titel, hilfe, aktion in AKTIONEN:
            yield SystemCommand(titel, hilfe, getattr(self, aktion))


def starte(verzeichnis: Path) -> int:
    """Run the app on a store folder until the user quits."""
    StrategieApp(verzeichnis).run()
    return 0
