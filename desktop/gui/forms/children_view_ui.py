# generated from ui/children_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_ChildrenView(object):
    def setupUi(self, ChildrenView):
        if not ChildrenView.objectName():
            ChildrenView.setObjectName(u"ChildrenView")
        ChildrenView.resize(1000, 640)
        self.mainLayout = QVBoxLayout(ChildrenView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(ChildrenView)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.titleRow.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.newButton = QPushButton(ChildrenView)
        self.newButton.setObjectName(u"newButton")

        self.titleRow.addWidget(self.newButton)

        self.openButton = QPushButton(ChildrenView)
        self.openButton.setObjectName(u"openButton")

        self.titleRow.addWidget(self.openButton)

        self.deleteButton = QPushButton(ChildrenView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.titleRow.addWidget(self.deleteButton)

        self.importButton = QPushButton(ChildrenView)
        self.importButton.setObjectName(u"importButton")

        self.titleRow.addWidget(self.importButton)

        self.exportButton = QPushButton(ChildrenView)
        self.exportButton.setObjectName(u"exportButton")

        self.titleRow.addWidget(self.exportButton)

        self.printButton = QToolButton(ChildrenView)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.printButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.titleRow.addWidget(self.printButton)


        self.mainLayout.addLayout(self.titleRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.searchEdit = QLineEdit(ChildrenView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.searchEdit)

        self.institutionCombo = QComboBox(ChildrenView)
        self.institutionCombo.setObjectName(u"institutionCombo")
        self.institutionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterRow.addWidget(self.institutionCombo)

        self.yearCombo = QComboBox(ChildrenView)
        self.yearCombo.setObjectName(u"yearCombo")

        self.filterRow.addWidget(self.yearCombo)

        self.levelCombo = QComboBox(ChildrenView)
        self.levelCombo.setObjectName(u"levelCombo")

        self.filterRow.addWidget(self.levelCombo)

        self.deletedCheck = QCheckBox(ChildrenView)
        self.deletedCheck.setObjectName(u"deletedCheck")

        self.filterRow.addWidget(self.deletedCheck)


        self.mainLayout.addLayout(self.filterRow)

        self.table = QTableView(ChildrenView)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.countLabel = QLabel(ChildrenView)
        self.countLabel.setObjectName(u"countLabel")

        self.mainLayout.addWidget(self.countLabel)


        self.retranslateUi(ChildrenView)

        QMetaObject.connectSlotsByName(ChildrenView)
    # setupUi

    def retranslateUi(self, ChildrenView):
        ChildrenView.setWindowTitle(QCoreApplication.translate("ChildrenView", u"\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01", None))
        self.titleLabel.setText(QCoreApplication.translate("ChildrenView", u"\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01", None))
        self.newButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e40\u0e14\u0e47\u0e01", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e40\u0e14\u0e47\u0e01\u0e04\u0e19\u0e43\u0e2b\u0e21\u0e48 (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e40\u0e1b\u0e34\u0e14/\u0e41\u0e01\u0e49\u0e44\u0e02", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e40\u0e1b\u0e34\u0e14\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e40\u0e14\u0e47\u0e01\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e25\u0e1a", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e25\u0e1a\u0e40\u0e14\u0e47\u0e01\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (Delete) \u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e44\u0e14\u0e49\u0e20\u0e32\u0e22\u0e2b\u0e25\u0e31\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e08\u0e32\u0e01\u0e44\u0e1f\u0e25\u0e4c Excel \u0e2b\u0e23\u0e37\u0e2d CSV", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e15\u0e32\u0e21\u0e15\u0e31\u0e27\u0e01\u0e23\u0e2d\u0e07\u0e40\u0e1b\u0e47\u0e19 Excel \u0e2b\u0e23\u0e37\u0e2d CSV", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ChildrenView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c/PDF", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e15\u0e32\u0e21\u0e15\u0e31\u0e27\u0e01\u0e23\u0e2d\u0e07 \u0e2b\u0e23\u0e37\u0e2d\u0e1b\u0e23\u0e30\u0e27\u0e31\u0e15\u0e34\u0e40\u0e14\u0e47\u0e01\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ChildrenView", u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e0a\u0e37\u0e48\u0e2d \u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25 \u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19 \u0e2b\u0e23\u0e37\u0e2d\u0e23\u0e2b\u0e31\u0e2a G\u2026 (Ctrl+F)", None))
#if QT_CONFIG(tooltip)
        self.institutionCombo.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e01\u0e23\u0e2d\u0e07\u0e15\u0e32\u0e21\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e01\u0e23\u0e2d\u0e07\u0e15\u0e32\u0e21\u0e1b\u0e35\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.levelCombo.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e01\u0e23\u0e2d\u0e07\u0e15\u0e32\u0e21\u0e0a\u0e31\u0e49\u0e19\u0e40\u0e23\u0e35\u0e22\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.deletedCheck.setText(QCoreApplication.translate("ChildrenView", u"\u0e41\u0e2a\u0e14\u0e07\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e41\u0e25\u0e49\u0e27", None))
#if QT_CONFIG(tooltip)
        self.deletedCheck.setToolTip(QCoreApplication.translate("ChildrenView", u"\u0e41\u0e2a\u0e14\u0e07\u0e40\u0e14\u0e47\u0e01\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e44\u0e1b\u0e41\u0e25\u0e49\u0e27 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
    # retranslateUi
