"""The one key table of the app: bindings, footer, help screen and command palette come from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Taste:
    """One key of the app.

    ``kennung`` is the binding id a user keymap refers to (``tasten.toml``); ``ort`` the screen
    whose bindings it belongs to; ``rang`` its place in the footer (0: not in the footer, lower
    first); ``palette``: also a command of the command palette.
    """

    kennung: str
    ort: str
    tasten: str
    aktion: str
    kurz: str
    wirkung: str
    bereich: str
    rang: int = 0
    anzeige: str | None = None
    palette: bool = False
    prioritaet: bool = False


def _t(kennung: str, tasten: str, aktion: str, kurz: str, wirkung: str, bereich: str,
       rang: int = 0, anzeige: str | None = None, palette: bool = False,
       prioritaet: bool = False) -> Taste:
    ort = kennung.split(".")[0]
    return Taste(kennung, ort, tasten, aktion, kurz, wirkung, bereich, rang, anzeige, palette,
                 prioritaet)


TASTEN: tuple[Taste, ...] = (
    # the main screen – list, detail and every job; rang = order in the footer
    _t("haupt.hilfe", "question_mark", "hilfe", "Hilfe", "alle Tasten, durchsuchbar",
       "Allgemein", 1, "?", palette=True),
    _t("haupt.status", "s", "status", "Status", "Umsetzungsstand setzen (ein Commit)",
       "Bearbeiten", 2, palette=True),
    _t("haupt.ampel", "a", "ampel", "Ampel", "Ampel setzen (ein Commit)", "Bearbeiten", 3,
       palette=True),
    _t("haupt.steckbrief", "e", "steckbrief", "Steckbrief",
       "Steckbrief bearbeiten: drei Texte und Stand (ein Commit)", "Bearbeiten", 4, palette=True),
    _t("haupt.massnahmen", "m", "massnahmen", "Maßnahmen",
       "Maßnahmen: Status setzen oder neue Maßnahme", "Bearbeiten", 5, palette=True),
    _t("haupt.messwert", "w", "messwert", "Messwert", "Messwert einer Kennzahl erfassen",
       "Bearbeiten", 6, palette=True),
    _t("haupt.verlauf", "v", "verlauf", "Verlauf",
       "Verlauf des Ziels; Enter zeigt dort den ganzen Commit", "Ansehen", 7, palette=True),
    _t("haupt.suche", "slash", "suche", "Suche",
       "Suche in ID, Titel und Texten; Esc leert die Suche", "Suchen", 8, "/", palette=True),
    _t("haupt.filter", "f", "filter", "Filter",
       "Filter nach Amt, Handlungsfeld, Status, Ampel, Jahr, Art, Raum … (mit Anzahl je Wert)",
       "Suchen", 9, palette=True),
    _t("haupt.uebersicht", "o", "uebersicht", "Übersicht",
       "Übersicht: Matrix, Umsetzungsstand, Leuchttürme, Aufmerksamkeit", "Ansehen", 10,
       palette=True),
    _t("haupt.rueckgaengig", "u", "rueckgaengig", "Rückgängig",
       "letzte Änderung dieser Sitzung rückgängig machen (mit Rückfrage)", "Bearbeiten", 11,
       palette=True),
    _t("haupt.beenden", "q", "app.quit", "Beenden", "die App schließen", "Allgemein", 1,
       palette=True),
    _t("haupt.wiederholen", "U,ctrl+r", "wiederholen", "Wiederholen",
       "zuletzt rückgängig Gemachtes wiederherstellen", "Bearbeiten", 13, "U", palette=True),
    _t("haupt.abgleich", "p", "abgleich", "Abgleich",
       "Abgleich mit dem gemeinsamen Speicher (sync): holen und teilen", "Team", 14,
       palette=True),
    _t("haupt.konflikte", "c", "konflikte", "Konflikte",
       "offene Konflikte ansehen und lösen: meins, ihres oder neuer Wert", "Team", 15,
       palette=True),
    _t("haupt.neues_ziel", "n", "neues_ziel", "Neues Ziel", "neues Ziel anlegen (ein Commit)",
       "Bearbeiten", 16, palette=True),
    _t("haupt.entfallen", "E", "entfallen", "Entfallen",
       "Ziel entfallen lassen, mit Beschluss (Gremium, Datum)", "Bearbeiten", 18, palette=True),
    _t("haupt.kennzahl", "K", "kennzahl", "Kennzahl",
       "neue Kennzahl für das Ziel anlegen (ein Commit)", "Bearbeiten", 17, palette=True),
    _t("haupt.befunde", "b", "befunde", "Befunde",
       "fehlerhafte Zieldateien und Hinweise (Befunde)", "Ansehen", 19, palette=True),
    _t("haupt.filter_loeschen", "x", "filter_loeschen", "Filter löschen",
       "alle Filter und die Suche löschen", "Suchen", 20, palette=True),
    _t("haupt.neu_laden", "r", "neu_laden", "Neu laden",
       "Zielspeicher neu einlesen (geschieht auch von selbst, wenn Dateien sich ändern)",
       "Allgemein", 21, palette=True),
    _t("haupt.sortieren", "t", "sortieren", "Sortierung", "Sortierspalte wechseln", "Liste", 22,
       palette=True),
    _t("haupt.umkehren", "T", "sortieren(True)", "Umkehren", "Sortierrichtung umkehren",
       "Liste", 23, palette=True),
    _t("haupt.fokus", "tab", "fokus", "Liste/Detail",
       "zwischen Liste und Detail wechseln (der Rahmen zeigt, wo Sie sind)", "Liste"),
    _t("app.palette", "ctrl+p", "command_palette", "Befehle",
       "Befehlspalette: Gehe zu Ziel …, Filter: Amt …, jede Aktion", "Allgemein",
       anzeige="Strg+P", prioritaet=True),
    # the goal list
    _t("liste.runter", "down,j", "runter", "runter", "eine Zeile nach unten", "Liste",
       anzeige="↓ j"),
    _t("liste.hoch", "up,k", "hoch", "hoch", "eine Zeile nach oben", "Liste", anzeige="↑ k"),
    _t("liste.seite_runter", "pagedown,ctrl+d", "seite_runter", "Seite runter",
       "eine Seite nach unten", "Liste", anzeige="Bild↓ Strg+D"),
    _t("liste.seite_hoch", "pageup,ctrl+u", "seite_hoch", "Seite hoch", "eine Seite nach oben",
       "Liste", anzeige="Bild↑ Strg+U"),
    _t("liste.anfang", "home,g", "anfang", "Anfang", "zum ersten Ziel", "Liste", anzeige="Pos1 g"),
    _t("liste.ende", "end,G", "ende", "Ende", "zum letzten Ziel", "Liste", anzeige="Ende G"),
    _t("liste.oeffnen", "enter", "oeffnen", "Detail", "ins Detail des Ziels wechseln", "Liste",
       anzeige="Enter"),
    # the other screens
    _t("verlauf.zurueck", "escape,q,v", "app.pop_screen", "Zurück", "zurück zur Liste",
       "Verlauf", 2, "Esc"),
    _t("verlauf.commit", "enter", "zeige_commit", "Commit ansehen", "den ganzen Commit zeigen",
       "Verlauf", 1, "Enter"),
    _t("commit.zurueck", "escape,q", "app.pop_screen", "Zurück", "zurück zum Verlauf", "Verlauf",
       1, "Esc"),
    _t("uebersicht.zurueck", "escape,q,o", "app.pop_screen", "Zurück", "zurück zur Liste",
       "Übersicht", 1, "Esc"),
    _t("uebersicht.oeffnen", "enter", "oeffnen", "Ziel öffnen",
       "das Ziel unter dem Cursor in der Liste zeigen", "Übersicht", 2, "Enter"),
    _t("uebersicht.mehr", "plus", "monate(1)", "+1 Monat",
       "Frist für veraltete Steckbriefe + 1 Monat", "Übersicht", 3, "+"),
    _t("uebersicht.weniger", "minus", "monate(-1)", "−1 Monat",
       "Frist für veraltete Steckbriefe − 1 Monat", "Übersicht", 4, "-"),
    _t("befunde.zurueck", "escape,q,b", "app.pop_screen", "Zurück", "zurück zur Liste",
       "Befunde", 1, "Esc"),
    _t("konflikte.zurueck", "escape,q", "app.pop_screen", "Zurück", "zurück zur Liste",
       "Konflikte", 5, "Esc"),
    _t("konflikte.meins", "m", "loese('meine')", "Meins", "eigenen Wert behalten", "Konflikte", 1),
    _t("konflikte.ihres", "i", "loese('ihre')", "Ihres", "Wert der anderen übernehmen",
       "Konflikte", 2),
    _t("konflikte.neu", "n", "neuer_wert", "Neuer Wert", "einen neuen Wert eintragen",
       "Konflikte", 3),
    _t("konflikte.weiter", "p", "weiter", "Abgleich fortsetzen",
       "nach dem Lösen den Abgleich fortsetzen", "Konflikte", 4),
    _t("abgleich.schliessen", "escape,enter", "schliessen", "Schließen",
       "den Abgleich-Bericht schließen (wenn er fertig ist)", "Team", 1, "Esc"),
    # dialogs
    _t("massnahmen.neu", "n", "neu", "Neue Maßnahme", "im Maßnahmen-Dialog: neue Maßnahme",
       "Dialoge", 3),
    _t("dialog.speichern", "ctrl+s", "speichern", "Speichern", "speichern (ein Commit)",
       "Dialoge", 1, "Strg+S", prioritaet=True),
    _t("dialog.abbrechen", "escape", "abbrechen", "Abbrechen",
       "abbrechen, nichts wird gespeichert", "Dialoge", 2, "Esc"),
    _t("filter.anwenden", "ctrl+s,enter", "anwenden", "Anwenden", "Filter anwenden", "Dialoge",
       1, "Enter", prioritaet=True),
    _t("filter.leeren", "x", "leeren", "Alle löschen", "alle Filter löschen", "Dialoge", 2),
    _t("filter.abbrechen", "escape", "abbrechen", "Abbrechen", "Filter unverändert lassen",
       "Dialoge", 3, "Esc"),
    _t("frage.ja", "j,y", "antwort(True)", "Ja", "Rückfrage mit Ja beantworten", "Dialoge", 1,
       "j"),
    _t("frage.nein", "n,escape", "antwort(False)", "Nein", "Rückfrage mit Nein beantworten",
       "Dialoge", 2, "n"),
    _t("hilfe.schliessen", "escape", "app.pop_screen", "Schließen", "die Hilfe schließen",
       "Allgemein", 1, "Esc"),
)
"""Every key of the app, once."""

NUR_HILFE: tuple[tuple[str, str, str], ...] = (
    ("Liste", "Mausklick", "Ziel markieren; Klick auf eine Spaltenüberschrift sortiert"),
    ("Dialoge", "Enter", "Wert wählen / weiter zum nächsten Feld"),
    ("Dialoge", "Tab / Umschalt+Tab", "nächstes / voriges Feld"),
    ("Dialoge", "Strg+Pos1 / Strg+Ende", "im Text an den Anfang / ans Ende"),
    ("Allgemein", "Strg+C", "kopiert in Eingabefeldern; beenden mit q"),
)
"""Rows of the help screen that are not bindings of the app (mouse, Textual's own keys)."""

NACH_KENNUNG = {taste.kennung: taste for taste in TASTEN}


def tasten_fuer(ort: str) -> tuple[Taste, ...]:
    """The keys of one screen."""
    return tuple(taste for taste in TASTEN if taste.ort == ort)


def bindungen(ort: str) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Textual bindings (with ids, for the keymap) of one screen, from the table."""
    return [Binding(taste.tasten, taste.aktion, taste.kurz, show=taste.rang > 0,
                    key_display=taste.anzeige, priority=taste.prioritaet, id=taste.kennung,
                    tooltip=taste.wirkung)
            for taste in tasten_fuer(ort)]


_NAMEN = {"question_mark": "?", "slash": "/", "plus": "+", "minus": "-", "escape": "Esc",
          "enter": "Enter", "tab": "Tab", "up": "↑", "down": "↓", "pageup": "Bild↑",
          "pagedown": "Bild↓", "home": "Pos1", "end": "Ende", "space": "Leertaste",
          "delete": "Entf", "backspace": "Rück"}


def tastenname(tasten: str) -> str:
    """How keys like ``ctrl+r,U`` are written for a German user: ``Strg+R U``."""
    namen = []
    for taste in tasten.split(","):
        teile = taste.strip().split("+")
        letzte = _NAMEN.get(teile[-1], teile[-1].upper() if len(teile) > 1 else teile[-1])
        vorn = [{"ctrl": "Strg", "shift": "Umschalt", "alt": "Alt"}.get(t, t) for t in teile[:-1]]
        namen.append("+".join([*vorn, letzte]))
    return " ".join(namen)


def anzeige(taste: Taste, keymap: Mapping[str, str]) -> str:
    """The keys of *taste* as shown in help and palette, following the user's keymap."""
    if taste.kennung in keymap:
        return tastenname(keymap[taste.kennung])
    return taste.anzeige or tastenname(taste.tasten)
