"""A text area for Steckbrief texts: opens at the end, ready to append, Strg+Pos1/Ende work."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea


def bereinigt(text: str) -> str:
    """The text as saved: no trailing spaces on a line, no empty lines at start or end."""
    return "\n".join(zeile.rstrip() for zeile in text.strip().splitlines())


class Textfeld(TextArea):
    """Soft-wrapped text whose cursor starts after the last word, a space already typed.

    Typing continues the last paragraph with a separating space; Enter twice starts a new
    one. The added space is gone on saving (``bereinigt``) if nothing was typed.
    """

    BINDINGS = [
        Binding("ctrl+home", "textanfang", "Textanfang", show=False),
        Binding("ctrl+end", "textende", "Textende", show=False),
    ]

    def __init__(self, text: str, **kwargs: object) -> None:
        self.urtext = text
        vorbereitet = text if not text.strip() or text[-1].isspace() else text + " "
        super().__init__(vorbereitet, soft_wrap=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    def action_textanfang(self) -> None:
        self.move_cursor((0, 0))

    def action_textende(self) -> None:
        self.move_cursor(self.document.end)

    @property
    def geaendert(self) -> bool:
        """Whether the text differs from the one it opened with (beyond spacing at the end)."""
        return bereinigt(self.text) != bereinigt(self.urtext)
