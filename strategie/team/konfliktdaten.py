"""The conflicts of an unfinished merge as data: ``.git/strategie/konflikte.json``, written by
the merge driver per goal file (goal, fields, the values of base and both sides, who and which
commit is on each side), read by ``strategie konflikte``, the app and ``strategie loese``.

The file holding the conflict markers stays the truth: an entry whose file has no markers
and is not unmerged any more is stale (resolved by hand) and ignored by the readers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from strategie.team.zusammenfuehren import FEHLT

DATEI = "konflikte.json"
"""Below ``<gitdir>/strategie/``."""


@dataclass(frozen=True)
class Seite:
    """One side of a merge: who made the version and in which commit."""

    autor: str = ""
    commit: str = ""
    """Full commit id ('' = unknown)."""
    eigene: bool = False
    """The local controller's own side (in a rebase: the replayed local commit)."""

    @property
    def label(self) -> str:
        """How the side is named in markers and messages: 'Anna Berger (1a2b3c4d)'."""
        name = self.autor or ("eigene Fassung" if self.eigene else "andere Fassung")
        return f"{name} ({self.commit[:8]})" if self.commit else name


@dataclass(frozen=True)
class Feldkonflikt:
    """One field both sides changed differently: path and the three values (FEHLT: absent)."""

    feld: str
    """Dotted path (``status``, ``kennzahlen.1.messwerte.3.wert``); '' = the whole file."""
    basis: Any
    unser: Any
    ihr: Any
    grund: str = ""
    """Why it is a conflict when both sides alone would merge: the check that failed."""


@dataclass(frozen=True)
class Dateikonflikt:
    """The conflicts of one goal file, as the merge driver recorded them."""

    pfad: str
    """Relative to the repository (``ziele/sa/SA-03.toml``)."""
    ziel: str
    felder: tuple[Feldkonflikt, ...]
    unsere: Seite
    ihre: Seite
    vorgang: str = ""
    """The git operation ('rebase', 'merge', 'cherry-pick' …)."""
    zeit: str = field(default_factory=lambda: dt.datetime.now().astimezone().isoformat(
        timespec="seconds"))


@dataclass(frozen=True)
class Entscheidung:
    """How one conflict was resolved, kept until the resolution is committed (its message
    names both values and who chose what)."""

    ziel: str
    pfad: str
    feld: str
    unser: Any
    ihr: Any
    gewaehlt: str
    """'unsere', 'ihre' or 'wert'."""
    wert: Any
    """The value now in the file (FEHLT: removed)."""
    unsere: Seite
    ihre: Seite
    von: str
    """Who resolved it (the git identity of the clone)."""


def _kodiere(wert: Any) -> Any:
    """A TOML value as JSON that keeps its type: dates tagged, FEHLT as a marker."""
    if wert is FEHLT:
        return {"$fehlt": True}
    if isinstance(wert, dt.datetime):
        return {"$zeitpunkt": wert.isoformat()}
    if isinstance(wert, dt.date):
        return {"$datum": wert.isoformat()}
    if isinstance(wert, dt.time):
        return {"$uhrzeit": wert.isoformat()}
    if isinstance(wert, dict):
        return {"$tabelle": {k: _kodiere(v) for k, v in wert.items()}}
    if isinstance(wert, list):
        return [_kodiere(v) for v in wert]
    if isinstance(wert, float) and (wert != wert or wert in (float("inf"), float("-inf"))):
        return {"$zahl": repr(wert)}
    return wert


def _dekodiere(wert: Any) -> Any:
    if isinstance(wert, list):
        return [_dekodiere(v) for v in wert]
    if not isinstance(wert, dict):
        return wert
    if "$fehlt" in wert:
        return FEHLT
    if "$zeitpunkt" in wert:
        return dt.datetime.fromisoformat(wert["$zeitpunkt"])
    if "$datum" in wert:
        return dt.date.fromisoformat(wert["$datum"])
    if "$uhrzeit" in wert:
        return dt.time.fromisoformat(wert["$uhrzeit"])
    if "$zahl" in wert:
        return float(wert["$zahl"])
    return {k: _dekodiere(v) for k, v in wert.get("$tabelle", {}).items()}


def datei(gitdir: Path) -> Path:
    """Where the conflict data of the work tree with this git directory lives."""
    return gitdir / "strategie" / DATEI


def _roh(gitdir: Path) -> dict[str, Any]:
    try:
        roh = json.loads(datei(gitdir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return roh if isinstance(roh, dict) else {}


def lies(gitdir: Path) -> dict[str, Dateikonflikt]:
    """The recorded conflicts by repository path (empty if none or unreadable)."""
    roh = _roh(gitdir)
    ergebnis = {}
    for pfad, eintrag in roh.get("dateien", {}).items():
        try:
            ergebnis[pfad] = Dateikonflikt(
                pfad=pfad, ziel=eintrag["ziel"],
                felder=tuple(Feldkonflikt(f["feld"], _dekodiere(f["basis"]),
                                          _dekodiere(f["unser"]), _dekodiere(f["ihr"]),
                                          f.get("grund", ""))
                             for f in eintrag["felder"]),
                unsere=Seite(**eintrag["unsere"]), ihre=Seite(**eintrag["ihre"]),
                vorgang=eintrag.get("vorgang", ""), zeit=eintrag.get("zeit", ""))
        except (KeyError, TypeError, ValueError):
            continue  # written by another version; the markers in the file still say it
    return ergebnis


def entscheidungen(gitdir: Path) -> list[Entscheidung]:
    """The resolutions made so far and not yet committed, in order."""
    ergebnis = []
    for e in _roh(gitdir).get("entscheidungen", []):
        try:
            ergebnis.append(Entscheidung(
                e["ziel"], e["pfad"], e["feld"], _dekodiere(e["unser"]), _dekodiere(e["ihr"]),
                e["gewaehlt"], _dekodiere(e["wert"]), Seite(**e["unsere"]),
                Seite(**e["ihre"]), e.get("von", "")))
        except (KeyError, TypeError, ValueError):
            continue
    return ergebnis


def _entscheidung_roh(e: Entscheidung) -> dict[str, Any]:
    return {"ziel": e.ziel, "pfad": e.pfad, "feld": e.feld, "unser": _kodiere(e.unser),
            "ihr": _kodiere(e.ihr), "gewaehlt": e.gewaehlt, "wert": _kodiere(e.wert),
            "unsere": asdict(e.unsere), "ihre": asdict(e.ihre), "von": e.von}


def vermerke_entscheidungen(gitdir: Path, neue: list[Entscheidung]) -> None:
    """Add resolutions (a field resolved again replaces its earlier entry)."""
    bisher = [e for e in entscheidungen(gitdir)
              if not any((e.pfad, e.feld) == (n.pfad, n.feld) for n in neue)]
    _schreibe(gitdir, lies(gitdir), [*bisher, *neue])


def _schreibe(gitdir: Path, eintraege: dict[str, Dateikonflikt],
              beschluesse: list[Entscheidung] | None = None) -> None:
    ziel = datei(gitdir)
    if beschluesse is None:
        beschluesse = entscheidungen(gitdir)
    if not eintraege and not beschluesse:
        ziel.unlink(missing_ok=True)
        return
    ziel.parent.mkdir(parents=True, exist_ok=True)
    daten = {"version": 1, "entscheidungen": [_entscheidung_roh(e) for e in beschluesse],
             "dateien": {
        pfad: {"ziel": k.ziel, "vorgang": k.vorgang, "zeit": k.zeit,
               "unsere": asdict(k.unsere), "ihre": asdict(k.ihre),
               "felder": [{"feld": f.feld, "basis": _kodiere(f.basis),
                           "unser": _kodiere(f.unser), "ihr": _kodiere(f.ihr),
                           **({"grund": f.grund} if f.grund else {})} for f in k.felder]}
        for pfad, k in sorted(eintraege.items())}}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=ziel.parent, delete=False,
                                     prefix=".konflikte-", suffix=".json") as tmp:
        json.dump(daten, tmp, ensure_ascii=False, indent=1)
    os.replace(tmp.name, ziel)


def vermerke(gitdir: Path, konflikt: Dateikonflikt) -> None:
    """Record (or replace) the conflicts of one file."""
    eintraege = lies(gitdir)
    eintraege[konflikt.pfad] = konflikt
    _schreibe(gitdir, eintraege)


def streiche(gitdir: Path, *pfade: str) -> None:
    """Forget the conflicts of these files (merged cleanly, or resolved)."""
    eintraege = lies(gitdir)
    if any(p in eintraege for p in pfade):
        _schreibe(gitdir, {p: k for p, k in eintraege.items() if p not in pfade})


def leere(gitdir: Path) -> None:
    """Forget all recorded conflicts and resolutions (a new merge starts, or it is done)."""
    datei(gitdir).unlink(missing_ok=True)
