"""Helpers of the collaboration tests: a team set up for strategie, the CLI as a real process,
editing goal files in a clone."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.team.gitserver import Klon, Team, lauf

STRATEGIE = (sys.executable, "-m", "strategie")


@dataclass(frozen=True)
class Lauf:
    """A finished ``strategie`` process."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def strategie(klon: Klon | Path, *args: str, env: dict[str, str] | None = None,
              eingabe: str | None = None) -> Lauf:
    """Run ``strategie ARGS`` as its own process in the clone (the test's git environment)."""
    ort = klon.pfad if isinstance(klon, Klon) else klon
    ergebnis = subprocess.run([*STRATEGIE, *args], cwd=ort, capture_output=True, text=True,
                              env={**os.environ, **(env or {})}, input=eingabe, timeout=300)
    return Lauf(ergebnis.returncode, ergebnis.stdout, ergebnis.stderr)


def richte_team_ein(team: Team) -> Team:
    """Clone 0 sets up the merge driver and shares .gitattributes; every clone takes it over
    and sets up its own git config (as each controller does once with ``strategie
    einrichten``)."""
    erster = team.klone[0]
    assert strategie(erster, "einrichten").code == 0
    erster.committe("Zusammenarbeit eingerichtet")
    assert erster.push().returncode == 0
    for klon in team.klone[1:]:
        klon.git("pull", "-q", "--ff-only")
        assert strategie(klon, "einrichten").code == 0
    return team


def datei(klon: Klon, ziel: str) -> Path:
    """The goal's file in the clone."""
    return next(klon.speicher.glob(f"*/{ziel}.toml"))


def daten(klon: Klon, ziel: str) -> dict[str, Any]:
    return tomllib.loads(datei(klon, ziel).read_text(encoding="utf-8"))


def ersetze(klon: Klon, ziel: str, alt: str, neu: str, nachricht: str = "") -> str:
    """Replace text in a goal file (as an editor would) and commit it; the commit id."""
    pfad = datei(klon, ziel)
    text = pfad.read_text(encoding="utf-8")
    assert text.count(alt) == 1, (alt, pfad)
    pfad.write_text(text.replace(alt, neu), encoding="utf-8")
    return klon.committe(nachricht or f"{ziel}: von Hand geändert")


def baum(repo: Path, rev: str = "HEAD") -> str:
    """The tree id of *rev* (two repositories with the same tree hold the same files)."""
    return lauf(repo, "rev-parse", f"{rev}^{{tree}}").stdout.strip()


REGELN = """
[zustaendigkeit]
rahmen = ["@controlling"]

[zustaendigkeit.gruppen]
controlling = ["anna"]

[zustaendigkeit.aemter.SA]
aendern = ["bernd", "@controlling"]

[zustaendigkeit.aemter.AKJF]
aendern = ["clara", "@controlling"]
anlegen = ["@controlling"]

[zustaendigkeit.konten]
bernd = "bernd.kaiser@lrakn.example"
"""
"""Zuständigkeit of the collaboration tests: Anna is the Controlling, Bernd the Sozialamt,
Clara the Jugendamt (AKJF); the other Ämter have no rule (everyone may)."""


def interpreter_fuer(uid: int) -> str:
    """A Python ≥ 3.11 the account *uid* may run (the test's own may live below /root)."""
    for kandidat in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        with contextlib.suppress(OSError):
            if subprocess.run([kandidat, "-c", "import sys; sys.exit(sys.version_info < (3, 11))"],
                              user=uid, group=uid, capture_output=True).returncode == 0:
                return kandidat
    pytest.skip("kein Python ≥ 3.11, das ein anderes Konto starten darf")


def warte_auf_git(*pids: int) -> None:
    """Until each process of *pids* runs git: Popen may return before the child's exec, and
    until then /proc names it after Python (seen under load), so a test looking for it there
    would not find it."""
    frist = time.monotonic() + 10
    for pid in pids:
        while not Path(f"/proc/{pid}/comm").read_text().startswith("git"):
            assert time.monotonic() < frist, f"Prozess {pid} startete git nicht"
            time.sleep(0.01)
