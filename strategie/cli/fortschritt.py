"""A Rich progress bar on stderr for long runs — only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from strategie.cli.gemeinsam import fehlerkonsole

Schritt = Callable[[str], None]
"""Called at the start of each step with its German description."""


@contextmanager
def fortschritt(schritte: int) -> Iterator[Schritt]:
    """Yield a function that announces the next of *schritte* steps; silent without a terminal.

    The bar disappears when the run is over, so that only the result remains on screen.
    """
    if not sys.stderr.isatty():
        yield lambda beschreibung: None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                  console=fehlerkonsole(), transient=True) as anzeige:
        aufgabe = anzeige.add_task("", total=schritte)
        begonnen = False

        def schritt(beschreibung: str) -> None:
            nonlocal begonnen
            anzeige.update(aufgabe, description=beschreibung, advance=1 if begonnen else 0)
            begonnen = True

        yield schritt
        anzeige.update(aufgabe, completed=schritte)
