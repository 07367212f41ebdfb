"""`oefenplek` and `python -m oefenplek`: the app, or a command (see oefenplek.cli)."""

import sys

from oefenplek.cli import main

if __name__ == "__main__":
    sys.exit(main())
