"""Starting the terminal app: the one place where strategie imports ``tui`` (lazily, on demand)."""

from __future__ import annotations

import argparse
import sys

from strategie.speicher.finden import finde_speicher

OHNE_TERMINAL = """\
Aufruf: strategie [--store PFAD] BEFEHL [Angaben …]
Ohne Befehl öffnet strategie die Terminal-App. Die braucht ein Terminal, aber {fehlt}.
Zum Beispiel:
  strategie liste                                   Ziele auflisten
  strategie bericht --format markdown               Sachstandsbericht als Text
  strategie steckbriefe --ausgabe steckbriefe.html  Steckbriefe in eine Datei
Alle Befehle: strategie --help
"""
"""The short usage shown when the app would start without a terminal."""

AUFRUFFEHLER = 2
"""Exit code of a wrong call (as ``strategie.cli.main.AUFRUFFEHLER``)."""


def _fehlt() -> str:
    """Which side has no terminal, for the usage text; '' when both have one."""
    ein, aus = sys.stdin.isatty(), sys.stdout.isatty()
    if ein and aus:
        return ""
    if not ein and not aus:
        return "Ein- und Ausgabe sind umgeleitet"
    return ("die Eingabe kommt nicht von einem Terminal" if not ein
            else "die Ausgabe geht nicht an ein Terminal")


def starte_app(args: argparse.Namespace) -> int:
    """Open the Textual app on the store named by --store (or found); returns its exit code.

    Without a terminal on stdin and stdout (a pipe, a file, cron) the app would hang and fill
    the output with escape codes: a short German usage on stderr instead, exit code 2.
    """
    fehlt = _fehlt()
    if fehlt:
        sys.stderr.write(OHNE_TERMINAL.format(fehlt=fehlt))
        return AUFRUFFEHLER
    verzeichnis = finde_speicher(getattr(args, "store", None))
    from tui.app import starte  # lazy: the core never imports textual at module level

    return starte(verzeichnis)
