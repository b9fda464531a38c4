"""'liste', 'zeige', 'matrix' on the example store, checked against a plain tomllib read."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from typing import Any

import pytest

from tests.conftest import BEISPIEL

# Abschlussbericht, Abschnitt 5.1: Amt → (Gesamt, HF1, HF2, HF3, HF4). The report prints
# "Gesamt 8" for the AKJF, but its cells 1/2/3/1 sum to 7, and only with 7 do the printed
# column sums 9/17/11/9 and the total of 46 hold. A computed matrix cannot show both; we keep
# the cells, the column sums and the 46 that the report and Vorlage 2024/144 name throughout.
BERICHT_5_1 = {
    "Dezernat für Soziales und Gesundheit": (18, 3, 5, 3, 7),
    "Amt für Migration und Integration": (5, 1, 2, 2, 0),
    "Amt für Gesundheit und Versorgung": (6, 1, 3, 1, 1),
    "Amt für Kinder, Jugend und Familie": (7, 1, 2, 3, 1),
    "Stabsstelle Bürgerschaftliches Engagement": (3, 1, 1, 1, 0),
    "Sozialamt": (7, 2, 4, 1, 0),
}


ANLAGE = {"SA": 2, "AKJF": 3, "AMI": 4, "AGV": 5, "DEZ": 6, "BE": 7}
"""The Anlage of each Amt in Vorlage 2024/144."""


def _orakel() -> list[dict[str, Any]]:
    """The goals as plain tomllib reads them, without any of our code."""
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(BEISPIEL.glob("*/*.toml"))]


def _ids(ergebnis_json: str) -> set[str]:
    return {z["id"] for z in json.loads(ergebnis_json)}


def test_matrix_gibt_die_tabelle_des_berichts_wieder(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")
    ergebnis = cli("matrix", "--store", str(BEISPIEL))
    assert ergebnis.code == 0
    zeilen = ergebnis.out.splitlines()
    for amt, erwartet in BERICHT_5_1.items():
        (zeile,) = [z for z in zeilen if z.strip().startswith(amt)]
        assert [int(t) for t in zeile.split()[-5:]] == list(erwartet), zeile
    (summe,) = [z for z in zeilen if z.strip().startswith("Summe")]
    assert [int(t) for t in summe.split()[-5:]] == [46, 9, 17, 11, 9]


def test_liste_json_enthaelt_alle_felder_unter_toml_namen(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--format", "json", "--store", str(BEISPIEL))
    daten = json.loads(ergebnis.out)
    assert len(daten) == 46
    orakel = {z["id"]: z for z in _orakel()}
    for ziel in daten:
        erwartet = json.loads(json.dumps(orakel[ziel["id"]], default=str))
        assert ziel == erwartet


def test_liste_in_der_reihenfolge_der_anlagen(cli) -> None:  # type: ignore[no-untyped-def]
    """One order of the Ämter everywhere: 'liste' as the reports, by the Anlagen of Vorlage
    2024/144 (Sozialamt first), within an Amt by number; the frame lists the Ämter in the
    order of Tabelle 5.1 (Dezernat first), which only the matrix keeps."""
    from strategie.api import bericht, oeffne

    ids = [z["id"] for z in json.loads(cli("liste", "--format", "json", "--store",
                                           str(BEISPIEL)).out)]
    anlagen = sorted(_orakel(), key=lambda z: (ANLAGE[z["amt"]], int(z["id"].split("-")[1])))
    assert ids == [z["id"] for z in anlagen]
    assert ids[0] == "SA-01" and ids[-1] == "BE-03"
    assert ids == [z.id for z in bericht(oeffne(BEISPIEL)).ziele]
    rahmen = tomllib.loads((BEISPIEL / "strategie.toml").read_text(encoding="utf-8"))
    assert rahmen["aemter"][0]["kuerzel"] == "DEZ"  # the frame: Tabelle 5.1


@pytest.mark.parametrize(("optionen", "passt"), [
    (["--amt", "SA"], lambda z: z["amt"] == "SA"),
    (["--amt", "sa,agv"], lambda z: z["amt"] in ("SA", "AGV")),
    (["--handlungsfeld", "4"], lambda z: z["handlungsfeld"] == 4),
    (["--handlungsfeld", "1", "--handlungsfeld", "3"], lambda z: z["handlungsfeld"] in (1, 3)),
    (["--status", "in Umsetzung"], lambda z: z["status"] == "in Umsetzung"),
    (["--status", "zurück"], lambda z: z["status"] == "zurückgestellt"),
    (["--ampel", "rot"], lambda z: z.get("ampel") == "rot"),
    (["--ampel", "gelb,rot"], lambda z: z.get("ampel") in ("gelb", "rot")),
    (["--aktionsbereich", "Prävention"], lambda z: "Prävention" in z.get("aktionsbereiche", [])),
    (["--aktionsbereich", "zusammenarbeit"],
     lambda z: "Zusammenarbeit: Ämter, Träger, Gemeinden" in z.get("aktionsbereiche", [])),
    (["--leuchtturm"], lambda z: z.get("leuchtturm") is True),
    (["--suche", "integrationskonzept"],
     lambda z: "integrationskonzept" in json.dumps(z, ensure_ascii=False, default=str).lower()),
    (["--amt", "DEZ", "--ampel", "grün"], lambda z: z["amt"] == "DEZ" and z.get("ampel") == "grün"),
])
def test_filter(cli, optionen, passt) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", *optionen, "--format", "json", "--store", str(BEISPIEL))
    assert ergebnis.code == 0, ergebnis.err
    erwartet = {z["id"] for z in _orakel() if passt(z)}
    assert erwartet, f"Beispieldaten decken {optionen} nicht ab"
    assert _ids(ergebnis.out) == erwartet


def test_leuchttuerme_sind_integrationskonzept_und_foerdertransparenz(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--leuchtturm", "--format", "json", "--store", str(BEISPIEL))
    titel = sorted(z["titel"] for z in json.loads(ergebnis.out))
    assert len(titel) == 2
    assert any("Integrationskonzept" in t for t in titel)
    assert any("Förder" in t for t in titel)


def test_unbekannter_filterwert_nennt_die_moeglichen(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--ampel", "lila", "--store", str(BEISPIEL))
    assert ergebnis.code == 3
    assert 'Ampel "lila" ist unbekannt. Möglich: grün, gelb, rot, grau' in ergebnis.err


def test_liste_tabelle(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    ergebnis = cli("liste", "--amt", "SA", "--store", str(BEISPIEL))
    assert ergebnis.code == 0
    zeilen = [z for z in ergebnis.out.splitlines() if z.strip().startswith("SA-")]
    assert len(zeilen) == 7
    assert "7 von 46 Zielen (Filter: Amt: SA)" in ergebnis.out


def test_liste_csv(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--format", "csv", "--handlungsfeld", "2", "--store", str(BEISPIEL))
    zeilen = list(csv.DictReader(io.StringIO(ergebnis.out), delimiter=";"))
    assert len(zeilen) == 17
    orakel = {z["id"]: z for z in _orakel()}
    for zeile in zeilen:
        ziel = orakel[zeile["id"]]
        assert zeile["titel"] == ziel["titel"] and zeile["status"] == ziel["status"]
        assert int(zeile["massnahmen"]) == len(ziel["massnahmen"])
        assert zeile["steckbrief_stand"] == ziel["steckbrief"]["stand"].isoformat()


def test_zeige_ein_ziel_vollstaendig(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    datei = BEISPIEL / "sa" / "SA-01.toml"
    ziel = tomllib.loads(datei.read_text(encoding="utf-8"))
    ergebnis = cli("zeige", "sa-01", "--store", str(BEISPIEL))
    assert ergebnis.code == 0
    for text in (ziel["titel"], "Wirkungsziel", "Leistungsziel", "Maßnahmen",
                 "Aktueller Stand der Umsetzung", "Finanzielle Beurteilung der Verwaltung",
                 "Inhaltliche Beurteilung der Verwaltung", ziel["massnahmen"][0]["titel"][:30]):
        assert text in ergebnis.out
    assert ziel["steckbrief"]["stand"].strftime("%d.%m.%Y") in ergebnis.out


def test_zeige_unbekannte_id_schlaegt_aehnliche_vor(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("zeige", "SA-1", "--store", str(BEISPIEL))
    assert ergebnis.code == 3
    assert "Kein Ziel mit der ID SA-1." in ergebnis.err and "Meinten Sie" in ergebnis.err


def test_store_aus_umgebungsvariable_und_suche_ab_arbeitsordner(cli, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STRATEGIE_STORE", str(BEISPIEL))
    monkeypatch.chdir(tmp_path)
    assert len(json.loads(cli("liste", "--format", "json").out)) == 46
    monkeypatch.delenv("STRATEGIE_STORE")
    monkeypatch.chdir(BEISPIEL.parent / "tests")
    assert len(json.loads(cli("liste", "--format", "json").out)) == 46
    monkeypatch.chdir(tmp_path)
    ergebnis = cli("liste")
    assert ergebnis.code == 3 and "Kein Zielspeicher gefunden" in ergebnis.err


def test_hilfe_ist_deutsch(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--help")
    assert ergebnis.code == 0
    assert "Aufruf:" in ergebnis.out and "Optionen:" in ergebnis.out and "--suche" in ergebnis.out
    ergebnis = cli("liste", "--gibtsnicht")
    assert ergebnis.code == 2 and "unbekannte Angaben: --gibtsnicht" in ergebnis.err


def test_zeige_nennt_den_sollwert_der_kennzahl(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SA-05: Basis 8 (2022), Ziel 25 (2027), zuletzt 12 am 30.06.2026. The line from
    31.12.2022 to 31.12.2027 expects 8 + 17 · 1277/1826 = 19,89 on that day: gefährdet."""
    monkeypatch.setenv("COLUMNS", "200")
    ergebnis = cli("zeige", "SA-05", "--store", str(BEISPIEL))
    assert ergebnis.code == 0
    assert "soll 19,89, gefährdet" in ergebnis.out
