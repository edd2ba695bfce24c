"""PDF reports (reportlab, Thai shaping and line breaking) and spreadsheets. No Qt."""
