"""desktop/gui/forms is generated from ui/*.ui: the committed forms must match their .ui."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_forms_are_up_to_date() -> None:
    # run as a script: the folder name "packaging" clashes with pip's packaging module
    result = subprocess.run([sys.executable, "packaging/build_ui.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_ui_has_a_form() -> None:
    forms = {p.name for p in (ROOT / "desktop" / "gui" / "forms").glob("*_ui.py")}
    assert {f"{p.stem}_ui.py" for p in (ROOT / "ui").glob("*.ui")} == forms
    assert len(forms) >= 6
