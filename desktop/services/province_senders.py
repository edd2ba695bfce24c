"""The province's page of municipalities (issue 10, the province's mode): each office it
receives from, or has enrolled and not heard from, with its chain as the bundles show it
(the last bundle, its sequence and time, row counts, restores, the sequences never
received) and whether it has been quiet longer than the officer's limit. No Qt.

    municipalities(session, now=None)   # one MunicipalityRow an office, quiet ones first
    chain_gaps([1, 2, 5, 6])            # [(3, 4)]: sequences never received
    stale_days(session) / set_stale_days(session, 45)

Who: ``merge`` or ``report.province`` (the lists); setting the limit ``merge`` or
``settings.manage``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require_any
from desktop.services.audit import record
from desktop.services.exchange_outbox import naive, now_utc
from desktop.store.exchange_keys import TrustEntry
from desktop.store.exchange_state import ReceivedBundle, Reconcile, SenderState
from desktop.store.models import Child, Office, Setting

STALE_KEY = "province.stale_days"
DEFAULT_STALE_DAYS = 30  # "a municipality that has sent nothing for a month stands out"
MIN_STALE_DAYS, MAX_STALE_DAYS = 1, 366


@dataclass(frozen=True)
class MunicipalityRow:
    office_code: str
    office_name: str
    sequence: int  # the last bundle accepted (0: none yet)
    bundle_uuid: str
    created_at: datetime | None  # when the municipality made its last bundle (UTC)
    imported_at: datetime | None  # when it was imported here (UTC)
    counts: dict[str, int]  # the last bundle's rows per wire table
    restores: int
    bundles: int
    gaps: tuple[tuple[int, int], ...]  # sequences never received: (first, last) ranges
    children: int  # live children from this office here
    open_pairs: int  # reconcile pairs not decided that name this office
    days_quiet: int | None  # days since its last bundle was made (None: never sent)
    stale: bool  # quiet for more than the limit, or never sent

    @property
    def missing(self) -> int:
        return sum(last - first + 1 for first, last in self.gaps)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def chain_gaps(sequences: Iterable[int]) -> list[tuple[int, int]]:
    """The sequence numbers from 1 to the highest received that never arrived, as
    (first, last) ranges. A restored municipality sends some numbers twice: not a gap."""
    have = sorted(set(sequences))
    gaps: list[tuple[int, int]] = []
    expected = 1
    for n in have:
        if n > expected:
            gaps.append((expected, n - 1))
        expected = max(expected, n + 1)
    return gaps


def format_gaps(gaps: Iterable[tuple[int, int]]) -> str:
    """``[(3, 4), (9, 9)]`` → ``"3–4, 9"``."""
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gaps)


def stale_days(session: Session) -> int:
    """After how many days without a bundle a municipality stands out (whoever sees the
    page or may set it)."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT, Action.SETTINGS_MANAGE)
    setting = session.get(Setting, STALE_KEY)
    try:
        days = int(setting.value) if setting is not None else DEFAULT_STALE_DAYS
    except ValueError:
        days = DEFAULT_STALE_DAYS
    return min(max(days, MIN_STALE_DAYS), MAX_STALE_DAYS)


def set_stale_days(session: Session, days: int) -> int:
    """Change the limit (``merge`` or ``settings.manage``); kept within 1 to 366 days."""
    require_any(session, Action.MERGE, Action.SETTINGS_MANAGE)
    days = min(max(int(days), MIN_STALE_DAYS), MAX_STALE_DAYS)
    setting = session.get(Setting, STALE_KEY)
    if setting is None:
        session.add(Setting(key=STALE_KEY, value=str(days)))
    else:
        setting.value = str(days)
    record(session, "settings", "setting", "", {"key": STALE_KEY, "value": days})
    return days


def _children_by_office(session: Session) -> dict[int, int]:
    return {int(office): int(n) for office, n in session.execute(
        select(Child.origin_office_id, func.count()).where(Child.deleted_at.is_(None))
        .group_by(Child.origin_office_id)).tuples()}


def _open_pairs_by_office(session: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for mine, other in session.execute(select(Reconcile.office_code, Reconcile.other_office_code)
                                       .where(Reconcile.decision == "")).tuples():
        out[mine] = out.get(mine, 0) + 1
        if other != mine:
            out[other] = out.get(other, 0) + 1
    return out


def municipalities(session: Session, *, now: datetime | None = None,
                   stale_after: int | None = None) -> list[MunicipalityRow]:
    """Every municipality this province has received from or enrolled (its trust list),
    the quiet ones first (never sent, then the longest quiet), then by office code."""
    require_any(session, Action.MERGE, Action.PROVINCE_REPORT)
    at = naive(now_utc(now))
    limit = stale_after if stale_after is not None else stale_days(session)
    children = _children_by_office(session)
    pairs = _open_pairs_by_office(session)
    sequences: dict[str, list[int]] = {}
    for code, sequence in session.execute(select(ReceivedBundle.office_code, ReceivedBundle.sequence)).tuples():
        sequences.setdefault(code, []).append(sequence)
    rows: list[MunicipalityRow] = []
    seen: set[str] = set()
    last = aliased(ReceivedBundle)  # the last bundle accepted: its time and counts
    for state, name, made, counts in session.execute(
            select(SenderState, Office.name, last.created_at, last.counts)
            .join(Office, Office.id == SenderState.office_id)
            .outerjoin(last, last.uuid == SenderState.bundle_uuid)).tuples():
        got = sequences.get(state.office_code, [])
        created = made if made is not None else state.imported_at
        quiet = max((at - created).days, 0)
        rows.append(MunicipalityRow(
            state.office_code, name, state.sequence, state.bundle_uuid, created, state.imported_at,
            json.loads(counts) if counts else {}, state.restores, len(got), tuple(chain_gaps(got)),
            children.get(state.office_id, 0), pairs.get(state.office_code, 0), quiet, quiet > limit))
        seen.add(state.office_code)
    local = session.scalars(select(Office.code).where(Office.is_local.is_(True))).first()
    enrolled = session.execute(select(TrustEntry.office_code, TrustEntry.office_name)
                               .where(TrustEntry.office_role == "municipality", TrustEntry.revoked_at.is_(None))
                               .order_by(TrustEntry.id)).tuples().all()
    for code, name in enrolled:
        if code in seen or code == local:
            continue
        seen.add(code)
        rows.append(MunicipalityRow(code, name, 0, "", None, None, {}, 0, 0, (), 0, pairs.get(code, 0),
                                    None, True))
    rows.sort(key=lambda r: (not r.stale, r.days_quiet is not None, -(r.days_quiet or 0), r.office_code))
    return rows


def quiet_words(row: MunicipalityRow) -> str:
    """What the page and the report say of a municipality's quiet: never sent, quiet N
    days (over the limit), or nothing."""
    if row.days_quiet is None:
        return _("ยังไม่เคยส่ง")
    if row.stale:
        return _("ไม่ได้ส่ง {days} วัน").format(days=row.days_quiet)
    return ""

