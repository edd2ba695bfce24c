"""What packaging/screenshots.py and its areas' modules share: where the pictures go, the
screen sizes, the demo's day and password, and a PDF's first page drawn as a picture."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent.parent / "docs"
SIZES = ((1366, 768), (1024, 600))
TASK_BAR = 40
TODAY = date(2026, 11, 24)
PASSWORD = "screenshots-only"


def pdf_page(shots: Any, pdf: Path, name: str) -> None:
    """``pdf``'s first page as pdftoppm draws it, as wide as the screen: screenshot-NAME."""
    if shutil.which("pdftoppm"):
        target = shots.out / f"screenshot-{name}{shots.suffix}"
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to", str(shots.screen[0]),
                        str(pdf), str(target)], check=True)
