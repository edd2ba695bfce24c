"""The class list schools send (a title row, ลำดับ, เลขประจำตัวประชาชน, คำนำหน้า, ชื่อ, นามสกุล,
วันเดือนปีเกิด, ชื่อผู้ปกครอง, บ้านเลขที่, หมู่, ตำบล, a footer "รวม 30 คน") imports all 30
children in a handful of clicks: the clerk gives institution, year, class, room and the
guardians' relation once on the mapping step (issue 8)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import MAPPING, PREVIEW, ImportDialog
from desktop.store.models import Child, ChildGuardian, Enrollment, ImportBatch, Institution

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from class_list import child_ids, write_class_list  # noqa: E402


def _school(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(Institution.id).where(Institution.kind == "school",
                                                         Institution.deleted_at.is_(None))
                            .order_by(Institution.id)) or 0)


def _mapping_step(qtbot, ctx: AppContext, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.open_file(path)  # what เลือกไฟล์… does with the file chosen
    dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == MAPPING
    return dialog


def test_the_class_list_imports_every_child(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    school = _school(ctx)
    dialog = _mapping_step(qtbot, ctx, write_class_list(tmp_path / "อ2-1.xlsx"))
    ui = dialog.ui
    # the mapping step asks for what the file lacks: the relation of its guardians
    assert "ความเกี่ยวข้อง" in ui.missingLabel.text()
    # once for the whole file: institution, year, class, room, relation
    ui.institutionCombo.setCurrentIndex(ui.institutionCombo.findData(school))
    ui.yearSpin.setValue(2569)
    ui.levelCombo.setCurrentIndex(ui.levelCombo.findData("k2"))
    ui.roomEdit.setText("1")
    ui.relationCombo.setCurrentText("แม่")
    assert "ความเกี่ยวข้อง" not in ui.missingLabel.text()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        ui.nextButton.click()  # ตรวจสอบข้อมูล
    assert ui.stack.currentIndex() == PREVIEW
    plan = dialog.plan
    assert (plan.valid_count, plan.error_count) == (30, 0), [p.message for p in plan.problems()]
    assert ui.nextButton.isEnabled() and "30" in ui.nextButton.text()
    # the footer rows are notes in the list, each with its row number
    model = dialog.problems
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "34" in shown and "35" in shown  # รวม 30 คน, ลงชื่อ…ครูประจำชั้น
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        ui.nextButton.click()  # นำเข้า 30 คน
    with ctx.db.reader() as s:
        batch = s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).first()
        assert batch is not None and batch.child_count == 30

        kids = list(s.scalars(select(Child.id).where(Child.national_id.in_(child_ids()))))
        assert len(kids) == 30
        enrolled = s.execute(select(Enrollment.institution_id, Enrollment.level_code,
                                    Enrollment.classroom).where(Enrollment.child_id.in_(kids))).all()
        assert len(enrolled) == 30 and set(enrolled) == {(school, "k2", "1")}
        relations = s.scalars(select(ChildGuardian.relation).where(ChildGuardian.child_id.in_(kids))).all()
        assert len(relations) == 30 and set(relations) == {"แม่"}
        assert s.scalar(select(func.count()).select_from(Child).where(Child.id.in_(kids),
                                                                      Child.prefix == "")) == 0


def test_each_problem_shows_the_childs_name_beside_its_row(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _mapping_step(qtbot, ctx, write_class_list(tmp_path / "อ2-1.xlsx"))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()  # no relation given: every row says so
    model = dialog.problems
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert "3 · ด.ช.ภูผา ใจดี" in shown and "5 · เด็กชายกันตพงศ์ บุญมา" in shown
