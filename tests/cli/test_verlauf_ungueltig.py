"""Verlauf across a version of a goal file that did not parse: no made-up field changes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git


def test_ungueltig_und_wieder_gueltig(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    gut = datei.read_text(encoding="utf-8")
    datei.write_text(gut.replace('id = "SA-02"', 'id = "SA-02'), encoding="utf-8")
    git(repo, "commit", "-qam", "Versehentlich kaputt gespeichert")
    datei.write_text(gut, encoding="utf-8")
    git(repo, "commit", "-qam", "Wieder repariert")
    ergebnis = cli("verlauf", "SA-02", "--store", str(repo / "ziele"), "--format", "json")
    eintraege = json.loads(ergebnis.out)
    assert [e["art"] for e in eintraege[:2]] == ["repariert", "ungültig"]
    assert eintraege[0]["aenderungen"] == [] and eintraege[1]["aenderungen"] == []
    text = cli("verlauf", "SA-02", "--store", str(repo / "ziele")).out
    assert "Datei wieder gültig" in text and "Datei in diesem Stand ungültig" in text


def test_tief_geschachtelte_fassung_im_verlauf(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    gut = datei.read_text(encoding="utf-8")
    datei.write_text(gut + "\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    git(repo, "commit", "-qam", "Eine Liste 5000 Ebenen tief")
    ergebnis = cli("verlauf", "SA-02", "--store", str(repo / "ziele"), "--format", "json")
    assert ergebnis.code == 0, ergebnis.err
    assert json.loads(ergebnis.out)[0]["art"] == "ungültig"
    datei.write_text(gut, encoding="utf-8")
    git(repo, "commit", "-qam", "Wieder repariert")
    ergebnis = cli("verlauf", "SA-02", "--store", str(repo / "ziele"))
    assert ergebnis.code == 0 and "Datei wieder gültig" in ergebnis.out
    assert "Traceback" not in ergebnis.out + ergebnis.err
