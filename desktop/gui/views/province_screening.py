"""จังหวัด › คัดกรองและทุนราย อปท.: the term's poverty screening and grant figures per
municipality (a row each, its schools under it), from the bundles received: screened,
poor, extremely poor, certified, eligible (children, baht), paid (children, baht); the
province's total last. A term picker (the latest term with screenings first); printed
(PDF) and exported (Excel/CSV). The data: services/province_screening.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CODE_ROLE = Qt.ItemDataRole.UserRole


class ProvinceScreeningView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceScreeningView")
        self.ctx = ctx
        self.data: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("การคัดกรองความยากจนและทุนเสมอภาคราย อปท."), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        bar = QHBoxLayout()
        term_label = QLabel(self.tr("ภาคเรียน"), self)
        bar.addWidget(term_label)
        self.term = QComboBox(self)
        self.term.setObjectName("termCombo")
        self.term.setToolTip(self.tr("ภาคเรียนที่มีผลคัดกรองจาก อปท. (ล่าสุดก่อน)"))
        term_label.setBuddy(self.term)
        self.term.currentIndexChanged.connect(self._term_changed)
        bar.addWidget(self.term)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("ค้นหารหัสหรือชื่อ อปท. หรือสถานศึกษา (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("figuresTree")
        headers = [self.tr("อปท. / สถานศึกษา"), self.tr("คัดกรอง"), self.tr("ยากจน"), self.tr("ยากจนพิเศษ"),
                   self.tr("รับรองแล้ว"), self.tr("มีสิทธิ์ (คน)"), self.tr("มีสิทธิ์ (บาท)"), self.tr("จ่ายแล้ว (คน)"),
                   self.tr("จ่ายแล้ว (บาท)")]
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        header = self.tree.headerItem()
        tips = ["", self.tr("เด็กที่คัดกรองในภาคเรียนนี้ (คน)"), self.tr("ผลคัดกรอง ยากจน (คน)"),
                self.tr("ผลคัดกรอง ยากจนพิเศษ (คน)"), self.tr("แบบคัดกรองที่รับรองแล้ว (คน)"),
                self.tr("เด็กที่มีสิทธิ์ในรอบทุนของภาคเรียนนี้อย่างน้อยหนึ่งรอบ (คน)"),
                self.tr("เงินที่รอบทุนของภาคเรียนนี้จะจ่ายให้เด็กที่มีสิทธิ์ (บาท)"),
                self.tr("เด็กที่ได้รับเงินแล้ว (คน)"), self.tr("เงินที่จ่ายแล้ว (บาท)")]
        for column, tip in enumerate(tips):
            if tip and header is not None:
                header.setToolTip(column, tip)
            if column:
                self.tree.headerItem().setTextAlignment(column, RIGHT)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        layout.addWidget(self.tree, 1)

        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("พิมพ์ (PDF)"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("พิมพ์สรุปของภาคเรียนนี้ (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_figures)
        self.export_button = QPushButton(self.tr("ส่งออก Excel/CSV"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.export_figures())
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.documents = Documents(ctx, self, self.status_message.emit)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_figures)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def chosen_term(self) -> tuple[int, int] | None:
        value = self.term.currentData()
        return (int(value[0]), int(value[1])) if value else None

    def refresh(self) -> None:
        from desktop.services.access import NotPermitted
        from desktop.services.province_screening import (
            NoSuchTerm,
            province_screening,
            screening_terms,
        )

        chosen = self.chosen_term()
        try:
            with self.ctx.db.reader() as session:
                terms = screening_terms(session)
                if chosen not in terms:
                    chosen = terms[0] if terms else None
                self.data = province_screening(session, *chosen) if chosen else None
        except NotPermitted:  # a user without the province's roles: said, not a fault
            self.data = None
            self.tree.clear()
            self.summary.setText(self.tr("หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้"))
            return
        except NoSuchTerm:
            self.data = None
        self.term.blockSignals(True)
        self.term.clear()
        for year_be, number in terms:
            self.term.addItem(f"{number}/{year_be}", (year_be, number))
        if chosen is not None:
            self.term.setCurrentIndex(terms.index(chosen))
        self.term.blockSignals(False)
        self._fill()

    def _term_changed(self) -> None:
        from desktop.services.province_screening import province_screening

        chosen = self.chosen_term()
        if chosen is None:
            return
        with self.ctx.db.reader() as session:
            self.data = province_screening(session, *chosen)
        self._fill()

    def _item(self, label: str, cells: tuple[int, ...], code: str, bold: bool = False) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, *(f"{v:,}" for v in cells)])
        item.setData(0, CODE_ROLE, code)
        item.setToolTip(0, label)
        for column in range(1, len(cells) + 1):
            item.setTextAlignment(column, RIGHT)
        if bold:
            font = QFont(item.font(0))
            font.setBold(True)
            for column in range(len(cells) + 1):
                item.setFont(column, font)
        return item

    def _fill(self) -> None:
        self.tree.clear()
        data = self.data
        if data is None:
            self.summary.setText(self.tr("ยังไม่มีผลการคัดกรองจาก อปท. ใด (ผลคัดกรองมากับชุดข้อมูลที่ อปท. ส่ง)"))
            self._update_buttons()
            return
        for m in data.municipalities:
            top = self._item(f"{m.name} ({m.code})", m.figures.cells(), m.code, bold=True)
            for s in m.schools:
                top.addChild(self._item(s.name, s.figures.cells(), m.code))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.addTopLevelItem(self._item(self.tr("รวมทั้งจังหวัด"), data.total.cells(), "", bold=True))
        t = data.total
        self.summary.setText(
            self.tr("ภาคเรียน %1 · อปท. %2 แห่ง · คัดกรอง %3 คน · รับรองแล้ว %4 คน · มีสิทธิ์ %5 คน · จ่ายแล้ว %6 คน %7 บาท")
            .replace("%1", data.term).replace("%2", f"{len(data.municipalities):,}").replace("%3", f"{t.screened:,}")
            .replace("%4", f"{t.certified:,}").replace("%5", f"{t.eligible:,}").replace("%6", f"{t.paid:,}")
            .replace("%7", f"{t.paid_amount:,}"))
        self._apply_search()

    def _apply_search(self) -> None:
        words = self.search.text().strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None or not top.data(0, CODE_ROLE):
                continue  # the total stays
            children = [top.child(j) for j in range(top.childCount())]
            names = [top.text(0).lower()] + [c.text(0).lower() for c in children if c is not None]
            top.setHidden(bool(words) and not any(words in n for n in names))
        self._update_buttons()

    def _update_buttons(self) -> None:
        for b in (self.print_button, self.export_button):
            b.setEnabled(self.data is not None)

    def print_figures(self) -> None:
        from desktop.services.province_screening import province_screening_pdf

        chosen = self.chosen_term()
        if chosen is None:
            return
        year_be, number = chosen
        self.documents.report(self.tr("คัดกรองและทุนราย อปท."), "province-screening",
                              lambda session, out, options, progress: province_screening_pdf(
                                  session, out, year_be, number, options, progress),
                              detail=self.tr("ภาคเรียน %1").replace("%1", f"{number}/{year_be}"))

    def export_figures(self, path: Path | None = None) -> None:
        """To ``path``, or to the file the user picks."""
        from desktop.services.province_screening import export_province_screening

        chosen = self.chosen_term()
        if chosen is None:
            return
        year_be, number = chosen
        self.documents.export(self.tr("คัดกรองและทุนราย อปท."), "province-screening",
                              lambda session, path, progress: export_province_screening(
                                  session, path, year_be, number, progress=progress), path=path)
