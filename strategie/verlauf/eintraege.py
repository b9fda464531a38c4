"""History from file contents: a goal's Verlauf and the Änderungen of a period, field by field."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategie.git.commitgraph import halte_graph_aktuell
from strategie.git.objekte import LEERER_BLOB, Logeintrag, lies_blobs, lies_log, loese_auf
from strategie.git.repo import GitRepo
from strategie.git.trailer import kommentar_aus
from strategie.modell.befund import StrategieFehler
from strategie.modell.vergleich import Feldaenderung, vergleiche
from strategie.modell.werte import normalisiere_id
from strategie.speicher.ablage import (
    datei_des_ziels,
    im_speicher,
    ist_zieldatei_im_repo,
    pfadangabe_in_allen_ordnern,
    vermutete_datei,
)
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.toml.lesen import lies_toml


@dataclass(frozen=True)
class Verlaufseintrag:
    """What one commit did to one goal file."""

    commit: str
    datum: dt.datetime
    autor: str
    email: str
    betreff: str
    kommentar: str
    """The commit message's body without the machine-readable trailers."""
    ziel_id: str
    datei: str
    """The goal file, relative to the store."""
    art: str
    """'angelegt', 'geändert', 'gelöscht', 'ungültig' (the file did not parse) or
    'repariert' (it parses again)."""
    aenderungen: tuple[Feldaenderung, ...]
    """The changed fields ('geändert' only; the other kinds have none, see ``ART_TEXT``)."""

    @property
    def kurz(self) -> str:
        """Short commit id."""
        return self.commit[:8]


ART_TEXT = {"angelegt": "Ziel angelegt", "gelöscht": "Datei gelöscht",
            "ungültig": "Datei in diesem Stand ungültig (kein gültiges TOML)",
            "repariert": "Datei wieder gültig (vorher kein gültiges TOML)"}
"""What an entry of a kind other than 'geändert' did to the file, in one German phrase."""


def _lies_versionen(repo: GitRepo, eintraege: Sequence[Logeintrag]) -> dict[str, Any]:
    ids = [i for e in eintraege for _, alt, neu in e.dateien for i in (alt, neu)]
    versionen: dict[str, Any] = {}
    for objekt_id, roh in lies_blobs(repo, ids).items():
        try:
            versionen[objekt_id] = lies_toml(roh.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            versionen[objekt_id] = None
    return versionen


def _eintrag(log: Logeintrag, datei: str, alt_id: str, neu_id: str, praefix: str,
             versionen: dict[str, Any]) -> Verlaufseintrag:
    alt = versionen.get(alt_id) if alt_id != LEERER_BLOB else None
    neu = versionen.get(neu_id) if neu_id != LEERER_BLOB else None
    if alt_id == LEERER_BLOB:
        art = "angelegt"
    elif neu_id == LEERER_BLOB:
        art = "gelöscht"
    elif neu is None:
        art = "ungültig"
    elif alt is None:
        art = "repariert"  # the file was invalid before: a field comparison would be made up
    else:
        art = "geändert"
    betreff, kommentar = kommentar_aus(log.nachricht)
    aenderungen = tuple(vergleiche(alt, neu)) if art == "geändert" else ()
    return Verlaufseintrag(log.commit, log.datum, log.autor, log.email, betreff, kommentar,
                           Path(datei).stem, im_speicher(datei, praefix), art, aenderungen)


def verlauf(verzeichnis: Path, ziel_id: str) -> list[Verlaufseintrag]:
    """Every commit that touched the goal's file, newest first, with field-level changes."""
    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        halte_graph_aktuell(repo)
        praefix = repo.praefix(verzeichnis)
        ziel_id = normalisiere_id(ziel_id)
        vermutet = vermutete_datei(verzeichnis, ziel_id)
        try:  # the usual folder first: no need to parse the frame
            pfad = vermutet if vermutet.is_file() else datei_des_ziels(
                verzeichnis, lade_rahmen(verzeichnis), ziel_id)
            pfadangabe = repo.relativ(pfad)
        except StrategieFehler:  # deleted since: look in every Amt folder
            pfadangabe = pfadangabe_in_allen_ordnern(praefix, ziel_id)
        log = lies_log(repo, "--", pfadangabe)
        if not log:
            raise StrategieFehler(f"Zu {ziel_id} gibt es keine Commits (noch nie eingecheckt?).")
        versionen = _lies_versionen(repo, log)
    return [_eintrag(e, datei, alt, neu, praefix, versionen)
            for e in log for datei, alt, neu in e.dateien]


def _ist_datum(angabe: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}", angabe.strip()))


def aenderungen(verzeichnis: Path, seit: str, bis: str | None = None) -> list[Verlaufseintrag]:
    """All goal changes after *seit* up to *bis* (dates or revisions), newest first."""
    from strategie.modell.werte import datum_aus_text

    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        halte_graph_aktuell(repo)
        praefix = repo.praefix(verzeichnis)
        bereich: list[str] = []
        if _ist_datum(seit):
            bereich.append(f"--since={datum_aus_text(seit).isoformat()} 00:00:00")
        if bis and _ist_datum(bis):
            bereich.append(f"--until={datum_aus_text(bis).isoformat()} 23:59:59")
        anfang = None if _ist_datum(seit) else loese_auf(repo, seit)
        ende = "HEAD" if not bis or _ist_datum(bis) else loese_auf(repo, bis)
        bereich.append(f"{anfang}..{ende}" if anfang else ende)
        log = lies_log(repo, *bereich, "--", praefix or ".")
        log = [e for e in log if any(ist_zieldatei_im_repo(d, praefix) for d, _, _ in e.dateien)]
        versionen = _lies_versionen(repo, log)
    return [_eintrag(e, datei, alt, neu, praefix, versionen)
            for e in log for datei, alt, neu in e.dateien if ist_zieldatei_im_repo(datei, praefix)]


def nach_ziel(eintraege: Sequence[Verlaufseintrag]) -> dict[str, list[Verlaufseintrag]]:
    """Entries grouped by goal id, goals sorted by id, each group newest first."""
    gruppen: dict[str, list[Verlaufseintrag]] = {}
    for eintrag in eintraege:
        gruppen.setdefault(eintrag.ziel_id, []).append(eintrag)
    return dict(sorted(gruppen.items()))


def commit_anzeige(verzeichnis: Path, commit: str, datei: str | None = None) -> str:
    """The full commit as `git show` prints it (message, stat and diff), for reading."""
    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        pfade = ["--", str(repo.relativ(verzeichnis / datei))] if datei else []
        roh = repo.lies_bytes("-c", "core.quotePath=false", "show", "--stat", "--patch",
                              "--format=fuller", commit, *pfade)
    return roh.decode("utf-8", "replace")
