"""The core's language: messages, dates and labels that desktop/domain and desktop/services
show to a person. No Qt here (the window's own strings go through ``self.tr``).

Thai is the source language: a message is written in Thai in the code, wrapped in ``_()``,
and its English sits in ``resources/translations/core_en.po`` (committed, read straight at
start: no build step, a few hundred entries parse in about a millisecond).

The language is set once at start (``set_language``; the window from ``--lang``/settings, the
command line only with ``--lang en``); Thai is the default. Official documents (the PDF
reports) stay Thai whatever the screen says: their builders run inside ``pinned("th")``,
which holds for the calling thread only, so a report built in a worker thread does not turn
the window's text Thai, nor the reverse.

Messages with values use named placeholders, never f-strings inside ``_()``::

    _("แถว {row}: ไม่มีชื่อ").format(row=n)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

log = logging.getLogger(__name__)

LANGUAGES = ("th", "en")
SOURCE_LANGUAGE = "th"

_language = SOURCE_LANGUAGE
_pinned: ContextVar[str | None] = ContextVar("samoe_core_language", default=None)
_catalogues: dict[str, dict[str, str]] = {}


def catalogue_path(lang: str) -> Path:
    from desktop.paths import translations_dir

    return translations_dir() / f"core_{lang}.po"


def _unquote(text: str) -> str:
    """A .po string literal (``"..."``, C escapes) as its text."""
    import ast  # only when a catalogue is read (English): not on a Thai start

    value = ast.literal_eval(text)
    if not isinstance(value, str):
        raise ValueError(text)
    return value


def parse_po(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file (entries separated by blank lines); fuzzy and
    untranslated entries are left out (their Thai shows, as gettext does). Only what
    Samoe writes: no plurals, no contexts."""
    out: dict[str, str] = {}
    for block in re.split(r"\n[ \t]*\n", text):
        fields: dict[str, str] = {}
        key = ""
        fuzzy = False
        for raw in block.splitlines():
            line = raw.strip()
            if line.startswith("#"):
                fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            elif line.startswith(("msgid ", "msgstr ")):
                key, _sep, rest = line.partition(" ")
                fields[key] = _unquote(rest)
            elif line.startswith('"') and key:
                fields[key] += _unquote(line)
        msgid, msgstr = fields.get("msgid", ""), fields.get("msgstr", "")
        if msgid and msgstr and not fuzzy:
            out[msgid] = msgstr
    return out


def load_catalogue(lang: str) -> dict[str, str]:
    """The translations of ``lang`` (empty for Thai, or when the file is missing)."""
    if lang == SOURCE_LANGUAGE:
        return {}
    if lang not in _catalogues:
        path = catalogue_path(lang)
        try:
            _catalogues[lang] = parse_po(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, SyntaxError) as exc:
            log.warning("no core translation for %s (%s): %s", lang, path, exc)
            _catalogues[lang] = {}
    return _catalogues[lang]


def set_language(lang: str | None) -> str:
    """Set the process's core language (``None`` or unknown → Thai); returns the one set."""
    global _language
    chosen = lang if lang in LANGUAGES else SOURCE_LANGUAGE
    load_catalogue(chosen)
    _language = chosen
    return chosen


def language() -> str:
    """The language in force for this thread: a ``pinned`` one, else the process's."""
    return _pinned.get() or _language


@contextmanager
def pinned(lang: str) -> Iterator[None]:
    """Hold ``lang`` for the calling thread (and its context) while the block runs."""
    token = _pinned.set(lang if lang in LANGUAGES else SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _pinned.reset(token)


P = ParamSpec("P")
R = TypeVar("R")


def thai_document(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator: an official document is Thai whatever the screen's language."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with pinned(SOURCE_LANGUAGE):
            return fn(*args, **kwargs)

    return wrapper


def _(message: str) -> str:
    """``message`` (Thai) in the language in force."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return message
    return load_catalogue(lang).get(message, message)


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a Thai message kept as data and translated where it is shown (``_(x)``)."""
    return message


def is_english() -> bool:
    return language() == "en"
