"""docs/roles.md's role × action table is desktop/domain/roles.py's ALLOWED."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.roles import ACTION_LABELS, ALLOWED, ROLE_LABELS, Action, Role, parse_role

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"


def doc_table() -> dict[Role, set[str]]:
    lines = [ln for ln in DOC.read_text(encoding="utf-8").splitlines() if ln.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header[0] == "action"
    roles = [Role(c) for c in header[1:]]
    table: dict[Role, set[str]] = {r: set() for r in roles}
    for line in lines[1:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        action = cells[0].split("`")[1]
        assert len(cells) == len(header), line
        for role, cell in zip(roles, cells[1:], strict=True):
            assert cell in ("", "✓"), line
            if cell:
                table[role].add(action)
    return table


def test_the_table_in_docs_is_allowed() -> None:
    table = doc_table()
    assert set(table) == set(Role)
    assert {r: {a.value for a in ALLOWED[r]} for r in Role} == table
    documented = set().union(*table.values())
    assert documented <= {a.value for a in Action}


def test_every_action_is_documented_and_labelled() -> None:
    text = DOC.read_text(encoding="utf-8")
    for action in Action:
        assert f"| `{action.value}` {ACTION_LABELS[action]} |" in text
    assert set(ROLE_LABELS) == set(Role) == set(ALLOWED)


def test_the_administrator_sees_no_child_data() -> None:
    assert not ALLOWED[Role.ADMIN] & {Action.REGISTRY_READ, Action.REGISTRY_WRITE, Action.EXPORT, Action.REPORT,
                                      Action.IMPORT}


def test_roles_parse_from_their_code_or_thai_label() -> None:
    assert parse_role("clerk") is Role.CLERK and parse_role("ผู้ดูแลระบบ") is Role.ADMIN
    assert parse_role("boss") is None
