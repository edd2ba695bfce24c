"""A new database key after someone leaves (``samoe db rekey``, the users page's question
after a suspension). No Qt. The file work is store/rekey.py; why: docs/encryption.md.

``rekey_preview`` says, before anything changes, who will need a new password from an
administrator (users whose keyring entry is still v1: not unlocked since keyring v2, or
who have no entry at all) and whether a new recovery key will be shown (the old printout
then no longer opens this file). ``rekey_database`` does it: the database is closed
(nobody else may have it open), re-encrypted under the new key with its keyring, and the
re-key is recorded in the audit log of the new file (never the key).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require, require_actor
from desktop.services.progress import NO_PROGRESS, Progress
from desktop.store import cipher, rekey
from desktop.store.models import AppUser

if TYPE_CHECKING:
    from desktop.store.db import Database

_STAGES = ("counted", "exported", "verified", "keyring written", "file replaced")


@dataclass(frozen=True)
class RekeyPreview:
    need_password: list[str]  # active users who cannot open the file after it
    new_recovery: bool  # a new recovery key will be shown: the old printout is void here


@dataclass(frozen=True)
class RekeyResult:
    recovery: str | None  # the new recovery key, shown once; None: the printed one stays valid
    need_password: list[str]
    rows: int
    seconds: float


def _file_and_key(db: Database) -> tuple[Path, bytes]:
    path = db.path
    key = cipher.key_for(path) if path is not None else None
    if path is None or key is None or not cipher.is_encrypted(path):
        raise rekey.RekeyFailed(_("เปลี่ยนกุญแจได้เฉพาะฐานข้อมูล SQLite ที่เข้ารหัสแล้ว (เข้ารหัสก่อนด้วย samoe db encrypt)"))
    return path, key


def rekey_preview(db: Database) -> RekeyPreview:
    """Who will need a new password, and whether the recovery key changes (an administrator)."""
    with db.reader() as session:
        require(session, Action.USERS_MANAGE)
        active = [str(n) for n in session.scalars(
            select(AppUser.name).where(AppUser.disabled_at.is_(None)).order_by(AppUser.name))]
    path, key = _file_and_key(db)
    ring = cipher.read_keyring(path)
    if ring is None:
        raise rekey.RekeyFailed(_("ไม่พบไฟล์กุญแจของฐานข้อมูลนี้ เปิดด้วยรหัสกู้คืนก่อนแล้วสั่งอีกครั้ง"))
    sealed = {w.name for w in ring.wraps if w.seal is not None}
    return RekeyPreview([n for n in active if n not in sealed], rekey.recovery_is_old_key(ring, key))


def rekey_database(db: Database, progress: Progress = NO_PROGRESS,
                   preview: RekeyPreview | None = None) -> RekeyResult:
    """Re-encrypt ``db``'s file under a new key (``db`` is disposed here; open it again
    afterwards: its engine holds the old key). Raises RekeyFailed (nothing changed).
    ``preview``: ``rekey_preview`` already run (the permission checked) while ``db``
    could still be read (the window closes it before this runs)."""
    started = time.perf_counter()
    require_actor(db.actor, Action.USERS_MANAGE)  # also when the preview was made before
    preview = preview if preview is not None else rekey_preview(db)
    path, key = _file_and_key(db)
    ring = cipher.read_keyring(path)
    assert ring is not None
    actor = db.actor
    plan = rekey.plan_rekey(ring, key)
    db.dispose()
    progress.step(0, len(_STAGES), _("กำลังเปลี่ยนกุญแจฐานข้อมูล"))

    def step(stage: str) -> None:
        if stage in _STAGES and progress.callback is not None:  # no cancel once it runs
            progress.callback(_STAGES.index(stage) + 1, len(_STAGES), _("กำลังเปลี่ยนกุญแจฐานข้อมูล"))

    rows = rekey.rekey_in_place(path, key, plan, step=step)
    from desktop.services.audit import record
    from desktop.store.db import Database as Opened

    reopened = Opened.open(path, key=plan.key)
    try:
        reopened.set_actor(actor)
        with reopened.session() as session:
            record(session, "rekey", "database", plan.ring.file_id.hex(), {
                "users_without_key": ", ".join(preview.need_password),
                "recovery_key_replaced": plan.recovery is not None},
                actor=str(getattr(actor, "name", "")))
    finally:
        reopened.dispose()
    recovery = cipher.format_recovery_key(plan.recovery) if plan.recovery is not None else None
    return RekeyResult(recovery, preview.need_password, sum(rows.values()), time.perf_counter() - started)


def preview_text(preview: RekeyPreview) -> str:
    """What a re-key will do, in Thai (the CLI and the window's question)."""
    lines = [_("เปลี่ยนกุญแจของฐานข้อมูล: ไฟล์ทั้งไฟล์จะถูกเข้ารหัสใหม่ด้วยกุญแจใหม่ ไฟล์กุญแจ (.keys) ที่คัดลอกไว้ก่อนหน้านี้"
               "จะเปิดฐานข้อมูลนี้ไม่ได้อีก ผู้ใช้ที่เหลือเข้าสู่ระบบด้วยรหัสผ่านเดิมได้")]
    if preview.need_password:
        lines.append(_("ผู้ใช้ต่อไปนี้จะต้องให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่ให้ก่อนเข้าสู่ระบบ ({n} คน): {names}")
                     .format(n=len(preview.need_password), names=", ".join(preview.need_password)))
    if preview.new_recovery:
        lines.append(_("จะได้รหัสกู้คืนใหม่ รหัสกู้คืนที่พิมพ์เก็บไว้เดิมจะใช้กับฐานข้อมูลนี้ไม่ได้อีก "
                       "(ยังเปิดไฟล์สำรองที่ทำก่อนเปลี่ยนกุญแจได้)"))
    return "\n".join(lines)
