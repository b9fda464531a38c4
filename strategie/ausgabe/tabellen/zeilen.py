"""The report as rows of typed values: one per goal, one per Kennzahl (for CSV and XLSX)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from strategie.auswertung.bericht import Bericht
from strategie.modell.ziel import Ziel

ZIELSPALTEN = (
    "ID", "Titel", "Amt", "Organisationseinheit", "Handlungsfeld", "Umsetzungsstand", "Ampel",
    "Leuchtturm", "Steckbrief-Stand", "Maßnahmen", "davon abgeschlossen", "davon überfällig",
    "Kennzahlen", "davon nicht auf Kurs", "Mittel Plan (€)", "Mittel Ist (€)",
    "Personal (VZÄ)", "Hinweise",
)
"""Columns of the CSV and of the per-Amt sheets (documented in the README)."""

KENNZAHLSPALTEN = ("Ziel", "Kennzahl", "Einheit", "Richtung", "Basiswert", "zuletzt",
                   "Stichtag", "Zielwert", "Fortschritt (%)", "Bewertung")


def kopfzeilen(bericht: Bericht) -> list[str]:
    """What a table export says above its table: report, Grundlage, the frame's notice."""
    zeilen = [f"{bericht.titel} · {bericht.stand_text}",
              f"Grundlage: {bericht.grundlage.zeile()}"]
    if bericht.rahmen.hinweis.strip():
        zeilen.append(" ".join(bericht.rahmen.hinweis.split()))
    return zeilen


def ziel_zeilen(bericht: Bericht) -> list[list[Any]]:
    """One row per goal of the report: typed values (numbers, dates, texts)."""
    z = bericht.zusammenfassung
    hinweise = {a.ziel.id: a.hinweise for a in z.auffaellig}
    nicht_auf_kurs: Counter[str] = Counter(k.ziel.id for k in z.kennzahlen
                                           if k.bewertung == "nicht auf Kurs")
    erledigt = {w.name for w in bericht.rahmen.massnahmenstatus if w.abgeschlossen}
    zeilen = []
    for ziel in bericht.ziele:
        amt = bericht.rahmen.amt(ziel.amt)
        haushalt = ziel.haushalt
        massnahmen = ziel.massnahmen
        zeilen.append([
            ziel.id, ziel.titel, ziel.amt, amt.name if amt else ziel.amt, ziel.handlungsfeld,
            ziel.status, ziel.ampel, "ja" if ziel.leuchtturm else "nein", _stand(ziel),
            len(massnahmen), sum(m.status in erledigt for m in massnahmen),
            sum(1 for h in hinweise.get(ziel.id, ()) if h.art == "massnahme"),
            len(ziel.kennzahlen), nicht_auf_kurs.get(ziel.id, 0),
            haushalt.mittel_plan if haushalt else None, haushalt.mittel_ist if haushalt else None,
            haushalt.personal_vzae if haushalt else None,
            "\n".join(" ".join(h.text.split()) for h in hinweise.get(ziel.id, ())),
        ])
    return zeilen


def kennzahl_zeilen(bericht: Bericht) -> list[list[Any]]:
    """One row per Kennzahl: Basiswert, latest Messwert, Zielwert, progress and verdict."""
    return [[k.ziel.id, k.kennzahl.name, k.kennzahl.einheit, k.kennzahl.richtung,
             k.kennzahl.basiswert, k.letzter.wert if k.letzter else None,
             k.letzter.stichtag if k.letzter else None, k.kennzahl.zielwert,
             None if k.fortschritt is None else round(100 * k.fortschritt, 1), k.bewertung]
            for k in bericht.zusammenfassung.kennzahlen]


def _stand(ziel: Ziel) -> dt.date | None:
    return ziel.steckbrief.stand if ziel.steckbrief else None
