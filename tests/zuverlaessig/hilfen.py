"""Shared helpers of the reliability tests: real stores, real strategie processes, the state
of file, index and HEAD."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import git

SA01 = "ziele/sa/SA-01.toml"
SA02 = "ziele/sa/SA-02.toml"


@dataclass(frozen=True)
class Zustand:
    """What must be exactly as before (or exactly the intended commit) after a failure."""

    kopf: str
    index: str
    dateien: dict[str, bytes | None]


def zustand(repo: Path, *dateien: str) -> Zustand:
    inhalte: dict[str, bytes | None] = {}
    for datei in dateien:
        pfad = repo / datei
        inhalte[datei] = pfad.read_bytes() if pfad.exists() else None
    return Zustand(git(repo, "rev-parse", "HEAD").strip(), git(repo, "ls-files", "-s"), inhalte)


def strategie(repo: Path, *argumente: str, **optionen: object) -> subprocess.CompletedProcess:
    """Run the real ``strategie`` command line in a process of its own."""
    return subprocess.run([sys.executable, "-m", "strategie", "--store", str(repo / "ziele"),
                           *argumente], capture_output=True, text=True, env=umgebung(),
                          timeout=120, **optionen)  # type: ignore[call-overload]


def umgebung() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def reste(repo: Path) -> list[str]:
    """Debris the edit path must never leave: temp files, journal, git's lock files."""
    funde = [p.relative_to(repo).as_posix() for p in (repo / "ziele").rglob(".*.neu")]
    funde += [p.relative_to(repo).as_posix() for p in (repo / ".git").rglob("*.lock")]
    if (repo / ".git" / "strategie" / "journal.json").exists():
        funde.append(".git/strategie/journal.json")
    return funde
