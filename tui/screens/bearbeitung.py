"""The main screen's editing keys: open a dialog, record the commit, undo and redo."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.screen import Screen

from strategie.modell.befund import StrategieFehler
from strategie.modell.ziel import Ziel
from strategie.text.sicher import entschaerfe
from tui.fehler import unerwartet

if TYPE_CHECKING:
    from strategie.aendern.bearbeiten import Ergebnis
    from tui.app import StrategieApp


class Bearbeitung(Screen[None]):
    """Base of the main screen: every key that changes goals goes through here."""

    @property
    def strategie(self) -> StrategieApp:
        """The app, typed."""
        return cast("StrategieApp", self.app)

    def markiertes(self) -> Ziel | None:
        """The goal under the cursor (the main screen knows)."""
        raise NotImplementedError

    def _darf_bearbeiten(self) -> bool:
        """True if changes can be committed; otherwise say why (every edit key explains)."""
        app = self.strategie
        if app.speicher is None or not app.schreibrecht_bekannt:
            self.notify("Einen Moment: Ziele und Schreibrecht werden noch geprüft.",
                        timeout=3, markup=False)
            return False
        if app.nur_lesen:
            self.notify(f"Nur lesen – nichts kann gespeichert werden. {entschaerfe(app.nur_lesen)}",
                        title="Nur lesen", severity="warning", timeout=10, markup=False)
            return False
        return True

    def _ziel_oder_hinweis(self) -> Ziel | None:
        """The goal under the cursor, or a notice that there is none."""
        ziel = self.markiertes()
        if ziel is None:
            self.notify("Kein Ziel ausgewählt.", severity="warning", timeout=3, markup=False)
        return ziel

    def _zu_bearbeiten(self) -> Ziel | None:
        if not self._darf_bearbeiten():
            return None
        return self._ziel_oder_hinweis()

    def _bearbeite(self, dialog: Screen[Ergebnis | None]) -> None:
        self.strategie.push_screen(dialog, self._gespeichert)

    def _gespeichert(self, ergebnis: Ergebnis | None) -> None:
        if ergebnis is None:
            return
        app = self.strategie
        app.eigene_commits.append(ergebnis)
        app.wiederholbar.clear()  # a new change ends what could be redone
        self.notify(f"Gespeichert als Commit {ergebnis.kurz}: {entschaerfe(ergebnis.betreff)}",
                    title="Gespeichert", timeout=6, markup=False)
        app.lade()

    def action_status(self) -> None:
        from tui.screens.dialoge import WertDialog

        app = self.strategie
        if (ziel := self._zu_bearbeiten()) and app.speicher:
            self._bearbeite(WertDialog(app.verzeichnis, [ziel], "status", "Umsetzungsstand",
                                       app.speicher.rahmen.umsetzungsstand))

    def action_ampel(self) -> None:
        from tui.screens.dialoge import WertDialog

        app = self.strategie
        if (ziel := self._zu_bearbeiten()) and app.speicher:
            self._bearbeite(WertDialog(app.verzeichnis, [ziel], "ampel", "Ampel",
                                       app.speicher.rahmen.ampel))

    def action_steckbrief(self) -> None:
        from tui.screens.steckbrief import SteckbriefDialog

        if ziel := self._zu_bearbeiten():
            self._bearbeite(SteckbriefDialog(self.strategie.verzeichnis, ziel,
                                             self.strategie.heute))

    def action_massnahmen(self) -> None:
        from tui.screens.massnahmen import MassnahmenDialog

        app = self.strategie
        if (ziel := self._zu_bearbeiten()) and app.speicher:
            self._bearbeite(MassnahmenDialog(app.verzeichnis, ziel, app.speicher.rahmen,
                                             app.heute))

    def action_messwert(self) -> None:
        from tui.screens.messwert import MesswertDialog

        if not (ziel := self._zu_bearbeiten()):
            return
        if ziel.kennzahlen:
            self._bearbeite(MesswertDialog(self.strategie.verzeichnis, ziel, self.strategie.heute))
        else:
            self.notify(f"{ziel.id} hat keine Kennzahl – K legt eine an.", severity="warning",
                        markup=False)

    def action_kennzahl(self) -> None:
        from tui.screens.kennzahl import KennzahlDialog

        if ziel := self._zu_bearbeiten():
            self._bearbeite(KennzahlDialog(self.strategie.verzeichnis, ziel))

    def action_neues_ziel(self) -> None:
        from tui.screens.fortschreibung import NeuesZielDialog

        app = self.strategie
        if self._darf_bearbeiten() and app.speicher:
            ziel = self.markiertes()
            self._bearbeite(NeuesZielDialog(app.verzeichnis, app.speicher.rahmen,
                                            ziel.amt if ziel else ""))

    def action_entfallen(self) -> None:
        from tui.screens.fortschreibung import EntfallenDialog

        if ziel := self._zu_bearbeiten():
            self._bearbeite(EntfallenDialog(self.strategie.verzeichnis, ziel,
                                            self.strategie.heute))

    # -- the team: sync and conflicts ----------------------------------------------------

    def action_abgleich(self) -> None:
        from tui.screens.abgleich import AbgleichScreen

        if not self._darf_bearbeiten():
            return

        def fertig(art: str | None) -> None:
            self.strategie.lade()
            if art == "konflikt":
                self.notify("Der Abgleich wartet auf die Lösung von Konflikten – c zeigt sie.",
                            severity="warning", timeout=8, markup=False)

        self.strategie.push_screen(AbgleichScreen(self.strategie.verzeichnis), fertig)

    def action_konflikte(self) -> None:
        from tui.screens.abgleich import KonflikteScreen

        if self._darf_bearbeiten():
            self.strategie.push_screen(KonflikteScreen(self.strategie.verzeichnis),
                                       lambda _: self.strategie.lade())

    # -- undo and redo -----------------------------------------------------------------------

    def action_rueckgaengig(self) -> None:
        from tui.screens.dialoge import Bestaetigung

        app = self.strategie
        if not self._darf_bearbeiten():
            return
        if not app.eigene_commits:
            self.notify("In dieser Sitzung wurde noch nichts geändert, das sich rückgängig "
                        "machen ließe.", severity="warning", markup=False)
            return
        letzte = app.eigene_commits[-1]

        def antwort(ja: bool | None) -> None:
            if ja:
                self._nimm_zurueck(letzte, wiederholen=False)

        app.push_screen(Bestaetigung("Letzte Änderung rückgängig machen?",
                                     f"{letzte.kurz}  {letzte.betreff}"), antwort)

    def action_wiederholen(self) -> None:
        app = self.strategie
        if not self._darf_bearbeiten():
            return
        if not app.wiederholbar:
            self.notify("Nichts zum Wiederherstellen: in dieser Sitzung wurde nichts "
                        "rückgängig gemacht.", severity="warning", markup=False)
            return
        self._nimm_zurueck(app.wiederholbar[-1], wiederholen=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speichern")
    def _nimm_zurueck(self, ergebnis: Ergebnis, wiederholen: bool) -> None:
        """Undo: revert *ergebnis*; redo: revert the undo commit *ergebnis*. Each is a commit."""
        from strategie.aendern.rueckgaengig import rueckgaengig

        titel = "Nicht wiederhergestellt" if wiederholen else "Nicht rückgängig gemacht"
        try:
            neu = rueckgaengig(self.strategie.verzeichnis, ergebnis.commit)
        except StrategieFehler as fehler:
            meldung = fehler.meldung
        except Exception as fehler:  # noqa: BLE001 - the user sees every failure, in German
            meldung = unerwartet("Rückgängigmachen", fehler)
        else:
            self.strategie.call_from_thread(self._zurueckgenommen, ergebnis, neu, wiederholen)
            return
        self.strategie.call_from_thread(self.notify, entschaerfe(meldung), title=titel,
                                        severity="error", timeout=10, markup=False)

    def _zurueckgenommen(self, alt: Ergebnis, neu: Ergebnis, wiederholen: bool) -> None:
        app = self.strategie
        if wiederholen:
            app.wiederholbar.remove(alt)
            app.eigene_commits.append(neu)
            self.notify(f"Wiederhergestellt mit Commit {neu.kurz}", title="Wiederhergestellt",
                        timeout=6, markup=False)
        else:
            app.eigene_commits.remove(alt)
            app.wiederholbar.append(neu)
            self.notify(f"Rückgängig gemacht mit Commit {neu.kurz} – U stellt es wieder her",
                        title="Rückgängig", timeout=6, markup=False)
        app.lade()
