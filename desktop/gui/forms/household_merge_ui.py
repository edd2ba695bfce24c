# generated from ui/household_merge.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_HouseholdMerge(object):
    def setupUi(self, HouseholdMerge):
        if not HouseholdMerge.objectName():
            HouseholdMerge.setObjectName(u"HouseholdMerge")
        HouseholdMerge.resize(900, 680)
        self.dialogLayout = QVBoxLayout(HouseholdMerge)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.summaryLabel = QLabel(HouseholdMerge)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.sidesRow = QHBoxLayout()
        self.sidesRow.setObjectName(u"sidesRow")
        self.keepGroup = QGroupBox(HouseholdMerge)
        self.keepGroup.setObjectName(u"keepGroup")
        self.keepLayout = QVBoxLayout(self.keepGroup)
        self.keepLayout.setObjectName(u"keepLayout")
        self.keepLabel = QLabel(self.keepGroup)
        self.keepLabel.setObjectName(u"keepLabel")
        self.keepLabel.setWordWrap(True)
        self.keepLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.keepLayout.addWidget(self.keepLabel)


        self.sidesRow.addWidget(self.keepGroup)

        self.dropGroup = QGroupBox(HouseholdMerge)
        self.dropGroup.setObjectName(u"dropGroup")
        self.dropLayout = QVBoxLayout(self.dropGroup)
        self.dropLayout.setObjectName(u"dropLayout")
        self.dropLabel = QLabel(self.dropGroup)
        self.dropLabel.setObjectName(u"dropLabel")
        self.dropLabel.setWordWrap(True)
        self.dropLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dropLayout.addWidget(self.dropLabel)


        self.sidesRow.addWidget(self.dropGroup)


        self.dialogLayout.addLayout(self.sidesRow)

        self.swapRow = QHBoxLayout()
        self.swapRow.setObjectName(u"swapRow")
        self.swapButton = QPushButton(HouseholdMerge)
        self.swapButton.setObjectName(u"swapButton")

        self.swapRow.addWidget(self.swapButton)

        self.swapSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.swapRow.addItem(self.swapSpacer)


        self.dialogLayout.addLayout(self.swapRow)

        self.fieldsTable = QTableWidget(HouseholdMerge)
        if (self.fieldsTable.columnCount() < 4):
            self.fieldsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.fieldsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.fieldsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.fieldsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.fieldsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.fieldsTable.setObjectName(u"fieldsTable")
        self.fieldsTable.setAlternatingRowColors(True)
        self.fieldsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fieldsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fieldsTable.setWordWrap(False)
        self.fieldsTable.setColumnCount(4)

        self.dialogLayout.addWidget(self.fieldsTable)

        self.conflictLabel = QLabel(HouseholdMerge)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setWordWrap(True)
        self.conflictLabel.setStyleSheet(u"color: #8a5300; background: #fff4d6; padding: 4px;")

        self.dialogLayout.addWidget(self.conflictLabel)

        self.errorLabel = QLabel(HouseholdMerge)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(HouseholdMerge)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.swapButton, self.fieldsTable)

        self.retranslateUi(HouseholdMerge)

        QMetaObject.connectSlotsByName(HouseholdMerge)
    # setupUi

    def retranslateUi(self, HouseholdMerge):
        HouseholdMerge.setWindowTitle(QCoreApplication.translate("HouseholdMerge", u"\u0e23\u0e27\u0e21\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19", None))
        self.summaryLabel.setText("")
        self.keepGroup.setTitle(QCoreApplication.translate("HouseholdMerge", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e40\u0e01\u0e47\u0e1a\u0e44\u0e27\u0e49", None))
        self.keepLabel.setText("")
        self.dropGroup.setTitle(QCoreApplication.translate("HouseholdMerge", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e08\u0e30\u0e23\u0e27\u0e21\u0e40\u0e02\u0e49\u0e32\u0e21\u0e32 (\u0e41\u0e25\u0e49\u0e27\u0e25\u0e1a)", None))
        self.dropLabel.setText("")
        self.swapButton.setText(QCoreApplication.translate("HouseholdMerge", u"\u0e2a\u0e25\u0e31\u0e1a: \u0e40\u0e01\u0e47\u0e1a\u0e2d\u0e35\u0e01\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e2b\u0e19\u0e36\u0e48\u0e07\u0e44\u0e27\u0e49\u0e41\u0e17\u0e19", None))
#if QT_CONFIG(tooltip)
        self.swapButton.setToolTip(QCoreApplication.translate("HouseholdMerge", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e27\u0e48\u0e32\u0e08\u0e30\u0e40\u0e01\u0e47\u0e1a\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u0e02\u0e2d\u0e07\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e43\u0e14\u0e44\u0e27\u0e49 (Ctrl+R)", None))
#endif // QT_CONFIG(tooltip)
        ___qtablewidgetitem = self.fieldsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdMerge", u"\u0e0a\u0e48\u0e2d\u0e07", None))
        ___qtablewidgetitem1 = self.fieldsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdMerge", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e40\u0e01\u0e47\u0e1a\u0e44\u0e27\u0e49", None))
        ___qtablewidgetitem2 = self.fieldsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HouseholdMerge", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e23\u0e27\u0e21\u0e40\u0e02\u0e49\u0e32\u0e21\u0e32", None))
        ___qtablewidgetitem3 = self.fieldsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HouseholdMerge", u"\u0e2b\u0e25\u0e31\u0e07\u0e23\u0e27\u0e21", None))
        self.conflictLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi
