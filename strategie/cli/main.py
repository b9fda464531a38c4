"""Entry point of the ``strategie`` command: parser, dispatch, German errors and exit codes.

Importing this module is cheap: the command groups are imported when the parser is built,
and the collaboration commands (``sync``, the merge driver, the server hook …) get a parser
of their own group only, so that git's merge driver and a sync with nothing to do start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from strategie.cli import argparse_de  # noqa: F401  (installs German argparse texts)
from strategie.modell.befund import StrategieFehler
from strategie.text.sicher import entschaerfe
from strategie.version import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

ERFOLG = 0
BEFUNDE = 1
AUFRUFFEHLER = 2
FEHLER = 3
NICHT_ERREICHBAR = 4
KONFLIKT = 5
ABGELEHNT = 6
ABGEBROCHEN = 130

EXIT_CODES = f"""\
Exit-Codes:
  {ERFOLG}    erfolgreich
  {BEFUNDE}    'pruefen' hat Befunde gefunden (mit --streng auch: Hinweise)
  {AUFRUFFEHLER}    falscher Aufruf (unbekannte Option, fehlende Angabe)
  {FEHLER}    Fehler (kein Zielspeicher, unbekanntes Ziel, ungültiger Wert, git-Fehler)
  {NICHT_ERREICHBAR}    'sync': das gemeinsame Repository ist nicht erreichbar (alles bleibt lokal)
  {KONFLIKT}    'sync': Konflikte zu lösen (strategie konflikte)
  {ABGELEHNT}    'sync': der Server hat die eigenen Änderungen abgelehnt
  {ABGEBROCHEN}  abgebrochen (Strg+C)
"""


def befehlsgruppen() -> tuple[ModuleType, ...]:
    """The modules of the command groups, in the order of the help (imported now)."""
    from strategie.cli import (
        aendern,
        berichte,
        einrichten,
        fortschreibung,
        geschichte,
        lesen,
        pruefen,
        team,
    )

    return (lesen, aendern, fortschreibung, geschichte, berichte, pruefen, team, einrichten)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages (which echo what was typed) freed of control codes."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(entschaerfe(message), file)


def _starte_app(args: argparse.Namespace) -> int:
    from strategie.cli.app import starte_app

    return starte_app(args)


def baue_parser(gruppen: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    """The command-line parser with the subcommands of *gruppen* (default: all)."""
    gemeinsam = _Parser(add_help=False)
    gemeinsam.add_argument(
        "--store", metavar="PFAD", default=argparse.SUPPRESS,
        help="Zielspeicher (Ordner mit strategie.toml); sonst $STRATEGIE_STORE oder Suche ab "
             "dem aktuellen Ordner")
    parser = _Parser(
        prog="strategie",
        description="Die Ziele der Sozialstrategie: lesen, prüfen, ändern, berichten. "
                    "Ohne Befehl öffnet sich die Terminal-App.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[gemeinsam],
    )
    parser.add_argument("--version", action="version", version=f"strategie {__version__}",
                        help="Versionsnummer zeigen und beenden")
    befehle = parser.add_subparsers(title="Befehle", dest="befehl", metavar="BEFEHL")
    for gruppe in befehlsgruppen() if gruppen is None else gruppen:
        gruppe.registriere(befehle, gemeinsam)
    if gruppen is None:
        tui = befehle.add_parser("tui", parents=[gemeinsam], help="die Terminal-App öffnen",
                                 description="Öffnet die Terminal-App auf dem Zielspeicher.")
        tui.set_defaults(ausfuehren=_starte_app)
    return parser


def _befehl(argv: Sequence[str]) -> str | None:
    """The subcommand named in *argv* (after ``--store PFAD``), or None."""
    i = 0
    while i < len(argv):
        if argv[i] == "--store":
            i += 2
        elif argv[i].startswith("-"):
            return None
        else:
            return argv[i]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    gruppen = None
    befehl = _befehl(argv)
    if befehl in SCHNELLE_BEFEHLE:
        from strategie.cli import team

        gruppen = (team,)
    elif befehl in GRUPPE_DES_BEFEHLS:
        # one group's parser: the other groups' modules (and what they import) are not loaded
        import importlib

        gruppen = (importlib.import_module(f"strategie.cli.{GRUPPE_DES_BEFEHLS[befehl]}"),)
    args = baue_parser(gruppen).parse_args(argv)
    ausfuehren = getattr(args, "ausfuehren", _starte_app)
    if ausfuehren is not _starte_app:
        # A command runs once and ends: a report over 10,000 goals unpickles and builds
        # hundreds of thousands of objects that all survive, and the default thresholds walk
        # them again and again (~30 % of its CPU time). Cycles are still collected, rarely.
        import gc

        gc.set_threshold(50_000, 20, 100)
    try:
        return int(ausfuehren(args) or ERFOLG)
    except StrategieFehler as fehler:
        # messages quote goal values and user input: shown literally, never as control codes
        print(f"Fehler: {entschaerfe(fehler.meldung)}", file=sys.stderr)
        return FEHLER
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return ABGEBROCHEN
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); stay quiet like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ERFOLG


SCHNELLE_BEFEHLE = frozenset({"sync", "konflikte", "loese", "einrichten", "merge-treiber",
                              "server-hook", "vorab-pruefen"})
"""The collaboration commands: parsed without importing the other command groups."""

GRUPPE_DES_BEFEHLS = {
    **dict.fromkeys(("liste", "zeige", "matrix"), "lesen"),
    **dict.fromkeys(("status", "setze", "steckbrief", "messwert", "massnahme", "rueckgaengig"),
                    "aendern"),
    **dict.fromkeys(("neu", "entfallen"), "fortschreibung"),
    **dict.fromkeys(("verlauf", "aenderungen"), "geschichte"),
    **dict.fromkeys(("bericht", "steckbriefe", "jahresplanung"), "berichte"),
    **dict.fromkeys(("pruefen", "schema"), "pruefen"),
    "init": "einrichten",
}
"""The module in ``strategie.cli`` that registers each command (checked against
``befehlsgruppen`` in the tests): a command is parsed with its own group only."""
