"""Zuständigkeit: who may change what, as the frame file's ``[zustaendigkeit]`` says — read
into rules, checked, and asked ("may account X change goals of Amt SA?").

```toml
[zustaendigkeit]
pusher = "GL_USER"            # the variable in which the server names the pusher
unbekannte = "ablehnen"       # pushers no rule names: "ablehnen" (default) or "zulassen"
rahmen = ["@controlling"]     # who may change strategie.toml (required)
andere_dateien = ["*"]        # files outside the store (default: everyone)

[zustaendigkeit.gruppen]
controlling = ["anna"]
sozialamt = ["bernd", "@controlling"]

[zustaendigkeit.aemter.SA]
aendern = ["@sozialamt"]      # change the Amt's goals
anlegen = ["@controlling"]    # create or delete goals of the Amt (default: as aendern)

[zustaendigkeit.konten]       # optional: account → e-mail of its commits (audits, hooks)
anna = "anna.berger@lrakn.example"
```

Entries are server accounts, ``@gruppe`` or ``*`` (everyone). No ``[zustaendigkeit]`` = no
rules: everyone may change everything. An Amt without an entry may be changed by everyone.
Imports nothing but the model's Befund.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

ALLE = "*"
AKTIONEN = {"aendern": "Ziele ändern", "anlegen": "Ziele anlegen oder löschen",
            "rahmen": "den Rahmen (strategie.toml) ändern",
            "andere_dateien": "Dateien außerhalb des Zielspeichers ändern"}


class Amtsregel(NamedTuple):
    """Who may change an Amt's goals, who may create or delete them."""

    aendern: tuple[str, ...]
    anlegen: tuple[str, ...]


class Regeln(NamedTuple):
    """The frame's Zuständigkeit, with groups resolved."""

    pusher: str
    """The environment variable the server names the pusher in ('' = not set in the frame)."""
    unbekannte_ablehnen: bool
    rahmen: tuple[str, ...]
    andere_dateien: tuple[str, ...]
    aemter: dict[str, Amtsregel]
    gruppen: dict[str, tuple[str, ...]]
    """Group → its accounts (nested groups resolved)."""
    konten: Mapping[str, tuple[str, ...]] = {}  # read-only by its type; shared, picklable
    """Account → the e-mail addresses of its commits."""

    def eintraege(self, aktion: str, amt: str | None = None) -> tuple[str, ...]:
        """The entries of the rule for *aktion* (on *amt*'s goals)."""
        if aktion in ("aendern", "anlegen"):
            regel = self.aemter.get(amt or "")
            if regel is None:
                return (ALLE,)
            return regel.aendern if aktion == "aendern" else regel.anlegen
        return self.rahmen if aktion == "rahmen" else self.andere_dateien

    def regel_text(self, aktion: str, amt: str | None = None) -> str:
        """The rule as written in the frame: '[zustaendigkeit.aemter.SA] aendern = @sozialamt'."""
        eintraege = ", ".join(self.eintraege(aktion, amt))
        if aktion in ("aendern", "anlegen"):
            if amt not in self.aemter:
                return f"für das Amt {amt} gibt es keine Regel (alle dürfen)"
            return f"[zustaendigkeit.aemter.{amt}] {aktion} = {eintraege}"
        return f"[zustaendigkeit] {aktion} = {eintraege}"

    def konten_von(self, eintraege: Iterable[str]) -> set[str]:
        """The accounts the entries name ('*' stays '*')."""
        ergebnis: set[str] = set()
        for eintrag in eintraege:
            if eintrag.startswith("@"):
                ergebnis |= set(self.gruppen.get(eintrag[1:], ()))
            else:
                ergebnis.add(eintrag)
        return ergebnis

    def bekannt(self, konto: str) -> bool:
        """Whether any group or rule names the account."""
        listen = [self.rahmen, self.andere_dateien, *(r.aendern for r in self.aemter.values()),
                  *(r.anlegen for r in self.aemter.values())]
        return konto in self.konten or any(konto in self.konten_von(liste) for liste in listen) \
            or any(konto in mitglieder for mitglieder in self.gruppen.values())

    def darf(self, konto: str, aktion: str, amt: str | None = None) -> bool:
        """Whether *konto* may do *aktion* ('aendern', 'anlegen', 'rahmen', 'andere_dateien')."""
        konten = self.konten_von(self.eintraege(aktion, amt))
        if ALLE in konten:
            return self.bekannt(konto) or not self.unbekannte_ablehnen
        return konto in konten

    def konto_zur_email(self, email: str) -> str | None:
        """The account whose commits use this e-mail address, if the rules say."""
        email = email.strip().lower()
        return next((k for k, adressen in self.konten.items()
                     if email in (a.lower() for a in adressen)), None)


def _liste(wert: Any, pfad: str, fehler: list[tuple[str, str]]) -> tuple[str, ...] | None:
    if isinstance(wert, str):
        wert = [wert]
    if not isinstance(wert, list) or not all(isinstance(e, str) and e.strip() for e in wert):
        fehler.append((pfad, "muss eine Liste von Konten sein (\"anna\", \"@gruppe\", \"*\")"))
        return None
    return tuple(e.strip() for e in wert)


def _gruppen(roh: Any, fehler: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Groups with nested groups resolved (a cycle is reported)."""
    if roh is None:
        return {}
    if not isinstance(roh, dict):
        fehler.append(("zustaendigkeit.gruppen", "muss eine Tabelle sein"))
        return {}
    direkt = {n: _liste(v, f"zustaendigkeit.gruppen.{n}", fehler) or () for n, v in roh.items()}

    def aufgeloest(name: str, weg: tuple[str, ...]) -> set[str]:
        if name in weg:
            fehler.append((f"zustaendigkeit.gruppen.{name}",
                           f"Gruppen enthalten sich im Kreis ({' → '.join([*weg, name])})"))
            return set()
        konten: set[str] = set()
        for eintrag in direkt.get(name, ()):
            if eintrag.startswith("@"):
                if eintrag[1:] not in direkt:
                    fehler.append((f"zustaendigkeit.gruppen.{name}",
                                   f"unbekannte Gruppe {eintrag}"))
                konten |= aufgeloest(eintrag[1:], (*weg, name))
            else:
                konten.add(eintrag)
        return konten

    return {name: tuple(sorted(aufgeloest(name, ()))) for name in direkt}


def regeln_aus(roh: Any, aemter: Iterable[str]) -> tuple[Regeln | None, list[tuple[str, str]]]:
    """Read ``[zustaendigkeit]`` (None: no rules); problems as (field path, German message)."""
    if roh is None:
        return None, []
    fehler: list[tuple[str, str]] = []
    if not isinstance(roh, dict):
        return None, [("zustaendigkeit", "muss eine Tabelle [zustaendigkeit] sein")]
    bekannt = {"pusher", "unbekannte", "rahmen", "andere_dateien", "gruppen", "aemter", "konten"}
    for schluessel in roh:
        if schluessel not in bekannt:
            fehler.append((f"zustaendigkeit.{schluessel}",
                           f"unbekannte Angabe (bekannt sind: {', '.join(sorted(bekannt))})"))
    gruppen = _gruppen(roh.get("gruppen"), fehler)
    pusher = roh.get("pusher", "")
    if not isinstance(pusher, str):
        fehler.append(("zustaendigkeit.pusher", "muss der Name einer Variablen sein (GL_USER …)"))
        pusher = ""
    unbekannte = roh.get("unbekannte", "ablehnen")
    if unbekannte not in ("ablehnen", "zulassen"):
        fehler.append(("zustaendigkeit.unbekannte", 'muss "ablehnen" oder "zulassen" sein'))
    if "rahmen" not in roh:
        fehler.append(("zustaendigkeit.rahmen", "fehlt: wer den Rahmen (und damit diese Regeln) "
                                                "ändern darf, muss festgelegt sein"))
    rahmen = _liste(roh.get("rahmen", []), "zustaendigkeit.rahmen", fehler) or ()
    andere = _liste(roh.get("andere_dateien", [ALLE]), "zustaendigkeit.andere_dateien",
                    fehler) or (ALLE,)
    amtsregeln: dict[str, Amtsregel] = {}
    kuerzel = set(aemter)
    aemter_roh = roh.get("aemter", {})
    if not isinstance(aemter_roh, dict):
        fehler.append(("zustaendigkeit.aemter", "muss Tabellen [zustaendigkeit.aemter.KÜRZEL] "
                                                "haben"))
        aemter_roh = {}
    for amt, regel in aemter_roh.items():
        pfad = f"zustaendigkeit.aemter.{amt}"
        if amt not in kuerzel:
            fehler.append((pfad, f"unbekanntes Amt {amt} (bekannt: {', '.join(sorted(kuerzel))})"))
        if not isinstance(regel, dict) or "aendern" not in regel:
            fehler.append((pfad, "braucht aendern = [...] (und wahlweise anlegen = [...])"))
            continue
        aendern = _liste(regel["aendern"], f"{pfad}.aendern", fehler) or ()
        anlegen = _liste(regel.get("anlegen", list(aendern)), f"{pfad}.anlegen", fehler) or ()
        amtsregeln[amt] = Amtsregel(aendern, anlegen)
    konten: dict[str, tuple[str, ...]] = {}
    for konto, adressen in (roh.get("konten") or {}).items():
        liste = _liste(adressen, f"zustaendigkeit.konten.{konto}", fehler)
        if liste:
            konten[konto] = liste
    alle_listen = [("rahmen", rahmen), ("andere_dateien", andere),
                   *((f"aemter.{a}", r.aendern + r.anlegen) for a, r in amtsregeln.items())]
    for pfad, liste in alle_listen:
        for eintrag in liste:
            if eintrag.startswith("@") and eintrag[1:] not in gruppen:
                fehler.append((f"zustaendigkeit.{pfad}", f"unbekannte Gruppe {eintrag}"))
    regeln = Regeln(pusher, unbekannte != "zulassen", rahmen, andere, amtsregeln, gruppen,
                    konten)
    return regeln, fehler
