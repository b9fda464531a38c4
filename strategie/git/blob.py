"""git's object id of a file's bytes, computed here instead of asking `git hash-object`; the
SHA-1 the caches key by (``sha1``)."""

from __future__ import annotations

try:
    # CPython's own SHA-1: hashlib would first load OpenSSL (~4 ms on every edit's start)
    from _sha1 import sha1
except ImportError:  # an interpreter built without it
    from hashlib import sha1


def blob_id(inhalt: bytes) -> str:
    """git's object id of a file with these bytes (what `git hash-object` prints)."""
    return sha1(b"blob %d\0" % len(inhalt) + inhalt).hexdigest()
