"""The trailer block of the tool's commit messages: its keys, and reading a message back.

A change's message is: subject; blank line; the user's comment; details (for several changes);
and, as the last paragraph, the trailer block that `git interpret-trailers --parse` reads: per
changed field ``Ziel: SA-03``, ``Feld: status``, ``Alt: …``, ``Neu: …``; a file-level change
(e.g. undoing a commit around an unreadable file) has only the ``Ziel`` line. A field that was
absent (or is removed) is written ``–``, an empty text or list ``(leer)`` — never an empty
value, which git would trim to ``Neu:`` and no parser would recognise.

``strategie.aendern.nachricht`` writes such messages; the history and undo read them here.
"""

from __future__ import annotations

import re

from strategie.modell.feld import ID_FORM, ID_MUSTER

TRAILER_ZIEL, TRAILER_FELD, TRAILER_ALT, TRAILER_NEU = "Ziel", "Feld", "Alt", "Neu"
TRAILER_HANDAENDERUNG = "Handaenderungen"
TRAILER_RUECKGAENGIG = "Rueckgaengig-von"
TRAILER_SCHLUESSEL = (TRAILER_ZIEL, TRAILER_FELD, TRAILER_ALT, TRAILER_NEU,
                      TRAILER_HANDAENDERUNG, TRAILER_RUECKGAENGIG)

FEHLT = "–"
"""Trailer value of a field that is absent before or after the change."""
LEER = "(leer)"
"""Trailer value of an empty text or list."""

HANDAENDERUNG_SATZ = ("Enthält außerdem Handänderungen an der Datei, die vorher nicht "
                      "eingecheckt waren.")

_ZEILE = re.compile(r"^([A-Za-z-]+): (\S.*)$")
_PFAD = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*$")


def lies_trailer(absatz: str) -> list[tuple[str, str]] | None:
    """The (key, value) pairs of a paragraph that is a trailer block as the tool writes it.

    Strict: groups of ``Ziel`` (an id) with ``Feld``/``Alt``/``Neu`` or alone, then optionally
    ``Handaenderungen`` and ``Rueckgaengig-von``; every value non-empty. Anything else —
    a comment line that happens to start with ``Ziel:`` — is None.
    """
    paare = []
    for zeile in absatz.strip().splitlines():
        treffer = _ZEILE.match(zeile)
        if treffer is None:
            return None
        paare.append((treffer.group(1), treffer.group(2).strip()))
    i = 0
    while i < len(paare) and paare[i][0] == TRAILER_ZIEL:
        if not ID_MUSTER.match(paare[i][1]):
            return None
        i += 1
        if i < len(paare) and paare[i][0] == TRAILER_FELD:
            if [k for k, _ in paare[i:i + 3]] != [TRAILER_FELD, TRAILER_ALT, TRAILER_NEU] or (
                    not _PFAD.match(paare[i][1])):
                return None
            i += 3
    if i == 0:
        return None
    for schluessel in (TRAILER_HANDAENDERUNG, TRAILER_RUECKGAENGIG):
        if i < len(paare) and paare[i][0] == schluessel:
            i += 1
    return paare if i == len(paare) else None


def teile_nachricht(nachricht: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(subject, body paragraphs, trailers) of a commit message; trailers only if the last
    paragraph is a trailer block as the tool writes it (``lies_trailer``)."""
    betreff, _, rest = nachricht.strip().partition("\n")
    absaetze = [a.strip() for a in re.split(r"\n[ \t]*\n", rest.strip()) if a.strip()]
    paare = lies_trailer(absaetze[-1]) if absaetze else None
    if paare is None:
        return betreff.strip(), absaetze, []
    return betreff.strip(), absaetze[:-1], paare


_DETAIL = re.compile(rf"^- ({ID_FORM}): ")


def kommentar_aus(nachricht: str) -> tuple[str, str]:
    """(subject, comment) of a commit message, without the tool's trailers and details.

    Only a final paragraph that is a trailer block as the tool writes it is removed, and
    with it the generated list of changes ("- SA-03: …") just before it (or before the note
    on hand edits); every other paragraph is the author's comment, whatever it starts with.
    """
    betreff, absaetze, paare = teile_nachricht(nachricht)
    if paare:
        ids = {wert for schluessel, wert in paare if schluessel == TRAILER_ZIEL}
        stelle = -2 if absaetze and absaetze[-1] == HANDAENDERUNG_SATZ else -1
        if len(absaetze) >= -stelle and all((t := _DETAIL.match(z)) and t.group(1) in ids
                                            for z in absaetze[stelle].splitlines()):
            del absaetze[stelle]
    return betreff, "\n\n".join(absaetze)
