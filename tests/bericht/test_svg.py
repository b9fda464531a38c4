"""The inline SVG charts: deterministic, escaped, German numbers, colours from the palette."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from strategie.ausgabe.farben import STATUS_HEX
from strategie.ausgabe.html.svg import kennzahl_svg, status_balken_svg
from strategie.modell.ziel import Kennzahl, Messwert
from tests.bericht.dom import SVG, parse

WERTE = ["nicht begonnen", "in Umsetzung", "umgesetzt"]


def _svg(fragment: str):  # noqa: ANN202 - an ElementTree element
    dokument = parse(f'<!DOCTYPE html><html lang="de"><head><title>t</title></head>'
                     f"<body>{fragment}</body></html>")
    return next(dokument.iter(f"{SVG}svg"))


def test_status_balken() -> None:
    zeilen = [("Sozialamt", Counter({"in Umsetzung": 3, "umgesetzt": 1})),
              ('<Amt> & "Co"', Counter({"nicht begonnen": 2}))]
    svg = status_balken_svg(zeilen, WERTE)
    assert svg == status_balken_svg(zeilen, WERTE)
    wurzel = _svg(svg)
    rechtecke = [r for r in wurzel.iter(f"{SVG}rect")]
    balken = [r for r in rechtecke if r.find(f"{SVG}title") is not None]
    assert [r.find(f"{SVG}title").text for r in balken] == [  # type: ignore[union-attr]
        "Sozialamt – in Umsetzung: 3", "Sozialamt – umgesetzt: 1",
        '<Amt> & "Co" – nicht begonnen: 2']
    assert [r.get("fill") for r in balken] == [STATUS_HEX["in Umsetzung"],
                                               STATUS_HEX["umgesetzt"],
                                               STATUS_HEX["nicht begonnen"]]
    breiten = [float(r.get("width", 0)) for r in balken]
    assert abs(breiten[0] / breiten[1] - 3) < 0.01 and abs(breiten[0] + breiten[1]
                                                            - 2 * breiten[2]) < 0.5
    texte = [t.text for t in wurzel.iter(f"{SVG}text")]
    assert "4" in texte and "2" in texte  # totals at the bars' ends
    assert all(w in texte for w in WERTE)  # legend
    assert "&lt;Amt&gt; &amp; &quot;Co&quot;" in svg and '<Amt>' not in svg


def test_kennzahl_verlauf() -> None:
    kennzahl = Kennzahl("Quote <neu> & alt", "%", "steigend", basiswert=61.0, zielwert=70.0,
                        messwerte=(Messwert(dt.date(2024, 12, 31), 64.25),
                                   Messwert(dt.date(2023, 12, 31), 62.5),
                                   Messwert(dt.date(2026, 6, 30), 12345.5)))
    svg = kennzahl_svg(kennzahl)
    assert svg == kennzahl_svg(kennzahl)
    wurzel = _svg(svg)
    assert wurzel.find(f"{SVG}title").text == "Verlauf Quote <neu> & alt (%)"  # type: ignore[union-attr]
    punkte = wurzel.find(f"{SVG}polyline").get("points", "").split()  # type: ignore[union-attr]
    assert len(punkte) == 3
    xs = [float(p.split(",")[0]) for p in punkte]
    assert xs == sorted(xs)  # by Stichtag, not file order
    gestrichelt = [line for line in wurzel.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(gestrichelt) == 2
    texte = [t.text for t in wurzel.iter(f"{SVG}text")]
    assert {"62,5", "64,25", "12.345,5", "Basis 61", "Ziel 70", "12/2023", "06/2026"} <= set(
        texte)


def test_kennzahl_ohne_und_mit_einem_wert() -> None:
    assert kennzahl_svg(Kennzahl("leer", basiswert=1.0, zielwert=2.0)) == ""
    einer = _svg(kennzahl_svg(Kennzahl("einer", messwerte=(Messwert(dt.date(2025, 1, 1), 5.0),))))
    assert einer.find(f"{SVG}polyline") is None
    assert len(list(einer.iter(f"{SVG}circle"))) == 1
    assert not [line for line in einer.iter(f"{SVG}line")]  # no Basis or Ziel given


def test_kennzahl_mit_erwarteter_linie() -> None:
    """With the line from Basis to Ziel (``Kennzahlstand.soll_am``) the chart spans Basis to
    Ziel in time and draws that line dashed through the expected values."""
    from strategie.auswertung.kennzahlen import bewerte_kennzahl
    from strategie.modell.ziel import ziel_aus_daten

    kennzahl = Kennzahl("Quote", "%", "steigend", basiswert=60.0, zielwert=80.0, zieljahr=2026,
                        basisjahr=2022, messwerte=(Messwert(dt.date(2024, 6, 30), 66.0),
                                                   Messwert(dt.date(2024, 12, 31), 70.0)))
    ziel = ziel_aus_daten({"id": "SA-99", "titel": "Probe", "amt": "SA", "handlungsfeld": 1,
                           "status": "in Umsetzung", "wirkungsziel": "w",
                           "leistungsziel": "l"}, "sa/SA-99.toml")
    stand = bewerte_kennzahl(ziel, kennzahl)
    wurzel = _svg(kennzahl_svg(kennzahl, soll=stand.soll_am))
    (soll,) = [line for line in wurzel.iter(f"{SVG}line") if line.get("class") == "soll"]
    gestrichelt = [line for line in wurzel.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(gestrichelt) == 3  # Basis, Ziel and the line between them
    basis, ziel_linie = (next(float(line.get("y1", 0)) for line in gestrichelt
                              if line.get("class") != "soll" and line.get("stroke") == farbe)
                         for farbe in ("#757575", "#2e7d32"))
    assert float(soll.get("y1", 0)) == basis and float(soll.get("y2", 0)) == ziel_linie
    assert float(soll.get("x1", 0)) < float(soll.get("x2", 0))
    punkte = [float(p.split(",")[0]) for p in wurzel.find(  # type: ignore[union-attr]
        f"{SVG}polyline").get("points", "").split()]
    assert float(soll.get("x1", 0)) < punkte[0] and punkte[-1] < float(soll.get("x2", 0))
    # half way in time (31.12.2024) the line expects 70: the second point lies on it
    mitte_y = [float(c.get("cy", 0)) for c in wurzel.iter(f"{SVG}circle")][-1]
    anteil = (dt.date(2024, 12, 31) - dt.date(2022, 12, 31)).days / (
        dt.date(2026, 12, 31) - dt.date(2022, 12, 31)).days
    erwartet_y = basis + anteil * (ziel_linie - basis)
    assert abs(mitte_y - erwartet_y) < 0.2
    texte = [t.text for t in wurzel.iter(f"{SVG}text")]
    assert "12/2022" in texte and "12/2026" in texte  # the dates the line runs between
    assert kennzahl_svg(kennzahl) != kennzahl_svg(kennzahl, soll=stand.soll_am)
    ohne_termin = kennzahl._replace(basisjahr=None)
    assert 'class="soll"' not in kennzahl_svg(
        ohne_termin, soll=bewerte_kennzahl(ziel, ohne_termin).soll_am)
