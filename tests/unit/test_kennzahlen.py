"""Kennzahl verdicts: the latest Messwert against the straight line from Basis to Ziel."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from strategie.auswertung.kennzahlen import (
    AUF_KURS,
    ERREICHT,
    GEFAEHRDET,
    LINIE,
    OHNE_MESSWERT,
    TREND,
    VERALTET,
    bewerte_kennzahl,
    kennzahl_regel,
)
from strategie.auswertung.zusammenfassung import fasse_zusammen
from strategie.modell.ziel import Kennzahl, Messwert, Ziel, ziel_aus_daten
from strategie.speicher.laden import lade_speicher
from tests.conftest import BEISPIEL

D = dt.date


def _ziel(**kennzahl: Any) -> Ziel:
    daten = {"id": "SA-99", "titel": "Probe", "amt": "SA", "handlungsfeld": 1,
             "status": "in Umsetzung", "wirkungsziel": "w", "leistungsziel": "l",
             "kennzahlen": [{"name": "Probe", **kennzahl}]}
    return ziel_aus_daten(daten, "sa/SA-99.toml")


def _messwerte(*paare: tuple[dt.date, float]) -> list[dict[str, Any]]:
    return [{"stichtag": tag, "wert": wert} for tag, wert in paare]


def _urteil(ziel: Ziel, **optionen: Any) -> tuple[str, float | None, str]:
    stand = bewerte_kennzahl(ziel, ziel.kennzahlen[0], **optionen)
    return stand.bewertung, stand.erwartet, stand.regel


# Basis 100 on 31.12.2024, Ziel 200 on 31.12.2026: 730 days, half way on 31.12.2025.
LINIE_100_200 = {"basiswert": 100, "basisstichtag": D(2024, 12, 31), "zielwert": 200,
                 "zielstichtag": D(2026, 12, 31)}


def test_sa05_24_prozent_des_wegs_und_ein_halbes_jahr_flach_ist_nicht_auf_kurs() -> None:
    speicher = lade_speicher(BEISPIEL)
    ziel = speicher.ziel("SA-05")
    assert ziel is not None
    kennzahl = ziel.kennzahlen[0]
    assert [m.wert for m in kennzahl.messwerte][-2:] == [12.0, 12.0]  # flat since 31.12.2025
    stand = bewerte_kennzahl(ziel, kennzahl, toleranz_prozent=5.0,
                             messwert_grenze=D(2025, 5, 24))
    assert round(stand.fortschritt or 0, 2) == 0.24  # 8 → 12 of 8 → 25
    # the line from 8 (31.12.2022) to 25 (31.12.2027) expects 19.9 on 30.06.2026
    assert stand.erwartet == pytest.approx(8 + 17 * 1277 / 1826)
    assert stand.bewertung == GEFAEHRDET and stand.regel == LINIE
    assert stand.zieljahr == 2027


def test_genau_auf_der_linie_ist_auf_kurs() -> None:
    auf = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 12, 31), 150)))
    assert _urteil(auf) == (AUF_KURS, 150.0, LINIE)
    knapp = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 12, 31), 149.9)))
    assert _urteil(knapp)[0] == GEFAEHRDET


def test_spielraum_in_prozent_des_ganzen_wegs() -> None:
    noch = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 12, 31), 145)))
    nicht = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 12, 31), 144.9)))
    assert _urteil(noch, toleranz_prozent=5)[0] == AUF_KURS  # 5 % of 100 → 145 is enough
    assert _urteil(nicht, toleranz_prozent=5)[0] == GEFAEHRDET


def test_erreicht_auch_wenn_nicht_mehr_gemessen_wird() -> None:
    ziel = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 6, 30), 201)))
    assert _urteil(ziel, messwert_grenze=D(2026, 1, 1))[0] == ERREICHT


def test_veralteter_letzter_messwert() -> None:
    ziel = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2025, 6, 30), 180)))
    assert _urteil(ziel, messwert_grenze=D(2025, 7, 1))[0] == VERALTET
    assert _urteil(ziel, messwert_grenze=D(2025, 6, 30))[0] == AUF_KURS


def test_fallende_richtung() -> None:
    basis = {"richtung": "fallend", "basiswert": 20, "basisstichtag": D(2024, 12, 31),
             "zielwert": 10, "zielstichtag": D(2026, 12, 31)}
    assert _urteil(_ziel(**basis, messwerte=_messwerte((D(2025, 12, 31), 15)))) == (
        AUF_KURS, 15.0, LINIE)
    assert _urteil(_ziel(**basis, messwerte=_messwerte((D(2025, 12, 31), 14))))[0] == AUF_KURS
    assert _urteil(_ziel(**basis, messwerte=_messwerte((D(2025, 12, 31), 16))))[0] == GEFAEHRDET
    assert _urteil(_ziel(**basis, messwerte=_messwerte((D(2025, 12, 31), 10))))[0] == ERREICHT


def test_nach_dem_zieltermin_erwartet_die_linie_den_zielwert() -> None:
    ziel = _ziel(**LINIE_100_200, messwerte=_messwerte((D(2027, 6, 30), 190)))
    assert _urteil(ziel) == (GEFAEHRDET, 200.0, LINIE)


def test_jahre_gelten_zum_jahresende() -> None:
    kennzahl = Kennzahl("k", basiswert=1, basisjahr=2022, zielwert=2, zieljahr=2027)
    assert (kennzahl.basisdatum, kennzahl.zieldatum) == (D(2022, 12, 31), D(2027, 12, 31))


@pytest.mark.parametrize(("werte", "urteil"), [
    ([10, 12, 12], GEFAEHRDET),  # flat: not on track
    ([10, 12, 13], AUF_KURS),
    ([10, 13, 12], GEFAEHRDET),
    ([9], AUF_KURS),  # one value, better than the Basiswert 8
    ([8], GEFAEHRDET),
])
def test_ohne_termine_zaehlt_der_vorherige_wert(werte: list[float], urteil: str) -> None:
    tage = [D(2024, 12, 31), D(2025, 12, 31), D(2026, 6, 30)]
    ziel = _ziel(basiswert=8, zielwert=25, messwerte=_messwerte(*zip(tage, werte, strict=False)))
    assert _urteil(ziel) == (urteil, None, TREND)


def test_ohne_messwert() -> None:
    assert _urteil(_ziel(**LINIE_100_200)) == (OHNE_MESSWERT, None, "")


def test_regel_steht_mit_den_einstellungen_des_rahmens_im_bericht() -> None:
    speicher = lade_speicher(BEISPIEL)
    regel = kennzahl_regel(5, 18)
    assert "mit einem Spielraum von 5 % des ganzen Wegs" in regel
    assert "älter als 18 Monate" in regel and "Ein Jahr gilt zum 31.12." in regel
    zusammenfassung = fasse_zusammen(speicher.ziele, speicher.rahmen, D(2026, 11, 24))
    assert zusammenfassung.kennzahl_regel == regel


def test_rahmen_bestimmt_was_aktuell_ist() -> None:
    speicher = lade_speicher(BEISPIEL)
    jetzt = fasse_zusammen(speicher.ziele, speicher.rahmen, D(2026, 11, 24))
    spaeter = fasse_zusammen(speicher.ziele, speicher.rahmen, D(2027, 8, 1))
    assert VERALTET not in {k.bewertung for k in jetzt.kennzahlen}
    # 18 months before 01.08.2027 is 01.02.2026: a latest value of 31.12.2025 is too old
    veraltet = {(k.ziel.id, k.kennzahl.name[:20]) for k in spaeter.kennzahlen
                if k.bewertung == VERALTET}
    erwartet = {(k.ziel.id, k.kennzahl.name[:20]) for k in spaeter.kennzahlen
                if k.letzter and k.letzter.stichtag < D(2026, 2, 1) and k.bewertung != ERREICHT}
    assert veraltet == erwartet and len(veraltet) == 5
    assert isinstance(jetzt.kennzahlen[0].letzter, Messwert)
