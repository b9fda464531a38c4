"""Reading commands: 'liste', 'zeige', 'matrix'."""

from __future__ import annotations

import argparse
import sys

from strategie.cli.gemeinsam import (
    filter_aus_args,
    filteroptionen,
    finde_ziel,
    konsole,
    oeffne_speicher,
    schreibe_stuecke,
    standoptionen,
)
from strategie.speicher.finden import finde_speicher


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add the reading commands to the parser."""
    liste = befehle.add_parser(
        "liste", parents=[gemeinsam],
        description="Listet die Ziele, wahlweise gefiltert. JSON: ein Objekt je Ziel mit den "
                    "Feldern unter ihren TOML-Namen (Datumswerte als JJJJ-MM-TT).")
    filteroptionen(liste)
    standoptionen(liste)
    liste.add_argument("--format", choices=("tabelle", "json", "csv"), default="tabelle",
                       help="Ausgabeformat (Standard: tabelle)")
    liste.set_defaults(ausfuehren=befehl_liste)

    zeige = befehle.add_parser("zeige", parents=[gemeinsam],
                               description="Zeigt ein Ziel mit Steckbrief, Maßnahmen und "
                                           "Kennzahlen.")
    zeige.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    standoptionen(zeige)
    zeige.set_defaults(ausfuehren=befehl_zeige)

    matrix = befehle.add_parser(
        "matrix", parents=[gemeinsam],
        description="Die Tabelle Amt × Handlungsfeld mit Zeilen- und Spaltensummen "
                    "(wie Abschnitt 5.1 des Abschlussberichts).")
    filteroptionen(matrix)
    standoptionen(matrix)
    matrix.set_defaults(ausfuehren=befehl_matrix)


def befehl_liste(args: argparse.Namespace) -> int:
    """strategie liste."""
    speicher = oeffne_speicher(args, vorauswahl=True)
    kriterien = filter_aus_args(args, speicher.rahmen)
    ziele = kriterien.anwenden(speicher.ziele)
    if args.format == "json":
        from strategie.ausgabe.json.listen import ziele_json_teile

        schreibe_stuecke(ziele_json_teile(ziele))
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        from strategie.ausgabe.tabellen.csv import als_csv

        abgeschlossen = frozenset(w.name for w in speicher.rahmen.massnahmenstatus
                                  if w.abgeschlossen)
        sys.stdout.write(als_csv(ziele, abgeschlossen))
        return 0
    from strategie.ausgabe.terminal.ziele import (
        RICH_TABELLE_MAX_ZEILEN,
        listen_tabelle,
        listen_text,
    )

    ausgabe = konsole()
    if len(ziele) <= RICH_TABELLE_MAX_ZEILEN:
        ausgabe.print(listen_tabelle(ziele))
    else:
        sys.stdout.write(listen_text(ziele, ausgabe.width) + "\n")
    zusatz = f" (Filter: {kriterien.beschreibung()})" if not kriterien.leer else ""
    ausgabe.print(f"{len(ziele)} von {speicher.anzahl} Zielen{zusatz}", style="dim",
                  markup=False)
    return 0


def befehl_zeige(args: argparse.Namespace) -> int:
    """strategie zeige ID."""
    from strategie.ausgabe.terminal import schlicht
    from strategie.ausgabe.terminal.ziel_bloecke import ziel_bloecke
    from strategie.speicher.einzeln import lade_einzeln

    ziel = None
    if args.stand is None and args.rev is None:  # one goal costs one file, not the store
        rahmen, ziel = lade_einzeln(finde_speicher(getattr(args, "store", None)), args.id)
    if ziel is None:
        speicher = oeffne_speicher(args, befunde_melden=False)
        rahmen, ziel = speicher.rahmen, finde_ziel(speicher, args.id)
    terminal, bloecke = schlicht.terminal(), ziel_bloecke(ziel, rahmen)
    if terminal is None or not schlicht.darstellbar(bloecke):
        # another encoding, a very narrow window, CJK or emoji in a text: Rich knows those
        from strategie.ausgabe.terminal.ziele import ziel_ansicht

        konsole().print(ziel_ansicht(ziel, rahmen))
    else:  # the same lines without importing Rich (half of what the command costs)
        breite, farben, attribute = terminal
        sys.stdout.write(schlicht.als_text(schlicht.zeilen(bloecke, breite), farben, attribute))
    return 0


def befehl_matrix(args: argparse.Namespace) -> int:
    """strategie matrix."""
    from strategie.ausgabe.terminal.ziele import matrix_tabelle
    from strategie.auswertung.matrix import zaehle_matrix

    speicher = oeffne_speicher(args, vorauswahl=True)
    kriterien = filter_aus_args(args, speicher.rahmen)
    matrix = zaehle_matrix(kriterien.anwenden(speicher.ziele), speicher.rahmen)
    titel = "Ziele je Amt und Handlungsfeld"
    if not kriterien.leer:
        titel += f" ({kriterien.beschreibung()})"
    konsole().print(matrix_tabelle(matrix, speicher.rahmen, titel))
    return 0
