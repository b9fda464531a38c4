"""The field specification of a goal file: one source for validation, schema, editing and UI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from strategie.modell.befund import StrategieFehler


class Typ(StrEnum):
    """The value types a goal file may hold."""

    TEXT = "Text"
    LANGTEXT = "mehrzeiliger Text"
    GANZZAHL = "Ganzzahl"
    ZAHL = "Zahl"
    WAHRHEITSWERT = "Wahrheitswert (true/false)"
    DATUM = "Datum (JJJJ-MM-TT, ohne Anführungszeichen)"
    TEXTLISTE = "Liste von Texten"


class Feld(NamedTuple):
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


class _Abschnittsfelder(NamedTuple):
    name: str
    titel: str
    felder: tuple[Eintrag, ...]
    liste: bool = False
    beschreibung: str = ""
    einzeln: str = ""
    """Name of one entry of a list section (Maßnahme, Kennzahl …)."""


class Abschnitt(_Abschnittsfelder):
    """A table (``[steckbrief]``) or array of tables (``[[massnahmen]]``) of a goal file.

    A NamedTuple with a ``__dict__`` for its cached lookups (see ``strategie.modell``).
    """

    @cached_property
    def nach_name(self) -> dict[str, Eintrag]:
        """Fields and sub-sections by TOML name."""
        return {f.name: f for f in self.felder}

    @cached_property
    def pflichtfelder(self) -> tuple[str, ...]:
        """Names of the required fields of this section."""
        return tuple(f.name for f in self.felder if isinstance(f, Feld) and f.pflicht)

    def feld(self, name: str) -> Eintrag | None:
        """The field or sub-section with this TOML name."""
        return self.nach_name.get(name)


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
    Feld("raeume", Typ.TEXTLISTE, "Räume", vokabular="raeume",
         beschreibung="Die Sozialräume, auf die sich das Ziel bezieht (Vokabular im Rahmen)."),
    Feld("phase", Typ.TEXT, "Phase im Steuerungskreislauf", vokabular="phasen",
         beschreibung="Wo das Ziel im Steuerungskreislauf steht (Thema, datenbasierte Analyse "
                      "… Anpassung)."),
    Feld("liga", Typ.WAHRHEITSWERT, "von der Liga benannt",
         beschreibung="Die Liga der freien Wohlfahrtspflege hat das Ziel als besonders wichtig "
                      "benannt (Abschlussbericht, Abschnitt 3.2)."),
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
        Feld("basisjahr", Typ.GANZZAHL, "Basisjahr", minimum=2000, maximum=2100,
             beschreibung="Das Jahr des Basiswerts; er gilt zum 31.12. dieses Jahres."),
        Feld("basisstichtag", Typ.DATUM, "Basisstichtag",
             beschreibung="Der Stichtag des Basiswerts (genauer als das Basisjahr)."),
        Feld("zielwert", Typ.ZAHL, "Zielwert"),
        Feld("zieljahr", Typ.GANZZAHL, "Zieljahr", minimum=2000, maximum=2100,
             beschreibung="Das Jahr, in dem der Zielwert erreicht sein soll (zum 31.12.)."),
        Feld("zielstichtag", Typ.DATUM, "Zielstichtag",
             beschreibung="Der Stichtag, zu dem der Zielwert erreicht sein soll (genauer als "
                          "das Zieljahr)."),
        Feld("quelle", Typ.TEXT, "Quelle"),
        Feld("raeume", Typ.TEXTLISTE, "Räume", vokabular="raeume",
             beschreibung="Die Sozialräume, für die die Kennzahl erhoben wird."),
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
STECKBRIEF_UEBERSCHRIFTEN = {feld.name: feld.titel for abschnitt in ZIEL.felder
                             if isinstance(abschnitt, Abschnitt) and abschnitt.name == "steckbrief"
                             for feld in abschnitt.felder if feld.name in STECKBRIEF_TEXTE}
"""Their headings: 'Aktueller Stand der Umsetzung', 'Finanzielle Beurteilung der Verwaltung' …"""

BEGRUENDET = (("status", "umsetzungsstand", "status_begruendung"),
              ("ampel", "ampel", "ampel_begruendung"))
"""(field, its vocabulary, the field of its Begründung): the frame marks the values that need
one (``Wert.begruendung``)."""
BEGRUENDUNG_ZU = {begruendung: feld for feld, _, begruendung in BEGRUENDET}
"""The field whose value a Begründung explains."""

ID_FORM = r"[A-Z][A-Z0-9]*-\d+"
"""How a goal id is written: the Amt's Kürzel, a hyphen and a number (SA-03)."""
ID_MUSTER = re.compile(rf"^{ID_FORM}$")


class Pfadteil(NamedTuple):
    """One part of a dotted field path, as the field specification reads it."""

    stelle: int
    """Index of the part in the path."""
    name: str
    """The part as written."""
    eintrag: Eintrag | None
    """What the part names: a field or section; for an entry number, the list section;
    None if the specification knows no such part (the walk ends there)."""
    oben: Eintrag
    """The entry the part was looked up in."""
    nummer: bool
    """The part is the (1-based) number of an entry of the list section before it."""


def pfadteile(pfad: str) -> Iterator[Pfadteil]:
    """Walk a dotted path (``steckbrief.stand``, ``massnahmen.2.status``) along the spec.

    The one walk of a field path: digits after a list section are entry numbers; the walk
    ends after the first part the specification does not know.
    """
    eintrag: Eintrag = ZIEL
    for stelle, name in enumerate(pfad.split(".")):
        if name.isdigit() and isinstance(eintrag, Abschnitt) and eintrag.liste:
            yield Pfadteil(stelle, name, eintrag, eintrag, True)
            continue
        naechster = eintrag.feld(name) if isinstance(eintrag, Abschnitt) else None
        yield Pfadteil(stelle, name, naechster, eintrag, False)
        if naechster is None:
            return
        eintrag = naechster


def feld_titel(pfad: str) -> str:
    """A German label for a dotted path: 'Umsetzungsstand', 'Maßnahme 2: Status'."""
    teile: list[str] = []
    for teil in pfadteile(pfad):
        if teil.nummer and isinstance(teil.eintrag, Abschnitt):
            teile[-1] = f"{teil.eintrag.einzeln} {teil.name}"
        else:
            teile.append(teil.eintrag.titel if teil.eintrag is not None else teil.name)
    return ": ".join(teile)


def eintrag_an_pfad(pfad: str) -> Eintrag | None:
    """The field or section a dotted path names (entry numbers optional), or None."""
    eintrag: Eintrag | None = None
    for teil in pfadteile(pfad):
        eintrag = teil.eintrag
    return eintrag


def feld_an_pfad(pfad: str) -> Feld | None:
    """The Feld for a dotted path such as ``steckbrief.stand`` or ``massnahmen.2.status``."""
    eintrag = eintrag_an_pfad(pfad)
    return eintrag if isinstance(eintrag, Feld) else None


def modell_an_pfad(pfad: str) -> Feld | Abschnitt:
    """The model entry a dotted path names; list sections need a 1-based number after them."""
    teile = pfad.split(".")
    eintrag: Eintrag = ZIEL
    nummer_fehlt = False
    for teil in pfadteile(pfad):
        i = teil.stelle
        if nummer_fehlt:
            if not (teil.nummer and int(teil.name) >= 1):
                nummer = teile[i].lstrip("+-").isdigit()
                beispiel = ".".join([*teile[:i], "1", *teile[i + nummer:]])
                raise StrategieFehler(
                    f"'{pfad}': nach '{teile[i - 1]}' fehlt die Nummer des Eintrags (ab 1), "
                    f"z. B. {beispiel}")
            nummer_fehlt = False
            continue
        if teil.nummer or teil.eintrag is None:
            raise StrategieFehler(_unbekannt(pfad, teile[:i], teil.oben, teile[i:]))
        eintrag = teil.eintrag
        nummer_fehlt = isinstance(eintrag, Abschnitt) and eintrag.liste
    return eintrag


def felder_von(praefix: str, abschnitt: Abschnitt) -> str:
    """The dotted paths of a section's fields, for messages: 'steckbrief.stand, …'."""
    if abschnitt.liste and not praefix.split(".")[-1].isdigit():
        praefix += ".NR"
    return ", ".join(f"{praefix}.{e.name}" if praefix else e.name for e in abschnitt.felder)


def _unbekannt(pfad: str, davor: list[str], eintrag: Feld | Abschnitt, rest: list[str]) -> str:
    praefix = ".".join(davor)
    if not isinstance(eintrag, Abschnitt):
        return f"Unbekanntes Feld '{pfad}': '{praefix}' ist ein einzelnes Feld ohne Unterfelder."
    namen = [e.name for e in eintrag.felder]
    import difflib  # only for a misspelt name

    aehnlich = difflib.get_close_matches(rest[0], namen, n=1, cutoff=0.7)
    hinweis = (f" Meinten Sie '{'.'.join([*davor, aehnlich[0], *rest[1:]])}'?" if aehnlich
               else "")
    return (f"Unbekanntes Feld '{pfad}'.{hinweis} Möglich sind: {felder_von(praefix, eintrag)}"
            " (Abschnitte als Punktpfad, z. B. steckbrief.stand, massnahmen.2.status).")


def abschnitt_hinweis(pfad: str, abschnitt: Abschnitt) -> str:
    """Why a section cannot be set as a whole, with the fields that can."""
    art = ("ein Eintrag der Liste" if pfad.split(".")[-1].isdigit()
           else "eine Liste" if abschnitt.liste else "ein Abschnitt")
    return (f"'{pfad}' ist {art} ({abschnitt.einzeln or abschnitt.titel}), kein einzelnes Feld. "
            f"Bitte eines dieser Felder angeben: {felder_von(pfad, abschnitt)}")
