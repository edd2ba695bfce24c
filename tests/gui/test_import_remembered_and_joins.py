"""A column of national IDs the clerk left out on the mapping step is left out again for
the next file of the same layout, without asking (remembered with the column mapping);
the preview says how many rows join a household already in the registry."""

from __future__ import annotations

from pathlib import Path

from import_steps import open_at_mapping

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import PREVIEW
from desktop.gui.widgets.column_mapping import SKIP
from desktop.reports.sheets import write_csv

HEADERS = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บัตรพ่อ"]
KIDS = [["ภูผา", "ทดลองจำ", "ชาย", "15/08/2563"], ["ธารา", "ทดลองจำ", "หญิง", "01/02/2564"]]
IDS = [make_national_id(f"11038{n:07d}") for n in range(7, 11)]
FATHERS = [make_national_id(f"33011{n:07d}") for n in range(7, 11)]


def test_an_id_column_left_out_is_not_asked_again(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "ห้อง 1.csv"
    write_csv(first, HEADERS, [[*k, IDS[i], FATHERS[i]] for i, k in enumerate(KIDS)])
    dialog = open_at_mapping(qtbot, ctx, first)
    assert dialog.undecided() == [5]
    dialog.set_mapping(5, SKIP)  # the clerk: not imported
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()  # check: the mapping (and this choice) is remembered
    assert dialog.ui.stack.currentIndex() == PREVIEW
    dialog.close()

    second = tmp_path / "ห้อง 2.csv"  # the next class, the same layout
    write_csv(second, HEADERS, [[*k, IDS[i + 2], FATHERS[i + 2]] for i, k in enumerate(KIDS)])
    again = open_at_mapping(qtbot, ctx, second)
    assert again.undecided() == []
    assert 5 in again.ignored_columns() and 5 not in again.mapping()
    assert "'บัตรพ่อ'" not in again.ui.missingLabel.text()
    assert again.ui.nextButton.isEnabled()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        again.ui.nextButton.click()
    assert again.ui.stack.currentIndex() == PREVIEW
    assert not again.plan.blocked and again.plan.valid_count == 2


def test_the_preview_says_how_many_rows_join_a_registry_household(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from desktop.store.models import Child, Household

    with ctx.db.reader() as s:
        home = s.scalars(select(Household).where(
            Household.deleted_at.is_(None), Household.house_no != "", Household.subdistrict != "",
            Household.id.in_(select(Child.household_id))).order_by(Household.id)).first()
        assert home is not None
        address = [home.house_no, home.village_no, home.subdistrict, home.district, home.province,
                   home.road, home.soi, home.village_name, home.postcode]
    path = tmp_path / "พี่น้อง.csv"
    write_csv(path, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บ้านเลขที่", "หมู่ที่",
                     "ตำบล", "อำเภอ", "จังหวัด", "ถนน", "ซอย", "หมู่บ้าน", "รหัสไปรษณีย์"],
              [[*k, IDS[i], *address] for i, k in enumerate(KIDS)])
    dialog = open_at_mapping(qtbot, ctx, path)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == PREVIEW
    model = dialog.problems
    shown = [(model.index(r, 0).data(), model.index(r, 3).data()) for r in range(model.rowCount())]
    assert any(where == "ทั้งไฟล์" and "2 แถว" in text and "ครัวเรือน" in text for where, text in shown), shown
