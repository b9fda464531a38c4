"""The model's types are NamedTuples and plain classes (strategie.modell), with the semantics
the frozen dataclasses they replaced had: equality by kind, immutability, pickling."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from strategie import api
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Entferne, Setze, Zielaenderung
from strategie.modell.rahmen import Rahmen
from strategie.modell.vergleich import Feldaenderung
from strategie.modell.ziel import Ziel
from strategie.modell.zustaendigkeit import Regeln
from strategie.speicher.laden import lade_speicher


def test_operationen_gleich_nur_der_eigenen_art() -> None:
    assert Setze("massnahmen", {"titel": "x"}) != Anhaengen("massnahmen", {"titel": "x"})
    assert Setze("status", "umgesetzt") == Setze("status", "umgesetzt")
    assert Setze("status", "x") != ("status", "x") and ("status", "x") != Setze("status", "x")  # noqa: SIM300
    assert len({Setze("a", 1), Setze("a", 1), Entferne("a")}) == 2
    # the edit path plans a change once per goal and operation, never confusing two kinds
    assert Setze("a", 1) in [Setze("a", 1)] and Entferne("a") not in [("a",)]
    assert Zielaenderung("SA-01").operationen == ()


def test_feldaenderung_ohne_bezug_verglichen() -> None:
    a = Feldaenderung("massnahmen.1.status", "offen", "erledigt", bezug="Beratung")
    assert a == Feldaenderung("massnahmen.1.status", "offen", "erledigt")
    assert hash(a) == hash(Feldaenderung("massnahmen.1.status", "offen", "erledigt"))
    assert a != Feldaenderung("massnahmen.1.status", "offen", "geplant", bezug="Beratung")


def test_ziel_ist_unveraenderlich() -> None:
    ziel = Ziel("SA-01", "Titel", "SA", 1, "offen", "sa/SA-01.toml", _daten={"id": "SA-01"})
    with pytest.raises(AttributeError, match="unveränderlich"):
        ziel.status = "umgesetzt"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="unveränderlich"):
        del ziel.titel
    kopie = pickle.loads(pickle.dumps(ziel))
    assert kopie == ziel and kopie.status == "offen" and kopie.daten == {"id": "SA-01"}


def test_rahmen_und_regeln_mit_voreinstellungen_pickeln_und_kopieren() -> None:
    rahmen = Rahmen(Path("/x/strategie.toml"), "n", "", "", "", "", 6, (), (), (), (), (), ())
    regeln = Regeln("GL_USER", False, (), (), {}, {})
    for wert in (rahmen, regeln):
        assert pickle.loads(pickle.dumps(wert)) == wert
        assert copy.deepcopy(wert) == wert
    assert rahmen.amt("SA") is None  # the cached lookup works on a default frame


def test_rahmen_vergleicht_ohne_vorlage_roh_und_zustaendigkeit(beispiel: Path) -> None:
    rahmen = lade_speicher(beispiel).rahmen
    anders = rahmen._replace(vorlage={"art": "Projekt"}, roh=b"", zustaendigkeit=None)
    assert anders == rahmen and hash(anders) == hash(rahmen)
    assert rahmen._replace(name="anders") != rahmen


def test_modellobjekt_als_filterwert_ist_ein_wert(beispiel: Path) -> None:
    """A NamedTuple given as a filter value is one (wrong) value, not a list of its fields."""
    speicher = lade_speicher(beispiel)
    amt = speicher.rahmen.amt("SA")
    assert amt is not None
    with pytest.raises(StrategieFehler, match=r"Amt\(kuerzel='SA'"):
        api.auswahl(speicher, amt=amt)
    assert api.filtere(speicher, amt=("SA",)) == api.filtere(speicher, amt=["SA"])


def test_kopien_wie_im_readme(beispiel: Path) -> None:
    """README, Python-API: copies with other values via ``mit`` and ``_replace``."""
    from strategie.auswertung.filter import Filter

    speicher = lade_speicher(beispiel)
    nur_sa = Filter().mit(aemter=frozenset({"SA"}))
    assert nur_sa.aemter == {"SA"} and Filter().leer and not nur_sa.leer
    assert {z.amt for z in nur_sa.anwenden(speicher.ziele)} == {"SA"}
    kopie = speicher._replace(quelle="Test")
    assert kopie.quelle == "Test" and kopie.ziel("SA-01") is speicher.ziel("SA-01")
