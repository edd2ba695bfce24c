"""The core's message catalogue (desktop/i18n.py): Thai source strings wrapped in ``_()`` or
``N_()`` in desktop/ (outside the Qt window, which has samoe_en.ts) → resources/translations/
core_en.po. Existing translations are kept, new messages get an empty msgstr (fill them in),
messages no longer in the code are dropped. The .po is read as it is at start (no build).

    python packaging/build_core_catalogue.py            refresh core_en.po
    python packaging/build_core_catalogue.py --check    exit 1 if it would change
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.i18n import parse_po  # noqa: E402

PO = ROOT / "resources" / "translations" / "core_en.po"
SKIP_DIRS = ("gui",)  # the window's strings are Qt's (self.tr → samoe_en.ts)
WRAPPERS = ("_", "N_")


def core_files() -> list[Path]:
    base = ROOT / "desktop"
    return sorted(p for p in base.rglob("*.py") if p.relative_to(base).parts[0] not in SKIP_DIRS)


def wrapped_messages(path: Path) -> list[tuple[str, int]]:
    """(message, line) of every ``_("...")``/``N_("...")`` with a literal in ``path``."""
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WRAPPERS
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            out.append((node.args[0].value, node.lineno))
    return sorted(out, key=lambda m: m[1])


def collect() -> dict[str, list[str]]:
    """message → the files that use it, in the order of files and lines."""
    found: dict[str, list[str]] = {}
    for path in core_files():
        rel = path.relative_to(ROOT).as_posix()
        for msg, _line in wrapped_messages(path):
            where = found.setdefault(msg, [])
            if rel not in where:  # files only: line numbers would change with every edit
                where.append(rel)
    return found


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def render(found: dict[str, list[str]], old: dict[str, str]) -> str:
    parts = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n']
    for msg, where in found.items():
        refs = "\n".join(f"#: {w}" for w in where)
        parts.append(f"{refs}\nmsgid {_quote(msg)}\nmsgstr {_quote(old.get(msg, ''))}\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    old_text = PO.read_text(encoding="utf-8") if PO.exists() else ""
    new_text = render(collect(), parse_po(old_text))
    if "--check" in argv:
        return 0 if new_text == old_text else 1
    if new_text != old_text:
        tmp = PO.with_suffix(".po.tmp")
        tmp.write_text(new_text, encoding="utf-8")
        tmp.replace(PO)
    untranslated = [m for m, t in parse_po(new_text).items() if not t]
    missing = len(collect()) - len(parse_po(new_text)) + len(untranslated)
    print(f"build_core_catalogue: {PO.relative_to(ROOT).as_posix()}, {missing} message(s) to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
