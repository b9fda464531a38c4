"""One entry point per report kind: a Bericht rendered in any of its formats, loaded on demand."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.modell.befund import StrategieFehler

if TYPE_CHECKING:  # the format names are read when the command line's parser is built
    from strategie.auswertung.bericht import Bericht
    from strategie.auswertung.jahresplanung import Jahresplanung

BERICHTSFORMATE = ("terminal", "markdown", "html", "docx", "json", "csv", "xlsx")
STECKBRIEFFORMATE = ("html", "docx", "markdown", "xlsx")
JAHRESPLANUNGSFORMATE = ("terminal", "markdown", "html", "docx", "json", "csv", "xlsx")
BINAERE_FORMATE = frozenset({"xlsx", "docx"})
FORMATNAMEN = {"terminal": "Text", "markdown": "Markdown", "html": "HTML", "json": "JSON",
               "csv": "CSV", "xlsx": "XLSX", "docx": "DOCX"}
"""The formats' names in messages."""
ENDUNGEN = {"terminal": ".txt", "markdown": ".md", "html": ".html", "json": ".json",
            "csv": ".csv", "xlsx": ".xlsx", "docx": ".docx"}

Vorlage = str | os.PathLike[str] | None
"""A folder of own templates as a caller names it (None: the frame's, else the shipped)."""


def vorlagenordner(bericht: Bericht | Jahresplanung, angabe: Vorlage = None) -> Path | None:
    """The folder of own templates for *bericht*: *angabe* (``--vorlage``), else the frame's
    ``[berichte] vorlagen`` (relative to the store, and inside the store's repository, so that
    a shared frame cannot point elsewhere), else None (the shipped templates only)."""
    if angabe is not None and str(angabe) != "":
        ordner = Path(angabe).expanduser()
        if not ordner.is_dir():
            raise StrategieFehler(f"Der Vorlagenordner {ordner} existiert nicht oder ist kein "
                                  "Ordner.")
        return ordner.resolve()
    eintrag = bericht.rahmen.berichte.vorlagen
    if not eintrag:
        return None
    speicher = Path(bericht.grundlage.pfad)
    ordner = (speicher / eintrag).resolve()
    grenze = _repository(speicher)
    if not ordner.is_relative_to(grenze):
        raise StrategieFehler(
            f"[berichte] vorlagen = \"{eintrag}\" in strategie.toml zeigt aus dem "
            f"{'Repository' if grenze != speicher else 'Speicher'} hinaus; erlaubt ist ein "
            "Ordner darin.")
    if not ordner.is_dir():
        raise StrategieFehler(f"[berichte] vorlagen = \"{eintrag}\" in strategie.toml: den "
                              f"Ordner {ordner} gibt es nicht.")
    return ordner


def _repository(speicher: Path) -> Path:
    """The work tree the store lies in (the store itself without git)."""
    for ordner in (speicher, *speicher.parents):
        if (ordner / ".git").exists():
            return ordner
    return speicher


def rendere_bericht(bericht: Bericht, format: str = "markdown", breite: int = 80,  # noqa: A002
                    vorlage: Vorlage = None) -> str | bytes:
    """The Sachstandsbericht in *format* (one of BERICHTSFORMATE); xlsx and docx give bytes.

    *vorlage* names a folder of own templates (HTML; for DOCX a ``vorlage.docx`` in it).
    """
    if format == "terminal":
        from strategie.ausgabe.terminal.bericht import terminal_text

        return terminal_text(bericht, breite)
    if format == "markdown":
        from strategie.ausgabe.markdown.bericht import bericht_markdown

        return bericht_markdown(bericht)
    if format == "html":
        from strategie.ausgabe.html.bericht import bericht_html

        return bericht_html(bericht, vorlagenordner(bericht, vorlage))
    if format == "docx":
        from strategie.ausgabe.docx.bericht import bericht_docx

        return bericht_docx(bericht, vorlagenordner(bericht, vorlage))
    if format == "json":
        return b"".join(bericht_teile(bericht, format)).decode("utf-8")
    if format == "csv":
        from strategie.ausgabe.tabellen.csv import bericht_csv

        return bericht_csv(bericht)
    if format == "xlsx":
        from strategie.ausgabe.tabellen.xlsx import bericht_xlsx

        return bericht_xlsx(bericht)
    raise ValueError(f"unbekanntes Berichtsformat: {format}")


def bericht_teile(bericht: Bericht, format: str = "json",  # noqa: A002
                  vorlage: Vorlage = None) -> Iterator[bytes]:
    """``rendere_bericht`` in bytes, piece by piece as it is made where the format allows
    (JSON; the others come whole)."""
    if format == "json":
        from strategie.ausgabe.json.bericht import bericht_json_teile

        yield from bericht_json_teile(bericht)
        yield b"\n"
        return
    inhalt = rendere_bericht(bericht, format, vorlage=vorlage)
    yield inhalt.encode("utf-8") if isinstance(inhalt, str) else inhalt


def rendere_steckbriefe(bericht: Bericht, format: str = "html",  # noqa: A002
                        vorlage: Vorlage = None) -> str | bytes:
    """The Maßnahmensteckbriefe in *format* (one of STECKBRIEFFORMATE); xlsx and docx give
    bytes; *vorlage* as for ``rendere_bericht``."""
    if format == "html":
        from strategie.ausgabe.html.steckbriefe import steckbriefe_html

        return steckbriefe_html(bericht, vorlagenordner(bericht, vorlage))
    if format == "docx":
        from strategie.ausgabe.docx.steckbriefe import steckbriefe_docx

        return steckbriefe_docx(bericht, vorlagenordner(bericht, vorlage))
    if format == "markdown":
        from strategie.ausgabe.markdown.bericht import steckbriefe_markdown

        return steckbriefe_markdown(bericht)
    if format == "xlsx":
        from strategie.ausgabe.tabellen.xlsx import steckbriefe_xlsx

        return steckbriefe_xlsx(bericht)
    raise ValueError(f"unbekanntes Format für Steckbriefe: {format}")


def rendere_jahresplanung(planung: Jahresplanung, format: str = "markdown",  # noqa: A002
                          breite: int = 100, vorlage: Vorlage = None) -> str | bytes:
    """The Jahresplanung in *format* (one of JAHRESPLANUNGSFORMATE); xlsx and docx give bytes;
    *vorlage* as for ``rendere_bericht``."""
    if format == "terminal":
        from strategie.ausgabe.terminal.jahresplanung import jahresplanung_text

        return jahresplanung_text(planung, breite)
    if format == "markdown":
        from strategie.ausgabe.markdown.jahresplanung import jahresplanung_markdown

        return jahresplanung_markdown(planung)
    if format == "html":
        from strategie.ausgabe.html.jahresplanung import jahresplanung_html

        return jahresplanung_html(planung, vorlagenordner(planung, vorlage))
    if format == "docx":
        from strategie.ausgabe.docx.jahresplanung import jahresplanung_docx

        return jahresplanung_docx(planung, vorlagenordner(planung, vorlage))
    if format == "json":
        from strategie.ausgabe.json.jahresplanung import jahresplanung_json

        return jahresplanung_json(planung) + "\n"
    if format == "csv":
        from strategie.ausgabe.tabellen.csv import jahresplanung_csv

        return jahresplanung_csv(planung)
    if format == "xlsx":
        from strategie.ausgabe.tabellen.xlsx import jahresplanung_xlsx

        return jahresplanung_xlsx(planung)
    raise ValueError(f"unbekanntes Format der Jahresplanung: {format}")
