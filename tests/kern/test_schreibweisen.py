"""Hand-written layouts TOML allows (dotted keys, inline tables and lists) survive every edit."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Operation, Setze, Zielaenderung
from tests.conftest import git, kopf

DATEI = Path("ziele/sa/SA-42.toml")

KOPF = '''id = "SA-42"  # von Hand geschrieben
titel = "Häusliche Versorgung stabilisieren"
amt = "SA"
handlungsfeld = 2
status = "in Umsetzung"
wirkungsziel = "Ältere Menschen bleiben zu Hause."
leistungsziel = "Aufsuchende Beratung."
'''

PUNKT = KOPF + '''steckbrief.stand = 2025-01-01
steckbrief.aktueller_stand = "Begonnen."
'''

INLINE = KOPF + '''massnahmen = [{titel = "Beratung", status = "offen"}]  # eine Maßnahme
kennzahlen = [
  {name = "Hausbesuche", basiswert = 10, messwerte = [{stichtag = 2024-12-31, wert = 12}]},
  {name = "Beratungen"},
]
haushalt = {produkt = "31.10"}
'''

VERTEILT = KOPF + '''
[[massnahmen]]
titel = "Beratung"

[haushalt]
produkt = "31.10"

[[massnahmen]]
titel = "Hausbesuche"
'''


def _lege_an(repo: Path, text: str) -> bytes:
    (repo / DATEI).write_text(text, encoding="utf-8")
    git(repo, "add", DATEI.as_posix())
    git(repo, "commit", "-qm", "Ziel von Hand angelegt")
    return (repo / DATEI).read_bytes()


@pytest.mark.parametrize(("text", "operation", "pfad", "wert", "bleibt"), [
    (PUNKT, Setze("steckbrief.stand", dt.date(2026, 2, 1)), "steckbrief.stand",
     dt.date(2026, 2, 1), "steckbrief.stand = 2026-02-01\n"),
    (PUNKT, Setze("steckbrief.finanzielle_beurteilung", "Im Rahmen."),
     "steckbrief.finanzielle_beurteilung", "Im Rahmen.", "steckbrief.aktueller_stand = "),
    (PUNKT, Setze("steckbrief.aktueller_stand", None), "steckbrief.aktueller_stand", None,
     "steckbrief.stand = 2026-03-01\n"),
    (INLINE, Setze("massnahmen.1.status", "umgesetzt"), "massnahmen.1.status", "umgesetzt",
     'massnahmen = [{titel = "Beratung", status = "umgesetzt"}]  # eine Maßnahme\n'),
    (INLINE, Setze("massnahmen.1.termin", dt.date(2026, 6, 30)), "massnahmen.1.termin",
     dt.date(2026, 6, 30), "termin = 2026-06-30}]  # eine Maßnahme\n"),
    (INLINE, Anhaengen("massnahmen", {"titel": "Hausbesuche", "status": "offen"}),
     "massnahmen.2.titel", "Hausbesuche", "}, {titel = \"Hausbesuche\""),
    (INLINE, Anhaengen("kennzahlen.1.messwerte", {"stichtag": dt.date(2025, 12, 31), "wert": 15}),
     "kennzahlen.1.messwerte.2.wert", 15, "{stichtag = 2025-12-31, wert = 15}]},\n"),
    (INLINE, Anhaengen("kennzahlen.2.messwerte", {"stichtag": dt.date(2025, 12, 31), "wert": 3}),
     "kennzahlen.2.messwerte.1.wert", 3, "messwerte = [{stichtag = 2025-12-31, wert = 3}]"),
    (INLINE, Setze("kennzahlen.1.zielwert", 20), "kennzahlen.1.zielwert", 20, "zielwert = 20"),
    (INLINE, Setze("haushalt.mittel_plan", 45000), "haushalt.mittel_plan", 45000,
     'haushalt = {produkt = "31.10", mittel_plan = 45000}\n'),
    (INLINE, Setze("steckbrief.aktueller_stand", "Neu\nund mehrzeilig."),
     "steckbrief.aktueller_stand", "Neu\nund mehrzeilig.", "[steckbrief]\n"),
])
def test_bearbeitung_in_der_schreibweise_der_datei(
        repo: Path, text: str, operation: Operation, pfad: str, wert: object, bleibt: str) -> None:
    _lege_an(repo, text)
    ergebnis = aendere(repo / "ziele", [Zielaenderung("SA-42", (operation,))], "von Hand",
                       heute=dt.date(2026, 3, 1))
    assert kopf(repo) == ergebnis.commit and git(repo, "status", "--porcelain") == ""
    neu = (repo / DATEI).read_text(encoding="utf-8")
    daten = tomllib.loads(neu)
    teile, gefunden = pfad.split("."), daten
    for teil in teile:
        gefunden = gefunden[int(teil) - 1] if teil.isdigit() else gefunden.get(teil)  # type: ignore[index, union-attr]
        if gefunden is None:
            break
    assert gefunden == wert
    assert bleibt in neu, neu
    assert neu.startswith('id = "SA-42"  # von Hand geschrieben\n')


def test_verteilte_bloecke_werden_mit_hinweis_abgelehnt(repo: Path) -> None:
    vorher = _lege_an(repo, VERTEILT)
    stand = kopf(repo)
    for operation in (Setze("massnahmen.2.status", "umgesetzt"), Setze("haushalt.mittel_plan", 5),
                      Anhaengen("massnahmen", {"titel": "Neu", "status": "offen"})):
        with pytest.raises(StrategieFehler) as fehler:
            aendere(repo / "ziele", [Zielaenderung("SA-42", (operation,))], "x")
        meldung = fehler.value.meldung
        assert "SA-42.toml" in meldung and f"'{operation.pfad}'" in meldung, meldung
        assert "[[massnahmen]]" in meldung and "zusammenhängend" in meldung, meldung
        assert (repo / DATEI).read_bytes() == vorher and kopf(repo) == stand


def test_sonderform_meldung_nennt_datei_feld_und_standard() -> None:
    from strategie.toml.sonderform import sonderform

    assert "Inline-Liste" in (sonderform(INLINE, "massnahmen.1.status") or "")
    assert "[[massnahmen]]" in (sonderform(INLINE, "massnahmen.1.status") or "")
    assert "Punkt-Schlüsseln" in (sonderform(PUNKT, "steckbrief.stand") or "")
    assert "[steckbrief]" in (sonderform(PUNKT, "steckbrief.stand") or "")
    assert sonderform(KOPF + "[steckbrief]\nstand = 2025-01-01\n", "steckbrief.stand") is None


def test_befehle_auf_handgeschriebener_datei(repo: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _lege_an(repo, INLINE + PUNKT.removeprefix(KOPF))
    store = str(repo / "ziele")
    for befehl in (("setze", "SA-42", "steckbrief.stand", "2026-01-31"),
                   ("steckbrief", "SA-42", "--finanzielle-beurteilung", "Im Rahmen."),
                   ("massnahme", "SA-42", "Hausbesuche"),
                   ("messwert", "SA-42", "Hausbesuche", "2025-12-31", "15")):
        ergebnis = cli(*befehl, "--store", store)
        assert ergebnis.code == 0, (befehl, ergebnis.err)
    neu = (repo / DATEI).read_text(encoding="utf-8")
    assert "steckbrief.finanzielle_beurteilung = " in neu and "[steckbrief]" not in neu
    assert 'massnahmen = [{titel = "Beratung", status = "offen"}, {titel = "Hausbesuche"' in neu
    daten = tomllib.loads(neu)
    assert daten["kennzahlen"][0]["messwerte"][-1] == {"stichtag": dt.date(2025, 12, 31),
                                                       "wert": 15}
    assert git(repo, "status", "--porcelain") == ""
