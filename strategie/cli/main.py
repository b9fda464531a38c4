"""Entry point of the ``strategie`` command: parser, dispatch, German errors and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from strategie.cli import (
    aendern,
    argparse_de,  # noqa: F401  (installs German argparse texts)
    berichte,
    einrichten,
    fortschreibung,
    geschichte,
    lesen,
    pruefen,
)
from strategie.cli.app import starte_app
from strategie.cli.gemeinsam import fehlerkonsole
from strategie.modell.befund import StrategieFehler
from strategie.text.sicher import entschaerfe
from strategie.version import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

ERFOLG = 0
BEFUNDE = 1
AUFRUFFEHLER = 2
FEHLER = 3
ABGEBROCHEN = 130

EXIT_CODES = f"""\
Exit-Codes:
  {ERFOLG}    erfolgreich
  {BEFUNDE}    'pruefen' hat Befunde gefunden (mit --streng auch: Hinweise)
  {AUFRUFFEHLER}    falscher Aufruf (unbekannte Option, fehlende Angabe)
  {FEHLER}    Fehler (kein Zielspeicher, unbekanntes Ziel, ungültiger Wert, git-Fehler)
  {ABGEBROCHEN}  abgebrochen (Strg+C)
"""

BEFEHLSGRUPPEN = (lesen, aendern, fortschreibung, geschichte, berichte, pruefen, einrichten)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages (which echo what was typed) freed of control codes."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(entschaerfe(message), file)


def baue_parser() -> argparse.ArgumentParser:
    """The full command-line parser with all subcommands."""
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
    for gruppe in BEFEHLSGRUPPEN:
        gruppe.registriere(befehle, gemeinsam)
    tui = befehle.add_parser("tui", parents=[gemeinsam], help="die Terminal-App öffnen",
                             description="Öffnet die Terminal-App auf dem Zielspeicher.")
    tui.set_defaults(ausfuehren=starte_app)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = baue_parser()
    args = parser.parse_args(argv)
    ausfuehren = getattr(args, "ausfuehren", starte_app)
    try:
        return int(ausfuehren(args) or ERFOLG)
    except StrategieFehler as fehler:
        # messages quote goal values and user input: shown literally, never as control codes
        fehlerkonsole().print(f"Fehler: {entschaerfe(fehler.meldung)}", markup=False,
                              highlight=False, soft_wrap=True)
        return FEHLER
    except KeyboardInterrupt:
        fehlerkonsole().print("Abgebrochen.", markup=False)
        return ABGEBROCHEN
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); stay quiet like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ERFOLG
