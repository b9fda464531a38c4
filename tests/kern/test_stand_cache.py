"""A past state reuses goals the parsed-goal cache already validated — with the same result."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from strategie.speicher.laden import lade_speicher
from strategie.speicher.stand import lade_stand


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
