"""The 廉政档案 folder: one YAML file per leader (`廉政档案/<leader-id>.yaml`), written by two
phases — the assessment (`考核记录`, by year) and accountability (`责任追究`, by incident).

This module holds what both share: the round-trip YAML (comments and a cadre's own keys kept),
reading a leader's file with located refusals, the confinement of the folder and its files to
the workspace (symlinks included), and the write: every file is read before any is written, so
a file that cannot be read stops the run unchanged; each is written atomically.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from lzzr.errors import LzzrError
from lzzr.fsutil import leaves, write_atomic
from lzzr.i18n import t
from lzzr.text import cut

from .load import Workspace
from .reader import round_trip_yaml, shallow_text

ARCHIVE_DIR = "廉政档案"

Entry = TypeVar("Entry")


def read_leader_file(yaml: YAML, path: Path, key: str, comment: str) -> CommentedMap:
    """A leader's file (an empty one headed by `comment` when absent); LzzrError when it
    cannot be read, is not a mapping, or its `key` is not a mapping."""
    if not path.exists():
        doc = CommentedMap()
        doc.yaml_set_start_comment(comment)
        return doc
    try:
        data = yaml.load(shallow_text(path))  # nested past the depth limit: refused at its place
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise LzzrError("archive.bad", path=str(path), detail=cut(str(exc).splitlines()[0])) from None
    except RecursionError:
        raise LzzrError("archive.bad", path=str(path), detail=t("register.too_deep")) from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap) or not isinstance(data.get(key, CommentedMap()), CommentedMap):
        raise LzzrError("archive.bad", path=str(path), detail=t("archive.shape", key=key))
    return data


def confine(ws: Workspace, where: Path, leaders: list[str], named: bool) -> None:
    """Refuse a folder or a leader's file that leads out of the workspace, a folder that is a
    file, or a file that is a folder. `named`: the folder was given by the caller (so the path
    is printed as given rather than relative to the workspace)."""
    for path in (where, *(where / f"{leader}.yaml" for leader in leaders)):
        if leaves(path, ws.root):
            raise LzzrError("path.outside", path=str(path) if named else str(path.relative_to(ws.root)))
        if path.exists() and path.is_dir() == path.name.endswith(".yaml"):
            detail = t("archive.not_file" if path != where else "archive.not_folder")
            raise LzzrError("archive.bad", path=str(path), detail=detail)


def write_leader_files(ws: Workspace, entries: Mapping[str, Entry], key: str, comment: str,
                       put: Callable[[CommentedMap, Entry], None], folder: Path | None = None) -> list[Path]:
    """Write (or update) each leader's file: `put(doc, entry)` changes the keys lzzr owns under
    `key` and keeps the rest. The header (领导, 姓名) and `key` are added when missing."""
    where = folder or ws.root / ARCHIVE_DIR
    confine(ws, where, list(entries), folder is not None)
    yaml = round_trip_yaml()
    docs = {leader: read_leader_file(yaml, where / f"{leader}.yaml", key, comment) for leader in entries}
    written = []
    for leader, entry in entries.items():
        doc = docs[leader]
        person = ws.leaders.get(leader)
        for pos, (name, value) in enumerate((("领导", leader), ("姓名", person.name if person else leader))):
            if name not in doc:
                doc.insert(pos, name, value)
        if key not in doc:
            doc[key] = CommentedMap()
        put(doc, entry)
        buffer = io.StringIO()
        yaml.dump(doc, buffer)
        path = where / f"{leader}.yaml"
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written
