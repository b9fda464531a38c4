"""The report as rows of typed values: one per goal, one per Kennzahl (for CSV and XLSX)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from strategie.auswertung.bericht import Bericht
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.auswertung.kennzahlen import GEFAEHRDET
from strategie.text.format import anzahl_de, ja_nein

ZIELSPALTEN = (
    "ID", "Titel", "Amt", "Organisationseinheit", "Handlungsfeld", "Umsetzungsstand", "Ampel",
    "Leuchtturm", "Steckbrief-Stand", "Maßnahmen", "davon abgeschlossen", "davon überfällig",
    "Kennzahlen", "davon gefährdet", "Art", "Umsetzungsjahr", "haushaltsneutral",
    "Mittel Plan (€)", "Mittel Ist (€)",
    "Personal (VZÄ)", "Hinweise",
)
"""Columns of the CSV and of the per-Amt sheets (documented in the README)."""

KENNZAHLSPALTEN = ("Ziel", "Kennzahl", "Einheit", "Richtung", "Basiswert", "Basisdatum",
                   "zuletzt", "Stichtag", "erwartet", "Zielwert", "Zieldatum", "Fortschritt (%)",
                   "Bewertung")


def kopfzeilen(bericht: Bericht | Jahresplanung) -> list[str]:
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
    gefaehrdet: Counter[str] = Counter(k.ziel.id for k in z.kennzahlen
                                       if k.bewertung == GEFAEHRDET)
    erledigt = {w.name for w in bericht.rahmen.massnahmenstatus if w.abgeschlossen}
    zeilen = []
    for ziel in bericht.ziele:
        amt = bericht.rahmen.amt(ziel.amt)
        haushalt = ziel.haushalt
        massnahmen = ziel.massnahmen
        zeilen.append([
            ziel.id, ziel.titel, ziel.amt, amt.name if amt else ziel.amt, ziel.handlungsfeld,
            ziel.status, ziel.ampel, "ja" if ziel.leuchtturm else "nein", ziel.steckbrief_stand,
            len(massnahmen), sum(m.status in erledigt for m in massnahmen),
            sum(1 for h in hinweise.get(ziel.id, ()) if h.art == "massnahme"),
            len(ziel.kennzahlen), gefaehrdet.get(ziel.id, 0), ziel.art, ziel.umsetzungsjahr,
            ja_nein(ziel.haushaltsneutral, ""),
            haushalt.mittel_plan if haushalt else None, haushalt.mittel_ist if haushalt else None,
            haushalt.personal_vzae if haushalt else None,
            "\n".join(" ".join(h.text.split()) for h in hinweise.get(ziel.id, ())),
        ])
    return zeilen


def kennzahl_zeilen(bericht: Bericht) -> list[list[Any]]:
    """One row per Kennzahl: Basiswert, latest Messwert, Zielwert, progress and verdict."""
    return [[k.ziel.id, k.kennzahl.name, k.kennzahl.einheit, k.kennzahl.richtung,
             k.kennzahl.basiswert, k.kennzahl.basisdatum, k.letzter.wert if k.letzter else None,
             k.letzter.stichtag if k.letzter else None,
             None if k.erwartet is None else round(k.erwartet, 2), k.kennzahl.zielwert,
             k.kennzahl.zieldatum,
             None if k.fortschritt is None else round(100 * k.fortschritt, 1), k.bewertung]
            for k in bericht.zusammenfassung.kennzahlen]


PLANSPALTEN = ("Zeile", "Anlage", "Amt", "Organisationseinheit", "ID", "Titel", "Art",
               "Umsetzungsstand", "haushaltsneutral", "Produkt", "Mittel Plan (€)",
               "Mittel Ist (€)", "Personal (VZÄ)")
"""Columns of the Jahresplanung in CSV and XLSX: a row per goal, a sum row per Amt, a total."""


def _summentext(summe: Mittelsumme) -> str:
    return (f"{anzahl_de(summe.anzahl, 'Ziel', 'Ziele')} ({summe.haushaltsneutral} "
            "haushaltsneutral, "
            f"{summe.ohne_planansatz} ohne Planansatz)")


def plan_zeilen(planung: Jahresplanung) -> list[list[Any]]:
    """The Jahresplanung as rows of typed values; first column 'Ziel', 'Summe Amt', 'Summe'."""
    zeilen: list[list[Any]] = []
    for amtplan in planung.aemter:
        amt = amtplan.amt
        for zeile in amtplan.zeilen:
            neutral = ja_nein(zeile.haushaltsneutral, "")
            zeilen.append(["Ziel", amt.anlage, amt.kuerzel, amt.name, zeile.ziel.id,
                           zeile.ziel.titel, zeile.art, zeile.status, neutral, zeile.produkt,
                           zeile.mittel_plan, zeile.mittel_ist, zeile.personal_vzae])
        s = amtplan.summe
        zeilen.append(["Summe Amt", amt.anlage, amt.kuerzel, amt.name, None, _summentext(s),
                       None, None, None, None, s.plan, s.ist, s.personal])
    g = planung.gesamt
    zeilen.append(["Summe", None, None, None, None, _summentext(g), None, None, None, None,
                   g.plan, g.ist, g.personal])
    return zeilen
