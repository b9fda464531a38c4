"""The state of the clone around an edit: git operations in progress, a detached HEAD,
core.autocrlf, a staged deletion, ids that look like patterns, --ausgabe onto the store."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.aendern.rueckgaengig import rueckgaengig
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Setze, Zielaenderung
from tests.conftest import git
from tests.zuverlaessig.hilfen import SA01, SA02, strategie, zustand


def _ampel(ziel: str = "SA-01", wert: str = "gelb") -> list[Zielaenderung]:
    return [Zielaenderung(ziel, (Setze("ampel", wert),))]


def _zweig_mit_konflikt(repo: Path) -> None:
    """A branch 'andere' and main both change SA-02's ampel (by hand, line-wise)."""
    git(repo, "switch", "-q", "-c", "andere")
    datei = repo / SA02
    datei.write_text(datei.read_text(encoding="utf-8").replace('ampel = "gelb"',
                                                               'ampel = "rot"'),
                     encoding="utf-8")
    git(repo, "commit", "-q", "-am", "andere")
    git(repo, "switch", "-q", "main")
    datei.write_text(datei.read_text(encoding="utf-8").replace('ampel = "gelb"',
                                                               'ampel = "grün"'),
                     encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main")


def _scheitert(repo: Path, *argumente: str) -> None:
    subprocess.run(["git", "-C", str(repo), *argumente], capture_output=True, check=False)


@pytest.mark.parametrize(("vorgang", "hinweis"), [
    ("merge", "git merge --abort"), ("rebase", "git rebase --continue"),
    ("cherry-pick", "git cherry-pick --abort"), ("revert", "git revert --abort"),
    ("bisect", "git bisect reset")])
def test_laufender_vorgang_wird_abgelehnt(repo: Path, vorgang: str, hinweis: str) -> None:
    _zweig_mit_konflikt(repo)
    if vorgang == "merge":
        _scheitert(repo, "merge", "andere")
    elif vorgang == "rebase":
        _scheitert(repo, "rebase", "andere")
    elif vorgang == "cherry-pick":
        _scheitert(repo, "cherry-pick", "andere")
    elif vorgang == "revert":
        datei = repo / SA02  # the line 'main' changed is changed again: its revert conflicts
        datei.write_text(datei.read_text(encoding="utf-8").replace('ampel = "grün"',
                                                                   'ampel = "rot"'),
                         encoding="utf-8")
        git(repo, "commit", "-q", "-am", "weiter")
        _scheitert(repo, "revert", "--no-edit", "HEAD~1")
        assert (repo / ".git" / "REVERT_HEAD").exists()
    else:
        git(repo, "bisect", "start")
    vorher = zustand(repo, SA01)
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", _ampel(), "x")
    meldung = fehler.value.meldung
    assert "nicht abgeschlossen" in meldung and hinweis in meldung
    assert "nichts gespeichert" in meldung and "partial commit" not in meldung
    assert zustand(repo, SA01) == vorher
    lauf = strategie(repo, "setze", "SA-01", "ampel", "gelb", "-m", "x")
    assert lauf.returncode != 0 and hinweis in lauf.stderr and "Traceback" not in lauf.stderr


def test_rueckgaengig_waehrend_eines_merge(repo: Path) -> None:
    aendere(repo / "ziele", _ampel(), "x")
    _zweig_mit_konflikt(repo)
    _scheitert(repo, "merge", "andere")
    with pytest.raises(StrategieFehler, match="git merge --abort"):
        rueckgaengig(repo / "ziele", git(repo, "log", "-1", "--format=%H", "--", SA01).strip())


def test_losgeloester_head_wird_gewarnt(repo: Path) -> None:
    git(repo, "switch", "-q", "--detach")
    lauf = strategie(repo, "setze", "SA-01", "ampel", "gelb", "-m", "x")
    assert lauf.returncode == 0 and "Gespeichert" in lauf.stdout
    assert "losgelöst" in lauf.stderr and "git switch -c" in lauf.stderr


def test_autocrlf_ist_keine_handaenderung(tmp_path: Path) -> None:
    """A clone with core.autocrlf=true has CRLF files: git status is clean, so is the edit."""
    from tests.conftest import beispiel_repo

    quelle = beispiel_repo(tmp_path / "quelle")
    klon = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=true", str(quelle), str(klon)],
                   check=True)
    assert b"\r\n" in (klon / SA01).read_bytes() and git(klon, "status", "--porcelain") == ""
    ergebnis = aendere(klon / "ziele", _ampel(), "x")
    assert git(klon, "rev-parse", "HEAD").strip() == ergebnis.commit
    assert git(klon, "status", "--porcelain") == ""
    assert 'ampel = "gelb"' in git(klon, "show", f"HEAD:{SA01}")
    (klon / SA01).write_bytes((klon / SA01).read_bytes() + b"# von Hand\r\n")
    with pytest.raises(StrategieFehler, match="Handänderungen"):  # a real one still counts
        aendere(klon / "ziele", _ampel("SA-01", "rot"), "x")


def test_vorgemerktes_loeschen_wird_nicht_aufgehoben(repo: Path) -> None:
    git(repo, "rm", "-q", "--cached", SA01)
    vorher = zustand(repo, SA01)
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", _ampel(), "x")
    assert "Löschen dieser Datei ist für den nächsten Commit vorgemerkt" in fehler.value.meldung
    assert "git restore --staged" in fehler.value.meldung
    assert zustand(repo, SA01) == vorher
    assert git(repo, "status", "--porcelain", SA01).startswith("D ")


@pytest.mark.parametrize("ziel_id", ["*", "SA-0?", "SA-0[1]", "*/SA-01", "../sa/SA-01"])
def test_ids_sind_nie_muster(repo: Path, ziel_id: str) -> None:
    vorher = git(repo, "rev-parse", "HEAD")
    lauf = strategie(repo, "status", ziel_id, "umgesetzt", "-m", "x")
    assert lauf.returncode != 0 and "keine gültige Ziel-ID" in lauf.stderr
    assert git(repo, "rev-parse", "HEAD") == vorher and git(repo, "status", "--porcelain") == ""


def test_verlauf_mit_muster_id_findet_nichts(repo: Path) -> None:
    lauf = strategie(repo, "verlauf", "SA-0?")
    assert "SA-01" not in lauf.stdout and "Traceback" not in lauf.stderr


@pytest.mark.parametrize(("ziel", "text"), [
    ("ziele/sa/SA-01.toml", "eine Zieldatei"), ("ziele/strategie.toml", "die Rahmendatei"),
    (".git/bericht.html", "git-Verzeichnis"), ("ziele/../.git/config", "git-Verzeichnis")])
def test_ausgabe_ueberschreibt_den_speicher_nicht(repo: Path, ziel: str, text: str) -> None:
    vorher = {p: p.read_bytes() for p in (repo / "ziele" / "sa").glob("*.toml")}
    konfig = (repo / ".git" / "config").read_bytes()
    for befehl in (["bericht", "--format", "html"], ["jahresplanung", "2026", "--format",
                                                     "markdown"],
                   ["steckbriefe", "--format", "markdown"]):
        lauf = strategie(repo, *befehl, "--ausgabe", str(repo / ziel))
        assert lauf.returncode != 0 and text in lauf.stderr, lauf.stderr
        assert "Traceback" not in lauf.stderr
    assert {p: p.read_bytes() for p in (repo / "ziele" / "sa").glob("*.toml")} == vorher
    assert (repo / ".git" / "config").read_bytes() == konfig


def test_ausgabe_in_nicht_beschreibbares_ziel(repo: Path, tmp_path: Path) -> None:
    ordner = tmp_path / "ordner"
    ordner.mkdir()
    lauf = strategie(repo, "bericht", "--format", "html", "--ausgabe", str(ordner))
    assert lauf.returncode != 0 and "konnte nicht geschrieben werden" in lauf.stderr
    assert "Traceback" not in lauf.stderr


def test_leerer_commit_wird_klar_benannt(repo: Path) -> None:
    git(repo, "commit", "-q", "--allow-empty", "-m", "leer")
    with pytest.raises(StrategieFehler) as fehler:
        rueckgaengig(repo / "ziele", "HEAD")
    assert "ändert keine Datei (ein leerer Commit)" in fehler.value.meldung
    assert "keine Dateien" not in fehler.value.meldung
