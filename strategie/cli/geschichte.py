"""History commands: 'verlauf' of a goal, 'aenderungen' over the store."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from strategie.cli.gemeinsam import konsole
from strategie.modell.befund import StrategieFehler
from strategie.speicher.ablage import datei_des_ziels
from strategie.speicher.finden import finde_speicher
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.toml.lesen import lies_toml


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'verlauf' and 'aenderungen' to the parser."""
    verl = befehle.add_parser(
        "verlauf", parents=[gemeinsam],
        description="Jeder Commit, der das Ziel berührt hat: Datum, Autor, Kommentar und die "
                    "geänderten Felder (alt → neu; lange Texte als Wortvergleich). Aus den "
                    "Dateiinhalten berechnet, also auch für Commits aus dem Editor.")
    verl.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    verl.add_argument("--format", choices=("tabelle", "json", "markdown"), default="tabelle",
                      help="Ausgabeformat (Standard: tabelle)")
    verl.set_defaults(ausfuehren=befehl_verlauf)

    aend = befehle.add_parser(
        "aenderungen", parents=[gemeinsam],
        description="Alle Änderungen an Zielen in einem Zeitraum, nach Ziel gruppiert. Ein "
                    "Commit, der mehr als drei Ziele berührt (Ersterfassung, Sammeländerung), "
                    "steht einmal vorn mit der Zahl der Ziele. Wortvergleiche: im Terminal "
                    "farbig und durchgestrichen, sonst ~~alt~~ **neu**; JSON je Ziel und Commit.")
    aend.add_argument("--seit", required=True, metavar="DATUM|REV",
                      help="Datum (JJJJ-MM-TT, TT.MM.JJJJ) oder Commit/Tag, z. B. bericht-2025")
    aend.add_argument("--bis", metavar="DATUM|REV", help="Ende des Zeitraums (Standard: jetzt)")
    aend.add_argument("--format", choices=("tabelle", "json", "markdown"), default="tabelle",
                      help="Ausgabeformat (Standard: tabelle)")
    aend.set_defaults(ausfuehren=befehl_aenderungen)


def befehl_verlauf(args: argparse.Namespace) -> int:
    """strategie verlauf ID."""
    from strategie.verlauf.eintraege import verlauf

    verzeichnis = finde_speicher(getattr(args, "store", None))
    eintraege = verlauf(verzeichnis, args.id)
    if args.format == "json":
        from strategie.ausgabe.json.listen import verlauf_json

        sys.stdout.write(verlauf_json(eintraege) + "\n")
    elif args.format == "markdown":
        from strategie.ausgabe.markdown.verlauf import aenderungen_markdown

        titel = {e.ziel_id: _titel(verzeichnis, e.ziel_id) for e in eintraege[:1]}
        sys.stdout.write(aenderungen_markdown(eintraege, titel, f"Verlauf {args.id.upper()}"))
    else:
        from strategie.ausgabe.terminal.verlauf import mit_stilen, verlauf_ansicht

        ausgabe = konsole()
        ausgabe.print(verlauf_ansicht(eintraege, farbig=mit_stilen(ausgabe)))
    return 0


def _titel(verzeichnis: Path, ziel_id: str) -> str:
    """The goal's title as its file has it now, or a note why there is none."""
    try:
        pfad = datei_des_ziels(verzeichnis, lade_rahmen(verzeichnis), ziel_id)
        return str(lies_toml(pfad.read_text(encoding="utf-8")).get("titel") or "(ohne Titel)")
    except StrategieFehler:
        return "(nicht mehr im Zielspeicher)"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "(Zieldatei derzeit nicht lesbar)"


def befehl_aenderungen(args: argparse.Namespace) -> int:
    """strategie aenderungen --seit DATUM|REV [--bis DATUM|REV]."""
    from strategie.ausgabe.json.listen import verlauf_json
    from strategie.ausgabe.markdown.verlauf import aenderungen_markdown
    from strategie.ausgabe.terminal.verlauf import aenderungen_ansicht, mit_stilen
    from strategie.speicher.laden import lade_speicher
    from strategie.verlauf.eintraege import aenderungen

    verzeichnis = finde_speicher(getattr(args, "store", None))
    eintraege = aenderungen(verzeichnis, args.seit, args.bis)
    if args.format == "json":
        sys.stdout.write(verlauf_json(eintraege) + "\n")
        return 0
    titel = {z.id: z.titel for z in lade_speicher(verzeichnis).ziele}
    for eintrag in eintraege:  # a goal deleted since, or a file invalid right now
        titel.setdefault(eintrag.ziel_id, _titel(verzeichnis, eintrag.ziel_id))
    if args.format == "markdown":
        zeitraum = f"Änderungen seit {args.seit}" + (f" bis {args.bis}" if args.bis else "")
        sys.stdout.write(aenderungen_markdown(eintraege, titel, zeitraum))
    else:
        ausgabe = konsole()
        ausgabe.print(aenderungen_ansicht(eintraege, titel, farbig=mit_stilen(ausgabe)))
    return 0
