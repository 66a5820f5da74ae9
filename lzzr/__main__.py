"""`python -m lzzr` runs the command line."""

from lzzr.cli import main

raise SystemExit(main())
