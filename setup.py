"""The package list, which pyproject.toml's `find` cannot express: the example store ziele/
lives outside the package folder and is installed as `strategie.beispiel` (see pyproject).

An editable install (`pip install -e .`, the README's set-up) puts the project folder on the
path with a plain .pth line ("compat" mode) instead of setuptools' import finder, which costs
every start of `strategie` about 12 ms (importlib.util, fnmatch, re before anything runs).
`strategie.beispiel` is then not importable from the checkout, which nothing needs: the code
finds the example store as the folder ziele/ beside the package (`speicher.anlegen`)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["strategie", "strategie.*", "tui", "tui.*"]),
                "strategie.beispiel"],
      options={"editable_wheel": {"mode": "compat"}})
