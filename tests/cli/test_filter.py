"""The filters of the annual selection (Umsetzungsjahr, Art, haushaltsneutral, Raum, Phase, Liga):
the same on the command line, in the Python API and in the app's facets."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from typing import Any

import pytest

from strategie import api
from strategie.auswertung.auswahl import FACETTEN, Auswahl
from strategie.auswertung.filter import DIMENSIONEN, OHNE, Filter
from strategie.speicher.laden import lade_speicher
from tests.conftest import BEISPIEL


def _orakel() -> list[dict[str, Any]]:
    """The goals as plain tomllib reads them, without any of our code."""
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(BEISPIEL.glob("*/*.toml"))]


def _ids(ausgabe: str) -> set[str]:
    return {z["id"] for z in json.loads(ausgabe)}


JAHR_2027 = {"AKJF-03", "AKJF-06", "AMI-05", "BE-02", "DEZ-08", "DEZ-09", "DEZ-13", "DEZ-17",
             "DEZ-18", "SA-06"}
"""The example goals the Sozialausschuss chose for the Haushaltsjahr 2027."""


def test_umsetzungsjahr_filtert_das_haushaltsjahr(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", "--umsetzungsjahr", "2027", "--format", "json", "--store",
                   str(BEISPIEL))
    assert ergebnis.code == 0
    assert _ids(ergebnis.out) == JAHR_2027
    assert _ids(ergebnis.out) == {z["id"] for z in _orakel() if z.get("umsetzungsjahr") == 2027}
    beide = cli("liste", "--umsetzungsjahr", "2026,2027", "--format", "json", "--store",
                str(BEISPIEL))
    assert _ids(beide.out) == {z["id"] for z in _orakel()
                               if z.get("umsetzungsjahr") in (2026, 2027)}
    assert len(_ids(beide.out)) == 10 + 7


@pytest.mark.parametrize(("optionen", "passt"), [
    (["--art", "proj"], lambda z: z.get("art") == "Projekt"),
    (["--art", "laufend"], lambda z: z.get("art") == "laufende Tätigkeit"),
    (["--haushaltsneutral"], lambda z: z.get("haushaltsneutral") is True),
    (["--haushaltsneutral", "nein"], lambda z: z.get("haushaltsneutral") is False),
    (["--haushaltsneutral", "ja", "--haushaltsneutral", "nein"],
     lambda z: "haushaltsneutral" in z),
    (["--haushaltsneutral", "nein", "--umsetzungsjahr", "2027", "--amt", "DEZ"],
     lambda z: z.get("haushaltsneutral") is False and z.get("umsetzungsjahr") == 2027
     and z["amt"] == "DEZ"),
    (["--umsetzungsjahr", "ohne"], lambda z: "umsetzungsjahr" not in z),
])
def test_filter_wie_das_orakel(cli, optionen, passt) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", *optionen, "--format", "json", "--store", str(BEISPIEL))
    assert ergebnis.code == 0, ergebnis.err
    assert _ids(ergebnis.out) == {z["id"] for z in _orakel() if passt(z)}


def test_zahlen_der_neuen_filter_im_beispiel(cli) -> None:  # type: ignore[no-untyped-def]
    def anzahl(*optionen: str) -> int:
        return len(_ids(cli("liste", *optionen, "--format", "json", "--store",
                            str(BEISPIEL)).out))

    assert anzahl("--art", "Projekt") == 37
    assert anzahl("--art", "laufende Tätigkeit") == 9
    assert anzahl("--haushaltsneutral") == 15
    assert anzahl("--haushaltsneutral", "nein") == 31
    assert anzahl("--umsetzungsjahr", "ohne") == 0


def test_filter_gelten_in_matrix_bericht_und_steckbriefen(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")
    matrix = cli("matrix", "--umsetzungsjahr", "2027", "--store", str(BEISPIEL))
    (summe,) = [z for z in matrix.out.splitlines() if z.strip().startswith("Summe")]
    assert int(summe.split()[1]) == 10
    bericht = json.loads(cli("bericht", "--umsetzungsjahr", "2027", "--haushaltsneutral", "nein",
                             "--format", "json", "--store", str(BEISPIEL)).out)
    assert {z["id"] for z in bericht["ziele"]} == {
        z["id"] for z in _orakel()
        if z.get("umsetzungsjahr") == 2027 and z.get("haushaltsneutral") is False}
    assert bericht["grundlage"]["filter"] == "Umsetzungsjahr: 2027 · nicht haushaltsneutral"
    steckbriefe = cli("steckbriefe", "--art", "laufend", "--format", "markdown", "--store",
                      str(BEISPIEL))
    assert steckbriefe.code == 0
    assert steckbriefe.out.count("\n### ") == 9


def test_falsche_angaben_werden_deutsch_abgelehnt(cli) -> None:  # type: ignore[no-untyped-def]
    jahr = cli("liste", "--umsetzungsjahr", "nächstes", "--store", str(BEISPIEL))
    assert jahr.code == 3 and 'Umsetzungsjahr "nächstes" ist keine Jahreszahl' in jahr.err
    art = cli("liste", "--art", "Maßnahme", "--store", str(BEISPIEL))
    assert art.code == 3 and "Möglich: Projekt, laufende Tätigkeit, ohne Angabe" in art.err
    neutral = cli("liste", "--haushaltsneutral", "vielleicht", "--store", str(BEISPIEL))
    assert neutral.code == 3 and "Möglich: ja, nein, ohne Angabe" in neutral.err


def test_api_filtert_wie_die_kommandozeile(cli) -> None:  # type: ignore[no-untyped-def]
    speicher = api.oeffne(BEISPIEL)
    ziele = api.filtere(speicher, umsetzungsjahr=2027, haushaltsneutral=False, art="Projekt")
    ergebnis = cli("liste", "--umsetzungsjahr", "2027", "--haushaltsneutral", "nein", "--art",
                   "Projekt", "--format", "json", "--store", str(BEISPIEL))
    assert {z.id for z in ziele} == _ids(ergebnis.out)
    assert {z.id for z in api.filtere(speicher, umsetzungsjahr=[2026, 2027])} == _ids(
        cli("liste", "--umsetzungsjahr", "2026,2027", "--format", "json", "--store",
            str(BEISPIEL)).out)
    with pytest.raises(Exception, match="Unbekannter Filter 'jahr'"):
        api.filtere(speicher, jahr=2027)


def test_facetten_der_app_zaehlen_die_neuen_filter() -> None:
    speicher = lade_speicher(BEISPIEL)
    auswahl = Auswahl(speicher.rahmen, speicher.ziele)
    assert set(FACETTEN) == {d.name for d in DIMENSIONEN}
    zaehler = auswahl.facetten(Filter())
    jahre = Counter(z.get("umsetzungsjahr") for z in _orakel())
    assert dict(zaehler["umsetzungsjahre"]) == dict(jahre)
    assert auswahl.werte("umsetzungsjahre") == [2023, 2024, 2025, 2026, 2027, None]
    assert auswahl.beschriftung("umsetzungsjahre", None) == OHNE
    assert auswahl.beschriftung("haushaltsneutral", False) == "nicht haushaltsneutral"
    assert zaehler["haushaltsneutral"] == Counter({False: 31, True: 15})
    assert zaehler["arten"] == Counter({"Projekt": 37, "laufende Tätigkeit": 9})
    # the counts of one dimension apply the others: 2027 and not haushaltsneutral
    nur_2027 = auswahl.facetten(Filter(umsetzungsjahre=frozenset({2027})))
    assert sum(nur_2027["haushaltsneutral"].values()) == 10
    assert nur_2027["umsetzungsjahre"] == zaehler["umsetzungsjahre"]
    assert [z.id for z in auswahl.ansicht(Filter(umsetzungsjahre=frozenset({2027}),
                                                 haushaltsneutral=frozenset({False})))] == [
        z.id for z in speicher.ziele if z.umsetzungsjahr == 2027 and z.haushaltsneutral is False]


def test_jede_filteroption_hat_einen_deutschen_hilfetext(cli) -> None:  # type: ignore[no-untyped-def]
    hilfe = cli("liste", "--help").out
    for dimension in DIMENSIONEN:
        assert f"--{dimension.option}" in hilfe
        assert dimension.hilfe.split()[0] in hilfe


def _bezugsraeume(ziel: dict[str, Any]) -> set[str]:
    return set(ziel.get("raeume", ())) | {r for k in ziel.get("kennzahlen", ())
                                          for r in k.get("raeume", ())}


@pytest.mark.parametrize(("optionen", "passt"), [
    (["--raum", "sing"], lambda z: "Singen" in _bezugsraeume(z)),
    (["--raum", "Landkreis gesamt"], lambda z: "Landkreis gesamt" in _bezugsraeume(z)),
    (["--raum", "ohne"], lambda z: not _bezugsraeume(z)),
    (["--phase", "steuern"], lambda z: z.get("phase") == "Steuern und Umsetzen"),
    (["--phase", "Wirkungsmessung"], lambda z: z.get("phase") == "Wirkungsmessung und Controlling"),
    (["--liga"], lambda z: z.get("liga") is True),
    (["--liga", "nein"], lambda z: not z.get("liga")),
    (["--liga", "--amt", "SA"], lambda z: z.get("liga") is True and z["amt"] == "SA"),
])
def test_raum_phase_liga_wie_das_orakel(cli, optionen, passt) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("liste", *optionen, "--format", "json", "--store", str(BEISPIEL))
    assert ergebnis.code == 0, ergebnis.err
    erwartet = {z["id"] for z in _orakel() if passt(z)}
    assert _ids(ergebnis.out) == erwartet and erwartet


def test_beispiel_nutzt_raum_phase_und_liga() -> None:
    orakel = _orakel()
    assert sum(1 for z in orakel if z.get("liga")) == 12  # the Liga's goals, section 3.2
    assert {z["id"] for z in orakel if "Singen" in _bezugsraeume(z)} == {"AGV-02", "BE-02",
                                                                         "SA-05"}
    assert sum(1 for z in orakel if "phase" in z) == 7
    # the distribution over Amt × Handlungsfeld is that of section 5.1, unchanged
    zellen = Counter((z["amt"], z["handlungsfeld"]) for z in orakel)
    assert zellen[("DEZ", 4)] == 7 and zellen[("AKJF", 3)] == 3 and sum(zellen.values()) == 46


def test_bericht_mit_abschnitt_je_raum(cli) -> None:  # type: ignore[no-untyped-def]
    daten = json.loads(cli("bericht", "--format", "json", "--store", str(BEISPIEL)).out)
    orakel = _orakel()
    erwartet = [(r, sorted(z["id"] for z in orakel if r in _bezugsraeume(z)))
                for r in ("Landkreis gesamt", "Konstanz", "Singen", "Radolfzell",
                          "übrige Gemeinden")]
    assert [(e["raum"], sorted(e["ziele"])) for e in daten["raeume"]] == [
        (r, ids) for r, ids in erwartet if ids]
    sa05 = next(z for z in daten["ziele"] if z["id"] == "SA-05")
    assert (sa05["raeume"], sa05["phase"], sa05["liga"]) == (
        ["Singen", "Radolfzell"], "Steuern und Umsetzen", True)
    markdown = cli("bericht", "--format", "markdown", "--store", str(BEISPIEL)).out
    assert "| Singen | 3 | SA-05, AGV-02, BE-02 |" in markdown  # Ämter in Anlagen order
    gefiltert = json.loads(cli("bericht", "--raum", "Radolfzell", "--format", "json",
                               "--store", str(BEISPIEL)).out)
    assert gefiltert["anzahl_ziele"] == 3 and gefiltert["grundlage"]["filter"] == (
        "Raum: Radolfzell")


def test_vorauswahl_nennt_nur_felder_deren_wert_die_dimension_ist() -> None:
    """A dimension with ``feld`` has exactly that attribute's value (what the loader's
    pre-selection compares on the list fields), and the list fields hold these attributes."""
    from strategie.speicher.cache import KOPF_FELDER, kopf

    ziele = lade_speicher(BEISPIEL, cache=False).ziele
    mit_feld = [d for d in DIMENSIONEN if d.feld]
    assert {d.feld for d in mit_feld} == {"amt", "handlungsfeld", "status", "ampel",
                                          "leuchtturm"}
    for ziel in ziele:
        stand = ziel.steckbrief_stand
        assert kopf(ziel) == (*(getattr(ziel, f) for f in KOPF_FELDER),
                              stand.toordinal() if stand else 0)
        for dimension in mit_feld:
            assert dimension.werte_des_ziels(ziel) == (getattr(ziel, dimension.feld),)
    kriterien = Filter(aemter=frozenset({"SA"}), arten=frozenset({"Projekt"}), leuchtturm=True,
                       suche="pflege")
    assert kriterien.vorauswahl() == {"amt": frozenset({"SA"}), "leuchtturm": frozenset({True})}
    assert Filter().vorauswahl() == {}


def test_falscher_filterwert_nach_dem_hinweis_auf_fehlerhafte_dateien(cli, repo) -> None:  # type: ignore[no-untyped-def]
    """With the pre-selection the filter is read before loading; a wrong value is still said
    after the note on faulty files, as by every command that loads the store."""
    (repo / "ziele" / "sa" / "SA-99.toml").write_text('id = "SA-99"\ntitel = [', "utf-8")
    for befehl in ("liste", "matrix"):
        for _ in range(2):  # without and with the snapshot
            ergebnis = cli(befehl, "--ampel", "gr", "--store", str(repo / "ziele"))
            assert ergebnis.code == 3
            zeilen = ergebnis.err.splitlines()
            assert zeilen[0].startswith("Hinweis: 1 Zieldatei(en) fehlerhaft"), ergebnis.err
            assert zeilen[1].startswith('Fehler: Ampel "gr" ist mehrdeutig'), ergebnis.err
