"""The store's two fixed names, the frame file and the usual folder (imports nothing: sync's
early fetch finds the store with them before ``pathlib`` is loaded)."""

RAHMEN_DATEI = "strategie.toml"
"""The frame file at the top of the store folder."""
STANDARD_ORDNER = "ziele"
"""The store folder's usual name inside a repository."""
