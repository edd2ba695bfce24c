"""จังหวัด › กรณีเด็กนอกระบบราย อปท. (issue 13): the out-of-school children's cases per
municipality, from the bundles received: open, of them past their follow-up's due date,
closed, of them back in education or work, and closed otherwise; under each municipality
its open cases by status and its closed cases by outcome. Sortable by any column,
searchable; the province's total under the table; printed (PDF) and exported
(Excel/CSV): the page's frame is views/province_table.py. The data:
services/province_cases.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from desktop.gui.context import AppContext
from desktop.gui.views.province_table import PageWords, ProvinceTablePage


class ProvinceCasesView(ProvinceTablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: date | None = None  # tests and screenshots pin the day

    def words(self) -> PageWords:
        headers = [self.tr("อปท. / สถานะหรือผล"), self.tr("เปิด\nอยู่"), self.tr("เลย\nกำหนด"), self.tr("ปิด\nแล้ว"),
                   self.tr("กลับเข้าเรียน\nหรือทำงาน"), self.tr("ปิดด้วย\nเหตุอื่น")]
        tips = ["", self.tr("กรณีที่ยังไม่ปิด (กรณี)"),
                self.tr("กรณีที่เปิดอยู่ซึ่งวันนิเทศติดตามครั้งถัดไปผ่านไปแล้ว (ณ วันนี้)"),
                self.tr("กรณีที่ปิดแล้ว (กรณี)"),
                self.tr("ปิดเพราะกลับเข้าเรียนในโรงเรียน เรียน กศน. ฝึกอาชีพ หรือทำงาน (กรณี)"),
                self.tr("ปิดเพราะไม่พบตัว ย้ายออก เสียชีวิต ไม่ประสงค์รับความช่วยเหลือ และอื่น ๆ (กรณี)")]
        return PageWords("provinceCasesView", self.tr("กรณีเด็กนอกระบบการศึกษาราย อปท."),
                         self.tr("ค้นหารหัสหรือชื่อ อปท. หรือสถานะ (Ctrl+F)"), headers, tips,
                         self.tr("พิมพ์สรุปกรณีเด็กนอกระบบราย อปท. (Ctrl+P)"))

    def refresh(self) -> None:
        from desktop.services.access import NotPermitted
        from desktop.services.province_cases import province_cases

        try:
            with self.ctx.db.reader() as session:
                self.data = province_cases(session, today=self.today)
        except NotPermitted:
            self.not_permitted()
            return
        self.fill()

    def _item(self, label: str, cells: tuple[int, ...], code: str, bold: bool = False) -> QTreeWidgetItem:
        return self.row(label, [f"{v:,}" for v in cells], cells, code, bold=bold)

    def _part(self, label: str, column: int, cases: int, code: str, order: int) -> QTreeWidgetItem:
        """A line of the breakdown: its cases in the open or the closed column; by name, the
        lines stay in the program's order (open by status, then closed by outcome)."""
        cells = [""] * 5
        cells[column] = f"{cases:,}"
        values = [-1] * 5
        values[column] = cases
        return self.row(label, cells, values, code, order=f"{order:04d}")

    def fill(self) -> None:
        from desktop.domain.dates import format_be_numeric

        self.total.clear()
        data: Any = self.data
        if data is None or not data.municipalities:
            self.tree.clear()
            self.summary.setText(self.tr("ยังไม่ได้รับข้อมูลจาก อปท. ใด (กรณีมากับชุดข้อมูลที่ อปท. ส่ง)"))
            self.update_buttons()
            return
        open_word, closed_word = self.tr("เปิดอยู่: %1"), self.tr("ปิดแล้ว: %1")
        tops = []
        for m in data.municipalities:
            top = self._item(f"{m.name} ({m.code})", m.figures.cells(), m.code, bold=True)
            for order, (kind, label, cases) in enumerate(m.figures.breakdown()):
                word = open_word if kind == "open" else closed_word
                top.addChild(self._part(word.replace("%1", label), 0 if kind == "open" else 2, cases, m.code, order))
            tops.append(top)
        self.show_rows(tops)
        t = data.total
        self.total.setText(
            self.tr("รวมทั้งจังหวัด: เปิดอยู่ %1 กรณี · เลยกำหนดนิเทศติดตาม %2 · ปิดแล้ว %3 · "
                    "กลับเข้าเรียนหรือทำงาน %4 · ปิดด้วยเหตุอื่น %5")
            .replace("%1", f"{t.open:,}").replace("%2", f"{t.overdue:,}").replace("%3", f"{t.closed:,}")
            .replace("%4", f"{t.returned:,}").replace("%5", f"{t.closed - t.returned:,}"))
        self.summary.setText(self.tr("ณ วันที่ %1 · อปท. %2 แห่ง · ใต้แต่ละ อปท.: กรณีที่เปิดอยู่ตามสถานะ และกรณีที่ปิดแล้วตามผล")
                             .replace("%1", format_be_numeric(data.today))
                             .replace("%2", f"{len(data.municipalities):,}"))
        self.apply_search()

    def print_figures(self) -> None:
        from desktop.services.province_cases import province_cases_pdf

        if self.data is None:
            return
        today = self.today
        self.documents.report(self.tr("กรณีเด็กนอกระบบราย อปท."), "province-cases",
                              lambda session, out, options, progress: province_cases_pdf(
                                  session, out, options, progress, today=today))

    def export_figures(self, path: Path | None = None) -> None:
        """To ``path``, or to the file the user picks."""
        from desktop.services.province_cases import export_province_cases

        if self.data is None:
            return
        today = self.today
        self.documents.export(self.tr("กรณีเด็กนอกระบบราย อปท."), "province-cases",
                              lambda session, path, progress: export_province_cases(
                                  session, path, today=today, progress=progress), path=path)
