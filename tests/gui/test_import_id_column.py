"""The import dialog never leaves out a column of national IDs unasked (issue 7): the only
one, with no ID column mapped, is mapped and said; another waits for the clerk to map it
or to choose "not imported" before the file can be checked."""

from __future__ import annotations

from pathlib import Path

from import_steps import open_at_mapping

from desktop.domain.identity import make_national_id
from desktop.gui.context import AppContext
from desktop.gui.views.import_dialog import PREVIEW
from desktop.gui.widgets.column_mapping import SKIP
from desktop.reports.sheets import write_csv

KIDS = [["ภูผา", "ทดลองเลข", "ชาย", "15/08/2563"], ["ธารา", "ทดลองเลข", "หญิง", "01/02/2564"]]
IDS = [make_national_id(f"11037{n:07d}") for n in range(7, 9)]
MOTHERS = [make_national_id(f"33010{n:07d}") for n in range(7, 9)]


def test_a_second_id_column_waits_for_the_clerk(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ห้อง 1.csv"
    write_csv(path, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บัตรแม่"],
              [[*k, IDS[i], MOTHERS[i]] for i, k in enumerate(KIDS)])
    dialog = open_at_mapping(qtbot, ctx, path)
    assert dialog.undecided() == [5]
    assert 5 not in dialog.mapping()
    assert "'บัตรแม่'" in dialog.ui.missingLabel.text()
    assert not dialog.ui.nextButton.isEnabled()
    dialog.set_mapping(5, SKIP)  # the clerk: not imported
    assert dialog.undecided() == [] and dialog.ui.nextButton.isEnabled()
    assert 5 in dialog.ignored_columns()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.nextButton.click()
    assert dialog.ui.stack.currentIndex() == PREVIEW
    assert not dialog.plan.blocked and dialog.plan.valid_count == 2


def test_a_second_id_column_mapped_to_the_guardian(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ห้อง 2.csv"
    write_csv(path, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บัตรแม่"],
              [[*k, IDS[i], MOTHERS[i]] for i, k in enumerate(KIDS)])
    dialog = open_at_mapping(qtbot, ctx, path)
    dialog.set_mapping(5, "guardian_national_id")
    assert dialog.undecided() == [] and dialog.mapping()[5] == "guardian_national_id"


def test_the_only_id_column_is_mapped_and_said(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ห้อง 3.csv"
    write_csv(path, ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลข ปชช."],
              [[*k, IDS[i]] for i, k in enumerate(KIDS)])
    dialog = open_at_mapping(qtbot, ctx, path)
    assert dialog.mapping()[4] == "national_id" and dialog.undecided() == []
    assert "'เลข ปชช.'" in dialog.ui.missingLabel.text()
    assert dialog.ui.nextButton.isEnabled()
