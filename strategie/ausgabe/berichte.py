"""One entry point per report kind: a Bericht rendered in any of its formats, loaded on demand."""

from __future__ import annotations

from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung

BERICHTSFORMATE = ("terminal", "markdown", "html", "json", "csv", "xlsx")
STECKBRIEFFORMATE = ("html", "markdown", "xlsx")
JAHRESPLANUNGSFORMATE = ("terminal", "markdown", "html", "json", "csv", "xlsx")
BINAERE_FORMATE = frozenset({"xlsx"})
FORMATNAMEN = {"terminal": "Text", "markdown": "Markdown", "html": "HTML", "json": "JSON",
               "csv": "CSV", "xlsx": "XLSX"}
"""The formats' names in messages."""
ENDUNGEN = {"terminal": ".txt", "markdown": ".md", "html": ".html", "json": ".json",
            "csv": ".csv", "xlsx": ".xlsx"}


def rendere_bericht(bericht: Bericht, format: str = "markdown", breite: int = 80  # noqa: A002
                    ) -> str | bytes:
    """The Sachstandsbericht in *format* (one of BERICHTSFORMATE); xlsx gives bytes."""
    if format == "terminal":
        from strategie.ausgabe.terminal.bericht import terminal_text

        return terminal_text(bericht, breite)
    if format == "markdown":
        from strategie.ausgabe.markdown.bericht import bericht_markdown

        return bericht_markdown(bericht)
    if format == "html":
        from strategie.ausgabe.html.bericht import bericht_html

        return bericht_html(bericht)
    if format == "json":
        from strategie.ausgabe.json.bericht import bericht_json

        return bericht_json(bericht) + "\n"
    if format == "csv":
        from strategie.ausgabe.tabellen.csv import bericht_csv

        return bericht_csv(bericht)
    if format == "xlsx":
        from strategie.ausgabe.tabellen.xlsx import bericht_xlsx

        return bericht_xlsx(bericht)
    raise ValueError(f"unbekanntes Berichtsformat: {format}")


def rendere_steckbriefe(bericht: Bericht, format: str = "html") -> str | bytes:  # noqa: A002
    """The Maßnahmensteckbriefe in *format* (one of STECKBRIEFFORMATE); xlsx gives bytes."""
    if format == "html":
        from strategie.ausgabe.html.steckbriefe import steckbriefe_html

        return steckbriefe_html(bericht)
    if format == "markdown":
        from strategie.ausgabe.markdown.bericht import steckbriefe_markdown

        return steckbriefe_markdown(bericht)
    if format == "xlsx":
        from strategie.ausgabe.tabellen.xlsx import steckbriefe_xlsx

        return steckbriefe_xlsx(bericht)
    raise ValueError(f"unbekanntes Format für Steckbriefe: {format}")


def rendere_jahresplanung(planung: Jahresplanung, format: str = "markdown",  # noqa: A002
                          breite: int = 100) -> str | bytes:
    """The Jahresplanung in *format* (one of JAHRESPLANUNGSFORMATE); xlsx gives bytes."""
    if format == "terminal":
        from strategie.ausgabe.terminal.jahresplanung import jahresplanung_text

        return jahresplanung_text(planung, breite)
    if format == "markdown":
        from strategie.ausgabe.markdown.jahresplanung import jahresplanung_markdown

        return jahresplanung_markdown(planung)
    if format == "html":
        from strategie.ausgabe.html.jahresplanung import jahresplanung_html

        return jahresplanung_html(planung)
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
