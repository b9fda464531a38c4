"""Without a terminal no app and all formats; at a terminal the app, summaries instead of HTML,
no binary output, and an editor that says which it is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.terminal import app_im_terminal, im_terminal
from tests.conftest import git, kopf


def _strategie(*argumente: str, tmp_path: Path) -> tuple[int, bytes, str]:
    """Run strategie with stdin from /dev/null and stdout into a file: (code, stdout, stderr)."""
    datei = tmp_path / "ausgabe"
    with datei.open("wb") as aus:
        prozess = subprocess.run([sys.executable, "-m", "strategie", *argumente],
                                 stdin=subprocess.DEVNULL, stdout=aus, stderr=subprocess.PIPE,
                                 timeout=60, check=False)
    return prozess.returncode, datei.read_bytes(), prozess.stderr.decode("utf-8")


def test_ohne_befehl_und_ohne_terminal_kurze_hilfe_statt_app(repo: Path, tmp_path: Path) -> None:
    for argumente in ((), ("tui",)):
        code, aus, fehler = _strategie(*argumente, "--store", str(repo / "ziele"),
                                       tmp_path=tmp_path)
        assert code == 2, fehler
        assert aus == b""  # no escape codes in the file
        assert fehler.startswith("Aufruf: strategie")
        assert "Ein- und Ausgabe sind umgeleitet" in fehler and "strategie --help" in fehler
        assert len(fehler.splitlines()) < 10


def test_ohne_befehl_im_terminal_oeffnet_die_app(repo: Path) -> None:
    code, ausgabe = app_im_terminal(["--store", str(repo / "ziele")], "Suche", "q")
    assert code == 0, ausgabe[-2000:]
    assert "\x1b[?1049h" in ausgabe  # the full-screen app started
    assert "Aufruf:" not in ausgabe


def test_steckbriefe_im_terminal_nur_uebersicht(repo: Path) -> None:
    code, ausgabe = im_terminal(["steckbriefe", "--store", str(repo / "ziele")])
    assert code == 0, ausgabe
    assert "<html" not in ausgabe.casefold() and len(ausgabe) < 3000
    assert "46 Steckbriefe" in ausgabe and "nicht auf dem Bildschirm" in ausgabe
    assert "DEZ – Dezernat" in ausgabe
    assert "--ausgabe steckbriefe.html" in ausgabe and "--format markdown" in ausgabe


def test_steckbriefe_in_datei_oder_pipe_wie_bisher(repo: Path, tmp_path: Path) -> None:
    code, aus, fehler = _strategie("steckbriefe", "--store", str(repo / "ziele"),
                                   tmp_path=tmp_path)
    assert code == 0, fehler
    assert b"<html" in aus and len(aus) > 50_000
    code, aus, fehler = _strategie("steckbriefe", "--format", "docx", "--store",
                                   str(repo / "ziele"), tmp_path=tmp_path)
    assert code == 0 and aus.startswith(b"PK"), fehler


def test_binaerformate_im_terminal_abgelehnt(repo: Path) -> None:
    for befehl in (["steckbriefe", "--format", "docx"], ["bericht", "--format", "xlsx"],
                   ["jahresplanung", "2027", "--format", "docx"]):
        code, ausgabe = im_terminal([*befehl, "--store", str(repo / "ziele")])
        assert code == 3, ausgabe
        assert "Binärformat" in ausgabe and "--ausgabe" in ausgabe, ausgabe
        assert "PK" not in ausgabe


def test_bericht_als_html_im_terminal_uebersicht(repo: Path) -> None:
    code, ausgabe = im_terminal(["bericht", "--format", "html", "--store", str(repo / "ziele")])
    assert code == 0, ausgabe
    assert "Sachstandsbericht über 46 Ziele" in ausgabe and "<html" not in ausgabe.casefold()


def _nur_git(tmp_path: Path) -> Path:
    """A PATH folder with git and nothing else (no nano, no vi)."""
    ordner = tmp_path / "bin"
    ordner.mkdir()
    git_pfad = shutil.which("git")
    assert git_pfad
    (ordner / "git").symlink_to(git_pfad)
    return ordner


def test_steckbrief_ohne_editor_sagt_es(repo: Path, tmp_path: Path) -> None:
    vorher = kopf(repo)
    umgebung = {"PATH": str(_nur_git(tmp_path)), "EDITOR": "", "VISUAL": ""}
    code, ausgabe = im_terminal(["steckbrief", "SA-01", "--store", str(repo / "ziele")],
                                umgebung=umgebung)
    assert code == 3, ausgabe
    assert "Kein Editor gefunden" in ausgabe and "EDITOR=" in ausgabe, ausgabe
    code, ausgabe = im_terminal(["steckbrief", "SA-01", "--store", str(repo / "ziele")],
                                umgebung={"EDITOR": "gibt-es-nicht-editor", "VISUAL": ""})
    assert code == 3, ausgabe
    assert "„gibt-es-nicht-editor“ ist nicht installiert" in ausgabe, ausgabe
    assert kopf(repo) == vorher


def test_steckbrief_nennt_den_gewaehlten_editor(repo: Path, tmp_path: Path) -> None:
    ordner = _nur_git(tmp_path)
    nano = ordner / "nano"  # stands in for nano: appends a text to the first section
    nano.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text(encoding='utf-8')\n"
        "t = t.replace('## Aktueller Stand der Umsetzung\\n', "
        "'## Aktueller Stand der Umsetzung\\nAus nano. ', 1)\n"
        "p.write_text(t, encoding='utf-8')\n", encoding="utf-8")
    nano.chmod(0o755)
    code, ausgabe = im_terminal(["steckbrief", "SA-01", "-m", "x", "--store",
                                 str(repo / "ziele")],
                                umgebung={"PATH": str(ordner), "EDITOR": "", "VISUAL": ""})
    assert code == 0, ausgabe
    assert "Öffne den Editor nano" in ausgabe and "$EDITOR setzen" in ausgabe
    assert "Aus nano." in (repo / "ziele" / "sa" / "SA-01.toml").read_text(encoding="utf-8")
    assert git(repo, "log", "-1", "--format=%s").startswith("SA-01: Steckbrief aktualisiert")
