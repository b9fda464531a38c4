"""'strategie bericht' and 'strategie steckbriefe' end to end: every format, files, safety."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJEKT, git


def test_terminal_passt_in_80_spalten(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--seit", "2026-08-01")
    assert ergebnis.code == 0
    zeilen = ergebnis.out.splitlines()
    assert max(len(z) for z in zeilen) <= 80
    text = ergebnis.out
    assert "Sachstandsbericht Sozialstrategie Landkreis Konstanz" in text
    assert "Änderungen seit 01.08.2026: 2 Änderungen an 2 Zielen" in text  # German dates
    assert "Ampel rot: 6" in text  # five in the example store, AMI-01 turned red
    assert ergebnis.err == ""  # no progress bar without a terminal


def test_markdown_html_json_csv_in_dateien(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for format_ in ("markdown", "json", "csv", "terminal"):
        datei = tmp_path / f"bericht.{format_}"
        ergebnis = cli("bericht", "--store", str(verlauf_repo), "--format", format_,
                       "--ausgabe", str(datei))
        assert ergebnis.code == 0 and ergebnis.out == ""
        assert "Bericht" in ergebnis.err and "46 Ziele" in ergebnis.err
        assert datei.stat().st_size > 1000
    daten = json.loads((tmp_path / "bericht.json").read_text(encoding="utf-8"))
    assert daten["nach_ampel"]["rot"] == 6
    markdown = (tmp_path / "bericht.markdown").read_text(encoding="utf-8")
    assert "| Summe | 46 | 9 | 17 | 11 | 9 |" in markdown
    assert "### Anlage 2 – Sozialamt (7 Ziele)" in markdown


def test_csv_fuer_deutsches_excel(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--format", "csv")
    assert ergebnis.out.startswith("\ufeffSachstandsbericht Sozialstrategie Landkreis Konstanz")
    kopf, tabelle = ergebnis.out.lstrip("\ufeff").split("\r\n\r\n", 1)
    assert [z.split(" ", 1)[0] for z in kopf.splitlines()] == [
        "Sachstandsbericht", "Grundlage:", "Beispieldaten:"]  # report, basis, notice
    assert tabelle.startswith("ID;Titel;Amt;")
    zeilen = list(csv.DictReader(io.StringIO(tabelle), delimiter=";"))
    assert len(zeilen) == 46
    dez = next(z for z in zeilen if z["ID"] == "DEZ-01")
    assert dez["Umsetzungsstand"] == "umgesetzt" and dez["Steckbrief-Stand"] == "30.10.2026"
    assert dez["Mittel Plan (€)"] == "85000" and dez["Personal (VZÄ)"] == "1"
    assert any("," in z["Personal (VZÄ)"] for z in zeilen)  # decimal comma, e.g. 0,5


def test_xlsx_uebersicht_und_blatt_je_amt(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    datei = tmp_path / "bericht.xlsx"
    assert cli("bericht", "--store", str(verlauf_repo), "--format", "xlsx", "--ausgabe",
               str(datei)).code == 0
    mappe = openpyxl.load_workbook(datei)
    assert mappe.sheetnames[0] == "Überblick" and "SA Sozialamt" in mappe.sheetnames
    uebersicht = mappe["Überblick"]
    zeilen = {r[0]: r for r in uebersicht.iter_rows(min_row=6, values_only=True) if r[0]}
    assert zeilen["DEZ"][3:8] == (18, 3, 5, 3, 7)
    summe = next(r for r in uebersicht.iter_rows(values_only=True) if r[1] == "Summe")
    assert summe[3:8] == (46, 9, 17, 11, 9)
    assert uebersicht.freeze_panes == "A6" and uebersicht.auto_filter.ref
    sa = mappe["SA Sozialamt"]
    assert sa.freeze_panes == "A2" and sa.auto_filter.ref.startswith("A1:")
    assert [c.value for c in sa[1]][:3] == ["ID", "Titel", "Amt"]
    assert sa.max_row == 1 + 7 and isinstance(sa["E2"].value, int)
    assert "Kennzahlen" in mappe.sheetnames


def test_xlsx_nicht_ins_terminal(cli, verlauf_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--format", "xlsx")
    assert ergebnis.code == 3 and "--ausgabe" in ergebnis.err


def test_bericht_zum_stichtag_nennt_seine_grundlage(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--stand", "2026-08-01",
                   "--format", "json")
    daten = json.loads(ergebnis.out)
    commit = git(verlauf_repo.parent, "rev-list", "-1", "--before=2026-08-01 23:59:59",
                 "HEAD").strip()
    assert daten["grundlage"]["commit"] == commit and daten["grundlage"]["stichtag"] == "2026-08-01"
    assert daten["nach_ampel"]["rot"] == 5 and daten["stichtag"] == "2026-08-01"


def test_steckbriefe_markdown_und_xlsx(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("steckbriefe", "--store", str(verlauf_repo), "--format", "markdown")
    text = ergebnis.out
    assert text.count("\n### ") == 46
    assert text.count("**Aktueller Stand der Umsetzung**") == 46
    assert text.count("**Finanzielle Beurteilung der Verwaltung**") == 46
    assert text.count("**Inhaltliche Beurteilung der Verwaltung**") == 46
    anlagen = [z for z in text.splitlines() if z.startswith("## Anlage")]
    assert [a.split(" – ")[0] for a in anlagen] == [f"## Anlage {n}" for n in range(2, 8)]
    assert anlagen[0].endswith("Sozialamt")
    datei = tmp_path / "steckbriefe.xlsx"
    cli("steckbriefe", "--store", str(verlauf_repo), "--format", "xlsx", "--amt", "SA,AMI",
        "--ausgabe", str(datei))
    mappe = openpyxl.load_workbook(datei)
    assert mappe.sheetnames == ["Deckblatt", "Anlage 2 SA", "Anlage 4 AMI"]
    assert mappe["Anlage 2 SA"].max_row == 8


def test_texte_aus_zieldateien_bleiben_text(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    datei = verlauf_repo / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    titel = text.split('titel = "', 1)[1].split('"', 1)[0]
    datei.write_text(text.replace(titel, "=HYPERLINK(1) <script>alert(1)</script> \\u001b[31m"),
                     encoding="utf-8")
    markdown = cli("bericht", "--store", str(verlauf_repo), "--format", "markdown").out
    assert "\\<script\\>" in markdown and "\x1b" not in markdown
    zeilen = cli("bericht", "--store", str(verlauf_repo), "--format", "csv").out
    zeile = next(z for z in zeilen.splitlines() if z.startswith("SA-01;"))
    assert zeile.split(";")[1].startswith("'=HYPERLINK") and "\x1b" not in zeile
    ausgabe = tmp_path / "b.xlsx"
    cli("bericht", "--store", str(verlauf_repo), "--format", "xlsx", "--ausgabe", str(ausgabe))
    zelle = openpyxl.load_workbook(ausgabe)["SA Sozialamt"]["B2"]
    assert zelle.data_type == "s" and zelle.value.startswith("=HYPERLINK")


def test_fehlerhafte_angaben(cli, verlauf_repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("bericht", "--store", str(verlauf_repo), "--bis", "2026-01-01").code == 3
    assert cli("bericht", "--store", str(verlauf_repo), "--monate", "0").code == 3
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--format", "json",
                   "--ausgabe", str(tmp_path / "fehlt" / "b.json"))
    assert ergebnis.code == 3 and "existiert nicht" in ergebnis.err
    assert cli("bericht", "--store", str(verlauf_repo), "--format", "pdf").code == 2


def test_beispielskript(verlauf_repo: Path, tmp_path: Path) -> None:
    ergebnis = subprocess.run(
        [sys.executable, str(PROJEKT / "beispiele" / "sachstand_je_amt.py"), str(verlauf_repo),
         "--stand", "2026-09-15", "--ausgabe", str(tmp_path / "aus")],
        capture_output=True, text=True, check=True, cwd=tmp_path)
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[0].split() == ["SA", "7", "Ziele,", "2", "umgesetzt,", "1", "rot,", "4",
                                 "mit", "Handlungsbedarf"]
    dez = next(z for z in zeilen if z.startswith("DEZ"))
    assert "18 Ziele,   6 umgesetzt" in dez  # with DEZ-01 (01.09.2026) and one im Regelbetrieb
    assert "Stichtag 15.09.2026" in zeilen[-1]
    assert len(list((tmp_path / "aus").glob("sachstand-*.md"))) == 6
