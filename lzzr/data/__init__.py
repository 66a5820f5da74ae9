"""Data files shipped with lzzr (word lists the rules read)."""
