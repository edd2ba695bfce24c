"""What store/cipher.py raises (re-exported there: ``cipher.CipherError`` and the rest). No Qt."""

from __future__ import annotations


class CipherError(Exception):
    """The key could not be had; ``message`` is Thai, for the screen."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassword(CipherError):  # noqa: N818 - the words a clerk sees
    pass


class NoWrap(CipherError):  # noqa: N818
    """The keyring holds nothing for this user (or there is no keyring)."""


class KeyringDamaged(CipherError):
    pass


class BadRecoveryKey(CipherError):
    pass


class KeyringOfAnotherFile(KeyringDamaged):
    """The keyring's key does not open the file, and the keyring was last seen beside
    another file: another database's, or the one from before a re-key."""


class EncryptFailed(CipherError):
    """``encrypt_in_place`` did not finish; the plain file is as it was."""
