"""Changing commands: status, setze, steckbrief, messwert, massnahme, rueckgaengig."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.cli.gemeinsam import farbig, frage_ja, konsole
from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import (
    STECKBRIEF_TEXTE,
    Abschnitt,
    Feld,
    abschnitt_hinweis,
    modell_an_pfad,
)
from strategie.modell.operationen import Anhaengen, Operation, Setze, Zielaenderung
from strategie.modell.vergleich import beschreibe
from strategie.modell.werte import datum_aus_text, normalisiere, wert_aus_text, zahl_aus_text
from strategie.speicher.finden import finde_speicher
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.text.format import zahl_de
from strategie.text.sicher import entschaerfe

if TYPE_CHECKING:  # the edit path (and tomlkit) is imported by the commands that change
    from strategie.aendern.bearbeiten import Ergebnis
    from strategie.modell.rahmen import Rahmen
    from strategie.modell.ziel import Ziel


def _gemeinsame_optionen(parser: argparse.ArgumentParser, mehrere: bool = True) -> None:
    parser.add_argument("-m", "--kommentar", default="", metavar="KOMMENTAR",
                        help="Kommentar: Text des Commits (bei zurückgestellt, entfallen und "
                             "Ampel rot zugleich die Begründung)")
    parser.add_argument("--mit-handaenderungen", action="store_true",
                        help="nicht eingecheckte Handänderungen der Datei mit übernehmen "
                             "(sonst wird abgebrochen)")
    if mehrere:
        parser.add_argument("--ja", action="store_true",
                            help="Änderung an mehreren Zielen ohne Rückfrage speichern")


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add the changing commands to the parser."""
    status = befehle.add_parser(
        "status", parents=[gemeinsam],
        description="Setzt den Umsetzungsstand eines oder mehrerer Ziele. Jede Änderung wird "
                    "ein Commit mit lesbarer Nachricht.")
    status.add_argument("ids", nargs="+", metavar="ID",
                        help="ID eines oder mehrerer Ziele, z. B. SA-03 (mehrere: ein Commit)")
    status.add_argument("wert", metavar="WERT", help='z. B. "in Umsetzung" (Anfang genügt)')
    _gemeinsame_optionen(status)
    status.set_defaults(ausfuehren=befehl_status)

    setze = befehle.add_parser(
        "setze", parents=[gemeinsam],
        description="Setzt ein Feld, als Punktpfad angegeben: ampel, umsetzungsjahr, "
                    "steckbrief.finanzielle_beurteilung, massnahmen.2.status … Ein leerer "
                    'WERT ("") entfernt ein freiwilliges Feld. Listen mit ";" trennen, '
                    "Datum als JJJJ-MM-TT oder TT.MM.JJJJ, Zahlen auch mit Komma.")
    setze.add_argument("ids", nargs="+", metavar="ID",
                       help="ID eines oder mehrerer Ziele, z. B. SA-03 (mehrere: ein Commit)")
    setze.add_argument("feld", metavar="FELD",
                       help="das Feld als Punktpfad, z. B. ampel oder massnahmen.2.status")
    setze.add_argument("wert", metavar="WERT",
                       help='der neue Wert ("" entfernt ein freiwilliges Feld)')
    _gemeinsame_optionen(setze)
    setze.set_defaults(ausfuehren=befehl_setze)

    steckbrief = befehle.add_parser(
        "steckbrief", parents=[gemeinsam],
        description="Bearbeitet die drei Texte des Maßnahmensteckbriefs. Ohne Textoptionen "
                    "öffnet sich der Editor ($VISUAL, $EDITOR, sonst nano oder vi) mit "
                    "einer Vorlage; kommt die Eingabe aus einer "
                    "Pipe, wird die Vorlage von stdin gelesen: je Text eine Überschrift "
                    "'## Aktueller Stand der Umsetzung', '## Finanzielle Beurteilung der "
                    "Verwaltung', '## Inhaltliche Beurteilung der Verwaltung'. Fehlt ein "
                    "Abschnitt oder ist er leer, bleibt dieser Text unverändert (löschen: "
                    "strategie setze ID steckbrief.aktueller_stand \"\"). Der Stand wird auf "
                    "heute gesetzt, wenn nicht --datum angegeben ist.")
    steckbrief.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    steckbrief.add_argument("--aktueller-stand", metavar="TEXT",
                            help="neuer Text: Aktueller Stand der Umsetzung")
    steckbrief.add_argument("--finanzielle-beurteilung", metavar="TEXT",
                            help="neuer Text: Finanzielle Beurteilung der Verwaltung")
    steckbrief.add_argument("--inhaltliche-beurteilung", metavar="TEXT",
                            help="neuer Text: Inhaltliche Beurteilung der Verwaltung")
    steckbrief.add_argument("--datum", metavar="DATUM", help="Stand des Steckbriefs")
    _gemeinsame_optionen(steckbrief, mehrere=False)
    steckbrief.set_defaults(ausfuehren=befehl_steckbrief)

    messwert = befehle.add_parser(
        "messwert", parents=[gemeinsam],
        description="Trägt einen Messwert zu einem Stichtag ein. KENNZAHL ist die Nummer "
                    "(ab 1) oder der Anfang des Namens.")
    messwert.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    messwert.add_argument("kennzahl", metavar="KENNZAHL",
                          help="Nummer der Kennzahl (ab 1) oder Anfang ihres Namens")
    messwert.add_argument("stichtag", metavar="STICHTAG",
                          help="Stichtag des Messwerts (TT.MM.JJJJ oder JJJJ-MM-TT)")
    messwert.add_argument("wert", metavar="WERT", help="der gemessene Wert, z. B. 12,5")
    messwert.add_argument("--anmerkung", default="", metavar="TEXT",
                          help="Anmerkung zum Messwert, z. B. zur Quelle")
    _gemeinsame_optionen(messwert, mehrere=False)
    messwert.set_defaults(ausfuehren=befehl_messwert)

    massnahme = befehle.add_parser(
        "massnahme", parents=[gemeinsam],
        description="Fügt einem Ziel eine Maßnahme hinzu. Den Status einer bestehenden "
                    "Maßnahme setzt 'strategie setze ID massnahmen.NR.status WERT'.")
    massnahme.add_argument("id", metavar="ID", help="ID des Ziels, z. B. SA-03")
    massnahme.add_argument("titel", metavar="TITEL", help="was getan wird")
    massnahme.add_argument("--status", default="offen", metavar="STATUS",
                           help="Status der Maßnahme (Standard: offen)")
    massnahme.add_argument("--termin", metavar="DATUM", help="bis wann (TT.MM.JJJJ)")
    massnahme.add_argument("--verantwortlich", metavar="STELLE",
                           help="die verantwortliche Stelle")
    _gemeinsame_optionen(massnahme, mehrere=False)
    massnahme.set_defaults(ausfuehren=befehl_massnahme)

    zurueck = befehle.add_parser(
        "rueckgaengig", parents=[gemeinsam],
        description="Macht eine Änderung mit einem Gegen-Commit rückgängig (git revert). "
                    "Ohne COMMIT: die letzte mit strategie gemachte Änderung. Ein Commit, der "
                    "schon im gemeinsamen Repository liegt, nur mit --erzwingen.")
    zurueck.add_argument("commit", nargs="?", metavar="COMMIT",
                         help="die zurückzunehmende Änderung (Standard: die letzte mit "
                              "strategie gemachte)")
    zurueck.add_argument("-m", "--kommentar", default="", metavar="KOMMENTAR",
                         help="warum die Änderung zurückgenommen wird (Text des Commits)")
    zurueck.add_argument("--ja", action="store_true", help="ohne Rückfrage")
    zurueck.add_argument("--erzwingen", action="store_true",
                         help="auch einen schon geteilten Commit rückgängig machen")
    zurueck.set_defaults(ausfuehren=befehl_rueckgaengig)


def melde(ergebnis: Ergebnis) -> None:
    """Say what was saved: 'Gespeichert <commit>  <subject>'."""
    for hinweis in ergebnis.hinweise:
        print(farbig(entschaerfe(hinweis), "33"), file=sys.stderr, flush=True)
    print(f"{farbig('Gespeichert', '32')} {farbig(ergebnis.kurz, '1')}  "
          f"{entschaerfe(ergebnis.betreff)}", flush=True)


def _speichere(args: argparse.Namespace, aenderungen: Sequence[Zielaenderung]) -> int:
    from strategie.aendern.bearbeiten import aendere, zusammengefasst

    verzeichnis = finde_speicher(getattr(args, "store", None))
    aenderungen = zusammengefasst(aenderungen)  # an id named twice is one change
    args.kommentar = normalisiere(args.kommentar)
    optionen = {"handaenderungen_uebernehmen": args.mit_handaenderungen}
    if len(aenderungen) > 1 and not getattr(args, "ja", False):
        plan = aendere(verzeichnis, aenderungen, args.kommentar, probelauf=True, **optionen)
        ausgabe = konsole()
        ausgabe.print(f"Geplant ({len(plan.vorgaenge)} Ziele, ein Commit):", markup=False)
        for vorgang in plan.vorgaenge:
            for aenderung in vorgang.aenderungen:
                ausgabe.print(f"  {vorgang.ziel_id}: {entschaerfe(beschreibe(aenderung))}",
                              markup=False)
        if not frage_ja("Speichern?"):
            konsole().print("Nichts geändert.", markup=False)
            return 0  # declining is no error (exit code 1 is for 'pruefen' findings)
    melde(aendere(verzeichnis, aenderungen, args.kommentar, **optionen))
    return 0


def _feld(pfad: str) -> Feld:
    eintrag = modell_an_pfad(pfad)
    if isinstance(eintrag, Abschnitt):
        raise StrategieFehler(abschnitt_hinweis(pfad, eintrag))
    return eintrag


def _lies_ziel(verzeichnis: Path, rahmen: Rahmen, ziel_id: str) -> Ziel:
    """The goal as its file has it now (read and checked alone), or a German error."""
    from strategie.speicher.ablage import datei_des_ziels
    from strategie.speicher.validierung import lade_ziel

    pfad = datei_des_ziels(verzeichnis, rahmen, ziel_id)
    ziel, befunde = lade_ziel(verzeichnis, pfad.relative_to(verzeichnis).as_posix(),
                              pfad.read_bytes(), rahmen)
    if ziel is None:
        raise StrategieFehler("Die Zieldatei ist fehlerhaft:\n" + "\n".join(
            b.als_zeile() for b in befunde))
    return ziel


def befehl_status(args: argparse.Namespace) -> int:
    """strategie status ID... WERT -m KOMMENTAR."""
    rahmen = lade_rahmen(finde_speicher(getattr(args, "store", None)))
    wert = wert_aus_text(_feld("status"), args.wert, rahmen)
    return _speichere(args, [Zielaenderung(i, (Setze("status", wert),)) for i in args.ids])


def befehl_setze(args: argparse.Namespace) -> int:
    """strategie setze ID... FELD WERT -m KOMMENTAR."""
    rahmen = lade_rahmen(finde_speicher(getattr(args, "store", None)))
    feld = _feld(args.feld)
    wert = None if args.wert == "" else wert_aus_text(feld, args.wert, rahmen)
    return _speichere(args, [Zielaenderung(i, (Setze(args.feld, wert),)) for i in args.ids])


def befehl_steckbrief(args: argparse.Namespace) -> int:
    """strategie steckbrief ID [Texte | $EDITOR | stdin]."""
    verzeichnis = finde_speicher(getattr(args, "store", None))
    rahmen = lade_rahmen(verzeichnis)
    texte = {"aktueller_stand": args.aktueller_stand,
             "finanzielle_beurteilung": args.finanzielle_beurteilung,
             "inhaltliche_beurteilung": args.inhaltliche_beurteilung}
    if all(t is None for t in texte.values()):
        from strategie.aendern.steckbrief_vorlage import lies_vorlage, vorlage
        from strategie.cli.editor import im_editor

        ziel = _lies_ziel(verzeichnis, rahmen, args.id)
        alt = {t: str(ziel.wert(f"steckbrief.{t}") or "") for t in STECKBRIEF_TEXTE}
        eingabe = (sys.stdin.read() if not sys.stdin.isatty()
                   else im_editor(vorlage(ziel.id, ziel.titel, alt)))
        texte = dict(lies_vorlage(eingabe))
    leer = [k for k, v in texte.items() if v is not None and not v.strip()]
    if leer:
        raise StrategieFehler(
            f"--{leer[0].replace('_', '-')} ist leer; nichts gespeichert. Einen Steckbrief-Text "
            f'löscht: strategie setze {args.id} steckbrief.{leer[0]} ""')
    operationen: list[Operation] = [Setze(f"steckbrief.{k}", normalisiere(v).strip())
                                    for k, v in texte.items() if v is not None]
    if args.datum:
        operationen.append(Setze("steckbrief.stand", datum_aus_text(args.datum)))
    return _speichere(args, [Zielaenderung(args.id, tuple(operationen))])


def _kennzahl_nummer(ziel_daten: dict, angabe: str) -> int:
    kennzahlen = ziel_daten.get("kennzahlen", [])
    if angabe.isdigit() and 1 <= int(angabe) <= len(kennzahlen):
        return int(angabe)
    klein = normalisiere(angabe).strip().casefold()
    gefaltet = [normalisiere(str(k.get("name", ""))).casefold() for k in kennzahlen]
    treffer = [i for i, n in enumerate(gefaltet, 1) if n.startswith(klein)] or [
        i for i, n in enumerate(gefaltet, 1) if klein in n]
    if len(treffer) != 1:
        namen = "; ".join(f"{i}: {k.get('name')}" for i, k in enumerate(kennzahlen, 1))
        raise StrategieFehler(f'Kennzahl "{angabe}" ist {"mehrdeutig" if treffer else "unbekannt"}'
                              f". Vorhanden: {namen or 'keine'}")
    return treffer[0]


def befehl_messwert(args: argparse.Namespace) -> int:
    """strategie messwert ID KENNZAHL STICHTAG WERT."""
    verzeichnis = finde_speicher(getattr(args, "store", None))
    rahmen = lade_rahmen(verzeichnis)
    ziel = _lies_ziel(verzeichnis, rahmen, args.id)
    nummer = _kennzahl_nummer(ziel.daten, args.kennzahl)
    stichtag = datum_aus_text(args.stichtag)
    vorhanden = ziel.daten["kennzahlen"][nummer - 1].get("messwerte", [])
    for n, messwert in enumerate(vorhanden, 1):
        if messwert.get("stichtag") == stichtag:
            raise StrategieFehler(
                f"Zum Stichtag {stichtag:%d.%m.%Y} gibt es bei Kennzahl {nummer} schon einen "
                f"Messwert ({zahl_de(messwert.get('wert'))}); nichts gespeichert. Ihn ändern: "
                f"strategie setze {ziel.id} kennzahlen.{nummer}.messwerte.{n}.wert WERT")
    werte: dict[str, object] = {"stichtag": stichtag, "wert": zahl_aus_text(args.wert)}
    if args.anmerkung:
        werte["anmerkung"] = normalisiere(args.anmerkung).strip()
    return _speichere(args, [Zielaenderung(args.id, (
        Anhaengen(f"kennzahlen.{nummer}.messwerte", werte),))])


def befehl_massnahme(args: argparse.Namespace) -> int:
    """strategie massnahme ID TITEL [--status] [--termin] [--verantwortlich]."""
    rahmen = lade_rahmen(finde_speicher(getattr(args, "store", None)))
    werte: dict = {"titel": normalisiere(args.titel).strip(),
                   "status": wert_aus_text(_feld("massnahmen.1.status"), args.status, rahmen)}
    if args.termin:
        werte["termin"] = datum_aus_text(args.termin)
    if args.verantwortlich:
        werte["verantwortlich"] = normalisiere(args.verantwortlich).strip()
    return _speichere(args, [Zielaenderung(args.id, (Anhaengen("massnahmen", werte),))])


def befehl_rueckgaengig(args: argparse.Namespace) -> int:
    """strategie rueckgaengig [COMMIT]."""
    from strategie.aendern.rueckgaengig import rueckgaengig, vorschau

    verzeichnis = finde_speicher(getattr(args, "store", None))
    plan = vorschau(verzeichnis, args.commit)
    ausgabe = konsole()
    ausgabe.print(f"Rückgängig machen: {plan.commit.commit[:8]} "
                  f"{entschaerfe(plan.commit.nachricht.splitlines()[0])}", markup=False)
    for vorgang in plan.vorgaenge:
        if vorgang.dateiebene:
            ausgabe.print(f"  {vorgang.ziel_id}: {vorgang.dateiebene}", markup=False)
        for aenderung in vorgang.aenderungen:
            ausgabe.print(f"  {vorgang.ziel_id}: {entschaerfe(beschreibe(aenderung))}",
                          markup=False)
    if plan.auf_remote:
        ausgabe.print(f"Achtung: schon im gemeinsamen Repository ({', '.join(plan.auf_remote)}).",
                      markup=False, style="yellow")
    if not args.ja and not frage_ja("Rückgängig machen?"):
        konsole().print("Nichts geändert.", markup=False)
        return 0
    melde(rueckgaengig(verzeichnis, plan.commit.commit, kommentar=args.kommentar,
                        erzwingen=args.erzwingen))
    return 0
