"""The main screen: goal list, detail pane, search and filter line, and their keys."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from strategie.auswertung.auswahl import SPALTEN
from strategie.auswertung.filter import Filter
from strategie.modell.befund import anzeigepfad
from strategie.modell.ziel import Ziel
from strategie.text.sicher import entschaerfe
from tui.screens.bearbeitung import Bearbeitung
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.zielliste import Spaltenkopf, ZielListe

SCHMAL_UNTER = 110
"""Below this many columns the detail goes under the list instead of beside it."""


class MainScreen(Bearbeitung):
    """List and detail of the goals; every job of the app starts here."""

    BINDINGS = bindungen("haupt")

    def __init__(self) -> None:
        super().__init__(id="haupt_schirm")
        self.kriterien = Filter()
        self.spalte = "id"
        self.absteigend = False
        self._im_detail: Ziel | None = None
        """The goal the detail pane shows."""
        self._speichername = ""
        self._teilstand = ""

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("◆ strategie", id="titelzeile")
        yield Static("", id="banner")
        with Horizontal(id="filterleiste"):
            yield Input(placeholder="/ Suche", id="suche")
            yield Static("", id="filteranzeige")
        with Horizontal(id="haupt"):
            with Vertical(id="links"):
                kopf = Spaltenkopf(id="kopf")
                yield kopf
                yield ZielListe(kopf, id="liste")
            with VerticalScroll(id="detail"):
                yield Static("Lade Ziele …", id="detailinhalt")
        yield Fusszeile(id="fuss")

    def on_mount(self) -> None:
        if not self.strategie.blinken:
            self.query_one("#suche", Input).cursor_blink = False
        self.query_one("#banner").display = False
        self.query_one(ZielListe).focus()
        self.passe_layout_an(self.app.size.width)
        self._zeige_titel("")
        self.strategie.zeige_vorab()

    def on_resize(self, event: events.Resize) -> None:
        self.passe_layout_an(event.size.width)

    def on_screen_resume(self) -> None:
        # a resize while another screen was on top reached only that screen
        self.passe_layout_an(self.app.size.width)

    def passe_layout_an(self, breite: int) -> None:
        """Side by side from SCHMAL_UNTER columns, list above detail below that."""
        schmal = breite < SCHMAL_UNTER
        if self.has_class("-schmal") != schmal:
            self.set_class(schmal, "-schmal")
            self.refresh(layout=True)
            for liste in self.query(ZielListe):
                liste.refresh(layout=True)

    def zeige_teilstand(self, text: str) -> None:
        """How many own changes are not shared, how many of others not here (title line)."""
        self._teilstand = text
        self._zeige_titel(self._speichername)

    def _zeige_titel(self, name: str) -> None:
        """A one-line title: store name and folder (lighter than Textual's Header widget)."""
        self._speichername = name
        verzeichnis = self.strategie.verzeichnis
        ort = anzeigepfad(verzeichnis)
        ort = verzeichnis.name if ort == "." else ort  # started inside the store
        text = f"◆ {name} – {ort}" if name else "◆ strategie"
        if name and self._teilstand:
            text += f"  ·  {self._teilstand}"
        self.query_one("#titelzeile", Static).update(Text(entschaerfe(text)))

    def zeige_banner(self) -> None:
        """Read-only reason and invalid files, above the list (hidden when there is neither)."""
        app = self.strategie
        banner = self.query_one("#banner", Static)
        zeilen = []
        if app.nur_lesen:
            zeilen.append(f"NUR LESEN – {app.nur_lesen}")
        if app.speicher and app.speicher.befunde:
            dateien = len({b.pfad for b in app.speicher.befunde})
            zeilen.append(f"{dateien} Zieldatei(en) fehlerhaft und nicht in der Liste – "
                          "b zeigt die Befunde")
        banner.update(Text("\n".join(entschaerfe(z) for z in zeilen)))
        banner.set_class(bool(app.nur_lesen), "-nurlesen")
        banner.display = bool(zeilen)

    def zeige_ladefehler(self, meldung: str) -> None:
        """The store could not be loaded: say why, keep the app usable (r tries again)."""
        self.query_one("#detailinhalt", Static).update(Text(
            f"Der Zielspeicher lässt sich nicht laden:\n\n{entschaerfe(meldung)}\n\n"
            "r lädt erneut, q beendet."))
        self.zeige_banner()
        self.refresh_bindings()

    def zeige_speicher(self) -> None:
        """The app has (re)loaded the store: show it."""
        speicher = self.strategie.speicher
        if speicher is None:
            return
        self._zeige_titel(speicher.rahmen.name)
        self.zeige_banner()
        self._im_detail = None
        self.aktualisiere_liste()
        self.refresh_bindings()

    # -- list, filter, detail -----------------------------------------------------------------

    def aktualisiere_liste(self) -> None:
        """Apply filter, search and sort order to the list; keep the cursor on its goal."""
        app = self.strategie
        if app.auswahl is None or app.speicher is None:
            return
        liste = self.query_one(ZielListe)
        markiert = liste.markiertes.id if liste.markiertes else None
        ziele = app.auswahl.ansicht(self.kriterien, self.spalte, self.absteigend)
        liste.setze_ziele(ziele, markiert)
        self.query_one(Spaltenkopf).zeige(self.spalte, self.absteigend)
        anzeige = f"{len(ziele)} von {len(app.speicher.ziele)}"
        if not self.kriterien.leer:
            anzeige += f" · x löscht · {self.kriterien.beschreibung()}"
        else:
            anzeige += " Zielen"
        leiste = self.query_one("#filteranzeige", Static)
        leiste.update(Text(entschaerfe(anzeige), no_wrap=True, overflow="ellipsis"), layout=False)
        leiste.tooltip = entschaerfe(self.kriterien.beschreibung()) or None
        self.query_one("#filterleiste").set_class(not self.kriterien.leer, "-aktiv")
        self.call_after_refresh(self._zeige_detail, liste.markiertes)  # list first

    @on(ZielListe.Markiert)
    def _markiert(self, event: ZielListe.Markiert) -> None:
        # The detail pane is drawn after the list has been repainted: moving through the
        # list stays responsive, and the first paint does not wait for the detail.
        if event.ziel is not self._im_detail:
            self.call_after_refresh(self._zeige_detail, event.ziel)

    def _zeige_detail(self, ziel: Ziel | None, neu: bool = False) -> None:
        from strategie.ausgabe.terminal.ziele import ziel_ansicht

        app = self.strategie
        inhalt = self.query_one("#detailinhalt", Static)
        if ziel is not self.query_one(ZielListe).markiertes or (
                ziel is self._im_detail and ziel is not None and not neu):
            return  # the cursor has moved on since, or the goal is shown already
        self._im_detail = ziel
        if ziel is None or app.speicher is None:
            leer = ("Kein Ziel passt zu Filter und Suche – x löscht beide."
                    if app.speicher and app.speicher.ziele else
                    "Noch keine Ziele – n legt eines an." if app.speicher else "Lade Ziele …")
            inhalt.update(leer)
            return
        inhalt.update(ziel_ansicht(ziel, app.speicher.rahmen))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    def markiertes(self) -> Ziel | None:
        """The goal under the cursor (None while loading or when the list is empty)."""
        if self.strategie.speicher is None:
            return None
        return self.query_one(ZielListe).markiertes

    @on(Input.Changed, "#suche")
    def _suche_geaendert(self, event: Input.Changed) -> None:
        self.kriterien = self.kriterien.mit(suche=event.value.strip())
        self.aktualisiere_liste()

    @on(Input.Submitted, "#suche")
    def _suche_fertig(self) -> None:
        self.query_one(ZielListe).focus()

    def on_key(self, event: events.Key) -> None:
        eingabe = self.query_one("#suche", Input)
        if event.key == "escape" and eingabe.has_focus:
            eingabe.value = ""
            self.query_one(ZielListe).focus()
            event.stop()

    @on(Spaltenkopf.Sortieren)
    def _sortiere_nach(self, event: Spaltenkopf.Sortieren) -> None:
        if event.spalte == self.spalte:
            self.absteigend = not self.absteigend
        else:
            self.spalte, self.absteigend = event.spalte, False
        self.aktualisiere_liste()

    def setze_filter(self, facette: str, wert: object) -> None:
        """Show only goals with this value (from the command palette)."""
        if facette == "leuchtturm":
            self.kriterien = self.kriterien.mit(leuchtturm=bool(wert))
        else:
            self.kriterien = self.kriterien.mit(**{facette: frozenset({wert})})
        self.aktualisiere_liste()

    def gehe_zu(self, ziel_id: str) -> None:
        """Put the cursor on a goal; if filter or search hide it, clear them and say so."""
        liste = self.query_one(ZielListe)
        if not any(z.id == ziel_id for z in liste.ziele) and not self.kriterien.leer:
            self.kriterien = Filter()
            self.query_one("#suche", Input).value = ""
            self.aktualisiere_liste()
            self.notify(f"Filter und Suche gelöscht, damit {ziel_id} zu sehen ist.", timeout=4,
                        markup=False)
        liste.setze_ziele(liste.ziele, ziel_id)
        liste.focus()

    # -- actions without changes --------------------------------------------------------------

    def action_suche(self) -> None:
        self.query_one("#suche", Input).focus()

    def action_fokus(self) -> None:
        """Tab: between list and detail."""
        liste = self.query_one(ZielListe)
        if liste.has_focus:
            self.query_one("#detail").focus()
        else:
            liste.focus()

    def on_ziel_liste_oeffnen(self, event: ZielListe.Oeffnen) -> None:
        self.query_one("#detail").focus()

    def action_filter(self) -> None:
        from tui.screens.filter import FilterDialog

        if self.strategie.auswahl is None:
            self.notify("Die Ziele werden noch geladen.", markup=False)
            return

        def anwenden(kriterien: Filter | None) -> None:
            if kriterien is not None:
                self.kriterien = kriterien
                self.query_one("#suche", Input).value = kriterien.suche
                self.aktualisiere_liste()

        self.app.push_screen(FilterDialog(self.strategie.auswahl, self.kriterien), anwenden)

    def action_filter_loeschen(self) -> None:
        self.kriterien = Filter()
        self.query_one("#suche", Input).value = ""
        self.aktualisiere_liste()

    def action_sortieren(self, umkehren: bool = False) -> None:
        if umkehren:
            self.absteigend = not self.absteigend
        else:
            self.spalte = SPALTEN[(SPALTEN.index(self.spalte) + 1) % len(SPALTEN)]
            self.absteigend = False
        self.aktualisiere_liste()

    def action_verlauf(self) -> None:
        from tui.screens.verlauf import VerlaufScreen

        if ziel := self._ziel_oder_hinweis():
            self.app.push_screen(VerlaufScreen(self.strategie.verzeichnis, ziel))

    def action_uebersicht(self) -> None:
        from tui.screens.uebersicht import UebersichtScreen

        app = self.strategie
        if app.speicher is None:
            self.notify("Die Ziele werden noch geladen.", markup=False)
            return
        ziele = self.query_one(ZielListe).ziele
        self.app.push_screen(UebersichtScreen(ziele, app.speicher.rahmen, app.heute,
                                              self.kriterien.beschreibung()), self._geoeffnet)

    def _geoeffnet(self, ziel_id: str | None) -> None:
        if ziel_id:
            self.gehe_zu(ziel_id)

    def action_befunde(self) -> None:
        from strategie.auswertung.pruefhinweise import pruefhinweise
        from tui.screens.befunde import BefundeScreen

        app = self.strategie
        if (speicher := app.speicher) is not None:
            self.app.push_screen(BefundeScreen(speicher.befunde, app.verzeichnis,
                                               pruefhinweise(speicher, app.heute)))

    def action_hilfe(self) -> None:
        from tui.screens.hilfe import HilfeScreen

        self.app.push_screen(HilfeScreen())

    def action_neu_laden(self) -> None:
        self.notify("Lade neu …", timeout=2)
        self.strategie.lade()
