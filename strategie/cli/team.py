"""Collaboration commands: sync, konflikte, loese, einrichten, and the programs git and the
server run (merge-treiber, server-hook, zustaendigkeit-vorab).

This module imports only argparse at load time: ``main`` builds a parser of this group alone
for these commands, so that they start without the rest of the command line.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add the collaboration commands to the parser."""
    einrichten = befehle.add_parser(
        "einrichten", parents=[gemeinsam],
        help="Klon für die Zusammenarbeit einrichten (Merge-Treiber, Hooks, CODEOWNERS)",
        description="Richtet den Klon für die Zusammenarbeit ein: .gitattributes für die "
                    "Zieldateien und den Merge-Treiber in der git-Konfiguration des Klons "
                    "(feldweise Zusammenführung bei sync, merge, rebase, cherry-pick). Kann "
                    "beliebig oft laufen und sagt, was es gesetzt hat und was schon da war.")
    einrichten.add_argument("--hooks", action="store_true",
                            help="auch den pre-commit-Hook installieren (prüft vor jedem "
                                 "Commit Zieldateien und warnt bei fremder Zuständigkeit)")
    einrichten.add_argument("--codeowners", action="store_true",
                            help="CODEOWNERS für GitLab/Forgejo aus den Zuständigkeitsregeln "
                                 "des Rahmens schreiben")
    einrichten.set_defaults(ausfuehren=befehl_einrichten)

    treiber = befehle.add_parser(
        "merge-treiber", parents=[gemeinsam],
        help="(ruft git auf) Zieldateien feldweise zusammenführen",
        description="Der Merge-Treiber, den git für Zieldateien aufruft "
                    "(merge.strategie.driver = strategie merge-treiber %%O %%A %%B %%L %%P). "
                    "Von Hand nicht nötig.")
    treiber.add_argument("dateien", nargs="*", metavar="DATEI", help="%%O %%A %%B %%L %%P")
    treiber.set_defaults(ausfuehren=befehl_merge_treiber)


def _speicher(args: argparse.Namespace) -> Path:
    from strategie.speicher.finden import finde_speicher

    return finde_speicher(getattr(args, "store", None))


def befehl_einrichten(args: argparse.Namespace) -> int:
    """strategie einrichten [--hooks] [--codeowners]."""
    from strategie.team.einrichten import richte_ein

    bericht = richte_ein(_speicher(args), hooks=args.hooks, codeowners=args.codeowners)
    for zeile in bericht.zeilen:
        print(zeile)
    print("Eingerichtet." if bericht.geaendert else "Alles war schon eingerichtet.")
    return 0


def befehl_merge_treiber(args: argparse.Namespace) -> int:
    """strategie merge-treiber %O %A %B %L %P (git calls it)."""
    from strategie.team.treiber import main

    return main(args.dateien)
