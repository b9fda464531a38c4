"""The Sachstandsbericht as one self-contained HTML document, printable on A4, with SVG charts.

This module prepares what the templates ``vorlagen/bericht*.html.j2`` show (sorted lists,
counts, charts); the layout is theirs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from markupsafe import Markup

from strategie.ausgabe.html.aenderungen import aenderungen_sicht
from strategie.ausgabe.html.stil import FARBEN
from strategie.ausgabe.html.svg import kennzahl_svg, status_balken_svg
from strategie.ausgabe.html.umgebung import rendere
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.zusammenfassung import HINWEISARTEN, Auffaelligkeit
from strategie.text.format import datum_de, zahl_de

KENNZAHL_DIAGRAMME = 60
"""Trend charts drawn at most; further Kennzahlen are listed without a chart."""

SCHWERE = {"rot": 0, "entfallen": 1, "zurückgestellt": 2, "gelb": 3, "massnahme": 4,
           "steckbrief": 5}
"""Order of the attention list: the most serious Hinweis of a goal first."""
BEWERTUNGEN = ("nicht auf Kurs", "auf Kurs", "erreicht", "keine Messwerte")
"""Order of the Kennzahlen: those off track first."""


def bericht_html(bericht: Bericht, vorlagen: Path | None = None) -> str:
    """The whole Sachstandsbericht as one HTML5 document (no scripts, nothing external).

    *vorlagen* is a folder of own templates that replace shipped ones of the same name.
    """
    aemter = list(enumerate(bericht.aemter(), start=1))
    stichtag = datum_de(bericht.stichtag)
    return rendere(
        "bericht.html.j2", vorlagen, **berichtskontext(bericht), aemter=aemter,
        titel=f"{bericht.titel} – Stichtag {stichtag}",
        kopfzeile=f"{bericht.titel} · Stichtag {stichtag}",
        fusszeile=bericht.grundlage.zeile(),
        benannt={f"amt{n}": f"{bericht.titel} · {amt.name}" for n, amt in aemter})


def berichtskontext(bericht: Bericht) -> dict[str, Any]:
    """Everything the report's templates read besides the page frame."""
    z = bericht.zusammenfassung
    kontext: dict[str, Any] = {
        "bericht": bericht, "z": z, "rahmen": bericht.rahmen, "farben": FARBEN,
        **_ueberblick(bericht), "aufmerksam": _aufmerksamkeit(bericht),
        "kennzahlen": _kennzahlen(bericht), "abschnitte": _abschnitte(bericht)}
    if bericht.aenderungen is not None:
        kontext["aenderungen"] = aenderungen_sicht(bericht)
    return kontext


def _ueberblick(bericht: Bericht) -> dict[str, Any]:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    bewertungen = Counter(k.bewertung for k in z.kennzahlen)
    gut = bewertungen["erreicht"] + bewertungen["auf Kurs"]
    kacheln = [(zahl_de(z.anzahl), "Ziele"), (zahl_de(len(z.leuchttuerme)), "Leuchttürme"),
               (zahl_de(len(z.auffaellig)), "brauchen Aufmerksamkeit"),
               (zahl_de(z.nach_ampel.get("rot", 0)), "Ampel rot"),
               (f"{zahl_de(gut)}/{zahl_de(len(z.kennzahlen))}",
                "Kennzahlen erreicht oder auf Kurs")]
    zeilen = [(amt.kurzname, z.status_je_amt.get(amt.kuerzel, Counter()))
              for amt in bericht.aemter()]
    gesamt = max(z.anzahl, 1)

    def zeile(art: str, wert: str, anzahl: int) -> dict[str, Any]:
        return {"art": art, "wert": wert, "anzahl": anzahl,
                "anteil": round(anzahl / gesamt * 100)}

    nach_ampel = [zeile("ampel", w.name, z.nach_ampel.get(w.name, 0)) for w in rahmen.ampel]
    if z.nach_ampel.get("–"):
        nach_ampel.append(zeile("ohne", "ohne Ampel", z.nach_ampel["–"]))
    return {
        "kacheln": kacheln,
        "status_diagramm": Markup(status_balken_svg(  # built and escaped by svg.py
            zeilen, [w.name for w in rahmen.umsetzungsstand])),
        "nach_status": [zeile("status", w.name, z.nach_status.get(w.name, 0))
                        for w in rahmen.umsetzungsstand],
        "nach_ampel": nach_ampel,
    }


def _schwere(auffaellig: Auffaelligkeit) -> int:
    return min(SCHWERE.get(h.art, 9) for h in auffaellig.hinweise)


def _aufmerksamkeit(bericht: Bericht) -> dict[str, Any]:
    auffaellig = sorted(bericht.zusammenfassung.auffaellig, key=_schwere)
    arten = Counter(h.art for a in auffaellig for h in a.hinweise)
    return {"eintraege": auffaellig,
            "arten": [(titel, arten[art]) for art, titel in HINWEISARTEN.items()
                      if arten.get(art)]}


def _kennzahlen(bericht: Bericht) -> dict[str, Any]:
    """Each Kennzahl with its verdict, those off track first; trend charts up to the cap."""
    rang = {b: i for i, b in enumerate(BEWERTUNGEN)}
    staende = sorted(bericht.zusammenfassung.kennzahlen, key=lambda k: rang.get(k.bewertung, 9))
    zaehler = Counter(k.bewertung for k in staende)
    zeilen, diagramme = [], 0
    for stand in staende:
        diagramm = Markup("")
        if diagramme < KENNZAHL_DIAGRAMME and stand.kennzahl.messwerte:
            diagramm = Markup(kennzahl_svg(stand.kennzahl))  # built and escaped by svg.py
            diagramme += 1
        zeilen.append({"stand": stand, "diagramm": diagramm})
    return {"zeilen": zeilen, "zaehlung": [(b, zaehler.get(b, 0)) for b in BEWERTUNGEN],
            "mit_werten": sum(1 for s in staende if s.kennzahl.messwerte),
            "hoechstens": KENNZAHL_DIAGRAMME}


def _abschnitte(bericht: Bericht) -> list[dict[str, Any]]:
    z = bericht.zusammenfassung
    hinweise = {a.ziel.pfad: a.hinweise for a in z.auffaellig}
    veraltet = {pfad for pfad, liste in hinweise.items()
                if any(h.art == "steckbrief" for h in liste)}
    return [{"nummer": nummer, "amt": amt, "ziele": bericht.ziele_von(amt.kuerzel),
             "status": z.status_je_amt.get(amt.kuerzel, Counter()),
             "ampel": z.ampel_je_amt.get(amt.kuerzel, Counter()),
             "hinweise": hinweise, "veraltet": veraltet}
            for nummer, amt in enumerate(bericht.aemter(), start=1)]
