"""A small Python API for scripts: open a store (now or as of a Stichtag), filter, report, render.

Example::

    from strategie import api

    speicher = api.oeffne("ziele", stand="2026-06-30")
    bericht = api.bericht(speicher, amt=["SA"], seit="2026-01-01")
    print(bericht.zusammenfassung.nach_status)
    open("sa.md", "w").write(api.rendere(bericht, "markdown"))
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from strategie.ausgabe.berichte import (
    BERICHTSFORMATE,
    STECKBRIEFFORMATE,
    rendere_bericht,
    rendere_jahresplanung,
    rendere_steckbriefe,
)
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.auswertung.filter import Filter, filter_aus_angaben
from strategie.auswertung.jahresplanung import Jahresplanung, erstelle_jahresplanung
from strategie.modell.werte import datum_aus_text
from strategie.modell.ziel import Ziel
from strategie.speicher.finden import finde_speicher
from strategie.speicher.laden import Zielspeicher
from strategie.speicher.stand import lade

__all__ = ["BERICHTSFORMATE", "STECKBRIEFFORMATE", "Bericht", "Filter", "Jahresplanung", "Ziel",
           "Zielspeicher", "auswahl", "bericht", "filtere", "jahresplanung", "oeffne", "rendere",
           "steckbriefe"]


def oeffne(pfad: str | os.PathLike[str] | None = None, *, stand: str | dt.date | None = None,
           rev: str | None = None) -> Zielspeicher:
    """The store at *pfad* (else $STRATEGIE_STORE, else found from the current folder).

    With *stand* (a date or 'JJJJ-MM-TT'/'TT.MM.JJJJ') the store as it was at the end of that
    day, with *rev* as in that commit or tag — read from git, nothing is checked out.
    """
    verzeichnis = finde_speicher(pfad)
    stichtag = datum_aus_text(stand) if isinstance(stand, str) else stand
    return lade(Path(verzeichnis), stichtag=stichtag, rev=rev)


def _als_text(wert: object) -> str:
    return {True: "ja", False: "nein", None: "ohne"}.get(wert, str(wert))  # type: ignore[call-overload]


def auswahl(speicher: Zielspeicher, *, leuchtturm: bool | None = None, suche: str = "",
            **kriterien: object) -> Filter:
    """Filter criteria, checked against the store's vocabularies (abbreviations allowed).

    Keywords are the CLI's filter options: ``amt``, ``handlungsfeld``, ``status``, ``ampel``,
    ``aktionsbereich``, ``umsetzungsjahr``, ``art``, ``haushaltsneutral``, ``raum``,
    ``phase``, ``liga``; each takes one value or a list (numbers and True/False/None as such:
    ``umsetzungsjahr=2027``, ``haushaltsneutral=False``).
    """
    angaben = {}
    for option, werte in kriterien.items():
        # a list of values; a model object (a NamedTuple) is one value, not its fields
        liste = (werte if isinstance(werte, (list, tuple, set, frozenset))
                 and not hasattr(werte, "_fields") else [werte])
        angaben[option] = [_als_text(w) for w in liste]
    return filter_aus_angaben(speicher.rahmen, leuchtturm=leuchtturm, suche=suche, **angaben)


def filtere(speicher: Zielspeicher, **kriterien: object) -> list[Ziel]:
    """The goals matching the criteria of ``auswahl`` (e.g. ``amt=["SA"], ampel=["rot"]``)."""
    return auswahl(speicher, **kriterien).anwenden(speicher.ziele)  # type: ignore[arg-type]


def bericht(speicher: Zielspeicher, *, seit: str | None = None, bis: str | None = None,
            monate: int | None = None, grundlage: str = "kurz",
            **kriterien: object) -> Bericht:
    """The summary of the store's (filtered) goals; *seit* adds the changes since then.

    *grundlage* "lang" makes the report print the store's local path and the full commit id.
    """
    return erstelle_bericht(speicher, kriterien=auswahl(speicher, **kriterien),  # type: ignore[arg-type]
                            seit=seit, bis=bis, max_alter_monate=monate,
                            grundlage_lang=grundlage == "lang")


def jahresplanung(speicher: Zielspeicher, jahr: int, *, grundlage: str = "kurz",
                  **kriterien: object) -> Jahresplanung:
    """The goals proposed for Haushaltsjahr *jahr* by Amt, with Mittel, Personal and sums;
    *grundlage* as for ``bericht``."""
    return erstelle_jahresplanung(speicher, jahr, kriterien=auswahl(speicher, **kriterien),  # type: ignore[arg-type]
                                  grundlage_lang=grundlage == "lang")


def rendere(bericht: Bericht | Jahresplanung, format: str = "markdown",  # noqa: A002
            vorlage: str | os.PathLike[str] | None = None) -> str | bytes:
    """A Sachstandsbericht or a Jahresplanung as terminal text, markdown, html, json, csv (str)
    or xlsx, docx (bytes); *vorlage* is a folder of own templates (see ``strategie bericht
    --vorlage``)."""
    if isinstance(bericht, Jahresplanung):
        return rendere_jahresplanung(bericht, format, vorlage=vorlage)
    return rendere_bericht(bericht, format, vorlage=vorlage)


def steckbriefe(bericht: Bericht, format: str = "html",  # noqa: A002
                vorlage: str | os.PathLike[str] | None = None) -> str | bytes:
    """The Maßnahmensteckbriefe of the report's goals as html, markdown (str) or xlsx, docx
    (bytes); *vorlage* as for ``rendere``."""
    return rendere_steckbriefe(bericht, format, vorlage=vorlage)
