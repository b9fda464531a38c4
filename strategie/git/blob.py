"""git's object id of a file's bytes, computed here instead of asking `git hash-object`."""

from __future__ import annotations

import hashlib


def blob_id(inhalt: bytes) -> str:
    """git's object id of a file with these bytes (what `git hash-object` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(inhalt) + inhalt).hexdigest()
