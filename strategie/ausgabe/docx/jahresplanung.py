"""The Jahresplanung as a Word document: a Word table per Amt with its sum, the sums, the open
goals without a year – the Vorlage for the annual decision, to be edited before it goes out."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from strategie.ausgabe.docx.dokument import (
    GRAU,
    Marke,
    absatz,
    als_bytes,
    fette_zeile,
    hinweis,
    kopf_und_fuss,
    neues_dokument,
    tabelle,
    text,
    ueberschrift,
)
from strategie.ausgabe.docx.steckbriefe import grundlage
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.format import anzahl_de, euro_de, ja_nein, zahl_de

BREITEN = (17, 76, 22, 30, 18, 16, 24, 24, 12)
"""Column widths (mm) of the per-Amt table on a landscape A4 page (247 mm of text width)."""


def _summe(summe: Mittelsumme) -> tuple[str, str, str]:
    return euro_de(summe.plan), euro_de(summe.ist), zahl_de(summe.personal)


def jahresplanung_docx(planung: Jahresplanung, vorlagen: Path | None = None) -> bytes:
    """The whole Jahresplanung as a .docx (landscape A4: the table has nine columns)."""
    dokument = neues_dokument(vorlagen, planung.titel, planung.grundlage.zeile())
    if vorlagen is None or not (vorlagen / "vorlage.docx").is_file():
        abschnitt = dokument.sections[0]
        abschnitt.orientation = WD_ORIENT.LANDSCAPE
        abschnitt.page_width, abschnitt.page_height = Mm(297), Mm(210)
        abschnitt.left_margin, abschnitt.right_margin = Mm(25), Mm(25)
    kopf_und_fuss(dokument, f"{planung.titel} · {planung.stand_text}", planung)
    ueberschrift(dokument, text(planung.titel), 0)
    traeger = f" · {planung.rahmen.traeger}" if planung.rahmen.traeger else ""
    absatz(dokument, f"{planung.stand_text} · {anzahl_de(planung.gesamt.anzahl, 'Ziel', 'Ziele')}"
                     f"{traeger}", farbe=GRAU)
    hinweis(dokument, planung.rahmen.hinweis)
    grundlage(dokument, planung)
    absatz(dokument, planung.erlaeuterung, klein=True, farbe=GRAU)
    if not planung.aemter:
        absatz(dokument, f"Kein Ziel hat das Umsetzungsjahr {planung.jahr}.", kursiv=True,
               farbe=GRAU)
    for amtplan in planung.aemter:
        amt = amtplan.amt
        ueberschrift(dokument, text((f"Anlage {amt.anlage} – " if amt.anlage else "") + amt.name),
                     1)
        fette_zeile(tabelle(
            dokument, ["ID", "Titel", "Art", "Umsetzungsstand", "haushaltsneutral", "Produkt",
                       "Mittel Plan", "Mittel Ist", "VZÄ"],
            [*((z.ziel.id, z.ziel.titel, z.art or "–", Marke(z.status, "status"),
                ja_nein(z.haushaltsneutral), z.produkt or "–", euro_de(z.mittel_plan),
                euro_de(z.mittel_ist), zahl_de(z.personal_vzae)) for z in amtplan.zeilen),
             ("Summe", anzahl_de(amtplan.summe.anzahl, "Ziel", "Ziele"), "", "", "", "",
              *_summe(amtplan.summe))],
            rechts=(6, 7, 8), breiten=BREITEN))
    if planung.aemter:
        g = planung.gesamt
        ueberschrift(dokument, f"Summen {planung.jahr}", 1)
        fette_zeile(tabelle(
            dokument, ["Organisationseinheit", "Ziele", "haushaltsneutral", "ohne Planansatz",
                       "Mittel Plan", "Mittel Ist", "VZÄ"],
            [*((a.amt.name, zahl_de(a.summe.anzahl), zahl_de(a.summe.haushaltsneutral),
                zahl_de(a.summe.ohne_planansatz), *_summe(a.summe)) for a in planung.aemter),
             ("Summe", zahl_de(g.anzahl), zahl_de(g.haushaltsneutral),
              zahl_de(g.ohne_planansatz), *_summe(g))],
            rechts=range(1, 7), breiten=(85, 18, 30, 30, 30, 30, 24)))
    if planung.entfallen:
        absatz(dokument, "Entfallen und nicht mitgezählt: "
                         + ", ".join(z.id for z in planung.entfallen), klein=True, farbe=GRAU)
    if planung.ohne_jahr:
        ueberschrift(dokument, "Noch keinem Haushaltsjahr zugeordnet "
                               f"({anzahl_de(len(planung.ohne_jahr), 'Ziel', 'Ziele')})", 1)
        for ziel in planung.ohne_jahr:
            absatz(dokument, f"{ziel.id} {ziel.titel} ({ziel.status})", stil="List Bullet")
    return als_bytes(dokument)
