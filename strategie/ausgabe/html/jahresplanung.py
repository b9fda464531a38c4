"""The Jahresplanung as one self-contained HTML document (A4), from ``jahresplanung.html.j2``."""

from __future__ import annotations

from pathlib import Path

from strategie.ausgabe.html.stil import FARBEN
from strategie.ausgabe.html.umgebung import rendere
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.format import datum_de


def jahresplanung_html(planung: Jahresplanung, vorlagen: Path | None = None) -> str:
    """The whole Jahresplanung as one HTML5 document (no scripts, nothing external).

    *vorlagen* is a folder of own templates that replace shipped ones of the same name.
    """
    stand = datum_de(planung.stichtag)
    return rendere(
        "jahresplanung.html.j2", vorlagen, planung=planung, bericht=planung,
        rahmen=planung.rahmen,
        farben=FARBEN, titel=f"{planung.titel} – Stand {stand}",
        kopfzeile=f"{planung.titel} · Stand {stand}", fusszeile=planung.grundlage.zeile(),
        fusshinweis=" ".join(planung.rahmen.hinweis.split()), benannt={})
