"""The exchange's screenshots for packaging/screenshots.py: the export as a director sees
it and the verify of its bundle at the province (a database of its own), and the
province's pages on a province that really imported three municipalities' bundles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from screenshots_common import PASSWORD, TODAY

PROVINCE_DB: list[object] = []  # the demo municipality's province (made once, for both sizes)


def exchange(shots: Any) -> None:
    """The exchange's dialogs (issue 10): the export as a director sees it (the office's
    keys made, its province's card enrolled), and at that province (a database of its
    own) the verify of the bundle the export wrote."""
    from desktop.domain.roles import Role
    from desktop.gui.views.exchange_export import ExportDialog
    from desktop.gui.views.exchange_import import BundleImportDialog
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_keys import current_card, make_office_keys

    db, actor = shots.ctx.db, shots.ctx.db.actor
    sign_in(db, Actor(actor.user_id, actor.name, actor.full_name, (*actor.grants, Grant(Role.CERTIFIER))))
    try:
        with db.session() as s:
            if current_card(s) is None:
                town_card = make_office_keys(s, password=PASSWORD).to_bytes()
                PROVINCE_DB.append(_province(shots.tmp, town_card, s))
        shots.dialog("exchange-export", lambda: ExportDialog(shots.ctx, shots.window, today=TODAY))
        bundle = shots.tmp / "ส่งจังหวัด-6300101-ชุดที่1.samoe"
        if not bundle.exists():
            with db.session() as s:
                export_bundle(s, bundle, password=PASSWORD)
    finally:
        sign_in(db, actor)
    from desktop.gui.context import AppContext
    from desktop.gui.tasks import TaskRunner

    province = AppContext(PROVINCE_DB[0], TaskRunner(shots.app), shots.ctx.settings)

    def verified(dialog: QWidget) -> None:
        dialog.file_edit.setText(str(bundle))  # type: ignore[attr-defined]
        dialog.password.edit.setText(PASSWORD)  # type: ignore[attr-defined]
        dialog.verify()  # type: ignore[attr-defined]
        province.tasks.wait(60_000)
        shots.settle()

    shots.dialog("exchange-import", lambda: BundleImportDialog(province, shots.window), verified)
    province.tasks.wait(10_000)
    transfers(shots, province)


TRANSFER: list[Path] = []  # the province's transfer file for the demo municipality (made once)
SENDER = ("6300202", "องค์การบริหารส่วนตำบลโนนสูง")


def transfers(shots: Any, province: Any) -> None:
    """A case transfer (issue 13): another municipality (its own database) closed three
    cases as transferred to the demo municipality and sent them, the province wrote them
    into a file, then a fourth came; the province's municipalities page with its
    ไฟล์ส่งต่อกรณี (ใหม่ 1 จาก 4)… button for the demo municipality, that button's list
    (which were written into a file, when, which is new), and
    the file's preview at the demo municipality: one child found by national ID, one
    by name and birth date only (its choice made: that registry child), one new."""
    from desktop.domain.roles import Role
    from desktop.gui.main_window import MainWindow
    from desktop.gui.views.transfer_receive import TransferReceiveDialog
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.case_transfer_preview import preview_transfer

    if not TRANSFER:
        TRANSFER.append(_transfer_file(shots, province.db))
    window = MainWindow(province)
    window.resize(*shots.screen)
    window.move(0, 0)
    window.show()
    window.show_page("province-municipalities")
    view = window.province_mode.municipalities
    if view is not None:
        view.refresh()
        view.select_code("6300101")
    shots.save(window, "province-transfers")
    if view is not None:  # its list: three written into the file, the one that came after it new
        view.open_transfers()
        if view.transfers is not None:
            shots.settle()
            shots.save(view.transfers, "province-transfers-list")
            view.transfers.close()
    window.close()
    db, actor = shots.ctx.db, shots.ctx.db.actor
    sign_in(db, Actor(actor.user_id, actor.name, actor.full_name, (*actor.grants, Grant(Role.CERTIFIER))))
    try:
        with db.reader() as s:
            preview = preview_transfer(s, TRANSFER[0], password=PASSWORD)

        def chosen(dialog: QWidget) -> None:
            for case in preview.waiting:
                dialog.choose(case.number, case.candidates[0].uuid)  # type: ignore[attr-defined]
            dialog.table.setCurrentCell(next(  # type: ignore[attr-defined]
                i for i, c in enumerate(preview.cases) if c.match == "name_birth"), 1)

        shots.dialog("exchange-transfer-receive",
                     lambda: TransferReceiveDialog(shots.ctx, TRANSFER[0], preview, PASSWORD, shots.window), chosen)
    finally:
        sign_in(db, actor)


def _transfer_file(shots: Any, province: Any) -> Path:
    """The sender (a database of its own) with three children copied from the demo
    municipality's registry (one with its national ID, one by name and birth date only)
    and one new, a case each closed as transferred to the demo municipality; its bundle
    imported at the province, which writes the transfer file."""
    from datetime import date, timedelta

    from sqlalchemy import select

    from desktop.domain.cases import CaseSource
    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.case_transfer import write_transfer_file
    from desktop.services.cases import open_case, transfer_close
    from desktop.services.database import open_database
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_keys import current_card, make_office_keys
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.office import init_office
    from desktop.services.users import create_first_admin
    from desktop.store.models import Child, Office

    tmp = shots.tmp
    db, _ = open_database(tmp / "sender.db", create=True)
    admin = create_first_admin(db, "somchai", PASSWORD, "นายสมชาย มั่นคง")
    sign_in(db, Actor(admin.user_id, admin.name, admin.full_name,
                      tuple(Grant(r) for r in (Role.ADMIN, Role.CERTIFIER, Role.SUPERVISOR))))
    with db.session() as s:
        init_office(s, name=SENDER[1], code=SENDER[0], province="นครราชสีมา")
    with db.session() as s:
        card = make_office_keys(s, password=PASSWORD).to_bytes()
    with province.session() as s:
        enrol_card(s, card)
        mine = current_card(s)
        assert mine is not None
        province_card = mine.to_bytes()
    with db.session() as s:
        enrol_card(s, province_card)
    with shots.ctx.db.reader() as s:
        demo = s.scalars(select(Child).where(Child.deleted_at.is_(None), Child.national_id.is_not(None))
                         .order_by(Child.id).offset(40).limit(2)).all()
        copies = [{k: getattr(c, k) for k in ("prefix", "first_name", "last_name", "sex", "birth_date")}
                  for c in demo]
        ids = [c.national_id for c in demo]
    uuids = []
    with db.session() as s:
        office = s.scalars(select(Office.id).where(Office.is_local.is_(True))).one()
        for i, values in enumerate([*copies, {"prefix": "ด.ช.", "first_name": "ธนากร", "last_name": "ย้ายถิ่น",
                                             "sex": "M", "birth_date": TODAY.replace(year=TODAY.year - 12)}]):
            child = Child(**values, id_type="national_id" if i == 0 else "none",
                          national_id=ids[0] if i == 0 else None, origin_office_id=office)
            s.add(child)
            s.flush()
            uuids.append(child.uuid)
    moved = TODAY - timedelta(days=10)

    def transfer(uuid: str, on: date) -> None:
        with db.session() as s:
            case = open_case(s, uuid, on - timedelta(days=30), source=CaseSource.VOLUNTEER, today=TODAY)
        with db.session() as s:
            transfer_close(s, case.id, on, office="เทศบาลตำบลบ้านใหม่", office_code="6300101",
                           note="ย้ายตามผู้ปกครองไปทำงาน", today=TODAY)

    def send(n: int) -> None:
        bundle = tmp / f"sender-{n}.samoe"
        with db.session() as s:
            export_bundle(s, bundle, password=PASSWORD)
        with province.session() as s:
            import_file(s, bundle, password=PASSWORD)

    for uuid in uuids:
        transfer(uuid, moved)
    send(1)
    out = tmp / "ส่งต่อกรณี-6300101.samoe-transfer"
    with province.session() as s:
        write_transfer_file(s, "6300101", out, password=PASSWORD)
    # a fourth case arrives after that file: new (never written) on the province's list
    with db.session() as s:
        later = Child(prefix="ด.ญ.", first_name="กานดา", last_name="ย้ายถิ่น", sex="F", id_type="none",
                      birth_date=TODAY.replace(year=TODAY.year - 13), origin_office_id=office)
        s.add(later)
        s.flush()
        later_uuid = later.uuid
    transfer(later_uuid, TODAY - timedelta(days=2))
    send(2)
    db.dispose()
    return out


def province(shots: Any) -> None:
    """The province's pages (its own database) and one municipality's bundles."""
    from desktop.gui.main_window import MainWindow
    from desktop.gui.session_menu import SessionControls
    from desktop.gui.views.province_municipalities import ProvinceBundlesDialog

    window = MainWindow(shots.ctx)
    SessionControls(window, shots.ctx.db.actor)
    window.resize(*shots.screen)
    window.move(0, 0)
    window.show()
    if window.province_mode.centres is not None:
        window.province_mode.centres.today = TODAY  # the demo's day: the term's attendance so far
    if window.province_mode.cases is not None:
        window.province_mode.cases.today = TODAY  # follow-ups overdue as of the demo's day
    for page, name in (("province-municipalities", "province-municipalities"),
                       ("province-reconcile", "province-reconcile"),
                       ("province-screening", "province-screening"),
                       ("province-centres", "province-centres"),
                       ("province-cases", "province-cases")):
        window.show_page(page)
        shots.save(window, name)
    view = window.province_mode.municipalities
    assert view is not None
    code, name = next((r.office_code, r.office_name) for r in view.rows if r.bundles)
    shots.dialog("province-bundles", lambda: ProvinceBundlesDialog(shots.ctx, code, name, window))
    window.close()


def _province(tmp: Path, town_card: bytes, town_session) -> object:  # type: ignore[no-untyped-def]
    """The province of the demo municipality: a database of its own, its officer, its
    keys, the town's card in its trust list and its own card in the town's."""
    from desktop.services.access import sign_in
    from desktop.services.database import open_database
    from desktop.services.exchange_keys import make_office_keys
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.office import init_office
    from desktop.services.users import create_first_admin

    db, _ = open_database(tmp / "province.db", create=True)
    sign_in(db, create_first_admin(db, "somsri", PASSWORD, "นางสมศรี รักงาน", office_role="province"))
    with db.session() as s:
        init_office(s, name="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", code="1300000",
                    role="province", province="นครราชสีมา")
    with db.session() as s:
        card = make_office_keys(s, password=PASSWORD).to_bytes()
        enrol_card(s, town_card)
    enrol_card(town_session, card)
    return db


PROVINCE_OFFICES = (  # code, name, children (0: the province), seed, bundles sent (days ago)
    ("6300101", "เทศบาลตำบลบ้านใหม่", 300, 1, (70, 4)),
    ("6300202", "องค์การบริหารส่วนตำบลโนนสูง", 200, 2, (45,)),
    ("6300303", "เทศบาลตำบลหนองบัว", 150, 3, ()),  # enrolled, never sent
    ("1300000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", 0, 0, ()),
)


def province_with_bundles(tmp: Path):  # type: ignore[no-untyped-def]
    """A province database that really imported bundles: three municipalities set up with
    their keys and demo children, cards enrolled both ways, bundles exported and imported
    at the times given (one never sent), two children who moved (one pair decided)."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_keys import make_office_keys
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.office import init_office
    from desktop.services.province_reconcile import decide, reconcile_rows
    from desktop.services.users import create_first_admin
    from desktop.store.models import Child, Office

    password = "screenshots-only"
    sites = []
    for code, name, children, seed, _sent in PROVINCE_OFFICES:
        role = "municipality" if children else "province"
        db, _ = open_database(tmp / f"office-{code}.db", create=True)
        admin = create_first_admin(db, "somjai", password, "นางสาวสมใจ ใจดี", office_role=role)
        work = (Role.CLERK, Role.CERTIFIER) if children else (Role.PROVINCE,)
        sign_in(db, Actor(admin.user_id, admin.name, admin.full_name, tuple(Grant(r) for r in (Role.ADMIN, *work))))
        with db.session() as s:
            init_office(s, name=name, code=code, role=role, province="นครราชสีมา")
        with db.session() as s:
            card = make_office_keys(s, password=password).to_bytes()
        if children:  # with screenings: the province's screening page shows them per municipality
            fill_demo(db.engine, children=children, seed=seed, today=TODAY, screenings=True, grant_round=True)
        sites.append((db, card))
    province = sites[-1][0]
    for db, card in sites[:-1]:
        with province.session() as s:
            enrol_card(s, card)
        with db.session() as s:
            enrol_card(s, sites[-1][1])
    with sites[0][0].reader() as s:  # two children of the first who moved to the second
        moved = s.scalars(select(Child.national_id).where(Child.national_id.is_not(None))
                          .order_by(Child.id).limit(2)).all()
    second = sites[1][0]
    with second.session() as s:
        office = s.scalars(select(Office.id).where(Office.is_local.is_(True))).one()
        for i, national_id in enumerate(moved):
            s.add(Child(prefix="ด.ช." if i else "ด.ญ.", first_name=("ปั้นใจ", "ภูมิ")[i], last_name="ย้ายมา",
                        sex="M" if i else "F", birth_date=TODAY.replace(year=2020, day=3 + i), id_type="national_id",
                        national_id=national_id, origin_office_id=office))
    today = datetime.now(UTC).replace(hour=9, minute=30, second=0, microsecond=0)
    sends = sorted((days, n) for n, (*_rest, sent) in enumerate(PROVINCE_OFFICES) for days in sent)
    for days, n in reversed(sends):  # the oldest first
        when = today - timedelta(days=days)
        bundle = tmp / f"bundle-{n}-{days}.samoe"
        with sites[n][0].session() as s:
            export_bundle(s, bundle, password=password, now=when)
        with province.session() as s:
            import_file(s, bundle, password=password, now=when)
    with province.session() as s:
        first = reconcile_rows(s)[0]
        decide(s, first.id, "moved", note="ย้ายไปอยู่กับยาย")
    for db, _card in sites[:-1]:
        db.dispose()
    return province
