"""A new database key for an encrypted file (``samoe db rekey``), safely. No Qt.

Why: suspending a user removes their wrap from the keyring, but a keyring copied before
still unwraps the old key with their old password. Only a new key closes that, and it
must reach every remaining user without their passwords: keyring v2 seals it to each
user's public key and to the recovery key's (store/sealing.py, store/keyring.py).

``plan_rekey`` makes the new key and keyring: every v2 user and the recovery entry get
the new key sealed to them; v1 users (not unlocked since keyring v2) cannot, and are
named. When the recovery key is the old database key itself (a v1 database's, or one
whose v1 recovery entry was upgraded) everyone who ever unwrapped the key knows it, so a
new recovery key is made (the new database key derived from it) and the old printout is
void for this file.

``rekey_in_place`` then works like ``cipher.encrypt_in_place``: the file is copied under
the new key with ``sqlcipher_export`` into ``.<name>.db.rekeying``, verified (integrity,
every table's rows and hash), fsynced; the new keyring is written beside the current one
as ``<name>.db.keys.next``; the copy replaces the file (``os.replace``); the new keyring
replaces the old one. A stop at any moment leaves a file and a keyring that open it:
before the file's rename the old file and keyring are untouched; between the two renames
``cipher.unwrap`` finds that the current keyring's key does not open the file and puts
``.keys.next`` in place (the same password opens both: the private keys did not change).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.atomic import fsync_dir, write_bytes
from desktop.i18n import _
from desktop.store import cipher, sealing
from desktop.store.keyring import Keyring, RecoveryEntry

FILE_ID_SETTING = "encryption.file_id"  # the keyring's file id, also kept in the database


class RekeyFailed(cipher.CipherError):
    """``rekey_in_place`` did not finish; the file and its keyring are as they were."""


class RekeyBusy(RekeyFailed):
    """Another program has the file open."""


@dataclass(frozen=True)
class RekeyPlan:
    key: bytes  # the new database key
    ring: Keyring  # the new keyring (its file salt is set once the copy is made)
    recovery: bytes | None  # a new recovery key to show once (the old one is void), or None
    without_key: tuple[str, ...]  # users of the keyring the new key could not be sealed to (v1)


def recovery_is_old_key(ring: Keyring, key: bytes) -> bool:
    """The recovery key is (or may be) the database key ``key`` itself: a v1 keyring (no
    recovery entry: a v1 recovery key is its first key), or an entry made from ``key``."""
    return ring.recovery is None or ring.recovery.public == sealing.recovery_public(key)


def plan_rekey(ring: Keyring, old_key: bytes) -> RekeyPlan:
    file_id = ring.file_id or secrets.token_bytes(16)
    recovery: bytes | None = None
    if recovery_is_old_key(ring, old_key):
        recovery = sealing.new_recovery()
        key = sealing.key_from_recovery(recovery)
        public = sealing.recovery_public(recovery)
    else:
        assert ring.recovery is not None
        key, public = cipher.new_key(), ring.recovery.public
    entry = RecoveryEntry(public, sealing.seal(key, public, sealing.seal_aad(file_id, sealing.RECOVERY_NAME)))
    wraps = tuple(dataclasses.replace(w, seal=sealing.seal(key, w.public, sealing.seal_aad(file_id, w.name)))
                  for w in ring.wraps if w.seal is not None and w.public is not None)
    new = Keyring(cipher.check_value(key), wraps, file_id, None, entry)
    return RekeyPlan(key, new, recovery, tuple(ring.v1_names()))


Hook = Callable[[str], None]


def rekey_in_place(path: Path, old_key: bytes, plan: RekeyPlan, *, step: Hook | None = None) -> dict[str, int]:
    """Re-encrypt ``path`` from ``old_key`` to ``plan.key`` and put ``plan.ring`` beside it;
    returns the rows per table. Nobody else may have the file open (the switch out of WAL
    fails otherwise). ``step(name)`` is called at each stage (the tests stop there)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.rekeying")
    pending = cipher.pending_keyring_path(path)
    if not cipher.key_opens(path, old_key):
        raise RekeyFailed(_("กุญแจปัจจุบันเปิดไฟล์ฐานข้อมูลนี้ไม่ได้ จึงเปลี่ยนกุญแจไม่ได้"))
    for leftover in (tmp, pending):  # an earlier re-key that stopped before its swap
        leftover.unlink(missing_ok=True)

    def at(stage: str) -> None:
        if step is not None:
            step(stage)

    try:
        src = cipher.keyed_connect(path, old_key, isolation_level=None, timeout=10)
        try:
            mode = src.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise RekeyBusy(_("มีโปรแกรมอื่นเปิดฐานข้อมูลนี้อยู่ ปิดก่อนแล้วสั่งอีกครั้ง"))
            src.execute("BEGIN IMMEDIATE")  # nobody writes while it is counted and copied
            src.execute("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)",
                        (FILE_ID_SETTING, plan.ring.file_id.hex()))
            expected = cipher.table_digests(src)
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
            src.execute("COMMIT")
            at("counted")
            src.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{plan.key.hex()}'\"", (os.fspath(tmp),))
            src.execute("BEGIN IMMEDIATE")
            src.execute("SELECT sqlcipher_export('enc')")
            src.execute(f"PRAGMA enc.user_version = {version}")
            src.execute("COMMIT")
            src.execute("DETACH DATABASE enc")
            at("exported")
        finally:
            src.close()
        out = cipher.keyed_connect(tmp, plan.key, isolation_level=None)
        try:
            problems = [str(r[0]) for r in out.execute("PRAGMA integrity_check(20)")]
            found = cipher.table_digests(out) if problems == ["ok"] else {}
        finally:
            out.close()
        if problems != ["ok"] or found != expected:
            raise RekeyFailed(_("สำเนาที่เข้ารหัสด้วยกุญแจใหม่ตรวจไม่ผ่าน ไฟล์เดิมยังอยู่ครบ ไม่มีอะไรเปลี่ยน"))
        at("verified")
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        write_bytes(pending, dataclasses.replace(plan.ring, file_salt=cipher.file_salt(tmp)).to_json())
        at("keyring written")
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # none in DELETE mode
            leftover.unlink(missing_ok=True)
        os.replace(tmp, path)  # from here on the new key opens the file
    except BaseException:
        for leftover in (tmp, pending):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    fsync_dir(path.parent)
    at("file replaced")
    with contextlib.suppress(FileNotFoundError):  # an unlock meanwhile may have put it in place
        pending.replace(cipher.keyring_path(path))
    fsync_dir(path.parent)
    cipher.remember(path, plan.key)
    return {name: rows for name, (rows, _digest) in expected.items()}
