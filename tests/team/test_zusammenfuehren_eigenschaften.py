"""Properties of the three-way merge over random edits of real goals: nothing lost, symmetric."""

from __future__ import annotations

import copy
import datetime as dt
import os
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategie.team.feldaenderungen import wende_an
from strategie.team.zusammenfuehren import FEHLT, LISTEN, Ergebnis, fuehre_zusammen, gleich
from tests.conftest import BEISPIEL

BEISPIELE = int(os.environ.get("BEISPIELE", "150"))
"""More examples for a deeper search: BEISPIELE=5000 python -m pytest tests/team."""

Daten = dict[str, Any]

ZIELE = [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(BEISPIEL.glob("*/*.toml"))]

# small pools, so that both sides often touch the same place, with the same or another value
WERTE = {
    "status": st.sampled_from(["in Vorbereitung", "in Umsetzung", "umgesetzt", "entfallen"]),
    "ampel": st.sampled_from(["grün", "gelb", "rot"]),
    "titel": st.sampled_from(["Titel A", "Titel B"]),
    "verantwortlich": st.sampled_from(["Referat 1", "Referat 2"]),
    "leuchtturm": st.booleans(),
    "umsetzungsjahr": st.sampled_from([2025, 2026]),
}
TEXT = st.sampled_from(["Text A", "Text B", "Text C"])
TAG = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 1, 3))
BEREICHE = st.sampled_from(["Prävention", "Serviceorientierung", "Digitalisierung", "Sozialraum"])


def _nummer(draw: st.DrawFn, liste: list[Any]) -> int:
    return draw(st.integers(0, len(liste) - 1))


ARTEN = ["feld", "weg", "tabelle", "tabelle_weg", "liste", "massnahme", "messwert", "kennzahl",
         "beschluss"]
WILD = ["umbenennen", "umordnen"]
"""Edits that change what identifies a list element, or the order of a list."""
ANDERER_TYP = st.sampled_from([1, "Text A", ["Text A"], {"stand": dt.date(2026, 1, 1)}])


def bearbeite(draw: st.DrawFn, daten: Daten, wild: bool) -> None:
    """One random edit of the kind controllers make; list keys (titel, Stichtag …) stay
    unless *wild*."""
    art = draw(st.sampled_from(ARTEN + WILD if wild else ARTEN))
    if art == "umbenennen" and daten.get("massnahmen"):
        massnahme = daten["massnahmen"][_nummer(draw, daten["massnahmen"])]
        massnahme["titel"] = massnahme["titel"] + draw(st.sampled_from([" (neu)", "!"]))
    elif art == "umbenennen" and daten.get("kennzahlen"):
        messwerte = daten["kennzahlen"][0].get("messwerte")
        if messwerte:
            messwerte[_nummer(draw, messwerte)]["stichtag"] = draw(TAG)
    elif art == "umordnen":
        name = draw(st.sampled_from(["massnahmen", "aktionsbereiche", "kennzahlen"]))
        if daten.get(name):
            daten[name] = draw(st.permutations(daten[name]))
    elif art == "feld":
        name = draw(st.sampled_from(sorted(WERTE)))
        daten[name] = draw(WERTE[name])
    elif art == "weg":
        daten.pop(draw(st.sampled_from(["ampel", "ampel_begruendung", "verantwortlich",
                                        "leuchtturm", "beteiligte"])), None)
    elif art == "tabelle":
        tabelle, name = draw(st.sampled_from([("steckbrief", "aktueller_stand"),
                                              ("steckbrief", "stand"), ("haushalt", "produkt")]))
        daten.setdefault(tabelle, {})[name] = draw(TAG if name == "stand" else TEXT)
    elif art == "tabelle_weg":
        daten.pop(draw(st.sampled_from(["steckbrief", "haushalt"])), None)
    elif art == "liste":
        bereiche = daten.setdefault("aktionsbereiche", [])
        if bereiche and draw(st.booleans()):
            del bereiche[_nummer(draw, bereiche)]
        elif (neu := draw(BEREICHE)) not in bereiche:
            bereiche.append(neu)
    elif art == "massnahme":
        massnahmen = daten.setdefault("massnahmen", [])
        wahl = draw(st.sampled_from(["status", "neu", "weg"])) if massnahmen else "neu"
        if wahl == "neu":
            titel = draw(st.sampled_from(["Neu 1", "Neu 2", "Neu 3"]))
            if all(m["titel"] != titel for m in massnahmen):
                massnahmen.append({"titel": titel, "status": "offen",
                                   "termin": dt.date(2030, 1, draw(st.integers(1, 3)))})
        elif wahl == "status":
            massnahmen[_nummer(draw, massnahmen)]["status"] = draw(
                st.sampled_from(["offen", "in Arbeit", "umgesetzt"]))
        else:
            del massnahmen[_nummer(draw, massnahmen)]
        if not massnahmen:
            del daten["massnahmen"]
    elif art == "messwert" and daten.get("kennzahlen"):
        kennzahl = daten["kennzahlen"][_nummer(draw, daten["kennzahlen"])]
        messwerte = kennzahl.setdefault("messwerte", [])
        wahl = draw(st.sampled_from(["neu", "wert", "weg"])) if messwerte else "neu"
        if wahl == "neu":
            tag = draw(TAG)
            if all(m["stichtag"] != tag for m in messwerte):
                messwerte.append({"stichtag": tag, "wert": draw(st.sampled_from([1.0, 2.0]))})
        elif wahl == "wert":
            messwerte[_nummer(draw, messwerte)]["wert"] = draw(st.sampled_from([1.0, 2.0]))
        else:
            del messwerte[_nummer(draw, messwerte)]
        if not messwerte:
            del kennzahl["messwerte"]
    elif art == "kennzahl" and daten.get("kennzahlen"):
        daten["kennzahlen"][_nummer(draw, daten["kennzahlen"])]["zielwert"] = draw(
            st.sampled_from([10.0, 20.0]))
    elif art == "beschluss" and daten.get("beschluesse"):
        daten["beschluesse"][_nummer(draw, daten["beschluesse"])]["inhalt"] = draw(TEXT)


@st.composite
def version(draw: st.DrawFn, basis: Daten, wild: bool = False, seite: bool = False) -> Daten:
    daten = copy.deepcopy(basis)
    for _ in range(draw(st.integers(0, 8))):
        bearbeite(draw, daten, wild)
    if wild and seite and draw(st.booleans()):  # last, so that no edit trips over it
        name = draw(st.sampled_from(["status", "steckbrief", "aktionsbereiche", "massnahmen"]))
        daten[name] = draw(ANDERER_TYP)
    return daten


@st.composite
def drei_versionen(draw: st.DrawFn, wild: bool = False) -> tuple[Daten, Daten, Daten]:
    """A base (a changed example goal) and two versions edited from it independently."""
    basis = draw(version(draw(st.sampled_from(ZIELE)), wild))
    return basis, draw(version(basis, wild, seite=True)), draw(version(basis, wild, seite=True))


BELIEBIG = st.one_of(drei_versionen(), drei_versionen(wild=True))


# --- helpers: flattening by natural key, resolving conflicts ---------------------------------

def _kennung(liste: str, element: Daten) -> tuple[str, str]:
    art = LISTEN[liste]
    return ("#", repr(tuple(element.get(f) for f in art.schluessel)))


def flach(daten: Daten | None, pfad: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    """Every leaf by a path that names list elements by their natural key, not position."""
    blaetter: dict[tuple[Any, ...], Any] = {}
    for name, wert in (daten or {}).items():
        hier = (*pfad, name)
        if isinstance(wert, dict):
            blaetter[(*hier, "{}")] = True
            blaetter.update(flach(wert, hier))
        elif isinstance(wert, list) and wert and all(isinstance(e, dict) for e in wert):
            for element in wert:
                unten = (*hier, _kennung(name, element))
                blaetter[(*unten, "{}")] = True
                blaetter.update(flach(element, unten))
        elif isinstance(wert, list):
            blaetter.update({(*hier, "∋", repr(x)): True for x in wert})
        else:
            blaetter[hier] = wert
    return blaetter


def kennpfad(daten: Daten | None, pfad: str) -> tuple[Any, ...]:
    """A conflict's dotted path (numbered as in *daten*) as a path of ``flach``."""
    ergebnis: list[Any] = []
    knoten: Any = daten
    liste = ""
    for teil in pfad.split(".") if pfad else []:
        if isinstance(knoten, list):
            knoten = knoten[int(teil) - 1]
            ergebnis.append(_kennung(liste, knoten))
        else:
            ergebnis.append(teil)
            liste = teil
            knoten = knoten.get(teil) if isinstance(knoten, dict) else None
    return tuple(ergebnis)


def loese(ergebnis: Ergebnis, seite: str) -> Daten | None:
    """The data with every field conflict resolved to *seite* ('unser'/'ihr').

    Elements removed on one side and changed on the other are in the data either way.
    """
    daten = copy.deepcopy(ergebnis.daten)
    entfernen = []
    for konflikt in ergebnis.konflikte:
        wert = getattr(konflikt, seite)
        teile = konflikt.pfad.split(".")
        if konflikt.pfad == "":
            return None if wert is FEHLT else copy.deepcopy(wert)
        if teile[-1].isdigit():
            continue
        if wert is FEHLT:
            entfernen.append(teile)
            continue
        knoten: Any = daten
        for teil in teile[:-1]:
            knoten = knoten[int(teil) - 1] if isinstance(knoten, list) else knoten.setdefault(
                teil, {})
        knoten[teile[-1]] = copy.deepcopy(wert)
    for teile in entfernen:
        knoten = daten
        for teil in teile[:-1]:
            knoten = knoten[int(teil) - 1] if isinstance(knoten, list) else knoten[teil]
        knoten.pop(teile[-1], None)
    return daten


def geordnet(wert: Any) -> Any:
    """Lists sorted, for comparing results that differ only in the order of new elements."""
    if isinstance(wert, dict):
        return {k: geordnet(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return sorted((geordnet(x) for x in wert), key=repr)
    return wert


def konfliktwerte(ergebnis: Ergebnis) -> list[tuple[str, list[str]]]:
    return sorted((repr(k.basis), sorted([repr(k.unser), repr(k.ihr)]))
                  for k in ergebnis.konflikte)


# --- properties -------------------------------------------------------------------------------

EINSTELLUNG = settings(max_examples=BEISPIELE, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow])


@EINSTELLUNG
@given(BELIEBIG)
def test_eine_unveraenderte_seite_ergibt_die_andere(versionen: tuple[Daten, Daten, Daten]
                                                    ) -> None:
    basis, unsere, ihre = versionen
    ergebnis = fuehre_zusammen(basis, basis, ihre)
    assert ergebnis.konflikte == ()
    assert gleich(ergebnis.daten, ihre)
    assert gleich(wende_an(basis, ergebnis.aenderungen_fuer_unsere), ihre)
    ergebnis = fuehre_zusammen(basis, unsere, basis)
    assert (ergebnis.konflikte, ergebnis.aenderungen_fuer_unsere) == ((), ())
    assert gleich(ergebnis.daten, unsere)
    ergebnis = fuehre_zusammen(basis, unsere, copy.deepcopy(unsere))
    assert (ergebnis.konflikte, ergebnis.aenderungen_fuer_unsere) == ((), ())


@EINSTELLUNG
@given(BELIEBIG)
def test_die_aenderungen_machen_unsere_datei_zum_ergebnis(
        versionen: tuple[Daten, Daten, Daten]) -> None:
    basis, unsere, ihre = versionen
    ergebnis = fuehre_zusammen(basis, unsere, ihre)
    assert ergebnis.daten is not None
    assert gleich(wende_an(unsere, ergebnis.aenderungen_fuer_unsere), ergebnis.daten)


@EINSTELLUNG
@given(drei_versionen())
def test_keine_aenderung_geht_verloren(versionen: tuple[Daten, Daten, Daten]) -> None:
    """Every field either side changed is in the result with that value, or in a conflict."""
    basis, unsere, ihre = versionen
    ergebnis = fuehre_zusammen(basis, unsere, ihre)
    b, r = flach(basis), flach(ergebnis.daten)
    gedeckt = [kennpfad(ergebnis.daten, k.pfad) for k in ergebnis.konflikte]
    for seite in (unsere, ihre):
        s = flach(seite)
        for blatt in set(b) | set(s):
            if blatt in b and blatt in s and gleich(b[blatt], s[blatt]):
                continue
            angekommen = (blatt in r and gleich(r[blatt], s[blatt])) if blatt in s else (
                blatt not in r)
            if not angekommen:
                assert any(blatt[:len(p)] == p for p in gedeckt), (blatt, ergebnis.konflikte)
    for konflikt in ergebnis.konflikte:  # a conflict only where both sides changed differently
        assert not gleich(konflikt.unser, konflikt.basis)
        assert not gleich(konflikt.ihr, konflikt.basis)
        assert not gleich(konflikt.unser, konflikt.ihr)


@EINSTELLUNG
@given(BELIEBIG)
def test_symmetrisch_bis_auf_die_seite_die_im_konflikt_bleibt(
        versionen: tuple[Daten, Daten, Daten]) -> None:
    basis, unsere, ihre = versionen
    hin, her = fuehre_zusammen(basis, unsere, ihre), fuehre_zusammen(basis, ihre, unsere)
    assert konfliktwerte(hin) == konfliktwerte(her)
    assert gleich(geordnet(loese(hin, "ihr")), geordnet(her.daten))
    assert gleich(geordnet(loese(her, "ihr")), geordnet(hin.daten))
    assert gleich(geordnet(loese(hin, "unser")), geordnet(hin.daten))


def _kennungen(daten: Daten | None) -> list[list[tuple[str, str]]]:
    """The natural keys of every keyed list, list by list (Messwerte of each Kennzahl)."""
    listen = []
    for name, wert in (daten or {}).items():
        if name in LISTEN and isinstance(wert, list):
            listen.append([_kennung(name, e) for e in wert])
            for element in wert:
                listen += _kennungen(element)
    return listen


@EINSTELLUNG
@given(drei_versionen())
def test_natuerliche_schluessel_bleiben_eindeutig(versionen: tuple[Daten, Daten, Daten]) -> None:
    """Both sides adding the same Stichtag (or Maßnahme) give one element, never two."""
    ergebnis = fuehre_zusammen(*versionen)
    for liste in _kennungen(ergebnis.daten):
        assert len(set(liste)) == len(liste), liste
