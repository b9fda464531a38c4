"""``strategie --help`` (and ``--version``) without argparse: the text argparse would print.

Importing argparse and building the top-level parser with its 27 subcommands costs more than
the rest of the help; the layout below is argparse's own for this parser (usage on one line,
options and commands in two columns, long names on a line of their own, help wrapped with
``textwrap``). ``tests/cli/test_hilfe.py`` compares it with argparse's output at every width
from the narrowest it handles up to 300 columns; below that, argparse formats the help.
"""

from __future__ import annotations

import os
import sys

from strategie.cli.befehle import (
    BEFEHLE,
    BESCHREIBUNG,
    HILFE_HILFE,
    STORE_HILFE,
    TUI_HILFE,
    VERSION_HILFE,
)
from strategie.version import __version__

VERSION = f"strategie {__version__}"
"""What ``strategie --version`` prints (argparse's version action prints the same)."""
AUFRUF = "Aufruf: strategie [-h] [--store PFAD] [--version] BEFEHL ..."
MINDESTBREITE = len(AUFRUF)
"""Narrower, argparse wraps the usage line: then it formats the help itself."""

_OPTIONEN = (("-h, --help", HILFE_HILFE), ("--store PFAD", STORE_HILFE),
             ("--version", VERSION_HILFE))


def spalten() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's width, else 80."""
    try:
        breite = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        breite = 0
    if breite > 0:
        return breite
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def hilfe(breite: int) -> str | None:
    """The top-level help for *breite* columns (argparse's width: the terminal's less 2), or
    None when that is too narrow for this layout."""
    if breite < MINDESTBREITE:
        return None
    from strategie.cli.main import EXIT_CODES

    befehle = (*((name, text) for name, (_, text) in BEFEHLE.items()), ("tui", TUI_HILFE))
    # argparse: the widest invocation plus its indent, plus 2, at most 24 (or width - 20)
    laengste = max(max(len(o) for o, _ in _OPTIONEN), len("BEFEHL"),
                   max(len(n) for n, _ in befehle)) + 2
    spalte = min(laengste + 2, min(24, max(breite - 20, 4)))
    zeilen = [AUFRUF, "", BESCHREIBUNG, "", "Optionen:"]
    for option, text in _OPTIONEN:
        zeilen += _eintrag(2, option, text, spalte, breite)
    zeilen += ["", "Befehle:", "  BEFEHL"]
    for name, text in befehle:
        zeilen += _eintrag(4, name, text, spalte, breite)
    return "\n".join(zeilen) + "\n\n" + EXIT_CODES


def _eintrag(einzug: int, kopf: str, text: str, spalte: int, breite: int) -> list[str]:
    """One option or command as argparse lays it out: name, then its help from *spalte*."""
    import textwrap

    teile = textwrap.wrap(" ".join(text.split()), max(breite - spalte, 11))
    if len(kopf) <= spalte - einzug - 2:
        erste = [" " * einzug + kopf.ljust(spalte - einzug - 2) + "  " + teile[0]]
    else:
        erste = [" " * einzug + kopf, " " * spalte + teile[0]]
    return erste + [" " * spalte + t for t in teile[1:]]
