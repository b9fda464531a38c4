"""A store with a history: the example goals on 19.06.2026, two changes in September/October."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strategie.bearbeiten import aendere
from strategie.operationen import Setze, Zielaenderung
from tests.conftest import BEISPIEL, git


def _am(monkeypatch: pytest.MonkeyPatch, zeitpunkt: str) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", zeitpunkt)
    monkeypatch.setenv("GIT_COMMITTER_DATE", zeitpunkt)


@pytest.fixture
def verlauf_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Example store committed 19.06.2026; 01.09.2026 DEZ-01 umgesetzt/grün; 01.10.2026 AMI-01
    rot. Returns the store folder (``…/repo/ziele``)."""
    wurzel = tmp_path / "repo"
    wurzel.mkdir()
    git(wurzel, "init", "-q", "-b", "main")
    shutil.copytree(BEISPIEL, wurzel / "ziele")
    _am(monkeypatch, "2026-06-19T10:00:00+02:00")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Beispielspeicher übernommen")
    speicher = wurzel / "ziele"
    _am(monkeypatch, "2026-09-01T09:00:00+02:00")
    aendere(speicher, [Zielaenderung("DEZ-01", (Setze("status", "umgesetzt"),
                                                Setze("ampel", "grün")))],
            "Controllingbericht beschlossen.")
    _am(monkeypatch, "2026-10-01T09:00:00+02:00")
    aendere(speicher, [Zielaenderung("AMI-01", (Setze("ampel", "rot"),))],
            "Träger der Integrationsmanagements kündigt zum Jahresende.")
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    return speicher
