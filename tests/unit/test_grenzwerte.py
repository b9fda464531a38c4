"""Numbers and dates at the limits: computed values never leave the floats, months never
leave the calendar, neither in the core nor on the command line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from strategie.ausgabe.html.svg import kennzahl_svg
from strategie.auswertung.kennzahlen import bewerte_kennzahl
from strategie.auswertung.zusammenfassung import fasse_zusammen
from strategie.modell.ziel import Kennzahl, Messwert
from strategie.speicher.laden import lade_speicher
from strategie.text.format import datum_de, euro_de, mit_einheit, monate_zurueck, zahl_de


def _kennzahl(basis: float, ziel: float, *werte: float) -> Kennzahl:
    return Kennzahl("Anteil", "%", "steigend", basis, ziel, 2030, messwerte=tuple(
        Messwert(dt.date(2024, 12, 31 - i), w) for i, w in enumerate(werte)), basisjahr=2020)


@pytest.mark.parametrize(("basis", "ziel", "wert"), [
    (0.0, 5e-324, 1.0),          # the way is below the smallest float: the share overflows
    (-1e15, 1e15, 1e15),
    (1e15, -1e15, -1e15),
    (5e-324, 0.0, 1e15),
])
def test_kennzahl_an_den_grenzen_ohne_nan(beispiel: Path, basis: float, ziel: float,
                                          wert: float) -> None:
    (gut,) = [z for z in lade_speicher(beispiel).ziele if z.id == "SA-01"]
    kennzahl = _kennzahl(basis, ziel, wert, wert / 2)
    stand = bewerte_kennzahl(gut, kennzahl, toleranz_prozent=5)
    for zahl in (stand.fortschritt, stand.erwartet, stand.soll_am(dt.date(2025, 1, 1))):
        assert zahl is None or abs(zahl) < float("inf")
    svg = kennzahl_svg(kennzahl, soll=stand.soll_am)
    assert svg.startswith("<svg") and not re.search(r"(?<!\w)(nan|inf)(?!\w)", svg, re.I)


def test_zahlen_ohne_endlichen_wert_erscheinen_als_strich() -> None:
    for wert in (float("nan"), float("inf"), -float("inf")):
        assert zahl_de(wert) == "–" and euro_de(wert) == "–" and mit_einheit(wert, "%") == "–"


def test_monate_zurueck_bleibt_im_kalender() -> None:
    heute = dt.date(2026, 12, 2)
    assert monate_zurueck(heute, 10**30) == dt.date.min
    assert monate_zurueck(heute, -(10**30)) == dt.date.max
    assert monate_zurueck(heute, 12) == dt.date(2025, 12, 2)


def test_riesiges_steckbriefalter_per_api(beispiel: Path) -> None:
    speicher = lade_speicher(beispiel)
    zusammenfassung = fasse_zusammen(speicher.ziele, speicher.rahmen, dt.date(2026, 12, 2),
                                     max_alter_monate=10**30)
    assert zusammenfassung.max_alter_monate == 10**30


@pytest.mark.parametrize("monate", ["99999999999999999999", "0", "-5", "1201"])
def test_monate_auf_der_kommandozeile(beispiel: Path, cli, monate: str) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("--store", str(beispiel), "bericht", "--monate", monate)
    assert ergebnis.code == 3, ergebnis
    assert "Fehler: --monate braucht eine Zahl von 1 bis 1200" in ergebnis.err
    assert "Traceback" not in ergebnis.err


def test_monate_an_der_grenze(beispiel: Path, cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("--store", str(beispiel), "bericht", "--monate", "1200", "--format", "json")
    assert ergebnis.code == 0 and '"steckbrief_max_alter_monate": 1200' in ergebnis.out


@pytest.mark.parametrize("datum", [dt.date.min, dt.date(999, 12, 31), dt.date(2026, 3, 4),
                                   dt.datetime(2026, 11, 30, 23, 59), dt.date.max])
def test_datum_de_wie_strftime(datum: dt.date) -> None:
    """The German date is written as strftime("%d.%m.%Y") writes it, at the calendar's ends
    too (the year not padded, a datetime's time left out)."""
    assert datum_de(datum) == datum.strftime("%d.%m.%Y")
    assert datum_de(None) == "–" and datum_de(None, leer="") == ""
