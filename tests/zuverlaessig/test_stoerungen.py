"""Fault injection: every step of the edit path fails in turn (temp file, write, fsync,
rename, git add, git commit, the check after the commit); afterwards file, index and HEAD are
exactly as before, or exactly the intended commit."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.aendern.fortschreibung import lege_an
from strategie.aendern.rueckgaengig import rueckgaengig
from strategie.git import stoerung
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Setze, Zielaenderung
from tests.conftest import git
from tests.zuverlaessig.hilfen import SA01, SA02, reste, zustand

NEU = "ziele/sa/SA-08.toml"
DATEISCHRITTE = ("temp", "schreiben", "fsync", "umbenennen")


def _stoere(monkeypatch: pytest.MonkeyPatch, schritt: str, zaehler: int = 1) -> list[str]:
    gesehen: list[str] = []

    def fehler(name: str) -> None:
        gesehen.append(name)
        if name == schritt and gesehen.count(name) == zaehler:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(stoerung, "STOERSTELLE", fehler)
    return gesehen


def _pruefe(repo: Path, vorher: object, dateien: tuple[str, ...], ergebnis: object) -> None:
    nachher = zustand(repo, *dateien)
    if ergebnis is None:
        assert nachher == vorher
    else:  # the commit was made: exactly it, and the index agrees with HEAD
        assert git(repo, "rev-parse", "HEAD^").strip() == vorher.kopf  # type: ignore[attr-defined]
        assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == sorted(
            d for d in dateien if nachher.dateien[d] != vorher.dateien[d])  # type: ignore[attr-defined]
    assert git(repo, "status", "--porcelain") == ""
    assert reste(repo) == []


@pytest.mark.parametrize(("schritt", "zaehler"), [
    *((s, n) for s in DATEISCHRITTE for n in (1, 2)), ("git-commit", 1), ("nachpruefung", 1)])
def test_aendern(repo: Path, monkeypatch: pytest.MonkeyPatch, schritt: str,
                 zaehler: int) -> None:
    vorher = zustand(repo, SA01, SA02)
    gesehen = _stoere(monkeypatch, schritt, zaehler)
    aenderungen = [Zielaenderung("SA-01", (Setze("ampel", "gelb"),)),
                   Zielaenderung("SA-02", (Setze("ampel", "rot"),))]
    ergebnis = None
    with contextlib.suppress(StrategieFehler, OSError):
        ergebnis = aendere(repo / "ziele", aenderungen, "x")
    assert gesehen.count(schritt) >= zaehler  # the step was reached and failed
    _pruefe(repo, vorher, (SA01, SA02), ergebnis)
    assert (ergebnis is not None) == (schritt == "nachpruefung")  # only then it was saved
    monkeypatch.setattr(stoerung, "STOERSTELLE", None)
    aendere(repo / "ziele", [Zielaenderung("SA-03", (Setze("ampel", "rot"),))], "danach")


@pytest.mark.parametrize("schritt", [*DATEISCHRITTE, "git-add", "git-commit", "nachpruefung"])
def test_neues_ziel(repo: Path, monkeypatch: pytest.MonkeyPatch, schritt: str) -> None:
    vorher = zustand(repo, NEU)
    gesehen = _stoere(monkeypatch, schritt)
    ergebnis = None
    with contextlib.suppress(StrategieFehler, OSError):
        ergebnis = lege_an(repo / "ziele", "SA", {"titel": "Neu", "handlungsfeld": 1,
                                                  "wirkungsziel": "W", "leistungsziel": "L"})
    assert schritt in gesehen
    _pruefe(repo, vorher, (NEU,), ergebnis)
    assert git(repo, "ls-files", NEU).strip() == (NEU if ergebnis else "")


@pytest.mark.parametrize("schritt", ["git-revert", "git-commit", "nachpruefung"])
def test_rueckgaengig(repo: Path, monkeypatch: pytest.MonkeyPatch, schritt: str) -> None:
    aendere(repo / "ziele", [Zielaenderung("SA-01", (Setze("ampel", "gelb"),))], "x")
    vorher = zustand(repo, SA01)
    gesehen = _stoere(monkeypatch, schritt)
    ergebnis = None
    with contextlib.suppress(StrategieFehler, OSError):
        ergebnis = rueckgaengig(repo / "ziele")
    assert schritt in gesehen
    _pruefe(repo, vorher, (SA01,), ergebnis)
    assert not (repo / ".git" / "REVERT_HEAD").exists()
