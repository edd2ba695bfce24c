"""Photos attached in the screening form: the form is saved first, the photo is shrunk and
stripped on the task runner (the form waits, its buttons off), the phone's position fills
the house's, the photos show small in the form (again when it is opened), and the screening
can be handed in and printed with its photos; a file that is not an image, or a phone's position outside Thailand, is
said in Thai beside the photos and the image file attaches nothing or no position."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_screening_form import TERM, _child, _fill_with_keys, _open

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from sqlalchemy import select
from test_screening_photos import KORAT, PARIS, _jpeg  # noqa: E402

from desktop.gui.context import AppContext
from desktop.store.screening_state import Screening, ScreeningPhoto


def _attach(qtbot, ctx: AppContext, dialog, kind: str, path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialog, "choose_photo_file", lambda: str(path))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.photo_buttons.buttons[kind].click()
        assert not dialog.ui.photo_buttons.isEnabled()  # the work runs off the window's thread
    assert dialog.ui.photo_buttons.isEnabled()


def test_photos_attached_in_the_form(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    _fill_with_keys(dialog)
    ui = dialog.ui
    ui.lat_edit.setText("")
    ui.lon_edit.setText("")
    labels: list[str] = []
    ctx.tasks.started.connect(lambda handle: labels.append(handle.label))
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"<html>not a photo</html>")
    _attach(qtbot, ctx, dialog, "outside", junk, monkeypatch)
    assert "ไม่ใช่รูปภาพ" in ui.message.text() and "ไม่ใช่รูปภาพ" in ui.errors["photos"].text()
    assert ui.errors["photos"].isVisible() and not ui.photo_thumbs.isVisible()
    with ctx.db.reader() as s:
        assert s.scalars(select(ScreeningPhoto)).all() == []
    abroad = tmp_path / "abroad.jpg"
    abroad.write_bytes(_jpeg((800, 600), gps=PARIS))
    _attach(qtbot, ctx, dialog, "inside", abroad, monkeypatch)
    assert "นอกประเทศไทย" in ui.errors["photos"].text() and ui.lat_edit.text() == ""
    for kind in ("outside", "inside"):
        photo = tmp_path / f"{kind}.jpg"
        photo.write_bytes(_jpeg((1200, 900), gps=KORAT if kind == "outside" else None))
        _attach(qtbot, ctx, dialog, kind, photo, monkeypatch)
    assert any("ย่อรูป" in t for t in labels)
    assert "รูปบ้านภายนอก" in ui.photo_state.text() and "รูปบ้านภายใน" in ui.photo_state.text()
    assert ui.lat_edit.text().startswith("14.975") and ui.lon_edit.text().startswith("102.1")
    assert not ui.errors["photos"].isVisible()
    assert ui.photo_thumbs.isVisible() and sorted(ui.photo_thumbs.images) == ["inside", "outside"]
    pixmap = ui.photo_thumbs.images["outside"].pixmap()
    assert not pixmap.isNull() and max(pixmap.width(), pixmap.height()) == 160 and pixmap.width() > pixmap.height()
    with ctx.db.reader() as s:
        screening = s.scalars(select(Screening).where(Screening.uuid == dialog.detail.uuid)).one()
        kinds = sorted(s.scalars(select(ScreeningPhoto.kind).where(ScreeningPhoto.screening_id == screening.id,
                                                                   ScreeningPhoto.deleted_at.is_(None))))
    assert kinds == ["inside", "outside"] and screening.lat_e6 == 14_975_000
    ui.submit_button.click()
    with ctx.db.reader() as s:
        assert s.scalars(select(Screening.status).where(Screening.uuid == dialog.detail.uuid)).one() == "submitted"
    saved = dialog.detail.uuid
    dialog.close()
    again = _open(qtbot, ctx, uuid=saved)  # opened again: its photos show, made off the window's thread
    qtbot.waitUntil(lambda: again.ui.photo_thumbs.isVisible(), timeout=10_000)
    assert sorted(again.ui.photo_thumbs.images) == ["inside", "outside"]
    again.close()


def test_the_form_prints_with_its_photos(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from needs import require_tool

    pdfimages = require_tool("pdfimages", "apt-get install poppler-utils")
    uuid, *_ = _child(ctx.db)
    dialog = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    assert not dialog.ui.print_button.isEnabled()  # nothing saved yet
    _fill_with_keys(dialog)
    for kind in ("outside", "inside"):
        photo = tmp_path / f"{kind}.jpg"
        photo.write_bytes(_jpeg((1200, 900)))
        _attach(qtbot, ctx, dialog, kind, photo, monkeypatch)
    assert dialog.ui.print_button.isEnabled()
    dialog.documents.show_preview = True
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.ui.print_button.click()
    pdf = dialog.documents.last_pdf
    assert pdf is not None and pdf.exists()
    preview = dialog.documents.last_preview
    assert preview is not None and preview.isVisible()
    images = subprocess.run([pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) - 2 == 2  # a header of two lines, then one line an image
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert dialog.detail.child_name.split()[-1] in text and "ผู้ปกครอง" in text
    preview.close()
    dialog.close()
