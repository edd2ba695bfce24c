"""Pure rules of Samoe. Imports nothing of ours, no Qt, no SQL."""
