"""The lunch and milk rates shipped with Samoe (resources/centre/subsidy-rates.json), marked
as not checked: a data file, never literals in code. The program uses them until the
office records its own (services/centre_rates.py); every report that used an unchecked
rate says so. No Qt, no SQL."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop.domain.centre import MealKind, Rate, fiscal_year_be, parse_baht


def parse_rates(data: dict[str, Any]) -> list[Rate]:
    """The rates of a rates file (ValueError when a row is not sound)."""
    if data.get("format") != "samoe-centre-rates":
        raise ValueError("not a rates file")
    checked = not data.get("to_check", True)
    out = []
    for row in data["rates"]:
        satang = parse_baht(str(row["baht"]))
        valid_from = date.fromisoformat(row["valid_from"])
        if satang is None or int(row["fiscal_year_be"]) != fiscal_year_be(valid_from):
            raise ValueError(f"bad rate row: {row}")
        out.append(Rate(MealKind(row["kind"]), int(row["fiscal_year_be"]), valid_from, satang,
                        str(row.get("source", "")), checked))
    return out


def shipped_rates() -> list[Rate]:
    from desktop.paths import resource_path

    return parse_rates(json.loads(resource_path("centre", "subsidy-rates.json").read_text("utf-8")))


def shipped_warning() -> str:
    from desktop.paths import resource_path

    data = json.loads(resource_path("centre", "subsidy-rates.json").read_text("utf-8"))
    return str(data.get("warning", ""))
