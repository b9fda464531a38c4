"""Finding the store: an explicit path, $STRATEGIE_STORE, or the nearest one above a folder."""

from __future__ import annotations

import os
from pathlib import Path

from strategie.modell.fehler import StrategieFehler
from strategie.speicher.ablage import RAHMEN_DATEI, STANDARD_ORDNER

UMGEBUNGSVARIABLE = "STRATEGIE_STORE"


def finde_speicher(angabe: str | os.PathLike[str] | None = None, start: Path | None = None) -> Path:
    """Locate the store: explicit path, else $STRATEGIE_STORE, else search upward from *start*."""
    if angabe is None:
        angabe = os.environ.get(UMGEBUNGSVARIABLE) or None
        herkunft = f"${UMGEBUNGSVARIABLE}"
    else:
        herkunft = "--store"
    if angabe is not None:
        pfad = Path(angabe).expanduser().resolve()
        for kandidat in (pfad, pfad / STANDARD_ORDNER):
            if (kandidat / RAHMEN_DATEI).is_file():
                return kandidat
        raise StrategieFehler(
            f"{herkunft} zeigt auf {pfad}, dort liegt aber kein Zielspeicher "
            f"(es fehlt die Rahmendatei {RAHMEN_DATEI}).")
    ort = (start or Path.cwd()).resolve()
    for verzeichnis in (ort, *ort.parents):
        for kandidat in (verzeichnis, verzeichnis / STANDARD_ORDNER):
            if (kandidat / RAHMEN_DATEI).is_file():
                return kandidat
    raise StrategieFehler(
        f"Kein Zielspeicher gefunden: weder in {ort} noch darüber liegt eine {RAHMEN_DATEI} "
        f"(oder {STANDARD_ORDNER}/{RAHMEN_DATEI}). Mit --store PFAD oder ${UMGEBUNGSVARIABLE} "
        "angeben, oder mit 'strategie init ORDNER' einen neuen Speicher anlegen.")
