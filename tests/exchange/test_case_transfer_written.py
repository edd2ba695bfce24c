"""The province remembers which transfers it wrote into a transfer file (issue 13; 0024):
each transfer held shows when it was last written, by whom and into which file; the
municipalities page's count says how many were never written; a second file still carries
every transfer for the office and says which were written before; a write that fails
(no such folder, a folder where the file should be) records nothing; the remembered
columns are the province's own: never in a transfer file, never at the receiving office,
and writing them changes nothing that travels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from office_kit import TOWN_B
from sqlalchemy import select
from transfer_kit import PW, Transfer, another_transfer, make_transfer, write_for_b

from desktop.domain.roles import Action
from desktop.exchange.bundle import verify_bundle
from desktop.services.case_transfer import OfficeTransfers, pending_transfers, transfers_by_office
from desktop.services.case_transfer_receive import receive_transfer
from desktop.services.exchange_keys import office_private_keys
from desktop.services.exchange_trust import DatabaseTrustList
from desktop.services.exchange_wire import BY_WIRE, TRANSFER_WIRE
from desktop.store.case_state import OosTransfer
from desktop.store.models import AuditEntry

NOW = datetime.now(UTC).replace(microsecond=0)  # a file's time is checked against the clock where it is read
FIRST, SECOND = NOW - timedelta(days=2, hours=3), NOW - timedelta(hours=1)
WRITTEN = ("written_at", "written_by", "written_file")


@pytest.fixture
def moved(tmp_path: Path, cheap_wraps: None) -> Iterator[Transfer]:
    t = make_transfer(tmp_path / "sites")
    yield t
    t.close()


def _state(t: Transfer) -> tuple[list[tuple[object, ...]], dict[str, OfficeTransfers]]:
    with t.p.db.reader() as s:
        rows = [(p.transfer_uuid, p.written_at, p.written_by, p.written_file) for p in pending_transfers(s)]
        return rows, transfers_by_office(s)


def _file_entries(t: Transfer) -> list[object]:
    with t.p.db.reader() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "case_transfer_file")))


def test_writing_a_file_marks_its_transfers_and_the_next_counts_only_the_new(moved: Transfer,
                                                                              tmp_path: Path) -> None:
    t = moved
    rows, counted = _state(t)
    assert [r[1:] for r in rows] == [(None, None, None)]  # never written
    assert counted == {TOWN_B[0]: OfficeTransfers(total=1, new=1)}

    first = write_for_b(t, tmp_path / "b1.samoe-transfer", now=FIRST)
    assert first.written_before == ()
    rows, counted = _state(t)
    assert [r[1:] for r in rows] == [(FIRST.replace(tzinfo=None), "admin", "b1.samoe-transfer")]
    assert counted == {TOWN_B[0]: OfficeTransfers(total=1, new=0)}

    another_transfer(t, tmp_path / "sites")  # a second case for B arrives after the file
    rows, counted = _state(t)
    assert counted == {TOWN_B[0]: OfficeTransfers(total=2, new=1)}
    assert sorted((r[3] or "") for r in rows) == ["", "b1.samoe-transfer"]
    old = next(r[0] for r in rows if r[3])

    second = write_for_b(t, tmp_path / "b2.samoe-transfer", now=SECOND)  # still every transfer for B
    assert len(second.transfers) == 2
    assert [p.transfer_uuid for p in second.written_before] == [old]
    assert second.written_before[0].written_file == "b1.samoe-transfer"  # as it was before this file
    rows, counted = _state(t)
    assert {r[1:] for r in rows} == {(SECOND.replace(tzinfo=None), "admin", "b2.samoe-transfer")}
    assert counted == {TOWN_B[0]: OfficeTransfers(total=2, new=0)}
    entries = _file_entries(t)
    assert len(entries) == 2 and '"written_before"' in str(entries[1]) and old in str(entries[1])


@pytest.mark.parametrize("where", ["missing", "folder"])
def test_a_write_that_fails_records_nothing(moved: Transfer, tmp_path: Path, where: str) -> None:
    t = moved
    if where == "missing":
        out = tmp_path / "no-such-folder" / "b.samoe-transfer"
    else:  # a folder stands where the file would go: the file cannot replace it
        out = tmp_path / "b.samoe-transfer"
        out.mkdir()
        (out / "keep").write_text("x")
    before = _state(t)
    with pytest.raises(OSError):
        write_for_b(t, out, now=FIRST)
    assert _state(t) == before and before[1] == {TOWN_B[0]: OfficeTransfers(total=1, new=1)}
    assert _file_entries(t) == []
    assert not (tmp_path / "no-such-folder").exists() and (where == "missing" or out.is_dir())


def test_what_the_province_remembers_never_travels(moved: Transfer, tmp_path: Path) -> None:
    t = moved
    assert not {c for _w, c in BY_WIRE[TRANSFER_WIRE].fields} & set(WRITTEN)
    with t.p.db.reader() as s:
        kept = s.execute(select(OosTransfer.version, OosTransfer.updated_at, OosTransfer.changed_seq)).one()
    write_for_b(t, tmp_path / "b1.samoe-transfer", now=FIRST)
    out = tmp_path / "b2.samoe-transfer"
    write_for_b(t, out, now=SECOND)  # written again: this file is made from rows that were written
    with t.p.db.reader() as s:  # the sender's row as it was sent: only the local columns changed
        assert s.execute(select(OosTransfer.version, OosTransfer.updated_at, OosTransfer.changed_seq)).one() == kept
        assert s.scalars(select(OosTransfer.written_file)).one() == "b2.samoe-transfer"
    with t.b.db.session() as s:
        mine = office_private_keys(s, Action.EXPORT_APPROVE, password=PW)
        verified = verify_bundle(out.read_bytes(), trust=DatabaseTrustList(s), me=mine.keys, box_private=mine.box,
                                 chain=None, now=datetime.now(UTC))
        sent = [row for table, row in verified.rows() if table == TRANSFER_WIRE]
    assert len(sent) == 1 and not set(sent[0]) & {*WRITTEN, "written", "file"}
    with t.b.db.session() as s:
        receive_transfer(s, out, password=PW)
    with t.b.db.reader() as s:
        at_b = s.execute(select(OosTransfer.written_at, OosTransfer.written_by, OosTransfer.written_file)).one()
    assert tuple(at_b) == (None, None, None)
