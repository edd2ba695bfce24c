# generated from ui/report_options.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReportOptions(object):
    def setupUi(self, ReportOptions):
        if not ReportOptions.objectName():
            ReportOptions.setObjectName(u"ReportOptions")
        ReportOptions.resize(560, 330)
        self.mainLayout = QVBoxLayout(ReportOptions)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(ReportOptions)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.mainLayout.addWidget(self.titleLabel)

        self.detailLabel = QLabel(ReportOptions)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.detailLabel)

        self.paperGroup = QGroupBox(ReportOptions)
        self.paperGroup.setObjectName(u"paperGroup")
        self.paperLayout = QHBoxLayout(self.paperGroup)
        self.paperLayout.setObjectName(u"paperLayout")
        self.portraitRadio = QRadioButton(self.paperGroup)
        self.portraitRadio.setObjectName(u"portraitRadio")
        self.portraitRadio.setChecked(True)

        self.paperLayout.addWidget(self.portraitRadio)

        self.landscapeRadio = QRadioButton(self.paperGroup)
        self.landscapeRadio.setObjectName(u"landscapeRadio")

        self.paperLayout.addWidget(self.landscapeRadio)

        self.paperSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.paperLayout.addItem(self.paperSpacer)


        self.mainLayout.addWidget(self.paperGroup)

        self.signGroup = QGroupBox(ReportOptions)
        self.signGroup.setObjectName(u"signGroup")
        self.signGroup.setCheckable(True)
        self.signGroup.setChecked(False)
        self.signGrid = QGridLayout(self.signGroup)
        self.signGrid.setObjectName(u"signGrid")
        self.nameHeader = QLabel(self.signGroup)
        self.nameHeader.setObjectName(u"nameHeader")

        self.signGrid.addWidget(self.nameHeader, 0, 1, 1, 1)

        self.positionHeader = QLabel(self.signGroup)
        self.positionHeader.setObjectName(u"positionHeader")

        self.signGrid.addWidget(self.positionHeader, 0, 2, 1, 1)

        self.sign1Label = QLabel(self.signGroup)
        self.sign1Label.setObjectName(u"sign1Label")

        self.signGrid.addWidget(self.sign1Label, 1, 0, 1, 1)

        self.sign1Name = QLineEdit(self.signGroup)
        self.sign1Name.setObjectName(u"sign1Name")

        self.signGrid.addWidget(self.sign1Name, 1, 1, 1, 1)

        self.sign1Position = QLineEdit(self.signGroup)
        self.sign1Position.setObjectName(u"sign1Position")

        self.signGrid.addWidget(self.sign1Position, 1, 2, 1, 1)

        self.sign2Label = QLabel(self.signGroup)
        self.sign2Label.setObjectName(u"sign2Label")

        self.signGrid.addWidget(self.sign2Label, 2, 0, 1, 1)

        self.sign2Name = QLineEdit(self.signGroup)
        self.sign2Name.setObjectName(u"sign2Name")

        self.signGrid.addWidget(self.sign2Name, 2, 1, 1, 1)

        self.sign2Position = QLineEdit(self.signGroup)
        self.sign2Position.setObjectName(u"sign2Position")

        self.signGrid.addWidget(self.sign2Position, 2, 2, 1, 1)

        self.signGrid.setColumnStretch(1, 1)
        self.signGrid.setColumnStretch(2, 1)

        self.mainLayout.addWidget(self.signGroup)

        self.vSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.vSpacer)

        self.buttonBox = QDialogButtonBox(ReportOptions)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.portraitRadio, self.landscapeRadio)
        QWidget.setTabOrder(self.landscapeRadio, self.signGroup)
        QWidget.setTabOrder(self.signGroup, self.sign1Name)
        QWidget.setTabOrder(self.sign1Name, self.sign1Position)
        QWidget.setTabOrder(self.sign1Position, self.sign2Name)
        QWidget.setTabOrder(self.sign2Name, self.sign2Position)

        self.retranslateUi(ReportOptions)

        QMetaObject.connectSlotsByName(ReportOptions)
    # setupUi

    def retranslateUi(self, ReportOptions):
        ReportOptions.setWindowTitle(QCoreApplication.translate("ReportOptions", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19", None))
        self.titleLabel.setText("")
        self.detailLabel.setText("")
        self.paperGroup.setTitle(QCoreApplication.translate("ReportOptions", u"\u0e41\u0e19\u0e27\u0e01\u0e23\u0e30\u0e14\u0e32\u0e29 A4", None))
        self.portraitRadio.setText(QCoreApplication.translate("ReportOptions", u"\u0e41\u0e19\u0e27\u0e15\u0e31\u0e49\u0e07", None))
        self.landscapeRadio.setText(QCoreApplication.translate("ReportOptions", u"\u0e41\u0e19\u0e27\u0e19\u0e2d\u0e19", None))
        self.signGroup.setTitle(QCoreApplication.translate("ReportOptions", u"\u0e0a\u0e48\u0e2d\u0e07\u0e25\u0e07\u0e0a\u0e37\u0e48\u0e2d\u0e17\u0e49\u0e32\u0e22\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19", None))
        self.nameHeader.setText(QCoreApplication.translate("ReportOptions", u"\u0e0a\u0e37\u0e48\u0e2d-\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25 (\u0e40\u0e27\u0e49\u0e19\u0e27\u0e48\u0e32\u0e07\u0e44\u0e14\u0e49)", None))
        self.positionHeader.setText(QCoreApplication.translate("ReportOptions", u"\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.sign1Label.setText(QCoreApplication.translate("ReportOptions", u"\u0e1c\u0e39\u0e49\u0e08\u0e31\u0e14\u0e17\u0e33", None))
        self.sign1Position.setPlaceholderText(QCoreApplication.translate("ReportOptions", u"\u0e40\u0e0a\u0e48\u0e19 \u0e19\u0e31\u0e01\u0e27\u0e34\u0e0a\u0e32\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.sign2Label.setText(QCoreApplication.translate("ReportOptions", u"\u0e1c\u0e39\u0e49\u0e23\u0e31\u0e1a\u0e23\u0e2d\u0e07", None))
        self.sign2Position.setPlaceholderText(QCoreApplication.translate("ReportOptions", u"\u0e40\u0e0a\u0e48\u0e19 \u0e1c\u0e39\u0e49\u0e2d\u0e33\u0e19\u0e27\u0e22\u0e01\u0e32\u0e23\u0e01\u0e2d\u0e07\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
    # retranslateUi
