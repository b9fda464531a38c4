"""The process benchmark's results as a Markdown table with German numbers, and as JSON."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.prozess_messen import Messung
from benchmarks.prozess_zeilen import Gruppe, Zeile, Ziel


def zahl(wert: float, stellen: int) -> str:
    """German decimal comma and thousands dot: 1.234,5."""
    return f"{wert:,.{stellen}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def dauer(sekunden: float) -> str:
    if sekunden >= 1:
        return f"{zahl(sekunden, 2)} s"
    ms = sekunden * 1000
    return f"{zahl(ms, 1 if ms < 10 else 0)} ms"


def spanne(messung: Messung) -> str:
    """min–max in the unit of the median."""
    if messung.median >= 1:
        return f"{zahl(messung.minimum, 2)}–{zahl(messung.maximum, 2)} s"
    stellen = 1 if messung.median < 0.01 else 0
    return f"{zahl(messung.minimum * 1000, stellen)}–{zahl(messung.maximum * 1000, stellen)} ms"


def speicher(mb: float | None) -> str:
    return "–" if mb is None else f"{zahl(mb, 0)} MB"


def faktor(wert: float) -> str:
    return f"{zahl(wert, 0 if wert >= 10 else 2)}×"


def ziel_text(ziel: Ziel) -> str:
    teile = []
    if ziel.verhaeltnis is not None:
        teile.append(f"≤ {zahl(ziel.verhaeltnis, 1)}×")
    if ziel.sekunden is not None:
        teile.append(f"≤ {dauer(ziel.sekunden)}")
    if ziel.rss_mb is not None:
        teile.append(f"≤ {zahl(ziel.rss_mb, 0)} MB")
    return ", ".join(teile) or "–"


@dataclass(frozen=True)
class Ergebnis:
    """One measured row."""

    zeile: Zeile
    unsere: Messung | None
    vergleich: Messung | None

    @property
    def verhaeltnis(self) -> float | None:
        if self.unsere is None or self.vergleich is None:
            return None
        return self.unsere.median / self.vergleich.median

    @property
    def erfuellt(self) -> bool | None:
        """Whether every target of the row is met; None without targets or without our row."""
        ziel = self.zeile.ziel
        if self.unsere is None or ziel == Ziel():
            return None
        pruefungen = []
        if ziel.verhaeltnis is not None and self.verhaeltnis is not None:
            pruefungen.append(self.verhaeltnis <= ziel.verhaeltnis)
        if ziel.sekunden is not None:
            pruefungen.append(self.unsere.median <= ziel.sekunden)
        if ziel.rss_mb is not None and self.unsere.rss_mb is not None:
            pruefungen.append(self.unsere.rss_mb <= ziel.rss_mb)
        return all(pruefungen)


KOPF = ("Befehl", "Zeit (Median)", "min–max", "max. RSS", "Vergleich", "Zeit", "max. RSS",
        "Verhältnis", "Ziel", "erfüllt")


def _zelle(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(gruppe: Gruppe, ergebnisse: list[Ergebnis], laeufe: int) -> str:
    """The group as a Markdown table, its first header cell naming the group."""
    kopf = (f"{gruppe.titel} ({laeufe} {'Lauf' if laeufe == 1 else 'Läufe'})", *KOPF[1:])
    zeilen = ["| " + " | ".join(kopf) + " |", "|" + "---|" * len(kopf)]
    hinweise = []
    for e in ergebnisse:
        z = e.zeile
        if e.unsere is not None:
            unsere = [e.unsere.befehl.text, dauer(e.unsere.median), spanne(e.unsere),
                      speicher(e.unsere.rss_mb)]
        else:
            unsere = [f"{z.schluessel} (fehlt)", "–", "–", "–"]
        if e.vergleich is not None:
            vergleich = [e.vergleich.befehl.text, dauer(e.vergleich.median),
                         speicher(e.vergleich.rss_mb)]
        else:
            vergleich = ["–", "–", "–"]
        verhaeltnis = faktor(e.verhaeltnis) if e.verhaeltnis is not None else "–"
        erfuellt = {True: "ja", False: "**nein**", None: ""}[e.erfuellt]
        zellen = [*unsere, *vergleich, verhaeltnis, ziel_text(z.ziel), erfuellt]
        zeilen.append("| " + " | ".join(_zelle(t) for t in zellen) + " |")
        if z.hinweis:
            hinweise.append(f"- {z.schluessel}: {z.hinweis}")
    return "\n".join(zeilen + hinweise)


def _messung_json(messung: Messung | None) -> dict[str, object] | None:
    if messung is None:
        return None
    return {"befehl": messung.befehl.text, "argv": list(messung.befehl.argv),
            "median_s": messung.median, "min_s": messung.minimum, "max_s": messung.maximum,
            "rss_mb": None if messung.rss_mb is None else round(messung.rss_mb, 1),
            "laeufe_s": [round(lauf.sekunden, 5) for lauf in messung.laeufe],
            "laeufe_rss_kib": [lauf.rss_kib for lauf in messung.laeufe]}


def gruppe_json(gruppe: Gruppe, ergebnisse: list[Ergebnis], laeufe: int) -> dict[str, object]:
    """The group with every run's figures, for later comparison."""
    return {"titel": gruppe.titel, "laeufe": laeufe, "zeilen": [
        {"schluessel": e.zeile.schluessel, "unsere": _messung_json(e.unsere),
         "vergleich": _messung_json(e.vergleich), "verhaeltnis": e.verhaeltnis,
         "ziel": {k: v for k, v in vars(e.zeile.ziel).items() if v is not None},
         "erfuellt": e.erfuellt, "hinweis": e.zeile.hinweis or None}
        for e in ergebnisse]}
