# generated from ui/import_dialog.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QStackedWidget, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(940, 640)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stepLabel = QLabel(ImportDialog)
        self.stepLabel.setObjectName(u"stepLabel")
        self.stepLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.mainLayout.addWidget(self.stepLabel)

        self.stack = QStackedWidget(ImportDialog)
        self.stack.setObjectName(u"stack")
        self.filePage = QWidget()
        self.filePage.setObjectName(u"filePage")
        self.fileLayout = QVBoxLayout(self.filePage)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileForm = QFormLayout()
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fileLabel = QLabel(self.filePage)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(self.filePage)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.filePage)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)


        self.fileForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.sheetLabel = QLabel(self.filePage)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetCombo = QComboBox(self.filePage)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sheetCombo)

        self.headerRowLabel = QLabel(self.filePage)
        self.headerRowLabel.setObjectName(u"headerRowLabel")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.headerRowLabel)

        self.headerRowSpin = QSpinBox(self.filePage)
        self.headerRowSpin.setObjectName(u"headerRowSpin")
        self.headerRowSpin.setMinimum(1)
        self.headerRowSpin.setMaximum(1048576)
        self.headerRowSpin.setKeyboardTracking(False)

        self.fileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.headerRowSpin)


        self.fileLayout.addLayout(self.fileForm)

        self.fileInfoLabel = QLabel(self.filePage)
        self.fileInfoLabel.setObjectName(u"fileInfoLabel")
        self.fileInfoLabel.setWordWrap(True)

        self.fileLayout.addWidget(self.fileInfoLabel)

        self.notesLabel = QLabel(self.filePage)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)
        self.notesLabel.setStyleSheet(u"color: #8a5a00;")

        self.fileLayout.addWidget(self.notesLabel)

        self.previewTable = QTableWidget(self.filePage)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.fileLayout.addWidget(self.previewTable)

        self.fileHint = QLabel(self.filePage)
        self.fileHint.setObjectName(u"fileHint")
        self.fileHint.setWordWrap(True)
        self.fileHint.setStyleSheet(u"color: #555;")

        self.fileLayout.addWidget(self.fileHint)

        self.stack.addWidget(self.filePage)
        self.mappingPage = QWidget()
        self.mappingPage.setObjectName(u"mappingPage")
        self.mappingLayout = QVBoxLayout(self.mappingPage)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingHint = QLabel(self.mappingPage)
        self.mappingHint.setObjectName(u"mappingHint")
        self.mappingHint.setWordWrap(True)

        self.mappingLayout.addWidget(self.mappingHint)

        self.mappingTable = QTableWidget(self.mappingPage)
        if (self.mappingTable.columnCount() < 3):
            self.mappingTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setColumnCount(3)
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mappingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mappingLayout.addWidget(self.mappingTable)

        self.wholeFileBox = QGroupBox(self.mappingPage)
        self.wholeFileBox.setObjectName(u"wholeFileBox")
        self.wholeFileGrid = QGridLayout(self.wholeFileBox)
        self.wholeFileGrid.setObjectName(u"wholeFileGrid")
        self.institutionLabel = QLabel(self.wholeFileBox)
        self.institutionLabel.setObjectName(u"institutionLabel")

        self.wholeFileGrid.addWidget(self.institutionLabel, 0, 0, 1, 1)

        self.institutionCombo = QComboBox(self.wholeFileBox)
        self.institutionCombo.setObjectName(u"institutionCombo")
        self.institutionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.institutionCombo.setMinimumContentsLength(20)

        self.wholeFileGrid.addWidget(self.institutionCombo, 0, 1, 1, 3)

        self.yearLabel = QLabel(self.wholeFileBox)
        self.yearLabel.setObjectName(u"yearLabel")

        self.wholeFileGrid.addWidget(self.yearLabel, 0, 4, 1, 1)

        self.yearSpin = QSpinBox(self.wholeFileBox)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2500)
        self.yearSpin.setMaximum(2700)

        self.wholeFileGrid.addWidget(self.yearSpin, 0, 5, 1, 1)

        self.levelLabel = QLabel(self.wholeFileBox)
        self.levelLabel.setObjectName(u"levelLabel")

        self.wholeFileGrid.addWidget(self.levelLabel, 1, 0, 1, 1)

        self.levelCombo = QComboBox(self.wholeFileBox)
        self.levelCombo.setObjectName(u"levelCombo")

        self.wholeFileGrid.addWidget(self.levelCombo, 1, 1, 1, 1)

        self.roomLabel = QLabel(self.wholeFileBox)
        self.roomLabel.setObjectName(u"roomLabel")

        self.wholeFileGrid.addWidget(self.roomLabel, 1, 2, 1, 1)

        self.roomEdit = QLineEdit(self.wholeFileBox)
        self.roomEdit.setObjectName(u"roomEdit")
        self.roomEdit.setMaxLength(20)

        self.wholeFileGrid.addWidget(self.roomEdit, 1, 3, 1, 1)

        self.relationLabel = QLabel(self.wholeFileBox)
        self.relationLabel.setObjectName(u"relationLabel")

        self.wholeFileGrid.addWidget(self.relationLabel, 1, 4, 1, 1)

        self.relationCombo = QComboBox(self.wholeFileBox)
        self.relationCombo.setObjectName(u"relationCombo")
        self.relationCombo.setEditable(True)

        self.wholeFileGrid.addWidget(self.relationCombo, 1, 5, 1, 1)

        self.wholeFileGrid.setColumnStretch(1, 3)
        self.wholeFileGrid.setColumnStretch(3, 1)
        self.wholeFileGrid.setColumnStretch(5, 2)

        self.mappingLayout.addWidget(self.wholeFileBox)

        self.missingLabel = QLabel(self.mappingPage)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setStyleSheet(u"color: #b00020;")

        self.mappingLayout.addWidget(self.missingLabel)

        self.stack.addWidget(self.mappingPage)
        self.previewPage = QWidget()
        self.previewPage.setObjectName(u"previewPage")
        self.previewLayout = QVBoxLayout(self.previewPage)
        self.previewLayout.setObjectName(u"previewLayout")
        self.summaryLabel = QLabel(self.previewPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.summaryLabel)

        self.problemFilterRow = QHBoxLayout()
        self.problemFilterRow.setObjectName(u"problemFilterRow")
        self.problemFilter = QLineEdit(self.previewPage)
        self.problemFilter.setObjectName(u"problemFilter")
        self.problemFilter.setClearButtonEnabled(True)

        self.problemFilterRow.addWidget(self.problemFilter)

        self.errorsOnlyCheck = QCheckBox(self.previewPage)
        self.errorsOnlyCheck.setObjectName(u"errorsOnlyCheck")

        self.problemFilterRow.addWidget(self.errorsOnlyCheck)

        self.errorReportButton = QPushButton(self.previewPage)
        self.errorReportButton.setObjectName(u"errorReportButton")

        self.problemFilterRow.addWidget(self.errorReportButton)


        self.previewLayout.addLayout(self.problemFilterRow)

        self.problemTable = QTableView(self.previewPage)
        self.problemTable.setObjectName(u"problemTable")
        self.problemTable.setAlternatingRowColors(True)
        self.problemTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemTable.setSortingEnabled(True)
        self.problemTable.setWordWrap(True)

        self.previewLayout.addWidget(self.problemTable)

        self.stack.addWidget(self.previewPage)

        self.mainLayout.addWidget(self.stack)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.busyLabel = QLabel(ImportDialog)
        self.busyLabel.setObjectName(u"busyLabel")

        self.buttonRow.addWidget(self.busyLabel)

        self.progressBar = QProgressBar(ImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximumSize(QSize(260, 16777215))
        self.progressBar.setTextVisible(False)

        self.buttonRow.addWidget(self.progressBar)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.backButton = QPushButton(ImportDialog)
        self.backButton.setObjectName(u"backButton")

        self.buttonRow.addWidget(self.backButton)

        self.nextButton = QPushButton(ImportDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonRow.addWidget(self.nextButton)

        self.cancelButton = QPushButton(ImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.browseButton)
        self.sheetLabel.setBuddy(self.sheetCombo)
        self.headerRowLabel.setBuddy(self.headerRowSpin)
        self.institutionLabel.setBuddy(self.institutionCombo)
        self.yearLabel.setBuddy(self.yearSpin)
        self.levelLabel.setBuddy(self.levelCombo)
        self.roomLabel.setBuddy(self.roomEdit)
        self.relationLabel.setBuddy(self.relationCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e23\u0e32\u0e22\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01", None))
        self.stepLabel.setText("")
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e44\u0e1f\u0e25\u0e4c", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e1f\u0e25\u0e4c .xlsx .xls .ods \u0e2b\u0e23\u0e37\u0e2d .csv", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e1f\u0e25\u0e4c\u2026", None))
        self.sheetLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e41\u0e1c\u0e48\u0e19\u0e07\u0e32\u0e19", None))
        self.headerRowLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e41\u0e16\u0e27\u0e2b\u0e31\u0e27\u0e15\u0e32\u0e23\u0e32\u0e07", None))
#if QT_CONFIG(tooltip)
        self.headerRowSpin.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e21\u0e35\u0e0a\u0e37\u0e48\u0e2d\u0e04\u0e2d\u0e25\u0e31\u0e21\u0e19\u0e4c \u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e2b\u0e32\u0e43\u0e2b\u0e49\u0e40\u0e2d\u0e07 \u0e16\u0e49\u0e32\u0e44\u0e21\u0e48\u0e16\u0e39\u0e01\u0e43\u0e2b\u0e49\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e40\u0e25\u0e02\u0e41\u0e16\u0e27 \u0e2b\u0e23\u0e37\u0e2d\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e41\u0e16\u0e27\u0e43\u0e19\u0e15\u0e32\u0e23\u0e32\u0e07\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e14\u0e49\u0e32\u0e19\u0e25\u0e48\u0e32\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.fileInfoLabel.setText("")
        self.notesLabel.setText("")
#if QT_CONFIG(tooltip)
        self.previewTable.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e41\u0e16\u0e27\u0e41\u0e23\u0e01 \u0e46 \u0e02\u0e2d\u0e07\u0e41\u0e1c\u0e48\u0e19\u0e07\u0e32\u0e19\u0e15\u0e32\u0e21\u0e17\u0e35\u0e48\u0e2d\u0e48\u0e32\u0e19\u0e44\u0e14\u0e49 \u0e41\u0e16\u0e27\u0e2b\u0e31\u0e27\u0e15\u0e32\u0e23\u0e32\u0e07\u0e41\u0e2a\u0e14\u0e07\u0e40\u0e1b\u0e47\u0e19\u0e15\u0e31\u0e27\u0e2b\u0e19\u0e32 \u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e41\u0e16\u0e27\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e43\u0e0a\u0e49\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e31\u0e27\u0e15\u0e32\u0e23\u0e32\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.fileHint.setText(QCoreApplication.translate("ImportDialog", u"\u0e44\u0e1f\u0e25\u0e4c\u0e15\u0e49\u0e2d\u0e07\u0e21\u0e35\u0e41\u0e16\u0e27\u0e2b\u0e31\u0e27\u0e15\u0e32\u0e23\u0e32\u0e07 \u0e40\u0e0a\u0e48\u0e19 \u0e04\u0e33\u0e19\u0e33\u0e2b\u0e19\u0e49\u0e32\u0e0a\u0e37\u0e48\u0e2d \u0e0a\u0e37\u0e48\u0e2d \u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25 \u0e40\u0e1e\u0e28 \u0e27\u0e31\u0e19\u0e40\u0e01\u0e34\u0e14 \u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19 (\u0e27\u0e31\u0e19\u0e40\u0e01\u0e34\u0e14\u0e40\u0e1b\u0e47\u0e19 \u0e1e.\u0e28. \u0e2b\u0e23\u0e37\u0e2d \u0e04.\u0e28. \u0e01\u0e47\u0e44\u0e14\u0e49) \u0e44\u0e1f\u0e25\u0e4c\u0e15\u0e49\u0e2d\u0e07\u0e44\u0e21\u0e48\u0e40\u0e01\u0e34\u0e19 20 MB \u0e41\u0e25\u0e30\u0e44\u0e21\u0e48\u0e40\u0e01\u0e34\u0e19 100,000 \u0e41\u0e16\u0e27 \u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e21\u0e35\u0e01\u0e32\u0e23\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e43\u0e14\u0e08\u0e19\u0e01\u0e27\u0e48\u0e32\u0e17\u0e48\u0e32\u0e19\u0e08\u0e30"
                        "\u0e01\u0e14\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e43\u0e19\u0e02\u0e31\u0e49\u0e19\u0e2a\u0e38\u0e14\u0e17\u0e49\u0e32\u0e22", None))
        self.mappingHint.setText(QCoreApplication.translate("ImportDialog", u"\u0e15\u0e23\u0e27\u0e08\u0e27\u0e48\u0e32\u0e41\u0e15\u0e48\u0e25\u0e30\u0e04\u0e2d\u0e25\u0e31\u0e21\u0e19\u0e4c\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c\u0e15\u0e23\u0e07\u0e01\u0e31\u0e1a\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e43\u0e14 \u0e04\u0e2d\u0e25\u0e31\u0e21\u0e19\u0e4c\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e15\u0e49\u0e2d\u0e07\u0e01\u0e32\u0e23\u0e43\u0e2b\u0e49\u0e40\u0e25\u0e37\u0e2d\u0e01 \"\u0e44\u0e21\u0e48\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\" \u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e08\u0e30\u0e08\u0e33\u0e01\u0e32\u0e23\u0e08\u0e31\u0e1a\u0e04\u0e39\u0e48\u0e19\u0e35\u0e49\u0e44\u0e27\u0e49\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e44\u0e1f\u0e25\u0e4c\u0e41\u0e1a\u0e1a\u0e40\u0e14\u0e35\u0e22\u0e27\u0e01\u0e31\u0e19\u0e04\u0e23\u0e31\u0e49\u0e07\u0e15\u0e48\u0e2d\u0e44\u0e1b", None))
        ___qtablewidgetitem = self.mappingTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportDialog", u"\u0e2b\u0e31\u0e27\u0e04\u0e2d\u0e25\u0e31\u0e21\u0e19\u0e4c\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c", None))
        ___qtablewidgetitem1 = self.mappingTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportDialog", u"\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25", None))
        ___qtablewidgetitem2 = self.mappingTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportDialog", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e40\u0e1b\u0e47\u0e19", None))
        self.wholeFileBox.setTitle(QCoreApplication.translate("ImportDialog", u"\u0e04\u0e48\u0e32\u0e2a\u0e33\u0e2b\u0e23\u0e31\u0e1a\u0e17\u0e31\u0e49\u0e07\u0e44\u0e1f\u0e25\u0e4c (\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e19\u0e35\u0e49\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c)", None))
        self.institutionLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
#if QT_CONFIG(tooltip)
        self.institutionCombo.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c", None))
#endif // QT_CONFIG(tooltip)
        self.yearLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e1b\u0e35\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
#if QT_CONFIG(tooltip)
        self.yearSpin.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e1b\u0e35\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c", None))
#endif // QT_CONFIG(tooltip)
        self.levelLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e0a\u0e31\u0e49\u0e19", None))
#if QT_CONFIG(tooltip)
        self.levelCombo.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e0a\u0e31\u0e49\u0e19\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c", None))
#endif // QT_CONFIG(tooltip)
        self.roomLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e2b\u0e49\u0e2d\u0e07", None))
        self.roomEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u0e40\u0e0a\u0e48\u0e19 1 \u0e2b\u0e23\u0e37\u0e2d 2/1", None))
#if QT_CONFIG(tooltip)
        self.roomEdit.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e2b\u0e49\u0e2d\u0e07\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c", None))
#endif // QT_CONFIG(tooltip)
        self.relationLabel.setText(QCoreApplication.translate("ImportDialog", u"\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e40\u0e1b\u0e47\u0e19", None))
#if QT_CONFIG(tooltip)
        self.relationCombo.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e04\u0e27\u0e32\u0e21\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e02\u0e49\u0e2d\u0e07\u0e01\u0e31\u0e1a\u0e40\u0e14\u0e47\u0e01\u0e02\u0e2d\u0e07\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c \u0e43\u0e0a\u0e49\u0e01\u0e31\u0e1a\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e21\u0e35\u0e0a\u0e37\u0e48\u0e2d\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e41\u0e15\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e04\u0e27\u0e32\u0e21\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e02\u0e49\u0e2d\u0e07\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c \u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e08\u0e30\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e42\u0e14\u0e22\u0e44\u0e21\u0e48\u0e21\u0e35\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.missingLabel.setText("")
        self.summaryLabel.setText("")
        self.problemFilter.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e43\u0e19\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e1b\u0e31\u0e0d\u0e2b\u0e32\u2026", None))
        self.errorsOnlyCheck.setText(QCoreApplication.translate("ImportDialog", u"\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e02\u0e49\u0e2d\u0e1c\u0e34\u0e14\u0e1e\u0e25\u0e32\u0e14", None))
        self.errorReportButton.setText(QCoreApplication.translate("ImportDialog", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e1c\u0e34\u0e14\u0e1e\u0e25\u0e32\u0e14 (.xlsx)\u2026", None))
#if QT_CONFIG(tooltip)
        self.errorReportButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e41\u0e16\u0e27\u0e17\u0e35\u0e48\u0e21\u0e35\u0e1b\u0e31\u0e0d\u0e2b\u0e32\u0e1e\u0e23\u0e49\u0e2d\u0e21\u0e04\u0e33\u0e2d\u0e18\u0e34\u0e1a\u0e32\u0e22 \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e41\u0e01\u0e49\u0e43\u0e19\u0e44\u0e1f\u0e25\u0e4c\u0e41\u0e25\u0e49\u0e27\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e43\u0e2b\u0e21\u0e48", None))
#endif // QT_CONFIG(tooltip)
        self.busyLabel.setText("")
        self.backButton.setText(QCoreApplication.translate("ImportDialog", u"\u25c0 \u0e22\u0e49\u0e2d\u0e19\u0e01\u0e25\u0e31\u0e1a", None))
        self.nextButton.setText(QCoreApplication.translate("ImportDialog", u"\u0e16\u0e31\u0e14\u0e44\u0e1b \u25b6", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportDialog", u"\u0e22\u0e01\u0e40\u0e25\u0e34\u0e01", None))
    # retranslateUi
