"""Fortschreibung commands: 'neu' (create a goal) and 'entfallen' (retire one by a Beschluss)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from strategie.cli.aendern import melde
from strategie.cli.gemeinsam import fehlerkonsole, frage_ja
from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import ZIEL, Feld, Typ
from strategie.modell.werte import datum_aus_text, normalisiere, wert_aus_text
from strategie.speicher.finden import finde_speicher
from strategie.speicher.rahmendatei import lade_rahmen

FELDOPTIONEN = tuple(f for f in ZIEL.felder if isinstance(f, Feld)
                     and f.name not in ("id", "amt") and not f.name.endswith("_begruendung"))
"""The goal's fields 'neu' takes as options (--titel, --handlungsfeld …), from the field spec."""


def _option(feld: Feld) -> str:
    return "--" + feld.name.replace("_", "-")


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'neu' and 'entfallen' to the parser."""
    neu = befehle.add_parser(
        "neu", parents=[gemeinsam],
        description="Legt im Amt ein neues Ziel mit der nächsten freien ID an (eine Nummer über "
                    "der höchsten, die das Amt je vergeben hat; Lücken werden nicht gefüllt). "
                    "Die Werte kommen aus den Optionen und der Vorlage [vorlage] des Rahmens. "
                    "Fehlt ein Pflichtfeld (Titel, Handlungsfeld, Wirkungs-, Leistungsziel), "
                    "öffnet sich $EDITOR mit der Zieldatei; kommt die Eingabe aus einer Pipe, "
                    "wird die ganze Zieldatei von stdin gelesen. Geprüft wird vor dem Commit.")
    neu.add_argument("amt", metavar="AMT", help="Kürzel des Amts, z. B. SA")
    gruppe = neu.add_argument_group("Felder des neuen Ziels")
    for feld in FELDOPTIONEN:
        hilfe = feld.titel + (f": {feld.beschreibung}" if feld.beschreibung else "")
        if feld.typ is Typ.TEXTLISTE:
            gruppe.add_argument(_option(feld), action="append", metavar="WERT",
                                help=f"{hilfe} (mehrfach angeben für mehrere)")
        else:
            gruppe.add_argument(_option(feld), metavar="WERT", help=hilfe)
    neu.add_argument("--editor", action="store_true",
                     help="die Zieldatei im $EDITOR öffnen, auch wenn alle Pflichtfelder "
                          "angegeben sind")
    neu.add_argument("-m", "--kommentar", default="", metavar="KOMMENTAR",
                     help="Kommentar: Text des Commits, z. B. der Anlass")
    neu.set_defaults(ausfuehren=befehl_neu)

    weg = befehle.add_parser(
        "entfallen", parents=[gemeinsam],
        description="Setzt den Umsetzungsstand auf 'entfallen' und trägt den Beschluss unter "
                    "[[beschluesse]] ein – in einem Commit. Die Zieldatei und ihr Verlauf "
                    "bleiben; entfallene Ziele zeigt 'strategie liste --status entfallen'.")
    weg.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    weg.add_argument("--gremium", required=True, metavar="GREMIUM",
                     help="das beschließende Gremium, z. B. Kreistag oder Sozialausschuss")
    weg.add_argument("--datum", required=True, metavar="DATUM",
                     help="Datum des Beschlusses (TT.MM.JJJJ oder JJJJ-MM-TT)")
    weg.add_argument("--drucksache", default="", metavar="NR",
                     help="Nummer der Drucksache, z. B. 2027/012")
    weg.add_argument("--inhalt", default="", metavar="TEXT",
                     help='Inhalt des Beschlusses (Standard: "Das Ziel entfällt.")')
    weg.add_argument("-m", "--kommentar", default="", metavar="BEGRÜNDUNG",
                     help="Begründung (Pflicht): wird status_begruendung und Text des Commits")
    weg.set_defaults(ausfuehren=befehl_entfallen)


def _werte(args: argparse.Namespace, rahmen: Any) -> dict[str, Any]:
    werte: dict[str, Any] = {}
    for feld in FELDOPTIONEN:
        angabe = getattr(args, feld.name)
        if angabe is None:
            continue
        if feld.typ is Typ.TEXTLISTE:
            werte[feld.name] = [w for a in angabe for w in wert_aus_text(feld, a, rahmen)]
        else:
            werte[feld.name] = wert_aus_text(feld, angabe, rahmen)
    return werte


def befehl_neu(args: argparse.Namespace) -> int:
    """strategie neu AMT [--titel …] [--editor] [-m KOMMENTAR]."""
    from strategie.aendern.fortschreibung import KOPF, lege_an, naechste_id, ohne_kopf, vorlage_text

    verzeichnis = finde_speicher(getattr(args, "store", None))
    rahmen = lade_rahmen(verzeichnis)
    werte = _werte(args, rahmen)
    kommentar = normalisiere(args.kommentar)
    fehlt = [f.name for f in ZIEL.felder if isinstance(f, Feld) and f.pflicht
             and f.name not in ("id", "amt", "status") and f.name not in werte]
    if not fehlt and not args.editor:  # the id is chosen under the write lock
        melde(lege_an(verzeichnis, args.amt, werte, kommentar))
        return 0
    ziel_id = naechste_id(verzeichnis, args.amt)
    if not sys.stdin.isatty() and not args.editor:
        text = normalisiere(sys.stdin.read())
        melde(lege_an(verzeichnis, args.amt, werte, kommentar, text=text, ziel_id=ziel_id))
        return 0
    from strategie.cli.editor import im_editor

    text = vorlage_text(rahmen, ziel_id, werte)
    while True:
        text = im_editor(text, prefix="neues-ziel-", suffix=".toml")
        inhalt = normalisiere(ohne_kopf(text))
        if not inhalt.strip():
            fehlerkonsole().print("Leere Datei: kein Ziel angelegt.", markup=False)
            return 0
        try:
            melde(lege_an(verzeichnis, args.amt, werte, kommentar, text=inhalt,
                          ziel_id=ziel_id))
            return 0
        except StrategieFehler as fehler:
            fehlerkonsole().print(f"Fehler: {fehler.meldung}", markup=False)
            if not frage_ja("Noch einmal bearbeiten?"):
                raise StrategieFehler("Kein Ziel angelegt.") from None
            kopf = "".join(f"{KOPF} {z}\n" for z in fehler.meldung.splitlines())
            text = kopf + inhalt


def befehl_entfallen(args: argparse.Namespace) -> int:
    """strategie entfallen ID --gremium … --datum … [--drucksache …] -m BEGRÜNDUNG."""
    from strategie.aendern.fortschreibung import entfalle

    verzeichnis = finde_speicher(getattr(args, "store", None))
    melde(entfalle(verzeichnis, args.id, gremium=normalisiere(args.gremium),
                   datum=datum_aus_text(args.datum), begruendung=normalisiere(args.kommentar),
                   drucksache=normalisiere(args.drucksache), inhalt=normalisiere(args.inhalt)))
    return 0
