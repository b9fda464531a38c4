"""The merge driver under real git: rebase, merge and cherry-pick of goal files merge field by
field, keep comments, keep both sides' Messwerte, and turn a real conflict into markers around
just its lines with author and commit, plus the conflict as data."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest

from strategie.team import konfliktdaten
from strategie.team.einrichten import richte_ein
from strategie.team.zusammenfuehren import FEHLT
from tests.conftest import beispiel_repo, git

DATEI = "ziele/sa/SA-03.toml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The example store with the merge driver set up and .gitattributes committed."""
    wurzel = beispiel_repo(tmp_path / "repo")
    richte_ein(wurzel / "ziele")
    git(wurzel, "add", ".gitattributes")
    git(wurzel, "commit", "-q", "-m", "Zusammenarbeit eingerichtet")
    return wurzel


def aendere(repo: Path, autor: str, *ersetzungen: tuple[str, str], datei: str = DATEI) -> str:
    """Replace text in the goal file and commit it as *autor*; returns the commit id."""
    pfad = repo / datei
    text = pfad.read_text(encoding="utf-8")
    for alt, neu in ersetzungen:
        assert text.count(alt) == 1, alt
        text = text.replace(alt, neu)
    pfad.write_text(text, encoding="utf-8")
    git(repo, "add", datei)
    git(repo, "-c", f"user.name={autor}", "-c", "user.email=x@example.org", "commit", "-q",
        "-m", f"{autor} ändert {Path(datei).stem}")
    return git(repo, "rev-parse", "HEAD").strip()


def zweige(repo: Path, lokal: list[tuple[str, str]], fremd: list[tuple[str, str]]
           ) -> tuple[str, str]:
    """Branch 'fremd' (Bernd's edits) and main (Anna's edits) from the current commit."""
    git(repo, "checkout", "-q", "-b", "fremd")
    fremder = aendere(repo, "Bernd Kaiser", *fremd)
    git(repo, "checkout", "-q", "main")
    eigener = aendere(repo, "Anna Berger", *lokal)
    return eigener, fremder


def lauf(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)


def daten(repo: Path, datei: str = DATEI) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((repo / datei).read_text(encoding="utf-8"))


STATUS = 'status = "im Regelbetrieb"'
AMPEL = 'ampel = "gelb"'
VERANTWORTLICH = 'verantwortlich = "Sozialamt, Referat Eingliederungshilfe"'
LETZTER_MESSWERT = "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n"


def test_rebase_verschiedene_felder_beide_kommentare_bleiben(repo: Path) -> None:
    zweige(repo, lokal=[(STATUS, 'status = "umgesetzt"  # Anna: Regelbetrieb erreicht')],
           fremd=[(AMPEL, 'ampel = "grün"'),
                  (VERANTWORTLICH, VERANTWORTLICH + "  # Bernd: neu zugeordnet")])
    ergebnis = lauf(repo, "rebase", "fremd")
    assert ergebnis.returncode == 0, ergebnis.stderr
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert "# Anna: Regelbetrieb erreicht" in text and "# Bernd: neu zugeordnet" in text
    assert (daten(repo)["status"], daten(repo)["ampel"]) == ("umgesetzt", "grün")
    assert git(repo, "log", "--format=%an", "-2").split("\n")[:2] == ["Anna Berger",
                                                                      "Bernd Kaiser"]


def test_messwerte_beider_seiten_bleiben_sortiert_und_der_lokale_kommentar_bleibt(
        repo: Path) -> None:
    zweige(repo, lokal=[(LETZTER_MESSWERT, LETZTER_MESSWERT + "# Halbjahr, vorläufig\n"
                         "[[kennzahlen.messwerte]]\nstichtag = 2026-09-30\nwert = 91\n")],
           fremd=[(LETZTER_MESSWERT, LETZTER_MESSWERT +
                   "[[kennzahlen.messwerte]]\nstichtag = 2026-12-31\nwert = 88\n"),
                  ("[[kennzahlen.messwerte]]\nstichtag = 2024-12-31",
                   "[[kennzahlen.messwerte]]\nstichtag = 2024-06-30\nwert = 85\n"
                   "[[kennzahlen.messwerte]]\nstichtag = 2024-12-31")])
    ergebnis = lauf(repo, "rebase", "fremd")
    assert ergebnis.returncode == 0, ergebnis.stderr
    tage = [m["stichtag"].isoformat() for m in daten(repo)["kennzahlen"][0]["messwerte"]]
    assert tage == ["2023-12-31", "2024-06-30", "2024-12-31", "2025-12-31", "2026-06-30",
                    "2026-09-30", "2026-12-31"]
    assert "# Halbjahr, vorläufig" in (repo / DATEI).read_text(encoding="utf-8")
    assert konfliktdaten.lies(repo / ".git") == {}


def test_dasselbe_feld_ist_ein_konflikt_mit_marken_autor_und_commit(repo: Path) -> None:
    eigener, fremder = zweige(repo, lokal=[(STATUS, 'status = "umgesetzt"'),
                                           (AMPEL, 'ampel = "grün"')],
                              fremd=[(STATUS, 'status = "in Umsetzung"')])
    ergebnis = lauf(repo, "rebase", "fremd")
    assert ergebnis.returncode != 0
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert (f'<<<<<<< Anna Berger ({eigener[:8]})\nstatus = "umgesetzt"\n=======\n'
            f'status = "in Umsetzung"\n>>>>>>> Bernd Kaiser ({fremder[:8]})\n') in text
    assert text.count("<<<<<<<") == 1 and 'ampel = "grün"' in text  # merged, no markers
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    assert (konflikt.pfad, konflikt.ziel, konflikt.vorgang) == (DATEI, "SA-03", "rebase")
    assert [(f.feld, f.basis, f.unser, f.ihr) for f in konflikt.felder] == [
        ("status", "im Regelbetrieb", "umgesetzt", "in Umsetzung")]
    assert (konflikt.unsere.autor, konflikt.unsere.commit, konflikt.unsere.eigene) == (
        "Anna Berger", eigener, True)
    assert (konflikt.ihre.autor, konflikt.ihre.commit) == ("Bernd Kaiser", fremder)


@pytest.mark.parametrize("befehl", ["merge", "cherry-pick"])
def test_merge_und_cherry_pick_nennen_dieselben_seiten(repo: Path, befehl: str) -> None:
    eigener, fremder = zweige(repo, lokal=[(AMPEL, 'ampel = "grün"')],
                              fremd=[(AMPEL, 'ampel = "grau"'), (STATUS, 'status = "umgesetzt"')])
    ergebnis = lauf(repo, befehl, "fremd")
    assert ergebnis.returncode != 0
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert (f'<<<<<<< Anna Berger ({eigener[:8]})\nampel = "grün"\n=======\nampel = "grau"\n'
            f'>>>>>>> Bernd Kaiser ({fremder[:8]})\n') in text
    assert 'status = "umgesetzt"' in text  # the other field merged
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    assert konflikt.vorgang == befehl
    assert konflikt.ihre.autor == "Bernd Kaiser"


def test_status_mit_begruendung_geht_als_einheit(repo: Path) -> None:
    zweige(repo, lokal=[(STATUS, 'status = "zurückgestellt"\nstatus_begruendung = "Geld fehlt"')],
           fremd=[(STATUS, 'status = "umgesetzt"')])
    lauf(repo, "rebase", "fremd")
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert ('<<<<<<< Anna Berger' in text and 'status = "zurückgestellt"\nstatus_begruendung = '
            '"Geld fehlt"\n=======\nstatus = "umgesetzt"\n>>>>>>> Bernd Kaiser') in text
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    assert [f.feld for f in konflikt.felder] == ["status", "status_begruendung"]
    assert konflikt.felder[1].ihr is FEHLT


def test_ungueltige_kombination_wird_ein_konflikt(repo: Path) -> None:
    """Anna sets 'zurückgestellt' keeping an old Begründung; Bernd removes that Begründung."""
    aendere(repo, "Sozialcontrolling", (STATUS, STATUS + '\nstatus_begruendung = "alt"'))
    zweige(repo, lokal=[(STATUS, 'status = "zurückgestellt"')],
           fremd=[('\nstatus_begruendung = "alt"', "")])
    ergebnis = lauf(repo, "rebase", "fremd")
    assert ergebnis.returncode != 0
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    assert {f.feld for f in konflikt.felder} == {"status", "status_begruendung"}
    assert "<<<<<<< Anna Berger" in (repo / DATEI).read_text(encoding="utf-8")


def test_beide_legen_dieselbe_neue_id_an(repo: Path) -> None:
    neu = "ziele/sa/SA-99.toml"
    vorlage = (repo / DATEI).read_text(encoding="utf-8").replace('"SA-03"', '"SA-99"')
    git(repo, "checkout", "-q", "-b", "fremd")
    (repo / neu).write_text(vorlage.replace(STATUS, 'status = "umgesetzt"'), encoding="utf-8")
    git(repo, "add", neu)
    git(repo, "-c", "user.name=Bernd Kaiser", "commit", "-q", "-m", "SA-99 angelegt")
    git(repo, "checkout", "-q", "main")
    (repo / neu).write_text(vorlage, encoding="utf-8")
    git(repo, "add", neu)
    git(repo, "-c", "user.name=Anna Berger", "commit", "-q", "-m", "SA-99 angelegt")
    assert lauf(repo, "rebase", "fremd").returncode != 0
    text = (repo / neu).read_text(encoding="utf-8")
    assert "<<<<<<< Anna Berger" in text and ">>>>>>> Bernd Kaiser" in text
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    assert [f.feld for f in konflikt.felder] == [""]


def test_eine_seite_ohne_gueltiges_toml_bekommt_gits_zeilen_merge(repo: Path) -> None:
    zweige(repo, lokal=[(AMPEL, 'ampel = "grün')], fremd=[(AMPEL, 'ampel = "rot"')])
    assert lauf(repo, "merge", "fremd").returncode != 0
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert '<<<<<<< Anna Berger' in text and 'ampel = "grün\n=======\nampel = "rot"' in text


def test_gleicher_stichtag_verschiedene_werte_und_geloeschte_gegen_geaenderte_massnahme(
        repo: Path) -> None:
    zweite = ('[[massnahmen]]\ntitel = "Vereinbarungen der besonderen Wohnformen umstellen"\n'
              'status = "umgesetzt"\ntermin = 2024-12-31\n\n')
    zweige(repo, lokal=[(LETZTER_MESSWERT, LETZTER_MESSWERT.replace("wert = 93", "wert = 94")),
                        (zweite, "")],
           fremd=[(LETZTER_MESSWERT, LETZTER_MESSWERT.replace("wert = 93", "wert = 95")),
                  ('termin = 2024-12-31', 'termin = 2025-03-31')])
    assert lauf(repo, "rebase", "fremd").returncode != 0
    [konflikt] = konfliktdaten.lies(repo / ".git").values()
    felder = {f.feld: (f.unser, f.ihr) for f in konflikt.felder}
    assert felder["kennzahlen.1.messwerte.4.wert"] == (94, 95)
    unser, ihr = felder["massnahmen.2"]
    assert unser is FEHLT and ihr["termin"].isoformat() == "2025-03-31"
    text = (repo / DATEI).read_text(encoding="utf-8")
    assert "wert = 94\n=======\nwert = 95\n" in text
    assert text.count("<<<<<<<") == 2
    from strategie.team.konflikte import offene
    from strategie.team.loesen import loese

    assert {k.feld for k in offene(repo / "ziele")} == set(felder)
    ergebnis = loese(repo / "ziele", "SA-03", "massnahmen.2", wahl="ihre")
    assert [k.feld for k in ergebnis.offen] == ["kennzahlen.1.messwerte.4.wert"]
    ergebnis = loese(repo / "ziele", "SA-03", wahl="unsere")
    assert ergebnis.commit is not None and not ergebnis.offen
    assert lauf(repo, "status", "--porcelain").stdout == ""
    ende = daten(repo)
    assert ende["kennzahlen"][0]["messwerte"][-1]["wert"] == 94
    assert ende["massnahmen"][1]["termin"].isoformat() == "2025-03-31"
