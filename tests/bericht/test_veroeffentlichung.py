"""Reports fit for a public Kreistag document, in every format: no path of the machine, the
frame's notice, one order of Ämter, German dates, shares that add up, the 5.1 footnote,
Arbeitstitel, money as money, the same Steckbrief fields in every medium, file rights."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from strategie.ausgabe.berichte import (
    BERICHTSFORMATE,
    JAHRESPLANUNGSFORMATE,
    STECKBRIEFFORMATE,
    rendere_bericht,
    rendere_jahresplanung,
    rendere_steckbriefe,
)
from strategie.ausgabe.steckbrief import steckbriefe_je_amt
from strategie.ausgabe.tabellen.xlsx import EURO, STECKBRIEFSPALTEN
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.auswertung.jahresplanung import erstelle_jahresplanung
from strategie.speicher.laden import lade_speicher
from tests.bericht.dom import alle, eins, parse, text, zellen
from tests.conftest import BEISPIEL, git

HEUTE = dt.date(2026, 11, 24)
ERSTELLT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
ANLAGENFOLGE = ["SA", "AKJF", "AMI", "AGV", "DEZ", "BE"]
FUSSNOTE = "ihre Zellen 1/2/3/1 ergeben 7"


def _klartext(inhalt: str | bytes) -> str:
    """A rendered report as text; XLSX and DOCX unpacked: every XML part of the archive."""
    if isinstance(inhalt, str):
        return inhalt
    with zipfile.ZipFile(io.BytesIO(inhalt)) as archiv:
        return "\n".join(archiv.read(name).decode("utf-8", "replace")
                         for name in archiv.namelist())


def _alle_ausgaben(bericht: Bericht, speicher: Path = BEISPIEL) -> dict[str, str]:
    """Sachstandsbericht, Steckbriefe and the Jahresplanung 2027 in each of their formats."""
    ausgaben = {f"bericht {f}": _klartext(rendere_bericht(bericht, f)) for f in BERICHTSFORMATE}
    ausgaben.update({f"steckbriefe {f}": _klartext(rendere_steckbriefe(bericht, f))
                     for f in STECKBRIEFFORMATE})
    planung = erstelle_jahresplanung(lade_speicher(speicher), 2027, erstellt=ERSTELLT)
    ausgaben.update({f"jahresplanung {f}": _klartext(rendere_jahresplanung(planung, f))
                     for f in JAHRESPLANUNGSFORMATE})
    return ausgaben


@pytest.fixture(scope="module")
def bericht() -> Bericht:
    return erstelle_bericht(lade_speicher(BEISPIEL), heute=HEUTE, erstellt=ERSTELLT)


def test_kein_pfad_des_rechners_in_irgendeinem_bericht(tmp_path: Path) -> None:
    """Not in the Grundlage, not in the Befunde of an unreadable file, in no format; only with
    --grundlage lang does a report name the folder on this machine."""
    wurzel = tmp_path / "Nutzer" / "h.meier" / "Dokumente"
    wurzel.mkdir(parents=True)
    git(wurzel, "init", "-q", "-b", "main")
    speicher = wurzel / "ziele"
    import shutil

    shutil.copytree(BEISPIEL, speicher)
    (speicher / "sa" / "SA-99.toml").write_text('id = "SA-99"\ntitel = \n', encoding="utf-8")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Speicher")
    kurz = erstelle_bericht(lade_speicher(speicher), heute=HEUTE, seit="2026-01-01")
    assert kurz.befunde  # the broken file is named in the reports
    for name, ausgabe in _alle_ausgaben(kurz, speicher).items():
        assert str(tmp_path) not in ausgabe, name
        assert "h.meier" not in ausgabe, name
    html = str(rendere_bericht(kurz, "html"))
    assert "sa/SA-99.toml" in html  # relative to the store
    assert kurz.grundlage.zeile().startswith("Zielspeicher Sozialstrategie Landkreis Konstanz, "
                                             "Ordner ziele · Commit ")
    lang = erstelle_bericht(lade_speicher(speicher), heute=HEUTE, grundlage_lang=True)
    assert str(speicher) in lang.grundlage.zeile()
    assert str(speicher) in str(rendere_bericht(lang, "html"))
    assert lang.grundlage.commit and lang.grundlage.commit in lang.grundlage.zeile()
    assert f'"pfad": "{speicher}"' in str(rendere_bericht(lang, "json"))


def test_cli_grundlage_lang(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    kurz = cli("bericht", "--store", str(verlauf_repo), "--format", "markdown").out
    lang = cli("bericht", "--store", str(verlauf_repo), "--format", "markdown",
               "--grundlage", "lang").out
    from strategie.ausgabe.markdown.text import md_text

    assert str(verlauf_repo) not in kurz and md_text(str(verlauf_repo)) in lang


def test_hinweis_in_jeder_ausgabe(bericht: Bericht) -> None:
    hinweis = " ".join(bericht.rahmen.hinweis.split())
    assert hinweis.startswith("Beispieldaten:")
    for name, ausgabe in _alle_ausgaben(bericht).items():
        flach = " ".join(ausgabe.replace("│", " ").split())  # the terminal's panel border
        assert hinweis[:120] in flach, name  # XLSX headers hold the start of it


def test_hinweis_auf_jeder_steckbriefseite(bericht: Bericht) -> None:
    hinweis = " ".join(bericht.rahmen.hinweis.split())
    dokument = parse(str(rendere_steckbriefe(bericht, "html")))
    artikel = list(alle(dokument, "article", "steckbrief"))
    assert len(artikel) == 46
    assert all(text(eins(a, "aside", "hinweis")) == hinweis for a in artikel)
    markdown = str(rendere_steckbriefe(bericht, "markdown"))
    assert markdown.count(f"> {hinweis}") == 47  # the head and every Steckbrief
    mappe = openpyxl.load_workbook(io.BytesIO(rendere_steckbriefe(bericht, "xlsx")))  # type: ignore[arg-type]
    for blatt in mappe.worksheets:
        assert blatt.oddHeader.left.text.startswith("Beispieldaten:"), blatt.title
    assert mappe["Deckblatt"]["A4"].value == hinweis


def test_hinweis_im_terminal_csv_und_xlsx(bericht: Bericht) -> None:
    hinweis = " ".join(bericht.rahmen.hinweis.split())
    terminal = " ".join(str(rendere_bericht(bericht, "terminal")).replace("│", " ").split())
    assert hinweis in terminal
    csv_text = str(rendere_bericht(bericht, "csv"))
    assert csv_text.splitlines()[2] == hinweis
    mappe = openpyxl.load_workbook(io.BytesIO(rendere_bericht(bericht, "xlsx")))  # type: ignore[arg-type]
    assert mappe["Überblick"]["A4"].value == hinweis


def test_eine_reihenfolge_der_aemter(bericht: Bericht) -> None:
    """The order of the Anlagen everywhere; the matrix alone keeps the table's order, and says
    so."""
    html = parse(str(rendere_bericht(bericht, "html")))
    assert [s.get("data-amt") for s in alle(html, "section", "amt")] == ANLAGENFOLGE
    assert text(eins(html, "table", "matrix")).count("Dezernat") == 1
    anmerkungen = [text(p) for p in alle(html, "p", "fussnote")]
    assert anmerkungen[0] == ("* Zeilen in der Reihenfolge der Tabelle in Abschnitt 5.1 des "
                              "Abschlussberichts.")
    markdown = str(rendere_bericht(bericht, "markdown"))
    abschnitte = re.findall(r"^### Anlage \d – (.+) \(\d+ Ziele\)$", markdown, re.MULTILINE)
    namen = {a.kuerzel: a.name for a in bericht.rahmen.aemter}
    assert abschnitte == [namen[k] for k in ANLAGENFOLGE]
    csv_text = str(rendere_bericht(bericht, "csv"))
    aemter = [z.split(";")[2] for z in csv_text.split("\r\n\r\n", 1)[1].splitlines()[1:]]
    assert list(dict.fromkeys(aemter)) == ANLAGENFOLGE
    mappe = openpyxl.load_workbook(io.BytesIO(rendere_bericht(bericht, "xlsx")))  # type: ignore[arg-type]
    assert [n.split()[0] for n in mappe.sheetnames[1:-1]] == ANLAGENFOLGE
    ueberblick = [r[0] for r in mappe["Überblick"].iter_rows(min_row=6, max_row=11,
                                                            values_only=True)]
    assert ueberblick == ANLAGENFOLGE
    json_text = str(rendere_bericht(bericht, "json"))
    assert re.findall(r'"kuerzel": "(\w+)"', json_text) == ANLAGENFOLGE


def test_fussnote_zur_matrix_wo_sie_steht(bericht: Bericht, cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    for format_ in ("terminal", "markdown", "html", "docx", "xlsx", "json"):
        assert FUSSNOTE in " ".join(_klartext(rendere_bericht(bericht, format_)).split()), format_
    matrix = cli("matrix", "--store", str(repo / "ziele")).out
    assert FUSSNOTE in " ".join(matrix.split())
    assert "(Arbeitstitel)" in matrix


def test_arbeitstitel(bericht: Bericht) -> None:
    html = parse(str(rendere_bericht(bericht, "html")))
    legende = text(next(p for p in alle(html, "p", "klein") if text(p).startswith("HF 1:")))
    assert legende.startswith("HF 1: Wirksamkeit und Prävention (Arbeitstitel) · HF 2:")
    steckbriefe = parse(str(rendere_steckbriefe(bericht, "html")))
    zeile = next(zellen(z) for z in alle(steckbriefe, "tr") if zellen(z)[0] == "Handlungsfeld")
    assert "(Arbeitstitel)" in zeile[1]


def test_deutsche_daten_im_terminal_und_markdown(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    for format_ in ("terminal", "markdown"):
        ausgabe = cli("bericht", "--store", str(verlauf_repo), "--seit", "2026-08-01",
                      "--bis", "2026-12-31", "--format", format_).out
        assert "Änderungen seit 01.08.2026 bis 31.12.2026" in ausgabe, format_
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", ausgabe), format_


def test_anteile_ergeben_hundert(bericht: Bericht) -> None:
    html = parse(str(rendere_bericht(bericht, "html")))
    for tabelle in alle(html, "table", "zaehlung"):
        anteile = [int(zellen(z)[2].rstrip(" %")) for z in alle(eins(tabelle, "tbody"), "tr")]
        assert sum(anteile) == 100, text(eins(tabelle, "caption"))
    status = {z[0]: z[2] for t in alle(html, "table", "zaehlung")
              for z in map(zellen, alle(eins(t, "tbody"), "tr"))}
    assert status["nicht begonnen"] == "11 %" and status["zurückgestellt"] == "6 %"  # not 7
    markdown = str(rendere_bericht(bericht, "markdown"))
    for ueberschrift in ("### Umsetzungsstand", "### Ampel"):
        block = markdown.split(ueberschrift + "\n", 1)[1].split("\n\n###", 1)[0]
        werte = re.findall(r"\| (\d+) % \|", block)
        assert sum(map(int, werte)) == 100, ueberschrift


def test_geld_in_xlsx_als_zahl_mit_euroformat(bericht: Bericht) -> None:
    mappe = openpyxl.load_workbook(io.BytesIO(rendere_bericht(bericht, "xlsx")))  # type: ignore[arg-type]
    blatt = mappe["SA Sozialamt"]
    kopf = [c.value for c in blatt[1]]
    plan = kopf.index("Mittel Plan (€)") + 1
    zellen_ = [blatt.cell(row=r, column=plan) for r in range(2, blatt.max_row + 1)]
    gefuellt = [z for z in zellen_ if z.value is not None]
    assert gefuellt and all(isinstance(z.value, int | float) for z in gefuellt)
    assert all(z.number_format == EURO for z in gefuellt)
    assert EURO == '#,##0 "€"'  # 88000 shows as 88.000 € in German Excel
    sa01 = next(r for r in range(2, blatt.max_row + 1) if blatt.cell(row=r, column=1).value
                == "SA-01")
    assert blatt.cell(row=sa01, column=plan).value == 88000


def _html_felder(artikel: object) -> set[str]:
    felder = {zellen(z)[i] for z in alle(eins(artikel, "table", "sb-raster"), "tr")  # type: ignore[arg-type]
              for i in range(0, len(zellen(z)), 2)}
    felder |= {text(eins(f, "h4")).split(" Stand:")[0] for f in alle(artikel, "div", "sb-feld")}  # type: ignore[arg-type]
    return felder


def test_steckbriefe_haben_in_jedem_medium_dieselben_felder(bericht: Bericht) -> None:
    """The Steckbrief model lists the fields; HTML shows exactly these, Markdown, XLSX and
    DOCX show every one of them, for every goal of the example store."""
    modelle = {sb.ziel.id: sb for _, liste in steckbriefe_je_amt(bericht) for sb in liste}
    assert len(modelle) == 46
    html = parse(str(rendere_steckbriefe(bericht, "html")))
    artikel = {a.get("data-ziel"): a for a in alle(html, "article", "steckbrief")}
    markdown = str(rendere_steckbriefe(bericht, "markdown"))
    bloecke = dict(re.findall(r"^### (\S+) – .*?\n(.*?)(?=^### |\Z)", markdown,
                              re.MULTILINE | re.DOTALL))
    mappe = openpyxl.load_workbook(io.BytesIO(rendere_steckbriefe(bericht, "xlsx")))  # type: ignore[arg-type]
    xlsx = {}
    for blatt in mappe.worksheets[1:]:
        kopf = [c.value for c in blatt[1]]
        assert tuple(kopf) == STECKBRIEFSPALTEN
        for zeile in blatt.iter_rows(min_row=2, values_only=True):
            xlsx[zeile[0]] = {k for k, w in zip(kopf, zeile, strict=True) if w is not None}
    dokument = docx.Document(io.BytesIO(rendere_steckbriefe(bericht, "docx")))  # type: ignore[arg-type]
    docx_felder = _docx_felder(dokument)
    ohne_inhalt_erlaubt = {"Maßnahmen", "Aktueller Stand der Umsetzung",
                           "Finanzielle Beurteilung der Verwaltung",
                           "Inhaltliche Beurteilung der Verwaltung"}
    for ziel_id, sb in modelle.items():
        felder = set(sb.felder())
        assert _html_felder(artikel[ziel_id]) == felder, ziel_id
        beschriftungen = set(re.findall(r"^\| ([^|]+?) \| ", bloecke[ziel_id], re.MULTILINE))
        beschriftungen |= set(re.findall(r"^\*\*(.+?)\*\*", bloecke[ziel_id], re.MULTILINE))
        assert felder <= beschriftungen, (ziel_id, felder - beschriftungen)
        assert felder - ohne_inhalt_erlaubt <= xlsx[ziel_id], (ziel_id, felder - xlsx[ziel_id])
        assert felder <= set(STECKBRIEFSPALTEN)
        assert felder <= docx_felder[ziel_id], (ziel_id, felder - docx_felder[ziel_id])


def _docx_felder(dokument: docx.document.Document) -> dict[str, set[str]]:
    """Per Steckbrief (Heading 2): the labels of its grid and its Heading 3 titles."""
    felder: dict[str, set[str]] = {}
    aktuell = ""
    koerper = dokument.element.body
    for kind in koerper.iterchildren():
        if kind.tag.endswith("}p"):
            absatz = docx.text.paragraph.Paragraph(kind, dokument)
            stil = absatz.style.name if absatz.style is not None else ""
            if stil == "Heading 2":
                aktuell = absatz.text.split()[0]
                felder[aktuell] = set()
            elif stil == "Heading 3" and aktuell:
                felder[aktuell].add(absatz.text.split("   Stand:")[0])
        elif kind.tag.endswith("}tbl") and aktuell:
            tabelle = docx.table.Table(kind, dokument)
            for zeile in tabelle.rows:
                zellen_ = [c.text for c in zeile.cells]
                felder[aktuell].update(zellen_[0:1] + zellen_[2:3])
    return felder


def test_ausgabe_datei_mit_umask(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alt = os.umask(0o027)
    try:
        datei = tmp_path / "b.html"
        assert cli("bericht", "--store", str(verlauf_repo), "--format", "html", "--ausgabe",
                   str(datei)).code == 0
        assert stat.S_IMODE(datei.stat().st_mode) == 0o640
        os.umask(0o022)
        neu = tmp_path / "s.docx"
        assert cli("steckbriefe", "--store", str(verlauf_repo), "--format", "docx",
                   "--ausgabe", str(neu)).code == 0
        assert stat.S_IMODE(neu.stat().st_mode) == 0o644
        os.chmod(datei, 0o600)  # an existing file keeps the rights its owner gave it
        assert cli("bericht", "--store", str(verlauf_repo), "--format", "html", "--ausgabe",
                   str(datei)).code == 0
        assert stat.S_IMODE(datei.stat().st_mode) == 0o600
    finally:
        os.umask(alt)
