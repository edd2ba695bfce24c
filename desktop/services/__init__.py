"""Use cases: one module per capability. They take a Session and return plain data. No Qt."""
