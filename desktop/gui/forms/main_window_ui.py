# generated from ui/main_window.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QMainWindow,
    QMenu, QMenuBar, QSizePolicy, QStackedWidget,
    QStatusBar, QTreeWidget, QTreeWidgetItem, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 760)
        self.importAction = QAction(MainWindow)
        self.importAction.setObjectName(u"importAction")
        self.exportAction = QAction(MainWindow)
        self.exportAction.setObjectName(u"exportAction")
        self.childrenListAction = QAction(MainWindow)
        self.childrenListAction.setObjectName(u"childrenListAction")
        self.summaryAction = QAction(MainWindow)
        self.summaryAction.setObjectName(u"summaryAction")
        self.demoAction = QAction(MainWindow)
        self.demoAction.setObjectName(u"demoAction")
        self.checkAction = QAction(MainWindow)
        self.checkAction.setObjectName(u"checkAction")
        self.quitAction = QAction(MainWindow)
        self.quitAction.setObjectName(u"quitAction")
        self.thaiAction = QAction(MainWindow)
        self.thaiAction.setObjectName(u"thaiAction")
        self.thaiAction.setCheckable(True)
        self.thaiAction.setText(u"\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22")
        self.englishAction = QAction(MainWindow)
        self.englishAction.setObjectName(u"englishAction")
        self.englishAction.setCheckable(True)
        self.englishAction.setText(u"English")
        self.aboutAction = QAction(MainWindow)
        self.aboutAction.setObjectName(u"aboutAction")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navTree = QTreeWidget(self.central)
        self.navTree.setObjectName(u"navTree")
        self.navTree.setMinimumSize(QSize(190, 0))
        self.navTree.setMaximumSize(QSize(240, 16777215))
        self.navTree.setHeaderHidden(True)
        self.navTree.setRootIsDecorated(False)
        self.navTree.setIndentation(14)
        self.navTree.setStyleSheet(u"QTreeWidget { background: #f3f6f9; border: none; border-right: 1px solid #d5dde5; padding-top: 6px; } QTreeWidget::item { padding: 5px 4px; } QTreeWidget::item:selected { background: #d6e6f5; color: #102a43; }")

        self.centralLayout.addWidget(self.navTree)

        self.stack = QStackedWidget(self.central)
        self.stack.setObjectName(u"stack")

        self.centralLayout.addWidget(self.stack)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.fileMenu = QMenu(self.menubar)
        self.fileMenu.setObjectName(u"fileMenu")
        self.reportsMenu = QMenu(self.menubar)
        self.reportsMenu.setObjectName(u"reportsMenu")
        self.viewMenu = QMenu(self.menubar)
        self.viewMenu.setObjectName(u"viewMenu")
        self.helpMenu = QMenu(self.menubar)
        self.helpMenu.setObjectName(u"helpMenu")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.fileMenu.menuAction())
        self.menubar.addAction(self.reportsMenu.menuAction())
        self.menubar.addAction(self.viewMenu.menuAction())
        self.menubar.addAction(self.helpMenu.menuAction())
        self.fileMenu.addAction(self.importAction)
        self.fileMenu.addAction(self.exportAction)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.demoAction)
        self.fileMenu.addAction(self.checkAction)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.quitAction)
        self.reportsMenu.addAction(self.childrenListAction)
        self.reportsMenu.addAction(self.summaryAction)
        self.viewMenu.addAction(self.thaiAction)
        self.viewMenu.addAction(self.englishAction)
        self.helpMenu.addAction(self.aboutAction)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Samoe \u2014 \u0e17\u0e30\u0e40\u0e1a\u0e35\u0e22\u0e19\u0e40\u0e14\u0e47\u0e01\u0e41\u0e25\u0e30\u0e04\u0e27\u0e32\u0e21\u0e40\u0e2a\u0e21\u0e2d\u0e20\u0e32\u0e04\u0e17\u0e32\u0e07\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.importAction.setText(QCoreApplication.translate("MainWindow", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e08\u0e32\u0e01 Excel/CSV\u2026", None))
#if QT_CONFIG(shortcut)
        self.importAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+I", None))
#endif // QT_CONFIG(shortcut)
        self.exportAction.setText(QCoreApplication.translate("MainWindow", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e40\u0e1b\u0e47\u0e19 Excel/CSV\u2026", None))
#if QT_CONFIG(shortcut)
        self.exportAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.childrenListAction.setText(QCoreApplication.translate("MainWindow", u"\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e15\u0e32\u0e21\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e41\u0e25\u0e30\u0e0a\u0e31\u0e49\u0e19\u2026", None))
        self.summaryAction.setText(QCoreApplication.translate("MainWindow", u"\u0e2a\u0e23\u0e38\u0e1b\u0e17\u0e30\u0e40\u0e1a\u0e35\u0e22\u0e19\u0e40\u0e14\u0e47\u0e01\u2026", None))
        self.demoAction.setText(QCoreApplication.translate("MainWindow", u"\u0e40\u0e15\u0e34\u0e21\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07\u2026", None))
        self.checkAction.setText(QCoreApplication.translate("MainWindow", u"\u0e15\u0e23\u0e27\u0e08\u0e04\u0e27\u0e32\u0e21\u0e16\u0e39\u0e01\u0e15\u0e49\u0e2d\u0e07\u0e02\u0e2d\u0e07\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25", None))
        self.quitAction.setText(QCoreApplication.translate("MainWindow", u"\u0e2d\u0e2d\u0e01\u0e08\u0e32\u0e01\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21", None))
#if QT_CONFIG(shortcut)
        self.quitAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.aboutAction.setText(QCoreApplication.translate("MainWindow", u"\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e01\u0e31\u0e1a Samoe", None))
        ___qtreewidgetitem = self.navTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("MainWindow", u"\u0e40\u0e21\u0e19\u0e39", None))
        self.fileMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u0e41\u0e1f\u0e49\u0e21", None))
        self.reportsMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19", None))
        self.viewMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u0e21\u0e38\u0e21\u0e21\u0e2d\u0e07", None))
        self.helpMenu.setTitle(QCoreApplication.translate("MainWindow", u"\u0e0a\u0e48\u0e27\u0e22\u0e40\u0e2b\u0e25\u0e37\u0e2d", None))
    # retranslateUi
