"""The province's mode of the main window (issue 10): on a database whose office is a
province, a จังหวัด section right under the home page (the municipalities and their chains;
one child from two municipalities) and none of the municipality's own work that makes no
sense there (the spreadsheet import and its history: a province's records come in bundles).
A municipality's database never shows the section. Checked again whenever the office may
have changed (the window's title is refreshed then)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTreeWidgetItem

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow
    from desktop.gui.views.province_cases import ProvinceCasesView
    from desktop.gui.views.province_centres import ProvinceCentresView
    from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView
    from desktop.gui.views.province_reconcile import ProvinceReconcileView
    from desktop.gui.views.province_screening import ProvinceScreeningView

PROVINCE_PAGES = ("province-municipalities", "province-reconcile", "province-screening", "province-centres",
                  "province-cases")
# spreadsheet imports: a municipality's way in; the screening form: a school's work (the
# province sees screenings in the bundles, later); the grant rounds: paid by the municipality
MUNICIPAL_PAGES = ("imports", "screenings", "grant-rounds", "centre-attendance")  # a centre's day: the municipality's


class ProvinceMode(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("provinceMode")
        self.window = window
        self.on = False
        self.municipalities: ProvinceMunicipalitiesView | None = None
        self.reconcile: ProvinceReconcileView | None = None
        self.screening: ProvinceScreeningView | None = None
        self.centres: ProvinceCentresView | None = None
        self.cases: ProvinceCasesView | None = None

    def _install(self) -> None:
        from desktop.gui.views.province_cases import ProvinceCasesView
        from desktop.gui.views.province_centres import ProvinceCentresView
        from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView
        from desktop.gui.views.province_reconcile import ProvinceReconcileView
        from desktop.gui.views.province_screening import ProvinceScreeningView

        window = self.window
        section = self.tr("จังหวัด")
        self.municipalities = ProvinceMunicipalitiesView(window.ctx, window)
        self.reconcile = ProvinceReconcileView(window.ctx, window)
        window.add_page("province-municipalities", section, self.tr("อปท. ที่ส่งข้อมูล"), self.municipalities)
        window.add_page("province-reconcile", section, self.tr("เด็กเลขซ้ำข้าม อปท."), self.reconcile)
        self.screening = ProvinceScreeningView(window.ctx, window)
        window.add_page("province-screening", section, self.tr("คัดกรองและทุนราย อปท."), self.screening)
        self.centres = ProvinceCentresView(window.ctx, window)
        window.add_page("province-centres", section, self.tr("ศูนย์พัฒนาเด็กเล็กราย อปท."), self.centres)
        self.cases = ProvinceCasesView(window.ctx, window)
        window.add_page("province-cases", section, self.tr("กรณีเด็กนอกระบบราย อปท."), self.cases)
        for view in (self.municipalities, self.reconcile, self.screening, self.centres, self.cases):
            view.status_message.connect(window.show_message)
        self.reconcile.changed.connect(window.children_view.refresh)
        tree = window.ui.navTree
        top = self._item("province-municipalities")
        parent = top.parent() if top is not None else None
        if parent is not None:  # right under the home page
            taken = tree.takeTopLevelItem(tree.indexOfTopLevelItem(parent))
            if taken is not None:
                tree.insertTopLevelItem(1, taken)
                taken.setExpanded(True)

    def _item(self, key: str) -> QTreeWidgetItem | None:
        tree = self.window.ui.navTree
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            if top is None:
                continue
            if top.data(0, Qt.ItemDataRole.UserRole) == key:
                return top
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == key:
                    return child
        return None

    def apply(self, office: Any) -> None:
        """Show the province's pages on a province's database, hide the municipality's own."""
        on = office is not None and getattr(office, "role", "") == "province"
        if on and self.municipalities is None:
            self._install()
        self.on = on
        for key in PROVINCE_PAGES:
            item = self._item(key)
            if item is not None:
                item.setHidden(not on)
                parent = item.parent()
                if parent is not None:
                    parent.setHidden(not on)
        for key in MUNICIPAL_PAGES:
            item = self._item(key)
            if item is not None:
                item.setHidden(on)
                parent = item.parent()
                if parent is not None and key in ("screenings", "grant-rounds", "centre-attendance"):  # their sections hold them alone
                    parent.setHidden(on)
        self.window.ui.importAction.setVisible(not on)
        current = self.window.ui.navTree.currentItem()
        if current is not None and current.isHidden():
            self.window.show_page("home")
