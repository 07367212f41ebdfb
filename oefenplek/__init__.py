"""oefenplek: practise digital skills on simulated screens."""

from __future__ import annotations

from functools import cache


@cache
def _installed_version() -> str:
    """The version of the installed package (pyproject.toml is the one place it is set).

    Looked up on first use: reading package metadata costs about 30 ms, which a start
    of the app (or a test of the core) should not pay for nothing.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("oefenplek")
    except PackageNotFoundError:  # running from a folder that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(name)
