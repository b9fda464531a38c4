"""Fixtures for the app tests: real git repositories with a copy of ziele/, fixed dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.modell.operationen import Setze, Zielaenderung
from tests.conftest import beispiel_repo
from tui.app import StrategieApp

HEUTE = dt.date(2026, 11, 24)


@pytest.fixture
def fester_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose commits have fixed dates, so commit ids and history are stable.

    Holds the example store and one status change of SA-01 made through the core; the
    working directory is the repository, so paths shown in the app are short and stable.
    """
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-06-19T10:00:00+02:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-06-19T10:00:00+02:00")
    wurzel = beispiel_repo(tmp_path / "repo")
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-10-30T09:15:00+01:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-10-30T09:15:00+01:00")
    aendere(wurzel / "ziele", [Zielaenderung("SA-01", (Setze("status", "in Vorbereitung"),))],
            "Stelle erneut ausgeschrieben.")
    monkeypatch.chdir(wurzel)
    return wurzel


def neue_app(repo: Path, tastendatei: Path | None = None) -> StrategieApp:
    """The app on the repository's store, deterministic for tests (no user keymap)."""
    return StrategieApp(repo / "ziele", heute=HEUTE, blinken=False, dateien_beobachten=False,
                        tastendatei=tastendatei or repo / ".keine-tasten.toml")


async def warte(pilot: object) -> None:
    """Let workers (loading, saving) finish and the screen settle."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
