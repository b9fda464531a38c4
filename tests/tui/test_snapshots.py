"""SVG snapshots of the main views at 80×24 and 120×40 (fixed dates, no blinking cursor).

Update after an intended change of the look: python -m pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import neue_app, warte

GROESSEN = [(80, 24), (120, 40)]


async def _geladen(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)


async def _gefiltert(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)
    pilot.app.setze_filter("ampeln", "rot")
    await pilot.pause()


async def _status_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)
    pilot.app.gehe_zu("SA-01")
    await pilot.press("s")
    await pilot.pause()


async def _verlauf(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)
    pilot.app.gehe_zu("SA-01")
    await pilot.press("v")
    await warte(pilot)


async def _uebersicht(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)
    await pilot.press("o")
    await pilot.pause()


@pytest.mark.parametrize("groesse", GROESSEN, ids=lambda g: f"{g[0]}x{g[1]}")
@pytest.mark.parametrize("ansicht", [_geladen, _gefiltert, _status_dialog, _verlauf, _uebersicht],
                         ids=["haupt", "gefiltert", "statusdialog", "verlauf", "uebersicht"])
def test_ansicht(snap_compare, fester_repo: Path, ansicht, groesse) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(neue_app(fester_repo), terminal_size=groesse, run_before=ansicht)
