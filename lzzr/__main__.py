"""`python -m lzzr` runs the command line."""

from lzzr.cli.app import run

if __name__ == "__main__":  # worker processes import this module too; only the CLI runs main
    run()
