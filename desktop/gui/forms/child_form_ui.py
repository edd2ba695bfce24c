# generated from ui/child_form.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ChildForm(object):
    def setupUi(self, ChildForm):
        if not ChildForm.objectName():
            ChildForm.setObjectName(u"ChildForm")
        ChildForm.resize(1040, 760)
        self.dialogLayout = QVBoxLayout(ChildForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scrollArea = QScrollArea(ChildForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.grid = QGridLayout(self.scrollContents)
        self.grid.setObjectName(u"grid")
        self.identityGroup = QGroupBox(self.scrollContents)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityForm = QFormLayout(self.identityGroup)
        self.identityForm.setObjectName(u"identityForm")
        self.prefixComboLabel = QLabel(self.identityGroup)
        self.prefixComboLabel.setObjectName(u"prefixComboLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.prefixComboLabel)

        self.prefixCombo = QComboBox(self.identityGroup)
        self.prefixCombo.setObjectName(u"prefixCombo")
        self.prefixCombo.setEditable(True)

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.prefixCombo)

        self.firstNameEditLabel = QLabel(self.identityGroup)
        self.firstNameEditLabel.setObjectName(u"firstNameEditLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstNameEditLabel)

        self.firstNameEdit = QLineEdit(self.identityGroup)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameEditLabel = QLabel(self.identityGroup)
        self.lastNameEditLabel.setObjectName(u"lastNameEditLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastNameEditLabel)

        self.lastNameEdit = QLineEdit(self.identityGroup)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.firstNameEnEditLabel = QLabel(self.identityGroup)
        self.firstNameEnEditLabel.setObjectName(u"firstNameEnEditLabel")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstNameEnEditLabel)

        self.firstNameEnEdit = QLineEdit(self.identityGroup)
        self.firstNameEnEdit.setObjectName(u"firstNameEnEdit")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstNameEnEdit)

        self.lastNameEnEditLabel = QLabel(self.identityGroup)
        self.lastNameEnEditLabel.setObjectName(u"lastNameEnEditLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lastNameEnEditLabel)

        self.lastNameEnEdit = QLineEdit(self.identityGroup)
        self.lastNameEnEdit.setObjectName(u"lastNameEnEdit")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lastNameEnEdit)

        self.sexComboLabel = QLabel(self.identityGroup)
        self.sexComboLabel.setObjectName(u"sexComboLabel")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sexComboLabel)

        self.sexCombo = QComboBox(self.identityGroup)
        self.sexCombo.setObjectName(u"sexCombo")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.birthDateEditLabel = QLabel(self.identityGroup)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.birthDateEditLabel)

        self.birthDateEdit = QLineEdit(self.identityGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.idTypeComboLabel = QLabel(self.identityGroup)
        self.idTypeComboLabel.setObjectName(u"idTypeComboLabel")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.idTypeComboLabel)

        self.idTypeCombo = QComboBox(self.identityGroup)
        self.idTypeCombo.setObjectName(u"idTypeCombo")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.idTypeCombo)

        self.nationalIdEditLabel = QLabel(self.identityGroup)
        self.nationalIdEditLabel.setObjectName(u"nationalIdEditLabel")

        self.identityForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.nationalIdEditLabel)

        self.nationalIdEdit = QLineEdit(self.identityGroup)
        self.nationalIdEdit.setObjectName(u"nationalIdEdit")
        self.nationalIdEdit.setMaxLength(17)

        self.identityForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.nationalIdEdit)

        self.gCodeEditLabel = QLabel(self.identityGroup)
        self.gCodeEditLabel.setObjectName(u"gCodeEditLabel")

        self.identityForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.gCodeEditLabel)

        self.gCodeEdit = QLineEdit(self.identityGroup)
        self.gCodeEdit.setObjectName(u"gCodeEdit")
        self.gCodeEdit.setMaxLength(16)

        self.identityForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.gCodeEdit)

        self.noIdReasonEditLabel = QLabel(self.identityGroup)
        self.noIdReasonEditLabel.setObjectName(u"noIdReasonEditLabel")

        self.identityForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.noIdReasonEditLabel)

        self.noIdReasonEdit = QLineEdit(self.identityGroup)
        self.noIdReasonEdit.setObjectName(u"noIdReasonEdit")

        self.identityForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.noIdReasonEdit)

        self.nationalityEditLabel = QLabel(self.identityGroup)
        self.nationalityEditLabel.setObjectName(u"nationalityEditLabel")

        self.identityForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.nationalityEditLabel)

        self.nationalityEdit = QLineEdit(self.identityGroup)
        self.nationalityEdit.setObjectName(u"nationalityEdit")

        self.identityForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.nationalityEdit)

        self.disabilityEditLabel = QLabel(self.identityGroup)
        self.disabilityEditLabel.setObjectName(u"disabilityEditLabel")

        self.identityForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.disabilityEditLabel)

        self.disabilityEdit = QLineEdit(self.identityGroup)
        self.disabilityEdit.setObjectName(u"disabilityEdit")

        self.identityForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.disabilityEdit)


        self.grid.addWidget(self.identityGroup, 0, 0, 2, 1)

        self.addressGroup = QGroupBox(self.scrollContents)
        self.addressGroup.setObjectName(u"addressGroup")
        self.addressLayout = QVBoxLayout(self.addressGroup)
        self.addressLayout.setObjectName(u"addressLayout")
        self.addressForm = QFormLayout()
        self.addressForm.setObjectName(u"addressForm")
        self.houseNoEditLabel = QLabel(self.addressGroup)
        self.houseNoEditLabel.setObjectName(u"houseNoEditLabel")

        self.addressForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.houseNoEditLabel)

        self.houseNoEdit = QLineEdit(self.addressGroup)
        self.houseNoEdit.setObjectName(u"houseNoEdit")

        self.addressForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.houseNoEdit)

        self.villageNoEditLabel = QLabel(self.addressGroup)
        self.villageNoEditLabel.setObjectName(u"villageNoEditLabel")

        self.addressForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.villageNoEditLabel)

        self.villageNoEdit = QLineEdit(self.addressGroup)
        self.villageNoEdit.setObjectName(u"villageNoEdit")

        self.addressForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.villageNoEdit)

        self.villageNameEditLabel = QLabel(self.addressGroup)
        self.villageNameEditLabel.setObjectName(u"villageNameEditLabel")

        self.addressForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.villageNameEditLabel)

        self.villageNameEdit = QLineEdit(self.addressGroup)
        self.villageNameEdit.setObjectName(u"villageNameEdit")

        self.addressForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.villageNameEdit)

        self.soiEditLabel = QLabel(self.addressGroup)
        self.soiEditLabel.setObjectName(u"soiEditLabel")

        self.addressForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.soiEditLabel)

        self.soiEdit = QLineEdit(self.addressGroup)
        self.soiEdit.setObjectName(u"soiEdit")

        self.addressForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.soiEdit)

        self.roadEditLabel = QLabel(self.addressGroup)
        self.roadEditLabel.setObjectName(u"roadEditLabel")

        self.addressForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roadEditLabel)

        self.roadEdit = QLineEdit(self.addressGroup)
        self.roadEdit.setObjectName(u"roadEdit")

        self.addressForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roadEdit)

        self.subdistrictEditLabel = QLabel(self.addressGroup)
        self.subdistrictEditLabel.setObjectName(u"subdistrictEditLabel")

        self.addressForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.subdistrictEditLabel)

        self.subdistrictEdit = QLineEdit(self.addressGroup)
        self.subdistrictEdit.setObjectName(u"subdistrictEdit")

        self.addressForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.subdistrictEdit)

        self.districtEditLabel = QLabel(self.addressGroup)
        self.districtEditLabel.setObjectName(u"districtEditLabel")

        self.addressForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.districtEditLabel)

        self.districtEdit = QLineEdit(self.addressGroup)
        self.districtEdit.setObjectName(u"districtEdit")

        self.addressForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.districtEdit)

        self.provinceEditLabel = QLabel(self.addressGroup)
        self.provinceEditLabel.setObjectName(u"provinceEditLabel")

        self.addressForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.provinceEditLabel)

        self.provinceEdit = QLineEdit(self.addressGroup)
        self.provinceEdit.setObjectName(u"provinceEdit")

        self.addressForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.provinceEdit)

        self.postcodeEditLabel = QLabel(self.addressGroup)
        self.postcodeEditLabel.setObjectName(u"postcodeEditLabel")

        self.addressForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.postcodeEditLabel)

        self.postcodeEdit = QLineEdit(self.addressGroup)
        self.postcodeEdit.setObjectName(u"postcodeEdit")
        self.postcodeEdit.setMaxLength(5)

        self.addressForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)


        self.addressLayout.addLayout(self.addressForm)

        self.householdLabel = QLabel(self.addressGroup)
        self.householdLabel.setObjectName(u"householdLabel")
        self.householdLabel.setWordWrap(True)

        self.addressLayout.addWidget(self.householdLabel)

        self.householdButtons = QHBoxLayout()
        self.householdButtons.setObjectName(u"householdButtons")
        self.pickHouseholdButton = QPushButton(self.addressGroup)
        self.pickHouseholdButton.setObjectName(u"pickHouseholdButton")

        self.householdButtons.addWidget(self.pickHouseholdButton)

        self.newHouseholdButton = QPushButton(self.addressGroup)
        self.newHouseholdButton.setObjectName(u"newHouseholdButton")

        self.householdButtons.addWidget(self.newHouseholdButton)

        self.householdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.householdButtons.addItem(self.householdSpacer)


        self.addressLayout.addLayout(self.householdButtons)


        self.grid.addWidget(self.addressGroup, 0, 1, 1, 1)

        self.enrollmentGroup = QGroupBox(self.scrollContents)
        self.enrollmentGroup.setObjectName(u"enrollmentGroup")
        self.enrollmentGroup.setCheckable(True)
        self.enrollmentForm = QFormLayout(self.enrollmentGroup)
        self.enrollmentForm.setObjectName(u"enrollmentForm")
        self.yearSpinLabel = QLabel(self.enrollmentGroup)
        self.yearSpinLabel.setObjectName(u"yearSpinLabel")

        self.enrollmentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearSpinLabel)

        self.yearSpin = QSpinBox(self.enrollmentGroup)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2500)
        self.yearSpin.setMaximum(2700)

        self.enrollmentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.institutionComboLabel = QLabel(self.enrollmentGroup)
        self.institutionComboLabel.setObjectName(u"institutionComboLabel")

        self.enrollmentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.institutionComboLabel)

        self.institutionCombo = QComboBox(self.enrollmentGroup)
        self.institutionCombo.setObjectName(u"institutionCombo")

        self.enrollmentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.institutionCombo)

        self.levelComboLabel = QLabel(self.enrollmentGroup)
        self.levelComboLabel.setObjectName(u"levelComboLabel")

        self.enrollmentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.levelComboLabel)

        self.levelCombo = QComboBox(self.enrollmentGroup)
        self.levelCombo.setObjectName(u"levelCombo")

        self.enrollmentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.classroomEditLabel = QLabel(self.enrollmentGroup)
        self.classroomEditLabel.setObjectName(u"classroomEditLabel")

        self.enrollmentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.classroomEditLabel)

        self.classroomEdit = QLineEdit(self.enrollmentGroup)
        self.classroomEdit.setObjectName(u"classroomEdit")

        self.enrollmentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.classroomEdit)

        self.statusComboLabel = QLabel(self.enrollmentGroup)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.enrollmentForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusComboLabel)

        self.statusCombo = QComboBox(self.enrollmentGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.enrollmentForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)


        self.grid.addWidget(self.enrollmentGroup, 1, 1, 1, 1)

        self.guardianGroup = QGroupBox(self.scrollContents)
        self.guardianGroup.setObjectName(u"guardianGroup")
        self.guardianLayout = QVBoxLayout(self.guardianGroup)
        self.guardianLayout.setObjectName(u"guardianLayout")
        self.guardianTable = QTableWidget(self.guardianGroup)
        self.guardianTable.setObjectName(u"guardianTable")
        self.guardianTable.setMinimumSize(QSize(0, 130))
        self.guardianTable.setAlternatingRowColors(True)
        self.guardianTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.guardianLayout.addWidget(self.guardianTable)

        self.guardianButtons = QHBoxLayout()
        self.guardianButtons.setObjectName(u"guardianButtons")
        self.addGuardianButton = QPushButton(self.guardianGroup)
        self.addGuardianButton.setObjectName(u"addGuardianButton")

        self.guardianButtons.addWidget(self.addGuardianButton)

        self.removeGuardianButton = QPushButton(self.guardianGroup)
        self.removeGuardianButton.setObjectName(u"removeGuardianButton")

        self.guardianButtons.addWidget(self.removeGuardianButton)

        self.guardianSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.guardianButtons.addItem(self.guardianSpacer)


        self.guardianLayout.addLayout(self.guardianButtons)


        self.grid.addWidget(self.guardianGroup, 2, 0, 1, 2)

        self.scrollArea.setWidget(self.scrollContents)

        self.dialogLayout.addWidget(self.scrollArea)

        self.duplicateLabel = QLabel(ChildForm)
        self.duplicateLabel.setObjectName(u"duplicateLabel")
        self.duplicateLabel.setWordWrap(True)
        self.duplicateLabel.setStyleSheet(u"color: #8a5300; background: #fff4d6; padding: 4px;")

        self.dialogLayout.addWidget(self.duplicateLabel)

        self.errorLabel = QLabel(ChildForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChildForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.prefixComboLabel.setBuddy(self.prefixCombo)
        self.firstNameEditLabel.setBuddy(self.firstNameEdit)
        self.lastNameEditLabel.setBuddy(self.lastNameEdit)
        self.firstNameEnEditLabel.setBuddy(self.firstNameEnEdit)
        self.lastNameEnEditLabel.setBuddy(self.lastNameEnEdit)
        self.sexComboLabel.setBuddy(self.sexCombo)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.idTypeComboLabel.setBuddy(self.idTypeCombo)
        self.nationalIdEditLabel.setBuddy(self.nationalIdEdit)
        self.gCodeEditLabel.setBuddy(self.gCodeEdit)
        self.noIdReasonEditLabel.setBuddy(self.noIdReasonEdit)
        self.nationalityEditLabel.setBuddy(self.nationalityEdit)
        self.disabilityEditLabel.setBuddy(self.disabilityEdit)
        self.houseNoEditLabel.setBuddy(self.houseNoEdit)
        self.villageNoEditLabel.setBuddy(self.villageNoEdit)
        self.villageNameEditLabel.setBuddy(self.villageNameEdit)
        self.soiEditLabel.setBuddy(self.soiEdit)
        self.roadEditLabel.setBuddy(self.roadEdit)
        self.subdistrictEditLabel.setBuddy(self.subdistrictEdit)
        self.districtEditLabel.setBuddy(self.districtEdit)
        self.provinceEditLabel.setBuddy(self.provinceEdit)
        self.postcodeEditLabel.setBuddy(self.postcodeEdit)
        self.yearSpinLabel.setBuddy(self.yearSpin)
        self.institutionComboLabel.setBuddy(self.institutionCombo)
        self.levelComboLabel.setBuddy(self.levelCombo)
        self.classroomEditLabel.setBuddy(self.classroomEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.prefixCombo, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.firstNameEnEdit)
        QWidget.setTabOrder(self.firstNameEnEdit, self.lastNameEnEdit)
        QWidget.setTabOrder(self.lastNameEnEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.idTypeCombo)
        QWidget.setTabOrder(self.idTypeCombo, self.nationalIdEdit)
        QWidget.setTabOrder(self.nationalIdEdit, self.gCodeEdit)
        QWidget.setTabOrder(self.gCodeEdit, self.noIdReasonEdit)
        QWidget.setTabOrder(self.noIdReasonEdit, self.nationalityEdit)
        QWidget.setTabOrder(self.nationalityEdit, self.disabilityEdit)
        QWidget.setTabOrder(self.disabilityEdit, self.houseNoEdit)
        QWidget.setTabOrder(self.houseNoEdit, self.villageNoEdit)

        self.retranslateUi(ChildForm)

        QMetaObject.connectSlotsByName(ChildForm)
    # setupUi

    def retranslateUi(self, ChildForm):
        ChildForm.setWindowTitle(QCoreApplication.translate("ChildForm", u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e40\u0e14\u0e47\u0e01", None))
        self.identityGroup.setTitle(QCoreApplication.translate("ChildForm", u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e40\u0e14\u0e47\u0e01", None))
        self.prefixComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e04\u0e33\u0e19\u0e33\u0e2b\u0e19\u0e49\u0e32 *", None))
        self.firstNameEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e0a\u0e37\u0e48\u0e2d *", None))
        self.lastNameEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25 *", None))
        self.firstNameEnEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e0a\u0e37\u0e48\u0e2d (\u0e2d\u0e31\u0e07\u0e01\u0e24\u0e29)", None))
        self.firstNameEnEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"\u0e44\u0e21\u0e48\u0e1a\u0e31\u0e07\u0e04\u0e31\u0e1a", None))
        self.lastNameEnEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25 (\u0e2d\u0e31\u0e07\u0e01\u0e24\u0e29)", None))
        self.lastNameEnEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"\u0e44\u0e21\u0e48\u0e1a\u0e31\u0e07\u0e04\u0e31\u0e1a", None))
        self.sexComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e1e\u0e28 *", None))
        self.birthDateEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e27\u0e31\u0e19\u0e40\u0e01\u0e34\u0e14 (\u0e1e.\u0e28.) *", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"\u0e27\u0e27/\u0e14\u0e14/\u0e1b\u0e1b\u0e1b\u0e1b \u0e40\u0e0a\u0e48\u0e19 15/08/2562", None))
        self.idTypeComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17\u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27 *", None))
        self.nationalIdEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19", None))
        self.nationalIdEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"13 \u0e2b\u0e25\u0e31\u0e01 \u0e40\u0e0a\u0e48\u0e19 1-1037-02071-83-9", None))
        self.gCodeEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e23\u0e2b\u0e31\u0e2a G", None))
        self.gCodeEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"G \u0e15\u0e32\u0e21\u0e14\u0e49\u0e27\u0e22\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02 12 \u0e2b\u0e25\u0e31\u0e01", None))
        self.noIdReasonEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e2b\u0e15\u0e38\u0e17\u0e35\u0e48\u0e44\u0e21\u0e48\u0e21\u0e35\u0e40\u0e25\u0e02", None))
        self.noIdReasonEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e22\u0e31\u0e07\u0e44\u0e21\u0e48\u0e44\u0e14\u0e49\u0e41\u0e08\u0e49\u0e07\u0e40\u0e01\u0e34\u0e14", None))
        self.nationalityEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2a\u0e31\u0e0d\u0e0a\u0e32\u0e15\u0e34", None))
        self.disabilityEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e04\u0e27\u0e32\u0e21\u0e1e\u0e34\u0e01\u0e32\u0e23", None))
        self.disabilityEdit.setPlaceholderText(QCoreApplication.translate("ChildForm", u"\u0e16\u0e49\u0e32\u0e21\u0e35", None))
        self.addressGroup.setTitle(QCoreApplication.translate("ChildForm", u"\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48 (\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19)", None))
        self.houseNoEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48", None))
        self.villageNoEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2b\u0e21\u0e39\u0e48\u0e17\u0e35\u0e48", None))
        self.villageNameEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2b\u0e21\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19", None))
        self.soiEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e0b\u0e2d\u0e22", None))
        self.roadEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e16\u0e19\u0e19", None))
        self.subdistrictEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e15\u0e33\u0e1a\u0e25/\u0e41\u0e02\u0e27\u0e07", None))
        self.districtEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2d\u0e33\u0e40\u0e20\u0e2d/\u0e40\u0e02\u0e15", None))
        self.provinceEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14", None))
        self.postcodeEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e23\u0e2b\u0e31\u0e2a\u0e44\u0e1b\u0e23\u0e29\u0e13\u0e35\u0e22\u0e4c", None))
        self.householdLabel.setText("")
        self.pickHouseholdButton.setText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e17\u0e35\u0e48\u0e21\u0e35\u0e2d\u0e22\u0e39\u0e48\u2026", None))
#if QT_CONFIG(tooltip)
        self.pickHouseholdButton.setToolTip(QCoreApplication.translate("ChildForm", u"\u0e04\u0e49\u0e19\u0e2b\u0e32\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e08\u0e32\u0e01\u0e1a\u0e49\u0e32\u0e19\u0e40\u0e25\u0e02\u0e17\u0e35\u0e48 \u0e2b\u0e21\u0e39\u0e48\u0e17\u0e35\u0e48 \u0e2b\u0e23\u0e37\u0e2d\u0e0a\u0e37\u0e48\u0e2d\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01 \u0e41\u0e25\u0e49\u0e27\u0e43\u0e0a\u0e49\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u0e19\u0e31\u0e49\u0e19 \u0e41\u0e17\u0e19\u0e01\u0e32\u0e23\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u0e0b\u0e49\u0e33", None))
#endif // QT_CONFIG(tooltip)
        self.newHouseholdButton.setText(QCoreApplication.translate("ChildForm", u"\u0e41\u0e22\u0e01\u0e40\u0e1b\u0e47\u0e19\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e43\u0e2b\u0e21\u0e48", None))
#if QT_CONFIG(tooltip)
        self.newHouseholdButton.setToolTip(QCoreApplication.translate("ChildForm", u"\u0e40\u0e14\u0e47\u0e01\u0e22\u0e49\u0e32\u0e22\u0e44\u0e1b\u0e2d\u0e22\u0e39\u0e48\u0e1a\u0e49\u0e32\u0e19\u0e2d\u0e37\u0e48\u0e19: \u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u0e17\u0e35\u0e48\u0e01\u0e23\u0e2d\u0e01\u0e40\u0e1b\u0e47\u0e19\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19\u0e02\u0e2d\u0e07\u0e40\u0e14\u0e47\u0e01\u0e40\u0e2d\u0e07 \u0e42\u0e14\u0e22\u0e44\u0e21\u0e48\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e17\u0e35\u0e48\u0e2d\u0e22\u0e39\u0e48\u0e02\u0e2d\u0e07\u0e2a\u0e21\u0e32\u0e0a\u0e34\u0e01\u0e04\u0e19\u0e2d\u0e37\u0e48\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.enrollmentGroup.setTitle(QCoreApplication.translate("ChildForm", u"\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.yearSpinLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e1b\u0e35\u0e01\u0e32\u0e23\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.institutionComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32", None))
        self.levelComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e0a\u0e31\u0e49\u0e19", None))
        self.classroomEditLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2b\u0e49\u0e2d\u0e07", None))
        self.statusComboLabel.setText(QCoreApplication.translate("ChildForm", u"\u0e2a\u0e16\u0e32\u0e19\u0e30", None))
        self.guardianGroup.setTitle(QCoreApplication.translate("ChildForm", u"\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07", None))
        self.addGuardianButton.setText(QCoreApplication.translate("ChildForm", u"\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07", None))
        self.removeGuardianButton.setText(QCoreApplication.translate("ChildForm", u"\u0e25\u0e1a\u0e1c\u0e39\u0e49\u0e1b\u0e01\u0e04\u0e23\u0e2d\u0e07\u0e17\u0e35\u0e48\u0e40\u0e25\u0e37\u0e2d\u0e01", None))
        self.duplicateLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi
