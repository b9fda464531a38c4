"""A goal as data: the Ziel read from its file and its parts (Maßnahmen, Kennzahlen, …)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from strategie.modell.feld import ZIEL, Abschnitt, Feld, Typ


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
    basisjahr: int | None = None
    basisstichtag: dt.date | None = None
    zielstichtag: dt.date | None = None
    raeume: tuple[str, ...] = ()

    @property
    def basisdatum(self) -> dt.date | None:
        """When the Basiswert was measured: the Basisstichtag, else 31.12. of the Basisjahr."""
        return self.basisstichtag or (dt.date(self.basisjahr, 12, 31) if self.basisjahr
                                      else None)

    @property
    def zieldatum(self) -> dt.date | None:
        """When the Zielwert is to be reached: the Zielstichtag, else 31.12. of the Zieljahr."""
        return self.zielstichtag or (dt.date(self.zieljahr, 12, 31) if self.zieljahr else None)

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


class Auszug(NamedTuple):
    """What summaries and report lists read of a goal besides its list fields, without its
    long texts: small, so that the store's snapshot keeps it apart and a report over 50,000
    goals unpickles no goal's whole data (``Ziel.auszug``)."""

    art: str
    haushaltsneutral: bool | None
    umsetzungsjahr: int | None
    raeume: tuple[str, ...]
    bezugsraeume: tuple[str, ...]
    phase: str
    liga: bool
    mittel_plan: float | None
    mittel_ist: float | None
    personal_vzae: float | None
    steckbrief_stand: dt.date | None
    status_begruendung: str
    ampel_begruendung: str
    massnahmen: tuple[tuple[str, str, dt.date | None], ...]
    """(titel, status, termin) of each Maßnahme, in file order, as the file has them."""
    kennzahlen: tuple[dict[str, Any], ...]
    """The Kennzahlen tables as the file has them (``Ziel.kennzahlen`` builds on them)."""
    aktionsbereiche: tuple[str, ...]


# The parts of a goal are NamedTuples: immutable like frozen dataclasses, but built about ten
# times faster, which a summary of 10,000 goals with their Maßnahmen notices.


class Ziel:
    """A Wirkungs- und Leistungsziel as read from its file.

    The few fields a goal list shows are plain attributes; everything else is read from
    ``daten`` (the file's data as tomllib returned it), which a goal from the parsed-goal
    cache (``strategie.speicher.cache``) unpickles only when first asked: a list of 10,000
    goals paints without it.

    A plain immutable class, not a NamedTuple (see ``strategie.modell``): its parts are cached
    in its ``__dict__``, and the cache builds 10,000 of them by filling that directly.
    """

    id: str
    titel: str
    amt: str
    handlungsfeld: int
    status: str
    pfad: str
    """Path of the file relative to the store, with ``/`` separators."""
    ampel: str
    leuchtturm: bool
    _daten: dict[str, Any] | None

    FELDER = ("id", "titel", "amt", "handlungsfeld", "status", "pfad", "ampel", "leuchtturm",
              "_daten")
    """The attributes ``__init__`` sets, in its order (a subclass's may follow)."""

    def __init__(self, id: str, titel: str, amt: str, handlungsfeld: int, status: str,  # noqa: A002
                 pfad: str, ampel: str = "", leuchtturm: bool = False,
                 _daten: dict[str, Any] | None = None) -> None:
        vars(self).update(id=id, titel=titel, amt=amt, handlungsfeld=handlungsfeld,
                          status=status, pfad=pfad, ampel=ampel, leuchtturm=leuchtturm,
                          _daten=_daten)

    def __setattr__(self, name: str, wert: object) -> None:
        raise AttributeError(f"Ein Ziel ist unveränderlich ({name}).")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Ein Ziel ist unveränderlich ({name}).")

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(id={self.id!r}, titel={self.titel!r}, amt={self.amt!r}, "
                f"status={self.status!r}, pfad={self.pfad!r})")

    @cached_property
    def daten(self) -> dict[str, Any]:
        """All fields of the goal file under their TOML names."""
        assert self._daten is not None
        return self._daten

    def fluechtig(self) -> Ziel:
        """This goal to be read once and let go: for a goal from the cache a plain copy with
        its data unpickled afresh, so that a pass over 50,000 goals (the search index) keeps
        none of their data, nor grows them by what it reads; a goal read from its file is
        itself."""
        return self

    def json_text(self) -> str:
        """The goal's data as one element of the indented JSON list ('liste --format json')."""
        from strategie.text.jsontext import json_element

        return json_element(self.daten)

    def json_bytes(self) -> bytes:
        """``json_text`` in UTF-8, as it is written to stdout."""
        return self.json_text().encode("utf-8")

    def json_puffer(self) -> bytes | memoryview:
        """``json_bytes`` as a buffer to copy from once: a view into the store's snapshot
        where it holds the text (no bytes object made per goal), else the bytes."""
        return self.json_bytes()

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
    def raeume(self) -> tuple[str, ...]:
        """The Sozialräume the goal refers to."""
        return tuple(self.daten.get("raeume", ()))

    @property
    def bezugsraeume(self) -> tuple[str, ...]:
        """The Räume of the goal and of its Kennzahlen, each once (from the ``Auszug``)."""
        return self.auszug.bezugsraeume

    @property
    def phase(self) -> str:
        """Its phase in the Steuerungskreislauf ('' if not given)."""
        return str(self.daten.get("phase", ""))

    @property
    def liga(self) -> bool:
        """Named by the Liga der freien Wohlfahrtspflege as especially important."""
        return bool(self.daten.get("liga", False))

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
        return None if h is None else _teil(Haushalt, h, "haushalt")

    @cached_property
    def steckbrief(self) -> Steckbrief | None:
        """The Maßnahmensteckbrief, if given."""
        s = self.daten.get("steckbrief")
        return None if s is None else _teil(Steckbrief, s, "steckbrief")

    @cached_property
    def steckbrief_stand(self) -> dt.date | None:
        """The Steckbrief's Stand, a column of the list (a goal from the store's cache or
        snapshot has it without unpickling its data)."""
        return self.steckbrief.stand if self.steckbrief else None

    @cached_property
    def massnahmen(self) -> tuple[Massnahme, ...]:
        """The Maßnahmen in file order (numbered from 1 in paths and the UI)."""
        return tuple(_teil(Massnahme, m, "massnahmen") for m in self.daten.get("massnahmen", ()))

    @cached_property
    def auszug(self) -> Auszug:
        """What summaries and report lists read besides the list fields (see ``Auszug``)."""
        daten = self.daten
        haushalt = self.haushalt or Haushalt()
        steckbrief = daten.get("steckbrief")
        kennzahlen = tuple(daten.get("kennzahlen", ()))
        raeume = self.raeume
        bezugsraeume = list(raeume)
        for kennzahl in kennzahlen:
            bezugsraeume += [r for r in kennzahl.get("raeume", ()) if r not in bezugsraeume]
        return Auszug(
            self.art, self.haushaltsneutral, self.umsetzungsjahr, raeume, tuple(bezugsraeume),
            self.phase, self.liga, haushalt.mittel_plan, haushalt.mittel_ist,
            haushalt.personal_vzae, steckbrief.get("stand") if steckbrief else None,
            self.status_begruendung, self.ampel_begruendung,
            tuple((m.get("titel", ""), m.get("status", ""), m.get("termin"))
                  for m in daten.get("massnahmen", ())),
            kennzahlen, self.aktionsbereiche)

    @cached_property
    def kennzahlen(self) -> tuple[Kennzahl, ...]:
        """The Kennzahlen with their Messwerte."""
        return tuple(
            _teil(Kennzahl, k, "kennzahlen")._replace(messwerte=tuple(
                Messwert(m["stichtag"], float(m["wert"]), m.get("anmerkung", ""))
                for m in k.get("messwerte", ())))
            for k in self.auszug.kennzahlen
        )

    @cached_property
    def beschluesse(self) -> tuple[Beschluss, ...]:
        """Committee decisions about the goal."""
        return tuple(_teil(Beschluss, b, "beschluesse") for b in self.daten.get("beschluesse", ()))

    def wert(self, pfad: str) -> Any:
        """The raw value at a dotted path (``steckbrief.stand``, ``massnahmen.2.status``)."""
        return wert_an_pfad(self.daten, pfad)


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


def _umwandlungen(pfad: str) -> dict[str, type]:
    """How the fields of a section become attribute values: numbers as float, lists as tuple."""
    abschnitt: Abschnitt = ZIEL
    for teil in pfad.split("."):
        eintrag = abschnitt.feld(teil)
        assert isinstance(eintrag, Abschnitt), pfad
        abschnitt = eintrag
    return {f.name: float if f.typ is Typ.ZAHL else tuple for f in abschnitt.felder
            if isinstance(f, Feld) and f.typ in (Typ.ZAHL, Typ.TEXTLISTE)}


_UMWANDLUNGEN = {pfad: _umwandlungen(pfad) for pfad in (
    "haushalt", "steckbrief", "massnahmen", "kennzahlen", "kennzahlen.messwerte", "beschluesse")}

_Teil = TypeVar("_Teil", bound=tuple[Any, ...])


def _teil(klasse: type[_Teil], daten: dict[str, Any], pfad: str) -> _Teil:
    """A part of a goal (Haushalt, Kennzahl …) from its table, the field specification's way.

    A field the specification adds is taken over as soon as the class has an attribute of
    that name; numbers become float and lists tuples (sub-lists are left to the caller).
    """
    felder = _FELDER[klasse]
    werte = {name: wert for name, wert in daten.items() if name in felder}
    for name, umwandeln in _UMWANDLUNGEN[pfad].items():
        if name in werte:
            werte[name] = umwandeln(werte[name])
    return klasse(**werte)


_FELDER: dict[type, frozenset[str]] = {
    klasse: frozenset(klasse._fields) - {"messwerte"}
    for klasse in (Haushalt, Steckbrief, Massnahme, Kennzahl, Messwert, Beschluss)}
def ziel_aus_daten(daten: dict[str, Any], pfad: str) -> Ziel:
    """Build a Ziel from data that ``strategie.speicher.validierung`` has accepted."""
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

