"""SVG snapshots of every screen and dialog at 80×24, 100×30 and 120×40, and after resizes.

Fixed dates, no blinking cursor. Update after an intended change of the look (look at a few
SVGs first): python -m pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import neue_app, warte

GROESSEN = [(80, 24), (100, 30), (120, 40)]


async def _ruhig(pilot) -> None:  # type: ignore[no-untyped-def]
    """Workers done, messages handled, nothing scheduled: the same picture on a busy machine."""
    await warte(pilot)
    for _ in range(3):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
    pilot.app.clear_notifications()  # toasts come and go with the machine's speed
    await pilot.pause()


async def _geladen(pilot) -> None:  # type: ignore[no-untyped-def]
    await _ruhig(pilot)


def _tasten(*tasten: str, ziel: str = "SA-01"):  # type: ignore[no-untyped-def]
    async def ansicht(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ruhig(pilot)  # the main screen fully painted before a dialog covers it
        pilot.app.gehe_zu(ziel)
        await _ruhig(pilot)
        await pilot.press(*tasten)
        await _ruhig(pilot)
    return ansicht


async def _gefiltert(pilot) -> None:  # type: ignore[no-untyped-def]
    await warte(pilot)
    pilot.app.setze_filter("ampeln", "rot")
    pilot.app.setze_filter("aemter", "SA")
    await _ruhig(pilot)


async def _befunde(pilot) -> None:  # type: ignore[no-untyped-def]
    await _ruhig(pilot)
    await pilot.press("b")
    await _ruhig(pilot)


ANSICHTEN = {
    "haupt": _geladen,
    "gefiltert": _gefiltert,
    "detailfokus": _tasten("enter"),
    "statusdialog": _tasten("s"),
    "ampeldialog": _tasten("a"),
    "steckbriefdialog": _tasten("e"),
    "massnahmendialog": _tasten("m"),
    "neue_massnahme": _tasten("m", "n"),
    "messwertdialog": _tasten("w"),
    "kennzahldialog": _tasten("K"),
    "filterdialog": _tasten("f"),
    "hilfe": _tasten("question_mark"),
    "verlauf": _tasten("v"),
    "uebersicht": _tasten("o"),
    "befunde": _befunde,
}


@pytest.mark.parametrize("groesse", GROESSEN, ids=lambda g: f"{g[0]}x{g[1]}")
@pytest.mark.parametrize("name", list(ANSICHTEN))
def test_ansicht(snap_compare, fester_repo: Path, name: str, groesse) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(neue_app(fester_repo), terminal_size=groesse,
                        run_before=ANSICHTEN[name])


def _verkleinert(*tasten: str):  # type: ignore[no-untyped-def]
    async def ansicht(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ruhig(pilot)
        await pilot.press(*tasten)
        await _ruhig(pilot)
        await pilot.resize_terminal(80, 24)
        await _ruhig(pilot)
    return ansicht


@pytest.mark.parametrize("tasten", [(), ("m", "n")], ids=["haupt", "neue_massnahme"])
def test_nach_verkleinern_wie_frisch(snap_compare, fester_repo: Path, tasten) -> None:  # type: ignore[no-untyped-def]
    """120×40 straight to 80×24: the SVG must equal a fresh start at 80×24 (same file)."""
    assert snap_compare(neue_app(fester_repo), terminal_size=(120, 40),
                        run_before=_verkleinert(*tasten))
