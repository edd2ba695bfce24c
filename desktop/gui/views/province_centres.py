"""จังหวัด › ศูนย์พัฒนาเด็กเล็กราย อปท.: the term's growth, DSPM and attendance per
municipality (a row each, its centres under it), from the bundles received: children,
measured, ผอม / เตี้ย / อ้วน, DSPM checks, suspected delays, re-checks overdue, referrals
waiting, attendance % of a period (the term up to today unless typed). A term picker (the
latest term with centre data first), sortable by any column (a click on its header),
searchable; the province's total under the table; printed (PDF) and exported
(Excel/CSV): the page's frame is views/province_table.py. The data:
services/province_centres.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidgetItem, QWidget

from desktop.gui.context import AppContext
from desktop.gui.views.province_table import PageWords, ProvinceTablePage


class ProvinceCentresView(ProvinceTablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: date | None = None  # tests and screenshots pin the day

    def words(self) -> PageWords:
        # two-line headers keep the number columns narrow: the names stay readable at 1024 wide
        headers = [self.tr("อปท. / ศูนย์พัฒนาเด็กเล็ก"), self.tr("เด็ก"), self.tr("ชั่ง/\nวัด"), self.tr("ผอม"),
                   self.tr("เตี้ย"), self.tr("อ้วน"), self.tr("DSPM"), self.tr("สงสัย\nล่าช้า"),
                   self.tr("เลยนัด\nซ้ำ"), self.tr("รอ\nส่งต่อ"), self.tr("มา\nเรียน")]
        tips = ["", self.tr("เด็กที่ลงทะเบียนในศูนย์ ปีการศึกษาของภาคเรียนนี้ (คน)"),
                self.tr("เด็กที่ชั่งน้ำหนักหรือวัดส่วนสูงในภาคเรียนนี้ (คน)"),
                self.tr("น้ำหนักตามเกณฑ์ส่วนสูงต่ำกว่า −2 SD ครั้งล่าสุดในภาคเรียน (คน)"),
                self.tr("ส่วนสูงตามเกณฑ์อายุต่ำกว่า −2 SD ครั้งล่าสุดในภาคเรียน (คน)"),
                self.tr("น้ำหนักตามเกณฑ์ส่วนสูงเกิน +2 SD: เริ่มอ้วนและอ้วน (คน)"),
                self.tr("เด็กที่ประเมินพัฒนาการครั้งแรกในภาคเรียนนี้ (คนต่อช่วงอายุ)"),
                self.tr("ผลประเมินครั้งแรกสงสัยล่าช้า: ส่งเสริมแล้วประเมินซ้ำ หรือส่งต่อทันที"),
                self.tr("สงสัยล่าช้า ยังไม่ได้ประเมินซ้ำ และเลยวันนัดแล้ว (ณ วันนี้)"),
                self.tr("ส่งต่อประเมินด้วย TEDA4I แล้ว ยังไม่ได้รับผลจากโรงพยาบาล"),
                self.tr("วันที่มาเรียนต่อวันที่บันทึกการมาเรียนในช่วงที่เลือก (%)")]
        return PageWords("provinceCentresView", self.tr("พัฒนาการเด็กในศูนย์พัฒนาเด็กเล็กราย อปท."),
                         self.tr("ค้นหารหัสหรือชื่อ อปท. หรือศูนย์ (Ctrl+F)"), headers, tips,
                         self.tr("พิมพ์สรุปของภาคเรียนนี้ (Ctrl+P)"))

    def add_pickers(self, bar: QHBoxLayout) -> None:
        self.add_term_picker(bar, self.tr("ภาคเรียนที่มีข้อมูลศูนย์พัฒนาเด็กเล็กจาก อปท. (ล่าสุดก่อน)"))
        from_label = QLabel(self.tr("มาเรียนตั้งแต่"), self)
        bar.addWidget(from_label)
        self.first = QLineEdit(self)
        self.first.setObjectName("fromEdit")
        self.first.setPlaceholderText(self.tr("วว/ดด/ปปปป"))
        self.first.setMaximumWidth(110)
        from_label.setBuddy(self.first)
        bar.addWidget(self.first)
        to_label = QLabel(self.tr("ถึง"), self)
        bar.addWidget(to_label)
        self.last = QLineEdit(self)
        self.last.setObjectName("toEdit")
        self.last.setPlaceholderText(self.tr("วว/ดด/ปปปป"))
        self.last.setMaximumWidth(110)
        to_label.setBuddy(self.last)
        bar.addWidget(self.last)
        for edit in (self.first, self.last):
            edit.returnPressed.connect(self._period_changed)
        self.apply_button = QPushButton(self.tr("นับช่วงนี้"), self)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setToolTip(self.tr("นับการมาเรียนในช่วงวันที่ที่พิมพ์ (การเจริญเติบโตและ DSPM นับทั้งภาคเรียน)"))
        self.apply_button.clicked.connect(self._period_changed)
        bar.addWidget(self.apply_button)

    def period(self) -> tuple[date | None, date | None] | None:
        """The typed period (None each: the term's default); None when a date is wrong."""
        from desktop.domain.dates import DateParseError, parse_date

        out: list[date | None] = []
        for edit in (self.first, self.last):
            text = edit.text().strip()
            try:
                out.append(parse_date(text) if text else None)
            except DateParseError:
                self.summary.setText(self.tr("วันที่ไม่ถูกต้อง: พิมพ์เป็น วว/ดด/ปปปป เช่น 01/11/2569"))
                edit.setFocus()
                return None
        return out[0], out[1]

    def _load(self, chosen: tuple[int, int] | None, first: date | None = None, last: date | None = None) -> None:
        from desktop.services.province_centres import NoSuchTerm, province_centres

        try:
            with self.ctx.db.reader() as session:
                self.data = province_centres(session, *(chosen or (None, None)), first=first, last=last,
                                             today=self.today) if chosen else None
        except NoSuchTerm as exc:
            self.summary.setText(str(exc))
            return
        self.fill()

    def refresh(self) -> None:
        from desktop.services.access import NotPermitted
        from desktop.services.province_centres import centre_terms

        chosen = self.chosen_term()
        try:
            with self.ctx.db.reader() as session:
                terms = centre_terms(session)
        except NotPermitted:
            self.not_permitted()
            return
        if chosen not in terms:
            chosen = terms[0] if terms else None
        self.set_terms(terms, chosen)
        period = self.period() if self.data is not None else (None, None)
        self.data = None
        self._load(chosen, *(period or (None, None)))

    def term_changed(self) -> None:
        self.first.clear()
        self.last.clear()
        self._load(self.chosen_term())

    def _period_changed(self) -> None:
        period = self.period()
        if period is not None:
            self._load(self.chosen_term(), *period)

    def _item(self, label: str, f: Any, code: str, bold: bool = False) -> QTreeWidgetItem:
        from desktop.reports.province_centres import percent_text

        values = (f.children, f.measured, f.thin, f.short, f.obese, f.checked, f.suspected, f.overdue, f.waiting)
        return self.row(label, [*(f"{v:,}" for v in values), percent_text(f.percent)],
                        [*values, -1.0 if f.percent is None else f.percent], code, bold=bold)

    def fill(self) -> None:
        from desktop.domain.dates import format_be_numeric
        from desktop.reports.province_centres import percent_text

        self.total.clear()
        data = self.data
        if data is None:
            self.tree.clear()
            self.summary.setText(self.tr("ยังไม่มีข้อมูลศูนย์พัฒนาเด็กเล็กจาก อปท. ใด (ข้อมูลมากับชุดข้อมูลที่ อปท. ส่ง)"))
            self.update_buttons()
            return
        tops = []
        for m in data.municipalities:
            top = self._item(f"{m.name} ({m.code})", m.figures, m.code, bold=True)
            for c in m.centres:
                top.addChild(self._item(c.name, c.figures, m.code))
            tops.append(top)
        self.show_rows(tops)
        self.first.setText(format_be_numeric(data.first))
        self.last.setText(format_be_numeric(data.last))
        t = data.total
        self.total.setText(
            self.tr("รวมทั้งจังหวัด: เด็ก %1 คน · ชั่ง/วัดแล้ว %2 · ผอม %3 · เตี้ย %4 · อ้วน %5 · ประเมิน DSPM %6 · "
                    "สงสัยล่าช้า %7 · เลยนัดประเมินซ้ำ %8 · รอผลส่งต่อ %9 · มาเรียน %10")
            .replace("%10", percent_text(t.percent)).replace("%1", f"{t.children:,}").replace("%2", f"{t.measured:,}")
            .replace("%3", f"{t.thin:,}").replace("%4", f"{t.short:,}").replace("%5", f"{t.obese:,}")
            .replace("%6", f"{t.checked:,}").replace("%7", f"{t.suspected:,}").replace("%8", f"{t.overdue:,}")
            .replace("%9", f"{t.waiting:,}"))
        self.summary.setText(
            self.tr("ภาคเรียน %1 · อปท. %2 แห่ง · การมาเรียนนับวันที่ %3 ถึง %4 · ผอม เตี้ย อ้วน จากการชั่ง/วัดครั้งล่าสุดในภาคเรียน")
            .replace("%1", data.term).replace("%2", f"{len(data.municipalities):,}")
            .replace("%3", format_be_numeric(data.first)).replace("%4", format_be_numeric(data.last)))
        self.apply_search()

    def _args(self) -> tuple[int | None, int | None, date | None, date | None]:
        data = self.data
        chosen = self.chosen_term()
        year_be, number = chosen if chosen else (None, None)
        return year_be, number, data.first if data else None, data.last if data else None

    def print_figures(self) -> None:
        from desktop.services.province_centres import province_centres_pdf

        if self.data is None:
            return
        year_be, number, first, last = self._args()
        today = self.today
        self.documents.report(self.tr("ศูนย์พัฒนาเด็กเล็กราย อปท."), "province-centres",
                              lambda session, out, options, progress: province_centres_pdf(
                                  session, out, year_be, number, options, progress, first=first, last=last,
                                  today=today),
                              detail=self.tr("ภาคเรียน %1").replace("%1", self.data.term))

    def export_figures(self, path: Path | None = None) -> None:
        """To ``path``, or to the file the user picks."""
        from desktop.services.province_centres import export_province_centres

        if self.data is None:
            return
        year_be, number, first, last = self._args()
        today = self.today
        self.documents.export(self.tr("ศูนย์พัฒนาเด็กเล็กราย อปท."), "province-centres",
                              lambda session, path, progress: export_province_centres(
                                  session, path, year_be, number, first=first, last=last, today=today,
                                  progress=progress), path=path)
