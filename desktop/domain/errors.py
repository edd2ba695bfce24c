"""Validation problems reported to the user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field.

    ``field`` is the machine field name (e.g. ``"national_id"``, ``"address.postcode"``);
    ``message`` is Thai and says what is wrong and what to do.
    """

    field: str
    message: str


class ValidationFailed(Exception):  # noqa: N818 (name fixed by the API)
    """Raised when a record cannot be saved; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "; ".join(f"{p.field}: {p.message}" for p in self.problems)
