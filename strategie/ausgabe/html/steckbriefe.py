"""The Maßnahmensteckbriefe as in Vorlage 2024/144: one printed page per goal, Anlagen by Amt.

The content of a Steckbrief comes from ``strategie.ausgabe.steckbrief`` (the same for every
medium); the templates ``vorlagen/steckbrief*.html.j2`` lay it out.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from strategie.ausgabe.html.stil import FARBEN
from strategie.ausgabe.html.svg import kennzahl_svg
from strategie.ausgabe.html.umgebung import rendere
from strategie.ausgabe.steckbrief import anlage_titel, steckbriefe_je_amt
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import Kennzahlstand
from strategie.modell.feld import STECKBRIEF_UEBERSCHRIFTEN
from strategie.text.format import datum_de


def _diagramm(stand: Kennzahlstand) -> Markup:
    """The trend chart with the expected line, built and escaped by svg.py: safe to insert."""
    return Markup(kennzahl_svg(stand.kennzahl, soll=stand.soll_am))


def steckbriefe_html(bericht: Bericht, vorlagen: Path | None = None) -> str:
    """All Maßnahmensteckbriefe of the report as one HTML5 document, one goal per A4 page.

    *vorlagen* is a folder of own templates that replace shipped ones of the same name.
    """
    anlagen = [(nummer, amt, steckbriefe) for nummer, (amt, steckbriefe)
               in enumerate(steckbriefe_je_amt(bericht), start=1)]
    titel = f"Maßnahmensteckbriefe {bericht.rahmen.name}"
    stichtag = datum_de(bericht.stichtag)
    return rendere(
        "steckbriefe.html.j2", vorlagen, bericht=bericht, rahmen=bericht.rahmen,
        anlagen=anlagen, ueberschriften=list(STECKBRIEF_UEBERSCHRIFTEN.values()),
        kennzahl_svg=_diagramm, anlage_titel=anlage_titel, farben=FARBEN,
        titel=f"{titel} – Stand {stichtag}", kopfzeile=f"{titel} · Stand {stichtag}",
        fusszeile=bericht.grundlage.zeile(),
        fusshinweis=" ".join(bericht.rahmen.hinweis.split()),
        benannt={f"anlage{n}": f"{anlage_titel(amt)} · Stand {stichtag}"
                 for n, amt, _ in anlagen})
