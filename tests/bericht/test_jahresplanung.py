"""The Jahresplanung: goals of one Haushaltsjahr by Amt with Mittel, Personal and sums — the
numbers checked against a plain tomllib read, in every format."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

from strategie import api
from strategie.ausgabe.berichte import JAHRESPLANUNGSFORMATE
from strategie.ausgabe.json.schema import JAHRESPLANUNG_SCHEMA, SCHEMA
from strategie.ausgabe.tabellen.xlsx import EURO
from strategie.auswertung.jahresplanung import erstelle_jahresplanung
from strategie.speicher.laden import lade_speicher
from tests.bericht.dom import alle, eins, parse, text, zellen
from tests.conftest import BEISPIEL, PROJEKT

ANLAGENFOLGE = ["SA", "AKJF", "AMI", "AGV", "DEZ", "BE"]


def _orakel(speicher: Path = BEISPIEL) -> list[dict[str, Any]]:
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(speicher.glob("*/*.toml"))]


def _erwartet(jahr: int, speicher: Path = BEISPIEL, *, entfallene: bool = False
              ) -> dict[str, dict[str, float]]:
    """Per Amt (and '' for all): goals, Plan, Ist, VZÄ, haushaltsneutral, ohne Planansatz."""
    summen: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for ziel in _orakel(speicher):
        if ziel.get("umsetzungsjahr") != jahr or (ziel["status"] == "entfallen"
                                                  and not entfallene):
            continue
        haushalt = ziel.get("haushalt", {})
        for schluessel in (ziel["amt"], ""):
            s = summen[schluessel]
            s["anzahl"] += 1
            s["plan"] += haushalt.get("mittel_plan", 0)
            s["ist"] += haushalt.get("mittel_ist", 0)
            s["vzae"] += haushalt.get("personal_vzae", 0)
            s["neutral"] += ziel.get("haushaltsneutral") is True
            s["ohne"] += ziel.get("haushaltsneutral") is not True and "mittel_plan" not in haushalt
    return summen


def _csv_zeilen(roh: str) -> list[dict[str, str]]:
    """The rows of a CSV export under its head lines (title, Grundlage, notice)."""
    assert roh.startswith("\ufeff")
    kopf, tabelle = roh.lstrip("\ufeff").split("\r\n\r\n", 1)
    assert kopf.splitlines()[-1].startswith("Beispieldaten")
    return list(csv.DictReader(io.StringIO(tabelle), delimiter=";"))


def test_jahresplanung_2027_im_beispiel() -> None:
    planung = api.jahresplanung(api.oeffne(BEISPIEL), 2027)
    assert [a.amt.kuerzel for a in planung.aemter] == ["SA", "AKJF", "AMI", "DEZ", "BE"]
    assert {z.ziel.id for a in planung.aemter for z in a.zeilen} == {
        "SA-06", "AKJF-03", "AKJF-06", "AMI-05", "DEZ-08", "DEZ-09", "DEZ-13", "DEZ-17",
        "DEZ-18", "BE-02"}
    g = planung.gesamt
    assert (g.anzahl, g.mittel_plan, g.plan, g.ist, g.personal) == (10, 169_000, 169_000, None,
                                                                    1.0)
    assert (g.haushaltsneutral, g.ohne_planansatz, g.mit_plan) == (4, 2, 4)
    je_amt = {a.amt.kuerzel: (a.summe.anzahl, a.summe.plan) for a in planung.aemter}
    assert je_amt == {"SA": (1, None), "AKJF": (2, 12_000), "AMI": (1, 40_000),
                      "DEZ": (5, 92_000), "BE": (1, 25_000)}
    assert planung.entfallen == () and planung.ohne_jahr == ()


@pytest.mark.parametrize("jahr", [2023, 2024, 2025, 2026, 2027, 2030])
def test_summen_wie_das_orakel(jahr: int) -> None:
    planung = erstelle_jahresplanung(lade_speicher(BEISPIEL), jahr)
    erwartet = _erwartet(jahr)
    for amtplan in planung.aemter:
        e, s = erwartet[amtplan.amt.kuerzel], amtplan.summe
        assert (s.anzahl, s.mittel_plan, s.mittel_ist, s.personal_vzae, s.haushaltsneutral,
                s.ohne_planansatz) == (e["anzahl"], e["plan"], e["ist"], e["vzae"],
                                       e["neutral"], e["ohne"]), amtplan.amt.kuerzel
    alle_ = erwartet[""]
    assert (planung.gesamt.anzahl, planung.gesamt.mittel_plan, planung.gesamt.mittel_ist) == (
        alle_["anzahl"], alle_["plan"], alle_["ist"])
    assert [a.amt.kuerzel for a in planung.aemter] == [
        k for k in ANLAGENFOLGE if erwartet[k]["anzahl"]]


def test_entfallene_und_ziele_ohne_jahr(beispiel: Path) -> None:
    datei = beispiel / "ami" / "AMI-05.toml"
    text_ = datei.read_text(encoding="utf-8")
    datei.write_text(text_.replace('status = "in Vorbereitung"', 'status = "entfallen"\n'
                                   'status_begruendung = "Keine Förderzusage."', 1),
                     encoding="utf-8")
    sa06 = beispiel / "sa" / "SA-06.toml"
    sa06.write_text(sa06.read_text(encoding="utf-8").replace("umsetzungsjahr = 2027\n", ""),
                    encoding="utf-8")
    planung = erstelle_jahresplanung(lade_speicher(beispiel), 2027)
    assert [z.id for z in planung.entfallen] == ["AMI-05"]
    assert [z.id for z in planung.ohne_jahr] == ["SA-06"]
    assert planung.gesamt.anzahl == 8 and planung.gesamt.plan == 169_000 - 40_000
    assert planung.gesamt.anzahl == _erwartet(2027, beispiel)[""]["anzahl"]


def test_filter_und_falsches_jahr(cli) -> None:  # type: ignore[no-untyped-def]
    nur_dez = json.loads(cli("jahresplanung", "2027", "--amt", "DEZ", "--format", "json",
                             "--store", str(BEISPIEL)).out)
    assert [a["kuerzel"] for a in nur_dez["aemter"]] == ["DEZ"]
    assert nur_dez["summe"]["mittel_plan"] == 92_000
    assert nur_dez["grundlage"]["filter"] == "Amt: DEZ"
    falsch = cli("jahresplanung", "nächstes", "--store", str(BEISPIEL))
    assert falsch.code == 2 and '"nächstes" ist keine Jahreszahl' in falsch.err
    doppelt = cli("jahresplanung", "2027", "--umsetzungsjahr", "2026", "--store", str(BEISPIEL))
    assert doppelt.code == 3 and "gilt einem Jahr" in doppelt.err


def test_json_nach_schema(cli) -> None:  # type: ignore[no-untyped-def]
    daten = json.loads(cli("jahresplanung", "2027", "--format", "json", "--store",
                           str(BEISPIEL)).out)
    jsonschema.Draft7Validator(JAHRESPLANUNG_SCHEMA,
                               format_checker=jsonschema.FormatChecker()).validate(daten)
    assert daten["summe"]["mittel_plan"] == 169_000 and daten["summe"]["anzahl"] == 10
    assert daten["hinweis"].startswith("Beispieldaten")
    sa = daten["aemter"][0]
    assert sa["kuerzel"] == "SA" and sa["ziele"][0]["id"] == "SA-06"
    assert sa["ziele"][0]["haushaltsneutral"] is False and sa["ziele"][0]["mittel_plan"] is None
    veroeffentlicht = json.loads((PROJEKT / "schema" / "jahresplanung.schema.json").read_text(
        encoding="utf-8"))
    assert veroeffentlicht == JAHRESPLANUNG_SCHEMA, (
        "schema/jahresplanung.schema.json neu erzeugen: strategie schema --jahresplanung > "
        "schema/jahresplanung.schema.json")


def test_csv_mit_summenzeilen(cli) -> None:  # type: ignore[no-untyped-def]
    roh = cli("jahresplanung", "2027", "--format", "csv", "--store", str(BEISPIEL)).out
    assert roh.startswith("\ufeffJahresplanung 2027 – ")
    zeilen = _csv_zeilen(roh)
    ziele = [z for z in zeilen if z["Zeile"] == "Ziel"]
    assert len(ziele) == 10
    summen = {z["Amt"]: z for z in zeilen if z["Zeile"] == "Summe Amt"}
    assert summen["DEZ"]["Mittel Plan (€)"] == "92000" and summen["DEZ"]["Personal (VZÄ)"] == "1"
    assert summen["SA"]["Mittel Plan (€)"] == ""  # no goal of the Sozialamt names a figure
    (gesamt,) = [z for z in zeilen if z["Zeile"] == "Summe"]
    assert gesamt["Mittel Plan (€)"] == "169000"
    assert gesamt["Titel"] == "10 Ziele (4 haushaltsneutral, 2 ohne Planansatz)"
    assert sum(int(z["Mittel Plan (€)"] or 0) for z in ziele) == 169_000


def test_xlsx_mit_eurobetraegen(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    datei = tmp_path / "plan.xlsx"
    assert cli("jahresplanung", "2027", "--format", "xlsx", "--ausgabe", str(datei),
               "--store", str(BEISPIEL)).code == 0
    blatt = openpyxl.load_workbook(datei)["Jahresplanung 2027"]
    kopf = [c.value for c in blatt[6]]
    plan = kopf.index("Mittel Plan (€)") + 1
    zeilen = list(blatt.iter_rows(min_row=7, values_only=False))
    gesamt = next(z for z in zeilen if z[0].value == "Summe")
    assert gesamt[plan - 1].value == 169_000 and gesamt[plan - 1].number_format == EURO
    assert gesamt[0].font.bold
    assert blatt["A4"].value.startswith("Beispieldaten")
    assert "Commit" in blatt.oddFooter.left.text


def test_markdown_html_und_terminal(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    markdown = cli("jahresplanung", "2027", "--format", "markdown", "--store", str(BEISPIEL)).out
    assert "## Anlage 6 – Dezernat für Soziales und Gesundheit (5 Ziele)" in markdown
    assert "| Summe | 10 | 4 | 2 | 169.000 € | – | 1 |" in markdown
    html = cli("jahresplanung", "2027", "--format", "html", "--store", str(BEISPIEL)).out
    dokument = parse(html)
    abschnitte = [a for a in alle(dokument, "section") if a.get("data-amt")]
    assert [a.get("data-amt") for a in abschnitte] == ["SA", "AKJF", "AMI", "DEZ", "BE"]
    fuss = zellen(eins(eins(next(a for a in abschnitte if a.get("data-amt") == "AMI"), "tfoot"),
                       "tr"))
    assert fuss == ["Summe (1 Ziel)", "40.000 €", "–", "–"]
    assert "Beispieldaten" in text(eins(dokument, "body"))
    monkeypatch.setenv("COLUMNS", "140")
    terminal = cli("jahresplanung", "2027", "--store", str(BEISPIEL)).out
    assert "169.000 €" in terminal and "Summen 2027 je Organisationseinheit" in terminal
    assert set(JAHRESPLANUNGSFORMATE) == {"terminal", "markdown", "html", "docx", "json", "csv",
                                          "xlsx"}


def test_sachstandsbericht_zeigt_umsetzungsjahr_und_mittel(cli) -> None:  # type: ignore[no-untyped-def]
    daten = json.loads(cli("bericht", "--format", "json", "--store", str(BEISPIEL)).out)
    jsonschema.Draft7Validator(SCHEMA).validate(daten)
    orakel = {z["id"]: z for z in _orakel()}
    for ziel in daten["ziele"]:
        quelle = orakel[ziel["id"]]
        assert ziel["umsetzungsjahr"] == quelle.get("umsetzungsjahr")
        assert ziel["mittel_plan"] == quelle.get("haushalt", {}).get("mittel_plan")
    jahre = {e["jahr"]: e for e in daten["umsetzungsjahre"]}
    for jahr in (2023, 2024, 2025, 2026, 2027):  # the Sachstand counts retired goals, too
        assert jahre[jahr]["anzahl"] == _erwartet(jahr, entfallene=True)[""]["anzahl"]
        assert jahre[jahr]["mittel_plan"] == _erwartet(jahr, entfallene=True)[""]["plan"]
    assert daten["mittel"]["mittel_plan"] == sum(
        z.get("haushalt", {}).get("mittel_plan", 0) for z in orakel.values())
    markdown = cli("bericht", "--format", "markdown", "--store", str(BEISPIEL)).out
    assert "### Umsetzungsjahre und Mittel" in markdown
    assert "| 2027 | 10 | 4 | 169.000 € | – | 1 |" in markdown
    assert "| 2026 | 7 | 4 | 125.000 € | 4.500 € | – |" in markdown  # money: 4.500, not 4500
    zeile = next(z for z in _csv_zeilen(cli("bericht", "--format", "csv", "--store",
                                            str(BEISPIEL)).out) if z["ID"] == "AMI-05")
    assert (zeile["Umsetzungsjahr"], zeile["Art"], zeile["haushaltsneutral"],
            zeile["Mittel Plan (€)"]) == ("2027", "Projekt", "nein", "40000")
