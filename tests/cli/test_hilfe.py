"""``strategie --help`` is written without argparse (cli/hilfe.py): the same text as argparse's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from strategie.cli.hilfe import MINDESTBREITE, VERSION, hilfe
from strategie.cli.parser import baue_parser
from tests.conftest import BEISPIEL


def test_gleich_dem_text_von_argparse_bei_jeder_breite(monkeypatch: pytest.MonkeyPatch) -> None:
    for spalten in range(MINDESTBREITE + 2, 303):
        monkeypatch.setenv("COLUMNS", str(spalten))
        assert hilfe(spalten - 2) == baue_parser(()).format_help(), spalten


def test_zu_schmal_formatiert_argparse(monkeypatch: pytest.MonkeyPatch) -> None:
    assert hilfe(MINDESTBREITE - 1) is None
    ergebnis = subprocess.run([sys.executable, "-m", "strategie", "--help"], capture_output=True,
                              text=True, check=True, env={"COLUMNS": "40", "PATH": ""})
    monkeypatch.setenv("COLUMNS", "40")
    assert ergebnis.stdout == baue_parser(()).format_help()
    assert ergebnis.stdout.startswith("Aufruf: strategie [-h] [--store PFAD]\n")  # wrapped


@pytest.mark.parametrize("argument", ["--help", "-h"])
def test_hilfe_ohne_argparse(argument: str) -> None:
    programm = ("import sys\nfrom strategie.cli.main import main\ncode = main([sys.argv[1]])\n"
                "print(code, 'argparse' in sys.modules, file=sys.stderr)")
    ergebnis = subprocess.run([sys.executable, "-c", programm, argument], capture_output=True,
                              text=True, check=True, env={"COLUMNS": "100", "PATH": ""})
    assert ergebnis.stderr.split() == ["0", "False"]
    assert ergebnis.stdout.startswith("Aufruf: strategie [-h] [--store PFAD] [--version] BEFEHL")
    assert "  jahresplanung\n                 die für ein Haushaltsjahr" in ergebnis.stdout


def test_version_wie_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    from strategie.cli.main import main
    from strategie.version import __version__

    assert main(["--version"]) == 0
    schnell = capsys.readouterr().out
    with pytest.raises(SystemExit) as ende:
        baue_parser(()).parse_args(["--version"])
    assert ende.value.code == 0
    assert capsys.readouterr().out == schnell == f"strategie {__version__}\n"


@pytest.mark.parametrize("argument", ["--help", "--version"])
def test_leser_geht_weg(argument: str) -> None:
    """'strategie --help | head -0': the reader closed the pipe; quiet, exit 0, as before."""
    lauf = subprocess.run(f'"{sys.executable}" -m strategie {argument} | head -c 0',
                          shell=True, capture_output=True, text=True, check=False,
                          executable="/bin/bash", env={"PATH": "/usr/bin:/bin",
                                                       "COLUMNS": "300"})
    assert lauf.stderr == "" and lauf.stdout == ""
    code = subprocess.run(f'"{sys.executable}" -m strategie {argument} | head -c 0; '
                          'exit "${PIPESTATUS[0]}"', shell=True, executable="/bin/bash",
                          capture_output=True, check=False, env={"PATH": "/usr/bin:/bin"})
    assert code.returncode == 0


def test_geschlossene_oder_volle_ausgabe() -> None:
    """stdout closed: the version goes to stderr (as argparse did); a full disk: said."""
    umgebung = {"PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    zu = subprocess.run(f'"{sys.executable}" -m strategie --version >&-', shell=True,
                        capture_output=True, text=True, check=False, env=umgebung)
    assert (zu.returncode, zu.stderr) == (0, f"{VERSION}\n")
    voll = subprocess.run(f'"{sys.executable}" -m strategie --help > /dev/full', shell=True,
                          capture_output=True, text=True, check=False, env=umgebung)
    assert voll.returncode == 3
    assert voll.stderr == ("Fehler: Die Ausgabe ließ sich nicht schreiben: kein Speicherplatz "
                           "mehr auf dem Datenträger\n")


@pytest.mark.parametrize("befehl", ["zeige SA-01", "liste", "liste --format json", "matrix"])
def test_volle_ausgabe_eines_befehls(befehl: str) -> None:
    """'strategie zeige SA-01 > /dev/full': one German line and exit code 3, no traceback."""
    voll = subprocess.run(f'"{sys.executable}" -m strategie {befehl} --store "{BEISPIEL}" '
                          "> /dev/full", shell=True, capture_output=True, text=True,
                          check=False, env={"PATH": "/usr/bin:/bin", "COLUMNS": "100"})
    assert (voll.returncode, voll.stderr) == (3, (
        "Fehler: Die Ausgabe ließ sich nicht schreiben: kein Speicherplatz mehr auf dem "
        "Datenträger\n"))


def test_strg_c_beim_aufbau_des_parsers(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import strategie.cli.parser
    from strategie.cli.main import ABGEBROCHEN, main

    def unterbrochen(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(strategie.cli.parser, "baue_parser", unterbrochen)
    assert main(["liste"]) == ABGEBROCHEN
    assert capsys.readouterr().err == "Abgebrochen.\n"
