"""Fortschreibung: 'neu' creates a goal with the next free id in one commit, 'entfallen' retires
one by a Beschluss — both through the one edit path, in real git repositories."""

from __future__ import annotations

import json
import os
import sys
import tomllib
from pathlib import Path

import pytest

from strategie.aendern.fortschreibung import lege_an, naechste_id, vorlage_text
from strategie.speicher.rahmendatei import lade_rahmen
from tests.conftest import git, kopf, trailer

PFLICHT = ["--titel", "Pflegestützpunkt im Hegau", "--handlungsfeld", "2",
           "--wirkungsziel", "Ältere Menschen im Hegau finden wohnortnah Beratung.",
           "--leistungsziel", "Das Sozialamt richtet mit den Gemeinden einen Pflegestützpunkt ein."]


def _commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def test_neu_aus_optionen_ist_ein_commit(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    speicher = repo / "ziele"
    vorher = _commits(repo)
    ergebnis = cli("neu", "SA", *PFLICHT, "--art", "proj", "--umsetzungsjahr", "2028",
                   "--raeume", "Singen", "--raeume", "übrige", "--haushaltsneutral", "nein",
                   "-m", "Antrag aus dem Sozialausschuss", "--store", str(speicher))
    assert ergebnis.code == 0, ergebnis.err
    assert "SA-08 angelegt: Pflegestützpunkt im Hegau" in ergebnis.out
    assert _commits(repo) == vorher + 1
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        "SA-08 angelegt: Pflegestützpunkt im Hegau")
    assert git(repo, "log", "-1", "--format=%b").startswith("Antrag aus dem Sozialausschuss")
    assert trailer(repo) == [("Ziel", "SA-08")]
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "ls-files", "ziele/sa/SA-08.toml").strip() == "ziele/sa/SA-08.toml"
    daten = tomllib.loads((speicher / "sa" / "SA-08.toml").read_text(encoding="utf-8"))
    assert daten == {
        "id": "SA-08", "titel": "Pflegestützpunkt im Hegau", "amt": "SA", "handlungsfeld": 2,
        "status": "nicht begonnen", "ampel": "grau",  # from the frame's [vorlage]
        "art": "Projekt", "haushaltsneutral": False, "umsetzungsjahr": 2028,
        "raeume": ["Singen", "übrige Gemeinden"],
        "wirkungsziel": "Ältere Menschen im Hegau finden wohnortnah Beratung.",
        "leistungsziel": "Das Sozialamt richtet mit den Gemeinden einen Pflegestützpunkt ein."}
    assert cli("pruefen", str(speicher)).code == 0
    verlauf = json.loads(cli("verlauf", "SA-08", "--format", "json", "--store",
                             str(speicher)).out)
    assert [e["art"] for e in verlauf] == ["angelegt"]


def test_naechste_id_zaehlt_nummern_als_zahlen_und_fuellt_keine_luecken(repo: Path) -> None:
    speicher = repo / "ziele"
    assert naechste_id(speicher, "sa") == "SA-08"
    assert naechste_id(speicher, "DEZ") == "DEZ-19"
    (speicher / "sa" / "SA-03.toml").unlink()  # a gap is not filled
    assert naechste_id(speicher, "SA") == "SA-08"
    text = (speicher / "sa" / "SA-07.toml").read_text(encoding="utf-8")
    (speicher / "sa" / "SA-10.toml").write_text(text.replace('"SA-07"', '"SA-10"'), "utf-8")
    (speicher / "sa" / "SA-9.toml").write_text(text.replace('"SA-07"', '"SA-9"'), "utf-8")
    assert naechste_id(speicher, "SA") == "SA-11"  # 10 > 9, though "SA-9" > "SA-10" as text


def test_geloeschte_id_wird_nicht_wieder_vergeben(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    speicher = repo / "ziele"
    assert cli("neu", "BE", *PFLICHT, "--store", str(speicher)).code == 0
    git(repo, "rm", "-q", "ziele/be/BE-04.toml")
    git(repo, "commit", "-q", "-m", "BE-04 gelöscht")
    assert naechste_id(speicher, "BE") == "BE-05"


def test_ungueltiges_neues_ziel_wird_nicht_angelegt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    speicher = repo / "ziele"
    vorher = kopf(repo)
    falsch = cli("neu", "SA", *PFLICHT[:2], "--handlungsfeld", "7", *PFLICHT[4:], "--store",
                 str(speicher))
    assert falsch.code == 3 and 'Handlungsfeld "7" ist unbekannt. Möglich: 1, 2, 3, 4' in falsch.err
    # checked on the edit path before the commit, as every change is
    jahr = cli("neu", "SA", *PFLICHT, "--umsetzungsjahr", "1999", "--store", str(speicher))
    assert jahr.code == 3 and "Die Änderung an SA-08 ist ungültig" in jahr.err
    assert "umsetzungsjahr: 1999 liegt außerhalb von 2000 bis 2100" in jahr.err
    amt = cli("neu", "XY", *PFLICHT, "--store", str(speicher))
    assert amt.code == 3 and 'Amt "XY" ist unbekannt' in amt.err
    assert kopf(repo) == vorher and not (speicher / "sa" / "SA-08.toml").exists()
    assert git(repo, "status", "--porcelain") == ""


def test_neu_von_stdin(cli, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import io

    speicher = repo / "ziele"
    rahmen = lade_rahmen(speicher)
    text = vorlage_text(rahmen, "AMI-06", {"titel": "Sprachmittlerpool", "handlungsfeld": 2,
                                           "wirkungsziel": "W", "leistungsziel": "L"})
    falsch = text.replace('id = "AMI-06"', 'id = "AMI-07"')
    monkeypatch.setattr(sys, "stdin", io.StringIO(falsch))
    ergebnis = cli("neu", "AMI", "--store", str(speicher))
    assert ergebnis.code == 3 and "passt nicht zum Dateinamen AMI-06.toml" in ergebnis.err
    monkeypatch.setattr(sys, "stdin", io.StringIO("# Entwurf aus der Klausur\n" + text))
    assert cli("neu", "AMI", "--store", str(speicher)).code == 0
    gespeichert = (speicher / "ami" / "AMI-06.toml").read_text(encoding="utf-8")
    assert "# Entwurf aus der Klausur" in gespeichert  # the text is the file, as given
    assert tomllib.loads(gespeichert)["titel"] == "Sprachmittlerpool"


def test_neu_im_editor(cli, repo: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\n"
        "pfad = sys.argv[1]\n"
        "text = open(pfad, encoding='utf-8').read()\n"
        "text = text.replace('handlungsfeld = 0', 'handlungsfeld = 1')\n"
        "text = text.replace('wirkungsziel = \"\"\"\\n\"\"\"', "
        "'wirkungsziel = \"\"\"Gemeinden planen mit gemeindescharfen Daten.\"\"\"')\n"
        "text = text.replace('leistungsziel = \"\"\"\\n\"\"\"', "
        "'leistungsziel = \"\"\"Ein Sozialatlas erscheint jährlich.\"\"\"\\n# bleibt')\n"
        "open(pfad, 'w', encoding='utf-8').write(text)\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    speicher = repo / "ziele"
    ergebnis = cli("neu", "DEZ", "--titel", "Sozialatlas", "--editor", "--store", str(speicher))
    assert ergebnis.code == 0, ergebnis.err
    text = (speicher / "dez" / "DEZ-19.toml").read_text(encoding="utf-8")
    assert "#:" not in text and "# bleibt" in text  # explanations gone, own comments kept
    daten = tomllib.loads(text)
    assert (daten["titel"], daten["handlungsfeld"]) == ("Sozialatlas", 1)
    assert git(repo, "log", "-1", "--format=%s").strip() == "DEZ-19 angelegt: Sozialatlas"


def test_abgelehnter_commit_hinterlaesst_keine_datei(repo: Path) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'abgelehnt' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    speicher = repo / "ziele"
    werte = {"titel": "T", "handlungsfeld": 1, "wirkungsziel": "W", "leistungsziel": "L"}
    with pytest.raises(Exception, match="abgelehnt"):
        lege_an(speicher, "SA", werte)
    assert not (speicher / "sa" / "SA-08.toml").exists()
    assert git(repo, "status", "--porcelain") == ""


def test_rueckgaengig_entfernt_das_neue_ziel(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    speicher = repo / "ziele"
    assert cli("neu", "SA", *PFLICHT, "--store", str(speicher)).code == 0
    assert cli("rueckgaengig", "--ja", "--store", str(speicher)).code == 0
    assert not (speicher / "sa" / "SA-08.toml").exists()
    assert naechste_id(speicher, "SA") == "SA-09"  # SA-08 stays used


def test_entfallen_mit_beschluss(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    speicher = repo / "ziele"
    ohne = cli("entfallen", "SA-06", "--gremium", "Kreistag", "--datum", "12.03.2027",
               "--store", str(speicher))
    assert ohne.code == 3 and "verlangt eine Begründung" in ohne.err
    ergebnis = cli("entfallen", "SA-06", "--gremium", "Kreistag", "--datum", "12.03.2027",
                   "--drucksache", "2027/012", "-m", "Wird mit dem Onlinezugangsgesetz "
                   "landesweit umgesetzt.", "--store", str(speicher))
    assert ergebnis.code == 0, ergebnis.err
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        "SA-06 entfallen (Kreistag 12.03.2027, Drucksache 2027/012)")
    daten = tomllib.loads((speicher / "sa" / "SA-06.toml").read_text(encoding="utf-8"))
    assert daten["status"] == "entfallen"
    assert daten["status_begruendung"] == "Wird mit dem Onlinezugangsgesetz landesweit umgesetzt."
    import datetime as dt

    assert daten["beschluesse"][-1] == {"gremium": "Kreistag", "datum": dt.date(2027, 3, 12),
                                        "drucksache": "2027/012", "inhalt": "Das Ziel entfällt."}
    felder = {f for z, f in trailer(repo) if z == "Feld"}
    assert felder == {"status", "status_begruendung", "beschluesse.1"}
    entfallen = json.loads(cli("liste", "--status", "entfallen", "--format", "json", "--store",
                               str(speicher)).out)
    assert "SA-06" in {z["id"] for z in entfallen}
    verlauf = json.loads(cli("verlauf", "SA-06", "--format", "json", "--store", str(speicher)).out)
    assert len(verlauf) == 2 and verlauf[0]["betreff"].startswith("SA-06 entfallen")
    assert os.path.exists(speicher / "sa" / "SA-06.toml")
