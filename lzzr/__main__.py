"""`python -m lzzr` runs the command line."""

if __name__ == "__main__":  # a spawned render worker imports this module too: it needs no app
    from lzzr.cli import run

    run()
