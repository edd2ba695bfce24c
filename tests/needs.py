"""Tests that need an outside tool (poppler, PostgreSQL, node, LibreOffice, ...).

``require_tool("pdftotext", "poppler-utils")`` skips the calling test when the tool is
missing on a developer's machine. Under ``CI=true`` a missing tool fails the test instead
(tests/conftest.py turns every skip into a failure there): the test command installs each
tool when it runs as root, so CI never passes by testing less.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def have_tool(name: str) -> bool:
    return shutil.which(name) is not None


def require_tool(name: str, why: str) -> str:
    """The tool's path; skips (fails under CI=true) when it is not on PATH."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed ({why})")
    return path


def needs_tool(name: str, why: str) -> pytest.MarkDecorator:
    """A marker form of require_tool for a whole test or module."""
    return pytest.mark.skipif(not have_tool(name), reason=f"{name} is not installed ({why})")
