"""A bundle verifies, and each kind of fault ends in its own reason code
(docs/exchange-format.md). The byte-flip and truncation sweeps are in
test_exchange_tamper.py."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from exchange_kit import (
    BUNDLE_ID,
    MUNI,
    MUNI2,
    NOW,
    PROVINCE,
    STRANGER,
    T0,
    DictTrust,
    manifest_value,
    members_of,
    province_trust,
    rezip,
    small_bundle,
    small_tables,
    verify_kwargs,
)

from desktop.exchange import archive, canonical
from desktop.exchange.bundle import (
    CLOCK_SKEW,
    ChainState,
    inspect_bundle,
    verify_bundle,
    write_bundle,
)
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.reasons import MESSAGES, Refusal


def refused(data: bytes, **over: Any) -> str:
    with pytest.raises(Refusal) as caught:
        verify_bundle(data, **verify_kwargs(**over))
    assert caught.value.message  # every refusal has a message for the clerk
    return caught.value.code


def test_a_bundle_verifies_and_yields_its_rows() -> None:
    built = small_bundle()
    verified = verify_bundle(built.data, **verify_kwargs())
    m = verified.manifest
    assert (m.bundle, m.sender_office, m.recipient_office, m.sequence, m.previous) == (
        BUNDLE_ID, MUNI.keys.office_code, PROVINCE.keys.office_code, 1, None)
    assert m.counts == {"children": 25, "guardians": 0, "households": 9}
    assert [f.rows for f in m.files] == [10, 10, 5, 9]
    tables = small_tables()
    assert [r for _t, r in verified.rows("children")] == tables["children"]
    assert [r for _t, r in verified.rows("households")] == tables["households"]
    assert verified.tables() == ["children", "households"]
    assert verified.manifest_hash == hashlib.sha256(verified.manifest_bytes).hexdigest()
    assert inspect_bundle(built.data, MUNI.keys.sign_public) == m


def test_the_next_bundle_chains_on_the_last(tmp_path: Path) -> None:
    first = small_bundle()
    second = small_bundle(sequence=2, previous=first.manifest_hash, bundle_id=None,
                          created=T0 + 60)
    state = ChainState(1, first.manifest_hash)
    assert verify_bundle(second.data, **verify_kwargs(chain=state)).manifest.sequence == 2
    path = tmp_path / "b.samoe"
    path.write_bytes(second.data)
    assert verify_bundle(path, **verify_kwargs(chain=state)).manifest.previous == first.manifest_hash


def test_every_code_has_a_thai_message() -> None:
    for code, text in MESSAGES.items():
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in text), code
        assert Refusal(code, sequence=3, last=1).message


# --------------------------------------------------------------------------- the archive


def _payload_names(members: list[tuple[str, bytes]]) -> list[str]:
    return [n for n, _d in members if n.startswith("payload/")]


@pytest.mark.parametrize(("edit", "code"), [
    (lambda ms: [*ms, ("payload/children/00009.hpke", b"x" * 64)], "archive.unlisted_entry"),
    (lambda ms: [*ms, ("readme.txt", b"hello")], "archive.unlisted_entry"),
    (lambda ms: [m for m in ms if m[0] != "payload/children/00002.hpke"], "archive.missing_entry"),
    (lambda ms: [m for m in ms if m[0] != "manifest.sig"], "archive.missing_entry"),
    (lambda ms: ms[1:], "archive.missing_entry"),
    (lambda ms: [ms[1], ms[0], *ms[2:]], "archive.not_canonical"),
    (lambda ms: [*ms[:2], ms[3], ms[2], *ms[4:]], "archive.not_canonical"),
    (lambda ms: [*ms, ms[2]], "archive.duplicate_entry"),
    (lambda ms: [*ms, ("PAYLOAD/children/00001.hpke", ms[2][1])], "archive.duplicate_entry"),
    (lambda ms: [*ms, ms[0]], "archive.duplicate_entry"),
])
def test_extra_missing_swapped_or_duplicated_entries(edit: Any, code: str) -> None:
    assert refused(rezip(small_bundle().data, edit)) == code


@pytest.mark.parametrize("name", ["../evil.txt", "payload/../../evil", "/etc/passwd",
                                  "C:\\Windows\\evil.dll", "C:/evil", "payload\\children\\1",
                                  "manifest.json\x00.txt", "payload//x", "./manifest.json",
                                  "payload/children/."])
def test_traversal_names_are_refused(name: str) -> None:
    data = rezip(small_bundle().data, lambda ms: [*ms, (name, b"x")])
    assert refused(data) == "archive.traversal"


def test_names_samoe_never_writes_are_refused() -> None:
    bad = small_bundle().data.replace(b"payload/households/00001.hpke", b"payload/households/0000\xe9.hpke")
    assert refused(bad) == "archive.bad_name"
    assert refused(rezip(small_bundle().data, lambda ms: [*ms, ("a b", b"")])) == "archive.bad_name"


def test_a_compression_bomb_is_refused_before_anything_is_inflated() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", b"{}")
        z.writestr("manifest.sig", b"{}")
        z.writestr("payload/children/00001.hpke", b"\x00" * (20 * 1024 * 1024))
    assert refused(buffer.getvalue()) == "archive.bomb"


def test_a_zip_written_by_another_program_is_not_canonical() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name, data in members_of(small_bundle().data):
            z.writestr(name, data)
    assert refused(buffer.getvalue()) == "archive.not_canonical"


def test_size_and_count_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = small_bundle().data
    assert refused(data, max_bytes=len(data) - 1) == "archive.too_large"
    path = tmp_path / "big.samoe"
    path.write_bytes(data)
    assert refused(path, max_bytes=len(data) - 1) == "archive.too_large"
    limit = archive.MAX_MEMBERS
    monkeypatch.setattr(archive, "MAX_MEMBERS", limit + 1)  # build() refuses to write it
    many = archive.build([(f"payload/x/{i:05d}.hpke", b"") for i in range(limit + 1)])
    monkeypatch.undo()
    assert refused(many) == "archive.too_many_entries"
    assert refused(b"") == "archive.damaged"
    assert refused(b"not a zip at all, just text" * 10) == "archive.damaged"
    assert refused(data + b"trailing") == "archive.not_canonical"


# --------------------------------------------------------------------------- signed words


def test_a_manifest_edited_after_signing() -> None:
    built = small_bundle()
    edited = built.manifest_bytes.replace(b'"sequence":1', b'"sequence":7')
    assert edited != built.manifest_bytes
    assert refused(rezip(built.data, manifest=edited)) == "signature.bad"
    other = built.manifest_bytes.replace(PROVINCE.keys.office_code.encode(), b"6400001")
    assert refused(rezip(built.data, manifest=other)) == "signature.bad"


def test_a_signature_by_another_key_of_the_trust_list() -> None:
    built = small_bundle()
    members = members_of(built.data)
    sig = canonical.loads(members[1][1])
    sig["key"] = MUNI2.keys.key_id  # MUNI2 is trusted, but did not sign this
    assert refused(rezip(built.data, lambda ms: [ms[0], ("manifest.sig", canonical.dumps(sig)), *ms[2:]])) \
        == "signature.bad"


@pytest.mark.parametrize("text", [
    lambda b: b.replace(b'{"audit_head"', b'{ "audit_head"'),  # whitespace
    lambda b: b + b"\n",
    lambda b: b.replace(b'"sequence":1', b'"sequence":1,"sequence":1'),  # duplicate key
    lambda b: b.replace(b'"sequence":1', b'"sequence":1.0'),  # float
    lambda b: b.replace(b'"format":1', b'"format":1e0'),
    lambda b: b.replace(b'"program":"0.1.0"', b'"program":"\\u0030.1.0"'),  # escape
])
def test_a_signed_manifest_that_is_not_canonical(text: Any) -> None:
    built = small_bundle()
    assert refused(rezip(built.data, manifest=text(built.manifest_bytes), resign=MUNI)) \
        == "manifest.not_canonical"


@pytest.mark.parametrize(("edit", "code"), [
    (lambda v: v.pop("restored"), "manifest.bad_field"),
    (lambda v: v.update(extra=1), "manifest.bad_field"),
    (lambda v: v.update(sequence=0), "manifest.bad_field"),
    (lambda v: v.update(previous="ab" * 32), "manifest.bad_field"),  # sequence 1 has none
    (lambda v: v.update(expires=v["created"]), "manifest.bad_field"),
    (lambda v: v["counts"].update(children=24), "manifest.bad_field"),
    (lambda v: v.update(bundle="not-a-uuid"), "manifest.bad_field"),
    (lambda v: v["files"].reverse(), "manifest.bad_field"),
    (lambda v: v["sender"].update(key=MUNI2.keys.key_id), "manifest.bad_field"),
    (lambda v: v.update(format=0), "manifest.bad_field"),
    (lambda v: v.update(format=2), "format.newer"),
    (lambda v: v.update(format=2, newfield={"x": 1}), "format.newer"),
    (lambda v: v.pop("base"), "manifest.bad_field"),
    (lambda v: v.update(base={"sequence": 1, "manifest": "ab" * 32}), "manifest.bad_field"),  # not before 1
    (lambda v: v.update(base={"sequence": 0, "manifest": "ab" * 32}), "manifest.bad_field"),
    (lambda v: v.update(base={"sequence": 1}), "manifest.bad_field"),
    (lambda v: v.update(base=[1, "ab" * 32]), "manifest.bad_field"),
])
def test_signed_manifests_with_bad_fields(edit: Any, code: str) -> None:
    built = small_bundle()
    value = manifest_value(built.data)
    edit(value)
    assert refused(rezip(built.data, manifest=canonical.dumps(value), resign=MUNI)) == code


def test_a_newer_format_is_refused_with_its_own_code_whatever_its_layout() -> None:
    """A newer program may lay its archive out otherwise: the older one still says
    "update", not "damaged" (the format is read before the layout is checked)."""
    built = small_bundle()
    value = manifest_value(built.data)
    value["format"] = 3
    data = archive.build([("manifest.json", canonical.dumps(value)), ("index.bin", b"\x01"),
                          ("manifest.sig", b"{}")])
    with pytest.raises(Refusal) as caught:
        verify_bundle(data, **verify_kwargs())
    assert caught.value.code == "format.newer"
    assert "Samoe" in caught.value.message


# --------------------------------------------------------------------------- keys


def test_an_unknown_key() -> None:
    assert refused(small_bundle().data, trust=DictTrust().add(MUNI2.keys)) == "key.unknown"
    stranger = small_bundle(sender=STRANGER.keys, sign_private=STRANGER.sign_private)
    assert refused(stranger.data) == "key.unknown"


def test_a_revoked_key_refuses_bundles_made_at_or_after_the_revocation() -> None:
    created = datetime.fromtimestamp(T0, UTC)
    before = DictTrust().add(MUNI.keys, revoked_at=created)
    assert refused(small_bundle().data, trust=before) == "key.revoked"
    after = DictTrust().add(MUNI.keys, revoked_at=datetime.fromtimestamp(T0 + 1, UTC))
    assert verify_bundle(small_bundle().data, **verify_kwargs(trust=after))


def test_another_offices_key() -> None:
    """MUNI's key signs a bundle that says it comes from MUNI2."""
    posing = OfficeKeys(MUNI2.keys.office_code, "x", MUNI.keys.sign_public, MUNI.keys.box_public)
    built = small_bundle(sender=posing, sign_private=MUNI.sign_private)
    assert refused(built.data) == "key.other_office"


# --------------------------------------------------------------------------- addressed, dated


def test_a_bundle_for_another_office_or_key() -> None:
    built = small_bundle(recipient=MUNI2.keys)
    assert refused(built.data) == "recipient.other_office"
    new_key = OfficeKeys(PROVINCE.keys.office_code, "p", MUNI2.keys.sign_public, MUNI2.keys.box_public)
    assert refused(small_bundle(recipient=new_key).data) == "recipient.other_key"


def test_expired_and_future_dated() -> None:
    built = small_bundle(expires=T0 + 86_400)
    assert refused(built.data, now=T0 + 86_400) == "time.expired"
    assert verify_bundle(built.data, **verify_kwargs(now=T0 + 86_399))
    assert refused(built.data, now=T0 - CLOCK_SKEW - 1) == "time.future"
    assert verify_bundle(built.data, **verify_kwargs(now=T0 - CLOCK_SKEW))
    assert verify_bundle(built.data, **verify_kwargs(now=datetime.fromtimestamp(NOW, UTC)))


# --------------------------------------------------------------------------- the chain


def test_the_chain() -> None:
    first = small_bundle()
    h1 = first.manifest_hash
    second = small_bundle(sequence=2, previous=h1, bundle_id=None)
    third = small_bundle(sequence=3, previous=second.manifest_hash, bundle_id=None)
    assert refused(first.data, chain=ChainState(1, h1)) == "chain.duplicate"
    assert refused(first.data, chain=ChainState(2, second.manifest_hash)) == "chain.replay"
    assert refused(second.data, chain=None) == "chain.gap"
    assert refused(third.data, chain=ChainState(1, h1)) == "chain.gap"
    assert refused(second.data, chain=ChainState(1, "cd" * 32)) == "chain.broken"
    other_first = small_bundle(bundle_id=None)  # another sequence 1 (a copied database)
    assert refused(other_first.data, chain=ChainState(1, h1)) == "chain.replay"


def _bad_base(**base: Any) -> str:
    """A bundle 3 whose ``base`` is edited and signed again by its sender."""
    third = small_bundle(sequence=3, previous="ef" * 32, bundle_id=None, base=None)
    value = manifest_value(third.data)
    value["base"] = base
    return refused(rezip(third.data, manifest=canonical.dumps(value), resign=MUNI))


def test_the_base_is_before_the_bundle_and_agrees_with_previous() -> None:
    assert _bad_base(sequence=3, manifest="ab" * 32) == "manifest.bad_field"  # not before 3
    assert _bad_base(sequence=2, manifest="ab" * 32) == "manifest.bad_field"  # 2 is previous: "ef"…
    assert _bad_base(sequence=2, manifest="EF" * 32) == "manifest.bad_field"
    assert _bad_base(sequence=1, manifest="ab" * 32) == "chain.gap"  # well formed: 1 is not accepted here
    assert _bad_base(sequence=2, manifest="ef" * 32) == "chain.gap"


def test_a_lost_bundle_is_superseded_by_the_next_built_on_the_last_receipt() -> None:
    """Bundle 2 never arrived (a lost USB stick); bundle 3 was built on the receipt for 1
    (it carries every row changed since): accepted in place of 2, the gap told."""
    first = small_bundle()
    h1 = first.manifest_hash
    second = small_bundle(sequence=2, previous=h1, bundle_id=None, base=ChainState(1, h1))
    third = small_bundle(sequence=3, previous=second.manifest_hash, bundle_id=None, created=T0 + 60,
                         base=ChainState(1, h1))
    assert third.manifest.base == ChainState(1, h1)
    assert manifest_value(third.data)["base"] == {"manifest": h1, "sequence": 1}
    verified = verify_bundle(third.data, **verify_kwargs(chain=ChainState(1, h1)))
    assert verified.superseded == range(2, 3)
    # the normal next one supersedes nothing; a bundle 3 made before any receipt (every
    # row since the start) stands in for 1 and 2 when nothing was accepted at all
    assert verify_bundle(second.data, **verify_kwargs(chain=ChainState(1, h1))).superseded == range(0)
    from_start = small_bundle(sequence=3, previous="ef" * 32, bundle_id=None, base=None)
    assert verify_bundle(from_start.data, **verify_kwargs(chain=None)).superseded == range(1, 3)
    # the lost one found again afterwards: older than what was accepted
    assert refused(second.data, chain=ChainState(3, third.manifest_hash)) == "chain.replay"


def test_a_gap_is_refused_when_the_base_is_not_the_accepted_state() -> None:
    first = small_bundle()
    h1 = first.manifest_hash
    second = small_bundle(sequence=2, previous=h1, bundle_id=None)
    fourth = small_bundle(sequence=4, previous="ef" * 32, bundle_id=None, base=ChainState(1, h1))
    # built on receipt 1, but 2 was accepted here since: 3 may hold rows 4 does not
    assert refused(fourth.data, chain=ChainState(2, second.manifest_hash)) == "chain.gap"
    # built on a receipt this verifier never accepted (another chain, or its own lost state)
    assert refused(fourth.data, chain=ChainState(1, "cd" * 32)) == "chain.gap"
    assert refused(fourth.data, chain=None) == "chain.gap"
    # built before any receipt, but 1 was accepted here: a gap (the base is older)
    from_start = small_bundle(sequence=3, previous="ef" * 32, bundle_id=None, base=None)
    assert refused(from_start.data, chain=ChainState(1, h1)) == "chain.gap"
    with pytest.raises(Refusal) as caught:
        verify_bundle(fourth.data, **verify_kwargs(chain=ChainState(2, second.manifest_hash)))
    assert "ลำดับที่ 4" in caught.value.message and "ใบตอบรับ" in caught.value.message


def test_a_restored_sender_says_so_and_chains_on_its_last_receipt() -> None:
    first = small_bundle()
    after_restore = small_bundle(sequence=2, previous=first.manifest_hash, bundle_id=None,
                                 restored={"at": T0 + 30})
    verified = verify_bundle(after_restore.data, **verify_kwargs(chain=ChainState(1, first.manifest_hash)))
    assert verified.manifest.restored == {"at": T0 + 30}


# --------------------------------------------------------------------------- payload files


def _swap_payload(members: list[tuple[str, bytes]], a: str, b: str) -> list[tuple[str, bytes]]:
    data = dict(members)
    return [(n, data[b] if n == a else data[a] if n == b else d) for n, d in members]


def test_payload_bytes_changed_without_the_senders_key() -> None:
    def same_length(ms: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        name, data = ms[-1]
        return [*ms[:-1], (name, data[:-1] + bytes([data[-1] ^ 1]))]

    assert refused(rezip(small_bundle().data, same_length)) == "file.hash"
    assert refused(rezip(small_bundle().data, lambda ms: [*ms[:-1], (ms[-1][0], ms[-1][1] + b"x")])) \
        == "file.size"
    moved = rezip(small_bundle().data, lambda ms: _swap_payload(
        ms, "payload/children/00001.hpke", "payload/children/00002.hpke"))
    assert refused(moved) == "file.size"


def _relist(data: bytes, members: list[tuple[str, bytes]]) -> bytes:
    """The manifest's file sizes and hashes made to match ``members``, signed by MUNI."""
    value = manifest_value(data)
    stored = dict(members)
    for f in value["files"]:
        f["size"] = len(stored[f["path"]])
        f["sha256"] = hashlib.sha256(stored[f["path"]]).hexdigest()
    return rezip(archive.build(members), manifest=canonical.dumps(value), resign=MUNI)


def test_a_ciphertext_moved_to_another_slot_does_not_decrypt() -> None:
    """Even the sender's own signature over the moved file's hash does not help: the
    encryption is bound to the bundle id and the file's path."""
    built = small_bundle()
    moved = _swap_payload(members_of(built.data), "payload/children/00001.hpke",
                          "payload/children/00002.hpke")
    assert refused(_relist(built.data, moved)) == "payload.decrypt"
    other = small_bundle(bundle_id="5a1d0e5e-0000-4000-8000-000000000002")
    from_other = [(n, dict(members_of(other.data))[n] if n.startswith("payload/") else d)
                  for n, d in members_of(built.data)]
    assert refused(_relist(built.data, from_other)) == "payload.decrypt"


def test_row_counts_and_the_row_check() -> None:
    built = small_bundle()
    value = manifest_value(built.data)
    value["files"][0]["rows"] = 9
    value["counts"]["children"] = 24
    assert refused(rezip(built.data, manifest=canonical.dumps(value), resign=MUNI)) == "payload.schema"

    def no_boys(table: str, row: dict[str, Any]) -> None:
        if table == "children" and row["sex"] == "M":
            raise ValueError("a boy")

    assert refused(built.data, row_check=no_boys) == "payload.schema"
    seen: list[str] = []
    verify_bundle(built.data, **verify_kwargs(row_check=lambda t, r: seen.append(t)))
    assert len(seen) == 34


def test_without_reading_rows_decryption_waits_for_the_reader() -> None:
    built = small_bundle()
    moved = _swap_payload(members_of(built.data), "payload/children/00001.hpke",
                          "payload/children/00002.hpke")
    verified = verify_bundle(_relist(built.data, moved), **verify_kwargs(read_rows=False))
    with pytest.raises(Refusal) as caught:
        list(verified.rows())
    assert caught.value.code == "payload.decrypt"


def test_the_wrong_private_key_does_not_decrypt() -> None:
    assert refused(small_bundle().data, box_private=MUNI.box_private) == "payload.decrypt"


def test_write_bundle_writes_what_verifies(tmp_path: Path) -> None:
    target = tmp_path / "out.samoe"
    built = write_bundle(target, sender=MUNI.keys, sign_private=MUNI.sign_private,
                         recipient=PROVINCE.keys, tables=small_tables(), sequence=1,
                         previous=None, created=T0, schema="0010", program="0.1.0")
    assert target.read_bytes() == built.data
    assert verify_bundle(target, **verify_kwargs()).manifest == built.manifest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.samoe"]
    assert province_trust().find(MUNI.keys.key_id) is not None


def test_payload_files_hold_at_most_ten_thousand_rows() -> None:
    from exchange_kit import children

    rows = children(25_001)
    built = small_bundle(tables={"children": iter(rows)}, rows_per_file=10_000)
    assert [(f.path, f.rows) for f in built.manifest.files] == [
        ("payload/children/00001.hpke", 10_000), ("payload/children/00002.hpke", 10_000),
        ("payload/children/00003.hpke", 5_001)]
    verified = verify_bundle(built.data, **verify_kwargs())
    assert sum(1 for _ in verified.rows()) == 25_001
    with pytest.raises(ValueError):
        small_bundle(rows_per_file=10_001)


def test_a_chain_refusal_carries_the_signed_manifest_for_the_province_to_judge() -> None:
    """The municipality restored a backup older than its last receipt: its bundle repeats
    sequence 2 with ``restored`` set. The format layer refuses it like any replay; the
    refusal hands the province the signed manifest, which may then verify the bundle
    against the state it continues from."""
    from desktop.exchange.bundle import ChainRefusal

    first = small_bundle()
    second = small_bundle(sequence=2, previous=first.manifest_hash, bundle_id=None)
    forked = small_bundle(sequence=2, previous=first.manifest_hash, bundle_id=None,
                          restored={"at": T0 + 99})
    with pytest.raises(ChainRefusal) as caught:
        verify_bundle(forked.data, **verify_kwargs(chain=ChainState(2, second.manifest_hash)))
    assert caught.value.code == "chain.replay"
    assert caught.value.manifest.restored == {"at": T0 + 99}
    assert caught.value.manifest_hash == forked.manifest_hash
    base = ChainState(caught.value.manifest.sequence - 1, caught.value.manifest.previous or "")
    assert verify_bundle(forked.data, **verify_kwargs(chain=base)).manifest.restored
