"""One entry point per report kind: render a Bericht in any of its formats."""

from __future__ import annotations

import io

from rich.console import Console

from strategie.auswertung.bericht import Bericht

BERICHTSFORMATE = ("terminal", "markdown", "html", "json", "csv", "xlsx")
STECKBRIEFFORMATE = ("html", "markdown", "xlsx")
BINAERE_FORMATE = frozenset({"xlsx"})
ENDUNGEN = {"terminal": ".txt", "markdown": ".md", "html": ".html", "json": ".json",
            "csv": ".csv", "xlsx": ".xlsx"}


def terminal_text(bericht: Bericht, breite: int = 80) -> str:
    """The terminal report as plain text of *breite* columns (for files and scripts)."""
    from strategie.bericht.terminal import bericht_terminal

    puffer = io.StringIO()
    Console(file=puffer, width=breite, color_system=None, highlight=False,
            force_terminal=False).print(bericht_terminal(bericht))
    return puffer.getvalue()


def rendere_bericht(bericht: Bericht, format: str = "markdown", breite: int = 80  # noqa: A002
                    ) -> str | bytes:
    """The Sachstandsbericht in *format* (one of BERICHTSFORMATE); xlsx gives bytes."""
    if format == "terminal":
        return terminal_text(bericht, breite)
    if format == "markdown":
        from strategie.bericht.markdown import bericht_markdown

        return bericht_markdown(bericht)
    if format == "html":
        from strategie.bericht.html import bericht_html

        return bericht_html(bericht)
    if format == "json":
        from strategie.bericht.daten import als_json

        return als_json(bericht) + "\n"
    if format == "csv":
        from strategie.bericht.tabellen import bericht_csv

        return bericht_csv(bericht)
    if format == "xlsx":
        from strategie.bericht.tabellen import bericht_xlsx

        return bericht_xlsx(bericht)
    raise ValueError(f"unbekanntes Berichtsformat: {format}")


def rendere_steckbriefe(bericht: Bericht, format: str = "html") -> str | bytes:  # noqa: A002
    """The Maßnahmensteckbriefe in *format* (one of STECKBRIEFFORMATE); xlsx gives bytes."""
    if format == "html":
        from strategie.bericht.steckbriefe_html import steckbriefe_html

        return steckbriefe_html(bericht)
    if format == "markdown":
        from strategie.bericht.markdown import steckbriefe_markdown

        return steckbriefe_markdown(bericht)
    if format == "xlsx":
        from strategie.bericht.tabellen import steckbriefe_xlsx

        return steckbriefe_xlsx(bericht)
    raise ValueError(f"unbekanntes Format für Steckbriefe: {format}")
