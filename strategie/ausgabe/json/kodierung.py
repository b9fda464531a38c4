"""The JSON encoding of every output; the rule itself lives in ``strategie.text.jsontext`` so
that the store's snapshot can keep each goal's JSON text ready (``speicher.schnappschuss``)."""

from __future__ import annotations

from strategie.text.jsontext import (
    als_json,
    iso,
    json_array,
    json_element,
    json_wert,
    kompakt_unsicher,
)
from strategie.text.sicher import json_sicher

__all__ = ["als_json", "iso", "json_array", "json_element", "json_sicher", "json_wert",
           "kompakt_unsicher"]
