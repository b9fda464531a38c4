"""Helpers shared by the CLI commands: consoles, opening the store, filter options."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from strategie.modell.befund import StrategieFehler
from strategie.modell.werte import datum_aus_text, normalisiere, normalisiere_id
from strategie.speicher.finden import finde_speicher

if TYPE_CHECKING:  # imported where used: building the parser needs neither Rich nor the store
    from rich.console import Console

    from strategie.auswertung.filter import Filter
    from strategie.modell.rahmen import Rahmen
    from strategie.modell.ziel import Ziel
    from strategie.speicher.laden import Zielspeicher


def konsole() -> Console:
    """Console for results on stdout; plain text when it is not a terminal."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False)


def fehlerkonsole() -> Console:
    """Console for messages on stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def farbig(text: str, sgr: str) -> str:
    """*text* in an ANSI style (``32`` green, ``1`` bold) when stdout is a terminal that wants
    colour (not ``NO_COLOR``, not ``TERM=dumb``); else unchanged. Short messages use this
    instead of Rich, which costs more to import than the command takes."""
    import os

    if (not sys.stdout.isatty() or os.environ.get("NO_COLOR")
            or os.environ.get("TERM") == "dumb"):
        return text
    return f"\x1b[{sgr}m{text}\x1b[0m"


def schreibe_stuecke(teile: Iterable[bytes]) -> None:
    """Write UTF-8 pieces to stdout as they come (a long JSON output, never whole in memory)."""
    roh = getattr(sys.stdout, "buffer", None)  # None: a text-only stream (a test's)
    sys.stdout.flush()
    _weite_rohrleitung(sys.stdout)
    for teil in teile:
        roh.write(teil) if roh is not None else sys.stdout.write(teil.decode("utf-8"))


ROHR_BYTES = 1 << 20
"""The pipe buffer asked for (Linux allows up to /proc/sys/fs/pipe-max-size, 1 MiB by default):
16 times the default 64 KiB means 16 times fewer switches between writer and reader."""


def _weite_rohrleitung(strom: object) -> None:
    """Enlarge the buffer of stdout if it is a pipe (Linux; elsewhere nothing happens)."""
    import fcntl
    import stat

    with contextlib.suppress(AttributeError, OSError, ValueError):
        griff = strom.fileno()  # type: ignore[attr-defined]
        if stat.S_ISFIFO(os.fstat(griff).st_mode):
            fcntl.fcntl(griff, fcntl.F_SETPIPE_SZ, ROHR_BYTES)


def oeffne_speicher(args: argparse.Namespace, *, befunde_melden: bool = True,
                    vorauswahl: bool = False) -> Zielspeicher:
    """Load the store named by --store (or found), as of --stand/--rev if given.

    Invalid files are reported briefly on stderr. With *vorauswahl*, goals that the filter
    options rule out may be left out (for a command that applies ``filter_aus_args`` anyway;
    ``Zielspeicher.anzahl`` still counts all).
    """
    from strategie.speicher.stand import lade

    verzeichnis = finde_speicher(getattr(args, "store", None))
    stand = getattr(args, "stand", None)
    speicher = lade(verzeichnis, stichtag=datum_aus_text(stand) if stand else None,
                    rev=getattr(args, "rev", None),
                    vorauswahl=_vorauswahl(args) if vorauswahl else None)
    if speicher.commit is not None:
        fehlerkonsole().print(f"{speicher.quelle}", markup=False, style="dim")
    if befunde_melden and speicher.befunde:
        dateien = len({b.pfad for b in speicher.befunde})
        fehlerkonsole().print(
            f"Hinweis: {dateien} Zieldatei(en) fehlerhaft und nicht berücksichtigt – "
            "Einzelheiten mit 'strategie pruefen'.", markup=False, style="yellow")
    return speicher


def _vorauswahl(args: argparse.Namespace) -> Callable[[Rahmen], dict[str, frozenset[object]]]:
    """The pre-selection of the filter options, for the frame the load reads."""

    def vorauswahl(rahmen: Rahmen) -> dict[str, frozenset[object]]:
        try:
            return filter_aus_args(args, rahmen).vorauswahl()
        except StrategieFehler:  # said by the command's own filter_aus_args after loading,
            return {}            # so after the Befunde, as without a pre-selection

    return vorauswahl


def finde_ziel(speicher: Zielspeicher, ziel_id: str) -> Ziel:
    """The goal with this id, or a German error that suggests close ids."""
    ziel_id = normalisiere_id(ziel_id)
    ziel = speicher.ziel(ziel_id)
    if ziel is not None:
        return ziel
    befund = next((b for b in speicher.befunde if b.pfad.stem.upper() == ziel_id.upper()), None)
    if befund is not None:
        raise StrategieFehler(
            f"Ziel {ziel_id} ist fehlerhaft und kann nicht gelesen werden: {befund.als_zeile()}",
            (befund,))
    import difflib

    vorschlaege = difflib.get_close_matches(ziel_id.upper(), [z.id for z in speicher.ziele], n=3)
    zusatz = f" Meinten Sie: {', '.join(vorschlaege)}?" if vorschlaege else ""
    raise StrategieFehler(f"Kein Ziel mit der ID {ziel_id}.{zusatz}")


def filteroptionen(parser: argparse.ArgumentParser) -> None:
    """Add the filter options shared by 'liste' and the reports (one per filter dimension)."""
    from strategie.auswertung.filter import DIMENSIONEN  # only commands that filter

    gruppe = parser.add_argument_group("Filter (mehrfach angeben = oder; verschiedene = und)")
    for dimension in DIMENSIONEN:
        if dimension.name == "leuchtturm":
            gruppe.add_argument("--leuchtturm", action="store_true", default=None,
                                help=dimension.hilfe)
        elif dimension.schalter:
            gruppe.add_argument(f"--{dimension.option}", action="append", default=[],
                                nargs="?", const="ja", metavar=dimension.metavar,
                                help=dimension.hilfe)
        else:
            gruppe.add_argument(f"--{dimension.option}", action="append", default=[],
                                metavar=dimension.metavar, help=dimension.hilfe)
    gruppe.add_argument("--suche", default="", metavar="TEXT",
                        help="Volltextsuche in ID, Titel, Zieltexten, Steckbrief, Maßnahmen")


def _aufgeteilt(werte: list[str], komma: bool) -> list[str]:
    if not komma:
        return [normalisiere(w) for w in werte]
    return [normalisiere(teil) for wert in werte for teil in wert.split(",") if teil.strip()]


def filter_aus_args(args: argparse.Namespace, rahmen: Rahmen) -> Filter:
    """The Filter the user asked for, checked against the store's frame."""
    from strategie.auswertung.filter import DIMENSIONEN, filter_aus_angaben

    angaben = {d.name: _aufgeteilt(getattr(args, d.option), d.komma) for d in DIMENSIONEN
               if d.name != "leuchtturm"}
    return filter_aus_angaben(rahmen, leuchtturm=args.leuchtturm,
                              suche=normalisiere(args.suche), **angaben)


def standoptionen(parser: argparse.ArgumentParser) -> None:
    """Add --stand and --rev: read the store as it was, from git objects."""
    gruppe = parser.add_argument_group("Früherer Stand (aus dem git-Verlauf)")
    ausschliesslich = gruppe.add_mutually_exclusive_group()
    ausschliesslich.add_argument("--stand", metavar="DATUM",
                                 help="der Speicher am Ende dieses Tages (JJJJ-MM-TT/TT.MM.JJJJ)")
    ausschliesslich.add_argument("--rev", metavar="REV",
                                 help="der Speicher in diesem Commit, Tag oder Zweig")


def frage_ja(frage: str) -> bool:
    """Ask a yes/no question on the terminal; without a terminal, demand --ja."""
    if not sys.stdin.isatty():
        raise StrategieFehler("Bestätigung nötig, aber keine Eingabe möglich: mit --ja bestätigen.")
    antwort = input(f"{frage} [j/N] ").strip().casefold()
    return antwort in ("j", "ja", "y", "yes")
