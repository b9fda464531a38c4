"""The one JSON encoding of every output: dates and times in ISO 8601, control codes escaped."""

from __future__ import annotations

import datetime as dt
import json
import json.encoder
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
    if not eingerueckt:
        return json_sicher(_KOMPAKT.encode(daten))
    return json_sicher(json.dumps(daten, ensure_ascii=False, indent=2, default=iso))


_KOMPAKT = json.JSONEncoder(ensure_ascii=False, default=iso)
"""``json.dumps(ensure_ascii=False, default=iso)`` made once (``dumps`` makes an encoder per
call, which an element-by-element report of 50,000 goals notices)."""


def kompakt_unsicher(daten: object) -> str:
    """``als_json(eingerueckt=False)`` without the escaping of ``json_sicher``: for a caller
    that escapes many such texts at once, joined (the escaping is character by character)."""
    return _KOMPAKT.encode(daten)


def json_element(daten: object) -> str:
    """*daten* as one element of an indented JSON array (``als_json`` of a list, in pieces).

    The same text as ``json.dumps(indent=2)`` gives, made by a direct recursion: with an
    indent, the json module uses its pure-Python encoder, several times slower; the goal
    data (TOML: texts, numbers, booleans, dates, lists, tables) needs only these cases.
    """
    return "  " + json_sicher(_kodiert(daten, "\n  "))


def _kodiert(wert: object, einzug: str) -> str:
    if isinstance(wert, str):
        return _text(wert)
    if isinstance(wert, dict):
        if not wert:
            return "{}"
        tiefer = einzug + "  "
        return "{" + ",".join(f"{tiefer}{_schluessel(k)}: {_kodiert(v, tiefer)}"
                              for k, v in wert.items()) + einzug + "}"
    if isinstance(wert, list | tuple):
        if not wert:
            return "[]"
        tiefer = einzug + "  "
        return "[" + ",".join(tiefer + _kodiert(v, tiefer) for v in wert) + einzug + "]"
    if wert is True:
        return "true"
    if wert is False:
        return "false"
    if wert is None:
        return "null"
    if isinstance(wert, int):
        return int.__repr__(wert)
    if isinstance(wert, float):
        return json.dumps(wert)
    return _text(iso(wert))


def _schluessel(schluessel: object) -> str:
    if not isinstance(schluessel, str):
        return json.dumps({schluessel: 0}, ensure_ascii=False)[1:-4]  # the json module's way
    return _text(schluessel)


_text = json.encoder.encode_basestring
"""A text as JSON with ensure_ascii=False (the C function json.dumps uses)."""


def json_array(elemente: Iterable[str]) -> Iterator[str]:
    """The pieces of an indented JSON array of these ``json_element`` texts: the same text as
    ``als_json`` of the list, written piece by piece instead of built in memory."""
    erstes = True
    for element in elemente:
        yield ("[\n" if erstes else ",\n") + element
        erstes = False
    yield "[]" if erstes else "\n]"
