"""The error a user can act on (cheap to import: the CLI's entry point catches it)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: the help starts faster without it
if TYPE_CHECKING:
    from strategie.modell.befund import Befund


class StrategieFehler(Exception):
    """An error a user can act on; its message is German and shown without a traceback."""

    def __init__(self, meldung: str, befunde: tuple[Befund, ...] = ()) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.befunde = befunde


class NichtErreichbar(StrategieFehler):
    """The shared repository could not be reached; nothing here changed (exit code 4)."""
