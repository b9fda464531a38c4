"""git as a plain subprocess without a repository object: for short-lived processes (the
merge driver, the server hook, sync) and for bare repositories."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from strategie.git.ordner import git_ordner
from strategie.modell.befund import StrategieFehler


class Lauf(NamedTuple):
    """A finished git command: exit code, stdout, stderr (text)."""

    code: int
    aus: str
    fehler: str
    ort: str = ""
    """Where git ran ('' where not known): relative paths in its messages are relative to it."""

    @property
    def ok(self) -> bool:
        """Exit code 0."""
        return self.code == 0

    @property
    def meldung(self) -> str:
        """What git said, stderr first: for an error message."""
        return "\n".join(t.strip() for t in (self.fehler, self.aus) if t.strip())


def git_lauf(ort: Path, *argumente: str, eingabe: str | bytes | None = None,
             umgebung: Mapping[str, str] | None = None) -> Lauf:
    """Run ``git ARGS`` in *ort* (work tree or git directory); never raises for exit codes.

    *umgebung* is added to the current environment. Output is decoded as UTF-8 (errors
    replaced); with bytes *eingabe*, stdin is passed as bytes.
    """
    env = None if umgebung is None else {**os.environ, **umgebung}
    roh = eingabe.encode("utf-8") if isinstance(eingabe, str) else eingabe
    try:
        ergebnis = subprocess.run(["git", *argumente], cwd=ort, input=roh, capture_output=True,
                                  env=env, check=False)
    except OSError as fehler:
        raise StrategieFehler(f"git lässt sich nicht starten ({fehler.strerror}); ist git "
                              "installiert?") from None
    return Lauf(ergebnis.returncode, ergebnis.stdout.decode("utf-8", "replace"),
                ergebnis.stderr.decode("utf-8", "replace"), str(ort))


def git_bytes(ort: Path, *argumente: str, eingabe: bytes | None = None) -> bytes:
    """Run a read-only git command and return its raw stdout; a German error if it fails."""
    ergebnis = subprocess.run(["git", *argumente], cwd=ort, input=eingabe, capture_output=True,
                              check=False)
    if ergebnis.returncode:
        meldung = ergebnis.stderr.decode("utf-8", "replace").strip()
        raise StrategieFehler(f"git {argumente[0]} ist fehlgeschlagen: {meldung}")
    return ergebnis.stdout


class Nackt(NamedTuple):
    """A repository read without a work tree (a bare one on the server): ``lies_bytes`` as
    ``GitRepo`` has it, for ``strategie.git.objekte``."""

    ort: Path

    def lies_bytes(self, *argumente: str, eingabe: bytes | None = None) -> bytes:
        """Run a read-only git command in the repository and return its raw stdout."""
        return git_bytes(self.ort, *argumente, eingabe=eingabe)


def git_text(ort: Path, *argumente: str, umgebung: Mapping[str, str] | None = None) -> str:
    """Run git and return its stdout; a German error with git's message if it fails."""
    lauf = git_lauf(ort, *argumente, umgebung=umgebung)
    if not lauf.ok:
        raise StrategieFehler(f"git {argumente[0]} ist fehlgeschlagen: {lauf.meldung}")
    return lauf.aus


class Orte(NamedTuple):
    """Where a work tree's repository lives: its top folder and its git directories."""

    wurzel: Path
    """The top of the work tree."""
    gitdir: Path
    """The work tree's git directory (``.git``, or ``.git/worktrees/NAME`` for a worktree)."""
    gemeinsam: Path
    """The directory shared by all worktrees (objects, refs, config)."""


def finde_orte(start: Path) -> Orte | None:
    """The repository of the work tree around *start*, found without running git; None if
    *start* is not inside a work tree."""
    ordner = git_ordner(os.fspath(start))
    return None if ordner is None else Orte(*(Path(teil) for teil in ordner))


def orte_von(start: Path) -> Orte:
    """``finde_orte``, or a German error when *start* is in no git work tree."""
    orte = finde_orte(start.resolve())
    if orte is None:
        raise StrategieFehler(f"{start} liegt in keinem git-Repository (mit Arbeitskopie).")
    return orte
