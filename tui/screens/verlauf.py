"""A goal's Verlauf (field-level history from the core); Enter shows the full commit."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from strategie.ausgabe.terminal.verlauf import eintrag_ansicht
from strategie.modell.befund import StrategieFehler
from strategie.modell.ziel import Ziel
from strategie.text.format import anzahl_de
from strategie.text.sicher import entschaerfe
from strategie.verlauf.eintraege import Verlaufseintrag, commit_anzeige, verlauf
from tui.tasten import bindungen
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.klartext import zeile


class VerlaufScreen(Screen[None]):
    """Each commit that touched the goal: date, author, comment, old → new."""

    BINDINGS = bindungen("verlauf")

    def __init__(self, verzeichnis: Path, ziel: Ziel) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.ziel = ziel
        self.eintraege: list[Verlaufseintrag] = []

    def compose(self) -> ComposeResult:
        yield Label(zeile(f" Verlauf {self.ziel.id} – {self.ziel.titel}"),
                    classes="bildschirmtitel")
        yield OptionList(id="verlauf")
        yield Static("Lade Verlauf …", id="status", classes="hinweis")
        yield Fusszeile()

    def on_mount(self) -> None:
        self._lade()

    @work(thread=True, exclusive=True, exit_on_error=False, group="verlauf")
    def _lade(self) -> None:
        try:
            eintraege = verlauf(self.verzeichnis, self.ziel.id)
        except StrategieFehler as fehler:
            self.app.call_from_thread(self._zeige_fehler, fehler.meldung)
            return
        self.app.call_from_thread(self._zeige, eintraege)

    def _zeige_fehler(self, meldung: str) -> None:
        self.query_one("#status", Static).update(Text(meldung, style="red"))

    def _zeige(self, eintraege: list[Verlaufseintrag]) -> None:
        self.eintraege = eintraege
        liste = self.query_one(OptionList)
        liste.clear_options()
        liste.add_options(Option(eintrag_ansicht(e), id=e.commit + e.datei) for e in eintraege)
        liste.highlighted = 0 if eintraege else None
        liste.focus()
        self.query_one("#status", Static).update(
            f"{anzahl_de(len(eintraege), 'Änderung', 'Änderungen')} · Enter zeigt den ganzen "
            "Commit · Esc zurück")

    def action_zeige_commit(self) -> None:
        liste = self.query_one(OptionList)
        if liste.highlighted is not None and self.eintraege:
            eintrag = self.eintraege[liste.highlighted]
            self.app.push_screen(CommitScreen(self.verzeichnis, eintrag))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_zeige_commit()


def diff_text(text: str) -> Text:
    """A `git show` output with diff colours (added green, removed red, hunks cyan)."""
    ergebnis = Text()
    for textzeile in text.splitlines():
        stil = ""
        if textzeile.startswith("+") and not textzeile.startswith("+++"):
            stil = "green"
        elif textzeile.startswith("-") and not textzeile.startswith("---"):
            stil = "red"
        elif textzeile.startswith("@@"):
            stil = "cyan"
        elif textzeile.startswith(("commit ", "diff --git")):
            stil = "bold yellow"
        ergebnis.append(entschaerfe(textzeile) + "\n", style=stil)
    return ergebnis


class CommitScreen(Screen[None]):
    """The whole commit as git shows it."""

    BINDINGS = bindungen("commit")

    def __init__(self, verzeichnis: Path, eintrag: Verlaufseintrag) -> None:
        super().__init__()
        self.verzeichnis = verzeichnis
        self.eintrag = eintrag

    def compose(self) -> ComposeResult:
        yield Label(zeile(f" Commit {self.eintrag.kurz} – {self.eintrag.betreff}"),
                    classes="bildschirmtitel")
        with VerticalScroll(id="diff"):
            yield Static("Lade …", id="inhalt")
        yield Fusszeile()

    def on_mount(self) -> None:
        self.query_one("#diff").focus()
        self._lade()

    @work(thread=True, exclusive=True, exit_on_error=False, group="commit")
    def _lade(self) -> None:
        try:
            text = commit_anzeige(self.verzeichnis, self.eintrag.commit, self.eintrag.datei)
            inhalt: Group | Text = diff_text(text)
        except StrategieFehler as fehler:
            inhalt = Text(fehler.meldung, style="red")
        self.app.call_from_thread(self.query_one("#inhalt", Static).update, inhalt)
