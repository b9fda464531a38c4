"""werkzeuge/pdf_drucken.py: HTML reports to PDF with headless Chromium, footer on every page."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from strategie.ausgabe.html.bericht import bericht_html
from strategie.ausgabe.html.steckbriefe import steckbriefe_html
from strategie.ausgabe.html.stil import dokument
from strategie.auswertung.bericht import erstelle_bericht
from strategie.speicher.laden import lade_speicher
from tests.conftest import PROJEKT

SKRIPT = PROJEKT / "werkzeuge" / "pdf_drucken.py"


def _modul() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pdf_drucken", SKRIPT)
    assert spec and spec.loader
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


PDF = _modul()
CHROMIUM = PDF.finde_chromium()
braucht_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium nicht gefunden (Debian-Paket 'chromium')")


def _drucke(*argumente: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SKRIPT), *argumente], capture_output=True,
                          text=True, timeout=300, check=False)


def test_ohne_chromium_deutsche_meldung(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    lauf = _drucke(str(html), "--chromium", str(tmp_path / "gibt-es-nicht"))
    assert lauf.returncode == 1
    assert "Chromium wurde nicht gefunden" in lauf.stderr
    assert "apt-get install chromium" in lauf.stderr
    fehlt = _drucke(str(tmp_path / "fehlt.html"))
    assert fehlt.returncode == 2 and "gibt es nicht" in fehlt.stderr


@braucht_chromium
def test_kleines_html_wird_pdf(tmp_path: Path) -> None:
    html = tmp_path / "klein.html"
    html.write_text(dokument("Probe", '<h1>Seite eins</h1><section class="seite-neu">'
                                      "<h2>Seite zwei</h2></section>",
                             kopfzeile="Kopf", fusszeile="Fuß: Probe"), encoding="utf-8")
    lauf = _drucke(str(html))
    pdf = tmp_path / "klein.pdf"
    assert lauf.returncode == 0, lauf.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert PDF.seitenzahl(pdf) == 2
    assert "PDF geschrieben" in lauf.stdout and "2 Seiten" in lauf.stdout


def _seitentexte(pdf: Path) -> list[str]:
    seiten = PDF.seitenzahl(pdf)
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for i in range(1, seiten + 1)]


@braucht_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="pdftotext nicht gefunden (Debian-Paket 'poppler-utils')")
def test_bericht_und_steckbriefe_als_pdf(repo: Path, tmp_path: Path) -> None:
    bericht = erstelle_bericht(lade_speicher(repo / "ziele"), heute=dt.date(2026, 11, 24),
                               erstellt=dt.datetime(2026, 11, 24, 9, 30).astimezone())
    fuss = bericht.grundlage.zeile()
    assert "Commit " in fuss
    for name, text in (("bericht", bericht_html(bericht)),
                       ("steckbriefe", steckbriefe_html(bericht))):
        html = tmp_path / f"{name}.html"
        html.write_text(text, encoding="utf-8")
        assert _drucke(str(html)).returncode == 0
        seiten = _seitentexte(html.with_suffix(".pdf"))
        for nummer, seite in enumerate(seiten, start=1):
            flach = " ".join(seite.split())
            assert " ".join(fuss.split()) in flach, f"{name}: Seite {nummer} ohne Grundlage"
            assert f"Seite {nummer} von {len(seiten)}" in flach
        if name == "bericht":
            namen = [a.name for a in bericht.aemter()]
            zeilen = [[z for z in s.splitlines() if z.strip()] for s in seiten]
            anfaenge = [z[1] for z in zeilen if z[0].endswith(f"· {z[1]}")]  # head + heading
            assert anfaenge == namen  # every Amt starts its own page, in Anlagen order
        else:
            je_seite = [s.count("MASSNAHMENSTECKBRIEF ·") for s in seiten]
            assert sum(je_seite) == 46 and max(je_seite) == 1  # one Steckbrief per page
