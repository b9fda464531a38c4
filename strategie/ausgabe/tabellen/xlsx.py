"""The report and the Steckbriefe as XLSX workbooks: overview, one sheet per Amt, Kennzahlen."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from strategie.ausgabe import abschnitte
from strategie.ausgabe.steckbrief import ANGABEN, Steckbrief, steckbriefe_je_amt
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
from strategie.text.format import anzahl_de, datum_de
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import entschaerfe, ist_formel

_KOPF_SCHRIFT = Font(bold=True, color="FFFFFF")
_KOPF_FUELLUNG = PatternFill("solid", fgColor="1F4E79")
_UMBRUCH = Alignment(wrap_text=True, vertical="top")
_BREITEN = {"Titel": 48, "Organisationseinheit": 30, "Hinweise": 70, "Kennzahl": 48,
            "Umsetzungsstand": 17, "Steckbrief-Stand": 14}
EURO = '#,##0 "€"'
"""Money: the value stays a number, German Excel shows 88.000 €."""
_HINWEIS_SCHRIFT = Font(italic=True, color="8A4B00")


def blattname(text: str, vergeben: set[str]) -> str:
    """A sheet name Excel accepts (≤ 31 characters, no []:*?/\\), unique in the workbook."""
    name = "".join("-" if c in "[]:*?/\\" else c for c in text)[:31].strip()
    basis, nummer = name, 2
    while name.casefold() in vergeben:
        name = f"{basis[:28]} {nummer}"
        nummer += 1
    vergeben.add(name.casefold())
    return name


def textzelle(zelle: Cell, text: str) -> Cell:
    """Put a text into a cell: control characters visible, never a formula – a text Excel
    would calculate ('=…', '+…', '-…', '@…', also after spaces) is marked as text (the
    apostrophe prefix Excel sets itself, invisible, the text unchanged)."""
    zelle.value = entschaerfe(text)
    zelle.data_type = "s"
    if ist_formel(text):
        zelle.quotePrefix = True
    return zelle


def _zellwert(blatt: Worksheet, zeile: int, spalte: int, wert: Any, format_: str = "") -> None:
    zelle = blatt.cell(row=zeile, column=spalte)
    if isinstance(wert, str):
        textzelle(zelle, wert)
        if "\n" in wert:
            zelle.alignment = _UMBRUCH
    else:
        zelle.value = wert
        if isinstance(wert, dt.date):
            zelle.number_format = "DD.MM.YYYY"
        elif format_ and isinstance(wert, int | float) and not isinstance(wert, bool):
            zelle.number_format = format_
        elif isinstance(wert, float):
            zelle.number_format = "#,##0.0#"


def schreibe_tabelle(blatt: Worksheet, kopf: Sequence[str], zeilen: Iterable[Sequence[Any]],
                     erste_zeile: int = 1) -> int:
    """A table with a frozen header row and an auto-filter; returns its last row.

    Columns whose title ends with '(€)' hold money (number format ``EURO``).
    """
    formate = {spalte: EURO for spalte, titel in enumerate(kopf, start=1)
               if titel.endswith("(€)")}
    for spalte, titel in enumerate(kopf, start=1):
        zelle = blatt.cell(row=erste_zeile, column=spalte, value=titel)
        zelle.font, zelle.fill = _KOPF_SCHRIFT, _KOPF_FUELLUNG
        blatt.column_dimensions[get_column_letter(spalte)].width = _BREITEN.get(
            titel, max(10, len(titel) + 2))
    letzte = erste_zeile
    for letzte, werte in enumerate(zeilen, start=erste_zeile + 1):
        for spalte, wert in enumerate(werte, start=1):
            _zellwert(blatt, letzte, spalte, wert, formate.get(spalte, ""))
    blatt.freeze_panes = blatt.cell(row=erste_zeile + 1, column=1)
    blatt.auto_filter.ref = (f"A{erste_zeile}:{get_column_letter(len(kopf))}"
                             f"{max(letzte, erste_zeile + 1)}")
    return letzte


def _kopftext(text: str) -> str:
    """Text for a header or footer: Excel allows 255 characters there, '&' starts a code."""
    return kuerze(entschaerfe(" ".join(text.split())), 240, wortweise=True).replace("&", "&&")


def _fusszeile(blatt: Worksheet, bericht: Bericht | Jahresplanung) -> None:
    """The basis of the report in every printed page's footer, the notice in its header."""
    blatt.oddFooter.left.text = _kopftext(bericht.grundlage.zeile())
    blatt.oddFooter.left.size = 7
    if bericht.rahmen.hinweis.strip():
        blatt.oddHeader.left.text = _kopftext(bericht.rahmen.hinweis)
        blatt.oddHeader.left.size = 7
    blatt.oddFooter.right.text = "Seite &P von &N"
    blatt.page_setup.orientation = "landscape"
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0
    blatt.sheet_properties.pageSetUpPr.fitToPage = True


def _kopf(blatt: Worksheet, bericht: Bericht | Jahresplanung, titel: str) -> None:
    """Title, Stand, Grundlage and the frame's notice in rows 1–4 (the table starts in row 5)."""
    anzahl = (bericht.gesamt.anzahl if isinstance(bericht, Jahresplanung)
              else len(bericht.ziele))
    textzelle(blatt["A1"], titel)
    blatt["A1"].font = Font(bold=True, size=14)
    blatt["A2"] = f"{bericht.stand_text} · {anzahl_de(anzahl, 'Ziel', 'Ziele')}"
    textzelle(blatt["A3"], f"Grundlage: {bericht.grundlage.zeile()}")
    blatt["A3"].font = Font(italic=True, color="555555")
    if bericht.rahmen.hinweis.strip():
        textzelle(blatt["A4"], " ".join(bericht.rahmen.hinweis.split()))
        blatt["A4"].font = _HINWEIS_SCHRIFT


def _uebersicht(blatt: Worksheet, bericht: Bericht) -> None:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    _kopf(blatt, bericht, bericht.titel)
    matrix = z.matrix
    status = [w.name for w in rahmen.umsetzungsstand]
    ampeln = [w.name for w in rahmen.ampel]
    kopf = ["Amt", "Organisationseinheit", "Anlage", "Ziele",
            *(f"HF {h}" for h in matrix.handlungsfelder), *status,
            *(f"Ampel {a}" for a in ampeln)]
    zeilen: list[list[Any]] = []
    for amt in rahmen.aemter_in_anlagenfolge():
        kuerzel = amt.kuerzel
        zeilen.append([kuerzel, amt.name, amt.anlage or None, matrix.zeilensumme(kuerzel),
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
    unten = [abschnitte.handlungsfelder_legende(rahmen)]
    if rahmen.berichte.matrix_fussnote:
        unten.append(" ".join(rahmen.berichte.matrix_fussnote.split()))
    for zeile, text in enumerate(unten, start=letzte + 3):
        textzelle(blatt.cell(row=zeile, column=1), text).font = Font(
            italic=True, color="555555")
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
        letzte = schreibe_tabelle(blatt, KENNZAHLSPALTEN, kennzahl_zeilen(bericht))
        regel = textzelle(blatt.cell(row=letzte + 2, column=1),
                          bericht.zusammenfassung.kennzahl_regel)
        regel.font = Font(italic=True, color="555555")
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
    "ID", "Titel", *ANGABEN, "Strategischer Leitsatz", "Wirkungsziel", "Leistungsziel",
    "Maßnahmen", "Stand", *STECKBRIEF_UEBERSCHRIFTEN.values(), "Kennzahlen", "Beschlüsse",
)
"""One column per field of a Steckbrief (``Steckbrief.felder``), one row per goal."""
_TEXTSPALTEN = ("Beteiligte", "Begründung des Umsetzungsstands", "Begründung der Ampel",
                "Strategischer Leitsatz", "Wirkungsziel", "Leistungsziel", "Maßnahmen",
                *STECKBRIEF_UEBERSCHRIFTEN.values(), "Kennzahlen", "Beschlüsse")
"""Columns with long texts: wide, wrapped."""


def _steckbrief_zeile(sb: Steckbrief) -> list[Any]:
    werte: dict[str, Any] = {"ID": sb.ziel.id, "Titel": sb.ziel.titel}
    for angabe in sb.angaben():
        werte[angabe.titel] = angabe.text
        if angabe.art == "handlungsfeld":
            werte["Strategischer Leitsatz"] = angabe.zusatz
    werte["Wirkungsziel"] = sb.wirkungsziel.strip()
    werte["Leistungsziel"] = sb.leistungsziel.strip()
    werte["Maßnahmen"] = "\n".join(
        f"{m.nummer}. {m.titel} ({m.status or 'ohne Status'}"
        + (f", Termin {datum_de(m.termin)}" if m.termin else "")
        + (", überfällig" if m.ueberfaellig else "") + ")" for m in sb.massnahmen)
    werte["Stand"] = sb.stand
    for titel, text in sb.texte:
        werte[titel] = text.strip()
    werte["Kennzahlen"] = "\n".join(
        f"{k.name}: Basis {k.basis} → zuletzt {k.zuletzt}"
        + (f" ({datum_de(k.zuletzt_stichtag)})" if k.zuletzt_stichtag else "")
        + (f", erwartet {k.erwartet}" if k.erwartet != "–" else "") + f" → Ziel {k.ziel}"
        + (f" bis {k.zieljahr}" if k.zieljahr else "")
        + f"; {k.bewertung}" + (f" ({k.details})" if k.details else "") for k in sb.kennzahlen)
    werte["Beschlüsse"] = "\n".join(sb.beschluesse)
    return [werte.get(spalte) or None for spalte in STECKBRIEFSPALTEN]


def steckbriefe_xlsx(bericht: Bericht) -> bytes:
    """The Maßnahmensteckbriefe as XLSX: a cover sheet, then one sheet per Organisationseinheit
    (Anlagen order) with one row per goal and one column per field."""
    mappe = Workbook()
    vergeben: set[str] = set()
    deckblatt = mappe.active
    assert deckblatt is not None
    deckblatt.title = blattname("Deckblatt", vergeben)
    anlagen = steckbriefe_je_amt(bericht)
    _kopf(deckblatt, bericht, f"Maßnahmensteckbriefe {bericht.rahmen.name}")
    schreibe_tabelle(deckblatt, ("Anlage", "Organisationseinheit", "Steckbriefe", "Blatt"),
                     ([amt.anlage or None, amt.name, len(liste),
                       f"Anlage {amt.anlage} {amt.kuerzel}"] for amt, liste in anlagen),
                     erste_zeile=5)
    _fusszeile(deckblatt, bericht)
    spalten = {titel: nummer for nummer, titel in enumerate(STECKBRIEFSPALTEN, start=1)}
    for amt, liste in anlagen:
        blatt = mappe.create_sheet(blattname(f"Anlage {amt.anlage} {amt.kuerzel}", vergeben))
        letzte = schreibe_tabelle(blatt, STECKBRIEFSPALTEN, (_steckbrief_zeile(sb) for sb in liste))
        for titel in _TEXTSPALTEN:
            spalte = spalten[titel]
            blatt.column_dimensions[get_column_letter(spalte)].width = 45
            for zeile in range(2, letzte + 1):
                blatt.cell(row=zeile, column=spalte).alignment = _UMBRUCH
        _fusszeile(blatt, bericht)
    return _als_bytes(mappe, bericht)


def jahresplanung_xlsx(planung: Jahresplanung) -> bytes:
    """The Jahresplanung as one sheet: a row per goal, a bold sum row per Amt, the total."""
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = blattname(f"Jahresplanung {planung.jahr}", set())
    _kopf(blatt, planung, planung.titel)
    zeilen = plan_zeilen(planung)
    letzte = schreibe_tabelle(blatt, PLANSPALTEN, zeilen, erste_zeile=6)
    for nummer, zeile in enumerate(zeilen, start=7):
        if zeile[0] != "Ziel":
            for spalte in range(1, len(PLANSPALTEN) + 1):
                blatt.cell(row=nummer, column=spalte).font = Font(bold=True)
    textzelle(blatt.cell(row=letzte + 2, column=1), planung.erlaeuterung)
    for buchstabe, breite in (("A", 11), ("B", 8), ("C", 7), ("E", 9), ("F", 60)):
        blatt.column_dimensions[buchstabe].width = breite
    _fusszeile(blatt, planung)
    return _als_bytes(mappe, planung)
