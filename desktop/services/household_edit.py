"""Choose, edit and merge households.

- ``find_households``: search live households by house number, village (หมู่ 4, ม.4, 4, or
  the village's name) and a member's name, for the child form's picker.
- ``same_address``: the live households whose address is the typed one (prefixes, Thai
  digits and spacing do not count), so a sibling joins the household instead of
  creating a second, identical one.
- ``edit_household``: change a household's address, house code and phone (audited).
- ``merge_preview`` / ``merge_households`` / ``undo_merge``: move every member (children
  and guardians) of one household into another in one transaction, fill the kept
  household's empty fields from the other, soft-delete the other; audited, undoable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.address import (
    ADDRESS_FIELDS,
    Address,
    address_of,
    address_problems,
    format_address,
)
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.households import (
    FieldChoice,
    address_key,
    can_match,
    house_number,
    merge_fields,
    subdistrict_variants,
    village_forms,
    village_number,
    village_variants,
)
from desktop.domain.people import full_name
from desktop.domain.roles import Action
from desktop.domain.sort_keys import PLACE_KEY_LENGTH, household_sort_keys, natural_sort_key
from desktop.domain.text import clean_text, digits_only, to_ascii_digits
from desktop.i18n import _
from desktop.services.access import require_whole
from desktop.services.audit import per_child, record, record_many
from desktop.services.children_query import normalise_search, search_clause
from desktop.store.models import AuditEntry, Child, Guardian, Household, utcnow

EDITABLE = (*ADDRESS_FIELDS, "house_code", "phone")
MEMBER_NAMES_SHOWN = 4


class HouseholdError(Exception):
    """A change that cannot be made; ``message`` is Thai and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class HouseholdQuery:
    house_no: str = ""
    village: str = ""  # "หมู่ 4", "ม.4", "4" or a village's name
    name: str = ""  # a member's name (child or guardian)

    def is_empty(self) -> bool:
        return not (clean_text(self.house_no) or clean_text(self.village) or clean_text(self.name))


@dataclass(frozen=True)
class HouseholdChoice:
    id: int
    uuid: str
    address: Address
    address_text: str
    house_code: str
    phone: str
    children: tuple[str, ...]  # names of the live children
    guardians: tuple[str, ...]  # names of the live guardians

    @property
    def members_text(self) -> str:
        names = [*self.children, *self.guardians]
        shown = ", ".join(names[:MEMBER_NAMES_SHOWN])
        more = len(names) - MEMBER_NAMES_SHOWN
        return _("{shown} และอีก {more} คน").format(shown=shown, more=more) if more > 0 else shown


def _household(session: Session, uuid: str) -> Household:
    h = session.scalars(select(Household).where(Household.uuid == uuid)).first()
    if h is None:
        raise HouseholdError(_("ไม่พบครัวเรือนนี้ อาจถูกลบไปแล้ว โปรดโหลดรายการใหม่"))
    return h


def _choices(session: Session, households: list[Household]) -> list[HouseholdChoice]:
    ids = [h.id for h in households]
    kids: dict[int, list[str]] = {i: [] for i in ids}
    adults: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for hid, p, f, la in session.execute(
            select(Child.household_id, Child.prefix, Child.first_name, Child.last_name)
            .where(Child.household_id.in_(ids), Child.deleted_at.is_(None))
            .order_by(Child.birth_date, Child.id)
        ):
            kids[hid].append(full_name(p, f, la))
        for hid, p, f, la in session.execute(
            select(Guardian.household_id, Guardian.prefix, Guardian.first_name, Guardian.last_name)
            .where(Guardian.household_id.in_(ids), Guardian.deleted_at.is_(None))
            .order_by(Guardian.id)
        ):
            adults[hid].append(full_name(p, f, la))
    out = []
    for h in households:
        a = address_of(h)
        out.append(HouseholdChoice(h.id, h.uuid, a, format_address(a), h.house_code, h.phone,
                                   tuple(kids[h.id]), tuple(adults[h.id])))
    return out


def household_choice(session: Session, uuid: str) -> HouseholdChoice:
    require_whole(session, Action.REGISTRY_READ)
    return _choices(session, [_household(session, uuid)])[0]


def _house_no_clause(text: str) -> ColumnElement[bool] | None:
    """"12" finds 12 and 12/1, 12/3 ..., not 120; typed with Thai digits or "บ้านเลขที่".

    Compared on the stored sort key of the house number (``household.house_key``, Thai
    digits already ASCII), through the list's index on live households: an exact key, or
    the keys that begin with that of "12/" (a range, as LIKE could not use the index)."""
    number = house_number(text)
    if not number:
        return None
    # A key is the text's key, U+0001, then its tone marks. One range, from the key of
    # "12" to just past those of "12/...", holds both (and "12 ก" between them, fine for
    # a search; household_at compares whole addresses). An OR of the two was a full scan.
    base = natural_sort_key(number, PLACE_KEY_LENGTH).split("\x01", 1)[0]
    slash = natural_sort_key(number + "/", PLACE_KEY_LENGTH).split("\x01", 1)[0]
    if not slash.startswith(base) or slash <= base + "\x01":
        return Household.house_key == natural_sort_key(number, PLACE_KEY_LENGTH)
    after = slash[:-1] + chr(ord(slash[-1]) + 1)
    return and_(Household.house_key >= base + "\x01", Household.house_key < after)


def _village_clause(text: str) -> ColumnElement[bool] | None:
    v = clean_text(text)
    if not v:
        return None
    number = village_number(v)
    if number.isdigit():
        return Household.village_no.in_(village_variants(number))
    return Household.village_name.contains(v, autoescape=True)


def _name_clause(session: Session, text: str) -> ColumnElement[bool] | None:
    term = normalise_search(text)
    if not term:
        return None
    kids = select(Child.household_id).where(search_clause(session, term), Child.deleted_at.is_(None))
    parts = term.split(" ", 1)
    guardian_name = Guardian.first_name.contains(parts[0], autoescape=True)
    if len(parts) > 1:
        guardian_name = and_(guardian_name, Guardian.last_name.contains(parts[1], autoescape=True))
    else:
        guardian_name = or_(guardian_name, Guardian.last_name.contains(term, autoescape=True))
    adults = select(Guardian.household_id).where(guardian_name, Guardian.deleted_at.is_(None))
    return or_(Household.id.in_(kids), Household.id.in_(adults))


def find_households(session: Session, query: HouseholdQuery, *, limit: int = 50,
                    exclude_uuid: str | None = None) -> list[HouseholdChoice]:
    """Live households matching every part of the query given (nothing given: none).
    An exact house number comes before 12/1, 12/3 ...; then the oldest household first."""
    require_whole(session, Action.REGISTRY_READ)
    where: list[ColumnElement[bool]] = [Household.deleted_at.is_(None)]
    for clause in (_house_no_clause(query.house_no), _village_clause(query.village),
                   _name_clause(session, query.name)):
        if clause is not None:
            where.append(clause)
    if len(where) == 1:
        return []
    if exclude_uuid:
        where.append(Household.uuid != exclude_uuid)
    exact = house_number(query.house_no)
    order = [Household.id]
    if exact:
        order.insert(0, (Household.house_no != exact))
    rows = list(session.scalars(select(Household).where(*where).order_by(*order).limit(limit)))
    return _choices(session, rows)


def same_address(session: Session, address: Address, *,
                 exclude_uuid: str | None = None) -> list[HouseholdChoice]:
    """Live households at exactly this address, oldest first (none if the address has no
    house number or no place: such an address does not identify one house)."""
    return _choices(session, _at(session, address, exclude_uuid))


def _place_clause(address: Address) -> ColumnElement[bool]:
    """The households at this subdistrict, village and house number, through the list's
    index on live households (subdistrict, village, house keys): each stored spelling of
    the subdistrict and the village ("ต.บ้านใหม่", "ม.4" ...) is one key of an IN list."""
    house = _house_no_clause(address.house_no)
    assert house is not None
    subs = {household_sort_keys(v, "", "")[0] for v in subdistrict_variants(address.subdistrict)}
    villages = {household_sort_keys("", v, "")[1] for v in village_forms(address.village_no)}
    return and_(Household.subdistrict_key.in_(sorted(subs)),
                Household.village_key.in_(sorted(villages)), house)


def _at(session: Session, address: Address, exclude_uuid: str | None) -> list[Household]:
    if not can_match(address):
        return []
    key = address_key(address)
    stmt = (select(Household).where(Household.deleted_at.is_(None), _place_clause(address))
            .order_by(Household.id))
    if exclude_uuid:
        stmt = stmt.where(Household.uuid != exclude_uuid)
    # no autoflush: a child being written must not be flushed half-done (a second
    # UPDATE would count as a second version)
    with session.no_autoflush:
        return [h for h in session.scalars(stmt) if address_key(address_of(h)) == key]


def household_at(session: Session, address: Address) -> Household | None:
    """The household a new member with this address joins: the oldest live household at
    exactly this address, or None (then a new household is made)."""
    found = _at(session, address, None)
    return found[0] if found else None


# ---- edit
@dataclass
class HouseholdForm:
    uuid: str
    version: int
    address: Address = Address()
    house_code: str = ""
    phone: str = ""


def load_household(session: Session, uuid: str) -> HouseholdForm:
    require_whole(session, Action.REGISTRY_READ)
    h = _household(session, uuid)
    return HouseholdForm(h.uuid, h.version, address_of(h), h.house_code, h.phone)


def edit_household(session: Session, form: HouseholdForm, *, actor: str = "") -> None:
    """Save a household's address, house code and phone. Raises ValidationFailed (nothing
    written) or HouseholdError (deleted meanwhile, or changed by someone else)."""
    require_whole(session, Action.REGISTRY_WRITE)
    h = _household(session, form.uuid)
    if h.deleted_at is not None:
        raise HouseholdError(_("ครัวเรือนนี้ถูกลบหรือถูกรวมกับครัวเรือนอื่นไปแล้ว แก้ไขไม่ได้ โปรดโหลดรายการใหม่"))
    if h.version != form.version:
        raise HouseholdError(_("มีผู้อื่นแก้ไขครัวเรือนนี้หลังจากที่ท่านเปิดไว้ โปรดปิดแล้วเปิดใหม่เพื่อดูข้อมูลล่าสุด"))
    a = Address(**{f: to_ascii_digits(clean_text(getattr(form.address, f))) for f in ADDRESS_FIELDS})
    a = Address(**{**a.__dict__, "postcode": digits_only(a.postcode)})
    house_code = digits_only(clean_text(form.house_code))
    phone = digits_only(clean_text(form.phone))
    problems = address_problems(a, required=False)
    if house_code and (len(house_code) != 11 or not house_code.isdigit()):
        problems.append(Problem("house_code", _("รหัสประจำบ้านต้องเป็นตัวเลข 11 หลัก โปรดตรวจสอบจากทะเบียนบ้าน")))
    if phone and (not phone.isdigit() or len(phone) not in (9, 10) or not phone.startswith("0")):
        problems.append(Problem("phone", _("เบอร์โทรศัพท์ต้องขึ้นต้นด้วย 0 และมี 9–10 หลัก เช่น 0812345678")))
    # (address_problems checks each field's length against desktop.domain.limits)
    if problems:
        raise ValidationFailed(problems)
    values = {**a.__dict__, "house_code": house_code, "phone": phone}
    changed = {k: [getattr(h, k), v] for k, v in values.items() if getattr(h, k) != v}
    if not changed:
        return
    for k, (_old, new) in changed.items():
        setattr(h, k, new)
    session.flush()
    record(session, "update", "household", h.uuid, changed, actor=actor)
    # the address is each live child's too: one entry in each child's history
    kids = session.scalars(select(Child.uuid).where(Child.household_id == h.id, Child.deleted_at.is_(None)))
    record_many(session, per_child("household_update", kids, {"household": h.uuid, **changed}), actor=actor)


# ---- merge
@dataclass(frozen=True)
class MergePreview:
    keep: HouseholdChoice
    drop: HouseholdChoice
    fields: tuple[FieldChoice, ...]
    result_address: str

    @property
    def conflicts(self) -> tuple[FieldChoice, ...]:
        return tuple(f for f in self.fields if f.conflict)

    @property
    def filled(self) -> tuple[FieldChoice, ...]:
        return tuple(f for f in self.fields if not f.kept and f.other)

    @property
    def moving(self) -> int:
        return len(self.drop.children) + len(self.drop.guardians)


@dataclass(frozen=True)
class MergeResult:
    keep_uuid: str
    drop_uuid: str
    children: tuple[str, ...] = field(default=())  # uuids moved
    guardians: tuple[str, ...] = field(default=())
    filled: dict[str, str] = field(default_factory=dict)  # field -> value taken from drop


def _values(h: Household) -> dict[str, str]:
    return {name: str(getattr(h, name) or "") for name in EDITABLE}


def _merge_pair(session: Session, keep_uuid: str, drop_uuid: str) -> tuple[Household, Household]:
    if keep_uuid == drop_uuid:
        raise HouseholdError(_("เลือกครัวเรือนเดียวกันสองครั้ง โปรดเลือกอีกครัวเรือนหนึ่งที่จะรวมเข้าด้วยกัน"))
    keep, drop = _household(session, keep_uuid), _household(session, drop_uuid)
    for h in (keep, drop):
        if h.deleted_at is not None:
            raise HouseholdError(
                _("ครัวเรือนที่เลือกถูกลบหรือถูกรวมกับครัวเรือนอื่นไปแล้ว รวมไม่ได้ โปรดโหลดรายการใหม่แล้วเลือกอีกครั้ง"))
    return keep, drop


def merge_preview(session: Session, keep_uuid: str, drop_uuid: str) -> MergePreview:
    """What a merge would do, without doing it: who moves, which address is kept, conflicts."""
    require_whole(session, Action.REGISTRY_READ)
    keep, drop = _merge_pair(session, keep_uuid, drop_uuid)
    k, d = _choices(session, [keep, drop])
    fields = merge_fields(_values(keep), _values(drop))
    result = Address(**{f.field: f.result for f in fields if f.field in ADDRESS_FIELDS})
    return MergePreview(k, d, tuple(fields), format_address(result))


def merge_households(session: Session, keep_uuid: str, drop_uuid: str, *, actor: str = "") -> MergeResult:
    """Move every member of ``drop`` into ``keep`` and soft-delete ``drop``; one transaction
    (the caller's session), audited on both households."""
    require_whole(session, Action.REGISTRY_WRITE)
    keep, drop = _merge_pair(session, keep_uuid, drop_uuid)
    fields = merge_fields(_values(keep), _values(drop))
    filled = {f.field: f.result for f in fields if not f.kept and f.other}
    for name, value in filled.items():
        setattr(keep, name, value)
    children = list(session.scalars(select(Child).where(Child.household_id == drop.id)))
    guardians = list(session.scalars(select(Guardian).where(Guardian.household_id == drop.id)))
    for member in (*children, *guardians):
        member.household_id = keep.id
    drop.deleted_at = utcnow()
    session.flush()
    result = MergeResult(keep.uuid, drop.uuid, tuple(c.uuid for c in children),
                         tuple(g.uuid for g in guardians), filled)
    detail = {"into": keep.uuid, "from": drop.uuid, "children": list(result.children),
              "guardians": list(result.guardians), "filled": filled,
              "conflicts": {f.field: [f.kept, f.other] for f in fields if f.conflict}}
    record(session, "merge", "household", drop.uuid, detail, actor=actor)
    record(session, "merge_into", "household", keep.uuid, detail, actor=actor)
    record_many(session, per_child("household_move", result.children,
                                   {"household": [drop.uuid, keep.uuid]}), actor=actor)
    return result


def last_merge(session: Session, drop_uuid: str) -> MergeResult | None:
    """The merge that removed this household, from the audit log (for undo after a restart)."""
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "household", AuditEntry.entity_uuid == drop_uuid,
                                 AuditEntry.action == "merge").order_by(AuditEntry.id.desc())
    ).first()
    if entry is None:
        return None
    d = json.loads(entry.detail)
    return MergeResult(d["into"], d["from"], tuple(d["children"]), tuple(d["guardians"]), d["filled"])


def undo_merge(session: Session, result: MergeResult, *, actor: str = "") -> None:
    """Bring the removed household back with the members that moved (those still in the
    kept household), and empty again the fields the merge filled (unless edited since)."""
    require_whole(session, Action.REGISTRY_WRITE)
    keep, drop = _household(session, result.keep_uuid), _household(session, result.drop_uuid)
    if drop.deleted_at is None:
        raise HouseholdError(_("การรวมครัวเรือนนี้ถูกยกเลิกไปแล้ว"))
    drop.deleted_at = None
    moved_back = 0
    children_back: list[str] = []
    for model, uuids in ((Child, result.children), (Guardian, result.guardians)):
        if uuids:
            for member in session.scalars(select(model).where(model.uuid.in_(uuids),
                                                              model.household_id == keep.id)):
                member.household_id = drop.id
                moved_back += 1
                if model is Child:
                    children_back.append(member.uuid)
    for name, value in result.filled.items():
        if getattr(keep, name) == value:
            setattr(keep, name, "")
    session.flush()
    record(session, "unmerge", "household", drop.uuid,
           {"from": keep.uuid, "moved_back": moved_back}, actor=actor)
    record_many(session, per_child("household_move", children_back,
                                   {"household": [keep.uuid, drop.uuid]}), actor=actor)


def count_live_members(session: Session, household_id: int) -> int:
    kids = session.scalar(select(func.count()).select_from(Child).where(
        Child.household_id == household_id, Child.deleted_at.is_(None))) or 0
    adults = session.scalar(select(func.count()).select_from(Guardian).where(
        Guardian.household_id == household_id, Guardian.deleted_at.is_(None))) or 0
    return int(kids) + int(adults)


def live_household(session: Session, uuid: str) -> Household | None:
    """The household with this uuid or, if it was merged into another since, that one
    (following merges); None if it was deleted otherwise or never existed."""
    seen: set[str] = set()
    with session.no_autoflush:
        return _follow(session, uuid, seen)


def _follow(session: Session, uuid: str, seen: set[str]) -> Household | None:
    while uuid not in seen:
        seen.add(uuid)
        h = session.scalars(select(Household).where(Household.uuid == uuid)).first()
        if h is None or h.deleted_at is None:
            return h
        merged = last_merge(session, uuid)
        if merged is None:
            return None
        uuid = merged.keep_uuid
    return None


def same_guardian(session: Session, household: Household | None, first_name: str,
                  last_name: str, national_id: str) -> Guardian | None:
    """The live guardian a retyped one is: same national ID and first name, or (no ID
    typed) the same name in the same household with no other ID. None: a new guardian."""
    first, last = clean_text(first_name), clean_text(last_name)
    if not first:
        return None
    stmt = select(Guardian).where(Guardian.deleted_at.is_(None), Guardian.first_name == first)
    if national_id:
        stmt = stmt.where(Guardian.national_id == national_id)
    elif household is not None and household.id is not None:
        stmt = stmt.where(Guardian.household_id == household.id, Guardian.last_name == last)
    else:
        return None
    with session.no_autoflush:
        return session.scalars(stmt.order_by(Guardian.id)).first()
