"""`python -m lzzr` runs the command line."""

from lzzr.cli.app import main

if __name__ == "__main__":  # worker processes import this module too; only the CLI runs main
    raise SystemExit(main())
