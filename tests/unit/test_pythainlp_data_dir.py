"""The first report does not leave an empty ``pythainlp-data`` folder in the user's home:
pythainlp's data folder is set to the app's own before it is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_no_pythainlp_folder_in_home(tmp_path: Path) -> None:
    home, app = tmp_path / "home", tmp_path / "app"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP_DATA")}
    env.update(HOME=str(home), SAMOE_HOME=str(app), USERPROFILE=str(home))
    code = ("import warnings; warnings.filterwarnings('error', message='PYTHAINLP_DATA_DIR'); "
            "from desktop.reports.pdf.thai_text import _words, clusters; "
            "print(_words('ทดสอบการตัดคำภาษาไทย'), clusters('ที่'))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 0, done.stderr
    assert not (home / "pythainlp-data").exists()
    assert list(home.iterdir()) == []
