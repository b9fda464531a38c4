"""The report's section 'Änderungen seit …' in HTML: per goal, each field as a word diff."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from strategie.ausgabe.html.stil import esc
from strategie.ausgabe.wortdiff import darstellung, wortdiff
from strategie.auswertung.bericht import Bericht
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import datum_de, zahl_de, zeitpunkt
from strategie.text.kuerzen import kuerze
from strategie.verlauf.eintraege import ART_TEXT, Verlaufseintrag, nach_ziel

KOMMENTAR_HOECHSTENS = 400
"""Characters of a commit comment shown in the changes section."""
SAMMEL_AB = 3
"""A commit touching more goals than this is a Sammeländerung: its comment is shown once."""


def _datum_oder_revision(angabe: str) -> str:
    try:
        return datum_de(dt.date.fromisoformat(angabe))
    except ValueError:
        return angabe


def _aenderung_html(aenderung: Feldaenderung) -> str:
    form = darstellung(aenderung)
    if form == "eintrag":
        return esc(beschreibe(aenderung))
    titel = f"<b>{esc(aenderung.titel)}</b>: "
    alt, neu = aenderung.alt, aenderung.neu
    if form == "neu gefasst":
        return f"{titel}neu gefasst: <ins>{esc(wert_kurz(neu, 300))}</ins>"
    if form == "wortdiff":
        stuecke = []
        for stueck in wortdiff(alt, neu):
            marke = {"-": "del", "+": "ins"}.get(stueck.art)
            stuecke.append(f"<{marke}>{esc(stueck.text)}</{marke}>" if marke
                           else esc(stueck.text))
        return titel + "".join(stuecke)
    if neu is None:
        return f"{titel}entfernt (war: <del>{esc(wert_kurz(alt, 80))}</del>)"
    if alt is None:
        return f"{titel}<ins>{esc(wert_kurz(neu, 80))}</ins>"
    return f"{titel}<del>{esc(wert_kurz(alt, 80))}</del> → <ins>{esc(wert_kurz(neu, 80))}</ins>"


def _kommentar(eintrag: Verlaufseintrag) -> str:
    text = kuerze(eintrag.kommentar or eintrag.betreff, KOMMENTAR_HOECHSTENS)
    return f'<p class="kommentar">{esc(text)}</p>'


def _eintrag_html(eintrag: Verlaufseintrag, sammel: Counter[str]) -> str:
    kopf = (f'<p class="klein">{esc(zeitpunkt(eintrag.datum))} · {esc(eintrag.autor)} · '
            f"Commit {esc(eintrag.kurz)}</p>")
    if sammel[eintrag.commit] > SAMMEL_AB:
        kommentar = (f'<p class="klein">Sammeländerung an {zahl_de(sammel[eintrag.commit])} '
                     "Zielen, Kommentar in der Liste oben</p>")
    else:
        kommentar = _kommentar(eintrag)
    if eintrag.art == "geändert":
        punkte = "".join(f"<li>{_aenderung_html(a)}</li>" for a in eintrag.aenderungen)
    else:
        punkte = f"<li>{ART_TEXT[eintrag.art]}</li>"
    return f'<div class="eintrag">{kopf}{kommentar}<ul>{punkte}</ul></div>'


def _sammelaenderungen(eintraege: Sequence[Verlaufseintrag], sammel: Counter[str]) -> str:
    """Commits that changed many goals at once, each listed once with its comment."""
    gesehen: dict[str, Verlaufseintrag] = {}
    for eintrag in eintraege:
        if sammel[eintrag.commit] > SAMMEL_AB:
            gesehen.setdefault(eintrag.commit, eintrag)
    if not gesehen:
        return ""
    zeilen = "".join(
        f'<tr><td>{esc(e.kurz)}</td><td>{esc(zeitpunkt(e.datum))}</td><td>{esc(e.autor)}</td>'
        f'<td class="zahl">{zahl_de(sammel[e.commit])}</td><td><b>{esc(e.betreff)}</b>'
        f'{_kommentar(e) if e.kommentar else ""}</td></tr>' for e in gesehen.values())
    return ('<table class="sammel"><caption>Sammeländerungen (ein Commit für mehrere Ziele)'
            '</caption><thead><tr><th>Commit</th><th>Zeitpunkt</th><th>Autor</th>'
            '<th class="zahl">Ziele</th><th>Betreff und Kommentar</th></tr></thead>'
            f"<tbody>{zeilen}</tbody></table>")


def aenderungen_html(bericht: Bericht) -> str:
    """The section 'Änderungen seit …' of the report: per goal, newest first."""
    zeitraum = bericht.aenderungen
    assert zeitraum is not None
    bis = f" bis {esc(_datum_oder_revision(zeitraum.bis))}" if zeitraum.bis else ""
    titel = f"Änderungen seit {esc(_datum_oder_revision(zeitraum.seit))}{bis}"
    gruppen = nach_ziel(zeitraum.eintraege)
    kopf = f'<section id="aenderungen" class="seite-neu"><h2>{titel}</h2>'
    if not gruppen:
        return kopf + '<p class="leer">Keine Änderungen in diesem Zeitraum.</p></section>\n'
    sammel = Counter(e.commit for e in zeitraum.eintraege)
    titel_von = {z.id: z.titel for z in bericht.ziele}
    bloecke = []
    for ziel_id, eintraege in gruppen.items():
        name = titel_von.get(ziel_id, "")
        bloecke.append(f'<div class="aenderung"><h3>{esc(ziel_id)}'
                       f'{" – " + esc(name) if name else ""}</h3>'
                       + "".join(_eintrag_html(e, sammel) for e in eintraege) + "</div>")
    return (f"{kopf}<p>{zahl_de(len(zeitraum.eintraege))} Änderungen an "
            f"{zahl_de(len(gruppen))} Zielen in {zahl_de(len(sammel))} "
            f'{"Commit" if len(sammel) == 1 else "Commits"}; je Ziel die '
            "neueste zuerst, Feld: <del>alt</del> → <ins>neu</ins>.</p>"
            f"{_sammelaenderungen(zeitraum.eintraege, sammel)}"
            f'<div class="aenderungen">{"".join(bloecke)}</div></section>\n')
