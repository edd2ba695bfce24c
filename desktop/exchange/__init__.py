"""The signed export bundle: canonical manifest, sign, verify, encrypt, key registry. No Qt."""
