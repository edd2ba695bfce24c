"""Reading the audit log: a child's history (the GUI's panel), ``samoe audit log``, and the
chain's check (``samoe audit verify``). Every text is Thai through ``_()``.

The queries page in SQL (``LIMIT``/``OFFSET`` over the ``(subject_uuid, id)`` index), so
a child with a long history or a log of a million entries is never loaded whole.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.columns import COLUMN_BY_KEY
from desktop.domain.dates import format_be_local
from desktop.domain.limits import ADDRESS_LABELS
from desktop.i18n import N_, _
from desktop.store.audit_chain import Problem, verify
from desktop.store.models import AuditEntry, Child

ACTIONS: dict[str, str] = {
    "create": N_("เพิ่ม"),
    "update": N_("แก้ไข"),
    "delete": N_("ลบ"),
    "restore": N_("กู้คืน"),
    "view": N_("เปิดดู"),
    "import": N_("นำเข้า"),
    "undo_import": N_("ยกเลิกการนำเข้า"),
    "export": N_("ส่งออก"),
    "report": N_("พิมพ์รายงาน"),
    "recovery_key_print": N_("พิมพ์รหัสกู้คืน"),
    "merge": N_("รวมครัวเรือน (ถูกรวม)"),
    "merge_into": N_("รวมครัวเรือน (รับรวม)"),
    "unmerge": N_("ยกเลิกการรวมครัวเรือน"),
    "household_move": N_("ย้ายครัวเรือน"),
    "household_update": N_("แก้ไขที่อยู่ครัวเรือน"),
    "login": N_("เข้าสู่ระบบ"),
    "login_failed": N_("เข้าสู่ระบบไม่สำเร็จ"),
    "lock": N_("ล็อกบัญชี (รหัสผ่านผิดหลายครั้ง)"),
    "unlock": N_("ปลดล็อกบัญชี"),
    "suspend": N_("ระงับบัญชี"),
    "user_add": N_("เพิ่มผู้ใช้"),
    "password": N_("ตั้งรหัสผ่านใหม่"),
    "roles": N_("เปลี่ยนบทบาท"),
    "settings": N_("แก้ไขการตั้งค่า"),
    "rekey": N_("เปลี่ยนกุญแจเข้ารหัสฐานข้อมูล"),
    "backup": N_("สำรองข้อมูล"),
    "keys_make": N_("สร้างกุญแจของหน่วยงาน"),
    "keys_rotate": N_("เปลี่ยนกุญแจของหน่วยงาน"),
    "keys_share": N_("มอบกุญแจของหน่วยงานให้ผู้ใช้"),
    "keys_card": N_("ออกบัตรกุญแจ"),
    "trust_enrol": N_("ลงทะเบียนบัตรกุญแจที่เชื่อถือ"),
    "trust_revoke": N_("เพิกถอนกุญแจที่เชื่อถือ"),
    "exchange_export": N_("ส่งชุดข้อมูลถึงจังหวัด"),
    "exchange_receipt": N_("บันทึกใบตอบรับจากจังหวัด"),
    "exchange_import": N_("นำเข้าชุดข้อมูลจาก อปท."),
    "receipt_issue": N_("ออกใบตอบรับ"),
    "exchange_reconcile": N_("ตรวจสอบเด็กเลขเดียวกันจากหลายหน่วยงาน"),
    "screening_save": N_("บันทึกแบบคัดกรอง"),
    "screening_submit": N_("ส่งแบบคัดกรองให้รับรอง"),
    "screening_certify": N_("รับรองแบบคัดกรอง"),
    "screening_return": N_("ส่งแบบคัดกรองกลับให้แก้ไข"),
    "screening_void": N_("ยกเลิกการรับรองเพราะแก้ไขข้อมูล"),
    "screening_photo": N_("เพิ่มรูปในแบบคัดกรอง"),
    "rulepack_install": N_("ติดตั้งชุดเกณฑ์คัดกรอง"),
    "rulepack_rescore": N_("คิดผลคัดกรองใหม่ด้วยชุดเกณฑ์"),
    "rulepack_sign": N_("ลงนามชุดเกณฑ์คัดกรอง"),
    "grant_round_create": N_("สร้างรอบทุน"),
    "attendance_record": N_("บันทึกการมาเรียนของภาคเรียน"),
    "grant_payment": N_("บันทึกการจ่ายเงินทุน"),
    "grant_payment_return": N_("บันทึกการคืนเงินทุน"),
    "centre_room": N_("เพิ่มห้องเรียนของ ศพด."),
    "centre_place": N_("จัดเด็กเข้าห้องเรียน ศพด."),
    "centre_register": N_("บันทึกการมาเรียนประจำวัน ศพด."),
    "centre_closed": N_("กำหนดวันหยุดของ ศพด."),
    "centre_opened": N_("ยกเลิกวันหยุดของ ศพด."),
    "centre_rate": N_("บันทึกอัตราค่าอาหารกลางวัน/อาหารเสริม (นม)"),
    "centre_feed_grants": N_("นำการมาเรียนของ ศพด. ไปใช้กับรอบทุน"),
    "centre_import": N_("นำเข้าการมาเรียนประจำวัน ศพด."),
    "growth_measure": N_("บันทึกน้ำหนักและส่วนสูง"),
    "dspm_check": N_("บันทึกผลประเมินพัฒนาการ (DSPM)"),
    "dspm_referral": N_("ส่งต่อประเมินพัฒนาการ (TEDA4I)"),
    "dspm_referral_outcome": N_("บันทึกผลการประเมินที่โรงพยาบาล"),
    # out-of-school children's cases: opening, moves, closure, transfer, tracing (issue 13, services/cases.py)
    "case_open": N_("เปิดกรณีเด็กนอกระบบการศึกษา"),
    "case_move": N_("เปลี่ยนสถานะกรณีเด็กนอกระบบ"),
    "case_close": N_("อนุมัติปิดกรณีเด็กนอกระบบ"),
    "case_transfer": N_("ส่งต่อกรณีเด็กนอกระบบให้ อปท. อื่น"),
    "case_transfer_file": N_("เขียนไฟล์ส่งต่อกรณีเด็กนอกระบบให้ อปท. ปลายทาง"),
    "case_receive": N_("รับโอนกรณีเด็กนอกระบบจาก อปท. อื่น"),
    "case_assign": N_("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบกรณี"),
    "trace_visit": N_("บันทึกการออกติดตามเด็กนอกระบบ"),
    "growth_measure_edit": N_("แก้ไขน้ำหนักและส่วนสูง"),
    "growth_measure_delete": N_("ลบผลการชั่งน้ำหนักและวัดส่วนสูง"),
    "dspm_check_edit": N_("แก้ไขผลประเมินพัฒนาการ (DSPM)"),
    "dspm_check_delete": N_("ลบผลประเมินพัฒนาการ (DSPM)"),
    # out-of-school children's cases: the assessment, the plan, follow-ups, referrals (issue 13)
    "assessment_save": N_("บันทึกการประเมินความต้องการของเด็กนอกระบบ"),
    "plan_save": N_("บันทึกแผนการช่วยเหลือเด็กรายบุคคล"),
    "plan_submit": N_("เสนอแผนการช่วยเหลือเด็กรายบุคคลเพื่ออนุมัติ"),
    "plan_approve": N_("อนุมัติแผนการช่วยเหลือเด็กรายบุคคล"),
    "plan_return": N_("ส่งแผนการช่วยเหลือเด็กรายบุคคลกลับให้แก้ไข"),
    "plan_outcome": N_("บันทึกผลการดำเนินงานตามแผนการช่วยเหลือ"),
    "follow_up": N_("บันทึกการนิเทศติดตามเด็กนอกระบบ"),
    "referral_send": N_("ส่งต่อเด็กนอกระบบไปยังหน่วยงานอื่น"),
    "referral_move": N_("บันทึกคำตอบของหน่วยงานที่รับการส่งต่อ"),
}
ENTITIES: dict[str, str] = {
    "exchange": N_("ชุดข้อมูลแลกเปลี่ยน"),
    "child": N_("เด็ก"),
    "household": N_("ครัวเรือน"),
    "institution": N_("สถานศึกษา"),
    "import_batch": N_("การนำเข้า"),
    "demo": N_("ข้อมูลตัวอย่าง"),
    "user": N_("ผู้ใช้"),
    "children": N_("รายชื่อเด็ก"),
    "households": N_("รายชื่อครัวเรือน"),
    "institutions": N_("รายชื่อสถานศึกษา"),
    "import-batches": N_("ประวัติการนำเข้า"),
    "children-list": N_("รายชื่อเด็ก (พิมพ์)"),
    "households-list": N_("รายชื่อครัวเรือน (พิมพ์)"),
    "institutions-list": N_("รายชื่อสถานศึกษา (พิมพ์)"),
    "registry-summary": N_("สรุปทะเบียน (พิมพ์)"),
    "child-profile": N_("ประวัติเด็ก (พิมพ์)"),
    "child-history": N_("ประวัติการแก้ไขและการเปิดดู (พิมพ์)"),
    "database": N_("ฐานข้อมูล"),
    "office_key": N_("กุญแจของหน่วยงาน"),
    "trusted_key": N_("บัตรกุญแจที่เชื่อถือ"),
    "screening": N_("แบบคัดกรองความยากจน"),
    "rulepack": N_("ชุดเกณฑ์คัดกรอง"),
    "grant_round": N_("รอบทุน"),
    "term": N_("ภาคเรียน"),
    "centre_room": N_("ห้องเรียน ศพด."),
    "centre": N_("ศูนย์พัฒนาเด็กเล็ก"),
    "centre_rate": N_("อัตราค่าอาหาร ศพด."),
    "dspm_referral": N_("การส่งต่อประเมินพัฒนาการ"),
    "oos_case": N_("กรณีเด็กนอกระบบการศึกษา"),
    "oos_referral": N_("การส่งต่อเด็กนอกระบบ"),
}
FIELDS: dict[str, str] = {
    "id_type": N_("ประเภทเลขประจำตัว"),
    "address": N_("ที่อยู่"),
    "guardians": N_("ผู้ปกครอง"),
    "enrollments": N_("การเข้าเรียน"),
    "household": N_("ครัวเรือน"),
    "house_code": N_("รหัสประจำบ้าน"),
    "phone": N_("โทรศัพท์"),
    "code": N_("รหัส"),
    "name": N_("ชื่อ"),
    "rows": N_("จำนวนแถว"),
    "pages": N_("จำนวนหน้า"),
    "title": N_("รายการ"),
    "file": N_("ไฟล์"),
    "children": N_("เด็ก (คน)"),
    "demo": N_("ข้อมูลตัวอย่าง ชุดที่"),
    "import_batch": N_("รหัสการนำเข้า"),
    "undo_import": N_("ยกเลิกการนำเข้ารหัส"),
    # a centre's register, rooms and rates (services/centre*.py)
    "day": N_("วันที่"),
    "absent": N_("ไม่มา (คน)"),
    "present": N_("มา (คน)"),
    "changed": N_("รายการที่เปลี่ยน"),
    "back_dated_days": N_("บันทึกย้อนหลัง (วัน)"),
    "first": N_("บันทึกครั้งแรก"),
    "room": N_("ห้อง"),
    "since": N_("ตั้งแต่วันที่"),
    "moved_from": N_("ย้ายจากห้อง"),
    "year": N_("ปีการศึกษา"),
    "kind": N_("ประเภท"),
    "from": N_("ใช้ตั้งแต่"),
    "satang": N_("อัตรา (สตางค์)"),
    "checked": N_("ตรวจแล้ว"),
    "reason": N_("เหตุผล"),
    "registers": N_("ห้อง-วันที่บันทึก"),
    "closed": N_("วันที่ศูนย์ปิด (วัน)"),
    # an out-of-school case's entries (services/cases.py, case_trace.py)
    "from_status": N_("จากสถานะ"),
    "to_status": N_("เป็นสถานะ"),
    "changed_on": N_("วันที่เปลี่ยนสถานะ"),
    "place": N_("สถานที่"),
    "outcome": N_("ผลการปิดกรณี"),
    "opened_on": N_("วันเปิดกรณี"),
    "source": N_("ที่มาของกรณี"),
    "worker": N_("เจ้าหน้าที่ผู้รับผิดชอบ"),
    "visited_on": N_("วันที่ไปติดตาม"),
    "result": N_("ผลการติดตาม"),
    "photos": N_("รูป (SHA-256)"),
    "position": N_("มีพิกัด"),
}
SORTS = {"at": AuditEntry.id, "actor": AuditEntry.actor, "action": AuditEntry.action}


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_uuid: str
    subject_uuid: str
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def what(self) -> str:
        """``แก้ไข เด็ก`` (the action and what it was done to), in Thai."""
        action = ACTIONS.get(self.action)
        entity = ENTITIES.get(self.entity)
        return " ".join(p for p in (_(action) if action else self.action,
                                    _(entity) if entity else self.entity) if p)

    def changes(self) -> list[str]:
        """One line per changed field: ``ชื่อ: มานี → มานะ`` (IDs masked when written)."""
        out = []
        for key, value in self.detail.items():
            if isinstance(value, list) and len(value) == 2:  # [old, new]
                out.append(_("{field}: {old} → {new}").format(
                    field=field_label(key), old=_show(value[0]), new=_show(value[1])))
            else:
                out.append(f"{field_label(key)}: {_show(value)}")
        return out

    @property
    def when(self) -> str:
        return format_be_local(self.at)


def field_label(key: str) -> str:
    column = COLUMN_BY_KEY.get(key)
    if column is not None:
        return column.display_label
    label = FIELDS.get(key) or ADDRESS_LABELS.get(key)
    return _(label) if label else key


def _show(value: object) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v not in (None, "", False))
    if value is True:
        return _("ใช่")
    return str(value)


def _entry(row: AuditEntry) -> LogEntry:
    try:
        detail = json.loads(row.detail) if row.detail else {}
    except ValueError:
        detail = {"detail": row.detail}
    if not isinstance(detail, dict):
        detail = {"detail": detail}
    return LogEntry(row.id, row.at, row.actor, row.action, row.entity, row.entity_uuid,
                    row.subject_uuid, detail)


def resolve_child(session: Session, ref: str) -> str | None:
    """A child's uuid from its id, uuid or national ID (None when there is no such child,
    or none this user may read: a caregiver is not told whether another centre's child's
    national ID is in the registry). NotPermitted without the registry or the audit log."""
    from desktop.domain.roles import Action
    from desktop.services.access import NotPermitted, require_any, require_child

    actor = require_any(session, Action.REGISTRY_READ, Action.AUDIT_READ)
    found = _resolve(session, ref)
    if found is not None and not actor.may(Action.AUDIT_READ):
        try:
            require_child(session, Action.REGISTRY_READ, found)
        except NotPermitted:
            return None
    return found


def _resolve(session: Session, ref: str) -> str | None:
    text = ref.strip().replace("-", "").replace(" ", "")
    stmt = select(Child.uuid)
    if len(ref.strip()) == 36:
        stmt = stmt.where(Child.uuid == ref.strip())
    elif text.isdigit() and len(text) == 13:
        stmt = stmt.where(Child.national_id == text)
    elif text.isdigit():
        stmt = stmt.where(Child.id == int(text))
    else:
        return None
    return session.scalars(stmt.limit(1)).first()


@dataclass(frozen=True)
class LogQuery:
    subject_uuid: str | None = None
    actor: str | None = None
    since: date | datetime | None = None
    search: str = ""
    actions: Sequence[str] = ()


def _where(stmt: Select[tuple[AuditEntry]], q: LogQuery) -> Select[tuple[AuditEntry]]:
    if q.subject_uuid is not None:
        stmt = stmt.where(AuditEntry.subject_uuid == q.subject_uuid)
    if q.actor:
        stmt = stmt.where(AuditEntry.actor == q.actor)
    if q.since is not None:
        since = q.since if isinstance(q.since, datetime) else datetime.combine(q.since, time())
        stmt = stmt.where(AuditEntry.at >= since)
    if q.actions:
        stmt = stmt.where(AuditEntry.action.in_(list(q.actions)))
    if q.search.strip():
        term = f"%{q.search.strip()}%"
        codes = [k for k, v in {**ACTIONS, **ENTITIES}.items() if q.search.strip() in _(v)]
        stmt = stmt.where(or_(AuditEntry.actor.like(term), AuditEntry.detail.like(term),
                              AuditEntry.action.in_(codes), AuditEntry.entity.in_(codes)))
    return stmt


def _may_read(session: Session, q: LogQuery) -> None:
    """A child's own history: whoever may look at the registry; the whole log (or another
    filter): whoever may read the audit log. NotPermitted otherwise."""
    from desktop.domain.roles import Action
    from desktop.services.access import require, require_any, require_child

    if q.subject_uuid:
        actor = require_any(session, Action.REGISTRY_READ, Action.AUDIT_READ)
        if not actor.may(Action.AUDIT_READ):  # the registry's reader: only a child in their scope
            require_child(session, Action.REGISTRY_READ, q.subject_uuid)
    else:
        require(session, Action.AUDIT_READ)


def _searchable(session: Session, q: LogQuery) -> LogQuery:
    """Searching the values is reading them: not for whom they are withheld (a search for a
    name would tell whether that child is in the registry)."""
    if q.search.strip() and not _may_see_values(session):
        return replace(q, search="", actor=q.actor or q.search.strip())
    return q


def count_entries(session: Session, q: LogQuery) -> int:
    _may_read(session, q)
    q = _searchable(session, q)
    stmt = _where(select(AuditEntry), q)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def page_entries(session: Session, q: LogQuery, *, offset: int = 0, limit: int = 200,
                 sort: str = "at", descending: bool = True) -> list[LogEntry]:
    """One page of entries, newest first by default."""
    _may_read(session, q)
    q = _searchable(session, q)
    col = SORTS.get(sort, AuditEntry.id)
    order: list[Any] = [col.desc() if descending else col.asc()]
    if col is not AuditEntry.id:
        order.append(AuditEntry.id.desc() if descending else AuditEntry.id.asc())
    stmt = _where(select(AuditEntry), q).order_by(*order).offset(offset).limit(limit)
    entries = [_entry(row) for row in session.scalars(stmt)]
    return entries if _may_see_values(session) else [_withheld(e) for e in entries]


COUNTS = frozenset({"rows", "pages", "children"})  # numbers, never personal data


def _may_see_values(session: Session) -> bool:
    """The values in an entry (names, addresses, file names such as a child's profile) are
    the registry's data: only a reader of the registry sees them. An administrator who is
    not also a clerk sees who did what to which record, and when."""
    from desktop.domain.roles import Action
    from desktop.services.access import current_actor

    actor = current_actor(session)
    return actor is not None and actor.may(Action.REGISTRY_READ)


def _withheld(entry: LogEntry) -> LogEntry:
    hidden = _("(ซ่อน: ต้องมีสิทธิ์ดูทะเบียน)")
    detail = {k: (v if k in COUNTS else hidden) for k, v in entry.detail.items()}
    return replace(entry, detail=detail)


def check_chain(session: Session) -> Problem | None:
    """The first problem of the chain (edited, deleted, inserted or cut row), or None."""
    from desktop.domain.roles import Action
    from desktop.services.access import require

    require(session, Action.AUDIT_READ)
    return verify(session.connection())
