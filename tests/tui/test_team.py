"""The app with a shared repository: sync in the app, the counts in the title, conflicts solved."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.team.gitserver import lege_team_an
from tests.team.werkzeug import daten, richte_team_ein, strategie
from tests.tui.conftest import HEUTE, warte
from tui.app import StrategieApp
from tui.screens.abgleich import AbgleichScreen, KonflikteScreen


async def test_abgleich_und_konflikt_in_der_app(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    team = richte_team_ein(lege_team_an(tmp_path / "team", 2))
    anna, bernd = team.klone
    assert strategie(anna, "status", "SA-03", "umgesetzt", "-m", "Regelbetrieb").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-03", "in Umsetzung", "-m", "noch nicht").code == 0
    monkeypatch.chdir(bernd.pfad)
    app = StrategieApp(bernd.speicher, heute=HEUTE, blinken=False, dateien_beobachten=False,
                       tastendatei=bernd.pfad / ".keine-tasten.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await warte(pilot)
        titel = str(app.screen.query_one("#titelzeile", Static).render())
        assert "↑ 1 nicht geteilt" in titel
        await pilot.press("p")
        await warte(pilot)
        assert isinstance(app.screen, AbgleichScreen) and app.screen.art == "konflikt"
        assert "SA-03 Umsetzungsstand" in str(app.screen.query_one("#zeilen", Static).render())
        await pilot.press("escape", "c")
        await warte(pilot)
        assert isinstance(app.screen, KonflikteScreen) and len(app.screen.offen) == 1
        await pilot.press("i")  # take theirs: Anna's value
        await warte(pilot)
        assert app.screen.offen == []
        await pilot.press("p")  # continue the sync: shares the resolution
        await warte(pilot)
        assert isinstance(app.screen, AbgleichScreen) and app.screen.art == "geteilt"
    assert daten(bernd, "SA-03")["status"] == "umgesetzt"
    assert bernd.kopf() == team.refs()["refs/heads/main"]
