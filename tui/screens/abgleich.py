"""Sync with the shared repository and resolve its conflicts, through the core's team functions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from strategie.modell.befund import StrategieFehler
from tui.fehler import unerwartet
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import einzeilig, zeile

if TYPE_CHECKING:
    from strategie.team.konflikte import Konflikt


class AbgleichScreen(ModalScreen[str]):
    """The German lines of ``strategie.team.sync.abgleich`` (or ``weiter``) as they come.

    The result is the kind of the outcome ('geteilt', 'konflikt' …; 'fehler' on a failure).
    """

    BINDINGS = bindungen("abgleich")

    def __init__(self, verzeichnis: Path, *, weiter: bool = False) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.weiter = weiter
        self.art = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Abgleich mit dem gemeinsamen Repository", classes="dialogtitel")
            yield Static("", id="zeilen")
            yield Static("Gleiche ab …", id="hinweis", classes="hinweis")

    def on_mount(self) -> None:
        self.mount(Fusszeile())
        self._zeilen: list[str] = []
        self._gleiche_ab()

    def zeige(self, text: str) -> None:
        """One more line of the sync (called from the worker through the app)."""
        self._zeilen.append(einzeilig(text) if "\n" not in text else text)
        self.query_one("#zeilen", Static).update(Text("\n".join(self._zeilen)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="abgleich")
    def _gleiche_ab(self) -> None:
        from strategie.team import sync

        def fortschritt(text: str) -> None:
            self.app.call_from_thread(self.zeige, text)

        schritt = sync.weiter if self.weiter else sync.abgleich
        try:
            ergebnis = schritt(self.verzeichnis, fortschritt=fortschritt)
        except StrategieFehler as fehler:
            self.app.call_from_thread(self._fertig, "fehler", [fehler.meldung])
        except Exception as fehler:  # noqa: BLE001 - the user sees every failure, in German
            self.app.call_from_thread(self._fertig, "fehler", [unerwartet("Abgleich", fehler)])
        else:
            self.app.call_from_thread(self._fertig, ergebnis.art, list(ergebnis.meldungen))

    def _fertig(self, art: str, meldungen: list[str]) -> None:
        self.art = art
        for meldung in meldungen:
            if einzeilig(meldung) not in self._zeilen and meldung not in self._zeilen:
                self.zeige(meldung)
        schluss = {"konflikt": "Konflikte offen – Esc, dann c zeigt sie zum Lösen.",
                   "geteilt": "Fertig: geteilt und aktuell. Esc schließt.",
                   "aktuell": "Fertig: nichts zu tun. Esc schließt."}
        self.query_one("#hinweis", Static).update(
            schluss.get(art, "Abgleich nicht abgeschlossen (siehe oben). Esc schließt."))

    def action_schliessen(self) -> None:
        if self.art:
            self.dismiss(self.art)
        else:
            self.notify("Der Abgleich läuft noch – bitte warten.", timeout=3, markup=False)


class KonflikteScreen(Screen[None]):
    """Open conflicts (``strategie.team.konflikte.offene``); m, i or n resolves the one marked."""

    BINDINGS = bindungen("konflikte")

    def __init__(self, verzeichnis: Path) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.offen: list[Konflikt] = []

    def compose(self) -> ComposeResult:
        yield Label(" Konflikte – m: meinen Wert behalten · i: ihren übernehmen · n: neuer Wert",
                    classes="bildschirmtitel")
        yield OptionList(id="konflikte")
        yield Input(placeholder="neuer Wert, Enter übernimmt, Esc bricht ab", id="neuwert")
        yield Static("Lade Konflikte …", id="status", classes="hinweis")
        yield Fusszeile()

    def on_mount(self) -> None:
        if not getattr(self.app, "blinken", True):
            self.query_one(Input).cursor_blink = False
        self.query_one(Input).display = False
        self._lade()

    @work(thread=True, exclusive=True, exit_on_error=False, group="konflikte")
    def _lade(self, meldung: str = "") -> None:
        from strategie.team.konflikte import offene

        try:
            offen = offene(self.verzeichnis)
        except StrategieFehler as fehler:
            self.app.call_from_thread(self._zeige_status, fehler.meldung)
            return
        except Exception as fehler:  # noqa: BLE001
            self.app.call_from_thread(self._zeige_status, unerwartet("Lesen der Konflikte",
                                                                     fehler))
            return
        self.app.call_from_thread(self._zeige, offen, meldung)

    def _zeige_status(self, text: str) -> None:
        self.query_one("#status", Static).update(Text(text))

    def _zeige(self, offen: list[Konflikt], meldung: str) -> None:
        self.offen = offen
        liste = self.query_one(OptionList)
        liste.clear_options()
        liste.add_options(Option(zeile(k.zeile())) for k in offen)
        liste.highlighted = 0 if offen else None
        liste.focus()
        zustand = (f"{len(offen)} Konflikt(e) offen." if offen else
                   "Keine offenen Konflikte. p setzt einen angehaltenen Abgleich fort.")
        self._zeige_status(f"{meldung}\n{zustand}".strip())

    def _markierter(self) -> Konflikt | None:
        liste = self.query_one(OptionList)
        if liste.highlighted is None or not self.offen:
            self.notify("Kein Konflikt markiert.", timeout=3, markup=False)
            return None
        return self.offen[liste.highlighted]

    def action_loese(self, wahl: str) -> None:
        if (konflikt := self._markierter()) is not None:
            self._loese(konflikt, wahl, None)

    def action_neuer_wert(self) -> None:
        if self._markierter() is not None:
            eingabe = self.query_one(Input)
            eingabe.display = True
            eingabe.value = ""
            eingabe.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        if (konflikt := self._markierter()) is not None and event.value.strip():
            self._loese(konflikt, "wert", event.value.strip())
        self.query_one(OptionList).focus()

    def on_key(self, event: object) -> None:
        eingabe = self.query_one(Input)
        if getattr(event, "key", "") == "escape" and eingabe.has_focus:
            eingabe.display = False
            self.query_one(OptionList).focus()
            event.stop()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, exit_on_error=False, group="loesen")
    def _loese(self, konflikt: Konflikt, wahl: str, wert: str | None) -> None:
        from strategie.team.loesen import loese

        try:
            loesung = loese(self.verzeichnis, konflikt.ziel or konflikt.pfad,
                            konflikt.feld or None, wahl="unsere" if wahl == "meine" else wahl,
                            wert=wert)
        except StrategieFehler as fehler:
            self.app.call_from_thread(self._zeige_status, fehler.meldung)
            return
        except Exception as fehler:  # noqa: BLE001
            self.app.call_from_thread(self._zeige_status, unerwartet("Lösen", fehler))
            return
        teile = []
        if loesung.commit:
            teile.append(f"Alle Konflikte gelöst; eingecheckt als Commit {loesung.commit[:8]}. "
                         "p teilt jetzt (Abgleich fortsetzen).")
        if loesung.weiter:
            teile.append(loesung.weiter)
        self.app.call_from_thread(self._lade, " ".join(teile) or "Gelöst.")

    def action_weiter(self) -> None:
        def fertig(art: str | None) -> None:
            self._lade()

        self.app.push_screen(AbgleichScreen(self.verzeichnis, weiter=True), fertig)
