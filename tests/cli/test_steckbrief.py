"""'steckbrief' through $EDITOR, stdin and options; empty and unknown sections; empty titles."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.cli.terminal import im_terminal
from tests.conftest import git, kopf

SA01 = Path("ziele/sa/SA-01.toml")


def _steckbrief(repo: Path) -> dict:
    return tomllib.loads((repo / SA01).read_text(encoding="utf-8"))["steckbrief"]


def _pipe(repo: Path, eingabe: str, *optionen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "strategie", "steckbrief", "SA-01", *optionen,
         "--store", str(repo / "ziele")], input=eingabe, capture_output=True, text=True)


def test_leerer_abschnitt_laesst_text_unveraendert(repo: Path) -> None:
    vorher = _steckbrief(repo)
    ergebnis = _pipe(repo, "## Aktueller Stand der Umsetzung\n\n"
                           "## Finanzielle Beurteilung der Verwaltung\nIm Rahmen.\n")
    assert ergebnis.returncode == 0, ergebnis.stderr
    nachher = _steckbrief(repo)
    assert nachher["aktueller_stand"] == vorher["aktueller_stand"] != ""
    assert nachher["finanzielle_beurteilung"] == "Im Rahmen."
    assert '""""""' not in (repo / SA01).read_text(encoding="utf-8")


def test_text_ohne_ueberschrift_wird_abgelehnt(repo: Path) -> None:
    vorher, inhalt = kopf(repo), (repo / SA01).read_bytes()
    for eingabe, text in (("Nur ein Satz ohne Überschrift.\n", "Text vor der ersten Überschrift"),
                          ("", "Keine der Überschriften"),
                          ("## Aktueller Stand\nx\n", 'unbekannte Überschrift "Aktueller Stand"')):
        ergebnis = _pipe(repo, eingabe)
        assert ergebnis.returncode == 3 and text in ergebnis.stderr, ergebnis.stderr
        assert "## Aktueller Stand der Umsetzung" in ergebnis.stderr
    assert kopf(repo) == vorher and (repo / SA01).read_bytes() == inhalt


def test_textoptionen_und_leere_option(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    ergebnis = cli("steckbrief", "SA-01", "--inhaltliche-beurteilung", "Wirksam.",
                   "--datum", "15.03.2026", "-m", "Bericht", "--store", store)
    assert ergebnis.code == 0, ergebnis.err
    assert _steckbrief(repo)["inhaltliche_beurteilung"] == "Wirksam."
    assert _steckbrief(repo)["stand"] == dt.date(2026, 3, 15)
    vorher = kopf(repo)
    leer = cli("steckbrief", "SA-01", "--aktueller-stand", " ", "--store", store)
    assert leer.code == 3 and "--aktueller-stand ist leer" in leer.err
    assert kopf(repo) == vorher


def test_steckbrief_im_editor(repo: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text(encoding='utf-8')\n"
        "assert '## Aktueller Stand der Umsetzung' in t\n"
        "kopf, _, rest = t.partition('## Finanzielle Beurteilung der Verwaltung\\n')\n"
        "rest = rest.split('\\n## ', 1)[1]\n"
        "p.write_text(kopf + '## Finanzielle Beurteilung der Verwaltung\\nAus dem Editor.\\n\\n## '"
        " + rest, encoding='utf-8')\n", encoding="utf-8")
    vorher = _steckbrief(repo)
    # the editor opens when stdin is a terminal
    code, ausgabe = im_terminal(["steckbrief", "SA-01", "-m", "Editor", "--store",
                                 str(repo / "ziele")],
                                umgebung={"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""})
    assert code == 0, ausgabe
    nachher = _steckbrief(repo)
    assert nachher["finanzielle_beurteilung"] == "Aus dem Editor."
    assert nachher["aktueller_stand"] == vorher["aktueller_stand"]
    assert git(repo, "log", "-1", "--format=%s").startswith("SA-01: Steckbrief aktualisiert")


def test_massnahme_mit_leerem_titel_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    vorher = kopf(repo)
    for titel in ("", "   "):
        ergebnis = cli("massnahme", "SA-01", titel, "--store", str(repo / "ziele"))
        assert ergebnis.code == 3 and "darf nicht leer sein" in ergebnis.err, ergebnis.err
    assert kopf(repo) == vorher and git(repo, "status", "--porcelain") == ""
