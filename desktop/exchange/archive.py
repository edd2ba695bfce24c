"""The bundle's container: a canonical ZIP, written and read by hand (no ``zipfile``).

Written (``build``): the members in the order given (the bundle gives ``manifest.json``,
``manifest.sig``, then the payload files sorted by name), each **stored** (method 0; the
payload is already compressed and encrypted), with the DOS time 1980-01-01 00:00, no
flags, no extra fields, no comments, no data descriptors, no ZIP64, "version made by"
and "needed" 2.0 (MS-DOS), no file attributes, and the end record right at the end with no
comment. So one list of (name, bytes) has exactly one archive.

Read (``read``), cheapest check first, and nothing is ever extracted to disk:

1. the size (``archive.too_large``) and a whole end record at the very end
   (``archive.damaged``; one followed by a comment or other bytes: ``archive.not_canonical``);
2. the member count from the end record (``archive.too_many_entries``);
3. the central directory, every offset and length bounds-checked (``archive.damaged``);
4. every name: ASCII letters, digits, ``._-/`` only, no ``..``/``.``/empty part, no
   leading ``/``, no drive letter, no backslash, no NUL (``archive.traversal`` for the
   dangerous ones, ``archive.bad_name`` for the rest), no duplicates, case folded
   (``archive.duplicate_entry``);
5. sizes and the compression ratio declared in the directory (``archive.bomb``);
6. the layout: the archive must be byte for byte what ``build`` writes for the same
   members. A member whose bytes no longer match its CRC-32 is ``archive.damaged`` (a bad
   copy); any other difference is ``archive.not_canonical``.

Step 6 is what makes every byte count: with the signed manifest holding the payload's
hashes and the signature file the manifest's signature, no byte of a bundle can change
without a refusal.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.exchange.reasons import Refusal

MAX_ARCHIVE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 4096
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100  # declared uncompressed / compressed size of a member
MAX_NAME = 200

_LOCAL = struct.Struct("<IHHHHHIIIHH")  # 30 bytes
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # 46 bytes
_END = struct.Struct("<IHHHHIIH")  # 22 bytes
LOCAL_SIG, CENTRAL_SIG, END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
VERSION = 20  # 2.0, MS-DOS
DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00

_SAFE_NAME = re.compile(r"[A-Za-z0-9._/-]+")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes


def _local_header(raw: bytes, crc: int, size: int) -> bytes:
    return _LOCAL.pack(LOCAL_SIG, VERSION, 0, 0, DOS_TIME, DOS_DATE, crc, size, size,
                       len(raw), 0) + raw


def _central_header(raw: bytes, crc: int, size: int, offset: int) -> bytes:
    return _CENTRAL.pack(CENTRAL_SIG, VERSION, VERSION, 0, 0, DOS_TIME, DOS_DATE, crc, size,
                         size, len(raw), 0, 0, 0, 0, 0, offset) + raw


def _end(count: int, cd_size: int, cd_start: int) -> bytes:
    return _END.pack(END_SIG, 0, 0, count, count, cd_size, cd_start, 0)


def build(members: Sequence[tuple[str, bytes]]) -> bytes:
    """The canonical archive of ``members`` (in this order)."""
    if len(members) > MAX_MEMBERS:
        raise ValueError("too many members")
    out = bytearray()
    central = bytearray()
    for name, data in members:
        raw = name.encode("ascii")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(out)
        out += _local_header(raw, crc, len(data))
        out += data
        central += _central_header(raw, crc, len(data), offset)
    if len(out) + len(central) + _END.size > 0xFFFFFFFF:
        raise ValueError("an archive over 4 GiB needs ZIP64, which bundles never use")
    start = len(out)
    out += central
    out += _end(len(members), len(central), start)
    return bytes(out)


@dataclass(frozen=True)
class _Entry:
    name: bytes
    method: int
    crc: int
    csize: int
    usize: int
    offset: int


def check_name(name: bytes) -> str:
    """The member name as text, or a refusal (traversal before anything else)."""
    if b"\x00" in name or b"\\" in name:
        raise Refusal("archive.traversal", "NUL or backslash in a name")
    try:
        text = name.decode("ascii")
    except UnicodeDecodeError as exc:
        raise Refusal("archive.bad_name", "a name is not ASCII") from exc
    parts = text.split("/")
    if text.startswith("/") or _DRIVE.match(text) or any(p in ("", ".", "..") for p in parts):
        raise Refusal("archive.traversal", f"name {text[:80]!r}")
    if len(name) > MAX_NAME or not _SAFE_NAME.fullmatch(text):
        raise Refusal("archive.bad_name", f"name {text[:80]!r}")
    return text


def _directory(data: bytes, max_bytes: int, max_members: int) -> tuple[list[_Entry], int]:
    """The central directory's entries and where it starts."""
    size = len(data)
    if size > max_bytes:
        raise Refusal("archive.too_large", f"{size} bytes")
    if size < _END.size:
        raise Refusal("archive.damaged", "shorter than a ZIP end record")
    (sig, disk, cd_disk, on_disk, total, cd_size, cd_start,
     comment) = _END.unpack_from(data, size - _END.size)
    if sig != END_SIG or comment != 0:
        found = data.rfind(struct.pack("<I", END_SIG), max(0, size - 65_600))
        if found >= 0 and found + _END.size > size:  # its last bytes missing: a copy cut short
            raise Refusal("archive.damaged", "the ZIP end record cut short")
        if found >= 0:
            raise Refusal("archive.not_canonical", "bytes after the ZIP end record")
        raise Refusal("archive.damaged", "no ZIP end record")
    if total > max_members or on_disk > max_members:
        raise Refusal("archive.too_many_entries", f"{total} members")
    if disk or cd_disk or on_disk != total:
        raise Refusal("archive.not_canonical", "a multi-disk archive")
    if cd_start + cd_size != size - _END.size:
        raise Refusal("archive.damaged", "the central directory is not where the end record says")
    entries: list[_Entry] = []
    pos = cd_start
    for _i in range(total):
        if pos + _CENTRAL.size > cd_start + cd_size:
            raise Refusal("archive.damaged", "central directory cut short")
        (sig, _made, _need, _flags, method, _t, _d, crc, csize, usize, nlen, xlen, clen,
         _disk, _iattr, _eattr, offset) = _CENTRAL.unpack_from(data, pos)
        if sig != CENTRAL_SIG:
            raise Refusal("archive.damaged", "bad central directory entry")
        end = pos + _CENTRAL.size + nlen + xlen + clen
        if end > cd_start + cd_size:
            raise Refusal("archive.damaged", "central directory entry cut short")
        name = data[pos + _CENTRAL.size:pos + _CENTRAL.size + nlen]
        entries.append(_Entry(name, method, crc, csize, usize, offset))
        pos = end
    if pos != cd_start + cd_size:
        raise Refusal("archive.damaged", "bytes left in the central directory")
    return entries, cd_start


def _local_data(data: bytes, entry: _Entry, limit: int) -> bytes:
    """The stored bytes of ``entry`` as its local header places them."""
    if entry.offset + _LOCAL.size > limit:
        raise Refusal("archive.damaged", "a local header lies outside the archive")
    fields = _LOCAL.unpack_from(data, entry.offset)
    if fields[0] != LOCAL_SIG:
        raise Refusal("archive.damaged", "bad local header")
    start = entry.offset + _LOCAL.size + fields[9] + fields[10]
    if start + entry.csize > limit:
        raise Refusal("archive.damaged", "member data lies outside the archive")
    return data[start:start + entry.csize]


def peek(data: bytes, name: str) -> bytes | None:
    """The stored bytes of member ``name`` if the archive is readable at all, else None.
    Used only to read the format version before the full check (see bundle.py)."""
    try:
        entries, cd_start = _directory(data, MAX_ARCHIVE_BYTES, MAX_MEMBERS)
        for entry in entries:
            if entry.name == name.encode() and entry.method == 0:
                return _local_data(data, entry, cd_start)
    except (Refusal, struct.error):
        return None
    return None


def read(data: bytes, *, max_bytes: int = MAX_ARCHIVE_BYTES, max_members: int = MAX_MEMBERS,
         max_member_bytes: int = MAX_MEMBER_BYTES, max_ratio: int = MAX_RATIO) -> list[Member]:
    """The members of canonical archive ``data``, in order; a ``Refusal`` otherwise."""
    entries, cd_start = _directory(data, max_bytes, max_members)
    names: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        text = check_name(entry.name)
        folded = text.casefold()
        if folded in seen:
            raise Refusal("archive.duplicate_entry", f"{text!r} twice")
        seen.add(folded)
        names.append(text)
    total = 0
    for entry in entries:
        total += entry.usize
        if entry.usize > max_member_bytes or total > max_bytes:
            raise Refusal("archive.bomb", f"{entry.usize} bytes declared")
        if entry.usize > max_ratio * max(entry.csize, 1):
            raise Refusal("archive.bomb", f"ratio {entry.usize}/{entry.csize}")
    # the layout, header by header, without copying the members' bytes to compare them:
    # each local header where the previous member ended, the directory and end record
    # exactly as build() writes them; then each member's CRC-32 (a bad copy)
    members: list[Member] = []
    central = bytearray()
    pos = 0
    for entry, name in zip(entries, names, strict=True):
        header = _local_header(entry.name, entry.crc, entry.csize)
        start = pos + len(header)
        if (entry.offset != pos or entry.method != 0 or entry.usize != entry.csize
                or start + entry.csize > cd_start or data[pos:start] != header):
            raise Refusal("archive.not_canonical", f"the local header of {name!r}")
        central += _central_header(entry.name, entry.crc, entry.csize, pos)
        pos = start + entry.csize
        members.append(Member(name, data[start:pos]))
    if pos != cd_start or data[cd_start:] != bytes(central) + _end(len(entries), len(central), cd_start):
        raise Refusal("archive.not_canonical", "not the directory Samoe writes for these members")
    for entry, member in zip(entries, members, strict=True):
        if zlib.crc32(member.data) & 0xFFFFFFFF != entry.crc:
            raise Refusal("archive.damaged", f"CRC of {member.name!r}")
    return members
