# generated from ui/import_history_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportHistoryView(object):
    def setupUi(self, ImportHistoryView):
        if not ImportHistoryView.objectName():
            ImportHistoryView.setObjectName(u"ImportHistoryView")
        ImportHistoryView.resize(900, 500)
        self.mainLayout = QVBoxLayout(ImportHistoryView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(ImportHistoryView)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.titleRow.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.importButton = QPushButton(ImportHistoryView)
        self.importButton.setObjectName(u"importButton")

        self.titleRow.addWidget(self.importButton)

        self.exportButton = QPushButton(ImportHistoryView)
        self.exportButton.setObjectName(u"exportButton")

        self.titleRow.addWidget(self.exportButton)

        self.printButton = QPushButton(ImportHistoryView)
        self.printButton.setObjectName(u"printButton")

        self.titleRow.addWidget(self.printButton)

        self.undoButton = QPushButton(ImportHistoryView)
        self.undoButton.setObjectName(u"undoButton")

        self.titleRow.addWidget(self.undoButton)


        self.mainLayout.addLayout(self.titleRow)

        self.table = QTableWidget(ImportHistoryView)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)

        self.mainLayout.addWidget(self.table)

        self.hintLabel = QLabel(ImportHistoryView)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #555;")

        self.mainLayout.addWidget(self.hintLabel)


        self.retranslateUi(ImportHistoryView)

        QMetaObject.connectSlotsByName(ImportHistoryView)
    # setupUi

    def retranslateUi(self, ImportHistoryView):
        ImportHistoryView.setWindowTitle(QCoreApplication.translate("ImportHistoryView", u"\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32", None))
        self.titleLabel.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32", None))
        self.importButton.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ImportHistoryView", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c Excel \u0e2b\u0e23\u0e37\u0e2d CSV (Ctrl+I)", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ImportHistoryView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e40\u0e1b\u0e47\u0e19 Excel \u0e2b\u0e23\u0e37\u0e2d CSV", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c/PDF", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ImportHistoryView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32 (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.undoButton.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e22\u0e01\u0e40\u0e25\u0e34\u0e01\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e0a\u0e38\u0e14\u0e19\u0e35\u0e49\u2026", None))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("ImportHistoryView", u"\u0e25\u0e1a\u0e40\u0e14\u0e47\u0e01\u0e17\u0e38\u0e01\u0e04\u0e19\u0e17\u0e35\u0e48\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e21\u0e32\u0e01\u0e31\u0e1a\u0e44\u0e1f\u0e25\u0e4c\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e44\u0e14\u0e49\u0e08\u0e32\u0e01\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e41\u0e25\u0e49\u0e27)", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("ImportHistoryView", u"\u0e01\u0e32\u0e23\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e41\u0e15\u0e48\u0e25\u0e30\u0e04\u0e23\u0e31\u0e49\u0e07\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e19\u0e36\u0e48\u0e07\u0e0a\u0e38\u0e14 \u0e22\u0e01\u0e40\u0e25\u0e34\u0e01\u0e17\u0e31\u0e49\u0e07\u0e0a\u0e38\u0e14\u0e44\u0e14\u0e49\u0e2b\u0e32\u0e01\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e44\u0e1f\u0e25\u0e4c\u0e1c\u0e34\u0e14", None))
    # retranslateUi
