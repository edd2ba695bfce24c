"""Compile the Qt Designer files ui/*.ui into desktop/gui/forms/<stem>_ui.py.

    python packaging/build_ui.py            regenerate every form (rewrites only changed ones)
    python packaging/build_ui.py --check    exit 1 and list forms missing or out of date

The output is deterministic: uic's banner (which names the Qt version) is replaced by a
fixed header, line endings are LF, so the same .ui gives the same bytes on every machine
with the same uic. ``--check`` compares regenerated text, not timestamps. Forms whose .ui
is gone are deleted (only files that carry our header).

This folder is named ``packaging`` like the PyPI package, so do not import this file as
``packaging.build_ui``; run it as a script (the tests use a subprocess).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "desktop" / "gui" / "forms"
HEADER = "# generated from ui/{name} by packaging/build_ui.py — do not edit\n"
_BANNER = re.compile(r"\A(?:# -\*- coding: utf-8 -\*-\n+)?#{20,}\n(?:##.*\n)*#{20,}\n+")


def _pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def uic_command() -> list[str]:
    """The uic of the PySide6 that this interpreter imports, in Python mode."""
    pyside = _pyside_dir()
    if pyside is not None:
        exe = pyside / "uic.exe" if sys.platform == "win32" else pyside / "Qt" / "libexec" / "uic"
        if exe.is_file():
            return [os.fspath(exe), "-g", "python"]
    script = Path(sys.executable).parent / ("pyside6-uic.exe" if os.name == "nt" else "pyside6-uic")
    if script.is_file():
        return [os.fspath(script)]
    raise SystemExit("build_ui: cannot find uic; is PySide6 installed in this Python? "
                     f"({sys.executable})")


def output_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"{ui_file.stem}_ui.py"


def compile_ui(ui_file: Path, uic: list[str] | None = None) -> str:
    """The text of the generated form for one .ui file."""
    rel = ui_file.resolve().relative_to(ROOT).as_posix()
    proc = subprocess.run(
        [*(uic or uic_command()), rel],
        cwd=ROOT, capture_output=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"build_ui: uic failed on {rel}:\n"
                         + proc.stderr.decode("utf-8", "replace"))
    text = proc.stdout.decode("utf-8").replace("\r\n", "\n")
    text = _BANNER.sub("", text, count=1)
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"
    return HEADER.format(name=ui_file.name) + "\n" + text


def _orphans(ui_files: list[Path]) -> list[Path]:
    wanted = {output_for(f) for f in ui_files}
    found = []
    for path in sorted(FORMS_DIR.glob("*_ui.py")):
        if path in wanted:
            continue
        with path.open(encoding="utf-8", errors="replace") as fh:
            if fh.readline().startswith("# generated from ui/"):
                found.append(path)
    return found


def build(ui_files: list[Path]) -> dict[Path, str]:
    uic = uic_command()
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        texts = list(pool.map(lambda f: compile_ui(f, uic), ui_files))
    return {output_for(f): t for f, t in zip(ui_files, texts, strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 listing forms missing or out of date")
    parser.add_argument("--quiet", "-q", action="store_true")
    args = parser.parse_args(argv)

    ui_files = sorted(UI_DIR.glob("*.ui"))
    outputs = build(ui_files)
    orphans = _orphans(ui_files)

    if args.check:
        problems = []
        for path, text in outputs.items():
            rel = path.relative_to(ROOT).as_posix()
            if not path.is_file():
                problems.append(f"missing:    {rel}")
            elif path.read_text(encoding="utf-8") != text:
                problems.append(f"out of date: {rel}")
        problems += [f"orphan (no .ui): {p.relative_to(ROOT).as_posix()}" for p in orphans]
        if problems:
            print("build_ui --check: generated forms do not match ui/*.ui "
                  "(run `python packaging/build_ui.py`):", file=sys.stderr)
            for line in problems:
                print("  " + line, file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"build_ui --check: {len(outputs)} forms up to date")
        return 0

    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Python generated from ../../../ui by packaging/build_ui.py."""\n',
                        encoding="utf-8")
    written = 0
    for path, text in outputs.items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            path.touch()  # same text: just mark it newer than its .ui
            continue
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
        written += 1
    for path in orphans:
        path.unlink()
    if not args.quiet or written or orphans:
        print(f"build_ui: {len(outputs)} forms, {written} written, {len(orphans)} removed",
              file=sys.stderr if args.quiet else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
