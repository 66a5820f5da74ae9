"""Every section a workspace file may hold, built in one place (nothing registers itself).

A data file is a mapping of sections. Most sections hold records keyed by id
(`单位: {xw: …}`); a few hold one record (`方案`, `考核方案`). Each entry names the record
kind (used in messages: `任务 T03: …`) and the pydantic model that validates a record.
To add a section, define its model (in `model.py`, `records.py` or a module of its own
in this package), add it here, and give its kind a label in `lzzr/messages/workspace.py`.
"""

from __future__ import annotations

from lzzr.workspace.assessors import ASSESSOR_SECTIONS
from lzzr.workspace.incidents import SECTION as RULES_SECTION
from lzzr.workspace.incidents import AccountabilityRules
from lzzr.workspace.letters_setup import KIND as LETTERS_KIND
from lzzr.workspace.letters_setup import SECTION as LETTERS_SECTION
from lzzr.workspace.letters_setup import LetterSetup
from lzzr.workspace.model import CORE_SECTIONS, CORE_SINGLETONS, Frozen
from lzzr.workspace.records import RECORD_SECTIONS
from lzzr.workspace.scheme import SECTION as SCHEME_SECTION
from lzzr.workspace.scheme import Scheme
from lzzr.workspace.supervision import SUPERVISION_SECTIONS

SECTIONS: dict[str, tuple[str, type[Frozen]]] = {**CORE_SECTIONS, **RECORD_SECTIONS, **SUPERVISION_SECTIONS,
                                               **ASSESSOR_SECTIONS}
SINGLETONS: dict[str, tuple[str, type[Frozen]]] = {**CORE_SINGLETONS, SCHEME_SECTION: ("scheme", Scheme),
                                                   RULES_SECTION: ("acc_rules", AccountabilityRules),
                                                   LETTERS_SECTION: (LETTERS_KIND, LetterSetup)}
