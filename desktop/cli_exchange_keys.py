"""``samoe keys``: the office's exchange keys and the key cards it trusts (docs/keys.md).
Not the database's encryption key (desktop/cli_keys.py: ``db encrypt``, ``db rekey``).

    samoe keys card --out FILE [--pdf FILE]   the office's key card (the keys are made
                                              first when it has none); --pdf: the page
                                              to print, with the fingerprint and a QR code
    samoe keys trust FILE [--fingerprint "0412 9981 ..."]
                                              enrol another office's card (the province's
                                              at a municipality, a municipality's at the
                                              province); --fingerprint: refuse unless the
                                              card's is the one read over the phone
    samoe keys list                           this office's keys and the trust list
    samoe keys revoke KEYID [--from TIME] [--reason TEXT]
                                              bundles signed by that key from TIME (UTC,
                                              default now) are refused
    samoe keys rotate --out FILE [--pdf FILE] a new key pair, its card signed by the old key
    samoe keys share                          give the office's keys to the users who asked
                                              (a plain database: sealed to their passwords)

Each runs as a user (``--user``, password from SAMOE_PASSWORD or a prompt); a plain
database needs that password again to open the office's private keys (the same one).

Exit codes: 0 done, 1 a card or key refused (the message says why), 2 wrong arguments,
5 the office's keys in the database are damaged, 11 a wrong password for the office's
keys, 12 not permitted or the keys not shared yet.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem

WRITING = {"card": "ออกบัตรกุญแจ", "trust": "ลงทะเบียนบัตรกุญแจ", "revoke": "เพิกถอนกุญแจ",
           "rotate": "เปลี่ยนกุญแจของหน่วยงาน", "share": "มอบกุญแจของหน่วยงาน"}
EXIT_REFUSED = 1
EXIT_ARGS = 2
EXIT_DAMAGED = 5
EXIT_LOGIN = 11
EXIT_NOT_PERMITTED = 12


def _time(text: str) -> datetime:
    """``2026-11-30`` or ``2026-11-30T08:00`` (UTC)."""
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"เวลา {text!r} อ่านไม่ได้ ใช้รูปแบบ ปี ค.ศ.-เดือน-วัน หรือ ปี-เดือน-วันTชั่วโมง:นาที (เวลา UTC) "
            "เช่น 2026-11-30 หรือ 2026-11-30T08:00") from None
    if not 2000 <= at.year <= 2200:
        raise argparse.ArgumentTypeError(f"ปี {at.year} ต้องเป็นปี ค.ศ. (เช่น 2026 ไม่ใช่ 2569)")
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def add_parsers(sub: Any) -> None:
    keys = sub.add_parser("keys", help="กุญแจของหน่วยงานสำหรับส่งข้อมูลถึงจังหวัด และบัตรกุญแจที่เชื่อถือ")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    card = keys_sub.add_parser("card", help="เขียนบัตรกุญแจของหน่วยงาน (สร้างกุญแจก่อนถ้ายังไม่มี)")
    card.add_argument("--out", type=Path, required=True, metavar="FILE", help="ไฟล์บัตรกุญแจ (.json) ที่จะส่งให้หน่วยงานอื่น")
    card.add_argument("--pdf", type=Path, metavar="FILE", help="หน้า PDF สำหรับพิมพ์ มีเลขลายนิ้วมือและรหัส QR")
    trust = keys_sub.add_parser("trust", help="ลงทะเบียนบัตรกุญแจของหน่วยงานอื่นเป็นบัตรที่เชื่อถือ")
    trust.add_argument("file", type=Path, metavar="FILE", help="ไฟล์บัตรกุญแจ (.json)")
    trust.add_argument("--fingerprint", metavar="DIGITS",
                       help="เลขลายนิ้วมือ 20 หลักที่อ่านกันทางโทรศัพท์: ไม่ตรงกับบัตรก็ไม่ลงทะเบียน")
    keys_sub.add_parser("list", help="แสดงกุญแจของหน่วยงานและรายการบัตรกุญแจที่เชื่อถือ")
    revoke = keys_sub.add_parser("revoke", help="เพิกถอนกุญแจที่เชื่อถือ (ไม่รับข้อมูลที่ลงนามตั้งแต่เวลานั้น)")
    revoke.add_argument("key_id", metavar="KEYID", help="รหัสกุญแจ (อย่างน้อย 8 ตัวแรก ดูจาก samoe keys list)")
    revoke.add_argument("--from", dest="since", type=_time, metavar="TIME",
                        help="เพิกถอนตั้งแต่เวลานี้ (UTC เช่น 2026-11-30T08:00; ค่าเริ่มต้น: ตอนนี้)")
    revoke.add_argument("--reason", default="", help="เหตุผล (บันทึกไว้ในประวัติ)")
    rotate = keys_sub.add_parser("rotate", help="สร้างกุญแจใหม่แทนกุญแจเดิม บัตรใหม่ลงนามด้วยกุญแจเดิม")
    rotate.add_argument("--out", type=Path, required=True, metavar="FILE", help="ไฟล์บัตรกุญแจใหม่ (.json)")
    rotate.add_argument("--pdf", type=Path, metavar="FILE", help="หน้า PDF ของบัตรใหม่สำหรับพิมพ์")
    keys_sub.add_parser("share", help="มอบกุญแจของหน่วยงานให้ผู้ใช้ที่มีสิทธิ์และขอไว้ (ฐานข้อมูลที่ไม่เข้ารหัส)")


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    return WRITING.get(getattr(args, "keys_command", ""), "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.exchange_keys import OfficeKeyError
    from desktop.services.exchange_trust import TrustRefused

    try:
        command = args.keys_command
        if command in ("card", "rotate"):
            return _card(args, db, out, err)
        if command == "trust":
            return _trust(args, db, out, err)
        if command == "revoke":
            return _revoke(args, db, out)
        if command == "share":
            return _share(args, db, out)
        return _list(db, out)
    except TrustRefused as exc:
        err(exc.message)
        return EXIT_REFUSED
    except OfficeKeyError as exc:
        err(exc.message)
        if exc.code == "keys.not_shared":
            ask_for_keys(args, db, err)
            return EXIT_NOT_PERMITTED
        return {"keys.password": EXIT_LOGIN, "keys.damaged": EXIT_DAMAGED}.get(exc.code, EXIT_REFUSED)


def keys_password(args: argparse.Namespace, db: Any) -> str:
    from desktop.cli_login import login_password

    return login_password(getattr(db.actor, "name", "") or args.user)


def ask_for_keys(args: argparse.Namespace, db: Any, err: Any) -> None:
    """Not shared with this user yet: note them as waiting (their own key pair under
    their password), so the next holder's ``samoe keys share`` gives them the keys."""
    from desktop.services.exchange_keys import ensure_holder

    with db.session() as s:
        made = ensure_holder(s, keys_password(args, db))
    if made:
        err("บันทึกคำขอแล้ว: เมื่อผู้ดูแลระบบสั่ง samoe keys share ผู้ใช้นี้จะใช้กุญแจของหน่วยงานได้")


def after_init(args: argparse.Namespace, db: Any, out: Any, err: Any) -> None:
    """``samoe init``: the office's exchange keys, made at set-up (an ``init`` that only
    changes the office keeps the keys it has)."""
    from desktop.services.exchange_keys import OfficeKeyError, current_card, ensure_office_keys

    try:
        with db.session() as s:
            had = current_card(s)
            card = ensure_office_keys(s, password=keys_password(args, db))
    except OfficeKeyError as exc:
        err(exc.message + " (สร้างกุญแจของหน่วยงานภายหลังได้ด้วย samoe keys card)")
        return
    if had is None:
        out(f"สร้างกุญแจของหน่วยงานแล้ว รหัสกุญแจ {card.key_id} เลขลายนิ้วมือ {card.fingerprint} "
            "(ส่งบัตรกุญแจให้จังหวัด: samoe keys card --out FILE --pdf FILE)")


def _show_card(card: Any, out: Any) -> None:
    out(f"หน่วยงาน: {card.keys.office_name} ({card.keys.office_code})")
    out(f"รหัสกุญแจ: {card.key_id}")
    out(f"เลขลายนิ้วมือ: {card.fingerprint}")


def _output_problem(args: argparse.Namespace) -> str:
    """Why ``--out``/``--pdf`` cannot be written, before any work ("" when they can): a
    missing folder, or not a plain file (a device such as /dev/full would be replaced
    by the atomic rename)."""
    targets = [t for t in (args.out, args.pdf) if t is not None]
    if len(targets) == 2 and Path(targets[0]).resolve() == Path(targets[1]).resolve():
        return "--out กับ --pdf ต้องเป็นคนละไฟล์"
    return output_problem(*targets)


def _card(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.exchange_keys import rotate_office_keys, write_key_card

    problem = _output_problem(args)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        if args.keys_command == "rotate":
            new = rotate_office_keys(s, password=keys_password(args, db))
            out(f"เปลี่ยนกุญแจแล้ว กุญแจใหม่แทน {new.replaces} (บัตรใหม่ลงนามด้วยกุญแจเดิม)")
        card = write_key_card(s, args.out, pdf=args.pdf, password=keys_password(args, db))
    _show_card(card, out)
    out(f"เขียนบัตรกุญแจลงไฟล์ {args.out}" + (f" และหน้าสำหรับพิมพ์ {args.pdf}" if args.pdf else ""))
    out("ส่งไฟล์บัตรให้หน่วยงานปลายทาง แล้วอ่านเลขลายนิ้วมือให้ทางโทรศัพท์ก่อนที่เขาจะลงทะเบียน")
    return 0


def _read_card_file(path: Path) -> bytes:
    from desktop.exchange.key_card import MAX_CARD_BYTES

    with open(path, "rb") as f:
        return f.read(MAX_CARD_BYTES + 1)  # a huge file (or a device) is never read whole


def _trust(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.exchange.key_card import KeyCardError, read_card
    from desktop.services.exchange_trust import enrol_card

    raw = _read_card_file(args.file)
    if args.fingerprint is not None:
        typed = "".join(c for c in args.fingerprint if c.isdigit())
        try:
            found = read_card(raw).fingerprint.replace(" ", "")
        except KeyCardError as exc:
            err(exc.message)
            return EXIT_REFUSED
        if typed.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")) != found:
            err("เลขลายนิ้วมือที่พิมพ์ไม่ตรงกับบัตรนี้ ไม่ได้ลงทะเบียน: โทรถามหน่วยงานเจ้าของบัตรอีกครั้ง "
                "หรือขอไฟล์บัตรใหม่")
            return EXIT_REFUSED
    with db.session() as s:
        info = enrol_card(s, raw)
    out(f"ลงทะเบียนบัตรกุญแจแล้ว: {info.office_name} ({info.office_code})")
    out(f"รหัสกุญแจ: {info.key_id}")
    out(f"เลขลายนิ้วมือ: {info.fingerprint}")
    if info.replaces:
        out(f"แทนกุญแจเดิม {info.replaces} (ลงนามด้วยกุญแจเดิมแล้ว)")
    elif args.fingerprint is None:
        out("ตรวจเลขลายนิ้วมือนี้กับหน่วยงานเจ้าของบัตรทางโทรศัพท์ ถ้าไม่ตรง เพิกถอนทันที: "
            f"samoe keys revoke {info.key_id}")
    return 0


def _revoke(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.exchange_trust import revoke_key

    with db.session() as s:
        info = revoke_key(s, args.key_id, at=args.since, reason=args.reason)
    assert info.revoked_at is not None
    out(f"เพิกถอนกุญแจ {info.key_id} ของ {info.office_name} ({info.office_code}) แล้ว "
        f"ตั้งแต่ {info.revoked_at:%Y-%m-%d %H:%M} UTC: ข้อมูลที่ลงนามตั้งแต่เวลานั้นจะไม่ถูกรับ")
    return 0


def _share(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.exchange_keys import share_office_keys

    with db.session() as s:
        names = share_office_keys(s, password=keys_password(args, db))
    out("มอบกุญแจของหน่วยงานให้: " + ", ".join(names) if names else "ไม่มีผู้ใช้ที่รอรับกุญแจของหน่วยงาน")
    return 0


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at is not None else "-"


def _list(db: Any, out: Any) -> int:
    from desktop.services.access import current_actor
    from desktop.services.exchange_keys import office_key_list
    from desktop.services.exchange_trust import list_trusted

    with db.reader() as s:
        actor = current_actor(s)
        from desktop.domain.roles import Action

        own = office_key_list(s) if actor is not None and actor.may(Action.KEYS_MANAGE) else None
        trusted = list_trusted(s)
    if own is not None:
        out("กุญแจของหน่วยงานนี้:" if own else "หน่วยงานนี้ยังไม่มีกุญแจ (สั่ง samoe keys card เพื่อสร้าง)")
        for k in own:
            state = "ใช้อยู่" if k.retired_at is None else f"เลิกใช้ {_when(k.retired_at)} แทนด้วย {k.replaced_by}"
            where = "เก็บในฐานข้อมูลที่เข้ารหัส" if k.in_database else f"มอบให้ผู้ใช้ {k.holders} คน"
            out(f"  {k.key_id}  {k.fingerprint}  สร้าง {_when(k.created_at)} โดย {k.created_by}  {state}  ({where})")
    out("บัตรกุญแจที่เชื่อถือ:" if trusted else "ยังไม่มีบัตรกุญแจที่เชื่อถือ (samoe keys trust FILE)")
    for t in trusted:
        state = ("เพิกถอนตั้งแต่ " + _when(t.revoked_at) if t.revoked_at is not None
                 else f"แทนด้วย {t.replaced_by}" if t.replaced_by else "เชื่อถือ")
        out(f"  {t.key_id}  {t.office_code} {t.office_name}  {t.fingerprint}  "
            f"ลงทะเบียน {_when(t.enrolled_at)} โดย {t.enrolled_by}  {state}")
    return 0
