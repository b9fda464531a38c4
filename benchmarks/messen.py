"""Timing helpers for the benchmarks: medians, and a table of ours vs. floor as ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

SPEICHER_CACHE = Path(__file__).resolve().parent / ".stores"


def median_s(funktion: Callable[[], object], wiederholungen: int = 5) -> float:
    """Median wall time of *funktion* in seconds (one untimed warm-up run first)."""
    funktion()
    zeiten = []
    for _ in range(wiederholungen):
        start = time.perf_counter()
        funktion()
        zeiten.append(time.perf_counter() - start)
    return statistics.median(zeiten)


def im_wechsel_s(unsere: Callable[[], object], boden: Callable[[], object],
                 runden: int = 9) -> tuple[float, float]:
    """Medians of *unsere* and *boden*, run alternately so that machine noise hits both alike."""
    unsere()
    boden()
    a, b = [], []
    for _ in range(runden):
        start = time.perf_counter()
        unsere()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        boden()
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def zeile(name: str, unsere: float, boden: float, bodenname: str, ziel: float | None) -> str:
    """One result line: our time, the floor, the ratio and whether it meets the target."""
    verhaeltnis = unsere / boden
    bewertung = "" if ziel is None else ("  ok" if verhaeltnis <= ziel else "  VERFEHLT")
    ziel_text = f" (Ziel ≤ {ziel:.1f}×)" if ziel is not None else ""
    return (f"{name:<38} {unsere * 1000:9.1f} ms   {bodenname:<22} {boden * 1000:9.1f} ms   "
            f"{verhaeltnis:5.2f}×{ziel_text}{bewertung}")
