"""สรุปกรณีเด็กนอกระบบ: the cases' dashboard (issue 13): the open cases, the overdue
follow-ups, the children returned to education or work this year and the typical (median) days
from found to that return, the cases by status (services/case_dashboard.py, counts only); and
the month's report for the mayor and the province printed (services/case_print.py) for the
month chosen beside its button: the month last ended unless the clerk chooses another (on
1-5 December the report is November's), this month so far, or one of the year before."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseStatus, status_label
from desktop.gui.views.case_common import fill_table, problem_text, read_only_table


class CaseDashboardView(QWidget):
    def __init__(self, ctx: Any, documents: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.documents = ctx, documents
        self.setObjectName("caseDashboard")
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_combo = QComboBox(self)
        self.year_combo.addItem(self.tr("ปีงบประมาณ"), "fiscal")
        self.year_combo.addItem(self.tr("ปีการศึกษา"), "academic")
        self.year_combo.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.year_combo)
        self.year_label = QLabel(self)
        top.addWidget(self.year_label, 1)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("reportMonth")
        self.month_combo.setToolTip(self.tr("เดือนของรายงานประจำเดือน"))
        self.month_combo.setAccessibleName(self.tr("เดือนของรายงานประจำเดือน"))
        self._fill_months(date.today())
        top.addWidget(self.month_combo)
        self.month_button = QPushButton(self.tr("พิมพ์รายงานประจำเดือน…"), self)
        self.month_button.setToolTip(self.tr("รายงานกรณีเด็กนอกระบบของเดือนที่เลือก สำหรับนายกฯ และจังหวัด"))
        self.month_button.clicked.connect(self.print_month)
        top.addWidget(self.month_button)
        column.addLayout(top)
        figures = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        captions = (("open", self.tr("กรณีที่ยังไม่ปิด"), ""),  # a line each: Thai wraps between words, "ปี|นี้" read badly
                    ("overdue", self.tr("เลยกำหนดนิเทศติดตาม"), ""),
                    ("returned", self.tr("กลับเข้าเรียนหรือทำงาน\n(ปีนี้)"),
                     self.tr("เด็กที่กลับเข้าเรียน เรียน กศน. ฝึกอาชีพ หรือทำงาน ในปีที่เลือกข้างบน")),
                    ("median", self.tr("ใช้เวลาโดยทั่วไป\nจากพบตัวถึงกลับเข้าเรียน"),
                     self.tr("ครึ่งหนึ่งของเด็กที่กลับเข้าเรียนหรือทำงานในปีนี้ใช้เวลาไม่เกินจำนวนวันนี้ "
                             "นับจากวันที่พบตัว (ค่ามัธยฐาน)")))
        for i, (key, text, tip) in enumerate(captions):
            box = QFrame(self)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            value = QLabel("-", box)
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            inner.addWidget(value)
            caption = QLabel(text, box)
            caption.setWordWrap(True)
            box.setToolTip(tip)
            inner.addWidget(caption)
            figures.addWidget(box, 0, i)
            self.figures[key] = value
        column.addLayout(figures)
        self.table = read_only_table(self)
        column.addWidget(self.table, 1)
        self.dashboard: Any = None

    def refresh(self) -> None:
        from desktop.services.case_dashboard import case_dashboard

        try:
            with self.ctx.db.reader() as session:
                d = self.dashboard = case_dashboard(session, date.today(), year=self.year_combo.currentData())
        except Exception as exc:  # noqa: BLE001 - said on the page
            self.year_label.setText(problem_text(exc))
            return
        self.year_label.setText(d.year_name)
        self.figures["open"].setText(f"{d.open:,}")
        self.figures["overdue"].setText(f"{d.overdue:,}")
        self.figures["returned"].setText(f"{d.returned:,}")
        self.figures["median"].setText("-" if d.median_days is None else
                                       self.tr("%1 วัน").replace("%1", f"{d.median_days:,.0f}"))
        fill_table(self.table, [self.tr("สถานะ"), self.tr("จำนวนกรณี")],
                   [[status_label(s), f"{d.by_status.get(s, 0):,}"] for s in CaseStatus] +
                   [[self.tr("รวม"), f"{d.total:,}"]], fitted=(1,))

    def _fill_months(self, today: date) -> None:
        """This month (so far), then the 12 before it; the month last ended chosen."""
        from desktop.domain.dates import format_be_month

        year, month = today.year, today.month
        for n in range(13):
            name = format_be_month(year, month)
            self.month_combo.addItem(self.tr("%1 (ถึงวันนี้)").replace("%1", name) if n == 0 else name, (year, month))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        self.month_combo.setCurrentIndex(1)

    def print_month(self) -> None:
        from desktop.services.case_print import monthly_report_file

        today = date.today()
        year, month = self.month_combo.currentData()
        self.documents.report(
            self.tr("รายงานกรณีเด็กนอกระบบประจำเดือน") + f" {self.month_combo.currentText()}", "cases-month",
            lambda session, out, _options, _progress: monthly_report_file(session, year, month, out, today=today),
            detail=self.year_label.text(), parent=self)
