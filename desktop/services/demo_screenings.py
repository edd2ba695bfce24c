"""Made-up poverty screenings for the demo (issue 11), so the screening's screens have
something to show: a share of the demo's school children screened in term 1 of the demo's
year, most certified, some handed in, some drafts and a few returned; the first ones with
two small drawn house photos, the others with the no-photo reason and a school-sign photo
(the same few drawings shared: a demo's file stays small).
No Qt.

Capped at MAX_SCREENINGS whatever the demo's size: a million-child demo (the benchmarks')
gets the same few thousand, so its build time barely moves.
"""

from __future__ import annotations

import hashlib
import io
import random
from datetime import date

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationFailed
from desktop.domain.screening import classify
from desktop.domain.screening_form import CHOICES, OWNED, Answers, Member
from desktop.services.rulepacks import active_pack
from desktop.services.screening_rows import stored_codes
from desktop.services.screenings import data_hash
from desktop.store.models import Child, Enrollment, Term
from desktop.store.screening_state import Certification, Screening, ScreeningMember, ScreeningPhoto

SHARE = 0.3  # of the school children enrolled in the year
MAX_SCREENINGS = 2000
WITH_PHOTOS = 40  # the first ones get two house photos, the others the child at the school sign
PHOTOS = 8  # drawn houses (a few KB each), shared by the screenings
OCCUPATIONS = ("รับจ้างทั่วไป", "เกษตรกร", "ค้าขาย", "ว่างงาน", "แม่บ้าน", "ลูกจ้างร้านค้า", "")
PARENTS = (("แม่", 24, 45), ("พ่อ", 25, 50), ("ยาย", 55, 80), ("ตา", 58, 82), ("ป้า", 30, 60))
STATUSES = ("certified",) * 5 + ("submitted",) * 2 + ("draft",) * 2 + ("returned",)


def _photo(rng: random.Random) -> bytes:
    """A small drawn house (320x240 JPEG): a photo's size and form, with no one in it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 240), (150 + rng.randrange(60), 190, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 170, 320, 240), fill=(90, 140, 60))
    wall = (170 + rng.randrange(60), 140, 100)
    draw.rectangle((90, 110, 230, 190), fill=wall)
    draw.polygon(((75, 112), (160, 50), (245, 112)), fill=(120, 60, 40))
    draw.rectangle((145, 140, 175, 190), fill=(70, 50, 30))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def _members(rng: random.Random, child: Child, today: date) -> tuple[Member, ...]:
    age = max(3, today.year - child.birth_date.year)
    out = [Member(f"{child.prefix}{child.first_name} {child.last_name}", "บุตร", age)]
    for relation, low, high in rng.sample(PARENTS, rng.randint(1, 3)):
        occupation = rng.choice(OCCUPATIONS)
        income = 0 if occupation in ("ว่างงาน", "แม่บ้าน", "") else rng.choice((1500, 2500, 3500, 4500, 6000, 9000))
        out.append(Member(f"{relation}ของ{child.first_name}", relation, rng.randint(low, high), occupation, income,
                          disabled=rng.random() < 0.05, chronic_illness=rng.random() < 0.1,
                          unemployed=occupation == "ว่างงาน"))
    for _ in range(rng.randint(0, 2)):
        out.append(Member(f"พี่น้องของ{child.first_name}", "พี่น้อง", rng.randint(2, 17)))
    return tuple(out)


def _answers(rng: random.Random) -> Answers:
    pick = {name: rng.choice(list(options)) for name, options in CHOICES.items()}
    return Answers(pick["tenure"], pick["housing"], pick["land"], pick["water"], pick["electricity"],
                   single_parent=rng.random() < 0.2, land_rai=rng.choice((0, 2, 4, 8, 15)),
                   vehicles=frozenset(o for o in OWNED["vehicles"] if rng.random() < 0.25),
                   appliances=frozenset(o for o in OWNED["appliances"] if rng.random() < 0.4))


def fill_screenings(conn: Connection, *, office_id: int, year_id: int, seed: int, today: date,
                    children: int) -> int:
    """Add the demo's screenings in the caller's transaction; how many."""
    session = Session(bind=conn)
    rng = random.Random(seed * 7919)
    pack = active_pack(session)
    term = session.scalars(select(Term).where(Term.academic_year_id == year_id, Term.number == 1)).first()
    if term is None:
        return 0
    wanted = min(MAX_SCREENINGS, int(children * SHARE))
    taken = session.execute(
        select(Child, Enrollment.level_code).join(Enrollment, Enrollment.child_id == Child.id)
        .where(Enrollment.academic_year_id == year_id, Enrollment.level_code.like("p%") | Enrollment.level_code.like("m%"),
               Child.deleted_at.is_(None), Child.origin_office_id == office_id,
               ~select(Screening.id).where(Screening.child_id == Child.id, Screening.term_id == term.id).exists())
        .order_by(Child.id).limit(wanted)).all()
    pool = [_photo(rng) for _ in range(PHOTOS)] if taken else []
    made = 0
    for n, (child, _level) in enumerate(taken):
        members, answers = _members(rng, child, today), _answers(rng)
        try:
            result = classify(members, answers, pack)
        except ValidationFailed:
            continue
        status = rng.choice(STATUSES)
        screening = Screening(
            child_id=child.id, household_id=child.household_id, term_id=term.id, origin_office_id=office_id,
            status=status, tenure=answers.tenure, housing=answers.housing, land=answers.land,
            land_rai=answers.land_rai, water=answers.water, electricity=answers.electricity,
            single_parent=answers.single_parent, vehicles=stored_codes(answers.vehicles),
            appliances=stored_codes(answers.appliances), travel_means=rng.choice(("เดิน", "จักรยาน", "รถจักรยานยนต์", "รถรับส่ง")),
            travel_metres=rng.randrange(200, 12_000, 100), travel_minutes=rng.randrange(5, 60, 5),
            lat_e6=14_800_000 + rng.randrange(400_000), lon_e6=101_900_000 + rng.randrange(400_000),
            no_photo_reason="" if n < WITH_PHOTOS else "บ้านอยู่ห่างไกล ครูยังไม่ได้ไปเยี่ยมบ้าน",
            level=result.level.value, score=result.score, income_total=result.income_total,
            members_count=result.members, pack=result.pack, recorded_by="demo",
            submitted_by="demo" if status != "draft" else "",
            returned_reason="รายได้ของผู้ปกครองไม่ตรงกับที่สอบถาม โปรดตรวจอีกครั้ง" if status == "returned" else "")
        session.add(screening)
        session.flush()
        session.add_all(ScreeningMember(screening_id=screening.id, position=i, name=m.name, relation=m.relation,
                                        age=m.age, occupation=m.occupation, monthly_income=m.monthly_income,
                                        disabled=m.disabled, chronic_illness=m.chronic_illness,
                                        unemployed=m.unemployed, origin_office_id=office_id)
                        for i, m in enumerate(members, start=1))
        kinds = ("outside", "inside") if n < WITH_PHOTOS else ("school_sign",)
        for kind in kinds:
            data = rng.choice(pool)
            session.add(ScreeningPhoto(screening_id=screening.id, kind=kind, data=data,
                                       sha256=hashlib.sha256(data).hexdigest(), width=320, height=240,
                                       origin_office_id=office_id))
        session.flush()
        if status == "certified":
            session.add(Certification(screening_id=screening.id, certifier="demo", certifier_name="นายตัวอย่าง ใจดี",
                                      position="ผู้อำนวยการโรงเรียน (ตัวอย่าง)", certified_on=today,
                                      data_sha256=data_hash(session, screening), origin_office_id=office_id))
        made += 1
    session.flush()
    session.close()
    return made
