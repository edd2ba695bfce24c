"""Files written whole or not at all (desktop/atomic.py): a failure names the file the clerk
asked for, never the temporary file beside it, and leaves nothing behind."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from desktop.atomic import atomic_path, write_bytes


def test_a_missing_folder_is_said_of_the_file_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "report.pdf"
    with pytest.raises(FileNotFoundError) as caught:
        write_bytes(target, b"%PDF")
    assert caught.value.filename == str(target)


def test_a_failure_while_writing_names_the_target_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(OSError) as caught, atomic_path(target) as tmp:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))  # the disk filled mid-write
    assert caught.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_another_file_named_in_an_error_is_left_as_it_is(tmp_path: Path) -> None:
    source = tmp_path / "source.xlsx"
    with pytest.raises(OSError) as caught, atomic_path(tmp_path / "copy.xlsx"):
        raise FileNotFoundError(errno.ENOENT, "No such file", str(source))
    assert caught.value.filename == str(source)
