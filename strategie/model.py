"""The goal model: field specification (one source for validation, schema, UI) and dataclasses."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple, cast


class Typ(StrEnum):
    """The value types a goal file may hold."""

    TEXT = "Text"
    LANGTEXT = "mehrzeiliger Text"
    GANZZAHL = "Ganzzahl"
    ZAHL = "Zahl"
    WAHRHEITSWERT = "Wahrheitswert (true/false)"
    DATUM = "Datum (JJJJ-MM-TT, ohne Anführungszeichen)"
    TEXTLISTE = "Liste von Texten"


@dataclass(frozen=True, slots=True)
class Feld:
    """One key of a goal file: its TOML name, type, label and vocabulary."""

    name: str
    typ: Typ
    titel: str
    pflicht: bool = False
    vokabular: str | None = None
    """Name of a frame vocabulary (see ``Rahmen.vokabular``) the value must come from."""
    minimum: float | None = None
    maximum: float | None = None
    beschreibung: str = ""


@dataclass(frozen=True)
class Abschnitt:
    """A table (``[steckbrief]``) or array of tables (``[[massnahmen]]``) of a goal file."""

    name: str
    titel: str
    felder: tuple[Eintrag, ...]
    liste: bool = False
    beschreibung: str = ""
    einzeln: str = ""
    """Name of one entry of a list section (Maßnahme, Kennzahl …)."""

    @cached_property
    def index(self) -> dict[str, Eintrag]:
        """Fields and sub-sections by TOML name."""
        return {f.name: f for f in self.felder}

    @cached_property
    def pflichtfelder(self) -> tuple[str, ...]:
        """Names of the required fields of this section."""
        return tuple(f.name for f in self.felder if isinstance(f, Feld) and f.pflicht)

    def feld(self, name: str) -> Eintrag | None:
        """The field or sub-section with this TOML name."""
        return self.index.get(name)


Eintrag = Feld | Abschnitt

MESSWERT = Abschnitt("messwerte", "Messwerte", liste=True, einzeln="Messwert", felder=(
    Feld("stichtag", Typ.DATUM, "Stichtag", pflicht=True),
    Feld("wert", Typ.ZAHL, "Wert", pflicht=True),
    Feld("anmerkung", Typ.TEXT, "Anmerkung"),
), beschreibung="Gemessene Werte einer Kennzahl zu Stichtagen.")

ZIEL = Abschnitt("", "Ziel", felder=(
    Feld("id", Typ.TEXT, "ID", pflicht=True,
         beschreibung="Amt-Kürzel und Nummer, gleich dem Dateinamen, z. B. SA-03."),
    Feld("titel", Typ.TEXT, "Titel", pflicht=True),
    Feld("amt", Typ.TEXT, "Amt", pflicht=True, vokabular="aemter",
         beschreibung="Kürzel der Organisationseinheit aus strategie.toml."),
    Feld("handlungsfeld", Typ.GANZZAHL, "Handlungsfeld", pflicht=True, vokabular="handlungsfelder",
         beschreibung="Nummer des Strategischen Leitsatzes (1–4)."),
    Feld("aktionsbereiche", Typ.TEXTLISTE, "Aktionsbereiche", vokabular="aktionsbereiche"),
    Feld("status", Typ.TEXT, "Umsetzungsstand", pflicht=True, vokabular="umsetzungsstand"),
    Feld("status_begruendung", Typ.LANGTEXT, "Begründung des Umsetzungsstands",
         beschreibung="Pflicht, wenn der Rahmen für den Umsetzungsstand eine Begründung verlangt."),
    Feld("ampel", Typ.TEXT, "Ampel", vokabular="ampel"),
    Feld("ampel_begruendung", Typ.LANGTEXT, "Begründung der Ampel",
         beschreibung="Pflicht, wenn der Rahmen für die Ampelfarbe eine Begründung verlangt."),
    Feld("leuchtturm", Typ.WAHRHEITSWERT, "Leuchtturm"),
    Feld("art", Typ.TEXT, "Art", vokabular="art"),
    Feld("haushaltsneutral", Typ.WAHRHEITSWERT, "haushaltsneutral"),
    Feld("umsetzungsjahr", Typ.GANZZAHL, "Umsetzungsjahr", minimum=2000, maximum=2100,
         beschreibung="Das Haushaltsjahr, für das der Ausschuss das Ziel ausgewählt hat."),
    Feld("verantwortlich", Typ.TEXT, "verantwortlich"),
    Feld("beteiligte", Typ.TEXTLISTE, "Beteiligte"),
    Feld("wirkungsziel", Typ.LANGTEXT, "Wirkungsziel", pflicht=True,
         beschreibung="Was mit dem Ziel erreicht werden soll."),
    Feld("leistungsziel", Typ.LANGTEXT, "Leistungsziel", pflicht=True,
         beschreibung="Was dafür getan werden muss."),
    Abschnitt("haushalt", "Haushalt", felder=(
        Feld("produkt", Typ.TEXT, "Produkt"),
        Feld("mittel_plan", Typ.ZAHL, "Mittel (Plan, €)", minimum=0),
        Feld("mittel_ist", Typ.ZAHL, "Mittel (Ist, €)", minimum=0),
        Feld("personal_vzae", Typ.ZAHL, "Personal (VZÄ)", minimum=0),
    )),
    Abschnitt("steckbrief", "Steckbrief", felder=(
        Feld("stand", Typ.DATUM, "Stand"),
        Feld("aktueller_stand", Typ.LANGTEXT, "Aktueller Stand der Umsetzung"),
        Feld("finanzielle_beurteilung", Typ.LANGTEXT, "Finanzielle Beurteilung der Verwaltung"),
        Feld("inhaltliche_beurteilung", Typ.LANGTEXT, "Inhaltliche Beurteilung der Verwaltung"),
    ), beschreibung="Der Maßnahmensteckbrief, wie er dem Sozialausschuss berichtet wird."),
    Abschnitt("massnahmen", "Maßnahmen", liste=True, einzeln="Maßnahme", felder=(
        Feld("titel", Typ.TEXT, "Titel", pflicht=True),
        Feld("status", Typ.TEXT, "Status", vokabular="massnahmenstatus"),
        Feld("termin", Typ.DATUM, "Termin"),
        Feld("verantwortlich", Typ.TEXT, "verantwortlich"),
    )),
    Abschnitt("kennzahlen", "Kennzahlen", liste=True, einzeln="Kennzahl", felder=(
        Feld("name", Typ.TEXT, "Name", pflicht=True),
        Feld("einheit", Typ.TEXT, "Einheit"),
        Feld("richtung", Typ.TEXT, "Richtung", vokabular="richtung",
             beschreibung="In welche Richtung sich die Kennzahl entwickeln soll."),
        Feld("basiswert", Typ.ZAHL, "Basiswert"),
        Feld("zielwert", Typ.ZAHL, "Zielwert"),
        Feld("zieljahr", Typ.GANZZAHL, "Zieljahr", minimum=2000, maximum=2100),
        Feld("quelle", Typ.TEXT, "Quelle"),
        MESSWERT,
    ), beschreibung="Wirkungsmessung: Kennzahlen mit Basis-, Ziel- und Messwerten."),
    Abschnitt("beschluesse", "Beschlüsse", liste=True, einzeln="Beschluss", felder=(
        Feld("gremium", Typ.TEXT, "Gremium", pflicht=True),
        Feld("datum", Typ.DATUM, "Datum", pflicht=True),
        Feld("drucksache", Typ.TEXT, "Drucksache"),
        Feld("inhalt", Typ.LANGTEXT, "Inhalt"),
    )),
))

STECKBRIEF_TEXTE = ("aktueller_stand", "finanzielle_beurteilung", "inhaltliche_beurteilung")
"""The three texts of a Maßnahmensteckbrief (Vorlage 2024/144)."""

PFLICHTFELDER = tuple(f.name for f in ZIEL.felder if isinstance(f, Feld) and f.pflicht)


def feld_titel(pfad: str) -> str:
    """A German label for a dotted path: 'Umsetzungsstand', 'Maßnahme 2: Status'."""
    eintrag: Eintrag = ZIEL
    teile: list[str] = []
    for teil in pfad.split("."):
        if teil.isdigit() and isinstance(eintrag, Abschnitt) and eintrag.liste:
            teile[-1] = f"{eintrag.einzeln} {teil}"
            continue
        naechster = eintrag.feld(teil) if isinstance(eintrag, Abschnitt) else None
        if naechster is None:
            teile.append(teil)
            break
        eintrag = naechster
        teile.append(eintrag.titel)
    return ": ".join(teile)


def feld_an_pfad(pfad: str) -> Feld | None:
    """The Feld for a dotted path such as ``steckbrief.stand`` or ``massnahmen.2.status``."""
    abschnitt: Eintrag = ZIEL
    for teil in pfad.split("."):
        if teil.isdigit() and isinstance(abschnitt, Abschnitt) and abschnitt.liste:
            continue
        if not isinstance(abschnitt, Abschnitt):
            return None
        naechster = abschnitt.feld(teil)
        if naechster is None:
            return None
        abschnitt = naechster
    return abschnitt if isinstance(abschnitt, Feld) else None


class Messwert(NamedTuple):
    """A value of a Kennzahl on a Stichtag."""

    stichtag: dt.date
    wert: float
    anmerkung: str = ""


class Kennzahl(NamedTuple):
    """An indicator of Wirkungsmessung with Basiswert, Zielwert and Messwerte."""

    name: str
    einheit: str = ""
    richtung: str = "steigend"
    basiswert: float | None = None
    zielwert: float | None = None
    zieljahr: int | None = None
    quelle: str = ""
    messwerte: tuple[Messwert, ...] = ()

    @property
    def letzter_messwert(self) -> Messwert | None:
        """The Messwert with the latest Stichtag."""
        return max(self.messwerte, key=lambda m: m.stichtag, default=None)


class Massnahme(NamedTuple):
    """A concrete step of a goal."""

    titel: str
    status: str = ""
    termin: dt.date | None = None
    verantwortlich: str = ""


class Steckbrief(NamedTuple):
    """The Maßnahmensteckbrief of Vorlage 2024/144."""

    stand: dt.date | None = None
    aktueller_stand: str = ""
    finanzielle_beurteilung: str = ""
    inhaltliche_beurteilung: str = ""


class Haushalt(NamedTuple):
    """Budget link of a goal."""

    produkt: str = ""
    mittel_plan: float | None = None
    mittel_ist: float | None = None
    personal_vzae: float | None = None


class Beschluss(NamedTuple):
    """A committee decision about the goal."""

    gremium: str
    datum: dt.date
    drucksache: str = ""
    inhalt: str = ""


# The parts of a goal are NamedTuples: immutable like frozen dataclasses, but built about ten
# times faster, which a summary of 10,000 goals with their Maßnahmen notices.


@dataclass(frozen=True, eq=False)
class Ziel:
    """A Wirkungs- und Leistungsziel as read from its file.

    The few fields a goal list shows are plain attributes; everything else is read from
    ``daten`` (the file's data as tomllib returned it), which a goal from the parsed-goal
    cache unpickles only when first asked: a list of 10,000 goals paints without it.
    """

    id: str
    titel: str
    amt: str
    handlungsfeld: int
    status: str
    pfad: str
    """Path of the file relative to the store, with ``/`` separators."""
    ampel: str = ""
    leuchtturm: bool = False
    _daten: dict[str, Any] | None = field(default=None, repr=False)
    _roh: bytes | None = field(default=None, repr=False)
    """The data pickled, for a goal from the cache (see ``strategie.cache``)."""

    @cached_property
    def daten(self) -> dict[str, Any]:
        """All fields of the goal file under their TOML names."""
        if self._daten is not None:
            return self._daten
        assert self._roh is not None
        return cast(dict[str, Any], pickle.loads(self._roh))

    def kopf(self) -> tuple[str, str, str, int, str, str, bool]:
        """The list fields, as the cache stores them next to the pickled data."""
        return (self.id, self.titel, self.amt, self.handlungsfeld, self.status, self.ampel,
                self.leuchtturm)

    def __eq__(self, anderes: object) -> bool:
        return isinstance(anderes, Ziel) and (self.pfad, self.daten) == (anderes.pfad,
                                                                          anderes.daten)

    def __hash__(self) -> int:
        return hash((self.pfad, self.id))

    @property
    def wirkungsziel(self) -> str:
        """What the goal is to achieve."""
        return str(self.daten["wirkungsziel"])

    @property
    def leistungsziel(self) -> str:
        """What the administration does for it."""
        return str(self.daten["leistungsziel"])

    @property
    def aktionsbereiche(self) -> tuple[str, ...]:
        """The Aktionsbereiche the goal belongs to."""
        return tuple(self.daten.get("aktionsbereiche", ()))

    @property
    def status_begruendung(self) -> str:
        """Why the Umsetzungsstand is what it is ('' if not given)."""
        return str(self.daten.get("status_begruendung", ""))

    @property
    def ampel_begruendung(self) -> str:
        """Why the Ampel is what it is ('' if not given)."""
        return str(self.daten.get("ampel_begruendung", ""))

    @property
    def art(self) -> str:
        """'Projekt' or 'laufende Tätigkeit' ('' if not given)."""
        return str(self.daten.get("art", ""))

    @property
    def haushaltsneutral(self) -> bool | None:
        """Whether the goal needs no budget (None if not given)."""
        return self.daten.get("haushaltsneutral")

    @property
    def umsetzungsjahr(self) -> int | None:
        """The Haushaltsjahr the committee chose the goal for."""
        return self.daten.get("umsetzungsjahr")

    @property
    def verantwortlich(self) -> str:
        """The responsible unit."""
        return str(self.daten.get("verantwortlich", ""))

    @property
    def beteiligte(self) -> tuple[str, ...]:
        """Other participants."""
        return tuple(self.daten.get("beteiligte", ()))

    @cached_property
    def haushalt(self) -> Haushalt | None:
        """Budget link, if given."""
        h = self.daten.get("haushalt")
        if h is None:
            return None
        return Haushalt(produkt=h.get("produkt", ""), mittel_plan=_zahl(h.get("mittel_plan")),
                        mittel_ist=_zahl(h.get("mittel_ist")),
                        personal_vzae=_zahl(h.get("personal_vzae")))

    @cached_property
    def steckbrief(self) -> Steckbrief | None:
        """The Maßnahmensteckbrief, if given."""
        s = self.daten.get("steckbrief")
        return Steckbrief(**s) if s is not None else None

    @cached_property
    def massnahmen(self) -> tuple[Massnahme, ...]:
        """The Maßnahmen in file order (numbered from 1 in paths and the UI)."""
        return tuple(Massnahme(**m) for m in self.daten.get("massnahmen", ()))

    @cached_property
    def kennzahlen(self) -> tuple[Kennzahl, ...]:
        """The Kennzahlen with their Messwerte."""
        return tuple(
            Kennzahl(
                name=k["name"], einheit=k.get("einheit", ""),
                richtung=k.get("richtung", "steigend"),
                basiswert=_zahl(k.get("basiswert")), zielwert=_zahl(k.get("zielwert")),
                zieljahr=k.get("zieljahr"), quelle=k.get("quelle", ""),
                messwerte=tuple(Messwert(m["stichtag"], float(m["wert"]), m.get("anmerkung", ""))
                                for m in k.get("messwerte", ())),
            )
            for k in self.daten.get("kennzahlen", ())
        )

    @cached_property
    def beschluesse(self) -> tuple[Beschluss, ...]:
        """Committee decisions about the goal."""
        return tuple(Beschluss(**b) for b in self.daten.get("beschluesse", ()))

    def wert(self, pfad: str) -> Any:
        """The raw value at a dotted path (``steckbrief.stand``, ``massnahmen.2.status``)."""
        return wert_an_pfad(self.daten, pfad)

    def als_json(self) -> dict[str, Any]:
        """The goal's fields under their TOML names, dates as ISO strings (stable JSON form)."""
        return _json_werte(self.daten)


def wert_an_pfad(daten: Any, pfad: str) -> Any:
    """Follow a dotted path with 1-based list indices through nested dicts and lists."""
    for teil in pfad.split("."):
        if isinstance(daten, list) and teil.isdigit():
            index = int(teil) - 1
            daten = daten[index] if 0 <= index < len(daten) else None
        elif isinstance(daten, dict):
            daten = daten.get(teil)
        else:
            return None
        if daten is None:
            return None
    return daten


def _json_werte(wert: Any) -> Any:
    if isinstance(wert, dict):
        return {k: _json_werte(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_json_werte(v) for v in wert]
    if isinstance(wert, (dt.date, dt.datetime, dt.time)):
        return wert.isoformat()
    return wert


def _zahl(wert: Any) -> float | None:
    return None if wert is None else float(wert)


def ziel_aus_daten(daten: dict[str, Any], pfad: str) -> Ziel:
    """Build a Ziel from data that ``strategie.validierung`` has accepted."""
    return Ziel(
        id=daten["id"],
        titel=daten["titel"],
        amt=daten["amt"],
        handlungsfeld=daten["handlungsfeld"],
        status=daten["status"],
        pfad=pfad,
        ampel=daten.get("ampel", ""),
        leuchtturm=daten.get("leuchtturm", False),
        _daten=daten,
    )


def ziel_aus_cache(kopf: tuple[str, str, str, int, str, str, bool], roh: bytes,
                   pfad: str) -> Ziel:
    """A Ziel from the parsed-goal cache; its data is unpickled on first use."""
    ziel_id, titel, amt, handlungsfeld, status, ampel, leuchtturm = kopf
    return Ziel(ziel_id, titel, amt, handlungsfeld, status, pfad, ampel, leuchtturm, _roh=roh)
