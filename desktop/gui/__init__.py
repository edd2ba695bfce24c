"""Qt only: the application, main window, views, table models, widgets, workers."""
