"""The edit path end to end on real git repositories: commits, trailers, history, undo."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import TEST_EMAIL, TEST_NAME, git, kopf, trailer


def _ziel(repo: Path, ziel_id: str) -> dict:
    ordner = ziel_id.split("-")[0].lower()
    return tomllib.loads((repo / "ziele" / ordner / f"{ziel_id}.toml").read_text(encoding="utf-8"))


def test_statusaenderung_ist_ein_commit_mit_einer_zeile(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = _ziel(repo, "SA-02")["status"]
    vorher_kopf = kopf(repo)
    ergebnis = cli("status", "SA-02", "umgesetzt", "-m", "Vertrag unterschrieben.",
                   "--store", str(repo / "ziele"))
    assert ergebnis.code == 0, ergebnis.err
    assert git(repo, "rev-list", "--count", f"{vorher_kopf}..HEAD").strip() == "1"
    assert git(repo, "show", "--format=", "--name-only", "HEAD").split() == ["ziele/sa/SA-02.toml"]
    assert git(repo, "show", "--format=", "--numstat", "HEAD").split()[:2] == ["1", "1"]
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        f"SA-02: Umsetzungsstand {vorher} → umgesetzt")
    assert git(repo, "log", "-1", "--format=%an <%ae>").strip() == f"{TEST_NAME} <{TEST_EMAIL}>"
    assert "Vertrag unterschrieben." in git(repo, "log", "-1", "--format=%b")
    assert trailer(repo) == [("Ziel", "SA-02"), ("Feld", "status"), ("Alt", vorher),
                             ("Neu", "umgesetzt")]
    assert git(repo, "status", "--porcelain") == ""
    assert _ziel(repo, "SA-02")["status"] == "umgesetzt"


def test_verlauf_stand_und_rueckgaengig(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    vorher = _ziel(repo, "AGV-02")["status"]
    # the store's first commit dates from January 2025, so a Stichtag in 2025 finds it
    subprocess.run(["git", "-C", str(repo), "commit", "--amend", "-q", "--no-edit"],
                   env={**os.environ, "GIT_COMMITTER_DATE": "2025-01-15T10:00:00"}, check=True)
    assert cli("status", "AGV-02", "entfallen", "-m", "Bund übernimmt die Aufgabe.",
               "--store", store).code == 0

    verlauf = json.loads(cli("verlauf", "AGV-02", "--format", "json", "--store", store).out)
    neuester = verlauf[0]
    assert neuester["autor"] == TEST_NAME and neuester["kommentar"] == "Bund übernimmt die Aufgabe."
    felder = {a["feld"]: (a["alt"], a["neu"]) for a in neuester["aenderungen"]}
    assert felder["status"] == (vorher, "entfallen")
    assert felder["status_begruendung"] == (None, "Bund übernimmt die Aufgabe.")
    assert verlauf[-1]["art"] == "angelegt"

    tabelle = cli("verlauf", "AGV-02", "--store", store)
    assert f"Umsetzungsstand: {vorher} → entfallen" in tabelle.out

    alt = json.loads(cli("liste", "--stand", "2025-06-30", "--format", "json", "--amt", "AGV",
                         "--store", store).out)
    assert next(z for z in alt if z["id"] == "AGV-02")["status"] == vorher
    neu = json.loads(cli("liste", "--format", "json", "--amt", "AGV", "--store", store).out)
    assert next(z for z in neu if z["id"] == "AGV-02")["status"] == "entfallen"
    assert "entfallen" not in cli("zeige", "AGV-02", "--rev", "HEAD~1", "--store", store).out

    zurueck = cli("rueckgaengig", "--ja", "--store", store)
    assert zurueck.code == 0, zurueck.err
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "3"
    assert git(repo, "log", "-1", "--format=%s").startswith("Rückgängig: AGV-02: Umsetzungsstand")
    assert _ziel(repo, "AGV-02")["status"] == vorher
    assert "status_begruendung" not in _ziel(repo, "AGV-02")
    assert git(repo, "status", "--porcelain") == ""
    assert ("Rueckgaengig-von", git(repo, "rev-parse", "HEAD~1").strip()) in trailer(repo)


def test_begruendung_ist_pflicht_bei_zurueckgestellt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = kopf(repo)
    ergebnis = cli("status", "SA-02", "zurückgestellt", "--store", str(repo / "ziele"))
    assert ergebnis.code == 3 and "verlangt eine Begründung" in ergebnis.err
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""
    assert cli("setze", "SA-02", "ampel", "rot", "-m", "Träger insolvent.",
               "--store", str(repo / "ziele")).code == 0
    assert _ziel(repo, "SA-02")["ampel_begruendung"] == "Träger insolvent."


def test_mehrere_ziele_ein_commit_mit_bestaetigung(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    ids = [f"SA-0{n}" for n in range(1, 8) if _ziel(repo, f"SA-0{n}").get("ampel") != "grau"][:3]
    vorher = kopf(repo)
    ohne = cli("setze", *ids, "ampel", "grau", "-m", "Neubewertung", "--store", store)
    assert ohne.code == 3 and "--ja" in ohne.err and kopf(repo) == vorher
    mit = cli("setze", *ids, "ampel", "grau", "-m", "Neubewertung", "--ja", "--store", store)
    assert mit.code == 0, mit.err
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        f"3 Ziele: Ampel → grau ({', '.join(ids)})")
    assert sorted(git(repo, "show", "--format=", "--name-only", "HEAD").split()) == [
        f"ziele/sa/{i}.toml" for i in ids]
    assert all(_ziel(repo, i)["ampel"] == "grau" for i in ids)


def test_setze_messwert_massnahme_steckbrief(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    assert cli("setze", "SA-01", "massnahmen.4.status", "umges", "--store", store).code == 0
    assert _ziel(repo, "SA-01")["massnahmen"][3]["status"] == "umgesetzt"
    assert cli("setze", "SA-01", "haushalt.mittel_ist", "23.500,50", "--store", store).code == 0
    assert _ziel(repo, "SA-01")["haushalt"]["mittel_ist"] == 23500.5
    assert cli("messwert", "SA-01", "Aufsuchende", "31.12.2026", "301", "-m", "Jahreswert",
               "--store", store).code == 0
    assert _ziel(repo, "SA-01")["kennzahlen"][1]["messwerte"][-1] == {
        "stichtag": dt.date(2026, 12, 31), "wert": 301}
    assert cli("massnahme", "SA-01", "Kurzzeitpflege ausbauen", "--termin", "2027-06-30",
               "--store", store).code == 0
    assert _ziel(repo, "SA-01")["massnahmen"][-1]["titel"] == "Kurzzeitpflege ausbauen"
    eingabe = ("## Aktueller Stand der Umsetzung\nStelle besetzt.\n\n"
               "## Finanzielle Beurteilung der Verwaltung\nIm Rahmen.\n")
    ergebnis = subprocess.run(
        [sys.executable, "-m", "strategie", "steckbrief", "SA-01", "-m", "Bericht Dezember",
         "--store", store],
        input=eingabe, capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stderr
    steckbrief = _ziel(repo, "SA-01")["steckbrief"]
    assert steckbrief["aktueller_stand"] == "Stelle besetzt."
    assert steckbrief["finanzielle_beurteilung"] == "Im Rahmen."
    assert steckbrief["stand"] == dt.date.today()
    assert git(repo, "log", "-1", "--format=%s").startswith("SA-01: Steckbrief aktualisiert")
    assert git(repo, "status", "--porcelain") == ""


def test_ungueltiger_wert_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = kopf(repo)
    faelle = ((("status", "SA-02", "fertig"), 'Umsetzungsstand "fertig" ist unbekannt'),
              (("setze", "SA-02", "handlungsfeld", "7"), "Handlungsfeld"),
              (("setze", "SA-02", "titel", ""), "Pflichtfeld fehlt"),
              (("setze", "SA-02", "gibtsnicht", "x"), "Unbekanntes Feld"),
              (("setze", "SA-02", "massnahmen.9.status", "offen"), "keinen Eintrag"))
    for argumente, text in faelle:
        ergebnis = cli(*argumente, "--store", str(repo / "ziele"))
        assert ergebnis.code == 3 and text in ergebnis.err, (argumente, ergebnis.err)
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""


def test_aenderungen_seit_datum_und_rev(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    git(repo, "tag", "bericht-2026")
    assert cli("status", "SA-02", "umgesetzt", "-m", "fertig", "--store", store).code == 0
    assert cli("setze", "AMI-01", "ampel", "gelb", "-m", "Verzug", "--store", store).code == 0
    eintraege = json.loads(cli("aenderungen", "--seit", "bericht-2026", "--format", "json",
                               "--store", store).out)
    assert sorted(e["ziel"] for e in eintraege) == ["AMI-01", "SA-02"]
    markdown = cli("aenderungen", "--seit", "bericht-2026", "--format", "markdown",
                   "--store", store).out
    assert "## AMI-01" in markdown and "## SA-02" in markdown and "→ umgesetzt" in markdown
    heute = dt.date.today().isoformat()
    nach_datum = json.loads(cli("aenderungen", "--seit", heute, "--format", "json",
                                "--store", store).out)
    assert {e["ziel"] for e in nach_datum} >= {"AMI-01", "SA-02"}
    tabelle = cli("aenderungen", "--seit", "bericht-2026", "--store", store).out
    assert "AMI-01" in tabelle and "Verzug" in tabelle


def test_handcommit_aus_dem_editor_erscheint_im_verlauf(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    text = datei.read_text(encoding="utf-8")
    alt = tomllib.loads(text)["titel"]
    datei.write_text(text.replace(f'titel = "{alt}"', 'titel = "Von Hand umbenannt"'),
                     encoding="utf-8")
    git(repo, "commit", "-qam", "Titel angepasst")
    (neuester, *_) = json.loads(cli("verlauf", "SA-02", "--format", "json",
                                    "--store", str(repo / "ziele")).out)
    assert neuester["betreff"] == "Titel angepasst"
    assert neuester["aenderungen"] == [{"feld": "titel", "titel": "Titel", "alt": alt,
                                        "neu": "Von Hand umbenannt"}]


def test_rueckgaengig_verweigert_geteilten_commit_ohne_erzwingen(cli, repo: Path,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    store = str(repo / "ziele")
    remote = tmp_path / "gemeinsam.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(repo, "remote", "add", "origin", str(remote))
    assert cli("status", "SA-02", "umgesetzt", "--store", store).code == 0
    git(repo, "push", "-q", "origin", "main")
    vorher = kopf(repo)
    ergebnis = cli("rueckgaengig", "--ja", "--store", store)
    assert ergebnis.code == 3 and "schon im gemeinsamen Repository" in ergebnis.err
    assert kopf(repo) == vorher
    assert cli("rueckgaengig", "--ja", "--erzwingen", "--store", store).code == 0
    assert git(repo, "log", "-1", "--format=%s").startswith("Rückgängig:")


def test_verlauf_haelt_commit_graph_mit_bloom_filtern_aktuell(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("verlauf", "SA-02", "--store", str(repo / "ziele")).code == 0
    graph = repo / ".git" / "objects" / "info"
    assert (graph / "commit-graphs").is_dir() or (graph / "commit-graph").is_file()
    assert (repo / ".git" / "strategie-commit-graph").read_text().strip() == kopf(repo)


def test_messwert_unendlich_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = kopf(repo)
    for wert in ("inf", "1e400", "nan"):
        ergebnis = cli("messwert", "SA-01", "1", "2026-01-01", wert, "--store", str(repo / "ziele"))
        assert ergebnis.code == 3 and "keine endliche Zahl" in ergebnis.err, ergebnis.err
        assert "Bitte melden" not in ergebnis.err
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""


def test_kommentar_mit_trailer_woertern_erscheint_im_verlauf(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    assert cli("status", "SA-07", "zurückgestellt", "-m", "Ziel: verschoben auf 2027",
               "--store", store).code == 0
    (neuester, *_) = json.loads(cli("verlauf", "SA-07", "--format", "json", "--store", store).out)
    assert neuester["kommentar"] == "Ziel: verschoben auf 2027"
    assert ("Ziel", "SA-07") in trailer(repo)


def test_doppelte_ids_werden_einmal_geaendert(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = _ziel(repo, "AGV-01")["ampel"]
    ergebnis = cli("setze", "AGV-01", "agv-01", " AGV-01", "ampel", "grau", "-m", "Neubewertung",
                   "--store", str(repo / "ziele"))  # one goal: no confirmation needed
    assert ergebnis.code == 0, ergebnis.err
    assert git(repo, "log", "-1", "--format=%s").strip() == f"AGV-01: Ampel {vorher} → grau"
    assert git(repo, "log", "-1", "--format=%b").count("AGV-01") == 1
    assert trailer(repo) == [("Ziel", "AGV-01"), ("Feld", "ampel"), ("Alt", vorher),
                             ("Neu", "grau")]


def test_verlauf_als_markdown_mit_titel(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    assert cli("status", "SA-06", "umgesetzt", "-m", "Abgeschlossen", "--store", store).code == 0
    titel = _ziel(repo, "SA-06")["titel"]
    ergebnis = cli("verlauf", "SA-06", "--format", "markdown", "--store", store)
    assert ergebnis.code == 0, ergebnis.err
    zeilen = ergebnis.out.splitlines()
    assert zeilen[0] == "# Verlauf SA-06"
    (kopfzeile,) = [z for z in zeilen if z.startswith("## ")]
    assert kopfzeile.startswith("## SA-06 – ") and kopfzeile.rstrip() != "## SA-06 –"
    assert titel.split()[0] in kopfzeile
    assert "Abgeschlossen" in ergebnis.out and "→ umgesetzt" in ergebnis.out
