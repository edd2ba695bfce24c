"""Run ``samoe`` in the test's own process and take what it printed."""

from __future__ import annotations

import pytest

from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``samoe ARGS``."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
