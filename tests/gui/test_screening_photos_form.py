"""Photos attached in the screening form: the form is saved first, the phone's position
fills the house's, the photo is named in the form and the screening can be handed in; a
file that is not an image is said in Thai and attaches nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from test_screening_form import TERM, _child, _fill_with_keys, _open

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from sqlalchemy import select
from test_screening_photos import KORAT, _jpeg  # noqa: E402

from desktop.gui.context import AppContext
from desktop.store.screening_state import Screening, ScreeningPhoto


def test_photos_attached_in_the_form(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    _fill_with_keys(dialog)
    ui = dialog.ui
    ui.lat_edit.setText("")
    ui.lon_edit.setText("")
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"<html>not a photo</html>")
    monkeypatch.setattr(dialog, "choose_photo_file", lambda: str(junk))
    ui.photo_buttons.buttons["outside"].click()
    assert "ไม่ใช่รูปภาพ" in ui.message.text()
    with ctx.db.reader() as s:
        assert s.scalars(select(ScreeningPhoto)).all() == []
    for kind in ("outside", "inside"):
        photo = tmp_path / f"{kind}.jpg"
        photo.write_bytes(_jpeg((1200, 900), gps=KORAT if kind == "outside" else None))
        monkeypatch.setattr(dialog, "choose_photo_file", lambda p=photo: str(p))
        ui.photo_buttons.buttons[kind].click()
    assert "รูปบ้านภายนอก" in ui.photo_state.text() and "รูปบ้านภายใน" in ui.photo_state.text()
    assert ui.lat_edit.text().startswith("14.975") and ui.lon_edit.text().startswith("102.1")
    with ctx.db.reader() as s:
        screening = s.scalars(select(Screening).where(Screening.uuid == dialog.detail.uuid)).one()
        kinds = sorted(s.scalars(select(ScreeningPhoto.kind).where(ScreeningPhoto.screening_id == screening.id)))
    assert kinds == ["inside", "outside"] and screening.lat_e6 == 14_975_000
    ui.submit_button.click()
    with ctx.db.reader() as s:
        assert s.scalars(select(Screening.status).where(Screening.uuid == dialog.detail.uuid)).one() == "submitted"
