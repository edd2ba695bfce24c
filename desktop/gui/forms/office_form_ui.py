# generated from ui/office_form.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_OfficeForm(object):
    def setupUi(self, OfficeForm):
        if not OfficeForm.objectName():
            OfficeForm.setObjectName(u"OfficeForm")
        OfficeForm.resize(560, 300)
        OfficeForm.setStyleSheet(u"QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"] { border: 1px solid #b00020; border-radius: 2px; background: #fff3f3; padding: 2px; }")
        self.officeForm = QFormLayout(OfficeForm)
        self.officeForm.setObjectName(u"officeForm")
        self.officeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.officeForm.setContentsMargins(0, -1, 0, -1)
        self.nameLabel = QLabel(OfficeForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.officeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OfficeForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.officeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(OfficeForm)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setStyleSheet(u"color: #b00020;")

        self.officeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.codeLabel = QLabel(OfficeForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.officeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(OfficeForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.officeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(OfficeForm)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)
        self.codeError.setStyleSheet(u"color: #b00020;")

        self.officeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.provinceLabel = QLabel(OfficeForm)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.officeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceEdit = QLineEdit(OfficeForm)
        self.provinceEdit.setObjectName(u"provinceEdit")

        self.officeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.provinceEdit)

        self.provinceError = QLabel(OfficeForm)
        self.provinceError.setObjectName(u"provinceError")
        self.provinceError.setWordWrap(True)
        self.provinceError.setStyleSheet(u"color: #b00020;")

        self.officeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.provinceError)

        self.roleLabel = QLabel(OfficeForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.officeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(OfficeForm)
        self.roleCombo.addItem("")
        self.roleCombo.addItem("")
        self.roleCombo.setObjectName(u"roleCombo")

        self.officeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.roleError = QLabel(OfficeForm)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setWordWrap(True)
        self.roleError.setStyleSheet(u"color: #b00020;")

        self.officeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.roleError)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.provinceLabel.setBuddy(self.provinceEdit)
        self.roleLabel.setBuddy(self.roleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficeForm)

        QMetaObject.connectSlotsByName(OfficeForm)
    # setupUi

    def retranslateUi(self, OfficeForm):
        self.nameLabel.setText(QCoreApplication.translate("OfficeForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e40\u0e17\u0e28\u0e1a\u0e32\u0e25\u0e15\u0e33\u0e1a\u0e25\u0e1a\u0e49\u0e32\u0e19\u0e43\u0e2b\u0e21\u0e48", None))
        self.nameError.setText("")
        self.codeLabel.setText(QCoreApplication.translate("OfficeForm", u"\u0e23\u0e2b\u0e31\u0e2a \u0e2d\u0e1b\u0e17. *", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"7 \u0e2b\u0e25\u0e31\u0e01 \u0e15\u0e32\u0e21\u0e01\u0e23\u0e21\u0e2a\u0e48\u0e07\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e01\u0e32\u0e23\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e17\u0e49\u0e2d\u0e07\u0e16\u0e34\u0e48\u0e19 \u0e40\u0e0a\u0e48\u0e19 6300101", None))
        self.codeError.setText("")
        self.provinceLabel.setText(QCoreApplication.translate("OfficeForm", u"\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14", None))
        self.provinceEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e19\u0e04\u0e23\u0e23\u0e32\u0e0a\u0e2a\u0e35\u0e21\u0e32", None))
        self.provinceError.setText("")
        self.roleLabel.setText(QCoreApplication.translate("OfficeForm", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 *", None))
        self.roleCombo.setItemText(0, QCoreApplication.translate("OfficeForm", u"\u0e2d\u0e07\u0e04\u0e4c\u0e01\u0e23\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e2a\u0e48\u0e27\u0e19\u0e17\u0e49\u0e2d\u0e07\u0e16\u0e34\u0e48\u0e19 (\u0e40\u0e17\u0e28\u0e1a\u0e32\u0e25 \u0e2d\u0e1a\u0e15.)", None))
        self.roleCombo.setItemText(1, QCoreApplication.translate("OfficeForm", u"\u0e2a\u0e33\u0e19\u0e31\u0e01\u0e07\u0e32\u0e19\u0e2a\u0e48\u0e07\u0e40\u0e2a\u0e23\u0e34\u0e21\u0e01\u0e32\u0e23\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e17\u0e49\u0e2d\u0e07\u0e16\u0e34\u0e48\u0e19\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14", None))

        self.roleError.setText("")
        pass
    # retranslateUi
