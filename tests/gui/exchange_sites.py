"""Two real offices for the exchange's GUI tests (tests/gui/test_exchange_*.py): a
municipality with demo children and its province, each with its keys made by the real
services and the key cards enrolled both ways (tests/exchange/office_kit.py), and a
window's AppContext on either."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import PROVINCE, TOWN_A, Site, make_site, snapshot, trust_each_other  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402
from desktop.services import drives  # noqa: E402

PW = "samoe-test-password"  # tests/actors.py TEST_PASSWORD: the sites' admin


@dataclass
class Sites:
    town: Site
    province: Site
    town_ctx: AppContext
    province_ctx: AppContext
    stick: Path  # the "removable drive" the export offers

    def contexts(self) -> tuple[AppContext, AppContext]:
        return self.town_ctx, self.province_ctx


def context(site: Site, ini: Path) -> AppContext:
    return AppContext(site.db, TaskRunner(), QSettings(str(ini), QSettings.Format.IniFormat))


@pytest.fixture(name="sites")
def sites_fixture(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sites]:  # type: ignore[no-untyped-def]
    town = make_site(tmp_path / "town.db", *TOWN_A, "municipality", children=12)
    province = make_site(tmp_path / "province.db", *PROVINCE, "province")
    trust_each_other(province, town)
    stick = tmp_path / "media" / "SAMOE-USB"
    stick.mkdir(parents=True)
    monkeypatch.setattr(drives, "removable_drives",
                        lambda volumes=(), **_kw: [drives.Drive(stick, "SAMOE-USB", 8 << 30, 16 << 30)])
    made = Sites(town, province, context(town, tmp_path / "t.ini"), context(province, tmp_path / "p.ini"), stick)
    yield made
    for ctx in made.contexts():
        ctx.tasks.wait(10_000)
    town.db.dispose()
    province.db.dispose()


def accept_box(seen: list[str]):  # type: ignore[no-untyped-def]
    """A modal step: note a message box's text and close it with its first button."""
    def step(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), type(box)
        seen.append(box.text())
        box.buttons()[0].click()
    return step


__all__ = ["PW", "Sites", "accept_box", "context", "sites_fixture", "snapshot"]
