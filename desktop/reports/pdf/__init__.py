"""The PDF layer: Sarabun embedded, Thai shaped (uharfbuzz) and broken at word boundaries
(pythainlp), text extractable as the original Thai, a shared page template and a fast
table layout. Plain reportlab canvas drawing, no Qt; nothing is loaded at import time.
"""
