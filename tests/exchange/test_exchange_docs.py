"""docs/exchange-format.md lists every reason code with the message a clerk reads."""

from __future__ import annotations

import re
from pathlib import Path

from desktop import i18n
from desktop.exchange.reasons import MESSAGES

DOC = Path(__file__).resolve().parents[2] / "docs" / "exchange-format.md"


def test_every_code_is_documented_with_its_thai_and_english_message() -> None:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `([a-z_]+\.[a-z_]+)` \| (.+) \| (.+) \|", line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3))
    assert set(rows) == set(MESSAGES)
    english = i18n.load_catalogue("en")
    for code, thai in MESSAGES.items():
        assert rows[code] == (thai, english[thai]), code


def test_every_code_the_code_raises_is_known() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (DOC.parents[1] / "desktop" / "exchange").glob("*.py"))
    raised = set(re.findall(r'Refusal\(\s*"([a-z_]+\.[a-z_]+)"', source))
    assert raised <= set(MESSAGES), raised - set(MESSAGES)
    assert raised == set(MESSAGES), f"codes never raised: {set(MESSAGES) - raised}"
