"""The frame (Rahmen) of a store: Handlungsfelder, Ämter and vocabularies, built from its data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from strategie.modell.befund import Befund
from strategie.modell.feld import ZIEL
from strategie.modell.zustaendigkeit import Regeln, regeln_aus
from strategie.text.kuerzen import kuerze


class Handlungsfeld(NamedTuple):
    """A Strategischer Leitsatz, numbered 1–4, with its short name (Oberbegriff)."""

    nummer: int
    name: str
    leitsatz: str
    arbeitstitel: bool = False
    """The name is a working title (the source names no Oberbegriff); reports say so."""

    @property
    def bezeichnung(self) -> str:
        """The name as reports print it: 'Wirksamkeit und Prävention (Arbeitstitel)'."""
        return f"{self.name} (Arbeitstitel)" if self.arbeitstitel else self.name


class Amt(NamedTuple):
    """An Organisationseinheit; ``anlage`` is its Anlage number in Vorlage 2024/144."""

    kuerzel: str
    name: str
    kurzname: str
    anlage: int
    ordner: str


class Aktionsbereich(NamedTuple):
    """One of the ten Aktionsbereiche with its Priorität ("1", "2" or "Sonderthema")."""

    name: str
    prioritaet: str


class Wert(NamedTuple):
    """A value of a vocabulary (Umsetzungsstand, Ampel, Maßnahmenstatus)."""

    name: str
    beschreibung: str = ""
    begruendung: bool = False
    """Setting this value needs a Begründung."""
    abgeschlossen: bool = False
    """The value counts as finished."""


class Berichtsrahmen(NamedTuple):
    """The frame's ``[berichte]`` table: how reports present this store."""

    vorlagen: str = ""
    """A folder of own HTML templates, relative to the store ('' = the shipped ones)."""
    matrix_quelle: str = ""
    """The published table the Amt × Handlungsfeld matrix reproduces; its rows then keep the
    frame's order of the Ämter (otherwise the order of the Anlagen)."""
    matrix_fussnote: str = ""
    """A footnote printed wherever the matrix is shown."""


class _Rahmenfelder(NamedTuple):
    pfad: Path
    name: str
    traeger: str
    vision_titel: str
    vision: str
    hinweis: str
    steckbrief_max_alter_monate: int
    handlungsfelder: tuple[Handlungsfeld, ...]
    aemter: tuple[Amt, ...]
    aktionsbereiche: tuple[Aktionsbereich, ...]
    umsetzungsstand: tuple[Wert, ...]
    ampel: tuple[Wert, ...]
    massnahmenstatus: tuple[Wert, ...]
    raeume: tuple[Wert, ...] = ()
    """The Sozialräume goals and Kennzahlen may refer to (optional)."""
    phasen: tuple[Wert, ...] = ()
    """The phases of the Steuerungskreislauf, in their order (optional)."""
    kennzahl_toleranz_prozent: float = 0.0
    """How far (in % of the way from Basis to Ziel) a Kennzahl may lag behind the straight line
    and still count as 'auf Kurs'."""
    messwert_max_alter_monate: int = 18
    """A Kennzahl whose latest Messwert is older has 'keine aktuellen Messwerte'."""
    vorlage: Mapping[str, Any] = {}  # read-only by its type; shared, picklable
    """Default field values of a new goal ('strategie neu'), under their TOML names."""
    berichte: Berichtsrahmen = Berichtsrahmen()
    """The frame's settings for reports (``[berichte]``)."""
    roh: bytes = b""
    """The frame file's bytes (the goal cache is only valid for the same frame)."""
    zustaendigkeit: Regeln | None = None
    """Who may change what (``[zustaendigkeit]``); None: no rules, everyone may."""


_VERGLICHEN = tuple(name for name in _Rahmenfelder._fields
                    if name not in ("vorlage", "roh", "zustaendigkeit"))
"""The fields two frames are compared by."""


class Rahmen(_Rahmenfelder):
    """The parsed frame file; the one source of vocabularies for validation, schema and UI.

    A NamedTuple with a ``__dict__`` for its cached lookups (see ``strategie.modell``). Two
    frames are equal when everything but ``vorlage``, ``roh`` and ``zustaendigkeit`` is.
    """

    def _verglichen(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _VERGLICHEN)

    def __eq__(self, anderes: object) -> bool:
        return isinstance(anderes, Rahmen) and self._verglichen() == anderes._verglichen()

    def __ne__(self, anderes: object) -> bool:
        return not self == anderes

    def __hash__(self) -> int:
        return hash(self._verglichen())

    def __repr__(self) -> str:
        return f"Rahmen(pfad={self.pfad!r}, name={self.name!r})"

    @cached_property
    def _amt_nach_kuerzel(self) -> dict[str, Amt]:
        return {a.kuerzel: a for a in self.aemter}

    def amt(self, kuerzel: str) -> Amt | None:
        """The Amt with this Kürzel, or None."""
        return self._amt_nach_kuerzel.get(kuerzel)

    def handlungsfeld(self, nummer: int) -> Handlungsfeld | None:
        """The Handlungsfeld with this number, or None."""
        return next((h for h in self.handlungsfelder if h.nummer == nummer), None)

    def vokabular(self, name: str) -> tuple[str, ...]:
        """The allowed values of a named vocabulary (``Feld.vokabular``), in frame order."""
        return VOKABULARE[name](self)

    @cached_property
    def vokabular_mengen(self) -> dict[str, frozenset[object]]:
        """Each vocabulary as a set of the typed values a goal file holds (numbers as int)."""
        mengen: dict[str, frozenset[object]] = {
            name: frozenset(werte(self)) for name, werte in VOKABULARE.items()}
        mengen["handlungsfelder"] = frozenset(h.nummer for h in self.handlungsfelder)
        return mengen

    def wert(self, vokabular: str, name: str) -> Wert | None:
        """The Wert entry of a status-like vocabulary, or None."""
        werte: tuple[Wert, ...] = getattr(self, vokabular)
        return next((w for w in werte if w.name == name), None)

    def aemter_in_anlagenfolge(self) -> tuple[Amt, ...]:
        """The Ämter in the order of the Vorlage's Anlagen 2–7: the one order of the Ämter in
        lists, the app and the reports (the frame's own order only where the matrix reproduces
        a published table, ``[berichte] matrix_quelle``)."""
        return tuple(sorted(self.aemter, key=lambda a: a.anlage))


ENTFALLEN = "entfallen"
"""The Umsetzungsstand of a retired goal: its file and history stay, it is proposed for no
year any more ('strategie entfallen')."""

FESTE_VOKABULARE: dict[str, tuple[str, ...]] = {
    "art": ("Projekt", "laufende Tätigkeit"),
    "richtung": ("steigend", "fallend"),
}

VOKABULARE = {
    "aemter": lambda r: tuple(a.kuerzel for a in r.aemter_in_anlagenfolge()),
    "handlungsfelder": lambda r: tuple(str(h.nummer) for h in r.handlungsfelder),
    "aktionsbereiche": lambda r: tuple(a.name for a in r.aktionsbereiche),
    "umsetzungsstand": lambda r: tuple(w.name for w in r.umsetzungsstand),
    "ampel": lambda r: tuple(w.name for w in r.ampel),
    "massnahmenstatus": lambda r: tuple(w.name for w in r.massnahmenstatus),
    "raeume": lambda r: tuple(w.name for w in r.raeume),
    "phasen": lambda r: tuple(w.name for w in r.phasen),
    "art": lambda r: FESTE_VOKABULARE["art"],
    "richtung": lambda r: FESTE_VOKABULARE["richtung"],
}


class _Leser:
    """Reads typed values out of the frame's dict and collects Befunde instead of raising."""

    def __init__(self, pfad: Path) -> None:
        self.pfad = pfad
        self.befunde: list[Befund] = []

    def wert(self, daten: dict[str, Any], schluessel: str, typ: type | tuple[type, ...],
             feld: str, standard: Any = None) -> Any:
        wert = daten.get(schluessel, standard)
        typen = typ if isinstance(typ, tuple) else (typ,)
        if wert is None:
            self.befunde.append(Befund(self.pfad, "Pflichtangabe fehlt im Rahmen", feld=feld))
            return typen[0]()
        if not isinstance(wert, typen) or isinstance(wert, bool) and bool not in typen:
            erwartet = " oder ".join(t.__name__ for t in typen)
            self.befunde.append(
                Befund(self.pfad, f"hat den falschen Typ ({erwartet} erwartet)", feld=feld))
            return typen[0]()
        return wert

    def liste(self, daten: dict[str, Any], schluessel: str, *, freiwillig: bool = False
              ) -> list[dict[str, Any]]:
        eintraege = daten.get(schluessel)
        if freiwillig and eintraege is None:
            return []
        if not isinstance(eintraege, list) or not eintraege or not all(
                isinstance(e, dict) for e in eintraege):
            self.befunde.append(Befund(
                self.pfad, f"erwartet mindestens einen Eintrag [[{schluessel}]]", feld=schluessel))
            return []
        return eintraege


def _berichtsrahmen(lies: _Leser, daten: dict[str, Any]) -> Berichtsrahmen:
    tabelle = daten.get("berichte", {})
    if not isinstance(tabelle, dict):
        lies.befunde.append(Befund(lies.pfad, "erwartet eine Tabelle [berichte]", feld="berichte"))
        tabelle = {}
    return Berichtsrahmen(**{name: lies.wert(tabelle, name, str, f"berichte.{name}", "")
                             for name in ("vorlagen", "matrix_quelle", "matrix_fussnote")})


MAX_MONATE = 1200
"""The most months a frame or ``--monate`` may count back (a hundred years)."""

_KUERZEL = re.compile(r"[A-Z][A-Z0-9]*")
"""An Amt's Kürzel: the first part of its goals' ids (SA in SA-03)."""


def ordnerfehler(ordner: str) -> str | None:
    """Why *ordner* cannot be an Amt's folder in the store (one plain name), or None."""
    if not ordner.strip():
        return "ist leer"
    if "/" in ordner or "\\" in ordner or ordner.startswith(".") or ":" in ordner:
        return ("zeigt nicht auf einen Ordner im Zielspeicher: erlaubt ist ein einfacher Name "
                'wie "sa", ohne "/", "\\", ":" und ohne Punkt am Anfang (also nicht ".", ".." '
                "oder ein absoluter Pfad)")
    if ordner != ordner.strip() or any(ord(z) < 0x20 or 0x7F <= ord(z) < 0xA0 for z in ordner):
        return "enthält Leer- oder Steuerzeichen am Rand oder im Namen"
    if ordner.endswith(".toml"):
        return 'darf nicht auf ".toml" enden'
    return None


def _ordnerbefunde(pfad: Path, aemter: tuple[Amt, ...]) -> list[Befund]:
    befunde = []
    for i, amt in enumerate(aemter, start=1):
        if amt.kuerzel and not _KUERZEL.fullmatch(amt.kuerzel):
            befunde.append(Befund(pfad, f'Kürzel "{amt.kuerzel}" hat nicht die Form einer ID '
                                        "ohne Nummer (Großbuchstaben und Ziffern, z. B. SA)",
                                  feld=f"aemter.{i}.kuerzel"))
        fehler = ordnerfehler(amt.ordner)
        if fehler:
            befunde.append(Befund(pfad, f'ordner = "{amt.ordner}" {fehler}',
                                  feld=f"aemter.{i}.ordner"))
    return befunde


def rahmen_aus_daten(pfad: Path, daten: dict[str, Any]) -> tuple[Rahmen, list[Befund]]:
    """Build the frame from parsed TOML; problems become Befunde, never exceptions."""
    lies = _Leser(pfad)

    def werte(schluessel: str, freiwillig: bool = False) -> tuple[Wert, ...]:
        return tuple(
            Wert(
                name=lies.wert(e, "name", str, f"{schluessel}.{i}.name"),
                beschreibung=lies.wert(
                    e, "beschreibung", str, f"{schluessel}.{i}.beschreibung", ""),
                begruendung=lies.wert(
                    e, "begruendung", bool, f"{schluessel}.{i}.begruendung", False),
                abgeschlossen=lies.wert(
                    e, "abgeschlossen", bool, f"{schluessel}.{i}.abgeschlossen", False),
            )
            for i, e in enumerate(lies.liste(daten, schluessel, freiwillig=freiwillig), start=1)
        )

    toleranz = lies.wert(daten, "kennzahl_toleranz_prozent", (int, float),
                         "kennzahl_toleranz_prozent", 0.0)
    vorlage = lies.wert(daten, "vorlage", dict, "vorlage", {})
    rahmen = Rahmen(
        pfad=pfad,
        name=lies.wert(daten, "name", str, "name"),
        traeger=lies.wert(daten, "traeger", str, "traeger", ""),
        vision_titel=lies.wert(daten, "vision_titel", str, "vision_titel", ""),
        vision=lies.wert(daten, "vision", str, "vision", ""),
        hinweis=lies.wert(daten, "hinweis", str, "hinweis", ""),
        steckbrief_max_alter_monate=lies.wert(
            daten, "steckbrief_max_alter_monate", int, "steckbrief_max_alter_monate", 6),
        handlungsfelder=tuple(
            Handlungsfeld(
                nummer=lies.wert(e, "nummer", int, f"handlungsfelder.{i}.nummer"),
                name=lies.wert(e, "name", str, f"handlungsfelder.{i}.name"),
                leitsatz=lies.wert(e, "leitsatz", str, f"handlungsfelder.{i}.leitsatz", ""),
                arbeitstitel=lies.wert(e, "arbeitstitel", bool, f"handlungsfelder.{i}.arbeitstitel",
                                       False),
            )
            for i, e in enumerate(lies.liste(daten, "handlungsfelder"), start=1)
        ),
        aemter=tuple(
            Amt(
                kuerzel=lies.wert(e, "kuerzel", str, f"aemter.{i}.kuerzel"),
                name=lies.wert(e, "name", str, f"aemter.{i}.name"),
                kurzname=lies.wert(e, "kurzname", str, f"aemter.{i}.kurzname", e.get("name", "")),
                anlage=lies.wert(e, "anlage", int, f"aemter.{i}.anlage", 0),
                ordner=lies.wert(e, "ordner", str, f"aemter.{i}.ordner",
                                 str(e.get("kuerzel", "")).lower()),
            )
            for i, e in enumerate(lies.liste(daten, "aemter"), start=1)
        ),
        aktionsbereiche=tuple(
            Aktionsbereich(
                name=lies.wert(e, "name", str, f"aktionsbereiche.{i}.name"),
                prioritaet=str(e.get("prioritaet", "")),
            )
            for i, e in enumerate(lies.liste(daten, "aktionsbereiche"), start=1)
        ),
        umsetzungsstand=werte("umsetzungsstand"),
        ampel=werte("ampel"),
        massnahmenstatus=werte("massnahmenstatus"),
        raeume=werte("raeume", freiwillig=True),
        phasen=werte("phasen", freiwillig=True),
        kennzahl_toleranz_prozent=float("inf") if abs(toleranz) > 100 else float(toleranz),
        messwert_max_alter_monate=lies.wert(
            daten, "messwert_max_alter_monate", int, "messwert_max_alter_monate", 18),
        vorlage=vorlage,
        berichte=_berichtsrahmen(lies, daten),
    )
    regeln, probleme = regeln_aus(daten.get("zustaendigkeit"), [a.kuerzel for a in rahmen.aemter])
    rahmen = rahmen._replace(zustaendigkeit=regeln)
    lies.befunde += [Befund(pfad, meldung, feld=feld) for feld, meldung in probleme]
    eindeutig: tuple[tuple[str, list[str]], ...] = (
        ("aemter.kuerzel", [a.kuerzel for a in rahmen.aemter]),
        ("aemter.ordner", [a.ordner for a in rahmen.aemter]),
        ("handlungsfelder.nummer", [str(h.nummer) for h in rahmen.handlungsfelder]),
        ("raeume.name", [w.name for w in rahmen.raeume]),
        ("phasen.name", [w.name for w in rahmen.phasen]),
    )
    for name, eintraege in eindeutig:
        doppelt = sorted({str(e) for e in eintraege if eintraege.count(e) > 1})
        if doppelt:
            lies.befunde.append(Befund(pfad, f"doppelt vergeben: {', '.join(doppelt)}", feld=name))
    for name, hoechstens in (("kennzahl_toleranz_prozent", 100),
                             ("steckbrief_max_alter_monate", MAX_MONATE),
                             ("messwert_max_alter_monate", MAX_MONATE)):
        wert = getattr(rahmen, name)
        if wert < 0:
            lies.befunde.append(Befund(pfad, "darf nicht negativ sein", feld=name))
        elif not wert <= hoechstens:  # also true for nan
            lies.befunde.append(Befund(pfad, f"{kuerze(str(wert), 20)} liegt nicht zwischen 0 "
                                             f"und {hoechstens}", feld=name))
    lies.befunde += _ordnerbefunde(pfad, rahmen.aemter)
    for schluessel in vorlage:
        if schluessel in ("id", "amt") or ZIEL.feld(schluessel) is None:
            lies.befunde.append(Befund(
                pfad, f"'{schluessel}' ist kein Feld, das eine Vorlage für neue Ziele setzen "
                      "kann (id und amt vergibt 'strategie neu')", feld=f"vorlage.{schluessel}"))
    return rahmen, lies.befunde
