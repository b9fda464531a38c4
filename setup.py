"""The package list, which pyproject.toml's `find` cannot express: the example store ziele/
lives outside the package folder and is installed as `strategie.beispiel` (see pyproject)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["strategie", "strategie.*", "tui", "tui.*"]),
                "strategie.beispiel"])
