"""The text of a PDF as five readers extract it: poppler (``pdftotext``, plain and
``-layout``: evince, okular), PDFium (Chrome, Edge), MuPDF (SumatraPDF), pdfminer.six
(Python tools) and pdf.js (Firefox). Each reader gives one string per page.

A reader that is not installed skips its test; under ``CI=true`` that is a failure
(tests/conftest.py). ``scripts/test`` installs them: poppler-utils, nodejs and pdfjs-dist
(into .venv/node) when it runs as root, the Python ones with the ``dev`` extra.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from needs import require_tool

ROOT = Path(__file__).resolve().parents[2]
PDFJS_SCRIPT = ROOT / "tests" / "pdfjs_text.mjs"
PDFJS_PREFIX = Path(os.environ.get("SAMOE_PDFJS", ROOT / ".venv" / "node"))


def _poppler(path: Path, *mode: str) -> list[str]:
    out = subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def _poppler_layout(path: Path) -> list[str]:
    """``pdftotext -layout``: the page's columns kept side by side (another word order)."""
    return _poppler(path, "-layout")


def _pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _mupdf(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        return [page.get_text() for page in doc]


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\f")[:-1]


def _pdfjs(path: Path) -> list[str]:
    node = shutil.which("node")
    assert node is not None
    out = subprocess.run([node, str(PDFJS_SCRIPT), str(path)], capture_output=True,
                         check=True, env={**os.environ, "SAMOE_PDFJS": str(PDFJS_PREFIX)})
    return out.stdout.decode("utf-8").split("\f")[:-1]


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


# name -> (is it installed?, what to install, the extractor)
READERS: dict[str, tuple[Callable[[], bool], str, Callable[[Path], list[str]]]] = {
    "poppler": (lambda: shutil.which("pdftotext") is not None,
                "apt-get install poppler-utils", _poppler),
    "poppler-layout": (lambda: shutil.which("pdftotext") is not None,
                       "apt-get install poppler-utils", _poppler_layout),
    "pdfium": (lambda: _has_module("pypdfium2"), "pip install pypdfium2", _pdfium),
    "mupdf": (lambda: _has_module("pymupdf"), "pip install pymupdf", _mupdf),
    "pdfminer": (lambda: _has_module("pdfminer"), "pip install pdfminer.six", _pdfminer),
    "pdfjs": (lambda: shutil.which("node") is not None
              and (PDFJS_PREFIX / "node_modules" / "pdfjs-dist").is_dir(),
              "apt-get install nodejs npm; npm install --prefix .venv/node pdfjs-dist",
              _pdfjs),
}


def read_pages(reader: str, path: Path) -> list[str]:
    """The page texts of ``path`` as ``reader`` extracts them (skips when it is missing)."""
    installed, how, extract = READERS[reader]
    if reader.startswith("poppler"):
        require_tool("pdftotext", how)
    elif reader == "pdfjs":
        require_tool("node", how)
    if not installed():
        pytest.skip(f"{reader} is not installed ({how}; scripts/test installs it)")
    return extract(path)


_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without whitespace: readers differ only in where they put spaces and breaks."""
    return _SPACE.sub("", text)
