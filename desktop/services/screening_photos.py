"""The screening's photos (issue 11): a house outside and inside, or the child at the
school sign. No Qt.

    photo = prepare_photo(raw_bytes)            # or ValidationFailed in Thai
    add_photo(session, screening_uuid, "outside", raw_bytes)

A photo from a phone is turned upright (its EXIF orientation), shrunk to at most
MAX_SIDE pixels, and written again as a JPEG carrying nothing but the pixels: no EXIF (the
phone, the time, the position), no ICC profile, no comment. Its GPS position, when it has
one inside Thailand, fills the house's position if the form has none. A file that is not
an image, an image of more than MAX_PIXELS, or a position outside Thailand gets a Thai
message naming what is wrong.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.screening_form import in_thailand
from desktop.i18n import N_, _
from desktop.services.access import require_any
from desktop.services.audit import record
from desktop.services.screenings import live_screening, require_recorder, void_if_changed
from desktop.store.models import Child, Term, utcnow
from desktop.store.screening_state import ScreeningPhoto

KINDS = {"outside": N_("รูปบ้านภายนอก"), "inside": N_("รูปบ้านภายใน"),
         "school_sign": N_("รูปเด็กกับป้ายโรงเรียน")}
MAX_SIDE = 1600  # pixels: a house is recognisable, a photo ~200-400 KB
MAX_PIXELS = 60_000_000  # a 60 MP phone photo; more is not a photo a person took
MAX_BYTES = 40 * 1024 * 1024
QUALITY = 82
GPS_IFD = 0x8825


@dataclass(frozen=True)
class PreparedPhoto:
    data: bytes  # JPEG, pixels only
    sha256: str
    width: int
    height: int
    position: tuple[int, int] | None  # (lat, lon) micro-degrees from the photo, inside Thailand
    position_problem: str  # a position found outside Thailand: why it was not used


@dataclass(frozen=True)
class PhotoAdded:
    kind: str
    sha256: str
    position_filled: bool
    position_problem: str
    voided: bool


def _degrees(value: Any, ref: Any, negative: str) -> Fraction | None:
    try:
        d, m, s = (Fraction(str(float(v))) for v in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    total = d + m / 60 + s / 3600
    return -total if str(ref).upper().startswith(negative) else total


def _position(image: Any) -> tuple[int, int] | None:
    try:
        gps = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # noqa: BLE001 (a damaged EXIF block: no position, the photo still counts)
        return None
    if not gps or 2 not in gps or 4 not in gps:
        return None
    lat, lon = _degrees(gps[2], gps.get(1, "N"), "S"), _degrees(gps[4], gps.get(3, "E"), "W")
    if lat is None or lon is None:
        return None
    return round(lat * 1_000_000), round(lon * 1_000_000)


def _not_image() -> ValidationFailed:
    return ValidationFailed([Problem("photo", _("ไฟล์นี้ไม่ใช่รูปภาพที่โปรแกรมอ่านได้ (ใช้ไฟล์ JPEG หรือ PNG จากกล้องหรือโทรศัพท์)"))])


def prepare_photo(raw: bytes) -> PreparedPhoto:
    """The photo as Samoe keeps it; ValidationFailed when it cannot be one."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(raw) > MAX_BYTES:
        raise ValidationFailed([Problem("photo", _("ไฟล์รูปใหญ่เกิน {mb} MB โปรดย่อรูปก่อน").format(
            mb=MAX_BYTES // (1024 * 1024)))])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(raw))
            if image.width * image.height > MAX_PIXELS:
                raise ValidationFailed([Problem("photo", _(
                    "รูปมีขนาดใหญ่ผิดปกติ ({width}×{height} จุด) โปรดใช้รูปจากกล้องหรือโทรศัพท์ตามปกติ").format(
                        width=image.width, height=image.height))])
            position = _position(image)
            image = ImageOps.exif_transpose(image)
            image.load()
    except ValidationFailed:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise _not_image() from exc
    problem = ""
    if position is not None and not in_thailand(*position):
        problem = _("พิกัดในรูป ({lat:.5f}, {lon:.5f}) อยู่นอกประเทศไทย จึงไม่ได้ใช้ โปรดตรวจการตั้งค่าตำแหน่งของโทรศัพท์").format(
            lat=position[0] / 1e6, lon=position[1] / 1e6)
        position = None
    image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    image.info.clear()  # a JPEG's writer takes its comment and ICC profile from here
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY, optimize=True)
    data = out.getvalue()
    return PreparedPhoto(data, hashlib.sha256(data).hexdigest(), image.width, image.height, position, problem)


def add_photo(session: Session, screening_uuid: str, kind: str, raw: bytes) -> PhotoAdded:
    """Keep a photo of ``kind`` on the screening (replacing the one before); its position
    fills the house's when the form has none. Who may record the screening may."""
    if kind not in KINDS:
        raise ValueError(kind)
    screening = live_screening(session, screening_uuid)
    child = session.get(Child, screening.child_id)
    term = session.get(Term, screening.term_id)
    assert child is not None and term is not None
    require_recorder(session, child, term)
    photo = prepare_photo(raw)
    for old in session.scalars(select(ScreeningPhoto).where(ScreeningPhoto.screening_id == screening.id,
                                                            ScreeningPhoto.kind == kind,
                                                            ScreeningPhoto.deleted_at.is_(None))):
        old.deleted_at = utcnow()
    session.add(ScreeningPhoto(screening_id=screening.id, kind=kind, data=photo.data, sha256=photo.sha256,
                               width=photo.width, height=photo.height, origin_office_id=screening.origin_office_id))
    filled = photo.position is not None and screening.lat_e6 is None
    if filled and photo.position is not None:
        screening.lat_e6, screening.lon_e6 = photo.position
    session.flush()
    voided = void_if_changed(session, screening, _("เปลี่ยนรูปหลังรับรอง"))
    record(session, "screening_photo", "screening", screening.uuid,
           {"kind": kind, "sha256": photo.sha256, "position_filled": filled}, subject_uuid=child.uuid)
    return PhotoAdded(kind, photo.sha256, filled, photo.position_problem, voided)


THUMB_SIDE = 160  # pixels: the form shows each photo this big


@dataclass(frozen=True)
class Thumbnail:
    kind: str
    label: str  # the kind in words
    data: bytes  # a small JPEG
    width: int  # the kept photo's size
    height: int


def thumbnails(session: Session, screening_uuid: str, side: int = THUMB_SIDE) -> list[Thumbnail]:
    """Small copies of the screening's photos for the form (outside, inside, school sign).
    Who may open the screening's form may (services/screening_detail.open_screening)."""
    from PIL import Image

    from desktop.services.screening_detail import open_screening

    require_any(session, Action.SCREENING_RECORD, Action.SCREENING_CERTIFY)
    open_screening(session, screening_uuid)  # this class's, or NotPermitted
    screening = live_screening(session, screening_uuid)
    rows = session.execute(select(ScreeningPhoto.kind, ScreeningPhoto.data, ScreeningPhoto.width,
                                  ScreeningPhoto.height)
                           .where(ScreeningPhoto.screening_id == screening.id, ScreeningPhoto.deleted_at.is_(None)))
    found = {str(k): (bytes(d), int(w), int(h)) for k, d, w, h in rows}
    out = []
    for kind in KINDS:
        if kind not in found:
            continue
        data, width, height = found[kind]
        image: Image.Image = Image.open(io.BytesIO(data))
        image.draft("RGB", (side, side))  # a JPEG decoded at 1/2..1/8 scale: fast
        image = image.convert("RGB")
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
        small = io.BytesIO()
        image.save(small, "JPEG", quality=80)
        out.append(Thumbnail(kind, _(KINDS[kind]), small.getvalue(), width, height))
    return out
