"""Collaboration commands: sync, konflikte, loese, einrichten, and the programs git and the
server run (merge-treiber, server-hook, zustaendigkeit-vorab).

This module imports only argparse at load time: ``main`` builds a parser of this group alone
for these commands, so that they start without the rest of the command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from strategie.git.vorab import Vorab


def registriere(befehle: argparse._SubParsersAction, gemeinsam: argparse.ArgumentParser) -> None:
    """Add the collaboration commands to the parser."""
    sync = befehle.add_parser(
        "sync", parents=[gemeinsam],
        description="Holt die Änderungen der anderen, arbeitet die eigenen, noch nicht "
                    "geteilten Commits darauf ein (git rebase; Zieldateien werden feldweise "
                    "zusammengeführt) und teilt sie (git push). Ohne Netz bleibt alles lokal "
                    "eingecheckt. Bei Konflikten hält der Abgleich an: strategie konflikte, "
                    "strategie loese, dann strategie sync --weiter (oder --abbrechen).",
        epilog="Exit-Codes: 0 abgeglichen, 3 Fehler, unterbrochen oder von einem anderen "
               "git-Vorgang gesperrt, 4 nicht erreichbar (auch mit --pruefen), 5 Konflikte zu "
               "lösen, 6 vom Server abgelehnt.")
    was = sync.add_mutually_exclusive_group()
    was.add_argument("--pruefen", action="store_true",
                     help="nur zeigen, wie viele eigene Änderungen nicht geteilt und wie viele "
                          "fremde noch nicht übernommen sind (ändert nichts am Klon)")
    was.add_argument("--weiter", action="store_true",
                     help="nach dem Lösen der Konflikte den Abgleich fortsetzen")
    was.add_argument("--abbrechen", action="store_true",
                     help="den angehaltenen Abgleich abbrechen: zurück zum Stand davor")
    sync.add_argument("--ohne-abruf", action="store_true",
                      help="mit --pruefen: nicht abrufen, Stand des letzten Abrufs zeigen")
    sync.set_defaults(ausfuehren=befehl_sync)

    konflikte = befehle.add_parser(
        "konflikte", parents=[gemeinsam],
        description="Zeigt die offenen Konflikte eines angehaltenen Abgleichs (oder eines "
                    "git merge, rebase, cherry-pick): Ziel, Feld, beide Werte, beide Autoren.")
    konflikte.add_argument("--format", choices=("text", "json"), default="text",
                           help="text: eine Zeile je Konflikt (Standard); json: für Skripte")
    konflikte.set_defaults(ausfuehren=befehl_konflikte)

    loese = befehle.add_parser(
        "loese", parents=[gemeinsam],
        description="Löst einen Konflikt: den eigenen Wert behalten (--unsere), den der "
                    "anderen Seite nehmen (--ihre) oder einen neuen Wert setzen (--wert). Ohne "
                    "FELD gilt die Wahl für alle Konflikte des Ziels (oder mit --datei einer "
                    "Datei). Ist kein Konflikt mehr offen, wird die Lösung eingecheckt und der "
                    "Abgleich fortgesetzt; danach strategie sync --weiter.")
    loese.add_argument("ziel", metavar="ID", nargs="?", help="Ziel, z. B. SA-03")
    loese.add_argument("feld", metavar="FELD", nargs="?",
                       help="Feld als Punktpfad, z. B. status oder kennzahlen.1.messwerte.3.wert")
    loese.add_argument("--datei", metavar="PFAD", help="statt ID: eine Datei (z. B. den Rahmen)")
    wahl = loese.add_mutually_exclusive_group(required=True)
    wahl.add_argument("--unsere", dest="wahl", action="store_const", const="unsere",
                      help="den eigenen Wert behalten")
    wahl.add_argument("--ihre", dest="wahl", action="store_const", const="ihre",
                      help="den Wert der anderen Seite nehmen")
    wahl.add_argument("--wert", metavar="WERT", help="einen neuen Wert setzen (nur mit FELD)")
    loese.add_argument("-m", "--kommentar", default="", metavar="KOMMENTAR",
                       help="Kommentar für den Commit der Lösung")
    loese.set_defaults(ausfuehren=befehl_loese)

    einrichten = befehle.add_parser(
        "einrichten", parents=[gemeinsam],
        description="Richtet den Klon für die Zusammenarbeit ein: .gitattributes für die "
                    "Zieldateien und den Merge-Treiber in der git-Konfiguration des Klons "
                    "(feldweise Zusammenführung bei sync, merge, rebase, cherry-pick). Kann "
                    "beliebig oft laufen und sagt, was es gesetzt hat und was schon da war.")
    einrichten.add_argument("--hooks", action="store_true",
                            help="auch den pre-commit-Hook installieren (prüft vor jedem "
                                 "Commit Zieldateien und warnt bei fremder Zuständigkeit)")
    einrichten.add_argument("--codeowners", action="store_true",
                            help="CODEOWNERS für GitLab/Forgejo aus den Zuständigkeitsregeln "
                                 "des Rahmens schreiben")
    einrichten.set_defaults(ausfuehren=befehl_einrichten)

    hook = befehle.add_parser(
        "server-hook", parents=[gemeinsam],
        description="Der pre-receive-Hook des gemeinsamen Repositorys: liest 'alt neu ref' "
                    "von stdin, lehnt einen Push ab, der eine Zieldatei oder den Rahmen "
                    "ungültig macht oder ändert, was der angemeldete Pusher nach den Regeln "
                    "[zustaendigkeit] nicht ändern darf. Mit --nach als post-receive-Hook: "
                    "vermerkt je Commit, wer ihn gepusht hat (refs/notes/strategie-pusher).")
    hook.add_argument("--pusher-variable", metavar="NAME",
                      help="die Variable, in der der Server den angemeldeten Pusher nennt: "
                           "GL_USER (gitolite), GITEA_PUSHER_NAME (Forgejo/Gitea), "
                           "GL_USERNAME (GitLab), REMOTE_USER (git-http-backend), USER (SSH "
                           "mit einem Konto je Person)")
    hook.add_argument("--nach", action="store_true",
                      help="als post-receive-Hook laufen (Pusher je Commit vermerken)")
    hook.set_defaults(ausfuehren=befehl_server_hook)

    vorab = befehle.add_parser(
        "vorab-pruefen", parents=[gemeinsam],
        description="Prüft die zum Commit vorgemerkten Zieldateien (oder die genannten): "
                    "ungültige Dateien und Konfliktmarkierungen halten den Commit auf (Exit 1); "
                    "Änderungen außerhalb der eigenen Zuständigkeit ergeben nur eine Warnung "
                    "(das eigene Server-Konto: git config strategie.konto NAME).")
    vorab.add_argument("dateien", nargs="*", metavar="DATEI",
                       help="zu prüfende Dateien (sonst alle vorgemerkten)")
    vorab.set_defaults(ausfuehren=befehl_vorab)

    treiber = befehle.add_parser(
        "merge-treiber", parents=[gemeinsam],
        description="Der Merge-Treiber, den git für Zieldateien aufruft "
                    "(merge.strategie.driver = strategie merge-treiber %O %A %B %L %P). "
                    "Von Hand nicht nötig.")
    treiber.add_argument("dateien", nargs="*", metavar="DATEI", help="%%O %%A %%B %%L %%P")
    treiber.set_defaults(ausfuehren=befehl_merge_treiber)


def _speicher(args: argparse.Namespace) -> Path:
    from strategie.speicher.finden import finde_speicher

    return finde_speicher(getattr(args, "store", None))


EXIT_CODE = {"geteilt": 0, "aktuell": 0, "fehler": 3, "unterbrochen": 3,
             "nicht_erreichbar": 4, "konflikt": 5, "abgelehnt": 6}
"""Exit code of ``sync`` by the result's kind (the table in README and ``--help``)."""


def befehl_sync(args: argparse.Namespace) -> int:
    """strategie sync [--pruefen [--ohne-abruf] | --weiter | --abbrechen]."""
    verzeichnis = _speicher(args)
    vorab = None
    if not (args.pruefen or args.weiter or args.abbrechen):
        # the fetch runs while the sync's modules are imported (it takes as long); a plain
        # 'strategie sync' began it before the parser was built (cli/abruf.py)
        from strategie.cli import abruf
        from strategie.git.vorab import Vorab

        vorab = abruf.nimm(verzeichnis) or Vorab(str(verzeichnis), "fetch", "--quiet")
    try:
        return _sync(args, verzeichnis, vorab)
    finally:
        if vorab is not None:
            vorab.beende()


def _sync(args: argparse.Namespace, verzeichnis: Path, vorab: Vorab | None) -> int:
    from strategie.team import sync

    if args.pruefen:
        print(sync.stand(verzeichnis, abrufen=not args.ohne_abruf).zeile())
        return 0
    if args.ohne_abruf:
        print("Hinweis: --ohne-abruf gilt nur mit --pruefen.", file=sys.stderr)
    if args.abbrechen:
        ergebnis = sync.abbrechen(verzeichnis)
        for zeile in ergebnis.meldungen:
            print(zeile)
        return EXIT_CODE[ergebnis.art]
    gezeigt: list[str] = []

    def zeige(zeile: str) -> None:
        print(zeile, flush=True)
        gezeigt.append(zeile)

    if args.weiter:
        ergebnis = sync.weiter(verzeichnis, fortschritt=zeige)
    else:
        ergebnis = sync.abgleich(verzeichnis, fortschritt=zeige, vorab=vorab)
    for zeile in ergebnis.meldungen:  # what came without a step (a check before the steps)
        if zeile not in gezeigt:
            print(zeile)
    return EXIT_CODE[ergebnis.art]


def befehl_konflikte(args: argparse.Namespace) -> int:
    """strategie konflikte [--format json]."""
    from strategie.team.konflikte import offene

    offen = offene(_speicher(args))
    if args.format == "json":
        from strategie.ausgabe.json.kodierung import als_json

        print(als_json([_als_daten(k) for k in offen]))
        return 0
    for konflikt in offen:
        print(konflikt.zeile())
    if offen:
        print(f"{len(offen)} Konflikt(e) offen. Lösen: strategie loese ID FELD --unsere | --ihre "
              "| --wert WERT", file=sys.stderr)
    else:
        print("Keine offenen Konflikte.", file=sys.stderr)
    return 0


def _als_daten(konflikt: object) -> dict[str, object]:
    from strategie.team.konflikte import Konflikt
    from strategie.team.zusammenfuehren import FEHLT

    assert isinstance(konflikt, Konflikt)

    def wert(x: object) -> object:
        return None if x is FEHLT else x

    return {"datei": konflikt.pfad, "ziel": konflikt.ziel, "feld": konflikt.feld,
            "titel": konflikt.titel, "art": konflikt.art, "unser": wert(konflikt.unser),
            "ihr": wert(konflikt.ihr), "basis": wert(konflikt.basis),
            "unsere": {"autor": konflikt.unsere.autor, "commit": konflikt.unsere.commit},
            "ihre": {"autor": konflikt.ihre.autor, "commit": konflikt.ihre.commit}}


def befehl_loese(args: argparse.Namespace) -> int:
    """strategie loese ID [FELD] --unsere|--ihre|--wert WERT, or --datei PFAD …"""
    from strategie.modell.befund import StrategieFehler
    from strategie.team.loesen import loese

    ziel = args.datei or args.ziel
    if not ziel:
        raise StrategieFehler("Bitte das Ziel (ID) oder mit --datei die Datei angeben.")
    if args.datei and args.ziel:
        raise StrategieFehler("Bitte entweder ID [FELD] oder --datei PFAD angeben.")
    wahl = "wert" if args.wert is not None else args.wahl
    loesung = loese(_speicher(args), ziel, args.feld, wahl=wahl, wert=args.wert,
                    kommentar=args.kommentar)
    for e in loesung.entschieden:
        from strategie.team.loesen import _beschreibung

        print(f"Gelöst: {_beschreibung(e)}")
    for pfad in loesung.vorgemerkt:
        print(f"Keine Konflikte mehr in {pfad}; als gelöst vorgemerkt (git add).")
    if loesung.commit:
        print(f"Alle Konflikte gelöst; eingecheckt als Commit {loesung.commit[:8]}.")
    if loesung.weiter:
        print(loesung.weiter)
    if loesung.offen:
        print(f"Noch offen ({len(loesung.offen)}):")
        for konflikt in loesung.offen:
            print(f"  {konflikt.zeile()}")
        return 0
    if loesung.commit:
        print("Jetzt teilen: strategie sync --weiter")
    return 0


def befehl_server_hook(args: argparse.Namespace) -> int:
    """strategie server-hook [--pusher-variable NAME] [--nach] (git runs it on the server)."""
    from strategie.team.serverhook import server_hook

    return server_hook(sys.stdin.read(), nach=args.nach, option=args.pusher_variable)


def befehl_vorab(args: argparse.Namespace) -> int:
    """strategie vorab-pruefen [DATEI…] (the client-side pre-commit hook)."""
    from strategie.team.pruefung import vorab

    befund = vorab(_speicher(args), args.dateien or None)
    for zeile in befund.fehler:
        print(f"strategie: {zeile}", file=sys.stderr)
    for zeile in befund.warnungen:
        print(f"strategie: Warnung: {zeile}", file=sys.stderr)
    if befund.fehler:
        print("strategie: Commit angehalten – bitte die Dateien korrigieren (strategie pruefen).",
              file=sys.stderr)
        return 1
    return 0


def befehl_einrichten(args: argparse.Namespace) -> int:
    """strategie einrichten [--hooks] [--codeowners]."""
    from strategie.team.einrichten import richte_ein

    bericht = richte_ein(_speicher(args), hooks=args.hooks, codeowners=args.codeowners)
    for zeile in bericht.zeilen:
        print(zeile)
    print("Eingerichtet." if bericht.geaendert else "Alles war schon eingerichtet.")
    return 0


def befehl_merge_treiber(args: argparse.Namespace) -> int:
    """strategie merge-treiber %O %A %B %L %P (git calls it)."""
    from strategie.team.treiber import main

    return main(args.dateien)
