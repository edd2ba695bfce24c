"""Why a bundle or a receipt is refused: a stable reason code and a Thai message a clerk can
act on (docs/exchange-format.md lists them all).

The code is the contract (logs, the CLI's output, tests, the province's records); the message
is what a person reads, in the screen's language (``desktop/i18n.py``; English in
resources/translations/core_en.po). Codes are never renamed or reused; a new check gets a
new code.
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import N_, _

# A refusal's code → its message (Thai; translated where shown). Grouped by the check.
MESSAGES: dict[str, str] = {
    # the file as a ZIP archive, checked before anything is read from it
    "archive.too_large": N_("ไฟล์ใหญ่เกินกว่าที่ชุดข้อมูลแลกเปลี่ยนจะเป็นได้ อาจไม่ใช่ไฟล์ของ Samoe โปรดตรวจสอบว่าเลือกไฟล์ถูกต้อง"),
    "archive.too_many_entries": N_("ไฟล์มีรายการข้างในมากผิดปกติ ไม่ใช่ชุดข้อมูลที่ Samoe เขียน โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.damaged": N_("ไฟล์เสียหรือไม่ครบ (อาจคัดลอกไม่เสร็จหรือแฟลชไดรฟ์ถูกดึงออกก่อน) โปรดคัดลอกไฟล์มาใหม่จากผู้ส่ง"),
    "archive.traversal": N_("ไฟล์มีชื่อรายการข้างในที่อันตราย (ชี้ออกนอกโฟลเดอร์) ไม่ได้เปิดใช้ โปรดแจ้งผู้ดูแลระบบและขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.bad_name": N_("ไฟล์มีชื่อรายการข้างในที่ Samoe ไม่ได้เขียน อาจถูกแก้ไข โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.duplicate_entry": N_("ไฟล์มีรายการชื่อซ้ำกัน อาจถูกแก้ไข โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.unlisted_entry": N_("ไฟล์มีรายการที่ไม่อยู่ในบัญชีรายการที่ลงนามไว้ อาจถูกเพิ่มเข้ามาภายหลัง โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.missing_entry": N_("ไฟล์ขาดรายการที่บัญชีรายการระบุไว้ ข้อมูลไม่ครบ โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "archive.bomb": N_("ไฟล์ถูกบีบอัดมากผิดปกติ (อาจเป็นไฟล์โจมตี) ไม่ได้เปิดใช้ โปรดแจ้งผู้ดูแลระบบ"),
    "archive.not_canonical": N_("โครงสร้างไฟล์ไม่ตรงกับที่ Samoe เขียน อาจถูกแก้ไขหรือบันทึกซ้ำด้วยโปรแกรมอื่น โปรดใช้ไฟล์ต้นฉบับจากผู้ส่ง"),
    # who sent it
    "key.unknown": N_("ไม่รู้จักกุญแจของผู้ส่ง โปรดลงทะเบียนบัตรกุญแจของหน่วยงานผู้ส่งก่อน แล้วตรวจสอบไฟล์อีกครั้ง"),
    "key.revoked": N_("กุญแจของผู้ส่งถูกเพิกถอนแล้วก่อนที่ไฟล์นี้จะถูกสร้าง ไม่รับไฟล์นี้ โปรดติดต่อหน่วยงานผู้ส่งให้ส่งใหม่ด้วยกุญแจใหม่"),
    "key.other_office": N_("ไฟล์อ้างว่ามาจากหน่วยงานหนึ่งแต่ลงนามด้วยกุญแจของอีกหน่วยงานหนึ่ง ไม่รับไฟล์นี้ โปรดแจ้งผู้ดูแลระบบ"),
    "signature.bad": N_("ลายมือชื่อดิจิทัลไม่ถูกต้อง ไฟล์ถูกแก้ไขหลังจากผู้ส่งลงนาม ไม่รับไฟล์นี้ โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    # what it says
    "manifest.not_canonical": N_("บัญชีรายการของไฟล์ไม่อยู่ในรูปแบบมาตรฐาน โปรแกรมของผู้ส่งอาจผิดพลาด โปรดให้ผู้ส่งปรับปรุงโปรแกรมแล้วส่งใหม่"),
    "manifest.bad_field": N_("บัญชีรายการของไฟล์มีข้อมูลไม่ถูกต้อง โปรแกรมของผู้ส่งอาจผิดพลาด โปรดให้ผู้ส่งปรับปรุงโปรแกรมแล้วส่งใหม่"),
    "format.newer": N_("ไฟล์นี้สร้างด้วย Samoe รุ่นใหม่กว่าโปรแกรมนี้ โปรดปรับปรุง Samoe เป็นรุ่นล่าสุดแล้วเปิดไฟล์อีกครั้ง"),
    "recipient.other_office": N_("ไฟล์นี้ส่งถึงหน่วยงานอื่น ไม่ใช่หน่วยงานนี้ โปรดตรวจสอบว่าได้รับไฟล์ถูกต้อง"),
    "recipient.other_key": N_("ไฟล์นี้เข้ารหัสถึงกุญแจอื่นของหน่วยงานนี้ (อาจเป็นกุญแจเก่าก่อนเปลี่ยน) โปรดให้ผู้ส่งติดตั้งบัตรกุญแจล่าสุดแล้วส่งใหม่"),
    "time.expired": N_("ไฟล์หมดอายุแล้ว โปรดขอให้ผู้ส่งส่งออกไฟล์ใหม่"),
    "time.future": N_("ไฟล์ระบุเวลาสร้างในอนาคต นาฬิกาของเครื่องผู้ส่งหรือเครื่องนี้อาจผิด โปรดตรวจสอบวันเวลาของทั้งสองเครื่อง"),
    # where it stands in the sender's line of bundles
    "chain.duplicate": N_("รับไฟล์นี้ไปแล้ว ไม่ต้องนำเข้าอีก"),
    "chain.replay": N_("ไฟล์นี้เก่ากว่าไฟล์ล่าสุดที่รับจากผู้ส่งแล้ว (ลำดับที่ {sequence} รับถึงลำดับที่ {last}) ไม่ต้องนำเข้า"),
    "chain.gap": N_("ยังขาดไฟล์ก่อนหน้าจากผู้ส่ง (ได้ลำดับที่ {sequence} แต่รับถึงลำดับที่ {last}) และไฟล์นี้ไม่ได้สร้างต่อจากใบตอบรับล่าสุดที่จังหวัดออกให้ โปรดนำเข้าไฟล์ที่ขาดก่อน หรือออกใบตอบรับล่าสุดให้ผู้ส่งแล้วขอให้ส่งออกไฟล์ใหม่"),
    "chain.broken": N_("ไฟล์นี้ไม่ต่อจากไฟล์ล่าสุดที่รับจากผู้ส่ง (ลำดับที่ {sequence}) อาจมาจากฐานข้อมูลที่กู้คืนหรือคัดลอก โปรดติดต่อหน่วยงานผู้ส่ง"),
    # the payload
    "file.size": N_("ขนาดของข้อมูลในไฟล์ไม่ตรงกับบัญชีรายการ ไฟล์ถูกแก้ไขหรือเสีย โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "file.hash": N_("ข้อมูลในไฟล์ไม่ตรงกับบัญชีรายการที่ลงนามไว้ ไฟล์ถูกแก้ไขหรือเสีย โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "payload.decrypt": N_("ถอดรหัสข้อมูลไม่ได้ ไฟล์ไม่ได้เข้ารหัสถึงหน่วยงานนี้หรือถูกแก้ไข โปรดขอไฟล์ใหม่จากผู้ส่ง"),
    "payload.schema": N_("ข้อมูลในไฟล์ไม่อยู่ในรูปแบบที่โปรแกรมนี้รับได้ โปรดให้ผู้ส่งปรับปรุงโปรแกรมแล้วส่งใหม่"),
    "payload.unresolved": N_("ข้อมูลในไฟล์อ้างถึงเด็กหรือรายการที่ไม่มีทั้งในไฟล์นี้และในข้อมูลที่จังหวัดเคยได้รับจากผู้ส่ง (เช่น แบบคัดกรองของเด็กที่ยังไม่เคยส่งมา) จึงไม่ได้นำเข้าข้อมูลใดเลย โปรดให้ผู้ส่งส่งออกข้อมูลแบบทั้งหมดแล้วส่งไฟล์ใหม่"),
    # receipts
    "receipt.not_canonical": N_("ใบตอบรับไม่อยู่ในรูปแบบมาตรฐาน หรือไม่ใช่ใบตอบรับของ Samoe โปรดขอใบตอบรับใหม่จากจังหวัด"),
    "receipt.bad_field": N_("ใบตอบรับมีข้อมูลไม่ถูกต้อง โปรดขอใบตอบรับใหม่จากจังหวัด"),
    # a case transferred between municipalities through the province (services/case_transfer*.py)
    "transfer.not_province": N_("ไฟล์ส่งต่อกรณีต้องลงนามโดยจังหวัด ไฟล์นี้ลงนามโดยหน่วยงานอื่น ไม่รับไฟล์นี้ โปรดขอไฟล์ใหม่จากจังหวัด"),
    "transfer.incomplete": N_("ไฟล์ส่งต่อกรณีมีข้อมูลไม่ครบหรือไม่ใช่ไฟล์ส่งต่อกรณี (ขาดเด็ก กรณี หรือประวัติของกรณี) ไม่ได้นำเข้าข้อมูลใดเลย โปรดขอไฟล์ใหม่จากจังหวัด"),
    "transfer.other_office": N_("ไฟล์นี้ส่งต่อกรณีให้ อปท. อื่น ไม่ใช่หน่วยงานนี้ โปรดตรวจสอบว่าได้รับไฟล์ถูกต้อง"),
    "transfer.duplicate": N_("ไฟล์ส่งต่อกรณีมีกรณีเดียวกันซ้ำกันในไฟล์ (ไฟล์ถูกแก้ไขหรือเขียนผิด) ไม่ได้นำเข้าข้อมูลใดเลย โปรดขอไฟล์ใหม่จากจังหวัด"),
    "transfer.bad_text": N_("ชื่อเด็กหรือข้อความในไฟล์ส่งต่อกรณีมีอักขระควบคุมหรืออักขระกลับทิศทางที่มองไม่เห็น (ชื่อที่แสดงอาจไม่ตรงกับที่บันทึก) ไม่ได้นำเข้าข้อมูลใดเลย โปรดแจ้งจังหวัดให้ อปท. ต้นทางแก้ชื่อในทะเบียนแล้วขอไฟล์ใหม่"),
    "transfer.future_date": N_("ไฟล์ส่งต่อกรณีมีวันที่หลังวันที่สร้างไฟล์ (วันเกิด วันโอน หรือวันในประวัติของกรณี) ข้อมูลอาจผิด ไม่ได้นำเข้าข้อมูลใดเลย โปรดแจ้งจังหวัดให้ อปท. ต้นทางตรวจวันที่แล้วขอไฟล์ใหม่"),
    # signed rule packs (desktop/exchange/rulepack_file.py)
    "rulepack.not_canonical": N_("ไฟล์ชุดเกณฑ์ไม่อยู่ในรูปแบบมาตรฐาน หรือไม่ใช่ชุดเกณฑ์ที่จังหวัดลงนาม โปรดขอไฟล์ใหม่จากจังหวัด"),
    "rulepack.bad_field": N_("ไฟล์ชุดเกณฑ์มีข้อมูลไม่ถูกต้อง โปรดขอไฟล์ใหม่จากจังหวัด"),
}


class Refusal(Exception):  # noqa: N818 (a refusal is what the clerk is told)
    """A bundle or receipt refused: ``code`` (stable), ``message`` (the reader's language),
    ``detail`` (technical, for logs; never shown as the message)."""

    def __init__(self, code: str, detail: str = "", **params: Any) -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown refusal code {code!r}")
        self.code = code
        self.detail = detail
        self.params = params
        super().__init__(f"{code}: {detail}" if detail else code)

    @property
    def message(self) -> str:
        text = _(MESSAGES[self.code])
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return text


def message(code: str, **params: Any) -> str:
    """The message of ``code`` in the screen's language."""
    return Refusal(code, **params).message
