"""Base of the editing dialogs: saving runs the core's edit path in a worker; errors stay."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker, WorkerState

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Zielaenderung

if TYPE_CHECKING:
    from strategie.aendern.bearbeiten import Ergebnis
from tui.fehler import unerwartet
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile


def ohne_blinken(screen: ModalScreen[Any]) -> None:
    """Stop cursor blinking in a screen's inputs when the app asks for it (snapshot tests)."""
    if not getattr(screen.app, "blinken", True):
        for eingabe in screen.query(Input):
            eingabe.cursor_blink = False
        for bereich in screen.query(TextArea):
            bereich.cursor_blink = False


class Aenderungsdialog(ModalScreen["Ergebnis | None"]):
    """A dialog whose result is a commit: it calls ``strategie.aendern.bearbeiten.aendere`` itself.

    The dialog stays open until the commit succeeded; a refused change (invalid value,
    missing Begründung, hand edits, a hook …) is shown in the dialog and nothing is saved.
    """

    BINDINGS = bindungen("dialog")

    def __init__(self, verzeichnis: Path) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.speichert = False

    def on_mount(self) -> None:
        ohne_blinken(self)
        self.mount(Fusszeile())  # the dialog's keys, not those of the screen below

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Keep the focused field visible, also at 80×24 (the dialog scrolls)."""
        self.call_after_refresh(event.widget.scroll_visible, animate=False)

    HINWEIS = "Enter wählt · Strg+S speichert · Esc bricht ab"
    """The keys of the dialog, shown at its foot."""

    def fuss(self) -> ComposeResult:
        """The foot of every editing dialog: the error line (hidden) and the keys."""
        yield Static("", id="fehler", classes="fehler")
        yield Static(self.HINWEIS, id="hinweis", classes="hinweis")

    def melde_fehler(self, text: str) -> None:
        """Show why the change could not be saved."""
        fehler = self.query_one("#fehler", Static)
        fehler.update(Text(text))
        fehler.display = bool(text)

    def aenderungen(self) -> tuple[Sequence[Zielaenderung], str]:
        """The changes and the comment to save; raise StrategieFehler for invalid input."""
        raise NotImplementedError

    def kernaufruf(self) -> Callable[[], Ergebnis]:
        """What saving calls in the worker (default: the edit path with ``aenderungen``)."""
        from strategie.aendern.bearbeiten import aendere

        aenderungen, kommentar = self.aenderungen()
        return partial(aendere, self.verzeichnis, list(aenderungen), kommentar)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the comment saves; in any other field it moves on to the next."""
        if event.input.id == "kommentar":
            self.action_speichern()
        else:
            self.focus_next()

    def action_abbrechen(self) -> None:
        if not self.speichert:
            self.dismiss(None)

    def action_speichern(self) -> None:
        if self.speichert:
            return
        try:
            aufruf = self.kernaufruf()
        except StrategieFehler as fehler:
            self.melde_fehler(fehler.meldung)
            return
        self.speichert = True
        self.melde_fehler("")
        self.query_one("#hinweis", Static).update("Speichere …")
        self._speichere(aufruf)

    @work(thread=True, exclusive=True, exit_on_error=False, group="speichern")
    def _speichere(self, aufruf: Callable[[], Ergebnis]) -> Ergebnis | None:
        """Commit in a worker; the dialog closes when the worker has finished (see below)."""
        from strategie.aendern.bearbeiten import Handaenderungen

        try:
            return aufruf()
        except Handaenderungen as fehler:
            meldung = (f"{fehler.anfang} Bitte die Handänderungen zuerst einchecken (git commit) "
                       "oder verwerfen; danach hier erneut speichern.")
        except StrategieFehler as fehler:
            meldung = fehler.meldung
        except Exception as fehler:  # noqa: BLE001 - the user sees every failure, in German
            meldung = unerwartet("Speichern", fehler)
        self.app.call_from_thread(self._abgelehnt, meldung)
        return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "speichern":
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.dismiss(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED) and self.speichert:
            self._abgelehnt(unerwartet("Speichern", event.worker.error or RuntimeError(
                "abgebrochen")))

    def _abgelehnt(self, meldung: str) -> None:
        self.speichert = False
        self.query_one("#hinweis", Static).update(self.HINWEIS)
        self.melde_fehler(meldung)
