"""Every user-facing message, in Chinese and English, keyed by code: one catalogue per phase.

`CATALOG` joins them; a code belongs to exactly one catalogue (tests/test_messages.py).
A new phase adds its module here, nothing registers itself by being imported.
"""

from __future__ import annotations

from lzzr.messages import (
    accountability,
    assess,
    cli,
    documents,
    exchange,
    render,
    rules,
    safety,
    scoring,
    supervision,
    workspace,
)

CATALOGUES: dict[str, dict[str, tuple[str, str]]] = {
    "workspace": workspace.CATALOG,
    "rules": rules.CATALOG,
    "render": render.CATALOG,
    "assess": assess.CATALOG,
    "supervision": supervision.CATALOG,
    "scoring": scoring.CATALOG,
    "exchange": exchange.CATALOG,
    "cli": cli.CATALOG,
    "accountability": accountability.CATALOG,
    "safety": safety.CATALOG,
    "documents": documents.CATALOG,
}
CATALOG: dict[str, tuple[str, str]] = {code: pair for part in CATALOGUES.values() for code, pair in part.items()}
KINDS: dict[str, tuple[str, str]] = {**workspace.KINDS, **documents.KINDS}
SEVERITY: dict[str, tuple[str, str]] = dict(workspace.SEVERITY)
