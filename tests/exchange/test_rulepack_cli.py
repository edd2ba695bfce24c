"""``samoe rulepack sign|install|list`` and ``samoe screening list|rescore`` between a real
province and municipality: the province signs a new pack, the municipality installs it,
sees who would change class, re-scores; a pack signed by anyone else, altered, or a
municipality trying to sign, is refused with a Thai message and an exit code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import run
from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, make_site, trust_each_other
from sqlalchemy import select

from desktop.domain.screening_form import Answers, Member
from desktop.paths import resource_path
from desktop.services.screenings import ScreeningValues, save_screening
from desktop.store.models import AcademicYear, Child, Enrollment
from desktop.store.screening_state import Screening


@pytest.fixture
def sites(tmp_path: Path, cheap_wraps: None) -> Iterator[tuple[Site, Site, Site]]:
    town = make_site(tmp_path / "a.db", *TOWN_A, "municipality", children=30)
    other = make_site(tmp_path / "b.db", *TOWN_B, "municipality")
    province = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(province, town)
    with town.db.session() as s:
        child = s.scalars(select(Child.uuid).join(Enrollment, Enrollment.child_id == Child.id)
                          .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                          .where(AcademicYear.year_be == 2569).limit(1)).one()
        save_screening(s, ScreeningValues(
            child, 2569, 1, Answers("rent", "worn", "none", "well", "own_meter",
                                    vehicles=frozenset({"motorcycle"}), appliances=frozenset({"tv", "fridge"})),
            (Member("แม่", "แม่", 38, monthly_income=6000), Member("พ่อ", "พ่อ", 40, monthly_income=3000),
             Member("เด็ก", "บุตร", 9), Member("ยาย", "ยาย", 67))))
    for site in (town, other, province):
        site.db.dispose()  # the commands open the files themselves
    yield town, other, province


def _pack_v2(tmp_path: Path) -> Path:
    data = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    data |= {"version": 2, "bands": {"poor": 10, "extreme": 19}}
    path = tmp_path / "pack-v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_province_signs_and_the_municipality_installs_and_rescores(
        sites: tuple[Site, Site, Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, _other, province = sites
    signed = tmp_path / "v2.samoe-rulepack"
    code, out, err = run(capsys, "--db", str(province.path), "rulepack", "sign", str(_pack_v2(tmp_path)),
                         "--out", str(signed))
    assert code == 0, err
    assert "samoe-illustrative v2" in out and signed.is_file()
    code, out, err = run(capsys, "--db", str(town.path), "rulepack", "install", str(signed))
    assert code == 0, err
    assert "ผลคัดกรองจะเปลี่ยน 1 แบบ" in out
    code, out, err = run(capsys, "--db", str(town.path), "rulepack", "list")
    assert code == 0 and "* samoe-illustrative v1" in out and "ลงนามโดย 1300000" in out
    code, out, err = run(capsys, "--db", str(town.path), "screening", "rescore", "--pack",
                         "samoe-illustrative v2", "--dry-run")
    assert code == 0 and "poor → extreme" in out and "ยังไม่บันทึก" in out
    code, out, err = run(capsys, "--db", str(town.path), "screening", "rescore", "--pack", "samoe-illustrative v2")
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(town.path), "screening", "list", "--term", "1/2569")
    assert code == 0 and "ยากจนพิเศษ" in out and "แบบคัดกรอง 1 แบบ" in out
    from desktop.store.db import Database

    db = Database.open(town.path)
    try:
        with db.reader() as s:
            assert s.scalars(select(Screening.pack)).one() == "samoe-illustrative v2"
    finally:
        db.dispose()


def test_refusals_end_in_thai_and_an_exit_code(sites: tuple[Site, Site, Site], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    town, other, province = sites
    pack = _pack_v2(tmp_path)
    code, _out, err = run(capsys, "--db", str(town.path), "rulepack", "sign", str(pack), "--out",
                          str(tmp_path / "x.samoe-rulepack"))
    assert code == 1 and "สำนักงานจังหวัดเท่านั้น" in err
    signed = tmp_path / "v2.samoe-rulepack"
    assert run(capsys, "--db", str(province.path), "rulepack", "sign", str(pack), "--out", str(signed))[0] == 0
    code, _out, err = run(capsys, "--db", str(other.path), "rulepack", "install", str(signed))
    assert code == 1 and "[key.unknown]" in err  # B never enrolled the province's card
    altered = tmp_path / "altered.samoe-rulepack"
    altered.write_bytes(signed.read_bytes().replace(b'"extreme":19', b'"extreme":18'))
    code, _out, err = run(capsys, "--db", str(town.path), "rulepack", "install", str(altered))
    assert code == 1 and "[signature.bad]" in err
    code, _out, err = run(capsys, "--db", str(town.path), "rulepack", "install", str(tmp_path / "none"))
    assert code == 2 and "ไม่พบไฟล์" in err
    code, _out, err = run(capsys, "--db", str(town.path), "screening", "list", "--term", "3/69")
    assert code == 2 and "1/2569" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "samoe-rulepack/1"}', encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(province.path), "rulepack", "sign", str(broken), "--out",
                          str(tmp_path / "y.samoe-rulepack"))
    assert code == 1 and "income_threshold" in err
