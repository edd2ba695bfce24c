"""Samoe: offline records for Thai local-government education equity work."""

from __future__ import annotations

from functools import cache

__all__ = ["__version__", "version"]


@cache
def version() -> str:
    """The installed version, else the one in pyproject.toml / the bundle's VERSION file.

    Looked up on first use, not at import: importlib.metadata costs ~25 ms that every
    command and the GUI's start-up would otherwise pay.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("samoe")
    except PackageNotFoundError:
        from desktop.paths import read_pyproject_version

        return read_pyproject_version() or "0.0.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(name)
