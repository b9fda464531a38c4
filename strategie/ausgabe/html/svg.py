"""Inline SVG charts for the HTML reports: Umsetzungsstand per Amt and Kennzahl trends."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence

from strategie.ausgabe.farben import STATUS_HEX, STATUS_MUSTER, grauwert
from strategie.ausgabe.html.stil import UNBEKANNT_HEX, esc
from strategie.modell.ziel import Kennzahl
from strategie.text.format import mit_einheit, zahl_de
from strategie.text.kuerzen import kuerze

SCHRIFT = 11
"""Font size of chart labels in SVG units."""
ZEICHENBREITE = 0.6
"""Average glyph width as a share of the font size (DejaVu Sans), for laying out labels."""
LINIE = "#1d4f91"
BASIS_FARBE = "#757575"
ZIEL_FARBE = "#2e7d32"
SOLL_FARBE = "#8e6bbf"
"""The expected line from Basis to Ziel: a hue of its own, apart from the Messwerte's blue."""


def _z(wert: float) -> str:
    """A coordinate with one decimal: the same input always gives the same text (0 for a value
    the arithmetic took out of the floats: never 'nan' or 'inf' in a chart)."""
    text = f"{wert:.1f}" if math.isfinite(wert) else "0"
    return text[:-2] if text.endswith(".0") else text


def _textbreite(text: str, schrift: float = SCHRIFT) -> float:
    return len(text) * schrift * ZEICHENBREITE


def _hell(farbe: str) -> bool:
    """Whether dark text reads better than white on this #rrggbb colour."""
    return grauwert(farbe) > 160


def _muster(werte: Sequence[str]) -> tuple[str, dict[str, str]]:
    """SVG <defs> with the hatching of the hatched states among *werte*, and their fills."""
    defs: list[str] = []
    fuellung: dict[str, str] = {}
    for wert in werte:
        art = STATUS_MUSTER.get(wert)
        if not art:
            continue
        kennung = f"muster-{len(fuellung) + 1}"
        farbe = STATUS_HEX.get(wert, UNBEKANNT_HEX)
        drehung = 45 if art == "schraeg" else -45
        defs.append(f'<pattern id="{kennung}" width="4.5" height="4.5" '
                    f'patternUnits="userSpaceOnUse" patternTransform="rotate({drehung})">'
                    f'<rect width="4.5" height="4.5" fill="#ffffff"/>'
                    f'<rect width="2.8" height="4.5" fill="{farbe}"/></pattern>')
        fuellung[wert] = f"url(#{kennung})"
    return (f"<defs>{''.join(defs)}</defs>" if defs else ""), fuellung


def _svg(breite: float, hoehe: float, titel: str, inhalt: list[str], klasse: str) -> str:
    """The chart element; inline in HTML, so it needs no xmlns (and names no URL)."""
    return (f'<svg class="{klasse}" role="img" '
            f'viewBox="0 0 {_z(breite)} {_z(hoehe)}" width="{_z(breite)}" '
            f'height="{_z(hoehe)}" aria-label="{esc(titel)}"><title>{esc(titel)}</title>'
            + "".join(inhalt) + "</svg>")


def status_balken_svg(zeilen: Sequence[tuple[str, Mapping[str, int]]], werte: Sequence[str],
                      titel: str = "Umsetzungsstand je Amt", breite: int = 680) -> str:
    """Horizontal stacked bars: one row per (label, counts by Umsetzungsstand), with a legend.

    Segments follow the order of *werte* (the frame's vocabulary) in the colours of
    ``STATUS_HEX`` (hatched for ``STATUS_MUSTER``); bars share one scale, so the Ämter are
    comparable; each row ends with its total.
    """
    beschriftung = 190.0
    rechts = 44.0
    zeilenhoehe, balkenhoehe, oben = 24.0, 15.0, 6.0
    flaeche = breite - beschriftung - rechts
    hoechstens = max((sum(z.values()) for _, z in zeilen), default=0) or 1
    defs, muster = _muster(werte)
    teile: list[str] = [defs] if defs else []
    y = oben
    for name, zaehler in zeilen:
        mitte = y + zeilenhoehe / 2
        kurz = kuerze(name, int((beschriftung - 8) / (SCHRIFT * ZEICHENBREITE)))
        teile.append(f'<text x="{_z(beschriftung - 8)}" y="{_z(mitte + 4)}" '
                     f'text-anchor="end" font-size="{SCHRIFT}" fill="#1f2a37">'
                     f"<title>{esc(name)}</title>{esc(kurz)}</text>")
        x = beschriftung
        gesamt = 0
        for wert in werte:
            anzahl = zaehler.get(wert, 0)
            if not anzahl:
                continue
            gesamt += anzahl
            laenge = anzahl / hoechstens * flaeche
            farbe = STATUS_HEX.get(wert, UNBEKANNT_HEX)
            teile.append(f'<rect x="{_z(x)}" y="{_z(mitte - balkenhoehe / 2)}" '
                         f'width="{_z(laenge)}" height="{_z(balkenhoehe)}" '
                         f'fill="{muster.get(wert, farbe)}" '
                         f'stroke="#ffffff" stroke-width="0.8"><title>{esc(name)} – '
                         f"{esc(wert)}: {anzahl}</title></rect>")
            zahl = zahl_de(anzahl)
            if laenge >= _textbreite(zahl, 9) + 6:
                if wert in muster:  # a white label on the hatching keeps the number legible
                    breite_zahl = _textbreite(zahl, 9) + 4
                    teile.append(f'<rect x="{_z(x + (laenge - breite_zahl) / 2)}" '
                                 f'y="{_z(mitte - 5.5)}" width="{_z(breite_zahl)}" height="11" '
                                 'rx="2" fill="#ffffff"/>')
                dunkel = wert in muster or _hell(farbe)
                teile.append(f'<text x="{_z(x + laenge / 2)}" y="{_z(mitte + 3.2)}" '
                             f'text-anchor="middle" font-size="9" '
                             f'fill="{"#1f2a37" if dunkel else "#ffffff"}">{zahl}</text>')
            x += laenge
        for wert, anzahl in zaehler.items():  # values outside the vocabulary still count
            if wert not in werte and anzahl:
                gesamt += anzahl
        teile.append(f'<text x="{_z(x + 5)}" y="{_z(mitte + 4)}" font-size="{SCHRIFT}" '
                     f'font-weight="bold" fill="#1f2a37">{zahl_de(gesamt)}</text>')
        y += zeilenhoehe
    y += 8
    x = beschriftung
    for wert in werte:
        eintrag = _textbreite(wert, 10) + 22
        if x + eintrag > breite and x > beschriftung:
            x, y = beschriftung, y + 17
        farbe = muster.get(wert, STATUS_HEX.get(wert, UNBEKANNT_HEX))
        teile.append(f'<rect x="{_z(x)}" y="{_z(y)}" width="10" height="10" fill="{farbe}" '
                     'stroke="#9aa1a9" stroke-width="0.5"/>'
                     f'<text x="{_z(x + 14)}" y="{_z(y + 9)}" font-size="10" '
                     f'fill="#1f2a37">{esc(wert)}</text>')
        x += eintrag
    return _svg(breite, y + 16, titel, teile, "diagramm status-je-amt")


def _datum_kurz(datum: dt.date) -> str:
    return f"{datum.month:02d}/{datum.year}"


def kennzahl_svg(kennzahl: Kennzahl, breite: int = 220, hoehe: int = 92,
                 soll: Callable[[dt.date], float | None] | None = None) -> str:
    """A small trend chart: Messwerte as a line with points and values, Basiswert and
    Zielwert as dashed reference lines labelled on the right; '' without Messwerte.

    *soll* (``Kennzahlstand.soll_am``) gives the value the line from Basis to Ziel expects on
    a day: then the chart spans the time from the Basis to the Ziel as well and draws that
    line dashed from the Basis to the Ziel, so the Messwerte can be read against it.
    """
    werte = sorted(kennzahl.messwerte, key=lambda m: m.stichtag)
    if not werte:
        return ""
    linie = _sollinie(kennzahl, soll)
    links, rechts, oben, unten = 6.0, 56.0, 13.0, 15.0
    bezug = [("Basis", kennzahl.basiswert, BASIS_FARBE), ("Ziel", kennzahl.zielwert, ZIEL_FARBE)]
    alle = [m.wert for m in werte] + [w for _, w, _ in bezug if w is not None]
    tief, hoch = min(alle), max(alle)
    spanne = hoch - tief or (abs(hoch) or 1.0)
    tief, hoch = tief - spanne * 0.12, hoch + spanne * 0.12
    innen_b, innen_h = breite - links - rechts, hoehe - oben - unten
    tage = [m.stichtag.toordinal() for m in werte]
    spanne_tage = [*tage, *(datum.toordinal() for datum, _ in linie)]
    erster, dauer = min(spanne_tage), (max(spanne_tage) - min(spanne_tage)) or 1

    def px(tag: int) -> float:
        if len(werte) == 1 and not linie:
            return links + innen_b / 2
        return links + (tag - erster) / dauer * innen_b

    def py(wert: float) -> float:
        return oben + (hoch - wert) / (hoch - tief) * innen_h

    teile = [f'<rect x="{_z(links)}" y="{_z(oben)}" width="{_z(innen_b)}" '
             f'height="{_z(innen_h)}" fill="#f7f8fa" stroke="#d9dde2" stroke-width="0.6"/>']
    marken: list[tuple[float, str, str]] = []
    for name, wert, farbe in bezug:
        if wert is None:
            continue
        y = py(wert)
        teile.append(f'<line x1="{_z(links)}" y1="{_z(y)}" x2="{_z(links + innen_b)}" '
                     f'y2="{_z(y)}" stroke="{farbe}" stroke-width="1.2" '
                     f'stroke-dasharray="5 3"/>')
        marken.append((y, f"{name} {zahl_de(wert)}", farbe))
    if len(marken) == 2 and abs(marken[0][0] - marken[1][0]) < 10:
        (y1, t1, f1), (y2, t2, f2) = sorted(marken)
        mitte = (y1 + y2) / 2
        marken = [(mitte - 5, t1, f1), (mitte + 5, t2, f2)]
    for y, text, farbe in marken:
        teile.append(f'<text x="{_z(links + innen_b + 3)}" y="{_z(y + 3.2)}" font-size="9" '
                     f'fill="{farbe}">{esc(text)}</text>')
    if linie:
        (von, basis), (bis, ziel) = linie
        teile.append(f'<line class="soll" x1="{_z(px(von.toordinal()))}" y1="{_z(py(basis))}" '
                     f'x2="{_z(px(bis.toordinal()))}" y2="{_z(py(ziel))}" stroke="{SOLL_FARBE}" '
                     'stroke-width="1.2" stroke-dasharray="2 2"><title>erwartet: gerade Linie '
                     f"von der Basis ({von:%d.%m.%Y}) zum Ziel ({bis:%d.%m.%Y})</title></line>")
    punkte = [(px(t), py(m.wert)) for t, m in zip(tage, werte, strict=True)]
    if len(punkte) > 1:
        teile.append('<polyline fill="none" stroke="' + LINIE + '" stroke-width="1.5" '
                     'points="' + " ".join(f"{_z(x)},{_z(y)}" for x, y in punkte) + '"/>')
    achse: list[tuple[float, str, str]] = []
    for nummer, ((x, y), messwert) in enumerate(zip(punkte, werte, strict=True)):
        letzter = nummer == len(punkte) - 1
        teile.append(f'<circle cx="{_z(x)}" cy="{_z(y)}" r="{2.6 if letzter else 2}" '
                     f'fill="{LINIE}"><title>{esc(mit_einheit(messwert.wert, kennzahl.einheit))}'
                     f" am {messwert.stichtag:%d.%m.%Y}</title></circle>")
        wert_y = y - 4.5 if y - 4.5 > oben + 7 else y + 11
        anker = "end" if x > links + innen_b - 12 else ("start" if x < links + 12 else "middle")
        teile.append(f'<text x="{_z(x)}" y="{_z(wert_y)}" text-anchor="{anker}" '
                     f'font-size="8.5" fill="#1f2a37">{zahl_de(messwert.wert)}</text>')
        beschriftung = (x, anker, _datum_kurz(messwert.stichtag))
        if achse and x - achse[-1][0] < 38:  # too close to the previous date label
            if letzter:
                achse[-1] = beschriftung
            continue
        achse.append(beschriftung)
    teile += [f'<text x="{_z(ax)}" y="{_z(hoehe - 4)}" text-anchor="{aa}" font-size="8.5" '
              f'fill="#5b6470">{datum}</text>' for ax, aa, datum in achse]
    if linie:  # the dates the line runs between, where no Messwert's date label is
        belegt = [_spanne(ax, aa, datum) for ax, aa, datum in achse]
        for datum, _ in linie:
            x = px(datum.toordinal())
            anker = "end" if x > links + innen_b - 12 else (
                "start" if x < links + 12 else "middle")
            vorn, hinten = _spanne(x, anker, _datum_kurz(datum))
            if all(hinten + 3 <= a or vorn >= b + 3 for a, b in belegt):
                belegt.append((vorn, hinten))
                teile.append(f'<text x="{_z(x)}" y="{_z(hoehe - 4)}" text-anchor="{anker}" '
                             f'font-size="8.5" fill="{SOLL_FARBE}">{_datum_kurz(datum)}</text>')
    titel = f"Verlauf {kennzahl.name}"
    if kennzahl.einheit:
        titel += f" ({kennzahl.einheit})"
    return _svg(breite, hoehe, titel, teile, "diagramm kennzahl")


def _spanne(x: float, anker: str, text: str, schrift: float = 8.5) -> tuple[float, float]:
    """From where to where a label at *x* with this text-anchor reaches (estimated)."""
    breite = _textbreite(text, schrift)
    links = {"start": x, "middle": x - breite / 2, "end": x - breite}[anker]
    return links, links + breite


def _sollinie(kennzahl: Kennzahl, soll: Callable[[dt.date], float | None] | None
              ) -> tuple[tuple[dt.date, float], ...]:
    """Start and end of the expected line (Basis and Ziel with their dates), or ()."""
    von, bis = kennzahl.basisdatum, kennzahl.zieldatum
    if soll is None or von is None or bis is None:
        return ()
    anfang, ende = soll(von), soll(bis)
    if anfang is None or ende is None:
        return ()
    return ((von, anfang), (bis, ende))
