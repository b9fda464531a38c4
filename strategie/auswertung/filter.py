"""Filter criteria over goals, defined once: dimensions, matching, descriptions, user input.

Every filter dimension is one entry of ``DIMENSIONEN``: which values a goal has, which values
there are (frame vocabulary or the goals' own), how a value is labelled and typed in. The
criteria (``Filter``), the CLI options (``strategie.cli.gemeinsam.filteroptionen``), the Python
API (``strategie.api.auswahl``) and the facets of the app (``strategie.auswertung.auswahl``)
are all generated from it; a new dimension is a field of ``Filter`` and an entry here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, NamedTuple

from strategie.modell.befund import StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.modell.werte import normalisiere, waehle_wert
from strategie.modell.ziel import Ziel

OHNE = "ohne Angabe"
"""How the value None is shown: goals that leave the field out. Typed as 'ohne' (a prefix)."""


def suchtext(ziel: Ziel) -> str:
    """Lower-cased text a search looks through: id, titel, goal texts, Steckbrief, Maßnahmen."""
    teile = [ziel.id, ziel.titel, ziel.wirkungsziel, ziel.leistungsziel, ziel.verantwortlich,
             ziel.status_begruendung, ziel.ampel_begruendung]
    if ziel.steckbrief:
        teile += [ziel.steckbrief.aktueller_stand, ziel.steckbrief.finanzielle_beurteilung,
                  ziel.steckbrief.inhaltliche_beurteilung]
    teile += [m.titel for m in ziel.massnahmen]
    return unicodedata.normalize("NFC", "\n".join(teile)).casefold()


def _ja_nein(ja: str, nein: str, ohne: bool) -> dict[object, str]:
    return {True: ja, False: nein, **({None: OHNE} if ohne else {})}


class Dimension(NamedTuple):
    """One filter dimension: a field of ``Filter``, a CLI option, a facet of the app."""

    name: str
    """The attribute of ``Filter`` and the facet's key ('aemter')."""
    option: str
    """The CLI option without dashes and the keyword of ``api.auswahl`` ('amt')."""
    titel: str
    hilfe: str
    metavar: str
    werte_des_ziels: Callable[[Ziel], tuple[object, ...]]
    """The values a goal has in this dimension (None: the field is not given)."""
    vokabular: Callable[[Rahmen, Sequence[Ziel]], Sequence[object]]
    """All values in the order they are offered (frame order, years ascending)."""
    namen: Mapping[object, str] = {}  # read-only by its type
    """Labels of values that are not shown as themselves (True → 'haushaltsneutral')."""
    eingabe: Mapping[object, str] = {}  # read-only by its type
    """What a user types for such values (True → 'ja'); default: the label."""
    jahr: bool = False
    """The values are years: any year may be typed, the goals' own are offered."""
    komma: bool = True
    """A typed value may list several values separated by commas."""
    ohne: bool = False
    """None ('ohne Angabe': the field is left out) is one of the values."""
    schalter: bool = False
    """A yes/no dimension: the CLI option alone means 'ja'."""
    feld: str = ""
    """The goal's attribute when ``werte_des_ziels`` is just its one value ('amt'); a loader
    can then pre-select goals by it (``Filter.vorauswahl``). Empty: the values are computed."""

    def werte(self, rahmen: Rahmen, ziele: Sequence[Ziel] = ()) -> list[object]:
        """All values of the dimension, in order, with None last if it is one."""
        werte = list(self.vokabular(rahmen, ziele))
        return [*werte, None] if self.ohne and None not in werte else werte

    def beschriftung(self, rahmen: Rahmen, wert: object) -> str:
        """How a value is shown: 'SA – Sozialamt', '2027', 'nicht haushaltsneutral' …"""
        if wert in self.namen:
            return self.namen[wert]
        if wert is None:
            return OHNE
        if self.name == "aemter":
            amt = rahmen.amt(str(wert))
            return f"{wert} – {amt.name}" if amt else str(wert)
        if self.name == "handlungsfelder":
            feld = rahmen.handlungsfeld(int(str(wert)))
            return f"{wert} – {feld.name}" if feld else str(wert)
        return str(wert)

    def lies(self, rahmen: Rahmen, angabe: str) -> object:
        """The value a user means by *angabe* (exact, case-insensitive or a unique prefix)."""
        angabe = normalisiere(angabe).strip()
        if self.jahr and angabe.isdigit():
            return int(angabe)
        moeglich = {self.eingabe.get(w, self.namen.get(w, OHNE if w is None else str(w))): w
                    for w in self.werte(rahmen)}
        if self.jahr:
            if not (self.ohne and angabe and OHNE.startswith(angabe.casefold())):
                raise StrategieFehler(f'{self.titel} "{angabe}" ist keine Jahreszahl'
                                      + (' (oder "ohne")' if self.ohne else ""))
            return None
        return moeglich[waehle_wert(angabe, list(moeglich), self.titel)]


def _raeume(ziel: Ziel) -> tuple[object, ...]:
    return ziel.bezugsraeume or (None,)


def _jahre(_: Rahmen, ziele: Sequence[Ziel]) -> Sequence[object]:
    return sorted({z.umsetzungsjahr for z in ziele if z.umsetzungsjahr is not None})


DIMENSIONEN: tuple[Dimension, ...] = (
    Dimension("aemter", "amt", "Amt", "nur Ziele dieses Amts, z. B. SA (auch SA,AGV)", "KÜRZEL",
              lambda z: (z.amt,), lambda r, _: r.vokabular("aemter"), feld="amt"),
    Dimension("handlungsfelder", "handlungsfeld", "Handlungsfeld",
              "nur Ziele dieses Handlungsfelds 1–4 (auch 1,2)", "NR",
              lambda z: (z.handlungsfeld,), lambda r, _: [h.nummer for h in r.handlungsfelder],
              feld="handlungsfeld"),
    Dimension("status", "status", "Umsetzungsstand",
              'nur Ziele mit diesem Umsetzungsstand, z. B. "in Umsetzung"', "STAND",
              lambda z: (z.status,), lambda r, _: r.vokabular("umsetzungsstand"), komma=False,
              feld="status"),
    Dimension("ampeln", "ampel", "Ampel", "nur Ziele mit dieser Ampel (grün, gelb, rot, grau)",
              "FARBE", lambda z: (z.ampel,), lambda r, _: r.vokabular("ampel"), feld="ampel"),
    Dimension("aktionsbereiche", "aktionsbereich", "Aktionsbereich",
              "nur Ziele in diesem Aktionsbereich (Anfang des Namens genügt)", "NAME",
              lambda z: z.aktionsbereiche, lambda r, _: r.vokabular("aktionsbereiche"),
              komma=False),
    Dimension("umsetzungsjahre", "umsetzungsjahr", "Umsetzungsjahr",
              'nur Ziele für dieses Haushaltsjahr, z. B. 2027 (auch 2026,2027; "ohne": noch '
              "keinem Jahr zugeordnet)", "JAHR",
              lambda z: (z.umsetzungsjahr,), _jahre, jahr=True, ohne=True),
    Dimension("arten", "art", "Art", 'nur Projekte oder laufende Tätigkeiten ("ohne": Art nicht '
              "angegeben)", "ART", lambda z: (z.art or None,), lambda r, _: r.vokabular("art"),
              komma=False, ohne=True),
    Dimension("haushaltsneutral", "haushaltsneutral", "haushaltsneutral",
              'nur haushaltsneutrale Ziele; "nein": nur Ziele, die Haushaltsmittel brauchen, '
              '"ohne": ohne Angabe', "ja|nein|ohne", lambda z: (z.haushaltsneutral,),
              lambda r, _: [True, False],
              namen=_ja_nein("haushaltsneutral", "nicht haushaltsneutral", True),
              eingabe={True: "ja", False: "nein"}, ohne=True, schalter=True),
    Dimension("raeume", "raum", "Raum", "nur Ziele, die sich auf diesen Raum beziehen (selbst "
              'oder mit einer Kennzahl; "ohne": ohne Raum)', "RAUM",
              _raeume, lambda r, _: r.vokabular("raeume"), komma=False, ohne=True),
    Dimension("phasen", "phase", "Phase", "nur Ziele in dieser Phase des Steuerungskreislaufs "
              '(Anfang des Namens genügt; "ohne": ohne Phase)', "PHASE",
              lambda z: (z.phase or None,), lambda r, _: r.vokabular("phasen"), komma=False,
              ohne=True),
    Dimension("liga", "liga", "Liga", "nur Ziele, die die Liga der freien Wohlfahrtspflege "
              'benannt hat ("nein": die übrigen)', "ja|nein", lambda z: (z.liga,),
              lambda r, _: [True, False],
              namen=_ja_nein("von der Liga benannt", "nicht von der Liga benannt", False),
              eingabe={True: "ja", False: "nein"}, schalter=True),
    Dimension("leuchtturm", "leuchtturm", "Leuchtturm", "nur Leuchtturmprojekte", "",
              lambda z: (z.leuchtturm,), lambda r, _: [True, False],
              namen=_ja_nein("nur Leuchttürme", "ohne Leuchttürme", False), feld="leuchtturm"),
)
"""The filter dimensions in the order the app and the CLI help show them."""

NACH_NAME = {d.name: d for d in DIMENSIONEN}
NACH_OPTION = {d.option: d for d in DIMENSIONEN}


class _Filterfelder(NamedTuple):
    aemter: frozenset[str] = frozenset()
    handlungsfelder: frozenset[int] = frozenset()
    status: frozenset[str] = frozenset()
    ampeln: frozenset[str] = frozenset()
    aktionsbereiche: frozenset[str] = frozenset()
    umsetzungsjahre: frozenset[int | None] = frozenset()
    arten: frozenset[str | None] = frozenset()
    haushaltsneutral: frozenset[bool | None] = frozenset()
    raeume: frozenset[str | None] = frozenset()
    phasen: frozenset[str | None] = frozenset()
    liga: frozenset[bool] = frozenset()
    leuchtturm: bool | None = None
    suche: str = ""


class Filter(_Filterfelder):
    """A conjunction of criteria; an empty set means 'any value'.

    Every field but ``leuchtturm`` (yes/no/any, as the app's radio buttons have it) and
    ``suche`` is the set of values of one dimension of ``DIMENSIONEN`` a goal may have. A
    NamedTuple with a ``__dict__`` for its cached lookups (see ``strategie.modell``).
    """

    @property
    def leer(self) -> bool:
        """True when the filter lets every goal through."""
        return self == Filter()

    @property
    def suchwoerter(self) -> tuple[str, ...]:
        """The search split into case-folded words; a goal's text must contain each."""
        return tuple(unicodedata.normalize("NFC", self.suche).casefold().split())

    @cached_property
    def _aktive_dimensionen(self) -> tuple[Dimension, ...]:
        """The dimensions this filter restricts, in the order of ``DIMENSIONEN``."""
        return tuple(d for d in DIMENSIONEN if self._erlaubt(d))

    @cached_property
    def _aktiv(self) -> tuple[tuple[Callable[[Ziel], tuple[object, ...]], frozenset[Any]], ...]:
        """(values of a goal, allowed values) of the dimensions this filter restricts."""
        return tuple((d.werte_des_ziels, self._erlaubt(d)) for d in self._aktive_dimensionen)

    def _erlaubt(self, dimension: Dimension) -> frozenset[Any]:
        """The values this filter allows in *dimension* (empty: any)."""
        wert = getattr(self, dimension.name)
        if dimension.name == "leuchtturm":
            return frozenset() if wert is None else frozenset({wert})
        return frozenset(wert)

    def passt(self, ziel: Ziel, text: str | None = None) -> bool:
        """Whether *ziel* meets every criterion; *text* is its cached ``suchtext``, if at hand."""
        if not self.passt_ohne_suche(ziel):
            return False
        if self.suche:
            haystack = text if text is not None else suchtext(ziel)
            return all(wort in haystack for wort in self.suchwoerter)
        return True

    def passt_ohne_suche(self, ziel: Ziel) -> bool:
        """Whether *ziel* meets every criterion except the text search."""
        return all(not erlaubt.isdisjoint(werte(ziel)) for werte, erlaubt in self._aktiv)

    def vorauswahl(self) -> dict[str, frozenset[object]]:
        """The allowed values of the restricted dimensions that are one attribute of a goal
        (``Dimension.feld`` → values): a loader may leave out every goal whose attribute is
        not among them before building it. Only a pre-selection: ``anwenden`` still decides."""
        return {dimension.feld: erlaubt for dimension, (_, erlaubt)
                in zip(self._aktive_dimensionen, self._aktiv, strict=True) if dimension.feld}

    def anwenden(self, ziele: Iterable[Ziel]) -> list[Ziel]:
        """The goals that pass, in their order."""
        return [z for z in ziele if self.passt(z)]

    def mit(self, **aenderungen: object) -> Filter:
        """A copy with some criteria replaced."""
        return self._replace(**aenderungen)  # type: ignore[arg-type]

    def beschreibung(self) -> str:
        """German one-line description of the active criteria ('' when empty)."""
        teile = []
        for dimension in DIMENSIONEN:
            werte = getattr(self, dimension.name)
            if dimension.name == "leuchtturm":
                if werte is not None:
                    teile.append(dimension.namen[werte])
                continue
            if not werte:
                continue
            if dimension.namen:  # yes/no: the labels say it all ('nicht haushaltsneutral')
                teile.append(" oder ".join(
                    dimension.namen[w] if w is not None else f"{dimension.titel}: {OHNE}"
                    for w in sorted(werte, key=lambda w: (w is None, not w))))
                continue
            texte = [OHNE if w is None else str(w)
                     for w in sorted(werte, key=lambda w: (w is None, str(w)))]
            teile.append(f"{dimension.titel}: {', '.join(texte)}")
        if self.suche:
            teile.append(f'Suche: "{self.suche}"')
        return " · ".join(teile)


def filter_aus_angaben(rahmen: Rahmen, *, leuchtturm: bool | None = None, suche: str = "",
                       **angaben: Iterable[str]) -> Filter:
    """Build a Filter from user input, checked against the frame's vocabularies.

    *angaben* are keyed by dimension name (``aemter=["SA"]``) or CLI option (``amt=["SA"]``);
    each value may be abbreviated as long as it is unique.
    """
    kriterien: dict[str, Any] = {}
    for schluessel, eingaben in angaben.items():
        dimension = NACH_NAME.get(schluessel) or NACH_OPTION.get(schluessel)
        if dimension is None or dimension.name == "leuchtturm":
            raise StrategieFehler(f"Unbekannter Filter '{schluessel}'. Möglich: "
                                  f"{', '.join(d.option for d in DIMENSIONEN)}, suche")
        werte = frozenset(dimension.lies(rahmen, e) for e in eingaben)
        if werte:
            kriterien[dimension.name] = werte
    return Filter(leuchtturm=leuchtturm, suche=suche.strip(), **kriterien)
