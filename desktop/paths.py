"""The one place that knows where files live.

Resources (fonts, translations, rule packs) sit in ``resources/`` beside the package in a
development checkout, and under PyInstaller's bundle directory (``sys._MEIPASS``) in a
built program. User data lives in the platform's user data directory unless ``SAMOE_HOME``
says otherwise. Nothing else in Samoe looks at ``sys._MEIPASS`` or guesses paths.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "Samoe"
DB_FILENAME = "samoe.db"
# Demo data lives in its own file beside the real one. Not "samoe-demo.db": backups are
# found as "<stem>-*.db" in backups/, and samoe-demo's would pass for samoe.db's.
DEMO_DB_FILENAME = "demo.db"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def project_root() -> Path:
    """The checkout's top folder (development) or the bundle folder (frozen)."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # noqa: SLF001
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``; e.g. ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    return project_root().joinpath("resources", *parts)


def fonts_dir() -> Path:
    return resource_path("fonts")


def translations_dir() -> Path:
    return resource_path("translations")


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "store" / "migrations"


def user_data_dir() -> Path:
    """Where the database, backups and logs live (created on demand)."""
    override = os.environ.get("SAMOE_HOME")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir as _udd

        path = Path(_udd(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def use_app_dir_for_pythainlp() -> None:
    """pythainlp makes a ``pythainlp-data`` folder in the user's home on first use unless
    PYTHAINLP_DATA (5.x; PYTHAINLP_DATA_DIR before, now deprecated) says where: in the
    app's own data folder. Call before importing it."""
    if "PYTHAINLP_DATA" not in os.environ and "PYTHAINLP_DATA_DIR" not in os.environ:
        os.environ["PYTHAINLP_DATA"] = str(user_data_dir() / "pythainlp-data")


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    """The demo database (fictional children), apart from the office's real one."""
    return user_data_dir() / DEMO_DB_FILENAME


def read_pyproject_version() -> str | None:
    """The version in ``pyproject.toml`` when running from a checkout or a bundle."""
    for candidate in (project_root() / "pyproject.toml", project_root() / "resources" / "VERSION"):
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
            match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
            if match:
                return match.group(1)
            if candidate.name == "VERSION":
                return text.strip() or None
    return None
