"""One writer at a time per store: an flock on ``.git/strategie/schreibsperre``.

Every change (``aendere``, ``rueckgaengig``, a whole ``strategie sync``, ``loese``) holds it from
planning to the commit. The kernel releases an flock when its process ends, however it ends
(kill -9 included): a lock is never stale. Within one process the lock is re-entrant (the app's
threads and nested calls share it). The holder writes its pid and command into the file, so a
waiting process can say who it waits for. The merge driver, which git runs inside a sync, never
takes it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from strategie.git.befehl import Orte, finde_orte
from strategie.modell.befund import StrategieFehler, anzeigepfad, os_fehlertext

WARTEN_S = 20.0
"""How long a change waits for another process's write lock before giving up."""

DATEI = "schreibsperre"


class Gesperrt(StrategieFehler):
    """Another process holds the store's write lock (the wait timed out)."""


class _Halter:
    """This process's hold on one lock file: its descriptor, how deep, and by which thread."""

    __slots__ = ("griff", "tiefe", "faden")

    def __init__(self, griff: int, tiefe: int, faden: threading.RLock) -> None:
        self.griff = griff
        self.tiefe = tiefe
        self.faden = faden


_gehalten: dict[Path, _Halter] = {}
_register = threading.Lock()


def sperrdatei(orte: Orte) -> Path:
    """The lock file of a work tree."""
    return orte.gitdir / "strategie" / DATEI


def _oeffne(datei: Path) -> int:
    try:
        datei.parent.mkdir(parents=True, exist_ok=True)
        return os.open(datei, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as fehler:
        if fehler.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StrategieFehler(
                f"Das git-Verzeichnis {anzeigepfad(datei.parent.parent)} ist nicht beschreibbar "
                f"({os_fehlertext(fehler)}); Änderungen sind so nicht möglich, nichts wurde "
                "verändert. Bitte die Schreibrechte prüfen (oder auf einem beschreibbaren Klon "
                "arbeiten).") from None
        raise StrategieFehler(f"Die Schreibsperre {anzeigepfad(datei)} lässt sich nicht anlegen "
                              f"({os_fehlertext(fehler)}); nichts wurde verändert.") from None


def halter(datei: Path) -> str:
    """Who holds (or last held) the lock, as written into it: 'Prozess 123: strategie …'."""
    try:
        zeilen = datei.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if not zeilen or not zeilen[0].strip().isdigit():
        return ""
    befehl = zeilen[1].strip()[:120] if len(zeilen) > 1 else ""
    return f"Prozess {zeilen[0].strip()}" + (f": {befehl}" if befehl else "")


def _vermerke(griff: int) -> None:
    befehl = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))
    text = f"{os.getpid()}\n{befehl.replace(chr(10), ' ')}\n".encode("utf-8", "replace")
    try:
        os.ftruncate(griff, 0)
        os.pwrite(griff, text, 0)
    except OSError:
        pass  # only the message of a waiting process gets poorer


def _flock(griff: int, datei: Path, frist: float, warten: float) -> None:
    pause = 0.005
    while True:
        try:
            fcntl.flock(griff, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= frist:
                wer = halter(datei)
                raise Gesperrt(
                    "Ein anderes Programm ändert gerade diesen Zielspeicher"
                    + (f" ({wer})" if wer else "") + f"; nach {warten:g} s Warten aufgegeben, "
                    "nichts wurde verändert. Bitte gleich noch einmal versuchen.") from None
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


@contextmanager
def schreibsperre(verzeichnis: Path, *, warten: float | None = None) -> Iterator[None]:
    """Hold the store's write lock for the block; wait up to *warten* s (default
    ``WARTEN_S``) for another holder. Raises ``Gesperrt`` (German, naming the holder) when the
    wait times out.
    """
    warten = WARTEN_S if warten is None else warten
    orte = finde_orte(verzeichnis.resolve())
    if orte is None:  # no repository: the edit path itself says so
        yield
        return
    datei = sperrdatei(orte)
    with _register:
        eintrag = _gehalten.get(datei)
        if eintrag is None:
            eintrag = _gehalten[datei] = _Halter(-1, 0, threading.RLock())
    frist = time.monotonic() + warten
    if not eintrag.faden.acquire(timeout=max(warten, 0.001)):
        raise Gesperrt(f"Ein anderer Vorgang dieses Programms ändert gerade den Zielspeicher; "
                       f"nach {warten:g} s Warten aufgegeben, nichts wurde verändert.")
    try:
        if eintrag.tiefe == 0:
            griff = _oeffne(datei)
            try:
                _flock(griff, datei, frist, warten)
            except BaseException:
                os.close(griff)
                raise
            _vermerke(griff)
            eintrag.griff = griff
        eintrag.tiefe += 1
        try:
            yield
        finally:
            eintrag.tiefe -= 1
            if eintrag.tiefe == 0:
                griff, eintrag.griff = eintrag.griff, -1
                os.close(griff)  # releases the flock
    finally:
        eintrag.faden.release()


def gehalten(verzeichnis: Path) -> bool:
    """Whether this process (this thread) holds the store's write lock right now."""
    orte = finde_orte(verzeichnis.resolve())
    eintrag = _gehalten.get(sperrdatei(orte)) if orte else None
    return eintrag is not None and eintrag.tiefe > 0
