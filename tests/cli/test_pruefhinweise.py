"""'pruefen' Hinweise: valid goals that lack what steering needs, listed apart from the Befunde;
the exit code stays 0 unless --streng."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from strategie.auswertung.pruefhinweise import pruefhinweise
from strategie.speicher.laden import lade_speicher
from tests.conftest import BEISPIEL, DATEN

OHNE_HAUSHALT = {"AMI-01", "DEZ-18", "SA-06"}
"""The example goals that are not haushaltsneutral and name no figure to put in [haushalt]."""


def _hinweiszeilen(ausgabe: str) -> list[str]:
    return [z for z in ausgabe.splitlines() if ": Hinweis: " in z]


def test_beispiel_hat_drei_hinweise_und_ist_in_ordnung(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("pruefen", str(BEISPIEL), "--heute", "2026-11-24")
    assert ergebnis.code == 0
    zeilen = _hinweiszeilen(ergebnis.out)
    assert {Path(z.split(":")[0]).stem for z in zeilen} == OHNE_HAUSHALT
    assert all(": Hinweis: Feld 'haushaltsneutral': nicht haushaltsneutral, aber ohne Abschnitt "
               "[haushalt]" in z for z in zeilen)
    assert all(z.split(":")[1] == "10" for z in zeilen)  # the line of haushaltsneutral
    assert "46 Ziele fehlerfrei; 3 Hinweise zu 3 Zielen (kein Fehler; mit --streng schon)" in (
        ergebnis.err)
    streng = cli("pruefen", str(BEISPIEL), "--heute", "2026-11-24", "--streng")
    assert streng.code == 1 and "aber 3 Hinweise zu 3 Zielen (--streng)" in streng.err


def test_projekt_ohne_umsetzungsjahr_und_alte_messwerte(cli, beispiel: Path) -> None:  # type: ignore[no-untyped-def]
    datei = beispiel / "ami" / "AMI-05.toml"
    datei.write_text(datei.read_text(encoding="utf-8").replace("umsetzungsjahr = 2027\n", ""),
                     encoding="utf-8")
    hinweise = pruefhinweise(lade_speicher(beispiel), dt.date(2027, 8, 1))
    ami05 = [h for h in hinweise if h.pfad.stem == "AMI-05"]
    assert [(h.feld, h.meldung) for h in ami05] == [
        ("art", "Projekt ohne Umsetzungsjahr: für welches Haushaltsjahr ist es vorgesehen?")]
    assert ami05[0].zeile == 12  # the line of art
    # 18 months before 01.08.2027: a latest Messwert of 31.12.2025 is too old
    alt = [h for h in hinweise if h.feld and h.feld.startswith("kennzahlen.")]
    assert {(h.pfad.stem, h.feld) for h in alt} == {
        ("DEZ-04", "kennzahlen.1.name"), ("DEZ-16", "kennzahlen.1.name"),
        ("DEZ-16", "kennzahlen.2.name"), ("AGV-05", "kennzahlen.1.name"),
        ("AKJF-07", "kennzahlen.1.name"), ("SA-01", "kennzahlen.2.name")}
    sa01 = next(h for h in alt if h.pfad.stem == "SA-01")
    assert sa01.meldung == ("Kennzahl 2 „Aufsuchende Bedarfsfeststellungen durch die "
                            "Pflegefachkraft je Jahr“: der letzte Messwert ist vom 31.12.2025, "
                            "älter als 18 Monate (messwert_max_alter_monate)")
    assert pruefhinweise(lade_speicher(beispiel), dt.date(2026, 11, 24)) == tuple(
        h for h in pruefhinweise(lade_speicher(beispiel), dt.date(2026, 11, 24))
        if not (h.feld or "").startswith("kennzahlen."))


def test_frist_aus_dem_rahmen(beispiel: Path) -> None:
    rahmen = beispiel / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
        "messwert_max_alter_monate = 18", "messwert_max_alter_monate = 6"), encoding="utf-8")
    hinweise = pruefhinweise(lade_speicher(beispiel), dt.date(2026, 11, 24))
    assert any(h.pfad.stem == "SA-01" and h.feld == "kennzahlen.2.name"
               and "älter als 6 Monate" in h.meldung for h in hinweise)


def test_hinweise_getrennt_von_befunden(cli, beispiel: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(DATEN / "kaputt" / "sa" / "SA-90.toml", beispiel / "sa" / "SA-90.toml")
    ergebnis = cli("pruefen", str(beispiel), "--heute", "2026-11-24")
    assert ergebnis.code == 1
    zeilen = ergebnis.out.splitlines()
    befund = next(i for i, z in enumerate(zeilen) if "SA-90" in z)
    assert ": Hinweis: " not in zeilen[befund]
    assert all(i > befund for i, z in enumerate(zeilen) if ": Hinweis: " in z)
    assert "; 3 Hinweise zu 3 Zielen" in ergebnis.err
