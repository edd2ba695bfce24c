"""The poverty screening's screenshots (issue 11) for packaging/screenshots.py: the term's
list and its tabs, a form typed in (with its house photos), its printout and preview, and
the rule packs with a second pack's re-score offer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from screenshots_common import TODAY, pdf_page


def screening(shots: Any) -> None:
    """The poverty screening (issue 11): the term's list and one form typed in, its
    per-capita income and class worked out as it fills."""
    from desktop.gui.views.screening_form import open_screening_form

    window = shots.window
    term = _screenings(shots.ctx.db)
    view = window.screenings_view
    view.term_combo.setCurrentIndex(view.term_combo.findData(term[0] * 10 + term[1]))
    window.show_page("screenings")
    view.refresh()
    uuid = next(r.uuid for r in view.shown if r.poverty == "poor")
    view.select_uuid(uuid)
    shots.save(window, "screenings")

    def typed(dialog: QWidget) -> None:
        dialog.ui.members.rows[-1].income.setFocus()  # type: ignore[attr-defined]  # as if typing

    _house_photos(shots.ctx.db, uuid)  # the form shows them small
    shots.dialog("screening-form", lambda: open_screening_form(shots.ctx, window, uuid=uuid), typed)

    def photos(dialog: QWidget) -> None:
        shots.settle()  # the thumbnails are made on the task runner
        dialog.ui.scroll.ensureWidgetVisible(dialog.ui.photo_thumbs)  # type: ignore[attr-defined]
        shots.settle()

    shots.dialog("screening-form-photos", lambda: open_screening_form(shots.ctx, window, uuid=uuid), photos)
    for kind in ("unscreened", "no_photo_gps", "dashboard"):
        view.tabs.setCurrentWidget(view.pages[kind])
        shots.save(window, f"screenings-{kind.replace('_', '-')}")
    view.tabs.setCurrentWidget(view.pages["screened"])
    screening_print(shots, uuid)
    rulepacks(shots)


def screening_print(shots: Any, uuid: str) -> None:
    """The printed form (นร./กสศ.01) of the screening with photos: its first page as
    pdftoppm draws it, as wide as the screen, and in the window's preview."""
    from desktop.gui.views.pdf_preview import PdfPreview
    from desktop.services.screening_print import screening_pdf

    pdf = shots.tmp / "screening-form.pdf"
    with shots.ctx.db.reader() as session:
        screening_pdf(session, uuid, pdf, today=TODAY)
    pdf_page(shots, pdf, "screening-print")
    shots.dialog("screening-print-preview",
                lambda: PdfPreview(shots.ctx, pdf, "แบบคัดกรอง", "แบบคัดกรอง.pdf", shots.window),
                lambda p: p.show_page(0))  # type: ignore[attr-defined]


def rulepacks(shots: Any) -> None:
    """The rule packs with the re-score offer of a second pack (installed here unsigned,
    as the province's signed file would install it)."""
    import json

    from desktop.domain.rulepack import parse_pack
    from desktop.gui.views.rulepack_dialog import RulePackDialog
    from desktop.paths import resource_path
    from desktop.services.rulepacks import add_pack, ensure_shipped

    value = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    value |= {"version": 2, "title": value.get("title", "") + " (ปรับช่วงคะแนน)", "bands": {"poor": 12, "extreme": 18}}
    with shots.ctx.db.session() as s:
        ensure_shipped(s)
        add_pack(s, parse_pack(value), value)

    def offer(dialog: QWidget) -> None:
        dialog.show_preview("samoe-illustrative v2")  # type: ignore[attr-defined]
        shots.settle()

    shots.dialog("rulepacks", lambda: RulePackDialog(shots.ctx, shots.window), offer)


SCREENED = (  # members (name, relation, age, occupation, income), tenure, housing, water, vehicles, appliances
    ((("นางมาลี ใจดี", "แม่", 38, "รับจ้างทั่วไป", 4500), ("นายสมชาย ใจดี", "พ่อ", 41, "รับจ้างก่อสร้าง", 3000),
      ("นางสม ใจดี", "ยาย", 67, "", 0)), "rent", "worn", "well", {"motorcycle"}, {"tv", "fridge"}),
    ((("นางบัวผัน ศรีสุข", "แม่", 35, "ค้าขาย", 2500), ("นายคำ ศรีสุข", "ตา", 72, "", 600)),
     "with_others", "dilapidated", "natural", set(), {"tv"}),
    ((("นายประเสริฐ มั่นคง", "พ่อ", 45, "ข้าราชการ", 28000), ("นางวิไล มั่นคง", "แม่", 43, "ค้าขาย", 15000)),
     "own", "good", "bottled", {"car", "motorcycle"}, {"air_conditioner", "fridge", "washing_machine", "tv"}),
)


def _screenings(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A few screenings of the first term (each child with their household), one submitted:
    the list has something to show; the term."""
    from sqlalchemy import select

    from desktop.domain.screening_form import Answers, Member
    from desktop.services.screenings import ScreeningValues, save_screening
    from desktop.store.models import AcademicYear, Child, Enrollment, Term

    with db.reader() as s:
        year = s.scalars(select(AcademicYear.year_be).join(Term).order_by(AcademicYear.year_be.desc())).first()
        children = s.execute(select(Child.uuid, Child.prefix, Child.first_name, Child.last_name)
                             .join(Enrollment, Enrollment.child_id == Child.id)
                             .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                             .where(AcademicYear.year_be == year).order_by(Child.id).limit(len(SCREENED) * 2)).all()
    for n, (uuid, prefix, first, last) in enumerate(children):
        people, tenure, housing, water, vehicles, appliances = SCREENED[n % len(SCREENED)]
        members = tuple(Member(*m) for m in people) + (Member(f"{prefix}{first} {last}", "ตัวเด็ก", 9),)
        answers = Answers(tenure=tenure, housing=housing, land="none", water=water, electricity="own_meter",
                          vehicles=frozenset(vehicles), appliances=frozenset(appliances))
        with db.session() as s:
            save_screening(s, ScreeningValues(uuid, year, 1, answers, members, travel_means="เดิน",
                                              travel_metres=1500, travel_minutes=20, lat_e6=14_975_300 + n * 700,
                                              lon_e6=102_100_200 + n * 500))
    return year, 1


def _house_photos(db, uuid: str) -> None:  # type: ignore[no-untyped-def]
    """Two drawn house photos (outside, inside) on the screening, as a phone's would be."""
    import io

    from PIL import Image, ImageDraw

    from desktop.services.screening_photos import add_photo

    for kind, wall, sky in (("outside", (196, 160, 110), (150, 200, 235)), ("inside", (225, 210, 180), (120, 90, 60))):
        image = Image.new("RGB", (1200, 900), sky)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 700, 1200, 900), fill=(90, 140, 70))
        draw.rectangle((300, 380, 900, 760), fill=wall)
        draw.polygon(((250, 400), (600, 150), (950, 400)), fill=(150, 60, 40))
        draw.rectangle((540, 560, 660, 760), fill=(90, 60, 30))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        with db.session() as s:
            add_photo(s, uuid, kind, out.getvalue())
