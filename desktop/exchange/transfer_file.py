"""A transfer file: the province hands a case to the municipality the child moved to
(issue 13; docs/cases.md, "Transfer to another municipality").

It is a bundle (desktop/exchange/bundle.py: signed by the province, its payload encrypted
to the receiving office's box key), always sequence 1 with no ``previous`` (it stands
alone, in no chain), named ``*.samoe-transfer``. Its tables:

- ``transfer``: one row per case handed over, ``{"transfer": <uuid of the oos_transfer
  row>, "from_office": <sending municipality's code>, "from_name": <its name>}``;
- ``oos_transfer``, ``child`` (its ``household`` always null: the household stays with the
  sender) and the case's rows (``oos_case`` and every table under it), as they travel in a
  bundle (services/exchange_wire.py).

``read_transfers`` checks what only a transfer file must hold, after ``verify_bundle``
and the wire row check: signed by a province (``transfer.not_province``), each transfer
for this office (``transfer.other_office``), each header naming a transfer, its case and
the case's child, and every row of a case's tree naming a parent in the file
(``transfer.incomplete``), each transfer and case once (``transfer.duplicate``), no control or hidden direction character in a name
(``transfer.bad_text``: the clerk would read another name than the one stored, a
terminal would obey it), no day that has happened (a birth, the transfer, a visit)
after the file was made (``transfer.future_date``). No database, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.exchange.bundle import VerifiedBundle
from desktop.exchange.reasons import Refusal

SUFFIX = ".samoe-transfer"
HEADER = "transfer"
HEADER_FIELDS = frozenset({"transfer", "from_office", "from_name"})
ZIP_MAGIC = b"PK\x03\x04"
OFFICE_CODE = re.compile(r"[0-9]{7}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# a case's tree: wire table → (its reference field, the wire table it names), parents first
TREE: Mapping[str, tuple[str, str]] = {
    "oos_case_status": ("case", "oos_case"),
    "oos_trace_visit": ("case", "oos_case"),
    "oos_trace_photo": ("visit", "oos_trace_visit"),
    "oos_assessment": ("case", "oos_case"),
    "oos_assessment_area": ("assessment", "oos_assessment"),
    "oos_plan_version": ("case", "oos_case"),
    "oos_plan_goal": ("plan", "oos_plan_version"),
    "oos_plan_action": ("goal", "oos_plan_goal"),
    "oos_follow_up": ("case", "oos_case"),
    "oos_referral": ("case", "oos_case"),
}
TABLES = frozenset({HEADER, "oos_transfer", "child", "oos_case", *TREE})
# text a clerk reads as a name: no control character at all (a terminal's escapes, a line
# break), no hidden direction change (U+202A-U+202E, U+2066-U+2069: what is shown is not
# what is stored); other text (notes) may break lines
NAMES: Mapping[str, frozenset[str]] = {
    HEADER: frozenset({"from_name"}),
    "child": frozenset({"prefix", "first_name", "last_name", "first_name_en", "last_name_en", "national_id",
                        "g_code"}),
    "oos_transfer": frozenset({"to_office_name"}),
}
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# the days that have happened by the time the file is made (a plan's due dates and the
# next follow-up may be ahead): wire table → its fields
PAST: Mapping[str, tuple[str, ...]] = {
    "child": ("birth_date",),
    "oos_transfer": ("transferred_on",),
    "oos_case": ("status_on", "opened_on", "closed_on", "followed_since", "last_visit_on"),
    "oos_case_status": ("changed_on",),
    "oos_trace_visit": ("visited_on",),
    "oos_assessment": ("assessed_on", "left_on"),
    "oos_plan_version": ("edited_on", "submitted_on", "decided_on"),
    "oos_plan_action": ("done_on",),
    "oos_follow_up": ("visited_on",),
    "oos_referral": ("sent_on", "status_on"),
}


def looks_like_bundle(data: bytes) -> bool:
    """A bundle (a ZIP archive) rather than a receipt (canonical JSON)."""
    return data[:4] == ZIP_MAGIC


def plain_bundle(data: bytes) -> bool:
    """A bundle whose manifest (read unverified: only to choose which check to run) counts
    no ``transfer`` rows: a municipality's bundle for its province, not a transfer file
    (False also for a file whose manifest cannot be read: the verifier says why)."""
    from desktop.exchange import archive, canonical
    from desktop.exchange.bundle import MANIFEST_NAME

    try:
        raw = archive.peek(data, MANIFEST_NAME)
        manifest = canonical.loads(raw) if raw is not None else None
    except Exception:  # noqa: BLE001 - not a bundle it can read: the verifier says why
        return False
    counts = manifest.get("counts") if isinstance(manifest, dict) else None
    return isinstance(counts, dict) and HEADER not in counts


def check_header(row: dict[str, Any]) -> None:
    """A ``transfer`` row's schema (ValueError otherwise)."""
    if set(row) != HEADER_FIELDS:
        raise ValueError("transfer row: fields")
    if type(row["transfer"]) is not str or not UUID.fullmatch(row["transfer"]):
        raise ValueError("transfer row: transfer")
    if type(row["from_office"]) is not str or not OFFICE_CODE.fullmatch(row["from_office"]):
        raise ValueError("transfer row: from_office")
    if type(row["from_name"]) is not str or not 0 < len(row["from_name"]) <= 200 or "\x00" in row["from_name"]:
        raise ValueError("transfer row: from_name")


@dataclass
class Transfer:
    """One case handed over: its rows by wire table (the case's tree only)."""

    uuid: str  # the oos_transfer row's
    from_office: str
    from_name: str
    transfer: dict[str, Any]
    child: dict[str, Any]
    case: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # TREE's tables


def check_text(table: str, row: Mapping[str, Any]) -> None:
    """Refusal ``transfer.bad_text``: a name with a control or hidden direction character,
    or any text with a control character other than a tab or a line break."""
    names = NAMES.get(table, frozenset())
    for key, value in row.items():
        if isinstance(value, str) and (IN_NAME if key in names else HIDDEN).search(value):
            raise Refusal("transfer.bad_text", f"{table}.{key}")


def check_dates(table: str, row: Mapping[str, Any], created: int) -> None:
    """Refusal ``transfer.future_date``: a day that has happened (a birth, the transfer, a
    visit ...) after the day the file was made (a day's leeway: clocks and time zones)."""
    last = (datetime.fromtimestamp(created, UTC) + timedelta(days=1)).date()
    for key in PAST.get(table, ()):
        value = row.get(key)
        if isinstance(value, str) and date.fromisoformat(value) > last:
            raise Refusal("transfer.future_date", f"{table}.{key} {value}")


def _by_uuid(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["uuid"]: r for r in rows}


def read_transfers(verified: VerifiedBundle, *, signer_role: str, me: str) -> list[Transfer]:
    """The transfers of a verified transfer file for office ``me`` (module text)."""
    if signer_role != "province":
        raise Refusal("transfer.not_province", verified.manifest.sender_office)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, row in verified.rows():
        if table not in TABLES:
            raise Refusal("transfer.incomplete", f"table {table}")
        check_text(table, row)
        check_dates(table, row, verified.manifest.created)
        tables.setdefault(table, []).append(row)
    headers = tables.get(HEADER, [])
    if not headers:
        raise Refusal("transfer.incomplete", "no transfer")
    transfers = _by_uuid(tables.get("oos_transfer", []))
    cases = _by_uuid(tables.get("oos_case", []))
    children = _by_uuid(tables.get("child", []))
    owner: dict[str, dict[str, str]] = {"oos_case": {}}  # wire table → row uuid → its case's uuid
    out: list[Transfer] = []
    for h in headers:
        t = transfers.get(h["transfer"])
        case = cases.get(t["case"]) if t is not None else None
        child = children.get(case["child"]) if case is not None else None
        if t is None or case is None or child is None:
            raise Refusal("transfer.incomplete", f"transfer {h['transfer']}")
        if t["to_office"] != me:
            raise Refusal("transfer.other_office", t["to_office"])
        if case["uuid"] in owner["oos_case"] or any(x.uuid == h["transfer"] for x in out):
            raise Refusal("transfer.duplicate", f"transfer {h['transfer']}")  # it would be taken twice
        owner["oos_case"][case["uuid"]] = case["uuid"]
        out.append(Transfer(h["transfer"], h["from_office"], h["from_name"], t, child, case,
                            {name: [] for name in TREE}))
    by_case = {x.case["uuid"]: x for x in out}
    for table, (ref, parent) in TREE.items():
        owner[table] = {}
        for row in tables.get(table, []):
            case_uuid = owner[parent].get(row[ref]) if row[ref] is not None else None
            if case_uuid is None:
                raise Refusal("transfer.incomplete", f"{table} {row['uuid']}")
            owner[table][row["uuid"]] = case_uuid
            by_case[case_uuid].rows[table].append(row)
    return out
