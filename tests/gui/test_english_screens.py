"""In English (``--lang en``) no Thai is left on the main screens but data: names,
addresses, institution names, prefixes and relations as the database keeps them (issue 8,
"English that is English"). Each screen is opened, every text a person can read is
collected (labels, buttons, tooltips, placeholders, combo items, table headers and the
visible cells, messages under fields), the data of the demo database is taken out, and
no Thai character may remain."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from sqlalchemy import select

from desktop import i18n
from desktop.gui import resources
from desktop.gui.context import AppContext

THAI = re.compile(r"[\u0e00-\u0e7f]")
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "samoe_en.ts"
TODAY = date(2026, 11, 30)

sys.path.insert(0, str(ROOT / "tests" / "unit"))
sys.path.insert(0, str(ROOT / "tests" / "gui"))


@pytest.fixture
def english(qapp, monkeypatch, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The window's strings from a fresh samoe_en.qm (lrelease of the .ts) and the core's
    from core_en.po, as ``samoe --lang en`` starts."""
    from test_translations import _lrelease

    tool = _lrelease()  # the bundled lrelease ("-m PySide6.scripts.pyside_tool" is broken in some wheels)
    if tool is not None:  # else the .qm the bootstrap built (checked by test_translations)
        qm = tmp_path / "samoe_en.qm"
        subprocess.run([*tool, "-silent", str(TS), "-qm", str(qm)], check=True)
        assert qm.is_file()
        monkeypatch.setattr(resources, "translations_dir", lambda: tmp_path)
    assert resources.install_translation(qapp, "en")
    i18n.set_language("en")
    try:
        yield
    finally:
        resources.install_translation(qapp, "th")
        i18n.set_language("th")


# --------------------------------------------------------------------------- data


def _data_strings(ctx: AppContext) -> list[str]:
    """What the database (and the clerk) wrote: it stays as written in any language."""
    from desktop.domain.people import PREFIXES
    from desktop.services.children import RELATIONS
    from desktop.store.models import Child, Guardian, Household, Institution, Office

    found: set[str] = set(PREFIXES) | set(RELATIONS)
    found |= {"ด.ช.", "ด.ญ.", "น.ส.", "ไทย"}
    # the prefixes of a Thai address, written as part of it (desktop.domain.address)
    found |= {"หมู่ที่", "หมู่", "ม.", "ซ.", "ถ.", "ต.", "อ.", "จ.", "แขวง", "เขต", "ตำบล", "อำเภอ",
              "จังหวัด", "บ้าน", "กรุงเทพมหานคร"}
    with ctx.db.reader() as s:
        for model, cols in ((Child, ("first_name", "last_name", "prefix", "nationality", "disability",
                                     "no_id_reason")),
                            (Guardian, ("first_name", "last_name", "prefix", "occupation")),
                            (Institution, ("name",)), (Office, ("name", "province"))):
            for row in s.execute(select(*[getattr(model, c) for c in cols])):
                found |= {str(v) for v in row if v}
        for row in s.execute(select(Household.house_no, Household.village_name, Household.soi,
                                    Household.road, Household.subdistrict, Household.district,
                                    Household.province)):
            found |= {str(v) for v in row if v}
    return sorted((d for d in found if THAI.search(d)), key=len, reverse=True)


def _strip(texts: list[tuple[str, str]], data: list[str]) -> list[str]:
    pattern = re.compile("|".join(re.escape(d) for d in data))
    left = []
    for where, text in texts:
        rest = pattern.sub("", text)
        if THAI.search(rest):
            left.append(f"{where}: {text!r}")
    return left


# --------------------------------------------------------------------------- what is on screen


def _model_texts(name: str, model: QAbstractItemModel, rows: int = 30) -> list[tuple[str, str]]:
    out = []
    for c in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            h = model.headerData(c, Qt.Orientation.Horizontal, role)
            if isinstance(h, str):
                out.append((f"{name} header {c}", h))
    for r in range(min(rows, model.rowCount())):
        for c in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = model.data(model.index(r, c), role)
                if isinstance(v, str):
                    out.append((f"{name} cell {r},{c}", v))
    return out


def screen_texts(top: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [("window title", top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        name = w.objectName() or type(w).__name__
        if not w.isVisibleTo(top) and w is not top:
            continue
        if w.toolTip():
            out.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            out.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QComboBox):
            out += [(f"{name} item {i}", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [(f"{name} tab {i}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [(f"{name} item {i}", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            out += [(f"{name} header", header.text(c)) for c in range(header.columnCount())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(name, w.model())
    return [(where, text) for where, text in out if text]


def assert_english(top: QWidget, ctx: AppContext) -> None:
    texts = screen_texts(top)
    assert len(texts) > 5
    left = _strip(texts, _data_strings(ctx))
    assert not left, "Thai left on an English screen:\n" + "\n".join(left[:40])


# --------------------------------------------------------------------------- screens


def test_children_list_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.children_view import ChildrenView

    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    texts = dict(screen_texts(view))
    assert any(re.fullmatch(r"\d+ (years?|months?)( \d+ months?)?", t) for t in texts.values())
    assert any(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 25\d\d", t) for t in texts.values())
    assert_english(view, ctx)


def test_child_form_with_errors_in_english(english, qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                          type_text) -> None:
    from desktop.gui.views.child_form import ChildFormDialog

    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.ui.firstNameEdit, "A1")
    type_text(dialog.ui.birthDateEdit, "31/02/2562")
    dialog.ui.birthDateEdit.editingFinished.emit()
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text()
    try:
        assert_english(dialog, ctx)
    finally:
        dialog.hide()  # closing a form with edits asks first: no question at teardown


def test_child_form_of_a_child_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.child_form import ChildFormDialog
    from desktop.store.models import Child

    with ctx.db.reader() as s:
        uuid = s.scalars(select(Child.uuid).limit(1)).one()
    dialog = ChildFormDialog(ctx, uuid, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_english(dialog, ctx)


def test_households_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.households_view import HouseholdsView

    view = HouseholdsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert_english(view, ctx)


def test_institutions_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.institutions_view import InstitutionsView

    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert_english(view, ctx)


def test_home_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.home_view import HomeView

    view = HomeView(ctx)
    qtbot.addWidget(view)
    view.show()
    ctx.tasks.wait(10_000)
    qtbot.wait(50)
    assert_english(view, ctx)


def test_import_mapping_step_in_english(english, qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    from test_sheets_hostile import make_xlsx, row  # type: ignore[import-not-found]

    from desktop.gui.views.import_dialog import MAPPING, ImportDialog

    head = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "ชั้น"]
    path = make_xlsx(tmp_path / "k.xlsx", [("Sheet1", "visible",
                                            row(1, head) + row(2, ["ภูผา", "ทดลอง", "ชาย", "15/08/2563", "ป.1"]))])
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.open_file(path)
    dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == MAPPING
    # the file's own headers and cells are data too
    data = ["ภูผา", "ทดลอง", "ชาย", "ป.1", *head]
    texts = screen_texts(dialog)
    left = _strip(texts, sorted({*data, *_data_strings(ctx)}, key=len, reverse=True))
    assert not left, "Thai left on an English screen:\n" + "\n".join(left[:40])


def test_import_problems_in_english(english, qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    """A file with bad rows of every kind: the problem list, the summary and the buttons of
    the check step are English; the file's own headers, cells and names stay as typed."""
    from import_steps import open_at_mapping
    from test_imports_english import H, bad_rows  # type: ignore[import-not-found]

    from desktop.gui.views.import_dialog import PREVIEW
    from desktop.reports.sheets import write_csv
    from desktop.services.imports import NO_ID_REASON

    rows = bad_rows()
    path = tmp_path / "ห้อง 1.csv"
    write_csv(path, H, rows)
    dialog = open_at_mapping(qtbot, ctx, path)
    dialog.show()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == PREVIEW
    assert dialog.problems.rowCount() >= 15
    messages = [dialog.problems.data(dialog.problems.index(r, 3)) for r in range(dialog.problems.rowCount())]
    assert any(m.startswith("Unknown sex 'ไม่รู้'") for m in messages), messages
    assert any("this row is skipped" in m for m in messages)
    data = {*H, *(c for r in rows for c in r if c), NO_ID_REASON, "มาลี ทดสอบ", "นางมาลี"}
    left = _strip(screen_texts(dialog), sorted({*data, *_data_strings(ctx)}, key=len, reverse=True))
    assert not left, "Thai left on an English screen:\n" + "\n".join(left[:40])


BE_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]{2} 25\d\d( \d\d:\d\d)?$")  # 4 Apr 2567 (14:05)


def _be_headers_missing(view: QWidget) -> list[str]:
    """The columns of a view's tables whose cells are Buddhist Era dates but whose English
    header does not say "(BE)" (a reader of English takes 2567 for a typo otherwise)."""
    missing, seen = [], 0
    for table in view.findChildren(QAbstractItemView):
        model = table.model()
        if model is None or isinstance(table, QHeaderView) or not table.isVisibleTo(view):
            continue
        for c in range(model.columnCount()):
            cells = [model.data(model.index(r, c)) for r in range(min(30, model.rowCount()))]
            if any(isinstance(v, str) and BE_DATE.match(v) for v in cells):
                seen += 1
                header = str(model.headerData(c, Qt.Orientation.Horizontal))
                if "(BE)" not in header:
                    missing.append(f"{table.objectName()} column {c}: {header!r}")
    assert seen, "no column of Buddhist Era dates on this screen"
    return missing


def test_english_list_headers_say_buddhist_era(english, qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    from desktop.gui.views.children_view import ChildrenView
    from desktop.gui.views.households_view import HouseholdsView
    from desktop.gui.views.import_history_view import ImportHistoryView
    from desktop.reports.sheets import read_sheet, write_csv
    from desktop.services.imports import commit_import, plan_import, suggest_mapping

    path = tmp_path / "one.csv"
    write_csv(path, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด"], [["ภูผา", "ทดลองปี", "ชาย", "15/08/2563"]])
    sheet = read_sheet(path)
    with ctx.db.session() as s:
        commit_import(s, plan_import(s, sheet, suggest_mapping(s, sheet.headers), today=TODAY), actor="test")
    missing = []
    for cls in (ChildrenView, HouseholdsView, ImportHistoryView):
        view = cls(ctx)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda v=view: any(
            t.model() is not None and t.model().rowCount() > 0 for t in v.findChildren(QAbstractItemView)
            if t.isVisibleTo(v)), timeout=10_000)
        qtbot.wait(50)
        missing += [f"{cls.__name__} {m}" for m in _be_headers_missing(view)]
    assert not missing, "English headers of Buddhist Era dates without (BE):\n" + "\n".join(missing)


# --------------------------------------------------------------------------- growth and DSPM (issue 12)


def _growth_data(ctx: AppContext) -> tuple[str, list[str]]:
    """A demo centre child measured (ผอม this term) with a DSPM check waiting for its
    re-check and one referred; and what stays as written: rooms, hospitals, assessors,
    the manual's items and activities (the manual is Thai: its text is data here)."""
    from test_small_screens import _measured_child

    from desktop.domain.dspm import manual
    from desktop.services.dspm import record_check
    from desktop.services.growth import add_measurement
    from desktop.store.centre_state import CentreRoom
    from desktop.store.growth_state import DspmCheck, DspmReferral, GrowthMeasurement
    from desktop.store.models import Child

    uuid = _measured_child(ctx)
    with ctx.db.session() as s:
        s.scalars(select(Child).where(Child.uuid == uuid)).one().birth_date = date(2022, 3, 1)
    with ctx.db.session() as s:
        add_measurement(s, uuid, date(2026, 11, 20), weight_kg=13.0, height_cm=107.0, today=TODAY)  # ผอม
        record_check(s, uuid, 42, date(2026, 11, 10), {i.no: i.no != manual().band(42).items[0].no
                                                       for i in manual().band(42).items}, today=TODAY)
    m = manual()
    data = {m.label, m.title, m.edition_th}
    for band in m.bands:
        for item in band.items:
            data |= {item.skill, *item.activity}
    with ctx.db.reader() as s:
        data |= {str(v) for v in s.scalars(select(CentreRoom.name)) if v}
        data |= {str(v) for v in s.scalars(select(DspmReferral.hospital)) if v}
        data |= {str(v) for v in s.scalars(select(DspmCheck.assessor)) if v}
        data |= {str(v) for v in s.scalars(select(GrowthMeasurement.measured_by)) if v}
    return uuid, sorted({*data, *_data_strings(ctx)}, key=len, reverse=True)


def _assert_english_with(top: QWidget, data: list[str]) -> None:
    texts = screen_texts(top)
    assert len(texts) > 5
    left = _strip(texts, data)
    assert not left, "Thai left on an English screen:\n" + "\n".join(left[:40])


def test_growth_lists_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.growth_lists import GrowthView

    _uuid, data = _growth_data(ctx)
    view = GrowthView(ctx, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    shown = {}
    for centre in range(view.centre_combo.count()):  # the measured child's centre among them
        view.centre_combo.setCurrentIndex(centre)
        for kind, page in view.pages.items():
            view.tabs.setCurrentWidget(page)
            page.refresh()
            shown[kind] = shown.get(kind, 0) + page.row_count()
            _assert_english_with(view, data)
    assert shown["thin"] and shown["rechecks"] and shown["not_measured"], shown


def test_child_development_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.growth_child import ChildDevelopmentDialog

    uuid, data = _growth_data(ctx)
    dialog = ChildDevelopmentDialog(ctx, uuid, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.measure_table.rowCount() and dialog.check_table.rowCount()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        _assert_english_with(dialog, data)


def test_measurement_and_dspm_check_in_english(english, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.people import Sex
    from desktop.gui.views.dspm_check import DspmCheckDialog
    from desktop.gui.views.growth_measure import MeasurementDialog

    uuid, data = _growth_data(ctx)
    dialog = MeasurementDialog(ctx, uuid, "Test child", Sex.FEMALE, date(2022, 1, 1), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weight_edit.setText("15.2")
    dialog.height_edit.setText("103")
    _assert_english_with(dialog, data)
    dialog.height_edit.setText("60")  # refused: the domain's message, in English
    _assert_english_with(dialog, data)
    check = DspmCheckDialog(ctx, uuid, "Test child", date(2022, 1, 1), today=TODAY)
    qtbot.addWidget(check)
    check.show()
    _assert_english_with(check, sorted({*data, "ผ", "ม"}, key=len, reverse=True))  # the Thai keyboard's keys
