"""Finding the store: an explicit path, $STRATEGIE_STORE, or the nearest one above a folder.

The lookup itself uses ``os.path`` only, so that ``strategie sync`` can start its fetch
(``cli.abruf``) before ``pathlib`` and the rest are imported."""

from __future__ import annotations

import os
import stat

from strategie.modell.fehler import StrategieFehler
from strategie.speicher.namen import RAHMEN_DATEI, STANDARD_ORDNER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

UMGEBUNGSVARIABLE = "STRATEGIE_STORE"


def finde_speicher(angabe: str | os.PathLike[str] | None = None, start: Path | None = None) -> Path:
    """Locate the store: explicit path, else $STRATEGIE_STORE, else search upward from *start*."""
    from pathlib import Path

    return Path(finde_ordner(angabe, None if start is None else os.fspath(start)))


def finde_ordner(angabe: str | os.PathLike[str] | None = None, start: str | None = None) -> str:
    """``finde_speicher`` as an absolute path string (symbolic links resolved)."""
    if angabe is None:
        angabe = os.environ.get(UMGEBUNGSVARIABLE) or None
        herkunft = f"${UMGEBUNGSVARIABLE}"
    else:
        herkunft = "--store"
    if angabe is not None:
        pfad = _absolut(angabe)
        for kandidat in (pfad, os.path.join(pfad, STANDARD_ORDNER)):
            if _rahmen_da(kandidat):
                return kandidat
        raise StrategieFehler(
            f"{herkunft} zeigt auf {pfad}, dort liegt aber kein Zielspeicher "
            f"(es fehlt die Rahmendatei {RAHMEN_DATEI}).")
    ort = verzeichnis = _absolut(start or ".")
    while True:
        for kandidat in (verzeichnis, os.path.join(verzeichnis, STANDARD_ORDNER)):
            if _rahmen_da(kandidat):
                return kandidat
        oben = os.path.dirname(verzeichnis)
        if oben == verzeichnis:
            break
        verzeichnis = oben
    raise StrategieFehler(
        f"Kein Zielspeicher gefunden: weder in {ort} noch darüber liegt eine {RAHMEN_DATEI} "
        f"(oder {STANDARD_ORDNER}/{RAHMEN_DATEI}). Mit --store PFAD oder ${UMGEBUNGSVARIABLE} "
        "angeben, oder mit 'strategie init ORDNER' einen neuen Speicher anlegen.")


def _absolut(pfad: str | os.PathLike[str]) -> str:
    """*pfad* absolute, with ``~`` and symbolic links resolved; a German error when it is
    relative and the current folder no longer exists."""
    try:
        return os.path.realpath(os.path.expanduser(pfad))
    except FileNotFoundError:  # realpath of a relative path asks for the current folder
        raise StrategieFehler(
            "Das aktuelle Verzeichnis gibt es nicht mehr (gelöscht oder verschoben). Bitte in "
            "ein bestehendes wechseln oder den Speicher mit --store PFAD angeben.") from None


def _rahmen_da(kandidat: str) -> bool:
    """Whether *kandidat* holds the frame file; a German error when it may hold one that
    cannot be looked at (no permission), rather than searching on and taking another store."""
    try:
        return stat.S_ISREG(os.stat(os.path.join(kandidat, RAHMEN_DATEI)).st_mode)
    except PermissionError:
        raise StrategieFehler(
            f"Kein Zugriff auf {kandidat} (keine Berechtigung): ob dort ein Zielspeicher "
            "liegt, lässt sich nicht sehen. Bitte die Rechte prüfen oder den Speicher mit "
            "--store PFAD angeben.") from None
    except (OSError, ValueError):
        return False
