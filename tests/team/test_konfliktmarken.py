"""Conflict markers: written around just the differing lines, each side recoverable, git's own
markers (also diff3 style) found, and reported by ``strategie pruefen`` as a conflict."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from strategie.toml.konfliktmarken import erste_marke, finde_marken, mit_marken, seite
from tests.conftest import BEISPIEL, Ergebnis, git

SA03 = (BEISPIEL / "sa" / "SA-03.toml").read_text(encoding="utf-8")


def test_marken_nur_um_die_verschiedenen_zeilen_und_beide_seiten_zurueck() -> None:
    ihre = SA03.replace('status = "im Regelbetrieb"', 'status = "umgesetzt"').replace(
        "wert = 97", "wert = 98")
    text = mit_marken(SA03, ihre, "Anna Berger (1234abcd)", "Bernd Kaiser (5678ef01)")
    assert ('<<<<<<< Anna Berger (1234abcd)\nstatus = "im Regelbetrieb"\n=======\n'
            'status = "umgesetzt"\n>>>>>>> Bernd Kaiser (5678ef01)\n') in text
    assert len(text.splitlines()) == len(SA03.splitlines()) + 2 * 4
    assert seite(text, "unsere") == SA03 and seite(text, "ihre") == ihre
    bloecke = finde_marken(text)
    zeilen = SA03.splitlines()
    status = zeilen.index('status = "im Regelbetrieb"') + 1
    wert = next(i for i, z in enumerate(zeilen, 1) if z.startswith("wert = 97"))
    # a block is 5 lines for one changed line, so the second one is 4 lines further down
    assert [(b.anfang, b.ende) for b in bloecke] == [(status, status + 4),
                                                    (wert + 4, wert + 8)]
    assert {b.unsere for b in bloecke} == {"Anna Berger (1234abcd)"}
    assert erste_marke(text) == status and erste_marke(SA03) is None


def test_laengere_marken_und_diff3() -> None:
    text = ("a = 1\n<<<<<<<<<< HEAD\nb = 2\n|||||||||| Basis\nb = 0\n==========\nb = 3\n"
            ">>>>>>>>>> 5678ef01 (anderer Commit)\nc = 4\n")
    assert [(b.anfang, b.ende, b.ihre) for b in finde_marken(text)] == [
        (2, 8, "5678ef01 (anderer Commit)")]
    assert seite(text, "unsere") == "a = 1\nb = 2\nc = 4\n"
    assert seite(text, "basis") == "a = 1\nb = 0\nc = 4\n"
    assert seite(text, "ihre") == "a = 1\nb = 3\nc = 4\n"
    # seven "=" inside a text are no conflict; a stray "<<<<<<<" is (without a whole block)
    assert erste_marke('a = """\n=======\n"""\n') is None
    assert erste_marke("a = 1\n<<<<<<< HEAD\n") == 2 and finde_marken("<<<<<<< HEAD\n") == []


def test_pruefen_meldet_gits_eigene_marken_als_konflikt_mit_zeile(
        repo: Path, cli: Callable[..., Ergebnis]) -> None:
    """A merge by plain git (no merge driver): git's markers, found with file and line."""
    datei = repo / "ziele" / "sa" / "SA-03.toml"
    git(repo, "checkout", "-q", "-b", "andere")
    datei.write_text(SA03.replace('ampel = "gelb"', 'ampel = "grün"'), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "grün")
    git(repo, "checkout", "-q", "main")
    datei.write_text(SA03.replace('ampel = "gelb"', 'ampel = "rot"'), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "rot")
    gemischt = subprocess.run(["git", "-C", str(repo), "-c", "merge.conflictStyle=diff3",
                               "merge", "-q", "andere"], capture_output=True)
    assert gemischt.returncode == 1
    assert "<<<<<<< HEAD" in datei.read_text(encoding="utf-8")
    ergebnis = cli("pruefen", str(repo / "ziele"))
    assert ergebnis.code == 1
    zeile = ergebnis.out.strip().splitlines()[0]
    assert "SA-03.toml:11: Konflikt aus einer Zusammenführung" in zeile
    assert "Zeile 11–17" in zeile and "HEAD ↔ andere" in zeile
    assert "TOML-Syntaxfehler" not in ergebnis.out
