# generated from ui/institution_dialog.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_InstitutionDialog(object):
    def setupUi(self, InstitutionDialog):
        if not InstitutionDialog.objectName():
            InstitutionDialog.setObjectName(u"InstitutionDialog")
        InstitutionDialog.resize(680, 450)
        InstitutionDialog.setMinimumSize(QSize(600, 0))
        InstitutionDialog.setStyleSheet(u"QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"] { border: 1px solid #b00020; border-radius: 2px; background: #fff3f3; padding: 2px; }")
        self.dialogLayout = QVBoxLayout(InstitutionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoGroup = QGroupBox(InstitutionDialog)
        self.infoGroup.setObjectName(u"infoGroup")
        self.infoForm = QFormLayout(self.infoGroup)
        self.infoForm.setObjectName(u"infoForm")
        self.infoForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(self.infoGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.infoGroup)
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.setObjectName(u"kindCombo")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindError = QLabel(self.infoGroup)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)
        self.kindError.setStyleSheet(u"color: #b00020;")
        self.kindError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.infoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.codeLabel = QLabel(self.infoGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.infoGroup)
        self.codeEdit.setObjectName(u"codeEdit")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(self.infoGroup)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)
        self.codeError.setStyleSheet(u"color: #b00020;")
        self.codeError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.infoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.nameLabel = QLabel(self.infoGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.infoGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.infoGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.infoForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.phoneLabel = QLabel(self.infoGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.infoGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(self.infoGroup)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.infoForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phoneError)


        self.dialogLayout.addWidget(self.infoGroup)

        self.addressGroup = QGroupBox(InstitutionDialog)
        self.addressGroup.setObjectName(u"addressGroup")
        self.addressGrid = QGridLayout(self.addressGroup)
        self.addressGrid.setObjectName(u"addressGrid")
        self.houseNoLabel = QLabel(self.addressGroup)
        self.houseNoLabel.setObjectName(u"houseNoLabel")

        self.addressGrid.addWidget(self.houseNoLabel, 0, 0, 1, 1)

        self.houseNoEdit = QLineEdit(self.addressGroup)
        self.houseNoEdit.setObjectName(u"houseNoEdit")

        self.addressGrid.addWidget(self.houseNoEdit, 0, 1, 1, 1)

        self.houseNoError = QLabel(self.addressGroup)
        self.houseNoError.setObjectName(u"houseNoError")
        self.houseNoError.setWordWrap(True)
        self.houseNoError.setStyleSheet(u"color: #b00020;")
        self.houseNoError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.houseNoError, 1, 1, 1, 1)

        self.villageNoLabel = QLabel(self.addressGroup)
        self.villageNoLabel.setObjectName(u"villageNoLabel")

        self.addressGrid.addWidget(self.villageNoLabel, 0, 2, 1, 1)

        self.villageNoEdit = QLineEdit(self.addressGroup)
        self.villageNoEdit.setObjectName(u"villageNoEdit")

        self.addressGrid.addWidget(self.villageNoEdit, 0, 3, 1, 1)

        self.villageNoError = QLabel(self.addressGroup)
        self.villageNoError.setObjectName(u"villageNoError")
        self.villageNoError.setWordWrap(True)
        self.villageNoError.setStyleSheet(u"color: #b00020;")
        self.villageNoError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.villageNoError, 1, 3, 1, 1)

        self.villageNameLabel = QLabel(self.addressGroup)
        self.villageNameLabel.setObjectName(u"villageNameLabel")

        self.addressGrid.addWidget(self.villageNameLabel, 2, 0, 1, 1)

        self.villageNameEdit = QLineEdit(self.addressGroup)
        self.villageNameEdit.setObjectName(u"villageNameEdit")

        self.addressGrid.addWidget(self.villageNameEdit, 2, 1, 1, 3)

        self.villageNameError = QLabel(self.addressGroup)
        self.villageNameError.setObjectName(u"villageNameError")
        self.villageNameError.setWordWrap(True)
        self.villageNameError.setStyleSheet(u"color: #b00020;")
        self.villageNameError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.villageNameError, 3, 1, 1, 3)

        self.soiLabel = QLabel(self.addressGroup)
        self.soiLabel.setObjectName(u"soiLabel")

        self.addressGrid.addWidget(self.soiLabel, 4, 0, 1, 1)

        self.soiEdit = QLineEdit(self.addressGroup)
        self.soiEdit.setObjectName(u"soiEdit")

        self.addressGrid.addWidget(self.soiEdit, 4, 1, 1, 1)

        self.soiError = QLabel(self.addressGroup)
        self.soiError.setObjectName(u"soiError")
        self.soiError.setWordWrap(True)
        self.soiError.setStyleSheet(u"color: #b00020;")
        self.soiError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.soiError, 5, 1, 1, 1)

        self.roadLabel = QLabel(self.addressGroup)
        self.roadLabel.setObjectName(u"roadLabel")

        self.addressGrid.addWidget(self.roadLabel, 4, 2, 1, 1)

        self.roadEdit = QLineEdit(self.addressGroup)
        self.roadEdit.setObjectName(u"roadEdit")

        self.addressGrid.addWidget(self.roadEdit, 4, 3, 1, 1)

        self.roadError = QLabel(self.addressGroup)
        self.roadError.setObjectName(u"roadError")
        self.roadError.setWordWrap(True)
        self.roadError.setStyleSheet(u"color: #b00020;")
        self.roadError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.roadError, 5, 3, 1, 1)

        self.subdistrictLabel = QLabel(self.addressGroup)
        self.subdistrictLabel.setObjectName(u"subdistrictLabel")

        self.addressGrid.addWidget(self.subdistrictLabel, 6, 0, 1, 1)

        self.subdistrictEdit = QLineEdit(self.addressGroup)
        self.subdistrictEdit.setObjectName(u"subdistrictEdit")

        self.addressGrid.addWidget(self.subdistrictEdit, 6, 1, 1, 1)

        self.subdistrictError = QLabel(self.addressGroup)
        self.subdistrictError.setObjectName(u"subdistrictError")
        self.subdistrictError.setWordWrap(True)
        self.subdistrictError.setStyleSheet(u"color: #b00020;")
        self.subdistrictError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.subdistrictError, 7, 1, 1, 1)

        self.districtLabel = QLabel(self.addressGroup)
        self.districtLabel.setObjectName(u"districtLabel")

        self.addressGrid.addWidget(self.districtLabel, 6, 2, 1, 1)

        self.districtEdit = QLineEdit(self.addressGroup)
        self.districtEdit.setObjectName(u"districtEdit")

        self.addressGrid.addWidget(self.districtEdit, 6, 3, 1, 1)

        self.districtError = QLabel(self.addressGroup)
        self.districtError.setObjectName(u"districtError")
        self.districtError.setWordWrap(True)
        self.districtError.setStyleSheet(u"color: #b00020;")
        self.districtError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.districtError, 7, 3, 1, 1)

        self.provinceLabel = QLabel(self.addressGroup)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.addressGrid.addWidget(self.provinceLabel, 8, 0, 1, 1)

        self.provinceEdit = QLineEdit(self.addressGroup)
        self.provinceEdit.setObjectName(u"provinceEdit")

        self.addressGrid.addWidget(self.provinceEdit, 8, 1, 1, 1)

        self.provinceError = QLabel(self.addressGroup)
        self.provinceError.setObjectName(u"provinceError")
        self.provinceError.setWordWrap(True)
        self.provinceError.setStyleSheet(u"color: #b00020;")
        self.provinceError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.provinceError, 9, 1, 1, 1)

        self.postcodeLabel = QLabel(self.addressGroup)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.addressGrid.addWidget(self.postcodeLabel, 8, 2, 1, 1)

        self.postcodeEdit = QLineEdit(self.addressGroup)
        self.postcodeEdit.setObjectName(u"postcodeEdit")

        self.addressGrid.addWidget(self.postcodeEdit, 8, 3, 1, 1)

        self.postcodeError = QLabel(self.addressGroup)
        self.postcodeError.setObjectName(u"postcodeError")
        self.postcodeError.setWordWrap(True)
        self.postcodeError.setStyleSheet(u"color: #b00020;")
        self.postcodeError.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.addressGrid.addWidget(self.postcodeError, 9, 3, 1, 1)

        self.addressGrid.setColumnStretch(1, 1)
        self.addressGrid.setColumnStretch(3, 1)

        self.dialogLayout.addWidget(self.addressGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.errorLabel = QLabel(InstitutionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020; background: #fff3f3; border: 1px solid #f0c0c0; padding: 6px;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(InstitutionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.houseNoLabel.setBuddy(self.houseNoEdit)
        self.villageNoLabel.setBuddy(self.villageNoEdit)
        self.villageNameLabel.setBuddy(self.villageNameEdit)
        self.soiLabel.setBuddy(self.soiEdit)
        self.roadLabel.setBuddy(self.roadEdit)
        self.subdistrictLabel.setBuddy(self.subdistrictEdit)
        self.districtLabel.setBuddy(self.districtEdit)
        self.provinceLabel.setBuddy(self.provinceEdit)
        self.postcodeLabel.setBuddy(self.postcodeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.houseNoEdit)
        QWidget.setTabOrder(self.houseNoEdit, self.villageNoEdit)
        QWidget.setTabOrder(self.villageNoEdit, self.villageNameEdit)
        QWidget.setTabOrder(self.villageNameEdit, self.soiEdit)
        QWidget.setTabOrder(self.soiEdit, self.roadEdit)
        QWidget.setTabOrder(self.roadEdit, self.subdistrictEdit)
        QWidget.setTabOrder(self.subdistrictEdit, self.districtEdit)
        QWidget.setTabOrder(self.districtEdit, self.provinceEdit)
        QWidget.setTabOrder(self.provinceEdit, self.postcodeEdit)

        self.retranslateUi(InstitutionDialog)

        QMetaObject.connectSlotsByName(InstitutionDialog)
    # setupUi

    def retranslateUi(self, InstitutionDialog):
        InstitutionDialog.setWindowTitle(QCoreApplication.translate("InstitutionDialog", u"\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.infoGroup.setTitle(QCoreApplication.translate("InstitutionDialog", u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.kindLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17 *", None))
        self.kindCombo.setItemText(0, QCoreApplication.translate("InstitutionDialog", u"\u0e42\u0e23\u0e07\u0e40\u0e23\u0e35\u0e22\u0e19", None))
        self.kindCombo.setItemText(1, QCoreApplication.translate("InstitutionDialog", u"\u0e28\u0e39\u0e19\u0e22\u0e4c\u0e1e\u0e31\u0e12\u0e19\u0e32\u0e40\u0e14\u0e47\u0e01\u0e40\u0e25\u0e47\u0e01", None))

        self.kindError.setText("")
        self.codeLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e23\u0e2b\u0e31\u0e2a\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32 *", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e23\u0e2b\u0e31\u0e2a 10 \u0e2b\u0e25\u0e31\u0e01\u0e02\u0e2d\u0e07\u0e01\u0e23\u0e30\u0e17\u0e23\u0e27\u0e07 \u0e2b\u0e23\u0e37\u0e2d\u0e23\u0e2b\u0e31\u0e2a\u0e17\u0e35\u0e48 \u0e2d\u0e1b\u0e17. \u0e01\u0e33\u0e2b\u0e19\u0e14", None))
        self.codeError.setText("")
        self.nameLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e0a\u0e37\u0e48\u0e2d\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e40\u0e0a\u0e48\u0e19 \u0e42\u0e23\u0e07\u0e40\u0e23\u0e35\u0e22\u0e19\u0e40\u0e17\u0e28\u0e1a\u0e32\u0e25 1 (\u0e1a\u0e49\u0e32\u0e19\u0e42\u0e19\u0e19\u0e2a\u0e39\u0e07)", None))
        self.nameError.setText("")
        self.phoneLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e40\u0e0a\u0e48\u0e19 044 123 456", None))
        self.phoneError.setText("")
        self.addressGroup.setTitle(QCoreApplication.translate("InstitutionDialog", u"\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48", None))
        self.houseNoLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48", None))
        self.houseNoEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e40\u0e0a\u0e48\u0e19 12/3", None))
        self.houseNoError.setText("")
        self.villageNoLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e2b\u0e21\u0e39\u0e48\u0e17\u0e35\u0e48", None))
        self.villageNoEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e40\u0e0a\u0e48\u0e19 4", None))
        self.villageNoError.setText("")
        self.villageNameLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e2b\u0e21\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19", None))
        self.villageNameEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"\u0e40\u0e0a\u0e48\u0e19 \u0e1a\u0e49\u0e32\u0e19\u0e42\u0e19\u0e19\u0e2a\u0e39\u0e07", None))
        self.villageNameError.setText("")
        self.soiLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e0b\u0e2d\u0e22", None))
        self.soiError.setText("")
        self.roadLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e16\u0e19\u0e19", None))
        self.roadError.setText("")
        self.subdistrictLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e15\u0e33\u0e1a\u0e25", None))
        self.subdistrictError.setText("")
        self.districtLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e2d\u0e33\u0e40\u0e20\u0e2d", None))
        self.districtError.setText("")
        self.provinceLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14", None))
        self.provinceError.setText("")
        self.postcodeLabel.setText(QCoreApplication.translate("InstitutionDialog", u"\u0e23\u0e2b\u0e31\u0e2a\u0e44\u0e1b\u0e23\u0e29\u0e13\u0e35\u0e22\u0e4c", None))
        self.postcodeEdit.setPlaceholderText(QCoreApplication.translate("InstitutionDialog", u"5 \u0e2b\u0e25\u0e31\u0e01 \u0e40\u0e0a\u0e48\u0e19 30000", None))
        self.postcodeError.setText("")
        self.errorLabel.setText("")
    # retranslateUi
