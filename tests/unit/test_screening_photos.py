"""A screening's photos: shrunk, upright, every metadata field gone, the phone's position
read (and used only inside Thailand); a file that is not an image, or too large, refused
in Thai; a photo changed after certification voids it."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select
from test_screenings_service import _child, _values

from desktop.domain.errors import ValidationFailed
from desktop.services.screening_photos import MAX_SIDE, add_photo, prepare_photo
from desktop.services.screenings import certify_screening, save_screening, submit_screening
from desktop.store.db import Database
from desktop.store.screening_state import Certification, Screening, ScreeningPhoto


def _jpeg(size: tuple[int, int] = (4000, 3000), gps: dict[int, Any] | None = None, orientation: int = 1) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # make
    exif[0x0110] = "Model X"  # model
    exif[0x0132] = "2026:11:30 10:00:00"
    exif[0x0112] = orientation
    if gps is not None:
        exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), icc_profile=b"\0" * 128, comment=b"secret")
    return out.getvalue()


KORAT = {1: "N", 2: (14.0, 58.0, 30.0), 3: "E", 4: (102.0, 6.0, 0.0)}  # 14.975, 102.1
PARIS = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}


def test_a_phone_photo_is_shrunk_and_keeps_nothing_but_its_pixels() -> None:
    photo = prepare_photo(_jpeg(gps=KORAT))
    assert (photo.width, photo.height) == (MAX_SIDE, 1200)
    assert photo.position == (14_975_000, 102_100_000) and not photo.position_problem
    kept = Image.open(io.BytesIO(photo.data))
    assert kept.format == "JPEG" and dict(kept.getexif()) == {}
    assert not {"icc_profile", "exif", "comment"} & set(kept.info)
    assert b"PhoneMaker" not in photo.data and b"secret" not in photo.data and b"Model X" not in photo.data


def test_a_photo_taken_sideways_is_turned_upright() -> None:
    photo = prepare_photo(_jpeg((3000, 4000), orientation=6))  # rotate 90: stored portrait, shown landscape
    assert photo.width > photo.height


def test_a_position_outside_thailand_is_not_used_and_said_why() -> None:
    photo = prepare_photo(_jpeg((800, 600), gps=PARIS))
    assert photo.position is None and "นอกประเทศไทย" in photo.position_problem


@pytest.mark.parametrize("raw", [b"", b"not an image at all", b"\xff\xd8\xff\xe0" + b"\0" * 50,
                                 b"<html><body>photo</body></html>"])
def test_what_is_not_an_image_is_refused_in_thai(raw: bytes) -> None:
    with pytest.raises(ValidationFailed) as caught:
        prepare_photo(raw)
    assert caught.value.problems[0].field == "photo" and "ไม่ใช่รูปภาพ" in caught.value.problems[0].message


def test_an_absurdly_large_image_is_refused() -> None:
    image = Image.new("1", (12000, 6000))  # 72 MP, a small file
    out = io.BytesIO()
    image.save(out, "PNG")
    with pytest.raises(ValidationFailed) as caught:
        prepare_photo(out.getvalue())
    assert "ใหญ่ผิดปกติ" in caught.value.problems[0].message


def test_a_photo_fills_the_position_and_a_new_one_after_certification_voids_it(demo_db: Database) -> None:
    uuid, *_ = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid, lat_e6=None, lon_e6=None))
    with demo_db.session() as s:
        added = add_photo(s, view.uuid, "outside", _jpeg((1200, 900), gps=KORAT))
        assert added.position_filled
        add_photo(s, view.uuid, "inside", _jpeg((1200, 900)))
    with demo_db.reader() as s:
        screening = s.scalars(select(Screening)).one()
        assert (screening.lat_e6, screening.lon_e6) == (14_975_000, 102_100_000)
    with demo_db.session() as s:
        submit_screening(s, view.uuid)
        certify_screening(s, view.uuid, name="ผอ.", position="ผู้อำนวยการ")
    with demo_db.session() as s:
        again = add_photo(s, view.uuid, "inside", _jpeg((1000, 800)))
    assert again.voided
    with demo_db.reader() as s:
        photos = s.execute(select(ScreeningPhoto.kind, ScreeningPhoto.deleted_at)).all()
        assert s.scalars(select(Certification.voided_at)).one() is not None
    assert sorted((k, d is None) for k, d in photos) == [("inside", False), ("inside", True), ("outside", True)]


def test_a_position_outside_thailand_or_half_given_is_refused(demo_db: Database) -> None:
    uuid, *_ = _child(demo_db)
    for lat, lon in ((48_856_000, 2_352_000), (102_100_000, 14_975_000), (14_975_000, None)):
        with demo_db.session() as s, pytest.raises(ValidationFailed) as caught:
            save_screening(s, _values(uuid, lat_e6=lat, lon_e6=lon))
        assert caught.value.problems[0].field == "position"


def test_the_forms_thumbnails_are_small_and_only_for_who_may_open_it(demo_db: Database) -> None:
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import NotPermitted, sign_in
    from desktop.services.screening_photos import THUMB_SIDE, thumbnails

    uuid, *_ = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid))
        add_photo(s, view.uuid, "inside", _jpeg((1200, 900)))
        add_photo(s, view.uuid, "outside", _jpeg((900, 1200)))
    with demo_db.reader() as s:
        thumbs = thumbnails(s, view.uuid)
    assert [t.kind for t in thumbs] == ["outside", "inside"]  # the form's order
    assert [(t.width, t.height) for t in thumbs] == [(900, 1200), (1200, 900)]
    sizes = [Image.open(io.BytesIO(t.data)).size for t in thumbs]
    assert sizes[0][1] == THUMB_SIDE and sizes[0][0] < THUMB_SIDE and sizes[1][0] == THUMB_SIDE
    assert thumbs[0].label == "รูปบ้านภายนอก"
    sign_in(demo_db, actor_with(Role.TEACHER, institution_id=99_999))
    with demo_db.reader() as s, pytest.raises(NotPermitted):
        thumbnails(s, view.uuid)
