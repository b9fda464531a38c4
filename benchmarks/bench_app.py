"""Benchmark (issue 4): process start to first paint, and a filter keystroke with 10,000 goals.

Floors measured in the same run: a minimal Textual app showing an empty DataTable (start), a
minimal Textual app with one Input (keystroke).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from benchmarks.messen import SPEICHER_CACHE, zeile
from benchmarks.speicher_erzeugen import erzeuge_speicher

PROJEKT = Path(__file__).resolve().parent.parent

# Both programs print the wall-clock time of their first paint; the parent subtracts the time
# at which it started the process. Interpreter start, imports, loading and the first frame
# count; tearing the process down afterwards does not.
BODEN = """
import time
from textual.app import App
from textual.widgets import DataTable
class Leer(App):
    def compose(self):
        yield DataTable()
    def on_mount(self):
        self.call_after_refresh(self.angezeigt)
    def angezeigt(self):
        print(time.time())
        self.exit()
Leer().run(headless=True, size=(120, 40))
"""

UNSERE = """
import sys, time
from pathlib import Path
from tui.app import StrategieApp
def angezeigt(app):
    assert len(app.query_one("ZielListe").ziele) > 0
    print(time.time())
    app.exit()
StrategieApp(Path(sys.argv[1]), dateien_beobachten=False, bei_anzeige=angezeigt).run(
    headless=True, size=(120, 40))
"""


def _bis_zur_anzeige(programm: str, *argumente: str) -> float:
    start = time.time()
    ausgabe = subprocess.run([sys.executable, "-c", programm, *argumente], check=True,
                             cwd=PROJEKT, capture_output=True, text=True).stdout
    return float(ausgabe.split()[-1]) - start


def prozesszeit(programm: str, *argumente: str, runden: int = 7) -> float:
    """Median time from starting a fresh Python process to its first paint."""
    return statistics.median(_bis_zur_anzeige(programm, *argumente) for _ in range(runden))


def im_wechsel(a: tuple[str, ...], b: tuple[str, ...], runden: int = 15) -> tuple[float, float]:
    """Medians of two programs started alternately, so machine noise hits both alike."""
    zeiten_a, zeiten_b = [], []
    for _ in range(runden):
        zeiten_a.append(_bis_zur_anzeige(*a))
        zeiten_b.append(_bis_zur_anzeige(*b))
    return statistics.median(zeiten_a), statistics.median(zeiten_b)


TASTEN = [*"ziel", "space", *"stadt"]
"""A search typed key by key; each key narrows the list further."""


class _EingabeApp(App[None]):
    """The keystroke floor: a minimal Textual app whose only widget is an Input."""

    def compose(self) -> ComposeResult:
        yield Input()


async def _bis_ruhe(app: App[object], bereit: Callable[[Pilot[object]], Awaitable[None]]
                    ) -> tuple[list[float], int]:
    """For each key of TASTEN: seconds from the key press to the last frame it caused;
    and how many goals the list shows at the end (0 without a list).

    Frames are timed where the headless driver receives them (``App._display``, a private
    hook, used only here): filtering, every repaint of the list, the header and the detail
    pane count; a key has settled when no frame followed for 0.3 s.
    """
    async with app.run_test(size=(120, 40)) as pilot:
        await bereit(pilot)
        frames: list[float] = []
        anzeigen = app._display

        def mitschreiben(screen: object, renderable: object) -> None:
            anzeigen(screen, renderable)  # type: ignore[arg-type]
            frames.append(time.perf_counter())

        app._display = mitschreiben  # type: ignore[method-assign]
        zeiten = []
        for taste in TASTEN:
            await asyncio.sleep(0.2)
            frames.clear()
            start = time.perf_counter()
            await app._press_keys([taste])
            await asyncio.sleep(0.3)
            zeiten.append(frames[-1] - start if frames else float("nan"))
        listen = app.query("ZielListe")
        return zeiten, len(listen.first().ziele) if listen else 0


async def tastendruck(speicher: Path) -> tuple[float, float, int]:
    """Median key-to-settled time: ours with 10,000 goals, the minimal Input app, hits left."""
    from tui.app import StrategieApp
    from tui.widgets.zielliste import ZielListe

    async def eingabe_bereit(pilot: Pilot[object]) -> None:
        await pilot.pause(0.3)
        pilot.app.query_one(Input).focus()
        await pilot.pause()

    app = StrategieApp(speicher, dateien_beobachten=False)

    async def suche_bereit(pilot: Pilot[object]) -> None:
        for _ in range(100):  # loaded, search index built, write permission checked
            await pilot.pause(0.1)
            if app.query_one(ZielListe).ziele and app.schreibrecht_bekannt:
                break
        await pilot.press("slash")
        await pilot.pause()

    boden, _ = await _bis_ruhe(_EingabeApp(), eingabe_bereit)
    unsere, treffer = await _bis_ruhe(app, suche_bereit)
    return statistics.median(unsere), statistics.median(boden), treffer


def main() -> None:
    beispiel, boden = im_wechsel((UNSERE, str(PROJEKT / "ziele")), (BODEN,))
    print("App: Prozessstart bis erste Anzeige (headless, 120×40), Mediane aus 15 Läufen "
          "im Wechsel")
    print(zeile("46 Ziele (Beispielspeicher)", beispiel, boden, "leere DataTable-App", 1.6))

    wurzel = SPEICHER_CACHE / "app-10000"
    if len(list((wurzel / "ziele").glob("*/*.toml"))) != 10_000:
        erzeuge_speicher(wurzel, 10_000, commits=1)
    speicher = wurzel / "ziele"
    for cache in (wurzel / ".git" / "strategie").glob("*.pickle"):
        cache.unlink()
    kalt = prozesszeit(UNSERE, str(speicher), runden=1)
    warm = prozesszeit(UNSERE, str(speicher), runden=5)
    bewertung = "ok" if warm <= 1.0 else "VERFEHLT"
    print(f"10.000 Ziele, erste Anzeige: {warm * 1000:.0f} ms mit Cache (Ziel ≤ 1000 ms: "
          f"{bewertung}); ohne Cache (erster Start): {kalt * 1000:.0f} ms")
    dauer, boden_taste, treffer = asyncio.run(tastendruck(speicher))
    print(zeile("10.000 Ziele, Tastendruck in der Suche", dauer, boden_taste,
                "Input-App, ein Zeichen", None)
          + f"   (Ziel ≤ 50 ms: {'ok' if dauer <= 0.05 else 'VERFEHLT'}; "
            f"Median über {len(TASTEN)} Tasten, zuletzt {treffer} Treffer)")


if __name__ == "__main__":
    main()
