"""The case module's printouts (issue 13) read back in all five PDF readers (poppler plain
and -layout, PDFium, MuPDF, pdfminer.six, pdf.js): the referral letter with the
municipality's header, the agency, the reason and the signature block; the case summary
with the plan's goals, actions, budget and signature lines; the monthly report's counts,
the children returned and the overdue follow-ups, worked out by hand. A caregiver prints
none of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import case_children
from case_plan_kit import TODAY, as_user, case_at
from pdf_readers import READERS, read_pages, squeeze

from desktop.domain.case_followup import FollowUp, FollowUpResult
from desktop.domain.case_plan import Agency
from desktop.domain.case_referral import Referral, ReferralStatus
from desktop.domain.cases import CaseStatus
from desktop.domain.identity import format_national_id
from desktop.domain.roles import Role
from desktop.reports.case_letter import addressee, head_title
from desktop.services.access import NotPermitted, sign_in
from desktop.services.case_followups import record_follow_up
from desktop.services.case_plans import record_action_outcome
from desktop.services.case_print import (
    case_summary_file,
    monthly_data,
    monthly_report_file,
    referral_letter_data,
    referral_letter_file,
)
from desktop.services.case_referrals import move_referral, send_referral
from desktop.store.db import Database
from desktop.store.models import Child, ChildGuardian, Guardian

PMJ = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา"


@dataclass
class Printed:
    db: Database
    letter: Path
    summary: Path
    month: Path
    names: list[str]
    case_id: int
    referral_id: int


def _guardian(db: Database, child_uuid: str) -> None:
    from sqlalchemy import select

    with db.session() as s:
        child = s.scalars(select(Child).where(Child.uuid == child_uuid)).one()
        g = Guardian(prefix="นาง", first_name="สมใจ", last_name="ใจงาม", phone="081-234-5678",
                     household_id=child.household_id, origin_office_id=child.origin_office_id)
        s.add(g)
        s.flush()
        s.add(ChildGuardian(child_id=child.id, guardian_id=g.id, relation="แม่", is_primary=True,
                            origin_office_id=child.origin_office_id))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printed]:
    from desktop.services.office import init_office
    from desktop.store import migrate

    tmp = tmp_path_factory.mktemp("case-pdfs")
    db = Database.open(tmp / "samoe.db")
    sign_in(db, EVERY_ROLE)
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    kit = case_children(db, 5)
    _guardian(db, kit.children[0])
    main = case_at(db, kit.children[0], CaseStatus.IN_NFE, back=date(2026, 11, 3), place="กศน.อำเภอเมืองนครราชสีมา")
    case_at(db, kit.children[1], CaseStatus.BACK_IN_SCHOOL, back=date(2026, 11, 10), place="โรงเรียนบ้านใหม่วิทยา")
    case_at(db, kit.children[2], CaseStatus.BACK_IN_SCHOOL, back=date(2026, 10, 20), place="โรงเรียนวัดใหม่")
    case_at(db, kit.children[3], CaseStatus.IN_PLAN)
    case_at(db, kit.children[4], CaseStatus.FOUND)
    with as_user(db, "worker1"), db.session() as s:
        ref = send_referral(s, main, Referral(Agency.SOCIAL_DEVELOPMENT, PMJ,
                                              "ขอรับการสงเคราะห์เงินอุดหนุนครอบครัวและค่าเดินทางไปเรียน กศน.",
                                              date(2026, 11, 5), ""), letter_no="นม 52301/0456", today=TODAY)
        move_referral(s, ref, ReferralStatus.ACCEPTED, date(2026, 11, 12), answer="รับเรื่องไว้พิจารณา", today=TODAY)
        record_follow_up(s, main, FollowUp(date(2026, 11, 20), "", FollowUpResult.ON_TRACK, "มาเรียนทุกสัปดาห์"),
                         today=TODAY)
        record_action_outcome(s, main, 1, 1, "สมัครเรียนแล้ว", date(2026, 11, 3), today=TODAY)
    paths = Printed(db, tmp / "letter.pdf", tmp / "summary.pdf", tmp / "month.pdf",
                    [format_national_id(kit.national_ids[0])], main, ref)
    with as_user(db, "worker1"), db.reader() as s:
        assert referral_letter_file(s, ref, paths.letter, signer="นายสมศักดิ์ รักถิ่น", contact="กองการศึกษา โทร. 044-123456",
                                    today=TODAY) == 1
        assert case_summary_file(s, main, paths.summary, today=TODAY) in (1, 2, 3)
        assert monthly_report_file(s, 2026, 11, paths.month, today=TODAY) == 1
    yield paths
    db.dispose()


def test_the_office_head_and_the_addressee(printed: Printed) -> None:
    assert head_title("เทศบาลตำบลบ้านใหม่") == "นายกเทศมนตรีตำบลบ้านใหม่"
    assert head_title("องค์การบริหารส่วนตำบลนาดี") == "นายกองค์การบริหารส่วนตำบลนาดี"
    with as_user(printed.db, "worker1"), printed.db.reader() as s:
        data = referral_letter_data(s, printed.referral_id, today=TODAY)
        given = referral_letter_data(s, printed.referral_id, addressee="พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา",
                                     today=TODAY)
    assert addressee(data) == f"ผู้อำนวยการ{PMJ}" and data.signer_position == ""
    assert addressee(given) == "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา"
    assert data.needs[0] == "ด้านเศรษฐกิจ (ต้องช่วยเหลือเร่งด่วน): รายได้ครัวเรือนไม่พอใช้จ่าย, เด็กต้องทำงานหารายได้"


def test_the_months_figures_by_hand(printed: Printed) -> None:
    with as_user(printed.db, "worker1"), printed.db.reader() as s:
        d = monthly_data(s, 2026, 11, today=TODAY)
    assert dict(d.by_status) == {"ดำเนินการตามแผนช่วยเหลือ": 1, "กลับเข้าเรียนในโรงเรียน": 2, "เรียน กศน.": 1,
                                 "พบตัว": 1}
    figures = dict(d.in_month)
    assert figures["กลับเข้าสู่: เรียน กศน."] == 1 and figures["กลับเข้าสู่: กลับเข้าเรียนในโรงเรียน"] == 1
    assert (figures["นิเทศติดตาม (ครั้ง)"], figures["ส่งต่อหน่วยงานอื่น"], figures["หน่วยงานตอบกลับการส่งต่อ"]) == (1, 1, 1)
    assert figures["เปิดกรณีใหม่"] == 0 and [r.place for r in d.returned] == ["กศน.อำเภอเมืองนครราชสีมา",
                                                                             "โรงเรียนบ้านใหม่วิทยา"]
    # in plan since 12 Sep: due 12 Oct; three of the four followed were not visited by 30 Nov
    assert d.overdue_total == 3 and all(r.due == date(2026, 10, 12) and r.days == 49 for r in d.overdue)
    assert (d.year_name, d.year_returned) == ("ปีงบประมาณ 2570", 3)


@pytest.mark.parametrize("reader", list(READERS))
def test_the_printouts_read_back_in_every_reader(printed: Printed, reader: str) -> None:
    letter = ["หนังสือส่งต่อเด็กและเยาวชนนอกระบบการศึกษา", "ที่ นม 52301/0456", "เทศบาลตำบลทดสอบ", "จังหวัดนครราชสีมา",
              f"เรียน ผู้อำนวยการ{PMJ}", "เด็กชายกมล ใจงาม000", printed.names[0],
              "ขอรับการสงเคราะห์เงินอุดหนุนครอบครัวและค่าเดินทางไปเรียน กศน.", "นางสมใจ ใจงาม (แม่)",
              "ขอแสดงความนับถือ", "(นายสมศักดิ์ รักถิ่น)", "ตำแหน่ง นายกเทศมนตรีตำบลทดสอบ", "ส่วนตอบกลับ", "ชื่อเด็ก เด็กชายกมล ใจงาม000",
              "ด้านเศรษฐกิจ (ต้องช่วยเหลือเร่งด่วน): รายได้ครัวเรือนไม่พอใช้จ่าย", "กองการศึกษา โทร. 044-123456"]
    summary = ["สรุปกรณีและแผนการช่วยเหลือเด็กรายบุคคล", "เด็กชายกมล ใจงาม000", "เรียน กศน.",
               "เป้าหมายที่ 1 กลับเข้าเรียน กศน. ภาคเรียนที่ 2/2569", "พาไปสมัครเรียนที่ กศน.อำเภอเมือง",
               "สมัครเรียนแล้ว", "4,500.00", "อนุมัติแล้ว (ใช้อยู่)", "อนุมัติโดย boss1", "ผู้จัดทำแผน",
               "หัวหน้างาน (ผู้อนุมัติแผน)", "ผู้ปกครอง", "มาเรียนทุกสัปดาห์", "หน่วยงานรับแล้ว", "ครอบครัวยากจน"]
    month = ["รายงานการช่วยเหลือเด็กนอกระบบการศึกษา ประจำเดือนพฤศจิกายน 2569", "กลับเข้าเรียนในโรงเรียน",
             "ปีงบประมาณ 2570", "โรงเรียนบ้านใหม่วิทยา", "กศน.อำเภอเมืองนครราชสีมา", "นายกเทศมนตรีตำบลทดสอบ",
             "12 ต.ค. 2569", "เด็กหญิงจิรา ใจงาม003", "ผู้รายงาน", "ณ วันที่ 30 พ.ย. 2569 (3 กรณี)"]
    for path, words in ((printed.letter, letter), (printed.summary, summary), (printed.month, month)):
        text = squeeze("".join(read_pages(reader, path)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, path.name, missing)


def test_a_caregiver_prints_nothing(printed: Printed, tmp_path: Path) -> None:
    sign_in(printed.db, actor_with(Role.CAREGIVER))
    try:
        with printed.db.reader() as s:
            for call in (lambda: referral_letter_file(s, printed.referral_id, tmp_path / "a.pdf"),
                         lambda: case_summary_file(s, printed.case_id, tmp_path / "b.pdf"),
                         lambda: monthly_report_file(s, 2026, 11, tmp_path / "c.pdf")):
                with pytest.raises(NotPermitted):
                    call()
    finally:
        sign_in(printed.db, EVERY_ROLE)
    assert not list(tmp_path.glob("*.pdf"))
