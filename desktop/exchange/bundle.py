"""Write a bundle (``.samoe``) and verify one: the checks of docs/exchange-format.md, in
their order, cheapest first. No database, no Qt: the caller passes the trust list, its own
keys, and what it knows of the sender's chain; it gets back a ``VerifiedBundle`` whose
rows it reads one payload file (at most 10,000 rows) at a time.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.atomic import atomic_path
from desktop.exchange import archive, canonical, payload
from desktop.exchange.identity import OfficeKeys, TrustedKey, TrustList
from desktop.exchange.manifest import (
    FORMAT_VERSION,
    MANIFEST_DOMAIN,
    MAX_MANIFEST_BYTES,
    Manifest,
    PayloadFile,
    check_signature,
    format_of,
    from_json,
    manifest_hash,
    sign,
    signature_key,
)
from desktop.exchange.manifest import ChainState as ChainState  # the callers' name for it
from desktop.exchange.reasons import Refusal

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SUFFIX = ".samoe"
CLOCK_SKEW = 15 * 60  # seconds a bundle may seem to come from the future (clocks differ)
LIFETIME = 90 * 86_400  # a bundle's default life: created + 90 days

RowCheck = Callable[[str, dict[str, Any]], None]  # raises ValueError (or a Refusal) on a bad row


Base = ChainState | None | Literal["previous"]  # build_bundle's ``base``


def seconds(when: int | datetime) -> int:
    """Whole seconds since the epoch of an aware datetime (or of an int, as it is)."""
    if isinstance(when, datetime):
        if when.tzinfo is None:
            raise ValueError("an aware (UTC) datetime is needed")
        return int(when.timestamp())
    return int(when)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class BuiltBundle:
    data: bytes  # the whole .samoe file
    manifest: Manifest
    manifest_bytes: bytes
    manifest_hash: str  # what the next bundle's ``previous`` and a receipt name this one by


Tables = Mapping[str, Iterable[dict[str, Any]] | payload.EncodedRows]  # wire table → its rows


def build_bundle(*, sender: OfficeKeys, sign_private: Ed25519PrivateKey, recipient: OfficeKeys,
                 tables: Tables, sequence: int,
                 previous: str | None, created: int | datetime, schema: str, program: str,
                 expires: int | datetime | None = None, audit_head: dict[str, Any] | None = None,
                 restored: dict[str, Any] | None = None, bundle_id: str | None = None,
                 rows_per_file: int = payload.ROWS_PER_FILE,
                 progress: Callable[[int], None] | None = None, base: Base = "previous") -> BuiltBundle:
    """The bytes of a bundle. ``tables`` maps a wire table name to its rows (an iterable
    read once, ``rows_per_file`` rows at a time; or ``payload.EncodedRows``, rows already
    in their canonical bytes); only the compressed, encrypted payload
    files are held in memory, never all the rows. ``progress`` is called with the rows
    done so far after each payload file (it may raise to cancel: nothing is written).
    ``base`` is the last receipt the rows were chosen after (the manifest's ``base``:
    the bundle carries every row changed since; None: every row); by default the bundle
    before (``sequence - 1``, ``previous``), the narrowest claim, which never supersedes
    a missing bundle."""
    bundle_id = bundle_id or str(uuid.uuid4())
    created_s = seconds(created)
    expires_s = seconds(expires) if expires is not None else created_s + LIFETIME
    if not 1 <= rows_per_file <= payload.ROWS_PER_FILE:
        raise ValueError("rows_per_file out of range")
    stored: dict[str, bytes] = {}
    files: list[PayloadFile] = []
    counts: dict[str, int] = {}
    for table in sorted(tables):
        counts[table] = 0
        for index, (plain, rows) in enumerate(payload.encode(tables[table], rows_per_file), 1):
            path = payload.path_for(table, index)
            data = payload.encrypt(plain, recipient.box_public, bundle_id, path, recipient.key_id)
            stored[path] = data
            files.append(PayloadFile(path, table, rows, len(data), _sha256(data)))
            counts[table] += rows
            if progress is not None:
                progress(sum(counts.values()))
    files.sort(key=lambda f: f.path)
    if base == "previous":
        base = ChainState(sequence - 1, previous) if sequence > 1 and previous is not None else None
    manifest = Manifest(
        bundle=bundle_id, sender_office=sender.office_code, sender_key=sender.key_id,
        recipient_office=recipient.office_code, recipient_key=recipient.key_id,
        sequence=sequence, previous=previous, created=created_s, expires=expires_s,
        schema=schema, program=program, counts=counts, audit_head=audit_head,
        restored=restored, files=tuple(files), base=base)
    manifest_bytes = manifest.to_bytes()
    sig = sign(manifest_bytes, sender.key_id, sign_private)
    members = [(MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, sig)]
    members += [(f.path, stored[f.path]) for f in files]
    return BuiltBundle(archive.build(members), manifest, manifest_bytes,
                       manifest_hash(manifest_bytes))


def write_bundle(path: Path | str, *, sender: OfficeKeys, sign_private: Ed25519PrivateKey,
                 recipient: OfficeKeys, tables: Tables,
                 sequence: int, previous: str | None, created: int | datetime, schema: str,
                 program: str, expires: int | datetime | None = None,
                 audit_head: dict[str, Any] | None = None, restored: dict[str, Any] | None = None,
                 bundle_id: str | None = None, rows_per_file: int = payload.ROWS_PER_FILE,
                 progress: Callable[[int], None] | None = None, base: Base = "previous") -> BuiltBundle:
    """Build a bundle (``build_bundle``'s arguments) and write it to ``path`` whole or not
    at all (``write_built``)."""
    built = build_bundle(sender=sender, sign_private=sign_private, recipient=recipient,
                         tables=tables, sequence=sequence, previous=previous, created=created,
                         schema=schema, program=program, expires=expires, audit_head=audit_head,
                         restored=restored, bundle_id=bundle_id, rows_per_file=rows_per_file,
                         progress=progress, base=base)
    write_built(path, built, sender.sign_public)
    return built


def write_built(path: Path | str, built: BuiltBundle, sign_public: bytes) -> None:
    """Write a built bundle to ``path`` whole or not at all: a temporary file in the same
    folder, flushed to disk, read back and checked (the same bytes; the archive, the
    signature and the file hashes verify against the sender's public key ``sign_public``),
    then renamed over ``path``. A failure at any point leaves any earlier file at ``path``
    as it was and no temporary file behind."""
    target = Path(path)
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as out:
            out.write(built.data)
            out.flush()
            os.fsync(out.fileno())
        back = tmp.read_bytes()
        if back != built.data:
            raise OSError(f"{target}: the file read back is not what was written")
        inspect_bundle(back, sign_public)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- reading


def _read_source(source: Path | str | bytes, max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    path = Path(source)
    size = path.stat().st_size
    if size > max_bytes:
        raise Refusal("archive.too_large", f"{size} bytes")
    with open(path, "rb") as f:
        data = f.read()  # sized by fstat (a read(n) allocates n, then copies to shrink)
    if len(data) > max_bytes:  # it grew since the stat
        raise Refusal("archive.too_large", f"{len(data)} bytes")
    return data


@dataclass(frozen=True)
class _Opened:
    manifest_bytes: bytes
    sig_file: bytes
    stored: dict[str, bytes]
    parsed: Any  # the manifest's canonical parse, from the format peek (None: parse it later)


def _open(data: bytes, max_bytes: int) -> _Opened:
    """manifest.json, manifest.sig and the payload members of a sane, canonical archive."""
    claimed = archive.peek(data, MANIFEST_NAME) if len(data) <= max_bytes else None
    parsed: Any = None
    if claimed is not None and len(claimed) <= MAX_MANIFEST_BYTES:
        try:
            parsed = canonical.loads(claimed, max_bytes=MAX_MANIFEST_BYTES)
        except canonical.NotCanonical:
            parsed = None
        fmt = format_of(parsed)
        if fmt is not None and fmt > FORMAT_VERSION:
            raise Refusal("format.newer", f"format {fmt}")
    members = archive.read(data, max_bytes=max_bytes)
    names = [m.name for m in members]
    for i, required in enumerate((MANIFEST_NAME, SIGNATURE_NAME)):
        if required not in names:
            raise Refusal("archive.missing_entry", required)
        if names[i] != required:
            raise Refusal("archive.not_canonical", f"{required} is not member {i + 1}")
    rest = members[2:]
    for m in rest:
        if not payload.PATH.fullmatch(m.name):
            raise Refusal("archive.unlisted_entry", m.name)
    if len(members[0].data) > MAX_MANIFEST_BYTES:
        raise Refusal("archive.too_large", "manifest.json")
    if claimed != members[0].data:  # never, in an archive that passed read(): parse again
        parsed = None
    return _Opened(members[0].data, members[1].data, {m.name: m.data for m in rest}, parsed)


def _parse_manifest(manifest_bytes: bytes, key_id: str, parsed: Any = None) -> Manifest:
    """The manifest (``parsed``: its canonical parse already made from these bytes)."""
    value = parsed
    if value is None:
        try:
            value = canonical.loads(manifest_bytes, max_bytes=MAX_MANIFEST_BYTES)
        except canonical.NotCanonical as exc:
            raise Refusal("manifest.not_canonical", str(exc)) from exc
    manifest = from_json(value)
    if manifest.sender_key != key_id:
        raise Refusal("manifest.bad_field", "sender.key is not the key that signed")
    return manifest


def _check_listing(manifest: Manifest, stored: Mapping[str, bytes]) -> None:
    listed = {f.path for f in manifest.files}
    for name in stored:
        if name not in listed:
            raise Refusal("archive.unlisted_entry", name)
    for name in sorted(listed):
        if name not in stored:
            raise Refusal("archive.missing_entry", name)
    if list(stored) != sorted(stored):  # the members' order (dicts keep it)
        raise Refusal("archive.not_canonical", "payload files not sorted")


def _check_files(manifest: Manifest, stored: Mapping[str, bytes]) -> None:
    for f in manifest.files:
        data = stored[f.path]
        if len(data) != f.size:
            raise Refusal("file.size", f.path)
    for f in manifest.files:
        if _sha256(stored[f.path]) != f.sha256:
            raise Refusal("file.hash", f.path)


def inspect_bundle(source: Path | str | bytes, sign_public: bytes, *,
                   max_bytes: int = archive.MAX_ARCHIVE_BYTES) -> Manifest:
    """The archive, signature, manifest and file-hash checks against one known signing key
    (no trust list, no decryption): what the writer checks of the file it wrote, and what
    a sender can run on a bundle it holds."""
    data = _read_source(source, max_bytes)
    opened = _open(data, max_bytes)
    manifest_bytes, stored = opened.manifest_bytes, opened.stored
    key_id, signature = signature_key(opened.sig_file)
    check_signature(MANIFEST_DOMAIN, manifest_bytes, signature, sign_public)
    manifest = _parse_manifest(manifest_bytes, key_id, opened.parsed)
    _check_listing(manifest, stored)
    _check_files(manifest, stored)
    return manifest


class ChainRefusal(Refusal):
    """A ``chain.*`` refusal from ``verify_bundle``, with the signed manifest it read (every
    check before the chain passed): a province service that decides to accept a restored
    sender's fork looks at ``manifest.restored`` and may verify again with the state the
    bundle continues from."""

    def __init__(self, refusal: Refusal, manifest: Manifest, manifest_digest: str) -> None:
        super().__init__(refusal.code, refusal.detail, **refusal.params)
        self.manifest = manifest
        self.manifest_hash = manifest_digest


def check_chain(manifest: Manifest, manifest_digest: str, state: ChainState | None) -> range:
    """The bundle's place in its sender's line after ``state`` (None: nothing accepted
    yet): the next one (its ``previous`` the last accepted manifest), or a later one whose
    ``base`` is ``state`` itself, which carries every row the missing bundles between held
    and so supersedes them. Returns the sequences superseded (empty: none)."""
    last = state.sequence if state is not None else 0
    if state is not None and manifest.sequence == state.sequence \
            and manifest_digest == state.manifest_hash:
        raise Refusal("chain.duplicate", sequence=manifest.sequence, last=last)
    if manifest.sequence <= last:
        raise Refusal("chain.replay", f"{manifest.sequence} <= {last}",
                      sequence=manifest.sequence, last=last)
    if manifest.sequence > last + 1:
        if manifest.base != state:
            raise Refusal("chain.gap", f"{manifest.sequence} after {last}, built on {manifest.base}",
                          sequence=manifest.sequence, last=last)
        return range(last + 1, manifest.sequence)
    expected = state.manifest_hash if state is not None else None
    if manifest.previous != expected:
        raise Refusal("chain.broken", "previous is not the last accepted manifest",
                      sequence=manifest.sequence, last=last)
    return range(0)


def check_sender_office(office: str, created: int, trusted: TrustedKey) -> None:
    """The signing key is the one of ``office`` (``key.other_office``), and was not revoked
    when the document was made (``key.revoked``: made at or after ``revoked_at``)."""
    if office != trusted.keys.office_code:
        raise Refusal("key.other_office", f"{office} signed with {trusted.keys.office_code}'s key")
    if trusted.revoked_at is not None and created >= seconds(trusted.revoked_at):
        raise Refusal("key.revoked", f"made {created}")


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check; its rows are decrypted again as they are read."""

    manifest: Manifest
    manifest_bytes: bytes
    manifest_hash: str
    sender: TrustedKey
    _stored: Mapping[str, bytes]
    _box_private: X25519PrivateKey
    superseded: range = range(0)  # missing bundles of the sender this one supersedes (check_chain)

    def tables(self) -> list[str]:
        return sorted({f.table for f in self.manifest.files})

    def file_rows(self, f: PayloadFile) -> Iterator[dict[str, Any]]:
        """The rows of one payload file, decrypted now and parsed as they are read."""
        return chain.from_iterable(self._file_chunks(f))

    def _file_chunks(self, f: PayloadFile) -> Iterator[list[dict[str, Any]]]:
        plain = payload.decrypt(self._stored[f.path], self._box_private, self.manifest.bundle,
                                f.path, self.manifest.recipient_key)
        return payload.decode_chunks(plain, f.path)

    def rows(self, table: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(table, row) of every row (of ``table`` only, when given), one payload file of
        at most 10,000 rows held at a time, in the manifest's file order."""
        for f in self.manifest.files:
            if table is None or f.table == table:
                for row in self.file_rows(f):
                    yield f.table, row


def verify_bundle(source: Path | str | bytes, *, trust: TrustList, me: OfficeKeys,
                  box_private: X25519PrivateKey, chain: ChainState | None,
                  now: int | datetime, skew: int = CLOCK_SKEW, row_check: RowCheck | None = None,
                  read_rows: bool = True,
                  max_bytes: int = archive.MAX_ARCHIVE_BYTES) -> VerifiedBundle:
    """Every check of docs/exchange-format.md in its order; a ``Refusal`` at the first
    that fails. With ``read_rows`` (the default) every payload file is decrypted, parsed,
    counted and passed row by row to ``row_check`` (so a bad row is refused before
    anything is imported); without, decryption waits for ``VerifiedBundle.rows``."""
    data = _read_source(source, max_bytes)
    opened = _open(data, max_bytes)
    manifest_bytes, stored = opened.manifest_bytes, opened.stored
    key_id, signature = signature_key(opened.sig_file)
    trusted = trust.find(key_id)
    if trusted is None:
        raise Refusal("key.unknown", key_id)
    check_signature(MANIFEST_DOMAIN, manifest_bytes, signature, trusted.keys.sign_public)
    manifest = _parse_manifest(manifest_bytes, key_id, opened.parsed)
    check_sender_office(manifest.sender_office, manifest.created, trusted)
    _check_listing(manifest, stored)
    if manifest.recipient_office != me.office_code:
        raise Refusal("recipient.other_office", manifest.recipient_office)
    if manifest.recipient_key != me.key_id:
        raise Refusal("recipient.other_key", manifest.recipient_key)
    now_s = seconds(now)
    if manifest.created > now_s + skew:
        raise Refusal("time.future", f"created {manifest.created}, now {now_s}")
    if now_s >= manifest.expires:
        raise Refusal("time.expired", f"expired {manifest.expires}, now {now_s}")
    digest = manifest_hash(manifest_bytes)
    try:
        superseded = check_chain(manifest, digest, chain)
    except Refusal as refusal:
        raise ChainRefusal(refusal, manifest, digest) from None
    _check_files(manifest, stored)
    verified = VerifiedBundle(manifest, manifest_bytes, digest, trusted, stored, box_private, superseded)
    if read_rows:
        for f in manifest.files:
            count = 0
            for chunk in verified._file_chunks(f):
                count += len(chunk)
                if row_check is not None:
                    for row in chunk:
                        try:
                            row_check(f.table, row)
                        except Refusal:
                            raise
                        except (ValueError, TypeError, KeyError) as exc:
                            raise Refusal("payload.schema", f"{f.path}: {exc}") from exc
            if count != f.rows:
                raise Refusal("payload.schema", f"{f.path}: {count} rows, manifest says {f.rows}")
    return verified
