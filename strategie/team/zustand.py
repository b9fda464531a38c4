"""What ``strategie sync`` is doing, written down before each step
(``.git/strategie/abgleich.json``), so that a sync interrupted at any step (kill -9, a closed
terminal) is recognised by the next one, which then says exactly what it found; and what git
itself has left unfinished (a rebase, merge or cherry-pick begun by hand, a lock file)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import NamedTuple

from strategie.git.befehl import Orte

DATEI = "abgleich.json"

PHASEN = {
    "abrufen": "beim Abrufen vom gemeinsamen Repository",
    "uebernehmen": "beim Übernehmen der Änderungen anderer",
    "einarbeiten": "beim Einarbeiten der eigenen Änderungen (git rebase)",
    "konflikt": "bei Konflikten, die auf ihre Lösung warten",
    "teilen": "beim Teilen der eigenen Änderungen (git push)",
}
"""The steps of a sync and how a message names them."""


class Abgleichzustand(NamedTuple):
    """The step a sync was at, and the state it started from."""

    phase: str
    vorher: str
    """HEAD when the sync started: everything committed then is reachable from here."""
    beginn: str
    sicherung: str = ""
    """The ref that keeps the local commits of before the rebase (``refs/strategie/…``)."""
    upstream: str = ""
    pid: int = 0

    @property
    def beschreibung(self) -> str:
        """German: where the sync was ('beim Teilen der eigenen Änderungen (git push)')."""
        return PHASEN.get(self.phase, self.phase)


def _datei(orte: Orte) -> Path:
    return orte.gitdir / "strategie" / DATEI


def lies_zustand(orte: Orte) -> Abgleichzustand | None:
    """The step of a sync that has not finished (running, stopped or interrupted), or None."""
    try:
        daten = json.loads(_datei(orte).read_text(encoding="utf-8"))
        return Abgleichzustand(**daten)
    except (OSError, ValueError, TypeError):
        return None


def schreibe_zustand(orte: Orte, phase: str, vorher: str, *, sicherung: str = "",
                     upstream: str = "", beginn: str = "") -> Abgleichzustand:
    """Write down the step a sync is about to take (atomically, before taking it)."""
    zustand = Abgleichzustand(
        phase, vorher, beginn or dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        sicherung, upstream, os.getpid())
    ziel = _datei(orte)
    ziel.parent.mkdir(parents=True, exist_ok=True)
    # replaced atomically; no fsync: git's own files are what recovery relies on, this record
    # only lets the next sync say what it finds
    tmp = ziel.with_name(f".{DATEI}.{os.getpid()}")
    tmp.write_text(json.dumps(zustand._asdict(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, ziel)
    return zustand


def loesche_zustand(orte: Orte) -> None:
    """The sync is finished (or aborted): nothing to recover."""
    _datei(orte).unlink(missing_ok=True)


def laeuft_noch(zustand: Abgleichzustand) -> bool:
    """Whether the process that wrote *zustand* still runs (another sync at the same time)."""
    if not zustand.pid or zustand.pid == os.getpid():
        return False
    try:
        os.kill(zustand.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        befehl = Path(f"/proc/{zustand.pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"strategie" in befehl or b"python" in befehl
