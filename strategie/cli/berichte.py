"""Report commands: 'bericht' (Sachstandsbericht) and 'steckbriefe' (Maßnahmensteckbriefe)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.ausgabe.berichte import (
    BERICHTSFORMATE,
    FORMATNAMEN,
    JAHRESPLANUNGSFORMATE,
    STECKBRIEFFORMATE,
    bericht_teile,
    rendere_bericht,
    rendere_jahresplanung,
    rendere_steckbriefe,
)
from strategie.auswertung.grundlage import GRUNDLAGEN
from strategie.cli.bildschirm import nur_uebersicht, pruefe_binaer, zeige_uebersicht
from strategie.cli.fortschritt import fortschritt
from strategie.cli.gemeinsam import (
    fehlerkonsole,
    filter_aus_args,
    filteroptionen,
    konsole,
    oeffne_speicher,
    schreibe_stuecke,
    standoptionen,
)
from strategie.modell.befund import StrategieFehler, anzeigepfad
from strategie.modell.rahmen import MAX_MONATE
from strategie.speicher.ablage import pruefe_ausgabeziel
from strategie.speicher.finden import finde_speicher

if TYPE_CHECKING:  # Rich and the report model are imported when a report is made
    from rich.console import RenderableType

    from strategie.auswertung.bericht import Bericht
    from strategie.auswertung.jahresplanung import Jahresplanung
    from strategie.cli.fortschritt import Schritt


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add 'bericht' and 'steckbriefe' to the parser."""
    bericht = befehle.add_parser(
        "bericht", parents=[gemeinsam],
        description="Der Sachstandsbericht: Ziele je Amt und Handlungsfeld, Umsetzungsstand und "
                    "Ampel, Umsetzungsjahre und Mittel, Räume, Leuchttürme, Handlungsbedarf, "
                    "Kennzahlen und (mit --seit) die Änderungen eines Zeitraums. Jeder Bericht "
                    "nennt seine Grundlage: Name "
                    "des Speichers, Commit, Stichtag und Erstellungszeit.")
    filteroptionen(bericht)
    standoptionen(bericht)
    bericht.add_argument("--seit", metavar="DATUM|REV",
                         help="Abschnitt 'Änderungen seit' (Datum oder Commit/Tag)")
    bericht.add_argument("--bis", metavar="DATUM|REV",
                         help="Ende des Zeitraums für --seit (Standard: der Stand des Berichts)")
    bericht.add_argument("--monate", type=int, metavar="N",
                         help="ein Steckbrief gilt nach N Monaten als veraltet "
                              "(Standard: steckbrief_max_alter_monate aus strategie.toml)")
    _ausgabeoptionen(bericht, BERICHTSFORMATE, "terminal")
    bericht.set_defaults(ausfuehren=befehl_bericht)

    steckbriefe = befehle.add_parser(
        "steckbriefe", parents=[gemeinsam],
        description="Ein Maßnahmensteckbrief je Ziel wie in Vorlage 2024/144 (Aktueller Stand, "
                    "finanzielle und inhaltliche Beurteilung), nach Organisationseinheit in der "
                    "Reihenfolge der Anlagen 2–7; in HTML ein Steckbrief je Druckseite. Auf "
                    "einem Terminal zeigt der Befehl statt des HTML (ein Druckdokument, dort "
                    "unlesbar) nur, wie viele Steckbriefe je Amt es wären, und wie man sie "
                    "schreibt: --ausgabe DATEI, oder --format markdown zum Lesen. Das Format "
                    "bleibt so dasselbe, ob auf den Bildschirm, in eine Pipe oder eine Datei; "
                    "XLSX und DOCX nur in eine Datei oder Pipe.")
    filteroptionen(steckbriefe)
    standoptionen(steckbriefe)
    _ausgabeoptionen(steckbriefe, STECKBRIEFFORMATE, "html")
    steckbriefe.set_defaults(ausfuehren=befehl_steckbriefe)

    planung = befehle.add_parser(
        "jahresplanung", parents=[gemeinsam],
        description="Die Jahresplanung für die jährliche Auswahl der Ziele (Abschlussbericht, "
                    "Kapitel 6): die Ziele mit Umsetzungsjahr JAHR je Organisationseinheit mit "
                    "Art, Umsetzungsstand, haushaltsneutral, Produkt, Mitteln (Plan, Ist) und "
                    "Personal (VZÄ), Summen je Amt und insgesamt; dazu die offenen Ziele ohne "
                    "Umsetzungsjahr.")
    planung.add_argument("jahr", metavar="JAHR", type=_jahr,
                         help="das Haushaltsjahr, z. B. 2027")
    filteroptionen(planung)
    standoptionen(planung)
    _ausgabeoptionen(planung, JAHRESPLANUNGSFORMATE, "terminal")
    planung.set_defaults(ausfuehren=befehl_jahresplanung)


def _jahr(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f'"{text}" ist keine Jahreszahl')
    return int(text)


def _ausgabeoptionen(parser: argparse.ArgumentParser, formate: tuple[str, ...],
                     standard: str) -> None:
    gruppe = parser.add_argument_group("Ausgabe")
    gruppe.add_argument("--format", choices=formate, default=standard,
                        help=f"Ausgabeformat (Standard: {standard})")
    gruppe.add_argument("--ausgabe", metavar="DATEI",
                        help="in diese Datei schreiben statt auf die Standardausgabe")
    gruppe.add_argument("--grundlage", choices=GRUNDLAGEN, default="kurz",
                        help="kurz (Standard, für Veröffentlichungen): Name des Speichers, "
                             "Ordner im Repository und kurze Commit-ID; lang: dazu der Pfad "
                             "auf diesem Rechner und die volle Commit-ID")
    gruppe.add_argument("--vorlage", metavar="ORDNER",
                        help="Ordner mit eigenen Vorlagen (HTML: *.html.j2, *.css.j2; DOCX: "
                             "vorlage.docx), die gleichnamige mitgelieferte ersetzen "
                             "(Standard: [berichte] vorlagen aus strategie.toml)")


def _erstelle(args: argparse.Namespace, schritt: Schritt, *, mit_zeitraum: bool) -> Bericht:
    from strategie.auswertung.bericht import erstelle_bericht

    schritt("Lade den Zielspeicher")
    speicher = oeffne_speicher(args)
    return erstelle_bericht(
        speicher, kriterien=filter_aus_args(args, speicher.rahmen),
        seit=getattr(args, "seit", None) if mit_zeitraum else None,
        bis=getattr(args, "bis", None) if mit_zeitraum else None,
        max_alter_monate=getattr(args, "monate", None), schritt=schritt,
        grundlage_lang=args.grundlage == "lang")


def _gib_aus(inhalt: str | bytes | Iterator[bytes], args: argparse.Namespace, was: str,
            bericht: Bericht | Jahresplanung) -> None:
    """Write to --ausgabe atomically (and say so on stderr), or to stdout."""
    if args.ausgabe:
        ziel = Path(args.ausgabe)
        try:
            speicher: Path | None = finde_speicher(getattr(args, "store", None))
        except StrategieFehler:
            speicher = None
        pruefe_ausgabeziel(ziel, speicher)
        if not ziel.parent.is_dir():
            raise StrategieFehler(f"Der Ordner für {ziel} existiert nicht.")
        from strategie.aendern.atomar import schreibe_atomar

        neu = not ziel.exists()
        schreibe_atomar(ziel, inhalt.encode("utf-8") if isinstance(inhalt, str) else inhalt)
        if neu:
            _rechte_nach_umask(ziel)
        fehlerkonsole().print(
            f"{was} ({FORMATNAMEN[args.format]}, {_anzahl(bericht)} Ziele) geschrieben: "
            f"{anzeigepfad(ziel.resolve())}", markup=False, highlight=False)
        return
    if isinstance(inhalt, bytes):  # never to a terminal: refused before (pruefe_binaer)
        sys.stdout.buffer.write(inhalt)
        sys.stdout.buffer.flush()
        return
    if isinstance(inhalt, str):
        sys.stdout.write(inhalt)
        return
    schreibe_stuecke(inhalt)


def _rechte_nach_umask(datei: Path) -> None:
    """A new report file gets the rights of any new file of the user (umask), not the 0600 of
    the temporary file it was written to."""
    maske = os.umask(0)
    os.umask(maske)
    with contextlib.suppress(OSError):
        os.chmod(datei, 0o666 & ~maske)


def befehl_bericht(args: argparse.Namespace) -> int:
    """strategie bericht."""
    if args.bis and not args.seit:
        raise StrategieFehler("--bis gilt nur zusammen mit --seit.")
    if args.monate is not None and not 1 <= args.monate <= MAX_MONATE:
        raise StrategieFehler(f"--monate braucht eine Zahl von 1 bis {MAX_MONATE} (hundert "
                              "Jahre).")
    pruefe_binaer(args, "bericht")
    with fortschritt(4 if args.seit else 3) as schritt:
        bericht = _erstelle(args, schritt, mit_zeitraum=True)
        if not nur_uebersicht(args):
            schritt(f"Schreibe den Bericht ({FORMATNAMEN[args.format]})")
            ergebnis = _rendere(args, bericht)
    if nur_uebersicht(args):
        zeige_uebersicht(args, bericht, kopf="Sachstandsbericht über {anzahl} Ziele",
                         befehl="bericht", datei="bericht", lesen="strategie bericht")
        return 0
    _zeige(ergebnis, args, "Bericht", bericht)
    return 0


def _rendere(args: argparse.Namespace, modell: Bericht | Jahresplanung
             ) -> RenderableType | str | bytes | Iterator[bytes]:
    """The view for the terminal (Rich, at its width), or the text/bytes for --format."""
    from strategie.auswertung.jahresplanung import Jahresplanung

    if args.format == "terminal" and not args.ausgabe:
        if isinstance(modell, Jahresplanung):
            from strategie.ausgabe.terminal.jahresplanung import jahresplanung_terminal

            return jahresplanung_terminal(modell)
        from strategie.ausgabe.terminal.bericht import bericht_terminal
        from strategie.ausgabe.terminal.verlauf import mit_stilen

        return bericht_terminal(modell, farbig=mit_stilen(konsole()))
    if isinstance(modell, Jahresplanung):
        return rendere_jahresplanung(modell, args.format, vorlage=args.vorlage)
    if args.format == "json":  # written as it is made: a report over 50,000 goals is 50 MB
        return bericht_teile(modell, args.format, vorlage=args.vorlage)
    return rendere_bericht(modell, args.format, vorlage=args.vorlage)


def _zeige(ergebnis: RenderableType | str | bytes | Iterator[bytes], args: argparse.Namespace,
           was: str, modell: Bericht | Jahresplanung) -> None:
    if args.format == "terminal" and not args.ausgabe:
        konsole().print(ergebnis)
    else:
        assert isinstance(ergebnis, (str, bytes, Iterator))
        _gib_aus(ergebnis, args, was, modell)


def befehl_steckbriefe(args: argparse.Namespace) -> int:
    """strategie steckbriefe."""
    pruefe_binaer(args, "steckbriefe")
    with fortschritt(3) as schritt:
        bericht = _erstelle(args, schritt, mit_zeitraum=False)
        if not nur_uebersicht(args):
            schritt(f"Schreibe {len(bericht.ziele)} Steckbriefe ({FORMATNAMEN[args.format]})")
            inhalt = rendere_steckbriefe(bericht, args.format, vorlage=args.vorlage)
    if nur_uebersicht(args):
        zeige_uebersicht(args, bericht, kopf="{anzahl} Steckbriefe", befehl="steckbriefe",
                         datei="steckbriefe", lesen="strategie steckbriefe --format markdown")
        return 0
    _gib_aus(inhalt, args, "Steckbriefe", bericht)
    return 0


def _anzahl(bericht: Bericht | Jahresplanung) -> int:
    from strategie.auswertung.jahresplanung import Jahresplanung

    return bericht.gesamt.anzahl if isinstance(bericht, Jahresplanung) else len(bericht.ziele)


def befehl_jahresplanung(args: argparse.Namespace) -> int:
    """strategie jahresplanung JAHR."""
    from strategie.auswertung.jahresplanung import erstelle_jahresplanung

    pruefe_binaer(args, "jahresplanung")
    with fortschritt(3) as schritt:
        schritt("Lade den Zielspeicher")
        speicher = oeffne_speicher(args)
        schritt(f"Stelle die Jahresplanung {args.jahr} zusammen")
        planung = erstelle_jahresplanung(speicher, args.jahr,
                                         kriterien=filter_aus_args(args, speicher.rahmen),
                                         grundlage_lang=args.grundlage == "lang")
        if not nur_uebersicht(args):
            schritt(f"Schreibe die Jahresplanung ({FORMATNAMEN[args.format]})")
            ergebnis = _rendere(args, planung)
    if nur_uebersicht(args):
        zeige_uebersicht(args, planung, kopf=f"Jahresplanung {args.jahr}: {{anzahl}} Ziele",
                         befehl=f"jahresplanung {args.jahr}", datei=f"jahresplanung-{args.jahr}",
                         lesen=f"strategie jahresplanung {args.jahr}")
        return 0
    _zeige(ergebnis, args, "Jahresplanung", planung)
    return 0
