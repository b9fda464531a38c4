"""Entry point of the ``strategie`` command: parser, dispatch, German errors and exit codes.

Importing this module is cheap, and so is the top-level help: a named command imports and
parses with its own group only (``cli.befehle`` says which), so that ``zeige``, git's merge
driver and a sync with nothing to do start fast; without a command no group is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from strategie.cli import argparse_de  # noqa: F401  (installs German argparse texts)
from strategie.cli.befehle import BEFEHLE, GRUPPEN
from strategie.modell.fehler import StrategieFehler
from strategie.text.sicher import entschaerfe
from strategie.version import __version__

TYPE_CHECKING = False  # typing itself is not imported: the help starts faster without it
if TYPE_CHECKING:
    from typing import Any

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
    """The modules of all command groups, in the order of the help (imported now)."""
    import importlib

    return tuple(importlib.import_module(f"strategie.cli.{modul}") for modul in GRUPPEN)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages (which echo what was typed) freed of control codes."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(entschaerfe(message), file)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # the width argparse would find, without its import of shutil (with bz2 and lzma,
        # 2 ms on every start: each add_argument makes a formatter)
        return self.formatter_class(prog=self.prog, width=_spalten() - 2)  # type: ignore[call-arg]


def _spalten() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's width, else 80."""
    try:
        spalten = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        spalten = 0
    return spalten if spalten > 0 else _terminal_spalten()


def _terminal_spalten() -> int:
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Befehle(argparse._SubParsersAction):
    """The subcommands: each one's one-line help comes from the table in ``cli.befehle``."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name in BEFEHLE:
            kwargs.setdefault("help", BEFEHLE[name][1])
        return super().add_parser(name, **kwargs)


def _starte_app(args: argparse.Namespace) -> int:
    from strategie.cli.app import starte_app

    return starte_app(args)


def baue_parser(gruppen: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    """The command-line parser with the subcommands of *gruppen* (default: all groups).

    With no groups (``()``) every command is there by name and help only: enough for the
    top-level help, ``--version``, the app and the error for a wrong command name.
    """
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
    befehle = parser.add_subparsers(title="Befehle", dest="befehl", metavar="BEFEHL",
                                    action=_Befehle)
    if gruppen is None:
        gruppen = befehlsgruppen()
    for gruppe in gruppen:
        gruppe.registriere(befehle, gemeinsam)
    if not gruppen:
        for name in BEFEHLE:
            befehle.add_parser(name, add_help=False)
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
        elif argv[i].startswith("--store="):
            i += 1
        elif argv[i].startswith("-"):
            return None
        else:
            return argv[i]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    gruppen: tuple[ModuleType, ...] = ()
    befehl = _befehl(argv)
    if befehl in BEFEHLE:
        # one group's parser: the other groups' modules (and what they import) are not loaded
        import importlib

        gruppen = (importlib.import_module(f"strategie.cli.{BEFEHLE[befehl][0]}"),)
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

