"""A past state reuses goals the parsed-goal cache already validated — with the same result."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from strategie.speicher.laden import lade_speicher
from strategie.speicher.stand import lade_stand
from tests.conftest import git


def _kurz(speicher: object) -> list[tuple[str, str, str, dict]]:
    return [(z.id, z.status, z.ampel, z.daten) for z in speicher.ziele]  # type: ignore[attr-defined]


def test_stand_mit_und_ohne_cache_gleich(verlauf_repo: Path) -> None:
    cache_ordner = verlauf_repo.parent / ".git" / "strategie"
    ohne = lade_stand(verlauf_repo, stichtag=dt.date(2026, 9, 15))
    assert not list(cache_ordner.glob("*.pickle"))  # (the write lock lives there too)
    lade_speicher(verlauf_repo)  # the working tree fills the cache
    dateien = list(cache_ordner.glob("ziele-*.pickle"))  # beside it: the snapshot (stand-*)
    assert len(dateien) == 1
    mit = lade_stand(verlauf_repo, stichtag=dt.date(2026, 9, 15))
    assert _kurz(mit) == _kurz(ohne)
    dez = next(z for z in mit.ziele if z.id == "DEZ-01")
    ami = next(z for z in mit.ziele if z.id == "AMI-01")
    assert (dez.status, ami.ampel) == ("umgesetzt", "grün")  # AMI-01 turned red only later
    assert list(cache_ordner.glob("ziele-*.pickle")) == dateien  # no extra cache file
    # the working tree still finds all of its own goals in the cache afterwards
    assert _kurz(lade_speicher(verlauf_repo)) == _kurz(lade_speicher(verlauf_repo, cache=False))
    shutil.rmtree(cache_ordner)


def test_frueherer_stand_beim_zweiten_mal_aus_seinem_schnappschuss(
        verlauf_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A past state never changes: the first load (where the working tree has a cache) keeps
    the tree's snapshot (``frueher-….pickle``), the next one of the same commit reads only it –
    with the same goals, JSON texts, Auszüge and Befunde (a broken file included) as one read
    from the git objects."""
    from strategie.speicher import stand

    kaputt = verlauf_repo / "sa" / "SA-99.toml"
    kaputt.write_text('id = "SA-99"\ntitel = \n', encoding="utf-8")
    git(verlauf_repo.parent, "add", "-A")
    git(verlauf_repo.parent, "commit", "-qm", "kaputte Datei")
    kaputt.unlink()
    git(verlauf_repo.parent, "commit", "-qam", "wieder weg")
    lade_speicher(verlauf_repo)  # the working tree's cache
    ablage = verlauf_repo.parent / ".git" / "strategie"
    erster = lade_stand(verlauf_repo, rev="HEAD~1")
    assert len(list(ablage.glob("frueher-*.pickle"))) == 1
    assert [b.pfad.name for b in erster.befunde] == ["SA-99.toml"]

    def verboten(*_: object, **__: object) -> None:
        raise AssertionError("aus den git-Objekten gelesen, obwohl der Schnappschuss reicht")

    monkeypatch.setattr(stand, "lade_aus_quellen", verboten)
    zweiter = lade_stand(verlauf_repo, rev="HEAD~1")
    monkeypatch.undo()
    shutil.rmtree(ablage)
    ohne = lade_stand(verlauf_repo, rev="HEAD~1")  # no cache, no snapshot: from the objects
    for speicher in (erster, zweiter):
        assert _kurz(speicher) == _kurz(ohne)
        assert [z.json_text() for z in speicher.ziele] == [z.json_text() for z in ohne.ziele]
        assert [z.auszug for z in speicher.ziele] == [z.auszug for z in ohne.ziele]
        assert [b.als_zeile() for b in speicher.befunde] == [b.als_zeile() for b in ohne.befunde]
        assert (speicher.quelle, speicher.commit, speicher.rahmen.roh) == (
            ohne.quelle, ohne.commit, ohne.rahmen.roh)
    assert not ablage.exists()  # without a cache of the working tree, nothing is written
