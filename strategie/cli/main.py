"""Entry point of the ``strategie`` command: dispatch, German errors and exit codes.

Importing this module is cheap, and so is the top-level help: ``strategie --help`` is
written by ``cli.hilfe`` without argparse; a named command imports and parses with its own
group only (``cli.befehle`` says which, ``cli.parser`` builds the parser), so that ``zeige``,
git's merge driver and a sync with nothing to do start fast; without a command no group is
imported.
"""

from __future__ import annotations

import errno
import os
import sys

from strategie.cli.befehle import BEFEHLE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

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
  {FEHLER}    Fehler (kein Zielspeicher, unbekanntes Ziel, ungültiger Wert, git-Fehler,
       eine Sperre eines anderen git-Vorgangs)
  {NICHT_ERREICHBAR}    'sync' (auch --pruefen): das gemeinsame Repository ist nicht erreichbar
       (alles bleibt lokal)
  {KONFLIKT}    'sync': Konflikte zu lösen (strategie konflikte)
  {ABGELEHNT}    'sync': der Server hat die eigenen Änderungen abgelehnt
  {ABGEBROCHEN}  abgebrochen (Strg+C)
"""


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
    try:
        if argv in (["-h"], ["--help"], ["--version"]):
            from strategie.cli.hilfe import VERSION, hilfe, spalten

            text = f"{VERSION}\n" if argv == ["--version"] else hilfe(spalten() - 2)
            if text is not None:
                return _schreibe(text)
        befehl = _befehl(argv)
        if befehl != "sync":
            return _fuehre_aus(argv, befehl)
        from strategie.cli import abruf

        try:
            abruf.beginne(argv)  # the fetch runs while the parser and the sync are imported
            return _fuehre_aus(argv, befehl)
        finally:
            abruf.beende()
    except KeyboardInterrupt:  # also while the parser is built (a sync's fetch is stopped)
        print("Abgebrochen.", file=sys.stderr)
        return ABGEBROCHEN


def _schreibe(text: str) -> int:
    """Write the help or the version to stdout (to stderr when stdout is closed, as argparse
    does); a German error when that fails, quiet when the reader went away."""
    ausgabe = sys.stdout or sys.stderr
    if ausgabe is None:
        return ERFOLG
    try:
        ausgabe.write(text)
        ausgabe.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`): quiet like other tools
        _ins_leere()
        return ERFOLG
    except OSError as fehler:
        from strategie.modell.befund import os_fehlertext

        _ins_leere()  # what is still buffered must not fail again at exit
        if sys.stderr is not None and ausgabe is not sys.stderr:
            print(f"Fehler: Die Ausgabe ließ sich nicht schreiben: {os_fehlertext(fehler)}",
                  file=sys.stderr)
        return FEHLER
    return ERFOLG


def _fuehre_aus(argv: list[str], befehl: str | None) -> int:
    from strategie.cli.parser import baue_parser, oeffne_app
    from strategie.modell.fehler import NichtErreichbar, StrategieFehler
    from strategie.text.sicher import entschaerfe

    gruppen: tuple[ModuleType, ...] = ()
    if befehl in BEFEHLE:
        # one group's parser: the other groups' modules (and what they import) are not loaded
        import importlib

        gruppen = (importlib.import_module(f"strategie.cli.{BEFEHLE[befehl][0]}"),)
    args = baue_parser(gruppen).parse_args(argv)
    ausfuehren = getattr(args, "ausfuehren", oeffne_app)
    if ausfuehren is not oeffne_app:
        # A command runs once and ends: a report over 10,000 goals unpickles and builds
        # hundreds of thousands of objects that all survive, and the default thresholds walk
        # them again and again (~30 % of its CPU time). Cycles are still collected, rarely.
        import gc

        gc.set_threshold(50_000, 20, 100)
    try:
        code = int(ausfuehren(args) or ERFOLG)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not as a traceback at exit
        return code
    except StrategieFehler as fehler:
        # messages quote goal values and user input: shown literally, never as control codes
        print(f"Fehler: {entschaerfe(fehler.meldung)}", file=sys.stderr)
        return NICHT_ERREICHBAR if isinstance(fehler, NichtErreichbar) else FEHLER
    except BrokenPipeError:  # the reader went away (e.g. `| head`): quiet like other tools
        _ins_leere()
        return ERFOLG
    except OSError as fehler:
        if fehler.filename is not None or fehler.errno not in _AUSGABEFEHLER:
            raise  # a file of ours: the command says it, or it is a bug to see in full
        from strategie.modell.befund import os_fehlertext

        _ins_leere()
        print(f"Fehler: Die Ausgabe ließ sich nicht schreiben: {os_fehlertext(fehler)}",
              file=sys.stderr)
        return FEHLER


_AUSGABEFEHLER = (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG)
"""What writing to stdout can meet (``> /dev/full``, a full disk, a vanished terminal)."""


def _ins_leere() -> None:
    """Point stdout at /dev/null, so that what is still buffered is dropped at exit instead
    of failing a second time."""
    if sys.stdout is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

