"""The demo's poverty screenings (``samoe demo``): a share of the school children of the
year, every one scored by the active pack as the service would, certified ones holding
a certification of exactly their data, complete ones with photos or the reason; the
tests' demo registries (no ``screenings=True``) have none."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.domain.screening import classify
from desktop.services.demo import fill_demo
from desktop.services.rulepacks import active_pack
from desktop.services.screening_rows import screening_inputs
from desktop.services.screenings import data_hash
from desktop.store.db import Database
from desktop.store.screening_state import Certification, Screening, ScreeningPhoto


def test_the_demo_screens_some_children_as_the_services_would(db: Database) -> None:
    result = fill_demo(db.engine, children=400, seed=5, today=date(2026, 11, 30), screenings=True)
    assert 60 <= result.screenings <= 120
    with db.session() as s:
        pack = active_pack(s)
        statuses = dict(s.execute(select(Screening.status, func.count()).group_by(Screening.status)).all())
        assert set(statuses) == {"draft", "submitted", "certified", "returned"}
        for item in screening_inputs(s):
            stored = s.get(Screening, item.id)
            assert stored is not None
            result_now = classify(item.members, item.answers, pack)
            assert (stored.level, stored.score, stored.pack) == (result_now.level.value, result_now.score, pack.label)
            kinds = set(s.scalars(select(ScreeningPhoto.kind).where(ScreeningPhoto.screening_id == item.id)))
            assert {"outside", "inside"} <= kinds or (stored.no_photo_reason and kinds == {"school_sign"})
            cert = s.scalars(select(Certification).where(Certification.screening_id == item.id)).first()
            assert (cert is not None) == (stored.status == "certified")
            if cert is not None:
                assert cert.data_sha256 == data_hash(s, stored)


def test_the_tests_demo_has_no_screenings(demo_db: Database) -> None:
    with demo_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Screening)) == 0
