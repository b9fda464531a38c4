"""The Sachstandsbericht as one self-contained HTML document, printable on A4, with SVG charts.

This module prepares what the templates ``vorlagen/bericht*.html.j2`` show (sorted lists,
counts, charts); the layout is theirs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from strategie.ausgabe import abschnitte
from strategie.ausgabe.aenderungen import aenderungen_sicht
from strategie.ausgabe.html.stil import FARBEN
from strategie.ausgabe.html.svg import kennzahl_svg, status_balken_svg
from strategie.ausgabe.html.umgebung import rendere, vorlage
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import AUF_KURS, ERREICHT
from strategie.auswertung.zusammenfassung import HINWEISARTEN
from strategie.text.format import mit_einheit, zahl_de

KENNZAHL_DIAGRAMME = 60
"""Trend charts drawn at most; further Kennzahlen are listed without a chart."""

NAMEN = {"ueberblick": abschnitte.UEBERBLICK, "umsetzungsjahre": abschnitte.UMSETZUNGSJAHRE,
         "raeume": abschnitte.RAEUME, "raeume_erklaert": abschnitte.RAEUME_ERKLAERT,
         "leuchttuerme": abschnitte.LEUCHTTUERME, "handlungsbedarf": abschnitte.HANDLUNGSBEDARF,
         "kennzahlen": abschnitte.KENNZAHLEN, "je_amt": abschnitte.JE_AMT}
"""The section titles as the templates see them (``namen.kennzahlen``)."""

def bericht_html(bericht: Bericht, vorlagen: Path | None = None) -> str:
    """The whole Sachstandsbericht as one HTML5 document (no scripts, nothing external).

    *vorlagen* is a folder of own templates that replace shipped ones of the same name.
    """
    aemter = list(enumerate(bericht.aemter(), start=1))
    return rendere(
        "bericht.html.j2", vorlagen, **berichtskontext(bericht), aemter=aemter,
        marken=marken(vorlagen),
        titel=f"{bericht.titel} – {bericht.stand_text}",
        kopfzeile=f"{bericht.titel} · {bericht.stand_text}",
        fusszeile=bericht.grundlage.zeile(),
        fusshinweis=" ".join(bericht.rahmen.hinweis.split()),
        benannt={f"amt{n}": f"{bericht.titel} · {amt.name}" for n, amt in aemter})


class _Marken(dict[str, Markup]):
    """The mark of each vocabulary value, rendered by the template's macro once per value."""

    def __init__(self, makro: Callable[[str], Markup]) -> None:
        super().__init__()
        self.makro = makro

    def __missing__(self, wert: str) -> Markup:
        self[wert] = marke = self.makro(wert)
        return marke


def marken(vorlagen: Path | None) -> dict[str, _Marken]:
    """``b.status`` and ``b.ampel`` of ``bausteine.html.j2`` (own or shipped), cached by value."""
    bausteine = vorlage("bausteine.html.j2", vorlagen).module
    return {"status": _Marken(bausteine.status), "ampel": _Marken(bausteine.ampel)}  # type: ignore[attr-defined]


def berichtskontext(bericht: Bericht) -> dict[str, Any]:
    """Everything the report's templates read besides the page frame."""
    z = bericht.zusammenfassung
    kontext: dict[str, Any] = {
        "bericht": bericht, "z": z, "rahmen": bericht.rahmen, "farben": FARBEN,
        **_ueberblick(bericht), "handlungsbedarf": _handlungsbedarf(bericht),
        "kennzahlen": _kennzahlen(bericht), "abschnitte": _abschnitte(bericht),
        "namen": NAMEN}
    if bericht.aenderungen is not None:
        kontext["aenderungen"] = aenderungen_sicht(bericht)
    return kontext


def _ueberblick(bericht: Bericht) -> dict[str, Any]:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    bewertungen = Counter(k.bewertung for k in z.kennzahlen)
    gut = bewertungen[ERREICHT] + bewertungen[AUF_KURS]
    kacheln = [(zahl_de(z.anzahl), "Ziele"), (zahl_de(len(z.leuchttuerme)), "Leuchttürme"),
               (zahl_de(len(z.auffaellig)), "mit Handlungsbedarf"),
               (zahl_de(z.nach_ampel.get("rot", 0)), "Ampel rot"),
               (f"{zahl_de(gut)}/{zahl_de(len(z.kennzahlen))}",
                f"Kennzahlen {ERREICHT} oder {AUF_KURS}")]
    zeilen = [(amt.kurzname, z.status_je_amt.get(amt.kuerzel, Counter()))
              for amt in bericht.aemter()]
    nach_ampel = [{"art": "ampel" if wert != "ohne Ampel" else "ohne", "wert": wert,
                   "anzahl": anzahl, "anteil": anteil}
                  for wert, anzahl, anteil in abschnitte.nach_ampel(bericht)]
    return {
        "kacheln": kacheln,
        "status_diagramm": Markup(status_balken_svg(  # built and escaped by svg.py
            zeilen, [w.name for w in rahmen.umsetzungsstand])),
        "nach_status": [{"art": "status", "wert": wert, "anzahl": anzahl, "anteil": anteil}
                        for wert, anzahl, anteil in abschnitte.nach_status(bericht)],
        "nach_ampel": nach_ampel,
        "matrix_hinweise": abschnitte.matrix_hinweise(rahmen),
        "legende": abschnitte.handlungsfelder_legende(rahmen),
    }


def _handlungsbedarf(bericht: Bericht) -> dict[str, Any]:
    eintraege = abschnitte.handlungsbedarf(bericht)
    arten = Counter(h.art for a in eintraege for h in a.hinweise)
    return {"eintraege": eintraege,
            "arten": [(titel, arten[art]) for art, titel in HINWEISARTEN.items()
                      if arten.get(art)],
            "erklaert": abschnitte.handlungsbedarf_erklaert(
                bericht.zusammenfassung.max_alter_monate)}


def _kennzahlen(bericht: Bericht) -> dict[str, Any]:
    """Each Kennzahl with its verdict and expected value, those needing action first; trend
    charts up to the cap."""
    staende = abschnitte.kennzahlen_geordnet(bericht)
    zaehler = Counter(k.bewertung for k in staende)
    zeilen, diagramme = [], 0
    for stand in staende:
        diagramm = Markup("")
        if diagramme < KENNZAHL_DIAGRAMME and stand.kennzahl.messwerte:
            diagramm = Markup(kennzahl_svg(  # built and escaped by svg.py
                stand.kennzahl, soll=stand.soll_am))
            diagramme += 1
        zeilen.append({"stand": stand, "diagramm": diagramm,
                       "erwartet": mit_einheit(stand.erwartet, stand.kennzahl.einheit, 1)})
    return {"zeilen": zeilen, "zaehlung": [(b, zaehler.get(b, 0)) for b in abschnitte.BEWERTUNGEN],
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
