"""Reading git objects in bulk: one `ls-tree`, one `cat-file --batch`, one `git log`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from strategie.git.repo import GitRepo, KeinCommit
from strategie.modell.befund import StrategieFehler

LEERER_BLOB = "0" * 40


class Objektquelle(Protocol):
    """What reads git objects: a work tree's ``GitRepo``, or a bare repository
    (``strategie.git.befehl.Nackt``, for the server hook)."""

    def lies_bytes(self, *argumente: str, eingabe: bytes | None = None) -> bytes:
        """Run a read-only git command and return its raw stdout."""
        ...


def lies_blobs(repo: Objektquelle, ids: Iterable[str]) -> dict[str, bytes]:
    """The contents of many blobs through one `git cat-file --batch` process."""
    eindeutig = list(dict.fromkeys(i for i in ids if i and i != LEERER_BLOB))
    if not eindeutig:
        return {}
    roh = repo.lies_bytes("cat-file", "--batch", eingabe="\n".join(eindeutig).encode() + b"\n")
    inhalte: dict[str, bytes] = {}
    pos = 0
    for objekt_id in eindeutig:
        ende = roh.index(b"\n", pos)
        kopf = roh[pos:ende].split()
        pos = ende + 1
        if len(kopf) < 3 or kopf[1] == b"missing":
            continue
        groesse = int(kopf[2])
        inhalte[objekt_id] = roh[pos:pos + groesse]
        pos += groesse + 1
    return inhalte


def lies_baum(repo: Objektquelle, rev: str, praefix: str) -> dict[str, str]:
    """Path (relative to *praefix*) → blob id of every file under *praefix* at *rev*."""
    roh = repo.lies_bytes("ls-tree", "-r", "-z", "--full-tree", rev, "--", praefix or ".")
    dateien = {}
    laenge = len(praefix.rstrip("/")) + 1 if praefix else 0
    for eintrag in roh.split(b"\0"):
        if not eintrag:
            continue
        kopf, _, pfad = eintrag.partition(b"\t")
        modus, art, objekt_id = kopf.split()
        if art == b"blob" and modus != b"120000":
            dateien[pfad.decode("utf-8")[laenge:]] = objekt_id.decode()
    return dateien


def commit_zum_stand(repo: GitRepo, stichtag: dt.date, rev: str = "HEAD") -> str:
    """The last commit on or before the end of *stichtag* (committer date)."""
    ausgabe = repo.lies_bytes("rev-list", "-1", f"--before={stichtag.isoformat()} 23:59:59",
                              rev).decode().strip()
    if not ausgabe:
        raise StrategieFehler(f"Zum Stichtag {stichtag:%d.%m.%Y} gibt es noch keinen Commit.")
    return ausgabe


def loese_auf(repo: GitRepo, rev: str) -> str:
    """The full commit id of a revision (tag, branch, short id …)."""
    try:
        return repo.lies_bytes("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode(
        ).strip()
    except KeinCommit:
        raise
    except StrategieFehler:
        raise StrategieFehler(f'"{rev}" ist kein bekannter Commit, Tag oder Zweig.') from None


@dataclass(frozen=True)
class Logeintrag:
    """One commit from `git log --raw`: metadata and the changed files with their blob ids."""

    commit: str
    autor: str
    email: str
    datum: dt.datetime
    nachricht: str
    dateien: tuple[tuple[str, str, str], ...]
    """(path relative to the repository, old blob id, new blob id); zeros = absent."""
    eltern: tuple[str, ...] = ()
    """Parent commit ids: none for the first commit, two or more for a merge."""


_SATZ, _FELD = "\x1e", "\x1f"
_FORMAT = f"--format={_SATZ}%H{_FELD}%P{_FELD}%an{_FELD}%ae{_FELD}%aI{_FELD}%B{_FELD}"
_RAW = re.compile(r"^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) (\w+)\t(.+)$")


def lies_log(repo: GitRepo, *argumente: str) -> list[Logeintrag]:
    """`git log --raw` with the given revision range and options, parsed, newest first."""
    roh = repo.lies_bytes("-c", "core.quotePath=false", "log", _FORMAT, "--raw", "--no-abbrev",
                          "--no-renames", *argumente).decode("utf-8", "replace")
    eintraege = []
    for satz in roh.split(_SATZ)[1:]:
        commit, eltern, autor, email, datum, nachricht, rest = satz.split(_FELD, 6)
        dateien = []
        for zeile in rest.splitlines():
            treffer = _RAW.match(zeile)
            if treffer:
                dateien.append((treffer.group(6), treffer.group(3), treffer.group(4)))
        eintraege.append(Logeintrag(commit, autor, email, dt.datetime.fromisoformat(datum),
                                    nachricht.strip(), tuple(dateien), tuple(eltern.split())))
    return eintraege
