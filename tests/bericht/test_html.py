"""The HTML Sachstandsbericht: valid, self-contained, escaped, printable, with the right numbers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from strategie.ausgabe.html import bericht as html_bericht
from strategie.ausgabe.html.bericht import bericht_html
from strategie.ausgabe.html.steckbriefe import steckbriefe_html
from strategie.ausgabe.html.stil import css_text, esc
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.auswertung.filter import Filter
from strategie.auswertung.kennzahlen import BEWERTUNGEN
from strategie.modell.ziel import ziel_aus_daten
from strategie.speicher.laden import lade_speicher
from tests.bericht.dom import EXTERN, SVG, alle, eins, klassen, parse, text, zellen
from tests.conftest import BEISPIEL

HEUTE = dt.date(2026, 11, 24)
ERSTELLT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
ANLAGENFOLGE = ["SA", "AKJF", "AMI", "AGV", "DEZ", "BE"]
RAHMENFOLGE = ["DEZ", "AMI", "AGV", "AKJF", "BE", "SA"]
MATRIX = {"DEZ": [3, 5, 3, 7, 18], "AMI": [1, 2, 2, 0, 5], "AGV": [1, 3, 1, 1, 6],
          "AKJF": [1, 2, 3, 1, 7], "BE": [1, 1, 1, 0, 3], "SA": [2, 4, 1, 0, 7]}


def _bericht(speicher: Path, **optionen: object) -> Bericht:
    return erstelle_bericht(lade_speicher(speicher), heute=HEUTE, erstellt=ERSTELLT,
                            **optionen)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def beispiel_bericht() -> Bericht:
    return _bericht(BEISPIEL)


@pytest.fixture(scope="module")
def beispiel_html(beispiel_bericht: Bericht) -> str:
    return bericht_html(beispiel_bericht)


def _css_entschluesselt(text: str) -> str:
    return re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m.group(1), 16)), text)


def test_parst_und_verweist_nirgendwohin(beispiel_html: str) -> None:
    dokument = parse(beispiel_html)
    assert beispiel_html.startswith("<!DOCTYPE html>")
    assert eins(dokument, "html").get("lang") == "de"
    assert eins(dokument, "meta").get("charset") == "utf-8"
    assert EXTERN.search(beispiel_html) is None
    assert not list(alle(dokument, "script")) and "<script" not in beispiel_html
    assert all(a.get("href", "").startswith("#") for a in alle(dokument, "a"))
    assert not [e for e in dokument.iter() if e.get("style")]  # all CSS in the one <style>


def test_druckseite_a4_mit_grundlage_auf_jeder_seite(beispiel_bericht: Bericht,
                                                    beispiel_html: str) -> None:
    stil = text(eins(parse(beispiel_html), "style"))
    assert re.search(r"@page \{ size: A4; margin: [^;]+;", stil)
    fuss = re.search(r'@bottom-left \{ content: ("[^"]*");', stil)
    hinweis = " ".join(beispiel_bericht.rahmen.hinweis.split())
    assert fuss and _css_entschluesselt(fuss.group(1)) == (
        f'"{beispiel_bericht.grundlage.zeile()}\n{hinweis}"')  # the notice on its own line
    assert 'counter(page) " von " counter(pages)' in stil
    assert ".seite-neu { break-before: page; }" in stil


def test_ueberblick_zahlen_aus_den_zellen(beispiel_html: str) -> None:
    dokument = parse(beispiel_html)
    matrix = eins(dokument, "table", "matrix")
    zeilen = {z.get("data-amt"): zellen(z) for z in alle(eins(matrix, "tbody"), "tr")}
    assert list(zeilen) == RAHMENFOLGE
    assert {amt: [int(c) for c in z[1:]] for amt, z in zeilen.items()} == MATRIX
    assert zeilen["DEZ"][0] == "Dezernat"
    assert zellen(eins(eins(matrix, "tfoot"), "tr")) == ["Summe", "9", "17", "11", "9", "46"]
    assert [text(c) for c in alle(eins(matrix, "thead"), "th")] == [
        "Amt", "HF 1", "HF 2", "HF 3", "HF 4", "Summe"]
    kacheln = {text(k.find("span")): text(k.find("b")) for k in alle(dokument, "div", "kachel")}
    assert kacheln["Ziele"] == "46" and kacheln["Leuchttürme"] == "2"
    status = {z[0]: z[1:] for t in alle(dokument, "table", "zaehlung")
              for z in map(zellen, alle(eins(t, "tbody"), "tr"))}
    assert status["in Umsetzung"] == ["17", "37 %"] and status["grün"] == ["20", "43 %"]
    diagramm = next(s for s in dokument.iter(f"{SVG}svg") if "status-je-amt" in klassen(s))
    assert [t.text for t in diagramm.iter(f"{SVG}text") if t.get("font-weight") == "bold"] == [
        "7", "7", "5", "6", "18", "3"]  # totals per Amt in Anlagen order


def test_leuchttuerme_und_handlungsbedarf(beispiel_html: str) -> None:
    dokument = parse(beispiel_html)
    leuchttuerme = next(s for s in alle(dokument, "section") if s.get("id") == "leuchttuerme")
    assert [zellen(z)[0] for z in alle(eins(leuchttuerme, "tbody"), "tr")] == ["AMI-02", "DEZ-04"]
    aufmerksam = next(s for s in alle(dokument, "section") if s.get("id") == "handlungsbedarf")
    assert text(eins(aufmerksam, "h2")) == "Handlungsbedarf"
    bloecke = list(alle(aufmerksam, "tbody", "ziel"))
    assert len(bloecke) == 24
    ersten = [zellen(eins(b, "tr"))[0] for b in bloecke]
    assert ersten[:5] == ["SA-01", "AKJF-07", "AGV-05", "DEZ-12", "DEZ-15"]  # Ampel rot first,
    # then within a kind by Amt in the order of the Anlagen
    sa01 = bloecke[ersten.index("SA-01")]
    assert "Ampel rot: Die Stelle der Steuerungsfachkraft" in text(sa01)


def test_kennzahlen_mit_verlauf_und_grenze(beispiel_bericht: Bericht, beispiel_html: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    dokument = parse(beispiel_html)
    abschnitt = next(s for s in alle(dokument, "section") if s.get("id") == "kennzahlen")
    zeilen = list(alle(eins(abschnitt, "tbody"), "tr"))
    assert len(zeilen) == len(beispiel_bericht.zusammenfassung.kennzahlen) == 22
    sa03 = next(zellen(z) for z in zeilen if zellen(z)[0] == "SA-03")
    assert sa03[2] == "78 → 93 Tage (30.06.2026), Ziel 60 Tage (2026)"  # the unit once
    assert sa03[3:5] == ["62,3 Tage", "gefährdet"]  # expected on the line, then the verdict
    diagramme = [s for s in abschnitt.iter(f"{SVG}svg") if "kennzahl" in klassen(s)]
    assert len(diagramme) == 22
    texte = [t.text for t in diagramme[0].iter(f"{SVG}text")]
    assert any(t and t.startswith("Ziel ") for t in texte)
    monkeypatch.setattr(html_bericht, "KENNZAHL_DIAGRAMME", 3)
    begrenzt = bericht_html(beispiel_bericht)
    assert begrenzt.count('class="diagramm kennzahl"') == 3
    assert "Verlaufsdiagramme für die ersten 3 von 22 Kennzahlen" in begrenzt
    bewertungen = [zellen(z)[4] for z in zeilen]
    assert bewertungen == sorted(bewertungen, key=BEWERTUNGEN.index)
    assert bewertungen.count("gefährdet") == 12
    assert beispiel_bericht.zusammenfassung.kennzahl_regel in text(abschnitt)


def test_umsetzungsjahre_und_raeume_im_ueberblick(beispiel_html: str) -> None:
    dokument = parse(beispiel_html)
    ueberblick = next(s for s in alle(dokument, "section") if s.get("id") == "ueberblick")
    titel = [text(h) for h in alle(ueberblick, "h3")]
    assert {"Umsetzungsjahre und Mittel", "Ziele je Raum"} <= set(titel)
    jahre = {zellen(z)[0]: zellen(z) for z in alle(eins(ueberblick, "table", "jahre"), "tr")}
    assert jahre["2027"] == ["2027", "10", "4", "169.000 €", "–", "1"]
    assert jahre["2026"][3:5] == ["125.000 €", "4.500 €"]  # the thousands dot from 1.000
    raeume = [zellen(z) for z in alle(eins(eins(ueberblick, "table", "raeume"), "tbody"), "tr")]
    assert ["Singen", "3", "SA-05, AGV-02, BE-02"] in raeume  # Ämter in Anlagen order
    inhalt = [text(a) for a in alle(eins(dokument, "nav"), "a")]
    assert inhalt[:6] == ["Überblick", "Umsetzungsjahre und Mittel", "Ziele je Raum",
                          "Leuchttürme", "Handlungsbedarf", "Kennzahlen"]


def test_ein_abschnitt_je_amt_in_anlagenfolge(beispiel_html: str) -> None:
    dokument = parse(beispiel_html)
    abschnitte = [s for s in alle(dokument, "section", "amt")]
    assert [s.get("data-amt") for s in abschnitte] == ANLAGENFOLGE
    assert all("seite-neu" in klassen(s) for s in abschnitte)
    assert text(eins(abschnitte[0], "h2")) == "Sozialamt"
    anzahl = {s.get("data-amt"): len(list(alle(s, "tbody", "ziel"))) for s in abschnitte}
    assert anzahl == {"SA": 7, "AKJF": 7, "AMI": 5, "AGV": 6, "DEZ": 18, "BE": 3}
    sa = {zellen(eins(b, "tr"))[0]: zellen(eins(b, "tr")) for b in alle(abschnitte[0], "tbody")}
    assert sa["SA-03"][2:] == ["2", "im Regelbetrieb", "gelb", "30.10.2026", "2024", "310.000 €"]
    ampel = eins(eins(abschnitte[0], "tbody", "ziel"), "span", "punkt")
    assert "a-rot" in klassen(ampel)  # SA-01: a red dot next to the word


def test_auswahl_nur_ein_amt(beispiel_html: str) -> None:
    bericht = _bericht(BEISPIEL, kriterien=Filter(aemter=frozenset({"AGV"})))
    dokument = parse(bericht_html(bericht))
    assert [s.get("data-amt") for s in alle(dokument, "section", "amt")] == ["AGV"]
    assert "Auswahl" in text(eins(dokument, "section", "grundlage"))


def test_aenderungen_je_ziel_alt_und_neu(verlauf_repo: Path) -> None:
    bericht = _bericht(verlauf_repo, seit="2026-08-01")
    dokument = parse(bericht_html(bericht))
    abschnitt = next(s for s in alle(dokument, "section") if s.get("id") == "aenderungen")
    assert text(eins(abschnitt, "h2")) == "Änderungen seit 01.08.2026"
    bloecke = {text(eins(b, "h3")).split(" – ")[0]: b
               for b in alle(abschnitt, "div", "aenderung")}
    assert list(bloecke) == ["AMI-01", "DEZ-01"]
    dez = bloecke["DEZ-01"]
    assert "Controllingbericht beschlossen." in text(dez)
    punkte = [text(li) for li in alle(dez, "li")]
    assert "Umsetzungsstand: in Umsetzung → umgesetzt" in punkte
    assert [d.text for d in alle(dez, "del")][:2] == ["in Umsetzung", "gelb"]
    assert [i.text for i in alle(dez, "ins")] == ["umgesetzt", "grün"]
    assert any(p.startswith("Begründung der Ampel: entfernt (war: Die Kennzahlen") for p in punkte)
    ohne = parse(bericht_html(_bericht(verlauf_repo)))
    assert not [s for s in alle(ohne, "section") if s.get("id") == "aenderungen"]


@pytest.fixture
def boeser_speicher(tmp_path: Path) -> Path:
    """The example store with markup, quotes, & and control characters in SA-01's texts,
    in a folder and with a name (the frame's, printed in the Grundlage) that would end a CSS
    string and the style element."""
    ziel = tmp_path / 'ziele "</style><script>x'
    shutil.copytree(BEISPIEL, ziel)
    rahmen = ziel / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
        'name = "Sozialstrategie Landkreis Konstanz"',
        'name = "Sozialstrategie \\"</style><script>x"', 1), encoding="utf-8")
    datei = ziel / "sa" / "SA-01.toml"
    inhalt = datei.read_text(encoding="utf-8")
    inhalt = re.sub(r'^titel = ".*"$',
                    lambda _: 'titel = "<script>alert(1)</script> & \\"Zitat\\" \\u0007Glocke"',
                    inhalt, count=1, flags=re.MULTILINE)
    inhalt = inhalt.replace('ampel_begruendung = """',
                            'ampel_begruendung = """</ul><b>fett</b> & \\u001b[31m \\u202e', 1)
    datei.write_text(inhalt, encoding="utf-8")
    return ziel


@pytest.mark.parametrize("rendere", [bericht_html, steckbriefe_html])
def test_alles_aus_zieldateien_wird_text(boeser_speicher: Path,
                                         rendere: Callable[[Bericht], str]) -> None:
    bericht = _bericht(boeser_speicher)
    assert not bericht.befunde
    ausgabe = rendere(bericht)
    dokument = parse(ausgabe)
    assert not list(alle(dokument, "script")) and "<script" not in ausgabe.lower()
    assert all(text(b) != "fett" for b in alle(dokument, "b"))
    assert "\x07" not in ausgabe and "\x1b" not in ausgabe and "\u202e" not in ausgabe
    inhalt = text(eins(dokument, "body"))
    assert '<script>alert(1)</script> & "Zitat" ␇Glocke' in inhalt
    assert "</ul><b>fett</b> & ␛[31m <U+202E>" in inhalt
    assert text(eins(dokument, "title")).startswith(("Sachstandsbericht", "Maßnahmensteckbriefe"))
    stil = text(eins(dokument, "style"))
    fuss = re.search(r'@bottom-left \{ content: ("[^"]*");', stil)
    assert fuss and '"</style><script>x' in _css_entschluesselt(fuss.group(1))


def test_escape_helfer() -> None:
    assert esc('<a href="x">&\x00\ufffe') == "&lt;a href=&quot;x&quot;&gt;&amp;␀&lt;U+FFFE&gt;"
    assert css_text('a"b\\c</style>') == '"a\\000022b\\00005cc\\00003c/style\\00003e"'


def _viele_ziele(bericht: Bericht, anzahl: int) -> Bericht:
    """The example goals repeated under new ids up to *anzahl* (in memory, no files)."""
    ziele = []
    for nummer in range(anzahl):
        vorlage = bericht.ziele[nummer % len(bericht.ziele)]
        daten = {**vorlage.daten, "id": f"{vorlage.amt}-{nummer:05d}"}
        ziele.append(ziel_aus_daten(daten, f"{vorlage.pfad[:-5]}-{nummer}.toml"))
    ziele.sort(key=lambda z: (z.amt, z.id))
    return replace(bericht, ziele=tuple(ziele))


def test_zehntausend_ziele(beispiel_bericht: Bericht) -> None:
    """10,000 goals: every goal is listed, the charts stay capped (time: benchmarks/)."""
    from strategie.auswertung.zusammenfassung import fasse_zusammen

    gross = _viele_ziele(beispiel_bericht, 10_000)
    zusammenfassung = fasse_zusammen(gross.ziele, gross.rahmen, HEUTE)
    ausgabe = bericht_html(replace(gross, zusammenfassung=zusammenfassung))
    assert ausgabe.count('<tbody class="ziel">') >= 10_000
    assert ausgabe.count('class="diagramm kennzahl"') == html_bericht.KENNZAHL_DIAGRAMME
