"""Set-up command: 'init' makes a new store in a new git repository."""

from __future__ import annotations

import argparse
from pathlib import Path

from strategie.cli.gemeinsam import konsole
from strategie.einrichten import lege_speicher_an


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'init' to the parser."""
    init = befehle.add_parser(
        "init", help="neuen Zielspeicher in einem neuen git-Repository anlegen",
        description="Legt ORDNER als neues git-Repository mit Rahmendatei (strategie.toml) an "
                    "und macht den ersten Commit.")
    init.add_argument("ordner", metavar="ORDNER", help="neuer oder leerer Ordner")
    init.add_argument("--beispiel", action="store_true",
                      help="die 46 Beispielziele mit anlegen (Texte nur zur Veranschaulichung)")
    init.set_defaults(ausfuehren=befehl_init)


def befehl_init(args: argparse.Namespace) -> int:
    """strategie init ORDNER [--beispiel]."""
    verzeichnis, commit = lege_speicher_an(Path(args.ordner), beispiel=args.beispiel)
    konsole().print(f"Zielspeicher angelegt: {verzeichnis} (Commit {commit[:8]})", markup=False)
    return 0
