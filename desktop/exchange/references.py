"""A bundle's required references (docs/exchange-format.md, "References"): a row that must
refer to another (a screening to its child, a payment to its round) names a row of the
same bundle, or one the recipient already holds from the same sender; otherwise the
bundle is refused (``payload.unresolved``) before anything is imported. No Qt.

    refs = References({"screening": [("child", "child")]}, keys={"term": "term"})
    verify_bundle(..., row_check=lambda table, row: (check(table, row), refs.see(table, row)))
    refs.check(lambda table, keys: keys_the_recipient_holds(table, keys))

Which tables and fields are required is the export service's schema (the format knows
only that each row has a key: ``uuid``, or the field ``keys`` names).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desktop.exchange.reasons import Refusal

Known = Callable[[str, set[str]], set[str]]  # (table, keys) → those of them the recipient holds


class References:
    """Collects, as the verifier passes each row, the keys every referred-to table carries
    and the references the strict tables' rows make; ``check`` then resolves them."""

    def __init__(self, required: Mapping[str, Sequence[tuple[str, str]]], *,
                 keys: Mapping[str, str] | None = None) -> None:
        self.required = {t: tuple(fields) for t, fields in required.items() if fields}
        self.keys = dict(keys or {})
        self.targets = {target for fields in self.required.values() for _f, target in fields}
        self.carried: dict[str, set[str]] = {t: set() for t in self.targets}
        self.wanted: dict[str, dict[str, str]] = {t: {} for t in self.targets}  # target → key → who refers

    def see(self, table: str, row: Mapping[str, Any]) -> None:
        if table in self.targets:
            key = row.get(self.keys.get(table, "uuid"))
            if isinstance(key, str):
                self.carried[table].add(key)
        for field, target in self.required.get(table, ()):
            value = row.get(field)
            if isinstance(value, str):
                self.wanted[target].setdefault(value, f"{table} {row.get('uuid', '')}")

    def check(self, known: Known) -> None:
        """``payload.unresolved`` at the first table with a reference that is neither in
        the bundle nor among ``known``'s (what the recipient holds from the sender)."""
        for target in sorted(self.targets):
            missing = set(self.wanted[target]) - self.carried[target]
            if missing:
                missing -= known(target, missing)
            if missing:
                first = sorted(missing)[0]
                raise Refusal("payload.unresolved",
                              f"{len(missing)} {target} referred to but not sent nor held: {first} "
                              f"(from {self.wanted[target][first]})")
