"""CSV for German spreadsheets: the goal list of ``liste`` and the report's goal table."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from strategie.ausgabe.tabellen.zeilen import (
    PLANSPALTEN,
    ZIELSPALTEN,
    kopfzeilen,
    plan_zeilen,
    ziel_zeilen,
)
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, ja_nein, zahl_de
from strategie.text.sicher import zelle_sicher

CSV_SPALTEN = (
    "id", "titel", "amt", "handlungsfeld", "aktionsbereiche", "status", "ampel", "leuchtturm",
    "art", "haushaltsneutral", "umsetzungsjahr", "verantwortlich", "steckbrief_stand",
    "massnahmen", "massnahmen_abgeschlossen", "kennzahlen", "datei",
)
"""Columns of ``liste --format csv``; documented in the README and stable."""


def csv_zeile(ziel: Ziel, abgeschlossen: frozenset[str]) -> dict[str, Any]:
    """One CSV row for a goal (values are display-safe strings or numbers)."""
    return {
        "id": ziel.id,
        "titel": ziel.titel,
        "amt": ziel.amt,
        "handlungsfeld": ziel.handlungsfeld,
        "aktionsbereiche": " | ".join(ziel.aktionsbereiche),
        "status": ziel.status,
        "ampel": ziel.ampel,
        "leuchtturm": ja_nein(ziel.leuchtturm, ""),
        "art": ziel.art,
        "haushaltsneutral": ja_nein(ziel.haushaltsneutral, ""),
        "umsetzungsjahr": ziel.umsetzungsjahr or "",
        "verantwortlich": ziel.verantwortlich,
        "steckbrief_stand": (ziel.steckbrief_stand.isoformat()
                             if ziel.steckbrief_stand else ""),
        "massnahmen": len(ziel.massnahmen),
        "massnahmen_abgeschlossen": sum(m.status in abgeschlossen for m in ziel.massnahmen),
        "kennzahlen": len(ziel.kennzahlen),
        "datei": ziel.pfad,
    }


def als_csv(ziele: Sequence[Ziel], abgeschlossen: frozenset[str] = frozenset()) -> str:
    """Semicolon-separated CSV with a header row; control characters neutralised."""
    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=CSV_SPALTEN, delimiter=";", lineterminator="\n")
    schreiber.writeheader()
    for ziel in ziele:
        zeile = csv_zeile(ziel, abgeschlossen)
        schreiber.writerow({k: zelle_sicher(v) if isinstance(v, str) else v
                            for k, v in zeile.items()})
    return puffer.getvalue()


def _csv_wert(wert: Any) -> str:
    """German Excel's notation: decimal comma, dates TT.MM.JJJJ, empty for none."""
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, dt.date):
        return datum_de(wert)
    if isinstance(wert, float):
        return zahl_de(wert, leer="").replace(".", "")
    if isinstance(wert, int):
        return str(wert)
    return zelle_sicher(str(wert).replace("\n", " | "))


def _excel_csv(kopf: Sequence[str], zeilen: Sequence[Sequence[Any]],
               ueber: Sequence[str]) -> str:
    """CSV for German Excel: ';', decimal comma, dates TT.MM.JJJJ, UTF-8 with BOM.

    Above the table, as in a printed report, the lines *ueber* (title, Grundlage, the frame's
    notice such as Beispieldaten), each in the first cell of its row, then an empty row.
    """
    puffer = io.StringIO()
    puffer.write("\ufeff")
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    for text in ueber:
        schreiber.writerow([_csv_wert(text)])
    schreiber.writerow([])
    schreiber.writerow(kopf)
    for zeile in zeilen:
        schreiber.writerow([_csv_wert(w) for w in zeile])
    return puffer.getvalue()


def bericht_csv(bericht: Bericht) -> str:
    """The report's goals as CSV for German Excel, under title, Grundlage and notice."""
    return _excel_csv(ZIELSPALTEN, ziel_zeilen(bericht), kopfzeilen(bericht))


def jahresplanung_csv(planung: Jahresplanung) -> str:
    """The Jahresplanung for German Excel: a row per goal, a sum row per Amt, the total,
    under title, Grundlage and notice."""
    return _excel_csv(PLANSPALTEN, plan_zeilen(planung), kopfzeilen(planung))
