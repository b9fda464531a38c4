"""The one JSON encoding of every output: dates and times in ISO 8601, control codes escaped."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from strategie.text.sicher import json_sicher

_ISO = (dt.date, dt.time)
"""Values written as ISO 8601 text (a datetime is a date)."""


def iso(wert: object) -> str:
    """A date, datetime or time as ISO 8601 text; anything else JSON cannot hold is an error."""
    if isinstance(wert, _ISO):
        return wert.isoformat()
    raise TypeError(f"nicht als JSON darstellbar: {type(wert).__name__}")


def json_wert(wert: Any) -> Any:
    """Data with its dates and times as ISO text, ready for ``json.dumps`` as it is."""
    if isinstance(wert, dict):
        return {k: json_wert(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [json_wert(v) for v in wert]
    return iso(wert) if isinstance(wert, _ISO) else wert


def als_json(daten: object, *, eingerueckt: bool = True) -> str:
    """JSON text of *daten* (indented unless told otherwise), safe to print to a terminal.

    ``json.dumps(ensure_ascii=False)`` leaves C1/DEL/bidi characters raw; they are escaped
    (``sicher.json_sicher``), which gives the same JSON value.
    """
    return json_sicher(json.dumps(daten, ensure_ascii=False, indent=2 if eingerueckt else None,
                                  default=iso))


def json_element(daten: object) -> str:
    """*daten* as one element of an indented JSON array (``als_json`` of a list, in pieces)."""
    return "  " + als_json(daten).replace("\n", "\n  ")


def json_array(elemente: Iterable[str]) -> Iterator[str]:
    """The pieces of an indented JSON array of these ``json_element`` texts: the same text as
    ``als_json`` of the list, written piece by piece instead of built in memory."""
    erstes = True
    for element in elemente:
        yield ("[\n" if erstes else ",\n") + element
        erstes = False
    yield "[]" if erstes else "\n]"
