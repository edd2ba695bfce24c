# generated from ui/institutions_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_InstitutionsView(object):
    def setupUi(self, InstitutionsView):
        if not InstitutionsView.objectName():
            InstitutionsView.setObjectName(u"InstitutionsView")
        InstitutionsView.resize(1100, 700)
        self.mainLayout = QVBoxLayout(InstitutionsView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(InstitutionsView)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.titleRow.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.addButton = QPushButton(InstitutionsView)
        self.addButton.setObjectName(u"addButton")

        self.titleRow.addWidget(self.addButton)

        self.editButton = QPushButton(InstitutionsView)
        self.editButton.setObjectName(u"editButton")

        self.titleRow.addWidget(self.editButton)

        self.deleteButton = QPushButton(InstitutionsView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.titleRow.addWidget(self.deleteButton)

        self.exportButton = QPushButton(InstitutionsView)
        self.exportButton.setObjectName(u"exportButton")

        self.titleRow.addWidget(self.exportButton)

        self.printButton = QPushButton(InstitutionsView)
        self.printButton.setObjectName(u"printButton")

        self.titleRow.addWidget(self.printButton)


        self.mainLayout.addLayout(self.titleRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.filterEdit = QLineEdit(InstitutionsView)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.filterEdit)

        self.deletedCheck = QCheckBox(InstitutionsView)
        self.deletedCheck.setObjectName(u"deletedCheck")

        self.filterRow.addWidget(self.deletedCheck)

        self.countLabel = QLabel(InstitutionsView)
        self.countLabel.setObjectName(u"countLabel")

        self.filterRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.filterRow)

        self.table = QTableView(InstitutionsView)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        QWidget.setTabOrder(self.filterEdit, self.deletedCheck)
        QWidget.setTabOrder(self.deletedCheck, self.table)
        QWidget.setTabOrder(self.table, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)

        self.retranslateUi(InstitutionsView)

        QMetaObject.connectSlotsByName(InstitutionsView)
    # setupUi

    def retranslateUi(self, InstitutionsView):
        InstitutionsView.setWindowTitle(QCoreApplication.translate("InstitutionsView", u"\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.titleLabel.setText(QCoreApplication.translate("InstitutionsView", u"\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.addButton.setText(QCoreApplication.translate("InstitutionsView", u"\u0e40\u0e1e\u0e34\u0e48\u0e21", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e43\u0e2b\u0e21\u0e48 (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("InstitutionsView", u"\u0e41\u0e01\u0e49\u0e44\u0e02", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e41\u0e01\u0e49\u0e44\u0e02\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (Enter \u0e2b\u0e23\u0e37\u0e2d\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("InstitutionsView", u"\u0e25\u0e1a", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e25\u0e1a\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (Delete) \u0e01\u0e39\u0e49\u0e04\u0e37\u0e19\u0e44\u0e14\u0e49\u0e20\u0e32\u0e22\u0e2b\u0e25\u0e31\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("InstitutionsView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e40\u0e1b\u0e47\u0e19 Excel \u0e2b\u0e23\u0e37\u0e2d CSV", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("InstitutionsView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c/PDF", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e1e\u0e23\u0e49\u0e2d\u0e21\u0e08\u0e33\u0e19\u0e27\u0e19\u0e40\u0e14\u0e47\u0e01 (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("InstitutionsView", u"\u0e01\u0e23\u0e2d\u0e07\u0e15\u0e32\u0e21\u0e0a\u0e37\u0e48\u0e2d \u0e23\u0e2b\u0e31\u0e2a \u0e2b\u0e23\u0e37\u0e2d\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u2026", None))
        self.deletedCheck.setText(QCoreApplication.translate("InstitutionsView", u"\u0e41\u0e2a\u0e14\u0e07\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e41\u0e25\u0e49\u0e27", None))
#if QT_CONFIG(tooltip)
        self.deletedCheck.setToolTip(QCoreApplication.translate("InstitutionsView", u"\u0e41\u0e2a\u0e14\u0e07\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e17\u0e35\u0e48\u0e25\u0e1a\u0e41\u0e25\u0e49\u0e27 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e01\u0e39\u0e49\u0e04\u0e37\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
    # retranslateUi
