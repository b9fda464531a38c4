"""Räume, Phase, Liga and the dated Basis/Ziel of Kennzahlen: checked against the frame's
vocabularies like every other field; the frame's new settings checked when it is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import feld_an_pfad
from strategie.speicher.laden import lade_speicher
from strategie.speicher.rahmendatei import lade_rahmen


def _ersetze(datei: Path, alt: str, neu: str) -> None:
    text = datei.read_text(encoding="utf-8")
    assert alt in text
    datei.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def _befunde(speicher: Path, ziel: str) -> list[str]:
    return [f"{b.feld}: {b.meldung}" for b in lade_speicher(speicher, cache=False).befunde
            if b.pfad.stem == ziel]


def test_neue_felder_stehen_in_der_feldspezifikation() -> None:
    for pfad, titel in (("raeume", "Räume"), ("phase", "Phase im Steuerungskreislauf"),
                        ("liga", "von der Liga benannt"),
                        ("kennzahlen.1.basisjahr", "Basisjahr"),
                        ("kennzahlen.1.basisstichtag", "Basisstichtag"),
                        ("kennzahlen.1.zielstichtag", "Zielstichtag"),
                        ("kennzahlen.1.raeume", "Räume")):
        feld = feld_an_pfad(pfad)
        assert feld is not None and feld.titel == titel, pfad


def test_raum_und_phase_kommen_aus_dem_vokabular_des_rahmens(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-06.toml"
    _ersetze(datei, 'status = ', 'raeume = ["Singen", "Mond"]\nphase = "Planung"\nliga = "ja"\n'
                                 'status = ')
    befunde = _befunde(beispiel, "SA-06")
    assert any(b.startswith("raeume: \"Mond\" ist kein gültiger Wert für Räume (erlaubt: "
                            "Landkreis gesamt, Konstanz, Singen") for b in befunde), befunde
    assert any(b.startswith('phase: "Planung" ist kein gültiger Wert für Phase im '
                            "Steuerungskreislauf (erlaubt: Thema, Datenbasierte Analyse")
               for b in befunde), befunde
    assert 'liga: "ja" ist kein Wahrheitswert (true oder false)' in befunde


def test_kennzahl_mit_datierter_basis_und_ziel(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-05.toml"
    _ersetze(datei, "basisjahr = 2022", "basisjahr = 2023")
    _ersetze(datei, "zieljahr = 2027", 'zieljahr = 2027\nzielstichtag = 2027-06-30\n'
                                       'raeume = ["Singen"]')
    speicher = lade_speicher(beispiel, cache=False)
    kennzahl = speicher.ziel("SA-05").kennzahlen[0]  # type: ignore[union-attr]
    assert kennzahl.basisdatum == dt.date(2023, 12, 31)
    assert kennzahl.zieldatum == dt.date(2027, 6, 30)  # the Stichtag is more precise
    assert kennzahl.raeume == ("Singen",)
    _ersetze(datei, "basisjahr = 2023", "basisjahr = 1999")
    assert _befunde(beispiel, "SA-05") == [
        "kennzahlen.1.basisjahr: 1999 liegt außerhalb von 2000 bis 2100"]


def test_rahmen_ohne_raeume_und_phasen_ist_gueltig(beispiel: Path) -> None:
    rahmen = beispiel / "strategie.toml"
    text = rahmen.read_text(encoding="utf-8")
    rahmen.write_text(text[:text.index("# Räume, auf die")], encoding="utf-8")
    geladen = lade_rahmen(beispiel)
    assert geladen.raeume == () and geladen.phasen == ()
    # the example goals that name a Raum or a Phase are then refused, with the reason
    befunde = _befunde(beispiel, "SA-05")
    assert 'raeume: "Singen" ist kein gültiger Wert für Räume (die Rahmendatei nennt keine ' \
           "Werte für Räume)" in befunde
    assert len({b.pfad for b in lade_speicher(beispiel, cache=False).befunde}) == 6 + 7 - 1


@pytest.mark.parametrize(("alt", "neu", "meldung"), [
    ("kennzahl_toleranz_prozent = 5", "kennzahl_toleranz_prozent = -1",
     "Feld 'kennzahl_toleranz_prozent': darf nicht negativ sein"),
    ("messwert_max_alter_monate = 18", 'messwert_max_alter_monate = "18"',
     "Feld 'messwert_max_alter_monate': hat den falschen Typ (int erwartet)"),
    ('ampel = "grau"\n', 'ampel = "grau"\nid = "SA-99"\n', "Feld 'vorlage.id': 'id' ist kein Feld"),
    ('ampel = "grau"\n', 'ampel = "grau"\nfarbe = "rot"\n',
     "Feld 'vorlage.farbe': 'farbe' ist kein Feld"),
    ('name = "Konstanz"', 'name = "Singen"', "Feld 'raeume.name': doppelt vergeben: Singen"),
])
def test_fehler_im_rahmen(beispiel: Path, alt: str, neu: str, meldung: str) -> None:
    _ersetze(beispiel / "strategie.toml", alt, neu)
    with pytest.raises(StrategieFehler) as fehler:
        lade_rahmen(beispiel)
    assert meldung in fehler.value.meldung
