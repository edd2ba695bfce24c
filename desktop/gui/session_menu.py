"""Who works in this window: แฟ้ม › ล็อกหน้าจอ and สลับผู้ใช้…, the signed-in user in the
status bar, and what the user may not use made unavailable (pages in the navigation,
menu entries). Hiding is for the clerk's sake only: the services refuse anyway."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from desktop.domain.roles import Action
from desktop.services.access import Actor

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

# the navigation's pages and the action each needs (pages not named: anyone signed in)
PAGE_NEEDS: dict[str, Action] = {
    "children": Action.REGISTRY_READ,
    "households": Action.REGISTRY_READ,
    "institutions": Action.REGISTRY_READ,
    "imports": Action.IMPORT,
    "office-settings": Action.SETTINGS_MANAGE,
    "users": Action.USERS_MANAGE,
}
# the main window's menu entries (ui names) and the action each needs
MENU_NEEDS: dict[str, Action] = {
    "importAction": Action.IMPORT,
    "exportAction": Action.EXPORT,
    "childrenListAction": Action.REPORT,
    "summaryAction": Action.REPORT,
    "demoAction": Action.DEMO,
    "officeAction": Action.SETTINGS_MANAGE,
}


def may(db: object, action: Action) -> bool:
    """Whether the user signed in on ``db`` may do ``action`` (for what a view loads at
    once: a user without the right sees the page empty instead of a refusal)."""
    actor = getattr(db, "actor", None)
    return isinstance(actor, Actor) and actor.may(action)


class SessionControls(QObject):
    lock_requested = Signal()
    switch_requested = Signal()

    def __init__(self, window: MainWindow, actor: Actor) -> None:
        super().__init__(window)
        self.setObjectName("sessionControls")
        self.window = window
        menu = window.ui.fileMenu
        self.lock_action = QAction(self.tr("ล็อกหน้าจอ"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.switch_action = QAction(self.tr("สลับผู้ใช้…"), window)
        self.switch_action.setObjectName("switchUserAction")
        self.password_action = QAction(self.tr("เปลี่ยนรหัสผ่านของฉัน…"), window)
        self.password_action.setObjectName("ownPasswordAction")
        self.password_action.triggered.connect(lambda _checked=False: self.change_password())
        before = window.ui.quitAction
        menu.insertAction(before, self.lock_action)
        menu.insertAction(before, self.switch_action)
        menu.insertAction(before, self.password_action)
        menu.insertSeparator(before)
        self.lock_action.triggered.connect(lambda _checked=False: self.lock_requested.emit())
        self.switch_action.triggered.connect(lambda _checked=False: self.switch_requested.emit())
        from desktop.gui.views.users_view import UsersView

        self.users_view = UsersView(window.ctx, window)  # ตั้งค่า › ผู้ใช้ (administrators)
        window.add_page("users", QCoreApplication.translate("MainWindow", "ตั้งค่า"),
                        self.tr("ผู้ใช้"), self.users_view)
        self.users_view.status_message.connect(window.show_message)
        self.user_label = QLabel(window)
        self.user_label.setObjectName("userLabel")
        window.ui.statusbar.addPermanentWidget(self.user_label)
        self.apply(actor)

    @staticmethod
    def of(window: QObject) -> SessionControls:
        found = window.findChild(SessionControls, "sessionControls")
        assert isinstance(found, SessionControls)
        return found

    def change_password(self) -> None:
        from desktop.gui.views.users_view import OwnPasswordDialog

        dialog = OwnPasswordDialog(self.window.ctx, self.actor.name, self.window)
        if dialog.exec() == OwnPasswordDialog.DialogCode.Accepted:
            self.window.show_message(self.tr("เปลี่ยนรหัสผ่านแล้ว"), None)

    def apply(self, actor: Actor) -> None:
        """Show who is signed in; make unavailable what they may not use, and leave a
        page they may not see for the home page."""
        window = self.window
        self.actor = actor
        who = f"{actor.full_name} ({actor.name})" if actor.full_name else actor.name
        self.user_label.setText(self.tr("ผู้ใช้: %1").replace("%1", who))
        for name, action in MENU_NEEDS.items():
            entry = getattr(window.ui, name, None)
            if isinstance(entry, QAction):
                entry.setEnabled(actor.may(action))
        tree = window.ui.navTree
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            if top is None:
                continue
            items = [top] + [top.child(j) for j in range(top.childCount())]
            for item in items:
                if item is None:
                    continue
                key = item.data(0, Qt.ItemDataRole.UserRole)
                need = PAGE_NEEDS.get(str(key)) if key else None
                if need is None:
                    continue
                flags = item.flags()
                allowed = actor.may(need)
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if allowed else flags & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(0, "" if allowed else self.tr("ผู้ใช้นี้ไม่มีสิทธิ์เปิดหน้านี้"))
        home = getattr(window, "home_view", None)
        for name in ("childrenButton", "householdsButton", "institutionsButton"):
            button = getattr(home.ui, name, None) if home is not None else None
            if button is not None:
                button.setEnabled(actor.may(Action.REGISTRY_READ))
        current = tree.currentItem()
        key = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        need = PAGE_NEEDS.get(str(key)) if key else None
        if need is not None and not actor.may(need):
            window.show_page("home")
