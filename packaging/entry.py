"""PyInstaller's entry script for the ``samoe`` program (see packaging/samoe.spec).

Kept tiny so the bundle starts exactly like the installed ``samoe`` console script.
"""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a library spawns processes
    sys.exit(main())
