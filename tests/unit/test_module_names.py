"""Test modules and their helper kits are imported by their bare names (pytest's default
"prepend" import mode puts each test folder on sys.path), so two files of the same name in
different folders shadow each other and whichever folder comes first wins: a whole run then
fails to import the other's users, while each folder run alone passes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SHARED = {"conftest.py", "__init__.py"}


def test_every_module_under_tests_has_its_own_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in TESTS.rglob("*.py"):
        if path.name not in SHARED and "__pycache__" not in path.parts:
            where[path.name].append(str(path.relative_to(TESTS)))
    clashes = {name: sorted(paths) for name, paths in where.items() if len(paths) > 1}
    assert clashes == {}
