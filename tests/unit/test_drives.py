"""services/drives.py: which mounted volumes are removable drives (the exchange's export
offers them), read from a fake /sys and /proc/self/mounts as Linux lays them out."""

from __future__ import annotations

from pathlib import Path

from desktop.services import drives


def _disk(sys_root: Path, name: str, *, removable: str, bus: str = "pci0000:00/ata1") -> None:
    """/sys/class/block/<name> -> /sys/devices/<bus>/block/<name>, with a partition 1."""
    real = sys_root / "devices" / bus / "block" / name
    (real / f"{name}1").mkdir(parents=True)
    (real / "removable").write_text(removable + "\n")
    (real / f"{name}1" / "partition").write_text("1\n")
    links = sys_root / "class" / "block"
    links.mkdir(parents=True, exist_ok=True)
    (links / name).symlink_to(real)
    (links / f"{name}1").symlink_to(real / f"{name}1")


def test_linux_removable_flag_usb_bus_and_media_mounts(tmp_path: Path) -> None:
    sys_root = tmp_path / "sys"
    _disk(sys_root, "sda", removable="0")  # the system disk
    _disk(sys_root, "sdb", removable="1")  # a card reader
    _disk(sys_root, "sdc", removable="0", bus="pci0000:00/usb1/1-1")  # a USB disk that says fixed
    assert not drives.is_removable("/", "/dev/sda1", platform="linux", sys_root=sys_root)
    assert not drives.is_removable("/home", "/dev/sda1", platform="linux", sys_root=sys_root)
    assert drives.is_removable("/mnt/card", "/dev/sdb1", platform="linux", sys_root=sys_root)
    assert drives.is_removable("/mnt/usb", "/dev/sdc1", platform="linux", sys_root=sys_root)
    assert drives.is_removable("/media/somjai/SAMOE", "", platform="linux", sys_root=sys_root)
    assert drives.is_removable("/run/media/somjai/STICK", "", platform="linux", sys_root=sys_root)
    assert not drives.is_removable("/mnt/x", "/dev/nvme0n1p1", platform="linux", sys_root=sys_root)


def test_proc_mounts_are_read_with_their_escapes(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text("proc /proc proc rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
                      "/dev/sdb1 /media/somjai/MY\\040STICK vfat rw 0 0\n")
    assert drives.linux_mounts(mounts) == [("/", "/dev/sda1"), ("/media/somjai/MY STICK", "/dev/sdb1")]
    assert drives.linux_mounts(tmp_path / "missing") == []


def test_removable_drives_lists_writable_ones_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "media" / "somjai" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(drives, "MEDIA_ROOTS", (str(tmp_path / "media") + "/",))
    monkeypatch.setattr(drives, "system_volumes", lambda platform="linux": [(str(stick), "/dev/sdb1"), ("/", "/dev/sda1")])
    found = drives.removable_drives([(str(stick), "/dev/sdb1", "STICK"), (str(tmp_path / "gone"), "", "")],
                                    platform="linux", sys_root=tmp_path / "sys")
    assert [(d.root, d.label) for d in found] == [(stick, "STICK")]  # once; the vanished one left out
    assert found[0].free is not None and found[0].total is not None


def test_other_systems(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert drives.is_removable("/Volumes/STICK", platform="darwin")
    assert not drives.is_removable("/System/Volumes/Data", platform="darwin")
    monkeypatch.setattr(drives, "_windows_drive_type", lambda root: 2 if root.startswith("E") else 3)
    assert drives.is_removable("E:\\", platform="win32")
    assert not drives.is_removable("C:\\", platform="win32")
