"""``strategie sync`` with a bare remote and clones, as real processes: edits to different goals
all land, different fields of one goal merge through the driver with comments kept, Messwerte
of both sides are kept, and the same field is a named conflict whose two values both survive
until it is resolved — then in one commit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.team.gitserver import Team
from tests.team.werkzeug import baum, datei, daten, ersetze, richte_team_ein, strategie

STATUS = 'status = "im Regelbetrieb"'
LETZTER_MESSWERT = "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n"


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    return richte_team_ein(neues_team(3))


def test_verschiedene_ziele_landen_alle(team: Team) -> None:
    anna, bernd, clara = team.klone
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "fertig").code == 0
    assert strategie(bernd, "setze", "AKJF-01", "ampel", "grün", "-m", "läuft").code == 0
    assert strategie(clara, "messwert", "AGV-02", "1", "2026-09-30", "42").code == 0
    ergebnisse = [strategie(k, "sync") for k in (anna, bernd, clara)]
    assert [e.code for e in ergebnisse] == [0, 0, 0], [e.text for e in ergebnisse]
    assert "1 eigene Änderung geteilt." in ergebnisse[0].out
    assert ("1 eigene Änderung geteilt, 1 Änderung von anderen übernommen: SA-01 (Anna Berger)"
            in ergebnisse[1].out)
    assert "2 Änderungen von anderen übernommen: SA-01 (Anna Berger), AKJF-01 (Bernd Kaiser)" \
        in ergebnisse[2].out
    for klon in (anna, bernd):
        assert strategie(klon, "sync").code == 0
    server = team.refs()["refs/heads/main"]
    assert {k.kopf() for k in team.klone} == {server}
    assert (daten(clara, "SA-01")["status"], daten(anna, "AKJF-01")["ampel"]) == (
        "umgesetzt", "grün")
    nichts = strategie(clara, "sync")
    assert nichts.code == 0 and "Nichts zu tun" in nichts.out


def test_verschiedene_felder_eines_ziels_mit_kommentaren(team: Team) -> None:
    anna, bernd, _ = team.klone
    ersetze(anna, "SA-03", STATUS, 'status = "umgesetzt"  # Anna: Regelbetrieb erreicht')
    assert strategie(anna, "sync").code == 0
    ersetze(bernd, "SA-03", 'verantwortlich = "Sozialamt, Referat Eingliederungshilfe"',
            'verantwortlich = "Sozialamt, Referat Eingliederungshilfe"  # Bernd: seit Mai')
    assert strategie(bernd, "setze", "SA-03", "ampel", "grün", "-m", "aufgeholt").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 0, ergebnis.text
    text = datei(bernd, "SA-03").read_text(encoding="utf-8")
    assert "# Anna: Regelbetrieb erreicht" in text and "# Bernd: seit Mai" in text
    assert (daten(bernd, "SA-03")["status"], daten(bernd, "SA-03")["ampel"]) == ("umgesetzt",
                                                                                 "grün")
    assert strategie(bernd, "pruefen").code == 0
    assert strategie(anna, "sync").code == 0
    assert baum(anna.pfad) == baum(bernd.pfad) == baum(team.bare, "main")


def test_messwerte_beider_seiten_bleiben(team: Team) -> None:
    anna, bernd, _ = team.klone
    assert strategie(anna, "messwert", "SA-03", "1", "2026-09-30", "91").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "messwert", "SA-03", "1", "2026-12-31", "88").code == 0
    ersetze(bernd, "SA-03", LETZTER_MESSWERT, LETZTER_MESSWERT.replace(
        "wert = 93\n", "wert = 93\n# Halbjahr laut Fachverfahren\n"))
    assert strategie(bernd, "sync").code == 0
    tage = [m["stichtag"].isoformat() for m in daten(bernd, "SA-03")["kennzahlen"][0]["messwerte"]]
    assert tage[-3:] == ["2026-06-30", "2026-09-30", "2026-12-31"]
    assert "# Halbjahr laut Fachverfahren" in datei(bernd, "SA-03").read_text(encoding="utf-8")


def test_gleiches_feld_ist_ein_benannter_konflikt_bis_er_geloest_ist(team: Team) -> None:
    anna, bernd, clara = team.klone
    assert strategie(anna, "status", "SA-03", "umgesetzt", "-m", "Regelbetrieb").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-03", "in Umsetzung", "-m", "noch nicht").code == 0
    eigener = bernd.kopf()
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 5, ergebnis.text
    zeile = (f"SA-03 Umsetzungsstand: Bernd Kaiser ({eigener[:8]}) „in Umsetzung“ ↔ "
             "Anna Berger (")
    assert zeile in ergebnis.out and "„umgesetzt“" in ergebnis.out
    assert "strategie loese" in ergebnis.out and "--abbrechen" in ergebnis.out
    # both values are in the working tree, the file is reported as a conflict
    text = datei(bernd, "SA-03").read_text(encoding="utf-8")
    assert 'status = "in Umsetzung"\n=======\nstatus = "umgesetzt"\n' in text
    pruefung = strategie(bernd, "pruefen")
    assert pruefung.code == 1 and "Konflikt aus einer Zusammenführung" in pruefung.out
    assert "TOML-Syntaxfehler" not in pruefung.out
    liste = strategie(bernd, "konflikte")
    assert zeile in liste.out
    # another sync does not trample it
    wieder = strategie(bernd, "sync")
    assert wieder.code == 5 and "wartet auf die Lösung von 1 Konflikt" in wieder.out
    # --pruefen says the same (HEAD is detached mid-rebase: not "auf keinem Zweig")
    for pruefen in (("sync", "--pruefen"), ("sync", "--pruefen", "--ohne-abruf")):
        stand = strategie(bernd, *pruefen)
        assert stand.code == 3 and stand.err.startswith(
            "Fehler: Der Abgleich wartet auf die Lösung von 1 Konflikt:\n"), stand.text
        assert zeile in stand.err and "strategie sync --weiter" in stand.err
        assert "Zweig" not in stand.err

    loesung = strategie(bernd, "loese", "SA-03", "status", "--ihre", "-m", "Anna hat recht")
    assert loesung.code == 0, loesung.text
    assert "eingecheckt als Commit" in loesung.out
    nachricht = bernd.git("log", "-1", "--format=%B").stdout
    assert nachricht.startswith("SA-03: Konflikt gelöst – Umsetzungsstand „umgesetzt“")
    assert "„in Umsetzung“" in nachricht and "„umgesetzt“" in nachricht
    assert "(Wert von Anna Berger), entschieden von Bernd Kaiser" in nachricht
    assert "Anna hat recht" in nachricht
    geteilt = strategie(bernd, "sync", "--weiter")
    assert geteilt.code == 0, geteilt.text
    assert strategie(bernd, "konflikte").out == ""
    assert strategie(clara, "sync").code == 0
    assert daten(clara, "SA-03")["status"] == "umgesetzt"
    assert baum(clara.pfad) == baum(bernd.pfad) == baum(team.bare, "main")
    # the rebased commit stays findable under its old id
    assert bernd.git("cat-file", "-t", eigener).stdout.strip() == "commit"
    assert eigener in (bernd.pfad / ".git" / "strategie" / "abgleiche.log").read_text()


def test_eigener_wert_loest_den_konflikt_und_abbrechen_stellt_alles_wieder_her(
        team: Team) -> None:
    anna, bernd, _ = team.klone
    assert strategie(anna, "setze", "SA-02", "ampel", "grün", "-m", "a").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "setze", "SA-02", "ampel", "grau", "-m", "b").code == 0
    vorher = bernd.kopf()
    assert strategie(bernd, "sync").code == 5
    abbruch = strategie(bernd, "sync", "--abbrechen")
    assert abbruch.code == 0 and "wie vor dem Abgleich" in abbruch.out
    assert bernd.kopf() == vorher and "<<<<<<<" not in datei(bernd, "SA-02").read_text()
    assert strategie(bernd, "sync").code == 5
    loesung = strategie(bernd, "loese", "SA-02", "ampel", "--wert", "gelb")
    assert loesung.code == 0, loesung.text
    assert strategie(bernd, "sync").code == 0
    assert daten(anna, "SA-02")["ampel"] == "grün"
    assert strategie(anna, "sync").code == 0 and daten(anna, "SA-02")["ampel"] == "gelb"


def test_pruefen_zeigt_die_zahlen_ohne_etwas_zu_aendern(team: Team) -> None:
    anna, bernd, _ = team.klone
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "x").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-05", "umgesetzt", "-m", "y").code == 0
    vorher = bernd.kopf()
    ohne = strategie(bernd, "sync", "--pruefen", "--ohne-abruf")
    assert ohne.out.startswith("1 eigene Änderung nicht geteilt, 0 Änderungen von anderen")
    mit = strategie(bernd, "sync", "--pruefen")
    assert mit.code == 0
    assert mit.out.startswith("1 eigene Änderung nicht geteilt, 1 Änderung von anderen noch "
                              "nicht übernommen")
    assert bernd.kopf() == vorher


def test_geloescht_gegen_geaendert_kommt_aus_dem_index(team: Team) -> None:
    """git hands a merge driver no delete/modify conflict; strategie reads it from the index."""
    anna, bernd, _ = team.klone
    (anna.speicher / "sa" / "SA-07.toml").unlink()
    anna.committe("SA-07 entfällt")
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-07", "umgesetzt", "-m", "doch fertig").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 5, ergebnis.text
    assert "SA-07 ganze Datei: Bernd Kaiser (" in ergebnis.out
    assert "hat die Datei geändert, Anna Berger (" in ergebnis.out
    assert "hat sie gelöscht" in ergebnis.out
    assert strategie(bernd, "loese", "SA-07", "--unsere").code == 0
    assert strategie(bernd, "sync").code == 0
    assert daten(bernd, "SA-07")["status"] == "umgesetzt"
    assert strategie(anna, "sync").code == 0 and daten(anna, "SA-07")["status"] == "umgesetzt"


def test_textkonflikt_im_rahmen_wird_als_datei_geloest(team: Team) -> None:
    anna, bernd, _ = team.klone
    zeile = "steckbrief_max_alter_monate = 6"
    for klon, monate in ((anna, "9"), (bernd, "12")):
        rahmen = klon.speicher / "strategie.toml"
        rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
            zeile, f"steckbrief_max_alter_monate = {monate}"), encoding="utf-8")
        klon.committe(f"Frist {monate} Monate")
    assert strategie(anna, "sync").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 5, ergebnis.text
    assert "ziele/strategie.toml ganze Datei: Zeilenkonflikt" in ergebnis.out
    loesung = strategie(bernd, "loese", "--datei", "ziele/strategie.toml", "--ihre")
    assert loesung.code == 0, loesung.text
    assert strategie(bernd, "sync").code == 0
    assert "steckbrief_max_alter_monate = 9" in (bernd.speicher / "strategie.toml").read_text()


def test_bericht_sagt_ob_sein_commit_schon_geteilt_ist(team: Team) -> None:
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "x").code == 0
    vorher = strategie(anna, "bericht", "--format", "markdown")
    assert f"Commit {anna.kopf()[:8]}, noch nicht geteilt" in vorher.out
    html = strategie(anna, "bericht", "--format", "html")
    assert "(noch nicht geteilt)</span>" in html.out
    assert '"geteilt": false' in strategie(anna, "bericht", "--format", "json").out
    assert strategie(anna, "sync").code == 0
    nachher = strategie(anna, "bericht", "--format", "markdown")
    assert f"Commit {anna.kopf()[:8]} ·" in nachher.out and "noch nicht geteilt" not in nachher.out
    assert '"geteilt": true' in strategie(anna, "bericht", "--format", "json").out


def test_pruefen_nennt_einen_eben_beendeten_abgleich_nicht_unterbrochen(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sync --pruefen`` while another sync ends: the record read just before that sync
    deleted it is not reported as an interrupted sync; a record left by a sync that died is."""
    from strategie.git.befehl import orte_von
    from strategie.team import gemeinsam
    from strategie.team.zustand import PHASEN, loesche_zustand, schreibe_zustand

    anna = team.klone[0]
    orte = orte_von(anna.speicher)
    schreibe_zustand(orte, "abrufen", anna.kopf())  # as a sync writes it, then dies
    unterbrochen = f"Der letzte Abgleich wurde {PHASEN['abrufen']} unterbrochen."
    assert gemeinsam.stand(anna.speicher).unterbrochen == unterbrochen

    def endet_gerade(_: object) -> bool:
        loesche_zustand(orte)  # the other sync finishes and exits between the two looks
        return False

    monkeypatch.setattr(gemeinsam, "laeuft_noch", endet_gerade)
    assert gemeinsam.stand(anna.speicher).unterbrochen == ""
