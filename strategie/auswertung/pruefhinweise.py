"""Hinweise of 'pruefen': valid goal files that still lack what steering them needs.

Not errors — the file is valid — but what a Vorlage writer would ask for: Haushalt figures
for a goal that needs money, the Haushaltsjahr of a Projekt, current Messwerte of a Kennzahl.
Each Hinweis is a Befund (file, line, field, German text), listed apart from the errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from strategie.modell.befund import Befund
from strategie.modell.rahmen import ENTFALLEN, Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.laden import Zielspeicher
from strategie.text.format import datum_de, monate_zurueck
from strategie.toml.zeilen import key_lines, line_in

RUHEND = frozenset({ENTFALLEN})
"""Umsetzungsstand values whose goals need no current Messwerte (retired goals)."""


def _hinweise(ziel: Ziel, rahmen: Rahmen, grenze: dt.date) -> Iterator[tuple[str, str]]:
    """(field path, message) for each Hinweis about one goal."""
    daten = ziel.daten
    if daten.get("haushaltsneutral") is False and "haushalt" not in daten:
        yield ("haushaltsneutral", "nicht haushaltsneutral, aber ohne Abschnitt [haushalt]: "
                                   "Mittel (Plan) und Personal (VZÄ) fehlen")
    if daten.get("art") == "Projekt" and "umsetzungsjahr" not in daten:
        yield ("art", "Projekt ohne Umsetzungsjahr: für welches Haushaltsjahr ist es "
                      "vorgesehen?")
    if ziel.status in RUHEND:
        return
    monate = rahmen.messwert_max_alter_monate
    for nummer, kennzahl in enumerate(ziel.kennzahlen, start=1):
        letzter = kennzahl.letzter_messwert
        name = f"Kennzahl {nummer} „{kennzahl.name}“"
        if letzter is None:
            basis = kennzahl.basisdatum
            if basis is None or basis < grenze:
                yield (f"kennzahlen.{nummer}.name",
                       f"{name} hat keinen Messwert"
                       + (f" (Basis {datum_de(basis)})" if basis else ""))
        elif letzter.stichtag < grenze:
            yield (f"kennzahlen.{nummer}.name",
                   f"{name}: der letzte Messwert ist vom {datum_de(letzter.stichtag)}, älter "
                   f"als {monate} Monate (messwert_max_alter_monate)")


def pruefhinweise(speicher: Zielspeicher, heute: dt.date | None = None) -> tuple[Befund, ...]:
    """The Hinweise about the valid goals of *speicher* as of *heute*, in goal order."""
    heute = heute or dt.date.today()
    grenze = monate_zurueck(heute, speicher.rahmen.messwert_max_alter_monate)
    befunde: list[Befund] = []
    for ziel in speicher.ziele:
        gefunden = list(_hinweise(ziel, speicher.rahmen, grenze))
        if not gefunden:
            continue
        pfad = speicher.verzeichnis / ziel.pfad
        try:
            zeilen = key_lines(pfad.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            zeilen = {}  # a state from git objects, or a file changed since: no lines
        befunde += [Befund(pfad, meldung, zeile=line_in(zeilen, feld), feld=feld)
                    for feld, meldung in gefunden]
    return tuple(befunde)
