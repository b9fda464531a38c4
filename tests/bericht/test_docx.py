"""DOCX Steckbriefe and Sachstandsbericht, read back with python-docx: Word heading styles, one
Steckbrief per page, Word tables, the Grundlage in every footer, the notice on every page."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as Dokument

from strategie import api
from strategie.ausgabe.berichte import rendere_bericht, rendere_steckbriefe
from strategie.ausgabe.farben import BEWERTUNG_HEX
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.speicher.laden import lade_speicher
from tests.bericht.test_steckbriefe_html import ANLAGEN
from tests.conftest import BEISPIEL

HEUTE = dt.date(2026, 11, 24)
ERSTELLT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.fixture(scope="module")
def bericht() -> Bericht:
    return erstelle_bericht(lade_speicher(BEISPIEL), heute=HEUTE, erstellt=ERSTELLT)


def _oeffne(inhalt: str | bytes) -> Dokument:
    assert isinstance(inhalt, bytes) and inhalt[:2] == b"PK"
    return docx.Document(io.BytesIO(inhalt))


@pytest.fixture(scope="module")
def steckbriefe(bericht: Bericht) -> Dokument:
    return _oeffne(rendere_steckbriefe(bericht, "docx"))


def _ueberschriften(dokument: Dokument, stil: str) -> list[str]:
    return [p.text for p in dokument.paragraphs if p.style is not None and p.style.name == stil]


def test_steckbriefe_ueberschriften_als_word_formatvorlagen(steckbriefe: Dokument) -> None:
    assert _ueberschriften(steckbriefe, "Heading 1") == [titel for _, titel in ANLAGEN]
    zweite = _ueberschriften(steckbriefe, "Heading 2")
    assert len(zweite) == 46
    assert zweite[0].startswith("SA-01 ") and zweite[-1].startswith("BE-")
    assert any(t.startswith("DEZ-04 ") and t.endswith("★") for t in zweite)  # Leuchtturm
    dritte = _ueberschriften(steckbriefe, "Heading 3")
    for titel in ("Wirkungsziel", "Leistungsziel", "Maßnahmen",
                  "Finanzielle Beurteilung der Verwaltung",
                  "Inhaltliche Beurteilung der Verwaltung"):
        assert dritte.count(titel) == 46, titel
    assert sum(t.startswith("Aktueller Stand der Umsetzung") for t in dritte) == 46


def _beendet_abschnitt(absatz: docx.text.paragraph.Paragraph) -> bool:
    """Whether this paragraph carries a section break (the next section starts a new page)."""
    eigen = absatz._p.pPr
    return eigen is not None and eigen.sectPr is not None


def test_ein_steckbrief_je_seite(steckbriefe: Dokument) -> None:
    """Every Steckbrief starts a page: by a page break before its heading, or as the first of
    its Anlage, whose section starts on a new page."""
    absaetze = steckbriefe.paragraphs
    stile = [p.style.name if p.style is not None else "" for p in absaetze]
    anfaenge = [i for i, stil in enumerate(stile) if stil == "Heading 2"]
    assert len(anfaenge) == 46
    erste = 0
    for i in anfaenge:
        if stile[i - 1] == "Heading 1":  # the Anlage's title and its first Steckbrief
            erste += 1
            assert not absaetze[i].paragraph_format.page_break_before
            assert _beendet_abschnitt(absaetze[i - 2])
        else:
            assert absaetze[i].paragraph_format.page_break_before, absaetze[i].text
    assert erste == 6 and len(steckbriefe.sections) == 7  # the cover, one section per Anlage


def test_fusszeile_mit_grundlage_und_kopf_je_anlage(bericht: Bericht,
                                                    steckbriefe: Dokument) -> None:
    grundlage = bericht.grundlage.zeile()
    assert "Commit" not in grundlage or bericht.grundlage.commit_kurz in grundlage
    for abschnitt in steckbriefe.sections:
        fuss = abschnitt.footer.paragraphs[0]
        assert fuss.text.startswith(grundlage + " · Seite ")
        assert 'instr="PAGE"' in fuss._p.xml and 'instr="NUMPAGES"' in fuss._p.xml
    koepfe = [a.header.paragraphs[0].text for a in steckbriefe.sections]
    assert koepfe[0].startswith("Maßnahmensteckbriefe Sozialstrategie Landkreis Konstanz · Stand")
    assert [k.split(" · ")[0] for k in koepfe[1:]] == [titel for _, titel in ANLAGEN]


def test_hinweis_auf_jeder_seite(bericht: Bericht, steckbriefe: Dokument) -> None:
    """The frame's notice stands under the Grundlage in every section's footer (every page),
    and on the cover as a framed paragraph."""
    hinweis = " ".join(bericht.rahmen.hinweis.split())
    for abschnitt in steckbriefe.sections:
        assert [p.text for p in abschnitt.footer.paragraphs][1] == hinweis
    absaetze = steckbriefe.paragraphs
    erste = next(i for i, p in enumerate(absaetze)
                 if p.style is not None and p.style.name == "Heading 2")
    assert hinweis in [p.text for p in absaetze[:erste]]


def test_steckbrief_tabellen(steckbriefe: Dokument) -> None:
    tabellen = steckbriefe.tables
    anlagen = tabellen[0]
    assert [c.text for c in anlagen.rows[0].cells] == ["Anlage", "Organisationseinheit",
                                                       "Steckbriefe"]
    assert [c.text for c in anlagen.rows[1].cells] == ["2", "Sozialamt", "7"]
    raster = [t for t in tabellen if t.rows[0].cells[0].text == "Organisationseinheit"]
    assert len(raster) == 46
    sa03 = next(t for t in raster if any(
        "Referat Eingliederungshilfe" in c.text for c in t.rows[0].cells))
    zeilen = {r.cells[0].text: [c.text for c in r.cells] for r in sa03.rows}
    assert zeilen["Haushalt"][1] == ("Produkt 31.10 · Mittel (Plan) 310.000 € · Mittel (Ist) "
                                     "298.000 € · Personal 4 VZÄ")
    assert zeilen["Umsetzungsstand"][1:] == ["■ im Regelbetrieb", "Ampel", "● gelb"]
    massnahmen = [t for t in tabellen if t.rows[0].cells[0].text == "Nr."]
    assert massnahmen and [c.text for c in massnahmen[0].rows[0].cells] == [
        "Nr.", "Maßnahme", "Status", "Termin", "verantwortlich"]
    assert zeilen["Liga"][1] == "von der Liga der freien Wohlfahrtspflege benannt"
    kennzahlen = [t for t in tabellen if t.rows[0].cells[0].text == "Kennzahl"]
    assert [c.text for c in kennzahlen[0].rows[0].cells] == [
        "Kennzahl", "Basis", "zuletzt", "erwartet", "Ziel", "Bewertung"]
    sa03_kennzahl = next([c.text for c in r.cells] for t in kennzahlen for r in t.rows
                         if r.cells[0].text.startswith("Bearbeitungsdauer Eingliederungshilfe"))
    assert sa03_kennzahl[1:] == ["78", "93\n30.06.2026", "62,3", "60\nbis 2026", "gefährdet"]
    farbe = next(r for t in kennzahlen for r in t.rows if r.cells[0].text.startswith(
        "Bearbeitungsdauer")).cells[5].paragraphs[0].runs[0].font.color.rgb
    assert str(farbe) == BEWERTUNG_HEX["gefährdet"].lstrip("#").upper()  # the verdict's colour


def test_sachstandsbericht(bericht: Bericht) -> None:
    dokument = _oeffne(rendere_bericht(bericht, "docx"))
    erste = _ueberschriften(dokument, "Heading 1")
    assert erste[:4] == ["Überblick", "Leuchttürme", "Handlungsbedarf", "Kennzahlen"]
    assert erste[4:] == [a.name for a in bericht.aemter()]  # Anlagen order
    amt_kapitel = [p for p in dokument.paragraphs if p.style is not None
                   and p.style.name == "Heading 1" and p.text in erste[4:]]
    assert all(p.paragraph_format.page_break_before for p in amt_kapitel)
    matrix = next(t for t in dokument.tables if t.rows[0].cells[0].text == "Amt")
    assert [c.text for c in matrix.rows[-1].cells] == ["Summe", "9", "17", "11", "9", "46"]
    assert [r.cells[0].text for r in matrix.rows[1:-1]] == [
        "Dezernat", "Migration und Integration", "Gesundheit und Versorgung",
        "Kinder, Jugend und Familie", "Stabsstelle", "Sozialamt"]  # as Tabelle 5.1
    texte = [p.text for p in dokument.paragraphs]
    assert any("Zellen 1/2/3/1 ergeben 7" in t for t in texte)  # the 5.1 footnote
    assert any("(Arbeitstitel)" in t for t in texte)
    anteile = next(t for t in dokument.tables if t.rows[0].cells[0].text == "Umsetzungsstand")
    assert sum(int(r.cells[2].text.rstrip(" %")) for r in anteile.rows[1:]) == 100
    assert dokument.sections[0].footer.paragraphs[0].text.startswith(bericht.grundlage.zeile())
    assert dokument.core_properties.title == bericht.titel
    zweite = _ueberschriften(dokument, "Heading 2")
    assert {"Umsetzungsjahre und Mittel", "Ziele je Raum"} <= set(zweite)
    jahre = next(t for t in dokument.tables if t.rows[0].cells[0].text == "Umsetzungsjahr")
    zeile_2027 = next([c.text for c in r.cells] for r in jahre.rows if r.cells[0].text == "2027")
    assert zeile_2027 == ["2027", "10", "4", "169.000 €", "–", "1"]
    assert bericht.zusammenfassung.kennzahl_regel in texte  # the rule, stated once
    kennzahlen = next(t for t in dokument.tables if t.rows[0].cells[0].text == "Ziel")
    assert [c.text for c in kennzahlen.rows[0].cells][3:] == ["erwartet", "Bewertung"]
    amt = next(t for t in dokument.tables if t.rows[0].cells[0].text == "ID"
               and t.rows[0].cells[-1].text == "Mittel Plan")
    zeilen = [[c.text for c in r.cells] for r in amt.rows]
    nummer = next(i for i, z in enumerate(zeilen) if z[0] == "SA-03")
    assert zeilen[nummer][6:] == ["2024", "310.000 €"]  # Umsetzungsjahr and Mittel (Plan)
    assert zeilen[nummer + 1][0] == "" and zeilen[nummer + 1][1].startswith("Ampel gelb: ")
    assert len(set(zeilen[nummer + 1][1:])) == 1  # the Hinweise across the row below


def test_jahresplanung_docx() -> None:
    planung = api.jahresplanung(api.oeffne(BEISPIEL), 2027)
    dokument = _oeffne(api.rendere(planung, "docx"))
    assert _ueberschriften(dokument, "Title") == [planung.titel]
    erste = _ueberschriften(dokument, "Heading 1")
    assert erste[:5] == [f"Anlage {a.amt.anlage} – {a.amt.name}" for a in planung.aemter]
    assert erste[5:] == ["Summen 2027"]  # every open goal of the example names its year
    summen = next(t for t in dokument.tables if t.rows[0].cells[0].text == "Organisationseinheit")
    assert [c.text for c in summen.rows[-1].cells] == ["Summe", "10", "4", "2", "169.000 €", "–",
                                                       "1"]
    assert all(p.runs[0].bold for p in summen.rows[-1].cells[0].paragraphs)
    fuss = [p.text for p in dokument.sections[0].footer.paragraphs]
    assert fuss[0].startswith(planung.grundlage.zeile()) and fuss[1].startswith("Beispieldaten")
    assert str(BEISPIEL.resolve()) not in "\n".join(p.text for p in dokument.paragraphs)
    assert dokument.sections[0].page_width > dokument.sections[0].page_height  # landscape


def test_bericht_mit_aenderungen_und_api(verlauf_repo: Path) -> None:
    speicher = api.oeffne(verlauf_repo)
    bericht = api.bericht(speicher, seit="2026-08-01")
    dokument = _oeffne(api.rendere(bericht, "docx"))
    erste = _ueberschriften(dokument, "Heading 1")
    assert "Änderungen seit 01.08.2026" in erste
    zweite = _ueberschriften(dokument, "Heading 2")
    assert any(t.startswith("DEZ-01 – ") for t in zweite)
    punkte = [p.text for p in dokument.paragraphs
              if p.style is not None and p.style.name == "List Bullet"]
    assert "Umsetzungsstand: in Umsetzung → umgesetzt" in punkte
    assert isinstance(api.steckbriefe(bericht, "docx"), bytes)


def test_steuerzeichen_und_markup_bleiben_text(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    inhalt = datei.read_text(encoding="utf-8")
    titel = inhalt.split('titel = "', 1)[1].split('"', 1)[0]
    datei.write_text(inhalt.replace(titel, "<w:t>x</w:t> & \\u0007 \\u001b[31m \\ufffe"),
                     encoding="utf-8")
    bericht = erstelle_bericht(lade_speicher(beispiel), heute=HEUTE)
    assert not bericht.befunde
    dokument = _oeffne(rendere_steckbriefe(bericht, "docx"))
    sa01 = next(t for t in _ueberschriften(dokument, "Heading 2") if t.startswith("SA-01"))
    assert sa01 == "SA-01 <w:t>x</w:t> & ␇ ␛[31m <U+FFFE>"


def test_cli_schreibt_docx(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for befehl in ("bericht", "steckbriefe"):
        datei = tmp_path / f"{befehl}.docx"
        ergebnis = cli(befehl, "--store", str(verlauf_repo), "--format", "docx", "--ausgabe",
                       str(datei))
        assert ergebnis.code == 0, ergebnis.err
        assert "DOCX" in ergebnis.err
        with zipfile.ZipFile(datei) as archiv:
            assert "word/document.xml" in archiv.namelist()


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice nicht gefunden (Debian-Paket libreoffice-writer-nogui)")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext nicht gefunden")
def test_libreoffice_setzt_einen_steckbrief_je_seite(tmp_path: Path) -> None:
    """Laid out by a word processor, each Steckbrief of an Anlage begins on its own page and
    every page has the Grundlage and its number in the footer."""
    from strategie.auswertung.filter import Filter

    bericht = erstelle_bericht(lade_speicher(BEISPIEL), heute=HEUTE, erstellt=ERSTELLT,
                               kriterien=Filter(aemter=frozenset({"BE"})))
    datei = tmp_path / "be.docx"
    datei.write_bytes(rendere_steckbriefe(bericht, "docx"))  # type: ignore[arg-type]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(datei)],
                   capture_output=True, check=True, timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "be.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    seiten = [s for s in text.split("\f") if s.strip()]
    anfaenge = [next((z for z in s.splitlines() if z.startswith("BE-")), "") for s in seiten]
    assert [a.split()[0] for a in anfaenge if a] == ["BE-01", "BE-02", "BE-03"]
    for nummer, seite in enumerate(seiten, start=1):
        flach = " ".join(seite.split())
        assert f"Seite {nummer} von {len(seiten)}" in flach
        assert "Zielspeicher Sozialstrategie Landkreis Konstanz" in flach


def test_vorlage_docx_eines_hauses(bericht: Bericht, tmp_path: Path) -> None:
    """A vorlage.docx in the template folder is the starting document: its styles and its
    header (here a line standing for the logo) stay, its body is replaced."""
    ordner = tmp_path / "gestaltung"
    ordner.mkdir()
    vorlage = docx.Document()
    vorlage.styles["Normal"].font.name = "Times New Roman"
    vorlage.sections[0].header.paragraphs[0].text = "LANDRATSAMT KONSTANZ"
    vorlage.add_paragraph("Platzhalter der Vorlage")
    vorlage.save(str(ordner / "vorlage.docx"))
    dokument = _oeffne(rendere_steckbriefe(bericht, "docx", vorlage=ordner))
    assert dokument.styles["Normal"].font.name == "Times New Roman"
    assert "Platzhalter der Vorlage" not in [p.text for p in dokument.paragraphs]
    assert len(_ueberschriften(dokument, "Heading 2")) == 46
    for abschnitt in dokument.sections:  # the header with the "logo" on every page
        texte = [p.text for p in abschnitt.header.paragraphs]
        assert texte[0] == "LANDRATSAMT KONSTANZ"
        assert texte[1].startswith("Maßnahmensteckbriefe Sozialstrategie")
        assert abschnitt.footer.paragraphs[0].text.startswith(bericht.grundlage.zeile())
    ohne = _oeffne(rendere_steckbriefe(bericht, "docx"))
    assert ohne.styles["Normal"].font.name == "Arial"
