"""Checking commands: 'pruefen' (all Befunde of a store) and 'schema' (JSON Schema of a goal)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strategie.modell.befund import Befund, StrategieFehler, anzahl_befunde
from strategie.modell.werte import datum_aus_text
from strategie.speicher.finden import finde_speicher
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.text.format import anzahl_de, zahl_de
from strategie.text.sicher import entschaerfe


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'pruefen' and 'schema' to the parser."""
    pruefen = befehle.add_parser(
        "pruefen", parents=[gemeinsam],
        description="Prüft Rahmen und alle Zieldateien und meldet jeden Befund als "
                    "'Datei:Zeile: Meldung'. Danach, getrennt, die Hinweise als 'Datei:Zeile: "
                    "Hinweis: …': gültige Ziele, denen für die Steuerung etwas fehlt (nicht "
                    "haushaltsneutral ohne [haushalt], Projekt ohne Umsetzungsjahr, Kennzahl "
                    "ohne aktuellen Messwert). Exit-Code 0: keine Befunde (Hinweise zählen "
                    "nicht, außer mit --streng), 1: Befunde.")
    pruefen.add_argument("speicher", nargs="?", metavar="SPEICHER",
                         help="Ordner des Zielspeichers (sonst --store oder Suche)")
    pruefen.add_argument("--streng", action="store_true",
                         help="auch Hinweise ergeben Exit-Code 1 (etwa für die Prüfung vor "
                              "einer Sitzung)")
    pruefen.add_argument("--heute", metavar="DATUM",
                         help="Tag, an dem das Alter der Messwerte gemessen wird (Standard: "
                              "heute)")
    pruefen.add_argument("--zustaendigkeit", metavar="REV..REV",
                         help="statt der Dateien: jeden Commit des Bereichs nach den Regeln "
                              "[zustaendigkeit] beurteilen (Pusher, wie der Server sie "
                              "vermerkt hat; sonst der Autor, als unbestätigt gekennzeichnet)")
    pruefen.set_defaults(ausfuehren=befehl_pruefen)

    schema = befehle.add_parser(
        "schema", parents=[gemeinsam],
        description="Gibt das JSON Schema (draft-07) einer Zieldatei aus, erzeugt aus Modell "
                    "und Rahmen – für Editoren, die Zieldateien beim Tippen prüfen. Mit "
                    "--bericht das Schema von 'strategie bericht --format json'.")
    welches = schema.add_mutually_exclusive_group()
    welches.add_argument("--bericht", action="store_true",
                         help="das Schema des JSON-Berichts statt das einer Zieldatei")
    welches.add_argument("--jahresplanung", action="store_true",
                         help="das Schema von 'strategie jahresplanung --format json'")
    schema.set_defaults(ausfuehren=befehl_schema)


def befehl_pruefen(args: argparse.Namespace) -> int:
    """strategie pruefen [SPEICHER] [--streng]."""
    from strategie.auswertung.pruefhinweise import pruefhinweise
    from strategie.speicher.laden import lade_speicher

    verzeichnis = finde_speicher(args.speicher or getattr(args, "store", None))
    if args.zustaendigkeit:
        return _pruefe_zustaendigkeit(verzeichnis, args.zustaendigkeit)
    from strategie.aendern.journal import erhole_bei_bedarf

    if (erholt := erhole_bei_bedarf(verzeichnis, werfen=True)) is not None:
        print(entschaerfe(erholt), file=sys.stderr)
    try:
        speicher = lade_speicher(verzeichnis)
    except StrategieFehler as fehler:
        if not fehler.befunde:
            raise
        _melde(fehler.befunde)
        return 1
    _melde(speicher.befunde)
    hinweise = pruefhinweise(speicher, datum_aus_text(args.heute) if args.heute else None)
    for hinweis in hinweise:
        print(entschaerfe(hinweis.als_zeile().replace(": Feld '", ": Hinweis: Feld '", 1)))
    anzahl = len(speicher.ziele)
    zu_hinweisen = ""
    if hinweise:
        zu_hinweisen = (f"; {anzahl_de(len(hinweise), 'Hinweis', 'Hinweise')} zu "
                        f"{anzahl_de(len({h.pfad for h in hinweise}), 'Ziel', 'Zielen')}"
                        + ("" if args.streng else " (kein Fehler; mit --streng schon)"))
    if speicher.befunde:
        dateien = len({b.pfad for b in speicher.befunde})
        print(f"{zahl_de(anzahl_befunde(speicher.befunde))} Befund(e) in {dateien} Datei(en); "
              f"{anzahl} Ziele fehlerfrei gelesen{zu_hinweisen}.", file=sys.stderr)
        return 1
    if hinweise and args.streng:
        print(f"Rahmen und {anzahl} Ziele fehlerfrei, aber {zu_hinweisen[2:]} (--streng).",
              file=sys.stderr)
        return 1
    print(f"In Ordnung: Rahmen und {anzahl} Ziele fehlerfrei{zu_hinweisen}.", file=sys.stderr)
    return 0


def _pruefe_zustaendigkeit(verzeichnis: Path, bereich: str) -> int:
    from strategie.team.pruefung import pruefe_verlauf

    funde, anzahl, bestaetigt = pruefe_verlauf(verzeichnis, bereich)
    for fund in funde:
        print(entschaerfe(fund.zeile()))
    unbestaetigt = anzahl - bestaetigt
    hinweis = (f"; bei {unbestaetigt} ohne Vermerk des Servers zählt der Autor laut Commit "
               "(unbestätigt)" if unbestaetigt else "")
    print(f"{anzahl} Commit(s) geprüft, {len(funde)} Verstoß/Verstöße gegen die Zuständigkeit"
          f"{hinweis}.", file=sys.stderr)
    return 1 if funde else 0


def _melde(befunde: tuple[Befund, ...]) -> None:
    for befund in befunde:
        print(entschaerfe(befund.als_zeile()))


def befehl_schema(args: argparse.Namespace) -> int:
    """strategie schema [--bericht | --jahresplanung]."""
    import json

    from strategie.modell.schema import ziel_schema

    if args.bericht:
        from strategie.ausgabe.json.schema import SCHEMA

        schema = SCHEMA
    elif args.jahresplanung:
        from strategie.ausgabe.json.schema import JAHRESPLANUNG_SCHEMA

        schema = JAHRESPLANUNG_SCHEMA
    else:
        schema = ziel_schema(lade_rahmen(finde_speicher(getattr(args, "store", None))))
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
