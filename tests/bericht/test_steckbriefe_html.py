"""The HTML Maßnahmensteckbriefe: Anlagen in the Vorlage's order, one Steckbrief per page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from strategie.ausgabe.html.steckbriefe import steckbriefe_html
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.auswertung.filter import Filter
from strategie.speicher.laden import lade_speicher
from tests.bericht.dom import EXTERN, SVG, alle, eins, klassen, parse, text, zellen
from tests.conftest import BEISPIEL

HEUTE = dt.date(2026, 11, 24)
DREI = ["Aktueller Stand der Umsetzung", "Finanzielle Beurteilung der Verwaltung",
        "Inhaltliche Beurteilung der Verwaltung"]
ANLAGEN = [("SA", "Anlage 2 – Maßnahmensteckbriefe Sozialamt"),
           ("AKJF", "Anlage 3 – Maßnahmensteckbriefe Amt für Kinder, Jugend und Familie"),
           ("AMI", "Anlage 4 – Maßnahmensteckbriefe Amt für Migration und Integration"),
           ("AGV", "Anlage 5 – Maßnahmensteckbriefe Amt für Gesundheit und Versorgung"),
           ("DEZ", "Anlage 6 – Maßnahmensteckbriefe Dezernat für Soziales und Gesundheit"),
           ("BE", "Anlage 7 – Maßnahmensteckbriefe Stabsstelle Bürgerschaftliches Engagement")]


@pytest.fixture(scope="module")
def bericht() -> Bericht:
    return erstelle_bericht(lade_speicher(BEISPIEL), heute=HEUTE)


@pytest.fixture(scope="module")
def ausgabe(bericht: Bericht) -> str:
    return steckbriefe_html(bericht)


def test_parst_und_verweist_nirgendwohin(ausgabe: str) -> None:
    dokument = parse(ausgabe)
    assert eins(dokument, "html").get("lang") == "de"
    assert EXTERN.search(ausgabe) is None and "<script" not in ausgabe
    assert all(a.get("href", "").startswith("#") for a in alle(dokument, "a"))


def test_anlagen_in_der_reihenfolge_der_vorlage(ausgabe: str) -> None:
    dokument = parse(ausgabe)
    anlagen = list(alle(dokument, "section", "anlage"))
    assert [(a.get("data-amt"), text(eins(a, "h2"))) for a in anlagen] == ANLAGEN
    anzahl = {a.get("data-amt"): len(list(alle(a, "article", "steckbrief"))) for a in anlagen}
    assert anzahl == {"SA": 7, "AKJF": 7, "AMI": 5, "AGV": 6, "DEZ": 18, "BE": 3}
    assert [zellen(z) for z in alle(eins(eins(dokument, "table", "anlagen"), "tbody"), "tr")][0] \
        == ["2", "Sozialamt", "7"]


def test_ein_steckbrief_je_ziel_je_seite(ausgabe: str) -> None:
    dokument = parse(ausgabe)
    steckbriefe = list(alle(dokument, "article", "steckbrief"))
    assert len(steckbriefe) == 46
    for steckbrief in steckbriefe:
        ueberschriften = [text(h).split(" Stand:")[0] for h in alle(steckbrief, "h4")]
        assert all(t in ueberschriften for t in DREI), steckbrief.get("data-ziel")
        assert "Wirkungsziel" in ueberschriften and "Leistungsziel" in ueberschriften
    stil = text(eins(dokument, "style"))
    assert ".steckbrief + .steckbrief { break-before: page; }" in stil
    assert ".anlage { break-before: page; }" in stil
    assert re.search(r"@bottom-left \{ content: \"Zielspeicher ", stil)
    assert [s.get("data-ziel") for s in steckbriefe[:3]] == ["SA-01", "SA-02", "SA-03"]


def test_inhalt_eines_steckbriefs(ausgabe: str) -> None:
    dokument = parse(ausgabe)
    sa03 = next(s for s in alle(dokument, "article") if s.get("data-ziel") == "SA-03")
    assert text(eins(sa03, "h3")) == ("SA-03 Personenzentrierte Leistungen nach dem "
                                      "Bundesteilhabegesetz ab 01.01.2024")
    raster = {z[0]: z[1:] for z in map(zellen, alle(eins(sa03, "table", "sb-raster"), "tr"))}
    assert raster["Organisationseinheit"] == ["Sozialamt", "verantwortlich",
                                              "Sozialamt, Referat Eingliederungshilfe"]
    assert raster["Handlungsfeld"][0].startswith("2 – Teilhabe und Beratung (Arbeitstitel) "
                                                 "Strategischer Leitsatz: „Wir kümmern uns.")
    assert raster["Aktionsbereiche"] == [
        "Prozessoptimierung und Strukturen; Fallsegmentierung und Organisation; "
        "Serviceorientierung"]
    assert raster["Leuchtturm"][0] == "nein"
    assert raster["Umsetzungsstand"] == ["im Regelbetrieb", "Ampel", "gelb"]
    assert raster["Begründung der Ampel"][0].startswith("Die Bearbeitungsdauer von Erstanträgen")
    assert raster["Haushalt"] == ["Produkt 31.10 · Mittel (Plan) 310.000 € · Mittel (Ist) "
                                  "298.000 € · Personal 4 VZÄ"]
    felder = {text(eins(f, "h4")).split(" Stand:")[0]: f for f in alle(sa03, "div", "sb-feld")}
    massnahmen = [zellen(z) for z in alle(eins(felder["Maßnahmen"], "tbody"), "tr")]
    assert massnahmen[0] == ["1", "Gesamtplanverfahren mit BEI_BW für Neufälle einführen",
                             "umgesetzt", "01.01.2024", "–"]
    assert len(massnahmen) == 4
    assert "Stand: 30.10.2026" in text(eins(felder[DREI[0]], "h4"))
    assert text(eins(felder[DREI[1]], "p")).startswith("Die zusätzlichen Stellen")
    kennzahl = zellen(eins(eins(felder["Kennzahlen"], "tbody"), "tr"))
    assert kennzahl[0].endswith("Einheit: Tage · fallend erwünscht · Quelle: "
                                "Fachverfahren Eingliederungshilfe, Stichtagsauswertung")
    assert kennzahl[1:6] == ["78", "93 30.06.2026", "62,3", "60 bis 2026", "gefährdet"]
    assert [s for s in felder["Kennzahlen"].iter(f"{SVG}svg") if "kennzahl" in klassen(s)]


def test_leuchtturm_und_ueberfaellige_massnahme(ausgabe: str) -> None:
    dokument = parse(ausgabe)
    dez04 = next(s for s in alle(dokument, "article") if s.get("data-ziel") == "DEZ-04")
    assert "★" in text(eins(dez04, "h3"))
    sa01 = next(s for s in alle(dokument, "article") if s.get("data-ziel") == "SA-01")
    assert [text(u) for u in alle(sa01, "span", "ueberfaellig")] == ["30.06.2025 überfällig"]


def test_nur_ein_amt(bericht: Bericht) -> None:
    auswahl = erstelle_bericht(lade_speicher(BEISPIEL), heute=HEUTE,
                               kriterien=Filter(aemter=frozenset({"BE"})))
    dokument = parse(steckbriefe_html(auswahl))
    assert [a.get("data-amt") for a in alle(dokument, "section", "anlage")] == ["BE"]
    assert len(list(alle(dokument, "article", "steckbrief"))) == 3
