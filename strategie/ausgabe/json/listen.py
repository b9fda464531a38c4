"""JSON of goal lists and history entries (``liste``, ``verlauf``, ``aenderungen``): stable keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from strategie.ausgabe.json.kodierung import als_json, json_array, json_wert

if TYPE_CHECKING:
    from strategie.modell.ziel import Ziel
    from strategie.verlauf.eintraege import Verlaufseintrag


def ziele_json(ziele: Sequence[Ziel]) -> str:
    """A JSON array with one object per goal, fields under their TOML names, dates ISO-8601."""
    return "".join(json_array(z.json_text() for z in ziele))


STUECK = 1 << 18
"""Bytes gathered before a piece is handed out (one write each; a goal is ~3 KB). 256 KiB was
the fastest into a pipe at 10,000 goals (64 KiB: +10 ms, 1 MiB: +20 ms; stdout's pipe is
widened to 1 MiB, see ``cli.gemeinsam``)."""


def ziele_json_teile(ziele: Iterable[Ziel]) -> Iterator[bytes]:
    """``ziele_json`` in UTF-8, piece by piece for writing as it is made: about ``STUECK``
    bytes at a time from the goals' texts (kept ready by the store's snapshot), never the
    whole array in memory. (A write per goal would cost a system call per goal.)"""
    puffer = bytearray(b"[")
    trenner = b"\n"
    for ziel in ziele:
        puffer += trenner
        puffer += ziel.json_puffer()
        trenner = b",\n"
        if len(puffer) >= STUECK:
            yield bytes(puffer)
            puffer.clear()
    puffer += b"]" if trenner == b"\n" else b"\n]"
    yield bytes(puffer)


def eintrag_json(eintrag: Verlaufseintrag) -> dict[str, Any]:
    """A history entry with stable keys (documented in the README)."""
    return {
        "commit": eintrag.commit,
        "datum": eintrag.datum.isoformat(),
        "autor": eintrag.autor,
        "email": eintrag.email,
        "betreff": eintrag.betreff,
        "kommentar": eintrag.kommentar,
        "ziel": eintrag.ziel_id,
        "datei": eintrag.datei,
        "art": eintrag.art,
        "aenderungen": [{"feld": a.pfad, "titel": a.titel, "alt": json_wert(a.alt),
                         "neu": json_wert(a.neu)} for a in eintrag.aenderungen],
    }


def verlauf_json(eintraege: Sequence[Verlaufseintrag]) -> str:
    """A JSON array of history entries, newest first."""
    return als_json([eintrag_json(e) for e in eintraege])
