"""Why a goal file's layout keeps an edit from being made safely, named with the standard form."""

from __future__ import annotations

import re
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import AoT, Array, InlineTable, Table

from strategie.modell.feld import ZIEL, Abschnitt

_KOPFZEILE = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_-]+)", re.MULTILINE)


def sonderform(text: str, pfad: str) -> str | None:
    """How the sections on *pfad* deviate from the standard layout (German), or None.

    Standard is ``[steckbrief]``/``[haushalt]`` tables and ``[[massnahmen]]`` blocks; the
    alternatives TOML allows (dotted keys, inline tables and lists) are named with the
    standard form, for a message when an edit in such a file cannot be made safely.
    """
    try:
        knoten: Any = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError:
        return "die Datei ist für die Bearbeitung nicht lesbar"
    if knoten.as_string() != text:
        namen = [treffer.group(1) for treffer in _KOPFZEILE.finditer(text)]
        folgen = [n for i, n in enumerate(namen) if i == 0 or namen[i - 1] != n]
        verteilt = [n for n in dict.fromkeys(folgen) if folgen.count(n) > 1]
        if verteilt:
            return (f"die Blöcke [[{verteilt[0]}]] bzw. [{verteilt[0]}…] stehen an mehreren "
                    "Stellen der Datei, mit anderen Tabellen dazwischen; Standard ist, sie "
                    "zusammenhängend hintereinander zu schreiben")
        return "die Anordnung der Datei ließe sich beim Schreiben nicht zeilengetreu erhalten"
    abschnitt: Abschnitt = ZIEL
    teile = pfad.split(".")
    for i, name in enumerate(teile[:-1]):
        eintrag = abschnitt.feld(name)
        if name.isdigit() or not isinstance(eintrag, Abschnitt) or name not in knoten:
            continue
        item: Any = knoten[name]
        abschnitt = eintrag
        if isinstance(knoten, Container) and not isinstance(item, (Table, AoT, Array)):
            teilstuecke = [v for k, v in knoten.body if k is not None and k.key == name]
            if all(isinstance(t, Table) and t.is_super_table() for t in teilstuecke):
                item = teilstuecke[0]  # several dotted-key lines: one form
        standard = (f"je Eintrag ein Block [[{name}]]" if eintrag.liste
                    else f"eine Tabelle [{name}]")
        form = ("als Inline-Liste ({0} = [{{…}}]) geschrieben" if isinstance(item, Array)
                else "als Inline-Tabelle ({0} = {{…}}) geschrieben"
                if isinstance(item, InlineTable)
                else "mit Punkt-Schlüsseln ({0}.feld = …) geschrieben"
                if isinstance(item, Table) and item.is_super_table()
                else None if isinstance(item, (Table, AoT))
                else "an mehreren Stellen der Datei verteilt")
        if form is not None:
            return f"'{name}' ist {form.format(name)}; Standard ist {standard}"
        knoten = item
        if eintrag.liste and i + 1 < len(teile) - 1 and teile[i + 1].isdigit():
            index = int(teile[i + 1]) - 1
            if not 0 <= index < len(item):
                return None
            knoten = item[index]
    return None
