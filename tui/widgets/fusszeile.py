"""The footer: the screen's keys by importance, as many whole entries as fit, never a cut word."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.widgets import Static

from tui.tasten import NACH_KENNUNG, tastenname

ABSTAND = 2
"""Cells between two entries."""


Eintrag = tuple[str, str, str, DOMNode]
"""Key as shown, label, action and the node the action runs on."""


def eintraege(screen: object) -> list[Eintrag]:
    """The screen's shown bindings, most important first."""
    gesehen: set[str] = set()
    liste: list[tuple[int, int, Eintrag]] = []
    bindungen = getattr(screen, "active_bindings", {})
    for nummer, (taste, aktiv) in enumerate(bindungen.items()):
        binding = aktiv.binding
        if not binding.show or not binding.description or binding.action in gesehen:
            continue
        gesehen.add(binding.action)
        eintrag = NACH_KENNUNG.get(binding.id or "")
        rang = eintrag.rang if eintrag else 1000
        anzeige = binding.key_display or tastenname(taste)
        if eintrag is not None and binding.key_display and taste != binding.key.split(",")[0]:
            anzeige = tastenname(taste)  # rebound by the user's keymap
        liste.append((rang, nummer, (anzeige, binding.description, binding.action, aktiv.node)))
    liste.sort(key=lambda e: e[:2])
    return [eintrag for _, _, eintrag in liste]


def passend(eintraege: list[Eintrag], breite: int) -> list[Eintrag]:
    """The leading entries that fit *breite* cells whole (key, space, label, gap)."""
    gewaehlt, belegt = [], 0
    for eintrag in eintraege:
        laenge = cell_len(eintrag[0]) + 1 + cell_len(eintrag[1])
        if belegt + laenge > breite:
            break
        gewaehlt.append(eintrag)
        belegt += laenge + ABSTAND
    return gewaehlt


class Fusszeile(Static):
    """One line of 'key label' entries; a click runs the entry's action."""

    DEFAULT_CSS = """
    Fusszeile { dock: bottom; height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._felder: list[tuple[int, int, str, DOMNode]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._neu)
        self._neu()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._neu()

    def _neu(self, *_: object) -> None:
        if not self.is_attached:
            return
        text, x, self._felder = Text(), 0, []
        for nummer, (taste, titel, aktion, knoten) in enumerate(
                passend(eintraege(self.screen), self.size.width)):
            if nummer:
                text.append(" " * ABSTAND)
                x += ABSTAND
            text.append(taste, style="bold")
            text.append(" " + titel)
            laenge = cell_len(taste) + 1 + cell_len(titel)
            self._felder.append((x, x + laenge, aktion, knoten))
            x += laenge
        self.update(text)

    def text(self) -> str:
        """What the footer shows (for tests)."""
        return str(self.render())

    async def on_click(self, event: events.Click) -> None:
        for anfang, ende, aktion, knoten in self._felder:
            if anfang <= event.x < ende:
                await self.app.run_action(aktion, knoten)
