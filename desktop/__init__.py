"""Samoe: offline records for Thai local-government education equity work."""

from __future__ import annotations

__all__ = ["__version__"]


def _version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("samoe")
        except PackageNotFoundError:
            pass
    except ImportError:  # pragma: no cover
        pass
    from desktop.paths import read_pyproject_version

    return read_pyproject_version() or "0.0.0"


__version__ = _version()
