"""Dotted field paths: what the model knows, and helpful German messages for what it does not."""

from __future__ import annotations

import pytest

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import modell_an_pfad
from strategie.modell.operationen import Setze, pruefe_pfad


@pytest.mark.parametrize(("pfad", "vorschlag"), [
    ("massnahmen.0.status", "z. B. massnahmen.1.status"),
    ("massnahmen.status", "z. B. massnahmen.1.status"),
    ("kennzahlen.1.messwerte.0.wert", "z. B. kennzahlen.1.messwerte.1.wert"),
    ("stekbrief.stand", "Meinten Sie 'steckbrief.stand'?"),
    ("massnahmen.1.stauts", "Meinten Sie 'massnahmen.1.status'?"),
])
def test_vorschlag_fuer_falschen_pfad(pfad: str, vorschlag: str) -> None:
    with pytest.raises(StrategieFehler) as fehler:
        modell_an_pfad(pfad)
    assert vorschlag in fehler.value.meldung


@pytest.mark.parametrize(("pfad", "art", "feld"), [
    ("steckbrief", "ist ein Abschnitt", "steckbrief.aktueller_stand"),
    ("massnahmen", "ist eine Liste", "massnahmen.NR.status"),
    ("massnahmen.2", "ist ein Eintrag der Liste", "massnahmen.2.termin"),
])
def test_abschnitt_nennt_seine_felder(pfad: str, art: str, feld: str) -> None:
    with pytest.raises(StrategieFehler) as fehler:
        pruefe_pfad(Setze(pfad, "x"))
    assert art in fehler.value.meldung and feld in fehler.value.meldung
    assert "Unbekannt" not in fehler.value.meldung
