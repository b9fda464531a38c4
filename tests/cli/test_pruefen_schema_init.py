"""'pruefen', 'schema' and 'init' end to end on real files and real git repositories."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import BEISPIEL, PROJEKT, git


def _als_json(datei: Path) -> object:
    return json.loads(json.dumps(tomllib.loads(datei.read_text(encoding="utf-8")), default=str))


def test_pruefen_beispielspeicher_ist_sauber(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("pruefen", str(BEISPIEL))
    assert ergebnis.code == 0, ergebnis.out
    # no Befund; the three Hinweise on goals without Haushalt figures are listed on their own
    zeilen = ergebnis.out.splitlines()
    assert len(zeilen) == 3 and all(": Hinweis: " in z for z in zeilen)
    assert "46 Ziele fehlerfrei; 3 Hinweise" in ergebnis.err


def test_rahmen_sagt_dass_die_texte_beispiele_sind() -> None:
    rahmen = tomllib.loads((BEISPIEL / "strategie.toml").read_text(encoding="utf-8"))
    assert "Veranschaulichung" in rahmen["hinweis"]
    assert "nicht der beschlossene Wortlaut" in rahmen["hinweis"]


def test_schema_validiert_alle_beispielziele_und_lehnt_fehler_ab(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("schema", "--store", str(BEISPIEL))
    schema = json.loads(ergebnis.out)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    dateien = sorted(BEISPIEL.glob("*/*.toml"))
    assert len(dateien) == 46
    for datei in dateien:
        assert list(validator.iter_errors(_als_json(datei))) == [], datei.name
    ziel = _als_json(dateien[0])
    assert isinstance(ziel, dict)
    for feld, falsch in (("ampel", "orange"), ("handlungsfeld", 5), ("status", "fertig"),
                         ("unbekannt", 1)):
        kaputt = {**ziel, feld: falsch}
        assert list(validator.iter_errors(kaputt)), feld
    ohne_begruendung = {k: v for k, v in ziel.items() if k != "status_begruendung"}
    assert list(validator.iter_errors({**ohne_begruendung, "status": "entfallen"}))


def test_mitgeliefertes_schema_ist_aktuell(cli) -> None:  # type: ignore[no-untyped-def]
    ergebnis = cli("schema", "--store", str(BEISPIEL))
    gespeichert = (PROJEKT / "schema" / "ziel.schema.json").read_text(encoding="utf-8")
    assert json.loads(gespeichert) == json.loads(ergebnis.out), (
        "schema/ziel.schema.json neu erzeugen: strategie schema > schema/ziel.schema.json")


def test_init_legt_leeren_speicher_mit_erstem_commit_an(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ziel = tmp_path / "neu"
    ergebnis = cli("init", str(ziel))
    assert ergebnis.code == 0, ergebnis.err
    assert git(ziel, "log", "--format=%s").strip() == "Zielspeicher angelegt"
    assert git(ziel, "status", "--porcelain") == ""
    rahmen = tomllib.loads((ziel / "strategie.toml").read_text(encoding="utf-8"))
    assert "hinweis" not in rahmen and len(rahmen["aemter"]) == 6
    assert cli("pruefen", str(ziel)).code == 0


def test_init_mit_beispielen(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ziel = tmp_path / "beispiel"
    assert cli("init", str(ziel), "--beispiel").code == 0
    dateien = git(ziel, "ls-files").split()
    assert len(dateien) == 48 and ".gitattributes" in dateien  # 46 goals, frame, attributes
    assert "*/*.toml merge=strategie" in (ziel / ".gitattributes").read_text(encoding="utf-8")
    assert "merge-treiber %O %A %B %L %P" in git(ziel, "config", "merge.strategie.driver")
    assert len(json.loads(cli("liste", "--format", "json", "--store", str(ziel)).out)) == 46
    assert "Erika Mustermann" in git(ziel, "log", "--format=%an")


def test_init_verweigert_nicht_leeren_ordner(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "voll").mkdir()
    (tmp_path / "voll" / "notiz.txt").write_text("meins", encoding="utf-8")
    ergebnis = cli("init", str(tmp_path / "voll"))
    assert ergebnis.code == 3 and "nicht leer" in ergebnis.err
    assert [p.name for p in (tmp_path / "voll").iterdir()] == ["notiz.txt"]


def test_init_ohne_git_identitaet_sagt_wie_und_hinterlaesst_nichts(  # type: ignore[no-untyped-def]
        cli, tmp_path, git_umgebung: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_umgebung.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.gitconfig either
    ergebnis = cli("init", str(tmp_path / "neu"))
    assert ergebnis.code == 3
    assert "Keine git-Identität" in ergebnis.err and "git config --global user.name" in ergebnis.err
    assert not (tmp_path / "neu").exists()


def test_init_auf_datei_oder_unmoeglichem_ort_sagt_es_deutsch(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    datei = tmp_path / "eine_datei"
    datei.write_text("bleibt\n", encoding="utf-8")
    ergebnis = cli("init", str(datei))
    assert ergebnis.code == 3 and "ist eine Datei, kein Ordner" in ergebnis.err, ergebnis.err
    assert datei.read_text(encoding="utf-8") == "bleibt\n"
    unter_datei = cli("init", str(datei / "neu"))
    assert unter_datei.code == 3 and "ließ sich nicht anlegen" in unter_datei.err
    proc = cli("init", "/proc/strategie-test/neu")
    assert proc.code == 3 and "ließ sich nicht anlegen" in proc.err, proc.err
    assert "Traceback" not in ergebnis.err + unter_datei.err + proc.err


def test_init_mit_store_option(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ziel = tmp_path / "a" / "b"
    ergebnis = cli("init", "--store", str(ziel))
    assert ergebnis.code == 0, ergebnis.err
    assert (ziel / "strategie.toml").is_file() and git(ziel, "rev-list", "--count", "HEAD") == "1\n"
    assert cli("init", str(tmp_path / "x"), "--store", str(tmp_path / "y")).code == 3
    assert cli("init").code == 3


def test_init_raeumt_angelegte_elternordner_wieder_weg(cli, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "leer"))
    ergebnis = cli("init", str(tmp_path / "neu" / "tiefer"))
    assert ergebnis.code == 3 and "git-Identität" in ergebnis.err
    assert not (tmp_path / "neu").exists()
