"""What users type: Unicode forms, repeated Stichtage, empty repositories, declined questions."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
import unicodedata
from pathlib import Path

from tests.cli.terminal import im_terminal
from tests.conftest import git, kopf


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _ziel(repo: Path, ziel_id: str) -> dict:
    ordner = ziel_id.split("-")[0].lower()
    return tomllib.loads((repo / "ziele" / ordner / f"{ziel_id}.toml").read_text(encoding="utf-8"))


def test_eingaben_in_nfd_werden_erkannt_und_als_nfc_gespeichert(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    assert _nfd("zurückgestellt") != "zurückgestellt"
    ergebnis = cli("status", "SA-07", _nfd("zurückgestellt"), "-m", _nfd("Kürzung"),
                   "--store", store)
    assert ergebnis.code == 0, ergebnis.err
    assert _ziel(repo, "SA-07")["status"] == "zurückgestellt"
    assert _ziel(repo, "SA-07")["status_begruendung"] == "Kürzung"
    liste = json.loads(cli("liste", "--status", _nfd("zurückgestellt"), "--format", "json",
                           "--store", store).out)
    assert "SA-07" in [z["id"] for z in liste]
    assert cli("massnahme", "SA-07", _nfd("Öffentlichkeitsarbeit"), "--store", store).code == 0
    assert _ziel(repo, "SA-07")["massnahmen"][-1]["titel"] == "Öffentlichkeitsarbeit"
    name = _ziel(repo, "SA-01")["kennzahlen"][0]["name"]
    assert cli("messwert", "SA-01", _nfd(name[:12]), "2031-12-31", "1", "--store", store).code == 0


def test_messwert_zum_selben_stichtag_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorhanden = _ziel(repo, "SA-01")["kennzahlen"][0]["messwerte"][1]
    vorher = kopf(repo)
    ergebnis = cli("messwert", "SA-01", "1", vorhanden["stichtag"].isoformat(), "99",
                   "--store", str(repo / "ziele"))
    assert ergebnis.code == 3, ergebnis.err
    assert "strategie setze SA-01 kennzahlen.1.messwerte.2.wert WERT" in ergebnis.err
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""
    assert isinstance(vorhanden["stichtag"], dt.date)


def test_repository_ohne_commit(cli, tmp_path: Path, beispiel: Path) -> None:  # type: ignore[no-untyped-def]
    git(beispiel, "init", "-q")
    for argumente in (("liste", "--stand", "2025-01-01"), ("matrix", "--rev", "HEAD"),
                      ("verlauf", "SA-01"), ("aenderungen", "--seit", "2025-01-01"),
                      ("rueckgaengig", "--ja")):
        ergebnis = cli(*argumente, "--store", str(beispiel))
        assert ergebnis.code == 3, (argumente, ergebnis)
        assert "hat noch keinen Commit" in ergebnis.err, (argumente, ergebnis.err)
        assert "fatal" not in ergebnis.err and "git -c" not in ergebnis.err


def test_abgelehnte_rueckfrage_aendert_nichts_und_endet_mit_0(repo: Path) -> None:
    store = str(repo / "ziele")
    vorher = kopf(repo)
    code, ausgabe = im_terminal(["setze", "SA-02", "SA-03", "ampel", "grau", "-m", "x",
                                 "--store", store], eingabe="n\n")
    assert code == 0, ausgabe
    assert "Geplant (2 Ziele, ein Commit)" in ausgabe and "Nichts geändert." in ausgabe
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""


def test_bestaetigte_rueckfrage_speichert(repo: Path) -> None:
    store = str(repo / "ziele")
    code, ausgabe = im_terminal(["setze", "SA-02", "SA-03", "ampel", "grau", "-m", "x",
                                 "--store", store], eingabe="j\n")
    assert code == 0, ausgabe
    assert "Speichern? [j/N]" in ausgabe and "Gespeichert" in ausgabe
    assert git(repo, "log", "-1", "--format=%s").startswith("2 Ziele: Ampel → grau")
    assert _ziel(repo, "SA-02")["ampel"] == _ziel(repo, "SA-03")["ampel"] == "grau"


def test_setze_auf_abschnitt_nennt_die_felder(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("setze", "SA-05", "steckbrief", "x", "--store", str(repo / "ziele"))
    assert ergebnis.code == 3 and "ist ein Abschnitt" in ergebnis.err
    assert "steckbrief.finanzielle_beurteilung" in ergebnis.err
    assert "Unbekanntes Feld" not in ergebnis.err
