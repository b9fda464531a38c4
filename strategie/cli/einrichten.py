"""Set-up command: 'init' makes a new store in a new git repository, set up for working
together (``.gitattributes`` and the merge driver, as ``strategie einrichten`` does)."""

from __future__ import annotations

import argparse
from pathlib import Path

from strategie.cli.gemeinsam import konsole
from strategie.modell.befund import StrategieFehler


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'init' to the parser."""
    init = befehle.add_parser(
        "init", parents=[gemeinsam],
        description="Legt ORDNER (oder --store PFAD) als neues git-Repository mit Rahmendatei "
                    "(strategie.toml) an und macht den ersten Commit.")
    init.add_argument("ordner", metavar="ORDNER", nargs="?",
                      help="neuer oder leerer Ordner (statt --store PFAD)")
    init.add_argument("--beispiel", action="store_true",
                      help="die 46 Beispielziele mit anlegen (Texte nur zur Veranschaulichung)")
    init.set_defaults(ausfuehren=befehl_init)


def befehl_init(args: argparse.Namespace) -> int:
    """strategie init ORDNER|--store ORDNER [--beispiel]."""
    from strategie.speicher.anlegen import lege_speicher_an

    store = getattr(args, "store", None)
    if args.ordner and store and Path(args.ordner).resolve() != Path(store).resolve():
        raise StrategieFehler(f"Zwei verschiedene Ordner angegeben ({args.ordner} und --store "
                              f"{store}); bitte nur einen.")
    ordner = args.ordner or store
    if not ordner:
        raise StrategieFehler("Bitte den neuen Ordner angeben: strategie init ORDNER "
                              "(oder --store ORDNER).")
    from strategie.team.einrichten import attribut_zeilen, richte_ein

    verzeichnis, commit = lege_speicher_an(Path(ordner), beispiel=args.beispiel,
                                           dateien={".gitattributes": attribut_zeilen("")})
    konsole().print(f"Zielspeicher angelegt: {verzeichnis} (Commit {commit[:8]})", markup=False)
    for zeile in richte_ein(verzeichnis).zeilen:
        konsole().print(zeile, markup=False)
    return 0
