"""What every view is given: the open database, the task runner and the settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from desktop.gui.tasks import TaskRunner
from desktop.store.db import Database


@dataclass
class AppContext:
    db: Database
    tasks: TaskRunner
    settings: QSettings
