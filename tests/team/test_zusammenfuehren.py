"""The field-level three-way merge on real goal data: each rule, each kind of list, file level."""

from __future__ import annotations

import ast
import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from strategie.team.feldaenderungen import Einfuegen, Entfernen, Setzen, wende_an
from strategie.team.zusammenfuehren import FEHLT, Ergebnis, Konflikt, fuehre_zusammen, gleich
from tests.conftest import BEISPIEL, PROJEKT

Daten = dict[str, Any]


@pytest.fixture
def basis() -> Daten:
    """SA-03: four Maßnahmen, one Kennzahl with four Messwerte, one Beschluss, a Steckbrief."""
    return tomllib.loads((BEISPIEL / "sa" / "SA-03.toml").read_text(encoding="utf-8"))


def drei(basis: Daten) -> tuple[Daten, Daten, Daten]:
    return basis, copy.deepcopy(basis), copy.deepcopy(basis)


def zusammen(b: Daten | None, u: Daten | None, i: Daten | None) -> Ergebnis:
    """Merge, and check that the edits turn ours into the result."""
    ergebnis = fuehre_zusammen(b, u, i)
    if u is not None and ergebnis.daten is not None:
        assert gleich(wende_an(u, ergebnis.aenderungen_fuer_unsere), ergebnis.daten)
    return ergebnis


def messwert(tag: str, wert: float) -> Daten:
    return {"stichtag": dt.date.fromisoformat(tag), "wert": wert}


# --- fields -----------------------------------------------------------------------------------

def test_verschiedene_felder_beider_seiten_werden_zusammengefuehrt(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["status"] = "umgesetzt"
    i["ampel"] = "grün"
    i["steckbrief"]["aktueller_stand"] = "Neu."
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert (ergebnis.daten["status"], ergebnis.daten["ampel"]) == ("umgesetzt", "grün")
    assert ergebnis.daten["steckbrief"]["aktueller_stand"] == "Neu."
    assert ergebnis.aenderungen_fuer_unsere == (
        Setzen("ampel", "grün"), Setzen("steckbrief.aktueller_stand", "Neu."))


def test_gleiche_aenderung_auf_beiden_seiten_ist_kein_konflikt(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["status"] = i["status"] = "umgesetzt"
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.aenderungen_fuer_unsere == ()
    assert ergebnis.daten == u


def test_dasselbe_feld_verschieden_geaendert_ist_ein_konflikt_und_unseres_bleibt(
        basis: Daten) -> None:
    b, u, i = drei(basis)
    u["status"], i["status"] = "umgesetzt", "zurückgestellt"
    u["steckbrief"]["aktueller_stand"], i["steckbrief"]["aktueller_stand"] = "A", "B"
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == (
        Konflikt("status", "im Regelbetrieb", "umgesetzt", "zurückgestellt"),
        Konflikt("steckbrief.aktueller_stand", b["steckbrief"]["aktueller_stand"], "A", "B"))
    pfad, alt, unser, ihr = ergebnis.konflikte[0]  # a plain tuple, too
    assert (pfad, unser, ihr) == ("status", "umgesetzt", "zurückgestellt")
    assert ergebnis.daten == u
    assert ergebnis.aenderungen_fuer_unsere == ()


def test_entfernt_auf_einer_seite_unveraendert_auf_der_anderen_ist_entfernt(
        basis: Daten) -> None:
    b, u, i = drei(basis)
    del i["ampel_begruendung"]
    del u["haushalt"]
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert "ampel_begruendung" not in ergebnis.daten and "haushalt" not in ergebnis.daten
    assert ergebnis.aenderungen_fuer_unsere == (Entfernen("ampel_begruendung"),)


def test_entfernt_gegen_geaendert_ist_ein_konflikt(basis: Daten) -> None:
    b, u, i = drei(basis)
    del u["ampel_begruendung"]
    i["ampel_begruendung"] = "Anders begründet."
    i["haushalt"]["mittel_ist"] = 300000
    del u["haushalt"]
    ergebnis = zusammen(b, u, i)
    assert [k.pfad for k in ergebnis.konflikte] == ["ampel_begruendung", "haushalt"]
    assert ergebnis.konflikte[0] == Konflikt("ampel_begruendung", b["ampel_begruendung"],
                                             FEHLT, "Anders begründet.")
    assert ergebnis.konflikte[1].ihr == i["haushalt"]
    assert ergebnis.daten == u  # ours stays: both removed


def test_neue_tabelle_von_ihnen_kommt_feld_fuer_feld(basis: Daten) -> None:
    b, u, i = drei(basis)
    del b["haushalt"], u["haushalt"]
    ergebnis = zusammen(b, u, i)
    assert ergebnis.aenderungen_fuer_unsere == tuple(
        Setzen(f"haushalt.{k}", v) for k, v in i["haushalt"].items())


def test_typen_zaehlen_78_ist_nicht_78_komma_0(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["kennzahlen"][0]["basiswert"] = 78.0
    i["kennzahlen"][0]["basiswert"] = 79
    u["leuchtturm"], i["leuchtturm"] = True, 1
    ergebnis = zusammen(b, u, i)
    assert [k.pfad for k in ergebnis.konflikte] == ["leuchtturm", "kennzahlen.1.basiswert"]


# --- lists of texts ---------------------------------------------------------------------------

def test_textlisten_als_menge_in_unserer_reihenfolge(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["aktionsbereiche"] = ["Serviceorientierung", *b["aktionsbereiche"][:2], "Prävention"]
    i["aktionsbereiche"] = [b["aktionsbereiche"][0], b["aktionsbereiche"][2], "Digitalisierung"]
    i["beteiligte"] = [*b["beteiligte"], "Jobcenter"]
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert ergebnis.daten["aktionsbereiche"] == [
        "Serviceorientierung", "Prozessoptimierung und Strukturen", "Prävention",
        "Digitalisierung"]
    assert ergebnis.daten["beteiligte"] == i["beteiligte"]


# --- Messwerte: a map by Stichtag -------------------------------------------------------------

def test_messwerte_beider_seiten_bleiben_nach_stichtag_geordnet(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["kennzahlen"][0]["messwerte"].append(messwert("2026-12-31", 90))
    i["kennzahlen"][0]["messwerte"].append(messwert("2026-09-30", 91))
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    tage = [m["stichtag"].isoformat() for m in ergebnis.daten["kennzahlen"][0]["messwerte"]]
    assert tage == ["2023-12-31", "2024-12-31", "2025-12-31", "2026-06-30", "2026-09-30",
                    "2026-12-31"]
    assert ergebnis.aenderungen_fuer_unsere == (
        Einfuegen("kennzahlen.1.messwerte", 5, messwert("2026-09-30", 91)),)


def test_gleicher_stichtag_mit_anderem_wert_ist_ein_konflikt_am_wert(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["kennzahlen"][0]["messwerte"].append(messwert("2026-12-31", 90))
    i["kennzahlen"][0]["messwerte"].append(
        {**messwert("2026-12-31", 92), "anmerkung": "vorläufig"})
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == (Konflikt("kennzahlen.1.messwerte.5.wert", FEHLT, 90, 92),)
    assert ergebnis.daten is not None
    assert ergebnis.daten["kennzahlen"][0]["messwerte"][4] == {
        **messwert("2026-12-31", 90), "anmerkung": "vorläufig"}


def test_gleicher_messwert_auf_beiden_seiten_steht_einmal_da(basis: Daten) -> None:
    b, u, i = drei(basis)
    for seite in (u, i):
        seite["kennzahlen"][0]["messwerte"].append(messwert("2026-12-31", 90))
    u["kennzahlen"][0]["messwerte"][0]["wert"] = 80
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten == u


def test_geaenderter_stichtag_ist_ein_anderer_messwert(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["kennzahlen"][0]["messwerte"][3]["stichtag"] = dt.date(2026, 7, 1)  # typo fixed
    i["kennzahlen"][0]["messwerte"][3]["wert"] = 94
    ergebnis = zusammen(b, u, i)
    # theirs changed the old Stichtag's value, ours removed it: named, and both are in the data
    assert [k.pfad for k in ergebnis.konflikte] == ["kennzahlen.1.messwerte.4"]
    assert ergebnis.konflikte[0].unser is FEHLT
    assert ergebnis.daten is not None
    werte = ergebnis.daten["kennzahlen"][0]["messwerte"]
    assert [(m["stichtag"].isoformat(), m["wert"]) for m in werte[3:]] == [
        ("2026-06-30", 94), ("2026-07-01", 93)]


# --- Maßnahmen, Kennzahlen, Beschlüsse: matched by key, new ones ours then theirs -------------

def test_neue_massnahmen_beider_seiten_unsere_zuerst(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["massnahmen"].append({"titel": "Unsere neue", "status": "offen"})
    i["massnahmen"].append({"titel": "Ihre neue", "status": "offen"})
    i["massnahmen"][0]["status"] = "in Arbeit"
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert [m["titel"] for m in ergebnis.daten["massnahmen"][4:]] == ["Unsere neue", "Ihre neue"]
    assert ergebnis.aenderungen_fuer_unsere == (
        Einfuegen("massnahmen", 6, {"titel": "Ihre neue", "status": "offen"}),
        Setzen("massnahmen.1.status", "in Arbeit"))


def test_entfernte_massnahme_verschiebt_die_nummern_der_anderen_aenderungen(
        basis: Daten) -> None:
    b, u, i = drei(basis)
    del i["massnahmen"][1]
    u["massnahmen"][3]["status"] = "umgesetzt"
    i["massnahmen"][2]["termin"] = dt.date(2027, 12, 31)  # their no. 3 = the base's no. 4
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.aenderungen_fuer_unsere == (
        Entfernen("massnahmen.2"), Setzen("massnahmen.3.termin", dt.date(2027, 12, 31)))
    assert ergebnis.daten is not None
    assert ergebnis.daten["massnahmen"][2] == {**b["massnahmen"][3], "status": "umgesetzt",
                                               "termin": dt.date(2027, 12, 31)}


def test_entfernt_gegen_geaendert_bei_massnahmen_behaelt_die_geaenderte(basis: Daten) -> None:
    for loeschende, aendernde in ((0, 1), (1, 0)):
        b, u, i = drei(basis)
        seiten = (u, i)
        del seiten[loeschende]["massnahmen"][2]
        seiten[aendernde]["massnahmen"][2]["status"] = "umgesetzt"
        ergebnis = zusammen(b, u, i)
        assert len(ergebnis.konflikte) == 1
        konflikt = ergebnis.konflikte[0]
        assert konflikt.pfad == "massnahmen.3"
        assert (konflikt.unser, konflikt.ihr)[loeschende] is FEHLT
        assert ergebnis.daten is not None
        assert ergebnis.daten["massnahmen"][2]["status"] == "umgesetzt"
        assert len(ergebnis.daten["massnahmen"]) == 4


def test_umbenannte_massnahme_bleibt_dieselbe(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["massnahmen"][1]["titel"] = "Vereinbarungen für besondere Wohnformen umstellen"
    i["massnahmen"][1]["status"] = "entfallen"
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert ergebnis.daten["massnahmen"][1] == {**u["massnahmen"][1], "status": "entfallen"}
    assert len(ergebnis.daten["massnahmen"]) == 4


def test_ersetzte_massnahme_ist_nicht_dieselbe(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["massnahmen"][1] = {"titel": "Ganz etwas anderes", "status": "offen"}
    i["massnahmen"][1]["status"] = "entfallen"
    ergebnis = zusammen(b, u, i)
    assert [k.pfad for k in ergebnis.konflikte] == ["massnahmen.3"]  # theirs kept, named
    assert ergebnis.daten is not None
    assert [m["titel"] for m in ergebnis.daten["massnahmen"]][1:3] == [
        "Ganz etwas anderes", b["massnahmen"][1]["titel"]]


def test_gleiche_neue_kennzahl_auf_beiden_seiten_wird_eine(basis: Daten) -> None:
    b, u, i = drei(basis)
    neu = {"name": "Wartezeit", "einheit": "Tage", "messwerte": [messwert("2026-06-30", 12)]}
    u["kennzahlen"].append(copy.deepcopy(neu))
    i["kennzahlen"].append({**copy.deepcopy(neu), "zielwert": 10,
                            "messwerte": [messwert("2026-06-30", 12),
                                          messwert("2026-09-30", 11)]})
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    assert len(ergebnis.daten["kennzahlen"]) == 2
    assert ergebnis.daten["kennzahlen"][1]["zielwert"] == 10
    assert len(ergebnis.daten["kennzahlen"][1]["messwerte"]) == 2


def test_beschluesse_nach_gremium_datum_drucksache(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["beschluesse"].insert(0, {"gremium": "Kreistag", "datum": dt.date(2024, 5, 1)})
    i["beschluesse"][0]["inhalt"] = "Zustimmung."
    ergebnis = zusammen(b, u, i)
    assert ergebnis.konflikte == ()
    assert ergebnis.aenderungen_fuer_unsere == (Setzen("beschluesse.2.inhalt", "Zustimmung."),)


def test_alle_massnahmen_entfernt_laesst_den_schluessel_weg(basis: Daten) -> None:
    b, u, i = drei(basis)
    del i["massnahmen"]
    u["kennzahlen"][0]["zieljahr"] = 2027
    ergebnis = zusammen(b, u, i)
    assert ergebnis.daten is not None and "massnahmen" not in ergebnis.daten
    assert ergebnis.aenderungen_fuer_unsere == tuple(
        Entfernen(f"massnahmen.{n}") for n in (4, 3, 2, 1))


# --- file level -------------------------------------------------------------------------------

def test_datei_entfernt_gegen_geaendert(basis: Daten) -> None:
    b, _, i = drei(basis)
    i["status"] = "umgesetzt"
    ergebnis = zusammen(b, None, i)
    assert ergebnis.daten is None
    assert ergebnis.dateikonflikt == Konflikt("", b, FEHLT, i)
    ergebnis = zusammen(b, i, None)
    assert ergebnis.daten == i
    assert ergebnis.dateikonflikt == Konflikt("", b, i, FEHLT)


def test_datei_entfernt_und_unveraendert_ist_entfernt(basis: Daten) -> None:
    b, u, _ = drei(basis)
    assert zusammen(b, u, None) == Ergebnis(None)
    assert zusammen(b, None, u) == Ergebnis(None)
    assert zusammen(b, None, None) == Ergebnis(None)


def test_beide_legen_dasselbe_ziel_verschieden_an(basis: Daten) -> None:
    _, u, i = drei(basis)
    i["titel"] = "Ein anderes Ziel unter derselben ID"
    for leer in (None, {}):  # git hands the driver an empty base for add/add
        ergebnis = zusammen(leer, u, i)
        assert ergebnis.dateikonflikt == Konflikt("", FEHLT, u, i)
        assert ergebnis.daten == u
        assert zusammen(leer, u, copy.deepcopy(u)) == Ergebnis(u)
    assert zusammen(None, None, i) == Ergebnis(i)


def test_das_modul_importiert_nichts_aus_strategie() -> None:
    for name in ("zusammenfuehren", "feldaenderungen", "__init__"):
        baum = ast.parse((PROJEKT / "strategie" / "team" / f"{name}.py").read_text("utf-8"))
        importe = [k.module or "" for k in ast.walk(baum) if isinstance(k, ast.ImportFrom)]
        importe += [a.name for k in ast.walk(baum) if isinstance(k, ast.Import)
                    for a in k.names]
        fremd = [m for m in importe if m.startswith("strategie")
                 and m != "strategie.team.feldaenderungen"]
        assert fremd == [], (name, fremd)


def test_pfad_in_konflikten_ist_wie_in_der_cli(basis: Daten) -> None:
    b, u, i = drei(basis)
    u["massnahmen"][1]["status"], i["massnahmen"][1]["status"] = "offen", "entfallen"
    u["kennzahlen"][0]["messwerte"][2]["wert"] = 98
    i["kennzahlen"][0]["messwerte"][2]["wert"] = 99
    assert [k.pfad for k in zusammen(b, u, i).konflikte] == [
        "massnahmen.2.status", "kennzahlen.1.messwerte.3.wert"]


def test_beispielspeicher_mit_sich_selbst(tmp_path: Path) -> None:
    for datei in sorted(BEISPIEL.glob("*/*.toml")):
        daten = tomllib.loads(datei.read_text(encoding="utf-8"))
        assert zusammen(daten, copy.deepcopy(daten), copy.deepcopy(daten)) == Ergebnis(daten)
