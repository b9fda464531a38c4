"""The app driven by Pilot on a real git repository: every feature, checked by commit and screen."""

from __future__ import annotations

import io
import shutil
import tomllib
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, OptionList, Static, TextArea

from tests.conftest import BEISPIEL, git, kopf, trailer
from tests.tui.conftest import HEUTE, neue_app, warte
from tui.app import StrategieApp
from tui.screens.befunde import BefundeScreen
from tui.screens.dialoge import WertDialog
from tui.screens.haupt import MainScreen
from tui.screens.uebersicht import UebersichtScreen
from tui.screens.verlauf import CommitScreen, VerlaufScreen
from tui.widgets.zielliste import ZielListe


def _ziel(repo: Path, ziel_id: str) -> dict:
    ordner = ziel_id.split("-")[0].lower()
    return tomllib.loads((repo / "ziele" / ordner / f"{ziel_id}.toml").read_text("utf-8"))


def inhalt(widget: Static) -> str:
    """The plain text a Static shows (its content rendered by Rich, 200 columns wide)."""
    konsole = Console(width=200, file=io.StringIO(), color_system=None)
    konsole.print(widget.content)
    return konsole.file.getvalue()  # type: ignore[attr-defined]


def _text(app: StrategieApp, selektor: str) -> str:
    return inhalt(app.screen.query_one(selektor, Static))


async def _gehe_zu(pilot, ziel_id: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.gehe_zu(ziel_id)
    await pilot.pause()


async def test_start_zeigt_liste_und_detail(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        liste = app.query_one(ZielListe)
        assert len(liste.ziele) == 46
        assert liste.markiertes is not None and liste.markiertes.id == "SA-01"
        assert "Häusliche Versorgung Älterer" in _text(app, "#detailinhalt")
        assert "46 von 46 Zielen" in _text(app, "#filteranzeige")
        assert not app.query_one("#banner").display


async def test_statuswechsel_in_vier_tasten_ist_ein_commit(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    vorher = kopf(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        alt = _ziel(fester_repo, "SA-01")["status"]
        await pilot.press("s")  # 1: dialog with the frame's values, the current one marked
        assert isinstance(app.screen, WertDialog)
        await pilot.press("down", "enter", "enter")  # 2-4: next value, choose, save
        await warte(pilot)
        assert not isinstance(app.screen, WertDialog)
        neu = _ziel(fester_repo, "SA-01")["status"]
        assert neu != alt
        assert git(fester_repo, "rev-list", "--count", f"{vorher}..HEAD").strip() == "1"
        assert git(fester_repo, "show", "--format=", "--name-only", "HEAD").split() == [
            "ziele/sa/SA-01.toml"]
        assert git(fester_repo, "log", "-1", "--format=%s").strip() == (
            f"SA-01: Umsetzungsstand {alt} → {neu}")
        assert ("Feld", "status") in trailer(fester_repo)
        assert app.query_one(ZielListe).markiertes.status == neu  # type: ignore[union-attr]
        assert app.eigene_commits[-1].commit == kopf(fester_repo)


async def test_begruendung_wird_im_dialog_verlangt(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    vorher = kopf(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await _gehe_zu(pilot, "DEZ-01")  # the first row, SA-01, is red already
        await pilot.press("a")
        dialog = app.screen
        liste = dialog.query_one(OptionList)
        liste.highlighted = [w.name for w in dialog.werte].index("rot")  # type: ignore[attr-defined]
        await pilot.press("enter", "enter")
        await warte(pilot)
        assert app.screen is dialog
        assert "verlangt eine Begründung" in inhalt(dialog.query_one("#fehler", Static))
        assert kopf(fester_repo) == vorher
        await pilot.press(*"Träger insolvent", "ctrl+s")
        await warte(pilot)
        assert app.screen is not dialog
        assert _ziel(fester_repo, "DEZ-01")["ampel_begruendung"] == "Träger insolvent"


async def test_steckbrief_bearbeiten(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("e")
        bereich = app.screen.query_one("#aktueller_stand", TextArea)
        bereich.text = "Neuer Stand: Stelle besetzt."
        await pilot.press("ctrl+s")
        await warte(pilot)
        steckbrief = _ziel(fester_repo, "SA-01")["steckbrief"]
        assert steckbrief["aktueller_stand"] == "Neuer Stand: Stelle besetzt."
        assert steckbrief["stand"] == HEUTE
        assert git(fester_repo, "log", "-1", "--format=%s").startswith(
            "SA-01: Steckbrief aktualisiert (Stand 24.11.2026)")


async def test_massnahme_status_und_neue_massnahme(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await _gehe_zu(pilot, "SA-01")
        await pilot.press("m")
        app.screen.query_one("#massnahmen", OptionList).highlighted = 3
        await pilot.press("enter")  # → status list
        app.screen.query_one("#status", OptionList).highlighted = 2  # umgesetzt
        await pilot.press("enter", *"endlich", "enter")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["massnahmen"][3]["status"] == "umgesetzt"
        assert ("Feld", "massnahmen.4.status") in trailer(fester_repo)

        await pilot.press("m", "n", *"Kurzzeitpflege ausbauen", "enter", *"31.03.2027")
        await pilot.press("ctrl+s")
        await warte(pilot)
        neu = _ziel(fester_repo, "SA-01")["massnahmen"][-1]
        assert neu["titel"] == "Kurzzeitpflege ausbauen" and neu["status"] == "offen"
        assert str(neu["termin"]) == "2027-03-31"


async def test_messwert_erfassen(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await _gehe_zu(pilot, "SA-01")
        anzahl = len(_ziel(fester_repo, "SA-01")["kennzahlen"][0]["messwerte"])
        await pilot.press("w", "enter", *"58,7", "ctrl+s")
        await warte(pilot)
        messwerte = _ziel(fester_repo, "SA-01")["kennzahlen"][0]["messwerte"]
        assert len(messwerte) == anzahl + 1
        assert messwerte[-1] == {"stichtag": HEUTE, "wert": 58.7}


async def test_ungueltige_eingabe_bleibt_im_dialog(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    vorher = kopf(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await _gehe_zu(pilot, "SA-01")
        await pilot.press("w", "enter", *"viel", "ctrl+s")
        await warte(pilot)
        assert '"viel" ist keine Zahl' in inhalt(app.screen.query_one("#fehler", Static))
        assert kopf(fester_repo) == vorher
        await pilot.press("escape")
        assert kopf(fester_repo) == vorher and git(fester_repo, "status", "--porcelain") == ""


async def test_filter_mit_anzahl_und_loeschen(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("f")
        aemter = app.screen.query_one("#aemter")
        assert "SA – Sozialamt (7)" in [str(o.prompt) for o in aemter._options]  # type: ignore[attr-defined]
        aemter.select("SA")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        liste = app.query_one(ZielListe)
        assert {z.amt for z in liste.ziele} == {"SA"} and len(liste.ziele) == 7
        assert "Amt: SA" in _text(app, "#filteranzeige")
        await pilot.press("x")
        assert len(liste.ziele) == 46


async def test_suche_live(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("slash", *"integrationskonzept")
        liste = app.query_one(ZielListe)
        assert liste.ziele and all("integrationskonzept" in (
            z.titel + z.wirkungsziel + z.leistungsziel + str(z.daten)).lower() for z in liste.ziele)
        assert len(liste.ziele) < 46
        await pilot.press("escape")
        assert len(liste.ziele) == 46 and app.query_one("#suche", Input).value == ""


async def test_sortieren_nach_spalte(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        kopf_widget = app.query_one("#kopf")
        x = next(a for a, _, spalte in kopf_widget._grenzen if spalte == "stand")  # type: ignore[attr-defined]
        await pilot.click("#kopf", offset=(x + 1, 0))  # the "Stand" column title
        await pilot.pause()
        liste = app.query_one(ZielListe)
        staende = [z.steckbrief.stand for z in liste.ziele if z.steckbrief]
        assert app.hauptschirm.spalte == "stand" and staende == sorted(staende)
        await pilot.press("T")
        staende = [z.steckbrief.stand for z in liste.ziele if z.steckbrief]
        assert staende == sorted(staende, reverse=True)


async def test_verlauf_und_commit_ansicht(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await _gehe_zu(pilot, "SA-01")
        await pilot.press("v")
        await warte(pilot)
        assert isinstance(app.screen, VerlaufScreen)
        eintraege = app.screen.eintraege
        assert len(eintraege) == 2 and eintraege[0].kommentar == "Stelle erneut ausgeschrieben."
        assert eintraege[0].aenderungen[0].neu == "in Vorbereitung"
        status = str(app.screen.query_one("#status").render())
        assert status.startswith("2 Änderungen · Enter"), status
        await pilot.press("enter")
        await warte(pilot)
        assert isinstance(app.screen, CommitScreen)
        diff = inhalt(app.screen.query_one("#inhalt", Static))
        assert '+status = "in Vorbereitung"' in diff
        await pilot.press("escape", "escape")
        assert app.screen is app.screen_stack[0]


async def test_uebersicht(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, UebersichtScreen)
        z = app.screen.zusammenfassung
        assert z.anzahl == 46 and z.matrix.gesamt == 46 and len(z.leuchttuerme) == 2
        arten = {h.art for a in z.auffaellig for h in a.hinweise}
        assert {"rot", "gelb", "steckbrief", "massnahme"} <= arten


async def test_rueckgaengig_mit_bestaetigung(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        alt = _ziel(fester_repo, "SA-01")["status"]
        await pilot.press("s", "down", "enter", "enter")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] != alt
        await pilot.press("u")
        await pilot.press("j")
        await warte(pilot)
        assert _ziel(fester_repo, "SA-01")["status"] == alt
        assert git(fester_repo, "log", "-1", "--format=%s").startswith("Rückgängig: SA-01")
        assert not app.eigene_commits


async def test_laedt_neu_wenn_dateien_sich_aendern(fester_repo: Path) -> None:
    app = StrategieApp(fester_repo / "ziele", heute=HEUTE, blinken=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        datei = fester_repo / "ziele" / "sa" / "SA-01.toml"
        text = datei.read_text(encoding="utf-8")
        titel = tomllib.loads(text)["titel"]
        datei.write_text(text.replace(titel, "Von außen geändert"), encoding="utf-8")
        app._pruefe_dateien()
        await warte(pilot)
        assert app.query_one(ZielListe).markiertes.titel == "Von außen geändert"  # type: ignore[union-attr]


async def test_befunde_werden_angezeigt(fester_repo: Path) -> None:
    (fester_repo / "ziele" / "sa" / "SA-09.toml").write_text('id = "SA-09"\n', encoding="utf-8")
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        assert app.query_one("#banner").display
        assert "1 Zieldatei(en) fehlerhaft" in _text(app, "#banner")
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BefundeScreen)
        text = "\n".join(app.screen._zeilen)
        assert "SA-09.toml" in text and "Pflichtfeld fehlt" in text
        assert "SA-09.toml" in app.screen.gewaehlt()  # the first Befund is under the cursor
        hinweise = app.screen.hinweise
        assert all("SA-09" not in str(h.pfad) for h in hinweise)  # Hinweise: valid goals only


async def test_nur_lesen_ohne_git(tmp_path: Path) -> None:
    ziele = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, ziele)
    app = StrategieApp(ziele, heute=HEUTE, blinken=False, dateien_beobachten=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        assert "NUR LESEN" in _text(app, "#banner") and "git-Repository" in _text(app, "#banner")
        await pilot.press("s")
        assert app.screen is app.screen_stack[0]  # no dialog in a read-only store


async def test_nur_lesen_ohne_identitaet(fester_repo: Path, git_umgebung: Path,
                                         monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    git_umgebung.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        assert "Keine git-Identität" in _text(app, "#banner")
        await pilot.press("s")
        assert not isinstance(app.screen, WertDialog)  # nothing opens; the key says why
        assert any("Nur lesen" in n.message for n in app._notifications)


async def test_abgelehnter_commit_wird_gemeldet(fester_repo: Path) -> None:
    hook = fester_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'Freigabe fehlt' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    original = (fester_repo / "ziele" / "sa" / "SA-01.toml").read_bytes()
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("s", "down", "enter", "enter")
        await warte(pilot)
        assert isinstance(app.screen, WertDialog)
        assert "Freigabe fehlt" in inhalt(app.screen.query_one("#fehler", Static))
        assert (fester_repo / "ziele" / "sa" / "SA-01.toml").read_bytes() == original


async def test_befehlspalette_gehe_zu_und_filter(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("ctrl+p", *"Gehe zu Ziel SA-03")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ZielListe).markiertes.id == "SA-03"  # type: ignore[union-attr]
        await pilot.press("ctrl+p", *"Filter: Ampel rot")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert {z.ampel for z in app.query_one(ZielListe).ziele} == {"rot"}


async def test_hilfe_listet_alle_tasten(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await warte(pilot)
        await pilot.press("question_mark")
        tabelle = inhalt(app.screen.query_one("#tasten", Static))
        for taste in ("Umsetzungsstand setzen", "Ampel setzen", "Steckbrief", "Messwert",
                      "Verlauf", "Übersicht", "rückgängig", "Befehlspalette", "beenden"):
            assert taste in tabelle
        await pilot.press(*"ampel")
        assert "Steckbrief" not in inhalt(app.screen.query_one("#tasten", Static))


async def test_jede_taste_hat_deutsche_beschreibung() -> None:
    englisch = {"Quit", "Search", "Help", "Undo", "Reload", "palette", "Sort", "Status Quo"}
    for binding in [*StrategieApp.BINDINGS, *MainScreen.BINDINGS]:
        assert binding.description and binding.description not in englisch  # type: ignore[union-attr]


async def test_uebersicht_frist_fuer_steckbriefe_einstellbar(fester_repo: Path) -> None:
    app = neue_app(fester_repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UebersichtScreen)

        def veraltet() -> int:
            return sum(h.art == "steckbrief" for a in screen.zusammenfassung.auffaellig
                       for h in a.hinweise)

        vorher, monate = veraltet(), screen.zusammenfassung.max_alter_monate
        await pilot.press("minus", "minus", "minus")
        await pilot.pause()
        assert screen.zusammenfassung.max_alter_monate == monate - 3
        assert veraltet() > vorher
        texte = "".join(inhalt(s) for s in screen.query("#uebersicht Static"))
        assert f"älter als {monate - 3} Monate" in texte  # the attention table's title


async def test_neu_laden_mit_r_und_mausklick_auf_zeile(fester_repo: Path) -> None:
    app = neue_app(fester_repo)  # without the file watcher: only 'r' can reload
    async with app.run_test(size=(120, 40)) as pilot:
        await warte(pilot)
        datei = fester_repo / "ziele" / "sa" / "SA-02.toml"
        text = datei.read_text(encoding="utf-8")
        datei.write_text(text.replace(tomllib.loads(text)["titel"], "Per Hand umbenannt"),
                         encoding="utf-8")
        await pilot.press("r")
        await warte(pilot)
        liste = app.query_one(ZielListe)
        await pilot.click(ZielListe, offset=(5, 1))  # the second row
        await pilot.pause()
        assert liste.markiertes is not None and liste.markiertes.id == "SA-02"
        assert liste.markiertes.titel == "Per Hand umbenannt"
        assert "Per Hand umbenannt" in _text(app, "#detailinhalt")


def test_befehlspalette_kennt_jede_taste() -> None:
    from tui.tasten import tasten_fuer

    for taste in tasten_fuer("haupt"):
        methode = "action_" + taste.aktion.split("(")[0]
        assert taste.aktion.startswith("app.") or callable(getattr(MainScreen, methode, None))
        assert taste.palette or taste.kennung == "haupt.fokus"


async def test_vorgeladen_zeigt_die_ziele_im_ersten_bild(fester_repo: Path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``strategie`` starts reading the store before the app runs (``vorladen``). When that
    load is not quite done as the main screen is composed, the screen waits for it (up to
    ERSTES_BILD_WARTET_S) and shows the goals in its first frame; the loading worker, which
    brings the same load, does not build the list again; a later reload works as before."""
    import threading
    from concurrent.futures import Future

    from tui.app import _lies

    app = neue_app(fester_repo)
    daten = _lies(app.verzeichnis)
    vorab: Future = Future()
    app._vorab = vorab  # as vorladen() leaves it: a load still under way
    beim_aufbau: list[int] = []
    aufbau = MainScreen.on_mount

    def aufgebaut(schirm: MainScreen) -> None:
        threading.Timer(0.03, vorab.set_result, args=(daten,)).start()  # done 30 ms later
        aufbau(schirm)
        beim_aufbau.append(len(schirm.query_one(ZielListe).ziele))

    monkeypatch.setattr(MainScreen, "on_mount", aufgebaut)
    gesetzt: list[int] = []
    async with app.run_test(size=(120, 40)) as pilot:
        assert beim_aufbau == [46]  # in the screen's first frame, before the worker's turn
        liste = app.query_one(ZielListe)
        original = liste.setze_ziele

        def zaehle(*args, **kwargs):  # type: ignore[no-untyped-def]
            gesetzt.append(len(args[0]))
            return original(*args, **kwargs)

        liste.setze_ziele = zaehle  # type: ignore[method-assign]
        await warte(pilot)
        assert gesetzt == []  # the worker brought the same load: not shown again
        assert app._signatur is not None and app._vorab is None
        datei = fester_repo / "ziele" / "sa" / "SA-01.toml"
        datei.write_text(datei.read_text("utf-8").replace('titel = "', 'titel = "Neu: ', 1),
                         "utf-8")
        app.lade()
        await warte(pilot)
        assert gesetzt == [46]
        assert liste.markiertes is not None and liste.markiertes.titel.startswith("Neu: ")
