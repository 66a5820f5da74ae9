"""What `lzzr sign` checks before it records a signature: the date (after the issue, while
the signer holds the post, not in the future, by the year's 签订时限), a second signature by
the same person, and the content of a file named on the command line. Pure but for reading
that file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lzzr.documents.register import Register, party_of, sha256_bytes, sign_entry
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post

Finding = tuple[str, dict[str, Any]]


@dataclass
class SignCheck:
    """Errors refuse the signature; warnings are printed and the signature is recorded."""

    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


def check_signing(ws: Workspace | None, doc_id: str, entry: dict[str, Any], party: dict[str, Any],
                  day: dt.date, today: dt.date, correct: bool) -> SignCheck:
    """Everything wrong with `party` signing `entry` on `day`."""
    found = SignCheck()
    name, when = str(party["name"]), day.isoformat()
    issued = _date(entry.get("issued"))
    if issued is not None and day < issued:
        found.errors.append(("sign.before_issue", {"date": when, "doc": doc_id, "issued": issued.isoformat()}))
    if day > today:
        found.errors.append(("sign.future", {"date": when, "today": today.isoformat()}))
    found.errors += _post_findings(ws, party, day)
    earlier = next((s for s in entry.get("signatures", []) if s.get("leader") == party["leader"]), None)
    if earlier is not None and not correct:
        found.errors.append(("sign.again", {"who": name, "date": str(earlier.get("date", "?"))}))
    deadline = ws.plan.letters_by if ws is not None and ws.plan is not None else None
    if deadline is not None and day > deadline:
        found.warnings.append(("sign.late", {"date": when, "deadline": deadline.isoformat()}))
    return found


def _post_findings(ws: Workspace | None, party: dict[str, Any], day: dt.date) -> list[Finding]:
    posts = _posts(ws, party)
    if not posts or any(p.active_on(day) for p in posts):
        return []
    post = posts[0]
    args = {"who": party["name"], "post": post.title, "date": day.isoformat()}
    if post.start is not None and day < post.start:
        return [("sign.before_post", {**args, "start": post.start.isoformat()})]
    return [("sign.after_post", {**args, "end": post.end.isoformat() if post.end else "?"})]


def _posts(ws: Workspace | None, party: dict[str, Any]) -> list[Post]:
    """The signer's posts on the team of the unit the letter names (its title first)."""
    team = ws.teams.get(str(party.get("unit", ""))) if ws is not None else None
    if team is None:
        return []
    posts = [p for p in team.members if p.leader == party["leader"]]
    return sorted(posts, key=lambda p: p.title != party.get("post"))


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def file_matches(path: Path, entry: dict[str, Any]) -> bool:
    """Whether the file is the registered PDF (or a copy of it with signatures appended)."""
    from lzzr.documents.signing import first_revision

    data = path.read_bytes()
    want = entry.get("pdf_sha256")
    first = first_revision(data)
    return sha256_bytes(data) == want or (first is not None and sha256_bytes(first) == want)


def sign_letter(register: Register, ref: str, by: str, day: dt.date, correct: bool,
                today: dt.date) -> tuple[str, str, SignCheck]:
    """Check and record a signature: (document id, signer's name, what was found). Nothing
    is recorded when there are errors; the caller saves the register."""
    doc_id, entry = register.find(ref)
    party = party_of(entry, by)
    found = SignCheck()
    path = Path(ref)
    if entry.get("kind") == "letter-signed":  # a 签订本 is signed through its letter, never itself
        found.errors.append(("sign.copy", {"doc": doc_id, "of": str(entry.get("of", ""))}))
    if path.is_file() and not file_matches(path, entry):
        found.errors.append(("sign.file_differs", {"file": str(path), "doc": doc_id}))
    checked = check_signing(_workspace(register.path.parent), doc_id, entry, party, day, today, correct)
    found.errors += checked.errors
    found.warnings += checked.warnings
    if not found.errors:
        sign_entry(entry, by, day)
    return doc_id, str(party["name"]), found


def _workspace(root: Path) -> Workspace | None:
    """The workspace for the signers' posts and the 签订时限 (None when it cannot be read)."""
    from lzzr.errors import LzzrError
    from lzzr.workspace.load import load_workspace

    try:
        return load_workspace(root)[0]
    except LzzrError:
        return None
