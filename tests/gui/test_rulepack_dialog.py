"""ชุดเกณฑ์คัดกรอง in the window (issue 11), clicked through offscreen: the packs listed
(the one in force, the illustrative one labelled), a pack file that is not signed or was
altered refused with the Thai reason, a pack the province signed installed, the re-score
offered with a preview of who changes class (name, school, class, old → new) and done
only when confirmed, on the task runner."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from actors import TEST_PASSWORD
from sqlalchemy import select
from test_screening_list import _children, _screen, _view

from desktop.gui.context import AppContext
from desktop.gui.views.rulepack_dialog import RulePackDialog
from desktop.paths import resource_path
from desktop.store.screening_state import Screening

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from office_kit import PROVINCE, make_site  # noqa: E402

V2 = "samoe-illustrative v2"


@pytest.fixture
def signed(ctx: AppContext, tmp_path: Path, cheap_wraps: None) -> Path:
    """A pack the town's province signed (its bands out of reach: no screening it scores
    is poor), the province's card enrolled here."""
    from desktop.services.access import Actor, sign_in
    from desktop.services.exchange_trust import enrol_card
    from desktop.services.rulepacks import sign_pack_file

    actor = ctx.db.actor
    data = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    data |= {"version": 2, "bands": {"poor": 900, "extreme": 999}}
    source = tmp_path / "pack-v2.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    province = make_site(tmp_path / "province.db", *PROVINCE, "province")
    out = tmp_path / "v2.samoe-rulepack"
    with province.db.session() as s:
        sign_pack_file(s, source, out, password=TEST_PASSWORD)
    province.db.dispose()
    assert isinstance(actor, Actor)
    sign_in(ctx.db, actor)
    with ctx.db.session() as s:
        enrol_card(s, province.card)
    return out


def _install(qtbot: Any, ctx: AppContext, dialog: RulePackDialog, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialog, "choose_pack_file", lambda: str(path))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.install_button.click()


def test_packs_install_preview_and_rescore(qtbot, ctx: AppContext, signed: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    children = _children(ctx, 4)
    uuids = [_screen(ctx, c[0], c[1]) for c in children]
    with ctx.db.reader() as s:
        before = dict(s.execute(select(Screening.uuid, Screening.level)).tuples().all())
    view = _view(qtbot, ctx)
    labels: list[str] = []
    ctx.tasks.started.connect(lambda handle: labels.append(handle.label))
    view.packs_button.click()
    dialog = view.rulepacks
    assert isinstance(dialog, RulePackDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert [p.label for p in dialog.packs] == ["samoe-illustrative v1"]
    state = dialog.table.item(0, 1)
    assert state is not None and "ใช้อยู่" in state.text() and "ชุดตัวอย่าง" in state.text()
    assert not dialog.preview_button.isEnabled()  # the pack in force: nothing to preview

    unsigned = tmp_path / "unsigned.samoe-rulepack"
    unsigned.write_bytes(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    _install(qtbot, ctx, dialog, unsigned, monkeypatch)
    assert dialog.message.isVisible() and "ไม่รับไฟล์ชุดเกณฑ์นี้" in dialog.message.text()
    altered = tmp_path / "altered.samoe-rulepack"
    altered.write_bytes(signed.read_bytes().replace(b'"extreme":999', b'"extreme":998'))
    _install(qtbot, ctx, dialog, altered, monkeypatch)
    assert "ไม่รับไฟล์ชุดเกณฑ์นี้" in dialog.message.text() and "ลายมือชื่อ" in dialog.message.text()
    assert len(dialog.packs) == 1 and not dialog.preview.isVisible()

    _install(qtbot, ctx, dialog, signed, monkeypatch)
    assert [p.label for p in dialog.packs] == ["samoe-illustrative v1", V2]
    qtbot.waitUntil(lambda: dialog.preview.isVisible(), timeout=30_000)  # the re-score offered
    assert dialog.preview_label == V2 and dialog.changes
    changed = {r.screening_uuid for r in dialog.changes}
    assert changed <= set(uuids) and all(before[u] in ("poor", "extreme") for u in changed)
    first = dialog.changes_table.item(0, 0)
    new = dialog.changes_table.item(0, 4)
    assert first is not None and new is not None and new.text() == "→ ไม่ผ่านเกณฑ์ยากจน"
    assert first.text() and dialog.changes_table.rowCount() == len(changed)
    with ctx.db.reader() as s:  # nothing changed before the confirmation
        assert dict(s.execute(select(Screening.uuid, Screening.level)).tuples().all()) == before
    with qtbot.waitSignal(dialog.rescored, timeout=30_000):
        dialog.rescore_button.click()
    with ctx.db.reader() as s:
        after = dict(s.execute(select(Screening.uuid, Screening.level)).tuples().all())
        packs = set(s.scalars(select(Screening.pack)))
    assert {u for u in after if after[u] != before[u]} == changed and packs == {V2}
    assert next(p for p in dialog.packs if p.label == V2).active and not dialog.preview.isVisible()
    assert "เปลี่ยน" in dialog.message.text()
    assert any("ตรวจลายมือชื่อ" in t for t in labels) and any("คิดผลคัดกรองใหม่" in t for t in labels)
    dialog.close()
