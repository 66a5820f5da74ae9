"""lzzr: the 党风廉政建设责任制 (clean-governance responsibility system) toolkit."""

__version__ = "0.1.0"
