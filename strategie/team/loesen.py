"""Resolving conflicts (``strategie loese``, the app's conflict view): take one side, the other,
or a new value; written key by key with the edit path's tomlkit code and checked against the
frame; a file without conflicts left is staged; when none is left anywhere, the resolution is
committed with a message naming goal, field, both values and who chose what, and the git
operation (the rebase of ``strategie sync``, a merge, a cherry-pick) continues.

Seam for issue 8: the store's write lock and the edit path's refusal during a merge belong
around ``loese``; the commit here is the one such a refusal must let through.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategie.aendern.anwenden import wende_an
from strategie.aendern.atomar import schreibe_atomar
from strategie.aendern.nachricht import Zielvorgang, trailer
from strategie.aendern.sperre import schreibsperre
from strategie.git.befehl import Orte, git_lauf, git_text, orte_von
from strategie.git.vorgang import Vorgang, laufender_vorgang
from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import feld_an_pfad
from strategie.modell.rahmen import Rahmen
from strategie.modell.vergleich import vergleiche, wert_kurz
from strategie.modell.werte import normalisiere_id, wert_aus_text
from strategie.speicher.ablage import RAHMEN_DATEI
from strategie.speicher.rahmendatei import lade_rahmen, rahmen_aus_bytes
from strategie.speicher.validierung import lade_ziel
from strategie.team import konfliktdaten
from strategie.team.konfliktdaten import Dateikonflikt, Entscheidung, Feldkonflikt
from strategie.team.konflikte import (
    Konflikt,
    _blob_text,
    _lies_toml,
    eigene_zuerst,
    fassungen,
    offene_in,
    unvereinigte,
)
from strategie.team.schreiben import (
    NichtSchreibbar,
    _reihenfolge,
    _wert_an,
    mit_seite,
    schreibe,
    setze_wert,
)
from strategie.team.zusammenfuehren import FEHLT, gleich
from strategie.team.zusammenfuehren import Konflikt as Feldstreit
from strategie.toml.konfliktmarken import mit_marken

WAHLEN = ("unsere", "ihre", "wert")


@dataclass(frozen=True)
class Loesung:
    """What ``loese`` did."""

    entschieden: tuple[Entscheidung, ...]
    """The conflicts resolved by this call."""
    vorgemerkt: tuple[str, ...]
    """Files that have no conflict left and were staged (``git add``)."""
    offen: tuple[Konflikt, ...]
    """The conflicts still open afterwards (also new ones after the rebase went on)."""
    commit: str | None = None
    """The resolution commit, when no conflict was left."""
    weiter: str = ""
    """What the git operation did after the commit (German), '' if none was going on."""


def _waehle(konflikte: list[Konflikt], ziel_oder_datei: str, feld: str | None) -> list[Konflikt]:
    gesucht = ziel_oder_datei.strip()
    ziel = normalisiere_id(gesucht)
    treffer = [k for k in konflikte
               if (k.ziel and k.ziel.upper() == ziel.upper()) or k.pfad == gesucht
               or k.pfad.endswith("/" + gesucht.lstrip("./"))]
    if feld is not None:
        treffer = [k for k in treffer if k.feld == feld]
    if not treffer:
        liste = "\n".join(f"  {k.zeile()}" for k in konflikte) or "  (keine)"
        was = f"{ziel_oder_datei}" + (f" Feld '{feld}'" if feld is not None else "")
        raise StrategieFehler(f"Kein offener Konflikt für {was}. Offen sind:\n{liste}")
    return treffer


def _gewaehlter_wert(konflikt: Konflikt, wahl: str, wert: str | None, rahmen: Any) -> Any:
    if wahl == "unsere":
        return konflikt.unser
    if wahl == "ihre":
        return konflikt.ihr
    feld = feld_an_pfad(konflikt.feld) if konflikt.feld else None
    if feld is None or konflikt.art != "feld" or wert is None:
        raise StrategieFehler(f"{konflikt.ziel} {konflikt.titel}: ein eigener Wert (--wert) geht "
                              "nur für ein einzelnes Feld; hier bitte --unsere oder --ihre.")
    if rahmen is None:
        raise StrategieFehler("Der Rahmen ist nicht lesbar (selbst im Konflikt?); bitte zuerst "
                              "ihn lösen, dann den eigenen Wert setzen.")
    return FEHLT if wert == "" and not feld.pflicht else wert_aus_text(feld, wert, rahmen)


def _rahmen(verzeichnis: Path, orte: Orte) -> Rahmen | None:
    """The frame to check resolutions against: the working tree's, or — while the frame
    itself is in conflict — HEAD's (None if neither can be read)."""
    try:
        return lade_rahmen(verzeichnis)
    except StrategieFehler:
        pfad = (verzeichnis / RAHMEN_DATEI).relative_to(orte.wurzel).as_posix()
        lauf = git_lauf(orte.wurzel, "show", f"HEAD:{pfad}")
        try:
            return rahmen_aus_bytes(verzeichnis / RAHMEN_DATEI, lauf.aus.encode("utf-8"))
        except StrategieFehler:
            return None


def _pruefe_ziel(verzeichnis: Path, orte: Orte, pfad: str, text: str, rahmen: Any) -> None:
    """A resolved goal file (or frame) must be valid; a German refusal naming what is wrong."""
    datei = orte.wurzel / pfad
    if datei == verzeichnis / RAHMEN_DATEI:
        try:
            rahmen_aus_bytes(datei, text.encode("utf-8"))
        except StrategieFehler as fehler:
            raise StrategieFehler(f"So gelöst wäre der Rahmen {pfad} fehlerhaft; nichts wurde "
                                  f"geändert:\n{fehler.meldung}") from None
        return
    if rahmen is None:
        return
    try:
        relpfad = datei.relative_to(verzeichnis).as_posix()
    except ValueError:
        return
    if "/" not in relpfad or not relpfad.endswith(".toml"):
        return
    ziel, befunde = lade_ziel(verzeichnis, relpfad, text.encode("utf-8"), rahmen)
    if ziel is None:
        meldungen = "\n".join(f"- {b.als_zeile()}" for b in befunde)
        raise StrategieFehler(f"So gelöst wäre {pfad} ungültig; nichts wurde geändert:\n"
                              f"{meldungen}\nBitte die zugehörigen Felder ebenso lösen oder "
                              "einen eigenen Wert angeben (--wert).")


def _loese_felder(text: str, eigene_vorn: bool, konflikte: list[Konflikt],
                  gewaehlt: dict[str, Any], datensatz: Dateikonflikt | None
                  ) -> tuple[str, list[Konflikt]]:
    """The file's new text with the chosen values, markers around what stays open."""
    eigen_text, _ = fassungen(text, eigene_vorn)
    eigen = _lies_toml(eigen_text)
    if eigen is None:
        raise StrategieFehler("Die eigene Fassung der Datei ist kein gültiges TOML mehr (von "
                              "Hand geändert?); bitte den Konflikt von Hand lösen.")
    gruppen = []
    for konflikt in konflikte:
        if konflikt.feld in gewaehlt:
            gruppen.append(setze_wert(konflikt.feld, gewaehlt[konflikt.feld],
                                      _wert_an(eigen, konflikt.feld)))
    operationen = _reihenfolge(gruppen)
    try:
        daten = wende_an(eigen, tuple(operationen))
        neu = schreibe(eigen_text, operationen, daten)
    except NichtSchreibbar as fehler:
        raise StrategieFehler(f"Der gewählte Wert ließ sich nicht verlustfrei schreiben "
                              f"({fehler}); bitte von Hand lösen.") from None
    rest = [k for k in konflikte if k.feld not in gewaehlt]
    if not rest:
        return neu, []
    streit = [Feldstreit(k.feld, k.basis, k.unser, k.ihr) for k in rest]
    try:
        andere = mit_seite(neu, daten, streit, "ihr")
    except NichtSchreibbar as fehler:
        raise StrategieFehler(f"Die offenen Konflikte ließen sich nicht wieder markieren "
                              f"({fehler}); bitte von Hand lösen.") from None
    unsere = (datensatz.unsere if datensatz else konflikte[0].unsere).label
    ihre = (datensatz.ihre if datensatz else konflikte[0].ihre).label
    return mit_marken(neu, andere, unsere, ihre), rest


def loese(verzeichnis: Path, ziel_oder_datei: str, feld: str | None = None, *, wahl: str,
          wert: str | None = None, kommentar: str = "") -> Loesung:
    """Resolve the open conflicts of a goal (or file), or of one field of it.

    *wahl*: 'unsere' (the own value), 'ihre' (the other side's) or 'wert' (*wert*, as typed
    on the command line). Nothing is written unless the result is valid.
    """
    if wahl not in WAHLEN:
        raise StrategieFehler(f"Unbekannte Wahl {wahl!r} (möglich: {', '.join(WAHLEN)}).")
    verzeichnis = verzeichnis.resolve()
    with schreibsperre(verzeichnis):
        return _loese(verzeichnis, ziel_oder_datei, feld, wahl, wert, kommentar)


def _loese(verzeichnis: Path, ziel_oder_datei: str, feld: str | None, wahl: str,
           wert: str | None, kommentar: str) -> Loesung:
    orte = orte_von(verzeichnis)
    vorgang = laufender_vorgang(orte.gitdir)
    alle = offene_in(orte)
    ziele = _waehle(alle, ziel_oder_datei, feld)
    rahmen = _rahmen(verzeichnis, orte)
    von = git_lauf(orte.wurzel, "config", "user.name").aus.strip()
    datensaetze = konfliktdaten.lies(orte.gitdir)
    entschieden: list[Entscheidung] = []
    vorgemerkt: list[str] = []
    for pfad in dict.fromkeys(k.pfad for k in ziele):
        hier = [k for k in alle if k.pfad == pfad]
        gewaehlt = {k.feld: _gewaehlter_wert(k, wahl, wert, rahmen)
                    for k in ziele if k.pfad == pfad}
        rest = _loese_datei(verzeichnis, orte, vorgang, pfad, hier, gewaehlt, wahl, rahmen,
                            datensaetze.get(pfad))
        entschieden += [Entscheidung(k.ziel, pfad, k.feld, k.unser, k.ihr, wahl,
                                     gewaehlt[k.feld], k.unsere, k.ihre, von)
                        for k in hier if k.feld in gewaehlt]
        if not rest:
            vorgemerkt.append(pfad)
    konfliktdaten.vermerke_entscheidungen(orte.gitdir, entschieden)
    noch = offene_in(orte)
    if noch:
        return Loesung(tuple(entschieden), tuple(vorgemerkt), tuple(noch))
    commit = committe_loesung(orte, verzeichnis, vorgang, kommentar)
    weiter, neue = setze_fort(orte, vorgang)
    return Loesung(tuple(entschieden), tuple(vorgemerkt), neue, commit, weiter)


def _loese_datei(verzeichnis: Path, orte: Orte, vorgang: Vorgang | None, pfad: str,
                 konflikte: list[Konflikt], gewaehlt: dict[str, Any], wahl: str, rahmen: Any,
                 datensatz: Dateikonflikt | None) -> list[Konflikt]:
    """Write one file's resolution; returns its conflicts still open (none: it is staged)."""
    datei = orte.wurzel / pfad
    art = konflikte[0].art
    if art in ("geloescht", "datei", "text", "unvorgemerkt"):
        if art == "unvorgemerkt":
            if wahl != "unsere":
                raise StrategieFehler(f"{pfad}: hier gibt es nur noch die Fassung in der Datei "
                                      "(--unsere).")
            neu = datei.read_text(encoding="utf-8")
        elif art == "geloescht" and gewaehlt[""] is FEHLT:
            git_text(orte.wurzel, "rm", "-q", "--", pfad)
            konfliktdaten.streiche(orte.gitdir, pfad)
            return []
        else:
            neu = _als_text(konflikte[0], wahl, orte, vorgang)
        _pruefe_ziel(verzeichnis, orte, pfad, neu, rahmen)
        schreibe_atomar(datei, neu.encode("utf-8"))
        git_text(orte.wurzel, "add", "--", pfad)
        konfliktdaten.streiche(orte.gitdir, pfad)
        return []
    text = datei.read_text(encoding="utf-8")
    neu, rest = _loese_felder(text, eigene_zuerst(vorgang, datensatz), konflikte, gewaehlt,
                              datensatz)
    if not rest:
        _pruefe_ziel(verzeichnis, orte, pfad, neu, rahmen)
    schreibe_atomar(datei, neu.encode("utf-8"))
    if rest:
        if datensatz is not None:
            offen = {k.feld for k in rest}
            konfliktdaten.vermerke(orte.gitdir, Dateikonflikt(
                pfad, datensatz.ziel, tuple(f for f in datensatz.felder if f.feld in offen),
                datensatz.unsere, datensatz.ihre, datensatz.vorgang, datensatz.zeit))
        else:
            k0 = rest[0]
            konfliktdaten.vermerke(orte.gitdir, Dateikonflikt(
                pfad, k0.ziel, tuple(Feldkonflikt(k.feld, k.basis, k.unser, k.ihr)
                                     for k in rest), k0.unsere, k0.ihre,
                vorgang.art if vorgang else ""))
        return rest
    git_text(orte.wurzel, "add", "--", pfad)
    konfliktdaten.streiche(orte.gitdir, pfad)
    return []


def _als_text(konflikt: Konflikt, wahl: str, orte: Orte, vorgang: Vorgang | None) -> str:
    """The chosen whole-file version as text: a side of the markers, or a side's blob."""
    if konflikt.art == "geloescht":
        stufen = unvereinigte(orte).get(konflikt.pfad, {})
        umgedreht = vorgang is not None and vorgang.art == "rebase"
        eigene, fremde = (3, 2) if umgedreht else (2, 3)
        text = _blob_text(orte, stufen.get(eigene if wahl == "unsere" else fremde))
        if text is None:
            raise StrategieFehler(f"{konflikt.pfad}: diese Fassung gibt es nicht.")
        return text
    datei = (orte.wurzel / konflikt.pfad).read_text(encoding="utf-8")
    eigen, fremd = fassungen(datei, eigene_zuerst(vorgang, konfliktdaten.lies(orte.gitdir).get(
        konflikt.pfad)))
    return eigen if wahl == "unsere" else fremd


def _kurz(wert: Any) -> str:
    return "(entfernt)" if wert is FEHLT else f"„{wert_kurz(wert, 80) or '(leer)'}“"


def _beschreibung(e: Entscheidung) -> str:
    from strategie.modell.feld import feld_titel

    titel = feld_titel(e.feld) if e.feld else "ganze Datei"
    wahl = {"unsere": f"Wert von {e.unsere.autor or 'der eigenen Seite'}",
            "ihre": f"Wert von {e.ihre.autor or 'der anderen Seite'}",
            "wert": "neuer Wert"}[e.gewaehlt]
    if not e.feld:
        return (f"{e.ziel or e.pfad} {titel}: {e.unsere.label} ↔ {e.ihre.label} → gewählt: "
                f"Fassung von {(e.unsere if e.gewaehlt == 'unsere' else e.ihre).label}"
                f", entschieden von {e.von or 'unbekannt'}")
    return (f"{e.ziel} {titel}: {e.unsere.label} {_kurz(e.unser)}, {e.ihre.label} "
            f"{_kurz(e.ihr)} → gewählt: {_kurz(e.wert)} ({wahl}), entschieden von "
            f"{e.von or 'unbekannt'}")


def _nachricht(orte: Orte, verzeichnis: Path, vorgang: Vorgang | None, kommentar: str) -> str:
    entscheidungen = konfliktdaten.entscheidungen(orte.gitdir)
    ziele = list(dict.fromkeys(e.ziel or e.pfad for e in entscheidungen))
    if len(entscheidungen) == 1 and entscheidungen[0].feld:
        e = entscheidungen[0]
        betreff = f"{e.ziel}: Konflikt gelöst – {_titel(e.feld)} {_kurz(e.wert)}"
    else:
        betreff = f"Konflikte gelöst: {', '.join(ziele)}" if ziele else "Konflikte gelöst"
    absaetze = [betreff[:72]]
    if kommentar.strip():
        absaetze.append(kommentar.strip())
    art = {"rebase": "beim Abgleich (git rebase)", "merge": "beim Zusammenführen (git merge)",
           "cherry-pick": "beim Übernehmen (git cherry-pick)", "revert": "beim git revert"}
    wo = art.get(vorgang.art, "") if vorgang else ""
    absaetze.append("\n".join([f"Konflikte {wo} gelöst:".replace("  ", " "),
                               *(f"- {_beschreibung(e)}" for e in entscheidungen)]))
    if vorgang is not None and vorgang.ihr_commit and vorgang.art in ("rebase", "cherry-pick",
                                                                     "revert"):
        betreff_alt = git_lauf(orte.wurzel, "log", "-1", "--format=%s",
                               vorgang.ihr_commit).aus.strip()
        absaetze.append(f"Ursprüngliche Änderung (Commit {vorgang.ihr_commit[:8]}): "
                        f"{betreff_alt}")
    zeilen = trailer(_vorgaenge(orte, verzeichnis))
    if zeilen:
        absaetze.append("\n".join(zeilen))
    return "\n\n".join(absaetze) + "\n"


def _titel(feld: str) -> str:
    from strategie.modell.feld import feld_titel

    return feld_titel(feld)


def _vorgaenge(orte: Orte, verzeichnis: Path) -> list[Zielvorgang]:
    """The field changes the staged resolution makes to HEAD, per goal (for the trailers)."""
    lauf = git_lauf(orte.wurzel, "diff", "--cached", "--name-only", "-z", "HEAD", "--",
                    verzeichnis.relative_to(orte.wurzel).as_posix() or ".")
    vorgaenge = []
    for pfad in (p for p in lauf.aus.split("\0") if p.endswith(".toml")):
        alt = _lies_toml(git_lauf(orte.wurzel, "show", f"HEAD:{pfad}").aus or None)
        neu = _lies_toml(git_lauf(orte.wurzel, "show", f":{pfad}").aus or None)
        if alt is not None and neu is not None and not gleich(alt, neu):
            vorgaenge.append(Zielvorgang(str(neu.get("id", Path(pfad).stem)),
                                         tuple(vergleiche(alt, neu)), neu))
    return vorgaenge


def committe_loesung(orte: Orte, verzeichnis: Path, vorgang: Vorgang | None,
                     kommentar: str = "") -> str:
    """Commit the staged resolution (also when it changes nothing: the decision is on record)."""
    nachricht = _nachricht(orte, verzeichnis, vorgang, kommentar)
    with schreibsperre(verzeichnis):
        lauf = git_lauf(orte.wurzel, "commit", "-q", "--allow-empty", "--cleanup=whitespace",
                        "-F", "-", eingabe=nachricht)
    if not lauf.ok:
        raise StrategieFehler(f"Die Lösung ließ sich nicht einchecken; git meldet:\n"
                              f"{lauf.meldung}")
    konfliktdaten.leere(orte.gitdir)
    return git_text(orte.wurzel, "rev-parse", "HEAD").strip()


def setze_fort(orte: Orte, vorgang: Vorgang | None) -> tuple[str, tuple[Konflikt, ...]]:
    """Let git go on with the operation the resolution was for: (German line, conflicts it
    stopped at next)."""
    if vorgang is None or vorgang.art == "merge":
        return ("Zusammenführung abgeschlossen." if vorgang else ""), ()
    befehl = {"rebase": "rebase", "cherry-pick": "cherry-pick", "revert": "revert"}.get(
        vorgang.art)
    if befehl is None or (befehl != "rebase" and not (orte.gitdir / "sequencer").is_dir()):
        return "", ()
    lauf = git_lauf(orte.wurzel, befehl, "--continue",
                    umgebung={"GIT_EDITOR": "true", "GIT_SEQUENCE_EDITOR": "true"})
    offen = tuple(offene_in(orte))
    if lauf.ok and not offen:
        return f"git {befehl} fortgesetzt und abgeschlossen.", ()
    if offen:
        return f"git {befehl} fortgesetzt; beim nächsten Commit gibt es neue Konflikte.", offen
    raise StrategieFehler(f"git {befehl} --continue ist fehlgeschlagen:\n{lauf.meldung}")

