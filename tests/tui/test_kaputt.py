"""The app on a store with each broken file of the corpus: it loads, stays usable, shows why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from strategie.modell.befund import anzeigepfad
from tests.conftest import BEISPIEL
from tests.korpus import RAHMEN_ARTEN, ZIEL_ARTEN, Art, lege_an
from tests.tui.conftest import HEUTE, warte
from tui.app import StrategieApp
from tui.screens.befunde import BefundeScreen
from tui.widgets.zielliste import ZielListe

GUELTIGE_ZIELE = 46


def _app(speicher: Path) -> StrategieApp:
    return StrategieApp(speicher, heute=HEUTE, blinken=False, dateien_beobachten=False,
                        tastendatei=speicher / ".keine-tasten.toml")


async def test_alle_kaputten_ziele_laden_und_jeder_befund_ist_waehlbar(tmp_path: Path,
                                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every broken goal file of the corpus at once (one app start, the machine is shared)."""
    speicher = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, speicher, symlinks=True)
    for art in ZIEL_ARTEN:
        lege_an(art, speicher)
    monkeypatch.chdir(tmp_path)
    app = _app(speicher)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        assert len(app.screen.query_one(ZielListe).ziele) == GUELTIGE_ZIELE
        assert "fehlerhaft" in str(app.screen.query_one("#banner", Static).render())
        await pilot.press("b")
        await warte(pilot)
        schirm = app.screen
        assert isinstance(schirm, BefundeScreen)
        liste = schirm.query_one("#befundliste", OptionList)
        for art in ZIEL_ARTEN:
            pfad = anzeigepfad(art.pfad(speicher), speicher)
            nummer = next((i for i, z in enumerate(schirm._zeilen) if z.startswith(pfad)), None)
            assert nummer is not None, art.name
            liste.highlighted = nummer
            await pilot.pause()
            assert schirm.gewaehlt().startswith(pfad), art.name
        await pilot.press("escape", "j")  # still usable: back to the list, the cursor moves
        assert app.screen is app.hauptschirm
        assert app.screen.query_one(ZielListe).cursor == 1
        await pilot.press("s")  # no git here: the key says why nothing can be saved
        await pilot.pause()
        assert "Nur lesen" in [n.message for n in app._notifications][-1]


@pytest.mark.parametrize("art", RAHMEN_ARTEN, ids=lambda a: a.name)
async def test_kaputter_rahmen_sagt_warum_und_die_app_bleibt(art: Art, tmp_path: Path,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    speicher = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, speicher, symlinks=True)
    lege_an(art, speicher)
    monkeypatch.chdir(tmp_path)
    app = _app(speicher)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        text = str(app.screen.query_one("#detailinhalt", Static).render())
        assert "lässt sich nicht laden" in text and "Lade Ziele" not in text
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is app.hauptschirm
        await pilot.press("r")
        await warte(pilot)
        assert app.is_running


async def test_vorgeladen_mit_kaputtem_rahmen_sagt_warum(tmp_path: Path,
                                                         monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The load begun before the app ran fails (a broken frame): the worker reports it the
    same way as a load of its own would."""
    speicher = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, speicher, symlinks=True)
    lege_an(RAHMEN_ARTEN[0], speicher)
    monkeypatch.chdir(tmp_path)
    app = _app(speicher)
    app.vorladen()
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        text = str(app.screen.query_one("#detailinhalt", Static).render())
        assert "lässt sich nicht laden" in text and "Lade Ziele" not in text
