"""Unexpected errors inside the app's workers, worded for the user (the app stays usable)."""

from __future__ import annotations

from strategie.modell.befund import os_fehlertext


def unerwartet(wobei: str, fehler: BaseException) -> str:
    """A German message for an error the core did not foresee, e.g. during 'Laden der Ziele'."""
    if isinstance(fehler, OSError):
        grund = os_fehlertext(fehler)
    else:
        grund = f"{type(fehler).__name__}: {fehler}".rstrip(": ")
    return (f"Unerwarteter Fehler beim {wobei} ({grund}). Nichts wurde verändert; die App "
            "bleibt benutzbar. Bitte melden, falls es wieder geschieht.")
