"""The package list, which pyproject.toml's `find` cannot express: the example store ziele/
lives outside the package folder and is installed as `strategie.beispiel` (see pyproject).

An editable install (`pip install -e .`, the README's set-up) puts the project folder on the
path with a plain .pth line (setuptools' "compat" mode) instead of its import finder, which
costs every Python start in the environment about 12 ms (importlib.util, fnmatch, re before
anything runs). Side effects, accepted for a checkout's own environment: the checkout's other
top-level folders (tests, benchmarks …) are importable there too, and `strategie.beispiel` is
not importable from the checkout, which nothing needs (the code finds the example store as the
folder ziele/ beside the package, `speicher.anlegen`). setuptools calls the mode transitional;
should a release drop it, the option is left out and the finder comes back — slower, not broken.
"""

from setuptools import find_packages, setup


def _optionen() -> dict[str, dict[str, str]]:
    try:
        from setuptools.command.editable_wheel import _EditableMode
    except ImportError:
        return {}
    return {"editable_wheel": {"mode": "compat"}} if hasattr(_EditableMode, "COMPAT") else {}


setup(packages=[*find_packages(include=["strategie", "strategie.*", "tui", "tui.*"]),
                "strategie.beispiel"],
      options=_optionen())
