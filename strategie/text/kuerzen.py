"""Shortening a text to a length with an ellipsis: the one rule for every output."""

from __future__ import annotations


def kuerze(text: str, laenge: int | None, *, abstreifen: str | None = None,
           wortweise: bool = False) -> str:
    """*text* in at most *laenge* characters, cut with '…' if it is longer (None: not cut).

    The text is cut after ``laenge - 1`` characters, the characters in *abstreifen* (default:
    white space) are stripped from the end of the cut, and '…' follows. With *wortweise*, the
    text is put on one line first and cut at the last space before *laenge*, followed by ' …'.
    """
    if wortweise:
        text = " ".join(text.split())
    if laenge is None or len(text) <= laenge:
        return text
    if wortweise:
        return text[:laenge].rsplit(" ", 1)[0] + " …"
    return text[: laenge - 1].rstrip(abstreifen) + "…"
