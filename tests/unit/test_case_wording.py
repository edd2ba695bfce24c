"""One word for an overdue follow-up across the out-of-school case module (issue 13): the
case list said "เลย…" and the overdue list "เกินกำหนด" for the same thing. Every Thai
text of the module's files (domain, services, reports, views, commands, the catalogues'
entries they use) says เลยกำหนด; English says "overdue"."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = re.compile(r"(^|/)(case|cases|province_cases|cli_cases|child_page)[^/]*\.py$")


def _module_files() -> list[Path]:
    return sorted(p for p in (ROOT / "desktop").rglob("*.py") if CASE_FILES.search(p.relative_to(ROOT).as_posix()))


def test_the_case_module_says_overdue_one_way() -> None:
    files = _module_files()
    assert len(files) > 20
    said = [f"{p.relative_to(ROOT)}: {line.strip()}" for p in files
            for line in p.read_text(encoding="utf-8").splitlines() if "เกินกำหนด" in line]
    assert said == []
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert "เลยกำหนด" in text


def test_the_catalogues_translate_it_as_overdue() -> None:
    po = (ROOT / "resources" / "translations" / "core_en.po").read_text(encoding="utf-8")
    ts = (ROOT / "resources" / "translations" / "samoe_en.ts").read_text(encoding="utf-8")
    pairs = re.findall(r'msgid "([^"]*เลยกำหนด[^"]*)"\nmsgstr "([^"]*)"', po)
    pairs += re.findall(r"<source>([^<]*เลยกำหนด[^<]*)</source>\s*<translation>([^<]*)</translation>", ts)
    assert len(pairs) > 5
    assert [(th, en) for th, en in pairs if "overdue" not in en.lower() and "late" not in en.lower()] == []
