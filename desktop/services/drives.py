"""Removable drives (USB sticks, memory cards) a file can be written to: the exchange's
export offers them as its destination (issue 10). No Qt: the window passes the volumes
Qt sees (``QStorageInfo.mountedVolumes()``) as plain tuples, and this module decides
which are removable and adds those Qt missed.

- Linux: a mount whose block device (or the disk it is a partition of) says
  ``/sys/class/block/<disk>/removable`` = 1 or hangs off a USB bus, or a mount under
  ``/media`` or ``/run/media`` (where desktops mount sticks; a USB disk that calls
  itself fixed is still mounted there).
- Windows: ``GetDriveTypeW`` says DRIVE_REMOVABLE (a USB stick, a card reader).
- macOS: a volume under ``/Volumes`` that is not the start-up disk.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2  # GetDriveTypeW
MEDIA_ROOTS = ("/media/", "/run/media/")


@dataclass(frozen=True)
class Drive:
    root: Path
    label: str  # the volume's name ("" when it has none)
    free: int | None  # bytes free (None: could not be read)
    total: int | None


def _unescape(field: str) -> str:
    """A /proc/mounts field: spaces and tabs are written octal (``\\040``)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def linux_mounts(mounts: Path = Path("/proc/self/mounts")) -> list[tuple[str, str]]:
    """(mount point, device) of every mount of a block device."""
    try:
        text = mounts.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("/dev/"):
            out.append((_unescape(parts[1]), parts[0]))
    return out


def _linux_disk_removable(device: str, sys_root: Path) -> bool:
    """Whether the disk under ``device`` (``/dev/sdb1``) is removable or on USB."""
    name = Path(os.path.realpath(device)).name if device.startswith("/dev/") else device
    if not name:
        return False
    node = sys_root / "class" / "block" / name
    try:
        real = Path(os.path.realpath(node))
    except OSError:
        return False
    disk = real.parent if (real / "partition").exists() else real
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
    except OSError:
        pass
    return "/usb" in str(disk)


def is_removable(root: str, device: str = "", *, platform: str = sys.platform,
                 sys_root: Path = Path("/sys")) -> bool:
    """Whether the volume mounted at ``root`` (its ``device`` as the system names it) is
    a removable drive."""
    if platform.startswith("win"):
        return _windows_drive_type(root) == DRIVE_REMOVABLE
    if platform == "darwin":
        return root.startswith("/Volumes/") and os.path.realpath(root) != "/"
    if not root or root == "/":
        return False
    if any(root.startswith(prefix) for prefix in MEDIA_ROOTS):
        return True
    return bool(device) and _linux_disk_removable(device, sys_root)


def _windows_drive_type(root: str) -> int:
    try:
        import ctypes

        windll = getattr(ctypes, "windll", None)
        if windll is None:
            return 0
        path = root if root.endswith("\\") else root + "\\"
        return int(windll.kernel32.GetDriveTypeW(path))
    except (OSError, AttributeError, ValueError):
        return 0


def _windows_roots() -> list[tuple[str, str]]:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return []
    mask = int(windll.kernel32.GetLogicalDrives())
    return [(f"{chr(65 + i)}:\\", "") for i in range(26) if mask & (1 << i)]


def system_volumes(platform: str = sys.platform) -> list[tuple[str, str]]:
    """(root, device) of the volumes the system knows, without Qt."""
    if platform.startswith("win"):
        try:
            return _windows_roots()
        except (OSError, AttributeError, ValueError):
            return []
    if platform == "darwin":
        base = Path("/Volumes")
        return [(str(p), "") for p in sorted(base.iterdir())] if base.is_dir() else []
    return linux_mounts()


def _usage(root: Path) -> tuple[int | None, int | None]:
    try:
        usage = shutil.disk_usage(root)
    except OSError:
        return None, None
    return usage.free, usage.total


def removable_drives(volumes: Iterable[tuple[str, str, str]] = (), *, platform: str = sys.platform,
                     sys_root: Path = Path("/sys")) -> list[Drive]:
    """The removable drives among ``volumes`` ((root, device, label), e.g. Qt's) and the
    system's own list, each once, writable, in the order of their roots."""
    seen: dict[str, tuple[str, str]] = {}
    for root, device, label in volumes:
        if root and root not in seen:
            seen[root] = (device, label)
    for root, device in system_volumes(platform):
        if root and root not in seen:
            seen[root] = (device, "")
    out = []
    for root, (device, label) in sorted(seen.items()):
        if not is_removable(root, device, platform=platform, sys_root=sys_root):
            continue
        path = Path(root)
        if not path.is_dir() or not os.access(path, os.W_OK):
            continue
        free, total = _usage(path)
        out.append(Drive(path, label or path.name, free, total))
    return out
