# generated from ui/household_picker.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_HouseholdPicker(object):
    def setupUi(self, HouseholdPicker):
        if not HouseholdPicker.objectName():
            HouseholdPicker.setObjectName(u"HouseholdPicker")
        HouseholdPicker.resize(860, 520)
        self.dialogLayout = QVBoxLayout(HouseholdPicker)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(HouseholdPicker)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.queryRow = QHBoxLayout()
        self.queryRow.setObjectName(u"queryRow")
        self.houseNoLabel = QLabel(HouseholdPicker)
        self.houseNoLabel.setObjectName(u"houseNoLabel")

        self.queryRow.addWidget(self.houseNoLabel)

        self.houseNoEdit = QLineEdit(HouseholdPicker)
        self.houseNoEdit.setObjectName(u"houseNoEdit")
        self.houseNoEdit.setClearButtonEnabled(True)

        self.queryRow.addWidget(self.houseNoEdit)

        self.villageLabel = QLabel(HouseholdPicker)
        self.villageLabel.setObjectName(u"villageLabel")

        self.queryRow.addWidget(self.villageLabel)

        self.villageEdit = QLineEdit(HouseholdPicker)
        self.villageEdit.setObjectName(u"villageEdit")
        self.villageEdit.setClearButtonEnabled(True)

        self.queryRow.addWidget(self.villageEdit)

        self.nameLabel = QLabel(HouseholdPicker)
        self.nameLabel.setObjectName(u"nameLabel")

        self.queryRow.addWidget(self.nameLabel)

        self.nameEdit = QLineEdit(HouseholdPicker)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setClearButtonEnabled(True)

        self.queryRow.addWidget(self.nameEdit)


        self.dialogLayout.addLayout(self.queryRow)

        self.resultsTable = QTableWidget(HouseholdPicker)
        if (self.resultsTable.columnCount() < 2):
            self.resultsTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.resultsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.resultsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setAlternatingRowColors(True)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setWordWrap(False)
        self.resultsTable.setColumnCount(2)

        self.dialogLayout.addWidget(self.resultsTable)

        self.countLabel = QLabel(HouseholdPicker)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.countLabel)

        self.buttonBox = QDialogButtonBox(HouseholdPicker)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.houseNoLabel.setBuddy(self.houseNoEdit)
        self.villageLabel.setBuddy(self.villageEdit)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.houseNoEdit, self.villageEdit)
        QWidget.setTabOrder(self.villageEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.resultsTable)

        self.retranslateUi(HouseholdPicker)

        QMetaObject.connectSlotsByName(HouseholdPicker)
    # setupUi

    def retranslateUi(self, HouseholdPicker):
        HouseholdPicker.setWindowTitle(QCoreApplication.translate("HouseholdPicker", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e21\u0e35\u0e2d\u0e22\u0e39\u0e48", None))
        self.introLabel.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e14\u0e49\u0e27\u0e22\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48 \u0e2b\u0e21\u0e39\u0e48\u0e17\u0e35\u0e48 (\u0e40\u0e0a\u0e48\u0e19 4 \u0e2b\u0e23\u0e37\u0e2d \u0e21.4) \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e02\u0e2d\u0e07\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01\u0e43\u0e19\u0e1a\u0e49\u0e32\u0e19 (\u0e40\u0e14\u0e47\u0e01\u0e2b\u0e23\u0e37\u0e2d\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07) \u0e01\u0e23\u0e2d\u0e01\u0e0a\u0e48\u0e2d\u0e07\u0e43\u0e14\u0e01\u0e47\u0e44\u0e14\u0e49", None))
        self.houseNoLabel.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48", None))
        self.houseNoEdit.setPlaceholderText(QCoreApplication.translate("HouseholdPicker", u"\u0e40\u0e0a\u0e48\u0e19 12/3", None))
        self.villageLabel.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e2b\u0e21\u0e39\u0e48\u0e17\u0e35\u0e48/\u0e2b\u0e21\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19", None))
        self.villageEdit.setPlaceholderText(QCoreApplication.translate("HouseholdPicker", u"\u0e40\u0e0a\u0e48\u0e19 4, \u0e21.4 \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e21\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19", None))
        self.nameLabel.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e0a\u0e37\u0e48\u0e2d\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("HouseholdPicker", u"\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e23\u0e37\u0e2d\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25", None))
        ___qtablewidgetitem = self.resultsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48", None))
        ___qtablewidgetitem1 = self.resultsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdPicker", u"\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01", None))
        self.countLabel.setText("")
    # retranslateUi
