# generated from ui/home_view.ui by packaging/build_ui.py — do not edit

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_HomeView(object):
    def setupUi(self, HomeView):
        if not HomeView.objectName():
            HomeView.setObjectName(u"HomeView")
        HomeView.resize(900, 620)
        self.outerLayout = QVBoxLayout(HomeView)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(HomeView)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.page = QWidget()
        self.page.setObjectName(u"page")
        self.pageLayout = QVBoxLayout(self.page)
        self.pageLayout.setSpacing(12)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(18, 14, 18, 14)
        self.demoBadge = QLabel(self.page)
        self.demoBadge.setObjectName(u"demoBadge")
        self.demoBadge.setWordWrap(True)
        self.demoBadge.setStyleSheet(u"QLabel { background: #fff4e0; color: #7a4100; border: 1px solid #f0b060; border-radius: 4px; padding: 8px; font-weight: bold; }")

        self.pageLayout.addWidget(self.demoBadge)

        self.officeLabel = QLabel(self.page)
        self.officeLabel.setObjectName(u"officeLabel")
        self.officeLabel.setWordWrap(True)
        self.officeLabel.setStyleSheet(u"font-size: 20px; font-weight: bold; color: #102a43;")

        self.pageLayout.addWidget(self.officeLabel)

        self.officeDetailLabel = QLabel(self.page)
        self.officeDetailLabel.setObjectName(u"officeDetailLabel")
        self.officeDetailLabel.setWordWrap(True)
        self.officeDetailLabel.setStyleSheet(u"color: #486581;")

        self.pageLayout.addWidget(self.officeDetailLabel)

        self.countsRow = QHBoxLayout()
        self.countsRow.setSpacing(10)
        self.countsRow.setObjectName(u"countsRow")
        self.childrenButton = QPushButton(self.page)
        self.childrenButton.setObjectName(u"childrenButton")
        self.childrenButton.setMinimumSize(QSize(0, 64))
        self.childrenButton.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))

        self.countsRow.addWidget(self.childrenButton)

        self.householdsButton = QPushButton(self.page)
        self.householdsButton.setObjectName(u"householdsButton")
        self.householdsButton.setMinimumSize(QSize(0, 64))
        self.householdsButton.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))

        self.countsRow.addWidget(self.householdsButton)

        self.institutionsButton = QPushButton(self.page)
        self.institutionsButton.setObjectName(u"institutionsButton")
        self.institutionsButton.setMinimumSize(QSize(0, 64))
        self.institutionsButton.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))

        self.countsRow.addWidget(self.institutionsButton)


        self.pageLayout.addLayout(self.countsRow)

        self.todoGroup = QGroupBox(self.page)
        self.todoGroup.setObjectName(u"todoGroup")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.todoGroup.sizePolicy().hasHeightForWidth())
        self.todoGroup.setSizePolicy(sizePolicy)
        self.todoLayout = QVBoxLayout(self.todoGroup)
        self.todoLayout.setObjectName(u"todoLayout")
        self.noTodoLabel = QLabel(self.todoGroup)
        self.noTodoLabel.setObjectName(u"noTodoLabel")
        self.noTodoLabel.setWordWrap(True)
        self.noTodoLabel.setStyleSheet(u"color: #486581;")

        self.todoLayout.addWidget(self.noTodoLabel)

        self.todoList = QListWidget(self.todoGroup)
        self.todoList.setObjectName(u"todoList")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.todoList.sizePolicy().hasHeightForWidth())
        self.todoList.setSizePolicy(sizePolicy1)
        self.todoList.setMaximumSize(QSize(16777215, 180))

        self.todoLayout.addWidget(self.todoList)


        self.pageLayout.addWidget(self.todoGroup)

        self.activityGroup = QGroupBox(self.page)
        self.activityGroup.setObjectName(u"activityGroup")
        sizePolicy.setHeightForWidth(self.activityGroup.sizePolicy().hasHeightForWidth())
        self.activityGroup.setSizePolicy(sizePolicy)
        self.activityForm = QFormLayout(self.activityGroup)
        self.activityForm.setObjectName(u"activityForm")
        self.activityForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.importCaption = QLabel(self.activityGroup)
        self.importCaption.setObjectName(u"importCaption")

        self.activityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.importCaption)

        self.importLabel = QLabel(self.activityGroup)
        self.importLabel.setObjectName(u"importLabel")
        self.importLabel.setWordWrap(True)

        self.activityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.importLabel)

        self.exportCaption = QLabel(self.activityGroup)
        self.exportCaption.setObjectName(u"exportCaption")

        self.activityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.exportCaption)

        self.exportLabel = QLabel(self.activityGroup)
        self.exportLabel.setObjectName(u"exportLabel")
        self.exportLabel.setWordWrap(True)

        self.activityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.exportLabel)

        self.backupCaption = QLabel(self.activityGroup)
        self.backupCaption.setObjectName(u"backupCaption")

        self.activityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.backupCaption)

        self.backupLabel = QLabel(self.activityGroup)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)

        self.activityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.backupLabel)

        self.databaseCaption = QLabel(self.activityGroup)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.activityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databaseLabel = QLabel(self.activityGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.activityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.databaseLabel)


        self.pageLayout.addWidget(self.activityGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.page)

        self.outerLayout.addWidget(self.scroll)


        self.retranslateUi(HomeView)

        QMetaObject.connectSlotsByName(HomeView)
    # setupUi

    def retranslateUi(self, HomeView):
        self.demoBadge.setText(QCoreApplication.translate("HomeView", u"\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e15\u0e31\u0e27\u0e2d\u0e22\u0e48\u0e32\u0e07 \u2014 \u0e44\u0e21\u0e48\u0e43\u0e0a\u0e48\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e08\u0e23\u0e34\u0e07: \u0e40\u0e14\u0e47\u0e01 \u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19 \u0e41\u0e25\u0e30\u0e2a\u0e16\u0e32\u0e19\u0e28\u0e36\u0e01\u0e29\u0e32\u0e43\u0e19\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e19\u0e35\u0e49\u0e40\u0e1b\u0e47\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e2a\u0e21\u0e21\u0e38\u0e15\u0e34\u0e2a\u0e33\u0e2b\u0e23\u0e31\u0e1a\u0e17\u0e14\u0e25\u0e2d\u0e07\u0e43\u0e0a\u0e49 \u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e08\u0e23\u0e34\u0e07\u0e02\u0e2d\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e40\u0e1b\u0e34\u0e14\u0e44\u0e14\u0e49\u0e08\u0e32\u0e01\u0e40\u0e21\u0e19\u0e39 \u0e41\u0e1f\u0e49\u0e21 \u203a \u0e40\u0e1b\u0e34\u0e14\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14 \u0e2b\u0e23\u0e37\u0e2d \u0e41\u0e1f\u0e49\u0e21 \u203a \u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21"
                        "\u0e39\u0e25\u0e43\u0e2b\u0e21\u0e48", None))
        self.officeLabel.setText("")
        self.officeDetailLabel.setText("")
        self.todoGroup.setTitle(QCoreApplication.translate("HomeView", u"\u0e2a\u0e34\u0e48\u0e07\u0e17\u0e35\u0e48\u0e15\u0e49\u0e2d\u0e07\u0e17\u0e33\u0e27\u0e31\u0e19\u0e19\u0e35\u0e49", None))
        self.noTodoLabel.setText(QCoreApplication.translate("HomeView", u"\u0e44\u0e21\u0e48\u0e21\u0e35\u0e07\u0e32\u0e19\u0e04\u0e49\u0e32\u0e07", None))
        self.activityGroup.setTitle(QCoreApplication.translate("HomeView", u"\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14", None))
        self.importCaption.setText(QCoreApplication.translate("HomeView", u"\u0e19\u0e33\u0e40\u0e02\u0e49\u0e32\u0e04\u0e23\u0e31\u0e49\u0e07\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14", None))
        self.importLabel.setText("")
        self.exportCaption.setText(QCoreApplication.translate("HomeView", u"\u0e2a\u0e48\u0e07\u0e2d\u0e2d\u0e01\u0e04\u0e23\u0e31\u0e49\u0e07\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14", None))
        self.exportLabel.setText("")
        self.backupCaption.setText(QCoreApplication.translate("HomeView", u"\u0e2a\u0e33\u0e23\u0e2d\u0e07\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14", None))
        self.backupLabel.setText("")
        self.databaseCaption.setText(QCoreApplication.translate("HomeView", u"\u0e44\u0e1f\u0e25\u0e4c\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25", None))
        self.databaseLabel.setText("")
        pass
    # retranslateUi
