"""A command imports only what it uses: which modules a fresh 'strategie' process loads
(beyond the interpreter's own start-up)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import kopf

PROGRAMM = """\
import json, sys
vorher = set(sys.modules)
from strategie.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as ende:
    code = ende.code
print(json.dumps({"code": code, "module": sorted(set(sys.modules) - vorher)}), file=sys.stderr)
"""

NIE = ("tomlkit", "openpyxl", "docx", "jinja2", "textual", "tui", "git", "gitdb", "pygments",
       "rich.progress", "rich.markdown", "rich.syntax", "rich.pretty", "rich.traceback")
"""Libraries (and Rich's heavy parts) none of the commands below needs."""


def _module(*argumente: str) -> tuple[int, set[str]]:
    ergebnis = subprocess.run([sys.executable, "-c", PROGRAMM, *argumente], capture_output=True,
                              text=True, check=False)
    bericht = json.loads(ergebnis.stderr.strip().splitlines()[-1])
    return bericht["code"], set(bericht["module"])


def _geladen(module: set[str], namen: tuple[str, ...]) -> list[str]:
    return sorted(m for m in module if any(m == n or m.startswith(n + ".") for n in namen))


def test_hilfe_und_version_laden_keine_fremde_bibliothek() -> None:
    for argumente in (("--help",), ("--version",)):
        code, module = _module(*argumente)
        assert code == 0
        fremd = {m.split(".")[0] for m in module} - set(sys.stdlib_module_names)
        assert fremd == {"strategie"}, argumente


def test_zeige_liest_ein_ziel_ohne_den_speicher(repo: Path) -> None:
    code, module = _module("zeige", "SA-02", "--store", str(repo / "ziele"))
    assert code == 0
    assert _geladen(module, NIE) == []
    # one goal costs one goal: neither the store loader nor its cache was needed
    assert _geladen(module, ("strategie.speicher.laden", "strategie.speicher.cache")) == []
    # the view is painted without Rich (ausgabe/terminal/schlicht.py): no library at all, and
    # of the model no dataclasses (the Kennzahl verdict is a NamedTuple)
    assert {m.split(".")[0] for m in module} - set(sys.stdlib_module_names) == {"strategie"}
    assert _geladen(module, ("dataclasses", "inspect")) == []


def test_status_laedt_keine_fremde_bibliothek(repo: Path) -> None:
    vorher = kopf(repo)
    code, module = _module("status", "SA-02", "umgesetzt", "-m", "fertig",
                           "--store", str(repo / "ziele"))
    assert code == 0 and kopf(repo) != vorher
    # a one-line value is rewritten without tomlkit (toml/zeilenwert.py), the message without Rich
    assert {m.split(".")[0] for m in module} - set(sys.stdlib_module_names) == {"strategie"}
    # an edit of one goal needs neither the filters, the store's cache (pickle) nor tempfile
    assert _geladen(module, ("strategie.auswertung", "strategie.speicher.cache", "pickle",
                             "tempfile", "calendar")) == []
    # the model's types are NamedTuples and plain classes (strategie.modell): no dataclasses
    # with inspect; the blob id without OpenSSL; the conflict-marker writer's difflib not
    assert _geladen(module, ("dataclasses", "inspect", "hashlib", "_hashlib", "difflib")) == []


def test_jeder_befehl_steht_bei_seiner_gruppe() -> None:
    import argparse

    from strategie.cli.befehle import BEFEHLE
    from strategie.cli.parser import befehlsgruppen

    gefunden: dict[str, str] = {}
    for gruppe in befehlsgruppen():
        befehle = argparse.ArgumentParser().add_subparsers()
        gruppe.registriere(befehle, argparse.ArgumentParser(add_help=False))
        gefunden.update(dict.fromkeys(befehle.choices, gruppe.__name__.rsplit(".", 1)[1]))
    assert list(gefunden.items()) == [(name, modul) for name, (modul, _) in BEFEHLE.items()]


def test_hilfe_ohne_gruppen_gleicht_der_vollen_hilfe() -> None:
    from strategie.cli.parser import baue_parser

    assert baue_parser(()).format_help() == baue_parser().format_help()


def test_hilfe_laedt_keine_befehlsgruppe() -> None:
    for argumente in (("--help",), ("--version",), ("gibtsnicht",)):
        _, module = _module(*argumente)
        gruppen = {m for m in module if m.startswith("strategie.cli.")}
        # --help and --version are written without the parser (cli/hilfe.py), the others parse
        parser = set() if argumente[0].startswith("--") else {"strategie.cli.parser",
                                                               "strategie.cli.argparse_de"}
        assert gruppen == {"strategie.cli.main", "strategie.cli.befehle", "strategie.cli.hilfe",
                           *parser}, argumente
        # nor the model (its dataclasses) nor typing: the help is printed before they would be
        assert not {"dataclasses", "typing", "strategie.modell.befund"} & module, argumente


def test_ein_befehl_laedt_nur_seine_gruppe(repo: Path) -> None:
    _, module = _module("zeige", "SA-02", "--store", str(repo / "ziele"))
    gruppen = {m for m in module if m.startswith("strategie.cli.")}
    assert gruppen <= {"strategie.cli.main", "strategie.cli.argparse_de", "strategie.cli.befehle",
                       "strategie.cli.parser", "strategie.cli.hilfe", "strategie.cli.lesen",
                       "strategie.cli.gemeinsam"}, gruppen


def test_store_mit_gleichheitszeichen_findet_den_befehl(repo: Path) -> None:
    code, module = _module(f"--store={repo / 'ziele'}", "zeige", "SA-02")
    assert code == 0
    assert "strategie.cli.lesen" in module and "strategie.cli.aendern" not in module


def test_der_interpreter_startet_ohne_import_finder_der_installation() -> None:
    """The README's editable install puts the project on the path with a plain .pth line
    (setup.py: editable_wheel mode "compat"), not setuptools' import finder, which every
    start of a process would otherwise pay (about 12 ms: importlib.util, fnmatch, re)."""
    ergebnis = subprocess.run([sys.executable, "-c", "import sys; print(sorted(sys.modules))"],
                              capture_output=True, text=True, check=True)
    geladen = json.loads(ergebnis.stdout.replace("'", '"'))
    assert [m for m in geladen if "editable" in m and "strategie" in m] == []
    assert "strategie" not in geladen  # nothing of ours before it is asked for


def test_abgleich_laedt_keine_dataclasses() -> None:
    """sync's types are NamedTuples and plain classes too (see strategie.modell)."""
    programm = ("import sys\nimport strategie.cli.main, strategie.cli.team, strategie.team.sync\n"
                "print(sorted({'dataclasses', 'inspect', 'hashlib'} & set(sys.modules)))")
    ergebnis = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True,
                              check=True)
    assert ergebnis.stdout.strip() == "[]"


def test_liste_laedt_keine_dataclasses(repo: Path) -> None:
    """The store, its snapshot and the filters are NamedTuples too (see strategie.modell)."""
    code, module = _module("liste", "--amt", "SA", "--format", "json",
                           "--store", str(repo / "ziele"))
    assert code == 0
    assert _geladen(module, ("dataclasses", "inspect", "hashlib", "_hashlib")) == []


def test_abgleich_beginnt_den_abruf_vor_pathlib(repo: Path) -> None:
    """A plain sync starts its git fetch before pathlib and the command group are imported
    (they take about as long as the fetch): an audit hook sees the fetch's Popen."""
    programm = (
        "import sys\n"
        "beim_abruf = []\n"
        "def hook(ereignis, daten):\n"
        "    if ereignis == 'subprocess.Popen' and 'fetch' in list(daten[1]):\n"
        "        beim_abruf.append(sorted({'pathlib', 'argparse', 'strategie.team.sync'}\n"
        "                                 & set(sys.modules)))\n"
        "sys.addaudithook(hook)\n"
        "from strategie.cli.main import main\n"
        "main(['sync'])  # no remote here: the fetch begins all the same, then sync says so\n"
        "print(beim_abruf[0] if beim_abruf else None)\n")
    ergebnis = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True,
                              check=True, cwd=repo)
    assert ergebnis.stdout.strip().splitlines()[-1] == "[]", ergebnis.stdout + ergebnis.stderr
