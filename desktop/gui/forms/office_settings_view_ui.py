# generated from ui/office_settings_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OfficeSettingsView(object):
    def setupUi(self, OfficeSettingsView):
        if not OfficeSettingsView.objectName():
            OfficeSettingsView.setObjectName(u"OfficeSettingsView")
        OfficeSettingsView.resize(800, 500)
        self.mainLayout = QVBoxLayout(OfficeSettingsView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(18, 14, 18, -1)
        self.titleLabel = QLabel(OfficeSettingsView)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 17px; font-weight: bold; color: #102a43;")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(OfficeSettingsView)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setStyleSheet(u"color: #486581;")

        self.mainLayout.addWidget(self.introLabel)

        self.formHolder = QWidget(OfficeSettingsView)
        self.formHolder.setObjectName(u"formHolder")
        self.formHolder.setMaximumSize(QSize(720, 16777215))
        self.formHolderLayout = QVBoxLayout(self.formHolder)
        self.formHolderLayout.setObjectName(u"formHolderLayout")
        self.formHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.formHolder)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.saveButton = QPushButton(OfficeSettingsView)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.revertButton = QPushButton(OfficeSettingsView)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonRow.addWidget(self.revertButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonRow)

        self.messageLabel = QLabel(OfficeSettingsView)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(OfficeSettingsView)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(OfficeSettingsView)
    # setupUi

    def retranslateUi(self, OfficeSettingsView):
        self.titleLabel.setText(QCoreApplication.translate("OfficeSettingsView", u"\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19", None))
        self.introLabel.setText(QCoreApplication.translate("OfficeSettingsView", u"\u0e0a\u0e37\u0e48\u0e2d \u0e23\u0e2b\u0e31\u0e2a \u0e41\u0e25\u0e30\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e19\u0e35\u0e49 \u0e43\u0e0a\u0e49\u0e40\u0e1b\u0e47\u0e19\u0e2b\u0e31\u0e27\u0e01\u0e23\u0e30\u0e14\u0e32\u0e29\u0e02\u0e2d\u0e07\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e17\u0e38\u0e01\u0e09\u0e1a\u0e31\u0e1a", None))
        self.saveButton.setText(QCoreApplication.translate("OfficeSettingsView", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01", None))
        self.revertButton.setText(QCoreApplication.translate("OfficeSettingsView", u"\u0e04\u0e37\u0e19\u0e04\u0e48\u0e32\u0e40\u0e14\u0e34\u0e21", None))
        self.messageLabel.setText("")
        pass
    # retranslateUi
