"""The app shell opens on a store and shows its goals (the full app is tested in tests/tui)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.conftest import BEISPIEL
from tui.app import StrategieApp


async def test_app_zeigt_die_ziele_des_speichers() -> None:
    app = StrategieApp(BEISPIEL)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tabelle = app.query_one(DataTable)
        assert tabelle.row_count == len(list(Path(BEISPIEL).glob("*/*.toml")))
        await pilot.press("q")
    assert app.return_code == 0
