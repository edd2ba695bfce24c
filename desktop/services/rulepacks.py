"""The screening's rule packs in this office (issue 11): the active one, installing one the
province signed, and re-scoring the screenings with a pack (with a preview of who changes
class first). No Qt.

    pack = active_pack(session)                    # the shipped pack on first use
    info = install_signed_pack(session, Path("2570.samoe-rulepack"))
    changes = rescore_preview(session, info.label) # who would change class
    rescore(session, info.label)                   # make it active and re-score

Who: installing needs ``settings.manage`` (an administrator); a preview needs
``registry.read``; re-scoring needs ``screening.certify`` (the director: classes change).
A municipality trusts packs signed by its province's key only (its trust list holds no
other office); a province installs the packs it signed itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.domain.rulepack import RulePack, RulePackError, parse_pack, shipped_packs
from desktop.domain.screening import PovertyLevel
from desktop.exchange import canonical
from desktop.exchange.identity import TrustedKey
from desktop.exchange.rulepack_file import verify_signed_pack
from desktop.i18n import _
from desktop.paths import resource_path
from desktop.services import screening_bulk
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.exchange_keys import current_card
from desktop.services.exchange_outbox import ExchangeError, now_utc
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.office import local_office
from desktop.store.screening_state import RulePackRow


@dataclass(frozen=True)
class PackInfo:
    label: str
    title: str
    illustrative: bool
    signed_by: str  # the province's office code; "" for the shipped pack
    installed_at: datetime
    active: bool


@dataclass(frozen=True)
class ClassChange:
    screening_uuid: str
    child_id: int
    before: str  # level code ("" not scored)
    after: str


def _row_pack(row: RulePackRow) -> RulePack:
    return parse_pack(canonical.loads(row.body.encode("utf-8")))


def add_pack(session: Session, pack: RulePack, value: dict[str, object], *, signature: bytes | None = None,
             signed_body: bytes | None = None, issuer: tuple[str, str] = ("", "")) -> RulePackRow:
    body = canonical.dumps(value).decode("utf-8")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    known = session.scalars(select(RulePackRow).where(RulePackRow.pack_id == pack.id,
                                                      RulePackRow.version == pack.version)).first()
    if known is not None:
        if known.sha256 != digest:
            raise ExchangeError("rulepack.conflict", _(
                "มีชุดเกณฑ์ {label} ที่เนื้อหาต่างกันติดตั้งอยู่แล้ว ชุดเกณฑ์รุ่นเดียวกันต้องมีเนื้อหาเดียวกัน "
                "โปรดขอไฟล์รุ่นใหม่จากจังหวัด").format(label=pack.label))
        return known
    row = RulePackRow(pack_id=pack.id, version=pack.version, title=pack.title, illustrative=pack.illustrative,
                      body=body, sha256=digest, signature=signature, signed_body=signed_body,
                      issuer_office=issuer[0], issuer_key=issuer[1], installed_by="", active=False)
    session.add(row)
    session.flush()
    return row


def ensure_shipped(session: Session) -> None:
    """Install the packs Samoe ships (the first becomes active where none is)."""
    for path in sorted(resource_path("rulepacks").glob("*.json")):
        value = json.loads(path.read_bytes())
        add_pack(session, parse_pack(value), value)
    if session.scalars(select(RulePackRow.id).where(RulePackRow.active)).first() is None:
        first = session.scalars(select(RulePackRow).order_by(RulePackRow.id)).first()
        if first is not None:
            first.active = True
            session.flush()


def active_pack(session: Session, *, install: bool = True) -> RulePack:
    """The pack new screenings are scored with (the shipped one until another is chosen).
    On first use it installs the shipped packs; ``install=False`` (a reader: opening a
    form, printing) writes nothing and gives the shipped pack as it is."""
    row = session.scalars(select(RulePackRow).where(RulePackRow.active)).first()
    if row is None and install:
        ensure_shipped(session)
        row = session.scalars(select(RulePackRow).where(RulePackRow.active)).first()
    if row is None:  # no pack shipped: a broken installation
        return shipped_packs()[0]
    return _row_pack(row)


def _by_label(session: Session, label: str) -> RulePackRow:
    for row in session.scalars(select(RulePackRow)):
        if f"{row.pack_id} v{row.version}" == label:
            return row
    raise ExchangeError("rulepack.unknown", _("ไม่มีชุดเกณฑ์ {label} ในเครื่องนี้ โปรดติดตั้งก่อน").format(label=label))


def pack_list(session: Session) -> list[PackInfo]:
    require(session, Action.REGISTRY_READ)
    ensure_shipped(session)
    return [PackInfo(f"{r.pack_id} v{r.version}", r.title, r.illustrative, r.issuer_office, r.installed_at, r.active)
            for r in session.scalars(select(RulePackRow).order_by(RulePackRow.pack_id, RulePackRow.version))]


class _OwnKeys:
    """The province's own key as a trust list: it installs the packs it signed itself."""

    def __init__(self, session: Session) -> None:
        self._card = current_card(session)

    def find(self, key_id: str) -> TrustedKey | None:
        if self._card is None or self._card.keys.key_id != key_id:
            return None
        return TrustedKey(self._card.keys, self._card.created)


def install_signed_pack(session: Session, source: Path | bytes, *, now: datetime | None = None) -> PackInfo:
    """Install the pack in a signed file (``.samoe-rulepack``); refused (exchange's reason
    codes, then the pack's own field problems) if it is not signed by the province this
    office trusts, altered, or not a pack this program reads. Not made active: re-score
    with it to use it (``rescore``)."""
    actor = require(session, Action.SETTINGS_MANAGE)
    office = local_office(session)
    trust = _OwnKeys(session) if office is not None and office.role == "province" else DatabaseTrustList(session)
    signed = verify_signed_pack(source, trust=trust, now=now_utc(now))
    try:
        pack = parse_pack(signed.pack)
    except RulePackError as exc:
        raise ExchangeError("rulepack.invalid", "; ".join(p.message for p in exc.problems)) from exc
    ensure_shipped(session)
    row = add_pack(session, pack, signed.pack, signature=signed.signature, signed_body=signed.body,
                   issuer=(signed.issuer_office, signed.issuer_key))
    row.installed_by = actor.name
    record(session, "rulepack_install", "rulepack", row.sha256[:36], {
        "pack": pack.label, "sha256": row.sha256, "issuer": signed.issuer_office, "by": actor.name})
    return PackInfo(pack.label, row.title, row.illustrative, row.issuer_office, row.installed_at, row.active)


def rescore_preview(session: Session, label: str) -> list[ClassChange]:
    """Who would change class if ``label`` scored every screening (nothing is changed)."""
    require(session, Action.REGISTRY_READ)
    pack = _row_pack(_by_label(session, label))
    return [ClassChange(*row) for row in screening_bulk.preview(session, pack)]


def rescore(session: Session, label: str) -> list[ClassChange]:
    """Make ``label`` the active pack and score every live screening with it, in one
    transaction (one UPDATE: services/screening_bulk.py); the class changes, and one audit
    entry with their count."""
    actor = require(session, Action.SCREENING_CERTIFY)
    row = _by_label(session, label)
    pack = _row_pack(row)
    session.execute(update(RulePackRow).values(active=False))
    row.active = True
    scored, changes = screening_bulk.apply(session, pack)
    changed = [ClassChange(*r) for r in changes]
    record(session, "rulepack_rescore", "rulepack", row.sha256[:36], {
        "pack": pack.label, "scored": scored, "changed": len(changed), "by": actor.name,
        "poor": sum(1 for c in changed if c.after == PovertyLevel.POOR.value),
        "extreme": sum(1 for c in changed if c.after == PovertyLevel.EXTREME.value)})
    session.flush()
    return changed


def sign_pack_file(session: Session, source: Path, out: Path, *, password: str | None = None,
                   now: datetime | None = None) -> str:
    """At the province: check the pack in ``source`` (its JSON) and write it to ``out``
    signed with the province's key, for its municipalities to install; the pack's label.
    ``merge`` (a provincial officer: the province's signed word, like a receipt)."""
    from desktop.atomic import write_bytes
    from desktop.exchange.rulepack_file import sign_pack
    from desktop.services.exchange_keys import office_private_keys

    office = local_office(session)
    if office is None or office.role != "province":
        raise ExchangeError("rulepack.not_province", _(
            "ชุดเกณฑ์ลงนามได้ที่สำนักงานจังหวัดเท่านั้น เทศบาลติดตั้งชุดเกณฑ์ที่จังหวัดลงนามแล้วด้วย "
            "samoe rulepack install"))
    try:
        value = json.loads(Path(source).read_bytes())
    except ValueError as exc:
        raise ExchangeError("rulepack.invalid", _("อ่านไฟล์ชุดเกณฑ์ไม่ได้ (ไม่ใช่ JSON): {error}").format(
            error=exc)) from exc
    try:
        pack = parse_pack(value)
    except RulePackError as exc:
        raise ExchangeError("rulepack.invalid", "; ".join(f"{p.field}: {p.message}" for p in exc.problems)) from exc
    private = office_private_keys(session, Action.MERGE, password=password)
    data = sign_pack(value, issuer=private.keys, sign_private=private.signing, issued=now_utc(now))
    write_bytes(Path(out), data)
    record(session, "rulepack_sign", "rulepack", hashlib.sha256(data).hexdigest()[:36],
           {"pack": pack.label, "file": Path(out).name})
    return pack.label
