# generated from ui/households_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_HouseholdsView(object):
    def setupUi(self, HouseholdsView):
        if not HouseholdsView.objectName():
            HouseholdsView.setObjectName(u"HouseholdsView")
        HouseholdsView.resize(1100, 700)
        self.mainLayout = QVBoxLayout(HouseholdsView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(HouseholdsView)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.titleRow.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.editButton = QPushButton(HouseholdsView)
        self.editButton.setObjectName(u"editButton")

        self.titleRow.addWidget(self.editButton)

        self.mergeButton = QPushButton(HouseholdsView)
        self.mergeButton.setObjectName(u"mergeButton")

        self.titleRow.addWidget(self.mergeButton)

        self.exportButton = QPushButton(HouseholdsView)
        self.exportButton.setObjectName(u"exportButton")

        self.titleRow.addWidget(self.exportButton)

        self.printButton = QPushButton(HouseholdsView)
        self.printButton.setObjectName(u"printButton")

        self.titleRow.addWidget(self.printButton)

        self.countLabel = QLabel(HouseholdsView)
        self.countLabel.setObjectName(u"countLabel")

        self.titleRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.titleRow)

        self.searchEdit = QLineEdit(HouseholdsView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.mainLayout.addWidget(self.searchEdit)

        self.splitter = QSplitter(HouseholdsView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 6, 0, 0)
        self.addressRow = QHBoxLayout()
        self.addressRow.setObjectName(u"addressRow")
        self.detailTitleLabel = QLabel(self.detailPanel)
        self.detailTitleLabel.setObjectName(u"detailTitleLabel")
        self.detailTitleLabel.setStyleSheet(u"font-weight: bold;")
        self.detailTitleLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressRow.addWidget(self.detailTitleLabel)

        self.addressLabel = QLabel(self.detailPanel)
        self.addressLabel.setObjectName(u"addressLabel")
        self.addressLabel.setWordWrap(True)
        self.addressLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.addressLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.addressRow.addWidget(self.addressLabel)

        self.addressRow.setStretch(1, 1)

        self.detailLayout.addLayout(self.addressRow)

        self.infoLabel = QLabel(self.detailPanel)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.infoLabel)

        self.membersTitleLabel = QLabel(self.detailPanel)
        self.membersTitleLabel.setObjectName(u"membersTitleLabel")
        self.membersTitleLabel.setStyleSheet(u"font-weight: bold;")

        self.detailLayout.addWidget(self.membersTitleLabel)

        self.membersTable = QTableWidget(self.detailPanel)
        if (self.membersTable.columnCount() < 5):
            self.membersTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setAlternatingRowColors(True)
        self.membersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.membersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.membersTable.setWordWrap(False)
        self.membersTable.setColumnCount(5)

        self.detailLayout.addWidget(self.membersTable)

        self.hintLabel = QLabel(self.detailPanel)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #666666;")

        self.detailLayout.addWidget(self.hintLabel)

        self.splitter.addWidget(self.detailPanel)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(2, 1)
        QWidget.setTabOrder(self.searchEdit, self.table)
        QWidget.setTabOrder(self.table, self.membersTable)
        QWidget.setTabOrder(self.membersTable, self.editButton)
        QWidget.setTabOrder(self.editButton, self.mergeButton)

        self.retranslateUi(HouseholdsView)

        QMetaObject.connectSlotsByName(HouseholdsView)
    # setupUi

    def retranslateUi(self, HouseholdsView):
        HouseholdsView.setWindowTitle(QCoreApplication.translate("HouseholdsView", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19", None))
        self.titleLabel.setText(QCoreApplication.translate("HouseholdsView", u"\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19", None))
        self.editButton.setText(QCoreApplication.translate("HouseholdsView", u"\u0e41\u0e01\u0e49\u0e44\u0e02\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("HouseholdsView", u"\u0e41\u0e01\u0e49\u0e44\u0e02\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48 \u0e23\u0e2b\u0e31\u0e2a\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e1a\u0e49\u0e32\u0e19 \u0e41\u0e25\u0e30\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c\u0e02\u0e2d\u0e07\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01 (F2)", None))
#endif // QT_CONFIG(tooltip)
        self.mergeButton.setText(QCoreApplication.translate("HouseholdsView", u"\u0e23\u0e27\u0e21\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u2026", None))
#if QT_CONFIG(tooltip)
        self.mergeButton.setToolTip(QCoreApplication.translate("HouseholdsView", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2a\u0e2d\u0e07\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e40\u0e1b\u0e47\u0e19\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e14\u0e35\u0e22\u0e27\u0e01\u0e31\u0e19 (Ctrl+\u0e04\u0e25\u0e34\u0e01 \u0e2b\u0e23\u0e37\u0e2d Shift+\u0e25\u0e39\u0e01\u0e28\u0e23) \u0e41\u0e25\u0e49\u0e27\u0e23\u0e27\u0e21\u0e40\u0e1b\u0e47\u0e19\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e40\u0e14\u0e35\u0e22\u0e27 (Ctrl+M)", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("HouseholdsView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("HouseholdsView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e15\u0e32\u0e21\u0e04\u0e33\u0e04\u0e49\u0e19\u0e40\u0e1b\u0e47\u0e19 Excel \u0e2b\u0e23\u0e37\u0e2d CSV", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("HouseholdsView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c/PDF", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("HouseholdsView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e15\u0e32\u0e21\u0e04\u0e33\u0e04\u0e49\u0e19 (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("HouseholdsView", u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48 \u0e2b\u0e21\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19 \u0e15\u0e33\u0e1a\u0e25 \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u2026", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("HouseholdsView", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e04\u0e49\u0e19\u0e2b\u0e32 (Ctrl+F) \u0e1c\u0e25\u0e08\u0e30\u0e41\u0e2a\u0e14\u0e07\u0e17\u0e31\u0e19\u0e17\u0e35\u0e17\u0e35\u0e48\u0e2b\u0e22\u0e38\u0e14\u0e1e\u0e34\u0e21\u0e1e\u0e4c", None))
#endif // QT_CONFIG(tooltip)
        self.detailTitleLabel.setText(QCoreApplication.translate("HouseholdsView", u"\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48", None))
        self.addressLabel.setText(QCoreApplication.translate("HouseholdsView", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e08\u0e32\u0e01\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e14\u0e39\u0e23\u0e32\u0e22\u0e25\u0e30\u0e40\u0e2d\u0e35\u0e22\u0e14", None))
        self.infoLabel.setText("")
        self.membersTitleLabel.setText(QCoreApplication.translate("HouseholdsView", u"\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01\u0e43\u0e19\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19", None))
        ___qtablewidgetitem = self.membersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdsView", u"\u0e0a\u0e37\u0e48\u0e2d-\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25", None))
        ___qtablewidgetitem1 = self.membersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdsView", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17", None))
        ___qtablewidgetitem2 = self.membersTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HouseholdsView", u"\u0e04\u0e27\u0e32\u0e21\u0e2a\u0e31\u0e21\u0e1e\u0e31\u0e19\u0e18\u0e4c", None))
        ___qtablewidgetitem3 = self.membersTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HouseholdsView", u"\u0e27\u0e31\u0e19\u0e40\u0e01\u0e34\u0e14", None))
        ___qtablewidgetitem4 = self.membersTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("HouseholdsView", u"\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c", None))
        self.hintLabel.setText(QCoreApplication.translate("HouseholdsView", u"\u0e14\u0e31\u0e1a\u0e40\u0e1a\u0e34\u0e25\u0e04\u0e25\u0e34\u0e01\u0e17\u0e35\u0e48\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e47\u0e01\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e40\u0e1b\u0e34\u0e14\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e40\u0e14\u0e47\u0e01", None))
    # retranslateUi
