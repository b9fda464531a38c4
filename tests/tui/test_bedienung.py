"""The app at 80×24 as a person uses it: layout after resizes, footer, dialogs, keys, keymap."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.cache import LRUCache
from textual.widgets import Input, Static

from tests.conftest import git, kopf
from tests.tui.conftest import neue_app, warte
from tests.tui.test_app import inhalt as text_von
from tui.screens.dialoge import Bestaetigung, WertDialog
from tui.screens.kennzahl import KennzahlDialog
from tui.screens.massnahmen import MassnahmenDialog
from tui.screens.messwert import MesswertDialog
from tui.screens.steckbrief import SteckbriefDialog
from tui.screens.uebersicht import UebersichtScreen
from tui.tasten import TASTEN
from tui.widgets.fusszeile import Fusszeile
from tui.widgets.textfeld import Textfeld
from tui.widgets.zielliste import ZielListe


def _ziel(repo: Path, ziel_id: str) -> dict:
    ordner = ziel_id.split("-")[0].lower()
    return tomllib.loads((repo / "ziele" / ordner / f"{ziel_id}.toml").read_text("utf-8"))


def _regionen(app) -> dict[str, tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    return {w.id: tuple(w.region) for w in app.screen.query("*") if w.id}  # type: ignore[misc]


def _meldungen(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _layout_nach(repo: Path, groessen: list[tuple[int, int]], dialog: str = ""
                       ) -> tuple[dict, str]:
    app = neue_app(repo)
    async with app.run_test(size=groessen[0]) as pilot:
        await warte(pilot)
        if dialog:
            await pilot.press(dialog)
            await pilot.pause()
        for groesse in groessen[1:]:
            await pilot.resize_terminal(*groesse)
            await pilot.pause()
        if dialog:
            await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        return _regionen(app), app.screen.query_one(Fusszeile).text()


@pytest.mark.parametrize("dialog", ["", "s"], ids=["direkt", "mit_offenem_dialog"])
async def test_nach_groessenwechsel_wie_frisch_gestartet(fester_repo: Path, dialog: str) -> None:
    frisch = await _layout_nach(fester_repo, [(80, 24)])
    for weg in ([(120, 40), (80, 24)], [(200, 60), (80, 24)], [(80, 24), (120, 40), (80, 24)]):
        assert await _layout_nach(fester_repo, weg, dialog) == frisch, weg
    breit = await _layout_nach(fester_repo, [(120, 40)])
    assert await _layout_nach(fester_repo, [(80, 24), (120, 40)], dialog) == breit


@pytest.mark.parametrize("breite", [80, 100, 120, 200])
async def test_fusszeile_zeigt_ganze_woerter_nach_wichtigkeit(fester_repo: Path,
                                                               breite: int) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(breite, 30)) as pilot:
        await warte(pilot)
        text = app.screen.query_one(Fusszeile).text().rstrip()
        assert len(text) <= breite
        titel = {t.kurz for t in TASTEN}
        eintraege = text.split("  ")
        assert all(e.split(" ", 1)[1] in titel for e in eintraege), eintraege
        assert eintraege[:3] == ["? Hilfe", "q Beenden", "s Status"]


async def test_dialog_zeigt_das_feld_mit_dem_fokus(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("m", "n")
        await pilot.pause()
        await pilot.pause()
        titel = app.screen.query_one("#titel", Input)
        assert isinstance(app.screen, MassnahmenDialog) and titel.has_focus
        assert titel.region.height > 0
        assert app.screen.region.contains_region(titel.region)
        await pilot.press(*"Neu")
        assert titel.value == "Neu"
        await pilot.press("escape", "e")
        await pilot.pause()
        for feld in ("stand", "kommentar"):
            app.screen.query_one(f"#{feld}").focus()
            await pilot.pause()
            await pilot.pause()
            region = app.screen.query_one(f"#{feld}").region
            assert region.height > 0 and app.screen.region.contains_region(region), feld


async def test_steckbrieftext_anhaengen_am_ende_mit_leerzeichen(fester_repo: Path) -> None:
    alt = _ziel(fester_repo, "SA-01")["steckbrief"]["aktueller_stand"]
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("e")
        await pilot.pause()
        feld = app.screen.query_one("#aktueller_stand", Textfeld)
        assert feld.has_focus and feld.cursor_location == feld.document.end
        await pilot.press("ctrl+home")
        assert feld.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert feld.cursor_location == feld.document.end
        await pilot.press(*"Neu im November.", "ctrl+s")
        await warte(pilot)
        assert not isinstance(app.screen, SteckbriefDialog)
    neu = _ziel(fester_repo, "SA-01")["steckbrief"]["aktueller_stand"]
    assert neu == alt.strip() + " Neu im November."


async def test_unveraenderter_steckbrieftext_bleibt_unveraendert(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SteckbriefDialog)
        aenderungen, _ = dialog.aenderungen()
        pfade = [o.pfad for o in aenderungen[0].operationen]  # type: ignore[attr-defined]
        assert not any(p.startswith("steckbrief.") and p != "steckbrief.stand" for p in pfade)


async def test_eigenes_speichern_meldet_keine_aenderung_von_aussen(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        alt = app._signatur
        await pilot.press("s", "down", "enter", "enter")
        app._pruefe_dateien()  # a poll that began before the app reloaded its own save
        await warte(pilot)
        app._pruefe_dateien()
        await warte(pilot)
        assert app._signatur is not None and app._signatur != alt
        assert not any("außerhalb" in m for m in _meldungen(app))
        assert any("Gespeichert" in m for m in _meldungen(app))


async def test_nur_lesen_erklaert_jede_bearbeitungstaste(fester_repo: Path, git_umgebung: Path,
                                                        monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    git_umgebung.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        banner = str(app.screen.query_one("#banner", Static).render())
        assert "Name und E-Mail fehlen" in banner
        for taste in ("s", "a", "e", "m", "w", "K", "u", "U"):
            anzahl = len(_meldungen(app))
            await pilot.press(taste)
            await pilot.pause()
            assert app.screen is app.hauptschirm, taste
            assert len(_meldungen(app)) == anzahl + 1 and "Nur lesen" in _meldungen(app)[-1]


async def test_strg_c_sagt_auf_deutsch_wie_man_beendet(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert "Beenden mit q" in _meldungen(app)[-1]


async def test_j_und_k_bewegen_w_erfasst_messwert(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        liste = app.screen.query_one(ZielListe)
        assert isinstance(liste._zeilen, LRUCache)
        await pilot.press("j", "j", "k")
        assert liste.cursor == 1
        app.gehe_zu("SA-01")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, MesswertDialog)


async def test_rueckgaengig_und_wiederholen(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        alt = _ziel(fester_repo, "SA-01")["status"]
        await pilot.press("s", "down", "enter", "enter")
        await warte(pilot)
        neu = _ziel(fester_repo, "SA-01")["status"]
        assert neu != alt
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, Bestaetigung)
        await pilot.press("j")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] == alt
        vorher = kopf(fester_repo)
        await pilot.press("U")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] == neu
        assert git(fester_repo, "rev-list", "--count", f"{vorher}..HEAD").strip() == "1"
        assert git(fester_repo, "log", "-1", "--format=%s").startswith("Wiederhergestellt: SA-01")
        await pilot.press("u", "j")  # the redone change can be undone again, and redone by ^R
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] == alt
        await pilot.press("ctrl+r")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] == neu
        await pilot.press("U")
        await pilot.pause()
        assert "Nichts zum Wiederherstellen" in _meldungen(app)[-1]


async def test_enter_in_der_uebersicht_oeffnet_das_ziel(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, UebersichtScreen)
        await pilot.press("enter")  # first Enter: into the list of goals with Handlungsbedarf
        await pilot.press("down")
        liste = app.screen.query_one("#handlungsbedarf")
        gewaehlt = liste.get_option_at_index(liste.highlighted).id  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.hauptschirm
        assert app.screen.query_one(ZielListe).markiertes.id == gewaehlt  # type: ignore[union-attr]


async def test_kennzahl_anlegen(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        app.gehe_zu("SA-02")
        anzahl = len(_ziel(fester_repo, "SA-02").get("kennzahlen", []))
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, KennzahlDialog)
        await pilot.press(*"Beratungen je Jahr", "tab", *"Anzahl")
        app.screen.query_one("#basiswert", Input).value = "120"
        app.screen.query_one("#zielwert", Input).value = "150"
        app.screen.query_one("#zieljahr", Input).value = "2028"
        await pilot.press("ctrl+s")
        await warte(pilot)
        assert app.screen is app.hauptschirm, app.screen.query_one("#fehler").render()
    kennzahlen = _ziel(fester_repo, "SA-02")["kennzahlen"]
    assert len(kennzahlen) == anzahl + 1
    assert kennzahlen[-1]["name"] == "Beratungen je Jahr" and kennzahlen[-1]["zielwert"] == 150


async def test_handaenderung_ohne_cli_option(fester_repo: Path) -> None:
    datei = fester_repo / "ziele" / "sa" / "SA-01.toml"
    datei.write_text(datei.read_text("utf-8") + "\n# von Hand\n", encoding="utf-8")
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("s", "down", "enter", "enter")
        await warte(pilot)
        assert isinstance(app.screen, WertDialog)
        text = str(app.screen.query_one("#fehler", Static).render())
        assert "Handänderungen" in text and "--mit" not in text and "einchecken" in text


async def test_gehe_zu_sagt_wenn_es_den_filter_loescht(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("slash", *"integrationskonzept", "enter")
        app.gehe_zu("SA-01")
        await pilot.pause()
        assert app.screen.query_one(ZielListe).markiertes.id == "SA-01"  # type: ignore[union-attr]
        assert "Filter und Suche gelöscht" in _meldungen(app)[-1]


async def test_fokus_zwischen_liste_und_detail_sichtbar(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        rahmen = app.screen.query_one("#detail").styles.border_top
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "detail"
        assert app.screen.query_one("#detail").styles.border_top != rahmen
        await pilot.press("tab")
        assert isinstance(app.focused, ZielListe)


async def test_eigene_tastenbelegung(fester_repo: Path, tmp_path: Path) -> None:
    datei = tmp_path / "tasten.toml"
    datei.write_text('[haupt]\nmesswert = "z"\n"unbekannt" = "y"\n', encoding="utf-8")
    app = neue_app(fester_repo, datei)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        assert any("unbekannte Kennung „haupt.unbekannt“" in m for m in _meldungen(app))
        assert "z Messwert" in app.screen.query_one(Fusszeile).text()
        app.gehe_zu("SA-01")
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, MesswertDialog)


async def test_kaputte_tastenbelegung_ist_nur_ein_hinweis(fester_repo: Path,
                                                          tmp_path: Path) -> None:
    datei = tmp_path / "tasten.toml"
    datei.write_text('messwert = "z\n', encoding="utf-8")
    app = neue_app(fester_repo, datei)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        assert any("kein gültiges TOML" in m for m in _meldungen(app))
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, MesswertDialog)


async def test_textual_texte_auf_deutsch(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        eingabe = app.screen.query_one(Input)
        assert eingabe.placeholder.startswith("Befehl, Ziel")
        await pilot.press("escape", "slash", *"gibtesnicht")
        await pilot.pause()
        await pilot.pause()
        assert "Kein Ziel passt" in str(app.screen.query_one("#detailinhalt", Static).render())


async def test_suche_zeichnet_das_detail_nur_fuer_ein_anderes_ziel(fester_repo: Path) -> None:
    """Typing a search that keeps the goal under the cursor does not draw its detail again
    (at 10,000 goals that was half of each keystroke: 93 → 42 ms, bench_app); a search that
    moves the cursor to another goal draws that one's."""
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        liste = app.screen.query_one(ZielListe)
        erstes = liste.markiertes
        assert erstes is not None
        inhalt = app.screen.query_one("#detailinhalt", Static)
        gezeichnet: list[str | None] = []
        zeichne = inhalt.update

        def mitschreiben(*args: object, **kwargs: object) -> None:
            gezeichnet.append(liste.markiertes.id if liste.markiertes else None)
            zeichne(*args, **kwargs)  # type: ignore[arg-type]

        inhalt.update = mitschreiben  # type: ignore[method-assign]
        await pilot.press("slash", *erstes.id.lower()[:3])
        await warte(pilot)
        assert liste.markiertes is erstes and gezeichnet == []
        await pilot.press("backspace", "backspace", "backspace", *"akjf-01")
        await warte(pilot)
        assert liste.markiertes is not None and liste.markiertes.id == "AKJF-01"
        assert gezeichnet == ["AKJF-01"]
        assert "AKJF-01" in text_von(inhalt)
