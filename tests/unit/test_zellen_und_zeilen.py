"""The one rule for spreadsheet cells and one-line text (``strategie.text.sicher``), and where it
applies: 'liste --format csv', the report's CSV and XLSX, the terminal list, commit messages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from strategie.aendern.nachricht import Zielvorgang, nachricht
from strategie.modell.vergleich import Feldaenderung
from strategie.text.sicher import einzeilig, ist_formel, zelle_sicher


@pytest.mark.parametrize("text", ["=1+1", "+49 7531", "-2+3", "@SUMME(A1)", "\t=1", "\r=1",
                                  "  =HYPERLINK(\"http://x\")", "\u00a0-1", "＝1"])
def test_formeln_werden_text(text: str) -> None:
    assert ist_formel(text)
    assert zelle_sicher(text).startswith("'")


@pytest.mark.parametrize("text", ["Pflege", "1-2 Jahre", "a=b", "", "  Text"])
def test_gewoehnlicher_text_bleibt(text: str) -> None:
    assert not ist_formel(text) and zelle_sicher(text) == text


def test_einzeilig() -> None:
    assert einzeilig("a\nb\r\nc\u2028d\te\x1b") == "a ⏎ b ⏎ c ⏎ d e␛"


def _mit_titel(speicher: Path, titel: str) -> None:
    datei = speicher / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    alt = next(z for z in text.splitlines() if z.startswith("titel = "))
    datei.write_text(text.replace(alt, f"titel = {titel}", 1), encoding="utf-8")


def test_liste_csv_ohne_formel_auch_nach_leerzeichen(beispiel: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _mit_titel(beispiel, '"  =HYPERLINK(\\"http://x\\")"')
    ergebnis = cli("--store", str(beispiel), "liste", "--format", "csv")
    assert ergebnis.code == 0
    zeilen = list(csv.DictReader(io.StringIO(ergebnis.out), delimiter=";"))
    (zeile,) = [z for z in zeilen if z["id"] == "SA-01"]
    assert zeile["titel"] == "'  =HYPERLINK(\"http://x\")"


def test_titel_mit_zeilenumbruch_bleibt_eine_zeile(beispiel: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _mit_titel(beispiel, '"Erste Zeile\\nSA-99  Fremdes Ziel"')
    ergebnis = cli("--store", str(beispiel), "liste", "--amt", "SA")
    zeilen = ergebnis.out.splitlines()
    (erste,) = [z for z in zeilen if "Erste Zeile" in z]
    assert erste.split()[0] == "SA-01" and "⏎" in erste, ergebnis.out
    assert not any(z.split() and z.split()[0] == "SA-99" for z in zeilen), ergebnis.out
    csv_text = cli("--store", str(beispiel), "liste", "--format", "csv").out
    (zeile,) = [z for z in csv.DictReader(io.StringIO(csv_text), delimiter=";")
                if z["id"] == "SA-01"]
    assert zeile["titel"] == "Erste Zeile\nSA-99  Fremdes Ziel"  # quoted, not a new row
    markdown = cli("--store", str(beispiel), "bericht", "--format", "markdown").out
    for zeile_md in markdown.splitlines():
        assert not zeile_md.startswith("SA-99  Fremdes"), zeile_md


def test_xlsx_markiert_formeln_als_text(beispiel: Path, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _mit_titel(beispiel, '" =1+1"')
    ausgabe = tmp_path / "b.xlsx"
    assert cli("--store", str(beispiel), "bericht", "--format", "xlsx", "--ausgabe",
               str(ausgabe)).code == 0
    zellen = [z for blatt in openpyxl.load_workbook(ausgabe).worksheets
              for reihe in blatt.iter_rows() for z in reihe if z.value == " =1+1"]
    assert zellen and all(z.data_type == "s" and z.quotePrefix for z in zellen)


def test_commit_nachricht_ohne_steuerzeichen() -> None:
    boese = "Neu\x1b]0;gehackt\x07\u202eetxet\nFremde-Zeile: x"
    vorgang = Zielvorgang("SA-01", (Feldaenderung("titel", "Alt", boese),), {"titel": boese})
    meldung = nachricht([vorgang], "Kommentar\x1b[2J")
    assert "\x1b" not in meldung and "\x07" not in meldung and "\u202e" not in meldung
    assert meldung.splitlines()[0] == "SA-01: Titel geändert"
    assert "\nFremde-Zeile: x" not in meldung and "etxet Fremde-Zeile: x" in meldung
    titel = Zielvorgang("SA-01", (), {"titel": boese}, betreff=f"angelegt: {boese}",
                        angelegt=True)
    betreff = nachricht([titel], "").splitlines()[0]
    assert betreff.startswith("SA-01 angelegt: Neu␛") and "\u202e" not in betreff
