"""The palette: distinct colours for distinct states, also in a grey print and in the terminal."""

from __future__ import annotations

import itertools

from rich.color import Color

from strategie.ausgabe.farben import (
    AMPEL_FARBEN,
    AMPEL_HEX,
    STATUS_FARBEN,
    STATUS_HEX,
    STATUS_MUSTER,
    STATUS_ZEICHEN,
    grauwert,
)
from strategie.speicher.rahmendatei import lade_rahmen
from tests.conftest import BEISPIEL

WEG = ("nicht begonnen", "in Vorbereitung", "in Umsetzung", "umgesetzt", "im Regelbetrieb")
"""The Umsetzungsstand values on the way to the goal, in order."""


def test_jeder_wert_des_rahmens_hat_farben() -> None:
    rahmen = lade_rahmen(BEISPIEL)
    assert {w.name for w in rahmen.umsetzungsstand} == set(STATUS_HEX) == set(STATUS_FARBEN)
    assert {w.name for w in rahmen.ampel} == set(AMPEL_HEX) == set(AMPEL_FARBEN)
    assert set(WEG) | set(STATUS_MUSTER) == set(STATUS_HEX)


def test_keine_farbe_doppelt() -> None:
    druck = [*AMPEL_HEX.values(), *STATUS_HEX.values()]
    assert len({f.lower() for f in druck}) == len(druck)
    terminal = [Color.parse(f).get_truecolor() for f in (*AMPEL_FARBEN.values(),
                                                         *STATUS_FARBEN.values())]
    assert len(set(terminal)) == len(terminal)


def test_im_graudruck_unterscheidbar() -> None:
    """On the way to the goal each state is clearly darker than the one before; the two
    states off the way are hatched (and drawn with their own characters in the terminal);
    the four Ampel values differ in grey by more than the eye needs."""
    grau = [grauwert(STATUS_HEX[w]) for w in WEG]
    assert all(a - b >= 35 for a, b in itertools.pairwise(grau)), grau
    assert set(STATUS_MUSTER.values()) == {"schraeg", "gegenschraeg"}
    assert set(STATUS_ZEICHEN) == set(STATUS_MUSTER) and len(set(STATUS_ZEICHEN.values())) == 2
    ampel = sorted(grauwert(f) for f in AMPEL_HEX.values())
    assert all(b - a >= 35 for a, b in itertools.pairwise(ampel)), ampel


def test_bewertungen_mit_eigenen_farben() -> None:
    """Each Kennzahl verdict has its own colour in print and terminal, and the HTML reports
    carry a class for each of them."""
    from strategie.ausgabe.farben import BEWERTUNG_HEX, BEWERTUNGSFARBEN
    from strategie.ausgabe.html.stil import FARBEN, klasse
    from strategie.ausgabe.html.umgebung import rendere
    from strategie.auswertung.kennzahlen import BEWERTUNGEN

    assert list(BEWERTUNG_HEX) == list(BEWERTUNGEN) and set(BEWERTUNGSFARBEN) == set(BEWERTUNGEN)
    assert len({f.lower() for f in BEWERTUNG_HEX.values()}) == len(BEWERTUNGEN)
    assert len(set(BEWERTUNGSFARBEN.values())) == len(BEWERTUNGEN)
    css = rendere("farben.css.j2", farben=FARBEN)
    for bewertung, farbe in BEWERTUNG_HEX.items():
        assert f".{klasse('b', bewertung)} {{ color: {farbe};" in css
    assert klasse("b", "gefährdet") == "b-gefaehrdet"
