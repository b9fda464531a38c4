"""Report output bound for a terminal: a summary instead of HTML, a refusal for binary formats.

HTML is a print document of hundreds of kilobytes; on a terminal it is unreadable, so the
report commands show what the document would hold and how to get it (a file, or Markdown to
read). XLSX and DOCX would garble the terminal and are refused. To a pipe or a file every
format is written as asked.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TYPE_CHECKING

from strategie.ausgabe.berichte import BINAERE_FORMATE, ENDUNGEN, FORMATNAMEN
from strategie.cli.gemeinsam import konsole
from strategie.modell.befund import StrategieFehler
from strategie.text.format import zahl_de

if TYPE_CHECKING:  # imported where used: the commands' parser stays cheap
    from strategie.auswertung.bericht import Bericht
    from strategie.auswertung.jahresplanung import Jahresplanung

NUR_UEBERSICHT = frozenset({"html"})
"""Text formats that a terminal gets only as a summary."""


def zum_terminal(args: argparse.Namespace) -> bool:
    """True when the command's output goes to a terminal (no --ausgabe, stdout a terminal)."""
    return not args.ausgabe and sys.stdout.isatty()


def pruefe_binaer(args: argparse.Namespace, befehl: str) -> None:
    """Refuse a binary format bound for a terminal, before any work is done."""
    if args.format in BINAERE_FORMATE and zum_terminal(args):
        name = FORMATNAMEN[args.format]
        raise StrategieFehler(
            f"{name} ist ein Binärformat und gehört nicht auf den Bildschirm: mit "
            f"'strategie {befehl} --format {args.format} --ausgabe {befehl}{ENDUNGEN[args.format]}"
            f"' in eine Datei schreiben (oder in eine Pipe umleiten).")


def nur_uebersicht(args: argparse.Namespace) -> bool:
    """True when the output is a summary instead of the document (HTML to a terminal)."""
    return args.format in NUR_UEBERSICHT and zum_terminal(args)


def zeige_uebersicht(args: argparse.Namespace, modell: Bericht | Jahresplanung, *, kopf: str,
                     befehl: str, datei: str, lesen: str) -> None:
    """What the document would hold (goals per Amt) and how to write it (``strategie
    *befehl* --ausgabe *datei*``) or read it on the terminal (*lesen*)."""
    from rich.table import Table

    from strategie.auswertung.jahresplanung import Jahresplanung

    ziele = (tuple(z.ziel for a in modell.aemter for z in a.zeilen)
             if isinstance(modell, Jahresplanung) else modell.ziele)
    je_amt = Counter(z.amt for z in ziele)
    ausgabe = konsole()
    ausgabe.print(f"{kopf.format(anzahl=zahl_de(len(ziele)))} – als "
                  f"{FORMATNAMEN[args.format]} nicht auf dem Bildschirm ausgegeben",
                  style="bold", markup=False)
    tabelle = Table(show_header=False, box=None, padding=(0, 2))
    tabelle.add_column("Amt")
    tabelle.add_column("Ziele", justify="right")
    for amt in modell.rahmen.aemter_in_anlagenfolge():
        if je_amt.get(amt.kuerzel):
            tabelle.add_row(f"{amt.kuerzel} – {amt.kurzname}", zahl_de(je_amt[amt.kuerzel]))
    ausgabe.print(tabelle)
    ausgabe.print(f"In eine Datei schreiben: strategie {befehl} --ausgabe {datei}"
                  f"{ENDUNGEN[args.format]}\nIm Terminal lesen:       {lesen}",
                  markup=False, highlight=False)
