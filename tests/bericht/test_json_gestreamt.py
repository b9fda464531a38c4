"""The JSON report of a large store: written piece by piece, the same text as made whole, and
built from the goals' Auszüge in the snapshot without unpickling any goal's data."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from strategie.aendern.atomar import schreibe_atomar
from strategie.ausgabe.json import bericht as json_bericht
from strategie.ausgabe.json.kodierung import als_json
from strategie.auswertung.bericht import erstelle_bericht
from strategie.modell.befund import StrategieFehler
from strategie.speicher.cache import ZielAusCache
from strategie.speicher.laden import lade_speicher
from tests.conftest import git


def _feindlich(repo: Path) -> None:
    """Control and bidi characters in a title (TOML escapes), committed: they must come out
    escaped."""
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    text = datei.read_text(encoding="utf-8")
    datei.write_text(text.replace('titel = "', 'titel = "\\u202e\\u0085\\u007f', 1),
                     encoding="utf-8")
    git(repo, "commit", "-qam", "Titel mit Steuerzeichen")
    frueher = time.time() - 60  # as if the last change were a while ago (snapshot: RUHE_S)
    for pfad in (repo / "ziele").rglob("*.toml"):
        os.utime(pfad, (frueher, frueher))


def test_gestreamt_wie_am_stueck(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _feindlich(repo)
    bericht = erstelle_bericht(lade_speicher(repo / "ziele"))
    monkeypatch.setattr(json_bericht, "EINGERUECKT_BIS", 0)  # compact, as from 2,001 goals
    monkeypatch.setattr(json_bericht, "STUECK", 500)  # many pieces
    teile = list(json_bericht.bericht_json_teile(bericht))
    am_stueck = als_json(json_bericht.bericht_daten(bericht), eingerueckt=False)
    assert len(teile) > 10
    assert b"".join(teile).decode("utf-8") == am_stueck
    assert "\\u202e" in am_stueck and "\u202e" not in am_stueck  # escaped, as always
    daten = json.loads(am_stueck)
    assert len(daten["ziele"]) == len(bericht.ziele) and daten["anzahl_ziele"] == len(bericht.ziele)


def test_bericht_entpickelt_keine_zieldaten(repo: Path) -> None:
    _feindlich(repo)
    voll = erstelle_bericht(lade_speicher(repo / "ziele", cache=False))
    lade_speicher(repo / "ziele")  # writes the snapshot
    speicher = lade_speicher(repo / "ziele")  # from the snapshot
    assert all(isinstance(z, ZielAusCache) and z._auszug for z in speicher.ziele)
    bericht = erstelle_bericht(speicher)
    text = b"".join(json_bericht.bericht_json_teile(bericht)).decode("utf-8")
    assert not [z.id for z in speicher.ziele if "daten" in z.__dict__]
    assert any(z.kennzahlen for z in speicher.ziele)  # Kennzahlen, too, from the Auszug
    assert not [z.id for z in speicher.ziele if "daten" in z.__dict__]
    ohne_zeit = {"grundlage"}
    erwartet = json.loads(json_bericht.bericht_json(voll))
    assert {k: v for k, v in json.loads(text).items() if k not in ohne_zeit} == {
        k: v for k, v in erwartet.items() if k not in ohne_zeit}


def test_atomar_schreiben_aus_stuecken_bricht_sauber_ab(tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.json"
    ziel.write_bytes(b"alt")

    def stuecke():  # type: ignore[no-untyped-def]
        yield b"[1, "
        raise StrategieFehler("Bericht konnte nicht erstellt werden")

    with pytest.raises(StrategieFehler):
        schreibe_atomar(ziel, stuecke())
    assert ziel.read_bytes() == b"alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.json"]  # no temp file
    schreibe_atomar(ziel, iter([b"[1, ", b"2]"]))
    assert ziel.read_bytes() == b"[1, 2]"
