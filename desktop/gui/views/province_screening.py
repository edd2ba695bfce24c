"""จังหวัด › คัดกรองและทุนราย อปท.: the term's poverty screening and grant figures per
municipality (a row each, its schools under it), from the bundles received: screened,
poor, extremely poor, certified, eligible (children, baht), paid (children, baht); the
province's total last. A term picker (the latest term with screenings first), sortable by
any column, searchable; printed (PDF) and exported (Excel/CSV): the page's frame is
views/province_table.py. The data: services/province_screening.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QTreeWidgetItem

from desktop.gui.views.province_table import PageWords, ProvinceTablePage


class ProvinceScreeningView(ProvinceTablePage):
    def words(self) -> PageWords:
        # two-line headers keep the number columns narrow: the names stay readable at 1024 wide
        headers = [self.tr("อปท. / สถานศึกษา"), self.tr("คัดกรอง"), self.tr("ยากจน"), self.tr("ยากจน\nพิเศษ"),
                   self.tr("รับรอง\nแล้ว"), self.tr("มีสิทธิ์\n(คน)"), self.tr("มีสิทธิ์\n(บาท)"),
                   self.tr("จ่ายแล้ว\n(คน)"), self.tr("จ่ายแล้ว\n(บาท)")]
        tips = ["", self.tr("เด็กที่คัดกรองในภาคเรียนนี้ (คน)"), self.tr("ผลคัดกรอง ยากจน (คน)"),
                self.tr("ผลคัดกรอง ยากจนพิเศษ (คน)"), self.tr("แบบคัดกรองที่รับรองแล้ว (คน)"),
                self.tr("เด็กที่มีสิทธิ์ในรอบทุนของภาคเรียนนี้อย่างน้อยหนึ่งรอบ (คน)"),
                self.tr("เงินที่รอบทุนของภาคเรียนนี้จะจ่ายให้เด็กที่มีสิทธิ์ (บาท)"),
                self.tr("เด็กที่ได้รับเงินแล้ว (คน)"), self.tr("เงินที่จ่ายแล้ว (บาท)")]
        return PageWords("provinceScreeningView", self.tr("การคัดกรองความยากจนและทุนเสมอภาคราย อปท."),
                         self.tr("ค้นหารหัสหรือชื่อ อปท. หรือสถานศึกษา (Ctrl+F)"), headers, tips,
                         self.tr("พิมพ์สรุปของภาคเรียนนี้ (Ctrl+P)"))

    def add_pickers(self, bar: QHBoxLayout) -> None:
        self.add_term_picker(bar, self.tr("ภาคเรียนที่มีผลคัดกรองจาก อปท. (ล่าสุดก่อน)"))

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
        except NotPermitted:
            self.not_permitted()
            return
        except NoSuchTerm:
            self.data = None
        self.set_terms(terms, chosen)
        self.fill()

    def term_changed(self) -> None:
        from desktop.services.province_screening import province_screening

        chosen = self.chosen_term()
        if chosen is None:
            return
        with self.ctx.db.reader() as session:
            self.data = province_screening(session, *chosen)
        self.fill()

    def _item(self, label: str, cells: tuple[int, ...], code: str, bold: bool = False,
              total: bool = False) -> QTreeWidgetItem:
        return self.row(label, [f"{v:,}" for v in cells], cells, code, bold=bold, total=total)

    def fill(self) -> None:
        data = self.data
        if data is None:
            self.tree.clear()
            self.summary.setText(self.tr("ยังไม่มีผลการคัดกรองจาก อปท. ใด (ผลคัดกรองมากับชุดข้อมูลที่ อปท. ส่ง)"))
            self.update_buttons()
            return
        tops = []
        for m in data.municipalities:
            top = self._item(f"{m.name} ({m.code})", m.figures.cells(), m.code, bold=True)
            for s in m.schools:
                top.addChild(self._item(s.name, s.figures.cells(), m.code))
            tops.append(top)
        tops.append(self._item(self.tr("รวมทั้งจังหวัด"), data.total.cells(), "", bold=True, total=True))
        self.show_rows(tops)
        t = data.total
        self.summary.setText(
            self.tr("ภาคเรียน %1 · อปท. %2 แห่ง · คัดกรอง %3 คน · รับรองแล้ว %4 คน · มีสิทธิ์ %5 คน · จ่ายแล้ว %6 คน %7 บาท")
            .replace("%1", data.term).replace("%2", f"{len(data.municipalities):,}").replace("%3", f"{t.screened:,}")
            .replace("%4", f"{t.certified:,}").replace("%5", f"{t.eligible:,}").replace("%6", f"{t.paid:,}")
            .replace("%7", f"{t.paid_amount:,}"))
        self.apply_search()

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
