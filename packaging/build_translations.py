"""Qt Linguist translations for Samoe. The strings in the code and .ui files are Thai;
English is the translation (resources/translations/samoe_en.ts, committed).

    python packaging/build_translations.py            .ts -> .qm (pyside6-lrelease), beside each
    python packaging/build_translations.py lupdate    refresh samoe_en.ts from desktop/ and ui/
    python packaging/build_translations.py lupdate --lang en --lang lo   (more languages)

``lupdate`` keeps the existing translations, drops obsolete ones (-no-obsolete) and writes no
source line numbers (-locations none), so the .ts changes only when strings change. The
generated forms (desktop/gui/forms) are skipped: their .ui files are scanned instead and give
the same contexts. The .qm files are build output (git-ignored); scripts/run, scripts/test and
the PyInstaller build make them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "th_TH"


def _tool(name: str) -> list[str]:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is not None and spec.submodule_search_locations:
        pyside = Path(next(iter(spec.submodule_search_locations)))
        exe = pyside / (f"{name}.exe" if sys.platform == "win32" else name)
        if exe.is_file():
            return [os.fspath(exe)]
    script = Path(sys.executable).parent / (f"pyside6-{name}" + (".exe" if os.name == "nt" else ""))
    if script.is_file():
        return [os.fspath(script)]
    raise SystemExit(f"build_translations: cannot find {name}; is PySide6 installed in "
                     f"{sys.executable}?")


def source_files() -> list[Path]:
    forms = ROOT / "desktop" / "gui" / "forms"
    files = [p for p in sorted((ROOT / "desktop").rglob("*.py"))
             if forms not in p.parents and "__pycache__" not in p.parts]
    files += sorted((ROOT / "ui").glob("*.ui"))
    return files


def lupdate(langs: list[str], quiet: bool) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    files = [p.relative_to(ROOT).as_posix() for p in source_files()]
    # a list file keeps the command line short on Windows
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(files) + "\n")
    try:
        for lang in langs:
            ts = TS_DIR / f"samoe_{lang}.ts"
            cmd = [*_tool("lupdate"), "-no-obsolete", "-locations", "none",
                   "-source-language", SOURCE_LANGUAGE, "-target-language", lang,
                   f"@{lst.name}", "-ts", ts.relative_to(ROOT).as_posix()]
            if quiet:
                cmd.insert(1, "-silent")
            rc = subprocess.run(cmd, cwd=ROOT, check=False).returncode
            if rc != 0:
                return rc
    finally:
        os.unlink(lst.name)
    return 0


def lrelease(quiet: bool) -> int:
    built = 0
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        cmd = [*_tool("lrelease"), "-silent", os.fspath(ts), "-qm", os.fspath(qm)]
        rc = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        if rc != 0:
            print(f"build_translations: lrelease failed on {ts.name}", file=sys.stderr)
            return rc
        built += 1
    if not quiet:
        print(f"build_translations: {built} .qm file(s) in {TS_DIR.relative_to(ROOT).as_posix()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=("lrelease", "lupdate"), default="lrelease")
    parser.add_argument("--lang", action="append", help="target language(s) for lupdate (en)")
    parser.add_argument("--quiet", "-q", action="store_true")
    args = parser.parse_args(argv)
    if args.mode == "lupdate":
        rc = lupdate(args.lang or ["en"], args.quiet)
        return rc or lrelease(args.quiet)
    return lrelease(args.quiet)


if __name__ == "__main__":
    raise SystemExit(main())
