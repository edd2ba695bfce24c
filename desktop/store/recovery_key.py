"""The recovery key written for people (store/cipher.py re-exports these). No Qt.

13 groups of 5 characters: 4 characters of the 32-byte key in Crockford's base32 and one
check character each, so a mistyped group is named. Thai or full-width digits and
letters typed read as the ASCII ones.
"""

from __future__ import annotations

import hashlib
import unicodedata

from desktop.i18n import _
from desktop.store.cipher_errors import BadRecoveryKey

KEY_BYTES = 32
# Crockford's base32: no I, L, O, U; typed O is read as 0 and I, L as 1.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUP = 4
_GROUPS = 13  # 52 characters: 260 bits, the key's 256 and 4 zero bits


# -- recovery key ----------------------------------------------------------------------

def _check_char(index: int, group: str) -> str:
    digest = hashlib.sha256(f"{index}:{group}".encode("ascii")).digest()
    return _ALPHABET[digest[0] % 32]


def format_recovery_key(key: bytes) -> str:
    """``XXXXC-XXXXC-...``: 13 groups, each 4 base32 characters and a check character."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    bits = int.from_bytes(key, "big") << 4  # 260 bits
    chars = "".join(_ALPHABET[(bits >> (5 * (51 - i))) & 31] for i in range(52))
    groups = [chars[i:i + _GROUP] for i in range(0, 52, _GROUP)]
    return "-".join(g + _check_char(n, g) for n, g in enumerate(groups))


def parse_recovery_key(text: str) -> bytes:
    """The key from a typed recovery key (spaces, dashes and case do not matter);
    BadRecoveryKey names the first group that does not check."""
    # Thai or full-width digits and letters (a Thai keyboard, an IME) read as the ASCII ones
    folded = unicodedata.normalize("NFKC", text).upper()
    cleaned = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded if c.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    size = _GROUP + 1
    if len(cleaned) != _GROUPS * size or any(c not in _ALPHABET for c in cleaned):
        raise BadRecoveryKey(_("รหัสกู้คืนต้องมี {n} กลุ่ม กลุ่มละ {m} ตัวอักษร (ตัวเลขและอักษรอังกฤษ)")
                             .format(n=_GROUPS, m=size))
    bits = 0
    for n in range(_GROUPS):
        chunk = cleaned[n * size:(n + 1) * size]
        group, check = chunk[:_GROUP], chunk[_GROUP]
        if _check_char(n, group) != check:
            raise BadRecoveryKey(_("รหัสกู้คืนกลุ่มที่ {n} ({group}) พิมพ์ผิด โปรดตรวจอีกครั้ง")
                                 .format(n=n + 1, group=chunk))
        for c in group:
            bits = (bits << 5) | _ALPHABET.index(c)
    if bits & 0xF:
        raise BadRecoveryKey(_("รหัสกู้คืนไม่ถูกต้อง โปรดตรวจอีกครั้ง"))
    return (bits >> 4).to_bytes(KEY_BYTES, "big")
