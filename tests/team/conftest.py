"""Fixtures for the collaboration tests: a bare remote with clones, a local gitolite server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.team.gitserver import Gitolite, Team, gitolite_fehlt, lege_team_an


@pytest.fixture
def neues_team(tmp_path: Path) -> Callable[[int], Team]:
    """``neues_team(3)``: a bare remote holding the example store (one commit) and 3 clones.

    Clone i is TEAM[i]'s (Anna Berger, Bernd Kaiser, Clara Vogt …), with that author name in
    its own git config; the remote is reached as a local path, so server hooks installed with
    ``Team.hook`` run in real ``git push`` calls.
    """

    def anlegen(anzahl: int = 2) -> Team:
        return lege_team_an(tmp_path / "team", anzahl)

    return anlegen


@pytest.fixture(scope="session")
def gitolite_vorlage(tmp_path_factory: pytest.TempPathFactory) -> Gitolite | str:
    """One gitolite server per test process, set up once; tests get copies (or the reason
    why there is none)."""
    grund = gitolite_fehlt()
    if grund:
        return grund
    wurzel = tmp_path_factory.mktemp("gitolite-vorlage")
    konfig = wurzel / "gitconfig"
    konfig.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as umgebung:  # the session has no git_umgebung
        umgebung.setenv("GIT_CONFIG_GLOBAL", str(konfig))
        umgebung.setenv("GIT_CONFIG_NOSYSTEM", "1")
        server = Gitolite(wurzel / "server")
        server.einrichten(["anna", "bernd", "clara", "dirk"])
        server.fuelle_mit_beispiel()
    return server


@pytest.fixture
def gitolite(gitolite_vorlage: Gitolite | str, tmp_path: Path) -> Gitolite:
    """A gitolite server with accounts anna, bernd, clara, dirk and the repository strategie.

    strategie holds the example store (one commit, pushed by admin) and has our
    repo-specific pre-receive hook (``Gitolite.schreibe_hook`` sets its program; until then it
    accepts everything). Clones: ``gitolite.klon(pfad, TEAM[i])``.
    """
    if isinstance(gitolite_vorlage, str):
        pytest.skip(f"gitolite-Tests übersprungen: {gitolite_vorlage}")
    return gitolite_vorlage.kopie(tmp_path / "gitolite")
