"""What a sync finds and reports: its result and its one German line per step, and the
states it stops at and explains — conflicts waiting, an interrupted rebase of its own, a
rebase, merge or cherry-pick begun by hand, a git at work holding its locks."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from strategie.aendern.reste import sperrdateien
from strategie.git.befehl import Orte
from strategie.git.vorgang import Vorgang
from strategie.team.gemeinsam import Uebernahme, anzahl
from strategie.team.zustand import Abgleichzustand

TYPE_CHECKING = False  # typing itself is not imported: sync and zeige start faster
if TYPE_CHECKING:
    from strategie.team.konflikte import Konflikt

Fortschritt = Callable[[str], None]


class Abgleichergebnis(NamedTuple):
    """What a sync did, or why it stopped."""

    art: str
    """'geteilt' (done, something moved), 'aktuell' (nothing to do), 'nicht_erreichbar',
    'konflikt' (waits for ``strategie loese``), 'abgelehnt' (the server refused the push),
    'unterbrochen' (an earlier sync or a git operation is unfinished), 'fehler'."""
    meldungen: tuple[str, ...]
    """One German line per step, as shown to the user."""
    geteilt: int = 0
    """Own commits pushed."""
    uebernommen: tuple[Uebernahme, ...] = ()
    """Goals changed by others that came in."""
    fremde_commits: int = 0
    konflikte: tuple[Konflikt, ...] = ()
    eigene_ungeteilt: int = 0
    """Own commits still not shared afterwards."""
    sicherung: str = ""
    """The ref keeping the commits of before the rebase ('' if none was needed)."""
    server: tuple[str, ...] = ()
    """The server's own lines (``remote: …``) when it refused."""

    @property
    def ok(self) -> bool:
        """Done: shared and up to date."""
        return self.art in ("geteilt", "aktuell")


class Schritte:
    """One sync's messages as they come."""

    fortschritt: Fortschritt | None
    meldungen: list[str]

    def __init__(self, fortschritt: Fortschritt | None) -> None:
        self.fortschritt = fortschritt
        self.meldungen = []

    def sage(self, text: str) -> None:
        self.meldungen.append(text)
        if self.fortschritt is not None:
            self.fortschritt(text)


def offene_in(orte: Orte) -> list[Konflikt]:
    """The open conflicts (imported when there may be some: a sync with nothing to do does not
    load the merge machinery)."""
    from strategie.team.konflikte import offene_in as offene

    return offene(orte)


def vergiss_konflikte(orte: Orte) -> None:
    from strategie.team import konfliktdaten

    konfliktdaten.leere(orte.gitdir)


def hinweis_lage(orte: Orte, vorgang: Vorgang, zustand: Abgleichzustand | None
                  ) -> Abgleichergebnis:
    """An unfinished rebase, merge or cherry-pick: whose it is, and what to do."""
    offen = tuple(offene_in(orte))
    unser = (zustand is not None and zustand.phase in ("einarbeiten", "konflikt")
             and vorgang.art == "rebase")
    if unser and offen:
        zeilen = [f"Der Abgleich wartet auf die Lösung von {anzahl(len(offen), 'Konflikt')}:",
                  *(f"  {k.zeile()}" for k in offen),
                  "Lösen: strategie loese ID FELD --unsere | --ihre | --wert WERT "
                  "(strategie konflikte zeigt alle), danach strategie sync --weiter. Oder "
                  "zurück zum Stand vor dem Abgleich: strategie sync --abbrechen (nichts geht "
                  "verloren)."]
        return Abgleichergebnis("konflikt", tuple(zeilen), konflikte=offen)
    if unser:
        return Abgleichergebnis("unterbrochen", (
            "Der Abgleich hält bei Konflikten an, die inzwischen gelöst sind (von Hand?): "
            "git rebase ist nicht fertig. Weiter mit strategie sync --weiter, oder zurück zum "
            "Stand vor dem Abgleich mit strategie sync --abbrechen. Nichts ist verloren.",))
    konflikte = f", {anzahl(len(offen), 'Konflikt')} offen" if offen else ""
    return Abgleichergebnis("unterbrochen", (
        f"In diesem Klon ist ein {vorgang.name} nicht abgeschlossen{konflikte}; ihn hat nicht "
        "strategie sync begonnen, daher ändert strategie nichts daran. Abschließen: "
        + ("die Fehlersuche mit git bisect reset beenden" if vorgang.art == "bisect" else
           f"die Konflikte lösen (strategie konflikte, strategie loese) und {vorgang.name} "
           f"--continue, oder abbrechen: {vorgang.name} --abort") + ". Danach strategie sync.",),
        konflikte=offen)


def gesperrt(orte: Orte) -> Abgleichergebnis | None:
    """git's lock files are still there after ``journal.erhole`` had its chance: a git
    process works here (a lock left by a killed git is removed before, once no git runs);
    the message names it with its PID and command line where /proc shows it."""
    sperren = sperrdateien(orte)
    if not sperren:
        return None
    from strategie.aendern.journal import git_im_repository, mit_proc

    sperre = ", ".join(str(p) for p in sperren)
    laufend = git_im_repository(orte, nur_erkannte=True) if mit_proc() else []
    wer = f"PID {'; '.join(laufend)}; " if laufend else ""
    return Abgleichergebnis("unterbrochen", (
        f"Ein git-Prozess arbeitet gerade in diesem Repository ({wer}Sperrdatei {sperre}). "
        "Bitte warten, bis er fertig ist, dann noch einmal strategie sync; nichts ist "
        "verloren. Hat ein abgebrochenes git sie hinterlassen, entfernt strategie sie selbst, "
        "sobald hier kein git-Prozess mehr läuft.",))


def ist_unterbrochener_rebase(orte: Orte, vorgang: Vorgang,
                               zustand: Abgleichzustand | None) -> bool:
    """Our sync's rebase, killed while git was still at work (it had not stopped at a
    conflict): going back to before it is safe and loses nothing."""
    return (vorgang.art == "rebase" and not vorgang.angehalten and zustand is not None
            and zustand.phase in ("einarbeiten", "konflikt") and not offene_in(orte))


def schluss(lauf: Schritte, geteilt: int, uebernommen: tuple[Uebernahme, ...],
             fremde: int) -> tuple[str]:
    """The closing line: '3 eigene Änderungen geteilt, 5 Änderungen von anderen übernommen: …'."""
    if not geteilt and not fremde:
        lauf.sage("Nichts zu tun: alles geteilt, nichts Neues im gemeinsamen Repository.")
        return ("aktuell",)
    teile = []
    if geteilt:
        teile.append(f"{anzahl(geteilt, 'eigene Änderung')} geteilt")
    if fremde:
        was = f"{anzahl(fremde, 'Änderung')} von anderen übernommen"
        if uebernommen:
            liste = ", ".join(str(u) for u in uebernommen[:8])
            mehr = f" und {len(uebernommen) - 8} weitere Ziele" if len(uebernommen) > 8 else ""
            was += f": {liste}{mehr}"
        teile.append(was)
    lauf.sage(", ".join(teile) + ".")
    return ("geteilt",)
