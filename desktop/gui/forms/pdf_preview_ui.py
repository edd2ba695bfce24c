# generated from ui/pdf_preview.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_PdfPreview(object):
    def setupUi(self, PdfPreview):
        if not PdfPreview.objectName():
            PdfPreview.setObjectName(u"PdfPreview")
        PdfPreview.resize(900, 760)
        self.mainLayout = QVBoxLayout(PdfPreview)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolRow = QHBoxLayout()
        self.toolRow.setObjectName(u"toolRow")
        self.prevButton = QPushButton(PdfPreview)
        self.prevButton.setObjectName(u"prevButton")

        self.toolRow.addWidget(self.prevButton)

        self.pageSpin = QSpinBox(PdfPreview)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)

        self.toolRow.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(PdfPreview)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.toolRow.addWidget(self.pageCountLabel)

        self.nextButton = QPushButton(PdfPreview)
        self.nextButton.setObjectName(u"nextButton")

        self.toolRow.addWidget(self.nextButton)

        self.zoomOutButton = QPushButton(PdfPreview)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolRow.addWidget(self.zoomOutButton)

        self.zoomInButton = QPushButton(PdfPreview)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolRow.addWidget(self.zoomInButton)

        self.fitButton = QPushButton(PdfPreview)
        self.fitButton.setObjectName(u"fitButton")

        self.toolRow.addWidget(self.fitButton)

        self.toolSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolRow.addItem(self.toolSpacer)

        self.externalButton = QPushButton(PdfPreview)
        self.externalButton.setObjectName(u"externalButton")

        self.toolRow.addWidget(self.externalButton)

        self.saveButton = QPushButton(PdfPreview)
        self.saveButton.setObjectName(u"saveButton")

        self.toolRow.addWidget(self.saveButton)

        self.printButton = QPushButton(PdfPreview)
        self.printButton.setObjectName(u"printButton")

        self.toolRow.addWidget(self.printButton)


        self.mainLayout.addLayout(self.toolRow)

        self.scrollArea = QScrollArea(PdfPreview)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.scrollArea.setStyleSheet(u"QScrollArea { background: #808080; }")
        self.pageLabel = QLabel()
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.pageLabel.setStyleSheet(u"background: #808080; padding: 12px;")
        self.scrollArea.setWidget(self.pageLabel)

        self.mainLayout.addWidget(self.scrollArea)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.fileLabel = QLabel(PdfPreview)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bottomRow.addWidget(self.fileLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.closeButton = QPushButton(PdfPreview)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomRow)


        self.retranslateUi(PdfPreview)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(PdfPreview)
    # setupUi

    def retranslateUi(self, PdfPreview):
        PdfPreview.setWindowTitle(QCoreApplication.translate("PdfPreview", u"\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e01\u0e48\u0e2d\u0e19\u0e1e\u0e34\u0e21\u0e1e\u0e4c", None))
        self.prevButton.setText(QCoreApplication.translate("PdfPreview", u"\u25c0 \u0e2b\u0e19\u0e49\u0e32\u0e01\u0e48\u0e2d\u0e19", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e2b\u0e19\u0e49\u0e32\u0e01\u0e48\u0e2d\u0e19 (Page Up)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.pageSpin.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e44\u0e1b\u0e17\u0e35\u0e48\u0e2b\u0e19\u0e49\u0e32", None))
#endif // QT_CONFIG(tooltip)
        self.pageCountLabel.setText("")
        self.nextButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e2b\u0e19\u0e49\u0e32\u0e16\u0e31\u0e14\u0e44\u0e1b \u25b6", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e2b\u0e19\u0e49\u0e32\u0e16\u0e31\u0e14\u0e44\u0e1b (Page Down)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e22\u0e48\u0e2d", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e22\u0e48\u0e2d (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e02\u0e22\u0e32\u0e22", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e02\u0e22\u0e32\u0e22 (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
        self.fitButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e1e\u0e2d\u0e14\u0e35\u0e2b\u0e19\u0e49\u0e32\u0e08\u0e2d", None))
#if QT_CONFIG(tooltip)
        self.fitButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e22\u0e48\u0e2d\u0e43\u0e2b\u0e49\u0e40\u0e2b\u0e47\u0e19\u0e17\u0e31\u0e49\u0e07\u0e04\u0e27\u0e32\u0e21\u0e01\u0e27\u0e49\u0e32\u0e07\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e49\u0e32", None))
#endif // QT_CONFIG(tooltip)
        self.externalButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e40\u0e1b\u0e34\u0e14\u0e14\u0e49\u0e27\u0e22\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e2d\u0e37\u0e48\u0e19", None))
#if QT_CONFIG(tooltip)
        self.externalButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e40\u0e1b\u0e34\u0e14\u0e44\u0e1f\u0e25\u0e4c PDF \u0e14\u0e49\u0e27\u0e22\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21\u0e2d\u0e48\u0e32\u0e19 PDF \u0e02\u0e2d\u0e07\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01 PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e40\u0e1b\u0e47\u0e19\u0e44\u0e1f\u0e25\u0e4c PDF (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e2d\u0e2d\u0e01\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e1e\u0e34\u0e21\u0e1e\u0e4c (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.fileLabel.setText("")
        self.closeButton.setText(QCoreApplication.translate("PdfPreview", u"\u0e1b\u0e34\u0e14", None))
    # retranslateUi
