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
