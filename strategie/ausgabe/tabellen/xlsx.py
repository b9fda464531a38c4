"""The report and the Steckbriefe as XLSX workbooks: overview, one sheet per Amt, Kennzahlen."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from strategie.ausgabe.tabellen.zeilen import (
    KENNZAHLSPALTEN,
    PLANSPALTEN,
    ZIELSPALTEN,
    kennzahl_zeilen,
    plan_zeilen,
    ziel_zeilen,
)
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.modell.feld import STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, zahl_de
from strategie.text.sicher import entschaerfe

_KOPF_SCHRIFT = Font(bold=True, color="FFFFFF")
_KOPF_FUELLUNG = PatternFill("solid", fgColor="1F4E79")
_UMBRUCH = Alignment(wrap_text=True, vertical="top")
_BREITEN = {"Titel": 48, "Organisationseinheit": 30, "Hinweise": 70, "Kennzahl": 48,
            "Umsetzungsstand": 17, "Steckbrief-Stand": 14}


def blattname(text: str, vergeben: set[str]) -> str:
    """A sheet name Excel accepts (≤ 31 characters, no []:*?/\\), unique in the workbook."""
    name = "".join("-" if c in "[]:*?/\\" else c for c in text)[:31].strip()
    basis, nummer = name, 2
    while name.casefold() in vergeben:
        name = f"{basis[:28]} {nummer}"
        nummer += 1
    vergeben.add(name.casefold())
    return name


def _zellwert(blatt: Worksheet, zeile: int, spalte: int, wert: Any) -> None:
    zelle = blatt.cell(row=zeile, column=spalte)
    if isinstance(wert, str):
        zelle.value = entschaerfe(wert)
        zelle.data_type = "s"  # never a formula, even if the text starts with '='
        if "\n" in wert:
            zelle.alignment = _UMBRUCH
    else:
        zelle.value = wert
        if isinstance(wert, dt.date):
            zelle.number_format = "DD.MM.YYYY"
        elif isinstance(wert, float):
            zelle.number_format = "#,##0.0#"


def schreibe_tabelle(blatt: Worksheet, kopf: Sequence[str], zeilen: Iterable[Sequence[Any]],
                     erste_zeile: int = 1) -> int:
    """A table with a frozen header row and an auto-filter; returns its last row."""
    for spalte, titel in enumerate(kopf, start=1):
        zelle = blatt.cell(row=erste_zeile, column=spalte, value=titel)
        zelle.font, zelle.fill = _KOPF_SCHRIFT, _KOPF_FUELLUNG
        blatt.column_dimensions[get_column_letter(spalte)].width = _BREITEN.get(
            titel, max(10, len(titel) + 2))
    letzte = erste_zeile
    for letzte, werte in enumerate(zeilen, start=erste_zeile + 1):
        for spalte, wert in enumerate(werte, start=1):
            _zellwert(blatt, letzte, spalte, wert)
    blatt.freeze_panes = blatt.cell(row=erste_zeile + 1, column=1)
    blatt.auto_filter.ref = (f"A{erste_zeile}:{get_column_letter(len(kopf))}"
                             f"{max(letzte, erste_zeile + 1)}")
    return letzte


def _fusszeile(blatt: Worksheet, bericht: Bericht | Jahresplanung) -> None:
    """The basis of the report in every printed page's footer."""
    blatt.oddFooter.left.text = entschaerfe(bericht.grundlage.zeile()).replace("&", "&&")
    blatt.oddFooter.left.size = 7
    blatt.oddFooter.right.text = "Seite &P von &N"
    blatt.page_setup.orientation = "landscape"
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0
    blatt.sheet_properties.pageSetUpPr.fitToPage = True


def _uebersicht(blatt: Worksheet, bericht: Bericht) -> None:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    blatt["A1"] = bericht.titel
    blatt["A1"].font = Font(bold=True, size=14)
    blatt["A2"] = f"{bericht.stand_text} · {z.anzahl} Ziele"
    blatt["A3"] = entschaerfe(bericht.grundlage.zeile())
    blatt["A3"].font = Font(italic=True, color="555555")
    matrix = z.matrix
    status = [w.name for w in rahmen.umsetzungsstand]
    ampeln = [w.name for w in rahmen.ampel]
    kopf = ["Amt", "Organisationseinheit", "Anlage", "Ziele",
            *(f"HF {h}" for h in matrix.handlungsfelder), *status,
            *(f"Ampel {a}" for a in ampeln)]
    zeilen: list[list[Any]] = []
    for kuerzel in matrix.aemter:
        amt = rahmen.amt(kuerzel)
        zeilen.append([kuerzel, amt.name if amt else kuerzel, amt.anlage if amt else None,
                       matrix.zeilensumme(kuerzel),
                       *(matrix.zellen.get((kuerzel, h), 0) for h in matrix.handlungsfelder),
                       *(z.status_je_amt.get(kuerzel, Counter())[s] for s in status),
                       *(z.ampel_je_amt.get(kuerzel, Counter())[a] for a in ampeln)])
    letzte = schreibe_tabelle(blatt, kopf, zeilen, erste_zeile=5)
    summe = [None, "Summe", None, matrix.gesamt,
             *(matrix.spaltensumme(h) for h in matrix.handlungsfelder),
             *(z.nach_status.get(s, 0) for s in status), *(z.nach_ampel.get(a, 0) for a in ampeln)]
    for spalte, wert in enumerate(summe, start=1):
        zelle = blatt.cell(row=letzte + 1, column=spalte, value=wert)
        zelle.font = Font(bold=True)
    blatt.column_dimensions["A"].width = 8
    blatt.column_dimensions["C"].width = 8


def bericht_xlsx(bericht: Bericht) -> bytes:
    """The report as an XLSX workbook: Überblick, one sheet per Amt, Kennzahlen."""
    mappe = Workbook()
    vergeben: set[str] = set()
    uebersicht = mappe.active
    assert uebersicht is not None
    uebersicht.title = blattname("Überblick", vergeben)
    _uebersicht(uebersicht, bericht)
    _fusszeile(uebersicht, bericht)
    zeilen_je_amt: dict[str, list[list[Any]]] = {}
    for zeile in ziel_zeilen(bericht):
        zeilen_je_amt.setdefault(zeile[2], []).append(zeile)
    for amt in bericht.aemter():
        blatt = mappe.create_sheet(blattname(f"{amt.kuerzel} {amt.kurzname}", vergeben))
        schreibe_tabelle(blatt, ZIELSPALTEN, zeilen_je_amt.get(amt.kuerzel, []))
        _fusszeile(blatt, bericht)
    if bericht.zusammenfassung.kennzahlen:
        blatt = mappe.create_sheet(blattname("Kennzahlen", vergeben))
        schreibe_tabelle(blatt, KENNZAHLSPALTEN, kennzahl_zeilen(bericht))
        _fusszeile(blatt, bericht)
    return _als_bytes(mappe, bericht)


def _als_bytes(mappe: Workbook, bericht: Bericht | Jahresplanung) -> bytes:
    mappe.properties.title = entschaerfe(bericht.titel)
    mappe.properties.subject = entschaerfe(bericht.grundlage.zeile())
    mappe.properties.creator = "strategie"
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


STECKBRIEFSPALTEN = (
    "ID", "Titel", "Handlungsfeld", "Aktionsbereiche", "Leuchtturm", "Wirkungsziel",
    "Leistungsziel", "Maßnahmen", "Umsetzungsstand", "Ampel", "Begründung", "Stand",
    *STECKBRIEF_UEBERSCHRIFTEN.values(), "Kennzahlen",
)


def _steckbrief_zeile(ziel: Ziel) -> list[Any]:
    s = ziel.steckbrief
    begruendung = "\n".join(t for t in (ziel.status_begruendung, ziel.ampel_begruendung) if t)
    return [
        ziel.id, ziel.titel, ziel.handlungsfeld, ", ".join(ziel.aktionsbereiche),
        "ja" if ziel.leuchtturm else "nein", ziel.wirkungsziel.strip(), ziel.leistungsziel.strip(),
        "\n".join(f"{i}. {m.titel} ({m.status or 'ohne Status'}"
                  + (f", Termin {datum_de(m.termin)})" if m.termin else ")")
                  for i, m in enumerate(ziel.massnahmen, start=1)),
        ziel.status, ziel.ampel, begruendung, s.stand if s else None,
        s.aktueller_stand.strip() if s else "", s.finanzielle_beurteilung.strip() if s else "",
        s.inhaltliche_beurteilung.strip() if s else "",
        "\n".join(f"{k.name}: Basis {zahl_de(k.basiswert)} → zuletzt "
                  f"{zahl_de(k.letzter_messwert.wert if k.letzter_messwert else None)} → Ziel "
                  f"{zahl_de(k.zielwert)} {k.einheit}".rstrip() for k in ziel.kennzahlen),
    ]


def steckbriefe_xlsx(bericht: Bericht) -> bytes:
    """The Maßnahmensteckbriefe as XLSX: one sheet per Organisationseinheit (Anlagen order)."""
    mappe = Workbook()
    vergeben: set[str] = set()
    erstes = mappe.active
    assert erstes is not None
    mappe.remove(erstes)
    for amt in bericht.aemter():
        blatt = mappe.create_sheet(blattname(f"Anlage {amt.anlage} {amt.kuerzel}", vergeben))
        letzte = schreibe_tabelle(blatt, STECKBRIEFSPALTEN,
                                  (_steckbrief_zeile(z) for z in bericht.ziele_von(amt.kuerzel)))
        for spalte in (6, 7, 8, 13, 14, 15, 16):
            blatt.column_dimensions[get_column_letter(spalte)].width = 45
            for zeile in range(2, letzte + 1):
                blatt.cell(row=zeile, column=spalte).alignment = _UMBRUCH
        _fusszeile(blatt, bericht)
    if not mappe.worksheets:
        mappe.create_sheet("Keine Ziele")
    return _als_bytes(mappe, bericht)


EURO_FORMAT = '#,##0 "€"'
"""Money in the Jahresplanung: 12.000 € in a German Excel."""


def jahresplanung_xlsx(planung: Jahresplanung) -> bytes:
    """The Jahresplanung as one sheet: a row per goal, a bold sum row per Amt, the total."""
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = blattname(f"Jahresplanung {planung.jahr}", set())
    blatt["A1"] = planung.titel
    blatt["A1"].font = Font(bold=True, size=14)
    blatt["A2"] = f"{planung.stand_text} · {planung.gesamt.anzahl} Ziele"
    blatt["A3"] = entschaerfe(planung.grundlage.zeile())
    blatt["A3"].font = Font(italic=True, color="555555")
    blatt["A4"] = entschaerfe(" ".join(planung.rahmen.hinweis.split()))
    blatt["A4"].font = Font(italic=True, color="8A5A00")
    zeilen = plan_zeilen(planung)
    letzte = schreibe_tabelle(blatt, PLANSPALTEN, zeilen, erste_zeile=6)
    for nummer, zeile in enumerate(zeilen, start=7):
        for spalte in (11, 12):
            blatt.cell(row=nummer, column=spalte).number_format = EURO_FORMAT
        if zeile[0] != "Ziel":
            for spalte in range(1, len(PLANSPALTEN) + 1):
                blatt.cell(row=nummer, column=spalte).font = Font(bold=True)
    blatt.cell(row=letzte + 2, column=1, value=entschaerfe(planung.erlaeuterung))
    for buchstabe, breite in (("A", 11), ("B", 8), ("C", 7), ("E", 9), ("F", 60)):
        blatt.column_dimensions[buchstabe].width = breite
    _fusszeile(blatt, planung)
    return _als_bytes(mappe, planung)
