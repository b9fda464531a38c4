"""Every kind of broken input (``tests/korpus.py``) in 'pruefen', 'liste' and 'bericht' in every
format: a German Befund with the file (and line), no traceback, a defined exit code, and the
other goals still load."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from strategie.cli.main import BEFUNDE, ERFOLG, FEHLER, main
from strategie.modell.befund import MAX_BEFUNDE_JE_DATEI, anzeigepfad
from strategie.text.sicher import entschaerfe
from tests.conftest import BEISPIEL
from tests.korpus import RAHMEN_ARTEN, ZIEL_ARTEN, Art, lege_an, speicher_mit

FORMATE = ("terminal", "markdown", "html", "json", "csv", "xlsx", "docx")
BINAER = frozenset({"xlsx", "docx"})
GUELTIGE_ZIELE = 46
ROH = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal raw: control characters and bidi overrides (CR only as
part of the CR LF that ends CSV rows)."""
SCHWER = "100000-ungueltige-eintraege"
"""Seconds to read: run once, alone, in 'pruefen' and the JSON report."""


@dataclass(frozen=True)
class Lauf:
    """Exit code and output of one in-process run of the CLI."""

    code: int
    out: str
    err: str


def lauf(*args: str) -> Lauf:
    """Run ``strategie ARGS`` in this process; any exception fails the test (a traceback)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as ende:
            code = int(ende.code or 0)
    ergebnis = Lauf(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in ergebnis.out + ergebnis.err, args
    assert not ROH.search((ergebnis.out + ergebnis.err).replace("\r\n", "\n")), args
    return ergebnis


def _bericht(speicher: Path, format_: str, ordner: Path) -> Lauf:
    ausgabe = ["--ausgabe", str(ordner / f"bericht.{format_}")] if format_ in BINAER else []
    return lauf("--store", str(speicher), "bericht", "--format", format_, *ausgabe)


def _befundzeilen(art: Art, speicher: Path, ausgabe: str) -> list[str]:
    pfad = anzeigepfad(art.pfad(speicher))
    return [z for z in ausgabe.splitlines() if z.startswith(f"{pfad}:")]


def _pruefe_befund(art: Art, speicher: Path, ausgabe: str) -> None:
    """The Befund of *art* is in the 'pruefen' output: file, line where known, the text."""
    zeilen = _befundzeilen(art, speicher, ausgabe)
    assert zeilen, (art.name, ausgabe[-2000:])
    pfad = anzeigepfad(art.pfad(speicher))
    ort = re.escape(f"{pfad}:{art.zeile}: " if art.zeile else pfad) + (
        "" if art.zeile else r"(:\d+)?: ")
    feld = re.escape(f"Feld '{entschaerfe(art.feld)}': ") if art.feld else ""
    assert any(re.match(ort + feld, z) and entschaerfe(art.text) in z for z in zeilen), (
        art.name, ort + feld, art.text, zeilen[:3])
    if art.anzahl > MAX_BEFUNDE_JE_DATEI:
        assert len(zeilen) == MAX_BEFUNDE_JE_DATEI + 1, art.name
        weitere = f"{art.anzahl - MAX_BEFUNDE_JE_DATEI:,}".replace(",", ".")
        assert f"… und {weitere} weitere Befunde" in zeilen[-1], zeilen[-1]
    else:
        assert len(zeilen) == art.anzahl, (art.name, zeilen)


@pytest.fixture(scope="module")
def alle_auf_einmal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    """The example store with every broken goal file at once, and the output of 'pruefen',
    'liste' and 'bericht' in every format on it (run once: reports take their time)."""
    ordner = tmp_path_factory.mktemp("korpus")
    speicher = ordner / "ziele"
    shutil.copytree(BEISPIEL, speicher)
    for art in ZIEL_ARTEN:
        if art.name != SCHWER:
            lege_an(art, speicher)
    laeufe = {"pruefen": lauf("--store", str(speicher), "pruefen"),
              "liste": lauf("--store", str(speicher), "liste", "--format", "json")}
    for format_ in FORMATE:
        laeufe[format_] = _bericht(speicher, format_, ordner)
    yield speicher, laeufe


def test_alle_kaputten_ziele_zugleich_in_jedem_format(alle_auf_einmal: tuple[Path, dict]) -> None:
    speicher, laeufe = alle_auf_einmal
    assert laeufe["pruefen"].code == BEFUNDE
    assert f"{GUELTIGE_ZIELE} Ziele fehlerfrei gelesen" in laeufe["pruefen"].err
    assert laeufe["liste"].code == ERFOLG
    assert len(json.loads(laeufe["liste"].out)) == GUELTIGE_ZIELE
    leicht = {a.relpfad for a in ZIEL_ARTEN if a.name != SCHWER}
    dateien = len(leicht | {"dez/SA-83.toml"})
    for format_ in FORMATE:
        assert laeufe[format_].code == ERFOLG, (format_, laeufe[format_].err)
        assert "fehlerhaft und nicht berücksichtigt" in laeufe[format_].err, format_
    bericht = json.loads(laeufe["json"].out)
    assert bericht["anzahl_ziele"] == GUELTIGE_ZIELE
    assert {b["datei"] for b in bericht["befunde"]} >= leicht
    assert len({b["datei"] for b in bericht["befunde"]}) <= dateien
    html = laeufe["html"].out
    zahlen = re.findall(r"<svg.*?</svg>", html, re.S) + re.findall(r'class="zahl">[^<]*', html)
    assert len(zahlen) > 50
    assert not re.search(r"(?<!\w)(nan|inf)(?!\w)", "".join(zahlen), re.I)  # charts, tables
    for format_ in ("xlsx", "docx"):
        assert (speicher.parent / f"bericht.{format_}").stat().st_size > 1000


@pytest.mark.parametrize("art", ZIEL_ARTEN, ids=lambda a: a.name)
def test_jedes_kaputte_ziel(art: Art, alle_auf_einmal: tuple[Path, dict], tmp_path: Path) -> None:
    speicher, laeufe = alle_auf_einmal
    if art.name == SCHWER:
        speicher = speicher_mit(art, tmp_path / "ziele")
        laeufe = {"pruefen": lauf("--store", str(speicher), "pruefen"),
                  "json": lauf("--store", str(speicher), "bericht", "--format", "json")}
        assert f"{GUELTIGE_ZIELE} Ziele fehlerfrei gelesen" in laeufe["pruefen"].err
        assert "100.000 Befund(e) in 1 Datei(en)" in laeufe["pruefen"].err
        assert len(laeufe["pruefen"].out) < 20_000
    assert laeufe["pruefen"].code == BEFUNDE
    _pruefe_befund(art, speicher, laeufe["pruefen"].out)
    bericht = json.loads(laeufe["json"].out)
    assert bericht["anzahl_ziele"] == GUELTIGE_ZIELE
    gemeldet = [b for b in bericht["befunde"] if b["datei"] == art.relpfad]
    assert 1 <= len(gemeldet) <= MAX_BEFUNDE_JE_DATEI + 1, art.name


@pytest.mark.parametrize("art", RAHMEN_ARTEN, ids=lambda a: a.name)
def test_jede_kaputte_rahmendatei(art: Art, tmp_path: Path) -> None:
    speicher = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, speicher)
    (speicher / "strategie.toml").unlink()
    lege_an(art, speicher)
    pruefen = lauf("--store", str(speicher), "pruefen")
    assert pruefen.code == BEFUNDE
    _pruefe_befund(art, speicher, pruefen.out)
    for befehl in (("liste",), *(("bericht", "--format", f) for f in FORMATE)):
        ergebnis = (_bericht(speicher, befehl[2], tmp_path) if befehl[0] == "bericht"
                    else lauf("--store", str(speicher), *befehl))
        assert ergebnis.code == FEHLER, (befehl, ergebnis)
        assert ergebnis.err.startswith("Fehler: "), (befehl, ergebnis.err)
        assert "strategie.toml" in ergebnis.err and entschaerfe(art.text) in ergebnis.err, (
            befehl, ergebnis.err)
    assert not (tmp_path / "bericht.xlsx").exists()
