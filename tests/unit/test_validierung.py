"""Broken goal files: each gets one precise Befund (file, line, field, German text)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from strategie.modell.befund import MAX_BEFUNDE_JE_DATEI, anzahl_befunde
from strategie.speicher.laden import lade_speicher
from tests.conftest import BEISPIEL
from tests.korpus import KAPUTT, erwartung

KORPUS = sorted(p for p in KAPUTT.rglob("*.toml") if p.parent.name != "rahmen")
"""The broken goal files; ``kaputt/rahmen/`` holds broken frame files."""
RAHMEN_KORPUS = sorted((KAPUTT / "rahmen").glob("*.toml"))


@pytest.fixture
def speicher_mit_korpus(beispiel: Path) -> Path:
    for datei in KORPUS:
        ziel = beispiel / datei.relative_to(KAPUTT)
        ziel.parent.mkdir(exist_ok=True)
        shutil.copyfile(datei, ziel)
    return beispiel


def test_korpus_ist_gross_genug() -> None:
    assert len(KORPUS) + len(RAHMEN_KORPUS) >= 100 and len(RAHMEN_KORPUS) >= 20


def test_jede_kaputte_datei_bekommt_genau_einen_praezisen_befund(speicher_mit_korpus: Path) -> None:
    speicher = lade_speicher(speicher_mit_korpus)
    for datei in KORPUS:
        pfad = speicher_mit_korpus / datei.relative_to(KAPUTT)
        befunde = [b for b in speicher.befunde if b.pfad == pfad]
        zeile, feld, text, anzahl = erwartung(datei)
        assert anzahl_befunde(befunde) == anzahl, (datei.name, befunde[:3])
        befund = befunde[0]
        assert text in befund.meldung, (datei.name, befund)
        assert befund.zeile == zeile, (datei.name, befund)
        assert befund.feld == feld, (datei.name, befund)


def test_gueltige_ziele_laden_trotz_kaputter_nachbarn(speicher_mit_korpus: Path) -> None:
    speicher = lade_speicher(speicher_mit_korpus)
    assert len(speicher.ziele) == 46
    assert {b.pfad.parent.name for b in speicher.befunde} <= {"sa", "dez", "xyz"}


def test_pruefen_gibt_pfad_zeile_meldung_aus_ohne_traceback(speicher_mit_korpus: Path, cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("pruefen", str(speicher_mit_korpus))
    assert ergebnis.code == 1
    assert "Traceback" not in ergebnis.out + ergebnis.err
    zeilen = [z for z in ergebnis.out.splitlines() if ": Hinweis: " not in z]
    assert len(zeilen) == sum(min(erwartung(d)[3], MAX_BEFUNDE_JE_DATEI + 1) for d in KORPUS)
    assert any(re.match(r".*sa/SA-97\.toml:7: Feld 'status': \"in Arbeit\" ist kein gültiger",
                        z) for z in zeilen), zeilen
    assert "46 Ziele fehlerfrei gelesen" in ergebnis.err


def test_symlink_aus_dem_speicher_hinaus_wird_abgelehnt(beispiel: Path, tmp_path: Path) -> None:
    draussen = tmp_path / "geheim.toml"
    draussen.write_text('id = "SA-60"\n', encoding="utf-8")
    (beispiel / "sa" / "SA-60.toml").symlink_to(draussen)
    speicher = lade_speicher(beispiel)
    (befund,) = [b for b in speicher.befunde if b.pfad.name == "SA-60.toml"]
    assert "aus dem Zielspeicher hinaus" in befund.meldung
    assert len(speicher.ziele) == 46


def test_ordner_symlink_aus_dem_speicher_hinaus_wird_nicht_betreten(beispiel: Path,
                                                                    tmp_path: Path) -> None:
    draussen = tmp_path / "anderswo"
    draussen.mkdir()
    shutil.copyfile(BEISPIEL / "sa" / "SA-01.toml", draussen / "SA-01.toml")
    (beispiel / "fremd").symlink_to(draussen, target_is_directory=True)
    speicher = lade_speicher(beispiel)
    (befund,) = speicher.befunde
    assert befund.pfad.name == "fremd" and "aus dem Zielspeicher hinaus" in befund.meldung


def test_verweis_ins_leere_ist_nicht_lesbar(beispiel: Path) -> None:
    (beispiel / "sa" / "SA-61.toml").symlink_to(beispiel / "sa" / "gibt-es-nicht.toml")
    speicher = lade_speicher(beispiel)
    (befund,) = speicher.befunde
    assert "nicht lesbar" in befund.meldung and befund.pfad.name == "SA-61.toml"


@pytest.mark.skipif(os.geteuid() == 0, reason="root liest auch Dateien ohne Leserecht")
def test_datei_ohne_leserecht(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    datei.chmod(0)
    try:
        speicher = lade_speicher(beispiel)
    finally:
        datei.chmod(0o644)
    (befund,) = speicher.befunde
    assert "nicht lesbar" in befund.meldung and len(speicher.ziele) == 45


def test_fehlerhafte_rahmendatei_meldet_zeile(beispiel: Path, cli) -> None:  # type: ignore[no-untyped-def]
    rahmen = beispiel / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
        'name = "Sozialstrategie Landkreis Konstanz"', 'name = "Sozialstrategie'), encoding="utf-8")
    ergebnis = cli("pruefen", str(beispiel))
    assert ergebnis.code == 1
    assert re.search(r"strategie\.toml:\d+: TOML-Syntaxfehler", ergebnis.out)


@pytest.mark.parametrize(("alt", "neu", "feld"), [
    ("basiswert = 61.0", "basiswert = inf", "kennzahlen.1.basiswert"),
    ("zielwert = 66.0", "zielwert = nan", "kennzahlen.1.zielwert"),
    ("wert = 61.8", "wert = -inf", "kennzahlen.1.messwerte.1.wert"),
])
def test_nicht_endliche_zahl_ist_ein_befund_mit_zeile(beispiel: Path, alt: str, neu: str,
                                                      feld: str) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    assert alt in text
    text = text.replace(alt, neu, 1)
    datei.write_text(text, encoding="utf-8")
    (befund,) = lade_speicher(beispiel).befunde
    assert befund.feld == feld and "keine endliche Zahl" in befund.meldung
    assert text.splitlines()[befund.zeile - 1].strip() == neu  # type: ignore[operator]


@pytest.mark.parametrize(("schluessel", "welcher", "ersatz", "feld"), [
    ("titel", 0, '""', "titel"),
    ("wirkungsziel", 0, '"   "', "wirkungsziel"),
    ("titel", 1, '""', "massnahmen.1.titel"),
    ("name", 0, '" "', "kennzahlen.1.name"),
])
def test_leere_pflichttexte_sind_befunde(beispiel: Path, schluessel: str, welcher: int,
                                         ersatz: str, feld: str) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    zeilen = datei.read_text(encoding="utf-8").split("\n")
    nummer = [i for i, z in enumerate(zeilen) if z.startswith(f"{schluessel} = ")][welcher]
    ende = nummer + 1
    if zeilen[nummer].count('"""') == 1:  # a multi-line text: up to its closing quotes
        while '"""' not in zeilen[ende]:
            ende += 1
        ende += 1
    zeilen[nummer:ende] = [f"{schluessel} = {ersatz}"]
    datei.write_text("\n".join(zeilen), encoding="utf-8")
    (befund,) = lade_speicher(beispiel).befunde
    assert befund.feld == feld and "darf nicht leer sein" in befund.meldung, befund
    assert befund.zeile == nummer + 1


def test_leerer_beschluss_gremium(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    datei.write_text(datei.read_text(encoding="utf-8")
                     + '\n[[beschluesse]]\ngremium = ""\ndatum = 2024-05-01\n', encoding="utf-8")
    (befund,) = lade_speicher(beispiel).befunde
    assert befund.feld == "beschluesse.1.gremium" and "darf nicht leer sein" in befund.meldung
